"""The app starts from the cache, follows the folder while it runs, and keeps the reader's place."""

from __future__ import annotations

import shutil
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from conftest import SAMPLES
from pilot_helpers import WIDE, reading, settle, show, started, top_labels, wait_for
from textual.pilot import Pilot

from hltui.cli import build_app
from hltui.config import load_config
from hltui.library import watch
from hltui.library.cache import ParseCache
from hltui.library.load import LibraryLoader, load_library
from hltui.tui.app import HltuiApp
from hltui.tui.screens.main import MainScreen
from hltui.tui.widgets.detail_pane import DetailPane
from hltui.tui.widgets.tag_tree import TagTree

BOOK = "---\ntitle: {title}\nauthor: Someone\ntags: [{tag}]\n---\n## Highlights\n{highlights}"


def write_book(folder: Path, name: str, title: str, tag: str, texts: list[str]) -> Path:
    path = folder / name
    highlights = "".join(f"- {text}\n" for text in texts)
    path.write_text(BOOK.format(title=title, tag=tag, highlights=highlights), encoding="utf-8")
    return path


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    write_book(folder, "walden.md", "Walden", "nature", ["First.", "Second.", "Third."])
    write_book(folder, "essays.md", "Essays", "nature", ["Trust thyself."])
    return folder


@asynccontextmanager
async def watching(library: Path) -> AsyncIterator[tuple[Pilot[None], MainScreen]]:
    """The app on this library, loaded, with its watcher started."""
    async with reading(library, (100, 30)) as (app, pilot, screen):
        await wait_for(pilot, lambda: app.watching)
        yield pilot, screen


async def test_a_file_a_sync_adds_appears_in_the_tree(library: Path) -> None:
    async with watching(library) as (pilot, screen):
        assert not any(label.startswith("poetry") for label in top_labels(screen))
        write_book(library, "leaves.md", "Leaves of Grass", "poetry", ["I celebrate myself."])
        await wait_for(pilot, lambda: any(label.startswith("poetry") for label in top_labels(screen)))
        assert screen.library is not None and len(screen.library.documents) == 3


async def test_the_open_document_follows_its_file_and_keeps_the_cursor(library: Path) -> None:
    async with watching(library) as (pilot, screen):
        for key in ("enter", "j", "j", "enter"):  # open `nature`, go to Walden, read it
            await pilot.press(key)
            await pilot.pause()
        await pilot.press("j")
        pane = screen.query_one(DetailPane)
        assert pane.document is not None and pane.document.title == "Walden" and pane.cursor == 1
        write_book(library, "walden.md", "Walden", "nature", ["Zeroth.", "First.", "Second.", "Third."])
        await wait_for(pilot, lambda: pane.document is not None and len(pane.document.highlights) == 4)
        await pilot.pause()
        assert screen.highlight is not None and screen.highlight.text == "Second."
        tree = screen.query_one(TagTree)
        assert tree.cursor_node is not None and "Walden" in screen.query_one(TagTree).entry_text(tree.cursor_node)


async def test_the_tree_comes_from_the_cache_before_any_file_is_looked_at(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_library(library, cache=ParseCache(library))  # an earlier run left its cache
    looking = threading.Event()
    real_load = LibraryLoader.load

    def slow_load(self: LibraryLoader, *args: object, **kwargs: object) -> object:
        looking.wait(10)
        return real_load(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(LibraryLoader, "load", slow_load)
    app = build_app(library, load_config())  # started by hand: `started` would wait for the load held back here
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await wait_for(pilot, lambda: bool(top_labels(screen)))
        assert top_labels(screen)[0].startswith("nature") and screen.is_loading
        looking.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not screen.is_loading


async def test_sorting_keeps_the_open_group_and_the_cursor(library: Path) -> None:
    async with reading(library, (100, 30)) as (_, pilot, screen):
        tree = screen.query_one(TagTree)
        for key in ("enter", "j", "j"):  # open `nature`, cursor on its second document
            await pilot.press(key)
            await pilot.pause()
        before = screen.query_one(TagTree).entry_text(tree.cursor_node) if tree.cursor_node else ""
        await pilot.press("s")
        await pilot.pause()
        await pilot.pause()
        assert tree.root.children[0].is_expanded
        assert tree.cursor_node is not None and screen.query_one(TagTree).entry_text(tree.cursor_node) == before


def test_a_file_still_being_written_is_read_only_once_it_settles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    growing = [(10, 1), (20, 2), (30, 3), (40, 4), (40, 4)]
    looks = iter(growing)
    calls: list[int] = []

    def look(paths: object) -> list[tuple[int, int] | None]:
        calls.append(1)
        return [next(looks)]

    monkeypatch.setattr(watch, "_looks", look)
    monkeypatch.setattr(watch, "SETTLE_SECONDS", 0.001)
    assert watch.wait_until_settled([tmp_path / "book.md"], threading.Event())
    assert len(calls) == len(growing)  # it kept waiting while the size grew


def test_only_export_files_and_folders_outside_hidden_folders_are_watched() -> None:
    assert watch.is_watched("books/walden.md") and watch.is_watched("notes.TXT") and watch.is_watched("books")
    assert not watch.is_watched(".obsidian/workspace.json") and not watch.is_watched("books/.git/walden.md")
    assert not watch.is_watched("books/cover.png")


async def test_watch_false_in_the_config_leaves_the_folder_unwatched(library: Path, tmp_path: Path) -> None:
    config_file = tmp_path / "config.toml"
    config_file.write_text("watch = false\n", encoding="utf-8")
    config = load_config(config_file)
    assert config.watch is False and config.error is None
    async with started(library, (100, 30), config=config) as (app, pilot):
        await pilot.pause(0.3)
        assert app._watcher is None and not app.watching


async def test_a_file_added_before_the_watch_is_in_place_is_found(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_ready = HltuiApp._watch_ready

    def added_just_before(app: HltuiApp) -> None:
        write_book(library, "leaves.md", "Leaves of Grass", "poetry", ["I celebrate myself."])
        real_ready(app)

    monkeypatch.setattr(HltuiApp, "_watch_ready", added_just_before)
    async with watching(library) as (pilot, screen):
        await wait_for(pilot, lambda: any(label.startswith("poetry") for label in top_labels(screen)))


async def test_a_folder_a_sync_creates_is_read_with_its_files(library: Path) -> None:
    async with watching(library) as (pilot, screen):
        shelf = library / "poems"
        shelf.mkdir()
        write_book(shelf, "leaves.md", "Leaves of Grass", "poetry", ["I celebrate myself."])
        await wait_for(pilot, lambda: any(label.startswith("poetry") for label in top_labels(screen)))


def test_a_change_to_a_folder_looks_at_every_file_again(library: Path) -> None:
    loader = LibraryLoader(library, cache=ParseCache(library))
    loader.load()
    (library / "poems").mkdir()
    write_book(library / "poems", "leaves.md", "Leaves of Grass", "poetry", ["I celebrate myself."])
    done = threading.Event()
    titles: list[str] = []

    def update() -> None:
        titles.extend(sorted(document.title for document in loader.update([library / "poems"]).documents))
        done.set()

    threading.Thread(target=update, daemon=True).start()
    assert done.wait(10), "update of a folder never finished (a lock taken twice)"
    assert titles == ["Essays", "Leaves of Grass", "Walden"]


async def test_reload_keeps_the_document_and_highlight(tmp_path: Path) -> None:
    library = tmp_path / "library"
    shutil.copytree(SAMPLES, library)
    async with reading(library, WIDE) as (_, pilot, screen):
        await show(pilot, screen, "Walden")
        await pilot.press("j", "j")
        walden = library / "Readwise" / "Books" / "Walden.md"
        walden.write_text(walden.read_text(encoding="utf-8") + "\n- A new line. (Page\u00a0300)\n", encoding="utf-8")
        await pilot.press("r")
        await settle(pilot)
        await pilot.pause()
        assert screen.current_document is not None and screen.current_document.title == "Walden"
        assert len(screen.current_document.highlights) == 18
        assert screen.current_highlight == 2
