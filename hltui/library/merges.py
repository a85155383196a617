"""Documents seen in several files, merged without fetching their highlights when the cache knows the outcome.

Merging needs every highlight of the copies (repeats are dropped by text), which would undo the
lazy loading of the parse cache at each start. The count and digest of each merge are kept in
the cache, keyed by where the copies' highlights are stored; while those are unchanged, the
merged document fetches and merges its highlights only when it is read.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from hltui.model import Document, Highlight, HighlightDigest, StoredHighlights, document_key
from hltui.parsing.merge import merge_group, unique_highlights

Sources = tuple[tuple[object, ...], ...]
# The search index keeps a merged document's rows under a name of this form (a file's is relative: no `/` first).
MERGED_PREFIX = "//merged/"
# What a merge gave: highlight count, tags, how many highlights are favorites, how many carry a note.
MergeOutcome = tuple[int, tuple[str, ...], int, int]


class MergeMemo:
    """Merges documents that share a key, reusing outcomes known from an earlier run."""

    def __init__(self, known: dict[Sources, MergeOutcome] | None = None) -> None:
        self.known = dict(known or {})
        self.used: dict[Sources, MergeOutcome] = {}  # what this run's library relies on, to keep

    def merge(self, documents: Iterable[Document], known_keys: dict[int, tuple[Document, str]]) -> list[Document]:
        """One document per key, in first-seen order (as `merge_documents`).

        `known_keys` holds the keys of documents built from the cache (by id, with the document).
        """
        groups: dict[str, list[Document]] = {}
        for document in documents:
            known = known_keys.get(id(document))
            key = known[1] if known is not None and known[0] is document else document_key(document)
            groups.setdefault(key, []).append(document)
        return [group[0] if len(group) == 1 else self._merge(group) for group in groups.values()]

    def _merge(self, group: list[Document]) -> Document:
        sources = tuple(_source(document.highlights) for document in group)
        if not all(sources):
            return merge_group(group)  # fresh from the parser: the highlights are in memory anyway
        outcome = self.known.get(sources)
        if outcome is None:
            merged = merge_group(group)
            digest = merged.digest
            outcome = (len(merged.highlights), digest.tags, digest.favorites, digest.notes)
            self.known[sources] = self.used[sources] = outcome
            fetched = tuple(merged.highlights)
            return merge_group(group, StoredHighlights(len(fetched), digest, lambda: fetched, merged_source(sources)))
        self.used[sources] = outcome
        count, tags, favorites, notes = outcome
        digest = HighlightDigest(tags, favorites, notes)
        parts = _MergedHighlights([document.highlights for document in group])
        return merge_group(group, StoredHighlights(count, digest, parts, merged_source(sources)))


def merged_source(sources: Sources) -> tuple[object, ...]:
    """Where a merged document is kept in the search index: a name made from its copies' places, position 0.

    The name changes whenever a copy does, so rows under it are always of the current merge.
    """
    digest = hashlib.sha256(repr(sources).encode()).hexdigest()[:24]  # names, sizes, times, positions
    return (f"{MERGED_PREFIX}{digest}", 0, 0, 0)


def merged_name(document: Document) -> str | None:
    """The search index's name for a document merged from stored copies; None for any other document."""
    highlights = document.highlights
    if not isinstance(highlights, StoredHighlights) or not highlights.source:
        return None
    name = highlights.source[0]
    return name if isinstance(name, str) and name.startswith(MERGED_PREFIX) else None


def _source(highlights: Sequence[Highlight]) -> tuple[object, ...]:
    return highlights.source if isinstance(highlights, StoredHighlights) else ()


class _MergedHighlights:
    """Fetches the copies' highlights and merges them the first time they are read."""

    def __init__(self, parts: list[Sequence[Highlight]]) -> None:
        self.parts = parts
        self.merged: tuple[Highlight, ...] | None = None

    def __call__(self) -> tuple[Highlight, ...]:
        if self.merged is None:
            self.merged = tuple(unique_highlights(highlight for part in self.parts for highlight in part))
        return self.merged
