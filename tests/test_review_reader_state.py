"""The review state as the reader sees it: nothing is created by asking, stars and notes show, reviews select."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from hltui.library import Library
from hltui.model import Document, Highlight
from hltui.review.ids import document_id, highlight_id
from hltui.review.reader_state import THEMED_REVIEW_SIZE, ReaderReviews, every_highlight

WALDEN = Document(
    "Walden",
    "walden.md",
    highlights=tuple(
        Highlight(f"Passage {number}.", tags=("favorite",) if number == 0 else ()) for number in range(60)
    ),
)
NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)
EMERSON = Document("Self-Reliance", "emerson.md", highlights=(Highlight("Trust thyself."),))


def test_asking_about_stars_and_notes_creates_no_database(tmp_path: Path) -> None:
    path = tmp_path / "review.sqlite"
    reviews = ReaderReviews(path=path)
    assert not reviews.exists()
    assert reviews.starred() is None and reviews.holds_starred() is None
    assert reviews.own_note(WALDEN, WALDEN.highlights[1]) is None
    assert list(reviews.favorites([WALDEN, EMERSON])()) == [(WALDEN, 0)]
    assert not path.exists()


def test_stars_and_notes_from_a_review_reach_the_reader(tmp_path: Path) -> None:
    reviews = ReaderReviews(path=tmp_path / "review.sqlite")
    starred = highlight_id(EMERSON, EMERSON.highlights[0])
    reviews.store.place({starred: document_id(EMERSON)})
    reviews.store.set_favorite(starred, True)
    reviews.store.set_note(starred, "Read again in spring.")
    reviews.reviewed()
    is_starred, holds = reviews.starred(), reviews.holds_starred()
    assert is_starred is not None and is_starred(EMERSON, EMERSON.highlights[0])
    assert holds is not None and holds(EMERSON) and not holds(WALDEN)
    assert reviews.own_note(EMERSON, EMERSON.highlights[0]) == "Read again in spring."
    assert set(reviews.favorites([WALDEN, EMERSON])()) == {(WALDEN, 0), (EMERSON, 0)}


def test_a_themed_review_is_capped_and_leaves_discarded_highlights_out(tmp_path: Path) -> None:
    reviews = ReaderReviews(path=tmp_path / "review.sqlite")
    reviews.store.discard(highlight_id(WALDEN, WALDEN.highlights[0]))
    themed = reviews.themed(every_highlight([WALDEN]))
    assert len(themed.pairs) == THEMED_REVIEW_SIZE and (WALDEN, 0) not in themed.pairs
    assert themed.total == 59


def test_a_themed_review_mixes_documents_the_same_way_all_day(tmp_path: Path) -> None:
    """It replayed a tag in document order: one book's highlights, then the next's."""
    reviews = ReaderReviews(path=tmp_path / "review.sqlite", themed_size=20)
    books = [
        WALDEN,
        *(
            Document(f"Book {n}", f"{n}.md", highlights=tuple(Highlight(f"Line {n}.{i}") for i in range(10)))
            for n in range(3)
        ),
    ]
    morning = reviews.themed(every_highlight(books), now=NOON)
    titles = [document.title for document, _ in morning.pairs[:10]]
    assert len(set(titles)) > 1 and morning.total == 90 and len(morning.pairs) == 20
    assert reviews.themed(every_highlight(books), now=NOON + timedelta(hours=5)).pairs == morning.pairs


def test_a_repaired_database_is_reported_once(tmp_path: Path) -> None:
    path = tmp_path / "review.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    notices: list[str] = []
    reviews = ReaderReviews(notices.append, path=path)
    assert reviews.daily(Library(tmp_path, (WALDEN, EMERSON)), 5).pairs != ()
    reviews.store.favorites()
    assert len(notices) == 1 and "could not be read" in notices[0]
