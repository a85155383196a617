"""The search index's life in the parse cache: kept between starts, replaced per file, rebuilt when damaged.

The index is written with each file's cache entry (one transaction), so a warm start builds
nothing; a changed file's rows are replaced and a removed file's rows go. A missing or damaged
index is answered by reading while it is rebuilt. The export folder is never written.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import fingerprint
from test_search import LIBRARY, index_only, write_library

from hltui.library import Library, load_library
from hltui.library.cache import ParseCache
from hltui.search import Searcher

QUERY = "desperation"
EXPECTED = [("Walden", 0)]


def load(root: Path, folder: Path) -> tuple[Library, ParseCache]:
    cache = ParseCache(root, folder=folder)
    return load_library(root, cache=cache), cache


def pairs(searcher: Searcher, library: Library, query: str = QUERY) -> list[tuple[str, int | None]]:
    return [(hit.document.title, hit.highlight_index) for hit in searcher.search(library, query)]


def index_rows(cache: ParseCache) -> int:
    with contextlib.closing(sqlite3.connect(cache.path)) as connection:
        return int(connection.execute("SELECT count(*) FROM search_highlights").fetchone()[0])


def damage(cache: ParseCache, sql: str) -> None:
    with contextlib.closing(sqlite3.connect(cache.path)) as connection, connection:
        connection.execute(sql)


def edit(path: Path, old: str, new: str) -> None:
    """Change a file, its time moved on so the cache cannot miss it (same size or not)."""
    before = path.stat().st_mtime_ns
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    os.utime(path, ns=(before + 10**10, before + 10**10))


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return write_library(tmp_path / "library", LIBRARY)


def test_a_warm_start_builds_no_index(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library, cache = load(root, tmp_path / "cache")
    rows = index_rows(cache)
    assert rows == library.highlight_count
    cache.close()

    def refuse(*args: object, **kwargs: object) -> bool:
        raise AssertionError("the index was rebuilt")

    monkeypatch.setattr(ParseCache, "rebuild_search_index", refuse)
    warm, cache = load(root, tmp_path / "cache")
    assert cache.search_ready() and index_rows(cache) == rows
    index_only(monkeypatch)
    assert pairs(Searcher(cache), warm) == EXPECTED


def test_the_first_load_searches_the_index(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library, cache = load(root, tmp_path / "cache")
    index_only(monkeypatch)
    assert pairs(Searcher(cache), library) == EXPECTED


def test_a_changed_files_rows_are_replaced(root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library, cache = load(root, tmp_path / "cache")
    rows = index_rows(cache)
    edit(root / "Walden.md", "quiet desperation", "quiet resignation")  # same size
    library = load_library(root, cache=cache)
    searcher = Searcher(cache)
    assert pairs(searcher, library) == []
    assert pairs(searcher, library, "resignation") == EXPECTED
    assert index_rows(cache) == rows
    edit(root / "Walden.md", "- Walden Pond", "- A new line of our own.\n- Walden Pond")
    library, cache = load(root, tmp_path / "cache")
    assert index_rows(cache) == rows + 1
    index_only(monkeypatch)
    assert pairs(Searcher(cache), library, "pond") == [("Walden", 4)]


def test_a_removed_files_rows_go(root: Path, tmp_path: Path) -> None:
    library, cache = load(root, tmp_path / "cache")
    rows = index_rows(cache)
    assert pairs(Searcher(cache), library, "huang") == [("Kitchen Notes", 2)]
    (root / "Kitchen.md").unlink()
    library = load_library(root, cache=cache)
    assert pairs(Searcher(cache), library, "huang") == []
    assert index_rows(cache) == rows - 5
    (root / "Walden.md").unlink()
    library, cache = load(root, tmp_path / "cache")
    assert pairs(Searcher(cache), library, "thoreau") == [("Self-Reliance", 2)]
    assert index_rows(cache) == rows - 9


def test_an_index_being_rebuilt_is_answered_by_reading(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library, cache = load(root, tmp_path / "cache")
    cache.forget_search_index()  # what the searcher does with an index it cannot read
    assert not cache.search_ready() and index_rows(cache) == 0
    started, go = threading.Event(), threading.Event()
    rebuild = ParseCache.rebuild_search_index

    def held(self: ParseCache, should_stop: Callable[[], bool] | None = None) -> bool:
        started.set()
        go.wait(10)
        return rebuild(self, should_stop)

    monkeypatch.setattr(ParseCache, "rebuild_search_index", held)
    searcher = Searcher(cache)
    assert pairs(searcher, library) == EXPECTED  # read, while the rebuild waits
    assert started.wait(10) and searcher.notice is not None and "rebuilt" in searcher.notice
    go.set()
    waited = time.monotonic()
    while not cache.search_ready() and time.monotonic() - waited < 10:
        time.sleep(0.01)
    assert cache.search_ready() and index_rows(cache) == library.highlight_count
    index_only(monkeypatch)
    assert pairs(searcher, library) == EXPECTED


def test_prepare_rebuilds_the_index_in_the_calling_thread(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library, cache = load(root, tmp_path / "cache")
    cache.forget_search_index()
    searcher = Searcher(cache)
    searcher.prepare()
    assert cache.search_ready() and searcher.notice is not None
    index_only(monkeypatch)
    assert pairs(searcher, library) == EXPECTED


def test_the_export_folder_is_never_written(root: Path, tmp_path: Path) -> None:
    before = fingerprint(root)
    library, cache = load(root, tmp_path / "cache")
    searcher = Searcher(cache)
    assert pairs(searcher, library) == EXPECTED
    cache.forget_search_index()
    searcher.prepare()
    warm, cache = load(root, tmp_path / "cache")
    assert pairs(Searcher(cache), warm, "desp*") == EXPECTED
    assert fingerprint(root) == before


# Damage ----------------------------------------------------------------------------------------------


def damaged(root: Path, tmp_path: Path, sql: str) -> tuple[Library, ParseCache]:
    """The library loaded once, its index damaged by `sql`, then started again."""
    _, cache = load(root, tmp_path / "cache")
    cache.close()
    damage(cache, sql)
    return load(root, tmp_path / "cache")


def test_garbage_in_the_index_is_answered_by_reading_then_rebuilt(root: Path, tmp_path: Path) -> None:
    library, cache = damaged(root, tmp_path, "UPDATE search_highlights_data SET block = x'00' WHERE id > 10")
    searcher = Searcher(cache)
    assert pairs(searcher, library) == EXPECTED
    assert searcher.notice is not None
    searcher.prepare()
    assert cache.search_ready() and pairs(searcher, library) == EXPECTED


def test_a_dropped_index_table_is_answered_by_reading(root: Path, tmp_path: Path) -> None:
    library, cache = damaged(root, tmp_path, "DROP TABLE search_highlights")
    searcher = Searcher(cache)
    assert pairs(searcher, library) == EXPECTED
    searcher.prepare()
    assert cache.search_ready() and pairs(searcher, library) == EXPECTED


def test_a_garbled_index_structure_is_rebuilt(root: Path, tmp_path: Path) -> None:
    library, cache = damaged(root, tmp_path, "UPDATE search_highlights_data SET block = x'ffffffffffff' WHERE id = 10")
    searcher = Searcher(cache)
    assert pairs(searcher, library) == EXPECTED  # read while the index is made again
    searcher.prepare()
    assert pairs(searcher, library) == EXPECTED


def test_a_lost_span_table_leaves_no_stale_rows(root: Path, tmp_path: Path) -> None:
    library, cache = damaged(root, tmp_path, "DROP TABLE search_spans")
    Searcher(cache).prepare()
    edit(root / "Walden.md", "quiet desperation", "quiet resignation")
    library, cache = load(root, tmp_path / "cache")
    assert pairs(Searcher(cache), library) == []


def test_an_index_table_dropped_while_searching_is_answered_by_reading(root: Path, tmp_path: Path) -> None:
    library, cache = load(root, tmp_path / "cache")
    searcher = Searcher(cache)
    assert pairs(searcher, library) == EXPECTED  # the searcher's connection is open from here on
    damage(cache, "DROP TABLE search_highlights")
    assert pairs(searcher, library) == EXPECTED
    assert searcher.notice is not None  # damaged, or being rebuilt: whichever the background thread said last
    searcher.prepare()
    assert cache.search_ready() and index_rows(cache) == library.highlight_count
    assert pairs(searcher, library) == EXPECTED


def test_an_index_beyond_repair_costs_the_cache_not_the_answers(
    root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    library, cache = damaged(root, tmp_path, "DROP TABLE search_highlights_config")
    searcher = Searcher(cache)
    assert pairs(searcher, library) == EXPECTED  # the cache is started again: this library is read
    searcher.prepare()
    assert pairs(searcher, library) == EXPECTED
    warm, cache = load(root, tmp_path / "cache")
    index_only(monkeypatch)
    assert pairs(Searcher(cache), warm) == EXPECTED
