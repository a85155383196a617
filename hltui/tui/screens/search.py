"""Search as you type: a query box over ranked results (the library's, or the favorites'); Enter jumps to one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from hltui.display import counted, one_line, strip_control
from hltui.library import Group, Library
from hltui.model import Document
from hltui.search import Searcher, SearchHit
from hltui.search.query import parse_query
from hltui.tui.search_history import QueryHistory

RESULT_LIMIT = 200
# The dialog has no footer: its keys are named under the results.
KEYS_HINT = "↑↓ choose · Enter open · ctrl+r review these · Esc close"


@dataclass(frozen=True, slots=True)
class ReviewThese:
    """The list's outcome when the reader asked to review what it shows."""

    pairs: tuple[tuple[Document, int], ...]
    title: str


# What a list hands back: a result to show, highlights to review, or nothing (closed).
ListOutcome = SearchHit | ReviewThese | None


def result_prompt(hit: SearchHit) -> Text:
    """Document title and field on one line, the snippet with its matches marked on the next."""
    prompt = Text(strip_control(hit.document.title), style="bold")
    prompt.append(f"  {hit.field}", style="dim")
    snippet = Text(strip_control(hit.snippet))
    for start, end in hit.spans:
        snippet.stylize("bold reverse", start, end)
    prompt.append("\n")
    prompt.append_text(snippet)
    return prompt


class SearchScreen(ModalScreen[ListOutcome]):
    """A query box over results: typing asks `run_search`; Enter hands back the hit, ctrl+r the hits to review."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Close", id="search.close", tooltip="Close search"),
        Binding(
            "down", "move(1)", "Next", show=False, id="search.next", tooltip="Next result (empty box: later search)"
        ),
        Binding(
            "up",
            "move(-1)",
            "Previous",
            show=False,
            id="search.previous",
            tooltip="Previous result (empty box: earlier search)",
        ),
        Binding(
            "ctrl+t",
            "toggle_scope",
            "Whole library or group",
            id="search.scope",
            tooltip="Widen to the whole library, or narrow back to the tree's group",
        ),
        Binding("ctrl+r", "review_results", "Review these", id="search.review", tooltip="Review the results found"),
    ]
    PLACEHOLDER = ""

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial_query = query
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="search", classes="dialog"):
            # Focused on opening, the box selects all its text: typing replaces the query, → keeps it.
            yield Input(self.initial_query, placeholder=self.placeholder(), id="query")
            yield Static(self._scope_text(), id="scope")
            yield OptionList(id="results")
            yield Static("", id="search-status")
            yield Static(Text(KEYS_HINT, style="dim"), id="search-keys")

    def placeholder(self) -> str:
        """What the empty query box says."""
        return self.PLACEHOLDER

    def _scope_text(self) -> Text:
        """The line under the query saying what is listed."""
        return Text("")

    def run_search(self, query: str) -> object:
        """Find the hits for the query and `show_hits` them (from a worker, which it returns)."""
        raise NotImplementedError

    def review_title(self) -> str:
        """What the review of the listed highlights is called."""
        raise NotImplementedError

    def action_toggle_scope(self) -> None:
        """ctrl+t: limit what is listed, as each list understands it."""
        raise NotImplementedError

    def on_input_changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    def show_hits(self, query: str, hits: list[SearchHit]) -> None:
        """Replace the result list."""
        self.hits = hits
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options(Option(result_prompt(hit), id=str(number)) for number, hit in enumerate(hits))
        if hits:
            results.highlighted = 0
        self._show_status(query, hits)

    def _show_status(self, query: str, hits: list[SearchHit]) -> None:
        self.query_one("#search-status", Static).update(Text(self.status_text(query, hits), style="dim"))

    def status_text(self, query: str, hits: list[SearchHit]) -> str:
        """`12 results`, or `200+ results` when the list was cut at the limit."""
        if len(hits) == RESULT_LIMIT:  # a cap, not a count: there may be many more
            return f"{RESULT_LIMIT}+ results"
        return counted(len(hits), "result") if query.strip() else ""

    def action_review_results(self) -> None:
        """Review the highlights found (all of a document's when its title, author or tag matched)."""
        pairs: dict[tuple[int, int], tuple[Document, int]] = {}
        for hit in self.hits:
            indexes = [hit.highlight_index] if hit.highlight_index is not None else range(len(hit.document.highlights))
            for index in indexes:
                pairs.setdefault((id(hit.document), index), (hit.document, index))
        if not pairs:
            self.notify("No results to review", severity="warning")
            return
        self.dismiss(ReviewThese(tuple(pairs.values()), self.review_title()))

    def action_move(self, step: int) -> None:
        """Move through the results while typing."""
        results = self.query_one(OptionList)
        if self.hits:
            current = results.highlighted or 0
            results.highlighted = max(0, min(len(self.hits) - 1, current + step))

    def on_input_submitted(self) -> None:
        self._choose(self.query_one(OptionList).highlighted)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def _choose(self, index: int | None) -> None:
        if index is not None and 0 <= index < len(self.hits):
            self.dismiss(self.hits[index])
        elif self.query_one(Input).value.strip():
            self.notify("No result to open", severity="warning")


class LibrarySearchScreen(SearchScreen):
    """A query box over ranked results, in the group chosen in the tree first; ctrl+t widens to the whole library.

    It opens on the session's last query, and ↑↓ in an empty box walk back through the earlier ones.
    """

    PLACEHOLDER = "Search titles, authors, tags, highlights and notes"

    def __init__(
        self, library: Callable[[], Library | None], searcher: Searcher, history: QueryHistory, group: Group | None
    ) -> None:
        super().__init__(history.latest)
        # Asked at every query: a sync or a reload may replace the library while the dialog is open.
        self.library = library
        self.searcher = searcher
        self.history = history
        self.walk = history.walk()
        self.group = group
        self.limited = self._can_limit()

    def placeholder(self) -> str:
        return f"{self.PLACEHOLDER}  ·  ↑ earlier searches" if self.history.queries else self.PLACEHOLDER

    def _can_limit(self) -> bool:
        """Whether a group is chosen and holds less than the library, so searching only in it means something."""
        library = self.library()
        return self.group is not None and library is not None and self.group.count < len(library.documents)

    def _scope_text(self) -> Text:
        if self.limited and self.group is not None:
            return Text(f"Only in: {strip_control(self.group.name)}   (ctrl+t: whole library)", style="dim")
        hint = f"   (ctrl+t: only in {strip_control(self.group.name)})" if self.group and self._can_limit() else ""
        return Text(f"In the whole library{hint}", style="dim")

    def action_toggle_scope(self) -> None:
        """Widen the search to the whole library, or narrow it back to the chosen group."""
        if not self._can_limit():
            self.notify(self._why_the_whole_library(), severity="warning", markup=False)
            return
        self.limited = not self.limited
        self.query_one("#scope", Static).update(self._scope_text())
        self.run_search(self.query_one(Input).value)

    def _why_the_whole_library(self) -> str:
        if self.group is None:
            return "Choose a group in the tree first to search only in it"
        return f"{one_line(strip_control(self.group.name))} holds every document: this is the whole library"

    def action_move(self, step: int) -> None:
        """↑↓ through the results; in an empty box, or one showing a query recalled so, through earlier queries."""
        query = self.query_one(Input).value
        if query and query != self.walk.current:  # typed (or edited after recalling): the arrows choose a result
            super().action_move(step)
            return
        if not query and self.walk.current:  # a recalled query was cleared: start again from the newest
            self.walk = self.history.walk()
        recalled = self.walk.older() if step < 0 else self.walk.newer()
        if recalled is not None:
            box = self.query_one(Input)
            box.value = recalled
            box.cursor_position = len(recalled)  # as a shell recalls a command: ready to add a word

    def dismiss(self, result: ListOutcome = None) -> AwaitComplete:
        """Close, keeping the query in the session's history: every way out passes here (a blank one is not kept)."""
        self.history.record(self.query_one(Input).value)
        return super().dismiss(result)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        """Search off the UI thread; a newer query cancels this one."""
        worker = get_current_worker()
        library = self.library()
        if library is None:
            return
        within = self.group.all_documents() if self.limited and self.group is not None else None
        stop = lambda: worker.is_cancelled  # noqa: E731 - asked between steps of a long search
        hits = self.searcher.search(library, query, within=within, limit=RESULT_LIMIT, typing=True, should_stop=stop)
        if not worker.is_cancelled:
            self.app.call_from_thread(self.show_hits, query, hits)

    def show_hits(self, query: str, hits: list[SearchHit]) -> None:
        """Replace the result list; say once that the index is being rebuilt, when it is."""
        super().show_hits(query, hits)
        if self.searcher.notice:
            self.notify(one_line(self.searcher.notice), severity="warning", markup=False)
            self.searcher.notice = None

    def status_text(self, query: str, hits: list[SearchHit]) -> str:
        """What is wrong with the query (`is:` takes...), or how many results."""
        problems = parse_query(query, typing=True).problems
        if problems:
            return problems[0]
        if not hits and query.strip() and self.limited:  # say where else to look
            return "0 results in this group · ctrl+t: search the whole library"
        return super().status_text(query, hits)

    def review_title(self) -> str:
        """What the review of these results is called: `Review: search “walk”`."""
        return f"Review: search “{one_line(self.query_one(Input).value.strip())}”"
