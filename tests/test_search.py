"""Searching a library: folding, typos, ranking, scope, snippets and cancelling (no Textual)."""

from __future__ import annotations

from collections.abc import Callable

from hltui.model import Document, Highlight
from hltui.search.engine import SearchHit, SearchIndex, fold

FILLER = "Nothing to see in this sentence, which only pads the highlight out. "


def book(
    title: str, *texts: str, author: str | None = None, tags: tuple[str, ...] = (), notes: bool = False
) -> Document:
    """A document whose highlights carry these texts (and, with notes=True, the same text as a note)."""
    highlights = tuple(Highlight(text, note=text if notes else None) for text in texts)
    return Document(title, f"{title}.md", author=author, tags=tags, highlights=highlights)


def matched_parts(hit: SearchHit) -> list[str]:
    """The text of the snippet under each span."""
    return [hit.snippet[start:end] for start, end in hit.spans]


def stop_after(calls: int) -> tuple[Callable[[], bool], list[int]]:
    """A should_stop that answers yes from its `calls`-th call on, and the record of its calls."""
    made: list[int] = []

    def should_stop() -> bool:
        made.append(1)
        return len(made) >= calls

    return should_stop, made


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Café ÉLAN Straße") == "cafe elan strasse"
    assert fold("ﬁne") == "fine"
    assert fold("e\u0301lan") == "elan"


def test_search_ignores_case_and_accents() -> None:
    library = [book("Café Society", "Le vieil élan du cœur."), book("Plain", "Nothing here.")]
    index = SearchIndex(library)
    assert [(hit.field, matched_parts(hit)) for hit in index.search("cafe")] == [("title", ["Café"])]
    assert [(hit.field, matched_parts(hit)) for hit in index.search("ELAN")] == [("highlight", ["élan"])]
    assert index.search("CAFÉ")[0].document is library[0]


def test_a_typo_finds_the_word() -> None:
    index = SearchIndex([book("Notes", "Daily meditation clears the mind.", "Something else entirely.")])
    hits = index.search("meditatoin")
    assert [(hit.highlight_index, matched_parts(hit)) for hit in hits] == [(0, ["meditation"])]
    assert index.search("mediation clears")[0].highlight_index == 0


def test_short_words_need_no_typo_tolerance() -> None:
    index = SearchIndex([book("Notes", "The cat sat.")])
    assert index.search("cot") == []  # three letters: matched exactly only


def test_exact_matches_rank_above_typos_even_in_lighter_fields() -> None:
    library = [book("Meditatio", "Unrelated words."), book("Other", "A note follows.")]
    library.append(Document("Third", "third.md", highlights=(Highlight("Plain text.", note="about meditation"),)))
    hits = SearchIndex(library).search("meditation")
    assert [(hit.document.title, hit.field) for hit in hits] == [("Third", "note"), ("Meditatio", "title")]
    assert hits[0].score > hits[1].score


def test_fields_rank_title_author_tag_highlight_note() -> None:
    library = [
        Document("Only a note", "n.md", highlights=(Highlight("Plain.", note="stoicism"),)),
        book("Only a highlight", "On stoicism."),
        book("Only a tag", "Plain.", tags=("stoicism",)),
        book("Only an author", "Plain.", author="Stoicism Press"),
        book("Stoicism", "Plain."),
    ]
    hits = SearchIndex(library).search("stoicism")
    assert [hit.field for hit in hits] == ["title", "author", "tag", "highlight", "note"]
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)


def test_phrase_and_word_starts_rank_higher() -> None:
    library = [
        book("Scattered", "The habit of reading and the mind, later."),
        book("Phrase", "A mind habit, formed early, and not much else here."),
        book("Inside words", "Unmindful rehabitation of things."),
    ]
    hits = SearchIndex(library).search("mind habit")
    assert [hit.document.title for hit in hits] == ["Phrase", "Scattered", "Inside words"]


def test_shorter_fields_rank_slightly_higher() -> None:
    library = [book("Long", "Attention " + FILLER * 3), book("Short", "Attention matters.")]
    assert [hit.document.title for hit in SearchIndex(library).search("attention")] == ["Short", "Long"]


def test_equal_scores_keep_library_order() -> None:
    first, second = book("Twin", "Same words."), book("Twin", "Same words.")
    hits = SearchIndex([first, second]).search("same")
    assert [hit.document for hit in hits] == [first, second]
    assert hits[0].document is first and hits[1].document is second


def test_every_word_must_match() -> None:
    index = SearchIndex([book("Notes", "Alpha and beta.", "Only alpha.", "Only beta.", "Gamma alone.")])
    assert [hit.highlight_index for hit in index.search("beta alpha")] == [0]
    assert index.search("alpha gamma") == []


def test_within_limits_to_those_documents_by_identity() -> None:
    first, second = book("Same", "Shared words."), book("Same", "Shared words.")
    other = book("Other", "Shared words.")
    index = SearchIndex([first, other, second])
    hits = index.search("shared", within=[second])
    assert [hit.field for hit in hits] == ["highlight"]
    assert hits[0].document is second
    assert index.search("shared", within=[]) == []
    typo_hits = index.search("sharde", within=[first])  # the typo pass is limited too
    assert [hit.document for hit in typo_hits] == [first] and typo_hits[0].document is first


def test_spans_mark_the_matched_text_even_when_folding_changes_lengths() -> None:
    text = "Die Straße, das ﬁne Café und e\u0301lan: MEDITATION über alles."
    index = SearchIndex([book("Notes", text)])
    for query, expected in [
        ("meditation", "MEDITATION"),
        ("strasse", "Straße"),
        ("fine", "ﬁne"),
        ("cafe", "Café"),
        ("elan", "e\u0301lan"),
        ("uber", "über"),
    ]:
        (hit,) = index.search(query)
        assert matched_parts(hit) == [expected], query
        assert all(fold(part) == fold(query) for part in matched_parts(hit))


def test_spans_cover_every_word_and_every_occurrence() -> None:
    (hit,) = SearchIndex([book("Notes", "Read slowly. Then read again, slowly.")]).search("slowly read")
    assert [part.casefold() for part in matched_parts(hit)] == ["read", "slowly", "read", "slowly"]


def test_typo_spans_mark_the_word_in_the_text() -> None:
    (hit,) = SearchIndex([book("Notes", "Über die Meditation, täglich.")]).search("meditatoin")
    assert matched_parts(hit) == ["Meditation"]


def test_long_highlight_is_cut_around_the_match() -> None:
    text = FILLER * 4 + "The serendipity of\nfinding things.\n" + FILLER * 4
    (hit,) = SearchIndex([book("Notes", text)]).search("serendipity")
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet) <= 120
    assert "\n" not in hit.snippet and "serendipity of finding" in hit.snippet
    assert matched_parts(hit) == ["serendipity"]


def test_match_near_the_end_of_a_long_highlight_is_shown() -> None:
    (hit,) = SearchIndex([book("Notes", FILLER * 5 + "Last word: zeitgeist")]).search("zeitgeist")
    assert hit.snippet.startswith("…") and hit.snippet.endswith("zeitgeist")
    assert matched_parts(hit) == ["zeitgeist"]


def test_short_field_snippet_is_the_whole_text_on_one_line() -> None:
    (hit,) = SearchIndex([book("Notes", "  First line\n\n\tsecond line  ")]).search("second")
    assert hit.snippet == "First line second line"
    assert matched_parts(hit) == ["second"]


def test_one_hit_per_highlight_keeping_the_better_field() -> None:
    library = [book("Notes", "Patience is bitter.", "Patience again.", notes=True)]
    hits = SearchIndex(library).search("patience")
    assert sorted((hit.highlight_index, hit.field) for hit in hits) == [(0, "highlight"), (1, "highlight")]


def test_note_wins_when_it_matches_better_than_the_text() -> None:
    document = Document("Notes", "n.md", highlights=(Highlight("Patiance is bitter.", note="On patience"),))
    hits = SearchIndex([document]).search("patience")
    assert [(hit.highlight_index, hit.field) for hit in hits] == [(0, "note")]


def test_one_hit_per_document_for_its_tags() -> None:
    hits = SearchIndex([book("Notes", "Plain.", tags=("history", "history/ancient"))]).search("history")
    assert [(hit.field, hit.snippet) for hit in hits] == [("tag", "history")]


def test_should_stop_returns_what_was_found_so_far() -> None:
    index = SearchIndex([book("Notes", *(f"Common word number {number}." for number in range(3000)))])
    assert len(index.search("common", limit=5000)) == 3000
    should_stop, calls = stop_after(3)
    partial = index.search("common", limit=5000, should_stop=should_stop)
    assert len(calls) == 3
    assert 0 < len(partial) < 3000
    assert all(hit.field == "highlight" for hit in partial)
    assert index.search("common", should_stop=lambda: True) == []


def test_limit_keeps_the_best() -> None:
    library = [book("Notes", *(["Common word."] * 10)), book("Common ground", "Plain.")]
    hits = SearchIndex(library).search("common", limit=3)
    assert [hit.field for hit in hits] == ["title", "highlight", "highlight"]


def test_empty_query_finds_nothing() -> None:
    index = SearchIndex([book("Anything", "Some text.")])
    assert index.search("") == []
    assert index.search("   \n") == []
