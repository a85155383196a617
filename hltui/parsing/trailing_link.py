"""The token that ends a highlight's line: a location link, a view link, a block id or a comment id."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from hltui.parsing.dates import iso_date

URL_PATTERN = r"<?([^\s()<>]+(?:\([^\s()<>]*\)[^\s()<>]*)*)>?"
_SPACE = r"[ \t\u00a0]"
# `] (` with a space: some templates break the link that way, and it still means the link.
_LINK_OPEN = r"\][ \t]?\("
_LINKED_LOCATION = re.compile(
    rf"\(?\[\(?(Location|Page|Time|p\.){_SPACE}+([^\]]+?)\)?{_LINK_OPEN}{URL_PATTERN}\)\)?\s*$"
)
_VIEW_LINK = re.compile(rf"\(?\[\(?View (?:Highlight|Tweet)\)?{_LINK_OPEN}{URL_PATTERN}\)\)?\s*$", re.IGNORECASE)
# `([77](https://readwise.io/to_kindle?…location=77))`: the 2021 template's bare location number.
# Only after a space or `(`, and not to an anchor: `winner?[2](#fn2)` is a footnote.
_NUMBERED_LINK = re.compile(rf"(?:\(|(?<=\s))\[(\d[\d:,\-–]*){_LINK_OPEN}(?!#){URL_PATTERN}\)\)?\s*$")
_LOCATION_LABEL = re.compile(r"[ \t]*[—–-]?[ \t]*(location|page)[ \t]*:?$", re.IGNORECASE)
_COMMENT_ID = re.compile(r"%%[ \t]*highlight_id:[ \t]*(\d+)[ \t]*%%")
_HYPOTHESIS_TAIL = re.compile(r" — \[Updated on [^\]\n]*\]\(([^\s()]+)\)(?:[ \t]+—[ \t]+Group:[ \t]+\S+)?[ \t]*$")
_PLAIN_LOCATION = re.compile(rf"\((Location|Page|Time){_SPACE}+([\d:,\-–]+)\)\s*$")
_OPEN_IN_READWISE = re.compile(rf"\[Open in Readwise\]\({URL_PATTERN}\)\s*$", re.IGNORECASE)
# `(Highlighted: December 4, 2022)`, `(Added on Sunday, December 4, 2022 10:26:21 PM)`, `(Date: 2023-01-02)`
_DATE_NOTE = re.compile(r"\((?:Highlighted|Added|Date)(?:[ \t]+on)?[ \t]*:?[ \t]*([^()\n]{6,80})\)\s*$", re.IGNORECASE)
TRAILING_BLOCK_ID = re.compile(r"[ \t]\^([A-Za-z0-9-]+)[ \t]*$")
# Trailing tokens are looked for in the end of a line only, so a pathological line stays cheap.
_TAIL_LENGTH = 2000
# Lines are asked about several times (does it end in a link? then: take the link), so the answers
# are kept; keys are at most _TAIL_LENGTH long, which bounds the memory this holds.
_REMEMBERED_LINES = 4096


class Trailing(NamedTuple):
    """A line without its trailing token, and what the token said."""

    rest: str
    location: str | None = None
    url: str | None = None
    block_id: str | None = None
    added: str | None = None


def trailing_token(line: str) -> Trailing | None:
    """The trailing token of a line, or None when the line does not end in one."""
    if len(line) > _TAIL_LENGTH:
        head, cut = line[:-_TAIL_LENGTH], line[-_TAIL_LENGTH:]
        found = _trailing_token_of(cut)
        return None if found is None else found._replace(rest=head + found.rest)
    return _trailing_token_of(line)


@lru_cache(maxsize=_REMEMBERED_LINES)
def _trailing_token_of(line: str) -> Trailing | None:
    uncommented = _without_trailing_comments(line) if "%%" in line else line
    if uncommented is not line:
        comment_id = _COMMENT_ID.search(line, len(uncommented))
        if comment_id:  # `text %% highlight_id: 218789239 %%` (obsidian-readwise, 2021) ends a highlight
            return Trailing(uncommented, block_id=comment_id.group(1))
    line = uncommented
    annotated = line.rfind(" — [Updated on ")  # the Hypothesis plugin: `— [Updated on …](hyp.is/…) — Group: #x`
    match = _HYPOTHESIS_TAIL.match(line, annotated) if annotated >= 0 else None
    if match:
        return Trailing(line[:annotated].rstrip(), url=match.group(1))
    tail = line.rstrip()[-1:]
    if tail != ")" and "^" not in line[-40:]:
        return None  # the common case, decided without running the patterns
    caret = line.rfind("^")
    match = TRAILING_BLOCK_ID.search(line, max(0, caret - 1)) if caret >= 0 else None
    if match:
        return Trailing(line[: match.start()].rstrip(" \t\u00a0"), block_id=match.group(1))
    start = _link_start(line) if tail == ")" else -1
    return _take_linked(line, start) if start >= 0 else None  # every link pattern holds a `(`


def _link_start(line: str) -> int:
    """Where a trailing `[label](url)` can start: before the last `[` ahead of the last `](`.

    The patterns are searched from there, not from the start of the line: scanning every line
    whole, once per pattern, was the parser's largest cost.
    """
    boundary = max(line.rfind("]("), line.rfind("] ("))
    label = line.rfind("[", 0, boundary) if boundary > 0 else -1
    return max(0, label - 1) if label >= 0 else line.rfind("(")


def _take_linked(line: str, start: int) -> Trailing | None:
    """Take a trailing link or parenthesised location that starts at or after `start`.

    Each pattern runs only when the words it needs are in the tail: most lines need one pattern.
    """
    tail = line[start:]
    match = _OPEN_IN_READWISE.search(line, start) if "eadwise]" in tail else None
    if match:
        return Trailing(line[: match.start()].rstrip(" \t\u00a0"), url=match.group(1))
    labelled = any(word in tail for word in ("Location", "Page", "Time", "p."))
    match = _LINKED_LOCATION.search(line, start) if labelled else None
    if match:
        location = _location(match.group(1), match.group(2))
        return Trailing(line[: match.start()].rstrip(" \t\u00a0"), location, match.group(3))
    match = _VIEW_LINK.search(line, start) if "iew " in tail or "IEW " in tail else None
    if match:
        return Trailing(line[: match.start()].rstrip(" \t\u00a0"), url=match.group(1))
    dated = _date_note(line)
    if dated is not None:
        return dated
    paren = line.rfind("(")
    match = _PLAIN_LOCATION.search(line, paren) if paren >= 0 else None
    if match:
        return Trailing(line[: match.start()].rstrip(" \t\u00a0"), _location(match.group(1), match.group(2)))
    match = _NUMBERED_LINK.search(line, start)
    if match:
        rest, kind = line[: match.start()].rstrip(" \t\u00a0"), "Time" if ":" in match.group(1) else "Location"
        label = _LOCATION_LABEL.search(rest[-40:])  # the Kindle plugin's `text — location: [604](kindle://…)`
        if label:
            rest, kind = rest[: len(rest) - len(label.group(0))].rstrip(), label.group(1).capitalize()
        return Trailing(rest, _location(kind, match.group(1)), match.group(2))
    return None


def _date_note(line: str) -> Trailing | None:
    """A closing `(Highlighted: <date>)`: the highlight's date, when the words in it are one."""
    paren = line.rfind("(")
    opens_a_label = paren >= 0 and line[paren + 1 : paren + 2] in ("H", "h", "A", "a", "D", "d")
    match = _DATE_NOTE.match(line, paren) if opens_a_label else None
    added = iso_date(match.group(1)) if match else None
    if match is None or added is None:
        return None
    return Trailing(line[: match.start()].rstrip(" \t\u00a0"), added=added)


def _without_trailing_comments(line: str) -> str:
    """`text ([402](url)) %% Color: blue %%`: comments after a link hide it from the patterns."""
    rest = line.rstrip()
    if not rest.endswith("%%"):
        return line
    while rest.endswith("%%") and (start := rest.rfind("%%", 0, len(rest) - 2)) >= 0:
        rest = rest[:start].rstrip()
    return rest


def _location(kind: str, value: str) -> str:
    """`Location 108` with an ordinary space; Zotero's `p. 2` is `Page 2`."""
    return f"{'Page' if kind == 'p.' else kind} {' '.join(value.split())}"
