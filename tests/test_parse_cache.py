"""The parse cache: a hit is exactly a fresh parse, a change is read again, a broken cache is rebuilt."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import REAL_CORPUS, ROOT, SAMPLES, fingerprint, needs_shared

from hltui.cli import main
from hltui.export import library_as_json
from hltui.library import cached_summary, load_library
from hltui.library import load as library_module
from hltui.library.cache import ParseCache, cache_folder
from hltui.library.files import ReadRules
from hltui.library.load import LibraryLoader
from hltui.model import StoredHighlights
from hltui.parsing.parse import parse_bytes

BOOK = "---\ntitle: {title}\nauthor: Someone\n---\n## Highlights\n- {text}\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    library = tmp_path / "library"
    (library / "shelf").mkdir(parents=True)
    (library / "one.md").write_text(BOOK.format(title="One", text="First words."), encoding="utf-8")
    (library / "shelf" / "two.md").write_text(BOOK.format(title="Two", text="Second words."), encoding="utf-8")
    return library


def titles(root: Path) -> list[str]:
    cache = ParseCache(root)
    try:
        return sorted(document.title for document in load_library(root, cache=cache).documents)
    finally:
        cache.close()


def forbid_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(data: bytes, name: str) -> object:
        raise AssertionError(f"{name} was parsed again")

    monkeypatch.setattr("hltui.parsing.parse.parse_bytes", refuse)


def test_a_cached_load_is_exactly_a_fresh_parse() -> None:
    fresh = library_as_json(load_library(SAMPLES))
    first = library_as_json(load_library(SAMPLES, cache=ParseCache(SAMPLES)))
    second = library_as_json(load_library(SAMPLES, cache=ParseCache(SAMPLES)))
    assert fresh == first == second


@needs_shared
def test_a_cached_load_of_the_real_corpus_and_the_fixtures_is_exactly_a_fresh_parse() -> None:
    for root in (REAL_CORPUS, ROOT / "tests" / "fixtures"):
        fresh = library_as_json(load_library(root))
        cold_cache, warm_cache = ParseCache(root), ParseCache(root)
        cold = library_as_json(load_library(root, cache=cold_cache))
        cold_cache.close()
        warm = library_as_json(load_library(root, cache=warm_cache))
        assert fresh == cold == warm
        assert all(
            isinstance(document.highlights, StoredHighlights)
            for document in load_library(root, cache=warm_cache).documents[:1]
        )


def test_unchanged_files_are_not_parsed_again(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert titles(folder) == ["One", "Two"]
    forbid_parsing(monkeypatch)
    assert titles(folder) == ["One", "Two"]


def test_changed_added_deleted_and_renamed_files_are_read_again(folder: Path) -> None:
    titles(folder)
    (folder / "one.md").write_text(BOOK.format(title="One, revised", text="First words."), encoding="utf-8")
    (folder / "three.md").write_text(BOOK.format(title="Three", text="Third words."), encoding="utf-8")
    (folder / "shelf" / "two.md").rename(folder / "shelf" / "deux.md")
    assert titles(folder) == ["One, revised", "Three", "Two"]
    (folder / "three.md").unlink()
    assert titles(folder) == ["One, revised", "Two"]
    assert [d.source_path for d in load_library(folder, cache=ParseCache(folder)).documents] == [
        "one.md",
        "shelf/deux.md",
    ]


def test_a_file_changed_in_place_with_the_same_size_is_read_again(folder: Path) -> None:
    titles(folder)
    path = folder / "one.md"
    path.write_text(BOOK.format(title="Eno", text="First words."), encoding="utf-8")  # same length
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert titles(folder) == ["Eno", "Two"]


def test_a_corrupt_cache_is_discarded_with_a_notice_and_rebuilt(folder: Path) -> None:
    titles(folder)
    cache = ParseCache(folder)
    cache.path.write_bytes(b"not a database at all" * 100)
    assert sorted(d.title for d in load_library(folder, cache=cache).documents) == ["One", "Two"]
    assert cache.notice is not None and "could not be read" in cache.notice
    rebuilt = ParseCache(folder)
    assert sorted(d.title for d in load_library(folder, cache=rebuilt).documents) == ["One", "Two"]
    assert rebuilt.notice is None


def test_check_on_an_unchanged_folder_reads_no_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(folder)]) == 0
    cold = capsys.readouterr().out
    monkeypatch.setattr(library_module, "read_looked_at", lambda *args: pytest.fail("a file was read"))
    assert cached_summary(folder, ReadRules(), ParseCache(folder)) is not None
    assert main(["check", str(folder)]) == 0
    assert capsys.readouterr().out == cold == "2 documents, 2 highlights, 0 skipped, 0 problems\n"


def test_the_export_folder_is_unchanged_and_the_cache_lives_in_the_cache_folder(folder: Path) -> None:
    before = fingerprint(folder)
    titles(folder)
    titles(folder)
    assert fingerprint(folder) == before
    database = ParseCache(folder).path
    assert database.parent == cache_folder() and database.is_file()
    assert all(path.name.startswith(database.name) for path in cache_folder().iterdir())
    assert str(cache_folder()).startswith(os.environ["XDG_CACHE_HOME"])


def test_no_cache_writes_nothing_and_cache_clear_removes_it(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--no-cache", str(folder)]) == 0
    assert not cache_folder().exists()
    assert main(["check", str(folder)]) == 0
    assert ParseCache(folder).path.is_file()
    capsys.readouterr()
    assert main(["cache", "clear"]) == 0
    assert capsys.readouterr().out.startswith("removed 1 cache file from ")
    assert list(cache_folder().iterdir()) == []


def test_a_changed_parser_does_not_trust_the_old_cache(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    titles(folder)
    monkeypatch.setattr("hltui.library.cache.parser_version", lambda: "another parser")
    parsed: list[str] = []
    real_parse = parse_bytes

    def counting(data: bytes, name: str) -> object:
        parsed.append(name)
        return real_parse(data, name)

    monkeypatch.setattr("hltui.parsing.parse.parse_bytes", counting)
    assert titles(folder) == ["One", "Two"]
    assert sorted(parsed) == ["one.md", "shelf/two.md"]


def test_a_cache_row_that_cannot_be_decoded_is_discarded_with_a_notice(folder: Path) -> None:
    titles(folder)
    with sqlite3.connect(ParseCache(folder).path) as connection:
        connection.execute("UPDATE files SET outline = ? WHERE name = 'one.md'", (b"\xff\x00 not marshal",))
    cache = ParseCache(folder)
    assert sorted(d.title for d in load_library(folder, cache=cache).documents) == ["One", "Two"]
    assert cache.notice is not None and "could not be read" in cache.notice
    assert titles(folder) == ["One", "Two"]


def test_a_warm_load_keeps_highlights_in_the_cache_until_a_document_is_read(folder: Path) -> None:
    fresh = load_library(folder)
    titles(folder)
    warm = load_library(folder, cache=ParseCache(folder))
    assert all(isinstance(document.highlights, StoredHighlights) for document in warm.documents)
    assert [len(document.highlights) for document in warm.documents] == [1, 1]
    assert warm.documents == fresh.documents
    assert [h.text for d in warm.documents for h in d.highlights] == ["First words.", "Second words."]


def test_the_tree_can_be_drawn_from_the_cache_before_any_file_is_looked_at(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    titles(folder)
    (folder / "three.md").write_text(BOOK.format(title="Three", text="Third words."), encoding="utf-8")
    loader = LibraryLoader(folder, cache=ParseCache(folder))
    monkeypatch.setattr(library_module, "look_at", lambda *args: pytest.fail("a file was looked at"))
    early = loader.from_cache()
    assert early is not None and sorted(d.title for d in early.documents) == ["One", "Two"]
    monkeypatch.undo()
    assert sorted(d.title for d in loader.load().documents) == ["One", "Three", "Two"]
    assert (loader.files_read, loader.files_gone) == (1, 0)


def test_a_first_load_shows_the_library_while_it_is_still_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(40):
        (tmp_path / f"book{number:02}.md").write_text(BOOK.format(title=f"Book {number}", text="Words."))
    monkeypatch.setattr(library_module, "_PARTIAL_EVERY", 0.0)
    seen: list[int] = []
    library = LibraryLoader(tmp_path, cache=ParseCache(tmp_path)).load(
        partial=lambda part: seen.append(len(part.documents))
    )
    assert len(library.documents) == 40
    assert seen == sorted(seen) and 1 <= seen[0] < 40 and len(seen) >= 20


def test_two_processes_filling_one_cache_at_once_leave_it_whole(tmp_path: Path) -> None:
    library = tmp_path / "library"
    library.mkdir()
    for number in range(300):
        (library / f"book{number:03}.md").write_text(BOOK.format(title=f"Book {number}", text="Words " * 50))
    command = [sys.executable, "-m", "hltui", "check", str(library)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], outputs
    assert {out for out, _ in outputs} == {"300 documents, 300 highlights, 0 skipped, 0 problems\n"}
    with sqlite3.connect(ParseCache(library).path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT count(*) FROM files").fetchone() == (300,)


def test_one_highlight_of_a_long_book_is_read_without_the_whole_book(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [f"Passage number {number}." for number in range(2500)]
    (tmp_path / "long.md").write_text(BOOK.format(title="Long", text="\n- ".join(texts)), encoding="utf-8")
    (tmp_path / "empty.md").write_text("---\ntitle: Empty\nauthor: Someone\n---\n## Highlights\n", encoding="utf-8")
    load_library(tmp_path, cache=ParseCache(tmp_path)).documents  # noqa: B018 - fills the cache
    forbid_parsing(monkeypatch)
    cache = ParseCache(tmp_path)
    long, empty = sorted(load_library(tmp_path, cache=cache).documents, key=lambda document: document.title)[::-1]
    assert long.highlights[2100].text == "Passage number 2100." and long.highlights[-1].text == texts[-1]
    assert {place[3] for place in cache._fetched} == {2}  # only the third block of 1,000 was read
    assert [highlight.text for highlight in long.highlights] == texts
    assert list(empty.highlights) == [] and empty.title == "Empty"


def test_a_cold_load_in_worker_processes_equals_one_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = library_as_json(load_library(SAMPLES))
    monkeypatch.setattr(library_module, "PARALLEL_FROM_FILES", 1)
    monkeypatch.setattr(library_module, "worker_count", lambda: 2)
    parsed_here: list[str] = []
    monkeypatch.setattr(library_module._LoadRun, "_parse_here", lambda self, name, *rest: parsed_here.append(name))
    loader = LibraryLoader(SAMPLES, cache=ParseCache(SAMPLES), parallel=True)
    assert library_as_json(loader.load()) == fresh
    assert parsed_here == [] and loader.files_read > 10


def test_batches_written_while_workers_parse_lose_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fresh = library_as_json(load_library(SAMPLES))
    monkeypatch.setattr(library_module, "PARALLEL_FROM_FILES", 1)
    monkeypatch.setattr(library_module, "worker_count", lambda: 2)
    monkeypatch.setattr(library_module, "_BATCH_HIGHLIGHTS", 10)  # a batch every file or two: many writes
    writers: set[str] = set()
    store_rows = ParseCache.store_rows

    def noted(self: ParseCache, parsed: list[object]) -> object:
        writers.add(threading.current_thread().name)
        return store_rows(self, parsed)  # type: ignore[arg-type]

    monkeypatch.setattr(ParseCache, "store_rows", noted)
    cache = ParseCache(SAMPLES, folder=tmp_path)
    assert library_as_json(load_library(SAMPLES, cache=cache, parallel=True)) == fresh
    assert any(name.startswith("hltui-cache-writer") for name in writers)
    monkeypatch.setattr(library_module._LoadRun, "_parse_here", lambda self, *rest: pytest.fail("parsed again"))
    assert library_as_json(load_library(SAMPLES, cache=ParseCache(SAMPLES, folder=tmp_path))) == fresh


def test_when_worker_processes_cannot_start_the_files_are_parsed_here(monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = library_as_json(load_library(SAMPLES))
    monkeypatch.setattr(library_module, "PARALLEL_FROM_FILES", 1)
    monkeypatch.setattr(library_module, "worker_count", lambda: 2)

    def no_workers(jobs: object) -> object:
        raise OSError("no semaphores on this system")

    monkeypatch.setattr(library_module, "parse_in_workers", no_workers)
    assert library_as_json(load_library(SAMPLES, cache=ParseCache(SAMPLES), parallel=True)) == fresh
