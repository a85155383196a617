"""One highlight's raw lines -> text, location and URL; its child lines -> note and tags."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlparse

from hltui.text import parse_tags, strip_control

_URL = r"<?([^\s()<>]+(?:\([^\s()<>]*\)[^\s()<>]*)*)>?"
_SPACE = r"[ \t\u00a0]"
_LINKED_LOCATION = re.compile(rf"\(?\[(Location|Page|Time){_SPACE}+([^\]]+?)\]\({_URL}\)\)?\s*$")
_VIEW_LINK = re.compile(rf"\(?\[\(?View (?:Highlight|Tweet)\)?\]\({_URL}\)\)?\s*$", re.IGNORECASE)
_PLAIN_LOCATION = re.compile(rf"\((Location|Page|Time){_SPACE}+([\d:,\-–]+)\)\s*$")
_OPEN_IN_READWISE = re.compile(rf"\[Open in Readwise\]\({_URL}\)\s*$", re.IGNORECASE)
_TRAILING_BLOCK_ID = re.compile(r"[ \t]\^[A-Za-z0-9-]+[ \t]*$")
# Trailing tokens are looked for in the end of a line only, so a pathological line stays cheap.
_TAIL_LENGTH = 2000
_BLOCK_ID_LINE = re.compile(r"^\s*(?:\^[A-Za-z0-9-]+|(?:id|collapsed|heading|background-color)::.*)\s*$")
_LINK_ONLY_LINE_PREFIX = re.compile(r"^[>\s\\*-]*")
_OBSIDIAN_COMMENT = re.compile(r"%%.*?%%", re.DOTALL)  # `%%id topstart%%` markers of some exporters
_GOTO = re.compile(rf"^\s*Goto:\s*{_URL}\s*$", re.IGNORECASE)
_LABEL = re.compile(
    r"^\s*(?:\*\*|__)?([A-Za-z][A-Za-z _-]{0,40}?)(?:\*\*|__)?\s*(::?)\s*(?:\*\*|__)?[ \t]?(.*)$", re.DOTALL
)
_NOTE_LABELS = {"note", "notes", "comment", "comments"}
_NOTE_WORDS = re.compile(r"\b(note|notes|thought|thoughts|comment)\b")
_CALLOUT = re.compile(r"^\s*>\s*\[![A-Za-z]+\][-+]?\s*")
_TAG_LABELS = {"tags", "tag", "highlighttags", "highlight tags", "highlight_tags", "see also"}
_IGNORED_LABELS = {"date", "highlighted", "created", "id", "collapsed", "location", "added", "updated", "time"}


@dataclass(slots=True)
class HighlightParts:
    """The pieces of one highlight while it is being assembled."""

    text_lines: list[str] = field(default_factory=list)
    note_lines: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    location: str | None = None
    url: str | None = None


def split_text(parts: HighlightParts) -> tuple[str, str | None, str | None]:
    """Strip the location, links and block ids from a highlight; return text, location, URL."""
    lines = [line for line in parts.text_lines if not _BLOCK_ID_LINE.match(line)]
    location, url = parts.location, parts.url
    if lines and lines[0].lstrip().startswith(">"):
        lines = [re.sub(r"^\s*>\s?", "", line) for line in lines]
    while lines and not lines[-1].strip():
        lines.pop()
    while len(lines) > 1:
        found = _take_link(_LINK_ONLY_LINE_PREFIX.sub("", lines[-1]))
        if found is None or found[0].strip():
            break
        location, url = location or found[1], url or found[2]
        lines.pop()
    if lines:
        last, found_location, found_url = _strip_links(lines[-1])
        lines[-1] = last
        location, url = location or found_location, url or found_url
    text = _OBSIDIAN_COMMENT.sub("", "\n".join(line.rstrip() for line in lines)).strip()
    location = location or _kindle_location(url)
    return strip_control(text), location and strip_control(location), url and strip_control(url)


def _strip_links(line: str) -> tuple[str, str | None, str | None]:
    """Remove location and link tokens from the end of a line, repeatedly."""
    location: str | None = None
    url: str | None = None
    readwise_url: str | None = None
    while True:
        found = _take_link(line)
        if found is None:
            return line, location, url or readwise_url
        line, found_location, found_url = found
        if found_location is None and found_url and "readwise.io/open/" in found_url and url is None:
            readwise_url = readwise_url or found_url
            continue
        location, url = location or found_location, url or found_url


def _take_link(line: str) -> tuple[str, str | None, str | None] | None:
    """Take one trailing token (block id, location, view link) off a line."""
    if len(line) > _TAIL_LENGTH:
        head, cut = line[:-_TAIL_LENGTH], line[-_TAIL_LENGTH:]
        found = _take_link_from(cut)
        return None if found is None else (head + found[0], found[1], found[2])
    return _take_link_from(line)


def _take_link_from(line: str) -> tuple[str, str | None, str | None] | None:
    tail = line.rstrip()[-1:]
    if tail != ")" and "^" not in line[-40:]:
        return None  # the common case, decided without running the patterns
    for pattern in (_TRAILING_BLOCK_ID, _OPEN_IN_READWISE):
        match = pattern.search(line)
        if match:
            url = match.group(1) if pattern is _OPEN_IN_READWISE else None
            return line[: match.start()].rstrip(" \t\u00a0"), None, url
    match = _LINKED_LOCATION.search(line)
    if match:
        return line[: match.start()].rstrip(" \t\u00a0"), _location(match.group(1), match.group(2)), match.group(3)
    match = _VIEW_LINK.search(line)
    if match:
        return line[: match.start()].rstrip(" \t\u00a0"), None, match.group(1)
    match = _PLAIN_LOCATION.search(line)
    if match:
        return line[: match.start()].rstrip(" \t\u00a0"), _location(match.group(1), match.group(2)), None
    return None


def _location(kind: str, value: str) -> str:
    """`Location 108` with an ordinary space."""
    return f"{kind} {' '.join(value.split())}"


def _kindle_location(url: str | None) -> str | None:
    """The Kindle location carried by a `to_kindle` link, when nothing else gave one."""
    if not url or "to_kindle" not in url:
        return None
    values = parse_qs(urlparse(url).query).get("location")
    return f"Location {values[0]}" if values and values[0].isdigit() else None


def goto_url(line: str) -> str | None:
    """The URL of a `Goto: <url>` line."""
    match = _GOTO.match(line)
    return match.group(1) if match else None


def is_block_id(line: str) -> bool:
    """Whether a line is only an Obsidian block id such as `^rw123`."""
    return bool(_BLOCK_ID_LINE.match(line))


def add_child(parts: HighlightParts, child_lines: list[str], *, unlabelled_is_note: bool) -> None:
    """Attach a child block (`Note:`, `Tags:`, a date, a location) to a highlight."""
    if not child_lines:
        return
    first, is_callout = _CALLOUT.subn("", child_lines[0])
    label_match = _LABEL.match(first)
    label = label_match.group(1).strip().casefold() if label_match else ""
    rest = [label_match.group(3) if label_match else first, *child_lines[1:]]
    if is_callout:
        parts.note_lines.extend([first.strip(), *(re.sub(r"^\s*>\s?", "", line) for line in child_lines[1:])])
    elif label in _NOTE_LABELS or _NOTE_WORDS.search(label):
        parts.note_lines.extend(line for line in rest)
    elif label in _TAG_LABELS:
        parts.tags.extend(parse_tags(" ".join(rest)))
    elif label in _IGNORED_LABELS or (label_match and label_match.group(2) == "::") or _only_location(first, parts):
        return
    elif unlabelled_is_note:
        parts.note_lines.extend(child_lines)
    else:
        parts.text_lines.extend(["- " + first, *("  " + line for line in child_lines[1:])])


def _only_location(line: str, parts: HighlightParts) -> bool:
    """A child that is nothing but a location link (Logseq sibling-location blocks)."""
    stripped, location, url = _strip_links(line.strip())
    if stripped.strip() or (location is None and url is None):
        return False
    parts.location, parts.url = parts.location or location, parts.url or url
    return True


def tag_line(text: str) -> list[str] | None:
    """Tags when a whole line is a tag label (`Tags: [[a]]`, `highlight_tags:: [[b]]`)."""
    match = _LABEL.match(text)
    if match and match.group(1).strip().casefold() in _TAG_LABELS:
        return parse_tags(match.group(3))
    return None


def note_line(text: str) -> str | None:
    """The note when a whole line is a note label (`**Note**: ...`)."""
    match = _LABEL.match(text)
    if match and match.group(1).strip().casefold() in _NOTE_LABELS:
        return match.group(3)
    return None
