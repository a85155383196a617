"""The parser's cheap literal tests decide only what their patterns would: cases at each edge."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from hltui.display import strip_control
from hltui.model import identity
from hltui.parsing.highlight_text import note_line, tag_line
from hltui.parsing.parse import parse_text


def _identity_by_decomposition(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if char.isalnum())


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_identity_of_ascii_text_is_the_decomposed_identity(text: str) -> None:
    assert identity(text) == _identity_by_decomposition(text)


def test_identity_of_other_text_still_decomposes() -> None:
    assert identity("Ｆｕｌｌ Ｄｏｃｕｍｅｎｔ") == "fulldocument"
    assert identity("Café Straße") == "cafestrasse"


def test_a_sync_log_in_any_case_is_skipped() -> None:
    text = "\n".join(["ſynced 3 highlights from 2 books", "SyNcEd 1,204 HIGHLIGHTS from 7 sources", "other"])
    result = parse_text(text, "log.md")
    assert [skipped.reason for skipped in result.skipped] == ["Readwise sync log, not a document"]


def test_a_label_after_long_indentation_is_a_label() -> None:
    assert note_line(" " * 100 + "Note: kept") == "kept"
    assert tag_line("**Tags**   : [[a]]") == ["a"]


def test_a_colon_after_more_than_a_label_is_no_label() -> None:
    assert note_line("A sentence that runs well past forty-five characters: note") is None
    assert tag_line("See https://example.com/tags: [[a]]") is None


def test_a_line_longer_than_the_searched_tail_keeps_its_location() -> None:
    line = "- " + "word " * 1000 + "([Location 12](https://readwise.io/to_kindle?location=12))"
    document = parse_text(f"# Book\n\n## Highlights\n\n{line}\n", "Book.md").documents[0]
    assert document.highlights[0].location == "Location 12"
    assert document.highlights[0].text == ("word " * 1000).strip()


def test_strip_control_on_multi_line_text() -> None:
    assert strip_control("two\nlines\tkept") == "two\nlines\tkept"
    assert strip_control("two\nlines\x1b[31m red\x07") == "two\nlines red"
