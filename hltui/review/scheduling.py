"""Spaced repetition for highlights: intervals in days, never minutes, and how each rating would go (no Textual).

FSRS by default walks a new card through same-day learning steps (1 and 10 minutes), which suits
vocabulary drilled in one sitting. A highlight is read once a day at most: with no learning or
relearning steps, every rating, Again included, schedules a whole number of days out. A card the
reader forgot comes back within the same session by the review screen's choice, not the schedule's.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from fsrs import Card, Rating, Scheduler

RATINGS = (1, 2, 3, 4)
RATING_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


def highlight_scheduler(*, fuzz: bool = True) -> Scheduler:
    """The scheduler for highlights: FSRS's own parameters, no same-day steps."""
    return Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=fuzz)


def next_intervals(scheduler: Scheduler, card: Card, now: datetime) -> dict[int, timedelta]:
    """How far out each rating (1 again .. 4 easy) would schedule the card, rated now; nothing is stored.

    Shown without the random fuzz the real rating adds, so the figures do not jitter between looks.
    """
    steady = Scheduler(
        parameters=scheduler.parameters,
        desired_retention=scheduler.desired_retention,
        learning_steps=scheduler.learning_steps,
        relearning_steps=scheduler.relearning_steps,
        maximum_interval=scheduler.maximum_interval,
        enable_fuzzing=False,
    )
    return {rating: steady.review_card(card, Rating(rating), review_datetime=now)[0].due - now for rating in RATINGS}


def interval_text(interval: timedelta) -> str:
    """`4d`, `1.5mo`, `1.1y`: an interval as review apps show it beside a rating key (a day at least)."""
    days = interval.total_seconds() / 86400
    if days < 30:
        return f"{max(1, round(days))}d"
    if days < 365:
        return _one_decimal(days / 30) + "mo"
    return _one_decimal(days / 365) + "y"


def _one_decimal(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")
