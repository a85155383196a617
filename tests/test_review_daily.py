"""Choosing highlights to review: the daily mix, themed reviews and `hltui random`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Scheduler

from hltui.library import load_library
from hltui.model import Document, Highlight, HighlightDigest, StoredHighlights
from hltui.review.daily import Pair, daily_selection, themed_selection
from hltui.review.ids import document_id, highlight_id
from hltui.review.random_pick import random_highlight
from hltui.review.stats import documents_per_month
from hltui.review.store import ReviewStore

SAMPLES = Path(__file__).resolve().parent.parent / "sample_exports"
NOW = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def documents() -> tuple[Document, ...]:
    """The sample library, parsed for real."""
    return load_library(SAMPLES).documents


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ReviewStore]:
    """A fresh store in the test's folder."""
    opened = ReviewStore(tmp_path / "review.sqlite", scheduler=Scheduler(enable_fuzzing=False))
    yield opened
    opened.close()


def names(pairs: Sequence[Pair]) -> list[tuple[str, int]]:
    """Pairs as (file, index), comparable across runs."""
    return [(document.source_path, index) for document, index in pairs]


def ids(pairs: Sequence[Pair]) -> list[str]:
    """The highlight ids of the pairs."""
    return [highlight_id(document, document.highlights[index]) for document, index in pairs]


def test_the_daily_mix_spreads_over_documents(documents: tuple[Document, ...], store: ReviewStore) -> None:
    assert len(documents) >= 10
    for seed in range(20):
        picked = daily_selection(documents, store, count=10, seed=seed, now=NOW)
        assert len(picked) == 10 and len(set(ids(picked))) == 10
        assert max(Counter(document.source_path for document, _ in picked).values()) <= 2


def test_the_daily_mix_is_reproducible(documents: tuple[Document, ...], store: ReviewStore) -> None:
    first = daily_selection(documents, store, seed=7, now=NOW)
    assert names(daily_selection(documents, store, seed=7, now=NOW)) == names(first)
    assert names(daily_selection(documents, store, seed=8, now=NOW)) != names(first)
    today = daily_selection(documents, store, now=NOW)
    assert names(daily_selection(documents, store, now=NOW + timedelta(hours=3))) == names(today)
    assert names(daily_selection(documents, store, now=NOW + timedelta(days=1))) != names(today)


def test_due_cards_come_first_oldest_due_first(documents: tuple[Document, ...], store: ReviewStore) -> None:
    first = daily_selection(documents, store, count=4, seed=1, now=NOW)
    for minutes, hid in zip((3, 1, 2), ids(first[:3]), strict=True):
        store.rate(hid, 1, now=NOW + timedelta(minutes=minutes))
    later = daily_selection(documents, store, count=10, seed=2, now=NOW + timedelta(hours=1))
    assert ids(later[:3]) == [ids(first)[1], ids(first)[2], ids(first)[0]]
    assert len(later) == 10 and ids(first)[3] not in ids(later)[:3]


def test_discarded_highlights_never_come_back(documents: tuple[Document, ...], store: ReviewStore) -> None:
    every_pair = [(document, index) for document in documents for index in range(len(document.highlights))]
    due_one = ids(every_pair)[0]
    store.rate(due_one, 1, now=NOW)
    store.discard(due_one)  # due from tomorrow on, but discarded
    thrown = {due_one}
    for seed in range(10):
        for hid in ids(daily_selection(documents, store, count=10, seed=seed, now=NOW)):
            store.discard(hid)
            thrown.add(hid)
    for seed in range(10):
        assert not thrown & set(ids(daily_selection(documents, store, count=10, seed=seed, now=NOW + timedelta(1))))
    themed = themed_selection(every_pair, store, now=NOW + timedelta(days=1))
    assert not thrown & set(ids(themed)) and len(themed) == len(set(ids(every_pair)) - thrown)
    assert store.undo() == "discard" and len(themed_selection(every_pair, store)) == len(themed) + 1


def test_a_small_library_gives_what_it_has(store: ReviewStore) -> None:
    books = [
        Document(title=f"Book {number}", source_path=f"{number}.md", highlights=highlights(f"b{number}", 6))
        for number in range(2)
    ]
    picked = daily_selection(books, store, count=10, seed=3, now=NOW)
    assert len(picked) == 10 and len(set(ids(picked))) == 10  # two books: more than two each, none twice
    for hid in ids(picked):
        store.rate(hid, 4, now=NOW)
    assert len(daily_selection(books, store, count=10, seed=3, now=NOW)) == 2


def test_weights_make_a_document_come_more_or_less_often(
    documents: tuple[Document, ...], store: ReviewStore, tmp_path: Path
) -> None:
    def appearances(chosen: ReviewStore) -> int:
        return sum(
            document.title == target.title
            for seed in range(40)
            for document, _ in daily_selection(documents, chosen, count=5, seed=seed, now=NOW)
        )

    target = next(document for document in documents if len(document.highlights) >= 5)
    store.change_weight(document_id(target), 3)
    other = ReviewStore(tmp_path / "other.sqlite")
    other.change_weight(document_id(target), -3)
    assert appearances(store) > appearances(other) * 2
    other.close()


def test_recently_changed_documents_come_more_often(documents: tuple[Document, ...], store: ReviewStore) -> None:
    target = next(document for document in documents if len(document.highlights) >= 5)
    old = {document.source_path: NOW.timestamp() - 400 * 86400 for document in documents}
    recent = {**old, target.source_path: NOW.timestamp()}

    def appearances(modified: dict[str, float]) -> int:
        return sum(
            document is target
            for seed in range(40)
            for document, _ in daily_selection(documents, store, count=5, seed=seed, now=NOW, modified=modified)
        )

    assert appearances(recent) > appearances(old)


def test_themed_review_puts_due_first_then_keeps_the_order(documents: tuple[Document, ...], store: ReviewStore) -> None:
    book = max(documents, key=lambda document: len(document.highlights))
    pairs = [(book, index) for index in range(20)]
    store.rate(ids(pairs)[5], 1, now=NOW)
    store.rate(ids(pairs)[9], 4, now=NOW)  # rated, but not due for days
    chosen = themed_selection(pairs, store, count=6, now=NOW + timedelta(hours=1))
    assert [index for _, index in chosen] == [5, 0, 1, 2, 3, 4]
    shuffled = themed_selection(pairs, store, seed=1, now=NOW + timedelta(hours=1))
    assert shuffled[0][1] == 5 and sorted(index for _, index in shuffled) == list(range(20))
    assert names(themed_selection(pairs, store, seed=1, now=NOW + timedelta(hours=1))) == names(shuffled)


BLOCK = 50


def stored(passages: tuple[Highlight, ...], fetched: Counter[str], name: str) -> StoredHighlights:
    """Highlights kept elsewhere like the parse cache's, counting how many are fetched."""

    def fetch() -> tuple[Highlight, ...]:
        fetched[name] += len(passages)
        return passages

    def fetch_block(number: int) -> tuple[Highlight, ...]:
        fetched[name] += BLOCK
        return passages[number * BLOCK : (number + 1) * BLOCK]

    return StoredHighlights(len(passages), HighlightDigest.of(passages), fetch, blocks=(BLOCK, fetch_block))


def highlights(prefix: str, count: int) -> tuple[Highlight, ...]:
    """Distinct highlights with made-up text."""
    return tuple(Highlight(text=f"{prefix} passage number {number}") for number in range(count))


def test_a_big_library_is_sampled_not_read(store: ReviewStore) -> None:
    fetched: Counter[str] = Counter()
    library = [
        Document(
            title=f"Book {number}",
            source_path=f"books/{number}.md",
            highlights=stored(highlights(f"b{number}", 200), fetched, f"b{number}"),
        )
        for number in range(2000)
    ]
    picked = daily_selection(library, store, count=10, seed=1, now=NOW)
    # Ten highlights, each a block fetch (a few candidates each), out of 400,000.
    assert len(picked) == 10 and sum(fetched.values()) <= 10 * 3 * BLOCK
    for minutes, hid in enumerate(ids(picked[:3])):
        store.rate(hid, 1, now=NOW + timedelta(minutes=minutes))
    fetched.clear()
    later = daily_selection(library, store, count=10, seed=2, now=NOW + timedelta(hours=1))
    assert ids(later[:3]) == ids(picked[:3])
    # Due cards are found by reading only the documents holding them in full; the others are sampled.
    holding = {f"b{document.source_path.split('/')[1].removesuffix('.md')}" for document, _ in picked[:3]}
    assert len(fetched) <= 10 and holding <= fetched.keys()
    assert all(count <= 3 * BLOCK for name, count in fetched.items() if name not in holding)


def test_ids_rated_outside_a_selection_are_still_found(documents: tuple[Document, ...], store: ReviewStore) -> None:
    document = documents[3]
    hid = highlight_id(document, document.highlights[1])
    store.rate(hid, 1, now=NOW)
    assert daily_selection(documents, store, count=3, seed=1, now=NOW + timedelta(hours=1))[0] == (document, 1)


def test_random_highlight_matches_tags_and_nested_tags(documents: tuple[Document, ...]) -> None:
    picked = random_highlight(documents, seed=1)
    assert picked is not None and picked == random_highlight(documents, seed=1)
    for seed in range(20):
        tagged = random_highlight(documents, tag="STOICISM", seed=seed)
        assert tagged is not None
        document, index = tagged
        every_tag = [*document.tags, *document.highlights[index].tags]
        assert any(tag.casefold().split("/")[0] == "stoicism" for tag in every_tag)
    assert random_highlight(documents, tag="no such tag anywhere") is None
    assert random_highlight([]) is None


def test_a_tag_on_one_passage_of_a_long_book_is_found(store: ReviewStore) -> None:
    passages = list(highlights("long", 5000))
    passages[4321] = replace(passages[4321], tags=("Rare/Kind",))
    book = Document(title="Long", source_path="long.md", highlights=tuple(passages))
    assert random_highlight([book], tag="rare", seed=5) == (book, 4321)


def test_documents_per_month_go_by_the_exports_update_date_and_leave_undated_documents_out() -> None:
    """Issue 15: the file date stood in for a missing one, and the chart spiked at the clone date."""
    dated = Document("Dated", "a.md", updated="2023-01-20T10:00")
    also_dated = Document("Also", "b.md", updated="2023-03-02")
    undated = Document("Undated", "c.md")
    months, left_out = documents_per_month([dated, also_dated, undated])
    assert months == [("2023-01", 1), ("2023-02", 0), ("2023-03", 1)] and left_out == 1
