"""The reader, driven with the keys a user presses (Pilot)."""

from __future__ import annotations

import io
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from conftest import SAMPLES
from rich.console import Console
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList, Static, Tree
from textual.widgets.tree import TreeNode

from hltui.cli import build_app
from hltui.config import load_config
from hltui.library import Group
from hltui.model import Document
from hltui.tui.app import HltuiApp
from hltui.tui.screens.help import HelpScreen
from hltui.tui.screens.main import MainScreen
from hltui.tui.screens.problems import ProblemsScreen
from hltui.tui.screens.search import SearchScreen
from hltui.tui.screens.url_dialog import UrlDialog
from hltui.tui.widgets.detail_pane import DetailPane
from hltui.tui.widgets.highlight_card import card_body
from hltui.tui.widgets.tag_tree import TagTree

SIZE = (120, 40)


@pytest.fixture(autouse=True)
def graphical_session(monkeypatch: pytest.MonkeyPatch) -> None:
    """A display exists, so `o` goes to the (stubbed) browser unless a test removes it."""
    monkeypatch.setenv("DISPLAY", ":0")


@asynccontextmanager
async def reader(path: Path = SAMPLES) -> AsyncIterator[tuple[HltuiApp, Pilot[None], MainScreen]]:
    app = build_app(path, load_config())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        yield app, pilot, app.screen


async def settle(pilot: Pilot[None]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def tree_entry(screen: MainScreen, node: TreeNode[Group | Document]) -> str:
    """An entry of the tree as its name and counts: `philosophy 2 · 133`."""
    return screen.query_one(TagTree).entry_text(node)


def top_labels(screen: MainScreen) -> list[str]:
    return [tree_entry(screen, node) for node in screen.query_one(TagTree).root.children]


def plain(widget: Widget) -> str:
    """What a widget shows, as plain text."""
    renderable = widget.content  # type: ignore[attr-defined]
    console = Console(width=200, file=io.StringIO(), color_system=None, legacy_windows=False)
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined]


def pane_text(screen: MainScreen) -> str:
    """What the detail pane shows now."""
    pane = screen.query_one(DetailPane)
    return "\n".join(pane.render_line(y).text for y in range(pane.scrollable_content_region.height))


async def whole_pane_text(pilot: Pilot[None], screen: MainScreen) -> str:
    """Everything the detail pane shows from top to bottom, a page at a time."""
    pane = screen.query_one(DetailPane)
    pages = [pane_text(screen)]
    while pane.scroll_y < pane.max_scroll_y:
        await pilot.press("pagedown")
        pages.append(pane_text(screen))
    return "\n".join(pages)


def screen_text(screen: Screen[object]) -> str:
    return "\n".join(plain(widget) for widget in screen.query(Static))


async def open_document(pilot: Pilot[None], screen: MainScreen, title: str) -> Document:
    library = screen.library
    assert library is not None
    [document] = [d for d in library.documents if d.title == title]
    screen.show_document(document)
    await pilot.pause()
    return document


async def test_tree_groups_by_tag_with_counts_favorites_and_untagged() -> None:
    async with reader() as (_, pilot, screen):
        labels = top_labels(screen)
        assert labels[0] == "Favorites 8 · 176"
        assert labels[-1] == "Untagged 3 · 13"
        assert "stoicism 1 · 116" in labels and "philosophy 2 · 133" in labels
        assert not any(label.startswith("favorite ") for label in labels)
        philosophy = next(
            n for n in screen.query_one(TagTree).root.children if tree_entry(screen, n) == "philosophy 2 · 133"
        )
        assert len(philosophy.children) == 0  # filled only when opened
        philosophy.expand()
        await pilot.pause()
        assert [tree_entry(screen, child) for child in philosophy.children][0] == "nature 1 · 17"


async def test_vim_keys_choose_a_document_and_enter_reads_it() -> None:
    async with reader() as (app, pilot, screen):
        await pilot.press("l", "j")  # open Favorites (the cursor starts on it), onto its first document
        assert screen.current_document is not None
        first_title = screen.current_document.title
        assert first_title in pane_text(screen)
        await pilot.press("enter")
        assert app.focused is screen.query_one(DetailPane)
        await pilot.press("tab")
        assert isinstance(app.focused, Tree)


async def test_highlight_cursor_moves_with_j_k_n_p() -> None:
    async with reader() as (_, pilot, screen):
        document = await open_document(pilot, screen, "Walden")
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


async def test_detail_pane_shows_metadata_sections_notes_and_locations() -> None:
    async with reader() as (_, pilot, screen):
        document = await open_document(pilot, screen, "Meditations")
        first_page = pane_text(screen)
        assert "Marcus Aurelius" in first_page and "books" in first_page and "#philosophy" in first_page
        assert "Book I" in first_page and "Location" in first_page
        assert len(document.highlights) == 116
        text = await whole_pane_text(pilot, screen)
        assert "Book V" in text and "Note:" in text


async def test_copy_highlight_quote_and_url() -> None:
    async with reader() as (app, pilot, screen):
        document = await open_document(pilot, screen, "Notes on Walking & Thinking")
        await pilot.press("j")
        highlight = document.highlights[1]
        await pilot.press("c")
        assert app.clipboard == highlight.text
        await pilot.press("C")
        assert app.clipboard == (
            f"> {highlight.text}\n— Mira Example, [Notes on Walking & Thinking]"
            "(https://example.com/essays/notes-on-walking-and-thinking)"
        )
        await pilot.press("y")
        assert app.clipboard == "https://example.com/essays/notes-on-walking-and-thinking"


async def test_open_document_and_highlight_urls(opened_urls: list[str]) -> None:
    async with reader() as (_, pilot, screen):
        document = await open_document(pilot, screen, "Notes on Walking & Thinking")
        await pilot.press("o")
        await pilot.press("O")
        assert opened_urls == [document.url, document.highlights[0].url]


async def test_without_a_display_the_url_is_shown_with_a_copy_button(
    monkeypatch: pytest.MonkeyPatch, opened_urls: list[str]
) -> None:
    monkeypatch.delenv("DISPLAY")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    async with reader() as (app, pilot, screen):
        document = await open_document(pilot, screen, "Notes on Walking & Thinking")
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, UrlDialog) and app.screen.url == document.url
        await pilot.click("#copy")
        assert app.clipboard == document.url
        assert opened_urls == []


async def test_keys_that_cannot_act_are_disabled_and_say_why(opened_urls: list[str]) -> None:
    async with reader() as (app, pilot, screen):
        await open_document(pilot, screen, "Meditations")  # a Kindle book: no URL
        assert screen.active_bindings["o"].enabled is False
        assert screen.active_bindings["c"].enabled is True
        await pilot.press("o")
        await pilot.pause()
        assert opened_urls == []
        assert [n.message for n in app._notifications] == ["This document has no URL"]


async def test_search_ranks_results_and_enter_jumps_to_the_highlight() -> None:
    async with reader() as (app, pilot, screen):
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"creature obey")
        await settle(pilot)
        search = app.screen
        assert isinstance(search, SearchScreen)
        assert search.hits and search.hits[0].document.title == "Frankenstein"
        assert search.query_one(OptionList).option_count == len(search.hits)
        hit = search.hits[0]
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen
        assert screen.current_document is hit.document
        assert screen.current_highlight == hit.highlight_index


async def test_search_tolerates_typos_and_accents() -> None:
    async with reader() as (app, pilot, screen):
        await pilot.press("slash")
        await pilot.press(*"medtations")
        await settle(pilot)
        search = app.screen
        assert isinstance(search, SearchScreen)
        assert any(hit.document.title == "Meditations" for hit in search.hits)
        await pilot.press("escape")
        assert app.screen is screen


async def test_search_can_be_limited_to_the_chosen_tag() -> None:
    async with reader() as (app, pilot, screen):
        await pilot.press("j", "j")  # the cursor on the tag after Favorites
        assert screen.chosen_group is not None
        group_titles = {d.title for d in screen.chosen_group.all_documents()}
        await pilot.press("slash", *"the", "ctrl+t")
        await settle(pilot)
        search = app.screen
        assert isinstance(search, SearchScreen)
        assert search.hits and {hit.document.title for hit in search.hits} <= group_titles


async def test_palette_goes_to_a_document_and_changes_grouping() -> None:
    async with reader() as (app, pilot, screen):
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Go to document: Walden")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.current_document is not None and screen.current_document.title == "Walden"
        await pilot.press("ctrl+p")
        await pilot.press(*"Group by author")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.grouping == "author"
        assert "Charles Darwin 1 · 8" in top_labels(screen)


async def test_palette_goes_to_a_tag() -> None:
    async with reader() as (app, pilot, screen):
        await pilot.press("ctrl+p", *"Go to tag: philosophy/nature")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        node = screen.query_one(TagTree).cursor_node
        assert node is not None and tree_entry(screen, node) == "nature 1 · 17"


async def test_grouping_and_sort_keys() -> None:
    async with reader() as (_, pilot, screen):
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


async def test_sidebar_hides_and_resizes() -> None:
    async with reader() as (_, pilot, screen):
        tree = screen.query_one(TagTree)
        # A share of the terminal (120 columns here): 35%, then 45%, then 30%.
        assert tree.outer_size.width == 42
        await pilot.press("greater_than_sign")
        assert tree.outer_size.width == 54
        await pilot.press("less_than_sign", "less_than_sign")
        assert tree.outer_size.width == 36
        await pilot.press("ctrl+b")
        assert not tree.display


async def test_help_lists_every_binding() -> None:
    async with reader() as (app, pilot, _):
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app.screen)
        for words in ("Copy the highlight's text", "Open the document's URL", "Next highlight", "Leave hltui"):
            assert words in text
        await pilot.press("escape")
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_problems_are_listed_on_a_key() -> None:
    async with reader() as (app, pilot, _):
        assert "3 skipped, 1 problem (e)" in app.sub_title
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        text = screen_text(app.screen)
        assert "27 On Friendship.md" in text and "Readwise Syncs.md" in text


async def test_reload_keeps_the_document_and_highlight(tmp_path: Path) -> None:
    library = tmp_path / "library"
    shutil.copytree(SAMPLES, library)
    async with reader(library) as (_, pilot, screen):
        await open_document(pilot, screen, "Walden")
        await pilot.press("j", "j")
        walden = library / "Readwise" / "Books" / "Walden.md"
        walden.write_text(walden.read_text(encoding="utf-8") + "\n- A new line. (Page\u00a0300)\n", encoding="utf-8")
        await pilot.press("r")
        await settle(pilot)
        await pilot.pause()
        assert screen.current_document is not None and screen.current_document.title == "Walden"
        assert len(screen.current_document.highlights) == 18
        assert screen.current_highlight == 2


async def test_empty_folder_shows_a_helpful_state(tmp_path: Path) -> None:
    async with reader(tmp_path) as (_, _, screen):
        assert "No highlight documents were found" in pane_text(screen)
        assert top_labels(screen) == []


async def test_keymap_from_config_remaps_a_binding(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[keymap]\ncopy_highlight = "x"\n', encoding="utf-8")
    monkeypatch.setenv("HLTUI_CONFIG", str(config))
    async with reader() as (app, pilot, screen):
        document = await open_document(pilot, screen, "Walden")
        await pilot.press("c")
        assert app.clipboard == ""
        await pilot.press("x")
        assert app.clipboard == document.highlights[0].text


async def test_theme_is_remembered_between_runs() -> None:
    async with reader() as (app, pilot, _):
        app.theme = "nord"
        await pilot.pause()
    async with reader() as (app, _, _):
        assert app.theme == "nord"


async def test_broken_config_gives_a_message_and_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text("theme = [oops\n", encoding="utf-8")
    monkeypatch.setenv("HLTUI_CONFIG", str(config))
    async with reader() as (app, _, screen):
        assert any("config file" in n.message for n in app._notifications)
        assert screen.library is not None and len(screen.library.documents) == 15


async def test_untrusted_text_is_shown_literally(tmp_path: Path) -> None:
    (tmp_path / "evil.md").write_text(
        "# [bold red]x[/] [link=file:///etc]y\x1b[31m\n## Metadata\n- Author: [[[i]Mallory[/i]]]\n"
        "- URL: file:///etc/passwd\n## Highlights\n- [blink]loud[/blink] \x07text\n",
        encoding="utf-8",
    )
    async with reader(tmp_path) as (app, pilot, screen):
        labels = top_labels(screen)
        assert labels == ["Untagged 1 · 1"]
        await open_document(pilot, screen, "[bold red]x[/] [link=file:///etc]y")
        text = pane_text(screen)
        assert "[bold red]x[/]" in text and "[link=file:///etc]y" in text
        assert "[i]Mallory[/i]" in text
        assert "\x1b" not in text and "\x07" not in text
        assert screen.active_bindings["o"].enabled is False  # file:// is never opened
        tree = screen.query_one(TagTree)
        tree.root.children[0].expand()
        await pilot.pause()
        assert str(tree.root.children[0].children[0].label).startswith("[bold red]x[/]")


async def test_quit_key() -> None:
    async with reader() as (app, pilot, _):
        await pilot.press("q")
    assert app.return_code == 0


def test_highlight_cards_render_markdown_without_hyperlinks() -> None:
    from hltui.model import Highlight

    rendered = card_body(Highlight("see [site](file:///etc/passwd)", location="Page 3"))
    assert "Page 3" in str(rendered.renderables[-1])  # type: ignore[attr-defined]
    markdown = rendered.renderables[0]  # type: ignore[attr-defined]
    assert markdown.hyperlinks is False


async def test_search_jump_into_a_long_book_reaches_a_late_highlight() -> None:
    async with reader() as (app, pilot, screen):
        library = screen.library
        assert library is not None
        [meditations] = [d for d in library.documents if d.title == "Meditations"]
        screen.show_document(meditations, 110)
        await pilot.pause()
        pane = screen.query_one(DetailPane)
        assert screen.current_highlight == 110 == pane.cursor
        first_words = " ".join(meditations.highlights[110].text.split()[:3])
        assert pane.scroll_y > 0 and first_words in " ".join(pane_text(screen).split())


async def test_palette_shows_markup_like_titles_literally(tmp_path: Path) -> None:
    (tmp_path / "evil.md").write_text(
        "# [red]Loud[/red] title\n## Metadata\n- Author: [b]Bold[/b]\n## Highlights\n- text\n", encoding="utf-8"
    )
    async with reader(tmp_path) as (app, pilot, screen):
        await pilot.press("ctrl+p", *"Loud")
        await pilot.pause(0.3)
        options = app.screen.query_one(OptionList)
        prompt = str(options.get_option_at_index(0).prompt)
        assert "[red]Loud[/red] title" in prompt and "[b]Bold[/b]" in prompt
        await pilot.press("enter")
        await pilot.pause()
        assert screen.current_document is not None and screen.current_document.title == "[red]Loud[/red] title"


async def test_tree_vim_keys_h_g_and_capital_g() -> None:
    async with reader() as (_, pilot, screen):
        tree = screen.query_one(TagTree)
        await pilot.press("l", "j")  # open Favorites, onto its first document
        assert tree.cursor_node is not None and isinstance(tree.cursor_node.data, Document)
        await pilot.press("h")  # back to the group
        assert tree.cursor_node is not None and tree_entry(screen, tree.cursor_node) == "Favorites 8 · 176"
        await pilot.press("h")  # and close it
        assert not tree.cursor_node.is_expanded
        await pilot.press("G")
        assert tree_entry(screen, tree.cursor_node) == "Untagged 3 · 13"
        await pilot.press("g")
        assert tree_entry(screen, tree.cursor_node) == "Favorites 8 · 176"


def test_help_rows_follow_the_keymap() -> None:
    from textual.binding import Binding

    from hltui.tui.screens.help import binding_rows

    binding = Binding("c", "copy_highlight", "Copy", id="copy_highlight", tooltip="Copy the text")
    rows = binding_rows([binding], {"copy_highlight": "x,ctrl+c"}, lambda shown: shown.key.upper())
    assert rows == [("X, CTRL+C", "Copy the text")]


async def test_copy_after_switching_documents_copies_what_the_cursor_marks() -> None:
    async with reader() as (app, pilot, screen):
        await open_document(pilot, screen, "Walden")
        await pilot.press("j", "j", "j", "j", "j")
        meditations = await open_document(pilot, screen, "Meditations")
        await pilot.press("c")
        assert app.clipboard == meditations.highlights[0].text


async def test_palette_commands_respect_the_guards(opened_urls: list[str]) -> None:
    async with reader() as (app, pilot, screen):
        await open_document(pilot, screen, "Meditations")  # no URL
        await pilot.press("ctrl+p", *"Open URL")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert opened_urls == [] and not isinstance(app.screen, UrlDialog)
        assert "This document has no URL" in [n.message for n in app._notifications]
