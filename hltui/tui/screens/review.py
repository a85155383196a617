"""Review: one highlight at a time, rated for spaced repetition (the daily review or a themed one)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, ClassVar

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from hltui.display import counted, one_line, strip_control
from hltui.export import quote_with_citation
from hltui.model import Document, Highlight, shown_tags
from hltui.review import calendar_days
from hltui.review.ids import document_id, highlight_id
from hltui.review.scheduling import RATING_NAMES, interval_text
from hltui.review.store import ReviewStore
from hltui.review.todays_set import TodaysSet
from hltui.tui.commands import REVIEW_COMMANDS, bindings, guards
from hltui.tui.screens.guarded import GuardedScreen
from hltui.tui.screens.help import HelpSection
from hltui.tui.screens.sharing import copy_text, open_url
from hltui.tui.widgets.fitting_footer import FittingFooter
from hltui.tui.widgets.highlight_markdown import markdown

Pair = tuple[Document, int]


class ReviewScreen(GuardedScreen[bool]):
    """Shows each chosen highlight large, with its source and notes; keys rate, keep or set it aside."""

    BINDINGS = bindings(REVIEW_COMMANDS)
    GUARDS = guards(REVIEW_COMMANDS)
    HELP_SECTIONS: ClassVar[list[HelpSection]] = [("Review", BINDINGS)]

    def __init__(
        self,
        pairs: Sequence[Pair],
        store: ReviewStore,
        title: str = "Daily review",
        todays: TodaysSet | None = None,
        out_of: int = 0,
    ) -> None:
        super().__init__()
        self.pairs = list(pairs)
        self.store = store
        self.review_title = title
        # The day's set, when this is the daily review: resumed after what was already dealt with.
        self.todays = todays
        # How many highlights the theme had when the cap (`[review] themed`) showed fewer.
        self.out_of = out_of
        self.position = todays.done if todays is not None else 0
        self.rated = 0
        self._went_from: list[int] = []  # positions left by a rating or a discard, for undo

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="review"):
            yield Static(id="review-progress")
            yield Static(id="review-source")
            yield Static(id="review-text")
            yield Static(id="review-intervals")
            yield Static(id="review-notes")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.sub_title = one_line(self.review_title)
        # Undo reaches back to this review's first change, never into an earlier session's.
        last = self.store.last_action()
        self._first_action_after = last[0] if last else 0
        self._show()

    @property
    def current(self) -> tuple[Document, Highlight, str] | None:
        """The document, highlight and highlight id under review, or None once finished."""
        if self.position >= len(self.pairs):
            return None
        document, index = self.pairs[self.position]
        highlight = document.highlights[index]
        return document, highlight, highlight_id(document, highlight)

    def _show(self) -> None:
        current = self.current
        progress = self.query_one("#review-progress", Static)
        if current is None:
            if self.todays is not None:
                progress.update(Text(f"Done for today: all {counted(len(self.pairs), 'highlight')} of the day's set"))
                self.query_one("#review-source", Static).update(self._done_for_today())
            else:
                progress.update(Text(f"{self.review_title} finished: {self.rated} rated of {len(self.pairs)}"))
                self.query_one("#review-source", Static).update(self._what_is_next())
            self.query_one("#review-text", Static).display = False  # its accent border would frame nothing
            self.query_one("#review-intervals", Static).update("")
            self.query_one("#review-notes", Static).update("")
            self.refresh_bindings()
            return
        document, highlight, stable_id = current
        capped = f" · {len(self.pairs)} of {self.out_of}" if self.out_of > len(self.pairs) else ""
        progress.update(Text(f"{self.position + 1} / {len(self.pairs)}{capped}", style="dim"))
        self.query_one("#review-source", Static).update(
            _source(document, highlight, highlight.is_favorite or self.store.is_favorite(stable_id))
        )
        shown_text = self.query_one("#review-text", Static)
        shown_text.display = True
        shown_text.update(markdown(highlight.text))
        self.query_one("#review-intervals", Static).update(_intervals(self.store.next_intervals(stable_id)))
        self.query_one("#review-notes", Static).update(_notes(highlight, self.store.note(stable_id)))
        self.refresh_bindings()

    def _what_is_next(self) -> Text:
        now = calendar_days.current_moment()
        due, following = self.store.due_count(now), self.store.next_due(now)
        text = Text(f"{due} due now. ")
        if following is not None:
            text.append(f"Next due {following.astimezone().strftime('%A %d %B, %H:%M')}. ")
        text.append("q leaves.", style="dim")
        return text

    def _done_for_today(self) -> Text:
        now = calendar_days.current_moment()
        tomorrow = datetime.combine(calendar_days.today() + timedelta(days=2), time()).astimezone()
        within = self.todays.document_ids if self.todays is not None else None
        streak, due = self.store.streak(now), self.store.due_count(tomorrow, within=within)
        text = Text(f"Streak: {counted(streak, 'day')}. {counted(due, 'highlight')} due by tomorrow.\n")
        text.append("m reviews more today · q leaves", style="dim")
        return text

    @property
    def is_daily(self) -> bool:
        """Whether this is the day's review (which can be extended by `m`)."""
        return self.todays is not None

    @property
    def finished(self) -> bool:
        """Whether every highlight of the review was shown."""
        return self.position >= len(self.pairs)

    # Actions ------------------------------------------------------------------------------

    def action_rate(self, rating: int) -> None:
        """Rate the highlight (1 again .. 4 easy) and go on."""
        if (current := self.current) is None:
            return
        self.store.rate(current[2], rating, document_id=document_id(current[0]))
        self.rated += 1  # no toast: the progress line moving on says it was taken
        self._mark_done(True)
        self._advance(remember=True)

    def action_skip(self) -> None:
        """Show the next highlight without rating this one."""
        if self.current is not None:
            self._mark_done(True)  # seen: a resumed review starts after it
            self._advance(remember=False)

    def _advance(self, *, remember: bool) -> None:
        if remember:
            self._went_from.append(self.position)
        self.position += 1
        self._show()

    def action_favorite(self) -> None:
        """Favorite or unfavorite the highlight (shown in the tree's Favorites group)."""
        if (current := self.current) is None:
            return
        favorite = not self.store.is_favorite(current[2])
        self.store.place({current[2]: document_id(current[0])})  # so the tree can find its document
        self.store.set_favorite(current[2], favorite)
        self.notify("Favorited" if favorite else "No longer a favorite", timeout=1.5)
        self._show()

    def action_discard(self) -> None:
        """Never show this highlight in reviews again (u brings it back)."""
        if (current := self.current) is None:
            return
        self.store.discard(current[2])
        self._mark_done(True)
        self.notify("Discarded: it will not come up in reviews again (u undoes)", timeout=2)
        self._advance(remember=True)

    def action_edit_note(self) -> None:
        """Add or edit your own note on the highlight."""
        from hltui.tui.screens.note_dialog import NoteDialog

        if (current := self.current) is None:
            return
        stable_id = current[2]

        def keep(note: str | None) -> None:
            if note is not None:
                self.store.set_note(stable_id, note or None)
                self._show()

        self.app.push_screen(NoteDialog(self.store.note(stable_id)), keep)

    def action_weight(self, step: int) -> None:
        """Show this document more (+) or less (-) often in daily reviews."""
        if (current := self.current) is None:
            return
        weight = self.store.change_weight(document_id(current[0]), step)
        self.notify(f"This document's weight in daily reviews is now {weight:+d}", timeout=2)

    def action_undo(self) -> None:
        """Undo this review's last rating, star, discard, note or weight change, and say which."""
        last = self.store.last_action()
        undone = self.store.undo(after=self._first_action_after)
        if undone is None or last is None:
            self.notify("Nothing to undo in this review", severity="warning")
            return
        if undone in ("rating", "discard") and self._went_from:
            self.position = self._went_from.pop()
            self.rated -= undone == "rating"
            self._mark_done(False)
        self.notify(f"Undid: {undone_text(undone, last[2], self.pairs)}", timeout=3, markup=False)
        self._show()

    def action_open_url(self) -> None:
        """Open the highlight's own link, or else the document's."""
        if (current := self.current) is None:
            return
        url = current[1].url or current[0].url
        if url:
            open_url(self, url)
        else:
            self.notify("This highlight has no URL", severity="warning")

    def action_copy(self) -> None:
        """Copy the highlight's text (OSC 52, tmux and the native clipboard)."""
        if (current := self.current) is not None:
            copy_text(self, current[1].text, "highlight", brief=True)  # the card stays in view

    def action_copy_quote(self) -> None:
        """Copy the highlight as a Markdown quote with its citation."""
        if (current := self.current) is not None:
            copy_text(self, quote_with_citation(current[0], current[1]), "quote", brief=True)

    def action_show_in_document(self) -> None:
        """Show the highlight in its document; Escape there comes back to this card."""
        from hltui.tui.screens.document_view import DocumentView

        if self.current is not None:
            document, index = self.pairs[self.position]
            self.app.push_screen(DocumentView(document, index, self._own_note))

    def _own_note(self, document: Document, highlight: Highlight) -> str | None:
        return self.store.note(highlight_id(document, highlight))

    def _mark_done(self, done: bool) -> None:
        """In the day's review, record that the highlight at the current position was dealt with (or not)."""
        if self.todays is not None and self.position < len(self.pairs):
            self.todays.mark(self.store, self.pairs[self.position], done)

    def action_more(self) -> None:
        """After the day's set: ask for more highlights today."""
        self.dismiss(True)

    def action_leave(self) -> None:
        """Leave the review; every rating made so far is kept."""
        self.dismiss(False)


def _source(document: Document, highlight: Highlight, favorite: bool) -> Text:
    """`Title — Author · Location · #tags ★`, all literal."""
    text = Text(strip_control(document.title).replace("\n", " "), style="bold")
    if document.author:
        text.append(" — " + one_line(document.author))
    details = [one_line(highlight.location)] if highlight.location else []
    details += ["#" + one_line(tag) for tag in shown_tags(highlight.tags)]
    if details:
        text.append("\n" + " · ".join(details), style="dim")
    if favorite:
        text.append("  ★ favorite", style="bold")
    return text


_UNDONE_WORDS = {"rating": "rating of", "favorite": "star on", "discard": "discard of", "note": "note on"}
_SNIPPET = 40


def undone_text(kind: str, key: str, pairs: Sequence[Pair]) -> str:
    """`rating of “The soul becomes dyed…” (Meditations)`: what an undo took back, in the reader's words."""
    for document, index in pairs:
        highlight = document.highlights[index]
        if kind == "weight" and document_id(document) == key:
            return f"weight change of {one_line(document.title)}"
        if highlight_id(document, highlight) == key:
            text = " ".join(strip_control(highlight.text).split())
            text = text if len(text) <= _SNIPPET else text[: _SNIPPET - 1] + "…"
            return f"{_UNDONE_WORDS.get(kind, kind)} “{text}” ({one_line(document.title)})"
    return f"the last {kind}"


def _intervals(intervals: dict[int, timedelta]) -> Text:
    """`1 Again 1d · 2 Hard 1d · 3 Good 2d · 4 Easy 8d`: what each rating key would schedule."""
    text = Text()
    for rating, interval in intervals.items():
        if text:
            text.append(" · ", style="dim")
        text.append(f"{rating} ", style="bold")
        text.append(f"{RATING_NAMES[rating]} ")
        text.append(interval_text(interval), style="dim")
    return text


def _notes(highlight: Highlight, own_note: str | None) -> RenderableType:
    parts: list[RenderableType] = []
    if highlight.note:
        parts.append(Text("Note: ", style="bold").append(Text(strip_control(highlight.note), style="")))
    if own_note:
        parts.append(Text("Your note: ", style="bold").append(Text(strip_control(own_note), style="")))
    return Group(*parts)


if TYPE_CHECKING:  # mypy checks here that the screen is what its commands' guards look at
    from hltui.tui.commands.review import ReviewView

    _GUARDS_SEE: type[ReviewView] = ReviewScreen
