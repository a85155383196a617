"""Counting reviews per calendar day and the streak of days with reviews (no Textual)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta, tzinfo


def current_moment() -> datetime:
    """The current moment in UTC: the one place review code reads the clock (tests move it here)."""
    return datetime.now(UTC)


def clock(now: datetime | None) -> datetime:
    """The moment as an aware UTC datetime (a naive one is taken as UTC); the current time for None."""
    if now is None:
        return current_moment()
    if now.tzinfo is None:
        return now.replace(tzinfo=UTC)
    return now.astimezone(UTC)


def zone_of(now: datetime | None) -> tzinfo:
    """The time zone days are counted in: the given moment's own, else the local one."""
    if now is not None and now.tzinfo is not None:
        return now.tzinfo
    return datetime.now().astimezone().tzinfo or UTC


def today(moment: datetime | None = None) -> date:
    """The calendar day of the moment (now by default), where the reader is."""
    return clock(moment).astimezone(zone_of(moment)).date()


def day_start(day: date, zone: tzinfo) -> float:
    """The timestamp at which the day begins in the zone."""
    return datetime.combine(day, time(), tzinfo=zone).timestamp()


def per_day(timestamps: Iterable[float], first: date, last: date, zone: tzinfo) -> list[tuple[date, int]]:
    """How many timestamps fall on each day from first to last, zeros included."""
    counts = Counter(datetime.fromtimestamp(stamp, zone).date() for stamp in timestamps)
    span = (last - first).days + 1
    return [(first + timedelta(days=offset), counts[first + timedelta(days=offset)]) for offset in range(span)]


def streak(newest_first: Iterable[float], today: date, zone: tzinfo) -> int:
    """Consecutive days with a timestamp, ending today, or yesterday when today has none yet."""
    expected: date | None = None
    count = 0
    for stamp in newest_first:
        day = datetime.fromtimestamp(stamp, zone).date()
        if day > today:
            continue
        if expected is None:
            if day < today - timedelta(days=1):
                return 0
            expected = day
        if day == expected:
            count += 1
            expected = day - timedelta(days=1)
        elif day < expected:
            break
    return count
