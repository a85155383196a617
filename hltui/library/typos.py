"""Typo tolerance: which vocabulary words are a typo away from a query word, without scanning them all."""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Iterable

# Word ends get their own pairs, so a typo in the middle of a word still leaves both ends to match.
_START, _END = "\x02", "\x03"
# What one edit can take away from a word's set of letter pairs: a swap of neighbours breaks three.
_PAIRS_LOST_PER_EDIT = 3
_NEAR_CACHE_SIZE = 2000
# Query words with a typo limit are all letters: a word without one differs from them at every position.
_LETTER = re.compile(r"[^\W\d_]")


def typo_limit(word: str) -> int:
    """How many edits a query word tolerates: none under 5 letters, one up to 8, two above; numbers exact.

    Short words have too many neighbours: with one edit allowed, `walk` also found `wall` and `talk`.
    """
    if len(word) < 5 or not word.isalpha():
        return 0
    return 2 if len(word) > 8 else 1


def _letter_pairs(word: str) -> set[str]:
    """The distinct pairs of neighbouring letters, the word's start and end marked."""
    marked = _START + word + _END
    return {marked[position : position + 2] for position in range(len(marked) - 1)}


def _common_ends(first: str, second: str) -> tuple[int, int]:
    """How many letters the two words share at the start, and then at the end."""
    shortest = min(len(first), len(second))
    start = 0
    while start < shortest and first[start] == second[start]:
        start += 1
    end = 0
    while end < shortest - start and first[-1 - end] == second[-1 - end]:
        end += 1
    return start, end


def within_distance(first: str, second: str, limit: int) -> bool:
    """Whether two words are at most `limit` edits apart, a swap of neighbours counting as one (Damerau)."""
    # Letters shared at both ends never need an edit; the table then covers only the few letters between.
    start, end = _common_ends(first, second)
    first, second = first[start : len(first) - end], second[start : len(second) - end]
    if abs(len(first) - len(second)) > limit:
        return False
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


class NearWords:
    """The vocabulary indexed by word length and letter pair, to find the words a typo away from a query word.

    A word within `limit` edits of the query keeps all but 3 x limit of the query's letter pairs, so only
    words of a near length sharing that many pairs are candidates; the edit distance is checked on those alone.
    """

    def __init__(self) -> None:
        self._words: list[str] = []
        self._known: set[str] = set()
        # Arrays: untracked by the garbage collector, and half the size of lists of numbers.
        self._by_length: dict[int, array[int]] = {}
        self._by_length_and_pair: dict[int, dict[str, array[int]]] = {}
        self._near_cache: dict[str, tuple[str, ...]] = {}  # typing repeats words; this spares the look-ups

    def add(self, words: Iterable[str]) -> None:
        """Learn the words not known yet; words without a letter (`1984`) are never a typo of a query word."""
        for word in words:
            if word in self._known or not _LETTER.search(word):
                continue
            self._known.add(word)
            number = len(self._words)
            self._words.append(word)
            self._by_length.setdefault(len(word), array("i")).append(number)
            by_pair = self._by_length_and_pair.setdefault(len(word), {})
            for pair in _letter_pairs(word):
                numbers = by_pair.get(pair)
                if numbers is None:
                    by_pair[pair] = array("i", (number,))
                else:
                    numbers.append(number)
        self._near_cache.clear()

    def near(self, word: str) -> tuple[str, ...]:
        """Vocabulary words a typo away from a query word, itself excluded."""
        limit = typo_limit(word)
        if limit == 0:
            return ()
        near = self._near_cache.get(word)
        if near is None:
            if len(self._near_cache) >= _NEAR_CACHE_SIZE:
                self._near_cache.clear()
            near = self._near_cache[word] = self._look_up(word, limit)
        return near

    def candidate_count(self, word: str) -> int:
        """How many words pass the letter-pair filter and get the distance test (for benchmarks)."""
        limit = typo_limit(word)
        return sum(1 for _ in self._candidates(word, limit)) if limit else 0

    def _look_up(self, word: str, limit: int) -> tuple[str, ...]:
        """The candidates that pass the edit-distance test, in a stable order."""
        words = self._words
        found = {
            words[number]
            for number in self._candidates(word, limit)
            if words[number] != word and within_distance(word, words[number], limit)
        }
        return tuple(sorted(found))

    def _candidates(self, word: str, limit: int) -> Iterable[int]:
        """Numbers of the words of a near length that share enough letter pairs with the word."""
        pairs = _letter_pairs(word)
        needed = len(pairs) - _PAIRS_LOST_PER_EDIT * limit
        for length in range(len(word) - limit, len(word) + limit + 1):
            if needed <= 0:
                yield from self._by_length.get(length, ())  # the filter cannot tell: every word of the length
                continue
            by_pair = self._by_length_and_pair.get(length, {})
            shared = Counter[int]()
            for pair in pairs:
                shared.update(by_pair.get(pair, ()))
            yield from (number for number, count in shared.items() if count >= needed)
