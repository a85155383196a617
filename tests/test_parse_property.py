"""Random and mutated export text never makes the parser raise."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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
