"""Hostile export folders: each case was seen to hang, crash, slow down or harm the terminal.

Every case runs the real `hltui` command in a subprocess on a folder built in a temporary
directory, and asserts it finishes within a generous bound (a hang or a quadratic blow-up is
minutes, not seconds), exits as it should, prints one clean line per file, and leaves the folder
exactly as it was.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import fingerprint
from hostile_shapes import QUADRATIC_SHAPES
from pilot_helpers import started

from hltui.display import counted
from hltui.library import load_library
from hltui.tui.widgets.detail_pane import DetailPane

# Generous: each case takes well under this on a loaded machine, and a hang never ends.
BOUND_SECONDS = 120
GOOD_FILE = "---\ntitle: A Good Book\nauthor: Someone\n---\n## Highlights\n- A highlight that loads.\n"

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and symlinks as on POSIX")


def hltui(*arguments: str, config: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the command as a user would, with the test's private config folders."""
    environment = dict(os.environ)
    if config is not None:
        environment["HLTUI_CONFIG"] = str(config)
    return subprocess.run(
        [sys.executable, "-m", "hltui", *arguments],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=BOUND_SECONDS,
        env=environment,
    )


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "good.md").write_text(GOOD_FILE, encoding="utf-8")
    return folder


def check_untouched(folder: Path, run: Callable[[], subprocess.CompletedProcess[str]]) -> str:
    """Run the command; assert it succeeded and changed nothing in the folder; return its output."""
    before = fingerprint(folder)
    result = run()
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert fingerprint(folder) == before
    return result.stdout


def skipped_lines(output: str) -> dict[str, str]:
    """`name: skipped: reason` lines of `check`, by file name."""
    found: dict[str, str] = {}
    for line in output.splitlines():
        name, marker, reason = line.partition(": skipped: ")
        if marker:
            found[name] = reason
    return found


@posix_only
def test_a_fifo_is_skipped_not_waited_on(library: Path) -> None:
    os.mkfifo(library / "x.md")
    output = check_untouched(library, lambda: hltui("check", str(library)))
    assert skipped_lines(output) == {"x.md": "not a regular file: a named pipe (FIFO)"}
    assert output.splitlines()[-1].startswith("1 document, 1 highlight, 1 skipped")


@posix_only
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_a_link_to_an_endless_device_is_not_read(library: Path, tmp_path: Path, device: str) -> None:
    (library / "zero.md").symlink_to(device)
    output = check_untouched(library, lambda: hltui("check", str(library)))
    assert "symbolic link to a file outside the library" in skipped_lines(output)["zero.md"]
    # Allowed to follow links, hltui still reads only regular files.
    config = tmp_path / "follow.toml"
    config.write_text("follow_symlinks = true\n", encoding="utf-8")
    output = check_untouched(library, lambda: hltui("check", str(library), config=config))
    assert skipped_lines(output)["zero.md"] == "not a regular file: a character device"


@posix_only
def test_links_out_of_the_folder_are_followed_only_when_allowed(library: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.md").write_text(GOOD_FILE.replace("A Good Book", "Outside Book"), encoding="utf-8")
    (library / "secret.md").symlink_to(outside / "secret.md")
    (library / "linked-folder").symlink_to(outside, target_is_directory=True)
    (library / "inside.md").symlink_to(library / "good.md")  # a link within the folder is fine
    output = check_untouched(library, lambda: hltui("check", str(library)))
    assert set(skipped_lines(output)) == {"secret.md", "linked-folder"}
    assert "set follow_symlinks = true" in skipped_lines(output)["linked-folder"]
    config = tmp_path / "follow.toml"
    config.write_text("follow_symlinks = true\n", encoding="utf-8")
    output = check_untouched(library, lambda: hltui("export", str(library), config=config))
    assert '"title": "Outside Book"' in output


@posix_only
def test_a_link_back_up_the_tree_does_not_loop(library: Path, tmp_path: Path) -> None:
    (library / "sub").mkdir()
    (library / "sub" / "up").symlink_to(library, target_is_directory=True)
    config = tmp_path / "follow.toml"
    config.write_text("follow_symlinks = true\n", encoding="utf-8")
    output = check_untouched(library, lambda: hltui("check", str(library), config=config))
    assert output.splitlines()[-1].startswith("1 document, 1 highlight, 0 skipped")


def test_a_huge_sparse_file_is_skipped_by_its_size(library: Path) -> None:
    with (library / "huge.md").open("wb") as huge:
        huge.truncate(100 * 2**30)  # 100 GB that take no disk space
    output = check_untouched(library, lambda: hltui("check", str(library)))
    assert skipped_lines(output)["huge.md"].startswith("too large: 102,400.0 MB (the limit is 64.0 MB")


def test_the_size_limit_is_a_setting(library: Path, tmp_path: Path) -> None:
    (library / "big.md").write_text(GOOD_FILE + "  " + "padding " * 310_000 + "\n", encoding="utf-8")
    config = tmp_path / "small.toml"
    config.write_text("max_file_mb = 1\n", encoding="utf-8")
    output = check_untouched(library, lambda: hltui("check", str(library), config=config))
    assert skipped_lines(output)["big.md"].startswith("too large: 2.4 MB (the limit is 1.0 MB")
    output = check_untouched(library, lambda: hltui("check", str(library)))
    assert "big.md" not in skipped_lines(output)


@posix_only
def test_a_config_that_is_a_device_is_one_warning(library: Path) -> None:
    result = hltui("check", str(library), config=Path("/dev/zero"))
    assert result.returncode == 0
    assert result.stderr.splitlines() == [
        "hltui: warning: config file /dev/zero ignored: not a regular file: a character device"
    ]


HOSTILE_NAMES = [
    "esc\x1b]52;c;aGVsbG8=\x07clip.md",
    "red\x1b[31mtitle.md",
    "new\nline.md",
    "tab\tand\rreturn.md",
    "bidi\u202eevil.md",
]


@posix_only
def test_file_names_never_carry_escapes_or_break_lines(library: Path) -> None:
    for index, name in enumerate(HOSTILE_NAMES):
        (library / name).write_text(f"- Author: [[A]]\n\n## Highlights\n- Highlight {index}.\n", encoding="utf-8")
    (library / "broken\x1b[2J.md").write_bytes(b"---\ntitle: [unclosed\n---\n")
    output = check_untouched(library, lambda: hltui("check", str(library)))
    assert output.count("\n") == len(output.splitlines()) == 2  # one problem line, one summary
    markdown = check_untouched(library, lambda: hltui("export", "--format", "markdown", str(library)))
    json_output = check_untouched(library, lambda: hltui("export", "--format", "json", str(library)))
    for text in (output, markdown, json_output):
        assert not any(character in text for character in "\x1b\x07\r\u202e\x9b")
    sources = [line for line in markdown.splitlines() if line.startswith("- Source: ")]
    assert "- Source: new\\nline.md" in sources
    assert "- Source: esc\\x1b]52;c;aGVsbG8=\\x07clip.md" in sources  # shown, never run
    assert "broken\\x1b[2J.md: skipped: no highlights or export metadata found" in output


def test_a_missing_library_is_a_one_line_error(tmp_path: Path) -> None:
    result = hltui("check", str(tmp_path / "missing\x1b[31m\nfolder"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "\x1b" not in result.stderr
    assert result.stderr.startswith("hltui: error: library path not found: ")


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(QUADRATIC_SHAPES))
def test_quadratic_shapes_finish_quickly_and_are_read(tmp_path: Path, shape: str) -> None:
    folder = tmp_path / shape
    folder.mkdir()
    QUADRATIC_SHAPES[shape](folder)
    output = check_untouched(folder, lambda: hltui("check", str(folder)))
    summary = output.splitlines()[-1]
    assert summary.startswith("1 document, ")
    expected_highlights = {"d-segments-in-one-file": 16_000, "e-files-of-one-title": 16_000}
    expected_highlights["f-one-file-per-highlight"] = 8_000
    assert f" {counted(expected_highlights.get(shape, 1), 'highlight')}, 0 skipped" in summary


@posix_only
async def test_the_reader_loads_past_a_fifo_and_q_quits(library: Path) -> None:
    os.mkfifo(library / "x.md")
    async with started(library, (100, 30)) as (app, pilot):
        assert app.sub_title.endswith("1 document · 1 highlight · 1 skipped (e)")
        await pilot.press("q")
    assert app.return_code == 0


@posix_only
async def test_the_empty_library_message_and_config_warning_show_paths_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "red\x1b[31m\nfolder"
    folder.mkdir()
    config = tmp_path / "osc\x1b]52;c;aGk=\x07.toml"
    config.write_text("grouping = 3\n", encoding="utf-8")
    monkeypatch.setenv("HLTUI_CONFIG", str(config))
    async with started(folder, (100, 30)) as (app, _):
        message = app.screen.query_one(DetailPane).empty_message
        warnings = [notification.message for notification in app._notifications]
        assert "No highlight documents were found in " in message
        assert "red\\x1b[31m\\nfolder" in message
        assert any("osc\\x1b]52;c;aGk=\\x07.toml: ignored wrong values for grouping" in w for w in warnings)
        for shown in (message, app.sub_title, *warnings):
            assert not any(character in shown for character in "\x1b\x07"), shown


def test_a_folder_that_cannot_be_listed_is_reported(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (library / "locked").mkdir()
    (library / "locked" / "inside.md").write_text(GOOD_FILE, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if Path(path).name == "locked":  # as a folder without read permission answers (tests run as root)
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    library_read = load_library(library)
    assert [(item.path, item.reason) for item in library_read.skipped] == [
        ("locked", "folder cannot be read: Permission denied")
    ]
    assert len(library_read.documents) == 1
