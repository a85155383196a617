"""Inputs a review and a fuzzer found that made the parser skip a file, loop or misread a link."""

from __future__ import annotations

import threading

from hltui.model import ParseResult
from hltui.parsing.parse import parse_text


def parse_in_time(text: str) -> ParseResult:
    """Parse in a thread and fail (not hang) when it does not return: a loop is a bug, not slowness."""
    results: list[ParseResult] = []
    worker = threading.Thread(target=lambda: results.append(parse_text(text, "x.md")), daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert results, "the parser did not return"
    return results[0]


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


def test_a_footnote_number_is_not_a_kindle_location() -> None:
    """Reader exports keep footnotes as `text?[2](…#fn2)`; only `([77](…))` or ` [604](kindle://…)` are locations."""
    result = parse_in_time(
        "## Highlights\n- Is he a winner?[2](private://read/01k/#fn2)\n"
        "- Mind is not matter.[57](#ich04fn57)\n"
        "- Begin the morning. ([77](https://readwise.io/to_kindle?action=open&asin=B1&location=77))\n"
    )
    first, second, third = result.documents[0].highlights
    assert (first.text, first.location, first.url) == ("Is he a winner?[2](private://read/01k/#fn2)", None, None)
    assert (second.text, second.location) == ("Mind is not matter.[57](#ich04fn57)", None)
    assert (third.text, third.location) == ("Begin the morning.", "Location 77")


def test_zotero_callout_colour_and_page_link() -> None:
    """Zotero Integration: `>[!quote|#ffd400]` callouts whose quote ends in `[(p. 2)](zotero://…)`."""
    result = parse_in_time(
        "## Highlights\n>[!quote|#ffd400]\n>A quoted line. [(p. 2)](zotero://open-pdf/library/items/AB?page=2)\n"
    )
    [highlight] = result.documents[0].highlights
    assert (highlight.text, highlight.location) == ("A quoted line.", "Page 2")
    assert highlight.url == "zotero://open-pdf/library/items/AB?page=2"
