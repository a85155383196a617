"""What leaves the app: copying text to the clipboard and opening links, the same from every screen."""

from __future__ import annotations

from functools import partial
from typing import Any

from textual.screen import Screen

from hltui.tui.browser import open_in_browser
from hltui.tui.clipboard import copy_outside_terminal
from hltui.tui.screens.url_dialog import UrlDialog

_PREVIEW_LENGTH = 50


def copy_text(screen: Screen[Any], text: str, what: str, *, brief: bool = False) -> None:
    """Copy with OSC 52 (works over SSH), then tmux and the native tool in the background; say what was copied.

    `brief` says only what was copied, for a moment, where a longer notice would cover what is being read.
    """
    screen.app.copy_to_clipboard(text)
    # The native tools are programs that may take a moment (or hang on a dead X server): never on the UI thread.
    screen.run_worker(partial(copy_outside_terminal, text), thread=True, group="clipboard")
    if brief:
        screen.notify(f"Copied {what}", timeout=1.5)
        return
    preview = " ".join(text.split())
    preview = preview if len(preview) <= _PREVIEW_LENGTH else preview[: _PREVIEW_LENGTH - 1] + "…"
    screen.notify(f"Copied {what}: {preview}", markup=False)


def open_url(screen: Screen[Any], url: str) -> None:
    """The browser when one can start, else a dialog showing the URL with a copy button."""
    if open_in_browser(url):
        screen.notify(f"Opening {url[:80]}", markup=False)
    else:
        screen.app.push_screen(UrlDialog(url))
