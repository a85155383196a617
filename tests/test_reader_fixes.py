"""Reader bugs seen by a new user (issue 9), each pinned by the keys that showed it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SAMPLES
from textual import events

from hltui.cli import build_app, main
from hltui.config import load_config
from hltui.tui.screens.main import MIN_DOCUMENT_WIDTH, MainScreen
from hltui.tui.widgets.detail_pane import DetailPane
from hltui.tui.widgets.tag_tree import TagTree


async def test_right_arrow_opens_a_group_as_l_does() -> None:
    app = build_app(SAMPLES, load_config())
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        tree = app.screen.query_one(TagTree)
        assert not tree.root.children[0].is_expanded
        await pilot.press("right")
        await pilot.pause()
        assert tree.root.children[0].is_expanded


async def test_widening_the_tree_never_leaves_the_document_under_forty_columns() -> None:
    app = build_app(SAMPLES, load_config())
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        for _ in range(10):
            await pilot.press("greater_than_sign")
            await pilot.pause()
        assert screen.query_one(DetailPane).size.width >= MIN_DOCUMENT_WIDTH - 4  # its padding aside
        await pilot.resize_terminal(70, 24)
        await pilot.pause()
        assert screen.query_one(DetailPane).size.width >= MIN_DOCUMENT_WIDTH - 4


def test_counts_of_one_are_singular_in_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "one.md").write_text("---\ntitle: One\n---\n## Highlights\n- Only this.\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 document, 1 highlight, 0 skipped, 0 problems"


async def test_an_empty_folder_does_not_send_the_reader_to_check_for_skipped_files(tmp_path: Path) -> None:
    app = build_app(tmp_path, load_config())
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        pane = app.screen.query_one(DetailPane)
        painted = "\n".join(pane.render_line(y).text for y in range(pane.scrollable_content_region.height))
        assert "No highlight documents were found" in painted and "skipped" not in painted


async def test_a_theme_picked_in_the_app_survives_a_restart_until_the_config_theme_changes(tmp_path: Path) -> None:
    config_file = tmp_path / "config.toml"
    config_file.write_text('theme = "nord"\n', encoding="utf-8")

    async def started_theme() -> str:
        app = build_app(SAMPLES, load_config(config_file))
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            theme = app.theme
            if theme == "nord":
                app.theme = "dracula"  # what the palette's "Change theme" does
                await pilot.pause()
            return theme

    assert await started_theme() == "nord"
    assert await started_theme() == "dracula"  # the pick, not the config's theme
    config_file.write_text('theme = "gruvbox"\n', encoding="utf-8")
    assert await started_theme() == "gruvbox"  # the config changed since: now it is the last choice


async def test_enter_then_j_at_once_shows_the_first_document_of_the_group() -> None:
    app = build_app(SAMPLES, load_config())
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        # Both keys queued at once, as a terminal delivers `Enter j` typed quickly (tmux send-keys).
        app.post_message(events.Key("enter", "\r"))
        app.post_message(events.Key("j", "j"))
        await pilot.pause()
        await pilot.pause()
        tree = screen.query_one(TagTree)
        first = tree.root.children[0].children[0]
        assert tree.cursor_node is first and screen.current_document is first.data


def test_short_words_tolerate_no_typo_and_longer_ones_one_or_two() -> None:
    from hltui.search.typos import typo_limit

    assert [typo_limit(word) for word in ("walk", "talks", "lighthou", "lighthous")] == [0, 1, 1, 2]


def test_searching_walk_no_longer_finds_wall_or_talk() -> None:
    from hltui.model import Document, Highlight
    from hltui.search.engine import SearchIndex

    documents = [
        Document("On walking", "a.md", highlights=(Highlight("A long walk at dawn."),)),
        Document("Of talk", "b.md", highlights=(Highlight("Do not talk overmuch."), Highlight("The wall stood."))),
    ]
    found = {hit.document.title for hit in SearchIndex(documents).search("walk")}
    assert found == {"On walking"}
