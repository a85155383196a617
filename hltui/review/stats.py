"""What the statistics screen shows: counts per category and tag, documents over time, retention (no Textual)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, tzinfo

from hltui.library.groups import NO_CATEGORY, document_tags
from hltui.model import Document

_MONTH = re.compile(r"^\d{4}-\d\d")


def highlights_per_category(documents: Iterable[Document]) -> list[tuple[str, int]]:
    """(category, highlights), most first."""
    counts: Counter[str] = Counter()
    for document in documents:
        counts[document.category or NO_CATEGORY] += len(document.highlights)
    return counts.most_common()


def highlights_per_tag(documents: Iterable[Document], most: int = 15) -> list[tuple[str, int]]:
    """(tag, highlights of the documents carrying it or one of its highlights), most first."""
    counts: Counter[str] = Counter()
    for document in documents:
        for tag in document_tags(document):
            counts[tag] += len(document.highlights)
    return counts.most_common(most)


def documents_per_month(documents: Iterable[Document]) -> tuple[list[tuple[str, int]], int]:
    """(YYYY-MM, documents) by the export's date of each one's last update, oldest first, empty months
    included; and how many documents have no such date, which the chart leaves out.

    A file's modification date does not stand in: a fresh clone or a full re-export gives every file
    the same day, and the chart spiked there.
    """
    months: Counter[str] = Counter()
    undated = 0
    for document in documents:
        if document.updated and _MONTH.match(document.updated):
            months[document.updated[:7]] += 1
        else:
            undated += 1
    if not months:
        return [], undated
    first, last = min(months), max(months)
    return [(month, months.get(month, 0)) for month in _months_between(first, last)], undated


def _months_between(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:])
    found = []
    while f"{year:04}-{month:02}" <= last:
        found.append(f"{year:04}-{month:02}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def retention_per_month(log: Iterable[tuple[int, float]], zone: tzinfo) -> list[tuple[str, int, int]]:
    """(YYYY-MM, reviews, remembered) per month with reviews, oldest first: remembered is Good or Easy."""
    reviews: Counter[str] = Counter()
    remembered: Counter[str] = Counter()
    for rating, stamp in log:
        month = datetime.fromtimestamp(stamp, zone).strftime("%Y-%m")
        reviews[month] += 1
        remembered[month] += rating >= 3
    return [(month, reviews[month], remembered[month]) for month in sorted(reviews)]


def calendar_weeks(per_day: list[tuple[date, int]]) -> list[list[int | None]]:
    """The days as a calendar: seven rows (Monday first), a column per week; None before the first day."""
    if not per_day:
        return [[] for _ in range(7)]
    lead = per_day[0][0].weekday()
    cells: list[int | None] = [None] * lead + [count for _, count in per_day]
    weeks = (len(cells) + 6) // 7
    cells += [None] * (weeks * 7 - len(cells))
    return [[cells[week * 7 + weekday] for week in range(weeks)] for weekday in range(7)]
