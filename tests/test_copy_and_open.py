"""Copying and opening from the reader: `c`, `C` and `y` copy, `o` and `O` open (or show) a link, and keys
that cannot act say why."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_helpers import WIDE, reading, screen_lines, show

from hltui.tui.screens.link_chooser import LinkChooser
from hltui.tui.screens.url_dialog import UrlDialog

pytestmark = pytest.mark.usefixtures("graphical_session")


async def test_copy_highlight_quote_and_url() -> None:
    async with reading(size=WIDE) as (app, pilot, screen):
        document = await show(pilot, screen, "Notes on Walking & Thinking")
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


async def test_copy_after_switching_documents_copies_what_the_cursor_marks() -> None:
    async with reading(size=WIDE) as (app, pilot, screen):
        await show(pilot, screen, "Walden")
        await pilot.press("j", "j", "j", "j", "j")
        meditations = await show(pilot, screen, "Meditations")
        await pilot.press("c")
        assert app.clipboard == meditations.highlights[0].text


async def test_open_document_and_highlight_urls(opened_urls: list[str]) -> None:
    async with reading(size=WIDE) as (_, pilot, screen):
        document = await show(pilot, screen, "Notes on Walking & Thinking")
        await pilot.press("o")
        await pilot.press("O")
        assert opened_urls == [document.url, document.highlights[0].url]


async def test_capital_o_asks_which_link_when_a_highlight_has_several(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr("hltui.tui.screens.sharing.open_in_browser", lambda url: opened.append(url) or True)
    (tmp_path / "links.md").write_text(
        "# Links\n## Highlights\n"
        "- A book by [Will Durant](https://en.wikipedia.org/wiki/Will_Durant).[55](#fn55)"
        " ([View Highlight](https://read.readwise.io/read/01abc))\n",
        encoding="utf-8",
    )
    async with reading(tmp_path) as (_, pilot, screen):
        await show(pilot, screen, "Links")
        assert "wikipedia" not in "\n".join(await screen_lines(pilot))
        await pilot.press("O")
        await pilot.pause()
        assert isinstance(screen.app.screen, LinkChooser)
        assert [address for _, address in screen.app.screen.links] == [
            "https://read.readwise.io/read/01abc",
            "https://en.wikipedia.org/wiki/Will_Durant",
        ]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert opened == ["https://en.wikipedia.org/wiki/Will_Durant"]


async def test_without_a_display_the_url_is_shown_with_a_copy_button(
    monkeypatch: pytest.MonkeyPatch, opened_urls: list[str]
) -> None:
    monkeypatch.delenv("DISPLAY")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    async with reading(size=WIDE) as (app, pilot, screen):
        document = await show(pilot, screen, "Notes on Walking & Thinking")
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, UrlDialog) and app.screen.url == document.url
        await pilot.click("#copy")
        assert app.clipboard == document.url
        assert opened_urls == []


async def test_keys_that_cannot_act_are_disabled_and_say_why(opened_urls: list[str]) -> None:
    async with reading(size=WIDE) as (app, pilot, screen):
        await show(pilot, screen, "Meditations")  # a Kindle book: no URL
        assert screen.active_bindings["o"].enabled is False
        assert screen.active_bindings["c"].enabled is True
        await pilot.press("o")
        await pilot.pause()
        assert opened_urls == []
        assert [n.message for n in app._notifications] == ["This document has no URL"]
