"""The review state as JSON, to move it between machines or keep it outside the database (no Textual).

Everything is keyed by the stable highlight id, so a file exported on one machine merges into the
state of another whose exports were synced separately. Importing merges: stars and discards are
added, a note from the file replaces the one kept here, a card is taken when its last review is the
later one, the review log is joined without duplicates, weights come from the file.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from hltui.model import Document, Highlight
from hltui.review.database import default_path
from hltui.review.store import ReviewStore

FORMAT = "hltui review state"
VERSION = 1


class StateFileError(ValueError):
    """A file that is not a review state hltui can read."""


@dataclass(frozen=True, slots=True)
class Merged:
    """What an import changed, for the one line the command prints."""

    cards: int
    stars: int
    notes: int
    discards: int
    reviews: int


def state_as_json(store: ReviewStore) -> str:
    """Every card, star, note, discard, weight and review of the store, as JSON."""
    highlights: dict[str, dict[str, Any]] = {}

    def entry(stable_id: str) -> dict[str, Any]:
        return highlights.setdefault(stable_id, {"favorite": False, "note": None, "discarded": False, "card": None})

    for row in store.rows("SELECT hid, document_id, card FROM cards"):
        entry(row["hid"]).update(card=json.loads(row["card"]), document=row["document_id"])
    for stable_id in store.favorites():
        entry(stable_id)["favorite"] = True
    for stable_id, note in store.notes().items():
        entry(stable_id)["note"] = note
    for stable_id in store.discarded():
        entry(stable_id)["discarded"] = True
    reviews = [
        [row["hid"], row["rating"], row["reviewed_at"]] for row in store.rows("SELECT * FROM reviews ORDER BY id")
    ]
    payload = {"format": FORMAT, "version": VERSION, "highlights": highlights, "weights": store.weights()}
    return json.dumps({**payload, "reviews": reviews}, ensure_ascii=False, indent=1)


def import_state(store: ReviewStore, text: str) -> Merged:
    """Merge a state written by `state_as_json` into the store, in one transaction."""
    data = _read(text)
    highlights: dict[str, dict[str, Any]] = data["highlights"]
    counts = dict.fromkeys(("cards", "stars", "notes", "discards", "reviews"), 0)
    with store.writing() as connection:
        for stable_id, entry in highlights.items():
            counts["cards"] += _merge_card(connection, stable_id, entry)
            if entry.get("favorite"):
                counts["stars"] += _insert(connection, "favorites", "hid, added_at", (stable_id, 0.0))
            if entry.get("discarded"):
                counts["discards"] += _insert(connection, "discards", "hid, discarded_at", (stable_id, 0.0))
            if isinstance(entry.get("note"), str) and entry["note"].strip():
                connection.execute(
                    "INSERT OR REPLACE INTO notes (hid, text, updated_at) VALUES (?, ?, 0)", (stable_id, entry["note"])
                )
                counts["notes"] += 1
        known = {tuple(row) for row in connection.execute("SELECT hid, rating, reviewed_at FROM reviews")}
        for stable_id, rating, reviewed_at in data["reviews"]:
            if (stable_id, rating, reviewed_at) not in known:
                connection.execute(
                    "INSERT INTO reviews (hid, rating, reviewed_at) VALUES (?, ?, ?)", (stable_id, rating, reviewed_at)
                )
                counts["reviews"] += 1
        for document_id, weight in data["weights"].items():
            connection.execute(
                "INSERT OR REPLACE INTO weights (document_id, weight) VALUES (?, ?)", (document_id, weight)
            )
    return Merged(**counts)


def highlight_review_fields(path: Path | None = None) -> Callable[[Document, Highlight], dict[str, Any]]:
    """Per highlight, what the JSON export adds: `favorite`, `own_note`, `discarded`, `due`, `reviews`.

    Read once from the review database (none is made when there is none): a favorite is a highlight
    the export marks or the reader starred.
    """
    from hltui.review.ids import highlight_id

    if not (path or default_path()).exists():
        return lambda document, highlight: _fields(highlight.is_favorite, None, False, None, 0)
    store = ReviewStore(path)
    try:
        starred, notes, discarded = store.favorites(), store.notes(), store.discarded()
        due = {row["hid"]: json.loads(row["card"])["due"] for row in store.rows("SELECT hid, card FROM cards")}
        counts = {row[0]: row[1] for row in store.rows("SELECT hid, count(*) FROM reviews GROUP BY hid")}
    finally:
        store.close()

    def fields(document: Document, highlight: Highlight) -> dict[str, Any]:
        key = highlight_id(document, highlight)
        favorite = highlight.is_favorite or key in starred
        return _fields(favorite, notes.get(key), key in discarded, due.get(key), counts.get(key, 0))

    return fields


def _fields(favorite: bool, note: str | None, discarded: bool, due: str | None, reviews: int) -> dict[str, Any]:
    return {"favorite": favorite, "own_note": note, "discarded": discarded, "due": due, "reviews": reviews}


def _read(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except ValueError as error:
        raise StateFileError(f"not JSON ({error})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise StateFileError("not a review state written by hltui review --export-state")
    if data.get("version") != VERSION:
        raise StateFileError(f"a review state of version {data.get('version')!r}; this hltui reads version {VERSION}")
    if not isinstance(data.get("highlights"), dict) or not isinstance(data.get("reviews"), list):
        raise StateFileError("a review state without its highlights or reviews")
    return {"highlights": data["highlights"], "reviews": data["reviews"], "weights": data.get("weights") or {}}


def _merge_card(connection: sqlite3.Connection, stable_id: str, entry: dict[str, Any]) -> int:
    """Take the file's card when this store has none, or when the file's was reviewed later; 1 if taken."""
    card = entry.get("card")
    if not isinstance(card, dict) or "due" not in card:
        return 0
    row = connection.execute("SELECT card FROM cards WHERE hid = ?", (stable_id,)).fetchone()
    if row is not None and (json.loads(row[0]).get("last_review") or "") >= (card.get("last_review") or ""):
        return 0
    due = datetime.fromisoformat(card["due"]).timestamp()
    connection.execute(
        "INSERT OR REPLACE INTO cards (hid, document_id, card, due) VALUES (?, ?, ?, ?)",
        (stable_id, entry.get("document"), json.dumps(card), due),
    )
    return 1


def _insert(connection: sqlite3.Connection, table: str, columns: str, values: tuple[object, ...]) -> int:
    """Insert a row unless its key is there; 1 if inserted."""
    before = connection.total_changes
    connection.execute(f"INSERT OR IGNORE INTO {table} ({columns}) VALUES (?, ?)", values)
    return int(connection.total_changes > before)
