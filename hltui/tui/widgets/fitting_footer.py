"""A footer that shows the keys that fit its width, and always Quit and Help."""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey  # not exported by Textual; its version is pinned

# Shown whatever the width: a reader who sees nothing else can still leave (the app or a screen) or find every key.
ALWAYS_SHOWN = ("quit", "help", "leave", "dismiss")
# A key's cells beyond its key and description: a space before the key, after it, and after the text.
KEY_PADDING = 3
# The command palette's key, docked right, with its padding and edge.
PALETTE_CELLS = 14


class FittingFooter(Footer):
    """Textual's footer, leaving out keys until the rest fit: greyed-out ones first, then from the end.

    The focused widget's keys come first and the app's last, so at 80 columns the pane's own
    keys stay while screen-wide ones give way; Quit, Help and a screen's way out always stay.
    """

    def __init__(self) -> None:
        super().__init__()
        self._composed_width = -1

    def compose(self) -> ComposeResult:
        widgets = list(super().compose())
        self._composed_width = self.size.width
        if self.size.width:
            for key in fitting_drops(widgets, self.size.width - PALETTE_CELLS):
                widgets.remove(key)
        yield from widgets

    def on_resize(self, event: Resize) -> None:
        if event.size.width != self._composed_width:
            self.call_after_refresh(self.recompose)


def key_cells(key: FooterKey) -> int:
    return cell_len(key.key_display) + cell_len(key.description) + KEY_PADDING


def fitting_drops(widgets: list[Widget], room: int) -> list[FooterKey]:
    """The keys to leave out so the others fit in `room` cells: greyed-out ones first, each from the end.

    Quit, Help and a screen's way out are never left out.
    """
    keys = [widget for widget in widgets if isinstance(widget, FooterKey) and not widget.has_class("-command-palette")]
    used = sum(key_cells(key) for key in keys)
    droppable = [key for key in reversed(keys) if key.action not in ALWAYS_SHOWN]
    dropped: list[FooterKey] = []
    for key in sorted(droppable, key=lambda key: not key.has_class("-disabled")):  # stable: end first in each
        if used <= room:
            break
        dropped.append(key)
        used -= key_cells(key)
    return dropped
