"""One search over a library: the FTS5 index for the documents it holds, reading for the rest (no Textual).

The index's rows are matched with the query's FTS5 expressions (fts_query.py), ranked by bm25 with
a highlight's own fields weighing most; the documents the index does not hold (not from the
cache, a merge not indexed yet, an index being rebuilt) and the highlights the review database
marks (your own notes, stars, due dates) are read (plain.py).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import Any, Protocol

from hltui.library.collection import Library
from hltui.library.search_rows import words_of
from hltui.model import Document, Highlight, StoredHighlights, document_key
from hltui.search.fts_query import document_match, highlight_match
from hltui.search.hits import SearchHit, document_hit, highlight_hit
from hltui.search.plain import Alternatives, Found, Marks, answers_in
from hltui.search.query import Query
from hltui.search.typos import LetterWords

# bm25 weights in table order (text, note, tags, title, author, document tags, tag paths, category, flags):
# a highlight's own tags weigh most, then its text, its note, its document's fields; the rest only filter.
_HIGHLIGHT_WEIGHTS = "4.0, 2.0, 5.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0"
_DOCUMENT_WEIGHTS = "10.0, 8.0, 6.0, 0.0, 0.0"  # title, author, tags; tag paths and category only filter
_PROGRESS_STEPS = 2000  # SQLite steps between two calls to should_stop
# Past this many rows holding the query's rarest word, results come in library order, unranked.
_RANK_AT_MOST = 20_000

Pair = tuple[int, int | None]  # id of the document, index of the highlight (None: the document)
# A highlight found in the index: its score, document and index, and its text, note and tags from the row.
Indexed = tuple[float, Document, int, Highlight]


class Marked(Protocol):
    """What the review database knows of highlights: the reader's own notes, stars, what is due."""

    def marked_highlights(
        self, documents: Sequence[Document], states: Collection[str]
    ) -> Iterable[tuple[Document, int, str | None, bool, bool]]:
        """Highlights with an own note, and those starred or due when `states` asks for favorite or due:
        (document, index, own note, starred, due)."""
        ...


class Searcher(Protocol):
    """What a search asks of the searcher (engine.Searcher) that keeps the index and its connection."""

    marks: Marked | None
    unindexed: Library | None  # a library whose documents the index no longer holds

    def connection(self) -> sqlite3.Connection | None: ...

    def index_split(self, library: Library, connection: sqlite3.Connection) -> tuple[list[Document], set[int]]: ...

    def documents_by_key(self, library: Library) -> dict[str, Document]: ...

    def letter_words(self, library: Library, letter: str, connection: sqlite3.Connection) -> LetterWords: ...

    def damaged(self, error: sqlite3.DatabaseError, library: Library) -> None: ...


class SearchRun:
    """One search: the index for the documents it holds, reading for the rest."""

    def __init__(
        self,
        searcher: Searcher,
        library: Library,
        query: Query,
        within: Collection[Document] | None,
        limit: int,
        should_stop: Callable[[], bool],
    ) -> None:
        self.searcher, self.library, self.query, self.limit = searcher, library, query, limit
        self.should_stop = should_stop
        self.stopped = False
        scope = library.documents if within is None else _in_order(library.documents, within)
        self.scope = scope
        self.whole = within is None
        self.connection = searcher.connection() if library is not searcher.unindexed else None
        self.read, self.indexed_ids = self._split(scope)
        self.marked = self._marked()

    def _split(self, scope: Sequence[Document]) -> tuple[list[Document], set[int]]:
        """The documents in scope to read, and the ids of those the index answers for."""
        if self.connection is None:
            return list(scope), set()
        try:
            read, indexed = self.searcher.index_split(self.library, self.connection)
        except sqlite3.DatabaseError:  # the index's damage is found (and mended) by the search itself
            return list(scope), set()
        if self.whole:
            return read, indexed
        return [document for document in scope if id(document) not in indexed], indexed & {id(d) for d in scope}

    def _marked(self) -> dict[tuple[int, int], tuple[Document, Marks]]:
        marks = self.searcher.marks
        if marks is None or not (self.query.words or self.query.states):
            return {}
        found = marks.marked_highlights(self.scope, self.query.states)
        return {
            (id(document), index): (document, Marks(own_note, starred, due))
            for document, index, own_note, starred, due in found
        }

    def answers(self, alternatives: Alternatives | None) -> list[SearchHit]:
        """Documents, then highlights: from the index, then by reading; each once."""
        documents: list[SearchHit] = []
        highlights: list[SearchHit] = []
        seen: set[Pair] = set()
        for score, document, index, *row in [*self._from_index(alternatives), *self._by_reading(alternatives)]:
            if (id(document), index) in seen or self.stopped:
                continue
            seen.add((id(document), index))
            if index is None:
                documents.append(document_hit(document, self.query, alternatives, score))
            else:
                own = self.marked.get((id(document), index))
                note = own[1].own_note if own is not None else None
                shown = row[0] if row else None
                highlights.append(highlight_hit(document, index, self.query, note, alternatives, score, shown))
            if len(documents) + len(highlights) >= self.limit:
                break
        return documents + highlights

    def _by_reading(self, alternatives: Alternatives | None) -> list[Found]:
        """The documents the index lacks, and the highlights the review database marks, read."""

        def marks_of(document: Document, index: int, highlight: Highlight) -> Marks:
            found = self.marked.get((id(document), index))
            return found[1] if found is not None else Marks()

        found: list[Found] = []
        for document in self.read:
            if self.should_stop():
                self.stopped = True
                break
            found.extend(answers_in(document, self.query, marks_of, alternatives))
        by_document: dict[int, tuple[Document, list[int]]] = {}
        for (number, index), (document, _) in self.marked.items():
            if number in self.indexed_ids:
                by_document.setdefault(number, (document, []))[1].append(index)
        for document, indexes in by_document.values():
            found.extend(answers_in(document, self.query, marks_of, alternatives, sorted(indexes)))
        return sorted(found, key=lambda answer: (answer[2] is not None, -answer[0]))

    def _from_index(self, alternatives: Alternatives | None) -> list[Found | Indexed]:
        if self.connection is None or not self.indexed_ids:
            return []
        try:
            self.connection.set_progress_handler(self._stop_step, _PROGRESS_STEPS)
            return self._documents(alternatives) + self._highlights(alternatives)
        except sqlite3.DatabaseError as error:
            if not self.stopped:  # else interrupted by should_stop: nobody waits for the results
                self._read_instead(error)
            return []
        finally:
            if self.connection is not None:
                self.connection.set_progress_handler(None, 0)

    def _read_instead(self, error: sqlite3.DatabaseError) -> None:
        """The index failed: this search reads every document; a damaged index is rebuilt meanwhile."""
        self.read, self.indexed_ids, self.connection = list(self.scope), set(), None
        if not _is_transient(error):
            self.searcher.damaged(error, self.library)

    def _stop_step(self) -> int:
        self.stopped = self.stopped or self.should_stop()
        return int(self.stopped)

    def _scope(self, table: str) -> tuple[str, list[object]]:
        """The SQL that keeps a table's rows to the documents in scope (nothing for the whole library)."""
        if self.whole:
            return "", []
        keys = json.dumps([document_key(document) for document in self.scope])
        in_scope = "SELECT rowid FROM search_documents WHERE dockey IN (SELECT value FROM json_each(?))"
        column = "rowid" if table == "search_documents" else "docrow"
        return f" AND {table}.{column} IN ({in_scope})", [keys]

    def _documents(self, alternatives: Alternatives | None) -> list[Found]:
        match = document_match(self.query, alternatives)
        if match is None:
            return []
        scope, parameters = self._scope("search_documents")
        sql = f"SELECT bm25(search_documents, {_DOCUMENT_WEIGHTS}), dockey, name, position FROM search_documents"
        where = f"WHERE search_documents MATCH ?{scope} ORDER BY 1 LIMIT ?"
        rows = self.connection_rows(f"{sql} {where}", [match, *parameters, self.limit])
        by_key = self.searcher.documents_by_key(self.library)
        found: list[Found] = []
        for score, key, name, position in rows:
            document = by_key.get(key)
            if document is not None and id(document) in self.indexed_ids and _is_read_from(document, name, position):
                found.append((-score, document, None))
        return found

    def _highlights(self, alternatives: Alternatives | None) -> list[Indexed]:
        match = highlight_match(self.query, alternatives)
        if match is None:
            return []
        scope, parameters = self._scope("search_highlights")
        # Tags and states alone are listed in library order; so is a query whose every word is in
        # most rows: ranking a hundred thousand matches of `the` takes longer than reading them.
        ranked = bool(self.query.words) and self._fewest_rows(alternatives or {}) <= _RANK_AT_MOST
        order = f"bm25(search_highlights, {_HIGHLIGHT_WEIGHTS})" if ranked else "0.0"
        order_by = "1, 2" if ranked else "search_highlights.rowid"  # the index hands rows in rowid order: no sort
        found_rows = (
            f"SELECT {order} AS score, search_highlights.rowid AS row, docrow, hindex, text, note, htags"
            " FROM search_highlights"
            f" WHERE search_highlights MATCH ?{scope} ORDER BY {order_by} LIMIT ?"
        )
        sql = f"SELECT score, dockey, name, position, hindex, text, note, htags FROM ({found_rows})"
        sql += " JOIN search_documents ON search_documents.rowid = docrow ORDER BY score, row"
        rows = self.connection_rows(sql, [match, *parameters, self.limit])
        by_key = self.searcher.documents_by_key(self.library)
        found: list[Indexed] = []
        for score, key, name, position, index, text, note, tags in rows:
            document = by_key.get(key)
            if document is None or id(document) not in self.indexed_ids:
                continue
            where_now = _index_in(document, name, position, index)
            # A highlight with the reader's own note is answered by reading (the row lacks that note).
            if where_now is not None and (id(document), where_now) not in self.marked:
                found.append((-score, document, where_now, Highlight(text, note or None, tuple(tags.split()))))
        return found

    def _fewest_rows(self, alternatives: Alternatives) -> int:
        """How many rows hold the query's rarest word (at most; a prefix counts every word it starts, a word
        with typo alternatives counts theirs too)."""
        counts = []
        in_list = "term IN (SELECT value FROM json_each(?))"
        for words in self.query.words:
            if words.prefix:
                last = words.tokens[-1]
                sql = "SELECT coalesce(sum(doc), 0) FROM temp.search_vocab WHERE term >= ? AND term < ?"
                counts.append(self.connection_rows(sql, [last, last + "\U0010ffff"])[0][0])
            elif len(words.tokens) == 1 and words.tokens[0] in alternatives:
                either = [words.tokens[0], *alternatives[words.tokens[0]]]
                sql = f"SELECT coalesce(sum(doc), 0) FROM temp.search_vocab WHERE {in_list}"
                counts.append(self.connection_rows(sql, [json.dumps(either)])[0][0])
            else:
                sql = f"SELECT coalesce(min(doc), 0) FROM temp.search_vocab WHERE {in_list}"
                counts.append(self.connection_rows(sql, [json.dumps(list(words.tokens))])[0][0])
        return min(counts, default=0)

    def connection_rows(self, sql: str, parameters: list[object]) -> list[tuple[Any, ...]]:
        assert self.connection is not None
        return self.connection.execute(sql, parameters).fetchall()

    def vocabulary(self, letter: str) -> tuple[LetterWords, Callable[[list[str]], dict[str, int]]]:
        """The words of the index starting with this letter, and how many rows hold some (or of what is read)."""
        if self.connection is not None and self.indexed_ids:
            try:
                return self.searcher.letter_words(self.library, letter, self.connection), self._counts
            except sqlite3.DatabaseError:
                return LetterWords(), lambda words: {}
        words: dict[str, int] = {}
        for document in self.read:
            for text in _texts_of(document):
                for word in words_of(text):
                    if word[:1] == letter:
                        words[word] = words.get(word, 0) + 1
        return LetterWords.of(words), lambda found: {word: words[word] for word in found}

    def _counts(self, words: list[str]) -> dict[str, int]:
        sql = "SELECT term, doc FROM temp.search_vocab WHERE term IN (SELECT value FROM json_each(?))"
        try:
            return {str(term): int(count) for term, count in self.connection_rows(sql, [json.dumps(words)])}
        except sqlite3.DatabaseError:
            return {}


def is_stored(document: Document) -> bool:
    """Whether the document came from the parse cache (so the index may hold it as it is).

    A merged document's copies carry their own titles, tags and highlights: the index holds the
    merged document under a name of its own, or it is read.
    """
    highlights = document.highlights
    return isinstance(highlights, StoredHighlights) and bool(highlights.source)


def _texts_of(document: Document) -> Iterator[str]:
    """The texts whose words the index's vocabulary holds for this document."""
    yield from (document.title, document.author or "", document.category or "", " ".join(document.tags))
    for highlight in document.highlights:
        yield from (highlight.text, highlight.note or "", " ".join(highlight.tags))


def _is_transient(error: sqlite3.DatabaseError) -> bool:
    """An error that says nothing about the index itself (another process holds a lock)."""
    return isinstance(error, sqlite3.OperationalError) and any(
        word in str(error).lower() for word in ("locked", "busy", "interrupt")
    )


def _in_order(documents: Sequence[Document], within: Collection[Document]) -> list[Document]:
    chosen = {id(document) for document in within}
    return [document for document in documents if id(document) in chosen]


def _is_read_from(document: Document, name: object, position: object) -> bool:
    """Whether an index row is of the place the library's document is read from (not of a copy merged into it)."""
    highlights = document.highlights
    source = highlights.source if isinstance(highlights, StoredHighlights) else ()
    return bool(source) and source[0] == name and source[3] == position


def _index_in(document: Document, name: object, position: object, index: object) -> int | None:
    """Where a row's highlight is in the library's document, when the row is of the place it is read from."""
    if _is_read_from(document, name, position) and isinstance(index, int) and index < len(document.highlights):
        return index
    return None
