"""Readwise's action tags on highlights: `.h1`-`.h6` make a heading, `.c1`, `.c2`... join consecutive highlights.

Readwise defines them for use while reading; an export may still carry them as tags. A heading
highlight is not a passage to review: it becomes the section of the highlights after it. Highlights
marked with the same `.cN` one after another were one passage cut by the page: they become one.
`.favorite` and `.discard` stay on the highlight (the model reads them) and, like the others, are
never shown as tags.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from hltui.model import Highlight

_HEADING = re.compile(r"^\.h[1-6]$", re.IGNORECASE)
_CONCATENATE = re.compile(r"^\.c\d+$", re.IGNORECASE)


def apply_action_tags(highlights: Iterable[Highlight]) -> list[Highlight]:
    """The highlights with heading marks turned into sections and `.cN` runs joined."""
    return list(_as_sections(_joined(highlights)))


def _mark(highlight: Highlight, pattern: re.Pattern[str]) -> str | None:
    return next((tag.casefold() for tag in highlight.tags if pattern.match(tag)), None)


def _joined(highlights: Iterable[Highlight]) -> Iterator[Highlight]:
    """Consecutive highlights carrying the same `.cN` as one: texts joined by a space, tags and notes kept."""
    pending: Highlight | None = None
    for highlight in highlights:
        mark = _mark(highlight, _CONCATENATE)
        if pending is not None and mark is not None and mark == _mark(pending, _CONCATENATE):
            pending = _join(pending, highlight)
            continue
        if pending is not None:
            yield pending
        pending = highlight
    if pending is not None:
        yield pending


def _join(first: Highlight, second: Highlight) -> Highlight:
    notes = [note for note in (first.note, second.note) if note]
    tags = dict.fromkeys((*first.tags, *second.tags))
    return replace(first, text=f"{first.text} {second.text}", note="\n".join(notes) or None, tags=tuple(tags))


def _as_sections(highlights: Iterable[Highlight]) -> Iterator[Highlight]:
    """A heading highlight is dropped; its text becomes the section of the highlights after it."""
    section: str | None = None
    for highlight in highlights:
        if _mark(highlight, _HEADING) is not None:
            section = " ".join(highlight.text.split())
            continue
        yield replace(highlight, section=section) if section is not None else highlight
