"""Stable ids for documents and highlights, surviving renames, re-exports and re-syncs (no Textual)."""

from __future__ import annotations

import hashlib
import re

from hltui.model import Document, Highlight, document_key

# readwise.io/open/<n> (a Readwise highlight) and read.readwise.io/read/<ulid> (a Reader highlight).
_READWISE_OPEN = re.compile(r"^https?://(?:www\.)?readwise\.io/open/(\d+)/?(?:[?#].*)?$", re.IGNORECASE)
_READER_READ = re.compile(r"^https?://read\.readwise\.io/read/([0-9a-z]{20,32})/?(?:[?#].*)?$", re.IGNORECASE)
# `^rw674126091` block ids, and the bare numbers the Readwise sync and `%%highlight_id: n%%` leave.
# A short bare number is more likely a hand-made Obsidian block id (`^1`) than a Readwise id.
_READWISE_BLOCK_ID = re.compile(r"^(?:rw(\d+)|(\d{4,}))$", re.IGNORECASE)


def document_id(document: Document) -> str:
    """A short id for the document: its URL, or else its title and author, hashed."""
    return "d:" + _digest(document_key(document))


def highlight_id(document: Document, highlight: Highlight) -> str:
    """The Readwise or Reader id when the export carries one, else a hash of the text within its document."""
    readwise = readwise_highlight_id(document, highlight)
    if readwise is not None:
        return readwise
    text = " ".join(highlight.text.split()).casefold()
    return "h:" + _digest(document_key(document) + "\n" + text)


def readwise_highlight_id(document: Document, highlight: Highlight) -> str | None:
    """The id Readwise or Reader gave the highlight, when its block id or link carries one."""
    if highlight.id and (block := _READWISE_BLOCK_ID.match(highlight.id.strip())):
        return "rw:" + (block.group(1) or block.group(2))
    url = (highlight.url or "").strip()
    # A link back to the whole document (a Reader article's own URL) names no one highlight.
    if not url or url.rstrip("/") == (document.url or "").strip().rstrip("/"):
        return None
    if opened := _READWISE_OPEN.match(url):
        return "rw:" + opened.group(1)
    if read := _READER_READ.match(url):
        return "reader:" + read.group(1).casefold()
    return None


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
