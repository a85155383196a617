"""The search screen: typing a query, ranked results, Enter to jump, the scope and the status line."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SAMPLES
from pilot_helpers import WIDE, reading, screen_lines, settle
from textual.widgets import OptionList

from hltui.library import load_library
from hltui.tui.screens.search import RESULT_LIMIT, SearchScreen


async def test_search_ranks_results_and_enter_jumps_to_the_highlight() -> None:
    async with reading(size=WIDE) as (app, pilot, screen):
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"creature obey")
        await settle(pilot)
        search = app.screen
        assert isinstance(search, SearchScreen)
        assert search.hits and search.hits[0].document.title == "Frankenstein"
        assert search.query_one(OptionList).option_count == len(search.hits)
        hit = search.hits[0]
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen
        assert screen.current_document is hit.document
        assert screen.current_highlight == hit.highlight_index


async def test_search_tolerates_typos_and_accents() -> None:
    async with reading(size=WIDE) as (app, pilot, screen):
        await pilot.press("slash")
        await pilot.press(*"medtations")
        await settle(pilot)
        search = app.screen
        assert isinstance(search, SearchScreen)
        assert any(hit.document.title == "Meditations" for hit in search.hits)
        await pilot.press("escape")
        assert app.screen is screen


async def test_search_can_be_limited_to_the_chosen_tag() -> None:
    async with reading(size=WIDE) as (app, pilot, screen):
        await pilot.press("j", "j")  # the cursor on the tag after Favorites
        assert screen.chosen_group is not None
        group_titles = {d.title for d in screen.chosen_group.all_documents()}
        await pilot.press("slash", *"the", "ctrl+t")
        await settle(pilot)
        search = app.screen
        assert isinstance(search, SearchScreen)
        assert search.hits and {hit.document.title for hit in search.hits} <= group_titles


async def test_search_status_counts_in_the_singular_and_marks_the_cap_with_a_plus() -> None:
    async with reading(size=(100, 30)) as (_, pilot, screen):
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


async def test_search_finds_what_a_sync_added_while_it_was_open(tmp_path: Path) -> None:
    """The dialog searches the library as it is now, not as it was when `/` was pressed."""
    folder = tmp_path / "library"
    shutil.copytree(SAMPLES, folder)
    async with reading(folder, size=WIDE) as (app, pilot, screen):
        await pilot.press("slash")
        await pilot.pause()
        walden = folder / "Readwise" / "Books" / "Walden.md"
        walden.write_text(walden.read_text(encoding="utf-8") + "\n- Zebraquux by the pond. (Page 331)\n", "utf-8")
        screen.library_loaded(load_library(folder))  # what the watcher hands over after a sync
        await pilot.press(*"zebraquux")
        await settle(pilot)
        search = app.screen
        assert isinstance(search, SearchScreen)
        assert [hit.document.title for hit in search.hits] == ["Walden"]
        await pilot.press("enter")
        await pilot.pause()
        assert screen.library is not None and screen.current_document in screen.library.documents
