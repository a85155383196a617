"""Choosing what to review: the daily mix of due and new highlights, and themed reviews (no Textual)."""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from hltui.model import Document
from hltui.review.calendar_days import clock, zone_of
from hltui.review.ids import document_id, highlight_id
from hltui.review.store import ReviewStore
from hltui.review.weighted_pool import WeightedPool

# "Never ten from one book": a document gives at most this many new highlights while others can.
PER_DOCUMENT = 2
# Highlights looked at in one document before it counts as spent for today (all reviewed or discarded).
TRIES_PER_DOCUMENT = 12
# Looked at together, so a favorite among them can win over the others.
CANDIDATES_PER_DRAW = 3
FAVORITE_BOOST = 2.0
# A document added today weighs up to 3 times more; the extra halves every month of age.
RECENT_BOOST = 2.0
RECENT_HALF_LIFE_DAYS = 30.0

Pair = tuple[Document, int]


def daily_selection(
    documents: Sequence[Document],
    store: ReviewStore,
    count: int = 10,
    seed: int | None = None,
    now: datetime | None = None,
    *,
    modified: Mapping[str, float] | None = None,
) -> list[Pair]:
    """Today's review: due cards first (oldest due first), then new highlights spread over many documents.

    The same seed (by default, today's date) gives the same list for the same library and store.
    """
    moment = clock(now)
    rng = random.Random(seed if seed is not None else moment.astimezone(zone_of(now)).date().toordinal())
    document_ids = [document_id(document) for document in documents]
    due = due_cards(documents, document_ids, store, moment)[:count]
    chooser = _NewChooser(documents, store, rng)
    for _, (document, _) in due:
        chooser.taken[id(document)] += 1
    weights = _document_weights(documents, document_ids, store, moment, modified or {})
    picked = due + chooser.choose(count - len(due), weights)
    store.place({stable_id: document_id(document) for stable_id, (document, _) in picked})
    return [pair for _, pair in picked]


def themed_selection(
    pairs: Sequence[Pair],
    store: ReviewStore,
    count: int | None = None,
    seed: int | None = None,
    now: datetime | None = None,
) -> list[Pair]:
    """A review of one tag, one document or search results: due first, then the rest in order.

    With a seed the rest is shuffled (reproducibly) instead; discarded highlights are left out.
    """
    moment = clock(now)
    discarded = store.discarded()
    by_id: dict[str, Pair] = {}
    for document, index in pairs:
        highlight = document.highlights[index]
        stable_id = highlight_id(document, highlight)
        if stable_id not in discarded and not highlight.is_discarded:
            by_id.setdefault(stable_id, (document, index))
    due_times = store.due_times(by_id)
    due = sorted(
        (stable_id for stable_id in by_id if stable_id in due_times and due_times[stable_id] <= moment),
        key=due_times.__getitem__,
    )
    due_set = set(due)
    rest = [stable_id for stable_id in by_id if stable_id not in due_set]
    if seed is not None:
        random.Random(seed).shuffle(rest)
    chosen = (due + rest)[:count] if count is not None else due + rest
    store.place({stable_id: document_id(by_id[stable_id][0]) for stable_id in chosen})
    return [by_id[stable_id] for stable_id in chosen]


def due_cards(
    documents: Sequence[Document], document_ids: Sequence[str], store: ReviewStore, moment: datetime
) -> list[tuple[str, Pair]]:
    """The due cards found in the library with their ids, oldest due first; only documents holding one are read."""
    due = store.due_documents(moment)
    if not due:
        return []
    holding = {owner for _, owner in due if owner is not None}
    # A card rated before its document was known (rated outside a selection) costs a full scan, once.
    unplaced = any(owner is None for _, owner in due)
    located: dict[str, Pair] = {}
    for document, owner in zip(documents, document_ids, strict=True):
        if unplaced or owner in holding:
            for index, highlight in enumerate(document.highlights):
                located.setdefault(highlight_id(document, highlight), (document, index))
    if unplaced:
        store.place(
            {
                stable_id: document_id(located[stable_id][0])
                for stable_id, owner in due
                if owner is None and stable_id in located
            }
        )
    return [(stable_id, located[stable_id]) for stable_id, _ in due if stable_id in located]


def _document_weights(
    documents: Sequence[Document],
    document_ids: Sequence[str],
    store: ReviewStore,
    moment: datetime,
    modified: Mapping[str, float],
) -> list[float]:
    """How likely each document is to give a new highlight: size, favorites, recency and the reader's weight."""
    chosen_weights = store.weights()
    favorite_documents = store.favorite_documents()
    weights = []
    for document, owner in zip(documents, document_ids, strict=True):
        # The square root: a long book gives more highlights than a tweet, but does not drown the rest.
        weight = math.sqrt(len(document.highlights)) * 2.0 ** chosen_weights.get(owner, 0)
        if owner in favorite_documents or (weight and document.is_favorite):  # holds a favorite highlight
            weight *= FAVORITE_BOOST
        changed = modified.get(document.source_path)
        if changed is not None:
            age_days = max(0.0, moment.timestamp() - changed) / 86400
            weight *= 1 + RECENT_BOOST * 0.5 ** (age_days / RECENT_HALF_LIFE_DAYS)
        weights.append(weight)
    return weights


@dataclass
class _NewChooser:
    """Draws new highlights (no card yet, not discarded), documents first, then a highlight within."""

    documents: Sequence[Document]
    store: ReviewStore
    rng: random.Random
    # Keyed by the document object's id(): due pairs carry the same objects as `documents`.
    taken: Counter[int] = field(default_factory=Counter)
    chosen: set[str] = field(default_factory=set)
    tried: dict[int, set[int]] = field(default_factory=dict)
    discarded: set[str] = field(default_factory=set)
    favorites: set[str] = field(default_factory=set)

    def choose(self, wanted: int, weights: Sequence[float]) -> list[tuple[str, Pair]]:
        """Up to `wanted` new pairs; the per-document limit rises only when every document reached it."""
        if wanted <= 0:
            return []
        self.discarded = self.store.discarded()
        self.favorites = self.store.favorites()
        spent: set[int] = set()
        picked: list[tuple[str, Pair]] = []
        limit = PER_DOCUMENT
        while len(picked) < wanted:
            positions = [position for position in range(len(self.documents)) if position not in spent]
            pool = WeightedPool(positions, [weights[position] for position in positions])
            for position in positions:
                if self.taken[id(self.documents[position])] >= limit:
                    pool.exclude(position)
            if len(pool) == 0:
                break
            picked += self._draw_until_full(pool, wanted - len(picked), limit, spent)
            limit += 1
        return picked

    def _draw_until_full(self, pool: WeightedPool, wanted: int, limit: int, spent: set[int]) -> list[tuple[str, Pair]]:
        picked: list[tuple[str, Pair]] = []
        while len(picked) < wanted and (position := pool.draw(self.rng)) is not None:
            document = self.documents[position]
            found = self._pick_in(position)
            if found is None:
                spent.add(position)
                pool.exclude(position)
                continue
            stable_id, index = found
            picked.append((stable_id, (document, index)))
            self.taken[id(document)] += 1
            if self.taken[id(document)] >= limit:
                pool.exclude(position)
        return picked

    def _pick_in(self, position: int) -> tuple[str, int] | None:
        """A new highlight of the document, a favorite when one of the candidates is; None when spent."""
        document = self.documents[position]
        tried = self.tried.setdefault(position, set())
        size = len(document.highlights)
        rejected = 0
        while len(tried) < size and rejected < TRIES_PER_DOCUMENT:
            indexes = self._untried(size, tried, CANDIDATES_PER_DRAW)
            # Each candidate is fetched once: indexing stored highlights reads them from the cache.
            candidates = {index: document.highlights[index] for index in indexes}
            ids = {index: highlight_id(document, highlight) for index, highlight in candidates.items()}
            carded = self.store.due_times(ids.values())
            fresh = [
                index for index in indexes if self._is_new(ids[index], carded) and not candidates[index].is_discarded
            ]
            # Fresh candidates not taken now stay untried: a later draw may still take them.
            tried.update(index for index in indexes if index not in fresh)
            rejected += len(indexes) - len(fresh)
            if fresh:
                favorite = [index for index in fresh if ids[index] in self.favorites or candidates[index].is_favorite]
                index = (favorite or fresh)[0]
                tried.add(index)
                self.chosen.add(ids[index])
                return ids[index], index
        return None

    def _is_new(self, stable_id: str, carded: Mapping[str, object]) -> bool:
        return stable_id not in carded and stable_id not in self.discarded and stable_id not in self.chosen

    def _untried(self, size: int, tried: set[int], wanted: int) -> list[int]:
        """Up to `wanted` random indexes not tried yet; a long book is sampled, not listed."""
        left = size - len(tried)
        if left <= 2 * wanted or len(tried) * 2 > size:
            remaining = [index for index in range(size) if index not in tried]
            return self.rng.sample(remaining, min(wanted, len(remaining)))
        indexes: list[int] = []
        while len(indexes) < wanted:
            index = self.rng.randrange(size)
            if index not in tried and index not in indexes:
                indexes.append(index)
        return indexes
