"""The search screen: typing a query, ranked results, Enter to jump, the scope and the status line."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SAMPLES
from pilot_helpers import WIDE, choose_group, plain_text, press_each, reading, screen_lines, settle
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static
from textual.widgets.input import Selection

from hltui.library import Group, load_library
from hltui.tui.screens.search import RESULT_LIMIT, SearchScreen
from hltui.tui.widgets.tag_tree import TagTree


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


def scope_line(search: SearchScreen) -> str:
    """The line under the query saying where the search looks."""
    return plain_text(search.query_one("#scope", Static).content).strip()


def notices(app: App[None]) -> list[str]:
    return [notification.message for notification in app._notifications]


async def searched(pilot: Pilot[None], *keys: str) -> SearchScreen:
    """Press the keys (`/` and a query, say) and wait for the results; the search dialog."""
    await pilot.press(*keys)
    await settle(pilot)
    search = pilot.app.screen
    assert isinstance(search, SearchScreen)
    return search


async def test_search_starts_in_the_group_chosen_in_the_tree_and_ctrl_t_widens_it_and_back() -> None:
    async with reading(size=WIDE) as (_, pilot, screen):
        stoicism = await choose_group(pilot, screen, "stoicism")
        in_group = {document.title for document in stoicism.all_documents()}
        search = await searched(pilot, "slash", *"nature")
        assert search.hits and {hit.document.title for hit in search.hits} <= in_group
        assert scope_line(search) == "Only in: stoicism   (ctrl+t: whole library)"
        await searched(pilot, "ctrl+t")
        assert {hit.document.title for hit in search.hits} - in_group  # found elsewhere too
        assert scope_line(search) == "In the whole library   (ctrl+t: only in stoicism)"
        await searched(pilot, "ctrl+t")
        assert search.hits and {hit.document.title for hit in search.hits} <= in_group
        assert scope_line(search) == "Only in: stoicism   (ctrl+t: whole library)"


async def test_nothing_found_in_the_group_says_ctrl_t_looks_in_the_whole_library() -> None:
    async with reading(size=WIDE) as (_, pilot, screen):
        await choose_group(pilot, screen, "stoicism")
        search = await searched(pilot, "slash", *"desperation")  # Walden's, not in a stoicism book
        status = plain_text(search.query_one("#search-status", Static).content).strip()
        assert search.hits == [] and status == "0 results in this group · ctrl+t: search the whole library"
        await searched(pilot, "ctrl+t")
        assert search.hits and {hit.document.title for hit in search.hits} == {"Walden"}


async def test_slash_typed_at_once_after_a_move_in_the_tree_searches_the_group_moved_to() -> None:
    async with reading(size=WIDE) as (app, pilot, screen):
        for key, character in (("j", "j"), ("slash", "/")):  # queued together, as a terminal delivers `j/` typed fast
            app.post_message(events.Key(key, character))
        search = await searched(pilot)
        cursor = screen.query_one(TagTree).cursor_node
        assert cursor is not None and isinstance(cursor.data, Group) and cursor.data.name != "Favorites"
        assert scope_line(search) == f"Only in: {cursor.data.name}   (ctrl+t: whole library)"


async def test_search_with_no_group_chosen_looks_everywhere_and_ctrl_t_says_why() -> None:
    """At the start the tree's cursor is on its first group by itself: the reader has chosen none."""
    async with reading(size=WIDE) as (app, pilot, _):
        search = await searched(pilot, "slash", *"nature")
        assert scope_line(search) == "In the whole library"
        found = [hit.document.title for hit in search.hits]
        assert len(set(found)) > 1
        await searched(pilot, "ctrl+t")
        assert "Choose a group in the tree first to search only in it" in notices(app)
        assert [hit.document.title for hit in search.hits] == found


async def test_search_in_a_group_holding_every_document_is_the_whole_library(tmp_path: Path) -> None:
    folder = tmp_path / "library"
    folder.mkdir()
    shutil.copy(SAMPLES / "Readwise" / "Books" / "Meditations.md", folder)
    async with reading(folder, size=WIDE) as (app, pilot, screen):
        await choose_group(pilot, screen, "stoicism")
        search = await searched(pilot, "slash", *"nature", "ctrl+t")
        assert scope_line(search) == "In the whole library"
        assert "stoicism holds every document: this is the whole library" in notices(app)


async def test_search_in_the_chosen_group_after_a_sync_finds_the_new_librarys_documents(tmp_path: Path) -> None:
    folder = tmp_path / "library"
    shutil.copytree(SAMPLES, folder)
    async with reading(folder, size=WIDE) as (_, pilot, screen):
        await choose_group(pilot, screen, "stoicism")
        screen.library_loaded(load_library(folder))  # what the watcher hands over after a sync: new documents
        await settle(pilot)
        search = await searched(pilot, "slash", *"nature")
        assert scope_line(search) == "Only in: stoicism   (ctrl+t: whole library)"
        assert screen.library is not None and search.hits
        assert all(any(hit.document is document for document in screen.library.documents) for hit in search.hits)
        assert {hit.document.title for hit in search.hits} == {"Meditations"}


async def test_a_result_opened_from_outside_the_group_keeps_the_next_search_in_it() -> None:
    """Opening a result moves the tree's cursor to it, but the group stays the one the reader chose."""
    async with reading(size=WIDE) as (app, pilot, screen):
        await choose_group(pilot, screen, "stoicism")
        await searched(pilot, "slash", *"creature obey", "ctrl+t")
        await pilot.press("enter")
        await settle(pilot)
        assert screen.current_document is not None and screen.current_document.title == "Frankenstein"
        search = await searched(pilot, "slash")
        assert scope_line(search) == "Only in: stoicism   (ctrl+t: whole library)"


async def test_search_opens_on_the_last_query_all_selected_with_its_results() -> None:
    async with reading(size=WIDE) as (app, pilot, screen):
        first = await searched(pilot, "slash", *"nature")
        titles = [hit.document.title for hit in first.hits]
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        search = await searched(pilot, "slash")
        box = search.query_one(Input)
        assert box.value == "nature" and box.selection == Selection(0, len("nature"))
        assert [hit.document.title for hit in search.hits] == titles
        await searched(pilot, *"walk")
        assert box.value == "walk"  # typing replaced the selected query
        await pilot.press("escape")
        await pilot.pause()
        search = await searched(pilot, "slash", "right", *"s")
        assert search.query_one(Input).value == "walks"  # → kept it, to add to it


async def test_up_and_down_in_an_empty_box_walk_the_sessions_queries_and_choose_results_otherwise() -> None:
    async with reading(size=WIDE) as (_, pilot, screen):
        for query in ("nature", "walk", "creature"):
            await searched(pilot, "slash", *query)
            await pilot.press("escape")
            await pilot.pause()
        await searched(pilot, "slash", "backspace")
        await pilot.press("escape")  # closed empty: nothing to remember
        await pilot.pause()
        search = await searched(pilot, "slash", "backspace")
        box = search.query_one(Input)
        recalled = []
        for key in ("up", "up", "up", "up", "down", "down", "down"):
            await press_each(pilot, key)
            recalled.append(box.value)
        assert recalled == ["creature", "walk", "nature", "nature", "walk", "creature", ""]
        assert screen.search_history.queries == ("nature", "walk", "creature")
        await searched(pilot, *"the")
        assert len(search.hits) > 2
        await press_each(pilot, "down", "down", "up")
        assert box.value == "the" and search.query_one(OptionList).highlighted == 1


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
