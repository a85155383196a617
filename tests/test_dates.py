"""Dates: the spellings exports use, where they are written, and what the library does with them."""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from conftest import REAL_CORPUS, SEED_FILE, needs_shared, original_paths

from hltui.export import document_as_markdown, library_as_json
from hltui.library import load_library
from hltui.library.cache import ParseCache
from hltui.library.cache_rows import FileKey, highlight_rows, outline_of, result_in_memory
from hltui.library.groups import sort_documents
from hltui.model import Document, Highlight, StoredHighlights
from hltui.parsing.dates import header_date, iso_date
from hltui.parsing.merge import merge_documents
from hltui.parsing.parse import parse_bytes, parse_text

SPELLINGS = [
    # Obsidian section headings, Logseq and Roam page links
    ("December 14, 2022 at 9:18 PM", "2022-12-14T21:18"),
    ("Dec 14, 2022", "2022-12-14"),
    ("December 10th, 2023", "2023-12-10"),
    ("[[December 10th, 2023]]", "2023-12-10"),
    ("[[Nov 19th, 2022]]", "2022-11-19"),
    ("Sept 3, 2021", "2021-09-03"),
    ("[[October 17th, 2021, Sunday]]", "2021-10-17"),
    ("November 15th, 2021 7:19 AM", "2021-11-15T07:19"),
    ("Jan 1, 2023 at 12:05 AM", "2023-01-01T00:05"),
    ("Jan 1, 2023 at 12:05 PM", "2023-01-01T12:05"),
    # ISO, with a time, seconds, a zone, a fraction, a weekday
    ("2023-12-10", "2023-12-10"),
    ("2023-12-10 14:03", "2023-12-10T14:03"),
    ("2023-12-10T14:03:00Z", "2023-12-10T14:03"),
    ("2023-12-10T14:03:00+02:00", "2023-12-10T14:03"),
    ("2025-04-26T16:25:03-06:00", "2025-04-26T16:25"),
    ("2024-01-03 16:27:09.660981+00:00", "2024-01-03T16:27"),
    ("[[2023-01-06-Friday]]", "2023-01-06"),
    ("[[2024-07-11]] 20:14", "2024-07-11T20:14"),
    ("*2021-09-04*", "2021-09-04"),
    ("#[[2024-04-07]]", "2024-04-07"),
    ("2023\\-06\\-16", "2023-06-16"),
    # Kindle, in the US and elsewhere
    ("Added on Sunday, December 4, 2022 10:26:21 PM", "2022-12-04T22:26"),
    ("Your Highlight on Location 180-181 | Added on Sunday, December 4, 2022 10:26:21 PM", "2022-12-04T22:26"),
    ("Sunday, 4 December 2022 22:26:21", "2022-12-04T22:26"),
    # numbers: month first unless the numbers or the weekday say otherwise
    ("05/01/2021 08:00 AM", "2021-05-01T08:00"),
    ("Monday, 31-10-2022", "2022-10-31"),
    ("Friday, 04-11-2022", "2022-11-04"),
]
UNREADABLE = ["", "Invalid date", "unknown", "2022", "9:18 PM", "Feb 30, 2023", "13/13/2023", "the day I read it"]
UNREADABLE += ["December 14, 2022 at 13:18 PM", "Dec 14, 2022 and some more words after it", "x" * 500]


@pytest.mark.parametrize(("spelling", "expected"), SPELLINGS)
def test_each_spelling_becomes_an_iso_string(spelling: str, expected: str) -> None:
    assert iso_date(spelling) == expected


@pytest.mark.parametrize("spelling", UNREADABLE)
def test_what_is_not_a_date_gives_none(spelling: str) -> None:
    assert iso_date(spelling) is None


def test_yaml_values_become_iso_strings() -> None:
    assert iso_date(date(2023, 1, 2)) == "2023-01-02"
    aware = datetime(2024, 1, 3, 16, 27, 9, 660981, tzinfo=timezone(timedelta(hours=2)))
    assert iso_date(aware) == "2024-01-03T16:27"  # the time as written, offset dropped
    assert iso_date([["2023-12-10"]]) == "2023-12-10"  # `date: [[2023-12-10]]` unquoted
    assert [iso_date(value) for value in (None, True, 2022, 3.5, {"a": 1})] == [None] * 5


def test_header_dates() -> None:
    assert header_date("## New highlights added December 14, 2022 at 9:18 PM") == "2022-12-14T21:18"
    assert header_date("- New highlights added [[December 12th, 2023]] at 3:45 PM") == "2023-12-12T15:45"
    assert header_date("- Highlights first synced by [[Readwise]] [[December 10th, 2023]]") == "2023-12-10"
    assert header_date("## Highlights first synced by #Readwise [[December 10th, 2020]]") == "2020-12-10"
    assert header_date("- [[Readwise]] [[2023-02-09]]") == "2023-02-09"
    assert header_date("## Highlights added July 1, 2024 at 9:00 AM") == "2024-07-01T09:00"
    assert [header_date(text) for text in ("## Highlights", "### New highlights synced")] == [None, None]


def only(text: str, path: str = "Readwise/Books/x.md") -> Document:
    result = parse_text(text, path)
    assert len(result.documents) == 1, result
    return result.documents[0]


def added(document: Document) -> list[str | None]:
    return [highlight.added for highlight in document.highlights]


OBSIDIAN = (
    "# A Book\n\n## Metadata\n- Author: [[Jane Doe]]\n- Category: #books\n\n## Highlights\n"
    "- First. (Location\u00a01)\n"
    "## New highlights added December 14, 2022 at 9:18 PM\n- Second. (Location\u00a02)\n"
    "    - Note: dated by its section\n- Third. (Location\u00a03)\n    - Date: 2023-01-05\n"
    "\n## New highlights added December 22, 2022 at 9:24 PM\n\n- Fourth. (Location\u00a04)\n"
)


def test_a_sync_section_dates_its_highlights_and_is_no_section() -> None:
    document = only(OBSIDIAN)
    assert added(document) == [None, "2022-12-14T21:18", "2023-01-05", "2022-12-22T21:24"]
    assert [highlight.section for highlight in document.highlights] == [None] * 4
    assert document.highlights[1].note == "dated by its section"
    assert document.highlights[2].note is None  # the date is no note
    assert document.updated == "2023-01-05"


def test_logseq_sync_blocks_and_date_children() -> None:
    document = only(
        "title:: A Book (highlights)\nauthor:: [[Jane Doe]]\n\n"
        "- Highlights first synced by [[Readwise]] [[Dec 10th, 2023]]\n\t- First.\n"
        "\t\t- **Date**: [[Jan 2nd, 2024]]\n\t- Second.\n"
        "- New highlights added [[December 12th, 2023]] at 3:45 PM\n\t- Third.\n\t\t- Date:: [[2024-02-03]]\n"
        "\t- Fourth.\n\t\t- **Tags**: #[[t]]\n"
    )
    assert added(document) == ["2024-01-02", "2023-12-10", "2024-02-03", "2023-12-12T15:45"]
    assert document.highlights[3].tags == ("t",)
    assert document.updated == "2024-02-03"


def test_a_nested_sync_block_dates_what_follows_it() -> None:
    document = only(
        "- Author:: [[Jane Doe]]\n- ### Highlights first synced by #Readwise [[October 19th, 2023]]\n"
        "    - First.\n    - ### New highlights added [[October 20th, 2023]] at 11:39 AM\n"
        "        - Second.\n",
        "pages/x.md",
    )
    assert added(document) == ["2023-10-19", "2023-10-20T11:39"]
    assert [highlight.section for highlight in document.highlights] == [None, None]


def test_an_updated_label_counts_only_without_an_added_one() -> None:
    document = only(
        "# B\n## Highlights\n- One.\n    - Updated: 2023-02-01\n    - Highlighted: 2023-01-01\n"
        "- Two.\n    - Updated: 2023-02-01\n- Three.\n    - Date: not a date\n"
    )
    assert added(document) == ["2023-01-01", "2023-02-01", None]
    assert document.highlights[2].note is None  # an unreadable date stays out of the note, as before


def test_inline_dates_on_the_highlight_line() -> None:
    document = only(
        "# B\n## Highlights\n"
        "- One. (Highlighted: December 4, 2022) ([Location\u00a07](https://readwise.io/to_kindle?location=7))\n"
        "- Two. ([Location\u00a08](https://readwise.io/to_kindle?location=8))"
        " (Added on Sunday, December 4, 2022 10:26:21 PM)\n"
        "- Three. ([View Highlight](https://read.readwise.io/read/01abc)) #Highlight #[[2024-04-07]]\n"
        "- Four (Date of birth unknown).\n"
    )
    texts = [highlight.text for highlight in document.highlights]
    assert texts == ["One.", "Two.", "Three.", "Four (Date of birth unknown)."]
    assert [highlight.location for highlight in document.highlights][:2] == ["Location 7", "Location 8"]
    assert added(document) == ["2022-12-04", "2022-12-04T22:26", "2024-04-07", None]


def test_dates_in_paragraph_id_heading_and_property_layouts() -> None:
    paragraphs = only("# B\n## Highlights\n> First. ^rw1\n\nDate: 2021-05-26\n\n> Second. ^rw2\n")
    assert added(paragraphs) == ["2021-05-26", None]
    headings = only("# B\n## Highlights\n### id820180151\n[[2024-07-11]] 20:14\n> A quote.\n")
    assert added(headings) == ["2024-07-11T20:14"]
    logseq = only("title:: B\n\n- Highlights\n\t- A block.\n\t  id:: 6371a2b0-1234\n\t  date:: [[Dec 4th, 2022]]\n")
    assert [(highlight.text, highlight.added) for highlight in logseq.highlights] == [("A block.", "2022-12-04")]


def test_a_file_per_highlight_dates_it_from_its_front_matter() -> None:
    document = only(
        "---\nhighlight_id: 9\ntitle: T\nauthor: A\nhighlighted_at: 2024-05-01T09:30:00Z\n---\nThe text.\n", "h/9.md"
    )
    assert (added(document), document.updated) == (["2024-05-01T09:30"], "2024-05-01T09:30")


def test_document_dates_from_front_matter_and_metadata() -> None:
    stale = "---\nlast_highlighted_date: 2024-01-03 16:27:09+00:00\ndate: 2024-12-29\n---\n# T\n## Highlights\n- A\n"
    assert only(stale).updated == "2024-01-03T16:27"  # `date` is the export's day: only a fallback
    appended = stale + "## New highlights added March 9, 2024 at 8:06 PM\n- B\n"
    assert only(appended).updated == "2024-03-09T20:06"  # sections appended after the front matter was written
    assert only("---\ndate created: 2023-12-11\ndate modified: 2024-01-04\n---\n# T\n- A\n").updated == "2024-01-04"
    assert only("---\ncreated: 2022-03-17\ntitle: T\n---\n# Highlights\n- A\n").updated == "2022-03-17"
    assert only("# T\n### Metadata\nDate Highlighted: [[2023-01-06-Friday]]\n## Highlights\n- A\n").updated == (
        "2023-01-06"
    )
    callout = ">[!note]- Readwise Information\n>Last-Highlighted-Date:: [[2024-02-08]]\n\n# T\n## Highlights\n- A\n"
    assert only(callout).updated == "2024-02-08"
    kindle = "---\nkindle-sync:\n  title: T\n  lastAnnotatedDate: 2021-05-26\n---\n## Highlights\n- A ^ref-1\n"
    assert only(kindle).updated == "2021-05-26"
    assert only("# T\n## Highlights\n- A\n").updated is None


def test_a_date_label_that_holds_no_date_stays_what_it_was() -> None:
    document = only("---\ntitle: T\n---\n- Date: the fruit of the palm, eaten in the desert\n- Another highlight\n")
    assert [highlight.text for highlight in document.highlights] == [
        "Date: the fruit of the palm, eaten in the desert",
        "Another highlight",
    ]
    assert document.updated is None


def test_readwisesync_dates() -> None:
    document = only(
        "Notes for T\n\n## Source:\nAuthor: A\nUpdated: 04/02/2020 09:15 AM\n -----\n ## Highlights:\n\n"
        "### One\n>One. ^rw1hl\n\nHighlighted: 03/20/2020 08:01 PM\nUpdated: 03/21/2020 10:00 AM\n\n------\n\n"
        "### Two\n>Two. ^rw2hl\n\nHighlighted: unknown\nUpdated: 05/01/2021 08:00 AM\n\n------\n"
    )
    assert added(document) == ["2020-03-20T20:01", "2021-05-01T08:00"]
    assert document.updated == "2021-05-01T08:00"


def test_merged_copies_keep_the_latest_update_and_every_date() -> None:
    first = Document("T", "a.md", url="https://x.org/a", updated="2023-01-01", highlights=(Highlight("A"),))
    second = Document("T", "b.md", url="https://x.org/a", updated="2023-05-01T08:00")
    third = Document("T", "c.md", url="https://x.org/a", highlights=(Highlight("A", added="2022-12-31"),))
    [merged] = merge_documents([first, second, third])
    assert merged.updated == "2023-05-01T08:00"
    assert merged.highlights == (Highlight("A", added="2022-12-31"),)


# The real exports: values read off the files by hand.


def parse_real(name: str) -> Document:
    [document] = parse_bytes((REAL_CORPUS / name).read_bytes(), original_paths()[name]).documents
    return document


@needs_shared
def test_real_obsidian_sections() -> None:
    passages = parse_real("third-brain__Passages Saved From Android.md")
    assert added(passages) == ["2022-12-14T21:18"] * 5 + ["2022-12-22T21:24"] * 8
    assert passages.updated == "2022-12-22T21:24"
    delitto = parse_real("jaspitta__Delitto E Castigo.md")
    assert added(delitto) == [None] + ["2023-11-28T19:38"] * 4 + ["2024-02-13T18:50"] * 8
    assert delitto.updated == "2024-02-13T18:50"


@needs_shared
def test_real_logseq_sync_blocks_and_date_children() -> None:
    philosophy = parse_real("ferparra-logseq__The Story of Philosophy (highlights).md")
    assert added(philosophy)[:6] == ["2023-01-17", "2023-01-17T20:45", *["2023-02-05T10:16"] * 4]
    assert philosophy.updated == "2023-02-18T11:00"
    assert all(highlight.section is None for highlight in philosophy.highlights)
    linkerd = parse_real("stillfox__pages_Linkerd｜服务网格2022回顾：项目采用率翻倍，对eBPF、Gateway API等的了解.md")
    assert added(linkerd) == [None, None, "2023-01-10", "2023-01-10", "2023-01-10", None]
    assert parse_real("luseshiwu__Tweets From 小众软件 (highlights).md").updated == "2020-12-10"


@needs_shared
def test_real_document_fields() -> None:
    assert parse_real("joeyscave__4天41万浏览，一篇非典型小红书笔记的拆解.md").updated == "2024-01-04"
    assert parse_real("claudesidian__10% Happier by Dan Harris Highlights.md").updated == "2020-06-29"
    assert parse_real("paulthompson__Flexbox In CSS (Estelle Weyl).md").updated == "2021-11-15T07:19"
    assert parse_real("aaronbopp__books - The Dawn of Everything.md").updated == "2022-03-17"
    assert parse_real("hantianjz__30005318-How-to-Do-Great-Work-readwise-hl.md").updated == "2023-07-01"
    assert parse_real("flowershow__Atomic Habits.md").updated is None
    [seed] = parse_bytes(SEED_FILE.read_bytes(), "seed.md").documents  # exported twice: one document
    assert (seed.updated, added(seed)) == ("2024-01-03T16:27", [None])


# The library: cache, export and order.


def dated_folder(root: Path) -> Path:
    (root / "shelf").mkdir(parents=True)
    (root / "old.md").write_text(OBSIDIAN, encoding="utf-8")
    (root / "shelf" / "copy.md").write_text(  # the same book (title and author): merged with old.md
        "# A Book\n## Metadata\n- Author: [[Jane Doe]]\n- Last Highlighted: 2024-06-01\n## Highlights\n- Fifth.\n",
        encoding="utf-8",
    )
    (root / "plain.md").write_text("# Plain\n## Metadata\n- Author: X\n## Highlights\n- Undated.\n", encoding="utf-8")
    return root


def dates_of(documents: tuple[Document, ...]) -> list[tuple[str, str | None, list[str | None]]]:
    return [(document.title, document.updated, added(document)) for document in documents]


def test_a_warm_cache_gives_the_dates_of_a_fresh_parse(tmp_path: Path) -> None:
    root = dated_folder(tmp_path / "library")
    fresh = dates_of(load_library(root).documents)
    assert fresh[0] == ("A Book", "2024-06-01", [None, "2022-12-14T21:18", "2023-01-05", "2022-12-22T21:24", None])
    for _ in range(3):  # cold, warm, warm with the merge outcome known
        cache = ParseCache(root)
        library = load_library(root, cache=cache)
        assert dates_of(library.documents) == fresh
        cache.close()
    assert isinstance(library.documents[1].highlights, StoredHighlights)


def test_cache_rows_kept_in_memory_keep_the_dates() -> None:
    result = parse_text(OBSIDIAN, "x.md")
    key = FileKey(1, 2)
    assert result_in_memory(outline_of(result), list(highlight_rows("x.md", key, result))) == result


def test_json_export_writes_iso_dates_or_null(tmp_path: Path) -> None:
    payload = json.loads(library_as_json(load_library(dated_folder(tmp_path / "library"))))
    book, plain = payload["documents"]
    assert (book["updated"], plain["updated"]) == ("2024-06-01", None)
    assert [highlight["added"] for highlight in book["highlights"]][:2] == [None, "2022-12-14T21:18"]


def test_markdown_export_writes_dates_the_parser_reads_back() -> None:
    document = only(OBSIDIAN)
    markdown = document_as_markdown(document)
    assert "- Updated: 2023-01-05\n" in markdown and "    - Added: 2022-12-14 21:18\n" in markdown
    again = only(markdown)
    assert (again.updated, added(again)) == (document.updated, added(document))


def test_recent_goes_by_the_exports_dates_then_by_file_time() -> None:
    def book(title: str, updated: str | None) -> Document:
        return Document(title, f"{title}.md", updated=updated)

    documents = [
        book("day only", "2023-12-10"),
        book("no date, new file", None),
        book("later that day", "2023-12-10T09:00"),
        book("no date, old file", None),
        book("next year", "2024-01-02"),
        book("year before", "2022-12-31T23:59"),
    ]
    modified = {"no date, new file.md": 300.0, "no date, old file.md": 100.0, "next year.md": 1.0}
    ordered = [document.title for document in sort_documents(documents, "recent", modified)]
    assert ordered == [
        "next year",
        "later that day",
        "day only",
        "year before",
        "no date, new file",
        "no date, old file",
    ]


def test_recent_without_any_date_still_goes_by_file_time(tmp_path: Path) -> None:
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text(f"# {name}\n## Metadata\n- Author: X\n## Highlights\n- x\n", encoding="utf-8")
    os.utime(tmp_path / "a.md", (1_000_000, 1_000_000))
    library = load_library(tmp_path)
    assert [document.title for document in sort_documents(library.documents, "recent", library.modified)] == [
        "b.md",
        "a.md",
    ]
