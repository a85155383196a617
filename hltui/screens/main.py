"""The main screen: the list of documents (the reader issue replaces this with tree and pane)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList

from hltui.library import Library


class MainScreen(Screen[None]):
    """Lists every document with its author and number of highlights."""

    library: reactive[Library | None] = reactive(None)

    def compose(self) -> ComposeResult:
        yield Header()
        yield OptionList(id="documents")
        yield Footer()

    def watch_library(self, library: Library | None) -> None:
        if library is None:
            return
        options = self.query_one("#documents", OptionList)
        options.clear_options()
        for document in library.documents:
            line = Text(document.title, style="bold")
            line.append(f"  {document.author or ''}  ({len(document.highlights)})", style="dim")
            options.add_option(line)
