"""The highlights part of an export: bullets, headings, paragraphs or id-headings -> highlights."""

from __future__ import annotations

from hltui.model import Highlight
from hltui.parsing.highlight_bullets import BulletReader
from hltui.parsing.highlight_common import HIGHLIGHTS_HEADER as HIGHLIGHTS_HEADER  # re-exported for parse.py
from hltui.parsing.highlight_common import ID_HEADING, finish_highlight
from hltui.parsing.highlight_common import is_header_bullet as is_header_bullet
from hltui.parsing.highlight_events import Event, Heading, Item, Paragraph, events_of, is_bold_label
from hltui.parsing.highlight_headings import HeadingReader, IdHeadingReader
from hltui.parsing.highlight_paragraphs import ParagraphReader, uses_paragraphs
from hltui.parsing.highlight_text import ends_in_link


def parse_highlights(lines: list[str], added: str | None = None) -> list[Highlight]:
    """Turn the lines under a highlights header into highlights; `added` is the header's date."""
    events = events_of(lines)
    if any(isinstance(event, Heading) and ID_HEADING.match(event.text) for event in events):
        return IdHeadingReader(added).read(events)
    items = [event for event in events if isinstance(event, Item)]
    if items and not _paragraphs_hold_the_highlights(items, events):
        return BulletReader(added).read(events)
    if uses_paragraphs(events) or not any(isinstance(event, Heading) and not _is_header(event) for event in events):
        found = ParagraphReader(lambda text: bool(HIGHLIGHTS_HEADER.match(text))).read(events)
        return [highlight for parts, section in found if (highlight := finish_highlight(parts, section, added))]
    return HeadingReader(added).read(events)


def _paragraphs_hold_the_highlights(items: list[Item], events: list[Event]) -> bool:
    """Paragraphs are the highlights though bullets are written too: `- **Date:** …` above them,
    or the reader's own lists among quoted highlights that end in their links (no bullet does)."""
    if not uses_paragraphs(events):
        return False
    if all(is_bold_label(item.lines[0]) for item in items):
        return True
    linked_paragraph = any(isinstance(event, Paragraph) and ends_in_link(event.text) for event in events)
    return linked_paragraph and not any(ends_in_link(line) for item in items for line in item.all_lines())


def _is_header(heading: Heading) -> bool:
    return bool(HIGHLIGHTS_HEADER.match(heading.text))
