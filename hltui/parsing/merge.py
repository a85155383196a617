"""One document seen twice (in one file or across files) becomes one document."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from hltui.model import Document, Highlight, document_key, highlight_key
from hltui.parsing.cleaning import unique_tags
from hltui.parsing.dates import latest_of


def merge_documents(documents: Iterable[Document]) -> list[Document]:
    """Merge documents that share a key, keeping first-seen order.

    Each group is merged in one pass: merging pair by pair rebuilt the highlight list at every
    step, which made 16,000 copies of one title quadratic.
    """
    groups: dict[str, list[Document]] = {}
    for document in documents:
        groups.setdefault(document_key(document), []).append(document)
    return [group[0] if len(group) == 1 else merge_group(group) for group in groups.values()]


def merge_group(documents: list[Document], highlights: Sequence[Highlight] | None = None) -> Document:
    """The first document, its gaps filled and its highlights extended by the others.

    Its `updated` is the latest of the copies': a copy exported later knows of later highlights.

    `highlights` stands in for the merged highlights when the caller already knows them (or
    fetches them only when read).
    """
    first = documents[0]
    if highlights is None:
        highlights = tuple(unique_highlights(highlight for document in documents for highlight in document.highlights))

    def first_of(values: Iterable[str | None]) -> str | None:
        return next((value for value in values if value), None)

    return replace(
        first,
        full_title=first_of(document.full_title for document in documents),
        author=first_of(document.author for document in documents),
        category=first_of(document.category for document in documents),
        url=first_of(document.url for document in documents),
        tags=tuple(unique_tags(tag for document in documents for tag in document.tags)),
        summary=first_of(document.summary for document in documents),
        note=first_of(document.note for document in documents),
        highlights=highlights,
        updated=latest_of(document.updated for document in documents),
    )


def unique_highlights(highlights: Iterable[Highlight]) -> list[Highlight]:
    """Drop repeated highlights, keeping a note or tags only the repeat carried."""
    kept: dict[str, Highlight] = {}
    extra_tags: dict[str, list[str]] = {}
    for highlight in highlights:
        key = highlight_key(highlight)
        if key not in kept:
            kept[key] = highlight
            continue
        earlier = kept[key]
        extra_tags.setdefault(key, []).extend(highlight.tags)
        if (
            (earlier.note is None and highlight.note)
            or (earlier.url is None and highlight.url)
            or (earlier.section is None and highlight.section)
            or (earlier.added is None and highlight.added)
        ):
            kept[key] = replace(
                earlier,
                note=earlier.note or highlight.note,
                url=earlier.url or highlight.url,
                section=earlier.section or highlight.section,
                added=earlier.added or highlight.added,
            )
    # Tags are joined once at the end: joining them at every repeat was quadratic.
    for key, tags in extra_tags.items():
        kept[key] = replace(kept[key], tags=tuple(unique_tags([*kept[key].tags, *tags])))
    return list(kept.values())
