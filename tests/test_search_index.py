"""The search index against a plain scan of every field, highlight tags, the capped typo pass, updates and builds."""

from __future__ import annotations

import functools
import itertools
import random
import re
from collections.abc import Iterator, Sequence
from typing import overload

import pytest

from hltui.model import Document, Highlight
from hltui.search import engine
from hltui.search.engine import SearchHit, SearchIndex, fold
from hltui.search.field_table import KINDS
from hltui.search.ranking import Query
from hltui.search.typos import NearWords, begins_within, typo_limit

WORDS = (  # noqa: SIM905 - one string reads better than 45 quoted words
    "mind minds mind, (mind unmindful mindset lighthouse lighthouses light lightly house houses the then there "
    "other of often nature natural café cafe élan straße stoic stoicism meditation meditations medication habit "
    "rehabilitate reading read attention attend wisdom virtue walking walk slow looking book books 2024 x_y "
    "@stoic_walker"
).split()
TAGS = ("stoicism/ethics", "walking", "favorite", "slow looking", "philosophy", "café")


@functools.cache
def plain_distances(first: str, second: str) -> tuple[int, ...]:
    """Optimal-string-alignment distances from `first` to each start of `second`: the whole table, no shortcuts."""
    table = [
        [row + column if row * column == 0 else 0 for column in range(len(second) + 1)] for row in range(len(first) + 1)
    ]
    for row, column in itertools.product(range(1, len(first) + 1), range(1, len(second) + 1)):
        cost = first[row - 1] != second[column - 1]
        best = min(table[row - 1][column] + 1, table[row][column - 1] + 1, table[row - 1][column - 1] + cost)
        swapped = (
            row > 1 and column > 1 and first[row - 1] == second[column - 2] and first[row - 2] == second[column - 1]
        )
        table[row][column] = min(best, table[row - 2][column - 2] + 1) if swapped else best
    return tuple(table[-1])


def start_distance(query: str, word: str) -> int:
    """The least distance from the query to any start of the word (the word itself included).

    Exact up to 2, the most any limit allows: a start longer than the query by more is never that close.
    """
    return min(plain_distances(query, word[: len(query) + 3]))


def library(seed: int = 7, documents: int = 240) -> list[Document]:
    """Short texts drawn from a small vocabulary, so common words match hundreds of fields."""
    chooser = random.Random(seed)

    def text(low: int, high: int) -> str:
        return " ".join(chooser.choice(WORDS) for _ in range(chooser.randint(low, high))).capitalize() + "."

    made = []
    for number in range(documents):
        highlights = tuple(
            Highlight(
                text(3, 12),
                note=text(2, 6) if chooser.random() < 0.3 else None,
                tags=tuple(chooser.sample(TAGS, chooser.randint(0, 2))),
            )
            for _ in range(chooser.randint(0, 8))
        )
        title = f"{text(1, 4)} {number}"
        author = text(1, 2) if chooser.random() < 0.7 else None
        tags = tuple(chooser.sample(TAGS, chooser.randint(0, 2)))
        made.append(Document(title, f"{number}.md", author=author, tags=tags, highlights=highlights))
    return made


def fields_of(document: Document) -> Iterator[tuple[int | None, str, str]]:
    """Every searchable string with its highlight index and kind, in library order."""
    yield None, "title", document.title
    if document.author:
        yield None, "author", document.author
    for tag in document.tags:
        yield None, "tag", tag
    for index, highlight in enumerate(document.highlights):
        for tag in highlight.tags:
            yield index, "highlight tag", tag
        yield index, "highlight", highlight.text
        if highlight.note:
            yield index, "note", highlight.note


def matches(words: list[str], folded: str) -> tuple[bool, ...] | None:
    """For each word: in the text as typed (True), a typo of the start of one of its words (False); else None.

    Words are runs of letters and digits: an underscore separates them.
    """
    field_words = set(re.findall(r"[^\W_]+", folded))
    exactness = []
    for word in words:
        if word in folded:
            exactness.append(True)
        elif typo_limit(word) and any(start_distance(word, other) <= typo_limit(word) for other in field_words):
            exactness.append(False)
        else:
            return None
    return tuple(exactness)


def reference(documents: Sequence[Document], query: str, limit: int) -> list[tuple[int, int | None, str, str, float]]:
    """Every field read and scored, the best of each hit kept, best first, library order among equals."""
    words = fold(query).split()
    scoring = Query(tuple(words), " ".join(words))
    best: dict[tuple[int, object], tuple[float, int, tuple[int, int | None, str, str, float]]] = {}
    order = itertools.count()
    for number, document in enumerate(documents):
        for highlight_index, kind, text in fields_of(document):
            position = next(order)
            exactness = matches(words, fold(text))
            if exactness is None:
                continue
            score = scoring.score(KINDS.index(kind), fold(text), exactness)
            key = (number, kind if highlight_index is None else highlight_index)
            if key not in best or score > best[key][0]:
                best[key] = (score, position, (number, highlight_index, kind, text, score))
    ranked = sorted(best.values(), key=lambda entry: (-entry[0], entry[1]))
    return [entry[2] for entry in ranked[:limit]]


def found(documents: Sequence[Document], hits: list[SearchHit]) -> list[tuple[int, int | None, str, str, float]]:
    """Hits in the shape `reference` gives (the texts are short: a snippet is the whole field)."""
    number = {id(document): position for position, document in enumerate(documents)}
    return [(number[id(hit.document)], hit.highlight_index, hit.field, hit.snippet, hit.score) for hit in hits]


QUERIES = (
    "mind",
    "min",
    "the",
    "t",
    "e a",
    "of the",
    "light house",
    "lighthouse",
    "ligthouse",
    "lighthuose",
    "lighthose",
    "lighthousse",
    "meditaiton",
    "medtation",
    "stoicism ethics",
    "walking",
    "walkign",
    "slow looking",
    "café",
    "cafe",
    "elan",
    "strasse",
    "(mind",
    "mind,",
    "2024",
    "x_y",
    "natrue walk",
    "mind lighthouse house",
    "wisdom virtue habit",
    "philosophy",
    "favorite",
    "zzzz",
    "readign books",
    "sotic",  # the start of `stoicism` in tags and `stoic` in titles, a swap away
    "stoicsm ethcs",
    "philsoph",
    "favroit",
    "lighthuos",
    "walkre",  # `walker` after an underscore
    "medittaion walk",
)


@pytest.mark.parametrize(
    "forced",
    [
        {},
        {"_SCORE_ALL_UP_TO": 0},  # every matching set is split into bonus classes
        {"_SCORE_ALL_UP_TO": 0, "_MOST_TOKENS": 0},  # every word counts as common: fields are read, not looked up
        {"_SCORE_ALL_UP_TO": 0, "_WALK_FROM": 0, "_WALK_MOST": 10**9},  # shortest first wherever it may
        {"_WALK_FROM": 10**9},  # never shortest first
    ],
    ids=["as shipped", "bonus classes always", "reading every field", "walking always", "walking never"],
)
@pytest.mark.parametrize("limit", [200, 7])
def test_results_equal_a_plain_scan_of_every_field(
    forced: dict[str, int], limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in forced.items():
        monkeypatch.setattr(engine, name, value)
    documents = library()
    index = SearchIndex(documents)
    for query in QUERIES:
        assert found(documents, index.search(query, limit=limit)) == reference(documents, query, limit), query


def test_within_gives_the_plain_scan_of_those_documents() -> None:
    documents = library(seed=3)
    chosen = documents[::3]
    index = SearchIndex(documents)
    for query in ("mind", "the", "ligthouse", "walking", "of the"):
        hits = index.search(query, within=chosen)
        number = {id(document): position for position, document in enumerate(chosen)}
        shape = [(number[id(hit.document)], hit.highlight_index, hit.field, hit.snippet, hit.score) for hit in hits]
        assert shape == reference(chosen, query, 200), query


def test_a_highlight_whose_tag_matches_is_a_hit() -> None:
    tagged = Highlight("Nothing about it here.", tags=("serendipity", "favorite"))
    document = Document("Notes", "n.md", highlights=(Highlight("Plain."), tagged))
    (hit,) = SearchIndex([document]).search("serendipity")
    assert (hit.document, hit.highlight_index, hit.field, hit.snippet) == (document, 1, "highlight tag", "serendipity")
    (typo,) = SearchIndex([document]).search("serendiptiy")
    assert (typo.highlight_index, typo.field, typo.spans) == (1, "highlight tag", ((0, 11),))


def test_a_highlight_tag_ranks_between_document_tags_and_highlight_texts() -> None:
    documents = [
        Document("A", "a.md", highlights=(Highlight("On walking."),)),
        Document("B", "b.md", highlights=(Highlight("Plain.", tags=("walking",)),)),
        Document("C", "c.md", tags=("walking",), highlights=(Highlight("Plain."),)),
    ]
    assert [hit.field for hit in SearchIndex(documents).search("walking")] == ["tag", "highlight tag", "highlight"]


def test_edits_at_the_first_difference_agree_with_the_whole_table() -> None:
    short = ["".join(letters) for length in range(5) for letters in itertools.product("abc", repeat=length)]
    chooser = random.Random(2)
    longer = ["".join(chooser.choice("ab") for _ in range(chooser.randint(6, 10))) for _ in range(120)]
    for query, word in [*itertools.product(short, repeat=2), *itertools.product(longer, repeat=2)]:
        distance = start_distance(query, word)
        for limit in (0, 1, 2):
            assert begins_within(query, word, limit) == (distance <= limit), (query, word, limit)


def test_typo_candidates_are_capped_yet_every_typo_is_found() -> None:
    chooser = random.Random(11)
    vocabulary = [
        "".join(chooser.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(chooser.randint(3, 12)))
        for _ in range(6000)
    ]
    vocabulary += ["lighthouse", "lighthouses", "meditation", "meditations", "walking", "walkings", "mind"]
    near_words = NearWords()
    near_words.add(vocabulary)
    assert not list(near_words.near("mnid"))  # under 5 letters: no typos
    queries = ("ligthouse", "lighthose", "lighthousse", "lighthuose", "meditaiton", "medtation", "walkign", "wlaki")
    for query in queries:
        expected = {
            word for word in set(vocabulary) if query not in word and start_distance(query, word) <= typo_limit(query)
        }
        assert set(near_words.near(query)) == expected, query
        assert expected and near_words.candidate_count(query) < len(vocabulary) / 20, query


def test_replacing_removing_and_adding_documents_match_a_fresh_index() -> None:
    documents = library(seed=5, documents=60)
    index = SearchIndex(documents)
    changed = Document(
        "Lighthouse keeper", documents[10].source_path, highlights=(Highlight("A lighthouse, the mind."),)
    )
    index.replace_document(documents[10], changed)
    documents[10] = changed
    index.remove_document(documents[20])
    del documents[20]
    extra = Document("Mind the lighthouse", "extra.md", highlights=(Highlight("Of the walking mind."),))
    index.add_document(extra)
    documents.append(extra)
    fresh = SearchIndex(documents)
    for query in ("lighthouse", "mind", "the", "ligthouse", "keeper", "walking mind"):
        assert found(documents, index.search(query)) == found(documents, fresh.search(query)), query


class CountingHighlights(Sequence[Highlight]):
    """Highlights that count how often they are fetched, like a lazily loaded sequence."""

    def __init__(self, highlights: tuple[Highlight, ...]) -> None:
        self._highlights = highlights
        self.fetches = 0

    def __len__(self) -> int:
        return len(self._highlights)

    @overload
    def __getitem__(self, index: int) -> Highlight: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Highlight]: ...
    def __getitem__(self, index: int | slice) -> Highlight | Sequence[Highlight]:
        self.fetches += 1
        return self._highlights[index]

    def __iter__(self) -> Iterator[Highlight]:
        self.fetches += 1
        return iter(self._highlights)


def test_build_in_chunks_reads_each_document_once_and_can_be_stopped() -> None:
    documents = library(seed=9, documents=400)
    lazy = [
        Document(document.title, document.source_path, highlights=CountingHighlights(tuple(document.highlights)))
        for document in documents
    ]
    built = SearchIndex.build(lazy)
    assert built is not None
    assert all(isinstance(d.highlights, CountingHighlights) and d.highlights.fetches == 1 for d in lazy)
    assert found(lazy, built.search("mind lighthouse")) == found(lazy, SearchIndex(lazy).search("mind lighthouse"))
    asked: list[int] = []

    def stop_on_third() -> bool:
        asked.append(1)
        return len(asked) >= 3

    assert SearchIndex.build(documents, should_stop=stop_on_third) is None
    assert len(asked) == 3


def test_shortest_first_keeps_looking_past_short_fields_of_a_lower_bonus() -> None:
    short = [Highlight(f"Unmindful {number}.") for number in range(20_000)]  # `mind` inside a word
    long = [Highlight(f"The mind wanders, {number}, " + "far and wide, " * 5 + "end.") for number in range(600)]
    documents = [Document("Notes", "n.md", highlights=tuple(short + long))]
    for limit in (5, 200):
        hits = SearchIndex(documents).search("mind", limit=limit)
        assert found(documents, hits) == reference(documents, "mind", limit)
        assert hits[0].snippet.startswith("The mind wanders")
