"""Line heights of a long list of blocks, most of them estimated, with offsets found in O(log n)."""

from __future__ import annotations


class BlockHeights:
    """Heights of `count` blocks, estimated until measured; a Fenwick tree keeps offsets cheap.

    A 190,000-highlight book cannot be laid out at once: only the blocks that were on screen are
    measured, the others count as `estimate` lines, and measuring one moves every block below it.
    """

    def __init__(self, count: int, estimate: int) -> None:
        self.count = count
        self.estimate = max(1, estimate)
        self.total = self.estimate * count
        self._heights = [self.estimate] * count
        self._measured = bytearray(count)
        self.measured: list[int] = []
        """The indexes of measured blocks, in the order they were measured."""
        # Node i of a Fenwick tree sums the (i & -i) blocks ending at block i - 1: all equal here.
        estimate_now = self.estimate
        self._tree = [0, *(estimate_now * (node & -node) for node in range(1, count + 1))]

    def is_measured(self, index: int) -> bool:
        """Whether block `index` has its real height."""
        return bool(self._measured[index])

    def height(self, index: int) -> int:
        """Block `index`'s height, real or estimated."""
        return self._heights[index]

    def measure(self, index: int, height: int) -> None:
        """Record block `index`'s real height."""
        if not self._measured[index]:
            self._measured[index] = 1
            self.measured.append(index)
        delta = height - self._heights[index]
        if not delta:
            return
        self._heights[index] = height
        self.total += delta
        node = index + 1
        while node <= self.count:
            self._tree[node] += delta
            node += node & -node

    def offset(self, index: int) -> int:
        """The line block `index` starts on: the sum of the heights above it."""
        total = 0
        node = min(index, self.count)
        while node > 0:
            total += self._tree[node]
            node -= node & -node
        return total

    def block_at(self, line: int) -> int:
        """The block holding `line` (the first or last block for a line outside them)."""
        if self.count == 0:
            raise IndexError("no blocks")
        node = 0
        remaining = line
        step = 1 << self.count.bit_length()
        while step:
            following = node + step
            if following <= self.count and self._tree[following] <= remaining:
                node = following
                remaining -= self._tree[following]
            step >>= 1
        return min(node, self.count - 1)

    def with_estimate(self, estimate: int) -> BlockHeights:
        """The same measured heights, the others estimated anew."""
        heights = BlockHeights(self.count, estimate)
        for index in self.measured:
            heights.measure(index, self._heights[index])
        return heights
