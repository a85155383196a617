"""One line under the document: which highlight the cursor is on, and of how many."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class PositionLine(Static):
    """`highlight 3 of 8`, or `favorite 1 of 2 · * shows all 65` when only favorites show."""

    def show(self, index: int | None, shown: int, total: int | None = None) -> None:
        """The cursor is on highlight `index` of `shown`; `total` when the shown ones are the favorites only."""
        self.update(Text(position_text(index, shown, total)))


def position_text(index: int | None, shown: int, total: int | None = None) -> str:
    if total is not None:
        where = f"favorite {index + 1} of {shown}" if index is not None and shown else "no favorites"
        return f"{where} · * shows all {total}"
    if index is None or not shown:
        return ""
    return f"highlight {index + 1} of {shown}"
