"""Typo tolerance: which vocabulary words begin with a typo of a query word, without scanning them all."""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Iterable

# The start of a word gets its own pair, so a typo in its second letter still leaves its first to match.
_START = "\x02"
# What one edit can take away from a word's letter pairs: a swap of neighbours breaks three.
_PAIRS_LOST_PER_EDIT = 3
# Pairs are indexed with their place in the word, one character per place so keys stay short strings;
# places past the last share it.
_PLACES = "".join(map(chr, range(32)))
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


def _letter_pairs(word: str) -> list[str]:
    """The pairs of neighbouring letters in order, the word's start marked: the pair at place 0 is its first letter."""
    return list(map("".join, zip(_START + word, word, strict=False)))  # the last letter begins no pair


def _placed_pairs(word: str) -> set[str]:
    """The index keys of a word: each pair of neighbouring letters followed by its place."""
    places = _PLACES[: len(word)] + _PLACES[-1] * (len(word) - len(_PLACES))
    return set(map("".join, zip(_START + word, word, places, strict=False)))


def _common_start(first: str, second: str) -> int:
    """How many letters the two words share at the start."""
    shortest = min(len(first), len(second))
    start = 0
    while start < shortest and first[start] == second[start]:
        start += 1
    return start


def begins_within(query: str, word: str, limit: int) -> bool:
    """Whether the word begins with a string at most `limit` edits from the query, a swap counting as one.

    A reader types the start of a word (`stoic` for `Stoics`, `stoicism`), so a typo must be allowed there
    too. Shared letters at the start never need an edit, so a cheapest way spends its first edit on the
    first differing letter: trying the four edits there, each with one edit fewer for the rest, is exact,
    and with at most two edits it costs a handful of comparisons rather than a distance table.
    """
    if limit == 0:
        return word.startswith(query)
    start = _common_start(query, word)
    if start == len(query):
        return True
    rest, tail = query[start:], word[start:]
    # A letter replaced, a query letter left out, a letter added; then two neighbours swapped.
    edits = [(rest[1:], tail[1:]), (rest[1:], tail), (rest, tail[1:])]
    if rest[1:2] == tail[:1] and rest[:1] == tail[1:2]:
        edits.append((rest[2:], tail[2:]))
    return any(begins_within(left, right, limit - 1) for left, right in edits)


class NearWords:
    """The vocabulary indexed by letter pair and its place, to find the words beginning with a typo of a query word.

    A start within `limit` edits of the query keeps all but 3 x limit of the query's letter pairs, each moved
    by at most `limit` places (one per letter added or left out). Only words holding that many of them near
    their place are candidates, and `begins_within` is checked on those alone. The places matter: without
    them a short query like `lapla` shares a pair with most of the vocabulary.
    """

    def __init__(self) -> None:
        self._words: list[str] = []
        self._known: set[str] = set()
        # Arrays: untracked by the garbage collector, and half the size of lists of numbers.
        self._by_placed_pair: dict[str, array[int]] = {}
        self._near_cache: dict[str, tuple[str, ...]] = {}  # typing repeats words; this spares the look-ups

    def add(self, words: Iterable[str]) -> None:
        """Learn the words not known yet; words without a letter (`1984`) are never a typo of a query word."""
        for word in words:
            if word in self._known or not _LETTER.search(word):
                continue
            self._known.add(word)
            number = len(self._words)
            self._words.append(word)
            for key in _placed_pairs(word):
                numbers = self._by_placed_pair.get(key)
                if numbers is None:
                    self._by_placed_pair[key] = array("i", (number,))
                else:
                    numbers.append(number)
        self._near_cache.clear()

    def near(self, word: str) -> tuple[str, ...]:
        """Vocabulary words beginning with a typo of a query word (those holding it as typed are found exactly)."""
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
        """How many words pass the letter-pair filter and get the edit test (for benchmarks)."""
        limit = typo_limit(word)
        return sum(1 for _ in self._candidates(word, limit)) if limit else 0

    def _look_up(self, word: str, limit: int) -> tuple[str, ...]:
        """The candidates that pass the edit test, in a stable order."""
        words = self._words
        found = {
            words[number]
            for number in self._candidates(word, limit)
            if word not in words[number] and begins_within(word, words[number], limit)
        }
        return tuple(sorted(found))

    def _candidates(self, word: str, limit: int) -> Iterable[int]:
        """Numbers of the words long enough to begin with a typo of the word and holding enough of its placed pairs."""
        pairs = _letter_pairs(word)
        needed = len(pairs) - _PAIRS_LOST_PER_EDIT * limit
        shortest = len(word) - limit
        words = self._words
        if needed <= 0:  # the filter cannot tell: every word long enough
            yield from (number for number, known in enumerate(words) if len(known) >= shortest)
            return
        shared = Counter[int]()
        last = len(_PLACES) - 1
        for place, pair in enumerate(pairs):
            # A kept pair moved by at most `limit` places; past the last place, every pair is at the last.
            for moved in range(min(max(0, place - limit), last), min(place + limit, last) + 1):
                shared.update(self._by_placed_pair.get(pair + _PLACES[moved], ()))
        yield from (number for number, count in shared.items() if count >= needed and len(words[number]) >= shortest)
