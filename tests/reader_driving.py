"""Driving the reader as a user would in Pilot tests: start it, open a document, read the screen."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from conftest import SAMPLES
from textual.pilot import Pilot

from hltui.cli import build_app
from hltui.config import load_config
from hltui.model import Document
from hltui.tui.screens.main import MainScreen


@asynccontextmanager
async def reading(
    path: Path = SAMPLES, size: tuple[int, int] = (80, 24)
) -> AsyncIterator[tuple[Pilot[None], MainScreen]]:
    """The app on `path` in a terminal of `size`, loaded, on its main screen."""
    app = build_app(path, load_config())
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        yield pilot, app.screen


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


async def show(pilot: Pilot[None], screen: MainScreen, title: str) -> Document:
    """Open the document with this title, as the palette's Go to document does."""
    assert screen.library is not None
    [document] = [d for d in screen.library.documents if d.title == title]
    screen.show_document(document)
    await pilot.pause()
    return document
