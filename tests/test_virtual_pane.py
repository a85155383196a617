"""The detail pane lays out only the highlights on screen, however long the document (Pilot and plain tests)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import overload

import pytest
from pilot_helpers import pane_lines, settle, started
from textual.app import App, ComposeResult
from textual.pilot import Pilot

from hltui.model import Document, Highlight
from hltui.tui.screens.main import MainScreen
from hltui.tui.widgets.block_heights import BlockHeights
from hltui.tui.widgets.detail_pane import DetailPane

LONG_BOOK = 10_000
SENTENCE = "what stands in the way becomes the way, said the emperor."
SIZE = (100, 30)
FEW = 200  # highlights laid out for a whole session of moves: a few screens, never the book


def write_long_book(folder: Path, highlights: int = LONG_BOOK) -> None:
    """A Kindle export in the default template: chapters of 100 highlights, a note on every tenth."""
    lines = ["# A Long Book", "", "## Metadata", "- Author: [[Some Author]]", "- Category: #books", "", "## Highlights"]
    for number in range(highlights):
        if number % 100 == 0:
            lines.append(f"### Chapter {number // 100 + 1}")
        lines.append(f"- Quote {number}: {SENTENCE} ([Location 7](https://readwise.io/to_kindle?location={number}))")
        if number % 10 == 0:
            lines.append("    - Note: worth reading again")
    (folder / "A Long Book.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def shown(pane: DetailPane) -> str:
    return "\n".join(pane_lines(pane))


def shown_words(pane: DetailPane) -> str:
    """What the pane shows as one line of words, without card borders."""
    return " ".join(shown(pane).replace("▌", " ").split())


def is_marked(pane: DetailPane, text: str) -> bool:
    """Whether the line showing `text` has the cursor's background."""
    current = pane.get_component_rich_style("detail-pane--current").bgcolor
    for y, line in enumerate(pane_lines(pane)):
        if text in line:
            [segment] = [segment for segment in pane.render_line(y) if text in segment.text]
            return segment.style is not None and segment.style.bgcolor == current
    raise AssertionError(f"{text!r} is not on screen")


async def open_long_book(pilot: Pilot[None]) -> tuple[MainScreen, DetailPane]:
    """The long book open in the reader, once the folder is read."""
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, MainScreen) and screen.library is not None
    [book] = screen.library.documents
    screen.show_document(book)
    await pilot.pause()
    return screen, screen.query_one(DetailPane)


async def test_a_long_book_opens_with_its_title_and_first_highlight_laid_out_alone(tmp_path: Path) -> None:
    write_long_book(tmp_path)
    async with started(tmp_path, SIZE) as (_, pilot):
        screen, pane = await open_long_book(pilot)
        text = shown(pane)
        assert "A Long Book" in text and "Some Author" in text and "10000" in text
        assert "Chapter 1" in text and f"Quote 0: {SENTENCE}" in shown_words(pane)
        assert screen.current_highlight == 0 and is_marked(pane, "Quote 0:")
        assert pane.rendered_highlights < 30  # a screenful, not ten thousand
        assert pane.virtual_size.height > LONG_BOOK * 3  # the scrollbar stands for the whole book


async def test_keys_move_through_a_long_book_laying_out_only_what_is_shown(tmp_path: Path) -> None:
    write_long_book(tmp_path)
    async with started(tmp_path, SIZE) as (_, pilot):
        screen, pane = await open_long_book(pilot)
        await pilot.press("G")
        assert screen.current_highlight == LONG_BOOK - 1 == pane.cursor
        assert "Quote 9999:" in shown(pane) and is_marked(pane, "Quote 9999:")
        assert "A Long Book" not in shown(pane)
        assert pane.scroll_y == pane.max_scroll_y  # the last card at the bottom, nothing below
        await pilot.press("k", "k", "k")
        assert screen.current_highlight == 9996 and is_marked(pane, "Quote 9996:")
        assert not is_marked(pane, "Quote 9999:")
        await pilot.press("j")
        assert screen.current_highlight == 9997 and is_marked(pane, "Quote 9997:")
        await pilot.press("g")
        assert screen.current_highlight == 0 and "A Long Book" in shown(pane)
        for _ in range(12):
            await pilot.press("j")
        assert screen.current_highlight == 12 and is_marked(pane, "Quote 12:")
        assert pane.rendered_highlights < FEW


async def test_page_keys_carry_the_cursor_a_screen_at_a_time(tmp_path: Path) -> None:
    write_long_book(tmp_path)
    async with started(tmp_path, SIZE) as (_, pilot):
        screen, pane = await open_long_book(pilot)
        await pilot.press("pagedown")
        first_page = screen.current_highlight
        assert first_page is not None and first_page > 3 and is_marked(pane, f"Quote {first_page}:")
        await pilot.press("pagedown", "pagedown")
        assert screen.current_highlight is not None and screen.current_highlight > first_page
        assert is_marked(pane, f"Quote {screen.current_highlight}:")
        await pilot.press("pageup", "pageup", "pageup")
        assert screen.current_highlight == 0 and "A Long Book" in shown(pane)


async def test_scrolling_far_lays_out_what_comes_into_view_and_keeps_it_still(tmp_path: Path) -> None:
    write_long_book(tmp_path)
    async with started(tmp_path, SIZE) as (_, pilot):
        _, pane = await open_long_book(pilot)
        pane.scroll_to(y=pane.max_scroll_y // 2, animate=False)  # as a drag of the scrollbar does
        await pilot.pause()
        middle = pane_lines(pane)
        assert any("Quote 5" in line or "Quote 4" in line for line in middle)
        top_quote = next(line for line in middle if "Quote " in line)
        pane.scroll_relative(y=-1, animate=False)  # the line above was estimated: laying it out must not jump
        await pilot.pause()
        assert top_quote in pane_lines(pane)
        assert pane.rendered_highlights < FEW


async def test_resize_lays_out_again_what_is_shown_and_keeps_the_cursor_in_view(tmp_path: Path) -> None:
    write_long_book(tmp_path)
    async with started(tmp_path, SIZE) as (_, pilot):
        screen, pane = await open_long_book(pilot)
        await pilot.press("G", "k")
        before = pane.rendered_highlights
        await pilot.resize_terminal(70, 20)
        await pilot.pause()
        assert pane.scrollable_content_region.width < 60
        text = shown(pane)
        assert screen.current_highlight == 9998 and "Quote 9998:" in text and is_marked(pane, "Quote 9998:")
        assert all(len(line.rstrip()) <= pane.scrollable_content_region.width for line in pane_lines(pane))
        assert pane.rendered_highlights - before < 30
        await pilot.resize_terminal(*SIZE)
        await pilot.pause()
        assert "Quote 9998:" in shown(pane)


async def test_q_quits_from_the_end_of_a_long_book(tmp_path: Path) -> None:
    write_long_book(tmp_path)
    async with started(tmp_path, SIZE) as (app, pilot):
        await open_long_book(pilot)
        await pilot.press("G", "q")
    assert app.return_code == 0


async def test_a_click_on_a_card_puts_the_cursor_on_it(tmp_path: Path) -> None:
    write_long_book(tmp_path, 50)
    async with started(tmp_path, SIZE) as (_, pilot):
        screen, pane = await open_long_book(pilot)
        row = next(y for y, line in enumerate(pane_lines(pane)) if "Quote 2:" in line)
        await pilot.click(DetailPane, offset=(pane.styles.padding.left + 4, row))
        assert screen.current_highlight == 2 and is_marked(pane, "Quote 2:")


class CountedHighlights(Sequence[Highlight]):
    """Highlights made when read, counting the reads; walking them all is an error."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.read: set[int] = set()

    def __len__(self) -> int:
        return self.count

    @overload
    def __getitem__(self, index: int) -> Highlight: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Highlight]: ...
    def __getitem__(self, index: int | slice) -> Highlight | Sequence[Highlight]:
        if isinstance(index, slice):
            raise AssertionError("the pane took a slice of the highlights")
        index = range(self.count)[index]
        self.read.add(index)
        return Highlight(f"Passage {index} [b]not bold[/b]", section=f"Part {index // 500}", location=f"Page {index}")

    def __iter__(self) -> Iterator[Highlight]:
        raise AssertionError("the pane walked every highlight")


class PaneApp(App[None]):
    """The pane alone, with the app's stylesheet."""

    CSS_PATH = str(Path(__file__).resolve().parent.parent / "hltui" / "tui" / "hltui.tcss")

    def compose(self) -> ComposeResult:
        yield DetailPane(id="detail")


async def test_highlights_are_read_one_by_one_as_they_come_on_screen() -> None:
    highlights = CountedHighlights(190_000)
    document = Document("Huge", "huge.md", highlights=highlights)  # type: ignore[arg-type]
    app = PaneApp()
    async with app.run_test(size=SIZE) as pilot:
        pane = app.query_one(DetailPane)
        pane.document = document
        await pilot.pause()
        assert "Huge" in shown(pane) and "Passage 0 [b]not bold[/b]" in shown(pane)
        pane.focus()
        await pilot.press("G")
        assert pane.cursor == 189_999 and "Passage 189999 [b]not bold[/b]" in shown(pane)
        assert "Part 379" in shown(pane) or "Passage 189990" in shown(pane)
        await pilot.press("k", "pageup")
        assert pane.cursor < 189_998
        assert len(highlights.read) < FEW


def test_block_heights_offsets_and_lookup() -> None:
    heights = BlockHeights(10, 3)
    assert heights.total == 30 and heights.offset(4) == 12 and heights.block_at(12) == 4
    heights.measure(2, 7)
    assert heights.total == 34 and heights.offset(3) == 13 and heights.offset(2) == 6
    assert [heights.block_at(line) for line in (0, 5, 6, 12, 13, 16, 33, 99, -4)] == [0, 1, 2, 2, 3, 4, 9, 9, 0]
    assert heights.is_measured(2) and not heights.is_measured(3)
    again = heights.with_estimate(5)
    assert again.height(2) == 7 and again.height(3) == 5 and again.total == 7 + 9 * 5


@pytest.mark.parametrize("count", [1, 2, 7, 64, 1000])
def test_block_heights_agree_with_a_plain_sum(count: int) -> None:
    heights = BlockHeights(count, 4)
    plain = [4] * count
    for index in range(0, count, 3):
        heights.measure(index, 1 + index % 6)
        plain[index] = 1 + index % 6
    for index in range(count):
        assert heights.offset(index) == sum(plain[:index])
        assert heights.block_at(sum(plain[:index])) == index
        assert heights.block_at(sum(plain[: index + 1]) - 1) == index
