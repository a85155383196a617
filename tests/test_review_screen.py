"""The review, driven with the keys a user presses; its state survives a restart; the exports are untouched."""

from __future__ import annotations

import io
import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import SAMPLES, fingerprint
from pilot_helpers import pane_lines, plain_text, press_each, reading, reviewing, screen_lines, screen_text, started
from rich.console import Console
from textual.widgets import Input, Sparkline, Static

from hltui.cli import main
from hltui.library import Group
from hltui.review.store import ReviewStore
from hltui.tui.screens.document_view import DocumentView
from hltui.tui.screens.main import MainScreen
from hltui.tui.screens.review import ReviewScreen
from hltui.tui.screens.stats import StatsScreen
from hltui.tui.widgets.detail_pane import DetailPane
from hltui.tui.widgets.tag_tree import TagTree


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "exports"
    shutil.copytree(SAMPLES, folder)
    return folder


def shown(screen: ReviewScreen, widget_id: str) -> str:
    """What one of the review's parts shows, as plain text."""
    return plain_text(screen.query_one(f"#{widget_id}", Static).content)


async def test_a_whole_daily_review_with_keys_is_kept_after_a_restart(library: Path) -> None:
    before = fingerprint(library)
    async with reviewing(library, (100, 30)) as (app, pilot, review):
        total = len(review.pairs)
        assert total == 10 and shown(review, "review-progress").startswith("1 / 10")
        first_title = review.pairs[0][0].title
        assert first_title in shown(review, "review-source")
        await press_each(pilot, "3")  # good
        assert shown(review, "review-progress").startswith("2 / 10")
        await press_each(pilot, "f")  # favorite the second one
        assert "favorite" in shown(review, "review-source")
        await press_each(pilot, "n")
        assert isinstance(app.screen.focused, Input)
        await pilot.press(*"keep this")
        await press_each(pilot, "enter")
        assert "Your note: keep this" in shown(review, "review-notes")
        await press_each(pilot, "d")  # discard the second one
        await press_each(pilot, "u")  # ... and take it back
        assert shown(review, "review-progress").startswith("2 / 10")
        await press_each(pilot, "1", "space", *"4" * 7)
        # The day's set is done (issue 15: it said "Daily review finished: 9 rated of 10" and R drew another set).
        assert "Done for today: all 10 highlights" in shown(review, "review-progress")
        rated = [review.pairs[index] for index in (0, 1, *range(3, 10))]
        await press_each(pilot, "q")
        assert isinstance(app.screen, MainScreen)
    store = ReviewStore()
    later = datetime.now(UTC) + timedelta(days=400)
    assert store.due_count(later) == 9 and store.notes() and store.favorites()
    assert all(store.card(hid) is not None for hid in _ids(rated))
    store.close()
    assert fingerprint(library) == before  # the review never wrote in the export folder
    async with started(library, (100, 40)) as (restarted, pilot):
        await press_each(pilot, "S")
        summary = str(restarted.screen.query_one("#stats-summary", Static).content)
        assert "0 due today" in summary and "9 reviews in the last 30 days" in summary


def _ids(pairs: list[tuple[object, int]]) -> list[str]:
    from hltui.review.ids import highlight_id

    return [highlight_id(document, document.highlights[index]) for document, index in pairs]  # type: ignore[attr-defined]


async def test_v_reviews_the_tag_under_the_cursor(library: Path) -> None:
    async with reading(library, (100, 30)) as (app, pilot, _):
        await press_each(pilot, "v")  # the cursor starts on Favorites
        review = app.screen
        assert isinstance(review, ReviewScreen) and review.review_title == "Review: Favorites"
        assert review.pairs and all(document.is_favorite for document, _ in review.pairs)


def test_random_prints_one_highlight_with_its_citation(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["random", str(library), "--tag", "walking", "--format", "json"]) == 0
    picked = json.loads(capsys.readouterr().out)
    assert picked["text"] and picked["title"]
    assert main(["random", str(library), "--format", "markdown"]) == 0
    quote = capsys.readouterr().out
    assert quote.startswith("> ") and "\n— " in quote
    assert main(["random", str(library), "--tag", "no-such-tag-anywhere"]) != 0


async def test_a_favorite_set_in_a_review_joins_the_trees_favorites_group(library: Path) -> None:
    async with reviewing(library) as (app, pilot, review):
        position = next(number for number, (document, _) in enumerate(review.pairs) if not document.is_favorite)
        chosen = review.pairs[position][0]
        await press_each(pilot, *[" "] * position, "f", "q")
        main_screen = app.screen
        assert isinstance(main_screen, MainScreen)
        favorites = main_screen.query_one(TagTree).root.children[0].data
        assert isinstance(favorites, Group) and favorites.name == "Favorites"
        assert chosen in favorites.documents


async def test_statistics_chart_the_reviews_done_and_the_library(library: Path) -> None:
    async with reviewing(library) as (app, pilot, _):
        await press_each(pilot, "3", "4", "q", "S")
        stats = app.screen
        assert isinstance(stats, StatsScreen)
        assert sum(stats.query_one("#stats-reviews", Sparkline).data or []) == 2
        summary = str(stats.query_one("#stats-summary", Static).content)
        assert "15 documents · 222 highlights" in summary and "streak 1 day ·" in summary
        console = Console(width=100, file=io.StringIO(), color_system=None)
        console.print(stats.query_one("#stats-categories", Static).content)
        categories = console.file.getvalue()  # type: ignore[attr-defined]
        assert "books" in categories and "█" in categories
        await press_each(pilot, "q")
        assert isinstance(app.screen, MainScreen)


async def test_ctrl_r_in_search_reviews_the_results(library: Path) -> None:
    async with reading(library, (100, 30)) as (app, pilot, _):
        await press_each(pilot, "slash")
        await pilot.press(*"walking")
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        await press_each(pilot, "ctrl+r")
        review = app.screen
        assert isinstance(review, ReviewScreen) and review.review_title == "Review: search “walking”"
        assert review.pairs and len(review.pairs) <= 50


async def test_hltui_review_starts_in_the_review_when_the_cache_was_already_up_to_date(library: Path) -> None:
    assert main(["check", str(library)]) == 0  # the cache now holds every file
    async with started(library, (100, 30), start_in_review=True) as (app, pilot):
        assert isinstance(app.screen, ReviewScreen)
        main_screen = app.screen_stack[-2]
        assert isinstance(main_screen, MainScreen) and main_screen.library is not None and not main_screen.is_loading


async def test_your_own_note_from_a_review_shows_on_the_highlights_card_in_the_reader(library: Path) -> None:
    async with reviewing(library) as (app, pilot, review):
        document, index = review.pairs[0]
        await press_each(pilot, "n")
        await pilot.press(*"mine alone")
        await press_each(pilot, "enter", "q")
        main_screen = app.screen
        assert isinstance(main_screen, MainScreen)
        main_screen.show_document(document, index)
        await pilot.pause()
        await pilot.pause()
        pane = main_screen.query_one(DetailPane)
        painted = "\n".join(pane_lines(pane))
        assert "Your note: mine alone" in painted


async def test_at_80_columns_the_review_footer_keeps_leave_and_help() -> None:
    async with reading() as (_, pilot, screen):
        await pilot.press("R")
        await pilot.pause()
        assert isinstance(screen.app.screen, ReviewScreen)
        footer = (await screen_lines(pilot))[-1]
        assert "q Leave" in footer and "? Help" in footer and "1 Again" in footer


async def test_c_in_a_review_copies_the_card_and_says_so_briefly(library: Path) -> None:
    """A notice of its own, not the reader's preview: at 80x24 a three-line preview covers the card."""
    async with reviewing(library, size=(80, 24)) as (app, pilot, review):
        document, index = review.pairs[0]
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == document.highlights[index].text
        [notice] = [notification for notification in app._notifications if "Copied" in notification.message]
        assert notice.message == "Copied highlight" and notice.timeout == 1.5


async def test_help_in_a_review_lists_the_reviews_keys(library: Path) -> None:
    async with reviewing(library, size=(100, 50)) as (app, pilot, _):
        await press_each(pilot, "question_mark")
        listed = screen_text(app.screen)
        assert "Rate: again" in listed and "Show this document more often" in listed  # + and - at last
        assert "Copy as a Markdown quote with its source" in listed
        assert "Open the document's URL in the browser" not in listed  # the reader's keys are not this screen's


async def test_c_capital_in_a_review_copies_the_card_as_a_quote(library: Path) -> None:
    async with reviewing(library, size=(80, 24)) as (app, pilot, review):
        document, index = review.pairs[0]
        await press_each(pilot, "C")
        first_line = document.highlights[index].text.splitlines()[0]
        assert app.clipboard.startswith(f"> {first_line}") and f"\n— {document.author}" in app.clipboard


async def test_enter_reads_the_card_in_its_document_and_escape_returns_to_it(library: Path) -> None:
    async with reviewing(library, size=(100, 30)) as (app, pilot, review):
        await press_each(pilot, "3")  # the second card, so returning to the first would show
        document, index = review.pairs[1]
        await press_each(pilot, "enter")
        view = app.screen
        assert isinstance(view, DocumentView)
        pane = view.query_one(DetailPane)
        assert pane.document is document and pane.cursor == index and view.focused is pane
        await press_each(pilot, "j", "escape")
        assert app.screen is review and review.position == 1


async def test_undo_says_what_it_undid_and_stays_within_the_review(library: Path) -> None:
    async with reviewing(library, size=(100, 30)) as (app, pilot, review):
        await press_each(pilot, "plus", "f", "q")  # a weight and a star, then leave
    async with reviewing(library, size=(100, 30)) as (app, pilot, review):
        await press_each(pilot, "u")  # nothing of this review yet: the earlier changes stay
        messages = [notification.message for notification in app._notifications]
        assert "Nothing to undo in this review" in messages
        store = review.store
        assert store.weights() and store.favorites()
        await press_each(pilot, "f", "u")
        undid = [message for message in (n.message for n in app._notifications) if message.startswith("Undid")]
        assert (
            undid and undid[-1].startswith("Undid: star on “") and undid[-1].endswith(f"({review.pairs[0][0].title})")
        )
