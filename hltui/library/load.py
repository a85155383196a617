"""Loading an export folder into a Library, through the parse cache when there is one (no Textual)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from hltui.library.cache import Entries, FileKey, FolderState, ParseCache, Summary
from hltui.library.collection import Library
from hltui.library.files import (
    ReadRules,
    Unreadable,
    read_looked_at,
    relative_name,
    scan_export_folder,
    stat_export_file,
)
from hltui.model import ParseResult, Skipped
from hltui.parsing.merge import merge_documents

Progress = Callable[[int, int], None]


class LibraryError(Exception):
    """The library path cannot be read at all."""


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
    from hltui.parsing.parse import (
        parse_bytes,  # imported when first needed: a check on an unchanged folder parses nothing
    )

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
