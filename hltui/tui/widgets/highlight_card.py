"""One highlight in the detail pane as lines: its text as Markdown, then its note, tags and location."""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console, RenderableType
from rich.console import Group as RenderGroup
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from hltui.display import strip_control
from hltui.model import Highlight, shown_tags
from hltui.tui.widgets.highlight_markdown import markdown
from hltui.tui.widgets.shown_dates import shown_date

BORDER = "▌"  # Textual's `outer` left border
CARD_GUTTER = 3  # the border and one column of padding on each side


@dataclass(frozen=True, slots=True)
class CardLook:
    """The styles a card and a section heading are drawn with (from the pane's component classes)."""

    border: Style = Style()
    section: Style = Style(bold=True)
    rule: Style = Style(dim=True)


def highlight_details(highlight: Highlight, starred: bool = False) -> Text:
    """`★ starred · Location 12 · #tag #other · 14 Dec 2022` in one dim line."""
    parts: list[str] = ["★ starred"] if starred else []
    if highlight.location:
        parts.append(strip_control(highlight.location))
    if tags := shown_tags(highlight.tags):
        parts.append(" ".join(f"#{strip_control(tag)}" for tag in tags))
    if highlight.url and not highlight.location:
        parts.append("↗ highlight (O)")  # its own link: the card shows no address
    if highlight.added:
        parts.append(shown_date(highlight.added))
    return Text(" · ".join(parts), style="dim")


def card_body(highlight: Highlight, own_note: str | None = None, starred: bool = False) -> RenderableType:
    """The highlight's Markdown, its note, the reader's own note and its details line (a star of the reader's)."""
    pieces: list[RenderableType] = [markdown(highlight.text)]
    for label, text in (("Note: ", highlight.note), ("Your note: ", own_note)):
        if text:
            note = Text(label, style="bold")
            note.append(strip_control(text))
            pieces.append(note)
    details = highlight_details(highlight, starred)
    if details:
        pieces.append(details)
    return RenderGroup(*pieces)


def render_strips(console: Console, renderable: RenderableType, width: int) -> list[Strip]:
    """A renderable as lines exactly `width` cells wide."""
    options = console.options.update(width=width, min_width=width, max_width=width, height=None)
    return [Strip(line, width) for line in console.render_lines(renderable, options, pad=True)]


def card_strips(
    console: Console,
    highlight: Highlight,
    width: int,
    look: CardLook,
    own_note: str | None = None,
    starred: bool = False,
) -> list[Strip]:
    """The card's lines, `width` cells wide: a left border, then the padded body."""
    inner = max(1, width - CARD_GUTTER)
    border = [Segment(BORDER, look.border), Segment(" ")]
    right = [Segment(" ")]
    return [
        Strip([*border, *line, *right], inner + CARD_GUTTER)
        for line in render_strips(console, card_body(highlight, own_note, starred), inner)
    ]


def section_strips(console: Console, section: str, width: int, look: CardLook) -> list[Strip]:
    """A section heading over a rule."""
    heading = render_strips(console, Text(strip_control(section), style=look.section), width)
    return [*heading, Strip([Segment("─" * width, look.rule)], width)]
