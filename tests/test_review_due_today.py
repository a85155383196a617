"""What is due today, per library and per calendar day, and where the reader sees it (header, palette)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from conftest import SAMPLES
from pilot_helpers import WIDE, plain_text, reading, settle
from textual.widgets import Label, Static

from hltui.library import Library, load_library
from hltui.model import Document, Highlight
from hltui.review import calendar_days
from hltui.review.ids import document_id, highlight_id
from hltui.review.reader_state import due_today
from hltui.review.stats import calendar_weeks, retention_per_month
from hltui.review.store import ReviewStore
from hltui.tui.app import HEADER_CHROME, library_summary
from hltui.tui.widgets.review_calendar import ReviewCalendar

MORNING = datetime(2026, 3, 2, 9, 0).astimezone()
HERE = Document("Walden", "walden.md", highlights=(Highlight("Simplify."), Highlight("Live deliberately.")))
ELSEWHERE = Document("Emma", "emma.md", highlights=(Highlight("Badly done, Emma!"),))


def rate_due_at(store: ReviewStore, document: Document, index: int, due: datetime) -> None:
    """A card for the highlight that falls due at `due` (a first Again gives one day)."""
    stable_id = highlight_id(document, document.highlights[index])
    store.rate(stable_id, 1, now=due - timedelta(days=1), document_id=document_id(document))
    card = store.card(stable_id)
    assert card is not None and abs(card.due - due) < timedelta(minutes=1)


def test_due_today_counts_this_librarys_cards_due_before_the_day_ends(tmp_path: Path) -> None:
    path = tmp_path / "review.sqlite"
    library = Library(tmp_path / "books", (HERE,))
    assert due_today(library, path, MORNING) is None  # no review yet: no database is made to say so
    store = ReviewStore(path)
    rate_due_at(store, HERE, 0, MORNING - timedelta(hours=1))  # overdue
    rate_due_at(store, HERE, 1, MORNING + timedelta(hours=10))  # this evening: still today
    rate_due_at(store, ELSEWHERE, 0, MORNING - timedelta(hours=2))  # another library's
    store.close()
    assert due_today(library, path, MORNING) == 2
    assert due_today(Library(tmp_path / "novels", (ELSEWHERE,)), path, MORNING) == 1


async def test_the_header_says_what_is_due_and_the_palette_names_the_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(calendar_days, "current_moment", lambda: MORNING)
    [document, *_] = load_library(SAMPLES).documents
    store = ReviewStore()
    for index in range(3):
        rate_due_at(store, document, index, MORNING - timedelta(hours=1))
    store.close()
    async with reading(size=WIDE) as (app, pilot, screen):
        await settle(pilot)
        assert "3 due (R)" in app.sub_title
        commands = {command.title: command.help for command in app.get_system_commands(screen)}
        assert commands["Daily review"].endswith("(R)") and commands["Favorite highlights"].endswith("(F)")
        assert commands["Statistics"].endswith("(S)") and commands["Review this tag or document"].endswith("(v)")
        assert commands["Group by author"] == "Group the tree by author"  # no key of its own


def test_at_80_columns_the_header_keeps_the_due_count() -> None:
    library = load_library(SAMPLES)
    room = 80 - HEADER_CHROME - len("hltui") - 3
    assert library_summary(library, room, due=10) == "sample_exports · 15 docs · 222 hl · 10 due (R) · 4 (e)"
    assert library_summary(library, room) == "sample_exports · 15 docs · 222 hl · 4 (e)"
    assert "due" not in library_summary(library, 30, due=10)  # too narrow even for the short wording with it


async def test_statistics_count_this_librarys_due_highlights_until_midnight(monkeypatch: pytest.MonkeyPatch) -> None:
    """S said '0 due today' while the review said 'next due later today', and counted another library's card."""
    monkeypatch.setattr(calendar_days, "current_moment", lambda: MORNING)
    [document, *_] = load_library(SAMPLES).documents
    store = ReviewStore()
    rate_due_at(store, document, 0, MORNING + timedelta(hours=10))  # this evening
    rate_due_at(store, document, 1, MORNING + timedelta(hours=11))
    rate_due_at(store, ELSEWHERE, 0, MORNING - timedelta(hours=1))  # another library's, overdue
    store.close()
    async with reading(size=WIDE) as (app, pilot, _):
        await pilot.press("S")
        await settle(pilot)
        summary = str(app.screen.query_one("#stats-summary", Static).content)
        assert "2 due today" in summary
        months_title = [str(label.content) for label in app.screen.query(Label) if "Documents" in str(label.content)]
        undated = sum(1 for document in load_library(SAMPLES).documents if not document.updated)
        assert months_title and (f"{undated} documents without a date left out" in months_title[0]) == (undated > 1)


def test_retention_per_month_and_the_calendar_grid() -> None:
    zone = MORNING.tzinfo
    assert zone is not None
    march, april = MORNING.timestamp(), (MORNING + timedelta(days=31)).timestamp()
    log = [(3, march), (1, march), (4, march), (2, april)]
    assert retention_per_month(log, zone) == [("2026-03", 3, 2), ("2026-04", 1, 0)]
    monday = datetime(2026, 3, 2).date()  # a Monday
    days = [(monday + timedelta(days=offset), offset + 2) for offset in range(-2, 10)]  # from a Saturday
    weeks = calendar_weeks(days)
    assert len(weeks) == 7 and weeks[5][0] == 0 and weeks[6][0] == 1 and weeks[0][0] is None
    assert weeks[0][1] == 2 and weeks[2][2] == 11 and weeks[3][2] is None


async def test_statistics_show_the_review_calendar_and_what_was_remembered() -> None:
    [document, *_] = load_library(SAMPLES).documents
    store = ReviewStore()
    for index, rating in enumerate((3, 4, 1)):
        store.rate(highlight_id(document, document.highlights[index]), rating, document_id=document_id(document))
    store.close()
    async with reading(size=WIDE) as (app, pilot, _):
        await pilot.press("S")
        await settle(pilot)
        screen = app.screen
        summary = str(screen.query_one("#stats-summary", Static).content)
        assert "3 highlights reviewed at least once" in summary
        calendar = screen.query_one(ReviewCalendar).content
        assert "Mon" in str(calendar) and "■" in str(calendar)
        retention = plain_text(screen.query_one("#stats-retention", Static).content)
        assert "67% of 3" in retention
