"""Statistics: due today, the streak, reviews per day, highlights per category and tag, documents over time."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Label, Sparkline, Static

from hltui.display import counted, one_line
from hltui.library import Library
from hltui.review.calendar_days import zone_of
from hltui.review.reader_state import due_today_in
from hltui.review.stats import (
    documents_per_month,
    highlights_per_category,
    highlights_per_tag,
    retention_per_month,
)
from hltui.review.store import ReviewStore
from hltui.tui.widgets.fitting_footer import FittingFooter
from hltui.tui.widgets.review_calendar import ReviewCalendar

_BAR_WIDTH = 40
CALENDAR_WEEKS = 16


class StatsScreen(Screen[None]):
    """Numbers and charts about the library and the reviews."""

    BINDINGS = [Binding("q,escape", "dismiss", "Close", id="stats.close", tooltip="Back to the library")]

    def __init__(self, library: Library, store: ReviewStore, favorites: int = 0) -> None:
        super().__init__()
        self.library = library
        self.store = store
        self.favorites = favorites  # favorite highlights, as the tree's Favorites group counts them

    def compose(self) -> ComposeResult:
        reviews = self.store.reviews_per_day(30)
        months, undated = documents_per_month(self.library.documents)
        yield Header()
        with VerticalScroll(id="stats"):
            yield Static(self._summary(sum(count for _, count in reviews)), id="stats-summary")
            yield Label("Reviews per day, last 30 days", classes="stats-title")
            yield Sparkline([count for _, count in reviews], id="stats-reviews")
            yield Label(f"Review calendar, last {CALENDAR_WEEKS} weeks", classes="stats-title")
            yield ReviewCalendar(id="stats-calendar")
            yield Label("Remembered (rated Good or Easy) per month", classes="stats-title")
            yield Static(_retention(retention_per_month(self.store.review_log(), zone_of(None))), id="stats-retention")
            yield Label("Highlights per category", classes="stats-title")
            yield Static(_bars(highlights_per_category(self.library.documents)), id="stats-categories")
            yield Label("Highlights per tag (the 15 largest)", classes="stats-title")
            yield Static(_bars(highlights_per_tag(self.library.documents)), id="stats-tags")
            yield Label(_months_title(months, undated), classes="stats-title")
            yield Sparkline([count for _, count in months] or [0], id="stats-months")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.sub_title = "Statistics"
        self.query_one(ReviewCalendar).show(self.store.reviews_per_day(CALENDAR_WEEKS * 7))

    def _summary(self, reviews: int) -> Text:
        library = self.library
        counts = f"{counted(len(library.documents), 'document')} · {counted(library.highlight_count, 'highlight')}"
        counts += f" · {counted(self.favorites, 'favorite')}"
        text = Text(counts + "\n", style="bold")
        streak = counted(self.store.streak(), "day")
        text.append(f"{due_today_in(self.store, library)} due today · streak {streak} · ")
        text.append(f"{counted(reviews, 'review')} in the last 30 days · ")
        text.append(f"{counted(self.store.highlights_reviewed(), 'highlight')} reviewed at least once")
        return text


def _bars(rows: list[tuple[str, int]]) -> Table:
    """A label, a bar as long as the count (the largest fills the width) and the count."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, max_width=30)
    table.add_column(no_wrap=True)
    table.add_column(justify="right")
    largest = max((count for _, count in rows), default=0) or 1
    for label, count in rows:
        bar = "█" * max(1, round(_BAR_WIDTH * count / largest)) if count else ""
        table.add_row(Text(one_line(label), overflow="ellipsis"), Text(bar, style="cyan"), Text(str(count)))
    return table


def _retention(months: list[tuple[str, int, int]]) -> Table | Text:
    """`2026-11  ████████░░  78% of 45` per month with reviews."""
    if not months:
        return Text("No reviews yet", style="dim")
    table = Table.grid(padding=(0, 1))
    for month, reviews, remembered in months[-12:]:
        share = remembered / reviews
        filled = round(share * 20)
        bar = Text("█" * filled, style="green").append("░" * (20 - filled), style="dim")
        table.add_row(month, bar, f"{share:.0%} of {reviews}")
    return table


def _months_title(months: list[tuple[str, int]], undated: int) -> str:
    left_out = f" ({counted(undated, 'document')} without a date left out)" if undated else ""
    if not months:
        return f"Documents over time: none has a date in its export{left_out}"
    if len(months) < 2:
        return f"Documents over time: all were last updated in the same month{left_out}"
    return f"Documents per month of their last update, {months[0][0]} to {months[-1][0]}{left_out}"
