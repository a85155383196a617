"""Dates as exports spell them -> ISO 8601 strings for the model (no Textual).

A value is `2023-12-10` when only the day is known and `2023-12-10T14:03` when the time is
too: always minutes, never seconds, so that every value has one of two shapes and values of
one day sort by their time. The time is kept as the export wrote it and any offset is
dropped: Readwise writes the reader's local time in its headings and UTC in
`last_highlighted_date`, and converting either would need the reader's time zone, which an
export does not name. Strings, not datetimes: the parse cache stores plain marshal tuples.

Nothing here raises: a spelling that is not understood gives None.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from functools import lru_cache

from hltui.model import Highlight

_MONTH_NUMBERS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # date.weekday() order


def _weekday(name: str) -> str:
    return rf"(?P<{name}>(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?)"


_TIME = r"(?P<hour>\d{1,2}):(?P<minute>\d\d)(?::\d\d(?:[.,]\d+)?)?[ \t]*(?P<half>[ap]\.?m\.?)?"
_ZONE = r"(?:[ \t]*(?:z|utc|gmt)|[ \t]*[+-]\d\d(?::?\d\d)?)?"
# After the day: a weekday, a time (`at 9:18 PM`, `T14:03:00Z`, `10:26:21 PM`), a weekday again.
_AFTER = (
    rf"(?:[-,]?[ \t]*{_weekday('later_day')})?"
    rf"(?:(?:,?[ \t]+|t)(?:at[ \t]+)?{_TIME}{_ZONE})?"
    rf"(?:,?[ \t]*{_weekday('last_day')})?"
)
_BEFORE = rf"(?:{_weekday('first_day')},?[ \t]*)?"
_ORDINAL = r"(?:st|nd|rd|th)?"
_SPELLINGS = (
    # 2023-12-10, 2023/12/10, 2023-12-10 14:03, 2023-12-10T14:03:00+02:00, 2023-01-06-Friday
    re.compile(rf"(?P<year>\d{{4}})[-/.](?P<month>\d{{1,2}})[-/.](?P<day>\d{{1,2}}){_AFTER}"),
    # December 14, 2022 at 9:18 PM; Dec 14, 2022; December 10th, 2023; Sunday, December 4, 2022 10:26:21 PM
    re.compile(rf"{_BEFORE}{_MONTH}[ \t]+(?P<day>\d{{1,2}}){_ORDINAL},?[ \t]+(?P<year>\d{{4}}){_AFTER}"),
    # 14 December 2022, 4th of Dec 2022, Sunday, 4 December 2022 22:26:21 (Kindle outside the US)
    re.compile(rf"{_BEFORE}(?P<day>\d{{1,2}}){_ORDINAL}(?:[ \t]+of)?[ \t]+{_MONTH},?[ \t]+(?P<year>\d{{4}}){_AFTER}"),
)
# 05/01/2021 08:00 AM (month first, as the readwisesync script writes); Monday, 31-10-2022 (a user's format)
_NUMERIC = re.compile(rf"{_BEFORE}(?P<first>\d{{1,2}})[-/.](?P<second>\d{{1,2}})[-/.](?P<year>\d{{4}}){_AFTER}")
# Longer text is a sentence that happens to hold a date, not a date.
_LONGEST = 80
_LABEL_WORDS = re.compile(r"^(?:added|highlighted|updated|created|saved|imported)(?:[ \t]+(?:on|at))?[ \t]+")
# `Your Highlight on Location 180-181 | Added on Sunday, December 4, 2022 10:26:21 PM` (Kindle clippings)
_ADDED_ON = "added on "
_MAX_ITEMS = 8  # a YAML list of dates is looked through up to here
_DIGIT = re.compile(r"\d")

# The words of a highlights header before its date: `New highlights added`, `first synced by [[Readwise]]`.
_HEADER_WORDS = re.compile(r"\b(?:added|synced|updated)\b(?:[ \t]+(?:by|on|at))?", re.IGNORECASE)
_READWISE = re.compile(r"\[\[readwise\]\]|#?\breadwise\b", re.IGNORECASE)

# Document keys (as `identity` writes them) that say when the document last changed ...
UPDATED_KEYS = (
    "updated", "updatedat", "dateupdated", "lastupdated", "modified", "datemodified", "lastmodified",
    "lasthighlighted", "lasthighlighteddate", "lasthighlightedat", "lastannotateddate", "kindlelastannotateddate",
)  # fmt: skip
# ... and those that only say when it was made or saved: used when nothing else gives a date.
CREATED_KEYS = (
    "date", "created", "createdat", "datecreated", "datesaved", "saved", "savedat", "added", "dateadded",
    "imported", "dateimported", "datehighlighted", "highlighteddate", "synced", "firstsynced",
)  # fmt: skip
_UPDATED = frozenset(UPDATED_KEYS)
_CREATED = frozenset(CREATED_KEYS)


def iso_date(value: object) -> str | None:
    """`2022-12-14T21:18` or `2022-12-14` from what an export or its YAML gives; None when unreadable."""
    if isinstance(value, datetime):
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}T{value.hour:02d}:{value.minute:02d}"
    if isinstance(value, date):
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    if isinstance(value, (list, tuple)):  # `date: [[2023-12-10]]` unquoted is a nested YAML list
        return next(filter(None, (iso_date(item) for item in value[:_MAX_ITEMS])), None)
    if not isinstance(value, str) or len(value) > 4 * _LONGEST or not _DIGIT.search(value):
        return None
    return _from_text(value)


# A library repeats its dates (every highlight of a sync, every `**Date**:` of a day): each is read once.
@lru_cache(maxsize=4096)
def _from_text(value: str) -> str | None:
    text = _cleaned(value)
    if len(text) > _LONGEST:
        return None
    for spelling in _SPELLINGS:
        found = spelling.fullmatch(text)
        if found:
            month = found.group("month")
            number = int(month) if month.isdigit() else _MONTH_NUMBERS[month[:3]]
            return _built(found, int(found.group("year")), number, int(found.group("day")))
    found = _NUMERIC.fullmatch(text)
    return _numeric(found) if found else None


def _cleaned(value: str) -> str:
    """Lower case, one space between words, wikilinks, emphasis, escapes and label words removed."""
    text = value.replace("[[", " ").replace("]]", " ") if "[" in value else value
    text = text.replace("\\", "") if "\\" in text else text  # `2023\-06\-16`, Logseq's escaping
    text = " ".join(text.lower().split()).strip("*_`'\"#()= ")
    if _ADDED_ON in text:
        text = text[text.rindex(_ADDED_ON) + len(_ADDED_ON) :]
    return _LABEL_WORDS.sub("", text) if text[:1].isalpha() else text


def _numeric(found: re.Match[str]) -> str | None:
    """`05/01/2021` is month first unless the numbers or the weekday written with it say otherwise."""
    first, second, year = int(found.group("first")), int(found.group("second")), int(found.group("year"))
    month_first = _built(found, year, first, second)
    day_first = _built(found, year, second, first)
    if month_first is None or day_first is None or month_first == day_first:
        return month_first or day_first
    weekday = found.group("first_day") or found.group("later_day") or found.group("last_day")
    if weekday and not _falls_on(year, first, second, weekday) and _falls_on(year, second, first, weekday):
        return day_first
    return month_first


def _falls_on(year: int, month: int, day: int, weekday: str) -> bool:
    return _WEEKDAYS[date(year, month, day).weekday()] == weekday[:3]


def _built(found: re.Match[str], year: int, month: int, day: int) -> str | None:
    """The ISO string for a matched date, or None when the day or the time does not exist."""
    try:
        day_text = date(year, month, day).isoformat()
    except ValueError:
        return None
    if found.group("hour") is None:
        return day_text
    hour, minute, half = int(found.group("hour")), int(found.group("minute")), found.group("half")
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.startswith("p") else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{day_text}T{hour:02d}:{minute:02d}"


def header_date(text: str) -> str | None:
    """The date of a highlights header: `## New highlights added December 14, 2022 at 9:18 PM`,
    `- Highlights first synced by [[Readwise]] [[Nov 19th, 2022]]`, `- [[Readwise]] [[2023-02-09]]`."""
    if not _DIGIT.search(text):
        return None  # `## Highlights`, `### New highlights synced`: most headers name no date
    words = _HEADER_WORDS.search(text)
    rest = text[words.end() :] if words else text.lstrip("-*+# \t")
    return iso_date(_READWISE.sub(" ", rest))


def document_updated(sources: Iterable[Mapping[str, object]], highlights: Iterable[Highlight]) -> str | None:
    """When a document last changed: the latest of its update fields and its highlights' dates.

    Creation fields (`date`, `created`, `date_saved`) count only when neither gives a date: a
    fresh export writes the day of the export in `date`, which says nothing about the reading.
    Sources are key -> value mappings, keys as `identity` writes them.
    """
    updates: list[object] = []
    creations: list[object] = []
    for source in sources:  # a few keys each: looking each key up in the sets beats the other way round
        updates += [value for key, value in source.items() if key in _UPDATED and value is not None]
        creations += [value for key, value in source.items() if key in _CREATED and value is not None]
    latest = latest_of([highlight.added for highlight in highlights if highlight.added])
    updated = latest_of(map(iso_date, updates))
    if latest or updated:
        return latest_of((latest, updated))
    return latest_of(map(iso_date, creations))


def latest_of(values: Iterable[str | None]) -> str | None:
    """The latest of several ISO values (mixed precision sorts by day, then by time)."""
    return max(filter(None, values), default=None)
