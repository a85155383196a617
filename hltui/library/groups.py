"""Browsing groups of documents: by tag (nested, with Favorites), category, author or folder (no Textual)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from hltui.model import FAVORITE_TAGS, Document, is_action_tag

GROUPINGS = ("tag", "category", "author", "folder")
UNTAGGED = "Untagged"
FAVORITES = "Favorites"
FAVORITES_PATH = "favorites"
# How many favorite highlights a document holds (the export's and those starred in a review).
FavoriteCount = Callable[[Document], int]
NO_AUTHOR = "Unknown author"
NO_CATEGORY = "Uncategorised"
SORT_ORDERS = ("title", "highlights", "recent")


@dataclass(slots=True)
class Group:
    """A node of the browsing tree: a name, its documents and its sub-groups."""

    name: str
    path: str
    documents: list[Document] = field(default_factory=list)
    children: dict[str, Group] = field(default_factory=dict)
    # Which of a document's highlights the group is about, counted: all of them, unless set (Favorites).
    counted: Callable[[Document], int] | None = None

    def highlight_count(self, document: Document) -> int:
        """How many of the document's highlights belong to this group."""
        return self.counted(document) if self.counted is not None else len(document.highlights)

    def all_documents(self) -> list[Document]:
        """Documents here and in every sub-group, each once."""
        seen: dict[int, Document] = {id(document): document for document in self.documents}
        for child in self.children.values():
            for document in child.all_documents():
                seen.setdefault(id(document), document)
        return list(seen.values())

    @property
    def count(self) -> int:
        """How many distinct documents the group holds, sub-groups included."""
        return len(self.all_documents())


def sort_documents(documents: Iterable[Document], order: str, modified: Mapping[str, float]) -> list[Document]:
    """Documents by title, by number of highlights (most first) or most recently changed first.

    "Recent" goes by the date the export gives (`Document.updated`); the documents without one
    follow, by file modification time, which says little on its own: a fresh clone or a full
    re-export gives every file the same time.
    """
    by_title = sorted(documents, key=lambda document: document.title.casefold())
    if order == "highlights":
        return sorted(by_title, key=lambda document: -len(document.highlights))
    if order == "recent":
        by_time = sorted(by_title, key=lambda document: -modified.get(document.source_path, 0.0))
        # ISO strings sort as their dates; a day without a time counts as that day's start.
        dated = sorted((document for document in by_time if document.updated), key=_updated, reverse=True)
        return dated + [document for document in by_time if not document.updated]
    return by_title


def _updated(document: Document) -> str:
    return document.updated or ""


def group_by_tag(documents: Iterable[Document], favorite_count: FavoriteCount | None = None) -> list[Group]:
    """Groups per tag (document and highlight tags), nested on `/`, plus Favorites and Untagged.

    Favorites holds the documents with a favorite highlight and counts those highlights only;
    `favorite_count` also counts the ones starred in a review. A highlight's `favorite` tag makes
    no tag group of its own; a document's `favorite` tag does, as any document tag.
    """
    count = favorite_count or _exported_favorites
    roots: dict[str, Group] = {}
    favorites = Group(FAVORITES, FAVORITES_PATH, counted=count)
    untagged = Group(UNTAGGED, "untagged")
    for document in documents:
        tags = _browsing_tags(document)
        if count(document):
            favorites.documents.append(document)
        if not tags:
            untagged.documents.append(document)
        for tag in tags:
            _tag_group(roots, tag).documents.append(document)
    ordered = sorted(roots.values(), key=lambda group: group.name.casefold())
    return [group for group in (favorites, *ordered, untagged) if group.documents or group.children]


def _exported_favorites(document: Document) -> int:
    return document.digest.favorites


def _browsing_tags(document: Document) -> list[str]:
    """The tags a document is grouped under: its own, and its highlights' but for the favorite marks."""
    seen: dict[str, str] = {}
    for tag in document.tags:
        seen.setdefault(tag.casefold(), tag)
    for tag in document.digest.tags:
        if tag.casefold() not in FAVORITE_TAGS and not is_action_tag(tag):
            seen.setdefault(tag.casefold(), tag)
    return list(seen.values())


def document_tags(document: Document) -> list[str]:
    """A document's own tags and its highlights' tags, each once (case-insensitively)."""
    seen: dict[str, str] = {}
    for tag in (*document.tags, *document.digest.tags):
        seen.setdefault(tag.casefold(), tag)
    return list(seen.values())


def _tag_group(roots: dict[str, Group], tag: str, prefix: str = "tag") -> Group:
    """The group for a nested tag such as `topic/sub`, created on first use."""
    parts = [part for part in tag.split("/") if part.strip()] or [tag]
    level = roots
    group: Group | None = None
    for depth, part in enumerate(parts):
        key = part.casefold()
        if key not in level:
            level[key] = Group(part, f"{prefix}:" + "/".join(parts[: depth + 1]).casefold())
        group = level[key]
        level = group.children
    assert group is not None
    return group


def _flat_groups(documents: Iterable[Document], key: Callable[[Document], str], prefix: str) -> list[Group]:
    """One group per key value, sorted by name."""
    groups: dict[str, Group] = {}
    for document in documents:
        name = key(document)
        groups.setdefault(name.casefold(), Group(name, f"{prefix}:{name.casefold()}")).documents.append(document)
    return sorted(groups.values(), key=lambda group: group.name.casefold())


def group_by_category(documents: Iterable[Document]) -> list[Group]:
    """Groups per category (books, articles, ...)."""
    return _flat_groups(documents, lambda document: document.category or NO_CATEGORY, "category")


def group_by_author(documents: Iterable[Document]) -> list[Group]:
    """Groups per author."""
    return _flat_groups(documents, lambda document: document.author or NO_AUTHOR, "author")


def group_by_folder(documents: Iterable[Document]) -> list[Group]:
    """Groups per folder of the export, nested like the folders."""
    roots: dict[str, Group] = {}
    top = Group("(top level)", "folder:")
    for document in documents:
        parent = PurePosixPath(document.source_path).parent.as_posix()
        if parent in ("", "."):
            top.documents.append(document)
        else:
            _tag_group(roots, parent, "folder").documents.append(document)
    ordered = sorted(roots.values(), key=lambda group: group.name.casefold())
    return [group for group in (top, *ordered) if group.documents or group.children]
