"""Typo tolerance: the words of the library's own vocabulary a query word may be a misspelling of (no Textual).

Only words of five letters or more get it (short words have too many neighbours: `walk` would find
`wall` and `talk`), never on their first letter (people rarely mistype it, and keeping it narrows
the vocabulary to read), one edit up to eight letters, two above. An edit is a letter added, left
out, changed, or two neighbours swapped.
"""

from __future__ import annotations

from collections.abc import Iterable

TYPOS_FROM = 5
# The most alternatives kept per word: the most frequent first (a rare near word is likelier a typo itself).
MOST_ALTERNATIVES = 8


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


def near_words(word: str, vocabulary: Iterable[tuple[str, int]]) -> tuple[str, ...]:
    """The vocabulary words (with how many rows hold each) within the word's typo limit, most frequent first.

    The vocabulary may be all words or only those sharing the first letter; others are skipped.
    """
    limit = typo_limit(word)
    if not limit:
        return ()
    near = [
        (-count, term)
        for term, count in vocabulary
        if term != word and term[:1] == word[0] and term.isalpha() and edits_within(word, term, limit)
    ]
    return tuple(term for _, term in sorted(near)[:MOST_ALTERNATIVES])
