"""A loaded library: every document of an export folder, grouped for browsing (no Textual)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from hltui.config import GROUPINGS as GROUPINGS  # re-exported: the screens group by these
from hltui.export_folder import (
    ReadRules,
    Unreadable,
    read_looked_at,
    relative_name,
    scan_export_folder,
    stat_export_file,
)
from hltui.export_folder import find_export_files as find_export_files  # re-exported for the benchmarks
from hltui.merge import merge_documents
from hltui.model import FAVORITE_TAG, Document, ParseResult, Problem, Skipped
from hltui.parse_cache import Entries, FileKey, FolderState, ParseCache, Summary

UNTAGGED = "Untagged"
FAVORITES = "Favorites"
NO_AUTHOR = "Unknown author"
NO_CATEGORY = "Uncategorised"
SORT_ORDERS = ("title", "highlights", "recent")

Progress = Callable[[int, int], None]


class LibraryError(Exception):
    """The library path cannot be read at all."""


@dataclass(slots=True)
class Group:
    """A node of the browsing tree: a name, its documents and its sub-groups."""

    name: str
    path: str
    documents: list[Document] = field(default_factory=list)
    children: dict[str, Group] = field(default_factory=dict)

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

    def groups(self, grouping: str) -> list[Group]:
        """Top-level groups for a grouping: tag, category, author or folder."""
        builders: dict[str, Callable[[Iterable[Document]], list[Group]]] = {
            "tag": group_by_tag,
            "category": group_by_category,
            "author": group_by_author,
            "folder": group_by_folder,
        }
        if grouping not in builders:
            raise ValueError(f"unknown grouping {grouping!r}; choose from {', '.join(GROUPINGS)}")
        return builders[grouping](self.documents)


def load_library(
    root: Path, progress: Progress | None = None, rules: ReadRules | None = None, cache: ParseCache | None = None
) -> Library:
    """Read every export file under root; unreadable files are reported, not raised.

    With a cache, files whose size and time did not change are not read again, and the cache
    is brought up to date (in the cache folder, never in root).
    """
    files, left_out = _scan(root, rules := rules or ReadRules())
    cached = cache.load_entries() if cache else {}
    entries: Entries = {}
    state: FolderState = dict(left_out)
    results: list[ParseResult] = [ParseResult(skipped=tuple(Skipped(n, r) for n, r in left_out.items()))]
    modified: dict[str, float] = {}
    for index, path in enumerate(files, start=1):
        name = relative_name(path, root)
        try:
            key, result, modified[name] = _parse_file(path, root, rules, cached.get(name))
            entries[name], state[name] = (key, result), key
        except Unreadable as reason:
            state[name] = str(reason)
            result = ParseResult(skipped=(Skipped(name, str(reason)),))
        results.append(result)
        if progress is not None:
            progress(index, len(files))
    library = _library(root, results, modified)
    if cache is not None:
        cache.save(entries, state, summary_of(library))
    return library


def _scan(root: Path, rules: ReadRules) -> tuple[list[Path], dict[str, str]]:
    if not root.exists():
        raise LibraryError(f"library path not found: {root}")
    if not os.access(root, os.R_OK):
        raise LibraryError(f"library path is not readable: {root}")
    try:
        return scan_export_folder(root, rules)
    except OSError as error:
        raise LibraryError(f"cannot list {root}: {error.strerror or error}") from error


def _parse_file(
    path: Path, root: Path, rules: ReadRules, cached: tuple[FileKey, ParseResult] | None
) -> tuple[FileKey, ParseResult, float]:
    """A file's key, what parsing it gives (from the cache when the file did not change), its time."""
    looked = stat_export_file(path, root, rules)
    key = FileKey(looked.info.st_size, looked.info.st_mtime_ns)
    if cached is not None and cached[0] == key:
        return key, cached[1], looked.info.st_mtime
    export_file = read_looked_at(path, looked, rules.max_bytes)
    from hltui.parse import parse_bytes  # imported when first needed: a check on an unchanged folder parses nothing

    return key, parse_bytes(export_file.data, relative_name(path, root)), looked.info.st_mtime


def _library(root: Path, results: list[ParseResult], modified: dict[str, float]) -> Library:
    documents = [document for result in results for document in result.documents]
    skipped = tuple(item for result in results for item in result.skipped)
    problems = tuple(item for result in results for item in result.problems)
    return Library(root, tuple(merge_documents(documents)), skipped, problems, modified)


def summary_of(library: Library) -> Summary:
    """What `hltui check` says of a library."""
    return Summary(len(library.documents), library.highlight_count, library.skipped, library.problems)


def cached_summary(root: Path, rules: ReadRules, cache: ParseCache) -> Summary | None:
    """The cached summary when no file changed since it was made (files are looked at, not read)."""
    found = cache.load_summary()
    if found is None:
        return None
    files, left_out = _scan(root, rules)
    state: FolderState = dict(left_out)
    for path in files:
        name = relative_name(path, root)
        try:
            info = stat_export_file(path, root, rules).info
            state[name] = FileKey(info.st_size, info.st_mtime_ns)
        except Unreadable as reason:
            state[name] = str(reason)
    return found[1] if found[0] == state else None


def sort_documents(documents: Iterable[Document], order: str, modified: Mapping[str, float]) -> list[Document]:
    """Documents by title, by number of highlights (most first) or most recently changed first."""
    by_title = sorted(documents, key=lambda document: document.title.casefold())
    if order == "highlights":
        return sorted(by_title, key=lambda document: -len(document.highlights))
    if order == "recent":
        return sorted(by_title, key=lambda document: -modified.get(document.source_path, 0.0))
    return by_title


def group_by_tag(documents: Iterable[Document]) -> list[Group]:
    """Groups per tag (document and highlight tags), nested on `/`, plus Favorites and Untagged."""
    roots: dict[str, Group] = {}
    favorites = Group(FAVORITES, "favorites")
    untagged = Group(UNTAGGED, "untagged")
    for document in documents:
        tags = document_tags(document)
        if document.is_favorite:
            favorites.documents.append(document)
        if not tags:
            untagged.documents.append(document)
        for tag in tags:
            if tag.casefold() != FAVORITE_TAG:  # the Favorites group already gathers these
                _tag_group(roots, tag).documents.append(document)
    ordered = sorted(roots.values(), key=lambda group: group.name.casefold())
    return [group for group in (favorites, *ordered, untagged) if group.documents or group.children]


def document_tags(document: Document) -> list[str]:
    """A document's own tags and its highlights' tags, each once (case-insensitively)."""
    seen: dict[str, str] = {}
    for tag in (*document.tags, *(tag for highlight in document.highlights for tag in highlight.tags)):
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
