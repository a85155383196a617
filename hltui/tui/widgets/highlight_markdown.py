"""Highlight text as Rich Markdown: no clickable links, and images as markers in the text."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

from markdown_it.token import Token
from rich.markdown import Markdown

from hltui.display import strip_control

_MARKER_PART_LIMIT = 40  # characters of alt text, title or file name shown in an image marker


class HighlightMarkdown(Markdown):
    """Rich Markdown for highlights: line breaks kept, links as their text, images as markers.

    A line break inside a paragraph stays a line break: a podcast's `Speaker 1` / `Transcript:`
    lines or a poem's verses are the source's layout, not wrapping to be undone.
    A link shows its text only: `Will Durant`, not `Will Durant (https://…)`, and a footnote
    link into the book (`#ich04fn55`) is its number; the highlight's links open with `O`.

    An image is a short marker in the text where it stood: `[image: heron.jpg]`.

    Rich renders an image as a renderable of its own, yielded as soon as the image is parsed and
    without a line end: it came out before the paragraph holding it, on the paragraph's first line,
    which was pushed right by the marker's width and cropped at the edge. Here each image token is
    replaced by plain text tokens after parsing, so the marker wraps with the words around it.
    The marker is plain text: never parsed as Rich markup, whatever the alt text or title holds.
    """

    def __init__(self, markup: str, hyperlinks: bool = False) -> None:
        super().__init__(markup, hyperlinks=hyperlinks)
        for token in self.parsed:
            if token.children:
                token.children = list(_as_shown(token.children))


def _as_shown(tokens: Iterable[Token]) -> Iterable[Token]:
    """Inline tokens with line breaks kept, link targets dropped and images as markers."""
    for token in tokens:
        if token.type in ("link_open", "link_close"):
            continue
        if token.type == "softbreak":
            yield Token("hardbreak", "br", 0)
        elif token.type == "image":
            # In emphasis, so it reads as the app's words, not the highlight's.
            yield Token("em_open", "em", 1, markup="*")
            yield Token("text", "", 0, content=image_marker(token))
            yield Token("em_close", "em", -1, markup="*")
        else:
            yield token


def image_marker(image: Token) -> str:
    """`[image: alt — title]`, the file name standing in for missing alt text; `[image]` when neither says much."""
    label = _marker_part(_plain_text(image.children or ())) or _marker_part(_file_name(str(image.attrs.get("src", ""))))
    title = _marker_part(str(image.attrs.get("title", "") or ""))
    parts = [part for part in (label, title) if part]
    if len(parts) == 2 and parts[0] == parts[1]:
        parts.pop()
    return f"[image: {' — '.join(parts)}]" if parts else "[image]"


def _plain_text(tokens: Iterable[Token]) -> str:
    """An image's alt text without its Markdown: `a *grey* heron` -> `a grey heron`."""
    pieces: list[str] = []
    for token in tokens:
        if token.type in ("text", "code_inline"):
            pieces.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            pieces.append(" ")
        elif token.children:
            pieces.append(_plain_text(token.children))
    return "".join(pieces)


def _file_name(source: str) -> str:
    """`https://host/media/heron.jpg?name=small` -> `heron.jpg`; nothing for inline `data:` images."""
    if source.lower().startswith("data:"):
        return ""
    try:
        path = urlsplit(source).path
    except ValueError:  # e.g. an unbalanced `[` in the host
        path = source
    return unquote(path.rstrip("/").rsplit("/", 1)[-1])


def _marker_part(text: str) -> str:
    """One line, no control characters, at most `_MARKER_PART_LIMIT` characters."""
    text = " ".join(strip_control(text).split())
    if len(text) > _MARKER_PART_LIMIT:
        text = text[: _MARKER_PART_LIMIT - 1].rstrip() + "…"
    return text


def markdown(text: str) -> Markdown:
    """Rich Markdown without terminal hyperlinks or link targets (never clickable); line breaks kept; images inline."""
    return HighlightMarkdown(text, hyperlinks=False)
