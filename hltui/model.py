"""The domain objects: documents and their highlights (no Textual here)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

CATEGORIES: tuple[str, ...] = ("books", "articles", "tweets", "podcasts", "supplementals")
FAVORITE_TAG = "favorite"
# A highlight is a favorite when tagged so, or with Readwise's `.favorite` action tag.
FAVORITE_TAGS = frozenset({FAVORITE_TAG, ".favorite"})
# Readwise's action tags: instructions to Readwise, never shown as tags (parsing/action_tags.py applies them).
_ACTION_TAG = re.compile(r"^\.(?:favorite|discard|h[1-6]|c\d+)$", re.IGNORECASE)
DISCARD_TAG = ".discard"


def is_action_tag(tag: str) -> bool:
    """Whether a tag is one of Readwise's action tags (`.favorite`, `.discard`, `.h1`-`.h6`, `.c1`...)."""
    return bool(_ACTION_TAG.match(tag))


def shown_tags(tags: Iterable[str]) -> list[str]:
    """The tags to show: action tags are instructions to Readwise, not tags."""
    return [tag for tag in tags if not is_action_tag(tag)]


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
    # When it was highlighted, ISO 8601: `2022-12-14T21:18`, or `2022-12-14` when no time is known.
    added: str | None = None

    @property
    def is_favorite(self) -> bool:
        """Whether the export marks this highlight a favorite (a `favorite` or `.favorite` tag)."""
        return any(tag.casefold() in FAVORITE_TAGS for tag in self.tags)

    @property
    def is_discarded(self) -> bool:
        """Whether the export says never to review it (Readwise's `.discard` action tag)."""
        return any(tag.casefold() == DISCARD_TAG for tag in self.tags)


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
    # A tuple from the parser; StoredHighlights when the parse cache keeps them until asked for.
    highlights: Sequence[Highlight] = field(default=())
    # When it last changed, as `Highlight.added`: an update field of the export or its latest highlight.
    updated: str | None = None

    @property
    def digest(self) -> HighlightDigest:
        """What the tree and the counts need of the highlights, without loading stored ones."""
        if isinstance(self.highlights, StoredHighlights):
            return self.highlights.digest
        return HighlightDigest.of(self.highlights)

    @property
    def is_favorite(self) -> bool:
        """Whether the document holds a favorite highlight. Favorite is said of highlights only: a
        document's own `favorite` tag is a tag like any other."""
        return self.digest.favorites > 0

    @property
    def note_count(self) -> int:
        """How many highlights carry a note."""
        return self.digest.notes


@dataclass(frozen=True, slots=True)
class HighlightDigest:
    """A summary of a document's highlights: their tags, favorites and notes."""

    tags: tuple[str, ...] = ()
    favorites: int = 0  # how many highlights the export marks favorite
    notes: int = 0

    @property
    def has_favorite(self) -> bool:
        """Whether a highlight is marked favorite."""
        return self.favorites > 0

    @classmethod
    def of(cls, highlights: Sequence[Highlight]) -> HighlightDigest:
        """The digest of loaded highlights; tags each once, in first-seen order."""
        tags: dict[str, None] = {}
        notes = favorites = 0
        for highlight in highlights:
            tags.update(dict.fromkeys(highlight.tags))
            notes += highlight.note is not None and highlight.note != ""
            favorites += highlight.is_favorite
        return cls(tuple(tags), favorites, notes)


class StoredHighlights(Sequence[Highlight]):
    """A document's highlights kept elsewhere (the parse cache) and fetched when read.

    Its length and digest are known without fetching, so a library of 200,000 highlights
    is browsed with only the open document's highlights in memory.
    """

    __slots__ = ("_block_size", "_count", "_fetch", "_fetch_block", "digest", "source")

    def __init__(
        self,
        count: int,
        digest: HighlightDigest,
        fetch: Callable[[], tuple[Highlight, ...]],
        source: tuple[object, ...] = (),
        blocks: tuple[int, Callable[[int], tuple[Highlight, ...]]] | None = None,
    ) -> None:
        self._count = count
        self.digest = digest
        self._fetch = fetch
        # Where they are kept (file name, size, time, position): identifies them across runs.
        self.source = source
        # Kept in blocks of this size: reading one highlight of a long book fetches its block only.
        self._block_size = blocks[0] if blocks else 0
        self._fetch_block: Callable[[int], tuple[Highlight, ...]] | None = blocks[1] if blocks else None

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Highlight: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Highlight]: ...
    def __getitem__(self, index: int | slice) -> Highlight | Sequence[Highlight]:
        if isinstance(index, int) and self._fetch_block is not None:
            position = index + self._count if index < 0 else index
            if not 0 <= position < self._count:
                raise IndexError("highlight index out of range")
            return self._fetch_block(position // self._block_size)[position % self._block_size]
        return self._fetch()[index]

    def __iter__(self) -> Iterator[Highlight]:
        return iter(self._fetch())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == self._count and tuple(self._fetch()) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._fetch())

    def __repr__(self) -> str:
        return f"StoredHighlights({self._count} highlights)"


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


# Identity: when two parsed documents or highlights are the same one (merging, review ids, keeping the
# reader's place across a reload). It lives with the objects so that no layer needs the parser for it.

_NOT_ASCII_ALPHANUMERIC = re.compile(r"[^0-9a-z]+")


def identity(text: str) -> str:
    """A loose comparison key: case, accents, punctuation and spacing ignored."""
    if text.isascii():  # nothing to decompose, and casefold() is lower(): one substitution does it
        return _NOT_ASCII_ALPHANUMERIC.sub("", text.lower())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if char.isalnum())


def document_key(document: Document) -> str:
    """Same URL, or else same title and author, means the same document."""
    if document.url:
        return "url:" + document.url.strip().rstrip("/").casefold()
    return f"title:{identity(document.title)}|{identity(document.author or '')}"


def highlight_key(highlight: Highlight) -> str:
    """Identical text at the same place with the same id is the same highlight.

    A no-break space counts as a space. Two highlights of one passage made at different times
    carry different ids (a `View Highlight` link, a `^rw` block id), and stay two.
    """
    text = " ".join(highlight.text.split()).casefold()
    return f"{text}|{highlight.location or ''}|{highlight.id or highlight.url or ''}"
