"""Parsing in tests: the fixtures in tests/fixtures/shapes, and text that must parse in time."""

from __future__ import annotations

import threading
from pathlib import Path

from hltui.model import Document, ParseResult
from hltui.parsing.parse import parse_bytes, parse_text

SHAPES = Path(__file__).resolve().parent / "fixtures" / "shapes"
READER = "https://read.readwise.io/read/"
TO_KINDLE = "https://readwise.io/to_kindle?action=open&asin="  # Readwise's link into a Kindle book
KINDLE_APP = "kindle://book?action=open&asin="  # the Kindle app's own link, as obsidian-kindle-plugin writes it


def parse_fixture(name: str, source_path: str | None = None) -> ParseResult:
    """Parse a fixture as if it were found at `source_path` in a vault (its own name by default)."""
    return parse_bytes((SHAPES / name).read_bytes(), source_path or name)


def only_document(name: str, source_path: str | None = None) -> Document:
    """The one document a fixture holds; the fixture must parse without problems."""
    result = parse_fixture(name, source_path)
    assert result.skipped == (), result.skipped
    assert result.problems == (), result.problems
    assert len(result.documents) == 1, result.documents
    return result.documents[0]


def parse_in_time(text: str) -> ParseResult:
    """Parse in a thread and fail (not hang) when it does not return: a loop is a bug, not slowness."""
    results: list[ParseResult] = []
    worker = threading.Thread(target=lambda: results.append(parse_text(text, "x.md")), daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert results, "the parser did not return"
    return results[0]
