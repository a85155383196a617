"""The day's set: made once per library and day, resumed after what was dealt with, grown on request."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Scheduler

from hltui.model import Document, Highlight
from hltui.review.ids import document_id, highlight_id
from hltui.review.store import ReviewStore
from hltui.review.todays_set import more_for_today, todays_set

NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
BOOKS = tuple(
    Document(f"Book {number}", f"book{number}.md", highlights=tuple(Highlight(f"Line {number}.{n}") for n in range(8)))
    for number in range(6)
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ReviewStore]:
    opened = ReviewStore(tmp_path / "review.sqlite", scheduler=Scheduler(learning_steps=(), enable_fuzzing=False))
    yield opened
    opened.close()


def ids(pairs: tuple[tuple[Document, int], ...]) -> list[str]:
    return [highlight_id(document, document.highlights[index]) for document, index in pairs]


def test_the_set_is_made_once_a_day_and_resumed_after_what_was_done(store: ReviewStore) -> None:
    first = todays_set(store, BOOKS, "/books", 5, {}, now=NOON)
    assert len(first.pairs) == 5 and first.done == 0
    assert first.document_ids == {document_id(book) for book in BOOKS}  # what "due by tomorrow" counts in
    for pair in first.pairs[:2]:
        store.rate(ids((pair,))[0], 3, now=NOON)
        first.mark(store, pair)
    later = todays_set(store, BOOKS, "/books", 5, {}, now=NOON + timedelta(hours=3))
    assert ids(later.pairs) == ids(first.pairs) and later.done == 2 and not later.finished
    for pair in later.pairs[2:]:
        later.mark(store, pair)
    assert todays_set(store, BOOKS, "/books", 5, {}, now=NOON + timedelta(hours=4)).finished


def test_each_library_and_each_day_has_its_own_set(store: ReviewStore) -> None:
    books = todays_set(store, BOOKS, "/books", 5, {}, now=NOON)
    other = todays_set(store, BOOKS[:2], "/articles", 5, {}, now=NOON)
    assert {document.title for document, _ in other.pairs} <= {"Book 0", "Book 1"}
    for pair in books.pairs:
        books.mark(store, pair)
    tomorrow = todays_set(store, BOOKS, "/books", 5, {}, now=NOON + timedelta(days=1))
    assert tomorrow.done == 0 and tomorrow.day != books.day


def test_more_for_today_adds_highlights_not_in_the_set_yet(store: ReviewStore) -> None:
    first = todays_set(store, BOOKS, "/books", 5, {}, now=NOON)
    for pair in first.pairs:
        first.mark(store, pair)
    grown = more_for_today(store, BOOKS, "/books", 5, {}, now=NOON)
    assert grown.done == 5 and len(grown.pairs) > 5 and len(set(ids(grown.pairs))) == len(grown.pairs)
    assert ids(grown.pairs)[:5] == ids(first.pairs)
