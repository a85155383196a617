"""Drawing items by weight, without putting back the ones that are excluded (no Textual)."""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Sequence


class WeightedPool:
    """Items drawn with probability proportional to their weight; an excluded item is never drawn again.

    Drawing is a binary search over running totals, so a pool of 100,000 documents costs one pass
    to build; excluded items are skipped by drawing again, and dropped once they hold half the weight.
    """

    def __init__(self, items: Sequence[int], weights: Sequence[float]) -> None:
        self._excluded: set[int] = set()
        self._build([(item, weight) for item, weight in zip(items, weights, strict=True) if weight > 0])

    def _build(self, entries: list[tuple[int, float]]) -> None:
        self._items = [item for item, _ in entries]
        self._weights = {item: weight for item, weight in entries}
        self._totals = list(itertools.accumulate(weight for _, weight in entries))
        self._excluded_weight = 0.0

    def __len__(self) -> int:
        return len(self._items) - len(self._excluded)

    def exclude(self, item: int) -> None:
        """Never draw this item again."""
        if item in self._excluded or item not in self._weights:
            return
        self._excluded.add(item)
        self._excluded_weight += self._weights[item]
        if self._excluded_weight * 2 > self._totals[-1]:
            kept = [(entry, self._weights[entry]) for entry in self._items if entry not in self._excluded]
            self._excluded = set()
            self._build(kept)

    def draw(self, rng: random.Random) -> int | None:
        """An item not excluded, or None when every item is."""
        while len(self) > 0:
            position = bisect.bisect_right(self._totals, rng.random() * self._totals[-1])
            item = self._items[min(position, len(self._items) - 1)]
            if item not in self._excluded:
                return item
        return None
