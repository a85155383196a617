"""The reader at 80x24 and on a wide terminal: nothing cut that matters (issue 9, items 10-16)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reader_driving import reading, screen_lines, show

from hltui.tui.screens.link_chooser import LinkChooser
from hltui.tui.screens.problems import ProblemsScreen
from hltui.tui.screens.review import ReviewScreen
from hltui.tui.screens.search import RESULT_LIMIT, SearchScreen
from hltui.tui.widgets.detail_pane import DetailPane
from hltui.tui.widgets.tag_tree import TagTree

LONG_URL = "https://example.org/essays/2023/11/on-the-pleasures-of-walking-slowly-through-old-towns?ref=reader"
LONG_NAME = "an-export-file-whose-name-is-long-enough-to-need-two-lines-at-eighty-columns.md"
SKIPPED_NAME = "a-long-export-file-name-that-used-to-break-mid-word.md"  # fits the dialog at 80 columns


async def test_long_titles_end_with_an_ellipsis_and_keep_their_count_at_the_edge() -> None:
    async with reading() as (pilot, screen):
        await pilot.press("l")  # open Favorites
        await pilot.pause()
        [row] = [line for line in (await screen_lines(pilot)) if "The Autobiography" in line]
        tree_part = row[: screen.query_one(TagTree).outer_size.width - 1].rstrip()
        assert "…" in tree_part
        assert tree_part.endswith(" 9")  # its 9 highlights, right-aligned against the border


async def test_group_counts_say_documents_and_highlights() -> None:
    async with reading() as (pilot, _):
        rows = await screen_lines(pilot)
        assert any("philosophy" in row and row.split("▕")[0].rstrip().endswith("2 · 133") for row in rows)


async def test_the_tree_is_sized_to_the_terminal() -> None:
    async with reading(size=(160, 50)) as (_, screen):
        assert screen.query_one(TagTree).outer_size.width >= 50
    async with reading(size=(80, 24)) as (_, screen):
        assert screen.query_one(DetailPane).outer_size.width >= 40


async def test_at_80_columns_the_header_is_whole_and_the_footer_keeps_quit_and_help() -> None:
    async with reading() as (pilot, screen):
        await show(pilot, screen, "Alice's Adventures in Wonderland")
        assert screen.focused is screen.query_one(DetailPane)
        rows = await screen_lines(pilot)
        assert "…" not in rows[0] and "15 docs" in rows[0] and "(e)" in rows[0]
        assert "q Quit" in rows[-1] and "? Help" in rows[-1]
        assert "Next" in rows[-1]  # the pane's own keys are kept before screen-wide ones


async def test_url_and_file_lines_wrap_instead_of_being_cut(tmp_path: Path) -> None:
    (tmp_path / LONG_NAME).write_text(
        f"# Walking\n## Metadata\n- URL: {LONG_URL}\n## Highlights\n- The road goes ever on.\n", encoding="utf-8"
    )
    async with reading(tmp_path) as (pilot, screen):
        await show(pilot, screen, "Walking")
        pane = screen.query_one(DetailPane)
        rows = [pane.render_line(y).text.strip() for y in range(pane.scrollable_content_region.height)]
        joined = "".join(rows)
        assert "…" not in joined
        assert LONG_URL in joined and LONG_NAME in joined


async def test_problem_file_names_stay_whole_on_their_line(tmp_path: Path) -> None:
    (tmp_path / "fine.md").write_text("# Fine\n## Highlights\n- One.\n", encoding="utf-8")
    (tmp_path / SKIPPED_NAME).write_bytes(b"\xff\xfe not text \x00\x00")
    async with reading(tmp_path) as (pilot, screen):
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(screen.app.screen, ProblemsScreen)
        assert any(SKIPPED_NAME in row for row in (await screen_lines(pilot)))


async def test_the_pane_says_which_highlight_of_how_many() -> None:
    async with reading() as (pilot, screen):
        await show(pilot, screen, "Alice's Adventures in Wonderland")
        await pilot.press("j", "j")
        await pilot.pause()
        assert any(row.rstrip().endswith("highlight 3 of 8") for row in (await screen_lines(pilot)))


async def test_star_shows_only_the_open_documents_favorites_and_back() -> None:
    async with reading() as (pilot, screen):
        document = await show(pilot, screen, "Alice's Adventures in Wonderland")
        favorites = [h for h in document.highlights if h.is_favorite]
        assert 0 < len(favorites) < len(document.highlights)
        await pilot.press("asterisk")
        await pilot.pause()
        pane = screen.query_one(DetailPane)
        assert list(pane.highlights) == favorites
        assert any(f"favorite 1 of {len(favorites)}" in row for row in (await screen_lines(pilot)))
        await pilot.press("j")  # the next favorite, whatever lies between
        await pilot.pause()
        assert screen.highlight == favorites[1]
        assert any(f"favorite 2 of {len(favorites)}" in row for row in (await screen_lines(pilot)))
        await pilot.press("asterisk")  # all again, the cursor still on that highlight
        await pilot.pause()
        assert len(pane.highlights) == len(document.highlights)
        assert screen.highlight == favorites[1]


async def test_favorites_view_lists_favorite_highlights_across_documents_and_jumps_to_one() -> None:
    async with reading(size=(120, 40)) as (pilot, screen):
        assert screen.library is not None
        everywhere = [(d.title, h.text) for d in screen.library.documents for h in d.highlights if h.is_favorite]
        assert len({title for title, _ in everywhere}) > 1
        await pilot.press("F")
        await pilot.pause()
        await screen.app.workers.wait_for_complete()
        await pilot.pause()
        view = screen.app.screen
        assert isinstance(view, SearchScreen)
        assert sorted(
            (hit.document.title, hit.document.highlights[hit.highlight_index or 0].text) for hit in view.hits
        ) == sorted(everywhere)
        await pilot.press(*"curiouser")
        await screen.app.workers.wait_for_complete()
        await pilot.pause()
        assert view.hits == []  # 'Curiouser and curiouser!' is one of Alice's highlights, not a favorite
        await pilot.press("ctrl+a", "ctrl+k", *"yesterday")
        await screen.app.workers.wait_for_complete()
        await pilot.pause()
        [hit] = view.hits
        await pilot.press("enter")
        await pilot.pause()
        assert screen.app.screen is screen
        assert screen.current_document is hit.document and screen.highlight is not None
        assert "yesterday" in screen.highlight.text


async def test_at_80_columns_the_review_footer_keeps_leave_and_help() -> None:
    async with reading() as (pilot, screen):
        await pilot.press("R")
        await pilot.pause()
        assert isinstance(screen.app.screen, ReviewScreen)
        footer = (await screen_lines(pilot))[-1]
        assert "q Leave" in footer and "? Help" in footer and "1 Again" in footer


async def test_capital_o_asks_which_link_when_a_highlight_has_several(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr("hltui.tui.screens.sharing.open_in_browser", lambda url: opened.append(url) or True)
    (tmp_path / "links.md").write_text(
        "# Links\n## Highlights\n"
        "- A book by [Will Durant](https://en.wikipedia.org/wiki/Will_Durant).[55](#fn55)"
        " ([View Highlight](https://read.readwise.io/read/01abc))\n",
        encoding="utf-8",
    )
    async with reading(tmp_path) as (pilot, screen):
        await show(pilot, screen, "Links")
        assert "wikipedia" not in "\n".join(await screen_lines(pilot))
        await pilot.press("O")
        await pilot.pause()
        assert isinstance(screen.app.screen, LinkChooser)
        assert [address for _, address in screen.app.screen.links] == [
            "https://read.readwise.io/read/01abc",
            "https://en.wikipedia.org/wiki/Will_Durant",
        ]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert opened == ["https://en.wikipedia.org/wiki/Will_Durant"]


async def test_search_status_counts_in_the_singular_and_marks_the_cap_with_a_plus() -> None:
    async with reading(size=(100, 30)) as (pilot, screen):
        await pilot.press("slash", *"muskrat")
        await screen.app.workers.wait_for_complete()
        await pilot.pause()
        search = screen.app.screen
        assert isinstance(search, SearchScreen) and len(search.hits) == 1
        rows = await screen_lines(pilot)
        assert any(row.strip(" │") == "1 result" for row in rows)
        assert any("Esc close" in row and "ctrl+r" in row for row in rows)
        capped = [search.hits[0]] * RESULT_LIMIT
        assert search.status_text("a", capped) == f"{RESULT_LIMIT}+ results"


async def test_most_recent_sorts_by_the_exports_dates_not_the_files() -> None:
    async with reading(size=(120, 40)) as (pilot, screen):
        await pilot.press("b", "s", "s")  # by category, then title -> highlights -> most recent
        await pilot.pause()
        assert screen.document_order == "recent"
        tree = screen.query_one(TagTree)
        books = next(node for node in tree.root.children if tree.entry_text(node).startswith("books"))
        books.expand()
        await pilot.pause()
        titles = [tree.entry_text(child).rsplit(" ", 1)[0] for child in books.children]
        # Updated 9 Mar 2024, 11 Feb 2024, 5 Feb 2024; then the undated ones by file time.
        assert titles[:3] == ["Meditations", "Pride and Prejudice", "On the Origin of Species"]
