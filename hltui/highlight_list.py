"""The highlights part of an export: bullets, headings or id-headings -> highlights."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from hltui.highlight_text import (
    HighlightParts,
    add_child,
    goto_url,
    is_block_id,
    note_line,
    split_text,
    tag_line,
)
from hltui.model import Highlight
from hltui.text import HEADING, clean_block, clean_line, unique_tags

_BULLET = re.compile(r"^([ \t]*)([-*+])(?:[ \t]+(.*)|[ \t]*)$")
# `^258309231` (an Obsidian block id), `id820180151`: a heading that only names a highlight.
_ID_HEADING = re.compile(r"^(?:\^[A-Za-z0-9-]+|id\d+)$")
_DATE_LINE = re.compile(r"^\[\[[^\]]*\d{4}[^\]]*\]\][\s\d:apmAPM]*$")  # `[[2024-07-11]] 20:14`
_BOLD_LABEL = re.compile(r"^\*\*[^*]{1,40}?:\*\*|^\*\*[^*]{1,40}\*\*::?")
HIGHLIGHTS_HEADER = re.compile(
    r"^(?:(?:new\s+)?highlights?(?:\s+(?:first\s+)?(?:synced|added)\b.*)?|new highlights\b.*)$", re.IGNORECASE
)
_HEADER_BULLET = re.compile(r"^(?:new\s+)?highlights?\s+(?:first\s+)?(?:synced|added)\b.*$", re.IGNORECASE)


@dataclass(slots=True)
class Item:
    """A bullet and what is indented under it."""

    indent: int
    lines: list[str]
    tabbed: bool
    children: list[Item] = field(default_factory=list)

    def all_lines(self) -> list[str]:
        """This item's lines followed by its descendants', for a child block."""
        nested = [f"  {line}" for child in self.children for line in _as_child(child.all_lines())]
        return [*self.lines, *nested]


def _as_child(lines: list[str]) -> list[str]:
    """A child's lines written back as a bullet under its parent."""
    return ["- " + lines[0], *lines[1:]] if lines else []


@dataclass(slots=True)
class Heading:
    """A Markdown heading inside the list."""

    level: int
    text: str


@dataclass(slots=True)
class Paragraph:
    """An unindented line outside any bullet (blank lines included)."""

    text: str


Event = Item | Heading | Paragraph


def is_header_bullet(text: str) -> bool:
    """A Logseq/Roam block such as `Highlights first synced by [[Readwise]] [[date]]`."""
    return bool(_HEADER_BULLET.match(text.strip()))


def parse_highlights(lines: list[str]) -> list[Highlight]:
    """Turn the lines under a highlights header into highlights."""
    events = _events(lines)
    if any(isinstance(event, Heading) and _ID_HEADING.match(event.text) for event in events):
        return _IdHeadingReader().read(events)
    if any(isinstance(event, Item) for event in events):
        return _BulletReader().read(events)
    return _HeadingReader().read(events)


def _expand(line: str) -> tuple[int, str]:
    """Indentation width (a tab is four columns) and the line with tabs expanded."""
    expanded = line.expandtabs(4) if "\t" in line[: len(line) - len(line.lstrip())] else line
    return len(expanded) - len(expanded.lstrip()), expanded


def _events(lines: list[str]) -> list[Event]:
    """Group lines into bullets (with continuations and children), headings and paragraphs."""
    events: list[Event] = []
    stack: list[Item] = []
    blank_pending = False
    for line in lines:
        if not line.strip():
            blank_pending = True
            if not stack:
                events.append(Paragraph(""))
            continue
        indent, expanded = _expand(line)
        bullet = _BULLET.match(line)
        heading = HEADING.match(line) if indent == 0 else None
        if heading:
            stack.clear()
            events.append(Heading(len(heading.group(1)), heading.group(2)))
        elif bullet:
            _open_item(events, stack, indent, bullet.group(3) or "", "\t" in bullet.group(1))
        elif indent > 0 and stack:
            _continue_item(stack, indent, expanded, blank_pending)
        elif stack and not blank_pending and not is_block_id(line):
            stack[-1].lines.append(line.strip())
        else:
            stack.clear()
            events.append(Paragraph(line.rstrip()))
        blank_pending = False
    return events


def _open_item(events: list[Event], stack: list[Item], indent: int, text: str, tabbed: bool) -> None:
    """Start a bullet, as a child of the nearest less-indented bullet."""
    while stack and stack[-1].indent >= indent:
        stack.pop()
    item = Item(indent, [text.rstrip()], tabbed or bool(stack and stack[-1].tabbed))
    if stack:
        stack[-1].children.append(item)
    else:
        events.append(item)
    stack.append(item)


def _continue_item(stack: list[Item], indent: int, expanded: str, blank_pending: bool) -> None:
    """Add an indented line to the deepest bullet it sits under."""
    while len(stack) > 1 and stack[-1].indent >= indent:
        stack.pop()
    target = stack[-1]
    content = expanded[min(indent, target.indent + 2) :].rstrip()
    if blank_pending:
        target.lines.append("")
    if target.lines == [""]:
        target.lines[0] = content.strip()
    else:
        target.lines.append(content)


def _finish(parts: HighlightParts, section: str | None) -> Highlight | None:
    """Build the highlight, or nothing when no text is left."""
    text, location, url = split_text(parts)
    if not text:
        return None
    return Highlight(
        text=text,
        note=clean_block("\n".join(parts.note_lines)),
        tags=tuple(unique_tags(parts.tags)),
        location=location,
        url=url,
        section=section,
    )


class _BulletReader:
    """Highlights written as bullets; headings in between are chapter sections."""

    def __init__(self) -> None:
        self.highlights: list[Highlight] = []
        self.section: str | None = None

    def read(self, events: list[Event]) -> list[Highlight]:
        for event in events:
            if isinstance(event, Heading):
                self._heading(event.text)
            elif isinstance(event, Item):
                self._item(event, self.section)
            else:
                self._paragraph(event.text)
        return self.highlights

    def _heading(self, text: str) -> None:
        if HIGHLIGHTS_HEADER.match(text) or _ID_HEADING.match(text):
            return
        if not self._attach(text):
            self.section = clean_line(text)

    def _paragraph(self, text: str) -> None:
        url = goto_url(text)
        if url and self.highlights:
            last = self.highlights[-1]
            self.highlights[-1] = Highlight(
                last.text, last.note, last.tags, last.location, last.url or url, last.section
            )
        elif text.strip():
            self._attach(text)

    def _attach(self, text: str) -> bool:
        """Tags or a note written on a line of their own after a highlight."""
        if not self.highlights:
            return False
        tags, note = tag_line(text), note_line(text)
        if tags is None and note is None:
            return False
        last = self.highlights[-1]
        merged_tags = tuple(unique_tags([*last.tags, *(tags or [])]))
        merged_note = clean_block("\n".join(filter(None, [last.note, note]))) if note else last.note
        self.highlights[-1] = replace(last, note=merged_note, tags=merged_tags)
        return True

    def _item(self, item: Item, section: str | None) -> None:
        first = item.lines[0].strip()
        heading = HEADING.match(first)
        if is_header_bullet(first) or first in ("---", "***"):
            self._children(item, section)
        elif heading:
            self._children(item, clean_line(heading.group(2)))
        elif first in ("", "-") and len(item.lines) == 1 and item.children:
            self._container(item, section)
        elif _is_tag_only(first) and self._attach(first):
            return
        elif not self.highlights and _BOLD_LABEL.match(first) and not item.children:
            return  # `- **Imported:** date` lines of a metadata outline, before the first highlight
        else:
            self._highlight(item, item.lines, item.children, section)

    def _children(self, item: Item, section: str | None) -> None:
        for child in item.children:
            self._item(child, section)

    def _container(self, item: Item, section: str | None) -> None:
        """A `- -` block whose first child is the highlight and the rest its details."""
        first, *rest = item.children
        self._highlight(item, first.lines, [*first.children, *rest], section)

    def _highlight(self, item: Item, lines: list[str], children: list[Item], section: str | None) -> None:
        parts = HighlightParts(text_lines=list(lines))
        for child in children:
            # Deeply indented or tab-indented plain children are the reader's notes; a child two
            # spaces in is a list inside the highlight's own text.
            is_note = child.tabbed or child.indent - item.indent >= 4
            add_child(parts, child.all_lines(), unlabelled_is_note=is_note)
        highlight = _finish(parts, section)
        if highlight is not None:
            self.highlights.append(highlight)


def _is_tag_only(text: str) -> bool:
    """A line such as `See also: [[topic]]` that only carries tags."""
    tags = tag_line(text)
    return bool(tags) and re.sub(r"#?\[\[[^\]]*\]\]|#\S+|\s|,", "", text.partition(":")[2].lstrip(":")) == ""


class _HeadingReader:
    """Each highlight is a heading; plain lines under it continue it."""

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
                    highlights.extend(filter(None, [_finish(parts, None)]))
                parts = None if HIGHLIGHTS_HEADER.match(event.text) else HighlightParts([event.text])
            elif isinstance(event, Paragraph) and parts is not None:
                parts.text_lines.append(event.text)
        if parts is not None:
            highlights.extend(filter(None, [_finish(parts, None)]))
        return highlights


class _IdHeadingReader:
    """`##### ^id` starts a highlight, `###### ^idq` its text, a `^id` line ends it."""

    def read(self, events: list[Event]) -> list[Highlight]:
        highlights: list[Highlight] = []
        section: str | None = None
        parts: HighlightParts | None = None
        in_text = False
        for event in events:
            if isinstance(event, Heading):
                if _ID_HEADING.match(event.text):
                    in_text = parts is not None and event.text.endswith("q")
                    if not in_text:
                        highlights.extend(filter(None, [_finish(parts, section)] if parts else []))
                        parts = HighlightParts()
                elif not HIGHLIGHTS_HEADER.match(event.text):
                    highlights.extend(filter(None, [_finish(parts, section)] if parts else []))
                    parts, in_text, section = None, False, clean_line(event.text)
            elif isinstance(event, Paragraph) and parts is not None:
                in_text = self._line(parts, event.text, in_text)
            elif isinstance(event, Item) and parts is not None and in_text:
                parts.text_lines.extend(["- " + line if i == 0 else line for i, line in enumerate(event.all_lines())])
        highlights.extend(filter(None, [_finish(parts, section)] if parts else []))
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
        elif _DATE_LINE.match(text.strip()):
            return False
        elif url:
            parts.url = parts.url or url
        elif tags is not None:
            parts.tags.extend(tags)
        elif text.strip() and not is_block_id(text):
            parts.note_lines.append(text.strip())
        return False
