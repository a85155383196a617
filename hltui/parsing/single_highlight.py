"""Exporters that write one file per highlight, its details in the front matter."""

from __future__ import annotations

from typing import Any

from hltui.model import FAVORITE_TAG, Highlight, identity
from hltui.parsing.cleaning import HEADING, clean_block, clean_line, parse_tags, unique_tags
from hltui.parsing.dates import iso_date
from hltui.parsing.highlight_text import HighlightParts, split_text

_MARKERS = {"highlightid", "highlighttext"}
# When the highlight was made, as its exporter names it (first found wins).
_DATE_KEYS = ("highlightedat", "highlighteddate", "highlightdate", "datehighlighted", "createdat", "created", "date")


def single_highlight(values: dict[str, Any], body_lines: list[str]) -> Highlight | None:
    """The highlight of a per-highlight file (`highlight_id` in its front matter), else None."""
    fields = {identity(key): value for key, value in values.items()}
    if not _MARKERS & fields.keys():
        return None
    text_lines = [line for line in body_lines if not HEADING.match(line)]
    if fields.get("highlighttext"):
        text_lines = str(fields["highlighttext"]).splitlines()
    parts = HighlightParts(text_lines=text_lines, url=clean_line(fields.get("highlighturl")))
    text, location, url = split_text(parts)
    if not text:
        return None
    tags = parse_tags(fields.get("highlighttags"))
    if fields.get("isfavorite") is True or str(fields.get("isfavorite")).casefold() == "true":
        tags.append(FAVORITE_TAG)
    return Highlight(
        text=text,
        note=clean_block(fields.get("highlightnote") or fields.get("note")),
        tags=tuple(unique_tags(tags)),
        location=location or _location(fields.get("location"), fields.get("locationtype")),
        url=url,
        added=next(filter(None, (iso_date(fields.get(key)) for key in _DATE_KEYS)), None),
    )


def _location(value: object, kind: object) -> str | None:
    """`Location 12` from `location: 12` and an optional `location_type: page`."""
    number = clean_line(value)
    if not number or not number.replace(":", "").isdigit():
        return None
    name = {"page": "Page", "time": "Time", "offset": None}.get(str(kind or "").casefold(), "Location")
    return f"{name} {number}" if name else None
