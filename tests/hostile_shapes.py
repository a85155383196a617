"""Hostile export shapes, built on the fly: each once made the parser slow (quadratic) or fail.

Shared by `test_hostile.py` and `benchmarks/hostile.py`, which times them against reading the bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

HEADER = "# A Hostile Book\n\n## Metadata\n- Author: [[Nobody]]\n- Category: #books\n\n## Highlights\n"


def long_line_after_id_heading(folder: Path) -> None:
    """(a) A 1 MB `[[111…` line after a `##### ^id` heading (the date-line test was quadratic)."""
    text = f"{HEADER}\n##### ^123456\n\n[[{'1' * 1_000_000}\n\n###### ^123456q\n\nThe highlight.\n\n^123456\n"
    (folder / "long-line.md").write_text(text, encoding="utf-8")


def many_tag_paragraphs(folder: Path) -> None:
    """(b) 8,000 `Tags:` paragraphs after one highlight (tags were deduplicated at every line)."""
    tags = "".join(f"\nTags: #tag{index}\n" for index in range(8_000))
    (folder / "tags.md").write_text(f"{HEADER}- One highlight.\n{tags}", encoding="utf-8")


def many_note_paragraphs(folder: Path) -> None:
    """(c) 8,000 `Note:` paragraphs after one highlight (the note was rebuilt at every line)."""
    notes = "".join(f"\nNote: thought number {index}\n" for index in range(8_000))
    (folder / "notes.md").write_text(f"{HEADER}- One highlight.\n{notes}", encoding="utf-8")


def many_segments_in_one_file(folder: Path) -> None:
    """(d) 16,000 front-matter segments of one document in one file (the merge rebuilt the list)."""
    segment = "---\ntitle: One Book\nauthor: Nobody\n---\n## Highlights\n- Highlight number {index}.\n\n"
    text = "".join(segment.format(index=index) for index in range(16_000))
    (folder / "segments.md").write_text(text, encoding="utf-8")


def many_files_of_one_title(folder: Path) -> None:
    """(e) 16,000 files of the same title, each with its own highlight."""
    for index in range(16_000):
        text = f"---\ntitle: One Book\n---\n## Highlights\n- Highlight number {index}.\n"
        (folder / f"one-book-{index:05}.md").write_text(text, encoding="utf-8")


def one_file_per_highlight(folder: Path) -> None:
    """(f) A one-file-per-highlight export of one book: 8,000 files."""
    for index in range(8_000):
        text = (
            f"---\nhighlight_id: {index}\ntitle: One Book\nauthor: Nobody\nlocation: {index + 1}\n---\n"
            f"Highlight number {index}.\n"
        )
        (folder / f"highlight-{index:05}.md").write_text(text, encoding="utf-8")


def base_sixty_front_matter(folder: Path) -> None:
    """(g) An 880 KB base-60 integer `1:59:59…` in front matter (PyYAML took 15 s on it)."""
    value = "1" + ":59" * 293_000
    text = f"---\ntitle: Sexagesimal\nlength: {value}\n---\n## Highlights\n- Still read.\n"
    (folder / "base-sixty.md").write_text(text, encoding="utf-8")


def deep_nesting(folder: Path) -> None:
    """(h) 5,000 levels of nested bullets (recursion hit Python's limit)."""
    bullets = "".join(f"{'  ' * depth}- level {depth}\n" for depth in range(5_000))
    (folder / "deep.md").write_text(f"{HEADER}{bullets}", encoding="utf-8")


def readwisesync_spaces(folder: Path) -> None:
    """(i) A 400 KB run of spaces inside a readwisesync highlight (its end-marker pattern was quadratic)."""
    text = f"Notes for X\n\n## Source:\nAuthor: A\n\n## Highlights:\n### h\n>a{' ' * 400_000}b ^rw1hl\n"
    (folder / "readwisesync.md").write_text(text, encoding="utf-8")


def inner_lists(folder: Path) -> None:
    """(j) One highlight whose lines and inner bullets alternate 20,000 times (placed line by line once)."""
    body = "  - b\n  c\n" * 20_000
    (folder / "inner-lists.md").write_text(f"{HEADER}- a\n{body}", encoding="utf-8")


def many_trailing_links(folder: Path) -> None:
    """(k) A 1 MB line of ` [1](u)` tokens (each was taken off the end, copying the line every time)."""
    (folder / "links.md").write_text(f"{HEADER}- x{' [1](u)' * 140_000}\n", encoding="utf-8")


def unclosed_page_labels(folder: Path) -> None:
    """(l) 1 MB of lines `- [Page 1[Page 1…)` with no `(`: the link patterns scanned each line whole."""
    line = "- " + "[Page 1" * 285 + ")\n"
    (folder / "labels.md").write_text(HEADER + line * 500, encoding="utf-8")


QUADRATIC_SHAPES: dict[str, Callable[[Path], None]] = {
    "a-long-line-after-id-heading": long_line_after_id_heading,
    "b-tag-paragraphs": many_tag_paragraphs,
    "c-note-paragraphs": many_note_paragraphs,
    "d-segments-in-one-file": many_segments_in_one_file,
    "e-files-of-one-title": many_files_of_one_title,
    "f-one-file-per-highlight": one_file_per_highlight,
    "g-base-sixty-front-matter": base_sixty_front_matter,
    "h-deep-nesting": deep_nesting,
    "i-readwisesync-spaces": readwisesync_spaces,
    "j-inner-lists": inner_lists,
    "k-trailing-links": many_trailing_links,
    "l-unclosed-page-labels": unclosed_page_labels,
}
