"""The main screen: the tree on the left, the reader on the right; it owns the library and the open document.

What is not about arranging the screen lives elsewhere: the actions' declarations in `tui/commands/`,
the review state in `review/reader_state.py`, copying and opening in `screens/sharing.py`, the
favorites-only view in `widgets/reader.py`.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Header, ProgressBar
from textual.worker import get_current_worker

from hltui.display import one_line
from hltui.export import quote_with_citation
from hltui.library import GROUPINGS, SORT_ORDERS, Group, Library
from hltui.library.cache import ParseCache
from hltui.library.groups import FAVORITES_PATH
from hltui.library.place import Place
from hltui.links import highlight_links
from hltui.model import Document, Highlight
from hltui.review.reader_state import ReaderReviews, every_highlight
from hltui.search import Searcher, SearchHit
from hltui.search.query import SYNTAX as SEARCH_SYNTAX
from hltui.tui.commands import LIBRARY_COMMANDS, bindings, guards
from hltui.tui.empty_library import empty_library_message
from hltui.tui.screens.guarded import GuardedScreen
from hltui.tui.screens.help import HelpSection
from hltui.tui.screens.note_dialog import NoteDialog
from hltui.tui.screens.search import ListOutcome, ReviewThese, SearchScreen
from hltui.tui.screens.sharing import copy_text, open_url
from hltui.tui.search_history import QueryHistory
from hltui.tui.tree_width import MIN_DOCUMENT_WIDTH, next_share
from hltui.tui.widgets.detail_pane import DetailPane
from hltui.tui.widgets.fitting_footer import FittingFooter
from hltui.tui.widgets.reader import Reader
from hltui.tui.widgets.tag_tree import TagTree, TreeOrder

if TYPE_CHECKING:
    from hltui.review.todays_set import TodaysSet


class MainScreen(GuardedScreen[None]):
    """Browse the library: the tree chooses a document, the pane reads it."""

    BINDINGS = bindings(LIBRARY_COMMANDS)
    GUARDS = guards(LIBRARY_COMMANDS)
    HELP_SECTIONS: ClassVar[list[HelpSection]] = [
        ("Library", BINDINGS),
        ("Tree (left)", TagTree.BINDINGS),
        ("Document (right)", [*DetailPane.BINDINGS, *Reader.BINDINGS]),
        ("Search and favorites lists", SearchScreen.BINDINGS),
        ("Search queries", SEARCH_SYNTAX),
    ]

    # always_update: a reload of an unchanged folder must still refresh (and not deep-compare libraries).
    library: reactive[Library | None] = reactive(None, init=False, always_update=True)
    grouping: reactive[str] = reactive("tag", init=False)
    document_order: reactive[str] = reactive("title", init=False)
    current_document: reactive[Document | None] = reactive(None, init=False)
    current_highlight: reactive[int | None] = reactive(None, init=False)
    is_loading: reactive[bool] = reactive(True, init=False)

    def __init__(
        self,
        grouping: str = "tag",
        *,
        daily_count: int = 10,
        themed_count: int = 50,
        start_in_review: bool = False,
        cache: ParseCache | None = None,
    ) -> None:
        super().__init__()
        self.set_reactive(MainScreen.grouping, grouping if grouping in GROUPINGS else "tag")
        self.search_history = QueryHistory()  # this session's queries: `/` opens on the last, ↑ recalls the others
        notify = lambda notice: self.notify(one_line(notice), severity="warning", markup=False)  # noqa: E731
        self.reviews = ReaderReviews(notify, themed_size=themed_count)
        self.searcher = Searcher(cache, self.reviews)
        self._place_to_restore: Place | None = None
        self._library_is_final = False
        self.daily_count = daily_count
        self.start_in_review = start_in_review

    class ReloadRequested(Message):
        """The user asked to read the folder again; the app owns loading."""

    class ReviewEnded(Message):
        """A review ended: what is due today changed (the header says it)."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="body"):
            yield TagTree(id="sidebar")
            ask_note = lambda note, keep: self.app.push_screen(NoteDialog(note), keep)  # noqa: E731
            yield Reader(self.reviews, ask_note, id="reader")
        yield ProgressBar(id="loading", show_eta=False)
        yield FittingFooter()

    @property
    def highlight(self) -> Highlight | None:
        """The highlight under the pane's cursor, read from the pane so it is never a step behind."""
        return self.query_one(Reader).highlight

    # Loading ------------------------------------------------------------------------------

    def loading_progress(self, done: int, total: int) -> None:
        """A worker read `done` of `total` files."""
        self.query_one("#loading", ProgressBar).update(total=total, progress=done)

    def library_loaded(self, library: Library, *, final: bool = True) -> None:
        """Show a library (as cached, still being read, or read), keeping the reader's document and highlight."""
        self.is_loading = not final
        if library is not self.library:  # else the cached library turned out to be up to date
            if self._place_to_restore is None and self.current_document is not None:
                self._place_to_restore = Place.of(self.current_document, self.highlight)
            self._library_is_final = final
            self.library = library
        if final:
            # The index is written with the parse cache; only a missing or damaged one is rebuilt, in the background.
            stop = lambda: get_current_worker().is_cancelled  # noqa: E731 - asked in the worker's thread
            self.run_worker(partial(self.searcher.prepare, stop), thread=True, exclusive=True, group="search-index")
            if self.start_in_review:
                self.start_in_review = False
                self.action_daily_review()

    def load_failed(self, message: str) -> None:
        """The library could not be read at all."""
        self.is_loading = False
        self.query_one(DetailPane).show_message(one_line(message))

    def watch_is_loading(self, loading: bool) -> None:
        self.query_one("#loading", ProgressBar).display = loading
        self.refresh_footer_if_needed()

    def watch_library(self, library: Library | None) -> None:
        """Show a library's tree and, after a reload, the same document and highlight when they still exist."""
        if library is None:
            return
        self._fill_tree()
        if not library.documents:
            self.query_one(DetailPane).show_message(empty_library_message(library))
        place, self._place_to_restore = self._place_to_restore, None
        if place is None or any(document is self.current_document for document in library.documents):
            return  # nothing to restore, or unchanged: the pane keeps what it shows
        found = place.find(library.documents)
        if found is not None:
            self.show_document(*found, focus=False)
        elif self._library_is_final:
            self.current_document = None

    def _fill_tree(self, *, reveal: bool = False) -> None:
        """Show the library's groups; with `reveal`, the open document's entry too (after a regrouping)."""
        if self.library is None:
            return
        tree = self.query_one(TagTree)
        order = TreeOrder(self.document_order, dict(self.library.modified))
        tree.show_groups(self.library.groups(self.grouping, self.reviews.favorite_count()), order)
        if reveal and self.current_document is not None:
            tree.reveal(self.current_document)

    def watch_grouping(self) -> None:
        self._fill_tree(reveal=True)

    def watch_document_order(self) -> None:
        self._fill_tree(reveal=True)

    # Tree and pane messages ---------------------------------------------------------------

    @on(TagTree.DocumentChosen)
    @on(TagTree.DocumentOpened)
    def _follow_tree(self, message: TagTree.DocumentChosen | TagTree.DocumentOpened) -> None:
        """The tree's cursor is on a document: show it; Enter on it also moves to the document."""
        self.current_document = message.document
        if isinstance(message, TagTree.DocumentOpened):
            self.query_one(DetailPane).focus()

    def on_reader_marks_changed(self) -> None:
        self._fill_tree()  # the Favorites group and its counts follow the stars

    def on_detail_pane_cursor_moved(self, message: DetailPane.CursorMoved) -> None:
        self.current_highlight = message.index  # the reader has shown the position already
        self.refresh_footer_if_needed()

    def watch_current_document(self, document: Document | None) -> None:
        self.query_one(Reader).show(document)
        self.refresh_footer_if_needed()

    def show_document(self, document: Document, highlight_index: int | None = None, *, focus: bool = True) -> None:
        """Show a document with the cursor on a highlight; with focus, also reveal it in the tree and focus the pane."""
        if focus:
            self.query_one(TagTree).reveal(document)
        reader = self.query_one(Reader)
        if highlight_index is not None and reader.show_all_for(document, highlight_index):
            self.notify("Showing every highlight: the one you chose is not a favorite")
        if document is self.current_document:
            reader.move_to(highlight_index or 0)
        else:
            self.query_one(DetailPane).requested_cursor = highlight_index or 0
            self.current_document = document
        if focus:
            self.query_one(DetailPane).focus()

    def go_to_tag(self, group: Group) -> None:
        """Group by tag and put the tree's cursor on this tag."""
        self.grouping = "tag"
        tree = self.query_one(TagTree)
        tree.reveal_group(group.path)
        tree.focus()

    def on_resize(self) -> None:
        self.query_one(TagTree).fit_width(self.size.width)  # a narrower terminal must not squeeze the document

    # Actions (declared in hltui/tui/commands/library.py) ----------------------------------

    def action_copy_highlight(self) -> None:
        """Copy the text of the highlight under the cursor."""
        if self.highlight is not None:
            copy_text(self, self.highlight.text, "highlight")

    def action_copy_quote(self) -> None:
        """Copy the highlight as a Markdown quote with its citation."""
        if self.highlight is not None and self.current_document is not None:
            copy_text(self, quote_with_citation(self.current_document, self.highlight), "quote")

    def action_copy_url(self) -> None:
        """Copy the document's URL."""
        if self.current_document is not None and self.current_document.url:
            copy_text(self, self.current_document.url, "URL")

    def action_open_document_url(self) -> None:
        """Open the document in the browser."""
        if self.current_document is not None and self.current_document.url:
            open_url(self, self.current_document.url)

    def action_open_highlight_url(self) -> None:
        """Open the highlight's link (its own, or one in its text); with several, ask which."""
        from hltui.tui.screens.link_chooser import LinkChooser

        links = highlight_links(self.highlight) if self.highlight is not None else []
        if len(links) == 1:
            open_url(self, links[0][1])
        elif links:
            self.app.push_screen(LinkChooser(links), lambda url: open_url(self, url) if url else None)

    def action_search(self) -> None:
        """Open the search screen, in the group chosen in the tree if there is one; choosing a result jumps to it."""
        from hltui.tui.screens.search import LibrarySearchScreen

        if self.library is not None:
            group = self.query_one(TagTree).chosen_group()
            search = LibrarySearchScreen(lambda: self.library, self.searcher, self.search_history, group)
            self.app.push_screen(search, self._follow_list)

    def action_show_favorites(self) -> None:
        """Every favorite highlight of the library in one list; Enter jumps to it."""
        from hltui.tui.screens.favorites import FavoritesScreen

        if self.library is not None:
            # The stars are read here; the library is gathered in the screen's worker.
            self.app.push_screen(FavoritesScreen(self.reviews.favorites(self.library.documents)), self._follow_list)

    def _follow_list(self, outcome: ListOutcome) -> None:
        """Show the hit chosen in a search or favorites list, or review the highlights it asked for."""
        if isinstance(outcome, SearchHit):
            self.show_document(outcome.document, outcome.highlight_index)
        elif isinstance(outcome, ReviewThese):
            themed = self.reviews.themed(outcome.pairs)
            self._start_review(themed.pairs, outcome.title, out_of=themed.total)

    def action_toggle_favorites_only(self) -> None:
        """Show only the open document's favorite highlights, or all of them again."""
        if self.current_document is None:
            self.notify("Open a document first", severity="warning")
            return
        reader = self.query_one(Reader)
        reader.favorites_only = not reader.favorites_only

    def action_group_by(self, grouping: str) -> None:
        """Group the tree by tag, category, author or folder; `next` takes the one after the current."""
        if grouping == "next":
            grouping = GROUPINGS[(GROUPINGS.index(self.grouping) + 1) % len(GROUPINGS)]
        if grouping in GROUPINGS:
            self.grouping = grouping
            self.notify(f"Grouped by {grouping}")

    def action_sort_by(self, order: str) -> None:
        """Sort documents by title, number of highlights or most recent; `next` takes the one after the current."""
        if order == "next":
            order = SORT_ORDERS[(SORT_ORDERS.index(self.document_order) + 1) % len(SORT_ORDERS)]
        if order in SORT_ORDERS:
            self.document_order = order
            self.notify(f"Sorted by {order}")

    def action_toggle_sidebar(self) -> None:
        """Hide or show the tree."""
        tree = self.query_one(TagTree)
        tree.display = not tree.display
        if not tree.display:
            self.query_one(DetailPane).focus()

    def action_sidebar_width(self, step: int) -> None:
        """Make the tree narrower or wider; the document keeps at least MIN_DOCUMENT_WIDTH columns."""
        tree = self.query_one(TagTree)
        share = next_share(self.size.width, tree.width_share, step)
        if share is not None:
            tree.width_share = share
            tree.fit_width(self.size.width)
        elif step > 0:
            self.notify(f"The document needs at least {MIN_DOCUMENT_WIDTH} columns", severity="warning")

    def action_reload(self) -> None:
        """Read the folder again; the same document and highlight stay chosen when they still exist."""
        if self.current_document is not None:
            self._place_to_restore = Place.of(self.current_document, self.highlight)
        self.is_loading = True
        self.post_message(self.ReloadRequested())

    def action_daily_review(self) -> None:
        """Start today's review, or resume it: due highlights first, then new ones from many documents."""
        if self.library is not None:
            todays = self.reviews.daily(self.library, self.daily_count)
            self._start_review(list(todays.pairs), "Daily review", todays)

    def action_review_here(self) -> None:
        """Review the highlights of the tag (group) or document under the tree's cursor."""
        node = self.query_one(TagTree).cursor_node
        data = node.data if node is not None else None
        if isinstance(data, Group):
            documents, title = data.all_documents(), f"Review: {data.name}"
        elif isinstance(data, Document):
            documents, title = [data], f"Review: {data.title}"
        else:
            self.notify("Choose a tag or a document in the tree first", severity="warning")
            return
        # The Favorites group is about its favorite highlights, not every highlight of its documents.
        is_favorites = isinstance(data, Group) and data.path == FAVORITES_PATH
        pairs = self.reviews.favorites(documents)() if is_favorites else every_highlight(documents)
        themed = self.reviews.themed(pairs)
        self._start_review(themed.pairs, title, out_of=themed.total)

    def _start_review(
        self, pairs: list[tuple[Document, int]], title: str, todays: TodaysSet | None = None, out_of: int = 0
    ) -> None:
        from hltui.tui.screens.review import ReviewScreen

        if not pairs:
            self.notify("Nothing to review here: no highlights, or all of them discarded", severity="warning")
            return
        review = ReviewScreen(pairs, self.reviews.store, one_line(title), todays, out_of)
        self.app.push_screen(review, self._after_review)

    def _after_review(self, more: bool | None) -> None:
        """Favorites and notes set in the review join the tree and the cards; `m` asked for more of today's."""
        if more and self.library is not None:
            todays = self.reviews.more_today(self.library, self.daily_count)
            self._start_review(list(todays.pairs), "Daily review", todays)
            return
        self.reviews.reviewed()
        self.query_one(Reader).marks_changed()
        self.post_message(self.ReviewEnded())

    def action_show_stats(self) -> None:
        """Due today, the streak, reviews per day and the library's highlights per category and tag."""
        from hltui.tui.screens.stats import StatsScreen

        if self.library is not None:
            count = self.reviews.favorite_count()
            favorites = sum(count(document) for document in self.library.documents)
            self.app.push_screen(StatsScreen(self.library, self.reviews.store, favorites))

    def action_show_problems(self) -> None:
        """List skipped files and problems."""
        from hltui.tui.screens.problems import ProblemsScreen

        if self.library is not None:
            self.app.push_screen(ProblemsScreen(self.library))


if TYPE_CHECKING:  # mypy checks here that the screen is what its commands' guards look at
    from hltui.tui.commands.library import LibraryView

    _GUARDS_SEE: type[LibraryView] = MainScreen
