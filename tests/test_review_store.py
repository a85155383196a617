"""The review store and highlight ids: FSRS ratings, undo, corruption, crashes, stable ids."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Card, Rating, Scheduler

from hltui.library import load_library
from hltui.model import Document, Highlight
from hltui.review.ids import document_id, highlight_id
from hltui.review.store import ReviewStore

SAMPLES = Path(__file__).resolve().parent.parent / "sample_exports"
START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ReviewStore]:
    """A store in the test's folder that schedules without fuzz, so due dates can be compared exactly."""
    opened = ReviewStore(tmp_path / "review.sqlite", scheduler=Scheduler(enable_fuzzing=False))
    yield opened
    opened.close()


def without_id(card: Card | None) -> dict[str, object]:
    """A card's state without its arbitrary id."""
    assert card is not None
    return {key: value for key, value in card.to_dict().items() if key != "card_id"}


def test_each_rating_moves_the_card_as_fsrs_says(store: ReviewStore) -> None:
    scheduler = Scheduler(enable_fuzzing=False)
    expected = Card(card_id=1, due=START)
    moment = START
    for rating in (3, 3, 1, 2, 4, 3, 3):
        store.rate("h:one", rating, now=moment)
        expected, _ = scheduler.review_card(expected, Rating(rating), review_datetime=moment)
        assert without_id(store.card("h:one")) == without_id(expected)
        moment = expected.due + timedelta(hours=1)
    assert store.card("h:never") is None


def test_due_ids_come_oldest_first_without_discarded_ones(store: ReviewStore) -> None:
    for offset, hid in enumerate(("h:a", "h:b", "h:c")):
        store.rate(hid, 1, now=START + timedelta(minutes=offset))
    later = START + timedelta(hours=1)
    assert store.due_ids(later) == ["h:a", "h:b", "h:c"]
    store.discard("h:b")
    assert store.due_ids(later) == ["h:a", "h:c"] and store.due_count(later) == 2
    assert store.due_ids(START) == [] and store.next_due(START) == START + timedelta(minutes=1)
    assert store.next_due(later) is None


def test_undo_restores_the_exact_prior_card(store: ReviewStore) -> None:
    store.rate("h:one", 3, now=START)
    before = store.card("h:one")
    store.rate("h:one", 1, now=START + timedelta(days=1))
    assert store.undo() == "rating"
    restored = store.card("h:one")
    assert restored is not None and before is not None and restored.to_dict() == before.to_dict()
    assert store.undo() == "rating"
    assert store.card("h:one") is None and store.reviews_per_day(3, now=START)[-1][1] == 0
    assert store.undo() is None


def test_undo_reverts_favorite_discard_note_and_weight_last_first(store: ReviewStore) -> None:
    store.set_note("h:one", "first thought")
    store.set_favorite("h:one", True)
    store.discard("h:two")
    store.set_note("h:one", "second thought")
    assert store.change_weight("d:book", 1) == 1
    assert store.undo() == "weight" and store.weights() == {}
    assert store.undo() == "note" and store.note("h:one") == "first thought"
    assert store.undo() == "discard" and store.discarded() == set()
    assert store.undo() == "favorite" and not store.is_favorite("h:one") and store.favorites() == set()
    assert store.undo() == "note" and store.note("h:one") is None and store.notes() == {}
    assert store.undo() is None


def test_changes_that_change_nothing_leave_nothing_to_undo(store: ReviewStore) -> None:
    store.set_favorite("h:one", False)
    store.set_note("h:one", "  ")
    for _ in range(5):
        store.change_weight("d:book", -1)
    assert store.weights() == {"d:book": -3}
    assert [store.undo() for _ in range(4)] == ["weight", "weight", "weight", None]


def test_reviews_per_day_and_streak(store: ReviewStore) -> None:
    today = START + timedelta(days=10)
    for number, days_back in enumerate((0, 1, 1, 2, 4)):
        store.rate(f"h:{number}", 3, now=today - timedelta(days=days_back))
    counts = store.reviews_per_day(6, now=today)
    assert counts[0] == (date(2026, 3, 6), 0)
    assert [count for _, count in counts] == [0, 1, 0, 1, 2, 1]
    assert store.streak(now=today) == 3
    assert store.streak(now=today + timedelta(days=1)) == 3  # none yet today: counts up to yesterday
    assert store.streak(now=today + timedelta(days=2)) == 0


def test_default_path_is_in_the_data_folder(private_dirs: Path) -> None:
    opened = ReviewStore()
    try:
        assert opened.path == private_dirs / "xdg_data_home" / "hltui" / "review.sqlite"
        assert opened.path.exists() and opened.notice is None
    finally:
        opened.close()


def test_a_corrupt_database_is_moved_aside_and_a_fresh_one_works(tmp_path: Path) -> None:
    path = tmp_path / "review.sqlite"
    path.write_bytes(b"this is no database at all " * 200)
    opened = ReviewStore(path)
    try:
        assert opened.notice is not None and "moved" in opened.notice
        broken = list(tmp_path.glob("review.sqlite.broken-*"))
        assert len(broken) == 1 and broken[0].read_bytes().startswith(b"this is no database")
        opened.rate("h:one", 3)
        assert opened.card("h:one") is not None
    finally:
        opened.close()


def test_a_damaged_page_is_found_on_open(tmp_path: Path) -> None:
    path = tmp_path / "review.sqlite"
    first = ReviewStore(path)
    for number in range(300):
        first.set_note(f"h:{number}", "a note long enough to fill some pages " * 4)
    first.close()
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 2 + 64] = b"\xff" * 64  # wreck a page in the middle, keep the header
    path.write_bytes(bytes(data))
    second = ReviewStore(path)
    try:
        assert second.notice is not None and second.notes() == {}
    finally:
        second.close()


CHILD = """
import sys
from pathlib import Path
from hltui.review.store import ReviewStore
store = ReviewStore(Path(sys.argv[1]))
for number in range(100_000):
    store.rate(f"h:{number}", 3)
    print(number, flush=True)
"""


def test_a_killed_writer_loses_at_most_the_rating_in_flight(tmp_path: Path) -> None:
    path = tmp_path / "review.sqlite"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(path)], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    reported = [int(child.stdout.readline()) for _ in range(40)]
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    reported += [int(line) for line in child.stdout.read().split()]
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {row[0] for row in connection.execute("SELECT hid FROM cards")}
    finally:
        connection.close()
    assert {f"h:{number}" for number in reported} <= stored
    assert len(stored) <= len(reported) + 1


def test_the_store_never_writes_in_the_export_folder(tmp_path: Path) -> None:
    library = tmp_path / "exports"
    shutil.copytree(SAMPLES, library)
    before = sorted(path.name for path in library.rglob("*"))
    opened = ReviewStore()
    opened.rate(highlight_id(*first_pair(library)), 3)
    opened.close()
    assert sorted(path.name for path in library.rglob("*")) == before


def first_pair(root: Path) -> tuple[Document, Highlight]:
    """The first highlight of the first document with one."""
    document = next(document for document in load_library(root).documents if document.highlights)
    return document, document.highlights[0]


def ids_by_title(root: Path) -> dict[str, list[str]]:
    """Every highlight id of the library, by document title."""
    return {
        document.title: [highlight_id(document, highlight) for highlight in document.highlights]
        for document in load_library(root).documents
    }


def test_ids_survive_a_rename_and_new_highlights(tmp_path: Path) -> None:
    original = ids_by_title(SAMPLES)
    library = tmp_path / "exports"
    shutil.copytree(SAMPLES, library)
    books = library / "Readwise" / "Books"
    (library / "Moved").mkdir()
    (books / "Meditations.md").rename(library / "Moved" / "Meditations (re-exported).md")
    with (library / "Moved" / "Meditations (re-exported).md").open("a", encoding="utf-8") as file:
        file.write("- A new passage highlighted after the first sync.\n")
    pride = books / "Pride and Prejudice by Jane Austen Highlights.md"
    pride.rename(books / "Pride and Prejudice.md")
    changed = ids_by_title(library)
    assert changed.keys() == original.keys()
    for title, ids in original.items():
        assert changed[title][: len(ids)] == ids, title
    assert len(changed["Meditations"]) == len(original["Meditations"]) + 1
    everything = [hid for ids in original.values() for hid in ids]
    assert len(set(everything)) == len(everything)


def test_readwise_and_reader_ids_are_used_when_the_export_carries_them() -> None:
    book = Document(title="Book", source_path="a.md", author="Someone")
    article = Document(
        title="Article", source_path="b.md", url="https://read.readwise.io/read/01gnw1xcnmqy3aqqyxtwynjh00"
    )
    by_block = highlight_id(book, Highlight(text="x", id="rw674126091"))
    by_link = highlight_id(book, Highlight(text="other words", url="https://readwise.io/open/674126091"))
    by_sync = highlight_id(book, Highlight(text="x", id="674126091"))
    assert by_block == by_link == by_sync == "rw:674126091"
    reader = Highlight(text="y", url="https://read.readwise.io/read/01GNW1XCNMQY3AQQYXTWYNJHPD")
    assert highlight_id(article, reader) == "reader:01gnw1xcnmqy3aqqyxtwynjhpd"
    # The document's own link, a Kindle location, or a hand-made block id name no one highlight: the text decides.
    for highlight in (
        Highlight(text="  Same   WORDS ", url=article.url),
        Highlight(text="same words", url="https://readwise.io/to_kindle?action=open&asin=B0&location=5"),
        Highlight(text="same words", id="12"),
    ):
        assert highlight_id(article, highlight) == highlight_id(article, Highlight(text="same words"))
    assert highlight_id(book, Highlight(text="same words")) != highlight_id(article, Highlight(text="same words"))
    assert document_id(book) == document_id(Document(title="book", source_path="elsewhere.md", author="someone"))


def test_the_review_package_imports_without_textual() -> None:
    code = (
        "import importlib, pkgutil, sys, hltui.review as review\n"
        "names = [m.name for m in pkgutil.iter_modules(review.__path__, 'hltui.review.')]\n"
        "[importlib.import_module(name) for name in names]\n"
        "print(len(names), 'textual' in sys.modules)"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    count, textual_loaded = output.split()
    assert int(count) >= 6 and textual_loaded == "False"


def test_a_store_opened_on_one_thread_is_used_on_another(store: ReviewStore) -> None:
    errors: list[BaseException] = []

    def rate_many() -> None:
        try:
            for number in range(20):
                store.rate(f"h:worker{number}", 3, now=START)
        except BaseException as error:  # reported to the test below
            errors.append(error)

    worker = threading.Thread(target=rate_many)
    worker.start()
    for number in range(20):
        store.set_favorite(f"h:main{number}", True)
    worker.join()
    assert errors == [] and len(store.favorites()) == 20 and store.due_count(START + timedelta(days=1)) == 20
