"""Typo-tolerant search over titles, authors, tags, highlights and notes (no Textual here)."""

from __future__ import annotations

import heapq
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate, count
from typing import NamedTuple

from hltui.model import Document

# One exact word outweighs everything else, so exact matches always rank above fuzzy ones.
# Field weights are spaced wider than all the bonuses together, so the field decides next.
_EXACT_WORD_BONUS = 100.0
_FIELD_WEIGHTS = {"title": 15.0, "author": 12.0, "tag": 9.0, "highlight": 6.0, "note": 3.0}
_PHRASE_BONUS = 1.0
_WORD_START_BONUS = 1.0
_SHORTNESS_BONUS = 0.5
_HALF_SHORTNESS_LENGTH = 100  # a field this long gets half the shortness bonus
_SNIPPET_WIDTH = 120
_SNIPPET_LEAD = 30  # characters of context kept before the match
_ELLIPSIS = "…"
_STOP_CHECK_EVERY = 500  # fields searched between two calls to should_stop
_NEAR_CACHE_SIZE = 2000
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result."""

    document: Document
    highlight_index: int | None
    field: str
    snippet: str
    spans: tuple[tuple[int, int], ...]
    score: float


@cache
def _mark_runs() -> re.Pattern[str]:
    """Runs of combining marks, or of characters beyond the BMP (few, and sorted out by `_without_marks`).

    Listing the ~200 marks beyond the BMP in the class would make the regex engine test ranges one by one,
    ten times slower than its bitmap for the BMP; one range for the whole astral plane keeps the bitmap.
    """
    marks = "".join(chr(code) for code in range(0x10000) if unicodedata.combining(chr(code)))
    return re.compile(f"[{re.escape(marks)}\U00010000-\U0010ffff]+")


def _without_marks(run: re.Match[str]) -> str:
    """A run found by `_mark_runs` without its combining marks."""
    return "".join(char for char in run.group() if not unicodedata.combining(char))


def fold(text: str) -> str:
    """Case- and accent-insensitive form used for matching (casefold + strip combining marks)."""
    if text.isascii():
        return text.lower()  # the same as the full fold for ASCII, and several times faster
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return decomposed if decomposed.isascii() else _mark_runs().sub(_without_marks, decomposed)


class _FoldedLengths(dict[str, int]):
    """How many characters each character folds to, remembered."""

    def __missing__(self, char: str) -> int:
        length = self[char] = len(fold(char))
        return length


_FOLDED_LENGTHS = _FoldedLengths()


def _folded_ends(text: str) -> list[int] | None:
    """Where each character's folded form ends in fold(text); None when folding keeps every position.

    Folding a string equals folding each character and joining (casefold and NFKD work per character,
    and the marks NFKD may reorder are all stripped), so these ends index into fold(text).
    """
    if text.isascii():
        return None
    return list(accumulate(map(_FOLDED_LENGTHS.__getitem__, text)))


def _to_original(folded_ends: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """The original span of a folded span: whole characters, with the accents that follow the last one."""
    if folded_ends is None:
        return start, end
    return bisect_right(folded_ends, start), bisect_right(folded_ends, end)


class _Field(NamedTuple):
    """One searchable string of a document and its folded form."""

    highlight_index: int | None
    name: str
    text: str
    folded: str


class _Entry(NamedTuple):
    """A document and its searchable fields, in display order."""

    document: Document
    fields: tuple[_Field, ...]


class _Candidate(NamedTuple):
    """A matching field before the cut to `limit`; sorts best first, then in library order."""

    rank: float  # the negated score
    order: int
    document: Document
    field: _Field


def _fields_of(document: Document) -> Iterator[tuple[int | None, str, str]]:
    """Every searchable string of a document: title, author, each tag, each highlight's text and note."""
    yield None, "title", document.title
    if document.author:
        yield None, "author", document.author
    for tag in document.tags:
        yield None, "tag", tag
    for index, highlight in enumerate(document.highlights):
        yield index, "highlight", highlight.text
        if highlight.note:
            yield index, "note", highlight.note


def _entry_for(document: Document) -> _Entry:
    """A document with every field folded once, up front."""
    fields = tuple(_Field(index, name, text, fold(text)) for index, name, text in _fields_of(document))
    return _Entry(document, fields)


def _words_by_length(entries: Iterable[_Entry]) -> dict[int, tuple[str, ...]]:
    """The folded vocabulary grouped by length, so a typo look-up only scans words of a near length."""
    tokens: set[str] = set()
    for entry in entries:
        for field in entry.fields:
            tokens.update(field.folded.split())  # splitting first, then regex on the few distinct tokens, is fast
    words: set[str] = set()
    for token in tokens:
        if token.isalpha():
            words.add(token)
        else:
            words.update(_WORD.findall(token))
    grouped: dict[int, list[str]] = {}
    for word in sorted(words):
        grouped.setdefault(len(word), []).append(word)
    return {length: tuple(group) for length, group in grouped.items()}


def _typo_limit(word: str) -> int:
    """How many edits a query word tolerates: none below 4 letters, 2 from 8; numbers must be exact."""
    if len(word) < 4 or not word.isalpha():
        return 0
    return 2 if len(word) >= 8 else 1


def _within_distance(first: str, second: str, limit: int) -> bool:
    """Whether two words are at most `limit` edits apart, a swap of neighbours counting as one (Damerau)."""
    before_previous: list[int] = []
    previous = list(range(len(second) + 1))
    for row in range(1, len(first) + 1):
        current = _next_row(first, second, row, previous, before_previous)
        if min(current) > limit:
            return False  # every later row only grows
        before_previous, previous = previous, current
    return previous[-1] <= limit


def _next_row(first: str, second: str, row: int, previous: list[int], before_previous: list[int]) -> list[int]:
    """One row of the optimal-string-alignment distance table."""
    current = [row] + [0] * len(second)
    char = first[row - 1]
    for column in range(1, len(second) + 1):
        cost = 0 if char == second[column - 1] else 1
        value = min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + cost)
        if row > 1 and column > 1 and char == second[column - 2] and first[row - 2] == second[column - 1]:
            value = min(value, before_previous[column - 2] + 1)
        current[column] = value
    return current


@dataclass(frozen=True, slots=True)
class _QueryWord:
    """One folded query word and the vocabulary words it may be a typo of."""

    text: str
    at_word_start: re.Pattern[str]
    near_words: tuple[str, ...]
    near_pattern: re.Pattern[str] | None

    def matches_nearly(self, folded: str) -> bool:
        """Whether a word within typo distance appears in the field as a whole word."""
        if self.near_pattern is None or not any(word in folded for word in self.near_words):
            return False  # the plain substring tests rule out most fields far faster than the regex
        return self.near_pattern.search(folded) is not None

    def occurrences(self, folded: str) -> Iterator[tuple[int, int]]:
        """Folded spans of every exact occurrence, or of the near words when there is none."""
        if self.text not in folded:
            if self.near_pattern is not None:
                yield from (match.span() for match in self.near_pattern.finditer(folded))
            return
        start = folded.find(self.text)
        while start >= 0:
            yield start, start + len(self.text)
            start = folded.find(self.text, start + len(self.text))


@dataclass(frozen=True, slots=True)
class _Query:
    """A prepared query: its words (all must match) and the phrase they form."""

    words: tuple[_QueryWord, ...]
    phrase: str

    def match(self, folded: str) -> tuple[bool, ...] | None:
        """For each word whether it occurs exactly (True) or only as a typo (False); None if one is missing."""
        exactness = tuple(word.text in folded for word in self.words)
        if all(exactness):
            return exactness
        for word, exact in zip(self.words, exactness, strict=True):
            if not exact and not word.matches_nearly(folded):
                return None
        return exactness

    def score(self, field: _Field, exactness: tuple[bool, ...]) -> float:
        """Exact words first, then the field, then phrase, word starts and shortness."""
        folded = field.folded
        word_starts = sum(
            1
            for word, exact in zip(self.words, exactness, strict=True)
            if not exact or word.at_word_start.search(folded)  # near words are always whole words
        )
        score = _EXACT_WORD_BONUS * sum(exactness) + _FIELD_WEIGHTS[field.name]
        score += _WORD_START_BONUS * word_starts / len(self.words)
        if self.phrase in folded:
            score += _PHRASE_BONUS
        return score + _SHORTNESS_BONUS * _HALF_SHORTNESS_LENGTH / (_HALF_SHORTNESS_LENGTH + len(folded))

    def spans_in(self, field: _Field) -> tuple[tuple[int, int], list[tuple[int, int]]]:
        """The original span to centre a snippet on (the longest word's first match) and all spans, merged."""
        ends = _folded_ends(field.text)
        per_word = [[_to_original(ends, *span) for span in word.occurrences(field.folded)] for word in self.words]
        longest = max(range(len(self.words)), key=lambda position: len(self.words[position].text))
        anchor = per_word[longest][0] if per_word[longest] else (0, 0)
        return anchor, _merged(span for spans in per_word for span in spans)


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans sorted, with overlapping or touching ones joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class _StopCheck:
    """Asks should_stop every few hundred fields, and remembers a yes."""

    def __init__(self, should_stop: Callable[[], bool] | None) -> None:
        self._should_stop = should_stop
        self._countdown = _STOP_CHECK_EVERY
        self.stopped = False

    def due(self) -> bool:
        """Whether the search should stop now."""
        self._countdown -= 1
        if self._countdown > 0 or self._should_stop is None:
            return self.stopped
        self._countdown = _STOP_CHECK_EVERY
        self.stopped = self.stopped or self._should_stop()
        return self.stopped


def _is_blank(char: str) -> bool:
    """Whitespace or a control character: shown as a space in a snippet."""
    return char.isspace() or unicodedata.category(char) == "Cc"


def _one_line(text: str) -> tuple[str, list[int]]:
    """Text with each run of blanks as one space and no blank at either end; where each position lands."""
    chars: list[str] = []
    positions: list[int] = []
    for char in text:
        positions.append(len(chars))
        if not _is_blank(char):
            chars.append(char)
        elif chars and chars[-1] != " ":
            chars.append(" ")
    positions.append(len(chars))
    line = "".join(chars).rstrip(" ")
    return line, [min(position, len(line)) for position in positions]


def _window(length: int, anchor: tuple[int, int]) -> tuple[int, int]:
    """The stretch of text to show: all of it when short, else from a little before the anchor."""
    if length <= _SNIPPET_WIDTH:
        return 0, length
    width = _SNIPPET_WIDTH - 2 * len(_ELLIPSIS)
    start = min(max(0, anchor[0] - _SNIPPET_LEAD), length - width)
    return start, start + width


def _whole_words(line: str, anchor: tuple[int, int], cut_start: bool, cut_end: bool) -> tuple[int, int]:
    """Where to trim a line cut mid-word so it starts and ends on whole words, keeping the anchor."""
    start = line.find(" ", 0, anchor[0]) + 1 if cut_start else 0
    end = line.rfind(" ", anchor[1]) if cut_end else -1
    return start, end if end >= 0 else len(line)


def _snippet(
    text: str, anchor: tuple[int, int], spans: list[tuple[int, int]]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """One line of about 120 characters around the anchor, and the spans inside it in its positions."""
    start, end = _window(len(text), anchor)
    line, positions = _one_line(text[start:end])
    line_anchor = (positions[max(anchor[0] - start, 0)], positions[min(anchor[1], end) - start])
    mid_word_start = start > 0 and not _is_blank(text[start - 1])
    mid_word_end = end < len(text) and not _is_blank(text[end])
    trim_start, trim_end = _whole_words(line, line_anchor, mid_word_start, mid_word_end)
    prefix = _ELLIPSIS if text[:start].strip() else ""
    suffix = _ELLIPSIS if text[end:].strip() else ""
    shift = len(prefix) - trim_start
    inside = (
        (positions[span_start - start] + shift, positions[span_end - start] + shift)
        for span_start, span_end in spans
        if start <= span_start and span_end <= end
    )
    kept = tuple(span for span in inside if len(prefix) <= span[0] and span[1] <= len(prefix) + trim_end - trim_start)
    return prefix + line[trim_start:trim_end] + suffix, kept


class SearchIndex:
    """Folded text of every searchable field, built once per library."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self._entries = tuple(_entry_for(document) for document in documents)
        self._words_by_length = _words_by_length(self._entries)
        self._near_cache: dict[str, tuple[str, ...]] = {}  # typing repeats words; this spares the scans

    def search(
        self,
        query: str,
        *,
        within: Collection[Document] | None = None,
        limit: int = 200,
        should_stop: Callable[[], bool] | None = None,
    ) -> list[SearchHit]:
        """The best `limit` hits for every query word, best first; library order among equals."""
        prepared = self._prepare(query)
        if prepared is None or limit <= 0:
            return []
        allowed = None if within is None else {id(document) for document in within}
        candidates = self._candidates(prepared, allowed, _StopCheck(should_stop))
        return [_hit(candidate, prepared) for candidate in heapq.nsmallest(limit, candidates)]

    def _prepare(self, query: str) -> _Query | None:
        """Fold and split the query and look up the typos each word may be."""
        texts = fold(query).split()
        if not texts:
            return None
        return _Query(tuple(self._query_word(text) for text in texts), " ".join(texts))

    def _query_word(self, text: str) -> _QueryWord:
        """A query word with its near words and the patterns that find them."""
        near = self._near_words(text)
        near_pattern = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, near))})(?!\w)") if near else None
        return _QueryWord(text, re.compile(rf"(?<!\w){re.escape(text)}"), near, near_pattern)

    def _near_words(self, word: str) -> tuple[str, ...]:
        """Vocabulary words a typo away from the query word (remembered: typing repeats words)."""
        limit = _typo_limit(word)
        if limit == 0:
            return ()
        near = self._near_cache.get(word)
        if near is None:
            if len(self._near_cache) >= _NEAR_CACHE_SIZE:
                self._near_cache.clear()
            near = self._near_cache[word] = self._scan_vocabulary(word, limit)
        return near

    def _scan_vocabulary(self, word: str, limit: int) -> tuple[str, ...]:
        """Words of a near length that share enough letters, then pass the edit-distance test."""
        letters = set(word)
        return tuple(
            candidate
            for length in range(len(word) - limit, len(word) + limit + 1)
            for candidate in self._words_by_length.get(length, ())
            # each edit removes at most one distinct letter: a cheap test that rejects most words
            if len(letters.difference(candidate)) <= limit
            and candidate != word
            and _within_distance(word, candidate, limit)
        )

    def _candidates(self, query: _Query, allowed: set[int] | None, stop: _StopCheck) -> list[_Candidate]:
        """The best match per field of each allowed document, until done or told to stop."""
        found: list[_Candidate] = []
        order = count()
        for entry in self._entries:
            if allowed is None or id(entry.document) in allowed:
                found.extend(_best_in(entry, query, order, stop))
                if stop.stopped:
                    break
        return found


def _best_in(entry: _Entry, query: _Query, order: Iterator[int], stop: _StopCheck) -> Iterable[_Candidate]:
    """The matching fields of one document: one per title, author and tag field, one per highlight."""
    best: dict[tuple[int | None, str], _Candidate] = {}
    for field in entry.fields:
        if stop.due():
            break
        exactness = query.match(field.folded)
        if exactness is None:
            continue
        # a highlight's text and note share a key, so only the better of the two is kept
        key = (field.highlight_index, "highlight") if field.highlight_index is not None else (None, field.name)
        candidate = _Candidate(-query.score(field, exactness), next(order), entry.document, field)
        if key not in best or candidate.rank < best[key].rank:
            best[key] = candidate
    return best.values()


def _hit(candidate: _Candidate, query: _Query) -> SearchHit:
    """A result with its snippet, built only for the hits that are returned."""
    field = candidate.field
    anchor, spans = query.spans_in(field)
    snippet, snippet_spans = _snippet(field.text, anchor, spans)
    return SearchHit(candidate.document, field.highlight_index, field.name, snippet, snippet_spans, -candidate.rank)
