"""The main screen: tag tree on the left, the chosen document on the right; owns the reading state."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Header, ProgressBar
from textual.worker import get_current_worker

from hltui.display import one_line
from hltui.export import quote_with_citation
from hltui.library import GROUPINGS, SORT_ORDERS, Group, Library
from hltui.library.favorites import StarredElsewhere, Subset, favorite_highlights, favorite_indexes, only_these
from hltui.links import highlight_links
from hltui.model import Document, Highlight, document_key, highlight_key
from hltui.search.engine import SearchHit
from hltui.search.live_index import LiveSearchIndex
from hltui.tui.browser import is_openable, open_in_browser
from hltui.tui.clipboard import copy_outside_terminal
from hltui.tui.widgets.detail_pane import DetailPane
from hltui.tui.widgets.fitting_footer import FittingFooter
from hltui.tui.widgets.position_line import PositionLine
from hltui.tui.widgets.tag_tree import TagTree, TreeOrder

if TYPE_CHECKING:
    from hltui.review.store import ReviewStore  # opened only when a review starts

# The tree's share of the terminal, narrowest to widest (`<` and `>` step through them).
SIDEBAR_SHARES = (0.2, 0.25, 0.3, 0.35, 0.45, 0.55)
MIN_SIDEBAR_WIDTH = 24
THEMED_REVIEW_SIZE = 50
MIN_DOCUMENT_WIDTH = 40
GUARDED_ACTIONS = (
    "open_document_url",
    "copy_url",
    "open_highlight_url",
    "copy_highlight",
    "copy_quote",
    "reload",
)
EMPTY_LIBRARY = (
    "No highlight documents were found in {path}.\n\n"
    "hltui reads the Markdown files that Readwise exports to Obsidian or Logseq (.md, .markdown, .txt).\n"
    "Point it at your export folder: hltui ~/Obsidian/Readwise"
)
SKIPPED_HINT = "\nRun `hltui check {path}` to see why {files} skipped."


class MainScreen(Screen[None]):
    """Browse the library: the tree chooses a document, the pane reads it."""

    BINDINGS = [
        Binding("o", "open_document_url", "Open", id="open_url", tooltip="Open the document's URL in the browser"),
        Binding(
            "O",
            "open_highlight_url",
            "Open hl",
            show=False,
            id="open_highlight_url",
            tooltip="Open the highlight's own link or one in its text",
        ),
        Binding("c", "copy_highlight", "Copy", id="copy_highlight", tooltip="Copy the highlight's text"),
        Binding("C", "copy_quote", "Quote", id="copy_quote", tooltip="Copy as a Markdown quote with its source"),
        Binding("y", "copy_url", "Copy URL", show=False, id="copy_url", tooltip="Copy the document's URL"),
        Binding("slash", "search", "Search", id="search", tooltip="Search titles, authors, tags, highlights, notes"),
        Binding("b", "cycle_grouping", "Group", id="grouping", tooltip="Group by tag, category, author or folder"),
        Binding("s", "cycle_sort", "Sort", id="sort", tooltip="Sort by title, highlights or most recent"),
        Binding("ctrl+b", "toggle_sidebar", "Sidebar", show=False, id="sidebar", tooltip="Hide or show the tree"),
        Binding(
            "less_than_sign",
            "sidebar_width(-1)",
            "Narrower",
            show=False,
            id="sidebar_narrower",
            tooltip="Narrower tree",
        ),
        Binding("greater_than_sign", "sidebar_width(1)", "Wider", show=False, id="sidebar_wider", tooltip="Wider tree"),
        Binding("r", "reload", "Reload", show=False, id="reload", tooltip="Read the folder again, keeping your place"),
        Binding(
            "e", "show_problems", "Problems", show=False, id="problems", tooltip="Files skipped or read with problems"
        ),
        Binding(
            "R",
            "daily_review",
            "Review",
            show=False,
            id="daily_review",
            tooltip="Daily review: a few highlights to rate",
        ),
        Binding("S", "show_stats", "Stats", show=False, id="stats", tooltip="Review and library statistics"),
        Binding("F", "show_favorites", "Favorites", show=False, id="favorites", tooltip="Every favorite highlight"),
        Binding(
            "asterisk",
            "toggle_favorites_only",
            "★ only",
            show=False,
            id="favorites_only",
            tooltip="Only this document's favorite highlights, or all again",
        ),
        Binding(
            "v", "review_here", "Review this", show=False, id="review_here", tooltip="Review the tag or document chosen"
        ),
    ]

    # always_update: a reload of an unchanged folder must still refresh (and not deep-compare libraries).
    library: reactive[Library | None] = reactive(None, init=False, always_update=True)
    grouping: reactive[str] = reactive("tag", init=False)
    document_order: reactive[str] = reactive("title", init=False)
    current_document: reactive[Document | None] = reactive(None, init=False)
    current_highlight: reactive[int | None] = reactive(None, init=False)
    sidebar_width: reactive[int] = reactive(3, init=False)
    favorites_only: reactive[bool] = reactive(False, init=False)
    is_loading: reactive[bool] = reactive(True, init=False)

    def __init__(self, grouping: str = "tag", *, daily_count: int = 10, start_in_review: bool = False) -> None:
        super().__init__()
        self.set_reactive(MainScreen.grouping, grouping if grouping in GROUPINGS else "tag")
        self.chosen_group: Group | None = None
        self.search_index = LiveSearchIndex()
        self._place_to_restore: tuple[str, str | None] | None = None
        self._library_is_final = False
        self._review_store: ReviewStore | None = None
        self._own_notes: dict[str, str] | None = None  # read from the review database when first needed
        self.daily_count = daily_count
        self.start_in_review = start_in_review
        self._binding_states: tuple[bool, ...] = ()
        # With favorites only: the positions in the document of the highlights the pane shows.
        self._shown_indexes: Subset | None = None

    class ReloadRequested(Message):
        """The user asked to read the folder again; the app owns loading."""

    def on_mount(self) -> None:
        self.query_one(DetailPane).own_note = self._own_note

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            yield TagTree(id="sidebar")
            with Vertical(id="reader"):
                yield DetailPane(id="detail")
                yield PositionLine(id="position")
        yield ProgressBar(id="loading", show_eta=False)
        yield FittingFooter()

    # Loading ------------------------------------------------------------------------------

    def loading_progress(self, done: int, total: int) -> None:
        """A worker read `done` of `total` files."""
        self.query_one("#loading", ProgressBar).update(total=total, progress=done)

    def library_loaded(self, library: Library, *, final: bool = True) -> None:
        """Show a library (as cached, still being read, or read), keeping the reader's document and highlight."""
        self.is_loading = not final
        if library is not self.library:  # else the cached library turned out to be up to date
            document = self.current_document
            if self._place_to_restore is None and document is not None:
                highlight = self.highlight
                self._place_to_restore = (document_key(document), highlight_key(highlight) if highlight else None)
            self._library_is_final = final
            self.library = library
        if final:
            self._index_for_search(library)
            if self.start_in_review:
                self.start_in_review = False
                self.action_daily_review()

    @work(thread=True, exclusive=True, group="search-index")
    def _index_for_search(self, library: Library) -> None:
        """Build (or update) the search index once the library is on screen, so `/` finds it ready."""
        worker = get_current_worker()
        self.search_index.follow(library, lambda: worker.is_cancelled)

    def load_failed(self, message: str) -> None:
        """The library could not be read at all."""
        self.is_loading = False
        self.query_one(DetailPane).show_message(one_line(message))

    def watch_is_loading(self, loading: bool) -> None:
        self.query_one("#loading", ProgressBar).display = loading
        self._refresh_footer_if_needed()

    def watch_library(self, library: Library | None) -> None:
        if library is None:
            return
        self._fill_tree()
        if not library.documents:
            path = one_line(str(library.root))
            files = "1 file was" if len(library.skipped) == 1 else f"{len(library.skipped)} files were"
            hint = SKIPPED_HINT.format(path=path, files=files) if library.skipped else ""
            self.query_one(DetailPane).show_message(EMPTY_LIBRARY.format(path=path) + hint)
        self._restore_place(library)

    def _fill_tree(self) -> None:
        if self.library is None:
            return
        order = TreeOrder(self.document_order, dict(self.library.modified))
        self.query_one(TagTree).show_groups(self.library.groups(self.grouping, self._review_favorite()), order)

    def _review_favorite(self) -> Callable[[Document], bool] | None:
        """Whether a document holds a highlight favorited in a review (None when there are none)."""
        from hltui.review.ids import document_id

        if not self._has_review_state():
            return None
        favorite_ids = self.review_store.favorite_documents()
        return (lambda document: document_id(document) in favorite_ids) if favorite_ids else None

    def watch_grouping(self) -> None:
        self._fill_tree()
        self._reveal_current()

    def watch_document_order(self) -> None:
        self._fill_tree()
        self._reveal_current()

    def _reveal_current(self) -> None:
        if self.current_document is not None:
            self.query_one(TagTree).reveal(self.current_document)

    # Tree and pane messages ---------------------------------------------------------------

    def on_tag_tree_document_chosen(self, message: TagTree.DocumentChosen) -> None:
        self.current_document = message.document

    def on_tag_tree_document_opened(self, message: TagTree.DocumentOpened) -> None:
        self.current_document = message.document
        self.query_one(DetailPane).focus()

    def on_tag_tree_group_chosen(self, message: TagTree.GroupChosen) -> None:
        self.chosen_group = message.group

    def on_detail_pane_cursor_moved(self, message: DetailPane.CursorMoved) -> None:
        self.current_highlight = message.index
        self._show_position()
        self._refresh_footer_if_needed()

    def _show_position(self) -> None:
        pane = self.query_one(DetailPane)
        shown = len(pane.highlights)
        index = pane.cursor if pane.document is not None and shown else None
        total = len(self.current_document.highlights) if self.current_document and self.favorites_only else None
        self.query_one(PositionLine).show(index, shown, total)

    def watch_current_document(self) -> None:
        self._show_in_pane()
        self._refresh_footer_if_needed()

    def watch_favorites_only(self) -> None:
        self._reshow_keeping_cursor()

    def _reshow_keeping_cursor(self) -> None:
        """Show the document again (all, or its favorites), the cursor on the same highlight when it is shown."""
        pane = self.query_one(DetailPane)
        if pane.document is not None and pane.highlights:
            pane.requested_cursor = self._document_index(pane.cursor)
        self._show_in_pane()

    def _show_in_pane(self) -> None:
        """Give the pane the chosen document, or only its favorite highlights; `requested_cursor` is mapped."""
        pane = self.query_one(DetailPane)
        document = self.current_document
        self._shown_indexes, pane.subset = None, None
        if document is not None and self.favorites_only:
            subset = Subset(tuple(favorite_indexes(document, self._starred())))
            pane.requested_cursor = subset.nearest_position(pane.requested_cursor)
            self._shown_indexes, pane.subset = subset, (len(document.highlights), "favorite")
            document = only_these(document, subset.indexes)
        pane.document = document  # always re-shown (the pane compares documents by identity)
        self._show_position()

    def _document_index(self, pane_index: int) -> int:
        """Where the pane's highlight `pane_index` is in the whole document."""
        shown = self._shown_indexes
        return shown.document_index(pane_index) if shown is not None else pane_index

    def _pane_index(self, document_index: int) -> int | None:
        """Where a highlight of the document is in the pane (None when the favorites filter hides it)."""
        shown = self._shown_indexes
        return shown.position_of(document_index) if shown is not None else document_index

    def _starred(self) -> StarredElsewhere | None:
        """Whether a highlight was starred in a review (None when the reader never reviewed)."""
        from hltui.review.ids import highlight_id

        if not self._has_review_state():
            return None
        starred = self.review_store.favorites()
        return (lambda document, highlight: highlight_id(document, highlight) in starred) if starred else None

    def action_toggle_favorites_only(self) -> None:
        """Show only the open document's favorite highlights, or all of them again."""
        if self.current_document is None:
            self.notify("Open a document first", severity="warning")
            return
        self.favorites_only = not self.favorites_only

    def action_show_favorites(self) -> None:
        """Every favorite highlight of the library in one list; Enter jumps to it."""
        from hltui.tui.screens.favorites import FavoritesScreen

        if self.library is None:
            return
        # The review database is read here, on its own thread; the library is searched in the screen's worker.
        documents, starred, from_review = self.library.documents, self._starred(), self._review_favorite()
        gather = lambda: favorite_highlights(documents, starred, from_review)  # noqa: E731
        self.app.push_screen(FavoritesScreen(self, gather), self.jump_to)

    def _refresh_footer_if_needed(self) -> None:
        """Redraw the footer only when a key became usable or unusable.

        A footer redraw re-lays out the screen, which costs a lot with a thousand highlights shown.
        """
        states = tuple(self.why_not(action) is None for action in GUARDED_ACTIONS)
        if states != self._binding_states:
            self._binding_states = states
            self.refresh_bindings()

    @property
    def highlight(self) -> Highlight | None:
        """The highlight under the pane's cursor, read from the pane so it is never a step behind."""
        pane = self.query_one(DetailPane)
        document, index = pane.document, pane.cursor
        if document is None or self.current_document is None or not 0 <= index < len(document.highlights):
            return None
        return document.highlights[index]

    # Guards: what can run now, and why not ----------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if self.why_not(action) else True

    def why_not(self, action: str) -> str | None:
        """Why an action cannot run right now, or None when it can."""
        # Only the reason asked for is worked out: this runs for every binding on every cursor move.
        document = self.current_document
        if action in ("open_document_url", "copy_url") and document is None:
            return "No document selected"
        if action == "open_document_url":
            return self._url_problem(document.url if document else None, "document")
        if action == "copy_url":
            return None if document and document.url else "This document has no URL to copy"
        if action == "open_highlight_url":
            return self._links_problem(self.highlight)
        if action in ("copy_highlight", "copy_quote"):
            what = "copy" if action == "copy_highlight" else "quote"
            return None if self.highlight else f"No highlight selected: nothing to {what}"
        if action == "reload":
            return "Still loading the library" if self.is_loading else None
        return None

    def _url_problem(self, url: str | None, owner: str) -> str | None:
        if self.current_document is None:
            return "No document selected"
        if not url:
            return f"This {owner} has no URL"
        return None if is_openable(url) else f"Only http and https links are opened, not {url[:60]}"

    def _links_problem(self, highlight: Highlight | None) -> str | None:
        if highlight is None:
            return "No highlight selected" if self.current_document else "No document selected"
        if highlight_links(highlight):
            return None
        return self._url_problem(highlight.url, "highlight") or "This highlight has no web link"

    def run_guarded(self, action: str) -> None:
        """Run an action from the palette, or say why it cannot run, as its key would."""
        reason = self.why_not(action)
        if reason:
            self.notify(reason, severity="warning", markup=False)
        else:
            getattr(self, f"action_{action}")()

    def on_key(self, event: events.Key) -> None:
        """A greyed-out key was pressed: say why it cannot act."""
        active = self.active_bindings.get(event.key)
        if active is None or active.enabled:
            return
        reason = self.why_not(active.binding.action)
        if reason:
            event.stop()
            self.notify(reason, severity="warning", markup=False)

    # Actions ------------------------------------------------------------------------------

    def action_copy_highlight(self) -> None:
        """Copy the text of the highlight under the cursor."""
        if self.highlight is not None:
            self.copy_text(self.highlight.text, "highlight")

    def action_copy_quote(self) -> None:
        """Copy the highlight as a Markdown quote with its citation."""
        if self.highlight is not None and self.current_document is not None:
            self.copy_text(quote_with_citation(self.current_document, self.highlight), "quote")

    def action_copy_url(self) -> None:
        """Copy the document's URL."""
        if self.current_document is not None and self.current_document.url:
            self.copy_text(self.current_document.url, "URL")

    def copy_text(self, text: str, what: str) -> None:
        """Copy with OSC 52 (works over SSH), then tmux and the native tool in the background."""
        self.app.copy_to_clipboard(text)
        self._copy_natively(text)
        preview = " ".join(text.split())
        preview = preview if len(preview) <= 50 else preview[:49] + "…"
        self.notify(f"Copied {what}: {preview}", markup=False)

    @work(thread=True, group="clipboard")
    def _copy_natively(self, text: str) -> None:
        copy_outside_terminal(text)

    def action_open_document_url(self) -> None:
        """Open the document in the browser."""
        if self.current_document is not None and self.current_document.url:
            self.open_url(self.current_document.url)

    def action_open_highlight_url(self) -> None:
        """Open the highlight's link (its own, or one in its text); with several, ask which."""
        from hltui.tui.screens.link_chooser import LinkChooser

        links = highlight_links(self.highlight) if self.highlight is not None else []
        if len(links) == 1:
            self.open_url(links[0][1])
        elif links:
            self.app.push_screen(LinkChooser(links), lambda url: self.open_url(url) if url else None)

    def open_url(self, url: str) -> None:
        """The browser when one can start, else a dialog showing the URL with a copy button."""
        from hltui.tui.screens.url_dialog import UrlDialog

        if open_in_browser(url):
            self.notify(f"Opening {url[:80]}", markup=False)
        else:
            self.app.push_screen(UrlDialog(url))

    def action_search(self) -> None:
        """Open the search screen; choosing a result jumps to it."""
        from hltui.tui.screens.search import SearchScreen

        if self.library is not None:
            self.app.push_screen(SearchScreen(self, self.chosen_group), self.jump_to)

    def jump_to(self, hit: SearchHit | None) -> None:
        """Show a search result: its document, the cursor on its highlight."""
        if hit is None:
            return
        self.show_document(hit.document, hit.highlight_index)

    def show_document(self, document: Document, highlight_index: int | None = None, *, focus: bool = True) -> None:
        """Show a document with the cursor on a highlight; with focus, also reveal it in the tree and focus the pane."""
        if focus:
            self.query_one(TagTree).reveal(document)
        pane = self.query_one(DetailPane)
        shown = self.favorites_only and highlight_index is not None
        if shown and highlight_index not in favorite_indexes(document, self._starred()):
            self.set_reactive(MainScreen.favorites_only, False)  # the wanted highlight is not a favorite
            self._show_in_pane()
            self.notify("Showing every highlight: the one you chose is not a favorite")
        if document is self.current_document:
            pane.action_cursor_to(self._pane_index(highlight_index or 0) or 0)
        else:
            pane.requested_cursor = highlight_index or 0
            self.current_document = document
        if focus:
            pane.focus()

    def go_to_tag(self, group: Group) -> None:
        """Group by tag and put the tree's cursor on this tag."""
        self.grouping = "tag"
        tree = self.query_one(TagTree)
        tree.reveal_group(group.path)
        tree.focus()

    def set_grouping(self, grouping: str) -> None:
        """Group the tree by tag, category, author or folder."""
        if grouping in GROUPINGS:
            self.grouping = grouping

    def action_cycle_grouping(self) -> None:
        """Group the tree by the next of tag, category, author, folder."""
        self.grouping = GROUPINGS[(GROUPINGS.index(self.grouping) + 1) % len(GROUPINGS)]
        self.notify(f"Grouped by {self.grouping}")

    def set_sort(self, order: str) -> None:
        """Sort documents by title, number of highlights or most recent."""
        if order in SORT_ORDERS:
            self.document_order = order
            self.notify(f"Sorted by {order}")

    def action_cycle_sort(self) -> None:
        """Sort documents by the next of title, highlights, most recent."""
        self.document_order = SORT_ORDERS[(SORT_ORDERS.index(self.document_order) + 1) % len(SORT_ORDERS)]
        self.notify(f"Sorted by {self.document_order}")

    def action_toggle_sidebar(self) -> None:
        """Hide or show the tree."""
        tree = self.query_one(TagTree)
        tree.display = not tree.display
        if not tree.display:
            self.query_one(DetailPane).focus()

    def action_sidebar_width(self, step: int) -> None:
        """Make the tree narrower or wider; the document keeps at least MIN_DOCUMENT_WIDTH columns."""
        now = self._tree_columns(self.sidebar_width)
        # The next share that changes the width: on a narrow terminal several shares give the same columns.
        wider_or_narrower = [
            index
            for index in range(len(SIDEBAR_SHARES))
            if (index - self.sidebar_width) * step > 0 and (self._tree_columns(index) - now) * step > 0
        ]
        if wider_or_narrower:
            self.sidebar_width = min(wider_or_narrower, key=lambda index: abs(index - self.sidebar_width))
        elif step > 0:
            self.notify(f"The document needs at least {MIN_DOCUMENT_WIDTH} columns", severity="warning")

    def _tree_columns(self, share_index: int) -> int:
        """The tree's width at this share of the terminal, leaving the document MIN_DOCUMENT_WIDTH columns."""
        wanted = max(MIN_SIDEBAR_WIDTH, round(self.size.width * SIDEBAR_SHARES[share_index]))
        return max(MIN_SIDEBAR_WIDTH, min(wanted, self.size.width - MIN_DOCUMENT_WIDTH))

    def watch_sidebar_width(self, width_index: int) -> None:
        self.query_one(TagTree).styles.width = self._tree_columns(width_index)

    def on_resize(self) -> None:
        self.watch_sidebar_width(self.sidebar_width)  # a narrower terminal must not squeeze the document

    def action_reload(self) -> None:
        """Read the folder again; the same document and highlight stay chosen when they still exist."""
        document, highlight = self.current_document, self.highlight
        if document is not None:
            self._place_to_restore = (document_key(document), highlight_key(highlight) if highlight else None)
        self.is_loading = True
        self.post_message(self.ReloadRequested())

    def _restore_place(self, library: Library) -> None:
        if self._place_to_restore is None:
            return
        wanted_document, wanted_highlight = self._place_to_restore
        self._place_to_restore = None
        for document in library.documents:
            if document is self.current_document:
                return  # unchanged: the pane keeps what it shows
            if document_key(document) == wanted_document:
                keys = [highlight_key(highlight) for highlight in document.highlights]
                index = keys.index(wanted_highlight) if wanted_highlight in keys else None
                self.show_document(document, index, focus=False)
                return
        if self._library_is_final:
            self.current_document = None

    def _has_review_state(self) -> bool:
        """Whether there is review state to read; a reader who never reviewed has no database to open."""
        from hltui.review.database import default_path

        return self._review_store is not None or default_path().exists()

    @property
    def review_store(self) -> ReviewStore:
        """hltui's review state (in its data folder), opened when first needed."""
        if self._review_store is None:
            from hltui.review.store import ReviewStore

            self._review_store = ReviewStore()
            if self._review_store.notice:
                self.notify(one_line(self._review_store.notice), severity="warning", markup=False)
        return self._review_store

    def action_daily_review(self) -> None:
        """Start today's review: due highlights first, then new ones from many documents."""
        from hltui.review.daily import daily_selection

        if self.library is None:
            return
        store = self.review_store
        pairs = daily_selection(self.library.documents, store, self.daily_count, modified=self.library.modified)
        self._start_review(pairs, "Daily review")

    def action_review_here(self) -> None:
        """Review the highlights of the tag (group) or document under the tree's cursor."""
        from hltui.review.daily import themed_selection

        node = self.query_one(TagTree).cursor_node
        data = node.data if node is not None else None
        if isinstance(data, Group):
            documents, title = data.all_documents(), f"Review: {data.name}"
        elif isinstance(data, Document):
            documents, title = [data], f"Review: {data.title}"
        else:
            self.notify("Choose a tag or a document in the tree first", severity="warning")
            return
        pairs = [(document, index) for document in documents for index in range(len(document.highlights))]
        self._start_review(themed_selection(pairs, self.review_store, count=THEMED_REVIEW_SIZE), title)

    def review_pairs(self, pairs: list[tuple[Document, int]], title: str) -> None:
        """Review these highlights (search results), due ones first."""
        from hltui.review.daily import themed_selection

        self._start_review(themed_selection(pairs, self.review_store, count=THEMED_REVIEW_SIZE), title)

    def _start_review(self, pairs: list[tuple[Document, int]], title: str) -> None:
        from hltui.tui.screens.review import ReviewScreen

        if not pairs:
            self.notify("Nothing to review here: no highlights, or all of them discarded", severity="warning")
            return
        # Favorites and notes set in the review join the tree and the cards when it closes.
        self.app.push_screen(ReviewScreen(pairs, self.review_store, one_line(title)), lambda _: self._after_review())

    def _after_review(self) -> None:
        self._fill_tree()
        self._own_notes = self.review_store.notes()
        if self.favorites_only:  # a highlight starred or unstarred in the review joins or leaves the list
            self._reshow_keeping_cursor()
        self.query_one(DetailPane).redraw_cards()

    def _own_note(self, document: Document, highlight: Highlight) -> str | None:
        """The note the reader wrote on this highlight in a review, if any."""
        from hltui.review.ids import highlight_id

        if self._own_notes is None:
            self._own_notes = self.review_store.notes() if self._has_review_state() else {}
        return self._own_notes.get(highlight_id(document, highlight)) if self._own_notes else None

    def action_show_stats(self) -> None:
        """Due today, the streak, reviews per day and the library's highlights per category and tag."""
        from hltui.tui.screens.stats import StatsScreen

        if self.library is not None:
            self.app.push_screen(StatsScreen(self.library, self.review_store))

    def action_show_problems(self) -> None:
        """List skipped files and problems."""
        from hltui.tui.screens.problems import ProblemsScreen

        if self.library is not None:
            self.app.push_screen(ProblemsScreen(self.library))
