"""The table of actions: every key, palette entry, help line and guard comes from one declaration."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from conftest import SAMPLES
from pilot_helpers import reading, reviewing
from textual.binding import Binding

from hltui.model import Document, Highlight
from hltui.tui.commands import LIBRARY_COMMANDS, REVIEW_COMMANDS, Command, bindings, guards, palette_commands
from hltui.tui.screens.main import MainScreen
from hltui.tui.screens.review import ReviewScreen

TABLES = [(MainScreen, LIBRARY_COMMANDS), (ReviewScreen, REVIEW_COMMANDS)]


@pytest.mark.parametrize(("screen", "commands"), TABLES, ids=["library", "review"])
def test_every_command_runs_a_method_of_its_screen(screen: type, commands: tuple[Command, ...]) -> None:
    missing = [command.action for command in commands if not callable(getattr(screen, f"action_{command.name}", None))]
    assert missing == []


@pytest.mark.parametrize(("screen", "commands"), TABLES, ids=["library", "review"])
def test_ids_keys_and_palette_titles_are_each_used_once(screen: type, commands: tuple[Command, ...]) -> None:
    ids = [command.id for command in commands]
    keys = [key.strip() for command in commands for key in command.keys.split(",") if key.strip()]
    titles = [command.palette for command in commands if command.palette]
    assert len(ids) == len(set(ids)) and len(keys) == len(set(keys)) and len(titles) == len(set(titles))


def test_the_screens_bindings_are_the_tables_keyed_commands_in_order() -> None:
    declared = [command.id for command in LIBRARY_COMMANDS if command.keys]
    bound = [binding.id for binding in MainScreen.BINDINGS if isinstance(binding, Binding)]
    assert bound == declared
    assert all(isinstance(binding, Binding) and binding.tooltip for binding in bindings(LIBRARY_COMMANDS))


def test_the_palette_offers_group_and_sort_choices_that_have_no_key() -> None:
    titles = {command.palette for command in palette_commands(LIBRARY_COMMANDS)}
    assert {"Group by author", "Group by folder", "Sort by most recent", "Sort by title", "Open URL"} <= titles
    assert all(not command.keys for command in LIBRARY_COMMANDS if command.palette and "by" in command.palette)


@dataclass
class FakeReader:
    """What a guard looks at, without a screen."""

    current_document: Document | None = None
    highlight: Highlight | None = None
    is_loading: bool = False


def reason(action: str, reader: FakeReader) -> str | None:
    return guards(LIBRARY_COMMANDS)[action](reader)


def test_guards_say_why_an_action_cannot_run() -> None:
    nothing = FakeReader()
    no_url = FakeReader(Document("Walden", "walden.md"))
    ftp = FakeReader(Document("Walden", "walden.md", url="ftp://example.com/walden"))
    assert reason("open_document_url", nothing) == "No document selected"
    assert reason("open_document_url", no_url) == "This document has no URL"
    assert reason("open_document_url", ftp) == "Only http and https links are opened, not ftp://example.com/walden"
    assert reason("copy_url", no_url) == "This document has no URL to copy"
    assert reason("copy_highlight", no_url) == "No highlight selected: nothing to copy"
    assert reason("copy_quote", no_url) == "No highlight selected: nothing to quote"
    assert reason("open_highlight_url", no_url) == "No highlight selected"
    plain = Highlight("Simplify.")
    assert reason("open_highlight_url", FakeReader(no_url.current_document, plain)) == "This highlight has no URL"
    assert reason("reload", FakeReader(is_loading=True)) == "Still loading the library"


def test_guards_let_an_action_run_when_it_can() -> None:
    document = Document("Walden", "walden.md", url="https://example.com/walden")
    reader = FakeReader(document, Highlight("Simplify, simplify.", url="https://example.com/walden#1"))
    assert [reason(action, reader) for action in guards(LIBRARY_COMMANDS)] == [None] * len(guards(LIBRARY_COMMANDS))


async def test_the_palette_groups_by_author_and_says_so() -> None:
    async with reading(size=(100, 30)) as (app, pilot, screen):
        await pilot.press("ctrl+p", *"Group by author", "enter")
        await pilot.pause()
        assert app.screen is screen and screen.grouping == "author"
        assert "Grouped by author" in [notification.message for notification in app._notifications]
        await pilot.press("b")  # the key runs the same action: the grouping after author
        assert screen.grouping == "folder"


async def test_a_finished_review_greys_out_rating_and_says_why_when_pressed() -> None:
    async with reviewing(SAMPLES) as (app, pilot, review):
        assert review.check_action("rate", (3,)) is True
        review.position = len(review.pairs)  # every card shown
        assert review.check_action("rate", (3,)) is None and review.check_action("leave", ()) is True
        await pilot.press("3")
        assert "The review is finished: q leaves" in [notification.message for notification in app._notifications]
