"""The detail pane: a document's metadata, summary and note, then its highlights with a cursor.

Only the highlights on screen are laid out (Textual's line API), so a book of 190,000 highlights
opens, scrolls and resizes as fast as a short one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.style import Style
from textual.binding import Binding
from textual.cache import LRUCache
from textual.events import Click, Resize
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from hltui.display import counted
from hltui.model import Document, Highlight
from hltui.tui.widgets.block_heights import BlockHeights
from hltui.tui.widgets.document_header import header_strips, placeholder_strips
from hltui.tui.widgets.highlight_card import CardLook, card_strips, section_strips

EMPTY_MESSAGE = "Choose a document in the tree on the left."
NO_HIGHLIGHTS = "This document has no highlights."
NO_FAVORITES = "No favorite highlight in this document. Press * to show every highlight."
FIRST_ESTIMATE = 4  # lines per highlight not laid out yet, until the first screen tells better
BLOCK_CACHE_SIZE = 256  # laid-out highlights kept: several screens' worth
LAYOUT_ROUNDS = 64  # a bound on re-laying out while estimates turn into real heights

# A laid-out highlight: its lines (margin, section heading if it opens one, card) and the card's first line.
Block = tuple[list[Strip], int]


class DetailPane(ScrollView, can_focus=True):
    """Shows one document; `j`/`k` (or `n`/`p`) move the highlight cursor."""

    BINDINGS = [
        Binding("j,n,down", "move_cursor(1)", "Next", id="pane.next", tooltip="Next highlight"),
        Binding("k,p,up", "move_cursor(-1)", "Previous", id="pane.previous", tooltip="Previous highlight"),
        Binding("g,home", "cursor_to(0)", "First", show=False, id="pane.first", tooltip="First highlight"),
        Binding("G,end", "cursor_to(-1)", "Last", show=False, id="pane.last", tooltip="Last highlight"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="pane.page_down", tooltip="A screen further"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="pane.page_up", tooltip="A screen back"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "detail-pane--border",
        "detail-pane--current",
        "detail-pane--section",
        "detail-pane--rule",
        "detail-pane--block-title",
        "detail-pane--placeholder",
    }

    # Compared by identity, not ==: a subset equal to the whole document is still a new showing, and
    # comparing documents would fetch their stored highlights.
    document: reactive[Document | None] = reactive(None, always_update=True)
    cursor: reactive[int] = reactive(0, init=False)

    class CursorMoved(Message):
        """The highlight cursor moved to `index` (None: the document has no highlight)."""

        def __init__(self, index: int | None) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.empty_message = EMPTY_MESSAGE
        self.subset: tuple[int, str] | None = None
        """When the document shown is a subset (favorites only): the whole document's count, and what they are."""
        self.requested_cursor = 0
        """The highlight to put the cursor on when the next document is shown."""
        self.rendered_highlights = 0
        """How many times a highlight was laid out: about a screenful per move, whatever the length."""
        self.own_note: Callable[[Document, Highlight], str | None] | None = None
        """The reader's own note on a highlight (kept by reviews), asked for each card laid out."""
        self.starred: Callable[[Document, Highlight], bool] | None = None
        """Whether the reader starred a highlight (in a review or here), asked for each card laid out."""
        self._width = 0  # the width the header and blocks are laid out at
        self._header: list[Strip] = []
        self._heights = BlockHeights(0, FIRST_ESTIMATE)
        self._blocks: LRUCache[int, Block] = LRUCache(BLOCK_CACHE_SIZE)
        self._view_height = 0  # the screen's height when highlights were last laid out for it
        self._resize_pending = False
        self._moving_itself = False  # set while the pane scrolls to keep its own place
        self._top: tuple[int, int] | None = None  # the block on top of the screen and the line it starts on

    @property
    def highlights(self) -> Sequence[Highlight]:
        """The shown document's highlights (none without a document)."""
        return self.document.highlights if self.document is not None else ()

    # Showing a document ---------------------------------------------------------------------

    def watch_document(self, document: Document | None) -> None:
        count = len(document.highlights) if document is not None else 0
        self.set_reactive(DetailPane.cursor, max(0, min(self.requested_cursor, count - 1)))
        self.requested_cursor = 0
        if self._content_width():
            self._open()
        else:
            self._width = 0  # laid out on the first resize
        self.refresh()
        self.post_message(self.CursorMoved(self.cursor if count else None))

    def _open(self) -> None:
        """Lay out the first screen, estimate the rest from it, then show the cursor's highlight."""
        self._lay_out(FIRST_ESTIMATE)
        self._scroll_to_line(0)
        self._measure_screen()
        self._heights = self._heights.with_estimate(self._measured_mean())
        self._sync_virtual_size()
        if self.cursor:
            self._reveal(self.cursor)

    def show_message(self, message: str) -> None:
        """Change the text shown when no document is chosen (empty library, load error)."""
        self.empty_message = message
        if self.document is None and self._width:
            self._header = self._header_strips(self._width)
            self._sync_virtual_size()
            self.refresh()

    def on_resize(self, event: Resize) -> None:
        self._after_resize()

    def _after_resize(self) -> None:
        self._resize_pending = False
        cursor_was_shown = self._on_screen(self.cursor, self._view_height)
        self._fit_width()
        self._measure_screen()
        if cursor_was_shown:
            self._reveal(self.cursor)
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Colours are baked into the laid-out lines: a new theme or focus redraws them (heights stay).
        if self._width and self.is_attached:
            self._blocks.clear()
            self._header = self._header_strips(self._width)

    def _fit_width(self) -> None:
        """Lay out again at a new width, keeping the top of the screen (or the cursor) in place."""
        width = self._content_width()
        if not width or width == self._width:
            return
        if not self._width:
            self._open()
            return
        top = self._top_block()
        estimate = self._measured_mean() * self._width // width
        self._lay_out(max(2, estimate))
        if top is not None:
            index, within = top
            self._scroll_to_line(self._block_start(index) + min(within, self._heights.height(index) - 1))

    def _lay_out(self, estimate: int) -> None:
        """Lay out the header at the current width; every highlight starts out estimated."""
        self._width = self._content_width()
        self._blocks.clear()
        self._header = self._header_strips(self._width)
        self._heights = BlockHeights(len(self.highlights), estimate)
        self._top = None
        self._sync_virtual_size()

    def _header_strips(self, width: int) -> list[Strip]:
        console = self.app.console
        placeholder = self._component("detail-pane--placeholder")
        if self.document is None:
            return placeholder_strips(console, self.empty_message, width, placeholder)
        count = subset_count(len(self.highlights), *self.subset) if self.subset else None
        strips = header_strips(console, self.document, width, self._component("detail-pane--block-title"), count)
        if not self.highlights:
            message = NO_HIGHLIGHTS if self.subset is None else NO_FAVORITES
            strips.extend(placeholder_strips(console, message, width, placeholder))
        return strips

    # Laying out highlights ------------------------------------------------------------------

    def _block(self, index: int) -> Block:
        """Highlight `index` laid out at the current width, measured the first time."""
        block = self._blocks.get(index)
        if block is None:
            block = self._render_block(index)
            self._blocks[index] = block
            self.rendered_highlights += 1
            self._heights.measure(index, len(block[0]))
        return block

    def _render_block(self, index: int) -> Block:
        width, console, look = self._width, self.app.console, self._look()
        highlights = self.highlights
        highlight = highlights[index]
        strips: list[Strip] = []
        section = highlight.section
        if section and (index == 0 or highlights[index - 1].section != section):
            strips.append(Strip.blank(width))
            strips.extend(section_strips(console, section, width, look))
        strips.append(Strip.blank(width))
        card_start = len(strips)
        own_note = self.own_note(self.document, highlight) if self.own_note and self.document else None
        starred = bool(self.starred and self.document and self.starred(self.document, highlight))
        strips.extend(card_strips(console, highlight, width, look, own_note, starred))
        return strips, card_start

    def redraw_cards(self) -> None:
        """Lay out the highlights again (the reader's own notes changed); heights are measured anew."""
        self._blocks.clear()
        self.refresh()

    def _measure_screen(self) -> bool:
        """Lay out every highlight on screen; say whether one was measured for the first time."""
        count = len(self.highlights)
        if not count or not self._width:
            return False
        header = len(self._header)
        top = round(self.scroll_y)
        self._view_height = self.scrollable_content_region.height
        bottom = top + self._view_height
        index = self._heights.block_at(max(0, top - header))
        line = self._block_start(index)
        self._top = (index, line)
        measured_before = len(self._heights.measured)
        while index < count and line < bottom:
            self._block(index)
            line += self._heights.height(index)
            index += 1
        changed = len(self._heights.measured) != measured_before
        if changed:
            self._sync_virtual_size()
        return changed

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if not self._moving_itself:
            self._fill_screen()

    def _fill_screen(self) -> None:
        """Lay out what scrolled into view; what was on top stays put when blocks above it grow."""
        anchor = self._top
        for _ in range(LAYOUT_ROUNDS):
            changed = self._measure_screen()
            if anchor is not None and anchor[0] < len(self.highlights):
                index, line = anchor
                moved_by = self._block_start(index) - line
                if moved_by and abs(line - self.scroll_y) <= self.scrollable_content_region.height:
                    self._scroll_to_line(round(self.scroll_y) + moved_by)
                    anchor = (index, line + moved_by)
                    continue
            if not changed:
                return

    def _reveal(self, index: int) -> None:
        """Scroll just enough to show highlight `index`'s card (the header too for the first one)."""
        view = self.scrollable_content_region.height
        for _ in range(LAYOUT_ROUNDS):
            strips, card_start = self._block(index)
            start = self._block_start(index)
            end = start + len(strips)
            top = round(self.scroll_y)
            if index == 0 and end <= view:
                target = 0
            elif end > top + view:
                target = min(end - view, start + max(1, card_start - 2))
            elif start + card_start < top:
                target = start + max(1, card_start - 2)
            else:
                target = top
            self._scroll_to_line(target)
            if not self._measure_screen() and round(self.scroll_y) == top:
                return

    def _scroll_to_line(self, line: int) -> None:
        self._sync_virtual_size()
        self._moving_itself = True
        try:
            self.scroll_to(y=line, animate=False, force=True)
        finally:
            self._moving_itself = False

    def _sync_virtual_size(self) -> None:
        size = Size(self._width, len(self._header) + self._heights.total)
        if self.virtual_size != size:
            self.virtual_size = size

    def _block_start(self, index: int) -> int:
        return len(self._header) + self._heights.offset(index)

    def _top_block(self) -> tuple[int, int] | None:
        """The block on top of the screen and how far into it the screen starts."""
        if not self.highlights:
            return None
        index = self._heights.block_at(max(0, round(self.scroll_y) - len(self._header)))
        return index, max(0, round(self.scroll_y) - self._block_start(index))

    def _on_screen(self, index: int, view_height: int) -> bool:
        if not 0 <= index < len(self.highlights) or not self._width:
            return False
        start = self._block_start(index)
        top = round(self.scroll_y)
        return start < top + view_height and start + self._heights.height(index) > top

    def _measured_mean(self) -> int:
        measured = self._heights.measured[-64:]
        if not measured:
            return self._heights.estimate
        return max(1, round(sum(self._heights.height(index) for index in measured) / len(measured)))

    def _content_width(self) -> int:
        return self.scrollable_content_region.width

    # Drawing ----------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        if self._content_width() != self._width and not self._resize_pending:
            # The width changed without a resize event (a scrollbar came): lay out again after this frame.
            self._resize_pending = True
            self.call_later(self._after_resize)
        scroll_x, scroll_y = self.scroll_offset
        base = self.rich_style
        strip = self._line(scroll_y + y)
        return strip.apply_style(base).crop_extend(scroll_x, scroll_x + self.size.width, base)

    def _line(self, line: int) -> Strip:
        """Line `line` of the whole document, as laid out so far."""
        if line < len(self._header):
            return self._header[line]
        line -= len(self._header)
        if not self.highlights or line >= self._heights.total:
            return Strip.blank(self._width)
        index = self._heights.block_at(line)
        if not self._heights.is_measured(index):
            # Painted before it was laid out: lay out now, and fix the layout after this frame.
            self._block(index)
            self.call_later(self._after_late_layout)
        strips, card_start = self._block(index)
        within = line - self._heights.offset(index)
        if within >= len(strips):
            return Strip.blank(self._width)
        strip = strips[within]
        if index == self.cursor and within >= card_start:
            strip = strip.apply_style(self._current_style())
        return strip

    def _after_late_layout(self) -> None:
        self._sync_virtual_size()
        self.refresh()

    def _component(self, name: str) -> Style:
        """A component's colour and text style, without its background (the card's shows through)."""
        style = self.get_component_rich_style(name)
        return Style(color=style.color, bold=style.bold, italic=style.italic, dim=style.dim)

    def _current_style(self) -> Style:
        return Style(bgcolor=self.get_component_rich_style("detail-pane--current").bgcolor)

    def _look(self) -> CardLook:
        return CardLook(
            border=self._component("detail-pane--border"),
            section=self._component("detail-pane--section"),
            rule=self._component("detail-pane--rule"),
        )

    # The cursor -------------------------------------------------------------------------------

    def watch_cursor(self, old_cursor: int, cursor: int) -> None:
        top = round(self.scroll_y)
        if self.highlights and self._width:
            self._reveal(cursor)
        if round(self.scroll_y) == top and self._width:
            # Nothing scrolled: repaint only the two cards, not the whole pane.
            for index in (old_cursor, cursor):
                if index < len(self.highlights):
                    self.refresh_lines(self._block_start(index), self._heights.height(index))
        else:
            self.refresh()
        self.post_message(self.CursorMoved(self.cursor if self.highlights else None))

    def on_click(self, event: Click) -> None:
        """A click on a card puts the cursor on it."""
        offset = event.get_content_offset(self)
        if offset is None or not self.highlights:
            return
        line = round(self.scroll_y) + offset.y - len(self._header)
        if 0 <= line < self._heights.total:
            index = self._heights.block_at(line)
            _, card_start = self._block(index)
            if line - self._heights.offset(index) >= card_start:
                self.cursor = index

    def action_move_cursor(self, step: int) -> None:
        """Move the highlight cursor by `step`, staying inside the list."""
        count = len(self.highlights)
        if count:
            self.cursor = max(0, min(count - 1, self.cursor + step))

    def action_cursor_to(self, index: int) -> None:
        """Jump to a highlight; -1 is the last one."""
        count = len(self.highlights)
        if count:
            self.cursor = count - 1 if index < 0 else min(index, count - 1)

    def action_page(self, pages: int) -> None:
        """Scroll `pages` screens and put the cursor on the first card that starts on screen."""
        count = len(self.highlights)
        if not count or not self._width:
            return
        self._scroll_to_line(round(self.scroll_y) + pages * self.scrollable_content_region.height)
        self._measure_screen()
        top = round(self.scroll_y)
        if pages > 0 and top >= self.max_scroll_y:
            self.cursor = count - 1
        elif pages < 0 and top <= 0:
            self.cursor = 0
        else:
            index = self._heights.block_at(max(0, top - len(self._header)))
            if self._block_start(index) + self._block(index)[1] < top:
                index = min(count - 1, index + 1)
            self.cursor = index


def subset_count(shown: int, total: int, noun: str) -> str:
    """`2 favorites of 65`, `1 favorite of 8`."""
    return f"{counted(shown, noun)} of {total}"
