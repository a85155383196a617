"""Favorites in the reader: `*` keeps the open document's favorite highlights, `F` lists them across the library."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

from pilot_helpers import reading, screen_lines, show

from hltui.model import Document
from hltui.tui.screens.favorites import FavoritesScreen
from hltui.tui.screens.review import ReviewScreen
from hltui.tui.screens.search import SearchScreen
from hltui.tui.widgets.detail_pane import DetailPane
from hltui.tui.widgets.tag_tree import TagTree

FAVORITE = "\n    - Tags: [[favorite]]"


def write_favorites(folder: Path) -> None:
    (folder / "all.md").write_text(f"# All fav\n## Highlights\n- a0{FAVORITE}\n- a1{FAVORITE}\n", encoding="utf-8")
    (folder / "mixed.md").write_text(
        f"# Mixed\n## Highlights\n- m0\n- m1{FAVORITE}\n- m2{FAVORITE}\n- m3\n", encoding="utf-8"
    )


async def test_star_shows_only_the_open_documents_favorites_and_back() -> None:
    async with reading() as (_, pilot, screen):
        document = await show(pilot, screen, "Alice's Adventures in Wonderland")
        favorites = [h for h in document.highlights if h.is_favorite]
        assert 0 < len(favorites) < len(document.highlights)
        await pilot.press("asterisk")
        await pilot.pause()
        pane = screen.query_one(DetailPane)
        assert list(pane.highlights) == favorites
        assert any(f"favorite 1 of {len(favorites)}" in row for row in (await screen_lines(pilot)))
        await pilot.press("j")  # the next favorite, whatever lies between
        await pilot.pause()
        assert screen.highlight == favorites[1]
        assert any(f"favorite 2 of {len(favorites)}" in row for row in (await screen_lines(pilot)))
        await pilot.press("asterisk")  # all again, the cursor still on that highlight
        await pilot.pause()
        assert len(pane.highlights) == len(document.highlights)
        assert screen.highlight == favorites[1]


async def test_star_after_a_document_of_only_favorites_starts_the_next_on_its_first(tmp_path: Path) -> None:
    write_favorites(tmp_path)
    async with reading(tmp_path) as (_, pilot, screen):
        await show(pilot, screen, "All fav")
        await pilot.press("j", "asterisk")
        await pilot.pause()
        assert any("2 favorites of 2" in row for row in (await screen_lines(pilot)))
        await show(pilot, screen, "Mixed")
        assert screen.highlight is not None and screen.highlight.text.startswith("m1")


async def test_a_favorite_starred_in_a_review_joins_the_favorites_only_list(tmp_path: Path) -> None:
    write_favorites(tmp_path)
    async with reading(tmp_path, size=(100, 30)) as (_, pilot, screen):
        await show(pilot, screen, "Mixed")
        await pilot.press("asterisk")
        await pilot.pause()
        assert [h.text for h in screen.query_one(DetailPane).highlights] == ["m1", "m2"]
        screen.query_one(TagTree).focus()
        await pilot.pause()
        await pilot.press("v")  # review this document: m0 comes first
        await pilot.pause()
        review = screen.app.screen
        assert isinstance(review, ReviewScreen)
        await pilot.press("f", "q")
        await pilot.pause()
        assert screen.app.screen is screen
        assert [h.text for h in screen.query_one(DetailPane).highlights] == ["m0", "m1", "m2"]


async def test_favorites_view_lists_favorite_highlights_across_documents_and_jumps_to_one() -> None:
    async with reading(size=(120, 40)) as (_, pilot, screen):
        assert screen.library is not None
        everywhere = [(d.title, h.text) for d in screen.library.documents for h in d.highlights if h.is_favorite]
        assert len({title for title, _ in everywhere}) > 1
        await pilot.press("F")
        await pilot.pause()
        await screen.app.workers.wait_for_complete()
        await pilot.pause()
        view = screen.app.screen
        assert isinstance(view, SearchScreen)
        assert sorted(
            (hit.document.title, hit.document.highlights[hit.highlight_index or 0].text) for hit in view.hits
        ) == sorted(everywhere)
        await pilot.press(*"curiouser")
        await screen.app.workers.wait_for_complete()
        await pilot.pause()
        assert view.hits == []  # 'Curiouser and curiouser!' is one of Alice's highlights, not a favorite
        await pilot.press("ctrl+a", "ctrl+k", *"yesterday")
        await screen.app.workers.wait_for_complete()
        await pilot.pause()
        [hit] = view.hits
        await pilot.press("enter")
        await pilot.pause()
        assert screen.app.screen is screen
        assert screen.current_document is hit.document and screen.highlight is not None
        assert "yesterday" in screen.highlight.text


async def test_favorites_view_lists_at_most_the_result_limit(tmp_path: Path) -> None:
    lines = "".join(f"- Favorite line number {n}.{FAVORITE}\n" for n in range(250))
    (tmp_path / "many.md").write_text(f"# Many\n## Highlights\n{lines}", encoding="utf-8")
    async with reading(tmp_path) as (_, pilot, screen):
        await pilot.press("F")
        await screen.app.workers.wait_for_complete()
        await pilot.pause()
        view = screen.app.screen
        assert isinstance(view, FavoritesScreen)
        assert len(view.hits) == 200
        assert any("the first 200 of 250" in row for row in (await screen_lines(pilot)))


async def test_favorites_view_without_favorites_says_so_whole_at_80_columns(tmp_path: Path) -> None:
    (tmp_path / "plain.md").write_text("# Plain\n## Highlights\n- Nothing starred.\n", encoding="utf-8")
    async with reading(tmp_path) as (_, pilot, screen):
        await pilot.press("F")
        await screen.app.workers.wait_for_complete()
        await pilot.pause()
        rows = await screen_lines(pilot)
        assert any("No favorites yet (tag a highlight `favorite`, or f in a review)" in row for row in rows)
        assert any("Esc close" in row for row in rows)


async def test_favorites_view_shows_the_first_screenful_while_the_rest_is_gathered() -> None:
    release = threading.Event()
    async with reading() as (_, pilot, screen):
        assert screen.library is not None
        document = next(d for d in screen.library.documents if len(d.highlights) > 100)

        def slow_gather() -> Iterator[tuple[Document, int]]:
            yield from ((document, index) for index in range(100))
            yield from ((document, index) for index in range(100))  # 200: a screenful
            release.wait(10)  # the rest of a large library, still being read
            yield (document, 0)

        view = FavoritesScreen(slow_gather)
        screen.app.push_screen(view)
        for _ in range(50):
            await pilot.pause(0.05)
            if view.hits:
                break
        assert len(view.hits) == 200 and view.found is None
        assert any("while the others are gathered" in row for row in (await screen_lines(pilot)))
        release.set()
        await screen.app.workers.wait_for_complete()
        await pilot.pause()
        assert view.found is not None and len(view.found) == 201
        assert any("the first 200 of 201" in row for row in (await screen_lines(pilot)))
