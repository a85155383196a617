"""Intervals for highlights, not vocabulary: a first rating means days, and each key shows its next interval."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from conftest import SAMPLES
from pilot_helpers import plain_text, reviewing
from textual.widgets import Static

from hltui.review.scheduling import interval_text
from hltui.review.store import ReviewStore

START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ReviewStore]:
    """The store as the app opens it: its own scheduler, fuzz and all."""
    opened = ReviewStore(tmp_path / "review.sqlite")
    yield opened
    opened.close()


@pytest.mark.parametrize("rating", [1, 2, 3, 4])
def test_a_first_rating_schedules_days_not_minutes(store: ReviewStore, rating: int) -> None:
    store.rate("h:new", rating, now=START)
    card = store.card("h:new")
    assert card is not None and card.due - START >= timedelta(days=1)


def test_a_forgotten_card_comes_back_in_days_too(store: ReviewStore) -> None:
    store.rate("h:one", 3, now=START)
    card = store.card("h:one")
    assert card is not None
    store.rate("h:one", 1, now=card.due)
    again = store.card("h:one")
    assert again is not None and again.due - card.due >= timedelta(days=1)


def test_each_key_shows_the_interval_it_would_give(store: ReviewStore) -> None:
    new = store.next_intervals("h:new", START)
    assert list(new) == [1, 2, 3, 4]
    assert all(interval >= timedelta(days=1) for interval in new.values())
    assert new[1] <= new[2] <= new[3] <= new[4] and new[4] > new[1]
    assert store.card("h:new") is None  # looking ahead rates nothing
    store.rate("h:new", 3, now=START)
    card = store.card("h:new")
    assert card is not None
    later = store.next_intervals("h:new", card.due)
    assert later[3] > new[3]  # remembered once: the next Good waits longer


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(hours=20), "1d"),
        (timedelta(days=4), "4d"),
        (timedelta(days=45), "1.5mo"),
        (timedelta(days=400), "1.1y"),
    ],
)
def test_intervals_read_as_anki_shows_them(delta: timedelta, text: str) -> None:
    assert interval_text(delta) == text


async def test_the_review_card_shows_what_each_rating_key_would_schedule() -> None:
    async with reviewing(SAMPLES, (100, 30)) as (_, pilot, review):
        line = plain_text(review.query_one("#review-intervals", Static).content)
        assert re.fullmatch(r"1 Again \d+d · 2 Hard \d+d · 3 Good \d+d · 4 Easy \S+", line.strip()), line
