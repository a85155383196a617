"""Favorite highlights without Textual: which they are, gathered across a library, and the pane's subset."""

from __future__ import annotations

import pytest

from hltui.library.favorites import Subset, favorite_highlights, favorite_indexes, only_these
from hltui.model import Document, Highlight, HighlightDigest, StoredHighlights

STARRED = Highlight("starred in a review")
TAGGED = Highlight("tagged in the export", tags=("Favorite",))
PLAIN = Highlight("plain")


def never_read() -> tuple[Highlight, ...]:
    raise AssertionError("a document without favorites was read")


def test_a_favorite_is_tagged_in_the_export_or_starred_in_a_review() -> None:
    document = Document("Mixed", "m.md", highlights=(PLAIN, TAGGED, STARRED))
    assert favorite_indexes(document) == [1]
    assert favorite_indexes(document, lambda _, highlight: highlight is STARRED) == [1, 2]


def test_gathering_reads_only_the_documents_that_may_hold_a_favorite() -> None:
    unread = Document("A plain one", "a.md", highlights=StoredHighlights(3, HighlightDigest(), never_read))
    tagged = Document("Tagged", "t.md", highlights=(PLAIN, TAGGED))
    starred = Document("Starred", "s.md", highlights=(STARRED, PLAIN))
    found = list(
        favorite_highlights(
            [unread, tagged, starred],
            starred=lambda _, highlight: highlight is STARRED,
            starred_documents=lambda document: document is starred,
        )
    )
    assert found == [(starred, 0), (tagged, 1)]  # by title


def test_only_these_keeps_the_document_and_the_same_highlights() -> None:
    document = Document("Mixed", "m.md", author="A", highlights=(PLAIN, TAGGED, STARRED))
    shown = only_these(document, [1, 2])
    assert shown.highlights == (TAGGED, STARRED) and shown.highlights[0] is TAGGED
    assert (shown.title, shown.author) == (document.title, document.author)


@pytest.mark.parametrize(
    ("document_index", "nearest", "position"),
    [(0, 0, None), (2, 0, 0), (3, 1, None), (5, 1, 1), (6, 2, 2), (9, 2, None)],
)
def test_a_subset_maps_document_positions_to_shown_ones(
    document_index: int, nearest: int, position: int | None
) -> None:
    subset = Subset((2, 5, 6))
    assert subset.nearest_position(document_index) == nearest
    assert subset.position_of(document_index) == position
    if position is not None:
        assert subset.document_index(position) == document_index


def test_an_empty_subset_has_no_position() -> None:
    assert Subset(()).nearest_position(4) == -1  # the pane clamps it to its first line
    assert Subset(()).position_of(0) is None
