"""The index's results equal a plain scan for the queries where both apply.

Searcher(cache) over a library loaded through the parse cache answers from the FTS5 index;
Searcher(None) over the same folder loaded without a cache reads every field (search/plain.py).
Both must find the same (document, highlight) rows, for every element of the query language, on
the first load and on a warm start. Ranking may differ: the rows are compared as sets. The
fixtures hold documents exported in several files (merged on load), which the index does not
answer alike yet: they are the known failure at the end.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES
from test_search import index_only, write_library

from hltui.library import Library, load_library
from hltui.library.cache import ParseCache
from hltui.model import StoredHighlights
from hltui.search import Searcher, SearchHit

FIXTURES = ROOT / "tests" / "fixtures"

QUERIES = [
    # words, across fields, and words that are FTS5 operators elsewhere
    "nature",
    "life",
    "thoreau walden",
    "emerson trust",
    "reading slowly",
    "and",
    "not only",
    "self-reliance",
    "SOLITUDE",
    # phrases
    '"the mass of men"',
    '"quiet desperation"',
    '"men of mass the"',
    # prefixes, and the word being typed (see test_typed_queries_agree)
    "desp*",
    "simpl*",
    "wal*",
    # tags, nested or not
    "#stoicism",
    "#philosophy",
    "#stoicism/ethics",
    "#favorite",
    "#books",
    # field filters
    "author:thoreau",
    "author:emerson self",
    'title:"walden"',
    "title:walden life",
    "category:books",
    "category:tweets",
    # states held by the export
    "is:favorite",
    "has:note",
    "is:favorite nature",
    "has:note life",
    "is:due",
    # exclusions
    "life -woods",
    "-author:thoreau life",
    '-"quiet desperation" men',
    "#stoicism -anger",
    "has:note -favorite",
    # typos (the typo pass runs under five exact hits)
    "desperaton",
    "natrual",
    "raeding",
    "eaxmple",
    "sotic",
    "meditatoins",
]
TYPED = ["natur", "desp", "thoreau wal", "#stoic", "is:fa", "author:thor", "wa"]


Row = tuple[str, str, int | None]


def rows(hits: list[SearchHit]) -> set[Row]:
    """(file, document title, highlight index) of each hit: titles repeat across the fixtures."""
    return {(hit.document.source_path, hit.document.title, hit.highlight_index) for hit in hits}


@dataclass
class Both:
    """One export folder loaded through a parse cache (the index answers) and without one (read)."""

    indexed: Library
    cache: ParseCache
    plain: Library

    def differences(self, query: str, typing: bool = False) -> tuple[set[Row], set[Row]]:
        """What only the index found, and what only the plain read found."""
        found = rows(Searcher(self.cache).search(self.indexed, query, limit=10_000, typing=typing))
        read = rows(Searcher(None).search(self.plain, query, limit=10_000, typing=typing))
        return found - read, read - found


def both(root: Path, folder: Path, warm: bool) -> Both:
    cache = ParseCache(root, folder=folder)
    indexed = load_library(root, cache=cache)
    if warm:  # a second start on the same cache: nothing is parsed
        cache = ParseCache(root, folder=folder)
        indexed = load_library(root, cache=cache)
    plain = load_library(root)
    assert cache.search_ready()
    assert not any(isinstance(document.highlights, StoredHighlights) for document in plain.documents)
    stored = [isinstance(document.highlights, StoredHighlights) for document in indexed.documents]
    assert all(stored) if warm else sum(stored) > len(stored) // 2
    return Both(indexed, cache, plain)


@pytest.fixture(scope="module", params=["first", "warm"])
def library(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Both:
    """The sample library, on its first load and on a warm start."""
    return both(SAMPLES, tmp_path_factory.mktemp("cache"), warm=request.param == "warm")


@pytest.mark.parametrize("query", QUERIES)
def test_the_index_finds_what_a_plain_read_finds(library: Both, query: str) -> None:
    assert library.differences(query) == (set(), set())


@pytest.mark.parametrize("query", TYPED)
def test_typed_queries_agree(library: Both, query: str) -> None:
    assert library.differences(query, typing=True) == (set(), set())


def test_the_queries_find_something(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Agreement on empty results would prove nothing: most queries find rows in the sample library, there
    from the index alone."""
    sample = both(SAMPLES, tmp_path / "cache", warm=False)
    index_only(monkeypatch)
    empty = [query for query in QUERIES if not Searcher(sample.cache).search(sample.indexed, query)]
    assert empty == ['"men of mass the"', "#books", "is:due", "sotic"]  # no tag `books`, no review, no `stoic`


@pytest.mark.parametrize("warm", [False, True], ids=["first", "warm"])
def test_the_fixtures_agree(tmp_path: Path, warm: bool) -> None:
    fixtures = both(FIXTURES, tmp_path / "cache", warm=warm)
    differing = {query: fixtures.differences(query) for query in QUERIES}
    assert {query: found for query, found in differing.items() if found != (set(), set())} == {}


# Words split alike -----------------------------------------------------------------------------------

SPLIT = [
    "Die Straße ist lang.",
    "İstanbul was busy.",
    "東京の夜は静か。",
    "Pi is 3.14 roughly.",
    "Don't panic, said the guide.",
    "snake_case_words here",
    "Emoji 🙂 smile",
    "e\u0301lan vital",
    "naïve coöperation",
    "Æsop wrote fables.",
    "Œuvre complète",
    "Ørsted physics",
]
SPLIT_QUERIES = ["straße", "istanbul", "東京の夜は静か", "3", "14", "don", "t", "snake", "case", "snake_case_words"]
SPLIT_QUERIES += ["smile", "elan", "naive", "cooperation", "æsop", "œuvre", "ørsted", "strasse", "dont", "oeuvre"]


def test_the_index_and_the_plain_read_split_words_alike(tmp_path: Path) -> None:
    """Accents, digits, apostrophes, underscores, CJK. Not compatibility characters: the plain read folds
    `ﬁ`, `²`, `Ⅻ`, `ｆｕｌｌ` (NFKD) where FTS5's unicode61 keeps them, a known, accepted difference."""
    text = "---\ntitle: Words\n---\n# Words\n\n## Highlights\n" + "".join(f"- {line}\n" for line in SPLIT)
    root = write_library(tmp_path / "library", {"words.md": text})
    words = both(root, tmp_path / "cache", warm=False)
    for query in SPLIT_QUERIES:
        assert words.differences(query) == (set(), set()), query
    assert len(Searcher(words.cache).search(words.indexed, "elan")) == 1


# Known disagreements -----------------------------------------------------------------------------------


def _copy(title: str, body: str, tags: tuple[str, ...] = ()) -> str:
    listed = "tags:\n" + "".join(f"  - {tag}\n" for tag in tags) if tags else ""
    front = f"---\ntitle: {title}\nauthor: Ada Example\nurl: https://example.org/notes\n{listed}---\n"
    return front + f"# {title}\n\n## Highlights\n{body}"


def merged(tmp_path: Path) -> Both:
    """One document (same URL) in two files, the first with a passage highlighted twice and a tag."""
    files = {
        "a.md": _copy(
            "Field Notes",
            "- Common ground is rare. (Location 10)\n- Common ground is rare. (Location 20)\n",
            ("stoicism",),
        ),
        "b.md": _copy("Field Notes, Revised", "- A second copy adds this line. (Location 30)\n"),
    }
    library = both(write_library(tmp_path / "library", files), tmp_path / "cache", warm=True)
    (document,) = library.indexed.documents
    assert [highlight.text for highlight in document.highlights][:2] == ["Common ground is rare."] * 2
    return library


def test_a_merged_document_finds_each_highlight_of_the_same_text(tmp_path: Path) -> None:
    assert merged(tmp_path).differences("common") == (set(), set())


def test_a_merged_document_is_searched_by_its_own_fields(tmp_path: Path) -> None:
    library = merged(tmp_path)
    assert library.differences("#stoicism") == (set(), set())
    assert library.differences("revised") == (set(), set())


def test_a_typo_of_a_word_in_a_note_agrees(tmp_path: Path) -> None:
    text = "---\ntitle: Lamps\n---\n# Lamps\n\n## Highlights\n- A light by the door.\n    - Note: the old lantern\n"
    root = write_library(tmp_path / "library", {"lamps.md": text})
    assert both(root, tmp_path / "cache", warm=False).differences("lanterm") == (set(), set())


def merged_spans(cache: ParseCache) -> list[str]:
    with contextlib.closing(sqlite3.connect(cache.path)) as connection:
        return [name for (name,) in connection.execute("SELECT name FROM search_spans WHERE name LIKE '//merged/%'")]


@pytest.mark.parametrize("query", ["common", "#stoicism", "second", "revised", "field notes"])
def test_the_index_holds_the_merged_document_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    library = merged(tmp_path)
    read = rows(Searcher(None).search(library.plain, query, limit=100))
    index_only(monkeypatch)  # from here on, nothing is answered by reading
    assert rows(Searcher(library.cache).search(library.indexed, query, limit=100)) == read


def test_a_changed_copy_replaces_the_merged_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    library = merged(tmp_path)
    before = merged_spans(library.cache)
    copy = tmp_path / "library" / "b.md"
    copy.write_text(copy.read_text(encoding="utf-8") + "- A third line, added later. (Location 40)\n", "utf-8")
    cache = ParseCache(tmp_path / "library", folder=tmp_path / "cache")
    indexed = load_library(tmp_path / "library", cache=cache)
    after = merged_spans(cache)
    assert len(before) == len(after) == 1 and before != after
    index_only(monkeypatch)
    assert [(hit.document.title, hit.highlight_index) for hit in Searcher(cache).search(indexed, "third")] == [
        ("Field Notes", 3)
    ]
