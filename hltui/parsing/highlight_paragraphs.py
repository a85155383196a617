"""Highlights written as paragraphs, not bullets: `>` quotes, or plain text ending in `^id`."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from hltui.parsing.cleaning import clean_line
from hltui.parsing.highlight_events import Event, Heading, Item, Paragraph
from hltui.parsing.highlight_text import (
    HighlightParts,
    date_label,
    ends_in_link,
    goto_url,
    is_block_id,
    is_image_only,
    note_line,
    tag_line,
)

_LOCATION_HEADING = re.compile(r"^(?:Location|Page|Time)[ \t\u00a0]+[\d:,\-–]+$", re.IGNORECASE)
_RULE = re.compile(r"^[ \t]*(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")


@dataclass(slots=True)
class Bullet:
    """A bullet among paragraph highlights: the reader's own list, written back as Markdown."""

    lines: list[str]
    after_blank: bool


Block = Heading | Bullet | list[str]


def paragraph_blocks(events: list[Event]) -> list[Block]:
    """Headings, bullets, and paragraphs as lists of lines (a blank line ends a paragraph)."""
    blocks: list[Block] = []
    current: list[str] = []
    blank = False
    for event in events:
        if isinstance(event, Paragraph) and event.text.strip() and not _RULE.match(event.text):
            current.append(event.text)
            blank = False
            continue
        if current:
            blocks.append(current)
            current = []
        if isinstance(event, Item):
            lines = event.all_lines()
            blocks.append(Bullet(["- " + lines[0], *lines[1:]], blank))
        blank = isinstance(event, Paragraph) and not event.text.strip()
        if isinstance(event, Heading):
            blocks.append(event)
        elif isinstance(event, Paragraph) and _RULE.match(event.text):
            blocks.append([event.text])  # a rule is a block of its own, even with no blank line around it
    if current:
        blocks.append(current)
    return [piece for block in blocks for piece in _split_after_links(block)]


def _split_after_links(block: Block) -> list[Block]:
    """Lines that each end in a link are highlights of their own, even with no blank between."""
    if not isinstance(block, list):
        return [block]
    pieces: list[Block] = []
    current: list[str] = []
    for line in block:
        current.append(line)
        if ends_in_link(line) and note_line(line.strip()) is None:  # a note label may carry the link
            pieces.append(current)
            current = []
    return [*pieces, current] if current else pieces


def uses_paragraphs(events: list[Event]) -> bool:
    """Whether the paragraphs of a section are highlights: quoted, or ending in a link or id."""
    return any(
        isinstance(event, Paragraph) and (event.text.startswith(">") or ends_in_link(event.text)) for event in events
    )


def _is_rule_block(block: Block) -> bool:
    return isinstance(block, list) and _is_rule(block)


def _is_quote(lines: list[str]) -> bool:
    return lines[0].lstrip().startswith(">")


def _is_rule(block: list[str]) -> bool:
    """A thematic break (`---`, `***`, `___`): templates put one between highlights."""
    return len(block) == 1 and bool(_RULE.match(block[0]))


def _is_hashtags(block: list[str]) -> bool:
    """A line of nothing but hashtags."""
    return len(block) == 1 and all(word.startswith("#") and len(word) > 1 for word in block[0].split())


def _is_cover(block: list[str]) -> bool:
    """A lone image before the first highlight: the cover."""
    return len(block) == 1 and is_image_only(block[0].strip())


class ParagraphReader:
    """Each paragraph is a highlight; `Note:`/`Tags:` paragraphs belong to the one before.

    When the section ends its highlights with a link or a block id, a paragraph without one
    continues into the next: that is a highlight of several paragraphs. Where rules separate
    the highlights and nothing else ends them, a highlight runs from rule to rule.
    """

    def __init__(self, is_header: Callable[[str], bool]) -> None:
        self.is_header = is_header
        self.finished: list[tuple[HighlightParts, str | None]] = []
        self.pending: list[str] = []
        self.leading_note: list[str] = []
        # After a `Note:` paragraph, plain paragraphs (no quote, no link) are more of that note.
        self.note_open = False
        self.section: str | None = None

    def read(self, events: list[Event]) -> list[tuple[HighlightParts, str | None]]:
        """The parts of each highlight and its section, in order."""
        blocks = paragraph_blocks(events)
        terminated = any(isinstance(block, list) and ends_in_link(block[-1]) for block in blocks)
        # Without links or ids, rules between highlights (Apple Books) say where each one ends.
        ruled = not terminated and sum(1 for block in blocks if isinstance(block, list) and _is_rule(block)) >= 2
        for block in blocks:
            self.note_open = self.note_open and isinstance(block, (list, Bullet)) and not _is_rule_block(block)
            if isinstance(block, Heading):
                self._heading(block)
            elif isinstance(block, Bullet):
                self._bullet(block)
            elif _is_rule(block):
                self._rule(terminated)
            elif (_is_cover(block) or _is_hashtags(block)) and not self.finished and not self.pending:
                continue  # a cover, or a template's own `#📫` marker, before the first highlight
            elif self.note_open and terminated and not _is_quote(block) and not ends_in_link(block[-1]):
                self.finished[-1][0].note_lines.extend(["", *block])  # the note goes on over paragraphs
            elif not self._attach(block):
                self.note_open = False
                if _is_quote(block) and self.pending and not _is_quote(self.pending):
                    # The reader's words written above a quoted highlight are their note on it.
                    self.leading_note, self.pending = self.pending, []
                self.pending.extend([""] * bool(self.pending) + block)
                if not (terminated or ruled) or ends_in_link(block[-1]):
                    self._close()
        self._close()
        return self.finished

    def _bullet(self, bullet: Bullet) -> None:
        """The reader's list goes with their words: what is pending, else the last highlight's note."""
        lines = [""] * bullet.after_blank + bullet.lines
        if self.pending:
            self.pending.extend(lines)
        elif self.finished:
            parts = self.finished[-1][0]
            first = bullet.lines[0][2:].strip()
            note, tags = note_line(first), tag_line(first)
            if tags is not None:
                parts.tags.extend(tags)
            elif note is not None:
                parts.note_lines.extend([*[""] * (bullet.after_blank and bool(parts.note_lines)), note])
            else:
                parts.note_lines.extend(lines if parts.note_lines else bullet.lines)

    def _rule(self, terminated: bool) -> None:
        """A rule separates highlights and is never text; what waits unfinished before it is a note.

        In a section whose highlights end in a link or an id, paragraphs without one between a
        highlight and the rule are the reader's note on it (the Kindle plugin's layout).
        """
        if terminated and self.pending and self.finished:
            self.finished[-1][0].note_lines.extend(self.pending)
            self.pending = []
        self._close()

    def _heading(self, heading: Heading) -> None:
        self._close()
        if not self.is_header(heading.text) and not _LOCATION_HEADING.match(heading.text):
            self.section = clean_line(heading.text)  # `### Location 42` names no section, only a place

    def _close(self) -> None:
        if self.pending:
            parts = HighlightParts(text_lines=self.pending, note_lines=self.leading_note)
            self.finished.append((parts, self.section))
            self.pending, self.leading_note = [], []

    def _attach(self, block: list[str]) -> bool:
        """A note, tags, a link, a date or a block id written as a paragraph of its own."""
        first = block[0].strip()
        tags, note, url = tag_line(first), note_line(first), goto_url(first)
        dated = date_label(first) if tags is None and note is None and url is None and len(block) == 1 else None
        if tags is None and note is None and url is None and dated is None and not is_block_id(first):
            return False
        self._close()
        if not self.finished:
            return tags is not None or note is not None or dated is not None
        parts = self.finished[-1][0]
        self.note_open = note is not None
        if dated is not None:
            parts.take_date(*dated)
        elif note is not None:
            parts.note_lines.extend([note, *block[1:]])
        elif tags is not None:
            parts.tags.extend(tags)
        elif url is not None:
            parts.url = parts.url or url
        else:
            parts.block_id = parts.block_id or first.lstrip("^")
        return True
