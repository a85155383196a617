"""A search result as shown: the highlight's text with the matched words marked, and what matched (no Textual)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hltui.library.search_rows import fold, tag_path, words_of
from hltui.model import Document, Highlight, shown_tags
from hltui.search.plain import Alternatives, Fields, holds, phrase_at
from hltui.search.query import Query, Words
from hltui.search.snippets import merged, snippet

_WORD = re.compile(r"[^\W_]+")
_NOTE_MARK = "  ✎ "
_TEXT_BEFORE_NOTE = 60  # characters of the highlight kept before a matching note


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: a highlight, or a document whose own fields matched (`highlight_index` None)."""

    document: Document
    highlight_index: int | None
    field: str
    snippet: str
    spans: tuple[tuple[int, int], ...]
    score: float


def matched_spans(text: str, query: Query, alternatives: Alternatives | None = None) -> list[tuple[int, int]]:
    """Where the query's words (and phrases, prefixes, typo alternatives) are in the text, joined when touching."""
    if text.isascii():  # lower case keeps every position: split once, in C
        found = list(_WORD.finditer(text.lower()))
        tokens = [word.group() for word in found]
    else:
        found = list(_WORD.finditer(text))
        tokens = [fold(word.group()) for word in found]
    spans: list[tuple[int, int]] = []
    for words in query.words:
        for start in _starts(words, tokens, alternatives):
            spans.append((found[start].start(), found[start + len(words.tokens) - 1].end()))
    return merged(spans)


def _starts(words: Words, tokens: list[str], alternatives: Alternatives | None) -> list[int]:
    """Where in `tokens` the words begin (the first token compared in one pass, the rest where it matched)."""
    head = words.tokens[0]
    if len(words.tokens) == 1 and not words.prefix:
        near = {head, *alternatives.get(head, ())} if alternatives else {head}
        return [start for start, token in enumerate(tokens) if token in near]
    if len(words.tokens) == 1:
        whole = set(alternatives.get(head, ())) if alternatives else set()
        return [start for start, token in enumerate(tokens) if token.startswith(head) or token in whole]
    maybe = [start for start, token in enumerate(tokens) if token == head]
    return [start for start in maybe if phrase_at(words, tokens, start, alternatives)]


def highlight_hit(
    document: Document,
    index: int,
    query: Query,
    own_note: str | None = None,
    alternatives: Alternatives | None = None,
    score: float = 0.0,
    highlight: Highlight | None = None,
) -> SearchHit:
    """The result for a highlight: its text around the first match (or its note's, when only that matched).

    `highlight` stands in for the document's own when the caller has its text, note and tags already
    (the index's row): a document's stored highlights are then not fetched for a snippet.
    """
    highlight = document.highlights[index] if highlight is None else highlight
    spans = matched_spans(highlight.text, query, alternatives)
    label = _highlight_label(document, highlight, query, own_note, alternatives, bool(spans))
    first = spans[0] if spans else (0, 0)
    shown, kept = snippet(highlight.text, first, spans)
    note = next(
        (note for note in (highlight.note, own_note) if note and matched_spans(note, query, alternatives)), None
    )
    if note is not None and not spans:
        lead = _lead(highlight.text)
        note_spans = matched_spans(note, query, alternatives)
        note_shown, note_kept = snippet(note, note_spans[0], note_spans)
        shift = len(lead) + len(_NOTE_MARK)
        shown, kept = lead + _NOTE_MARK + note_shown, tuple((a + shift, b + shift) for a, b in note_kept)
    return SearchHit(document, index, label, shown, kept, score)


def _highlight_label(
    document: Document,
    highlight: Highlight,
    query: Query,
    own_note: str | None,
    alternatives: Alternatives | None,
    in_text: bool,
) -> str:
    """What matched: `highlight`, `note`, `your note`, a tag (`#stoicism/ethics`), `title`, `author`."""
    fields = Fields.of_document(document).with_highlight(highlight, None)
    parts = ["highlight"] if in_text else []
    if any(holds(words, fields.words["note"], alternatives) for words in query.words):
        parts.append("note")
    if own_note and any(holds(words, words_of(own_note), alternatives) for words in query.words):
        parts.append("your note")
    if any(holds(words, fields.words["htags"], alternatives) for words in query.words):
        parts.append("highlight tag")
    if not parts:  # found by its document's fields (an `author:` filter, a word of the title)
        for name, label in (("title", "title"), ("author", "author"), ("dtags", "tag")):
            if any(holds(words, fields.words[name], alternatives) for words in query.words):
                parts.append(label)
    tags = [*shown_tags(document.tags), *shown_tags(highlight.tags)]
    for tag_filter in query.tags:
        parts += [f"#{tag}" for tag in tags if tag_filter.holds([tag_path(tag)])][:1]
    if "favorite" in query.states:
        parts.append("favorite")
    return " · ".join(dict.fromkeys(parts)) or "highlight"


def document_hit(
    document: Document, query: Query, alternatives: Alternatives | None = None, score: float = 0.0
) -> SearchHit:
    """The result for a document whose title, author or tags matched: that field, marked."""
    tags = " ".join(shown_tags(document.tags))
    for label, text in (("title", document.title), ("author", document.author or ""), ("tag", tags)):
        spans = matched_spans(text, query, alternatives)
        if spans:
            shown, kept = snippet(text, spans[0], spans)
            return SearchHit(document, None, label, shown, kept, score)
    return SearchHit(document, None, "title", *snippet(document.title, (0, 0), []), score)


def _lead(text: str) -> str:
    """The start of a highlight on one line, cut after a whole word."""
    line = " ".join(text.split())
    if len(line) <= _TEXT_BEFORE_NOTE:
        return line
    return line[:_TEXT_BEFORE_NOTE].rsplit(" ", 1)[0] + "…"
