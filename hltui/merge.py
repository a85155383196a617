"""One document seen twice (in one file or across files) becomes one document."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from hltui.model import Document, Highlight
from hltui.text import identity, unique_tags


def document_key(document: Document) -> str:
    """Same URL, or else same title and author, means the same document."""
    if document.url:
        return "url:" + document.url.strip().rstrip("/").casefold()
    return f"title:{identity(document.title)}|{identity(document.author or '')}"


def highlight_key(highlight: Highlight) -> str:
    """Identical text at the same place is the same highlight (a no-break space counts as a space)."""
    return f"{' '.join(highlight.text.split()).casefold()}|{highlight.location or ''}"


def merge_documents(documents: Iterable[Document]) -> list[Document]:
    """Merge documents that share a key, keeping first-seen order (each already free of repeats)."""
    merged: dict[str, Document] = {}
    for document in documents:
        key = document_key(document)
        merged[key] = merge_pair(merged[key], document) if key in merged else document
    return list(merged.values())


def merge_pair(first: Document, second: Document) -> Document:
    """The first document, its gaps filled and its highlights extended by the second."""
    return replace(
        first,
        full_title=first.full_title or second.full_title,
        author=first.author or second.author,
        category=first.category or second.category,
        url=first.url or second.url,
        tags=tuple(unique_tags([*first.tags, *second.tags])),
        summary=first.summary or second.summary,
        note=first.note or second.note,
        highlights=tuple(unique_highlights([*first.highlights, *second.highlights])),
    )


def unique_highlights(highlights: Iterable[Highlight]) -> list[Highlight]:
    """Drop repeated highlights, keeping a note or tags only the repeat carried."""
    kept: dict[str, Highlight] = {}
    for highlight in highlights:
        key = highlight_key(highlight)
        if key not in kept:
            kept[key] = highlight
            continue
        earlier = kept[key]
        kept[key] = replace(
            earlier,
            note=earlier.note or highlight.note,
            tags=tuple(unique_tags([*earlier.tags, *highlight.tags])),
            url=earlier.url or highlight.url,
            section=earlier.section or highlight.section,
        )
    return list(kept.values())
