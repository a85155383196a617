"""Opening a document's address: only http(s), never through a shell."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import threading
import webbrowser
from collections.abc import Mapping, Sequence
from urllib.parse import urlparse

_SAFE_SCHEMES = ("http", "https")
# The config file's `browser`, set by the app factory: the screens that open URLs never see the config.
_configured_command: str | None = None


def is_openable(url: str | None) -> bool:
    """Whether a URL is an http or https address without spaces or control characters."""
    if not url or any(character.isspace() or not character.isprintable() for character in url):
        return False
    parsed = urlparse(url)
    return parsed.scheme.lower() in _SAFE_SCHEMES and bool(parsed.netloc)


def has_display(environment: Mapping[str, str], platform: str) -> bool:
    """Whether a graphical browser could appear (not over plain SSH, not on a headless Linux)."""
    if platform in ("darwin", "win32"):
        return not environment.get("SSH_CONNECTION")
    return bool(environment.get("DISPLAY") or environment.get("WAYLAND_DISPLAY"))


def use_browser_command(command: str | None) -> None:
    """Open URLs with this command line (the config file's `browser`) instead of $BROWSER; None for $BROWSER."""
    global _configured_command
    _configured_command = command


def browser_commands(configured: str | None, environment: Mapping[str, str]) -> list[str]:
    """The commands to try in turn: the configured one, else each of $BROWSER's (separated by `:`)."""
    if configured:
        return [configured]
    return [command for command in environment.get("BROWSER", "").split(os.pathsep) if command.strip()]


def command_line(command: str, url: str) -> list[str] | None:
    """The arguments running a command on a URL: `%s` replaced by it, or else it added last; None if unparsable."""
    try:
        arguments = shlex.split(command)
    except ValueError:  # an unclosed quote
        return None
    if not arguments:
        return None
    if any("%s" in argument for argument in arguments):
        return [argument.replace("%s", url) for argument in arguments]
    return [*arguments, url]


def open_in_browser(url: str) -> bool:
    """Open an http(s) URL with the user's browser command, else the system browser; False when none started.

    A command the user chose (`browser` in the config, or $BROWSER) runs even without a display: it may
    forward the URL from an SSH session. Without one, the system browser is only tried where it could appear.
    """
    if not is_openable(url):
        return False
    commands = browser_commands(_configured_command, os.environ)
    if commands:
        return _start_first(commands, url)
    if not has_display(os.environ, sys.platform):
        return False
    try:
        return bool(webbrowser.open(url, new=2))
    except webbrowser.Error:
        return False


def _start_first(commands: Sequence[str], url: str) -> bool:
    """Start the first of the commands that can start; False when none can."""
    for command in commands:
        arguments = command_line(command, url)
        if arguments is not None and _start(arguments):
            return True
    return False


def _start(arguments: list[str]) -> bool:
    """Start a program without a shell, cut off from the terminal the app draws on; False if it cannot start."""
    try:
        # A session of its own: the terminal's signals (Ctrl+C, hang-up) are not the browser's.
        process = subprocess.Popen(
            arguments,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    except (OSError, ValueError):  # not found, not executable; ValueError: a NUL in an argument
        return False
    # Waited for out of the way, so an ended browser leaves no zombie process and the app never blocks.
    threading.Thread(target=process.wait, name="browser", daemon=True).start()
    return True
