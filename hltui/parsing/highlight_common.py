"""What the highlight readers share: the highlights headers, id headings, and building a highlight."""

from __future__ import annotations

import re

from hltui.model import Highlight
from hltui.parsing.cleaning import unique_tags
from hltui.parsing.highlight_text import HighlightParts, finished_note, split_text

# `^258309231` (an Obsidian block id), `id820180151`: a heading that only names a highlight.
ID_HEADING = re.compile(r"^(?:\^[A-Za-z0-9-]+|id\d+)$")
HIGHLIGHTS_HEADER = re.compile(
    r"^(?:(?:new\s+)?highlights?(?:\s+(?:first\s+)?(?:synced|added)\b.*)?|new highlights\b.*)$", re.IGNORECASE
)
# `- Highlights first synced by [[Readwise]]`, `- New highlights added …`, or a bare `- Highlights` block.
# Also a template's own `- [[Readwise]] [[2023-02-09]]` or `- ## [[Readwise Highlights]]` block.
_HEADER_BULLET = re.compile(
    r"^(?:(?:new\s+)?highlights?\s+(?:first\s+)?(?:synced|added)\b.*|(?:\*\*)?highlights:?(?:\*\*)?"
    r"|readwise\s+highlights?|readwise\s+\d{4}-\d\d-\d\d|readwise\s+[a-z]{3,9}\s+\d{1,2}(?:st|nd|rd|th)?,\s+\d{4})$",
    re.IGNORECASE,
)
_HEADER_BULLET_FIRST = set("hHnNrR*")  # what each of its alternatives starts with


def is_header_bullet(text: str) -> bool:
    """A Logseq/Roam block such as `Highlights first synced by [[Readwise]] [[date]]`."""
    text = text.strip().lstrip("#").strip()  # `- ## [[Readwise Highlights]]`
    text = text.replace("[[", "").replace("]]", "") if "[[" in text else text
    return text[:1] in _HEADER_BULLET_FIRST and bool(_HEADER_BULLET.match(text))


def finish_highlight(parts: HighlightParts, section: str | None, added: str | None = None) -> Highlight | None:
    """Build the highlight, or nothing when no text is left.

    `added` is the date of the section it is in: a date written with the highlight itself wins.
    """
    text, location, url = split_text(parts)
    if not text.strip("-*+ "):
        return None  # nothing, or only the `-` of an empty Logseq block
    return Highlight(
        text=text,
        note=finished_note(parts.note_lines),
        tags=tuple(unique_tags(parts.tags)) if parts.tags else (),
        location=location,
        url=url,
        section=section,
        id=parts.block_id,
        added=parts.added or parts.updated or added,
    )
