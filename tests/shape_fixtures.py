"""Reading the fixtures in tests/fixtures/shapes, shared by the shape test modules."""

from __future__ import annotations

from pathlib import Path

from hltui.model import Document, ParseResult
from hltui.parsing.parse import parse_bytes

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
