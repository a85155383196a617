"""One highlight in the detail pane: its text as Markdown, then its note, tags and location."""

from __future__ import annotations

from rich.console import Group as RenderGroup
from rich.console import RenderableType
from rich.text import Text
from textual.widgets import Static

from hltui.model import Highlight
from hltui.tui.widgets.highlight_markdown import markdown


def highlight_details(highlight: Highlight) -> Text:
    """`Location 12 · #tag #other` in one dim line."""
    parts: list[str] = []
    if highlight.location:
        parts.append(highlight.location)
    if highlight.tags:
        parts.append(" ".join(f"#{tag}" for tag in highlight.tags))
    if highlight.url and not highlight.location:
        parts.append("link")
    return Text(" · ".join(parts), style="dim")


class HighlightCard(Static):
    """A highlight; the `-current` class marks the one under the cursor."""

    def __init__(self, highlight: Highlight, index: int) -> None:
        super().__init__(classes="highlight")
        self.highlight = highlight
        self.index = index
        self._renderable: RenderableType | None = None

    def render(self) -> RenderableType:
        # Built once: parsing Markdown again on every refresh is what made long books slow.
        if self._renderable is None:
            self._renderable = self._build()
        return self._renderable

    def _build(self) -> RenderableType:
        pieces: list[RenderableType] = [markdown(self.highlight.text)]
        if self.highlight.note:
            note = Text("Note: ", style="bold")
            note.append(self.highlight.note)
            pieces.append(note)
        details = highlight_details(self.highlight)
        if details:
            pieces.append(details)
        return RenderGroup(*pieces)
