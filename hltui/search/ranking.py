"""How search results are scored and the best kept (no Textual here)."""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from hltui.search.field_table import FieldTable

# One exact word outweighs everything else, so exact matches always rank above fuzzy ones.
# Field weights are spaced wider than all the bonuses together, so the field decides next.
_EXACT_WORD_BONUS = 100.0
_FIELD_WEIGHTS = (18.0, 15.0, 12.0, 9.0, 6.0, 3.0)  # for search_index.KINDS, heaviest first
_PHRASE_BONUS = 1.0
_WORD_START_BONUS = 1.0
_SHORTNESS_BONUS = 0.5
_HALF_SHORTNESS_LENGTH = 100  # a field this long gets half the shortness bonus
_MOST_BONUS = _PHRASE_BONUS + _WORD_START_BONUS + _SHORTNESS_BONUS
_STOP_CHECK_EVERY = 500  # fields searched between two calls to should_stop


@dataclass(frozen=True, slots=True)
class Query:
    """The folded query words (every one must match) and the phrase they form."""

    words: tuple[str, ...]
    phrase: str
    word_starts: tuple[re.Pattern[str], ...] = field(init=False)

    def __post_init__(self) -> None:
        starts = tuple(re.compile(rf"(?<!\w){re.escape(word)}") for word in self.words)
        object.__setattr__(self, "word_starts", starts)

    def score(self, kind: int, folded: str, exactness: tuple[bool, ...]) -> float:
        """Exact words first, then the kind of field, then phrase, word starts and shortness."""
        word_starts = sum(
            1
            for start, exact in zip(self.word_starts, exactness, strict=True)
            if not exact or start.search(folded)  # typo matches are whole words
        )
        score = _EXACT_WORD_BONUS * sum(exactness) + _FIELD_WEIGHTS[kind]
        score += _WORD_START_BONUS * word_starts / len(self.words)
        if self.phrase in folded:
            score += _PHRASE_BONUS
        return score + _SHORTNESS_BONUS * _HALF_SHORTNESS_LENGTH / (_HALF_SHORTNESS_LENGTH + len(folded))

    def best_possible(self, kind: int, length: int, *, phrase: bool = True) -> float:
        """The score of an exact match in a field of this kind and length with every bonus (or all but the phrase)."""
        shortness = _SHORTNESS_BONUS * _HALF_SHORTNESS_LENGTH / (_HALF_SHORTNESS_LENGTH + length)
        bonuses = _WORD_START_BONUS + (_PHRASE_BONUS if phrase else 0.0) + shortness
        return _EXACT_WORD_BONUS * len(self.words) + _FIELD_WEIGHTS[kind] + bonuses

    def ceiling(self, kind: int, exact_words: int | None = None) -> float:
        """A score no field of this kind can reach (holding at most `exact_words` words as typed)."""
        exact = len(self.words) if exact_words is None else exact_words
        return _EXACT_WORD_BONUS * exact + _FIELD_WEIGHTS[kind] + _MOST_BONUS


def hit_key(table: FieldTable, field_id: int) -> tuple[int, int]:
    """Fields with the same key make one hit: a document's title, author or tags; a highlight's fields."""
    highlight_index = table.highlight_indexes[field_id]
    document_number = table.document_numbers[field_id]
    return document_number, -1 - table.kinds[field_id] if highlight_index is None else highlight_index


class Results:
    """The best field of each hit, so far."""

    def __init__(self, table: FieldTable) -> None:
        self._table = table
        self._best: dict[tuple[int, int], tuple[float, int]] = {}

    def __len__(self) -> int:
        return len(self._best)

    def add(self, field_id: int, score: float) -> None:
        """Keep this field if it is its hit's best so far (among equals, the first in library order)."""
        key = hit_key(self._table, field_id)
        current = self._best.get(key)
        if current is None or score > current[0] or (score == current[0] and field_id < current[1]):
            self._best[key] = (score, field_id)

    def __contains__(self, key: tuple[int, int]) -> bool:
        return key in self._best

    def count_above(self, score: float) -> int:
        """How many hits score higher than this."""
        return sum(1 for best, _ in self._best.values() if best > score)

    def top(self, limit: int) -> list[tuple[float, int]]:
        """The best `limit` (score, field number) pairs; among equal scores, library order."""
        numbers = self._table.document_numbers
        return heapq.nsmallest(limit, self._best.values(), key=lambda best: (-best[0], numbers[best[1]], best[1]))


class StopCheck:
    """Asks should_stop when called, and remembers a yes."""

    def __init__(self, should_stop: Callable[[], bool] | None) -> None:
        self._should_stop = should_stop
        self.stopped = False

    def __call__(self) -> bool:
        """Whether to stop now."""
        if not self.stopped and self._should_stop is not None:
            self.stopped = self._should_stop()
        return self.stopped


def chunks(
    field_ids: list[int], stop: StopCheck, size: int = _STOP_CHECK_EVERY, *, first: bool = True
) -> Iterator[list[int]]:
    """Slices of the field numbers, asking whether to stop before each one (with first=False, from the second)."""
    for start in range(0, len(field_ids), size):
        if (first or start > 0) and stop():
            return
        yield field_ids[start : start + size]
