"""The review screen's commands, in footer order."""

from __future__ import annotations

from typing import Protocol

from hltui.tui.commands.command import Command


class ReviewView(Protocol):
    """What the guards look at: whether a highlight is still shown."""

    @property
    def finished(self) -> bool: ...
    @property
    def is_daily(self) -> bool: ...


def _finished(review: ReviewView) -> str | None:
    return "The review is finished: q leaves" if review.finished else None


def _not_done_for_today(review: ReviewView) -> str | None:
    if not review.is_daily:
        return "Only the daily review has more for today"
    return None if review.finished else "Finish today's set first"


def _on_a_card(identifier: str, keys: str, action: str, label: str, help: str, *, show: bool = True) -> Command:
    """A command that acts on the highlight shown, so it cannot run once the review is finished."""
    return Command(identifier, keys, action, label, help, show=show, guard=_finished)


REVIEW_COMMANDS = (
    _on_a_card("review.again", "1", "rate(1)", "Again", "Rate: again (see it again soon)"),
    _on_a_card("review.hard", "2", "rate(2)", "Hard", "Rate: hard"),
    _on_a_card("review.good", "3", "rate(3)", "Good", "Rate: good"),
    _on_a_card("review.easy", "4", "rate(4)", "Easy", "Rate: easy (see it much later)"),
    _on_a_card("review.skip", "space", "skip", "Next", "Show the next one without rating"),
    _on_a_card("review.favorite", "f", "favorite", "Fav", "Favorite or unfavorite this highlight"),
    _on_a_card("review.discard", "d", "discard", "Discard", "Never show it in reviews again (u undoes)"),
    _on_a_card("review.note", "n", "edit_note", "Note", "Add or edit your own note"),
    _on_a_card("review.more", "plus", "weight(1)", "More", "Show this document more often", show=False),
    _on_a_card("review.less", "minus", "weight(-1)", "Less", "Show this document less often", show=False),
    Command("review.undo", "u", "undo", "Undo", "Undo this review's last rating, star, discard, note or weight"),
    _on_a_card("review.open", "o", "open_url", "Open", "Open the source in the browser", show=False),
    _on_a_card("review.copy", "c", "copy", "Copy", "Copy the highlight's text", show=False),
    _on_a_card("review.quote", "C", "copy_quote", "Quote", "Copy as a Markdown quote with its source", show=False),
    _on_a_card(
        "review.document",
        "enter",
        "show_in_document",
        "Document",
        "Read it in its document (Esc comes back)",
        show=False,
    ),
    Command(
        id="review.more_today",
        keys="m",
        action="more",
        label="More",
        help="Review more today, after the day's set",
        guard=_not_done_for_today,
    ),
    Command("review.leave", "q,escape", "leave", "Leave", "Leave the review (ratings are kept)"),
)
