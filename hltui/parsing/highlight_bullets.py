"""Highlights written as bullets, with their notes, tags and links under them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from hltui.model import Highlight
from hltui.parsing.cleaning import HEADING, clean_block, clean_line, unique_tags
from hltui.parsing.dates import header_date
from hltui.parsing.highlight_common import HIGHLIGHTS_HEADER, ID_HEADING, finish_highlight, is_header_bullet
from hltui.parsing.highlight_events import Event, Heading, Item, is_bold_label
from hltui.parsing.highlight_text import (
    HighlightParts,
    add_child,
    date_label,
    ends_in_link,
    goto_url,
    is_block_id,
    is_image_only,
    note_line,
    tag_line,
)

_PROPERTY = re.compile(r"^[A-Za-z][\w -]{0,40}::(?:[ \t].*)?$")  # Roam's `Recommended By::` attribute


@dataclass(slots=True)
class _Attached:
    """Tags, notes and a link written on lines of their own after a highlight."""

    tags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    url: str | None = None
    added: str | None = None


class BulletReader:
    """Highlights written as bullets; headings in between are chapter sections."""

    def __init__(self, added: str | None = None) -> None:
        self.highlights: list[Highlight] = []
        self.section: str | None = None
        # The date of the latest sync header (`New highlights added …`): the highlights under it were added then.
        self.added = added
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
        if HIGHLIGHTS_HEADER.match(text):
            self.added = header_date(text) or self.added
            return
        if ID_HEADING.match(text):
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
        """Tags, a note or a date written on a line of their own after a highlight."""
        if not self.highlights:
            return False
        tags, note = tag_line(text), note_line(text)
        dated = date_label(text) if tags is None and note is None else None
        if tags is None and note is None and dated is None:
            return False
        attached = self.attached.setdefault(len(self.highlights) - 1, _Attached())
        attached.tags.extend(tags or [])
        attached.notes.extend([note] if note else [])
        attached.added = attached.added or (dated[1] if dated else None)
        return True

    def _item(self, item: Item, section: str | None) -> None:
        first = item.lines[0].strip()
        heading = HEADING.match(first) if first.startswith("#") else None
        if is_header_bullet(first) or first in ("---", "***"):
            self.added = header_date(first) or self.added
            self._children(item, section)
        elif heading:
            is_sync_header = HIGHLIGHTS_HEADER.match(heading.group(2))  # `- ### New highlights added …`
            self.added = (header_date(heading.group(2)) if is_sync_header else None) or self.added
            self._children(item, section if is_sync_header else clean_line(heading.group(2)))
        elif first in ("", "-") and len(item.lines) == 1 and item.children:
            self._container(item, section)
        elif _is_tag_only(first) and self._attach(first):
            return
        elif not self.highlights and _is_metadata_line(item, first):
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
        highlight = finish_highlight(parts, section, self.added)
        if highlight is not None:
            self.highlights.append(highlight)


def _with_inner_lists(item: Item, lines: list[str], children: list[Item]) -> tuple[list[str], list[Item]]:
    """Bullets written inside a highlight are a list in its text, kept in place.

    A bullet is inside when a line of the highlight follows it, or when the highlight's link
    comes at the end of a later bullet (the list ends the highlight): then what is under that
    bullet (a `Date::`, a note) belongs to the highlight. The other bullets are notes or tags.
    """
    if not children:
        return list(lines), children
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
    # A date on its own line after the highlight is the highlight's own: it wins over the section's.
    added = attached.added or highlight.added
    return replace(highlight, note=note, tags=tags, url=highlight.url or attached.url, added=added)


def _is_metadata_line(item: Item, first: str) -> bool:
    """`- **Imported:** date` or `- Recommended By::` alone; not `- id:: <uuid>` above a highlight's text."""
    alone = not item.children and not any(line.strip() for line in item.lines[1:])
    return alone and (is_bold_label(first) or ("::" in first and bool(_PROPERTY.match(first))))


def _is_cover(item: Item) -> bool:
    """A lone image before the first highlight is the document's cover, not a highlight."""
    lines = [line for line in item.lines if line.strip() and not is_block_id(line)]
    return len(lines) == 1 and not item.children and is_image_only(lines[0].strip())


def _is_plain_quote(text: str) -> bool:
    return text.startswith(">") and not text[1:].lstrip().startswith("[!")


def _is_tag_only(text: str) -> bool:
    """A line such as `See also: [[topic]]` that only carries tags."""
    tags = tag_line(text)
    return bool(tags) and re.sub(r"#?\[\[[^\]]*\]\]|#\S+|\s|,", "", text.partition(":")[2].lstrip(":")) == ""
