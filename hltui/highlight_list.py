"""The highlights part of an export: bullets, headings, paragraphs or id-headings -> highlights."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from hltui.highlight_events import BOLD_LABEL, Event, Heading, Item, Paragraph, events_of
from hltui.highlight_paragraphs import ParagraphReader, uses_paragraphs
from hltui.highlight_text import (
    IMAGE_ONLY,
    HighlightParts,
    add_child,
    ends_in_link,
    finished_note,
    goto_url,
    is_block_id,
    note_line,
    split_text,
    tag_line,
    take_trailing_link,
)
from hltui.model import Highlight
from hltui.text import HEADING, clean_block, clean_line, unique_tags

# `^258309231` (an Obsidian block id), `id820180151`: a heading that only names a highlight.
_ID_HEADING = re.compile(r"^(?:\^[A-Za-z0-9-]+|id\d+)$")
_DATE_LINE = re.compile(r"^\[\[([^\]]*)\]\][\s\d:apmAPM]*$")  # `[[2024-07-11]] 20:14`
_PROPERTY = re.compile(r"^[A-Za-z][\w -]{0,40}::(?:[ \t].*)?$")  # Roam's `Recommended By::` attribute
_NOTE_MARK = re.compile(r"^\s*\[n\]\s*", re.IGNORECASE)  # a template's marker of the reader's note
HIGHLIGHTS_HEADER = re.compile(
    r"^(?:(?:new\s+)?highlights?(?:\s+(?:first\s+)?(?:synced|added)\b.*)?|new highlights\b.*)$", re.IGNORECASE
)
# `- Highlights first synced by [[Readwise]]`, `- New highlights added …`, or a bare `- Highlights` block.
_HEADER_BULLET = re.compile(
    r"^(?:(?:new\s+)?highlights?\s+(?:first\s+)?(?:synced|added)\b.*|(?:\*\*)?highlights:?(?:\*\*)?)$", re.IGNORECASE
)


def is_header_bullet(text: str) -> bool:
    """A Logseq/Roam block such as `Highlights first synced by [[Readwise]] [[date]]`."""
    text = text.strip()
    return bool(_HEADER_BULLET.match(text.replace("[[", "").replace("]]", "") if "[[" in text else text))


def parse_highlights(lines: list[str]) -> list[Highlight]:
    """Turn the lines under a highlights header into highlights."""
    events = events_of(lines)
    if any(isinstance(event, Heading) and _ID_HEADING.match(event.text) for event in events):
        return _IdHeadingReader().read(events)
    items = [event for event in events if isinstance(event, Item)]
    if items and not _paragraphs_hold_the_highlights(items, events):
        return _BulletReader().read(events)
    if uses_paragraphs(events) or not any(isinstance(event, Heading) and not _is_header(event) for event in events):
        found = ParagraphReader(lambda text: bool(HIGHLIGHTS_HEADER.match(text))).read(events)
        return [highlight for parts, section in found if (highlight := _finish(parts, section))]
    return _HeadingReader().read(events)


def _paragraphs_hold_the_highlights(items: list[Item], events: list[Event]) -> bool:
    """Paragraphs are the highlights though bullets are written too: `- **Date:** …` above them,
    or the reader's own lists among quoted highlights that end in their links (no bullet does)."""
    if not uses_paragraphs(events):
        return False
    if all(BOLD_LABEL.match(item.lines[0]) for item in items):
        return True
    linked_paragraph = any(isinstance(event, Paragraph) and ends_in_link(event.text) for event in events)
    return linked_paragraph and not any(ends_in_link(line) for item in items for line in item.all_lines())


def _is_header(heading: Heading) -> bool:
    return bool(HIGHLIGHTS_HEADER.match(heading.text))


def _finish(parts: HighlightParts, section: str | None) -> Highlight | None:
    """Build the highlight, or nothing when no text is left."""
    text, location, url = split_text(parts)
    if not text.strip("-*+ "):
        return None  # nothing, or only the `-` of an empty Logseq block
    return Highlight(
        text=text,
        note=finished_note(parts.note_lines),
        tags=tuple(unique_tags(parts.tags)),
        location=location,
        url=url,
        section=section,
        id=parts.block_id,
    )


@dataclass(slots=True)
class _Attached:
    """Tags, notes and a link written on lines of their own after a highlight."""

    tags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    url: str | None = None


class _BulletReader:
    """Highlights written as bullets; headings in between are chapter sections."""

    def __init__(self) -> None:
        self.highlights: list[Highlight] = []
        self.section: str | None = None
        # Applied once at the end: rebuilding the highlight at every line was quadratic.
        self.attached: dict[int, _Attached] = {}

    def read(self, events: list[Event]) -> list[Highlight]:
        for event in events:
            if isinstance(event, Heading):
                self._heading(event.text)
            elif isinstance(event, Item):
                self._item(event, self.section)
            else:
                self._paragraph(event.text)
        for index, attached in self.attached.items():
            self.highlights[index] = _with_attached(self.highlights[index], attached)
        return self.highlights

    def _heading(self, text: str) -> None:
        if HIGHLIGHTS_HEADER.match(text) or _ID_HEADING.match(text):
            return
        if not self._attach(text):
            self.section = clean_line(text)

    def _paragraph(self, text: str) -> None:
        url = goto_url(text)
        if url and self.highlights:
            attached = self.attached.setdefault(len(self.highlights) - 1, _Attached())
            attached.url = attached.url or url
        elif text.strip() and not self._attach(text) and self.highlights and _is_plain_quote(text):
            # A quote under a bulleted highlight is the reader's comment on it (a callout is the page's).
            self.attached.setdefault(len(self.highlights) - 1, _Attached()).notes.append(text[1:].strip())

    def _attach(self, text: str) -> bool:
        """Tags or a note written on a line of their own after a highlight."""
        if not self.highlights:
            return False
        tags, note = tag_line(text), note_line(text)
        if tags is None and note is None:
            return False
        attached = self.attached.setdefault(len(self.highlights) - 1, _Attached())
        attached.tags.extend(tags or [])
        attached.notes.extend([note] if note else [])
        return True

    def _item(self, item: Item, section: str | None) -> None:
        first = item.lines[0].strip()
        heading = HEADING.match(first)
        if is_header_bullet(first) or first in ("---", "***"):
            self._children(item, section)
        elif heading:
            is_sync_header = HIGHLIGHTS_HEADER.match(heading.group(2))  # `- ### New highlights added …`
            self._children(item, section if is_sync_header else clean_line(heading.group(2)))
        elif first in ("", "-") and len(item.lines) == 1 and item.children:
            self._container(item, section)
        elif _is_tag_only(first) and self._attach(first):
            return
        elif not self.highlights and (BOLD_LABEL.match(first) or _PROPERTY.match(first)) and not item.children:
            return  # `- **Imported:** date`, `- Recommended By::` lines of a metadata outline
        elif not self.highlights and _is_cover(item):
            return
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
        text_lines, children = _with_inner_lists(item, lines, children) if lines is item.lines else (lines, children)
        parts = HighlightParts(text_lines=text_lines)
        for child in children:
            add_child(parts, child.all_lines(), unlabelled_is_note=not _is_list_item(item, child))
        highlight = _finish(parts, section)
        if highlight is not None:
            self.highlights.append(highlight)


def _with_inner_lists(item: Item, lines: list[str], children: list[Item]) -> tuple[list[str], list[Item]]:
    """Bullets written inside a highlight are a list in its text, kept in place.

    A bullet is inside when a line of the highlight follows it, or when the highlight's link
    comes at the end of a later bullet (the list ends the highlight): then what is under that
    bullet (a `Date::`, a note) belongs to the highlight. The other bullets are notes or tags.
    """
    count = sum(1 for child in children if child.position < len(lines))
    closing: Item | None = None
    if lines and not ends_in_link(lines[-1]):
        closing = next(
            (
                child
                for child in children[count:]
                if _is_list_item(item, child) and child.lines and ends_in_link(child.lines[-1])
            ),
            None,
        )
    if closing is None and not count:
        return list(lines), children
    inner = children[: children.index(closing) + 1] if closing else children[:count]
    at_line: dict[int, list[str]] = {}  # grouped once: a lookup per line was quadratic
    for child in inner:
        at_line.setdefault(min(child.position, len(lines)), []).extend(_as_text(child, closing))
    text: list[str] = []
    for index, line in enumerate(lines):
        text += at_line.get(index, [])
        text.append(line)
    text += at_line.get(len(lines), [])
    rest = children[len(inner) :]
    return text, [*closing.children, *rest] if closing else rest


def _is_list_item(item: Item, child: Item) -> bool:
    """A child two spaces in is a list inside the text; deeper or tabbed ones are notes."""
    return not child.tabbed and child.indent - item.indent < 4


def _as_text(child: Item, closing: Item | None) -> list[str]:
    """A bullet written back into the text; the closing bullet without what is under it."""
    lines = child.lines if child is closing else child.all_lines()
    return ["- " + lines[0], *("  " + line for line in lines[1:])]


def _with_attached(highlight: Highlight, attached: _Attached) -> Highlight:
    """The highlight with what was written after it."""
    note = clean_block("\n".join(filter(None, [highlight.note, *attached.notes])))
    tags = tuple(unique_tags([*highlight.tags, *attached.tags]))
    return replace(highlight, note=note, tags=tags, url=highlight.url or attached.url)


def _is_cover(item: Item) -> bool:
    """A lone image before the first highlight is the document's cover, not a highlight."""
    lines = [line for line in item.lines if line.strip() and not is_block_id(line)]
    return len(lines) == 1 and not item.children and bool(IMAGE_ONLY.match(lines[0].strip()))


def _is_plain_quote(text: str) -> bool:
    return text.startswith(">") and not text[1:].lstrip().startswith("[!")


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
                        parts = HighlightParts(block_id=event.text.lstrip("^"))
                elif not HIGHLIGHTS_HEADER.match(event.text):
                    highlights.extend(filter(None, [_finish(parts, section)] if parts else []))
                    parts, in_text, section = None, False, clean_line(event.text)
            elif isinstance(event, Paragraph) and parts is not None:
                in_text = self._line(parts, event.text, in_text)
            elif isinstance(event, Item) and parts is not None and in_text:
                parts.text_lines.extend(["- " + line if i == 0 else line for i, line in enumerate(event.all_lines())])
            elif isinstance(event, Item) and parts is not None and parts.text_lines:
                _note_bullet(parts, event.all_lines())
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
        elif _is_date_line(text.strip()):
            return False
        elif url:
            parts.url = parts.url or url
        elif tags is not None:
            parts.tags.extend(tags)
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
