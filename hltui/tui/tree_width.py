"""How wide the tree is: a share of the terminal that always leaves the document room to read."""

from __future__ import annotations

# The tree's share of the terminal, narrowest to widest (`<` and `>` step through them).
SIDEBAR_SHARES = (0.2, 0.25, 0.3, 0.35, 0.45, 0.55)
DEFAULT_SHARE = 3
MIN_SIDEBAR_WIDTH = 24
MIN_DOCUMENT_WIDTH = 40


def tree_columns(terminal_width: int, share: int) -> int:
    """The tree's width at this share of the terminal, leaving the document MIN_DOCUMENT_WIDTH columns."""
    wanted = max(MIN_SIDEBAR_WIDTH, round(terminal_width * SIDEBAR_SHARES[share]))
    return max(MIN_SIDEBAR_WIDTH, min(wanted, terminal_width - MIN_DOCUMENT_WIDTH))


def next_share(terminal_width: int, share: int, step: int) -> int | None:
    """The nearest share in the direction of `step` that changes the width; None when none does.

    On a narrow terminal several shares give the same columns: those are skipped, so every key press shows.
    """
    now = tree_columns(terminal_width, share)
    changing = [
        index
        for index in range(len(SIDEBAR_SHARES))
        if (index - share) * step > 0 and (tree_columns(terminal_width, index) - now) * step > 0
    ]
    return min(changing, key=lambda index: abs(index - share)) if changing else None
