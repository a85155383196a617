"""What the parse cache stores of a parsed file, as plain tuples in `marshal` form (no Textual).

A file's outline is its documents without their highlights (each with a digest of them and its
merge key), its skipped reasons and its problems; its highlights are rows of marshalled tuples,
a block of them per row. Loading ten thousand outlines costs a fraction of reading the files.

Which value sits in which column is derived once, from the model's dataclass fields, by the
layouts below: they alone make rows and read them, so a field added to the model moves no reader.
"""

from __future__ import annotations

import marshal
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Any, Generic, TypeVar, cast

from hltui.library.search_rows import SearchRows, search_rows
from hltui.model import Document, Highlight, HighlightDigest, ParseResult, Problem, Skipped, document_key

# Highlights are stored in rows of this many, so one screen of a 190,000-highlight book reads one row.
HIGHLIGHT_BLOCK = 1000


@dataclass(frozen=True, slots=True)
class FileKey:
    """What tells that a file changed: its size and modification time in nanoseconds."""

    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class Summary:
    """What `hltui check` prints about the whole folder, valid for one set of file keys."""

    documents: int
    highlights: int
    skipped: tuple[Skipped, ...]
    problems: tuple[Problem, ...]


# Per file (and per linked folder left alone): its key, or why it was not read.
FolderState = dict[str, FileKey | str]


# A stored row: plain values in a tuple, as marshal keeps them. Which value sits where is the
# business of the layouts below, and of nothing else.
Row = tuple[Any, ...]
# A parse result in marshal form: its documents' rows, its skipped reasons' and its problems'.
Outline = tuple[list[Row], list[Row], list[Row]]
# One parsed file as the cache keeps it: name, key, outline, highlight rows (marshal blobs), search index rows.
CacheRows = tuple[str, FileKey, Outline, list[tuple[Any, ...]], SearchRows]
UNREADABLE = (ValueError, TypeError, EOFError, AssertionError, IndexError)
# The field types a column keeps as they are: marshal gives each back unchanged (a tuple of
# strings only if it went in as a tuple, which the layouts see to). A field of another type needs
# columns of its own making, as `Document.highlights` has; tests/test_cache_rows.py holds every
# stored field to this list.
STORED_AS_IS = frozenset({"str", "str | None", "int", "int | None", "bool", "tuple[str, ...]"})
_TUPLE_TYPE = "tuple[str, ...]"

Flat = TypeVar("Flat", Highlight, Skipped, Problem)


class RowLayout(Generic[Flat]):
    """The rows of a dataclass kept field by field, in field order: `kind(*row)` rebuilds one."""

    def __init__(self, kind: type[Flat]) -> None:
        self.kind: type[Flat] = kind
        self.columns = tuple(field.name for field in fields(kind))
        self._values = attrgetter(*self.columns)  # two names or more: it gives a tuple
        self._tuple_columns = _tuple_columns(kind)

    def rows(self, items: Iterable[Flat]) -> list[Row]:
        """The items as rows, ready for marshal."""
        rows: list[Row] = list(map(self._values, items))
        for index in self._tuple_columns:  # a list would come back a list: make it the tuple it is typed as
            if not all(type(row[index]) is tuple for row in rows):
                rows = [_with_tuple(row, index) for row in rows]
        return rows

    def items(self, rows: Iterable[Row]) -> list[Flat]:
        """The items the rows were made from."""
        kind = self.kind
        return [kind(*row) for row in rows]


class DocumentLayout:
    """A document's row: its fields in order, `highlights` replaced by their count, then their
    digest and the document's merge key. The highlights themselves are kept in rows of their own."""

    def __init__(self) -> None:
        names = [field.name for field in fields(Document)]
        digest = [f"digest_{field.name}" for field in fields(HighlightDigest)]
        self._count_at = names.index("highlights")
        self._title_at = names.index("title")
        self._field_count = len(names)
        self._digest = slice(len(names), len(names) + len(digest))
        self._merge_key_at = len(names) + len(digest)
        self.columns = (*names[: self._count_at], "highlight_count", *names[self._count_at + 1 :], *digest, "merge_key")
        # The columns that keep each field of Document (the merge key is derived from them).
        self.field_columns = {name: (name,) for name in names} | {"highlights": ("highlight_count", *digest)}
        self._values = attrgetter(*names)
        self._digest_values = attrgetter(*(field.name for field in fields(HighlightDigest)))
        self._tuple_columns = _tuple_columns(Document)

    def row(self, document: Document) -> Row:
        """The document as a row, ready for marshal (without its highlights)."""
        values = list(self._values(document))
        values[self._count_at] = len(document.highlights)
        for index in self._tuple_columns:
            values[index] = tuple(values[index])
        return (*values, *self._digest_values(document.digest), document_key(document))

    def check(self, row: Row) -> None:
        """Refuse a row of another shape (from a cache the layout was not derived for)."""
        shaped = len(row) == len(self.columns) and isinstance(row[self._title_at], str)
        if not (shaped and isinstance(row[self._count_at], int)):
            raise TypeError("a document row of another shape")

    def document(self, row: Row, highlights: Sequence[Highlight]) -> Document:
        """The document the row was made from, carrying these highlights."""
        count_at = self._count_at
        values: Row = (*row[:count_at], highlights, *row[count_at + 1 : self._field_count])
        return Document(*values)

    def highlight_count(self, row: Row) -> int:
        """How many highlights the row's document has."""
        return cast(int, row[self._count_at])

    def digest(self, row: Row) -> HighlightDigest:
        """The digest of the row's highlights."""
        return HighlightDigest(*row[self._digest])

    def merge_key(self, row: Row) -> str:
        """The row's document's `document_key`, kept so that merging needs no highlight."""
        return cast(str, row[self._merge_key_at])

    def named(self, row: Row) -> dict[str, Any]:
        """The row's values by column name (for reading a row, not for loading many)."""
        return dict(zip(self.columns, row, strict=True))


def _tuple_columns(kind: type[Flat] | type[Document]) -> tuple[int, ...]:
    # str(): the annotation as written, whether or not the model postpones its annotations.
    return tuple(index for index, field in enumerate(fields(kind)) if str(field.type) == _TUPLE_TYPE)


def _with_tuple(row: Row, index: int) -> Row:
    return (*row[:index], tuple(row[index]), *row[index + 1 :])


DOCUMENT_LAYOUT = DocumentLayout()
HIGHLIGHT_LAYOUT = RowLayout(Highlight)
SKIPPED_LAYOUT = RowLayout(Skipped)
PROBLEM_LAYOUT = RowLayout(Problem)


def summary_from(blob: object) -> tuple[FolderState, Summary]:
    assert isinstance(blob, bytes), "summary"
    state, (documents, highlights, skipped, problems) = marshal.loads(blob)
    folder_state: FolderState = {name: value if isinstance(value, str) else FileKey(*value) for name, value in state}
    found = tuple(SKIPPED_LAYOUT.items(skipped)), tuple(PROBLEM_LAYOUT.items(problems))
    return folder_state, Summary(documents, highlights, *found)


def outline_of(result: ParseResult) -> Outline:
    """A parse result as plain tuples, without highlights (each document's digest instead)."""
    documents = [DOCUMENT_LAYOUT.row(document) for document in result.documents]
    return (documents, SKIPPED_LAYOUT.rows(result.skipped), PROBLEM_LAYOUT.rows(result.problems))


def highlight_rows(name: str, key: FileKey, result: ParseResult) -> Iterator[tuple[object, ...]]:
    for position, document in enumerate(result.documents):
        rows = HIGHLIGHT_LAYOUT.rows(document.highlights)
        for block, start in enumerate(range(0, max(len(rows), 1), HIGHLIGHT_BLOCK)):  # a row even for none
            blob = marshal.dumps(rows[start : start + HIGHLIGHT_BLOCK])
            yield (name, position, block, key.size, key.mtime_ns, blob)


def highlights_in(blob: bytes) -> list[Highlight]:
    """The highlights of one row of the highlights table."""
    return HIGHLIGHT_LAYOUT.items(marshal.loads(blob))


def cache_rows(name: str, key: FileKey, result: ParseResult) -> CacheRows:
    """What the cache keeps of a parse result: its outline, its highlight rows and its search index rows."""
    blocks = list(highlight_rows(name, key, result))
    return (name, key, outline_of(result), blocks, search_rows(name, result.documents))


def result_from(outline: Outline, document: Callable[[int, Row], Document]) -> ParseResult:
    """The parse result an outline was made from, each document built by `document(position, row)`."""
    documents, skipped, problems = outline
    return ParseResult(
        tuple([document(position, row) for position, row in enumerate(documents)]),
        tuple(SKIPPED_LAYOUT.items(skipped)),
        tuple(PROBLEM_LAYOUT.items(problems)),
    )


def result_in_memory(outline: Outline, rows: list[tuple[Any, ...]]) -> ParseResult:
    """A parse result rebuilt from cache rows that could not be written (highlights kept in memory)."""
    by_document: dict[int, list[Highlight]] = {}
    for _, position, _, _, _, blob in rows:
        by_document.setdefault(position, []).extend(highlights_in(blob))

    def document(position: int, row: Row) -> Document:
        return DOCUMENT_LAYOUT.document(row, tuple(by_document.get(position, ())))

    return result_from(outline, document)


def summary_blob(state: FolderState, summary: Summary) -> bytes:
    pairs = [(name, value if isinstance(value, str) else (value.size, value.mtime_ns)) for name, value in state.items()]
    skipped, problems = SKIPPED_LAYOUT.rows(summary.skipped), PROBLEM_LAYOUT.rows(summary.problems)
    return marshal.dumps((pairs, (summary.documents, summary.highlights, skipped, problems)))
