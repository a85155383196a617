"""A loaded library: the documents of one export folder and what could not be read (no Textual)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from hltui.library.groups import (
    GROUPINGS,
    Group,
    group_by_author,
    group_by_category,
    group_by_folder,
    group_by_tag,
)
from hltui.model import Document, Problem, Skipped


@dataclass(frozen=True, slots=True)
class Library:
    """The documents of one export folder and what could not be read."""

    root: Path
    documents: tuple[Document, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    problems: tuple[Problem, ...] = ()
    modified: Mapping[str, float] = field(default_factory=dict)

    @property
    def highlight_count(self) -> int:
        """Highlights over all documents."""
        return sum(len(document.highlights) for document in self.documents)

    def groups(self, grouping: str, favorite_count: Callable[[Document], int] | None = None) -> list[Group]:
        """Top-level groups for a grouping: tag, category, author or folder (see group_by_tag for the rest)."""
        if grouping == "tag":
            return group_by_tag(self.documents, favorite_count)
        builders: dict[str, Callable[[Iterable[Document]], list[Group]]] = {
            "tag": group_by_tag,
            "category": group_by_category,
            "author": group_by_author,
            "folder": group_by_folder,
        }
        if grouping not in builders:
            raise ValueError(f"unknown grouping {grouping!r}; choose from {', '.join(GROUPINGS)}")
        return builders[grouping](self.documents)
