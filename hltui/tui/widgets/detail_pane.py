"""The detail pane: a document's metadata, summary and note, then its highlights with a cursor."""

from __future__ import annotations

import asyncio

from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from hltui.model import Document
from hltui.text import strip_control
from hltui.tui.widgets.highlight_card import HighlightCard
from hltui.tui.widgets.highlight_markdown import markdown

EMPTY_MESSAGE = "Choose a document in the tree on the left."
MOUNT_BATCH = 60


class DetailPane(VerticalScroll, can_focus=True):
    """Shows one document; `j`/`k` (or `n`/`p`) move the highlight cursor."""

    BINDINGS = [
        Binding("j,n,down", "move_cursor(1)", "Next", id="pane.next", tooltip="Next highlight"),
        Binding("k,p,up", "move_cursor(-1)", "Previous", id="pane.previous", tooltip="Previous highlight"),
        Binding("g,home", "cursor_to(0)", "First", show=False, id="pane.first", tooltip="First highlight"),
        Binding("G,end", "cursor_to(-1)", "Last", show=False, id="pane.last", tooltip="Last highlight"),
    ]

    document: reactive[Document | None] = reactive(None, recompose=False)
    cursor: reactive[int] = reactive(0, init=False)

    class CursorMoved(Message):
        """The highlight cursor moved to `index` (None: the document has no highlight)."""

        def __init__(self, index: int | None) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.empty_message = EMPTY_MESSAGE
        self._cards: list[HighlightCard] = []
        self._shown = 0
        self.requested_cursor = 0
        """The highlight to put the cursor on when the next document is shown."""
        self._cursor_unseen = False

    def on_mount(self) -> None:
        self.mount(self._placeholder())

    def _placeholder(self) -> Static:
        return Static(Text(self.empty_message), classes="placeholder", id="placeholder")

    async def watch_document(self, document: Document | None) -> None:
        self._shown += 1
        shown = self._shown
        self._cards = []
        await self.remove_children()
        if document is None:
            await self.mount(self._placeholder())
            return
        widgets = _document_widgets(document)
        self._cards = [widget for widget in widgets if isinstance(widget, HighlightCard)]
        self.set_reactive(DetailPane.cursor, min(self.requested_cursor, max(0, len(self._cards) - 1)))
        self.requested_cursor = 0
        self._cursor_unseen = True
        # The first screenful appears at once; a long book's other highlights follow in batches,
        # giving the event loop back in between so keys keep working.
        for start in range(0, len(widgets), MOUNT_BATCH):
            if shown != self._shown:
                return  # another document was chosen meanwhile
            await self.mount_all(widgets[start : start + MOUNT_BATCH])
            if start == 0:
                self.scroll_home(animate=False)
            if self._cards and self._cursor_unseen and self._cards[self.cursor].is_mounted:
                self._mark_cursor()
            await asyncio.sleep(0)

    def show_message(self, message: str) -> None:
        """Change the text shown when no document is chosen (empty library, load error)."""
        self.empty_message = message
        for placeholder in self.query("#placeholder").results(Static):
            placeholder.update(Text(message))

    @property
    def cards(self) -> list[HighlightCard]:
        """The highlight widgets, in order."""
        return list(self._cards)

    def watch_cursor(self) -> None:
        self._mark_cursor()

    def _mark_cursor(self) -> None:
        """Move the `-current` class from the previous card to the new one (not over every card)."""
        cards = self._cards
        for card in self.query(".-current").results(HighlightCard):
            card.remove_class("-current")
        if cards and 0 <= self.cursor < len(cards):
            cards[self.cursor].add_class("-current")
            # A card of a long book may not be mounted yet: scroll to it once its batch arrives.
            self._cursor_unseen = not cards[self.cursor].is_mounted
            if not self._cursor_unseen:
                # After the next layout: a card mounted a moment ago has no place on screen yet.
                self.call_after_refresh(self.scroll_to_widget, cards[self.cursor], animate=False, top=False)
        self.post_message(self.CursorMoved(self.cursor if cards else None))

    def action_move_cursor(self, step: int) -> None:
        """Move the highlight cursor by `step`, staying inside the list."""
        count = len(self.document.highlights) if self.document else 0
        if count:
            self.cursor = max(0, min(count - 1, self.cursor + step))

    def action_cursor_to(self, index: int) -> None:
        """Jump to a highlight; -1 is the last one."""
        count = len(self.document.highlights) if self.document else 0
        if count:
            self.cursor = count - 1 if index < 0 else min(index, count - 1)


def _document_widgets(document: Document) -> list[Widget]:
    """Metadata, summary, note, then each highlight under its section heading."""
    widgets: list[Widget] = [Static(_metadata(document), classes="metadata")]
    for label, text in (("Summary", document.summary), ("Document note", document.note)):
        if text:
            widgets.append(Static(Text(label, style="bold"), classes="block-title"))
            widgets.append(Static(markdown(text), classes="block"))
    section: str | None = None
    for index, highlight in enumerate(document.highlights):
        if highlight.section and highlight.section != section:
            widgets.append(Static(Text(strip_control(highlight.section)), classes="section"))
        section = highlight.section
        widgets.append(HighlightCard(highlight, index))
    if not document.highlights:
        widgets.append(Static(Text("This document has no highlights."), classes="placeholder"))
    return widgets


def _metadata(document: Document) -> Table:
    """Title, then a two-column table of what is known about the document."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim", no_wrap=True)
    table.add_column()
    table.title = Text(strip_control(document.title), style="bold")
    table.title_style = "bold"
    table.title_justify = "left"
    rows = (
        ("Author", document.author),
        ("Full title", document.full_title if document.full_title != document.title else None),
        ("Category", document.category),
        ("URL", document.url),
        ("Tags", " ".join(f"#{tag}" for tag in document.tags) or None),
        ("Highlights", str(len(document.highlights))),
        ("File", document.source_path),
    )
    for label, value in rows:
        if value:
            table.add_row(label, Text(strip_control(value)))
    return table
