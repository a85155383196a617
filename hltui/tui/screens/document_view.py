"""A document opened from a review card: read around the highlight, then Escape returns to the same card."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header

from hltui.display import one_line
from hltui.model import Document, Highlight
from hltui.tui.screens.help import HelpSection
from hltui.tui.widgets.detail_pane import DetailPane
from hltui.tui.widgets.fitting_footer import FittingFooter
from hltui.tui.widgets.position_line import PositionLine

OwnNote = Callable[[Document, Highlight], str | None]


class DocumentView(Screen[None]):
    """The whole document with the cursor on one highlight; the document's keys move through it."""

    BINDINGS = [Binding("escape,q", "dismiss", "Back", id="document.back", tooltip="Back to the review card")]
    HELP_SECTIONS: ClassVar[list[HelpSection]] = [("Document", [*BINDINGS, *DetailPane.BINDINGS])]

    def __init__(self, document: Document, highlight_index: int, own_note: OwnNote | None = None) -> None:
        super().__init__()
        self.document = document
        self.highlight_index = highlight_index
        self.own_note = own_note

    def compose(self) -> ComposeResult:
        yield Header()
        yield DetailPane(id="detail")
        yield PositionLine(id="position")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.sub_title = one_line(self.document.title)
        pane = self.query_one(DetailPane)
        pane.own_note = self.own_note
        pane.requested_cursor = self.highlight_index
        pane.document = self.document
        pane.focus()

    def on_detail_pane_cursor_moved(self, message: DetailPane.CursorMoved) -> None:
        self.query_one(PositionLine).show(message.index, len(self.document.highlights))
