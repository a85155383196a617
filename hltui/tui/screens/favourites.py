"""Every favourite highlight of the library in one list; typing narrows it, Enter jumps to one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.worker import get_current_worker

from hltui.library.search import SearchHit
from hltui.model import Document
from hltui.text import counted
from hltui.tui.screens.search import SearchScreen

if TYPE_CHECKING:
    from hltui.tui.screens.main import MainScreen

SNIPPET_LENGTH = 240  # characters of a highlight shown in the list


class FavouritesScreen(SearchScreen):
    """The search screen's list and keys, over the favourite highlights instead of a query's results."""

    PLACEHOLDER = "Narrow the favourite highlights by a word"

    def __init__(self, main: MainScreen, found: list[tuple[Document, int]]) -> None:
        super().__init__(main, None)
        self.found = found

    def on_mount(self) -> None:
        self.run_search("")

    def _scope_text(self) -> Text:
        documents = len({id(document) for document, _ in self.found})
        return Text(
            f"★ Favourite highlights: {counted(len(self.found), 'highlight')} in {counted(documents, 'document')}",
            style="dim",
        )

    def action_toggle_scope(self) -> None:
        self.notify("Every favourite highlight is listed here", severity="information")

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        worker = get_current_worker()
        words = query.casefold().split()
        hits = [hit for hit in (favourite_hit(document, index, words) for document, index in self.found) if hit]
        if not worker.is_cancelled:
            self.app.call_from_thread(self.show_hits, query, hits)

    def status_text(self, query: str, hits: list[SearchHit]) -> str:
        if not self.found:
            return "No favourite highlights yet: tag them `favorite` in Readwise, or press f in a review"
        return f"{len(hits)} of {counted(len(self.found), 'favourite')}" if query.strip() else ""


def favourite_hit(document: Document, index: int, words: list[str]) -> SearchHit | None:
    """The favourite as a list entry, or None when a word is in neither it, its note, tags nor title."""
    highlight = document.highlights[index]
    haystack = " ".join((highlight.text, highlight.note or "", *highlight.tags, document.title)).casefold()
    if any(word not in haystack for word in words):
        return None
    snippet = " ".join(highlight.text.split())
    snippet = snippet if len(snippet) <= SNIPPET_LENGTH else snippet[: SNIPPET_LENGTH - 1] + "…"
    return SearchHit(document, index, "★ favourite", snippet, _spans(snippet, words), 0.0)


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
