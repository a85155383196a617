"""Document metadata written in the body: Metadata bullets, properties, dataview fields."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hltui.text import HEADING, identity

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
    "type": "category",
    "documenttags": "tags",
    "tags": "tags",
    "url": "url",
    "link": "url",
    "sourceurl": "url",
    "source": "source",
    "summary": "summary",
    "documentnote": "note",
}
_MULTI_LINE = {"summary", "note"}
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
    """Read metadata from body lines; `loose_keys` accepts plain `Key: value` everywhere."""
    found = BodyMetadata()
    section = ""
    open_field: str | None = None
    for index, line in enumerate(lines):
        stripped = line.strip()
        heading = HEADING.match(line)
        if heading and "::" not in heading.group(2):
            section, open_field = identity(heading.group(2)), _SECTION_FIELDS.get(identity(heading.group(2)))
            if heading.group(1) == "#" and found.heading_title is None:
                found.heading_title = heading.group(2)
            found.consumed.add(index)
            continue
        if not stripped:
            open_field = open_field if section in _SECTION_FIELDS else None
            continue
        name = _field_name(line, plain_keys=loose_keys or section == "metadata")
        if name is not None:
            value = _FIELD.match(_field_text(line)).group(3) or ""  # type: ignore[union-attr]
            found.put(name, value.rstrip().removesuffix("\\"))  # a `\` hard break ends some property lines
            found.consumed.add(index)
            open_field = name if name in _MULTI_LINE else None
        elif open_field is not None and not stripped.startswith(("- ", "* ", "#")):
            found.fields[open_field] = f"{found.fields.get(open_field, '')}\n{stripped}".strip()
            found.consumed.add(index)
        elif _BARE_URL.match(stripped) and section != "fulldocument":
            found.bare_urls.append(_BARE_URL.match(stripped).group(1))  # type: ignore[union-attr]
            found.consumed.add(index)
        elif _BARE_HASHTAGS.match(stripped) and section in ("", "metadata"):
            found.tags.append(stripped.lstrip("- "))
            found.consumed.add(index)
    return found


def _field_text(line: str) -> str:
    """The part of a line a field is read from: callout lines (`> Key:: value`) lose their indent."""
    return line.strip() if line.lstrip().startswith(">") else line


def _field_name(line: str, *, plain_keys: bool) -> str | None:
    """The field a line sets, if it is a metadata line with a known key."""
    match = _FIELD.match(_field_text(line))
    if not match:
        return None
    key, separator = identity(match.group(1)), match.group(2)
    marked = separator == "::" or line.lstrip()[:1] in ("-", "*", ">", "#") or line.lstrip().startswith("**")
    if not (marked or plain_keys):
        return None
    return FIELD_NAMES.get(key)
