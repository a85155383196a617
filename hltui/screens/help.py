"""Every key and what it does, as the keymap currently sets them."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

HelpSection = tuple[str, list[BindingType]]


def binding_rows(bindings: list[BindingType], keymap: dict[str, str]) -> list[tuple[str, str]]:
    """(keys, description) for each binding, keys as remapped by the config keymap."""
    rows: list[tuple[str, str]] = []
    for binding in bindings:
        if not isinstance(binding, Binding):
            continue
        keys = keymap.get(binding.id or "", binding.key)
        description = binding.tooltip or binding.description
        rows.append((", ".join(key.strip() for key in keys.split(",")), description))
    return rows


class HelpScreen(ModalScreen[None]):
    """Lists the bindings of the app, the screen, the tree and the detail pane."""

    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help.close", tooltip="Close help")]

    def __init__(self, sections: list[HelpSection], keymap: dict[str, str]) -> None:
        super().__init__()
        self.sections = sections
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help", classes="dialog"):
            yield Static(Text("hltui keys", style="bold"))
            for title, bindings in self.sections:
                table = Table(title=title, title_justify="left", show_header=False, expand=True, box=None)
                table.add_column(style="bold", no_wrap=True, width=22)
                table.add_column()
                for keys, description in binding_rows(bindings, self.keymap):
                    table.add_row(Text(keys), Text(description))
                yield Static(table)
