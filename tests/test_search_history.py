"""The session's search history: what is kept, and walking it as ↑ and ↓ walk a shell's (no Textual)."""

from __future__ import annotations

from hltui.tui.search_history import QueryHistory


def test_history_keeps_queries_oldest_first_without_blanks_or_a_repeat_in_a_row() -> None:
    history = QueryHistory()
    for query in ("nature", "  ", "", "walk", "walk ", "nature"):
        history.record(query)
    assert history.queries == ("nature", "walk", "nature")
    assert history.latest == "nature"
    assert QueryHistory().latest == ""


def test_history_forgets_the_oldest_beyond_its_limit() -> None:
    history = QueryHistory(limit=3)
    for number in range(5):
        history.record(f"query {number}")
    assert history.queries == ("query 2", "query 3", "query 4")


def test_walking_goes_back_to_the_oldest_and_stays_then_forward_past_the_newest_to_empty() -> None:
    history = QueryHistory()
    for query in ("nature", "walk", "creature"):
        history.record(query)
    walk = history.walk()
    assert walk.current == "" and walk.newer() is None
    assert [walk.older(), walk.older(), walk.older(), walk.older()] == ["creature", "walk", "nature", None]
    assert walk.current == "nature"
    assert [walk.newer(), walk.newer(), walk.newer(), walk.newer()] == ["walk", "creature", "", None]


def test_a_walk_is_of_the_history_as_it_was_when_it_began() -> None:
    history = QueryHistory()
    history.record("nature")
    walk = history.walk()
    history.record("walk")
    assert walk.older() == "nature" and walk.older() is None
    assert QueryHistory().walk().older() is None
