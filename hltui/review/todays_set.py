"""The day's review as a set kept per library and day: made once, resumed where it was left (no Textual).

Drawing the daily selection again at every `R` gave a fresh set each time, so a review was never
"done for today". The set is stored when first made; what was rated, set aside or skipped is marked
done, and `R` later that day resumes at the first highlight not done.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from hltui.model import Document
from hltui.review import calendar_days
from hltui.review.daily import daily_selection
from hltui.review.ids import document_id, highlight_id
from hltui.review.store import ReviewStore

Pair = tuple[Document, int]


@dataclass(frozen=True, slots=True)
class TodaysSet:
    """The day's highlights in order, those already dealt with first; `done` of them are."""

    library: str
    day: str
    pairs: tuple[Pair, ...]
    done: int
    # The library's document ids: what is due by tomorrow is counted in this library only.
    document_ids: frozenset[str] = frozenset()

    @property
    def finished(self) -> bool:
        """Whether every highlight of the day's set was dealt with."""
        return self.done >= len(self.pairs)

    def mark(self, store: ReviewStore, pair: Pair, done: bool = True) -> None:
        """Record that a highlight of the set was dealt with (or, undone, that it was not)."""
        document, index = pair
        store.mark_daily(self.library, self.day, highlight_id(document, document.highlights[index]), done)


def todays_set(
    store: ReviewStore,
    documents: Sequence[Document],
    library: str,
    count: int,
    modified: Mapping[str, float],
    now: datetime | None = None,
) -> TodaysSet:
    """The day's set for this library: the stored one, or a new daily selection stored now."""
    day = calendar_days.today(now).isoformat()
    if not store.daily_set(library, day):
        _store_selection(store, library, day, daily_selection(documents, store, count, now=now, modified=modified))
    return _located(store, documents, library, day)


def more_for_today(
    store: ReviewStore,
    documents: Sequence[Document],
    library: str,
    count: int,
    modified: Mapping[str, float],
    now: datetime | None = None,
) -> TodaysSet:
    """Today's set grown by another selection, for a reader who asked to review more."""
    day = calendar_days.today(now).isoformat()
    taken = {stable_id for stable_id, _, _ in store.daily_set(library, day)}
    # Drawn afresh (another seed than the day's), and wide enough that the set's own highlights, skipped
    # and so still new, cannot crowd the new ones out.
    seed = calendar_days.today(now).toordinal() * 1000 + len(taken)
    drawn = daily_selection(documents, store, count + len(taken), seed=seed, now=now, modified=modified)
    extra = [(document, index) for document, index in drawn if _id(document, index) not in taken][:count]
    _store_selection(store, library, day, extra)
    return _located(store, documents, library, day)


def _store_selection(store: ReviewStore, library: str, day: str, pairs: Sequence[Pair]) -> None:
    store.extend_daily_set(library, day, [(_id(document, index), document_id(document)) for document, index in pairs])


def _located(store: ReviewStore, documents: Sequence[Document], library: str, day: str) -> TodaysSet:
    """The stored set as (document, position) pairs of this library, the done ones first.

    Only documents that hold a highlight of the set are read; a highlight whose document is gone
    (edited or deleted since) is left out.
    """
    stored = store.daily_set(library, day)
    owners = {owner for _, owner, _ in stored}
    found: dict[str, Pair] = {}
    ids = [document_id(document) for document in documents]
    for document, owner in zip(documents, ids, strict=True):
        if owner in owners:
            for index, highlight in enumerate(document.highlights):
                found.setdefault(highlight_id(document, highlight), (document, index))
    done = [found[stable_id] for stable_id, _, is_done in stored if is_done and stable_id in found]
    waiting = [found[stable_id] for stable_id, _, is_done in stored if not is_done and stable_id in found]
    return TodaysSet(library, day, (*done, *waiting), len(done), frozenset(ids))


def _id(document: Document, index: int) -> str:
    return highlight_id(document, document.highlights[index])
