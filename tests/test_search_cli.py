"""`hltui search`: the search screen's engine for scripts, in text, JSON or Markdown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SAMPLES
from pilot_helpers import WIDE, reading, settle

from hltui.cli import main
from hltui.tui.screens.search import SearchScreen


def search(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main(["search", *arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


async def test_the_command_line_finds_what_the_search_screen_lists(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = search(capsys, "nature", str(SAMPLES), "--format", "json", "--limit", "200")
    assert code == 0
    listed = [(hit["title"], hit["field"], hit["highlight_index"]) for hit in json.loads(out)]
    async with reading(size=WIDE) as (app, pilot, _):
        await pilot.press("slash", *"nature")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert listed == [(hit.document.title, hit.field, hit.highlight_index) for hit in screen.hits]
    assert len(listed) > 1


def test_text_markdown_limit_and_no_result(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = search(capsys, "walk*", str(SAMPLES), "--limit", "2")
    assert code == 0 and out.splitlines()[0] == "Notes on Walking & Thinking — Mira Example · title"
    assert len(out.splitlines()) == 4  # two lines a hit
    code, out, _ = search(capsys, "obey", str(SAMPLES), "--limit", "1", "--format", "markdown")
    assert out.startswith("> You are my creator, but I am your master") and "\n— Mary Shelley, Frankenstein" in out
    assert search(capsys, "zzzzqqq", str(SAMPLES))[:2] == (0, "")  # nothing found is not an error
    code, _, err = search(capsys, "x", str(SAMPLES), "--limit", "0")
    assert code == 2 and err == "hltui: error: --limit must be 1 or more, not 0\n"


def test_json_results_carry_no_raw_terminal_controls(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file name is not cleaned by the parser: a bidi override in it must reach the terminal escaped."""
    name = "bidi\u202eevil.md"
    (tmp_path / name).write_text("# Quiet\n## Highlights\n- a quiet line\n", encoding="utf-8")
    code, out, _ = search(capsys, "quiet", str(tmp_path), "--format", "json")
    assert code == 0 and "\u202e" not in out
    assert json.loads(out)[0]["source_path"] == name  # the same JSON, the control written as an escape
