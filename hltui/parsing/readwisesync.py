"""Files written by the 2020-21 `readwisesync` script (technovangelist/readwisesync, Deno).

Often credited to renehernandez/obsidian-readwise, whose notes carry `%% highlight_id: N %%` instead.
The script writes, and rewrites on each sync:

    Notes for <title>                   (`Notes for unamed resource` without a title)
    ## Source:
    Author: / Category: / Updated: / CoverImageUrl: + image / Highlights URL: / SourceUrl:
    %%<book>topstart%%                  (later runs; the lines between markers are the reader's own)
    #### Extras:
    **tag****tag**, [links](to notes), words
    %%<book>topend%%
     -----
     ## Highlights:
    ### <first 60 characters...>        (a title only; it may wrap onto a second line)
    ><text; later paragraphs start with `>` or `&gt;`> ^rw<id>hl
    Comment: <note, any number of lines> ^rw<id>comment
    Highlighted: <date> / Updated: <date> / <highlight URL>
    %%<id>start%% #### Extras: ... %%<id>end%%
    ------

Text and notes were HTML-escaped by the script; the Extras lines were typed by the reader.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from itertools import islice
from pathlib import PurePosixPath
from urllib.parse import unquote

from hltui.display import strip_control
from hltui.model import Document, Highlight, identity
from hltui.parsing.action_tags import apply_action_tags
from hltui.parsing.cleaning import category_from, clean_block, clean_line, folder_category, unique_tags
from hltui.parsing.dates import iso_date, latest_of
from hltui.parsing.merge import unique_highlights

_TITLE = re.compile(r"^Notes for[ \t]+(.*)$")
_SOURCE = re.compile(r"^[ \t]*##[ \t]+Source:?[ \t]*$")
_HIGHLIGHTS = re.compile(r"^[ \t]*##[ \t]+Highlights:?[ \t]*$")
_EXTRAS = re.compile(r"^[ \t]*####[ \t]+Extras:?[ \t]*$")
_MARKER = re.compile(r"^[ \t]*%%\d+(?:top)?(start|end)%%[ \t]*$")
_SEPARATOR = re.compile(r"^[ \t]*-{5,}[ \t]*$")
_FIELD = re.compile(r"^([A-Za-z][A-Za-z ]{0,30}):[ \t]*(.*)$")
_TEXT_END = re.compile(r"\^rw(\d+)hl[ \t]*$")
_NOTE_END = re.compile(r"\^rw(\d+)comment[ \t]*$")
_DATE = re.compile(r"^(Highlighted|Updated):(.*)$")
# The script's own date line, exactly: it ends a text whose `^rw<id>hl` was deleted by hand.
_HIGHLIGHTED = re.compile(r"^Highlighted: (?:\d\d/\d\d/\d{4} \d\d:\d\d [AP]M|unknown)$")
_URL_LINE = re.compile(r"^[a-z][a-z0-9+.-]*://\S+$", re.IGNORECASE)
# In Extras: `**tag**`, `[Note](/path/to/note)` (not a web link) and `[[Note]]` name tags.
_EXTRA_TAG = re.compile(
    r"\*\*([^*\n]+?)\*\*"
    r"|\[([^\[\]\n]+)\]\((?![a-z][a-z0-9+.-]*:)[^()\n]*\)"
    r"|\[\[([^\[\]|\n]+)(?:\|[^\[\]\n]*)?\]\]",
    re.IGNORECASE,
)
_UNNAMED = "unamed resource"  # sic: the script's title for a source without one


@dataclass(slots=True)
class _Entry:
    """One highlight's lines while they are read."""

    text: list[str] = field(default_factory=list)
    note: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    id: str | None = None
    url: str | None = None
    # `Highlighted: 02/14/2021 07:02 PM`, `Updated: …` (`unknown` when the script had none)
    dates: dict[str, str] = field(default_factory=dict)


def readwisesync_document(lines: list[str], source_path: str) -> Document | None:
    """The document of a `readwisesync` file, or None when the file has another shape."""
    start = _title_index(lines)
    if start is None:
        return None
    end = next((index for index, line in enumerate(lines) if _HIGHLIGHTS.match(line)), len(lines))
    fields, extras = _read_head(lines[start + 1 : end])
    reader = _HighlightReader()
    for line in lines[end + 1 :]:
        reader.read(line)
    highlights = [highlight for entry in reader.entries if (highlight := _highlight(entry))]
    title = _TITLE.match(lines[start]).group(1)  # type: ignore[union-attr]
    return _document(title, fields, extras, highlights, source_path)


def _title_index(lines: list[str]) -> int | None:
    """Where `Notes for <title>` is, when it opens the file and `## Source:` follows it."""
    filled = list(islice((index for index, line in enumerate(lines[:200]) if line.strip()), 2))
    if len(filled) == 2 and _TITLE.match(lines[filled[0]]) and _SOURCE.match(lines[filled[1]]):
        return filled[0]
    return None


def _read_head(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """The `Key: value` lines of the Source block and the document's Extras lines."""
    fields: dict[str, str] = {}
    extras: list[str] = []
    in_extras = False
    for line in lines:
        if _EXTRAS.match(line):
            in_extras = True
        elif _MARKER.match(line) or _SEPARATOR.match(line):
            in_extras = False
        elif in_extras:
            extras.append(line)
        elif found := _FIELD.match(line):
            fields.setdefault(identity(found.group(1)), found.group(2))
    return fields, extras


class _HighlightReader:
    """Reads the highlights part line by line: heading, text, comment, dates, Extras, separator."""

    def __init__(self) -> None:
        self.entries: list[_Entry] = []
        self.state = "between"

    def read(self, line: str) -> None:
        if self.state in ("text", "note") and (_SEPARATOR.match(line) or _HIGHLIGHTED.match(line)):
            self.state = "after"  # an end marker removed by hand: the date or separator still ends it
            self.read(line)
        elif self.state == "text":
            self._text(line)
        elif self.state == "note":
            self._note(line)
        elif _SEPARATOR.match(line):
            self.state = "between"
        elif line.startswith("### ") and self.state != "heading":
            self.entries.append(_Entry())
            self.state = "heading"
        elif self.state != "between":
            self._other(line)

    def _other(self, line: str) -> None:
        """A line after the heading that is not inside the text or the comment."""
        entry = self.entries[-1]
        if self.state == "heading" and line.startswith(">"):
            self.state = "text"
            self._text(line)
        elif self.state != "extras" and line.startswith("Comment:"):
            self.state = "note"
            self._note(line.removeprefix("Comment:").lstrip())
        elif self.state == "heading":
            return  # the heading wrapped onto this line
        elif _EXTRAS.match(line):
            self.state = "extras"
        elif marker := _MARKER.match(line):
            self.state = "after" if marker.group(1) == "end" else self.state
        elif self.state == "extras":
            entry.extras.append(line)
        elif _URL_LINE.match(line.strip()) and entry.url is None:
            entry.url = strip_control(line.strip())
        elif dated := _DATE.match(line):
            entry.dates.setdefault(dated.group(1), dated.group(2))
        elif line.strip():
            entry.extras.append(line)  # the reader's own words outside the Extras block

    def _text(self, line: str) -> None:
        entry = self.entries[-1]
        line = line[1:] if line.startswith(">") else line.removeprefix("&gt;")
        end = _TEXT_END.search(line)
        if end:
            entry.id, line, self.state = end.group(1), line[: end.start()].rstrip(" \t"), "after"
        entry.text.append(line)

    def _note(self, line: str) -> None:
        entry = self.entries[-1]
        end = _NOTE_END.search(line)
        if end:
            entry.id = entry.id or end.group(1)
            line, self.state = line[: end.start()].rstrip(" \t"), "after"
        entry.note.append(line)


def _highlight(entry: _Entry) -> Highlight | None:
    """The finished highlight; a comment without text (an audio quote) becomes the text."""
    text = _unescaped(entry.text)
    tags, extra_note = _extras(entry.extras)
    note = "\n\n".join(part for part in (_unescaped(entry.note), extra_note) if part) or None
    if not text:
        text, note = note, None
    if not text:
        return None
    added = iso_date(entry.dates.get("Highlighted")) or iso_date(entry.dates.get("Updated"))
    return Highlight(text=text, note=note, tags=tuple(tags), url=entry.url, id=entry.id, added=added)


def _unescaped(lines: list[str]) -> str | None:
    return clean_block(html.unescape("\n".join(lines)))


def _extras(lines: list[str]) -> tuple[list[str], str | None]:
    """Tags from `**tag**` runs and note links; lines with other words are a note (tags as words)."""
    tags = [_tag_name(match) for line in lines for match in _EXTRA_TAG.finditer(line)]
    worded = [line for line in lines if not line.strip() or any(char.isalnum() for char in _EXTRA_TAG.sub("", line))]
    return unique_tags(tags), clean_block([_EXTRA_TAG.sub(_tag_name, line) for line in worded] or None)


def _tag_name(match: re.Match[str]) -> str:
    return next(group for group in match.groups() if group)


def _document(
    title: str, fields: dict[str, str], extras: list[str], highlights: list[Highlight], source_path: str
) -> Document:
    path = PurePosixPath(source_path)
    name = clean_line(title)
    if not name or name.casefold() == _UNNAMED:
        name = clean_line(unquote(path.stem)) or strip_control(path.name)
    tags, note = _extras(extras)
    return Document(
        title=name,
        source_path=source_path,
        author=clean_line(fields.get("author")),
        category=category_from(fields.get("category")) or folder_category(path.parent.parts),
        url=clean_line(fields.get("sourceurl")),
        tags=tuple(tags),
        note=note,
        highlights=tuple(unique_highlights(apply_action_tags(highlights))),
        updated=latest_of([iso_date(fields.get("updated")), *(highlight.added for highlight in highlights)]),
    )
