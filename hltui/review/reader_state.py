"""The review state as the reader sees it: stars, own notes and review selections (no Textual).

The database is opened only when first needed: a reader who never reviewed has none, and the
tree, the cards and the favorites must not create one just by asking. For the same reason the
scheduler and the selections are imported only when first used: the first paint does not need them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from hltui.library.favorites import StarredElsewhere, favorite_highlights, favorite_indexes
from hltui.model import Document, Highlight
from hltui.review import calendar_days
from hltui.review.database import default_path

if TYPE_CHECKING:
    from hltui.library import Library
    from hltui.review.store import ReviewStore
    from hltui.review.todays_set import TodaysSet

# A review of a tag, a document, search results or the favorites shows at most this many by default
# (`[review] themed` in the config file).
THEMED_REVIEW_SIZE = 50

Pair = tuple[Document, int]


class ReaderReviews:
    """The screens' one way to the review database: what is starred or noted, and what to review next."""

    def __init__(
        self,
        on_notice: Callable[[str], None] = lambda notice: None,
        path: Path | None = None,
        themed_size: int = THEMED_REVIEW_SIZE,
    ) -> None:
        self._path = path
        self.themed_size = themed_size
        self._store: ReviewStore | None = None
        self._own_notes: dict[str, str] | None = None  # read when a card first asks
        self._starred_ids: set[str] | None = None  # likewise
        self._changes: list[int] = []  # the numbers of the store's actions made from the reader, for its undo
        self._on_notice = on_notice

    def exists(self) -> bool:
        """Whether there is review state to read; a reader who never reviewed has no database to open."""
        return self._store is not None or (self._path or default_path()).exists()

    @property
    def store(self) -> ReviewStore:
        """The review database, opened (or created) when first needed; a repair is reported once."""
        if self._store is None:
            from hltui.review.store import ReviewStore

            self._store = ReviewStore(self._path)
            if self._store.notice:
                self._on_notice(self._store.notice)
        return self._store

    def starred(self) -> StarredElsewhere | None:
        """Whether a highlight was starred in a review (None when none was)."""
        from hltui.review.ids import highlight_id

        if not self.exists():
            return None
        starred = self.store.favorites()
        return (lambda document, highlight: highlight_id(document, highlight) in starred) if starred else None

    def holds_starred(self) -> Callable[[Document], bool] | None:
        """Whether a document holds a highlight starred in a review (None when none was)."""
        from hltui.review.ids import document_id

        if not self.exists():
            return None
        documents = self.store.favorite_documents()
        return (lambda document: document_id(document) in documents) if documents else None

    def favorite_count(self) -> Callable[[Document], int]:
        """How many favorite highlights a document holds: the export's, and those starred in a review.

        Only a document holding a starred highlight has its highlights read (once per call's lifetime).
        """
        starred, holding = self.starred(), self.holds_starred()
        if starred is None or holding is None:
            return lambda document: document.digest.favorites
        counted: dict[int, int] = {}

        def count(document: Document) -> int:
            if not holding(document):
                return document.digest.favorites
            if id(document) not in counted:
                counted[id(document)] = len(favorite_indexes(document, starred))
            return counted[id(document)]

        return count

    def own_note(self, document: Document, highlight: Highlight) -> str | None:
        """The note the reader wrote on this highlight in a review, if any."""
        if self._own_notes is None:
            self._own_notes = self.store.notes() if self.exists() else {}
        if not self._own_notes:
            return None
        from hltui.review.ids import highlight_id

        return self._own_notes.get(highlight_id(document, highlight))

    def reviewed(self) -> None:
        """A review ended, or the reader changed a star or a note: read them again when next asked for."""
        self._own_notes = self._starred_ids = None

    def is_starred(self, document: Document, highlight: Highlight) -> bool:
        """Whether the reader starred this highlight (in a review or in the reader); read once, then kept."""
        from hltui.review.ids import highlight_id

        if self._starred_ids is None:
            self._starred_ids = self.store.favorites() if self.exists() else set()
        return bool(self._starred_ids) and highlight_id(document, highlight) in self._starred_ids

    def toggle_star(self, document: Document, highlight: Highlight) -> bool:
        """Star the highlight, or take its star away; True when it is now starred."""
        from hltui.review.ids import document_id, highlight_id

        stable_id = highlight_id(document, highlight)
        starred = not self.store.is_favorite(stable_id)
        before = self.store.last_action()
        self.store.place({stable_id: document_id(document)})  # so the tree finds its document
        self.store.set_favorite(stable_id, starred)
        self._remember_change(before)
        return starred

    def set_own_note(self, document: Document, highlight: Highlight, note: str | None) -> None:
        """Write (or, with None or blank, remove) the reader's own note on the highlight."""
        from hltui.review.ids import document_id, highlight_id

        stable_id = highlight_id(document, highlight)
        before = self.store.last_action()
        self.store.place({stable_id: document_id(document)})
        self.store.set_note(stable_id, note if note and note.strip() else None)
        self._remember_change(before)

    def undo_own_change(self) -> str | None:
        """Undo the last star or note made from the reader, if it is the store's last action; its kind, or None."""
        last = self.store.last_action() if self._changes else None
        if last is None or last[0] != self._changes[-1]:
            return None  # nothing here, or a review changed something since: the review's own undo is for that
        self._changes.pop()
        undone = self.store.undo(after=last[0] - 1)
        self.reviewed()
        return undone

    def _remember_change(self, before: tuple[int, str, str] | None) -> None:
        """Keep the number of the action just made, for the reader's undo (a change that changed nothing made none)."""
        last = self.store.last_action()
        if last is not None and (before is None or last[0] > before[0]):
            self._changes.append(last[0])
        self.reviewed()

    def marked_highlights(
        self, documents: Sequence[Document], states: Collection[str], now: datetime | None = None
    ) -> Iterator[tuple[Document, int, str | None, bool, bool]]:
        """Highlights with an own note, and those starred or due (by the end of today) when `states` asks:
        (document, index, own note, starred, due).

        Only the documents the review database places them in have their highlights read.
        """
        from hltui.review.ids import document_id, highlight_id

        if not self.exists():
            return
        notes = self.store.notes()
        starred = self.store.favorites() if "favorite" in states else set()
        due = set(self.store.due_ids(_end_of_today(now))) if "due" in states else set()
        holding = self.store.documents_of([*notes, *starred, *due])
        if not holding:  # nothing marked: no document's id is worth making (this runs at every keystroke)
            return
        for document in documents:
            if document_id(document) not in holding:
                continue
            for index, highlight in enumerate(document.highlights):
                stable_id = highlight_id(document, highlight)
                if stable_id in notes or stable_id in starred or stable_id in due:
                    yield document, index, notes.get(stable_id), stable_id in starred, stable_id in due

    def daily(self, library: Library, count: int) -> TodaysSet:
        """Today's set for this library: due highlights first, then new ones; made once a day, then resumed."""
        from hltui.review.todays_set import todays_set

        return todays_set(self.store, library.documents, library_key(library), count, library.modified)

    def more_today(self, library: Library, count: int) -> TodaysSet:
        """Today's set grown by `count` more, once the reader asked for more."""
        from hltui.review.todays_set import more_for_today

        return more_for_today(self.store, library.documents, library_key(library), count, library.modified)

    def themed(self, pairs: Iterable[Pair], now: datetime | None = None) -> ThemedReview:
        """A review of these highlights (a tag's, a document's, search results): due ones first, then mixed.

        The rest is shuffled with the day as seed, so documents take turns and the same day gives the
        same order; at most `themed_size` are shown, and the review says of how many.
        """
        from hltui.review.daily import themed_selection

        seed = calendar_days.today(now).toordinal()
        every = themed_selection(list(pairs), self.store, seed=seed, now=now)
        return ThemedReview(every[: self.themed_size], len(every))

    def favorites(self, documents: Sequence[Document]) -> Callable[[], Iterator[Pair]]:
        """Gathers every favorite highlight; the stars are read now, the highlights when it is called."""
        starred, holding = self.starred(), self.holds_starred()
        return lambda: favorite_highlights(documents, starred, holding)


@dataclass(frozen=True, slots=True)
class ThemedReview:
    """The highlights of a themed review, and how many there were before the cap."""

    pairs: list[Pair]
    total: int


def due_today(library: Library, path: Path | None = None, now: datetime | None = None) -> int | None:
    """How many of this library's highlights are due by the end of today; None when there is no review yet.

    Counted on a connection of its own (it runs beside the screen's), and only where a database exists.
    """
    from hltui.review.store import ReviewStore

    if not (path or default_path()).exists():
        return None
    store = ReviewStore(path)
    try:
        return due_today_in(store, library, now)
    finally:
        store.close()


def due_today_in(store: ReviewStore, library: Library, now: datetime | None = None) -> int:
    """How many of this library's highlights are due before today's midnight, in this store."""
    from hltui.review.ids import document_id

    return store.due_count(_end_of_today(now), within={document_id(document) for document in library.documents})


def _end_of_today(now: datetime | None = None) -> datetime:
    """Today's midnight, local time: what is due by then counts as due today."""
    return datetime.combine(calendar_days.today(now) + timedelta(days=1), time()).astimezone()


def library_key(library: Library) -> str:
    """What tells one library's review sets from another's: its folder, as an absolute path."""
    return str(library.root.resolve())


def every_highlight(documents: Iterable[Document]) -> Iterator[Pair]:
    """Each highlight of the documents as (document, position)."""
    return ((document, index) for document in documents for index in range(len(document.highlights)))
