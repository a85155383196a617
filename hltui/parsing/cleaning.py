"""The parser's cleaners: values, tags and categories as the exports write them, made plain."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from hltui.display import strip_control

# `## Heading` -> level and text. Greedy `.*[^ \t]` keeps it linear on long runs of spaces,
# where a lazy `.*?` before `[ \t]*$` made the match quadratic.
HEADING = re.compile(r"^(#{1,6})[ \t]+((?:.*[^ \t])?)[ \t]*$")
_WIKILINK = re.compile(r"\[\[([^\[\]]*)\]\]")
_MARKDOWN_ESCAPE = re.compile(r"\\([#*_\[\]`\\|<>])")  # `\#12` written by linters means `#12`
_WHOLE_ITALIC = re.compile(r"^([*_])([^*_].*?)\1$")  # `*Jane Doe*` from linted templates
_PLACEHOLDERS = {"", "none", "null", "nil", "[[none]]", "[[]]", "n/a", "-"}
_TEMPLATE_PLACEHOLDER = re.compile(r"^\[*\{+[^{}]*\}+\]*$")
_TAG_TOKEN = re.compile(
    r"#\[\[([^\[\]]+)\]\]"  # #[[multi word]]
    r"|\[\[([^\[\]]+)\]\]"  # [[tag]]
    r"|#([^\s#,\[\]()]+)"  # #tag or #nested/tag
    r"|(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])"  # *favorite* (linter-italicised)
)
_CATEGORY_WORDS = {
    "book": "books",
    "books": "books",
    "article": "articles",
    "articles": "articles",
    "tweet": "tweets",
    "tweets": "tweets",
    "podcast": "podcasts",
    "podcasts": "podcasts",
    "supplemental": "supplementals",
    "supplementals": "supplementals",
}


# Any ASCII punctuation may be escaped in Markdown; linters escape `-`, `*`, `#`, `_`, `[`, `]`.
_ANY_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape_markdown(text: str) -> str:
    """`\\*` -> `*` outside inline code; a backslash before a letter (`c:\\path`) stays."""
    if "\\" not in text:
        return text
    pieces = text.split("`")
    # Even pieces lie outside backtick code spans, where a backslash is literal.
    return "`".join(
        piece if index % 2 else _ANY_MARKDOWN_ESCAPE.sub(r"\1", piece) for index, piece in enumerate(pieces)
    )


def unwrap_wikilinks(text: str) -> str:
    """Turn `[[name]]` into `name`; a `|` stays, since names such as podcast titles hold one."""
    return _WIKILINK.sub(lambda match: match.group(1), text) if "[[" in text else text


def is_placeholder(text: str) -> bool:
    """Whether a rendered value is an empty template placeholder such as `None`."""
    stripped = text.strip().strip("`").strip()
    if stripped.casefold() in _PLACEHOLDERS:
        return True
    return "{" in stripped and bool(_TEMPLATE_PLACEHOLDER.match(stripped))


_FLATTEN_LIMIT = 1000
_FLATTEN_STEPS = 20 * _FLATTEN_LIMIT


def flatten(value: object) -> list[str]:
    """Turn a YAML value (scalar, list, nested list) into at most 1,000 strings.

    The limit matters: YAML anchors and aliases can make a few lines expand exponentially.
    """
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    found: list[str] = []
    pending: list[object] = [value]
    steps = 0  # YAML aliases can make a list hold itself (`&a [*a]`): the walk is bounded, not only its output
    while pending and len(found) < _FLATTEN_LIMIT and steps < _FLATTEN_STEPS:
        steps += 1
        item = pending.pop()
        if isinstance(item, (list, tuple, set, dict)):
            pending.extend(reversed(list(item.values() if isinstance(item, dict) else item)))
        elif item is not None and not isinstance(item, bool):
            found.append(str(item))
    return found


def clean_line(value: object) -> str | None:
    """A one-line display value: entities decoded, links unwrapped, spaces collapsed."""
    parts = flatten(value)
    if not parts:
        return None
    text = ", ".join(part for part in parts if not is_placeholder(part))
    text = strip_control(html.unescape(unwrap_wikilinks(text)))
    text = " ".join(text.split())
    text = _MARKDOWN_ESCAPE.sub(r"\1", text) if "\\" in text else text
    italic = _WHOLE_ITALIC.match(text)
    text = italic.group(2) if italic else text
    return None if is_placeholder(text) else text


def clean_block(value: object) -> str | None:
    """A multi-line value (summary, note): lines kept, trailing spaces trimmed."""
    parts = flatten(value)
    if not parts:
        return None
    text = strip_control("\n".join(parts))
    lines = [line.rstrip() for line in text.strip().splitlines()]
    text = "\n".join(lines).strip()
    return None if is_placeholder(text) else text


def unquote_value(value: str) -> str:
    """Remove one pair of surrounding quotes the way YAML would (`'Bob''s'` -> `Bob's`)."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1]
    return value


def parse_tags(value: object) -> list[str]:
    """Tags from any shape: `[[a]] #b #[[c d]]`, comma strings, YAML lists."""
    found: list[str] = []
    for part in flatten(value):
        part = html.unescape(part)
        tokens = [next(group for group in match.groups() if group) for match in _TAG_TOKEN.finditer(part)]
        if tokens:
            found.extend(tokens)
        elif "," in part:
            found.extend(part.split(","))
        else:
            found.extend(part.split())
    return unique_tags(found)


def unique_tags(tags: Iterable[str]) -> list[str]:
    """Trim tags, drop empties and placeholders, keep the first spelling of each."""
    seen: set[str] = set()
    result: list[str] = []
    for raw in tags:
        tag = " ".join(strip_control(raw).strip().strip("#").strip("*").split()).rstrip(",;")
        key = tag.casefold()
        if not tag or is_placeholder(tag) or key in seen:
            continue
        seen.add(key)
        result.append(tag)
    return result


# Reader's finer document types, folded into the categories the way Readwise exports them.
_READER_TYPES = {
    "epub": "books",
    "pdf": "articles",
    "email": "articles",
    "rss": "articles",
    "feed": "articles",
    "video": "articles",
    "thread": "tweets",
    "episode": "podcasts",
}


def category_from(value: object, *, reader_types: bool = True) -> str | None:
    """The Readwise category named anywhere in a value (`#Type/Highlight/Article` -> articles).

    `reader_types` also maps Reader's document types (`epub`, `pdf`, `rss`); a tag list asks
    without them, since a tag `video` says nothing of the document's kind.
    """
    known = {**_CATEGORY_WORDS, **_READER_TYPES} if reader_types else _CATEGORY_WORDS
    for part in flatten(value):
        words = re.split(r"[^a-z]+", part.casefold())
        if "supplemental" in words or "supplementals" in words:
            return "supplementals"  # `supplemental_books` names supplementals, not books
        for word in reversed(words):
            if word in known:
                return known[word]
    return None


def folder_category(path_parts: Iterable[str]) -> str | None:
    """A category implied by an export folder such as `Readwise/Books/`."""
    for part in reversed(list(path_parts)):
        category = _CATEGORY_WORDS.get(part.casefold())
        if category:
            return category
    return None
