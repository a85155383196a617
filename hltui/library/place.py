"""Where the reader is (a document and a highlight), found again in a library read anew (no Textual)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from hltui.model import Document, Highlight, document_key, highlight_key


@dataclass(frozen=True, slots=True)
class Place:
    """A document and maybe one of its highlights, by identity rather than by object."""

    document: str
    highlight: str | None = None

    @classmethod
    def of(cls, document: Document, highlight: Highlight | None) -> Place:
        """The place of this document and highlight."""
        return cls(document_key(document), highlight_key(highlight) if highlight is not None else None)

    def find(self, documents: Iterable[Document]) -> tuple[Document, int | None] | None:
        """The document and the highlight's position in it (None when it is gone), or None for no document."""
        for document in documents:
            if document_key(document) == self.document:
                keys = [highlight_key(highlight) for highlight in document.highlights]
                return document, keys.index(self.highlight) if self.highlight in keys else None
        return None
