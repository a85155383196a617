"""Highlights written as headings: each heading a highlight, or `##### ^id` headings naming one."""

from __future__ import annotations

import re

from hltui.model import Highlight
from hltui.parsing.cleaning import clean_line
from hltui.parsing.dates import iso_date
from hltui.parsing.highlight_common import HIGHLIGHTS_HEADER, ID_HEADING, finish_highlight
from hltui.parsing.highlight_events import Event, Heading, Item, Paragraph
from hltui.parsing.highlight_text import (
    HighlightParts,
    add_child,
    date_label,
    goto_url,
    is_block_id,
    note_line,
    tag_line,
    take_trailing_link,
)

_DATE_LINE = re.compile(r"^\[\[([^\]]*)\]\][\s\d:apmAPM]*$")  # `[[2024-07-11]] 20:14`
_NOTE_MARK = re.compile(r"^\s*\[n\]\s*", re.IGNORECASE)  # a template's marker of the reader's note


class HeadingReader:
    """Each highlight is a heading; plain lines under it continue it."""

    def __init__(self, added: str | None = None) -> None:
        self.added = added  # the date of the section's sync header

    def read(self, events: list[Event]) -> list[Highlight]:
        highlights: list[Highlight] = []
        parts: HighlightParts | None = None
        for event in events:
            if isinstance(event, Heading):
                tags, note = tag_line(event.text), note_line(event.text)
                if parts is not None and (tags is not None or note is not None):
                    parts.tags.extend(tags or [])
                    parts.note_lines.extend([note] if note else [])
                    continue
                if parts is not None:
                    highlights.extend(filter(None, [finish_highlight(parts, None, self.added)]))
                parts = None if HIGHLIGHTS_HEADER.match(event.text) else HighlightParts([event.text])
            elif isinstance(event, Paragraph) and parts is not None:
                parts.text_lines.append(event.text)
        if parts is not None:
            highlights.extend(filter(None, [finish_highlight(parts, None, self.added)]))
        return highlights


class IdHeadingReader:
    """`##### ^id` starts a highlight, `###### ^idq` its text, a `^id` line ends it."""

    def __init__(self, added: str | None = None) -> None:
        self.added = added  # the date of the section's sync header

    def read(self, events: list[Event]) -> list[Highlight]:
        highlights: list[Highlight] = []
        section: str | None = None
        parts: HighlightParts | None = None
        in_text = False
        for event in events:
            if isinstance(event, Heading):
                if ID_HEADING.match(event.text):
                    in_text = parts is not None and event.text.endswith("q")
                    if not in_text:
                        highlights.extend(filter(None, [finish_highlight(parts, section, self.added)] if parts else []))
                        parts = HighlightParts(block_id=event.text.lstrip("^"))
                elif not HIGHLIGHTS_HEADER.match(event.text):
                    highlights.extend(filter(None, [finish_highlight(parts, section, self.added)] if parts else []))
                    parts, in_text, section = None, False, clean_line(event.text)
            elif isinstance(event, Paragraph) and parts is not None:
                in_text = self._line(parts, event.text, in_text)
            elif isinstance(event, Item) and parts is not None and in_text:
                parts.text_lines.extend(["- " + line if i == 0 else line for i, line in enumerate(event.all_lines())])
            elif isinstance(event, Item) and parts is not None and parts.text_lines:
                _note_bullet(parts, event.all_lines())
        highlights.extend(filter(None, [finish_highlight(parts, section, self.added)] if parts else []))
        return highlights

    def _line(self, parts: HighlightParts, text: str, in_text: bool) -> bool:
        if in_text:
            if is_block_id(text):
                return False
            parts.text_lines.append(text)
            return True
        url, tags = goto_url(text), tag_line(text)
        if text.lstrip().startswith(">"):
            parts.text_lines.append(text)  # a quoted highlight under an id heading, no `q` heading
        elif _is_date_line(text.strip()):
            parts.added = parts.added or iso_date(text)  # `[[2024-07-11]] 20:14`: when it was highlighted
            return False
        elif url:
            parts.url = parts.url or url
        elif tags is not None:
            parts.tags.extend(tags)
        elif dated := date_label(text.strip()):
            parts.take_date(*dated)
        elif text.strip() and not is_block_id(text):
            parts.note_lines.append(text.strip())
        return False


def _note_bullet(parts: HighlightParts, lines: list[str]) -> None:
    """`- [n] my note  * [View Highlight](url)` under a quoted highlight: its note and its link."""
    first, note_url = take_trailing_link(lines[-1])
    parts.url = parts.url or note_url
    lines = [line.strip() for line in [*lines[:-1], first.rstrip(" *")]]
    lines[0] = _NOTE_MARK.sub("", lines[0])
    if any(line.strip() for line in lines):
        add_child(parts, lines, unlabelled_is_note=True)


def _is_date_line(text: str) -> bool:
    """`[[2024-07-11]] 20:14`: when a highlight was made (a year in a wikilink, then a time)."""
    match = _DATE_LINE.match(text)
    return bool(match and re.search(r"\d{4}", match.group(1)))
