"""The bundled sample library loads as the documents its files describe."""

from __future__ import annotations

import pytest
from conftest import SAMPLES

from hltui.library import load_library

# title -> (author, category, tags, highlights, notes), read off the sample files.
EXPECTED = {
    "Meditations": ("Marcus Aurelius", "books", ("philosophy", "stoicism"), 116, 12),
    "Walden": ("Henry David Thoreau", "books", ("classics", "philosophy/nature"), 17, 1),
    "Self-Reliance": ("Ralph Waldo Emerson", "books", ("essays", "favorite"), 13, 3),
    "Notes on Walking & Thinking": ("Mira Example", "articles", ("walking", "attention"), 6, 2),
    "The Slow Reader's Manifesto": ("Theodore Example", "articles", ("reading", "attention"), 2, 1),
    "27: On Friendship": ("A. Writer: Collected Notes", "articles", ("essays",), 5, 1),
    "Moral Letters to Lucilius": (None, "articles", (), 6, 1),
    "Tweets From Example Naturalist": ("@example_naturalist on Twitter", "tweets", (), 6, 0),
    "Ep. 42: Reading the Stoics Slowly with Ada Example": ("The Lantern Library Podcast", "podcasts", (), 3, 1),
    "On the Origin of Species": ("Charles Darwin", "books", ("biology", "history/science"), 8, 3),
    "The Autobiography of Benjamin Franklin": ("Benjamin Franklin", "articles", (), 9, 1),
    "Pride and Prejudice": ("Jane Austen", "books", ("novels", "classics"), 9, 1),
    "Frankenstein": ("Mary Shelley", "books", ("gothic", "novels"), 10, 2),
    "Alice's Adventures in Wonderland": ("Lewis Carroll", "books", ("favorite", "children's books"), 8, 1),
    "Quick Passages": (None, "books", (), 4, 1),
}


@pytest.fixture(scope="module")
def library():  # type: ignore[no-untyped-def]
    return load_library(SAMPLES)


def test_every_sample_document_is_read_as_written(library) -> None:  # type: ignore[no-untyped-def]
    found = {
        document.title: (
            document.author,
            document.category,
            document.tags,
            len(document.highlights),
            document.note_count,
        )
        for document in library.documents
    }
    assert found == EXPECTED


def test_sync_logs_and_the_vault_readme_are_skipped(library) -> None:  # type: ignore[no-untyped-def]
    assert sorted(skipped.path for skipped in library.skipped) == [
        "README.md",
        "Readwise/Readwise Syncs.md",
        "logseq/pages/Readwise.md",
    ]
    assert [problem.path for problem in library.problems] == ["Readwise/Articles/27 On Friendship.md"]


def test_kindle_book_has_chapters_and_a_resync_section(library) -> None:  # type: ignore[no-untyped-def]
    [meditations] = [d for d in library.documents if d.title == "Meditations"]
    sections = list(dict.fromkeys(h.section for h in meditations.highlights))
    assert sections == ["Book I", "Book II", "Book III", "Book IV", "Book V"]
    assert sum(h.is_favorite for h in meditations.highlights) == 27


def test_markup_like_text_is_kept_literally(library) -> None:  # type: ignore[no-untyped-def]
    [frankenstein] = [d for d in library.documents if d.title == "Frankenstein"]
    assert any("[bold]obey![/bold]" in h.text for h in frankenstein.highlights)


def test_dash_nbsp_line_stays_in_the_highlight(library) -> None:  # type: ignore[no-untyped-def]
    [walden] = [d for d in library.documents if d.title == "Walden"]
    assert any("\n-\u00a0Food, Shelter, Clothing, and Fuel;\n" in h.text for h in walden.highlights)
