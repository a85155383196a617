"""The review state as the reader sees it: nothing is created by asking, stars and notes show, reviews select."""

from __future__ import annotations

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
    chosen = reviews.themed(every_highlight([WALDEN]))
    assert len(chosen) == THEMED_REVIEW_SIZE and (WALDEN, 0) not in chosen


def test_a_repaired_database_is_reported_once(tmp_path: Path) -> None:
    path = tmp_path / "review.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    notices: list[str] = []
    reviews = ReaderReviews(notices.append, path=path)
    assert reviews.daily(Library(tmp_path, (WALDEN, EMERSON)), 5).pairs != ()
    reviews.store.favorites()
    assert len(notices) == 1 and "could not be read" in notices[0]
