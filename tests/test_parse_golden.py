"""Every export shape in tests/fixtures/shapes parses to the result written beside it (`X.md` -> `X.json`).

The JSON files are the parser's specification for these shapes. To accept a deliberate change, or to
write the file of a new shape, run `HLTUI_UPDATE_GOLDEN=1 python -m pytest tests/test_parse_golden.py`
and read the difference before committing it.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Sequence
from pathlib import Path

import pytest
from shape_fixtures import SHAPES

from hltui.parsing.parse import parse_bytes

UPDATE_VARIABLE = "HLTUI_UPDATE_GOLDEN"
FIXTURES = sorted(path for path in SHAPES.glob("*.md") if path.name != "README.md")


def described(value: object) -> object:
    """A JSON-able picture of a parse result: every field of every dataclass, in order; tuples as lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: described(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if value is None or isinstance(value, str | int | float):
        return value
    if isinstance(value, Sequence):
        return [described(item) for item in value]
    raise TypeError(f"no JSON picture for a {type(value).__name__}")


def as_json(expected: object) -> str:
    """Indented JSON that shows text as written, but escapes what a reader could not see (NBSP, controls)."""
    dumped = json.dumps(expected, ensure_ascii=False, indent=2)
    return "".join(char if char.isprintable() or char == "\n" else json.dumps(char)[1:-1] for char in dumped) + "\n"


@pytest.mark.parametrize("fixture", FIXTURES, ids=[path.stem for path in FIXTURES])
def test_a_shape_parses_to_its_expected_json(fixture: Path) -> None:
    expected_file = fixture.with_suffix(".json")
    expected = json.loads(expected_file.read_text(encoding="utf-8")) if expected_file.exists() else {}
    # The path the file is parsed as: Logseq pages and titles taken from file names depend on it.
    parsed_as = expected.get("parsed_as", fixture.name)
    actual = {"parsed_as": parsed_as, "result": described(parse_bytes(fixture.read_bytes(), parsed_as))}
    if os.environ.get(UPDATE_VARIABLE) == "1":
        expected_file.write_text(as_json(actual), encoding="utf-8")
        return
    assert "result" in expected, f"{expected_file.name} holds no expectation: run with {UPDATE_VARIABLE}=1"
    assert as_json(actual) == as_json(expected)  # compared as text, a failure shows the lines that differ


def test_every_expectation_has_its_fixture() -> None:
    orphans = [path.name for path in SHAPES.glob("*.json") if not path.with_suffix(".md").exists()]
    assert orphans == []
