"""The parser against real exports from public vaults (../shared/corpus)."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import REAL_CORPUS, SEED_FILE, needs_shared, original_paths
from real_expectations import REAL_EXPECTATIONS, SEED_EXPECTATION, SKIPPED_FILES

from hltui.model import Document
from hltui.parsing.parse import parse_bytes

pytestmark = needs_shared


def parse_real(name: str) -> list[Document]:
    result = parse_bytes((REAL_CORPUS / name).read_bytes(), original_paths()[name])
    return list(result.documents)


def test_enough_files_are_checked_by_hand() -> None:
    assert len(REAL_EXPECTATIONS) >= 30


@pytest.mark.parametrize("name", sorted(REAL_EXPECTATIONS))
def test_real_file_matches_what_a_reader_sees(name: str) -> None:
    expected: dict[str, Any] = REAL_EXPECTATIONS[name]
    [document] = parse_real(name)
    highlights = document.highlights
    actual: dict[str, Any] = {
        "title": document.title,
        "author": document.author,
        "category": document.category,
        "url": document.url,
        "tags": list(document.tags),
        "highlights": len(highlights),
        "notes": document.note_count,
        "first_location": highlights[0].location if highlights else None,
        "sections": list(dict.fromkeys(h.section for h in highlights if h.section)),
    }
    for key, value in expected.items():
        if key == "first_highlight_starts":
            assert highlights[0].text.startswith(value), name
        else:
            assert actual[key] == value, f"{name}: {key}"


def test_every_real_file_loads_without_an_exception() -> None:
    paths = original_paths()
    for file in sorted(REAL_CORPUS.glob("*.md")):
        result = parse_bytes(file.read_bytes(), paths.get(file.name, file.name))
        assert result.documents or result.skipped, file.name
        assert not any("could not be parsed" in skipped.reason for skipped in result.skipped), file.name


@pytest.mark.parametrize("name", SKIPPED_FILES)
def test_sync_logs_and_full_documents_are_skipped(name: str) -> None:
    result = parse_bytes((REAL_CORPUS / name).read_bytes(), original_paths()[name])
    assert result.documents == ()
    [skipped] = result.skipped
    assert skipped.reason


def test_seed_file_is_one_document() -> None:
    expected = SEED_EXPECTATION
    result = parse_bytes(SEED_FILE.read_bytes(), SEED_FILE.name)
    [document] = result.documents
    assert document.title == expected["title"]
    assert document.author == expected["author"]
    assert document.category == expected["category"]
    assert document.url == expected["url"]
    assert list(document.tags) == expected["tags"]
    assert document.summary is not None and document.summary.startswith(expected["summary_starts"])
    assert not document.summary.endswith("\n")
    [highlight] = document.highlights
    assert highlight.url == expected["highlight_url"]
    assert highlight.text.startswith("Tapping into their considerable physical retail presence")
    assert result.problems == ()


def test_chapter_headings_become_sections_not_the_end_of_the_list() -> None:
    [document] = parse_real("ammarhusain__12 Rules for Life by Jordan Peterson.md")
    sections = [h.section for h in document.highlights]
    assert sections[0] == "Rule 1: Fix Your Posture - Others Will Treat You with More Respect"
    assert sections[-1] is not None and sections[-1].startswith("Rule 12")
    assert not any(section and section.startswith("Rule 2:") for section in sections)  # an empty chapter


def test_logseq_tags_and_notes_are_attached_to_their_highlight() -> None:
    [document] = parse_real("ferparra-logseq__The Story of Philosophy (highlights).md")
    spinoza = [h for h in document.highlights if "substance" in h.tags]
    assert spinoza and "@spinoza" in spinoza[0].tags
    assert all("**Tags**" not in h.text and "**Note**" not in h.text for h in document.highlights)


def test_continuation_lines_are_joined_without_indentation() -> None:
    [document] = parse_real("armitd__Tweets from Robin Delta.md")
    text = document.highlights[0].text
    assert "\n1. Problem-solving insights\n" in text
    assert "[PROJECT]" in text


def test_favorite_highlight_tag_is_read() -> None:
    [document] = parse_real("flowershow__巨人的工具.md")
    assert document.is_favorite


def test_invalid_yaml_is_a_problem_with_its_line() -> None:
    name = "hantianjz__30005318-How-to-Do-Great-Work-readwise-hl.md"
    result = parse_bytes((REAL_CORPUS / name).read_bytes(), name)
    [problem] = result.problems
    assert problem.line == 4
    assert "front matter" in problem.message
