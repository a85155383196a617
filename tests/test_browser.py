"""`o` with a browser command of the user's: $BROWSER or `browser` in the config, run without a shell."""

from __future__ import annotations

import json
import shlex
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SAMPLES
from pilot_helpers import WIDE, reading, show

from hltui.cli import build_app
from hltui.config import load_config
from hltui.tui import browser
from hltui.tui.browser import command_line, open_in_browser, use_browser_command
from hltui.tui.screens.url_dialog import UrlDialog

URL = "https://example.com/essays/walking"
# Each of these would do something in a shell; run without one, they are just characters of the URL.
SHELL_LIKE_URL = "https://example.com/a;touch${IFS}pwned&b=$(id)`id`|c'\"*?"
FAKE_BROWSER = """\
import json, os, sys
record = sys.argv[1]
with open(record + ".part", "w", encoding="utf-8") as file:
    json.dump(sys.argv[2:], file)
os.replace(record + ".part", record)  # whole or absent: the test reads it while this may still run
"""


class FakeBrowser:
    """A command line that records the arguments it is started with in a file."""

    def __init__(self, folder: Path, name: str) -> None:
        script = folder / "fake browser.py"  # a space in the path: the command must quote it
        script.write_text(FAKE_BROWSER, encoding="utf-8")
        self.record = folder / f"{name}.json"
        self.command = shlex.join([sys.executable, str(script), str(self.record)])

    def arguments(self, timeout: float = 10.0) -> list[str]:
        """The URL arguments it was started with, once it has written them."""
        deadline = time.monotonic() + timeout
        while not self.record.exists():
            assert time.monotonic() < deadline, "the browser command did not run"
            time.sleep(0.02)
        arguments: list[str] = json.loads(self.record.read_text(encoding="utf-8"))
        return arguments


@pytest.fixture(autouse=True)
def headless(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No display (an SSH session), no browser command configured."""
    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "SSH_CONNECTION"):
        monkeypatch.delenv(variable, raising=False)
    use_browser_command(None)
    yield
    use_browser_command(None)


@pytest.fixture
def fake(tmp_path: Path) -> FakeBrowser:
    return FakeBrowser(tmp_path, "browser")


def never_started(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*arguments: object, **options: object) -> None:
        raise AssertionError("a command was started")

    monkeypatch.setattr(browser.subprocess, "Popen", fail)


def test_browser_runs_without_a_display_with_the_url_as_its_last_argument(
    fake: FakeBrowser, monkeypatch: pytest.MonkeyPatch, opened_urls: list[str]
) -> None:
    monkeypatch.setenv("BROWSER", fake.command)
    assert open_in_browser(URL) is True
    assert fake.arguments() == [URL]
    assert opened_urls == []  # not the system browser


def test_the_url_reaches_the_command_literally_never_through_a_shell(
    fake: FakeBrowser, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BROWSER", fake.command)
    assert open_in_browser(SHELL_LIKE_URL) is True
    assert fake.arguments() == [SHELL_LIKE_URL]
    assert not (tmp_path / "pwned").exists()


def test_percent_s_places_the_url_inside_an_argument() -> None:
    assert command_line("forward --url=%s --quiet", URL) == ["forward", f"--url={URL}", "--quiet"]
    assert command_line("'my browser' --new-tab", URL) == ["my browser", "--new-tab", URL]
    assert command_line("unclosed 'quote", URL) is None


def test_only_http_and_https_urls_ever_reach_the_command(fake: FakeBrowser, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROWSER", fake.command)
    never_started(monkeypatch)
    for url in ("javascript:alert(1)", "file:///etc/passwd", "https://example.com/a b", "ftp://example.com/x"):
        assert open_in_browser(url) is False, url


def test_a_command_that_cannot_start_falls_back_and_a_list_tries_each_in_turn(
    fake: FakeBrowser, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    missing = str(tmp_path / "no-such-browser")
    monkeypatch.setenv("BROWSER", missing)
    assert open_in_browser(URL) is False  # the caller shows the URL in its dialog
    monkeypatch.setenv("BROWSER", f"{missing}:{fake.command}")
    assert open_in_browser(URL) is True
    assert fake.arguments() == [URL]


def test_without_a_command_or_display_nothing_starts(monkeypatch: pytest.MonkeyPatch, opened_urls: list[str]) -> None:
    never_started(monkeypatch)
    assert open_in_browser(URL) is False
    assert opened_urls == []


def test_the_config_command_wins_over_browser(
    fake: FakeBrowser, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    other = FakeBrowser(tmp_path, "other")
    monkeypatch.setenv("BROWSER", other.command)
    config = tmp_path / "config.toml"
    config.write_text(f"browser = {json.dumps(fake.command + ' --new-window %s')}\n", encoding="utf-8")
    monkeypatch.setenv("HLTUI_CONFIG", str(config))
    build_app(SAMPLES, load_config())  # the factory hands the command to the browser module
    assert open_in_browser(URL) is True
    assert fake.arguments() == ["--new-window", URL]
    assert not other.record.exists()


def test_a_browser_setting_that_is_not_a_command_line_is_named(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    assert load_config(config).browser is None
    for wrong in ("browser = 5", 'browser = "firefox \'unclosed"', 'browser = "  "'):
        config.write_text(wrong + "\n", encoding="utf-8")
        loaded = load_config(config)
        assert loaded.browser is None and loaded.error is not None and "browser" in loaded.error, wrong
    config.write_text('browser = "firefox --new-window"\n', encoding="utf-8")
    assert load_config(config).browser == "firefox --new-window"


async def test_o_in_the_reader_runs_browser_over_ssh(fake: FakeBrowser, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.2 50000 10.0.0.1 22")
    monkeypatch.setenv("BROWSER", fake.command)
    async with reading(size=WIDE) as (app, pilot, screen):
        document = await show(pilot, screen, "Notes on Walking & Thinking")
        await pilot.press("o")
        await pilot.pause()
        assert not isinstance(app.screen, UrlDialog)
    assert fake.arguments() == [document.url]
