"""The query language: words, "phrases", prefix*, #tags, field and state filters, -exclusions (no Textual).

thoreau walden         every word, in any field of a highlight or its document
"the mass of men"      these words in this order
desp*                  words starting so (the word still being typed, too, from three letters)
#stoicism              tagged so, or with a tag nested under it (stoicism/ethics)
author:thoreau         title:, author:, category: look in that field of the document only
is:favorite is:due has:note
-word                  leaves out what holds the word (or "phrase", or field:word)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hltui.library.search_rows import tag_path, words_of

DOCUMENT_FIELDS = ("title", "author", "category")
STATES = {"is:favorite": "favorite", "is:fav": "favorite", "is:starred": "favorite", "is:due": "due"}
STATES |= {"has:note": "note", "has:notes": "note"}
# A word being typed is taken as a prefix from this many letters: shorter ones would match half the index.
PREFIX_FROM = 3
# The query language as the help screen and the README show it: an example, and what it finds.
SYNTAX: tuple[tuple[str, str], ...] = (
    ("thoreau walden", "every word, in a highlight, its note or tags, or its document's title, author, tags"),
    ('"the mass of men"', "these words, in this order"),
    ("desp*", "words starting so (the word being typed counts, from three letters)"),
    ("#stoicism", "tagged so, or with a tag under it (stoicism/ethics); the document's tags count"),
    ("author:thoreau", "title:, author:, category: look in that field of the document"),
    ("is:favorite", "favorites (tagged, or starred); is:due (due today), has:note (yours too)"),
    ("-word", "leaves out what holds the word"),
    ("desperaton", "a typo is forgiven when little is found (5+ letters, not the first one)"),
)
_PIECE = re.compile(r'(-?)(?:([A-Za-z]+):)?("[^"]*(?:"|$)|\S+)')


@dataclass(frozen=True, slots=True)
class Words:
    """Folded words that must follow each other in one field; the last one may be a prefix."""

    tokens: tuple[str, ...]
    prefix: bool = False
    field: str | None = None  # None: any field; else one of DOCUMENT_FIELDS


@dataclass(frozen=True, slots=True)
class TagFilter:
    """A tag path to hold (itself or nested under it), or, while typed, the start of one."""

    path: str
    prefix: bool = False

    def holds(self, paths: list[str]) -> bool:
        """Whether one of these tag paths is this tag, is nested under it, or (a prefix) starts with it."""
        if self.prefix:
            return any(path.startswith(self.path) for path in paths)
        return any(path == self.path or path.startswith(self.path + "/") for path in paths)


@dataclass(frozen=True, slots=True)
class Query:
    """What a query asks for; empty when it asks for nothing a search can answer."""

    words: tuple[Words, ...] = ()
    excluded: tuple[Words, ...] = ()
    tags: tuple[TagFilter, ...] = ()
    states: frozenset[str] = frozenset()
    problems: tuple[str, ...] = field(default=())

    @property
    def free_words(self) -> tuple[Words, ...]:
        """The words looked for in every field (not limited to one by `author:` and the like)."""
        return tuple(words for words in self.words if words.field is None)

    @property
    def is_empty(self) -> bool:
        """Nothing to look for (only exclusions, or nothing at all)."""
        return not (self.words or self.tags or self.states)


def parse_query(text: str, *, typing: bool = False) -> Query:
    """The query in a text; `typing`: the last word is still being typed, so it is a prefix too."""
    words: list[Words] = []
    excluded: list[Words] = []
    tags: list[TagFilter] = []
    states: set[str] = set()
    problems: list[str] = []
    pieces = list(_PIECE.finditer(text))
    for number, piece in enumerate(pieces):
        minus, key, body = piece.group(1), (piece.group(2) or "").lower(), piece.group(3)
        still_typed = typing and number == len(pieces) - 1 and not text[piece.end() :].strip() and text[-1:] != " "
        if key and f"{key}:{body.lower()}" in STATES and not minus:
            states.add(STATES[f"{key}:{body.lower()}"])
        elif key in ("is", "has") and still_typed and any(s.startswith(f"{key}:{body.lower()}") for s in STATES):
            continue  # `is:fa` on its way to `is:favorite`
        elif key in ("is", "has"):
            problems.append(f"{key}: takes favorite or due (is:) and note (has:), not {body!r}")
        elif body.startswith("#") and not key and not minus:
            path = tag_path(body)
            if path:
                tags.append(TagFilter(path, prefix=still_typed))
        else:
            field_name = key if key in DOCUMENT_FIELDS else None
            found = _words(body if field_name or not key else piece.group(0).lstrip("-"), field_name, still_typed)
            if found is not None:
                (excluded if minus else words).append(found)
    return Query(tuple(words), tuple(excluded), tuple(tags), frozenset(states), tuple(problems))


def _words(body: str, field_name: str | None, still_typed: bool) -> Words | None:
    """A word or a quoted phrase as folded tokens; a trailing `*` (or still being typed) makes a prefix."""
    quoted = body.startswith('"')
    starred = body.endswith("*") and not quoted
    tokens = tuple(words_of(body.strip('"').rstrip("*")))
    if not tokens:
        return None
    closed = quoted and len(body) > 1 and body.endswith('"')
    typed_prefix = still_typed and not closed and len(tokens[-1]) >= PREFIX_FROM
    return Words(tokens, prefix=starred or typed_prefix, field=field_name)
