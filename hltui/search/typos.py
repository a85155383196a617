"""Typo tolerance: the words of the library's own vocabulary a query word may be a misspelling of (no Textual).

Only words of five letters or more get it (short words have too many neighbours: `walk` would find
`wall` and `talk`), never on their first letter (people rarely mistype it, and keeping it narrows
the vocabulary to read), one edit up to eight letters, two above. An edit is a letter added, left
out, changed, or two neighbours swapped.

A word allowed one edit has few neighbours (about 50 per letter): they are made and looked up,
so the cost does not grow with the vocabulary. A longer word is compared with the words of its
first letter and a length within two of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field

TYPOS_FROM = 5
# The most alternatives kept per word: the most frequent first (a rare near word is likelier a typo itself).
MOST_ALTERNATIVES = 8


@dataclass
class LetterWords:
    """The vocabulary's words of one first letter, by length, and the letters they are made of."""

    by_length: dict[int, set[str]] = field(default_factory=dict)
    letters: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, words: Iterable[str]) -> LetterWords:
        found = cls()
        for word in words:
            if word.isalpha():
                found.by_length.setdefault(len(word), set()).add(word)
                found.letters.update(word)
        return found


def typo_limit(word: str) -> int:
    """How many edits a query word tolerates: none under 5 letters, one up to 8, two above; numbers exact."""
    if len(word) < TYPOS_FROM or not word.isalpha():
        return 0
    return 2 if len(word) > 8 else 1


def edits_within(word: str, other: str, limit: int) -> bool:
    """Whether `other` is at most `limit` edits (swaps of neighbours included) from `word`."""
    if abs(len(word) - len(other)) > limit:
        return False
    before: list[int] | None = None
    row = list(range(len(other) + 1))
    for i in range(1, len(word) + 1):
        current = [i] + [0] * len(other)
        for j in range(1, len(other) + 1):
            cost = word[i - 1] != other[j - 1]
            best = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if before is not None and j > 1 and word[i - 1] == other[j - 2] and word[i - 2] == other[j - 1]:
                best = min(best, before[j - 2] + 1)
            current[j] = best
        if min(current) > limit:
            return False
        before, row = row, current
    return row[-1] <= limit


def one_edit_away(word: str, letters: Collection[str]) -> Iterator[str]:
    """Every string one edit from the word, its first letter kept (`letters`: what may be added or put)."""
    for i in range(1, len(word) + 1):
        head, tail = word[:i], word[i:]
        for letter in letters:
            yield head + letter + tail  # one added
            if tail:
                yield head + letter + tail[1:]  # one changed
        if tail:
            yield head + tail[1:]  # one left out
        if len(tail) > 1:
            yield head + tail[1] + tail[0] + tail[2:]  # two swapped


def near_words(word: str, words: LetterWords, counts: Callable[[list[str]], dict[str, int]]) -> tuple[str, ...]:
    """The vocabulary's words within the word's typo limit, the most frequent first (`counts`: rows holding each)."""
    limit = typo_limit(word)
    if not limit:
        return ()
    if limit == 1:
        near = {other for other in one_edit_away(word, words.letters) if other in words.by_length.get(len(other), ())}
    else:
        lengths = range(len(word) - limit, len(word) + limit + 1)
        candidates = (other for length in lengths for other in words.by_length.get(length, ()))
        near = {other for other in candidates if other[0] == word[0] and edits_within(word, other, limit)}
    near.discard(word)
    found = counts(sorted(near))
    return tuple(sorted(near, key=lambda other: (-found.get(other, 0), other))[:MOST_ALTERNATIVES])
