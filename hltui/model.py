"""The domain objects: documents and their highlights (no Textual here)."""

from __future__ import annotations

from dataclasses import dataclass, field

CATEGORIES: tuple[str, ...] = ("books", "articles", "tweets", "podcasts", "supplementals")
FAVORITE_TAG = "favorite"


@dataclass(frozen=True, slots=True)
class Highlight:
    """One highlighted passage with what the reader attached to it."""

    text: str
    note: str | None = None
    tags: tuple[str, ...] = ()
    location: str | None = None
    url: str | None = None
    section: str | None = None
    # The export's own name for the highlight (`^rw123`, a per-highlight id heading), when shown.
    id: str | None = None

    @property
    def is_favorite(self) -> bool:
        """Whether the reader tagged this highlight `favorite`."""
        return any(tag.casefold() == FAVORITE_TAG for tag in self.tags)


@dataclass(frozen=True, slots=True)
class Document:
    """A book, article, tweet thread or episode and its highlights."""

    title: str
    source_path: str
    full_title: str | None = None
    author: str | None = None
    category: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()
    summary: str | None = None
    note: str | None = None
    highlights: tuple[Highlight, ...] = field(default=())

    @property
    def is_favorite(self) -> bool:
        """Whether the document or any of its highlights is a favorite."""
        if any(tag.casefold() == FAVORITE_TAG for tag in self.tags):
            return True
        return any(highlight.is_favorite for highlight in self.highlights)

    @property
    def note_count(self) -> int:
        """How many highlights carry a note."""
        return sum(1 for highlight in self.highlights if highlight.note)


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong in an input file; the rest of the file still loaded."""

    path: str
    message: str
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file that is not a highlight document, and why it was left out."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class ParseResult:
    """Everything parsing one file produced."""

    documents: tuple[Document, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    problems: tuple[Problem, ...] = ()
