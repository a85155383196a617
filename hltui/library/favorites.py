"""Favorite highlights: tagged `favorite` in the exports or starred in a review (no Textual)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from hltui.model import Document, Highlight

# Whether a highlight was starred outside the exports (in a review), asked with its document.
StarredElsewhere = Callable[[Document, Highlight], bool]


def favorite_indexes(document: Document, starred: StarredElsewhere | None = None) -> list[int]:
    """Positions of a document's favorite highlights, in reading order."""
    return [
        index
        for index, highlight in enumerate(document.highlights)
        if highlight.is_favorite or (starred is not None and starred(document, highlight))
    ]


def favorite_highlights(
    documents: Iterable[Document],
    starred: StarredElsewhere | None = None,
    starred_documents: Callable[[Document], bool] | None = None,
) -> Iterator[tuple[Document, int]]:
    """Every favorite highlight of the library as (document, position), documents by title, as found.

    Only documents whose digest (or the review database) says they hold a favorite have their
    highlights read, so a library of stored highlights is not fetched whole; the first ones can be
    shown while the rest are still being read.
    """
    for document in sorted(documents, key=lambda document: document.title.casefold()):
        may_hold = document.digest.has_favorite or (starred_documents is not None and starred_documents(document))
        if may_hold:
            yield from ((document, index) for index in favorite_indexes(document, starred))


def only_these(document: Document, indexes: Sequence[int]) -> Document:
    """The document showing only the highlights at these positions (the same highlight objects)."""
    return replace(document, highlights=tuple(document.highlights[index] for index in indexes))


@dataclass(frozen=True, slots=True)
class Subset:
    """Some of a document's highlights, by their positions in it: what the pane shows with favorites only."""

    indexes: tuple[int, ...]

    def document_index(self, position: int) -> int:
        """Where the highlight shown at `position` is in the whole document."""
        return self.indexes[position] if 0 <= position < len(self.indexes) else position

    def position_of(self, document_index: int) -> int | None:
        """Where a highlight of the document is shown (None when it is left out)."""
        return self.indexes.index(document_index) if document_index in self.indexes else None

    def nearest_position(self, document_index: int) -> int:
        """The first shown highlight at or after `document_index`, else the last one shown."""
        return next((at for at, index in enumerate(self.indexes) if index >= document_index), len(self.indexes) - 1)
