"""A query with a typo finds the titles, authors and tags its correct spelling finds (no Textual)."""

from __future__ import annotations

import pytest
from conftest import SAMPLES

from hltui.library import load_library
from hltui.model import Document, Highlight
from hltui.search.engine import SearchHit, SearchIndex

DOCUMENT_KINDS = {"title", "author", "tag", "highlight tag"}


@pytest.fixture(scope="module")
def sample_index() -> SearchIndex:
    return SearchIndex(load_library(SAMPLES).documents)


def metadata_hits(hits: list[SearchHit]) -> set[tuple[str, int | None, str]]:
    """(document title, highlight index, field) of the hits in titles, authors and tags."""
    return {(hit.document.title, hit.highlight_index, hit.field) for hit in hits if hit.field in DOCUMENT_KINDS}


@pytest.mark.parametrize(
    ("typed", "typo"),
    [
        ("stoic", "sotic"),  # title `Stoics`, tag `stoicism`, highlight tags `stoicism/ethics`
        ("natural", "natrual"),  # title `Naturalist`, author `@example_naturalist`
        ("example", "eaxmple"),  # authors `Mira Example` and `@example_naturalist`
        ("reading", "raeding"),  # title `Reading`, tag `reading`
    ],
)
def test_a_typo_finds_the_titles_authors_and_tags_the_word_finds(
    sample_index: SearchIndex, typed: str, typo: str
) -> None:
    expected = metadata_hits(sample_index.search(typed))
    assert expected  # the sample library holds the word where it matters
    assert expected <= metadata_hits(sample_index.search(typo))


def test_a_typo_of_the_start_of_a_word_marks_that_word() -> None:
    document = Document("Notes on Walking", "w.md", tags=("stoicism",), highlights=(Highlight("Plain."),))
    hits = SearchIndex([document]).search("wlaki")
    assert [(hit.field, hit.snippet[start:end]) for hit in hits for start, end in hit.spans] == [("title", "Walking")]
    (tag,) = SearchIndex([document]).search("stoicsim")
    assert (tag.field, tag.spans) == ("tag", ((0, 8),))


def test_an_underscore_separates_words_for_typos() -> None:
    document = Document("Tweets", "t.md", author="@slow_reader on Twitter")
    (hit,) = SearchIndex([document]).search("raeder")
    assert (hit.field, hit.snippet[slice(*hit.spans[0])]) == ("author", "reader")


def test_a_typo_still_needs_the_start_of_a_word() -> None:
    document = Document("Sleepwalking", "s.md", highlights=(Highlight("Unmindful of the hour."),))
    assert SearchIndex([document]).search("wlaking") == []  # `walking` inside a word: only as typed


def test_a_typo_late_in_a_very_long_word_is_found() -> None:
    word = "pneumonoultramicroscopicsilicovolcanoconiosis"  # pairs past the index's last place share it
    document = Document("Words", "w.md", highlights=(Highlight(f"The longest: {word}."),))
    typo = word[:40] + word[41] + word[40] + word[42:]
    (hit,) = SearchIndex([document]).search(typo)
    assert hit.snippet[slice(*hit.spans[0])] == word


def test_short_words_tolerate_no_typo_and_longer_ones_one_or_two() -> None:
    from hltui.search.typos import typo_limit

    assert [typo_limit(word) for word in ("walk", "talks", "lighthou", "lighthous")] == [0, 1, 1, 2]


def test_searching_walk_no_longer_finds_wall_or_talk() -> None:
    from hltui.model import Document, Highlight
    from hltui.search.engine import SearchIndex

    documents = [
        Document("On walking", "a.md", highlights=(Highlight("A long walk at dawn."),)),
        Document("Of talk", "b.md", highlights=(Highlight("Do not talk overmuch."), Highlight("The wall stood."))),
    ]
    found = {hit.document.title for hit in SearchIndex(documents).search("walk")}
    assert found == {"On walking"}
