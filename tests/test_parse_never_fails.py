"""The parser is total: whatever the text, it returns documents, skips or problems; it never raises or hangs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from shape_fixtures import parse_in_time

from hltui.parsing.parse import parse_bytes, parse_text

FRAGMENTS = [
    "---\n",
    "title: x: y\n",
    "tags: #a\n",
    "# Title\n",
    "## Metadata\n",
    "- Author: [[A]]\n",
    "## Highlights\n",
    "- text ([Location\u00a01](https://r/1))\n",
    "  more\n",
    "    - Note: n\n",
    "    - Tags: [[t]]\n",
    "\t- child\n",
    "- Highlights first synced by [[Readwise]] [[d]]\n",
    "##### ^123\n",
    "###### ^123q\n",
    "^123\n",
    "```\n",
    "title:: T (highlights)\n",
    ">Title:: X\r\n",
    "\r",
    "\ufeff",
    "[[",
    "]]",
    "- \n",
    "### Chapter\n",
    "Goto: u\n",
    "## Full Document\n",
    "  > Author:: x\n",
    "&a [1]\n",
    "Synced 3 highlights from 1 document.\n",
    "{",
    "- -\n",
    "\x00",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=20), max_size=40))
def test_mutated_exports_never_raise(pieces: list[str]) -> None:
    result = parse_text("".join(pieces), "fuzz.md")
    # The parser turns an internal error into a skip; the property is that none happens.
    assert not any("could not be parsed" in skipped.reason for skipped in result.skipped)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_never_raise(data: bytes) -> None:
    result = parse_bytes(data, "fuzz.md")
    assert not any("could not be parsed" in skipped.reason for skipped in result.skipped)
    assert result.documents or result.skipped


def test_a_yaml_list_that_holds_itself_ends() -> None:
    result = parse_in_time("---\ntags: &a [*a]\n---\n## Highlights\n- A highlight\n")
    [document] = result.documents
    assert [highlight.text for highlight in document.highlights] == ["A highlight"]


def test_continuation_lines_then_a_list_in_front_matter_still_read() -> None:
    """Valid YAML (`title: a b - c`) whose line-by-line reading turned a value into a list midway."""
    result = parse_in_time("---\ntitle: a\n  b\n  - c\n---\n## Highlights\n- A highlight\n")
    assert not result.skipped
    assert result.documents[0].title == "a b - c"


def test_a_huge_hexadecimal_number_is_kept_as_text_for_its_key() -> None:
    result = parse_in_time(f"---\ntitle: T\nauthor: 0x{'f' * 3_700}\n---\n## Highlights\n- A highlight\n")
    assert not result.skipped
    assert [problem.message.split(";")[0] for problem in result.problems] == [
        "front matter `author` is a number of 3702 digits"
    ]


def test_a_bracket_in_a_highlight_url_is_not_a_skipped_file() -> None:
    result = parse_in_time("## Highlights\n- A highlight ([View Highlight](https://[readwise.io/to_kindle?x=1))\n")
    assert not result.skipped
    assert result.documents[0].highlights[0].text == "A highlight"
