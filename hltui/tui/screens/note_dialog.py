"""Asks for the reader's own note on a highlight (kept in hltui's state, never in the exports)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class NoteDialog(ModalScreen[str | None]):
    """One line of text; Enter keeps it (empty removes the note), Escape leaves it as it was."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="note.cancel", tooltip="Keep the note as it was")]

    def __init__(self, note: str | None) -> None:
        super().__init__()
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog", classes="dialog"):
            yield Static(Text("Your note (Enter keeps it, an empty note removes it, Escape cancels):"))
            yield Input(self.note or "", placeholder="What this highlight means to you", id="note-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        """Close without changing the note."""
        self.dismiss(None)
