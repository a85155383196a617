"""The reader's place across a reload, and the tree's width: small Textual-free rules of the screen."""

from __future__ import annotations

from hltui.library.place import Place
from hltui.model import Document, Highlight
from hltui.tui.tree_width import MIN_DOCUMENT_WIDTH, MIN_SIDEBAR_WIDTH, SIDEBAR_SHARES, next_share, tree_columns

WALDEN = Document(
    "Walden",
    "walden.md",
    author="Henry David Thoreau",
    highlights=(Highlight("I went to the woods.", location="Location 10"), Highlight("Simplify, simplify.")),
)


def test_a_place_is_found_again_in_a_library_read_anew() -> None:
    place = Place.of(WALDEN, WALDEN.highlights[1])
    reread = Document(
        "Walden",
        "Books/walden.md",  # moved, and a highlight added before the one the reader was on
        author="Henry David Thoreau",
        highlights=(Highlight("New one."), *WALDEN.highlights),
    )
    other = Document("Self-Reliance", "emerson.md", highlights=(Highlight("Trust thyself."),))
    assert place.find([other, reread]) == (reread, 2)


def test_a_place_whose_highlight_is_gone_keeps_the_document() -> None:
    place = Place.of(WALDEN, WALDEN.highlights[0])
    edited = Document("Walden", "walden.md", author="Henry David Thoreau", highlights=(WALDEN.highlights[1],))
    assert place.find([edited]) == (edited, None)
    assert Place.of(WALDEN, None).find([edited]) == (edited, None)


def test_a_place_whose_document_is_gone_is_not_found() -> None:
    assert Place.of(WALDEN, None).find([Document("Walden", "walden.md", author="Someone Else")]) is None


def test_the_tree_always_leaves_the_document_room() -> None:
    for width in (60, 80, 120, 200):
        for share in range(len(SIDEBAR_SHARES)):
            columns = tree_columns(width, share)
            assert columns >= MIN_SIDEBAR_WIDTH
            assert width - columns >= MIN_DOCUMENT_WIDTH or columns == MIN_SIDEBAR_WIDTH


def test_a_wider_tree_skips_shares_that_give_the_same_width_and_stops_at_the_limit() -> None:
    assert next_share(200, 0, 1) == 1 and next_share(200, 5, 1) is None and next_share(200, 0, -1) is None
    # At 60 columns the document's 40 leave the tree its minimum, 24, at every share: no step changes it.
    assert next_share(60, 0, 1) is None and next_share(60, 5, -1) is None
    widths, share = [tree_columns(80, 0)], 0
    while (wider := next_share(80, share, 1)) is not None:
        share = wider
        widths.append(tree_columns(80, share))
    assert widths == sorted(set(widths)) and widths[-1] == 80 - MIN_DOCUMENT_WIDTH
