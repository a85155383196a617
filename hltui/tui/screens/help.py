"""Every key and what it does, as the keymap currently sets them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

# A section: its title, and its keys (bindings) or, for what is typed rather than pressed, (example, meaning) rows.
HelpSection = tuple[str, Sequence[BindingType] | Sequence[tuple[str, str]]]
KeyDisplay = Callable[[Binding], str]


def binding_rows(
    bindings: Sequence[BindingType] | Sequence[tuple[str, str]], keymap: dict[str, str], display: KeyDisplay
) -> list[tuple[str, str]]:
    """(keys, description) for each binding, keys as remapped by the config keymap and shown as typed;
    (example, meaning) rows as they are."""
    rows: list[tuple[str, str]] = []
    for binding in bindings:
        if isinstance(binding, tuple) and len(binding) == 2 and not isinstance(binding, Binding):
            rows.append((str(binding[0]), str(binding[1])))
            continue
        if not isinstance(binding, Binding):
            continue
        keys = keymap.get(binding.id or "", binding.key)
        shown = ", ".join(display(Binding(key.strip(), "")) for key in keys.split(","))
        rows.append((shown, binding.tooltip or binding.description))
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
            yield Static(self._table())

    def _table(self) -> Table:
        table = Table(title="hltui keys", title_justify="left", show_header=False, box=None, expand=True)
        table.add_column(no_wrap=True, width=20)
        table.add_column(ratio=1)
        for title, bindings in self.sections:
            table.add_row(Text(title, style="bold underline"), "")
            for keys, description in binding_rows(bindings, self.keymap, self.app.get_key_display):
                table.add_row(Text(keys, style="bold"), Text(description))
            table.add_row("", "")
        return table
