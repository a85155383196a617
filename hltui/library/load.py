"""Loading an export folder into a Library, through the parse cache when there is one (no Textual)."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from hltui.library.cache import CachedFile, ParseCache
from hltui.library.cache_rows import DOCUMENT_LAYOUT, CacheRows, FileKey, FolderState, Summary
from hltui.library.collection import Library
from hltui.library.files import (
    EXPORT_SUFFIXES,
    FoundFile,
    LookedAt,
    ReadRules,
    Unreadable,
    look_at,
    read_looked_at,
    relative_name,
    walk_export_folder,
)
from hltui.library.gc_pause import garbage_collector_paused
from hltui.library.merges import MergeMemo, merged_name
from hltui.library.parallel import PARALLEL_FROM_FILES, ParseJob, parse_in_workers, worker_count
from hltui.model import Document, ParseResult, Skipped

Progress = Callable[[int, int], None]
Partial = Callable[[Library], None]
# Parsed files are written to the cache (and their highlights dropped from memory) in batches this big.
_BATCH_HIGHLIGHTS = 20_000
# A library still being read is shown again at most this often (seconds), never once per file.
_PARTIAL_EVERY = 0.5


class LibraryError(Exception):
    """The library path cannot be read at all."""


class LibraryLoader:
    """Reads one export folder, reusing what its parse cache holds for unchanged files."""

    def __init__(
        self, root: Path, rules: ReadRules | None = None, cache: ParseCache | None = None, *, parallel: bool = False
    ) -> None:
        self.root = root
        # Parse a cold folder in worker processes (the command line; the app's redirected stderr
        # cannot be handed to multiprocessing's helper process).
        self.parallel = parallel
        self.rules = rules or ReadRules()
        self.cache = cache
        self._cached: dict[str, CachedFile] | None = None
        self.merges = MergeMemo()
        self._lock = threading.RLock()  # the load worker and the folder watcher take turns; update may load
        self._last_run: _LoadRun | None = None
        self._looked: tuple[list[FoundFile], dict[str, str], dict[str, LookedAt | str]] | None = None
        self.files_read = 0  # how many files the last load parsed (0: the cache had everything)
        self.files_gone = 0  # how many cached files the last load found removed

    def from_cache(self) -> Library | None:
        """The library as the cache last saw it, with no file looked at; None without a cache."""
        with garbage_collector_paused():
            return self._from_cache()

    def _from_cache(self) -> Library | None:
        entries = self._cached_entries()
        if not entries:
            return None
        modified = {name: entry.key.mtime_ns / 1e9 for name, entry in entries.items()}
        return _library(self.root, [entry.result for entry in entries.values()], modified, self.merges, self._keys())

    def load(self, progress: Progress | None = None, partial: Partial | None = None) -> Library:
        """Look at every file and parse those that changed; unreadable files are reported, not raised.

        `partial` receives the library read so far, every half second while files are parsed.
        """
        with self._lock, garbage_collector_paused():
            files, left_out, looks = self._looked or self._look()
            self._looked = None
            cached = self._cached_entries()
            run = _LoadRun(self, cached, left_out, partial)
            if self.parallel and self.cache and worker_count() > 1 and _changed(looks, cached) >= PARALLEL_FROM_FILES:
                run.deferred = []  # parsed by worker processes once every file has been looked at
            for index, found in enumerate(files, start=1):
                run.add(found, looks[found.name])
                if progress is not None and run.deferred is None:
                    progress(index, len(files))
            run.parse_deferred(progress, len(files))
            return self._finish(run)

    def cached_summary(self) -> Summary | None:
        """The cached summary when no file changed since it was made (files are looked at, not read).

        What was looked at is kept for a `load` that follows, so a changed folder is walked once.
        """
        found = self.cache.load_summary() if self.cache is not None else None
        if found is None:
            return None
        self._looked = files, left_out, looks = self._look()
        state: FolderState = dict(left_out)
        for item in files:
            look = looks[item.name]
            state[item.name] = FileKey(look.info.st_size, look.info.st_mtime_ns) if isinstance(look, LookedAt) else look
        return found[1] if found[0] == state else None

    def _look(self) -> tuple[list[FoundFile], dict[str, str], dict[str, LookedAt | str]]:
        """Every export file, the folders left out, and each file's stat (or why it is not read)."""
        files, left_out = _scan(self.root, self.rules)
        looks: dict[str, LookedAt | str] = {}
        for found in files:
            try:
                looks[found.name] = look_at(found, self.root, self.rules)
            except Unreadable as reason:
                looks[found.name] = str(reason)
        return files, left_out, looks

    def update(self, paths: Iterable[Path]) -> Library:
        """Read again only these paths (files changed, added or removed since the last load).

        A path that is a folder, or was not an export file before, makes it look at every file.
        """
        with self._lock:
            last = self._last_run
            if last is None or not all(self._is_export_file_name(path) for path in paths):
                return self.load()
            run = last.follow_up()
            for path in paths:
                found = FoundFile(relative_name(path, self.root), str(path), path.is_symlink())
                run.forget(found.name)
                if os.path.lexists(path):
                    run.add(found, self._look_at(found))
            return self._finish(run)

    def _is_export_file_name(self, path: Path) -> bool:
        name = relative_name(path, self.root)
        hidden = any(part.startswith(".") for part in name.split("/"))
        return not hidden and name.lower().endswith(EXPORT_SUFFIXES) and not path.is_dir()

    def _look_at(self, found: FoundFile) -> LookedAt | str:
        try:
            return look_at(found, self.root, self.rules)
        except Unreadable as reason:
            return str(reason)

    def _finish(self, run: _LoadRun) -> Library:
        library = run.finish()
        self.files_read, self.files_gone = run.files_read, len(set(run.cached) - set(run.results))
        self._cached, self._last_run = run.entries, run
        if self.cache is not None:  # forget the keys of documents no longer in any entry
            current = {id(document) for entry in run.entries.values() for document in entry.result.documents}
            keys = self.cache.document_keys
            self.cache.document_keys = {number: keys[number] for number in current if number in keys}
        return library

    def _keys(self) -> dict[int, tuple[Document, str]]:
        return self.cache.document_keys if self.cache is not None else {}

    def _cached_entries(self) -> dict[str, CachedFile]:
        if self._cached is None:
            self._cached = self.cache.load_files() if self.cache is not None else {}
            self.merges = MergeMemo(self.cache.load_merges() if self.cache is not None and self._cached else {})
        return self._cached


class _LoadRun:
    """One pass over the folder: what each file gave, batches for the cache, partial libraries."""

    def __init__(
        self, loader: LibraryLoader, cached: dict[str, CachedFile], left_out: dict[str, str], partial: Partial | None
    ) -> None:
        self.loader, self.cached, self.partial = loader, cached, partial
        self.state: FolderState = dict(left_out)
        self.results: dict[str, ParseResult] = {}
        self.entries: dict[str, CachedFile] = {}
        self.modified: dict[str, float] = {}
        self.left_out = ParseResult(skipped=tuple(Skipped(name, reason) for name, reason in left_out.items()))
        self.batch: list[tuple[str, FileKey, ParseResult]] = []
        self.rows: list[CacheRows] = []  # files parsed by worker processes, as cache rows
        self.deferred: list[ParseJob] | None = None  # files left for worker processes
        self.batch_highlights = 0
        self.files_read = 0
        self.shown_at = time.monotonic()
        # While workers parse, batches are written by a thread of their own (one at a time): SQLite
        # lets go of the interpreter while it indexes, so the workers are kept fed meanwhile.
        self.writer: ThreadPoolExecutor | None = None
        self.writing: Future[dict[str, CachedFile]] | None = None

    def follow_up(self) -> _LoadRun:
        """A run that starts from everything this one found (for reading a few files again)."""
        run = _LoadRun(self.loader, dict(self.entries), {}, None)
        run.state, run.left_out = dict(self.state), self.left_out
        run.results, run.entries, run.modified = dict(self.results), dict(self.entries), dict(self.modified)
        return run

    def forget(self, name: str) -> None:
        """Drop what an earlier run found for a file (it changed or went away)."""
        for found in (self.state, self.results, self.entries, self.modified):
            found.pop(name, None)

    def add(self, found: FoundFile, looked: LookedAt | str) -> None:
        """Take one looked-at file; parse it when the cache has nothing for its size and time."""
        loader, name = self.loader, found.name
        if isinstance(looked, str):
            self.state[name] = looked
            self.results[name] = ParseResult(skipped=(Skipped(name, looked),))
            return
        key = FileKey(looked.info.st_size, looked.info.st_mtime_ns)
        self.state[name], self.modified[name] = key, looked.info.st_mtime
        entry = self.cached.get(name)
        if entry is not None and entry.key == key:
            self.results[name], self.entries[name] = entry.result, entry
            return
        if self.deferred is not None:
            self.results[name] = _WAITING  # keeps the file's place in the library's order
            self.deferred.append(ParseJob(name, found.path, found.is_link, key, loader.rules.max_bytes))
            return
        self._parse_here(name, found.path, looked, key)

    def _parse_here(self, name: str, path: str, looked: LookedAt, key: FileKey) -> None:
        try:
            data = read_looked_at(path, looked, self.loader.rules.max_bytes).data
        except Unreadable as reason:
            self._unreadable(name, str(reason))
            return
        from hltui.parsing.parse import parse_bytes  # imported when first needed: an unchanged folder parses nothing

        self.results[name] = result = parse_bytes(data, name)
        self.files_read += 1
        self._queue(name, key, result)
        self._show_partial()

    def _unreadable(self, name: str, reason: str) -> None:
        self.state[name] = reason
        self.results[name] = ParseResult(skipped=(Skipped(name, reason),))

    def parse_deferred(self, progress: Progress | None, total: int) -> None:
        """Parse the files put aside for worker processes; any left when workers fail are parsed here."""
        jobs, self.deferred = self.deferred or [], None
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="hltui-cache-writer") as self.writer:
            try:
                for done, parsed in enumerate(parse_in_workers(jobs), start=total - len(jobs) + 1):
                    self._take(parsed)
                    if progress is not None:
                        progress(done, total)
            except (OSError, ValueError, RuntimeError, BrokenProcessPool):  # no worker processes: parse in this one
                self._settle_writing()
                for job in jobs:
                    if self.results.get(job.name) is _WAITING:
                        self._parse_job_here(job)
            finally:
                self._settle_writing()
                self.writer = None

    def _parse_job_here(self, job: ParseJob) -> None:
        try:
            looked = LookedAt(os.stat(job.path), job.is_link)
        except OSError as error:
            self._unreadable(job.name, f"cannot be read: {error.strerror or error}")
            return
        self._parse_here(job.name, job.path, looked, job.key)

    def _take(self, parsed: CacheRows | tuple[str, str]) -> None:
        if len(parsed) == 2:
            self._unreadable(*parsed)
            return
        name, key, outline, *_ = parsed
        self.rows.append(parsed)
        self.results[name] = _WAITING
        self.files_read += 1
        self.batch_highlights += sum(DOCUMENT_LAYOUT.highlight_count(row) for row in outline[0])
        if self.batch_highlights >= _BATCH_HIGHLIGHTS:
            self._store_batch()
        self._show_partial()

    def _queue(self, name: str, key: FileKey, result: ParseResult) -> None:
        self.batch.append((name, key, result))
        self.batch_highlights += sum(len(document.highlights) for document in result.documents)
        if self.batch_highlights >= _BATCH_HIGHLIGHTS:
            self._store_batch()

    def _store_batch(self) -> None:
        """Write the batch to the cache; its documents then keep only a digest of their highlights."""
        cache = self.loader.cache
        if cache is not None and self.batch:
            self._stored(cache.store(self.batch))
        if cache is not None and self.rows:
            self._settle_writing()  # one batch written at a time: at most two in memory
            if self.writer is not None:
                self.writing = self.writer.submit(cache.store_rows, self.rows)
            else:
                self._stored(cache.store_rows(self.rows))
        self.batch, self.rows, self.batch_highlights = [], [], 0

    def _settle_writing(self) -> None:
        """Wait for the batch being written, and take its entries."""
        if self.writing is not None:
            writing, self.writing = self.writing, None
            self._stored(writing.result())

    def _stored(self, stored: dict[str, CachedFile]) -> None:
        for name, entry in stored.items():
            self.results[name], self.entries[name] = entry.result, entry

    def _show_partial(self) -> None:
        if self.partial is None or time.monotonic() - self.shown_at < _PARTIAL_EVERY:
            return
        self.partial(self._library())
        self.shown_at = time.monotonic()

    def finish(self) -> Library:
        """The library of every file, with the cache brought up to date."""
        self._store_batch()
        library = self._library()
        cache, merges = self.loader.cache, self.loader.merges
        if cache is not None and (self.files_read or set(self.cached) != set(self.entries) or not cache.has_summary()):
            merged = [document for document in library.documents if merged_name(document)]
            cache.finish(self.entries, self.state, summary_of(library), merges.used, merged)
        return library

    def _library(self) -> Library:
        merges = self.loader.merges
        merges.used = {}
        results = [self.left_out, *self.results.values()]
        return _library(self.loader.root, results, self.modified, merges, self.loader._keys())


# Stands for a file whose parse result has not arrived yet (it adds nothing to a partial library).
_WAITING = ParseResult()


def _changed(looks: dict[str, LookedAt | str], cached: dict[str, CachedFile]) -> int:
    """How many files the cache has nothing for, at their current size and time."""
    changed = 0
    for name, look in looks.items():
        entry = cached.get(name)
        if isinstance(look, LookedAt) and (
            entry is None or entry.key != FileKey(look.info.st_size, look.info.st_mtime_ns)
        ):
            changed += 1
    return changed


def load_library(
    root: Path,
    progress: Progress | None = None,
    rules: ReadRules | None = None,
    cache: ParseCache | None = None,
    *,
    parallel: bool = False,
) -> Library:
    """Read every export file under root; unreadable files are reported, not raised.

    With a cache, files whose size and time did not change are not read again, and the cache
    is brought up to date (in the cache folder, never in root).
    """
    return LibraryLoader(root, rules, cache, parallel=parallel).load(progress)


def _scan(root: Path, rules: ReadRules) -> tuple[list[FoundFile], dict[str, str]]:
    if not root.exists():
        raise LibraryError(f"library path not found: {root}")
    if not os.access(root, os.R_OK):
        raise LibraryError(f"library path is not readable: {root}")
    try:
        return walk_export_folder(root, rules)
    except OSError as error:
        raise LibraryError(f"cannot list {root}: {error.strerror or error}") from error


def _library(
    root: Path,
    results: list[ParseResult],
    modified: dict[str, float],
    merges: MergeMemo,
    known_keys: dict[int, tuple[Document, str]],
) -> Library:
    documents = [document for result in results for document in result.documents]
    skipped = tuple(item for result in results for item in result.skipped)
    problems = tuple(item for result in results for item in result.problems)
    return Library(root, tuple(merges.merge(documents, known_keys)), skipped, problems, modified)


def summary_of(library: Library) -> Summary:
    """What `hltui check` says of a library."""
    return Summary(len(library.documents), library.highlight_count, library.skipped, library.problems)


def cached_summary(root: Path, rules: ReadRules, cache: ParseCache) -> Summary | None:
    """The cached summary when no file changed since it was made (files are looked at, not read)."""
    return LibraryLoader(root, rules, cache).cached_summary()
