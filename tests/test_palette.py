"""The command palette: going to a document or a tag, changing the grouping, and the same guards as the keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_helpers import WIDE, reading, show, top_labels, tree_entry
from textual.widgets import OptionList

from hltui.tui.screens.url_dialog import UrlDialog
from hltui.tui.widgets.tag_tree import TagTree

pytestmark = pytest.mark.usefixtures("graphical_session")


async def test_palette_goes_to_a_document_and_changes_grouping() -> None:
    async with reading(size=WIDE) as (app, pilot, screen):
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
    async with reading(size=WIDE) as (app, pilot, screen):
        await pilot.press("ctrl+p", *"Go to tag: philosophy/nature")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        node = screen.query_one(TagTree).cursor_node
        assert node is not None and tree_entry(screen, node) == "nature 1 · 17"


async def test_palette_shows_markup_like_titles_literally(tmp_path: Path) -> None:
    (tmp_path / "evil.md").write_text(
        "# [red]Loud[/red] title\n## Metadata\n- Author: [b]Bold[/b]\n## Highlights\n- text\n", encoding="utf-8"
    )
    async with reading(tmp_path, WIDE) as (app, pilot, screen):
        await pilot.press("ctrl+p", *"Loud")
        await pilot.pause(0.3)
        options = app.screen.query_one(OptionList)
        prompt = str(options.get_option_at_index(0).prompt)
        assert "[red]Loud[/red] title" in prompt and "[b]Bold[/b]" in prompt
        await pilot.press("enter")
        await pilot.pause()
        assert screen.current_document is not None and screen.current_document.title == "[red]Loud[/red] title"


async def test_palette_commands_respect_the_guards(opened_urls: list[str]) -> None:
    async with reading(size=WIDE) as (app, pilot, screen):
        await show(pilot, screen, "Meditations")  # no URL
        await pilot.press("ctrl+p", *"Open URL")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert opened_urls == [] and not isinstance(app.screen, UrlDialog)
        assert "This document has no URL" in [n.message for n in app._notifications]
