"""The review calendar: a square a day for the last weeks, darker for more reviews, as contribution charts go."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.widgets import Static

from hltui.review.stats import calendar_weeks

_WEEKDAYS = ("Mon", "", "Wed", "", "Fri", "", "Sun")
# Shades from none to many, and the counts at which each begins.
_SHADES = (("·", "dim"), ("▪", "green"), ("■", "green"), ("■", "bold green"))
_STEPS = (0, 1, 3, 6)


class ReviewCalendar(Static):
    """Seven rows of days, a column per week; each day shaded by how many reviews it saw."""

    def show(self, per_day: list[tuple[date, int]]) -> None:
        """Draw these days (oldest first)."""
        text = Text()
        for weekday, row in enumerate(calendar_weeks(per_day)):
            text.append(f"{_WEEKDAYS[weekday]:<4}", style="dim")
            for count in row:
                text.append(" " if count is None else _shade(count)[0], style="" if count is None else _shade(count)[1])
                text.append(" ")
            text.append("\n")
        text.append("     less ", style="dim")
        for symbol, style in _SHADES:
            text.append(symbol + " ", style=style)
        text.append("more", style="dim")
        self.update(text)


def _shade(count: int) -> tuple[str, str]:
    return next(shade for shade, step in zip(reversed(_SHADES), reversed(_STEPS), strict=True) if count >= step)
