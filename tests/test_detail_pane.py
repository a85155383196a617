"""The detail pane, where a document is read: its header and cards, the highlight cursor, long lines, hostile
text and the empty library."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_helpers import WIDE, pane_lines, pane_text, reading, screen_lines, show, top_labels
from textual.pilot import Pilot

import hltui.links
from hltui.tui.screens.main import MainScreen
from hltui.tui.widgets.detail_pane import DetailPane
from hltui.tui.widgets.tag_tree import TagTree


async def whole_pane_text(pilot: Pilot[None], screen: MainScreen) -> str:
    """Everything the detail pane shows from top to bottom, a page at a time."""
    pane = screen.query_one(DetailPane)
    pages = [pane_text(screen)]
    while pane.scroll_y < pane.max_scroll_y:
        await pilot.press("pagedown")
        pages.append(pane_text(screen))
    return "\n".join(pages)


async def test_detail_pane_shows_metadata_sections_notes_and_locations() -> None:
    async with reading(size=WIDE) as (_, pilot, screen):
        document = await show(pilot, screen, "Meditations")
        first_page = pane_text(screen)
        assert "Marcus Aurelius" in first_page and "books" in first_page and "#philosophy" in first_page
        assert "Book I" in first_page and "Location" in first_page
        assert len(document.highlights) == 116
        text = await whole_pane_text(pilot, screen)
        assert "Book V" in text and "Note:" in text


LONG_URL = "https://example.org/essays/2023/11/on-the-pleasures-of-walking-slowly-through-old-towns?ref=reader"


LONG_NAME = "an-export-file-whose-name-is-long-enough-to-need-two-lines-at-eighty-columns.md"


async def test_url_and_file_lines_wrap_instead_of_being_cut(tmp_path: Path) -> None:
    (tmp_path / LONG_NAME).write_text(
        f"# Walking\n## Metadata\n- URL: {LONG_URL}\n## Highlights\n- The road goes ever on.\n", encoding="utf-8"
    )
    async with reading(tmp_path) as (_, pilot, screen):
        await show(pilot, screen, "Walking")
        pane = screen.query_one(DetailPane)
        rows = [line.strip() for line in pane_lines(pane)]
        joined = "".join(rows)
        assert "…" not in joined
        assert LONG_URL in joined and LONG_NAME in joined


async def test_highlight_cursor_moves_with_j_k_n_p() -> None:
    async with reading(size=WIDE) as (_, pilot, screen):
        document = await show(pilot, screen, "Walden")
        pane = screen.query_one(DetailPane)
        assert pane.cursor == 0
        await pilot.press("j", "j", "n")
        assert screen.current_highlight == 3 == pane.cursor
        await pilot.press("k", "p")
        assert screen.current_highlight == 1
        await pilot.press("G")
        assert screen.current_highlight == len(document.highlights) - 1
        assert document.highlights[-1].text.split()[0] in pane_text(screen)
        await pilot.press("g")
        assert screen.current_highlight == 0


async def test_the_pane_says_which_highlight_of_how_many() -> None:
    async with reading() as (_, pilot, screen):
        await show(pilot, screen, "Alice's Adventures in Wonderland")
        await pilot.press("j", "j")
        await pilot.pause()
        assert any(row.rstrip().endswith("highlight 3 of 8") for row in (await screen_lines(pilot)))


async def test_search_jump_into_a_long_book_reaches_a_late_highlight() -> None:
    async with reading(size=WIDE) as (app, pilot, screen):
        library = screen.library
        assert library is not None
        [meditations] = [d for d in library.documents if d.title == "Meditations"]
        screen.show_document(meditations, 110)
        await pilot.pause()
        pane = screen.query_one(DetailPane)
        assert screen.current_highlight == 110 == pane.cursor
        first_words = " ".join(meditations.highlights[110].text.split()[:3])
        assert pane.scroll_y > 0 and first_words in " ".join(pane_text(screen).split())


async def test_a_cursor_move_reads_a_highlights_links_once_not_for_every_key(monkeypatch: pytest.MonkeyPatch) -> None:
    parsed: list[str] = []
    real = hltui.links._text_links
    monkeypatch.setattr(hltui.links, "_text_links", lambda text: parsed.append(text) or real(text))
    hltui.links.highlight_links.cache_clear()
    async with reading() as (_, pilot, screen):
        await show(pilot, screen, "Meditations")
        parsed.clear()
        for _ in range(5):
            await pilot.press("j")
            await pilot.pause()
        assert len(parsed) <= 5  # one per highlight reached (26 per move before)


async def test_untrusted_text_is_shown_literally(tmp_path: Path) -> None:
    (tmp_path / "evil.md").write_text(
        "# [bold red]x[/] [link=file:///etc]y\x1b[31m\n## Metadata\n- Author: [[[i]Mallory[/i]]]\n"
        "- URL: file:///etc/passwd\n## Highlights\n- [blink]loud[/blink] \x07text\n",
        encoding="utf-8",
    )
    async with reading(tmp_path, WIDE) as (app, pilot, screen):
        labels = top_labels(screen)
        assert labels == ["Untagged 1 · 1"]
        await show(pilot, screen, "[bold red]x[/] [link=file:///etc]y")
        text = pane_text(screen)
        assert "[bold red]x[/]" in text and "[link=file:///etc]y" in text
        assert "[i]Mallory[/i]" in text
        assert "\x1b" not in text and "\x07" not in text
        assert screen.active_bindings["o"].enabled is False  # file:// is never opened
        tree = screen.query_one(TagTree)
        tree.root.children[0].expand()
        await pilot.pause()
        assert str(tree.root.children[0].children[0].label).startswith("[bold red]x[/]")


async def test_empty_folder_shows_a_helpful_state(tmp_path: Path) -> None:
    async with reading(tmp_path, WIDE) as (_, _, screen):
        assert "No highlight documents were found" in pane_text(screen)
        assert top_labels(screen) == []


async def test_an_empty_folder_does_not_send_the_reader_to_check_for_skipped_files(tmp_path: Path) -> None:
    async with reading(tmp_path, (100, 30)) as (app, _, _):
        pane = app.screen.query_one(DetailPane)
        painted = "\n".join(pane_lines(pane))
        assert "No highlight documents were found" in painted and "skipped" not in painted
