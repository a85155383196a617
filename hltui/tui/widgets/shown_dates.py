"""Dates from the exports (ISO 8601 strings in the model) as a reader wants to see them."""

from __future__ import annotations

from datetime import datetime

from hltui.display import strip_control


def shown_date(iso: str, *, with_time: bool = False) -> str:
    """`2022-12-14T21:18` -> `14 Dec 2022` (with the time: `14 Dec 2022, 21:18`); unreadable text as it is."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return strip_control(iso)
    day = f"{moment.day} {moment:%b %Y}"
    has_time = "T" in iso or " " in iso.strip()
    return f"{day}, {moment:%H:%M}" if with_time and has_time else day
