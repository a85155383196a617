"""Opening the review database: schema, pragmas, and moving a corrupt file aside (no Textual)."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import platformdirs

# `hid` is a highlight's stable id (review/ids.py: `highlight_id`), which the Python code calls `stable_id`;
# the column keeps its name so that databases people already keep open unchanged.
SCHEMA = """
CREATE TABLE IF NOT EXISTS cards (
    hid TEXT PRIMARY KEY, document_id TEXT, card TEXT NOT NULL, due REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS cards_due ON cards (due);
CREATE INDEX IF NOT EXISTS cards_document ON cards (document_id);
CREATE TABLE IF NOT EXISTS reviews (
    id INTEGER PRIMARY KEY, hid TEXT NOT NULL, rating INTEGER NOT NULL, reviewed_at REAL NOT NULL, card_before TEXT
);
CREATE INDEX IF NOT EXISTS reviews_at ON reviews (reviewed_at);
CREATE TABLE IF NOT EXISTS favorites (hid TEXT PRIMARY KEY, added_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS discards (hid TEXT PRIMARY KEY, discarded_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS notes (hid TEXT PRIMARY KEY, text TEXT NOT NULL, updated_at REAL NOT NULL);
CREATE TABLE IF NOT EXISTS weights (document_id TEXT PRIMARY KEY, weight INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS placements (hid TEXT PRIMARY KEY, document_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS daily_sets (
    library TEXT NOT NULL, day TEXT NOT NULL, position INTEGER NOT NULL,
    hid TEXT NOT NULL, document_id TEXT NOT NULL, done INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (library, day, position)
);
CREATE TABLE IF NOT EXISTS actions (
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL, target TEXT NOT NULL, key TEXT NOT NULL,
    prior TEXT, review_id INTEGER, at REAL NOT NULL
);
"""
# SQLITE_CORRUPT and SQLITE_NOTADB; a locked or unopenable file is not corrupt and must not be moved.
_CORRUPTION_CODES = {11, 26}


def default_path() -> Path:
    """Where the review database lives: the user's data folder, never the export folder."""
    return platformdirs.user_data_path("hltui") / "review.sqlite"


def open_database(path: Path) -> tuple[sqlite3.Connection, str | None]:
    """A ready connection, and a notice when a corrupt file had to be moved aside first."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return _open(path), None
    except sqlite3.DatabaseError as error:
        if not is_corruption(error):
            raise
        broken = move_aside(path)
        notice = f"The review database could not be read ({error}); it was moved to {broken} and a new one started."
        return _open(path), notice


def is_corruption(error: sqlite3.DatabaseError) -> bool:
    """Whether the error says the file is damaged or not a database at all."""
    code = getattr(error, "sqlite_errorcode", None)
    return code is None or (code & 0xFF) in _CORRUPTION_CODES


def move_aside(path: Path) -> Path:
    """Rename the database (and its write-ahead log) to `<name>.broken-<timestamp>`; return the new path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    broken = path.with_name(f"{path.name}.broken-{stamp}")
    number = 1
    while broken.exists():
        number += 1
        broken = path.with_name(f"{path.name}.broken-{stamp}-{number}")
    path.replace(broken)
    for suffix in ("-wal", "-shm"):
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            with contextlib.suppress(OSError):
                sidecar.replace(broken.with_name(broken.name + suffix))
    return broken


def _open(path: Path) -> sqlite3.Connection:
    # A selection may run in a worker thread while the screen rates on the main one; the store serialises writes.
    connection = sqlite3.connect(path, timeout=10, check_same_thread=False)
    try:
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA journal_mode=WAL")
        # A rating is worth an fsync: it happens at human pace, and a power cut should not lose it.
        connection.execute("PRAGMA synchronous=FULL")
        # Cheap on a review database (thousands of rows) and finds damage a first query would miss.
        check = connection.execute("PRAGMA quick_check").fetchone()[0]
        if check != "ok":
            raise sqlite3.DatabaseError(f"quick_check: {check}")
        with connection:
            connection.executescript(SCHEMA)
    except BaseException:
        connection.close()
        raise
    return connection
