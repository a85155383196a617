"""The queries searched in this session, and a walk back through them as ↑ and ↓ walk a shell's history."""

from __future__ import annotations

from collections.abc import Sequence

HISTORY_LIMIT = 50  # queries kept; the oldest go first


class QueryHistory:
    """The session's search queries, oldest first; kept in memory only, gone when hltui quits."""

    def __init__(self, limit: int = HISTORY_LIMIT) -> None:
        self.limit = limit
        self._queries: list[str] = []

    @property
    def queries(self) -> tuple[str, ...]:
        """The queries recorded, oldest first."""
        return tuple(self._queries)

    @property
    def latest(self) -> str:
        """The last query searched, or an empty string before the first."""
        return self._queries[-1] if self._queries else ""

    def record(self, query: str) -> None:
        """Add a query unless it is blank or the same as the last one (searching it again adds nothing)."""
        query = query.strip()
        if not query or query == self.latest:
            return
        self._queries.append(query)
        del self._queries[: -self.limit]

    def walk(self) -> HistoryWalk:
        """A walk starting past the newest query, where the box is empty."""
        return HistoryWalk(self._queries)


class HistoryWalk:
    """A position in the history: `older` steps back one query, `newer` forward, past the newest to empty."""

    def __init__(self, queries: Sequence[str]) -> None:
        self._queries = tuple(queries)  # a copy: recording while a dialog is open does not move its walk
        self._position = len(self._queries)  # one past the newest: nothing recalled yet

    @property
    def current(self) -> str:
        """The query recalled now, or an empty string when none is (at the start, or back past the newest)."""
        return self._queries[self._position] if self._position < len(self._queries) else ""

    def older(self) -> str | None:
        """The query before the current one, or None at the oldest (a shell stays there too)."""
        if self._position == 0:
            return None
        self._position -= 1
        return self.current

    def newer(self) -> str | None:
        """The query after the current one, an empty string past the newest, or None when already there."""
        if self._position == len(self._queries):
            return None
        self._position += 1
        return self.current
