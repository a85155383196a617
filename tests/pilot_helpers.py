"""Driving the app as a user would in Pilot tests: start it on a folder, wait for the load, read the screen."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from conftest import SAMPLES
from rich.console import Console, RenderableType
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Static
from textual.widgets.tree import TreeNode

from hltui.cli import build_app
from hltui.config import Config, load_config
from hltui.library import Group
from hltui.model import Document
from hltui.tui.app import HltuiApp
from hltui.tui.screens.main import MainScreen
from hltui.tui.screens.review import ReviewScreen
from hltui.tui.widgets.detail_pane import DetailPane
from hltui.tui.widgets.tag_tree import TagTree

WIDE = (120, 40)  # a roomy terminal; `reading` starts at 80x24, the size the layout must fit


async def settle(pilot: Pilot[None]) -> None:
    """Let the app finish its workers (reading the folder, searching) and draw what they found."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@asynccontextmanager
async def started(
    path: Path = SAMPLES,
    size: tuple[int, int] = (80, 24),
    *,
    config: Config | None = None,
    start_in_review: bool = False,
) -> AsyncIterator[tuple[HltuiApp, Pilot[None]]]:
    """The app on `path` in a terminal of `size` (with `config`, or the config file's), once the folder is read."""
    app = build_app(path, config if config is not None else load_config(), start_in_review=start_in_review)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        yield app, pilot


@asynccontextmanager
async def reading(
    path: Path = SAMPLES, size: tuple[int, int] = (80, 24)
) -> AsyncIterator[tuple[HltuiApp, Pilot[None], MainScreen]]:
    """The app on `path` in a terminal of `size`, loaded, on its main screen."""
    async with started(path, size) as (app, pilot):
        assert isinstance(app.screen, MainScreen)
        yield app, pilot, app.screen


@asynccontextmanager
async def reviewing(
    path: Path, size: tuple[int, int] = (100, 40)
) -> AsyncIterator[tuple[HltuiApp, Pilot[None], ReviewScreen]]:
    """The app started in today's review of `path`, loaded."""
    async with started(path, size, start_in_review=True) as (app, pilot):
        review = app.screen
        assert isinstance(review, ReviewScreen)
        yield app, pilot, review


async def wait_for(pilot: Pilot[None], condition: Callable[[], bool], seconds: float = 15.0) -> None:
    """Let the app run until the condition holds (the watcher works in its own thread)."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the app did not catch up with the folder")


async def press_each(pilot: Pilot[None], *keys: str) -> None:
    """Press the keys one at a time, letting the app answer each before the next."""
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


async def choose_group(pilot: Pilot[None], screen: MainScreen, name: str) -> Group:
    """Put the tree's cursor on a top-level group with `g` and `j`, as a reader does; the group."""
    tree = screen.query_one(TagTree)
    names = [node.data.name for node in tree.root.children if isinstance(node.data, Group)]
    await press_each(pilot, "g", *["j"] * names.index(name))
    group = tree.cursor_node.data if tree.cursor_node is not None else None
    assert isinstance(group, Group) and group.name == name
    return group


async def show(pilot: Pilot[None], screen: MainScreen, title: str) -> Document:
    """Open the document with this title, as the palette's Go to document does."""
    assert screen.library is not None
    [document] = [d for d in screen.library.documents if d.title == title]
    screen.show_document(document)
    await pilot.pause()
    return document


async def screen_lines(pilot: Pilot[None]) -> list[str]:
    """The terminal as the reader sees it, a string per row, once it has stopped changing.

    Read twice 50 ms apart until both agree: on a loaded machine a key's effect takes a few frames.
    """
    previous: list[str] = []
    for _ in range(60):
        await pilot.pause(0.05)
        rows = [strip.text for strip in pilot.app.screen._compositor.render_strips()]
        if rows == previous:
            break
        previous = rows
    return previous


def pane_lines(pane: DetailPane) -> list[str]:
    """The detail pane's lines as painted now."""
    return [pane.render_line(y).text for y in range(pane.scrollable_content_region.height)]


def pane_text(screen: MainScreen) -> str:
    """What the detail pane shows now."""
    return "\n".join(pane_lines(screen.query_one(DetailPane)))


def tree_entry(screen: MainScreen, node: TreeNode[Group | Document]) -> str:
    """An entry of the tree as its name and counts: `philosophy 2 · 133`."""
    return screen.query_one(TagTree).entry_text(node)


def top_labels(screen: MainScreen) -> list[str]:
    """The tree's top entries with their counts."""
    return [tree_entry(screen, node) for node in screen.query_one(TagTree).root.children]


def plain_text(renderable: RenderableType, width: int = 200) -> str:
    """What a renderable shows in a terminal `width` cells wide, as plain text."""
    console = Console(width=width, file=io.StringIO(), color_system=None, legacy_windows=False)
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined]


def screen_text(screen: Screen[object]) -> str:
    """The text of every Static on a screen (a dialog's content), as plain text."""
    return "\n".join(plain_text(widget.content) for widget in screen.query(Static))
