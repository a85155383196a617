"""The search index follows the library on screen: built once, updated in place when a few files change."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from conftest import SAMPLES

from hltui.library import load_library
from hltui.search.engine import SearchHit, SearchIndex
from hltui.search.live_index import LiveSearchIndex


def hit_titles(hits: list[SearchHit]) -> list[tuple[str, int | None]]:
    return [(hit.document.title, hit.highlight_index) for hit in hits]


def test_a_library_with_one_document_replaced_is_updated_in_place_and_searches_like_a_fresh_index() -> None:
    library = load_library(SAMPLES)
    live = LiveSearchIndex()
    live.follow(library)
    first = live._index
    changed = replace(library.documents[0], title="Walden, revised by the lighthouse keeper")
    newer = replace(library, documents=(changed, *library.documents[1:]))
    live.follow(newer)
    assert live._index is first  # updated, not rebuilt
    fresh = SearchIndex(newer.documents)
    for query in ("lighthouse", "walden", "nature", "ligthouse", "thinking"):
        found = {*hit_titles(live.search(newer, query))}
        assert found == {*hit_titles(fresh.search(query))}, query
    assert any(title.startswith("Walden, revised") for title, _ in hit_titles(live.search(newer, "lighthouse")))


def test_a_search_during_the_background_build_waits_for_it_instead_of_building_twice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    library = load_library(SAMPLES)
    live = LiveSearchIndex()
    builds: list[int] = []
    release = threading.Event()
    real_build = SearchIndex.build

    def slow_build(documents, should_stop=None):  # type: ignore[no-untyped-def]
        builds.append(1)
        release.wait(5)
        return real_build(documents, should_stop)

    monkeypatch.setattr(SearchIndex, "build", staticmethod(slow_build))
    builder = threading.Thread(target=live.follow, args=(library,))
    builder.start()
    while not builds:
        pass
    found: list[object] = []
    searcher = threading.Thread(target=lambda: found.extend(live.search(library, "walking")))
    searcher.start()
    release.set()
    builder.join(5)
    searcher.join(5)
    assert builds == [1] and found


def test_a_stopped_build_leaves_no_index_and_the_next_search_builds_one() -> None:
    library = load_library(SAMPLES)
    live = LiveSearchIndex()
    live.follow(library, should_stop=lambda: True)
    assert live._index is None
    assert live.search(library, "walking")
