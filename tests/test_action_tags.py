"""Readwise's action tags (`.h2`, `.c1`, `.favorite`, `.discard`) do what Readwise defines, and never show as tags."""

from __future__ import annotations

from pathlib import Path

from shape_fixtures import only_document

from hltui.library import Library
from hltui.review.daily import daily_selection, themed_selection
from hltui.review.store import ReviewStore
from hltui.tui.widgets.highlight_card import highlight_details

SHAPE = "readwise_action_tags.md"


def test_a_heading_mark_becomes_the_section_and_a_c_mark_joins_the_passage() -> None:
    document = only_document(SHAPE)
    texts = [highlight.text for highlight in document.highlights]
    assert "Part One" not in texts and len(texts) == 3  # the heading is not a highlight to review
    assert all(highlight.section == "Part One" for highlight in document.highlights)
    assert texts[0].startswith("I had been religiously educated") and texts[0].endswith("assemblies of the sect.")


def test_favorite_and_discard_marks_are_read_and_no_mark_is_shown_as_a_tag() -> None:
    document = only_document(SHAPE)
    joined, favorite, discarded = document.highlights
    assert favorite.is_favorite and discarded.is_discarded and not joined.is_favorite
    shown = " ".join(highlight_details(highlight).plain for highlight in document.highlights)
    assert "#habits" in shown and "#." not in shown
    names = {group.name for group in Library(Path("."), (document,)).groups("tag")}
    assert "habits" in names and not any(name.startswith(".") for name in names)


def test_a_discard_mark_keeps_the_highlight_out_of_every_review(tmp_path: Path) -> None:
    document = only_document(SHAPE)
    store = ReviewStore(tmp_path / "review.sqlite")
    every = [(document, index) for index in range(len(document.highlights))]
    assert (document, 2) not in themed_selection(every, store)
    assert (document, 2) not in daily_selection([document], store, count=10, seed=1)
    store.close()
