"""Case- and accent-insensitive folding, and the way back from folded positions to the text (no Textual)."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache
from itertools import accumulate

# Joins texts to fold them in one call; a text holding it is folded on its own.
_SEPARATOR = "\x00"


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


def fold_all(texts: Sequence[str]) -> list[str]:
    """fold() of each text; plain ASCII texts are lowered in one call over them all joined."""
    joined = _SEPARATOR.join(texts)
    if joined.isascii() and joined.count(_SEPARATOR) == len(texts) - 1:
        return joined.lower().split(_SEPARATOR) if texts else []
    # One accented text would send the whole join through the slow path: fold text by text instead.
    return [text.lower() if text.isascii() else fold(text) for text in texts]


class _FoldedLengths(dict[str, int]):
    """How many characters each character folds to, remembered."""

    def __missing__(self, char: str) -> int:
        length = self[char] = len(fold(char))
        return length


_FOLDED_LENGTHS = _FoldedLengths()


def folded_ends(text: str) -> list[int] | None:
    """Where each character's folded form ends in fold(text); None when folding keeps every position.

    Folding a string equals folding each character and joining (casefold and NFKD work per character,
    and the marks NFKD may reorder are all stripped), so these ends index into fold(text).
    """
    if text.isascii():
        return None
    return list(accumulate(map(_FOLDED_LENGTHS.__getitem__, text)))


def to_original(ends: list[int] | None, start: int, end: int) -> tuple[int, int]:
    """The original span of a folded span: whole characters, with the accents that follow the last one."""
    if ends is None:
        return start, end
    return bisect_right(ends, start), bisect_right(ends, end)
