"""`hltui export` and `hltui check` as scripts use them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLES

from hltui.cli import main

DOCUMENT_KEYS = [
    "title",
    "full_title",
    "author",
    "category",
    "url",
    "tags",
    "summary",
    "note",
    "source_path",
    "updated",
    "highlights",
]
# The review state of each highlight follows its fields (issue 15: nothing trapped in the database).
HIGHLIGHT_KEYS = [
    "text",
    "note",
    "tags",
    "location",
    "url",
    "section",
    "added",
    "favorite",
    "own_note",
    "discarded",
    "due",
    "reviews",
]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_export_has_exactly_the_promised_shape(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", str(SAMPLES), "--format", "json")
    payload = json.loads(out)
    assert code == 0
    assert list(payload) == ["documents", "skipped", "problems"]
    paths = [document["source_path"] for document in payload["documents"]]
    assert paths == sorted(paths)
    for document in payload["documents"]:
        assert list(document) == DOCUMENT_KEYS
        assert document["category"] in {"books", "articles", "tweets", "podcasts", "supplementals", None}
        for highlight in document["highlights"]:
            assert list(highlight) == HIGHLIGHT_KEYS
            assert highlight["location"] is None or "\u00a0" not in highlight["location"]
    assert {"path": "README.md", "reason": "no highlights or export metadata found"} in payload["skipped"]
    assert set(payload["problems"][0]) == {"path", "line", "message"}


def test_markdown_export_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "export", str(SAMPLES), "--format", "markdown")
    assert code == 0
    assert "# Meditations\n\n## Metadata\n- Author: Marcus Aurelius\n" in out
    assert "### Book I\n" in out
    assert "    - Note: " in out
    assert "&amp;" not in out and "[[" not in out.split("## Highlights")[0]


def test_check_prints_problems_and_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(SAMPLES))
    assert code == 0
    assert "Readwise/Readwise Syncs.md: skipped: Readwise sync log, not a document" in out
    assert "Readwise/Articles/27 On Friendship.md:2: invalid front matter" in out
    assert out.splitlines()[-1] == "15 documents, 222 highlights, 3 skipped, 1 problem"


def test_missing_path_is_a_one_line_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "check", str(tmp_path / "nope"))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("hltui: error: library path not found")


def test_path_comes_from_env_then_config(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    (folder / "a.md").write_text("# A\n## Highlights\n- x\n", encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text(f'library = "{folder}"\n', encoding="utf-8")
    monkeypatch.setenv("HLTUI_CONFIG", str(config))
    assert run(capsys, "check")[1].splitlines()[-1].startswith("1 document,")
    monkeypatch.setenv("HLTUI_LIBRARY", str(SAMPLES))
    assert run(capsys, "check")[1].splitlines()[-1].startswith("15 documents")


def test_broken_config_warns_and_uses_defaults(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("library = [unclosed\n", encoding="utf-8")
    monkeypatch.setenv("HLTUI_CONFIG", str(config))
    code, out, err = run(capsys, "check", str(SAMPLES))
    assert code == 0 and "15 documents" in out
    assert err.startswith("hltui: warning: config file") and "Traceback" not in err


def test_python_dash_m_runs_the_same_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "hltui", "check", str(SAMPLES)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1].startswith("15 documents")


def test_without_any_library_setting_the_error_says_how_to_give_one(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("hltui.cli.bundled_samples", lambda: tmp_path / "not-installed")
    code, out, err = run(capsys, "check")
    assert code == 2 and out == ""
    assert err.startswith("hltui: error: no library given: pass a PATH, set $HLTUI_LIBRARY")


def test_export_into_a_closed_pipe_is_quiet() -> None:
    command = f"{sys.executable} -m hltui export {SAMPLES} --format markdown | head -c 10"
    result = subprocess.run(command, shell=True, capture_output=True, text=True, check=False)
    assert "Traceback" not in result.stderr


def test_wrong_config_values_are_named(tmp_path: Path) -> None:
    from hltui.config import load_config

    path = tmp_path / "config.toml"
    path.write_text('library = 5\ntheme = ["x"]\ngrouping = "colour"\n[keymap]\nquit = 3\n', encoding="utf-8")
    config = load_config(path)
    assert (config.library, config.theme, config.grouping) == (None, None, "tag")
    assert config.error is not None
    for name in ("library", "theme", "grouping", "keymap.quit"):
        assert name in config.error


def test_counts_of_one_are_singular_in_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "one.md").write_text("---\ntitle: One\n---\n## Highlights\n- Only this.\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "1 document, 1 highlight, 0 skipped, 0 problems"
