"""Opening a document's address: only http(s), never through a shell."""

from __future__ import annotations

import os
import sys
import webbrowser
from collections.abc import Mapping
from urllib.parse import urlparse

_SAFE_SCHEMES = ("http", "https")


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


def open_in_browser(url: str) -> bool:
    """Ask the system browser to open an http(s) URL; False when none could be started."""
    if not is_openable(url) or not has_display(os.environ, sys.platform):
        return False
    try:
        return bool(webbrowser.open(url, new=2))
    except webbrowser.Error:
        return False
