"""Typo-tolerant search over titles, authors, tags, highlights and notes (no Textual here)."""

from __future__ import annotations

import heapq
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from hltui.model import Document

# One exact word outweighs everything else, so exact matches always rank above fuzzy ones.
# Field weights are spaced wider than all the bonuses together, so the field decides next.
_EXACT_WORD_BONUS = 100.0
_FIELD_WEIGHTS = {"title": 15.0, "author": 12.0, "tag": 9.0, "highlight": 6.0, "note": 3.0}  # heaviest first
_PHRASE_BONUS = 1.0
_WORD_START_BONUS = 1.0
_SHORTNESS_BONUS = 0.5
_HALF_SHORTNESS_LENGTH = 100  # a field this long gets half the shortness bonus
_MOST_BONUS = _PHRASE_BONUS + _WORD_START_BONUS + _SHORTNESS_BONUS
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


# Folding


@cache
def _mark_runs() -> re.Pattern[str]:
    """Runs of combining marks, or of characters beyond the BMP (few, and sorted out by `_without_marks`).

    Listing the ~200 marks beyond the BMP in the class would make the regex engine test ranges one by one,
    ten times slower than its bitmap for the BMP; one range for the whole astral plane keeps the bitmap.
    """
    marks = "".join(chr(code) for code in range(0x10000) if unicodedata.combining(chr(code)))
    return re.compile(f"[{re.escape(marks)}\\U00010000-\\U0010ffff]+")


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


# Words in folded text


def _is_word_char(char: str) -> bool:
    """Whether a character belongs to a word, as regex `\\w` has it."""
    return char.isalnum() or char == "_"


def _is_whole_word(folded: str, start: int, end: int) -> bool:
    """Whether folded[start:end] has no word character right before or after it."""
    before_ok = start == 0 or not _is_word_char(folded[start - 1])
    return before_ok and (end == len(folded) or not _is_word_char(folded[end]))


def _starts_a_word(folded: str, word: str) -> bool:
    """Whether some occurrence of word begins a word of the field."""
    start = folded.find(word)
    while start > 0 and _is_word_char(folded[start - 1]):
        start = folded.find(word, start + 1)
    return start >= 0


def _occurrences(folded: str, word: str, *, whole_word: bool = False) -> Iterator[tuple[int, int]]:
    """Spans where word occurs, not overlapping; with whole_word, only where it stands as a whole word."""
    start = folded.find(word)
    while start >= 0:
        end = start + len(word)
        if whole_word and not _is_whole_word(folded, start, end):
            start = folded.find(word, start + 1)
            continue
        yield start, end
        start = folded.find(word, end)


# Typo distance


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
            return False  # later rows never shrink below this row's minimum
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


# The index


def _fields_of(document: Document) -> Iterator[tuple[int | None, str, str]]:
    """(highlight index, kind, text) of every searchable string: title, author, tags, highlight texts and notes."""
    yield None, "title", document.title
    if document.author:
        yield None, "author", document.author
    for tag in document.tags:
        yield None, "tag", tag
    for index, highlight in enumerate(document.highlights):
        yield index, "highlight", highlight.text
        if highlight.note:
            yield index, "note", highlight.note


class _Fields:
    """Every searchable field of the library in library order, kept column by column.

    Columns rather than an object per field: a hundred thousand long-lived objects would take memory
    and slow down every garbage collection, during the build and afterwards.
    """

    def __init__(self, documents: Sequence[Document]) -> None:
        self.document_numbers: list[int] = []
        self.highlight_indexes: list[int | None] = []
        self.kinds: list[str] = []
        self.texts: list[str] = []
        self.of_document: list[range] = []  # the field numbers of each document
        for number, document in enumerate(documents):
            self._add(number, document)
        self.folded = list(map(fold, self.texts))

    def _add(self, number: int, document: Document) -> None:
        """Append one document's fields."""
        start = len(self.texts)
        for highlight_index, kind, text in _fields_of(document):
            self.document_numbers.append(number)
            self.highlight_indexes.append(highlight_index)
            self.kinds.append(kind)
            self.texts.append(text)
        self.of_document.append(range(start, len(self.texts)))

    def ids_by_kind(self) -> dict[str, list[int]]:
        """Field numbers of each kind in library order, the kinds heaviest first."""
        by_kind: dict[str, list[int]] = {kind: [] for kind in _FIELD_WEIGHTS}
        for field_id, kind in enumerate(self.kinds):
            by_kind[kind].append(field_id)
        return by_kind

    def hit_key(self, field_id: int) -> tuple[int, int | str]:
        """Fields with the same key make one hit: a document's title, author or tags; a highlight's text or note."""
        highlight_index = self.highlight_indexes[field_id]
        return self.document_numbers[field_id], self.kinds[field_id] if highlight_index is None else highlight_index


def _postings(folded: Sequence[str]) -> dict[str, list[int]]:
    """For each whitespace-separated token, the fields it occurs in."""
    postings: dict[str, list[int]] = {}
    for field_id, text in enumerate(folded):
        for token in set(text.split()):
            fields = postings.get(token)
            if fields is None:
                postings[token] = [field_id]
            else:
                fields.append(field_id)
    return postings


def _tokens_by_word(tokens: Collection[str]) -> dict[str, list[str]]:
    """For each word, the tokens holding it (`mind` is in `mind,` and `(mind`)."""
    by_word: dict[str, list[str]] = {}
    for token in tokens:
        for word in [token] if token.isalpha() else set(_WORD.findall(token)):
            by_word.setdefault(word, []).append(token)
    return by_word


def _words_by_length(words: Collection[str]) -> dict[int, tuple[str, ...]]:
    """Words grouped by length, so a typo look-up only scans words of a near length."""
    grouped: dict[int, list[str]] = {}
    for word in sorted(words):
        grouped.setdefault(len(word), []).append(word)
    return {length: tuple(group) for length, group in grouped.items()}


class _Vocabulary:
    """Every folded word of the library, and the fields each one occurs in as a whole word."""

    def __init__(self, folded: Sequence[str]) -> None:
        self._fields_of_token = _postings(folded)
        self._tokens_of_word = _tokens_by_word(self._fields_of_token)
        self._words_by_length = _words_by_length(self._tokens_of_word)
        self._near_cache: dict[str, tuple[str, ...]] = {}  # typing repeats words; this spares the scans

    def near_words(self, word: str) -> tuple[str, ...]:
        """Vocabulary words a typo away from a query word, itself excluded."""
        limit = _typo_limit(word)
        if limit == 0:
            return ()
        near = self._near_cache.get(word)
        if near is None:
            if len(self._near_cache) >= _NEAR_CACHE_SIZE:
                self._near_cache.clear()
            near = self._near_cache[word] = self._scan(word, limit)
        return near

    def fields_near(self, word: str) -> set[int]:
        """Fields holding, as a whole word, some word a typo away from this one."""
        fields: set[int] = set()
        for near in self.near_words(word):
            for token in self._tokens_of_word[near]:
                fields.update(self._fields_of_token[token])
        return fields

    def _scan(self, word: str, limit: int) -> tuple[str, ...]:
        """Words of a near length that share enough letters, then pass the edit-distance test."""
        letters = set(word)
        return tuple(
            candidate
            for length in range(len(word) - limit, len(word) + limit + 1)
            for candidate in self._words_by_length.get(length, ())
            # each edit loses at most one distinct letter: a cheap test that rejects most words
            if len(letters.difference(candidate)) <= limit
            and candidate != word
            and _within_distance(word, candidate, limit)
        )


# A query and its results


@dataclass(frozen=True, slots=True)
class _Query:
    """The folded query words (every one must match) and the phrase they form."""

    words: tuple[str, ...]
    phrase: str

    def exact_matches(self, folded: Sequence[str], field_ids: list[int]) -> list[int]:
        """The fields holding every word as typed (after folding)."""
        for word in self.words:
            field_ids = [field_id for field_id in field_ids if word in folded[field_id]]
        return field_ids

    def exactness(self, field_id: int, folded: str, near_fields: Sequence[set[int]]) -> tuple[bool, ...] | None:
        """For each word whether it matches exactly (True) or as a typo (False); None if one does not match."""
        exactness: list[bool] = []
        for word, near in zip(self.words, near_fields, strict=True):
            if word in folded:
                exactness.append(True)
            elif field_id in near:
                exactness.append(False)
            else:
                return None
        return tuple(exactness)

    def score(self, kind: str, folded: str, exactness: tuple[bool, ...]) -> float:
        """Exact words first, then the kind of field, then phrase, word starts and shortness."""
        word_starts = sum(
            1
            for word, exact in zip(self.words, exactness, strict=True)
            if not exact or _starts_a_word(folded, word)  # typo matches are whole words
        )
        score = _EXACT_WORD_BONUS * sum(exactness) + _FIELD_WEIGHTS[kind]
        score += _WORD_START_BONUS * word_starts / len(self.words)
        if self.phrase in folded:
            score += _PHRASE_BONUS
        return score + _SHORTNESS_BONUS * _HALF_SHORTNESS_LENGTH / (_HALF_SHORTNESS_LENGTH + len(folded))

    def ceiling(self, kind: str) -> float:
        """A score no field of this kind can reach."""
        return _EXACT_WORD_BONUS * len(self.words) + _FIELD_WEIGHTS[kind] + _MOST_BONUS


class _Results:
    """The best field of each hit: one per document title, author and tags, one per highlight (text or note)."""

    def __init__(self) -> None:
        self._best: dict[tuple[int, int | str], tuple[float, int]] = {}

    def __len__(self) -> int:
        return len(self._best)

    def add(self, key: tuple[int, int | str], field_id: int, score: float) -> None:
        """Keep this field if it is its hit's best so far."""
        current = self._best.get(key)
        if current is None or score > current[0]:
            self._best[key] = (score, field_id)

    def count_above(self, score: float) -> int:
        """How many hits score higher than this."""
        return sum(1 for best, _ in self._best.values() if best > score)

    def top(self, limit: int) -> list[tuple[float, int]]:
        """The best `limit` (score, field number) pairs; among equal scores, library order."""
        return heapq.nsmallest(limit, self._best.values(), key=lambda best: (-best[0], best[1]))


class _StopCheck:
    """Asks should_stop when called, and remembers a yes."""

    def __init__(self, should_stop: Callable[[], bool] | None) -> None:
        self._should_stop = should_stop
        self.stopped = False

    def __call__(self) -> bool:
        """Whether to stop now."""
        if not self.stopped and self._should_stop is not None:
            self.stopped = self._should_stop()
        return self.stopped


# Snippets


def _merged(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans sorted, with overlapping or touching ones joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


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
    """One line of at most 120 characters around the anchor, and the spans inside it, in its positions."""
    start, end = _window(len(text), anchor)
    line, positions = _one_line(text[start:end])
    line_anchor = (positions[max(anchor[0], start) - start], positions[min(anchor[1], end) - start])
    trim_start, trim_end = _whole_words(
        line, line_anchor, start > 0 and not _is_blank(text[start - 1]), end < len(text) and not _is_blank(text[end])
    )
    prefix = _ELLIPSIS if text[:start].strip() else ""
    suffix = _ELLIPSIS if text[end:].strip() else ""
    in_line = (
        (positions[left - start], positions[right - start]) for left, right in spans if start <= left and right <= end
    )
    shift = len(prefix) - trim_start
    kept = tuple((left + shift, right + shift) for left, right in in_line if trim_start <= left and right <= trim_end)
    return prefix + line[trim_start:trim_end] + suffix, kept


# The public index


class SearchIndex:
    """Folded text of every searchable field, built once per library."""

    def __init__(self, documents: Sequence[Document]) -> None:
        self._documents = tuple(documents)
        self._fields = _Fields(self._documents)
        self._field_ids_by_kind = self._fields.ids_by_kind()
        self._vocabulary = _Vocabulary(self._fields.folded)

    def search(
        self,
        query: str,
        *,
        within: Collection[Document] | None = None,
        limit: int = 200,
        should_stop: Callable[[], bool] | None = None,
    ) -> list[SearchHit]:
        """The best `limit` hits holding every query word, best first; library order among equals."""
        words = fold(query).split()
        if not words or limit <= 0:
            return []
        prepared = _Query(tuple(words), " ".join(words))
        allowed = self._allowed_fields(within)
        results = _Results()
        stop = _StopCheck(should_stop)
        self._exact_pass(prepared, allowed, limit, results, stop)
        if len(results) < limit and not stop.stopped:
            self._typo_pass(prepared, allowed, results, stop)  # typo hits rank below exact ones: only to fill up
        return [self._hit(score, field_id, prepared) for score, field_id in results.top(limit)]

    def _allowed_fields(self, within: Collection[Document] | None) -> set[int] | None:
        """The field numbers of the documents in `within` (by identity: equal documents may be distinct)."""
        if within is None:
            return None
        wanted = {id(document) for document in within}
        allowed: set[int] = set()
        for document, field_ids in zip(self._documents, self._fields.of_document, strict=True):
            if id(document) in wanted:
                allowed.update(field_ids)
        return allowed

    def _exact_pass(
        self, query: _Query, allowed: set[int] | None, limit: int, results: _Results, stop: _StopCheck
    ) -> None:
        """Fields holding every word as typed, the heaviest kinds first, until lighter ones cannot make the cut."""
        exact = (True,) * len(query.words)
        for kind, field_ids in self._field_ids_by_kind.items():
            if results.count_above(query.ceiling(kind)) >= limit:
                return
            searched = field_ids if allowed is None else [field_id for field_id in field_ids if field_id in allowed]
            for start in range(0, len(searched), _STOP_CHECK_EVERY):
                if stop():
                    return
                for field_id in query.exact_matches(self._fields.folded, searched[start : start + _STOP_CHECK_EVERY]):
                    self._add(results, query, field_id, exact)

    def _typo_pass(self, query: _Query, allowed: set[int] | None, results: _Results, stop: _StopCheck) -> None:
        """Fields where some word matches only as a typo of it, found through the vocabulary."""
        near_fields = [self._vocabulary.fields_near(word) for word in query.words]
        candidates = set().union(*near_fields)
        if allowed is not None:
            candidates &= allowed
        ordered = sorted(candidates)
        for start in range(0, len(ordered), _STOP_CHECK_EVERY):
            if stop():
                return
            for field_id in ordered[start : start + _STOP_CHECK_EVERY]:
                exactness = query.exactness(field_id, self._fields.folded[field_id], near_fields)
                if exactness is not None and not all(exactness):
                    self._add(results, query, field_id, exactness)

    def _add(self, results: _Results, query: _Query, field_id: int, exactness: tuple[bool, ...]) -> None:
        """Score a matching field and offer it to the results."""
        score = query.score(self._fields.kinds[field_id], self._fields.folded[field_id], exactness)
        results.add(self._fields.hit_key(field_id), field_id, score)

    def _hit(self, score: float, field_id: int, query: _Query) -> SearchHit:
        """A result with its snippet, built only for the hits that are returned."""
        fields = self._fields
        text = fields.texts[field_id]
        anchor, spans = self._spans(text, fields.folded[field_id], query)
        snippet, snippet_spans = _snippet(text, anchor, spans)
        document = self._documents[fields.document_numbers[field_id]]
        return SearchHit(
            document, fields.highlight_indexes[field_id], fields.kinds[field_id], snippet, snippet_spans, score
        )

    def _spans(self, text: str, folded: str, query: _Query) -> tuple[tuple[int, int], list[tuple[int, int]]]:
        """Where the words match in the original text (merged), and the longest word's first match to centre on."""
        ends = _folded_ends(text)
        per_word = [[_to_original(ends, *span) for span in self._word_spans(folded, word)] for word in query.words]
        longest = max(range(len(query.words)), key=lambda position: len(query.words[position]))
        anchor = per_word[longest][0] if per_word[longest] else (0, 0)
        return anchor, _merged([span for spans in per_word for span in spans])

    def _word_spans(self, folded: str, word: str) -> list[tuple[int, int]]:
        """Folded spans of a word: its exact occurrences, or else the whole-word typos of it."""
        if word in folded:
            return list(_occurrences(folded, word))
        near = self._vocabulary.near_words(word)
        return sorted(span for other in near for span in _occurrences(folded, other, whole_word=True))
