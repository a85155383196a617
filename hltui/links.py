"""The links a highlight leads to: its own (View Highlight, a Kindle location) and those in its text (no Textual)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from hltui.model import Highlight

# A bare address in the text; parentheses only in balanced pairs, as in `wiki/Mercury_(planet)`.
_WEB_ADDRESS = re.compile(r"https?://(?:[^\s<>()\[\]]|\([^\s<>()\[\]]*\))+", re.IGNORECASE)
_TRAILING_PUNCTUATION = ".,;:!?'\""
_LABEL_LENGTH = 60
_PARSER = MarkdownIt("commonmark")


@lru_cache(maxsize=256)
def highlight_links(highlight: Highlight) -> tuple[tuple[str, str], ...]:
    """(label, address) of every web link, each address once: the highlight's own link first, then its text's.

    The card shows a link's text only, so these are how its addresses are reached (`O`). Kept for
    the last highlights asked about: the footer asks on every cursor move.
    """
    found: dict[str, str] = {}
    if highlight.url and _is_web(highlight.url):
        found[highlight.url] = "This highlight (its own link)"
    for label, address in _text_links(highlight.text):
        found.setdefault(address, label)
    for match in _WEB_ADDRESS.finditer(highlight.text):  # bare addresses, read whole before Markdown splits them
        bare = match.group().rstrip(_TRAILING_PUNCTUATION)
        if not any(known.startswith(bare) for known in found):
            found.setdefault(bare, _short(bare))
    return tuple((label, address) for address, label in found.items())


def _text_links(text: str) -> Iterator[tuple[str, str]]:
    for block in _PARSER.parse(text):
        yield from _inline_links(block.children or [])


def _inline_links(tokens: list[Token]) -> Iterator[tuple[str, str]]:
    """Markdown links and autolinks, labelled by their text."""
    address: str | None = None
    label: list[str] = []
    for token in tokens:
        if token.type == "link_open":
            address, label = str(token.attrs.get("href", "")), []
        elif token.type == "link_close" and address is not None:
            if _is_web(address):
                yield _short(" ".join("".join(label).split()) or address), address
            address = None
        elif token.type == "text" and address is not None:
            label.append(token.content)


def _is_web(address: str) -> bool:
    return address.lower().startswith(("http://", "https://"))


def _short(label: str) -> str:
    return label if len(label) <= _LABEL_LENGTH else label[: _LABEL_LENGTH - 1] + "…"
