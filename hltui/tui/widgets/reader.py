"""The right-hand side: the document pane and its position line, the whole document or only its favorites."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import reactive

from hltui.library.favorites import Subset, favorite_indexes, only_these
from hltui.model import Document, Highlight
from hltui.review.reader_state import ReaderReviews
from hltui.tui.widgets.detail_pane import DetailPane
from hltui.tui.widgets.position_line import PositionLine

# Asks the reader for a note, starting from the one given; the callback gets the text, or None if cancelled.
AskNote = Callable[[str | None, Callable[[str | None], None]], object]


class Reader(Vertical):
    """Shows a document; with `favorites_only`, only its favorite highlights, positions mapped both ways.

    The reader's own marks are made here too: a star (favorite) and a note on the highlight under the cursor.
    """

    BINDINGS = [
        Binding(
            "f", "star", "Star", id="reader.star", tooltip="Star the highlight (a favorite), or take the star away"
        ),
        Binding("N", "note", "Your note", show=False, id="reader.note", tooltip="Write your own note on the highlight"),
        Binding("u", "undo", "Undo", show=False, id="reader.undo", tooltip="Undo your last star or note made here"),
    ]

    favorites_only: reactive[bool] = reactive(False, init=False)

    class MarksChanged(Message):
        """A star or a note changed: the tree's Favorites and the cards follow."""

    def __init__(self, reviews: ReaderReviews, ask_note: AskNote, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.reviews = reviews
        # Shows the note dialog (a screen, which a widget does not import) and hands back what was written.
        self.ask_note = ask_note
        self.document: Document | None = None  # the whole document, of which the pane may show a subset
        # With favorites only: the positions in the document of the highlights the pane shows.
        self._shown: Subset | None = None

    def compose(self) -> ComposeResult:
        pane = DetailPane(id="detail")
        pane.own_note = self.reviews.own_note
        pane.starred = self.reviews.is_starred
        yield pane
        yield PositionLine(id="position")

    @property
    def highlight(self) -> Highlight | None:
        """The highlight under the pane's cursor, read from the pane so it is never a step behind."""
        pane = self.query_one(DetailPane)
        document, index = pane.document, pane.cursor
        if document is None or self.document is None or not 0 <= index < len(document.highlights):
            return None
        return document.highlights[index]

    def show(self, document: Document | None) -> None:
        """Show a document (all of it, or its favorites), the cursor on the pane's `requested_cursor` highlight."""
        pane = self.query_one(DetailPane)
        self.document = document
        self._shown, pane.subset = None, None
        if document is not None and self.favorites_only:
            subset = Subset(tuple(favorite_indexes(document, self.reviews.starred())))
            pane.requested_cursor = subset.nearest_position(pane.requested_cursor)
            self._shown, pane.subset = subset, (len(document.highlights), "favorite")
            document = only_these(document, subset.indexes)
        pane.document = document  # always re-shown (the pane compares documents by identity)
        self.show_position()

    def move_to(self, index: int) -> None:
        """Put the cursor on the document's highlight at `index` (the first shown when the filter hides it)."""
        position = self._shown.position_of(index) if self._shown is not None else index
        self.query_one(DetailPane).action_cursor_to(position or 0)

    def show_all_for(self, document: Document, index: int) -> bool:
        """Show every highlight when the one at `index` is not a favorite but only favorites show; True if so."""
        if not self.favorites_only or index in favorite_indexes(document, self.reviews.starred()):
            return False
        self.set_reactive(Reader.favorites_only, False)
        self.show(self.document)
        return True

    def reshow(self) -> None:
        """Show the document again (all, or its favorites), the cursor on the same highlight when it is shown."""
        pane = self.query_one(DetailPane)
        if pane.document is not None and pane.highlights:
            shown = self._shown
            pane.requested_cursor = shown.document_index(pane.cursor) if shown is not None else pane.cursor
        self.show(self.document)

    def watch_favorites_only(self) -> None:
        self.reshow()

    def show_position(self) -> None:
        """`highlight 3 of 8` under the pane (or `favorite 1 of 2 · * shows all 65`)."""
        pane = self.query_one(DetailPane)
        shown = len(pane.highlights)
        index = pane.cursor if pane.document is not None and shown else None
        total = len(self.document.highlights) if self.document is not None and self.favorites_only else None
        self.query_one(PositionLine).show(index, shown, total)

    def marks_changed(self) -> None:
        """Stars or notes changed (here or in a review): show them, and tell the screen."""
        if self.favorites_only:  # a highlight starred or unstarred joins or leaves the list
            self.reshow()
        self.query_one(DetailPane).redraw_cards()
        self.post_message(self.MarksChanged())

    def action_star(self) -> None:
        """Star the highlight under the cursor, or take its star away."""
        if (highlight := self.highlight) is None or self.document is None:
            self.notify("No highlight selected: nothing to star", severity="warning")
            return
        starred = self.reviews.toggle_star(self.document, highlight)
        self.notify("Starred: a favorite now (u undoes)" if starred else "Star taken away (u undoes)", timeout=2)
        self.marks_changed()

    def action_note(self) -> None:
        """Write your own note on the highlight under the cursor (empty removes it)."""
        document, highlight = self.document, self.highlight
        if highlight is None or document is None:
            self.notify("No highlight selected: nothing to note", severity="warning")
            return

        def keep(note: str | None) -> None:
            if note is not None:
                self.reviews.set_own_note(document, highlight, note)
                self.marks_changed()

        self.ask_note(self.reviews.own_note(document, highlight), keep)

    def action_undo(self) -> None:
        """Undo the last star or note made here (a review's changes have the review's own undo)."""
        undone = self.reviews.undo_own_change()
        if undone is None:
            self.notify("Nothing to undo here", severity="warning")
            return
        self.notify(f"Undid your {'star' if undone == 'favorite' else undone}", timeout=2)
        self.marks_changed()

    def on_detail_pane_cursor_moved(self) -> None:
        self.show_position()  # the message goes on to the screen, which follows the highlight
