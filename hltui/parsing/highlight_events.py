"""The lines of a highlights section grouped into events: bullets, headings and paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hltui.parsing.cleaning import HEADING
from hltui.parsing.highlight_text import ends_in_link, goto_url, is_block_id, note_line, tag_line

_BULLET = re.compile(r"^([ \t]*)([-*+])(?:[ \t]+(.*)|[ \t]*)$")
# `**Date:** 2021-08-25`: a metadata bullet, which never continues into the paragraphs below it.
BOLD_LABEL = re.compile(r"^\*\*[^*]{1,40}?:\*\*|^\*\*[^*]{1,40}\*\*::?")
# Bullets nested deeper than this are read as text of the deepest one: no export nests so far,
# and a hostile file nesting thousands of levels must not exhaust the stack.
MAX_DEPTH = 32


@dataclass(slots=True)
class Item:
    """A bullet and what is indented under it."""

    indent: int
    lines: list[str]
    tabbed: bool
    children: list[Item] = field(default_factory=list)
    # How many of the parent's lines came before this bullet: a parent line after it means the
    # bullet is a list inside the parent's text, not a note under it.
    position: int = 0

    def all_lines(self) -> list[str]:
        """This item's lines with its descendants' where they were written, for a child block."""
        if not self.children:
            return list(self.lines)
        lines: list[str] = []
        children = iter(self.children)
        child = next(children, None)
        for index, line in enumerate(self.lines):
            while child is not None and child.position <= index and index > 0:
                lines += [f"  {text}" for text in _as_child(child.all_lines())]
                child = next(children, None)
            lines.append(line)
        while child is not None:
            lines += [f"  {text}" for text in _as_child(child.all_lines())]
            child = next(children, None)
        return lines


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


def is_bold_label(text: str) -> bool:
    """`**Date:** 2021-08-25` or `**Date**:: …`."""
    return text.startswith("**") and bool(BOLD_LABEL.match(text))


def _expand(line: str, indent: int) -> tuple[int, str]:
    """Indentation width (a tab is four columns) and the line with tabs expanded."""
    if "\t" not in line[:indent]:
        return indent, line
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip()), expanded


def events_of(lines: list[str]) -> list[Event]:
    """Group lines into bullets (with continuations and children), headings and paragraphs."""
    events: list[Event] = []
    stack: list[Item] = []
    blank_pending = False
    for line in lines:
        stripped = line.lstrip()
        if not stripped:
            blank_pending = True
            if not stack:
                events.append(Paragraph(""))
            continue
        indent, expanded = _expand(line, len(line) - len(stripped))
        bullet = _BULLET.match(line) if stripped.startswith(("-", "*", "+")) else None
        heading = HEADING.match(line) if indent == 0 and line.startswith("#") else None
        if heading:
            stack.clear()
            events.append(Heading(len(heading.group(1)), heading.group(2)))
        elif bullet and len(stack) >= MAX_DEPTH and indent > stack[-1].indent:
            stack[-1].lines.append(line.strip())
        elif bullet:
            _open_item(events, stack, indent, bullet.group(3) or "", "\t" in bullet.group(1))
        elif indent > 0 and stack:
            _continue_item(stack, indent, expanded, blank_pending, line.startswith("\t"))
        elif stack and not blank_pending and not is_block_id(line):
            stack[-1].lines.append(line.strip())
        else:
            stack.clear()
            events.append(Paragraph(line.rstrip()))
        blank_pending = False
    return join_unindented_continuations(events)


def _open_item(events: list[Event], stack: list[Item], indent: int, text: str, tabbed: bool) -> None:
    """Start a bullet, as a child of the nearest less-indented bullet."""
    while stack and stack[-1].indent >= indent:
        stack.pop()
    item = Item(indent, [text.rstrip()], tabbed or bool(stack and stack[-1].tabbed))
    if stack:
        item.position = len(stack[-1].lines)
        stack[-1].children.append(item)
    else:
        events.append(item)
    stack.append(item)


def _continue_item(stack: list[Item], indent: int, expanded: str, blank_pending: bool, tabbed: bool) -> None:
    """Add an indented line to the deepest bullet it sits under."""
    while len(stack) > 1 and stack[-1].indent >= indent:
        stack.pop()
    target = stack[-1]
    # A tab under a bullet written with spaces is that bullet's one level (Logseq's tabbed bullets
    # continue with two spaces after their own tabs).
    step = 4 if tabbed and not target.tabbed else 2
    content = expanded[min(indent, target.indent + step) :].rstrip()
    if blank_pending:
        target.lines.append("")
    if target.lines == [""]:
        target.lines[0] = content.strip()
    else:
        target.lines.append(content)


def join_unindented_continuations(events: list[Event]) -> list[Event]:
    """Older exports start a highlight's later paragraphs at column 0, its link after the last.

    A bullet with no link of its own takes the paragraphs that follow it up to and including
    the first one that ends in a link; without such a paragraph nothing is joined.
    """
    joined: list[Event] = []
    index = 0
    while index < len(events):
        event = events[index]
        joined.append(event)
        index += 1
        if not isinstance(event, Item):
            continue
        last = _last_bullet(event)  # Roam-style exports nest each highlight under a sync header
        if not ends_in_link(last.lines[-1]) and not is_bold_label(last.lines[0]):
            end = _linked_paragraph_end(events, index)
            if end is not None:
                texts = [paragraph.text for paragraph in events[index:end] if isinstance(paragraph, Paragraph)]
                last.lines.extend(["", *_with_single_blanks(texts)])
                index = _adopt_children(last, events, end)
    return joined


def _last_bullet(item: Item) -> Item:
    """The bullet written last under an item (the item itself when it has none)."""
    while item.children:
        item = item.children[-1]
    return item


def _adopt_children(item: Item, events: list[Event], start: int) -> int:
    """Bullets indented under a joined highlight (its `- Note:`) are its children; the index after them."""
    index = start
    while index < len(events) and isinstance(child := events[index], Item) and child.indent > item.indent:
        child.position = len(item.lines)
        item.children.append(child)
        index += 1
    return index


def _linked_paragraph_end(events: list[Event], start: int) -> int | None:
    """The index after the first paragraph from `start` that ends in a link, if only plain text comes before."""
    for index in range(start, len(events)):
        event = events[index]
        if not isinstance(event, Paragraph):
            return None
        if event.text and not is_plain_paragraph(event.text):
            return None
        if event.text and ends_in_link(event.text):
            return index + 1
    return None


def is_plain_paragraph(text: str) -> bool:
    """A line of text, not a `Tags:`/`Note:`/`Goto:` label, a block id or a callout."""
    stripped = text.strip()
    labelled = tag_line(stripped) is not None or note_line(stripped) is not None or goto_url(stripped)
    return not (labelled or is_block_id(stripped) or stripped.startswith(">"))


def _with_single_blanks(texts: list[str]) -> list[str]:
    """Paragraph lines with runs of blank lines folded to one and the ends trimmed."""
    kept: list[str] = []
    for text in texts:
        if text or (kept and kept[-1]):
            kept.append(text)
    while kept and not kept[-1]:
        kept.pop()
    return kept
