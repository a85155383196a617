"""What the parse cache stores of a parsed file, as plain tuples in `marshal` form (no Textual).

A file's outline is its documents without their highlights (each with a digest of them and its
merge key), its skipped reasons and its problems; its highlights are rows of marshalled tuples,
a block of them per row. Loading ten thousand outlines costs a fraction of reading the files.
"""

from __future__ import annotations

import marshal
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from hltui.model import Document, Highlight, ParseResult, Problem, Skipped, document_key

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


# A parse result in marshal form: documents' fields (with a digest for highlights), skipped, problems.
Outline = tuple[list[tuple[Any, ...]], list[tuple[str, str]], list[tuple[str, str, int | None]]]
# One parsed file as the cache keeps it: name, key, outline, highlight rows (marshal blobs).
CacheRows = tuple[str, FileKey, Outline, list[tuple[Any, ...]]]
UNREADABLE = (ValueError, TypeError, EOFError, AssertionError, IndexError)
# Document fields, then the highlights' count, tags, favourite flag and notes, the date it was
# updated, then the merge key.
OUTLINE_FIELDS = 15


def summary_from(blob: object) -> tuple[FolderState, Summary]:
    assert isinstance(blob, bytes), "summary"
    state, (documents, highlights, skipped, problems) = marshal.loads(blob)
    folder_state: FolderState = {name: value if isinstance(value, str) else FileKey(*value) for name, value in state}
    summary = Summary(
        documents, highlights, tuple(Skipped(*item) for item in skipped), tuple(Problem(*item) for item in problems)
    )
    return folder_state, summary


def outline_of(result: ParseResult) -> Outline:
    """A parse result as plain tuples, without highlights (each document's digest instead)."""
    documents = []
    for document in result.documents:
        digest = document.digest
        fields = (document.title, document.source_path, document.full_title, document.author, document.category)
        more = (document.url, tuple(document.tags), document.summary, document.note)
        counts = (len(document.highlights), digest.tags, digest.has_favorite, digest.notes)
        documents.append((*fields, *more, *counts, document.updated, document_key(document)))
    skipped = [(item.path, item.reason) for item in result.skipped]
    problems = [(item.path, item.message, item.line) for item in result.problems]
    return (documents, skipped, problems)


def highlight_rows(name: str, key: FileKey, result: ParseResult) -> Iterator[tuple[object, ...]]:
    for position, document in enumerate(result.documents):
        fields = [_highlight_fields(highlight) for highlight in document.highlights]
        for block, start in enumerate(range(0, max(len(fields), 1), HIGHLIGHT_BLOCK)):  # a row even for none
            blob = marshal.dumps(fields[start : start + HIGHLIGHT_BLOCK])
            yield (name, position, block, key.size, key.mtime_ns, blob)


def _highlight_fields(h: Highlight) -> tuple[object, ...]:
    """A highlight as the tuple `Highlight(*fields)` rebuilds it from: every field, in order."""
    return (h.text, h.note, tuple(h.tags), h.location, h.url, h.section, h.id, h.added)


def cache_rows(name: str, key: FileKey, result: ParseResult) -> CacheRows:
    """What the cache keeps of a parse result: its outline and its highlight rows."""
    return (name, key, outline_of(result), list(highlight_rows(name, key, result)))


def result_in_memory(outline: Outline, rows: list[tuple[Any, ...]]) -> ParseResult:
    """A parse result rebuilt from cache rows that could not be written (highlights kept in memory)."""
    documents, skipped, problems = outline
    by_document: dict[int, list[Highlight]] = {}
    for _, position, _, _, _, blob in rows:
        by_document.setdefault(position, []).extend(Highlight(*fields) for fields in marshal.loads(blob))
    built = []
    for position, fields in enumerate(documents):
        title, path, full_title, author, category, url, tags, summary, note = fields[:9]
        highlights = tuple(by_document.get(position, ()))
        updated = fields[OUTLINE_FIELDS - 2]  # just before the merge key
        built.append(Document(title, path, full_title, author, category, url, tags, summary, note, highlights, updated))
    return ParseResult(
        tuple(built), tuple(Skipped(*item) for item in skipped), tuple(Problem(*item) for item in problems)
    )


def summary_blob(state: FolderState, summary: Summary) -> bytes:
    pairs = [(name, value if isinstance(value, str) else (value.size, value.mtime_ns)) for name, value in state.items()]
    skipped = [(item.path, item.reason) for item in summary.skipped]
    problems = [(item.path, item.message, item.line) for item in summary.problems]
    return marshal.dumps((pairs, (summary.documents, summary.highlights, skipped, problems)))
