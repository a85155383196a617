"""Write a library out: the JSON other programs read, or clean normalised Markdown."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from hltui.display import json_for_a_terminal, one_line, strip_control
from hltui.library import Library
from hltui.model import FAVORITE_TAG, Document, Highlight

# What the review state adds to each highlight of the JSON export (composed by the command line).
ReviewFields = Callable[[Document, Highlight], dict[str, Any]]


def library_as_json(library: Library, review_fields: ReviewFields | None = None) -> str:
    """The JSON export; its shape is a promise to other programs, keep it exactly so."""
    payload: dict[str, Any] = {
        "documents": [_document_json(document, review_fields) for document in library.documents],
        "skipped": [{"path": item.path, "reason": item.reason} for item in library.skipped],
        "problems": [{"path": item.path, "line": item.line, "message": item.message} for item in library.problems],
    }
    text = json.dumps(payload, ensure_ascii=False, indent=2)
    return json_for_a_terminal(text)


def _document_json(document: Document, review_fields: ReviewFields | None = None) -> dict[str, Any]:
    return {
        "title": document.title,
        "full_title": document.full_title,
        "author": document.author,
        "category": document.category,
        "url": document.url,
        "tags": list(document.tags),
        "summary": document.summary,
        "note": document.note,
        "source_path": document.source_path,
        "updated": document.updated,
        "highlights": [
            _highlight_json(highlight) | (review_fields(document, highlight) if review_fields else {})
            for highlight in document.highlights
        ],
    }


def _highlight_json(highlight: Highlight) -> dict[str, Any]:
    return {
        "text": highlight.text,
        "note": highlight.note,
        "tags": list(highlight.tags),
        "location": highlight.location,
        "url": highlight.url,
        "section": highlight.section,
        "added": highlight.added,
    }


def library_as_markdown(library: Library, review_fields: ReviewFields | None = None) -> str:
    """Every document as one clean Markdown file, concatenated (with your stars and notes when given)."""
    return "\n\n".join(document_as_markdown(document, review_fields) for document in library.documents) + "\n"


def document_as_markdown(document: Document, review_fields: ReviewFields | None = None) -> str:
    """One document: title, metadata, summary, note, then highlights with notes and tags.

    One-line fields (title, metadata, file name) are kept to their line; every field is cleaned
    of terminal controls, whatever the parser already did, since this goes straight to a terminal.
    """
    lines = [f"# {one_line(document.title)}", "", "## Metadata"]
    for label, value in (
        ("Author", document.author),
        ("Full Title", document.full_title),
        ("Category", document.category),
        ("URL", document.url),
        ("Tags", ", ".join(document.tags) or None),
        ("Updated", _readable_date(document.updated)),
        ("Source", document.source_path),
    ):
        if value:
            lines.append(f"- {label}: {one_line(value)}")
    for heading, text in (("Summary", document.summary), ("Document Note", document.note)):
        if text:
            lines += ["", f"## {heading}", "", text]
    lines += ["", "## Highlights"]
    section: str | None = None
    for highlight in document.highlights:
        if highlight.section and highlight.section != section:
            section = highlight.section
            lines += ["", f"### {one_line(section)}", ""]
        lines += _highlight_markdown(highlight, review_fields(document, highlight) if review_fields else {})
    return strip_control("\n".join(lines))


def _highlight_markdown(highlight: Highlight, state: dict[str, Any]) -> list[str]:
    """The highlight as a bullet; your star joins its tags and your note follows its note, as the parser reads them."""
    text_lines = highlight.text.splitlines() or [""]
    suffix = _where(highlight)
    text_lines[-1] = f"{text_lines[-1]}{suffix}"
    lines = [f"- {text_lines[0]}", *(f"  {line}" if line else "" for line in text_lines[1:])]
    tags = list(highlight.tags)
    if state.get("favorite") and not highlight.is_favorite:
        tags.append(FAVORITE_TAG)  # starred in a review or the reader
    if tags:
        lines.append("    - Tags: " + ", ".join(tags))
    if highlight.note:
        note_lines = highlight.note.splitlines()
        lines.append(f"    - Note: {note_lines[0]}")
        lines += [f"      {line}" for line in note_lines[1:]]
    if state.get("own_note"):
        own_lines = str(state["own_note"]).splitlines() or [""]
        lines.append(f"    - Your note: {own_lines[0]}")
        lines += [f"      {line}" for line in own_lines[1:]]
    if highlight.added:
        lines.append(f"    - Added: {_readable_date(highlight.added)}")  # the parser reads it back as the date
    return lines


def _readable_date(value: str | None) -> str | None:
    """`2022-12-14 21:18` for `2022-12-14T21:18`: the ISO value with a space, as people write it."""
    return value.replace("T", " ") if value else None


def _where(highlight: Highlight) -> str:
    """` ([Location 12](url))`, ` (Location 12)` or ` ([link](url))`."""
    if highlight.location and highlight.url:
        return f" ([{highlight.location}]({highlight.url}))"
    if highlight.location:
        return f" ({highlight.location})"
    if highlight.url:
        return f" ([link]({highlight.url}))"
    return ""


def quote_with_citation(document: Document, highlight: Highlight) -> str:
    """`> text` lines, then `— Author, [Title](url)`: ready to paste into notes."""
    quoted = "\n".join(f"> {line}" if line else ">" for line in highlight.text.splitlines())
    source = f"[{document.title}]({document.url})" if document.url else document.title
    citation = f"— {document.author}, {source}" if document.author else f"— {source}"
    return f"{quoted}\n{citation}"


def highlight_citation(document: Document, highlight: Highlight, form: str) -> str:
    """One highlight with where it comes from: plain text, a Markdown quote, or a JSON object."""
    if form == "markdown":
        return quote_with_citation(document, highlight)
    if form == "json":
        fields = {"title": document.title, "author": document.author, "url": document.url}
        return json.dumps({**fields, **_highlight_json(highlight)}, ensure_ascii=False)
    source = f"{document.title}, {document.author}" if document.author else document.title
    return f"{strip_control(highlight.text)}\n— {strip_control(source)}"
