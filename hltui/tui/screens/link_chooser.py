"""Choosing one of a highlight's links to open, when it has more than one."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from hltui.display import strip_control


class LinkChooser(ModalScreen["str | None"]):
    """The links as a list, each its label over its address; Enter opens the one chosen."""

    BINDINGS = [Binding("escape,q", "dismiss(None)", "Close", id="links.close", tooltip="Open none of them")]

    def __init__(self, links: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.links = links

    def compose(self) -> ComposeResult:
        with Vertical(id="link-chooser", classes="dialog"):
            yield Static(Text("Open which link?", style="bold"))
            yield OptionList(*(Option(_entry(label, address)) for label, address in self.links), id="links")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.links[event.option_index][1])


def _entry(label: str, address: str) -> Text:
    entry = Text(strip_control(label))
    entry.append("\n")
    entry.append(strip_control(address), style="dim")
    return entry
