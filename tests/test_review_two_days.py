"""Two days of the daily review, the clock moved as a reader's days pass: one set a day, resumed, then done."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from conftest import SAMPLES
from pilot_helpers import plain_text, press_each, reading
from textual.widgets import Static

from hltui.review import calendar_days
from hltui.review.ids import highlight_id
from hltui.review.store import ReviewStore
from hltui.tui.screens.review import ReviewScreen

DAY_ONE = datetime(2026, 3, 2, 8, 30).astimezone()


def progress(review: ReviewScreen) -> str:
    return plain_text(review.query_one("#review-progress", Static).content)


def ids(review: ReviewScreen) -> list[str]:
    return [highlight_id(document, document.highlights[index]) for document, index in review.pairs]


def in_review(screen: object) -> ReviewScreen:
    assert isinstance(screen, ReviewScreen)
    return screen


async def test_a_daily_review_over_two_days(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "library"
    shutil.copytree(SAMPLES, folder)
    moment = [DAY_ONE]
    monkeypatch.setattr(calendar_days, "current_moment", lambda: moment[0])
    async with reading(folder, (100, 30)) as (app, pilot, _):
        await press_each(pilot, "R")
        review = in_review(app.screen)
        todays = ids(review)
        assert len(todays) == 10 and progress(review).startswith("1 / 10")
        await press_each(pilot, *"33333", "q")  # half the set, then away
        await press_each(pilot, "R")
        review = in_review(app.screen)
        assert ids(review) == todays and progress(review).startswith("6 / 10")  # resumed, not drawn again
        await press_each(pilot, *"33333")
        assert progress(review).startswith("Done for today")
        await press_each(pilot, "q", "R")
        review = in_review(app.screen)
        assert review.finished and progress(review).startswith("Done for today")  # R again: still done
        await press_each(pilot, "q")
    store = ReviewStore()
    cards = [store.card(stable_id) for stable_id in todays]
    assert all(card is not None and card.due - DAY_ONE >= timedelta(days=1) for card in cards)
    store.close()

    moment[0] = DAY_ONE + timedelta(days=3)  # every first Good (two days) has fallen due
    async with reading(folder, (100, 30)) as (app, pilot, _):
        await press_each(pilot, "R")
        review = in_review(app.screen)
        assert progress(review).startswith("1 / 10")
        assert set(ids(review)) == set(todays)  # the due cards first: here they fill the set
