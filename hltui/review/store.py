"""The reader's review state in SQLite: FSRS cards, review log, favorites, discards, notes, weights (no Textual)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import threading
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from fsrs import Card, Rating, Scheduler

from hltui.review import calendar_days
from hltui.review.database import default_path, open_database
from hltui.review.scheduling import highlight_scheduler, next_intervals

WEIGHT_LIMIT = 3
# Old actions are forgotten: nobody undoes their way back through a year of reviews.
KEPT_ACTIONS = 1000
# Tables an action can change, with their key column and every column a restored row may carry.
_UNDOABLE: dict[str, tuple[str, tuple[str, ...]]] = {
    "cards": ("hid", ("hid", "document_id", "card", "due")),
    "favorites": ("hid", ("hid", "added_at")),
    "discards": ("hid", ("hid", "discarded_at")),
    "notes": ("hid", ("hid", "text", "updated_at")),
    "weights": ("document_id", ("document_id", "weight")),
}
# SQLite allows a limited number of `?` in one statement.
_CHUNK = 500


class ReviewStore:
    """The review state of one user, kept in the data folder; every change is one transaction and undoable."""

    def __init__(self, path: Path | None = None, scheduler: Scheduler | None = None) -> None:
        self.path = path if path is not None else default_path()
        self.scheduler = scheduler if scheduler is not None else highlight_scheduler()
        self._connection, self.notice = open_database(self.path)
        self._write_lock = threading.RLock()

    def close(self) -> None:
        """Close the database."""
        self._connection.close()

    def rows(self, query: str, parameters: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        """Rows of a read-only query (for moving the state between machines, `review/portable.py`)."""
        return list(self._connection.execute(query, parameters))

    def writing(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """One write transaction, taken before its first read; not an undoable action (imports use it)."""
        return self._writing()

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        # IMMEDIATE takes the write lock before the first read, so read-modify-write never races another process.
        with self._write_lock, self._connection as connection:
            connection.execute("BEGIN IMMEDIATE")
            yield connection

    def _log(
        self,
        connection: sqlite3.Connection,
        kind: str,
        target: str,
        key: str,
        prior: sqlite3.Row | None,
        review_id: int | None = None,
    ) -> None:
        prior_json = json.dumps(dict(prior)) if prior is not None else None
        connection.execute(
            "INSERT INTO actions (kind, target, key, prior, review_id, at) VALUES (?, ?, ?, ?, ?, ?)",
            (kind, target, key, prior_json, review_id, calendar_days.clock(None).timestamp()),
        )
        connection.execute("DELETE FROM actions WHERE id <= (SELECT max(id) FROM actions) - ?", (KEPT_ACTIONS,))

    def _row(self, connection: sqlite3.Connection, table: str, key: str) -> sqlite3.Row | None:
        key_column = _UNDOABLE[table][0]
        row: sqlite3.Row | None = connection.execute(f"SELECT * FROM {table} WHERE {key_column} = ?", (key,)).fetchone()
        return row

    # Ratings and cards

    def rate(self, stable_id: str, rating: int, now: datetime | None = None, *, document_id: str | None = None) -> None:
        """Rate a highlight 1 (again) to 4 (easy); the first rating creates its card."""
        grade = Rating(rating)
        reviewed_at = calendar_days.clock(now)
        with self._writing() as connection:
            row = self._row(connection, "cards", stable_id)
            before = (
                Card.from_dict(json.loads(row["card"]))
                if row
                else Card(card_id=_card_number(stable_id), due=reviewed_at)
            )
            after, _ = self.scheduler.review_card(before, grade, review_datetime=reviewed_at)
            owner = document_id or self._placement(connection, stable_id) or (row["document_id"] if row else None)
            connection.execute(
                "INSERT OR REPLACE INTO cards (hid, document_id, card, due) VALUES (?, ?, ?, ?)",
                (stable_id, owner, json.dumps(after.to_dict()), after.due.timestamp()),
            )
            review = connection.execute(
                "INSERT INTO reviews (hid, rating, reviewed_at, card_before) VALUES (?, ?, ?, ?)",
                (stable_id, int(grade), reviewed_at.timestamp(), row["card"] if row else None),
            )
            self._log(connection, "rating", "cards", stable_id, row, review.lastrowid)

    def next_intervals(self, stable_id: str, now: datetime | None = None) -> dict[int, timedelta]:
        """How far out each rating (1 .. 4) would schedule this highlight if rated now."""
        moment = calendar_days.clock(now)
        card = self.card(stable_id) or Card(card_id=_card_number(stable_id), due=moment)
        return next_intervals(self.scheduler, card, moment)

    def card(self, stable_id: str) -> Card | None:
        """The highlight's FSRS card, or None before its first rating."""
        row = self._row(self._connection, "cards", stable_id)
        return Card.from_dict(json.loads(row["card"])) if row else None

    def due_ids(self, now: datetime | None = None) -> list[str]:
        """Ids of cards due by now, oldest due first; discarded ones left out."""
        return [stable_id for stable_id, _ in self.due_documents(now)]

    def due_documents(self, now: datetime | None = None) -> list[tuple[str, str | None]]:
        """Due cards as (highlight id, document id when known), oldest due first; discarded ones left out."""
        rows = self._connection.execute(
            "SELECT hid, document_id FROM cards WHERE due <= ? AND hid NOT IN (SELECT hid FROM discards)"
            " ORDER BY due, hid",
            (calendar_days.clock(now).timestamp(),),
        )
        return [(row["hid"], row["document_id"]) for row in rows]

    def due_count(self, now: datetime | None = None, within: Collection[str] | None = None) -> int:
        """How many cards are due by now, discarded ones left out; with `within`, only those of these documents."""
        if within is None:
            row = self._connection.execute(
                "SELECT count(*) FROM cards WHERE due <= ? AND hid NOT IN (SELECT hid FROM discards)",
                (calendar_days.clock(now).timestamp(),),
            ).fetchone()
            return int(row[0])
        return sum(owner in within for _, owner in self.due_documents(now))

    def next_due(self, now: datetime | None = None) -> datetime | None:
        """When the next card falls due after now, or None when none will."""
        row = self._connection.execute(
            "SELECT min(due) FROM cards WHERE due > ? AND hid NOT IN (SELECT hid FROM discards)",
            (calendar_days.clock(now).timestamp(),),
        ).fetchone()
        return datetime.fromtimestamp(row[0], UTC) if row[0] is not None else None

    def due_times(self, stable_ids: Iterable[str]) -> dict[str, datetime]:
        """When each of these highlights is due, for those that have a card."""
        times: dict[str, datetime] = {}
        for chunk in _chunks(stable_ids):
            marks = ", ".join("?" * len(chunk))
            for row in self._connection.execute(f"SELECT hid, due FROM cards WHERE hid IN ({marks})", chunk):
                times[row["hid"]] = datetime.fromtimestamp(row["due"], UTC)
        return times

    # Where highlights live, so due cards are found without reading the whole library

    def place(self, placements: Mapping[str, str]) -> None:
        """Remember which document each highlight id belongs to (not an undoable action)."""
        if not placements:
            return
        with self._writing() as connection:
            connection.executemany(
                "INSERT OR REPLACE INTO placements (hid, document_id) VALUES (?, ?)", placements.items()
            )
            connection.executemany(
                "UPDATE cards SET document_id = ? WHERE hid = ? AND document_id IS NOT ?",
                [(document, stable_id, document) for stable_id, document in placements.items()],
            )

    def _placement(self, connection: sqlite3.Connection, stable_id: str) -> str | None:
        row = connection.execute("SELECT document_id FROM placements WHERE hid = ?", (stable_id,)).fetchone()
        return str(row[0]) if row else None

    def favorite_documents(self) -> set[str]:
        """Document ids holding a highlight the reader marked favorite here (as far as placements tell)."""
        rows = self._connection.execute(
            "SELECT DISTINCT placements.document_id FROM favorites JOIN placements USING (hid)"
        )
        return {row[0] for row in rows}

    def documents_of(self, stable_ids: Iterable[str]) -> set[str]:
        """The ids of the documents these highlights were placed in (as far as placements tell)."""
        wanted = list(stable_ids)
        found: set[str] = set()
        for start in range(0, len(wanted), 500):  # SQLite limits the parameters of one statement
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows = self._connection.execute(f"SELECT document_id FROM placements WHERE hid IN ({marks})", chunk)
            found.update(row[0] for row in rows)
        return found

    # Favorites, discards, notes, weights

    def set_favorite(self, stable_id: str, favorite: bool) -> None:
        """Mark or unmark a highlight as favorite."""
        with self._writing() as connection:
            row = self._row(connection, "favorites", stable_id)
            if (row is not None) == favorite:
                return
            if favorite:
                connection.execute("INSERT INTO favorites (hid, added_at) VALUES (?, ?)", (stable_id, _stamp()))
            else:
                connection.execute("DELETE FROM favorites WHERE hid = ?", (stable_id,))
            self._log(connection, "favorite", "favorites", stable_id, row)

    def favorites(self) -> set[str]:
        """Ids of the highlights marked favorite."""
        return {row[0] for row in self._connection.execute("SELECT hid FROM favorites")}

    def is_favorite(self, stable_id: str) -> bool:
        """Whether the highlight is marked favorite."""
        return self._row(self._connection, "favorites", stable_id) is not None

    def discard(self, stable_id: str) -> None:
        """Never show the highlight in a review again (until undone)."""
        with self._writing() as connection:
            if self._row(connection, "discards", stable_id) is not None:
                return
            connection.execute("INSERT INTO discards (hid, discarded_at) VALUES (?, ?)", (stable_id, _stamp()))
            self._log(connection, "discard", "discards", stable_id, None)

    def discarded(self) -> set[str]:
        """Ids of the discarded highlights."""
        return {row[0] for row in self._connection.execute("SELECT hid FROM discards")}

    def set_note(self, stable_id: str, text: str | None) -> None:
        """Keep the reader's own note on a highlight; None or blank removes it."""
        with self._writing() as connection:
            row = self._row(connection, "notes", stable_id)
            if (row["text"] if row else None) == (text if text and text.strip() else None):
                return
            if text and text.strip():
                connection.execute(
                    "INSERT OR REPLACE INTO notes (hid, text, updated_at) VALUES (?, ?, ?)", (stable_id, text, _stamp())
                )
            else:
                connection.execute("DELETE FROM notes WHERE hid = ?", (stable_id,))
            self._log(connection, "note", "notes", stable_id, row)

    def note(self, stable_id: str) -> str | None:
        """The reader's own note on the highlight."""
        row = self._row(self._connection, "notes", stable_id)
        return str(row["text"]) if row else None

    def notes(self) -> dict[str, str]:
        """Every note, by highlight id."""
        return {row["hid"]: row["text"] for row in self._connection.execute("SELECT hid, text FROM notes")}

    def change_weight(self, document_id: str, step: int) -> int:
        """Show a document more (+) or less (-) often; returns the new weight, kept within -3..3."""
        with self._writing() as connection:
            row = self._row(connection, "weights", document_id)
            current = int(row["weight"]) if row else 0
            weight = max(-WEIGHT_LIMIT, min(WEIGHT_LIMIT, current + step))
            if weight == current:
                return current
            if weight:
                connection.execute(
                    "INSERT OR REPLACE INTO weights (document_id, weight) VALUES (?, ?)", (document_id, weight)
                )
            else:
                connection.execute("DELETE FROM weights WHERE document_id = ?", (document_id,))
            self._log(connection, "weight", "weights", document_id, row)
            return weight

    def weights(self) -> dict[str, int]:
        """Every document weight other than 0, by document id."""
        rows = self._connection.execute("SELECT document_id, weight FROM weights")
        return {row["document_id"]: int(row["weight"]) for row in rows}

    # Undo

    def last_action(self) -> tuple[int, str, str] | None:
        """The last undoable action as (its number, its kind, the highlight or document it changed), if any."""
        row = self._connection.execute("SELECT id, kind, key FROM actions ORDER BY id DESC LIMIT 1").fetchone()
        return (int(row["id"]), str(row["kind"]), str(row["key"])) if row else None

    def undo(self, after: int = 0) -> str | None:
        """Undo the last action, numbered above `after`, restoring the prior state; says which kind, or None."""
        with self._writing() as connection:
            action = connection.execute("SELECT * FROM actions ORDER BY id DESC LIMIT 1").fetchone()
            if action is None or action["id"] <= after:
                return None
            key_column, columns = _UNDOABLE[action["target"]]
            connection.execute(f"DELETE FROM {action['target']} WHERE {key_column} = ?", (action["key"],))
            if action["prior"] is not None:
                prior = {column: value for column, value in json.loads(action["prior"]).items() if column in columns}
                marks = ", ".join("?" * len(prior))
                connection.execute(
                    f"INSERT INTO {action['target']} ({', '.join(prior)}) VALUES ({marks})", tuple(prior.values())
                )
            if action["review_id"] is not None:
                connection.execute("DELETE FROM reviews WHERE id = ?", (action["review_id"],))
            connection.execute("DELETE FROM actions WHERE id = ?", (action["id"],))
            return str(action["kind"])

    # The day's review: one set per library and day, kept so that it is resumed, not drawn again

    def daily_set(self, library: str, day: str) -> list[tuple[str, str, bool]]:
        """The day's set for the library, in order: (highlight id, document id, done)."""
        rows = self._connection.execute(
            "SELECT hid, document_id, done FROM daily_sets WHERE library = ? AND day = ? ORDER BY position",
            (library, day),
        )
        return [(row["hid"], row["document_id"], bool(row["done"])) for row in rows]

    def extend_daily_set(self, library: str, day: str, entries: Iterable[tuple[str, str]]) -> None:
        """Add (highlight id, document id) entries to the end of the day's set (a new set, or more for today)."""
        with self._writing() as connection:
            row = connection.execute(
                "SELECT coalesce(max(position), -1) FROM daily_sets WHERE library = ? AND day = ?", (library, day)
            ).fetchone()
            first = int(row[0]) + 1
            connection.executemany(
                "INSERT INTO daily_sets (library, day, position, hid, document_id) VALUES (?, ?, ?, ?, ?)",
                [(library, day, first + offset, hid, owner) for offset, (hid, owner) in enumerate(entries)],
            )
            # Sets of other days are history nobody resumes.
            connection.execute("DELETE FROM daily_sets WHERE library = ? AND day < ?", (library, day))

    def mark_daily(self, library: str, day: str, stable_id: str, done: bool) -> None:
        """Mark a highlight of the day's set as dealt with (rated, set aside, skipped) or not (undone)."""
        with self._writing() as connection:
            connection.execute(
                "UPDATE daily_sets SET done = ? WHERE library = ? AND day = ? AND hid = ?",
                (int(done), library, day, stable_id),
            )

    # Statistics

    def reviews_per_day(self, days: int = 30, now: datetime | None = None) -> list[tuple[date, int]]:
        """Reviews on each of the last `days` days up to today, oldest first, zeros included."""
        zone = calendar_days.zone_of(now)
        today = calendar_days.clock(now).astimezone(zone).date()
        first = today - timedelta(days=max(days, 1) - 1)
        rows = self._connection.execute(
            "SELECT reviewed_at FROM reviews WHERE reviewed_at >= ?", (calendar_days.day_start(first, zone),)
        )
        return calendar_days.per_day((row[0] for row in rows), first, today, zone)

    def review_log(self) -> list[tuple[int, float]]:
        """Every rating with its time, oldest first."""
        return [
            (int(row[0]), float(row[1]))
            for row in self._connection.execute("SELECT rating, reviewed_at FROM reviews ORDER BY reviewed_at")
        ]

    def highlights_reviewed(self) -> int:
        """How many highlights were rated at least once."""
        return int(self._connection.execute("SELECT count(DISTINCT hid) FROM reviews").fetchone()[0])

    def streak(self, now: datetime | None = None) -> int:
        """Consecutive days with a review, up to today (or yesterday, when none yet today)."""
        zone = calendar_days.zone_of(now)
        today = calendar_days.clock(now).astimezone(zone).date()
        rows = self._connection.execute("SELECT reviewed_at FROM reviews ORDER BY reviewed_at DESC")
        return calendar_days.streak((row[0] for row in rows), today, zone)


def _card_number(stable_id: str) -> int:
    # A card id from the highlight id: Card() would otherwise sleep a millisecond to make a clock-based one.
    return int.from_bytes(hashlib.sha256(stable_id.encode("utf-8")).digest()[:6], "big")


def _stamp() -> float:
    return calendar_days.clock(None).timestamp()


def _chunks(stable_ids: Iterable[str]) -> Iterator[list[str]]:
    chunk: list[str] = []
    for stable_id in stable_ids:
        chunk.append(stable_id)
        if len(chunk) == _CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
