"""The tag tree: groups and their counts, the keys that move through it, grouping and sorting, its width."""

from __future__ import annotations

import pytest
from pilot_helpers import WIDE, pane_text, press_each, reading, screen_lines, top_labels, tree_entry
from rich.text import Text
from textual import events
from textual.widgets import Tree

from hltui.model import Document
from hltui.tui.tree_width import MIN_DOCUMENT_WIDTH
from hltui.tui.widgets.detail_pane import DetailPane
from hltui.tui.widgets.tag_tree import TagTree, fitted_label


async def test_tree_groups_by_tag_with_counts_favorites_and_untagged() -> None:
    async with reading(size=WIDE) as (_, pilot, screen):
        labels = top_labels(screen)
        # Favorites counts favorite highlights (issue 15: it counted every highlight of 8 documents, while F listed 41)
        assert labels[0] == "Favorites 7 · 41"
        assert labels[-1] == "Untagged 4 · 19"  # a document whose only tags are favorite marks is untagged
        assert "stoicism 1 · 116" in labels and "philosophy 2 · 133" in labels
        assert "favorite 2 · 21" in labels  # two documents' own `favorite` tag: a tag like any other (issue 15)
        philosophy = next(
            n for n in screen.query_one(TagTree).root.children if tree_entry(screen, n) == "philosophy 2 · 133"
        )
        assert len(philosophy.children) == 0  # filled only when opened
        philosophy.expand()
        await pilot.pause()
        assert [tree_entry(screen, child) for child in philosophy.children][0] == "nature 1 · 17"


async def test_group_counts_say_documents_and_highlights() -> None:
    async with reading() as (_, pilot, _):
        rows = await screen_lines(pilot)
        assert any("philosophy" in row and row.split("▕")[0].rstrip().endswith("2 · 133") for row in rows)


async def test_long_titles_end_with_an_ellipsis_and_keep_their_count_at_the_edge() -> None:
    async with reading() as (_, pilot, screen):
        await pilot.press("l")  # open Favorites
        await pilot.pause()
        [row] = [line for line in (await screen_lines(pilot)) if "The Autobiography" in line]
        tree_part = row[: screen.query_one(TagTree).outer_size.width - 1].rstrip()
        assert "…" in tree_part
        assert tree_part.endswith(" 1")  # its 1 favorite highlight (in Favorites), right-aligned against the border


@pytest.mark.parametrize("room", [3, 6, 9, 12, 20])
def test_tree_counts_shorten_or_go_but_are_never_cut_into_another_number(room: int) -> None:
    label = fitted_label(Text("A document deep in the tree"), "1426 · 30255", room).plain
    assert len(label) == room
    count = label.rsplit(" ", 1)[-1] if " " in label.rstrip() else ""
    assert count in ("30255", "1426", "") or not count.isdigit()


async def test_vim_keys_choose_a_document_and_enter_reads_it() -> None:
    async with reading(size=WIDE) as (app, pilot, screen):
        await pilot.press("l", "j")  # open Favorites (the cursor starts on it), onto its first document
        assert screen.current_document is not None
        first_title = screen.current_document.title
        assert first_title in pane_text(screen)
        await pilot.press("enter")
        assert app.focused is screen.query_one(DetailPane)
        await pilot.press("tab")
        assert isinstance(app.focused, Tree)


async def test_tree_vim_keys_h_g_and_capital_g() -> None:
    async with reading(size=WIDE) as (_, pilot, screen):
        tree = screen.query_one(TagTree)
        await pilot.press("l", "j")  # open Favorites, onto its first document
        assert tree.cursor_node is not None and isinstance(tree.cursor_node.data, Document)
        await pilot.press("h")  # back to the group
        assert tree.cursor_node is not None and tree_entry(screen, tree.cursor_node) == "Favorites 7 · 41"
        await pilot.press("h")  # and close it
        assert not tree.cursor_node.is_expanded
        await pilot.press("G")
        assert tree_entry(screen, tree.cursor_node) == "Untagged 4 · 19"
        await pilot.press("g")
        assert tree_entry(screen, tree.cursor_node) == "Favorites 7 · 41"


async def test_right_arrow_opens_a_group_as_l_does() -> None:
    async with reading(size=(100, 30)) as (app, pilot, _):
        tree = app.screen.query_one(TagTree)
        assert not tree.root.children[0].is_expanded
        await pilot.press("right")
        await pilot.pause()
        assert tree.root.children[0].is_expanded


async def test_enter_then_j_at_once_shows_the_first_document_of_the_group() -> None:
    async with reading(size=(100, 30)) as (app, pilot, screen):
        # Both keys queued at once, as a terminal delivers `Enter j` typed quickly (tmux send-keys).
        app.post_message(events.Key("enter", "\r"))
        app.post_message(events.Key("j", "j"))
        await pilot.pause()
        await pilot.pause()
        tree = screen.query_one(TagTree)
        first = tree.root.children[0].children[0]
        assert tree.cursor_node is first and screen.current_document is first.data


async def test_clicking_a_groups_name_moves_the_cursor_there() -> None:
    async with reading() as (_, pilot, screen):
        tree = screen.query_one(TagTree)
        await pilot.click(TagTree, offset=(10, 2))
        await pilot.pause()
        assert tree.cursor_line == 2  # the name is not the ▶ toggle: the cursor goes there


async def test_the_group_chosen_is_where_the_reader_moved_not_where_the_tree_put_the_cursor() -> None:
    async with reading(size=WIDE) as (_, pilot, screen):
        tree = screen.query_one(TagTree)
        assert tree.chosen_group() is None  # the cursor starts on Favorites by itself
        await press_each(pilot, "j", "l", "j")  # onto attention, open it, onto its first document
        chosen = tree.chosen_group()
        assert chosen is not None and chosen.name == "attention"
        await press_each(pilot, "k", "k")  # back onto attention, then up onto Favorites
        chosen = tree.chosen_group()
        assert chosen is not None and chosen.name == "Favorites"
        await press_each(pilot, "b")  # grouped by category: no category was chosen yet
        assert tree.chosen_group() is None
        assert screen.library is not None
        [stoicism] = [group for group in screen.library.groups("tag") if group.name == "stoicism"]
        screen.go_to_tag(stoicism)  # as the palette's Go to tag does
        await pilot.pause()
        chosen = tree.chosen_group()
        assert chosen is not None and chosen.name == "stoicism"


async def test_grouping_and_sort_keys() -> None:
    async with reading(size=WIDE) as (_, pilot, screen):
        await pilot.press("b")
        assert top_labels(screen) == ["articles 5 · 28", "books 8 · 185", "podcasts 1 · 3", "tweets 1 · 6"]
        await pilot.press("b", "b")
        assert screen.grouping == "folder"
        await pilot.press("b")
        assert screen.grouping == "tag"
        await pilot.press("b")
        tree = screen.query_one(TagTree)
        books = tree.root.children[1]
        books.expand()
        await pilot.pause()
        by_title = [tree_entry(screen, child) for child in books.children]
        await pilot.press("s")
        books = tree.root.children[1]
        books.expand()
        await pilot.pause()
        by_count = [tree_entry(screen, child) for child in books.children]
        assert by_title[0].startswith("Alice") and by_count[0].startswith("Meditations")


async def test_most_recent_sorts_by_the_exports_dates_not_the_files() -> None:
    async with reading(size=(120, 40)) as (_, pilot, screen):
        await pilot.press("b", "s", "s")  # by category, then title -> highlights -> most recent
        await pilot.pause()
        assert screen.document_order == "recent"
        tree = screen.query_one(TagTree)
        books = next(node for node in tree.root.children if tree.entry_text(node).startswith("books"))
        books.expand()
        await pilot.pause()
        titles = [tree.entry_text(child).rsplit(" ", 1)[0] for child in books.children]
        # Updated 9 Mar 2024, 11 Feb 2024, 5 Feb 2024; then the undated ones by file time.
        assert titles[:3] == ["Meditations", "Pride and Prejudice", "On the Origin of Species"]


async def test_the_tree_is_sized_to_the_terminal() -> None:
    async with reading(size=(160, 50)) as (_, _, screen):
        assert screen.query_one(TagTree).outer_size.width >= 50
    async with reading(size=(80, 24)) as (_, _, screen):
        assert screen.query_one(DetailPane).outer_size.width >= 40


async def test_sidebar_hides_and_resizes() -> None:
    async with reading(size=WIDE) as (_, pilot, screen):
        tree = screen.query_one(TagTree)
        # A share of the terminal (120 columns here): 35%, then 45%, then 30%.
        assert tree.outer_size.width == 42
        await pilot.press("greater_than_sign")
        assert tree.outer_size.width == 54
        await pilot.press("less_than_sign", "less_than_sign")
        assert tree.outer_size.width == 36
        await pilot.press("ctrl+b")
        assert not tree.display


async def test_wider_works_again_at_80_columns_after_narrower() -> None:
    async with reading() as (_, pilot, screen):
        tree = screen.query_one(TagTree)
        start = tree.outer_size.width
        await pilot.press("less_than_sign", "less_than_sign", "less_than_sign")
        await pilot.pause()
        narrow = tree.outer_size.width
        assert narrow < start
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert tree.outer_size.width > narrow


async def test_widening_the_tree_never_leaves_the_document_under_forty_columns() -> None:
    async with reading() as (_, pilot, screen):
        for _ in range(10):
            await pilot.press("greater_than_sign")
            await pilot.pause()
        assert screen.query_one(DetailPane).size.width >= MIN_DOCUMENT_WIDTH - 4  # its padding aside
        await pilot.resize_terminal(70, 24)
        await pilot.pause()
        assert screen.query_one(DetailPane).size.width >= MIN_DOCUMENT_WIDTH - 4
