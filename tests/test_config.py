"""The config file in the running app: a keymap, the theme and what a broken file does."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SAMPLES
from pilot_helpers import WIDE, reading, show, started
from textual.widgets import Static

from hltui.config import load_config
from hltui.tui.screens.review import ReviewScreen


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


def test_review_sizes_are_read_from_the_config_and_wrong_ones_named(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[review]\ndaily = 12\nthemed = 20\n", encoding="utf-8")
    loaded = load_config(config)
    assert (loaded.review_daily, loaded.review_themed, loaded.error) == (12, 20, None)
    config.write_text('[review]\nthemed = "many"\n', encoding="utf-8")
    wrong = load_config(config)
    assert wrong.review_themed == 50 and wrong.error is not None and "review.themed" in wrong.error


async def test_v_reviews_as_many_as_the_config_says_and_the_title_says_of_how_many(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[review]\nthemed = 5\n", encoding="utf-8")
    async with started(SAMPLES, WIDE, config=load_config(config)) as (app, pilot):
        await pilot.press("v")  # the tree's first entry: the Favorites group
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen) and len(review.pairs) == 5
        progress = str(review.query_one("#review-progress", Static).content)
        assert progress.startswith("1 / 5 · 5 of ") and int(progress.rsplit(" ", 1)[1]) > 5
