"""One line of a long text around a match, with the matched spans moved into it (no Textual)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_SNIPPET_WIDTH = 120
_SNIPPET_LEAD = 30  # characters of context kept before the match
_ELLIPSIS = "…"
# A blank other than one space between words, or a control character: a window the slow path must tidy.
_NOT_ONE_LINE = re.compile(r"^ | $|  |[^\S ]|[\x00-\x1f\x7f-\x9f]")


def merged(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans sorted, with overlapping or touching ones joined."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _is_blank(char: str) -> bool:
    """Whitespace or a control character: shown as a space in a snippet."""
    return char.isspace() or unicodedata.category(char) == "Cc"


def _one_line(text: str) -> tuple[str, list[int]]:
    """Text with each run of blanks as one space and no blank at either end; where each position lands."""
    if not _NOT_ONE_LINE.search(text):
        return text, list(range(len(text) + 1))  # most windows: words and single spaces, nothing to change
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


def window(length: int, anchor: tuple[int, int]) -> tuple[int, int]:
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


def snippet(
    text: str, anchor: tuple[int, int], spans: list[tuple[int, int]]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """One line of at most 120 characters around the anchor, and the spans inside it, in its positions."""
    start, end = window(len(text), anchor)
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
