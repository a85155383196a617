"""Files that were skipped or read with problems, listed on demand instead of as notifications."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from hltui.library import Library
from hltui.text import strip_control


class ProblemsScreen(ModalScreen[None]):
    """Every skipped file and problem, with its reason."""

    BINDINGS = [Binding("escape,q,e", "dismiss", "Close", id="problems.close", tooltip="Back to the library")]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="problems", classes="dialog"):
            yield Static(self._table())

    def _table(self) -> Table | Text:
        if not self.library.skipped and not self.library.problems:
            return Text("Every file was read without a problem.")
        table = Table(title="Skipped files and problems", expand=True, show_lines=False)
        table.add_column("File", ratio=2)
        table.add_column("Line", justify="right")
        table.add_column("Reason", ratio=3)
        for skipped in self.library.skipped:
            table.add_row(Text(strip_control(skipped.path)), "", Text(f"skipped: {strip_control(skipped.reason)}"))
        for problem in self.library.problems:
            line = str(problem.line) if problem.line else ""
            table.add_row(Text(strip_control(problem.path)), line, Text(strip_control(problem.message)))
        return table
