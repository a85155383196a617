"""The app around its panes: the header and footer at any width, the help and problems screens, quitting."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import WIDE, reading, screen_lines, screen_text, show

from hltui.tui.screens.help import HelpScreen
from hltui.tui.screens.problems import ProblemsScreen
from hltui.tui.widgets.detail_pane import DetailPane


async def test_at_80_columns_the_header_is_whole_and_the_footer_keeps_quit_and_help() -> None:
    async with reading() as (_, pilot, screen):
        await show(pilot, screen, "Alice's Adventures in Wonderland")
        assert screen.focused is screen.query_one(DetailPane)
        rows = await screen_lines(pilot)
        assert "…" not in rows[0] and "15 docs" in rows[0] and "(e)" in rows[0]
        assert "q Quit" in rows[-1] and "? Help" in rows[-1]
        assert "Next" in rows[-1]  # the pane's own keys are kept before screen-wide ones


async def test_the_header_fits_the_new_width_after_a_resize(tmp_path: Path) -> None:
    folder = tmp_path / ("a-very-long-folder-name-" * 4)
    folder.mkdir()
    (folder / "one.md").write_text("# One\n## Highlights\n- Words.\n", encoding="utf-8")
    async with reading(folder) as (_, pilot, screen):
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert "1 highlight" in (await screen_lines(pilot))[0] or "1 hl" in (await screen_lines(pilot))[0]


async def test_a_narrow_footer_drops_greyed_out_keys_before_usable_ones() -> None:
    async with reading(size=(60, 24)) as (_, pilot, _):
        footer = (await screen_lines(pilot))[-1]
        assert "/ Search" in footer and "q Quit" in footer  # o, c and C are greyed out: no document yet


async def test_help_lists_every_binding() -> None:
    async with reading(size=WIDE) as (app, pilot, _):
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app.screen)
        for words in ("Copy the highlight's text", "Open the document's URL", "Next highlight", "Leave hltui"):
            assert words in text
        await pilot.press("escape")
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


def test_help_rows_follow_the_keymap() -> None:
    from textual.binding import Binding

    from hltui.tui.screens.help import binding_rows

    binding = Binding("c", "copy_highlight", "Copy", id="copy_highlight", tooltip="Copy the text")
    rows = binding_rows([binding], {"copy_highlight": "x,ctrl+c"}, lambda shown: shown.key.upper())
    assert rows == [("X, CTRL+C", "Copy the text")]


async def test_problems_are_listed_on_a_key() -> None:
    async with reading(size=WIDE) as (app, pilot, _):
        assert "3 skipped, 1 problem (e)" in app.sub_title
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        text = screen_text(app.screen)
        assert "27 On Friendship.md" in text and "Readwise Syncs.md" in text


SKIPPED_NAME = "a-long-export-file-name-that-used-to-break-mid-word.md"  # fits the dialog at 80 columns


async def test_problem_file_names_stay_whole_on_their_line(tmp_path: Path) -> None:
    (tmp_path / "fine.md").write_text("# Fine\n## Highlights\n- One.\n", encoding="utf-8")
    (tmp_path / SKIPPED_NAME).write_bytes(b"\xff\xfe not text \x00\x00")
    async with reading(tmp_path) as (_, pilot, screen):
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(screen.app.screen, ProblemsScreen)
        assert any(SKIPPED_NAME in row for row in (await screen_lines(pilot)))


async def test_quit_key() -> None:
    async with reading(size=WIDE) as (app, pilot, _):
        await pilot.press("q")
    assert app.return_code == 0
