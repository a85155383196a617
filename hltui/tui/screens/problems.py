"""Files that were skipped or read with problems, listed on demand instead of as notifications."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from hltui.display import strip_control
from hltui.library import Library


class ProblemsScreen(ModalScreen[None]):
    """Every skipped file and problem, with its reason."""

    BINDINGS = [Binding("escape,q,e", "dismiss", "Close", id="problems.close", tooltip="Back to the library")]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="problems", classes="dialog"):
            yield Static(self._table())

    def _table(self) -> RenderableType:
        """Each file on a line of its own, its reason indented under it.

        Not a table: in a column a third of the dialog wide, file names broke mid-word across rows.
        """
        if not self.library.skipped and not self.library.problems:
            return Text("Every file was read without a problem.")
        entries: list[RenderableType] = [Text("Skipped files and problems", style="bold")]
        for skipped in self.library.skipped:
            entries.extend(_entry(skipped.path, None, f"skipped: {skipped.reason}"))
        for problem in self.library.problems:
            entries.extend(_entry(problem.path, problem.line, problem.message))
        return Group(*entries)


def _entry(path: str, line: int | None, reason: str) -> list[RenderableType]:
    """A blank line, `name.md  line 12` in bold (folded if it has no spaces), then the reason, indented."""
    name = Text(strip_control(path), style="bold", overflow="fold")
    if line:
        name.append(f"  line {line}", style="dim")
    return [Text(""), name, Padding(Text(strip_control(reason), overflow="fold"), (0, 0, 0, 4))]
