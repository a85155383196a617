"""One highlight's raw lines -> text, location and URL; its child lines -> note and tags."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlparse

from hltui.display import strip_control
from hltui.model import identity
from hltui.parsing.cleaning import clean_block, parse_tags, unescape_markdown
from hltui.parsing.dates import iso_date
from hltui.parsing.trailing_link import TRAILING_BLOCK_ID, URL_PATTERN, trailing_token

_BLOCK_ID_LINE = re.compile(r"^\s*\^([A-Za-z0-9-]+)\s*$")
# `{ #ref-694072827}`: an anchor some templates write under a highlight (kramdown's block attribute).
_ANCHOR_LINE = re.compile(r"^\s*\{\s*#([A-Za-z0-9_-]+)\s*\}\s*$")
# `[!QUOTE]` opening a callout: the quote's kind, not its text.
_CALLOUT_HEADER = re.compile(r"^\[![A-Za-z]+(?:\|[^\]]*)?\][-+]?\s*$")  # also `[!quote|#ffd400]` (Zotero)
# Logseq block properties (`id:: <uuid>`, `collapsed:: true`) sit on the lines under a block.
_BLOCK_PROPERTY_LINE = re.compile(r"^\s*[a-z][a-z0-9_-]*::(?:[ \t].*)?$")
# `{:height 548, :width 607}`: the size Logseq writes after an image.
_IMAGE_SIZE = re.compile(r"(?<=\))\{:[a-z-]+ [^{}\n]{0,200}\}")
# `#Highlight #[[2024-04-07]]` written by a template after the location link.
_TAG_TOKEN = re.compile(r"#(?:\[\[[^\[\]\n]+\]\]|[^\s#\[\]()]+)$")
_MAX_TRAILING_TAGS = 50
_DATE_TAG = re.compile(r"^#\[\[\d{4}-\d\d-\d\d\]\]$")
_MAX_TRAILING_LINKS = 8
# A line that is only an image (a cover): `![rw-book-cover](url)`, `![](url){:height 5}`, `<img src=...>`.
IMAGE_ONLY = re.compile(r"^(?:-[ \t]+)?(?:!\[[^\]]*\]\([^()\s]*\)(?:\{[^{}]*\})?|<img\b[^>]*>)$", re.IGNORECASE)
_LINK_ONLY_LINE_PREFIX = re.compile(r"^[>\s\\*-]*")
_QUOTE_MARK = re.compile(r"^\s*>\s?")
_OBSIDIAN_COMMENT = re.compile(r"%%.*?%%", re.DOTALL)  # `%%id topstart%%` markers of some exporters
_GOTO = re.compile(rf"^\s*Goto:\s*{URL_PATTERN}\s*$", re.IGNORECASE)
_LABEL = re.compile(
    r"^\s*(?:\*\*|__)?([A-Za-z][A-Za-z _-]{0,40}?)(?:\*\*|__)?\s*(::?)\s*(?:\*\*|__)?[ \t]?(.*)$", re.DOTALL
)
_LONGEST_LABEL = 45  # `**`, 41 characters, `**`: what _LABEL's label can hold before its first colon
_NOTE_LABELS = {"note", "notes", "comment", "comments"}
_NOTE_WORDS = re.compile(r"\b(note|notes|thought|thoughts|comment)\b")
_CALLOUT = re.compile(r"^\s*>\s*\[![A-Za-z]+\][-+]?\s*")
_TAG_LABELS = {"tags", "tag", "highlighttags", "highlight tags", "highlight_tags", "see also"}
_IGNORED_LABELS = {"date", "highlighted", "created", "id", "collapsed", "location", "added", "updated", "time"}
# Labels (as `identity` writes them) of when a highlight was made, and of when it was last edited:
# the second only when the first is missing.
_ADDED_LABELS = {
    "date", "highlighted", "highlightedat", "highlightedon", "datehighlighted", "highlightdate", "highlighteddate",
    "added", "addedon", "addedat", "dateadded", "created", "createdat", "createdon", "datecreated",
}  # fmt: skip
_UPDATED_LABELS = {"updated", "updatedat", "dateupdated", "modified", "datemodified", "lastmodified"}


@dataclass(slots=True)
class HighlightParts:
    """The pieces of one highlight while it is being assembled."""

    text_lines: list[str] = field(default_factory=list)
    note_lines: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    location: str | None = None
    url: str | None = None
    block_id: str | None = None
    added: str | None = None
    updated: str | None = None

    def take_date(self, kind: str, value: str) -> None:
        """Keep the first date of each kind (`added` or `updated`) written under the highlight."""
        if kind == "added":
            self.added = self.added or value
        else:
            self.updated = self.updated or value


def split_text(parts: HighlightParts) -> tuple[str, str | None, str | None]:
    """Strip the location, links and block ids from a highlight; return text, location, URL.

    A block id found on the way is kept in `parts.block_id`; the template tags after a link go
    to `parts.tags`.
    """
    lines = _without_properties(parts, parts.text_lines)
    location, url = parts.location, parts.url
    if lines and lines[0].lstrip().startswith(">"):
        lines = [_QUOTE_MARK.sub("", line) for line in lines]
        lines = lines[1:] if _CALLOUT_HEADER.match(lines[0]) else lines
    while lines and not lines[-1].strip():
        lines.pop()
    while len(lines) > 1:
        found = _take_link(_LINK_ONLY_LINE_PREFIX.sub("", lines[-1]), parts)
        if found is None or found[0].strip():
            break
        location, url = location or found[1], url or found[2]
        lines.pop()
    if lines:
        last, found_location, found_url = _strip_links(lines[-1], parts)
        lines[-1] = last
        location, url = location or found_location, url or found_url
    text = lines[0].rstrip() if len(lines) == 1 else "\n".join([line.rstrip() for line in lines])
    text = (_OBSIDIAN_COMMENT.sub("", text) if "%%" in text else text).strip()
    location = location or _kindle_location(url)
    text = unescape_markdown(_IMAGE_SIZE.sub("", text) if "{:" in text else text)
    return strip_control(text), location and strip_control(location), url and strip_control(url)


def _without_properties(parts: HighlightParts, lines: list[str]) -> list[str]:
    """Lines minus block ids and Logseq block properties; the first block id is remembered.

    When the highlight's link ends a `key:: value` line, the highlighted text itself held such
    lines (a quoted template): then they are text. Logseq writes a block's properties after it.
    """
    quoted_properties = bool(lines) and _is_property(lines[-1]) and ends_in_link(lines[-1])
    kept: list[str] = []
    for line in lines:
        block_id = _block_id_line(line) if "^" in line or "{" in line else None
        if block_id:
            parts.block_id = parts.block_id or block_id.group(1)
        elif quoted_properties or "::" not in line or not _BLOCK_PROPERTY_LINE.match(line):
            kept.append(line)
        elif dated := date_label(line):  # `date:: [[2023-12-10]]` among a Logseq block's properties
            parts.take_date(*dated)
    return kept


# Each line pattern runs only when the characters it cannot match without are in the line.
def _block_id_line(line: str) -> re.Match[str] | None:
    """`^rw123` or `{ #ref-1}` alone on a line."""
    if "^" in line and (match := _BLOCK_ID_LINE.match(line)):
        return match
    return _ANCHOR_LINE.match(line) if "{" in line else None


def _is_property(line: str) -> bool:
    return "::" in line and bool(_BLOCK_PROPERTY_LINE.match(line))


def _label(text: str) -> re.Match[str] | None:
    """A `Label:` line; the label is at most 45 characters with its `**`, so a later colon (a URL's) is none."""
    colon = text.find(":")
    if colon < 0 or len(text[:colon].strip()) > _LONGEST_LABEL:
        return None
    return _LABEL.match(text)


def is_image_only(text: str) -> bool:
    """Whether a (stripped) line is only an image: a cover, or an image block."""
    return ("![" in text or "<" in text) and bool(IMAGE_ONLY.match(text))


def finished_note(lines: list[str]) -> str | None:
    """The note's text: escapes undone, comments and trailing `^rw123-note` block ids removed."""
    if not lines:
        return None
    note = clean_block("\n".join([TRAILING_BLOCK_ID.sub("", line) if "^" in line else line for line in lines]))
    if note and "%%" in note:
        note = _OBSIDIAN_COMMENT.sub("", note)
    return (unescape_markdown(note).strip() or None) if note else None


def clean_note_lines(lines: list[str]) -> list[str]:
    """A note's lines without block ids, Logseq properties and image sizes."""
    return [_IMAGE_SIZE.sub("", line) for line in lines if not is_block_id(line)]


def _strip_links(line: str, parts: HighlightParts | None = None) -> tuple[str, str | None, str | None]:
    """Remove location and link tokens (and template tags after them) from the end of a line."""
    location: str | None = None
    url: str | None = None
    readwise_url: str | None = None
    line = _take_template_tags(line, parts)
    for _ in range(_MAX_TRAILING_LINKS):  # a template writes a few; a hostile line could hold thousands
        found = _take_link(line, parts)
        if found is None:
            return line, location, url or readwise_url
        line, found_location, found_url = found
        if found_location is None and found_url and "readwise.io/open/" in found_url and url is None:
            readwise_url = readwise_url or found_url
            continue
        location, url = location or found_location, url or found_url
    return line, location, url or readwise_url


def _take_template_tags(line: str, parts: HighlightParts | None) -> str:
    """`text ([Location 9](url)) #Highlight #[[2024-04-07]]`: the tags after the link are tags.

    Only a run of tags that follows a link is taken: a tweet that ends in hashtags keeps them.
    Read from the right, token by token, so a long line costs no more than its tail.
    """
    if "#" not in line:
        return line  # no tag at all: the common case
    rest = line.rstrip()
    tags: list[str] = []
    while len(tags) < _MAX_TRAILING_TAGS:
        start = rest.rfind("#[[") if rest.endswith("]]") else max(rest.rfind(" "), rest.rfind("\t")) + 1
        token = rest[start:]
        if start <= 0 or not rest[start - 1].isspace() or not _TAG_TOKEN.match(token):
            break
        tags.append(token)
        rest = rest[:start].rstrip()
    dated = next((tag for tag in tags if _DATE_TAG.match(tag)), None)  # `#Highlight #[[2022-01-13]]`, link or not
    if not tags or (_take_link(rest) is None and not dated):
        return line
    if parts is not None:
        parts.tags.extend(parse_tags(" ".join(reversed(tags))))
        if dated:  # the template wrote the day of the highlight as a tag: it is also its date
            parts.added = parts.added or iso_date(dated)
    return rest


def _take_link(line: str, parts: HighlightParts | None = None) -> tuple[str, str | None, str | None] | None:
    """Take one trailing token (block id, location, view link) off a line; a block id goes to `parts`."""
    found = trailing_token(line)
    if found is None:
        return None
    if parts is not None:
        if found.block_id is not None:
            parts.block_id = parts.block_id or found.block_id
        if found.added is not None:  # `(Highlighted: December 4, 2022)` at the end of the text
            parts.added = parts.added or found.added
    return found.rest, found.location, found.url


def _kindle_location(url: str | None) -> str | None:
    """The Kindle location carried by a `to_kindle` link, when nothing else gave one."""
    if not url or "to_kindle" not in url:
        return None
    try:
        values = parse_qs(urlparse(url).query).get("location")
    except ValueError:  # `https://[host…`: not a URL Python can read, so no location in it
        return None
    return f"Location {values[0]}" if values and values[0].isdigit() else None


def take_trailing_link(line: str) -> tuple[str, str | None]:
    """A line without its trailing links, and the URL they gave."""
    rest, _, url = _strip_links(line)
    return rest, url


def ends_in_link(line: str) -> bool:
    """Whether a line ends in a location, a highlight link or a block id."""
    return _take_link(line) is not None


def goto_url(line: str) -> str | None:
    """The URL of a `Goto: <url>` line."""
    match = _GOTO.match(line) if ":" in line else None
    return match.group(1) if match else None


def is_block_id(line: str) -> bool:
    """Whether a line is only an Obsidian block id (`^rw123`) or a Logseq block property."""
    return ("^" in line and bool(_BLOCK_ID_LINE.match(line))) or _is_property(line)


def add_child(parts: HighlightParts, child_lines: list[str], *, unlabelled_is_note: bool) -> None:
    """Attach a child block (`Note:`, `Tags:`, a date, a location) to a highlight."""
    if not child_lines:
        return
    first, is_callout = _CALLOUT.subn("", child_lines[0])
    label_match = _label(first)
    label = label_match.group(1).strip().casefold() if label_match else ""
    rest = [label_match.group(3) if label_match else first, *child_lines[1:]]
    if is_callout:
        parts.note_lines.extend([first.strip(), *(_QUOTE_MARK.sub("", line) for line in child_lines[1:])])
    elif label in _NOTE_LABELS or _NOTE_WORDS.search(label):
        parts.note_lines.extend(clean_note_lines(rest))
    elif label in _TAG_LABELS:
        parts.tags.extend(parse_tags(" ".join(rest)))
    elif label and (dated := _labelled_date(label, " ".join(rest))):
        parts.take_date(*dated)
    elif label in _IGNORED_LABELS or (label_match and label_match.group(2) == "::") or _only_location(first, parts):
        return
    elif is_image_only(first.strip()):
        parts.text_lines.append(first.strip())  # an image block under a highlight shows the highlight
    elif unlabelled_is_note:
        parts.note_lines.extend(clean_note_lines(child_lines))
    else:
        parts.text_lines.extend(["- " + first, *("  " + line for line in child_lines[1:])])


def _only_location(line: str, parts: HighlightParts) -> bool:
    """A child that is nothing but a location link (Logseq sibling-location blocks)."""
    stripped, location, url = _strip_links(line.strip())
    if stripped.strip() or (location is None and url is None):
        return False
    parts.location, parts.url = parts.location or location, parts.url or url
    return True


def _labelled_date(label: str, value: str) -> tuple[str, str] | None:
    """`("added", iso)` for `Date: …`, `("updated", iso)` for `Updated: …`; None for other labels or no date."""
    key = identity(label)
    kind = "added" if key in _ADDED_LABELS else "updated" if key in _UPDATED_LABELS else None
    if kind is None:
        return None
    found = iso_date(value)
    return (kind, found) if found else None


def date_label(text: str) -> tuple[str, str] | None:
    """The date when a whole line is a date label (`**Date**: 2023-01-10`, `date:: [[Dec 4th, 2022]]`),
    as `(kind, iso)` with kind `added` or `updated`."""
    match = _label(text)
    return _labelled_date(match.group(1).strip(), match.group(3)) if match else None


def tag_line(text: str) -> list[str] | None:
    """Tags when a whole line is a tag label (`Tags: [[a]]`, `highlight_tags:: [[b]]`)."""
    match = _label(text)
    if match and match.group(1).strip().casefold() in _TAG_LABELS:
        return parse_tags(match.group(3))
    return None


def note_line(text: str) -> str | None:
    """The note when a whole line is a note label (`**Note**: ...`)."""
    match = _label(text)
    label = match.group(1).strip().casefold() if match else ""
    # `**Initial thought or note on:**`: a bold label that speaks of a note or a thought.
    if match and (label in _NOTE_LABELS or (text.lstrip().startswith("**") and _NOTE_WORDS.search(label))):
        note = match.group(3)
        if note.strip() and not _strip_links(note.strip())[0].strip():
            return ""  # the label is followed only by the highlight's location link
        # `**Note: text**`: the bold opened before the label closes after the note.
        if text.lstrip().startswith("**") and note.rstrip().endswith("**") and note.count("**") % 2:
            return note.rstrip()[:-2]
        return note
    return None
