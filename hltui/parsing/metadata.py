"""Document metadata written in the body: Metadata bullets, properties, dataview fields."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hltui.model import identity
from hltui.parsing.cleaning import HEADING
from hltui.parsing.dates import CREATED_KEYS, UPDATED_KEYS, iso_date
from hltui.parsing.highlight_text import is_image_only

# `- Key: value`, `- **Key:** value`, `**Key**:: value`, `>Key:: value`, `key:: value`, `## Key:: value`
_FIELD = re.compile(
    r"^(?:#{1,6}[ \t]+|>[ \t]*|[-*][ \t]+)?(?:\*\*|__)?([A-Za-z][A-Za-z _-]{0,30}?)(?:\*\*|__)?[ \t]*(::?)"
    r"(?:\*\*|__)?(?:[ \t]+(.*)|[ \t]*)$"
)
_BARE_URL = re.compile(r"^<?(https?://\S+?)>?$")
_BARE_HASHTAGS = re.compile(r"^(?:-[ \t]+)?(#[^\s#]+[ \t]*)+$")

FIELD_NAMES: dict[str, str] = {
    "title": "title",
    "fulltitle": "full_title",
    "author": "author",
    "authors": "author",
    "creator": "author",
    "category": "category",
    "type": "type",  # `type:: [[Readwise]]` must not hide a `category::` line: read apart, tried after it
    "media": "media",
    "documenttags": "tags",
    "tags": "tags",
    "url": "url",
    "link": "url",
    "sourceurl": "url",
    "reference": "url",  # the Kindle plugin's `* Reference: https://www.amazon.com/dp/…`
    "source": "source",
    "summary": "summary",
    "documentnote": "note",
    # `Last-Highlighted-Date:: [[2024-02-08]]`, `- **Imported:** November 15th, 2021 7:19 AM`
    **dict.fromkeys(UPDATED_KEYS, "updated"),
    **dict.fromkeys(CREATED_KEYS, "created"),
}
_DATE_FIELDS = {"updated", "created"}
_BARE_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")  # `2023-07-01` alone under the URL (a user's template)
_MULTI_LINE = {"summary", "note"}
_PLAIN_KEY_SECTIONS = {"metadata", "about", "info", "information", "details"}
# Headings that name a part of the file; any other first-level heading is the title.
_NAMED_SECTIONS = {*_PLAIN_KEY_SECTIONS, "highlights", "summary", "documentnote", "notes", "fulldocument"}
_MAX_JOINED_LINES = 5
_SECTION_FIELDS = {"summary": "summary", "documentnote": "note", "note": "note"}


@dataclass(slots=True)
class BodyMetadata:
    """What the body says about the document, first value of each field kept."""

    fields: dict[str, str] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    bare_urls: list[str] = field(default_factory=list)
    heading_title: str | None = None
    consumed: set[int] = field(default_factory=set)

    def put(self, name: str, value: str) -> None:
        """Record a field unless an earlier line already gave it."""
        if name == "tags":
            self.tags.append(value)
        elif value.strip() and name not in self.fields:
            self.fields[name] = value


def read_body_metadata(lines: list[str], *, loose_keys: bool) -> BodyMetadata:
    """Read metadata from body lines; `loose_keys` accepts plain `Key: value` everywhere.

    Plain `Key: value` lines (no bullet, no `::`) also count in a `Metadata` or `About` section
    and in the preamble: before the first heading other than the title, and before any bullet.
    """
    reader = _MetadataReader(lines, loose_keys)
    for index, line in enumerate(lines):
        # An empty line after an empty line changes nothing; the highlights are blanked out of
        # these lines, so most lines of a file are such runs.
        if line or index == 0 or lines[index - 1]:
            reader.read_line(index, line)
    return reader.finish()


class _MetadataReader:
    """The state of reading body metadata line by line."""

    def __init__(self, lines: list[str], loose_keys: bool) -> None:
        self.lines = lines
        self.loose_keys = loose_keys
        self.found = BodyMetadata()
        self.section = ""
        self.in_preamble = True
        self.open_field: str | None = None
        # Multi-line values are gathered as lists and joined once: joining at each line was quadratic.
        self.multi_line: dict[str, list[str]] = {}
        self.continued_until = -1

    def finish(self) -> BodyMetadata:
        for name, pieces in self.multi_line.items():
            self.found.fields[name] = "\n".join(pieces).strip()
        return self.found

    def read_line(self, index: int, line: str) -> None:
        if index <= self.continued_until:
            return
        stripped = line.strip()
        heading = HEADING.match(line) if line.startswith("#") else None
        if heading and "::" not in heading.group(2):
            self._heading(index, heading)
        elif not stripped:
            self.open_field = self.open_field if self.section in _SECTION_FIELDS else None
        elif (name := _field_name(line, plain_keys=self._plain_keys())) is not None:
            self._field(index, name)
        elif self.open_field is not None and not stripped.startswith(("- ", "* ", "#")) and not _is_image(stripped):
            self.multi_line[self.open_field].append(stripped)
            self.found.consumed.add(index)
        else:
            if stripped.startswith(("- ", "* ")):
                self.open_field = None  # a bullet ends a summary: what is indented under it is the bullet's
            self._bare_line(index, line)

    def _plain_keys(self) -> bool:
        return self.loose_keys or self.section in _PLAIN_KEY_SECTIONS or (self.section == "" and self.in_preamble)

    def _heading(self, index: int, heading: re.Match[str]) -> None:
        name = identity(heading.group(2))
        is_title = heading.group(1) == "#" and name not in _NAMED_SECTIONS
        if is_title and self.found.heading_title is None:
            self.found.heading_title = self._joined_value(index, heading.group(2))
        if not is_title:
            self.section, self.in_preamble = name, False
        self.open_field = _SECTION_FIELDS.get(name)
        if self.open_field is not None:
            self.multi_line.setdefault(self.open_field, [])
        self.found.consumed.add(index)

    def _field(self, index: int, name: str) -> None:
        value = _FIELD.match(_field_text(self.lines[index])).group(3) or ""  # type: ignore[union-attr]
        value = self._joined_value(index, value.rstrip().removesuffix("\\"))  # `\` hard breaks end some properties
        self.found.consumed.update(range(index, max(index, self.continued_until) + 1))
        if name in _MULTI_LINE:
            if name not in self.multi_line or not self.multi_line[name]:
                self.multi_line[name] = [value] if value.strip() else []
            self.open_field = name
        else:
            self.found.put(name, value)
            self.open_field = None

    def _joined_value(self, index: int, value: str) -> str:
        """A value whose `[[wikilink]]` a line break cut in two, joined again (`A` / `B` -> `A, B`)."""
        end = index
        while value.count("[[") > value.count("]]") and end + 1 < len(self.lines) and end - index < _MAX_JOINED_LINES:
            end += 1
            following = self.lines[end].strip()
            if not following or following.startswith(("- ", "#")):
                return value
            separator = " " if value.rstrip().endswith(",") else ", "
            value = f"{value.rstrip()}{separator}{following}"
        self.continued_until = max(self.continued_until, end)
        return value

    def _bare_line(self, index: int, line: str) -> None:
        """An unlabelled line at the left margin: the document's URL or its hashtags."""
        stripped = line.strip()
        if line[:1].isspace() and not stripped.startswith(">"):
            return  # an indented line belongs to a highlight
        if "://" in stripped and _BARE_URL.match(stripped) and self.section != "fulldocument":
            self.found.bare_urls.append(_BARE_URL.match(stripped).group(1))  # type: ignore[union-attr]
            self.found.consumed.add(index)
        elif "#" in stripped and _BARE_HASHTAGS.match(stripped) and (self.section == "metadata" or self.in_preamble):
            # Only before the first highlight: a tweet may be nothing but hashtags.
            self.found.tags.append(stripped.lstrip("- "))
            self.found.consumed.add(index)
        elif not _is_image(stripped):
            if self.in_preamble and stripped[:1].isdigit() and _BARE_DATE.match(stripped):
                self.found.put("created", stripped)
            self.in_preamble = False


def _is_image(text: str) -> bool:
    return is_image_only(text)


def _field_text(line: str) -> str:
    """The part of a line a field is read from: callout lines (`> Key:: value`) lose their indent."""
    return line.strip() if line.lstrip().startswith(">") else line


def _field_name(line: str, *, plain_keys: bool) -> str | None:
    """The field a line sets, if it is a metadata line with a known key."""
    match = _FIELD.match(_field_text(line)) if ":" in line else None
    if not match:
        return None
    key, separator = identity(match.group(1)), match.group(2)
    marked = separator == "::" or line.lstrip()[:1] in ("-", "*", ">", "#") or line.lstrip().startswith("**")
    if not (marked or plain_keys):
        return None
    name = FIELD_NAMES.get(key)
    if name in _DATE_FIELDS and iso_date(match.group(3) or "") is None:
        return None  # `Date: the day I finished it`: not a date field, so the line stays what it was
    return name
