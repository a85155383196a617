"""The query language answered by reading fields, word by word as the index's tokenizer splits them (no Textual).

This is how highlights outside the index are searched: a library the index does not hold yet
(being rebuilt, or a cache that could not be written), highlights carrying the reader's own note
or a review state (starred, due), which live in the review database. On the same documents it
finds what the index finds; tests hold the two to that.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from hltui.library.search_rows import tag_path, words_of
from hltui.model import Document, Highlight, shown_tags
from hltui.search.query import Query, Words

# Fields a word without a field is looked for in; the first three are the highlight's own.
HIGHLIGHT_FIELDS = ("text", "note", "htags", "title", "author", "dtags")
OWN_FIELDS = ("text", "note", "htags")
DOCUMENT_FIELDS = ("title", "author", "dtags")
# How much a word counts where it is found (as the index's bm25 weights: a highlight's tag, then its text).
WEIGHTS = {"htags": 5.0, "text": 4.0, "note": 2.0, "title": 1.0, "author": 1.0, "dtags": 1.0, "category": 0.0}
Alternatives = Mapping[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Marks:
    """What the review database says of a highlight: the reader's own note, a star, due."""

    own_note: str | None = None
    starred: bool = False
    due: bool = False


@dataclass(slots=True)
class Fields:
    """The folded words of each field of a highlight (or of a document alone), and its tag paths."""

    words: dict[str, list[str]]
    tag_paths: list[str] = field(default_factory=list)

    @classmethod
    def of_document(cls, document: Document) -> Fields:
        tags = shown_tags(document.tags)
        words = {
            "title": words_of(document.title),
            "author": words_of(document.author or ""),
            "dtags": words_of(" ".join(tags)),
            "category": words_of(document.category or ""),
        }
        return cls(words, [tag_path(tag) for tag in tags])

    def with_highlight(self, highlight: Highlight, own_note: str | None) -> Fields:
        own = shown_tags(highlight.tags)
        notes = " ".join(note for note in (highlight.note, own_note) if note)
        words = self.words | {
            "text": words_of(highlight.text),
            "note": words_of(notes),
            "htags": words_of(" ".join(own)),
        }
        return Fields(words, self.tag_paths + [tag_path(tag) for tag in own])


def phrase_at(words: Words, tokens: list[str], start: int, alternatives: Alternatives | None = None) -> bool:
    """Whether the words follow each other in `tokens` from `start` (the last as a prefix, when one)."""
    wanted = words.tokens
    if start + len(wanted) > len(tokens):
        return False
    for offset, token in enumerate(wanted):
        found = tokens[start + offset]
        last = offset == len(wanted) - 1
        if found == token or (last and words.prefix and found.startswith(token)):
            continue
        if alternatives and len(wanted) == 1 and found in alternatives.get(token, ()):
            continue
        return False
    return True


def holds(words: Words, tokens: list[str], alternatives: Alternatives | None = None) -> bool:
    """Whether the words are somewhere in these tokens."""
    if len(words.tokens) == 1 and not words.prefix:  # the common case, in C: one word, whole
        word = words.tokens[0]
        near = alternatives.get(word, ()) if alternatives else ()
        return word in tokens or any(other in tokens for other in near)
    return any(phrase_at(words, tokens, start, alternatives) for start in range(len(tokens)))


def score(query: Query, fields: Fields, alternatives: Alternatives | None, names: tuple[str, ...]) -> float | None:
    """How well these fields answer the query (higher is better), or None when they do not."""
    total = 0.0
    for words in query.words:
        where = (words.field,) if words.field else names
        found = [WEIGHTS[name] for name in where if holds(words, fields.words.get(name, []), alternatives)]
        if not found:
            return None
        total += max(found)
    own = OWN_FIELDS if names is HIGHLIGHT_FIELDS else ()
    free = query.free_words
    if own and free and not any(holds(w, fields.words[name], alternatives) for w in free for name in own):
        return None
    for words in query.excluded:
        where = (words.field,) if words.field else names
        if any(holds(words, fields.words.get(name, [])) for name in where):
            return None
    if not all(tag.holds(fields.tag_paths) for tag in query.tags):
        return None
    return total


def state_holds(query: Query, highlight: Highlight, marks: Marks) -> bool:
    """Whether the highlight is in every state asked for (favorite, due, with a note)."""
    states = {
        "favorite": highlight.is_favorite or marks.starred,
        "note": bool(highlight.note or marks.own_note),
        "due": marks.due,
    }
    return all(states[state] for state in query.states)


# One plain answer: its score, the document, the highlight's index (None: the document itself).
Found = tuple[float, Document, int | None]


def answers_in(
    document: Document,
    query: Query,
    marks: Callable[[Document, int, Highlight], Marks] | None = None,
    alternatives: Alternatives | None = None,
    indexes: Iterable[int] | None = None,
) -> Iterator[Found]:
    """The document (when its own fields answer) and its highlights (or those at `indexes`) that answer."""
    fields = Fields.of_document(document)
    if indexes is None and query.free_words and not query.states:
        found = score(query, fields, alternatives, DOCUMENT_FIELDS)
        if found is not None:
            yield found, document, None
    highlights = document.highlights
    for index in range(len(highlights)) if indexes is None else indexes:
        highlight = highlights[index]
        mark = marks(document, index, highlight) if marks is not None else Marks()
        if not state_holds(query, highlight, mark):
            continue
        found = score(query, fields.with_highlight(highlight, mark.own_note), alternatives, HIGHLIGHT_FIELDS)
        if found is not None:
            yield found, document, index
