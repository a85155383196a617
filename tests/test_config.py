"""The config file in the running app: a keymap, the theme and what a broken file does."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SAMPLES
from pilot_helpers import WIDE, reading, show, started

from hltui.config import load_config


async def test_keymap_from_config_remaps_a_binding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[keymap]\ncopy_highlight = "x"\n', encoding="utf-8")
    monkeypatch.setenv("HLTUI_CONFIG", str(config))
    async with reading(size=WIDE) as (app, pilot, screen):
        document = await show(pilot, screen, "Walden")
        await pilot.press("c")
        assert app.clipboard == ""
        await pilot.press("x")
        assert app.clipboard == document.highlights[0].text


async def test_theme_is_remembered_between_runs() -> None:
    async with reading(size=WIDE) as (app, pilot, _):
        app.theme = "nord"
        await pilot.pause()
    async with reading(size=WIDE) as (app, _, _):
        assert app.theme == "nord"


async def test_a_theme_picked_in_the_app_survives_a_restart_until_the_config_theme_changes(tmp_path: Path) -> None:
    config_file = tmp_path / "config.toml"
    config_file.write_text('theme = "nord"\n', encoding="utf-8")

    async def started_theme() -> str:
        async with started(SAMPLES, (100, 30), config=load_config(config_file)) as (app, pilot):
            theme = app.theme
            if theme == "nord":
                app.theme = "dracula"  # what the palette's "Change theme" does
                await pilot.pause()
            return theme

    assert await started_theme() == "nord"
    assert await started_theme() == "dracula"  # the pick, not the config's theme
    config_file.write_text('theme = "gruvbox"\n', encoding="utf-8")
    assert await started_theme() == "gruvbox"  # the config changed since: now it is the last choice


async def test_broken_config_gives_a_message_and_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text("theme = [oops\n", encoding="utf-8")
    monkeypatch.setenv("HLTUI_CONFIG", str(config))
    async with reading(size=WIDE) as (app, _, screen):
        assert any("config file" in n.message for n in app._notifications)
        assert screen.library is not None and len(screen.library.documents) == 15
