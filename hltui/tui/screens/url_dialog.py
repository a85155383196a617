"""Shown when no browser can start (SSH, no display): the URL, with a button to copy it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class UrlDialog(ModalScreen[None]):
    """The address to open by hand."""

    BINDINGS = [
        Binding("escape,q", "dismiss", "Close", id="dialog.close", tooltip="Close this dialog"),
        Binding("c,y", "copy", "Copy", id="dialog.copy", tooltip="Copy the URL"),
    ]

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url

    def compose(self) -> ComposeResult:
        with Vertical(id="url-dialog", classes="dialog"):
            yield Static(Text("No browser could be started here. Open this address yourself:"))
            yield Static(Text(self.url), id="url-text")
            with Horizontal(classes="buttons"):
                yield Button("Copy", id="copy", variant="primary")
                yield Button("Close", id="close")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "copy":
            self.action_copy()
        else:
            self.dismiss()

    def action_copy(self) -> None:
        """Copy the URL and close."""
        self.app.copy_to_clipboard(self.url)
        self.app.notify("Copied URL", markup=False)
        self.dismiss()
