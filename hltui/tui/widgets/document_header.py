"""The top of the detail pane as lines: title, metadata table, summary and document note."""

from __future__ import annotations

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.strip import Strip

from hltui.display import strip_control
from hltui.model import Document
from hltui.tui.widgets.highlight_card import render_strips
from hltui.tui.widgets.highlight_markdown import markdown
from hltui.tui.widgets.shown_dates import shown_date


def header_strips(
    console: Console, document: Document, width: int, block_title: Style, count: str | None = None
) -> list[Strip]:
    """A blank line, the metadata, then the summary and the note under their titles.

    `count` says how many highlights are shown when not all are (`2 favorites of 65`).
    """
    strips = [Strip.blank(width), *render_strips(console, metadata_table(document, count), width)]
    for label, text in (("Summary", document.summary), ("Document note", document.note)):
        if text:
            strips.append(Strip.blank(width))
            strips.extend(render_strips(console, Text(label, style=block_title + Style(bold=True)), width))
            strips.extend(render_strips(console, markdown(text), width))
    return strips


def placeholder_strips(console: Console, message: str, width: int, style: Style) -> list[Strip]:
    """A muted message with room around it."""
    inner = max(1, width - 2)
    lines = render_strips(console, Text(strip_control(message), style=style), inner)
    padded = [Strip([Segment(" "), *line, Segment(" ")], inner + 2) for line in lines]
    return [Strip.blank(width), Strip.blank(width), *padded, Strip.blank(width), Strip.blank(width)]


def metadata_table(document: Document, count: str | None = None) -> Table:
    """Title, then a two-column table of what is known about the document."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim", no_wrap=True)
    # Folded, not cut: a long URL or file name is read whole (words still wrap at spaces).
    table.add_column(overflow="fold")
    table.title = Text(strip_control(document.title), style="bold")
    table.title_style = "bold"
    table.title_justify = "left"
    rows = (
        ("Author", document.author),
        ("Full title", document.full_title if document.full_title != document.title else None),
        ("Category", document.category),
        ("URL", document.url),
        ("Tags", " ".join(f"#{tag}" for tag in document.tags) or None),
        ("Highlights", count or str(len(document.highlights))),
        ("Updated", shown_date(document.updated, with_time=True) if document.updated else None),
        ("File", document.source_path),
    )
    for label, value in rows:
        if value:
            table.add_row(label, Text(strip_control(value)))
    return table
