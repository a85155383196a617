"""What parsing each export file gave, kept in the platformdirs cache folder between runs (no Textual).

One SQLite database per library folder holds, per export file, its size and `mtime_ns`, an
outline of what parsing it gave (documents without their highlights, skipped reasons, problems)
and, apart from it, each document's highlights. A start reads the outlines only; a document's
highlights are fetched when it is opened, searched or exported. Rows are plain tuples in
`marshal` form: loading ten thousand outlines takes a fraction of reading the files.

An entry is used only while the file's size and time are unchanged and the parser's source is
the same. A database that cannot be read is moved out of the way with a notice and rebuilt.
SQLite's transactions keep two hltui processes from ever leaving half an entry. Nothing is ever
written in the export folder.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_cache_path

from hltui import __version__
from hltui.library.cache_rows import (
    DOCUMENT_LAYOUT,
    HIGHLIGHT_BLOCK,
    UNREADABLE,
    CacheRows,
    FileKey,
    FolderState,
    Outline,
    Row,
    Summary,
    cache_rows,
    highlights_in,
    result_from,
    result_in_memory,
    summary_blob,
    summary_from,
)
from hltui.library.merges import MERGED_PREFIX, MergeOutcome, Sources, merged_name
from hltui.library.search_rows import (
    INSERT_DOCUMENT,
    INSERT_HIGHLIGHT,
    SEARCH_SCHEMA,
    SEARCH_TABLES,
    SearchRows,
    numbered,
    numbered_highlights,
    search_rows,
)
from hltui.model import Document, Highlight, ParseResult, StoredHighlights

APP_NAME = "hltui"
_FORMAT = 4
_PACKAGE = Path(__file__).resolve().parent.parent
# The modules whose code decides what a file parses to: any change to them retires the cache.
_PARSER_SOURCES = ("model.py", "display.py", "parsing", "library/cache_rows.py", "library/search_rows.py")
# Highlights of recently opened documents kept in memory; the open document's always stay.
_FETCHED_HIGHLIGHTS_KEPT = 20_000
# Files whose search rows are rebuilt in one transaction (a rebuild lets the app's own writes in between).
_REBUILD_FILES_PER_STEP = 50
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS files (name TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, outline BLOB);
CREATE TABLE IF NOT EXISTS highlights (
    name TEXT, position INTEGER, block INTEGER, size INTEGER, mtime_ns INTEGER, data BLOB,
    PRIMARY KEY (name, position, block)
) WITHOUT ROWID;
"""


_SEARCH_TABLES_FOUND = f"SELECT name FROM sqlite_master WHERE name IN ({', '.join('?' * len(SEARCH_TABLES))})"


@functools.cache
def parser_version() -> str:
    """A digest of the parser's own source: an edited or upgraded parser never trusts an old cache."""
    digest = hashlib.sha256(f"{__version__} {_FORMAT}".encode())
    for source in _PARSER_SOURCES:
        path = _PACKAGE / source
        for module in sorted(path.glob("*.py")) if path.is_dir() else [path]:
            try:
                digest.update(module.name.encode() + module.read_bytes())
            except OSError:
                digest.update(module.name.encode())  # no source beside the package: the version decides
    return digest.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class CachedFile:
    """One file's entry: the key it was parsed at and what parsing it gave (highlights stored)."""

    key: FileKey
    result: ParseResult


def cache_folder() -> Path:
    """The platformdirs cache folder (moved by XDG_CACHE_HOME)."""
    return user_cache_path(APP_NAME) / "parsed"


class ParseCache:
    """The cache database of one library folder. Safe to use from several threads."""

    def __init__(self, root: Path, folder: Path | None = None) -> None:
        self.root = os.path.realpath(root)
        name = hashlib.sha256(self.root.encode("utf-8", "surrogateescape")).hexdigest()[:24]
        self.path = (folder or cache_folder()) / f"{name}.sqlite"
        self.notice: str | None = None
        self._lock = threading.RLock()
        self._connection: sqlite3.Connection | None = None
        self._opened = False
        # The merge key of each document built from the cache (kept with it, so an id is never reused).
        self.document_keys: dict[int, tuple[Document, str]] = {}
        self._fetched: OrderedDict[tuple[str, FileKey, int, int], tuple[Highlight, ...]] = OrderedDict()
        self._fetched_count = 0  # highlights in _fetched

    # Reading ---------------------------------------------------------------------------------

    def load_files(self) -> dict[str, CachedFile]:
        """Every file's entry, documents carrying StoredHighlights; empty when there is no cache."""
        rows = self._query("SELECT name, size, mtime_ns, outline FROM files")
        try:
            entries = (self._entry(name, size, mtime_ns, outline) for name, size, mtime_ns, outline in rows)
            return {entry[0]: entry[1] for entry in entries}
        except UNREADABLE as error:
            self._discard(error)
            return {}

    def _entry(self, name: object, size: object, mtime_ns: object, outline: object) -> tuple[str, CachedFile]:
        if not (isinstance(name, str) and isinstance(size, int) and isinstance(mtime_ns, int)):
            raise TypeError("a row of the files table has the wrong types")
        assert isinstance(outline, bytes), "outline"
        key = FileKey(size, mtime_ns)
        return name, CachedFile(key, self._result_from(name, key, marshal.loads(outline)))

    def has_summary(self) -> bool:
        """Whether a summary is kept (without decoding its folder state)."""
        return bool(self._query("SELECT 1 FROM meta WHERE key = 'summary'"))

    def load_summary(self) -> tuple[FolderState, Summary] | None:
        """The folder state the last summary was made for, and that summary."""
        rows = self._query("SELECT value FROM meta WHERE key = 'summary'")
        try:
            return summary_from(rows[0][0]) if rows else None
        except UNREADABLE as error:
            self._discard(error)
            return None

    def load_merges(self) -> dict[Sources, MergeOutcome]:
        """What merging documents found in several files gave last time (see merges.py)."""
        rows = self._query("SELECT value FROM meta WHERE key = 'merges'")
        if not rows or not isinstance(blob := rows[0][0], bytes):
            return {}
        try:
            return {tuple(sources): tuple(outcome) for sources, outcome in marshal.loads(blob)}
        except UNREADABLE as error:
            self._discard(error)
            return {}

    def highlights(self, name: str, key: FileKey, position: int, block: int = -1) -> tuple[Highlight, ...] | None:
        """The highlights of the file's document at `position` (one block of them, or all for -1).

        None when the entry has changed since the document was built.
        """
        with self._lock:
            fetched = self._fetched.get((name, key, position, block))
            if fetched is None:
                query = "SELECT data FROM highlights WHERE name = ? AND position = ? AND size = ? AND mtime_ns = ?"
                parameters: tuple[object, ...] = (name, position, key.size, key.mtime_ns)
                if block >= 0:
                    query, parameters = query + " AND block = ?", (*parameters, block)
                rows = self._query(query + " ORDER BY block", parameters)
                blobs = [blob for (blob,) in rows if isinstance(blob, bytes)]
                if not rows or len(blobs) != len(rows):
                    return None
                fetched = tuple([highlight for blob in blobs for highlight in highlights_in(blob)])
            self._keep_fetched((name, key, position, block), fetched)
            return fetched

    def _keep_fetched(self, place: tuple[str, FileKey, int, int], highlights: tuple[Highlight, ...]) -> None:
        earlier = self._fetched.pop(place, None)
        self._fetched_count += len(highlights) - (len(earlier) if earlier is not None else 0)
        self._fetched[place] = highlights
        while self._fetched_count > _FETCHED_HIGHLIGHTS_KEPT and len(self._fetched) > 1:
            self._fetched_count -= len(self._fetched.popitem(last=False)[1])

    def _result_from(self, name: str, key: FileKey, outline: Outline) -> ParseResult:
        return result_from(outline, functools.partial(self._document_from, name, key))

    def _document_from(self, name: str, key: FileKey, position: int, row: Row) -> Document:
        layout = DOCUMENT_LAYOUT
        layout.check(row)
        source = (name, key.size, key.mtime_ns, position)
        fetch = functools.partial(self._fetch_or_parse, name, key, position)
        blocks = (HIGHLIGHT_BLOCK, functools.partial(self._fetch_block, name, key, position))
        highlights = StoredHighlights(layout.highlight_count(row), layout.digest(row), fetch, source, blocks)
        document = layout.document(row, highlights)
        self.document_keys[id(document)] = (document, layout.merge_key(row))
        return document

    def _fetch_block(self, name: str, key: FileKey, position: int, block: int) -> tuple[Highlight, ...]:
        stored = self.highlights(name, key, position, block)
        if stored is not None:
            return stored
        start = block * HIGHLIGHT_BLOCK
        return self._fetch_or_parse(name, key, position)[start : start + HIGHLIGHT_BLOCK]

    def _fetch_or_parse(self, name: str, key: FileKey, position: int) -> tuple[Highlight, ...]:
        """The stored highlights; when another run replaced the entry, the file is read again."""
        stored = self.highlights(name, key, position)
        if stored is not None:
            return stored
        from hltui.library.files import ReadRules, Unreadable, read_export_file
        from hltui.parsing.parse import parse_bytes

        try:
            data = read_export_file(Path(self.root) / name, Path(self.root), ReadRules()).data
        except Unreadable:
            return ()
        documents = parse_bytes(data, name).documents
        fresh = tuple(documents[position].highlights) if position < len(documents) else ()
        with self._lock:
            self._keep_fetched((name, key, position, -1), fresh)
        return fresh

    # Writing ---------------------------------------------------------------------------------

    def store(self, parsed: Iterable[tuple[str, FileKey, ParseResult]]) -> dict[str, CachedFile]:
        """Keep freshly parsed files in one transaction; their entries, with highlights now stored."""
        return self.store_rows([cache_rows(name, key, result) for name, key, result in parsed])

    def store_rows(self, parsed: list[CacheRows]) -> dict[str, CachedFile]:
        """Keep files parsed into cache rows (maybe by another process); their entries, highlights stored."""
        with self._lock:
            indexed = [(name, rows) for name, *_, rows in parsed]
            written = self._write(
                _store_statements(parsed), lambda connection: _replace_search_rows(connection, indexed)
            )
        if written:
            return {name: CachedFile(key, self._result_from(name, key, outline)) for name, key, outline, *_ in parsed}
        return {name: CachedFile(key, result_in_memory(outline, rows)) for name, key, outline, rows, _ in parsed}

    def finish(
        self,
        names: Iterable[str],
        state: FolderState,
        summary: Summary,
        merges: dict[Sources, MergeOutcome],
        merged: Sequence[Document] = (),
    ) -> None:
        """Forget files no longer in the folder; keep the summary `hltui check` prints and the merges.

        The merged documents (those with a `merges.merged_name`) get search rows of their own, written once per merge.
        """
        keep = set(names)
        with self._lock:
            stale: list[tuple[object, ...]] = [
                row for row in self._query("SELECT name FROM files") if row[0] not in keep
            ]
            names = [name for (name,) in stale if isinstance(name, str)]
            statements: list[tuple[str, Sequence[tuple[object, ...]]]] = [
                ("DELETE FROM files WHERE name = ?", stale),
                ("DELETE FROM highlights WHERE name = ?", stale),
                ("INSERT OR REPLACE INTO meta VALUES ('summary', ?)", [(summary_blob(state, summary),)]),
                ("INSERT OR REPLACE INTO meta VALUES ('merges', ?)", [(marshal.dumps(list(merges.items())),)]),
            ]
            new, gone = self._merged_rows(merged)

            def index(connection: sqlite3.Connection) -> None:
                _forget_search_rows(connection, names + gone)
                _replace_search_rows(connection, new)

            self._write(statements, index)

    def _merged_rows(self, merged: Sequence[Document]) -> tuple[list[tuple[str, SearchRows]], list[str]]:
        """Search rows of the merged documents the index lacks, and the index's merges no longer in the library."""
        named = ((merged_name(document), document) for document in merged)
        wanted = {name: document for name, document in named if name is not None}
        past = "SELECT name FROM search_spans WHERE name >= ? AND name < ?"
        present = {str(name) for (name,) in self._query(past, (MERGED_PREFIX, MERGED_PREFIX + "\U0010ffff"))}
        new = [(name, search_rows(name, [document])) for name, document in wanted.items() if name not in present]
        return new, sorted(present - set(wanted))

    # The search index ------------------------------------------------------------------------

    def search_ready(self) -> bool:
        """Whether the search index holds every cached file (else it needs `rebuild_search_index`)."""
        return bool(self._query("SELECT 1 FROM meta WHERE key = 'search' AND value = 'ready'"))

    def rebuild_search_index(self, should_stop: Callable[[], bool] | None = None) -> bool:
        """Index every cached file again from its stored highlights (a missing or broken index); True when done.

        A few files at a time, each step a transaction of its own, so the app's writes go in between.
        """
        names = [name for (name,) in self._query("SELECT name FROM files ORDER BY name") if isinstance(name, str)]
        for start in range(0, len(names), _REBUILD_FILES_PER_STEP):
            if should_stop is not None and should_stop():
                return False
            with self._lock:
                step = names[start : start + _REBUILD_FILES_PER_STEP]
                if not self._write([], functools.partial(self._index_stored, step)):
                    return False
        with self._lock:
            return self._write([("INSERT OR REPLACE INTO meta VALUES ('search', 'ready')", [()])])

    def _index_stored(self, names: list[str], connection: sqlite3.Connection) -> None:
        """Write the search rows of these cached files, read back from the cache (in the caller's transaction)."""
        indexed: list[tuple[str, SearchRows]] = []
        for name in names:
            found = connection.execute("SELECT size, mtime_ns, outline FROM files WHERE name = ?", (name,)).fetchall()
            if not found:
                continue  # forgotten since the list was read
            size, mtime_ns, outline = found[0]
            result = result_in_memory(marshal.loads(outline), self._stored_rows(connection, name))
            indexed.append((name, search_rows(name, result.documents)))
        _replace_search_rows(connection, indexed)

    @staticmethod
    def _stored_rows(connection: sqlite3.Connection, name: str) -> list[tuple[object, ...]]:
        columns = "name, position, block, size, mtime_ns, data"
        query = f"SELECT {columns} FROM highlights WHERE name = ? ORDER BY position, block"
        return connection.execute(query, (name,)).fetchall()

    def forget_search_index(self, error: BaseException | None = None) -> bool:
        """Empty a broken search index, to be rebuilt; False when that failed and the whole cache went with it."""
        if error is not None:
            self.notice = f"search index in {self.path} is damaged ({type(error).__name__}); rebuilding it"
        with self._lock:
            connection = self._connect()
            if connection is None:
                return False
            try:
                with connection:
                    _drop_search_tables(connection)
                    connection.execute("DELETE FROM meta WHERE key = 'search'")
                connection.executescript(SEARCH_SCHEMA)
                return True
            except sqlite3.DatabaseError as again:
                self._discard(again)
                return False

    def search_connection(self) -> sqlite3.Connection | None:
        """A connection of its own for searching (so a search never waits on the cache's lock); it only reads."""
        if self._connect() is None:
            return None
        try:
            return sqlite3.connect(self.path, timeout=10, check_same_thread=False)
        except sqlite3.DatabaseError:
            return None

    # The database ----------------------------------------------------------------------------

    def _query(self, sql: str, parameters: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        with self._lock:
            connection = self._connect()
            if connection is None:
                return []
            try:
                return connection.execute(sql, parameters).fetchall()
            except (sqlite3.DatabaseError, ValueError, TypeError, EOFError) as error:
                self._discard(error)
                return []

    def _write(
        self,
        statements: Iterable[tuple[str, Sequence[tuple[object, ...]]]],
        more: Callable[[sqlite3.Connection], None] | None = None,
    ) -> bool:
        """Run the statements, then `more`, in one transaction."""
        connection = self._connect()
        if connection is None:
            return False
        try:
            with connection:
                for sql, rows in statements:
                    connection.executemany(sql, rows)
                if more is not None:
                    more(connection)
            return True
        except sqlite3.OperationalError as error:  # locked by another hltui for too long, disk full
            self.notice = f"parse cache {self.path} could not be written: {error}"
            return False
        except sqlite3.DatabaseError as error:
            self._discard(error)
            return False

    def _connect(self) -> sqlite3.Connection | None:
        if self._opened:
            return self._connection
        self._opened = True
        try:
            self._connection = self._open()
        except (sqlite3.DatabaseError, ValueError, TypeError, EOFError) as error:
            self._discard(error)
            try:
                self._connection = self._open()
            except (sqlite3.DatabaseError, OSError) as again:
                self.notice = f"parse cache {self.path} cannot be used: {again}"
        except OSError as error:
            self.notice = f"parse cache {self.path} cannot be used: {error.strerror or error}"
        return self._connection

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=10, check_same_thread=False, isolation_level=None)
        connection.isolation_level = "DEFERRED"
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.executescript(_SCHEMA)
        header = marshal.dumps((_FORMAT, parser_version(), self.root))
        found = connection.execute("SELECT value FROM meta WHERE key = 'header'").fetchall()
        if not found or found[0][0] != header:
            with connection:  # another parser or format (or a new database): start empty
                for table in ("files", "highlights", "meta", *SEARCH_TABLES):
                    connection.execute(f"DROP TABLE IF EXISTS {table}")
            connection.executescript(_SCHEMA + SEARCH_SCHEMA)
            with connection:  # an empty index holds every file of an empty cache
                connection.execute("INSERT INTO meta VALUES ('header', ?)", (header,))
                connection.execute("INSERT INTO meta VALUES ('search', 'ready')")
        elif len(connection.execute(_SEARCH_TABLES_FOUND, SEARCH_TABLES).fetchall()) < len(SEARCH_TABLES):
            with connection:  # a part of the index went missing: all of it made again, empty, until rebuilt
                _drop_search_tables(connection)
                connection.execute("DELETE FROM meta WHERE key = 'search'")
            connection.executescript(SEARCH_SCHEMA)
        return connection

    def _discard(self, error: BaseException) -> None:
        """Move a broken database aside so the next open starts a fresh one."""
        self.notice = f"parse cache {self.path} could not be read ({type(error).__name__}); rebuilding it"
        if self._connection is not None:
            self._connection.close()
        self._connection, self._opened = None, False
        self._fetched.clear()
        self._fetched_count = 0
        for suffix in ("", "-wal", "-shm"):
            broken = self.path.with_name(self.path.name + suffix)
            with contextlib.suppress(OSError):
                os.replace(broken, broken.with_name(broken.name + ".broken"))

    def close(self) -> None:
        """Close the database (the cache can be opened again later)."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
            self._connection, self._opened = None, False


def _store_statements(rows: list[CacheRows]) -> list[tuple[str, list[tuple[object, ...]]]]:
    return [
        ("DELETE FROM highlights WHERE name = ?", [(name,) for name, *_ in rows]),
        (
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
            [(name, key.size, key.mtime_ns, marshal.dumps(outline)) for name, key, outline, *_ in rows],
        ),
        (
            "INSERT OR REPLACE INTO highlights VALUES (?, ?, ?, ?, ?, ?)",
            [row for *_, blocks, _ in rows for row in blocks],
        ),
    ]


def _drop_search_tables(connection: sqlite3.Connection) -> None:
    """Drop the index's tables (in the caller's transaction), even an FTS5 table whose structure is garbage."""
    for table in SEARCH_TABLES:
        try:
            connection.execute(f"DROP TABLE IF EXISTS {table}")
        except sqlite3.DatabaseError:  # FTS5 reads its structure record before it lets the table go
            _give_empty_storage(connection, table)
            connection.execute(f"DROP TABLE IF EXISTS {table}")


def _give_empty_storage(connection: sqlite3.Connection, table: str) -> None:
    """Replace a broken FTS5 table's index storage by that of an empty one, so the table can be opened to drop."""
    connection.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_empty USING fts5(anything)")
    connection.execute(f"DELETE FROM {table}_idx")
    connection.execute(f"DELETE FROM {table}_data")
    connection.execute(f"INSERT INTO {table}_data SELECT id, block FROM temp.search_empty_data")


def _replace_search_rows(connection: sqlite3.Connection, indexed: list[tuple[str, SearchRows]]) -> None:
    """Put these files' search rows in the place of what the index held for them (in the caller's transaction)."""
    _forget_search_rows(connection, [name for name, _ in indexed])
    documents_at, highlights_at = (
        connection.execute(f"SELECT coalesce(max(rowid), 0) + 1 FROM {table}").fetchone()[0]
        for table in ("search_documents", "search_highlights")
    )
    spans: list[tuple[object, ...]] = []
    for name, (documents, highlights) in indexed:
        connection.executemany(INSERT_DOCUMENT, numbered(documents, documents_at))
        connection.executemany(INSERT_HIGHLIGHT, numbered_highlights(highlights, highlights_at, documents_at))
        spans.append(
            (name, documents_at, documents_at + len(documents), highlights_at, highlights_at + len(highlights))
        )
        documents_at += len(documents)
        highlights_at += len(highlights)
    connection.executemany("INSERT OR REPLACE INTO search_spans VALUES (?, ?, ?, ?, ?)", spans)


def _forget_search_rows(connection: sqlite3.Connection, names: list[str]) -> None:
    """Take these files' rows out of the search index (in the caller's transaction)."""
    for name in names:
        span = connection.execute("SELECT * FROM search_spans WHERE name = ?", (name,)).fetchone()
        if span is None:
            continue
        _, documents_from, documents_to, highlights_from, highlights_to = span
        connection.execute(
            "DELETE FROM search_documents WHERE rowid >= ? AND rowid < ?", (documents_from, documents_to)
        )
        connection.execute(
            "DELETE FROM search_highlights WHERE rowid >= ? AND rowid < ?", (highlights_from, highlights_to)
        )
        connection.execute("DELETE FROM search_spans WHERE name = ?", (name,))


def clear_cache(folder: Path | None = None) -> int:
    """Remove every cache database (and any left from older versions); the number removed."""
    target = folder or cache_folder()
    removed = 0
    for pattern in ("*.sqlite", "*.sqlite-*", "*.broken", "*.pickle"):
        for path in target.glob(pattern) if target.is_dir() else []:
            path.unlink(missing_ok=True)
            removed += pattern == "*.sqlite" or pattern == "*.pickle"
    return removed
