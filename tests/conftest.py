"""Shared fixtures: tests never touch the user's real config, state, browser or clipboard."""

from __future__ import annotations

import csv
import hashlib
import os
import stat
import webbrowser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_exports"
SHARED = ROOT.parent / "shared"
REAL_CORPUS = SHARED / "corpus" / "real"
SEED_FILE = SHARED / "corpus" / "seed" / "000_c5bb28f9f2de1e3d.txt"

needs_shared = pytest.mark.skipif(not REAL_CORPUS.is_dir(), reason="../shared corpus not present (a user's clone)")


def original_paths() -> dict[str, str]:
    """Corpus file name -> its path in the vault it came from (SOURCES.tsv)."""
    with (REAL_CORPUS / "SOURCES.tsv").open(encoding="utf-8") as sources:
        return {row["local_file"]: row["path"] for row in csv.DictReader(sources, delimiter="\t")}


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point config, state, data and cache at a temporary folder; forget library overrides."""
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(variable, str(tmp_path / variable.lower()))
    monkeypatch.delenv("HLTUI_CONFIG", raising=False)
    monkeypatch.delenv("HLTUI_LIBRARY", raising=False)
    return tmp_path


@pytest.fixture(autouse=True)
def opened_urls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record URLs instead of starting a browser (a $BROWSER of the user's would be run)."""
    monkeypatch.delenv("BROWSER", raising=False)
    opened: list[str] = []

    def fake_open(url: str, new: int = 0, autoraise: bool = True) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(webbrowser, "open", fake_open)
    return opened


@pytest.fixture
def graphical_session(monkeypatch: pytest.MonkeyPatch) -> None:
    """A display exists, so `o` goes to the (stubbed) browser unless a test removes it."""
    monkeypatch.setenv("DISPLAY", ":0")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "native_clipboard: run the real clipboard commands (tmux, pbcopy, xclip...)")


@pytest.fixture(autouse=True)
def native_copies(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[str], str]]:
    """Record the clipboard commands a copy would run (tmux, pbcopy, xclip, wl-copy) instead of running them.

    `c` copies with OSC 52 (`app.clipboard` holds the text) and then runs those commands in a worker: without
    this, a test that copies would fill the real clipboard of whoever runs the suite. The stub sits on the one
    function that starts them, so it holds wherever the screens look `copy_outside_terminal` up. Each command
    reports failure, as on a machine without them. A test marked `native_clipboard` runs them for real.
    """
    copies: list[tuple[list[str], str]] = []
    if request.node.get_closest_marker("native_clipboard") is None:

        def record(command: list[str], text: str) -> bool:
            copies.append((command, text))
            return False

        monkeypatch.setattr("hltui.tui.clipboard._run", record)
    return copies


def fingerprint(folder: Path) -> dict[str, tuple[int, int, str]]:
    """Every entry's kind, size and content hash (regular files under 64 MB), links not followed."""
    entries: dict[str, tuple[int, int, str]] = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        digest = ""
        if stat.S_ISREG(info.st_mode) and info.st_size < 64 * 2**20:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        elif stat.S_ISLNK(info.st_mode):
            digest = os.readlink(path)
        entries[str(path.relative_to(folder))] = (stat.S_IFMT(info.st_mode), info.st_size, digest)
    return entries
