"""The Textual app: stylesheet, global bindings and the worker that loads the library."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding

from hltui.config import Config
from hltui.library import Library, LibraryError, load_library
from hltui.screens.main import MainScreen


class HltuiApp(App[None]):
    """A keyboard reader for a folder of highlight exports."""

    CSS_PATH = "hltui.tcss"
    TITLE = "hltui"
    BINDINGS = [Binding("q", "quit", "Quit", id="quit", tooltip="Leave hltui")]

    def __init__(self, library_path: Path, config: Config) -> None:
        super().__init__()
        self.library_path = library_path
        self.config = config

    def on_mount(self) -> None:
        self.sub_title = f"loading {self.library_path}"
        self.push_screen(MainScreen())
        self.load()

    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        """Read the folder off the UI thread, then hand the library to the screen."""
        try:
            library = load_library(self.library_path)
        except LibraryError as error:
            self.call_from_thread(self.notify, str(error), severity="error", markup=False)
            return
        self.call_from_thread(self._show, library)

    def _show(self, library: Library) -> None:
        self.sub_title = f"{len(library.documents)} documents, {library.highlight_count} highlights"
        screen = self.screen
        if isinstance(screen, MainScreen):
            screen.library = library
