"""Defects a review of the reader changes found (issue 9), each pinned by the keys that showed it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from reader_driving import reading, screen_lines, show
from rich.text import Text

import hltui.links
from hltui.model import Document
from hltui.tui.screens.favorites import FavoritesScreen
from hltui.tui.screens.review import ReviewScreen
from hltui.tui.widgets.detail_pane import DetailPane
from hltui.tui.widgets.tag_tree import TagTree, fitted_label

FAVORITE = "\n    - Tags: [[favorite]]"


def write_favorites(folder: Path) -> None:
    (folder / "all.md").write_text(f"# All fav\n## Highlights\n- a0{FAVORITE}\n- a1{FAVORITE}\n", encoding="utf-8")
    (folder / "mixed.md").write_text(
        f"# Mixed\n## Highlights\n- m0\n- m1{FAVORITE}\n- m2{FAVORITE}\n- m3\n", encoding="utf-8"
    )


async def test_a_cursor_move_reads_a_highlights_links_once_not_for_every_key(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[str] = []
    real = hltui.links._text_links
    monkeypatch.setattr(hltui.links, "_text_links", lambda text: parsed.append(text) or real(text))
    hltui.links.highlight_links.cache_clear()
    async with reading() as (pilot, screen):
        await show(pilot, screen, "Meditations")
        parsed.clear()
        for _ in range(5):
            await pilot.press("j")
            await pilot.pause()
        assert len(parsed) <= 5  # one per highlight reached (26 per move before)


async def test_favorites_view_lists_at_most_the_result_limit(tmp_path: Path) -> None:
    lines = "".join(f"- Favorite line number {n}.{FAVORITE}\n" for n in range(250))
    (tmp_path / "many.md").write_text(f"# Many\n## Highlights\n{lines}", encoding="utf-8")
    async with reading(tmp_path) as (pilot, screen):
        await pilot.press("F")
        await screen.app.workers.wait_for_complete()
        await pilot.pause()
        view = screen.app.screen
        assert isinstance(view, FavoritesScreen)
        assert len(view.hits) == 200
        assert any("the first 200 of 250" in row for row in (await screen_lines(pilot)))


async def test_clicking_a_groups_name_moves_the_cursor_there() -> None:
    async with reading() as (pilot, screen):
        tree = screen.query_one(TagTree)
        await pilot.click(TagTree, offset=(10, 2))
        await pilot.pause()
        assert tree.cursor_line == 2  # the name is not the ▶ toggle: the cursor goes there


async def test_wider_works_again_at_80_columns_after_narrower() -> None:
    async with reading() as (pilot, screen):
        tree = screen.query_one(TagTree)
        start = tree.outer_size.width
        await pilot.press("less_than_sign", "less_than_sign", "less_than_sign")
        await pilot.pause()
        narrow = tree.outer_size.width
        assert narrow < start
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert tree.outer_size.width > narrow


async def test_the_header_fits_the_new_width_after_a_resize(tmp_path: Path) -> None:
    folder = tmp_path / ("a-very-long-folder-name-" * 4)
    folder.mkdir()
    (folder / "one.md").write_text("# One\n## Highlights\n- Words.\n", encoding="utf-8")
    async with reading(folder) as (pilot, screen):
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert "1 highlight" in (await screen_lines(pilot))[0] or "1 hl" in (await screen_lines(pilot))[0]


@pytest.mark.parametrize("room", [3, 6, 9, 12, 20])
def test_tree_counts_shorten_or_go_but_are_never_cut_into_another_number(room: int) -> None:
    label = fitted_label(Text("A document deep in the tree"), "1426 · 30255", room).plain
    assert len(label) == room
    count = label.rsplit(" ", 1)[-1] if " " in label.rstrip() else ""
    assert count in ("30255", "1426", "") or not count.isdigit()


async def test_star_after_a_document_of_only_favorites_starts_the_next_on_its_first(tmp_path: Path) -> None:
    write_favorites(tmp_path)
    async with reading(tmp_path) as (pilot, screen):
        await show(pilot, screen, "All fav")
        await pilot.press("j", "asterisk")
        await pilot.pause()
        assert any("2 favorites of 2" in row for row in (await screen_lines(pilot)))
        await show(pilot, screen, "Mixed")
        assert screen.highlight is not None and screen.highlight.text.startswith("m1")


async def test_a_favorite_starred_in_a_review_joins_the_favorites_only_list(tmp_path: Path) -> None:
    write_favorites(tmp_path)
    async with reading(tmp_path, size=(100, 30)) as (pilot, screen):
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


async def test_favorites_view_without_favorites_says_so_whole_at_80_columns(tmp_path: Path) -> None:
    (tmp_path / "plain.md").write_text("# Plain\n## Highlights\n- Nothing starred.\n", encoding="utf-8")
    async with reading(tmp_path) as (pilot, screen):
        await pilot.press("F")
        await screen.app.workers.wait_for_complete()
        await pilot.pause()
        rows = await screen_lines(pilot)
        assert any("No favorites yet (tag a highlight `favorite`, or f in a review)" in row for row in rows)
        assert any("Esc close" in row for row in rows)


async def test_a_narrow_footer_drops_greyed_out_keys_before_usable_ones() -> None:
    async with reading(size=(60, 24)) as (pilot, _):
        footer = (await screen_lines(pilot))[-1]
        assert "/ Search" in footer and "q Quit" in footer  # o, c and C are greyed out: no document yet


async def test_favorites_view_shows_the_first_screenful_while_the_rest_is_gathered() -> None:
    release = threading.Event()
    async with reading() as (pilot, screen):
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
