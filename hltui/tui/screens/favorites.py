"""Every favorite highlight of the library in one list; typing narrows it, Enter jumps to one."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.text import Text
from textual import work
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from hltui.display import counted, one_line
from hltui.model import Document
from hltui.search import SearchHit
from hltui.tui.screens.search import RESULT_LIMIT, SearchScreen

SNIPPET_LENGTH = 240  # characters of a highlight shown in the list


class FavoritesScreen(SearchScreen):
    """The search screen's list and keys, over the favorite highlights instead of a query's results."""

    PLACEHOLDER = "Narrow the favorite highlights by a word"

    def __init__(self, gather: Callable[[], Iterable[tuple[Document, int]]]) -> None:
        super().__init__()
        self.gather = gather
        self.found: list[tuple[Document, int]] | None = None  # gathered by the first search, off the UI thread
        self.matched = 0

    def on_mount(self) -> None:
        self.query_one("#scope", Static).update(Text("★ Gathering the favorite highlights…", style="dim"))
        self.run_search("")

    def _scope_text(self) -> Text:
        if self.found is None:
            return Text("")
        documents = len({id(document) for document, _ in self.found})
        return Text(
            f"★ Favorite highlights: {counted(len(self.found), 'highlight')} in {counted(documents, 'document')}",
            style="dim",
        )

    def action_toggle_scope(self) -> None:
        self.notify("Every favorite highlight is listed here", severity="information")

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        """Narrow the favorites to those holding every word; the first time, gather them as they come."""
        worker = get_current_worker()
        first = self.found is None
        gathered: list[tuple[Document, int]] = []
        words = query.casefold().split()
        hits: list[SearchHit] = []
        matched = 0
        for document, index in self.gather() if self.found is None else self.found:
            if worker.is_cancelled:
                return
            gathered.append((document, index))
            hit = favorite_hit(document, index, words)
            if hit is None:
                continue
            matched += 1
            if len(hits) < RESULT_LIMIT:  # a list of thousands takes seconds to lay out
                hits.append(hit)
                if len(hits) == RESULT_LIMIT and first:  # a screenful to read while the rest is gathered
                    self.app.call_from_thread(self.show_hits, query, list(hits))
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show_favorites, gathered, first, query, hits, matched)

    def _show_favorites(
        self, found: list[tuple[Document, int]], first: bool, query: str, hits: list[SearchHit], matched: int
    ) -> None:
        self.found, self.matched = found, matched
        if first:
            self.query_one("#scope", Static).update(self._scope_text())
        if not (first and len(hits) == RESULT_LIMIT):  # else already shown, the cursor maybe moved
            self.show_hits(query, hits)
        else:
            self._show_status(query, hits)

    def status_text(self, query: str, hits: list[SearchHit]) -> str:
        if self.found is None:
            return f"the first {len(hits)}, while the others are gathered…"
        if not self.found:
            return "No favorites yet (tag a highlight `favorite`, or f in a review)"
        if self.matched > len(hits):
            return f"the first {len(hits)} of {self.matched}: type to narrow"
        return f"{self.matched} of {counted(len(self.found), 'favorite')}" if query.strip() else ""

    def review_title(self) -> str:
        query = one_line(self.query_one(Input).value.strip())
        return f"Review: favorites “{query}”" if query else "Review: favorites"


def favorite_hit(document: Document, index: int, words: list[str]) -> SearchHit | None:
    """The favorite as a list entry, or None when a word is in neither it, its note, tags nor title."""
    highlight = document.highlights[index]
    haystack = " ".join((highlight.text, highlight.note or "", *highlight.tags, document.title)).casefold()
    if any(word not in haystack for word in words):
        return None
    snippet = " ".join(highlight.text.split())
    snippet = snippet if len(snippet) <= SNIPPET_LENGTH else snippet[: SNIPPET_LENGTH - 1] + "…"
    return SearchHit(document, index, "★ favorite", snippet, _spans(snippet, words), 0.0)


def _spans(snippet: str, words: list[str]) -> tuple[tuple[int, int], ...]:
    """Where the words are in the snippet, to mark them as search results are."""
    folded = snippet.casefold()
    if len(folded) != len(snippet):  # a letter that folds to two (ß): positions would be off
        return ()
    spans: list[tuple[int, int]] = []
    for word in words:
        start = folded.find(word)
        while start != -1:
            spans.append((start, start + len(word)))
            start = folded.find(word, start + len(word))
    return tuple(sorted(spans))
