"""The Textual app: stylesheet, global bindings, palette commands, theme and the load worker."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from rich.cells import cell_len, set_cell_size
from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from hltui.config import Config
from hltui.display import counted, one_line
from hltui.library import Library, LibraryError
from hltui.library.cache import ParseCache
from hltui.library.load import LibraryLoader
from hltui.library.watch import watch_folder
from hltui.review.reader_state import due_today
from hltui.tui.commands import LIBRARY_COMMANDS, Command, palette_commands
from hltui.tui.providers import DocumentCommands, TagCommands
from hltui.tui.screens.help import HelpScreen, HelpSection
from hltui.tui.screens.main import MainScreen
from hltui.tui.state import load_state, remember

# How long the load worker waits for the cached tree to be painted before it looks at the files.
_FIRST_PAINT_WAIT = 1.0


class HltuiApp(App[None]):
    """A keyboard reader for a folder of highlight exports."""

    CSS_PATH = "hltui.tcss"
    TITLE = "hltui"
    COMMANDS = App.COMMANDS | {DocumentCommands, TagCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit", tooltip="Leave hltui"),
        Binding("question_mark,f1", "help", "Help", id="help", tooltip="Show every key"),
    ]

    def __init__(
        self, library_path: Path, config: Config, cache: ParseCache | None = None, *, start_in_review: bool = False
    ) -> None:
        super().__init__()
        self.start_in_review = start_in_review
        self.library_path = library_path
        self.config = config
        self.cache = cache
        self.loader: LibraryLoader | None = None
        self._watcher: threading.Thread | None = None
        self._stop_watching = threading.Event()
        self.watching = False  # the folder watch is in place
        self._summary: tuple[Library, bool] | None = None  # the library the header describes, and if it is final
        self._due: int | None = None  # the library's highlights due today, once counted (None: no review yet)

    def on_mount(self) -> None:
        self.sub_title = one_line(f"loading {self.library_path}")
        self._apply_theme(starting_theme(self.config.theme, load_state()))
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        if self.config.error:
            self.notify(one_line(self.config.error), severity="warning", markup=False, timeout=8)
        main = MainScreen(
            self.config.grouping,
            daily_count=self.config.review_daily,
            themed_count=self.config.review_themed,
            start_in_review=self.start_in_review,
            cache=self.cache,
        )
        self.push_screen(main)
        self.load()

    def _remember_theme(self, theme: Theme) -> None:
        """A theme chosen here wins over the config file's, until the config's theme is changed."""
        remember("theme", theme.name)
        remember("theme_config", self.config.theme or "")

    def _apply_theme(self, theme: object) -> None:
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        elif theme:
            self.notify(f"Unknown theme {theme!s}: using the default", severity="warning", markup=False)

    @property
    def main_screen(self) -> MainScreen | None:
        """The library screen (under any dialog)."""
        return next((screen for screen in self.screen_stack if isinstance(screen, MainScreen)), None)

    @work(thread=True, exclusive=True, group="load")
    def load(self) -> None:
        """Show the cached library at once, then look at every file off the UI thread and show what changed."""
        first = self.loader is None
        loader = self.loader or LibraryLoader(self.library_path, self.config.read_rules, self.cache)
        self.loader = loader
        progress = _Throttled(lambda done, total: self.call_from_thread(self._progress, done, total))
        try:
            early = loader.from_cache() if first else None
            if early is not None:
                painted = threading.Event()
                self.call_from_thread(self._loaded, early, final=False, painted=painted)
                painted.wait(_FIRST_PAINT_WAIT)  # the tree first; looking at every file competes for the GIL
            partial = None if early else lambda library: self.call_from_thread(self._loaded, library, final=False)
            library = loader.load(progress, partial)
        except LibraryError as error:
            self.call_from_thread(self._failed, str(error))
            return
        unchanged = early is not None and not (loader.files_read or loader.files_gone)
        self.call_from_thread(self._loaded, early if unchanged and early else library)
        if self.config.watch and self.library_path.is_dir():
            self.call_from_thread(self._start_watching)

    def _start_watching(self) -> None:
        """Follow the folder in a thread of its own: a sync's new and changed files appear by themselves."""
        if self._watcher is not None and self._watcher.is_alive():
            return
        self._watcher = threading.Thread(target=self._watch, name="hltui-watch", daemon=True)
        self._watcher.start()

    def _watch(self) -> None:
        try:
            watch_folder(self.library_path, self._read_changed, self._stop_watching, self._watch_ready)
        except Exception as error:  # noqa: BLE001 - no watching (inotify limit, no watchfiles) is not fatal
            if self._stop_watching.is_set():
                return  # the app is closing: a change read meanwhile has nowhere to go
            message = f"Not watching {self.library_path} for changes: {error}"
            with contextlib.suppress(RuntimeError):  # the app may have closed meanwhile
                self.call_from_thread(self.notify, one_line(message), severity="warning", markup=False)

    def _watch_ready(self) -> None:
        """The watch is in place: look at every file once, for what a sync changed since the load."""
        if self.loader is not None:
            library = self.loader.load()
            if self.loader.files_read or self.loader.files_gone:
                self.call_from_thread(self._loaded, library)
        self.watching = True

    def _read_changed(self, paths: list[Path]) -> None:
        """Read the changed files again (in the watcher's thread) and show the library they give."""
        if self.loader is None:
            return
        try:
            library = self.loader.update(paths)
        except LibraryError as error:
            self.call_from_thread(self._failed, str(error))
            return
        if self.loader.files_read or self.loader.files_gone:
            self.call_from_thread(self._loaded, library)

    def on_unmount(self) -> None:
        self._stop_watching.set()

    def _progress(self, done: int, total: int) -> None:
        if self.main_screen is not None:
            self.main_screen.loading_progress(done, total)

    def _loaded(self, library: Library, final: bool = True, painted: threading.Event | None = None) -> None:
        self._summary = (library, final)
        self._show_summary()
        if final:
            self._count_due(library)
        if final and self.cache is not None and self.cache.notice:
            self.notify(one_line(self.cache.notice), severity="warning", markup=False)
            self.cache.notice = None
        if self.main_screen is not None:
            self.main_screen.library_loaded(library, final=final)
        if painted is not None:
            self.call_after_refresh(painted.set)

    def _show_summary(self, width: int | None = None) -> None:
        """The header's line about the library, as long as a terminal `width` wide leaves room for."""
        if self._summary is None:
            return
        library, final = self._summary
        room = (width or self.size.width) - HEADER_CHROME - cell_len(self.title) - 3  # ` — ` before it
        self.sub_title = library_summary(library, room, reading=not final, due=self._due)

    def on_resize(self, event: events.Resize) -> None:
        self._show_summary(event.size.width)  # the new width: `self.size` is updated after this handler

    def _failed(self, message: str) -> None:
        self._summary = None
        self.sub_title = "could not load"
        self.notify(one_line(message), severity="error", markup=False)
        if self.main_screen is not None:
            self.main_screen.load_failed(message)

    def on_main_screen_reload_requested(self, _: MainScreen.ReloadRequested) -> None:
        self.load()

    def on_main_screen_review_ended(self, _: MainScreen.ReviewEnded) -> None:
        if self._summary is not None:
            self._count_due(self._summary[0])

    @work(thread=True, exclusive=True, group="due")
    def _count_due(self, library: Library) -> None:
        """Count what is due today off the UI thread (it opens the review database), then say it in the header."""
        due = due_today(library)
        self.call_from_thread(self._show_due, due)

    def _show_due(self, due: int | None) -> None:
        self._due = due
        self._show_summary()

    def action_help(self) -> None:
        """Show every binding with what it does."""
        if isinstance(self.screen, HelpScreen):
            return
        # The keys of the screen help was asked on (a dialog's own keys are named in it: the library's then).
        own: list[HelpSection] = getattr(self.screen, "HELP_SECTIONS", MainScreen.HELP_SECTIONS)
        anywhere = [*self.BINDINGS, Binding("ctrl+p", "", "Command palette"), Binding("tab", "", "Next pane")]
        sections: list[HelpSection] = [("Anywhere", anywhere), *own]
        self.push_screen(HelpScreen(sections, dict(self._keymap)))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        main = self.main_screen
        if main is None:
            return
        for command in palette_commands(LIBRARY_COMMANDS):
            yield SystemCommand(command.palette or "", self._with_key(command), partial(main.run_guarded, command))

    def _with_key(self, command: Command) -> str:
        """The command's help with its key as the keymap sets it: `Daily review: a few highlights to rate (R)`."""
        keys = self._keymap.get(command.id, command.keys)
        first = keys.split(",")[0].strip()
        return f"{command.help} ({self.get_key_display(Binding(first, ''))})" if first else command.help


def starting_theme(configured: str | None, state: dict[str, object]) -> object:
    """The last explicit choice: the config's theme if it changed since a theme was picked here, else that pick."""
    picked = state.get("theme")
    if configured and (picked is None or configured != state.get("theme_config")):
        return configured
    return picked or configured


def library_summary(library: Library, room: int = 200, *, reading: bool = False, due: int | None = None) -> str:
    """`Readwise · 15 documents · 222 highlights · 12 due (R) · 3 skipped, 1 problem (e)`, shorter when `room` is small.

    The counts are kept whole; the words shorten first, then the folder's name is cut with `…`.
    """
    name = one_line(library.root.name or str(library.root))
    troubles = len(library.skipped) + len(library.problems)
    documents, highlights = len(library.documents), library.highlight_count
    skipped, problems = len(library.skipped), len(library.problems)
    either = [f"{skipped} skipped"] if skipped else []
    either += [counted(problems, "problem")] if problems else []
    named = ", ".join(either) + " (e)"  # `3 skipped, 1 problem (e)`: what `e` lists
    short = ([counted(documents, "doc"), f"{highlights} hl"], f"{troubles} (e)")
    wordings = (
        ([counted(documents, "document"), counted(highlights, "highlight")], named),
        ([counted(documents, "doc"), counted(highlights, "highlight")], named),
        ([counted(documents, "doc"), f"{highlights} hl"], named),
        short,
    )
    due_now = [f"{due} due (R)"] if due else []
    # The due count goes only when even the shortest wording cannot keep it: it is what brings the reader to `R`.
    for counts, trouble, due_shown in [*((*wording, due_now) for wording in wordings), (*short, [])]:
        tail = " · ".join([*counts, *due_shown, *([trouble] if troubles else []), *(["reading…"] if reading else [])])
        if cell_len(name) + 3 + len(tail) <= room:
            break
    name_room = max(4, room - 3 - len(tail))
    if cell_len(name) > name_room:
        name = set_cell_size(name, name_room - 1).rstrip() + "…"
    return f"{name} · {tail}"


# The header's icon and padding on both sides of its title.
HEADER_CHROME = 18


class _Throttled:
    """Progress reported to the UI at most ten times a second, never once per file."""

    def __init__(self, report: Callable[[int, int], None], every: float = 0.1) -> None:
        self.report, self.every, self.last = report, every, 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.last >= self.every or done == total:
            self.last = now
            self.report(done, total)
