"""Search over the FTS5 index of the parse cache: each element of the query language, ranking, snippets.

The libraries are Markdown exports written in tmp_path and loaded through a ParseCache, so the
index answers (their highlights are StoredHighlights); test_search_plain_agrees.py holds the plain
read to the same answers. Quotes are public domain (Thoreau, Emerson, Long's Marcus Aurelius,
Carter's and Higginson's Epictetus) or our own words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from hltui.library import Library, load_library
from hltui.library.cache import ParseCache
from hltui.model import Document, StoredHighlights
from hltui.review import calendar_days
from hltui.review.ids import document_id, highlight_id
from hltui.review.reader_state import ReaderReviews
from hltui.search import Searcher, SearchHit
from hltui.search.query import parse_query

FILLER = "Nothing to see in this sentence, which only pads the highlight out. "


@dataclass(frozen=True)
class Quote:
    """A highlight as written in the export: its text, its `Tags:` and its `Note:`."""

    text: str
    tags: tuple[str, ...] = ()
    note: str | None = None


def export(
    title: str,
    *quotes: str | Quote,
    author: str | None = None,
    category: str | None = None,
    tags: tuple[str, ...] = (),
) -> str:
    """A Readwise-style Markdown export: front matter, then `- highlight` bullets with their tags and note."""
    lines = ["---", f"title: {title}"]
    lines += [f"author: {author}"] if author else []
    lines += [f"category: {category}"] if category else []
    lines += ["tags:", *(f"  - {tag}" for tag in tags)] if tags else []
    lines += ["---", f"# {title}", "", "## Highlights"]
    for quote in quotes:
        quote = quote if isinstance(quote, Quote) else Quote(quote)
        lines.append("- " + quote.text.replace("\n", "\n  "))
        if quote.tags:
            lines.append("    - Tags: " + " ".join(f"[[{tag}]]" for tag in quote.tags))
        if quote.note:
            lines.append(f"    - Note: {quote.note}")
    return "\n".join(lines) + "\n"


LIBRARY = {
    "Walden.md": export(
        "Walden",
        "The mass of men lead lives of quiet desperation.",
        Quote("I went to the woods because I wished to live deliberately.", tags=("favorite",)),
        Quote("Simplicity, simplicity, simplicity!", note="Simplicity, said thrice over."),
        "Walden Pond was my well, deep and clear.",
        author="Henry David Thoreau",
        category="books",
        tags=("classics", "philosophy/nature"),
    ),
    "Self-Reliance.md": export(
        "Self-Reliance",
        "To believe your own thought, to believe that what is true for you in your private heart is true for all men,"
        " that is genius.",
        "Trust thyself: every heart vibrates to that iron string.",
        "Thoreau came from Walden to dinner and spoke of beans.",
        author="Ralph Waldo Emerson",
        category="articles",
        tags=("essays",),
    ),
    "Meditations.md": export(
        "Meditations",
        Quote(
            "No longer talk at all about the kind of man that a good man ought to be, but be such.",
            tags=("stoicism/ethics",),
        ),
        Quote("Such as are thy habitual thoughts, such also will be the character of thy mind.", tags=("stoicism",)),
        "Remember this, that very little is needed to make a happy life.",
        author="Marcus Aurelius",
        category="books",
        tags=("philosophy",),
    ),
    "Letters.md": export(
        "Letters from a Stoic",
        "A letter a day keeps the mind in order.",
        author="Seneca",
        category="books",
        tags=("philosophy/stoicism",),
    ),
    "Enchiridion.md": export(
        "Enchiridion",
        "There are things which are within our power, and there are things which are beyond our power.",
        "Men are disturbed not by things, but by the views which they take of things.",
        author="Epictetus",
        category="books",
        tags=("stoicism/ethics",),
    ),
    "Kitchen.md": export(
        "Kitchen Notes",
        "The hungry traveller ate bread at dawn and read the articles.",
        "Hunger makes the plainest bread taste sweet.",
        "Huang kept a lantern by the door, its glass smoky from years of winter evenings by the stove.",
        "Lanterns went out.",
        "Le vieil élan du cœur, au Café du Nord.",
        author="Mira Example",
        category="articles",
        tags=("food",),
    ),
    "Long.md": export(
        "Long Reads",
        FILLER * 4 + "The serendipity of\nfinding things. " + FILLER * 4,
        FILLER * 5 + "Last word: zeitgeist",
        "  First line\n\n\tsecond line  ",
        author="Ada Example",
    ),
}


def write_library(root: Path, files: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@dataclass
class Indexed:
    """A library loaded through a parse cache, and a searcher over its index."""

    library: Library
    cache: ParseCache
    searcher: Searcher

    def search(self, text: str, **options: Any) -> list[SearchHit]:
        return self.searcher.search(self.library, text, **options)

    def pairs(self, text: str, **options: Any) -> list[tuple[str, int | None]]:
        """(document title, highlight index) of each hit, in order."""
        return [(hit.document.title, hit.highlight_index) for hit in self.search(text, **options)]

    def document(self, title: str) -> Document:
        return next(document for document in self.library.documents if document.title == title)


def indexed(tmp_path: Path, files: dict[str, str], reviews: ReaderReviews | None = None) -> Indexed:
    root = write_library(tmp_path / "library", files)
    cache = ParseCache(root, folder=tmp_path / "cache")
    library = load_library(root, cache=cache)
    assert all(isinstance(document.highlights, StoredHighlights) for document in library.documents)
    assert cache.search_ready()
    return Indexed(library, cache, Searcher(cache, reviews))


def index_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make reading fields fail the test: what follows is answered by the index alone."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("searched by reading, not by the index")

    monkeypatch.setattr("hltui.search.run.answers_in", refuse)


@pytest.fixture
def lib(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Indexed:
    """The library above, answered by its index only (no review database, so nothing is read)."""
    index_only(monkeypatch)
    return indexed(tmp_path, LIBRARY)


def marked(hit: SearchHit) -> list[str]:
    """The text of the snippet under each span."""
    return [hit.snippet[start:end] for start, end in hit.spans]


# Words across fields ---------------------------------------------------------------------------


def test_author_and_title_words_find_the_book_first(lib: Indexed) -> None:
    found = lib.pairs("thoreau walden")
    assert found[0] == ("Walden", None)
    assert set(found) == {("Walden", None), ("Walden", 3), ("Self-Reliance", 2)}


def test_an_author_word_and_a_text_word_find_the_highlight(lib: Indexed) -> None:
    assert lib.pairs("emerson genius") == [("Self-Reliance", 0)]


def test_every_word_must_match(lib: Indexed) -> None:
    assert lib.pairs("emerson desperation") == []


def test_a_phrase_finds_its_words_in_that_order_only(lib: Indexed) -> None:
    assert lib.pairs('"the mass of men"') == [("Walden", 0)]
    assert lib.pairs('"men of the mass"') == []
    assert lib.pairs("men of the mass") == [("Walden", 0)]  # unquoted: in any order


def test_words_are_not_operators(lib: Indexed) -> None:
    assert lib.pairs("not but") == [("Enchiridion", 1)]  # `not` is a word here
    assert lib.pairs("mass OR genius") == []  # as an operator, OR would find both
    assert lib.pairs("men NOT desperation") == []  # as an operator, NOT would find Epictetus and Emerson
    assert lib.pairs("NEAR things") == []


def test_huang_does_not_find_hungry_or_hunger(lib: Indexed) -> None:
    assert lib.pairs("huang") == [("Kitchen Notes", 2)]
    assert lib.pairs("hungry") == [("Kitchen Notes", 0)]


# Tags --------------------------------------------------------------------------------------------


def test_a_tag_finds_itself_and_the_tags_nested_under_it(lib: Indexed) -> None:
    stoicism = {("Meditations", 0), ("Meditations", 1), ("Enchiridion", 0), ("Enchiridion", 1)}
    assert set(lib.pairs("#stoicism")) == stoicism  # not Letters, tagged philosophy/stoicism
    assert set(lib.pairs("#stoicism/ethics")) == stoicism - {("Meditations", 1)}
    philosophy = {("Meditations", 0), ("Meditations", 1), ("Meditations", 2), ("Letters from a Stoic", 0)}
    assert set(lib.pairs("#philosophy")) == philosophy | {("Walden", index) for index in range(4)}  # /nature


def test_a_tag_is_whole_unless_being_typed(lib: Indexed) -> None:
    assert lib.pairs("#stoic") == []
    assert len(lib.pairs("#stoic", typing=True)) == 4


def test_a_tag_lists_each_highlight_with_its_own_text(lib: Indexed) -> None:
    hits = lib.search("#stoicism")
    assert [hit.snippet for hit in hits] == [
        hit.document.highlights[hit.highlight_index].text for hit in hits if hit.highlight_index is not None
    ]
    assert len({hit.snippet for hit in hits}) == 4
    assert {hit.field for hit in hits} == {"#stoicism/ethics", "#stoicism"}


def test_a_word_finds_a_tag_too(lib: Indexed) -> None:
    assert lib.pairs("essays") == [("Self-Reliance", None)]  # a document tag: the document, once


# Field and state filters -----------------------------------------------------------------------------


def test_author_filter_looks_in_the_author_only(lib: Indexed) -> None:
    assert lib.pairs("thoreau") == [("Walden", None), ("Self-Reliance", 2)]
    assert sorted(lib.pairs("author:thoreau")) == [("Walden", index) for index in range(4)]


def test_title_filter_looks_in_the_title_only(lib: Indexed) -> None:
    assert ("Self-Reliance", 2) in lib.pairs("walden")
    assert sorted(lib.pairs("title:walden")) == [("Walden", index) for index in range(4)]
    assert lib.pairs("title:thoreau") == []


def test_category_filter_looks_in_the_category_only(lib: Indexed) -> None:
    assert lib.pairs("articles") == [("Kitchen Notes", 0)]  # the word in a text; a category is not a word
    assert {title for title, _ in lib.pairs("category:articles")} == {"Self-Reliance", "Kitchen Notes"}
    assert len(lib.pairs("category:articles")) == 8


def test_a_filter_and_a_word_together(lib: Indexed) -> None:
    assert lib.pairs("author:thoreau men") == [("Walden", 0)]


def test_is_favorite_finds_the_exports_favorites(lib: Indexed) -> None:
    (hit,) = lib.search("is:favorite")
    assert (hit.document.title, hit.highlight_index, hit.field) == ("Walden", 1, "favorite")
    assert lib.pairs("is:favorite woods") == [("Walden", 1)]
    assert lib.pairs("is:favorite men") == []


def test_has_note_finds_highlights_with_a_note(lib: Indexed) -> None:
    assert lib.pairs("has:note") == [("Walden", 2)]


def test_an_unknown_state_finds_nothing_and_says_why(lib: Indexed) -> None:
    assert lib.pairs("is:wonderful") == []
    assert parse_query("is:wonderful").problems == ("is: takes favorite or due (is:) and note (has:), not 'wonderful'",)
    assert lib.pairs("is:fa", typing=True) == []  # on its way to is:favorite: no complaint, no word


# Exclusions --------------------------------------------------------------------------------------


def test_a_minus_word_leaves_out_what_holds_it(lib: Indexed) -> None:
    assert ("Walden", 0) in lib.pairs("men")
    assert ("Walden", 0) not in lib.pairs("men -desperation")
    assert sorted(lib.pairs("men -desperation")) == [("Enchiridion", 1), ("Self-Reliance", 0)]


def test_a_minus_phrase_or_field_leaves_out_what_holds_it(lib: Indexed) -> None:
    assert ("Walden", 0) not in lib.pairs('men -"quiet desperation"')
    assert ("Walden", 0) in lib.pairs('men -"desperation quiet"')
    assert lib.pairs("walden -author:thoreau") == [("Self-Reliance", 2)]


def test_only_exclusions_or_nothing_finds_nothing(lib: Indexed) -> None:
    assert lib.search("") == []
    assert lib.search("   \n") == []
    assert lib.search("-desperation") == []


# Prefixes and the word being typed -------------------------------------------------------------------


def test_a_star_makes_a_prefix(lib: Indexed) -> None:
    assert lib.pairs("desp*") == [("Walden", 0)]
    assert lib.pairs("desp") == []


def test_the_word_being_typed_is_a_prefix_from_three_letters(lib: Indexed) -> None:
    assert lib.pairs("despe", typing=True) == [("Walden", 0)]
    assert lib.pairs("des", typing=True) == [("Walden", 0)]
    assert lib.pairs("de", typing=True) == []  # two letters: only the whole word
    assert lib.pairs("despe") == []  # typed, then Enter: a word like any other
    assert lib.pairs("despe ", typing=True) == []  # a space after it: done typing it


def test_only_the_last_word_is_being_typed(lib: Indexed) -> None:
    assert lib.pairs("desp quiet", typing=True) == []
    assert lib.pairs("quiet desp", typing=True) == [("Walden", 0)]


# Typos ---------------------------------------------------------------------------------------------


def test_a_typo_finds_the_word(lib: Indexed) -> None:
    (hit,) = lib.search("desperaton")
    assert (hit.document.title, hit.highlight_index, marked(hit)) == ("Walden", 0, ["desperation"])
    assert lib.pairs("meditatoins")[0] == ("Meditations", None)


def test_no_typo_under_five_letters(lib: Indexed) -> None:
    assert sorted(lib.pairs("braed")) == [("Kitchen Notes", 0), ("Kitchen Notes", 1)]  # five letters: bread
    assert lib.pairs("bred") == []


def test_a_typo_is_never_on_the_first_letter(lib: Indexed) -> None:
    assert lib.pairs("desperatiom") == [("Walden", 0)]
    assert lib.pairs("cesperation") == []


def test_exact_hits_rank_above_typo_hits(lib: Indexed) -> None:
    # The typo hit is the shorter text: ranked together, bm25 would put it first.
    hits = lib.search("lantern")
    assert [(hit.highlight_index, marked(hit)) for hit in hits] == [(2, ["lantern"]), (3, ["Lanterns"])]


# Rows: documents, highlights, within, limit, stop ----------------------------------------------------


def test_a_matching_title_is_one_document_row_before_the_highlights(lib: Indexed) -> None:
    hits = lib.search("walden")
    assert (hits[0].document.title, hits[0].highlight_index, hits[0].field) == ("Walden", None, "title")
    assert sorted((hit.document.title, hit.highlight_index) for hit in hits[1:]) == [
        ("Self-Reliance", 2),
        ("Walden", 3),
    ]


def test_a_document_row_marks_its_matching_field(lib: Indexed) -> None:
    (document, *_) = lib.search("thoreau")
    assert (document.field, document.snippet, marked(document)) == ("author", "Henry David Thoreau", ["Thoreau"])


def test_at_most_one_row_per_highlight(lib: Indexed) -> None:
    (hit,) = lib.search("simplicity")  # in the text three times, and in its note
    assert (hit.highlight_index, hit.field) == (2, "highlight · note")
    for query in ("men", "the", "#philosophy", "author:thoreau", "th*", "is:favorite"):
        pairs = lib.pairs(query)
        assert len(pairs) == len(set(pairs)), query


def test_a_match_in_the_note_only_shows_the_note(lib: Indexed) -> None:
    (hit,) = lib.search("thrice")
    assert (hit.highlight_index, hit.field) == (2, "note")
    assert hit.snippet == "Simplicity, simplicity, simplicity!  ✎ Simplicity, said thrice over."
    assert marked(hit) == ["thrice"]


def test_within_limits_to_those_documents(lib: Indexed) -> None:
    enchiridion = lib.document("Enchiridion")
    assert lib.pairs("men", within=[enchiridion]) == [("Enchiridion", 1)]
    assert lib.pairs("enchiridion", within=[enchiridion]) == [("Enchiridion", None)]
    assert lib.pairs("men", within=[]) == []
    assert lib.pairs("desperaton", within=[enchiridion]) == []  # the typo pass too


def test_limit_keeps_that_many(lib: Indexed) -> None:
    assert len(lib.search("author:thoreau")) == 4
    assert len(lib.search("author:thoreau", limit=2)) == 2
    assert [hit.highlight_index for hit in lib.search("walden", limit=1)] == [None]
    assert lib.search("author:thoreau", limit=0) == []


def test_a_word_in_very_many_rows_lists_them_in_library_order(lib: Indexed, monkeypatch: pytest.MonkeyPatch) -> None:
    ranked = lib.pairs("men")
    monkeypatch.setattr("hltui.search.run._RANK_AT_MOST", 1)  # as if `men` were in more rows than that
    unranked = lib.pairs("men")
    titles = [document.title for document in lib.library.documents]
    assert sorted(unranked) == sorted(ranked) and len(unranked) == 3
    assert unranked == sorted(unranked, key=lambda pair: (titles.index(pair[0]), pair[1]))
    assert unranked != ranked


def test_a_stopped_search_gives_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    index_only(monkeypatch)
    many = indexed(tmp_path, {"n.md": export("Notes", *(f"Common word number {n}." for n in range(3000)))})
    assert len(many.search("common", limit=5000)) == 3000
    asked: list[int] = []

    def stop_on_third_call() -> bool:
        asked.append(1)
        return len(asked) >= 3

    assert len(many.search("common", limit=5000, should_stop=stop_on_third_call)) < 3000
    assert len(asked) == 3
    assert many.search("common", limit=5000, should_stop=lambda: True) == []


# Snippets --------------------------------------------------------------------------------------------


def test_spans_mark_every_matched_word_and_occurrence(lib: Indexed) -> None:
    (hit,) = lib.search("heart thyself")
    assert marked(hit) == ["thyself", "heart"]
    (hit,) = lib.search("believe")
    assert marked(hit) == ["believe", "believe"]


def test_spans_mark_accented_words_found_without_accents(lib: Indexed) -> None:
    assert [marked(hit) for hit in lib.search("cafe")] == [["Café"]]
    assert [marked(hit) for hit in lib.search("ELAN")] == [["élan"]]
    assert [marked(hit) for hit in lib.search("cœur")] == [["cœur"]]


def test_spans_mark_a_phrase_and_a_prefix(lib: Indexed) -> None:
    assert [marked(hit) for hit in lib.search('"quiet desperation"')] == [["quiet desperation"]]
    assert [marked(hit) for hit in lib.search("simpl*")] == [["Simplicity", "simplicity", "simplicity"]]


def test_a_long_highlight_is_cut_to_one_line_around_the_match(lib: Indexed) -> None:
    (hit,) = lib.search("serendipity")
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet) <= 120
    assert "\n" not in hit.snippet and "serendipity of finding" in hit.snippet
    assert marked(hit) == ["serendipity"]


def test_a_match_near_the_end_of_a_long_highlight_is_shown(lib: Indexed) -> None:
    (hit,) = lib.search("zeitgeist")
    assert hit.snippet.startswith("…") and hit.snippet.endswith("zeitgeist")
    assert len(hit.snippet) <= 120 and marked(hit) == ["zeitgeist"]


def test_a_short_highlight_is_shown_whole_on_one_line(lib: Indexed) -> None:
    (hit,) = lib.search("second")
    assert hit.snippet == "First line second line"
    assert marked(hit) == ["second"]


# The reader's own marks: stars, own notes, due cards (from the review database) -------------------------

MORNING = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)


@pytest.fixture
def reviewed(tmp_path: Path) -> tuple[Indexed, ReaderReviews]:
    reviews = ReaderReviews(path=tmp_path / "review.sqlite")
    return indexed(tmp_path, LIBRARY, reviews), reviews


def test_a_star_given_in_the_reader_is_a_favorite(reviewed: tuple[Indexed, ReaderReviews]) -> None:
    lib, reviews = reviewed
    walden = lib.document("Walden")
    assert lib.pairs("is:favorite") == [("Walden", 1)]
    assert reviews.toggle_star(walden, walden.highlights[0])
    assert sorted(lib.pairs("is:favorite")) == [("Walden", 0), ("Walden", 1)]
    assert lib.pairs("is:favorite desperation") == [("Walden", 0)]


def test_a_word_of_an_own_note_finds_the_highlight(reviewed: tuple[Indexed, ReaderReviews]) -> None:
    lib, reviews = reviewed
    kitchen = lib.document("Kitchen Notes")
    assert lib.pairs("soup") == []
    reviews.set_own_note(kitchen, kitchen.highlights[2], "Soup of the evening, beautiful soup")
    (hit,) = lib.search("soup")
    assert (hit.document.title, hit.highlight_index) == ("Kitchen Notes", 2)
    assert "your note" in hit.field and marked(hit) == ["Soup", "soup"]
    assert lib.pairs("huang soup") == [("Kitchen Notes", 2)]  # text and own note ANDed
    assert lib.pairs("huang") == [("Kitchen Notes", 2)]  # found by the index and read for its note: listed once


def test_an_own_note_counts_for_has_note(reviewed: tuple[Indexed, ReaderReviews]) -> None:
    lib, reviews = reviewed
    kitchen = lib.document("Kitchen Notes")
    reviews.set_own_note(kitchen, kitchen.highlights[2], "Soup of the evening")
    assert sorted(lib.pairs("has:note")) == [("Kitchen Notes", 2), ("Walden", 2)]


def test_is_due_lists_a_card_rated_again(
    reviewed: tuple[Indexed, ReaderReviews], monkeypatch: pytest.MonkeyPatch
) -> None:
    lib, reviews = reviewed
    monkeypatch.setattr(calendar_days, "current_moment", lambda: MORNING)
    enchiridion = lib.document("Enchiridion")
    easy, again = (highlight_id(enchiridion, highlight) for highlight in enchiridion.highlights)
    reviews.store.place({again: document_id(enchiridion), easy: document_id(enchiridion)})
    reviews.store.rate(again, 1, now=MORNING - timedelta(days=2))  # again: due minutes later, long past
    reviews.store.rate(easy, 4, now=MORNING)  # easy, just now: due in days
    assert lib.pairs("is:due") == [("Enchiridion", 1)]
    assert lib.pairs("is:due men") == [("Enchiridion", 1)]
    assert lib.pairs("is:due -men") == []


def test_a_minus_word_in_an_own_note_leaves_the_highlight_out(reviewed: tuple[Indexed, ReaderReviews]) -> None:
    lib, reviews = reviewed
    kitchen = lib.document("Kitchen Notes")
    reviews.set_own_note(kitchen, kitchen.highlights[2], "Soup of the evening")
    assert lib.pairs("huang -soup") == []
