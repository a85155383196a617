"""Search: the query language answered by the FTS5 index in the parse cache, and by reading what it lacks.

The index (library/search_rows.py) is written with the parse cache, file by file, so a start
builds nothing. What the index cannot hold is read here: the reader's own notes, stars and due
highlights (from the review database, through `ReaderMarks`), documents the cache did not store,
and, while a missing or damaged index is rebuilt, the whole library. Document matches come first,
then highlights by bm25; a typo pass runs only when the exact query found few. No Textual here.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from hltui.library.cache import ParseCache
from hltui.library.collection import Library
from hltui.library.merges import MERGED_PREFIX, merged_name
from hltui.model import Document, document_key
from hltui.search.hits import SearchHit
from hltui.search.plain import Alternatives
from hltui.search.query import Query, parse_query
from hltui.search.run import Marked, SearchRun, is_stored
from hltui.search.typos import LetterWords, near_words, typo_limit

__all__ = ["ReaderMarks", "SearchHit", "Searcher"]

# A typo pass runs when the exact query found fewer hits than this.
TYPOS_BELOW = 5


# What the review database knows of highlights: the reader's own notes, stars, what is due.
ReaderMarks = Marked


@dataclass
class _Known:
    """What the searcher keeps of one library between searches; a reload brings a new library, and a new one."""

    library: Library
    by_key: dict[str, Document] | None = None  # by merge key, what the index's rows name documents by
    split: tuple[list[Document], set[int]] | None = None  # documents read, ids of those indexed
    letters: dict[str, LetterWords] = field(default_factory=dict)  # the index's words, by first letter


class Searcher:
    """Answers queries over a library; safe to use from several threads (one search runs at a time)."""

    def __init__(self, cache: ParseCache | None = None, marks: ReaderMarks | None = None) -> None:
        self.cache = cache
        self.marks = marks
        self.notice: str | None = None  # said once to the reader, then cleared by whoever shows it
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._ready = False
        self._rebuilding: threading.Thread | None = None
        self._known: _Known | None = None
        # A library whose documents the index no longer holds (the cache was lost under it): read, never indexed.
        self.unindexed: Library | None = None

    def prepare(self, should_stop: Callable[[], bool] | None = None) -> None:
        """Rebuild the index when it is missing or damaged (in the calling thread); otherwise nothing to do."""
        if self.cache is None or self._ready or self.cache.search_ready():
            self._ready = self.cache is not None
            return
        self.notice = "Search index is being rebuilt; searching by reading the files meanwhile"
        self._ready = self.cache.rebuild_search_index(should_stop)

    def search(
        self,
        library: Library,
        text: str,
        *,
        within: Collection[Document] | None = None,
        limit: int = 200,
        typing: bool = False,
        should_stop: Callable[[], bool] | None = None,
    ) -> list[SearchHit]:
        """The best `limit` results for the query: documents whose own fields match, then highlights."""
        query = parse_query(text, typing=typing)
        if query.is_empty or limit <= 0:
            return []
        with self._lock:
            run = SearchRun(self, library, query, within, limit, should_stop or (lambda: False))
            hits = run.answers(None)
            if len(hits) < TYPOS_BELOW and not run.stopped:
                alternatives = self._alternatives(query, run)
                if alternatives:
                    found = {(id(hit.document), hit.highlight_index) for hit in hits}
                    more = run.answers(alternatives)
                    hits += [hit for hit in more if (id(hit.document), hit.highlight_index) not in found]
            return hits[:limit]

    # The index -------------------------------------------------------------------------------

    def connection(self) -> sqlite3.Connection | None:
        """The index's read connection, when the index holds every cached file."""
        if self.cache is None:
            return None
        if not self._ready:
            self._ready = self.cache.search_ready()
            if not self._ready:
                self._start_rebuild()
                return None
        if self._connection is None:
            self._connection = self.cache.search_connection()
            if self._connection is not None:
                self._connection.execute(
                    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, search_highlights, row)"
                )
        return self._connection

    def damaged(self, error: sqlite3.DatabaseError, library: Library) -> None:
        """The index could not be read: empty it and rebuild it in the background."""
        if self._connection is not None:
            self._connection.close()
        self._connection, self._ready = None, False
        if self._known is not None:
            self._known.split = None  # the rebuilt index may hold fewer merges
        if self.cache is not None:
            if not self.cache.forget_search_index(error):
                self.unindexed = library  # a fresh cache: its index will hold the next load's documents only
            self.notice = self.cache.notice
        self._start_rebuild()

    def _start_rebuild(self) -> None:
        if self._rebuilding is not None and self._rebuilding.is_alive():
            return
        self._rebuilding = threading.Thread(target=self.prepare, name="hltui-search-index", daemon=True)
        self._rebuilding.start()

    def index_split(self, library: Library, connection: sqlite3.Connection) -> tuple[list[Document], set[int]]:
        """The library's documents the index does not hold (read instead), and the ids of those it does.

        Those are the documents stored in the cache, each from one file or merged from several
        once the index holds the merge (written when the library was loaded); kept per library.
        """
        known = self._of(library)
        if known.split is None:
            sql = "SELECT name FROM search_spans WHERE name >= ? AND name < ?"
            merges = {name for (name,) in connection.execute(sql, (MERGED_PREFIX, MERGED_PREFIX + "\U0010ffff"))}
            read: list[Document] = []
            indexed: set[int] = set()
            for document in library.documents:
                merge = merged_name(document)
                if is_stored(document) and (merge is None or merge in merges):
                    indexed.add(id(document))
                else:
                    read.append(document)
            known.split = (read, indexed)
        return known.split

    def letter_words(self, library: Library, letter: str, connection: sqlite3.Connection) -> LetterWords:
        """The index's words of one first letter, read once per library (a reload may bring new words)."""
        letters = self._of(library).letters
        if letter not in letters:
            sql = "SELECT term FROM temp.search_vocab WHERE term >= ? AND term < ?"
            letters[letter] = LetterWords.of(
                term for (term,) in connection.execute(sql, (letter, chr(ord(letter) + 1)))
            )
        return letters[letter]

    def documents_by_key(self, library: Library) -> dict[str, Document]:
        """The library's documents by merge key (what the index's rows name them by)."""
        known = self._of(library)
        if known.by_key is None:
            known.by_key = {document_key(document): document for document in library.documents}
        return known.by_key

    def _of(self, library: Library) -> _Known:
        if self._known is None or self._known.library is not library:
            self._known = _Known(library)
        return self._known

    def _alternatives(self, query: Query, run: SearchRun) -> Alternatives:
        """Near words of the vocabulary for each query word long enough to have typos."""
        words = {words.tokens[0] for words in query.words if len(words.tokens) == 1}
        alternatives: dict[str, tuple[str, ...]] = {}
        for word in (word for word in words if typo_limit(word)):
            near = near_words(word, *run.vocabulary(word[0]))
            if near:
                alternatives[word] = near
        return alternatives
