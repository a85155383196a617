"""The parse cache's rows: every field of the model has a column and comes back from it unchanged.

The values and the fields compared are read from `dataclasses.fields`, so a field added to the
model is covered here without touching this file, and one the cache cannot keep fails here.
"""

from __future__ import annotations

import dataclasses
import inspect
import marshal
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hltui.library import cache as cache_module
from hltui.library.cache import ParseCache, parser_version
from hltui.library.cache_rows import (
    DOCUMENT_LAYOUT,
    HIGHLIGHT_LAYOUT,
    PROBLEM_LAYOUT,
    SKIPPED_LAYOUT,
    STORED_AS_IS,
    DocumentLayout,
    FileKey,
    RowLayout,
    cache_rows,
    result_in_memory,
)
from hltui.model import FAVORITE_TAG, Document, Highlight, HighlightDigest, ParseResult, Problem, Skipped, document_key

KEY = FileKey(size=123, mtime_ns=456)
FLAT_LAYOUTS: list[tuple[RowLayout[Any], type[Any]]] = [
    (HIGHLIGHT_LAYOUT, Highlight),
    (SKIPPED_LAYOUT, Skipped),
    (PROBLEM_LAYOUT, Problem),
]


def distinct_value(owner: type[Any], field: dataclasses.Field[Any], number: int) -> object:
    """A value for the field unlike its default and unlike any other field's value."""
    label = f"{owner.__name__}.{field.name} {number}"
    annotation = str(field.type)
    if annotation in ("str", "str | None"):
        return label
    if annotation == "tuple[str, ...]":
        return (f"{label} first", f"{label} second")
    if annotation in ("int", "int | None"):
        return 1000 * number + len(field.name)
    if annotation == "bool":
        return not field.default
    if annotation == "Sequence[Highlight]":
        favorite = every_field_set(Highlight, number + 1)
        return (every_field_set(Highlight, number), dataclasses.replace(favorite, tags=(FAVORITE_TAG,)))
    raise AssertionError(f"{owner.__name__}.{field.name} is typed {annotation}: teach the cache's layout to keep it")


def every_field_set(kind: type[Any], number: int) -> Any:
    """An instance of the dataclass with every field set to a distinct value that is not its default."""
    values = {field.name: distinct_value(kind, field, number) for field in dataclasses.fields(kind)}
    for field in dataclasses.fields(kind):
        assert values[field.name] != field.default, f"{kind.__name__}.{field.name} was left at its default"
    return kind(**values)


def assert_same_fields(found: object, expected: object) -> None:
    """Equal field by field, each value of the same type (a tuple must not come back a list)."""
    for field in dataclasses.fields(type(expected)):  # type: ignore[arg-type]
        got, wanted = getattr(found, field.name), getattr(expected, field.name)
        if field.name == "highlights":
            assert len(got) == len(wanted), "highlights"
            for got_highlight, wanted_highlight in zip(got, wanted, strict=True):
                assert_same_fields(got_highlight, wanted_highlight)
            continue
        assert got == wanted, field.name
        assert type(got) is type(wanted), field.name


def parse_result() -> ParseResult:
    documents = (every_field_set(Document, 1), every_field_set(Document, 10))
    return ParseResult(documents, (every_field_set(Skipped, 1),), (every_field_set(Problem, 1),))


def back_in_memory(result: ParseResult, _folder: Path) -> ParseResult:
    """Through the rows as they are kept when the database cannot be written (marshalled, as stored)."""
    _, _, outline, rows, _ = cache_rows("shelf/book.md", KEY, result)
    return result_in_memory(marshal.loads(marshal.dumps(outline)), rows)


def back_from_the_database(result: ParseResult, tmp_path: Path) -> ParseResult:
    """Through the SQLite database, read by a new cache; highlights are fetched (the cache reopens) when read."""
    writer = ParseCache(tmp_path / "library", tmp_path / "cache")
    writer.store([("shelf/book.md", KEY, result)])
    writer.close()
    reader = ParseCache(tmp_path / "library", tmp_path / "cache")
    try:
        return reader.load_files()["shelf/book.md"].result
    finally:
        reader.close()


@pytest.mark.parametrize("way_back", [back_in_memory, back_from_the_database])
def test_every_field_of_a_parse_result_comes_back_from_the_cache(
    way_back: Callable[[ParseResult, Path], ParseResult], tmp_path: Path
) -> None:
    result = parse_result()
    found = way_back(result, tmp_path)
    assert len(found.documents) == len(result.documents)
    for found_document, document in zip(found.documents, result.documents, strict=True):
        assert_same_fields(found_document, document)
        assert found_document.digest == HighlightDigest.of(document.highlights)
    for found_item, item in zip((*found.skipped, *found.problems), (*result.skipped, *result.problems), strict=True):
        assert_same_fields(found_item, item)


def test_a_document_row_keeps_the_count_digest_and_merge_key_of_its_highlights() -> None:
    document = every_field_set(Document, 1)
    row = marshal.loads(marshal.dumps(DOCUMENT_LAYOUT.row(document)))
    DOCUMENT_LAYOUT.check(row)
    assert DOCUMENT_LAYOUT.highlight_count(row) == len(document.highlights) == 2
    assert DOCUMENT_LAYOUT.digest(row) == HighlightDigest.of(document.highlights)
    assert DOCUMENT_LAYOUT.digest(row).has_favorite
    assert DOCUMENT_LAYOUT.merge_key(row) == document_key(document)
    named = DOCUMENT_LAYOUT.named(row)
    for field in dataclasses.fields(Document):
        if field.name != "highlights":
            assert named[field.name] == getattr(document, field.name)


def test_a_row_of_another_shape_is_refused() -> None:
    row = DOCUMENT_LAYOUT.row(every_field_set(Document, 1))
    for broken in (row[:-1], (*row, "one more"), (None, *row[1:])):
        with pytest.raises(TypeError):
            DOCUMENT_LAYOUT.check(broken)


def test_the_document_layout_has_columns_for_every_field_of_document() -> None:
    columns = DOCUMENT_LAYOUT.columns
    for field in dataclasses.fields(Document):
        kept_in = DOCUMENT_LAYOUT.field_columns.get(field.name, ())
        assert kept_in, f"Document.{field.name} has no column in the parse cache"
        assert set(kept_in) <= set(columns), field.name
        if kept_in == (field.name,):
            assert str(field.type) in STORED_AS_IS, f"Document.{field.name} is typed {field.type}"
    stored = [column for kept_in in DOCUMENT_LAYOUT.field_columns.values() for column in kept_in]
    assert sorted([*stored, "merge_key"]) == sorted(columns), "a column kept twice, or for no field"
    for field in dataclasses.fields(HighlightDigest):
        assert f"digest_{field.name}" in DOCUMENT_LAYOUT.field_columns["highlights"]
        assert str(field.type) in STORED_AS_IS, f"HighlightDigest.{field.name} is typed {field.type}"


@pytest.mark.parametrize(("layout", "kind"), FLAT_LAYOUTS, ids=[kind.__name__ for _, kind in FLAT_LAYOUTS])
def test_a_flat_layout_has_a_column_for_every_field_in_order(layout: RowLayout[Any], kind: type[Any]) -> None:
    assert layout.columns == tuple(field.name for field in dataclasses.fields(kind))
    for field in dataclasses.fields(kind):
        assert str(field.type) in STORED_AS_IS, f"{kind.__name__}.{field.name} is typed {field.type}"


def test_tags_given_as_a_list_are_stored_as_the_tuple_they_are_typed_as() -> None:
    highlight = Highlight("text", tags=["one", "two"])  # type: ignore[arg-type]
    document = Document("title", "a.md", tags=["three"], highlights=(highlight,))  # type: ignore[arg-type]
    (row,) = marshal.loads(marshal.dumps(HIGHLIGHT_LAYOUT.rows([highlight])))
    assert HIGHLIGHT_LAYOUT.items([row])[0].tags == ("one", "two")
    assert DOCUMENT_LAYOUT.named(marshal.loads(marshal.dumps(DOCUMENT_LAYOUT.row(document))))["tags"] == ("three",)


@pytest.mark.parametrize("defined_by", [DocumentLayout, Document], ids=["the layout", "the model"])
def test_an_edit_to_the_layout_or_the_model_retires_the_cache(
    defined_by: type[Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = Path(cache_module.__file__).resolve().parent.parent
    copy = tmp_path / "hltui"
    shutil.copytree(package, copy, symlinks=True, ignore=shutil.ignore_patterns("__pycache__"))
    source = copy / Path(inspect.getsourcefile(defined_by) or "").resolve().relative_to(package)
    try:
        with monkeypatch.context() as patch:
            patch.setattr(cache_module, "_PACKAGE", copy)
            parser_version.cache_clear()
            before = parser_version()
            source.write_text(source.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
            parser_version.cache_clear()
            assert parser_version() != before
    finally:
        parser_version.cache_clear()  # the next test digests the real package again
