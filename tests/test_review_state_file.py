"""Nothing trapped: the review state goes out as JSON (to move it, or with the export) and comes back merged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SAMPLES

from hltui.cli import main
from hltui.library import load_library
from hltui.review.database import default_path
from hltui.review.ids import document_id, highlight_id
from hltui.review.store import ReviewStore


def state(store: ReviewStore, ids: list[str]) -> tuple[object, ...]:
    """What a reader would miss: stars, notes, discards, due dates, the review log's length, weights."""
    reviews = len(store.rows("SELECT id FROM reviews"))
    return (store.favorites(), store.notes(), store.discarded(), store.due_times(ids), reviews, store.weights())


def test_stars_notes_discards_and_due_dates_survive_an_export_and_an_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = max(load_library(SAMPLES).documents, key=lambda document: len(document.highlights))
    ids = [highlight_id(document, highlight) for highlight in document.highlights[:3]]
    store = ReviewStore()
    store.rate(ids[0], 3, document_id=document_id(document))
    store.rate(ids[1], 4, document_id=document_id(document))
    store.set_favorite(ids[1], True)
    store.set_note(ids[1], "keep this one")
    store.discard(ids[2])
    store.change_weight(document_id(document), 1)
    before = state(store, ids)
    store.close()

    saved = tmp_path / "state.json"
    assert main(["review", "--export-state", str(saved)]) == 0
    for file in default_path().parent.glob("review.sqlite*"):
        file.unlink()  # a new machine
    assert main(["review", "--import-state", str(saved)]) == 0
    assert "merged 2 cards, 1 star, 1 note, 1 discard, 2 reviews" in capsys.readouterr().out
    store = ReviewStore()
    assert state(store, ids) == before
    store.close()
    assert main(["review", "--import-state", str(saved)]) == 0  # again: nothing new to merge
    assert "merged 0 cards, 0 stars, 1 note, 0 discards, 0 reviews" in capsys.readouterr().out


def test_a_file_that_is_not_a_state_is_refused_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"documents": []}', encoding="utf-8")
    assert main(["review", "--import-state", str(wrong)]) == 2
    assert main(["review", "--import-state", str(tmp_path / "missing.json")]) == 2
    errors = capsys.readouterr().err.splitlines()
    assert errors[0] == "hltui: error: review state: not a review state written by hltui review --export-state"
    assert len(errors) == 2 and errors[1].startswith("hltui: error: review state: ")


def test_the_json_export_carries_the_review_state_of_each_highlight(capsys: pytest.CaptureFixture[str]) -> None:
    document = max(load_library(SAMPLES).documents, key=lambda document: len(document.highlights))
    first = highlight_id(document, document.highlights[0])
    store = ReviewStore()
    store.rate(first, 3, document_id=document_id(document))
    store.set_favorite(first, True)
    store.set_note(first, "mine")
    store.close()
    assert main(["export", str(SAMPLES), "--format", "json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    [exported] = [entry for entry in payload["documents"] if entry["title"] == document.title]
    mine = exported["highlights"][0]
    assert (mine["favorite"], mine["own_note"], mine["discarded"], mine["reviews"]) == (True, "mine", False, 1)
    assert mine["due"] is not None and exported["highlights"][1]["due"] is None


def test_the_markdown_export_carries_your_stars_and_notes(capsys: pytest.CaptureFixture[str]) -> None:
    document = next(document for document in load_library(SAMPLES).documents if document.title == "Frankenstein")
    first = document.highlights[0]
    store = ReviewStore()
    store.set_favorite(highlight_id(document, first), True)
    store.set_note(highlight_id(document, first), "read again\nin autumn")
    store.close()
    assert main(["export", str(SAMPLES), "--format", "markdown"]) == 0
    chapter = capsys.readouterr().out.split("# Frankenstein\n")[1].split("\n# ")[0]
    card = chapter.split(first.text.splitlines()[0])[1].split("\n- ")[0]
    assert "favorite" in card.split("    - Tags: ")[1].splitlines()[0]
    assert "    - Your note: read again\n      in autumn" in card
