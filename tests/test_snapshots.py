"""A few SVG snapshots of the layout (textual 8.2.8 is pinned: snapshots change with Textual)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLES
from pilot_helpers import settle, show
from textual.pilot import Pilot
from textual.widgets import Input

from hltui.cli import build_app
from hltui.config import load_config
from hltui.tui.screens.main import MainScreen

SIZE = (120, 36)
LONG_NAMES = Path(__file__).parent / "fixtures" / "long_names"
LONG_TITLE = "Notes Toward a Very Long Walk Through the Hill Country, Taken Slowly Over Many Autumn Days"


async def reading_meditations(pilot: Pilot[None]) -> None:
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    await show(pilot, screen, "Meditations")
    await pilot.press("j", "j")
    await pilot.pause()


async def searching(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("slash")
    pilot.app.screen.query_one(Input).cursor_blink = False  # a blinking cursor would make the picture random
    await pilot.press(*"nature")
    await settle(pilot)


async def helping(pilot: Pilot[None]) -> None:
    await settle(pilot)
    await pilot.press("question_mark")
    await pilot.pause()


def test_main_screen(snap_compare: Any) -> None:
    assert snap_compare(build_app(SAMPLES, load_config()), terminal_size=SIZE, run_before=reading_meditations)


def test_search_screen(snap_compare: Any) -> None:
    assert snap_compare(build_app(SAMPLES, load_config()), terminal_size=SIZE, run_before=searching)


def test_help_screen(snap_compare: Any) -> None:
    assert snap_compare(build_app(SAMPLES, load_config()), terminal_size=SIZE, run_before=helping)


def test_empty_library(snap_compare: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "empty").mkdir()
    monkeypatch.chdir(tmp_path)  # a relative path keeps the message the same on every machine
    assert snap_compare(build_app(Path("empty"), load_config()), terminal_size=SIZE, run_before=settle)


async def reading_the_long_title(pilot: Pilot[None]) -> None:
    """The long-titled document open, the document focused, the cursor on its first highlight."""
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen)
    await show(pilot, screen, LONG_TITLE)
    assert screen.focused is not None and screen.focused.id == "detail"


@pytest.mark.parametrize("size", [(80, 24), (160, 50)], ids=["80x24", "160x50"])
def test_long_title_and_url_with_the_document_focused(snap_compare: Any, size: tuple[int, int]) -> None:
    app = build_app(LONG_NAMES, load_config())
    assert snap_compare(app, terminal_size=size, run_before=reading_the_long_title)
