"""Variants from FORMATS.md that the real corpus does not hold, written as small examples."""

from __future__ import annotations

from shape_fixtures import parse_in_time

from hltui.model import Document
from hltui.parsing.parse import parse_bytes, parse_text

NBSP = "\u00a0"


def only_document(text: str, path: str = "Readwise/Articles/x.md") -> Document:
    result = parse_text(text, path)
    assert len(result.documents) == 1, result
    return result.documents[0]


def test_default_template_with_notes_tags_and_locations() -> None:
    document = only_document(
        "# A Book\n\n![rw-book-cover](https://example.com/c.jpg)\n\n## Metadata\n"
        "- Author: [[Jane Doe]]\n- Full Title: A Book: Long\n- Category: #books\n"
        "- Document Tags: [[history]] [[topic/sub]] [[favorite]] \n\n## Highlights\n"
        f"- First line\n  second line ([Location{NBSP}12](https://readwise.io/to_kindle?asin=B1&location=12))\n"
        "    - Tags: [[react]] [[multi word]] \n    - Note: my note\n"
        f"- Second (Page{NBSP}3)\n"
    )
    assert (document.title, document.author, document.full_title) == ("A Book", "Jane Doe", "A Book: Long")
    assert document.tags == ("history", "topic/sub", "favorite")
    first, second = document.highlights
    assert first.text == "First line\nsecond line"
    assert first.location == "Location 12"
    assert first.url == "https://readwise.io/to_kindle?asin=B1&location=12"
    assert first.tags == ("react", "multi word")
    assert first.note == "my note"
    assert (second.text, second.location, second.url) == ("Second", "Page 3", None)


def test_lossy_yaml_values_are_recovered_and_reported() -> None:
    result = parse_text("---\ntitle: 27: Friend groups\ntags: #x\n---\n- A highlight\n", "a.md")
    [document] = result.documents
    assert document.title == "27: Friend groups"
    assert document.tags == ("x",)
    assert result.problems and all(problem.path == "a.md" for problem in result.problems)


def test_valid_but_lossy_hashtag_tags_are_recovered() -> None:
    result = parse_text("---\nauthor: Ann\ntags: #readwise/books\n---\n# T\n- text\n", "a.md")
    [document] = result.documents
    assert document.tags == ("readwise/books",)
    assert "reads as empty" in result.problems[0].message


def test_json_front_matter_and_highlights_added_heading() -> None:
    text = (
        '---\n{"dg-publish":true,"tags":["rw/articles"],"title":"J"}\n---\n'
        "## Highlights added July 1, 2024 at 9:00 AM\n- quoted ([View Highlight](https://read.readwise.io/read/01a))\n"
    )
    document = only_document(text)
    assert document.title == "J"
    assert document.tags == ("rw/articles",)
    assert document.highlights[0].url == "https://read.readwise.io/read/01a"


def test_yaml_sequence_front_matter_is_read_as_metadata() -> None:
    document = only_document("---\n- Author: [[Jane Doe]]\n- Category: #books\n---\n# T\n## Highlights\n- x\n")
    assert (document.author, document.category) == ("Jane Doe", "books")


def test_nbsp_dash_continuation_is_text_and_empty_first_bullet_takes_next_line() -> None:
    document = only_document(f"# T\n## Highlights\n- Intro\n  -{NBSP}Second point\n- \n1. A list item\n")
    first, second = document.highlights
    assert first.text == f"Intro\n-{NBSP}Second point"
    assert second.text == "1. A list item"


def test_open_in_readwise_and_block_ids_are_removed() -> None:
    document = only_document(
        f"## New highlights added May 1, 2024 at 8:00 AM\n- Text ([Location{NBSP}9](https://r.io/k?location=9)) "
        "[Open in Readwise](https://readwise.io/open/123) ^rw123\n- Other\n^rwID-450081146\n"
    )
    first, second = document.highlights
    assert (first.text, first.location, first.url) == ("Text", "Location 9", "https://r.io/k?location=9")
    assert second.text == "Other"


def test_linter_reformatted_asterisk_bullets_and_italic_tags() -> None:
    document = only_document("# T\n\n## Highlights\n\n* Quote one\n  * Tags: *favorite* \n  * Note: why\n* Quote two\n")
    first, second = document.highlights
    assert (first.text, first.tags, first.note) == ("Quote one", ("favorite",), "why")
    assert second.text == "Quote two"


def test_logseq_block_ids_and_sibling_location_block() -> None:
    document = only_document(
        "title:: Some Novel (highlights)\ndeck:: [[Books::Some Novel]]\n"
        "- Highlights first synced by [[Readwise]] [[Monday, 07-11-2022]]\n"
        "\t- -\n\t\t- The highlighted sentence.\n\t\t  id:: 6371a2b0-1234-4cde-8f00-0123456789ab\n"
        f"\t\t- ([Location{NBSP}512](https://readwise.io/to_kindle?action=open&asin=B0&location=512))\n",
        "pages/Some Novel (highlights).md",
    )
    [highlight] = document.highlights
    assert document.title == "Some Novel"
    assert highlight.text == "The highlighted sentence."
    assert highlight.location == "Location 512"


def test_bulk_export_family_g() -> None:
    document = only_document(
        "# Some Book\n\n![](https://images.example/x.jpg)\n\n### Metadata\n\n- Author: Jane Doe\n"
        "- Full Title: Some Book\n- Category: #books\n- Document Tags: #Infrastructure\n\n### Highlights\n\n"
        f"- A highlight. ([Location{NBSP}120](https://readwise.io/to_kindle?location=120))\n    - **Note:** my note\n"
    )
    assert (document.author, document.tags) == ("Jane Doe", ("Infrastructure",))
    assert document.highlights[0].note == "my note"


def test_placeholders_entities_crlf_and_bom() -> None:
    raw = (
        "\ufeff# Caf&eacute; &amp; Co\r\n\r\n## Metadata\r\n- Author: [[None]]\r\n- Source: [[{source}]]\r\n"
        "- Category: #articles\r\n\r\n## Highlights\r\n- Tea\r\n"
    )
    [document] = parse_bytes(raw.encode(), "x.md").documents
    assert document.title == "Café & Co"
    assert document.author is None
    assert document.highlights[0].text == "Tea"


def test_two_exports_in_one_file_are_merged() -> None:
    block = "---\ntitle: Same\nauthor: A\n---\n# Same\n## Highlights\n- One ([View Highlight](https://r/1))\n"
    document = only_document(block + "\n" + block + "- Two\n")
    assert [h.text for h in document.highlights] == ["One", "Two"]


def test_vault_readme_and_sync_log_are_skipped() -> None:
    readme = parse_text("# My vault\n\nSome notes about this vault.\n", "README.md")
    assert readme.documents == () and readme.skipped[0].reason
    log = parse_text(
        "- [[2024-01-05]] 2:30 PM — Synced 6 highlights from 1 document.\n    - 6 highlights from X\n", "s.md"
    )
    assert log.documents == () and "sync" in log.skipped[0].reason


def test_binary_and_invalid_utf8_are_reported_not_raised() -> None:
    assert parse_bytes(b"\x00\x01\x02", "x.md").skipped
    result = parse_bytes(b"# T\n## Highlights\n- caf\xe9\n", "y.md")
    assert result.problems and result.documents[0].highlights[0].text.startswith("caf")


def test_control_characters_are_stripped() -> None:
    document = only_document("# Evil\x1b[31m title\n## Highlights\n- text\x07 here\n")
    assert "\x1b" not in document.title
    assert document.highlights[0].text == "text here"


def test_id_heading_with_quoted_highlight_and_view_link() -> None:
    document = only_document(
        "# T\n## Highlights\n### id820180151\n[[2024-07-11]] 20:14\n> The quoted text.\n"
        "> \\- [(View Highlight)](https://read.readwise.io/read/01x)\n\n### id820180152\n> Second.\n"
    )
    first, second = document.highlights
    assert (first.text, first.url) == ("The quoted text.", "https://read.readwise.io/read/01x")
    assert second.text == "Second."


def test_one_file_per_highlight_files_join_into_their_document() -> None:
    from hltui.parsing.merge import merge_documents

    def export(highlight_id: int, text: str, favorite: str) -> Document:
        return only_document(
            f"---\nbook_id: 7\nhighlight_id: {highlight_id}\nis_favorite: {favorite}\nsource: reader\n"
            f"title: A Book\nauthor: Ann\n---\n{text}\n",
            f"h/{highlight_id}.md",
        )

    [document] = merge_documents([export(1, "First words.", "false"), export(2, "Second words.", "true")])
    assert [h.text for h in document.highlights] == ["First words.", "Second words."]
    assert document.highlights[1].is_favorite and not document.highlights[0].is_favorite


def test_escaped_hash_italic_author_and_comment_markers() -> None:
    document = only_document(
        "# \\#12 Some Podcast Episode\n\n## Metadata\n\n* Author: *Jane Doe*\n* Category: #podcasts\n\n"
        "## Highlights\n\n- Said this. %%820180151topstart%%\n"
    )
    assert (document.title, document.author) == ("#12 Some Podcast Episode", "Jane Doe")
    assert document.highlights[0].text == "Said this."


def test_plain_markdown_note_with_bullets_is_not_a_document() -> None:
    result = parse_text("# Shopping\n\n- eggs\n- flour\n", "notes/shopping.md")
    assert result.documents == ()
    assert result.skipped[0].reason == "no highlights or export metadata found"


def test_highlights_section_without_highlights_is_reported() -> None:
    result = parse_text("# T\n## Metadata\n- Author: A\n## Highlights\n![](https://x.org/cover.jpg)\n\n---\n", "t.md")
    [problem] = result.problems
    assert (problem.line, problem.message) == (4, "highlights section holds no highlight")


def test_plain_paragraphs_under_a_highlights_header_are_highlights() -> None:
    document = only_document("# T\n## Metadata\n- Author: A\n## Highlights\nA paragraph.\n\nAnother one,\nsame.\n")
    assert [highlight.text for highlight in document.highlights] == ["A paragraph.", "Another one,\nsame."]


def test_callout_and_labelled_thought_children_are_notes() -> None:
    document = only_document(
        "# T\n## Highlights\n- One\n    - > [!note] first thought\n- Two\n    - **Initial thought or note on:** idea\n"
        "- Three\n    - Date:: [[March 2nd, 2022, Wednesday]]\n"
    )
    assert [h.note for h in document.highlights] == ["first thought", "idea", None]


def test_indented_callout_property_is_read_not_a_crash() -> None:
    document = only_document("# T\n  > Author:: Jane\n## Highlights\n- x\n")
    assert document.author == "Jane"


def test_yaml_alias_bomb_is_cut_short() -> None:
    import yaml

    from hltui.parsing.cleaning import flatten

    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for level in "bcdefgh":
        previous = chr(ord(level) - 1)
        bomb += f"{level}: &{level} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n"
    bomb += "tags: *h\ntitle: *h\n---\n# T\n## Highlights\n- x\n"
    aliased = yaml.safe_load(bomb.split("---")[1])["h"]
    assert len(flatten(aliased)) == 1000  # of 781,250 strings: the rest are never built
    document = only_document(bomb)
    assert document.tags == ("x",)


def test_long_lines_of_spaces_parse_to_their_text() -> None:
    # These shapes once made the heading, label and block-id patterns quadratic (seconds per line);
    # benchmarks measure speed, this checks the patterns that replaced them still read the lines.
    text = (
        "#" + " " * 50_000 + "Title\n## Highlights\n- y" + " " * 50_000 + "^\n- z " + "([Location\u00a01]" * 500 + "\n"
    )
    document = only_document(text)
    assert document.title == "Title"
    assert [h.text[:1] for h in document.highlights] == ["y", "z"]


def test_escape_sequences_never_reach_locations_or_urls() -> None:
    document = only_document(
        "# T\n## Highlights\n- a ([Location\u00a012\x1b[31m](https://r.io/k\x1b]52;c;QUJD\x07x))\n"
    )
    highlight = document.highlights[0]
    assert "\x1b" not in (highlight.location or "") and "\x1b" not in (highlight.url or "")


def test_nested_children_of_a_note_are_kept() -> None:
    document = only_document(
        "# T\n## Highlights\n- text\n    - Note: a\n        - sub point\n            - subsub point\n"
    )
    note = document.highlights[0].note or ""
    assert "sub point" in note and "subsub point" in note


def test_bidi_overrides_are_removed_from_titles() -> None:
    document = only_document("# Invoice \u202egpj.exe\n## Highlights\n- x\n")
    assert document.title == "Invoice gpj.exe"


def test_quoted_highlights_without_blank_lines_split_at_each_link() -> None:
    """Blockquote highlights written line after line: each line that ends in a link ends one."""
    document = only_document(
        "# T\n## Highlights\n>One. ([View Highlight](https://read.readwise.io/read/01a))\n>Two\n"
        ">lines. ([View Highlight](https://read.readwise.io/read/01b))\n>Three ^rw3\n"
    )
    assert [(h.text, h.url, h.id) for h in document.highlights] == [
        ("One.", "https://read.readwise.io/read/01a", None),
        ("Two\nlines.", "https://read.readwise.io/read/01b", None),
        ("Three", None, "rw3"),
    ]


def test_a_slash_in_a_title_is_not_a_namespace() -> None:
    """Only a Logseq namespace (`Readwise/Highlights/X`, words without spaces before it) is cut off."""
    text = "title:: TCP/IP Illustrated\n- Highlights first synced by [[Readwise]] [[Jan 1st, 2023]]\n\t- A line.\n"
    assert only_document(text).title == "TCP/IP Illustrated"
    text = text.replace("TCP/IP Illustrated", "Books/Either Or")
    assert only_document(text).title == "Either Or"


def test_category_spellings_fold_into_the_five_categories() -> None:
    """Reader types and singular or compound spellings name one of the five categories."""
    for value, category in [
        ("#supplemental_books", "supplementals"),
        ("EPUB", "books"),
        ("pdf", "articles"),
        ("Tweet", "tweets"),
        ("[[Podcast]]", "podcasts"),
    ]:
        text = f"title:: B\ntype:: {value}\n- Highlights first synced by [[Readwise]] [[Jan 1st, 2023]]\n\t- A line.\n"
        assert only_document(text, "notes/b.md").category == category, value


def test_a_tag_named_like_a_reader_type_does_not_set_the_category() -> None:
    document = only_document("---\ntitle: B\ntags: [video, history]\n---\n## Highlights\n- A line.\n", "notes/b.md")
    assert document.category is None


def test_a_tweet_of_hashtags_after_the_first_highlight_is_a_highlight() -> None:
    """Headerless export: hashtag lines count as document tags only before the first highlight."""
    document = only_document(
        "---\ntitle: Tweets From X\nauthor: X\n---\n# Tweets From X\n\n- #meta\n"
        "- First tweet ([View Tweet](https://twitter.com/x/status/1))\n- #rust #python\n"
    )
    assert document.tags == ("meta",)
    assert [h.text for h in document.highlights] == ["First tweet", "#rust #python"]


def test_a_tab_continues_a_bullet_written_with_spaces_without_stray_spaces() -> None:
    """Linted 2025 templates: `- first line` then a TAB-indented second line carrying the link."""
    document = only_document(
        "# An Essay\n\n## Metadata\n- Author: [[Jane Doe]]\n\n## Highlights\n"
        "- Write first, tidy after.\n\tKeep the two apart. ([View Highlight](https://read.readwise.io/read/01abc))\n"
    )
    [highlight] = document.highlights
    assert highlight.text == "Write first, tidy after.\nKeep the two apart."
    assert highlight.url == "https://read.readwise.io/read/01abc"


def test_logseq_tabbed_bullets_keep_their_continuation_indent() -> None:
    """Logseq pages: a TAB-indented block continues with its tabs and two spaces; code keeps its indent."""
    document = only_document(
        "title:: Some Code\nauthor:: [[Jane Doe]]\n\n- Highlights first synced by [[Readwise]] [[Oct 1st, 2023]]\n"
        "\t- class Cache:\n\t      size = 0 ([View Highlight](https://read.readwise.io/read/01def))\n"
    )
    [highlight] = document.highlights
    assert highlight.text == "class Cache:\n    size = 0"


def test_a_list_inside_a_note_stays_where_it_was_written() -> None:
    """Bulk Markdown export (`### Metadata`, `**Note:**` children): a note's own list, then more note."""
    document = only_document(
        "# A Book\n\n### Metadata\n- Author: Jane Doe\n\n### Highlights\n"
        "- Requests should be short-lived. (Page 3)\n"
        "    - **Note:** Short requests are\n      * cheap\n      * easy to retry\n      But long ones are not\n"
    )
    [highlight] = document.highlights
    assert highlight.note == "Short requests are\n  - cheap\n  - easy to retry\nBut long ones are not"


def test_logseq_templates_own_readwise_header_blocks() -> None:
    """Custom Logseq templates head the highlights `- [[Readwise]] [[2023-02-09]]` or `- ## [[Readwise Highlights]]`."""
    for header in ("- [[Readwise]] [[2023-02-09]]", "- ## [[Readwise Highlights]]"):
        document = only_document(
            f"title:: An Essay\nauthor:: [[Jane Doe]]\n\n{header}\n"
            "\t- First kept. ([View Highlight](https://read.readwise.io/read/01a))\n"
            "\t- Second kept. ([View Highlight](https://read.readwise.io/read/01b))\n"
        )
        assert [highlight.text for highlight in document.highlights] == ["First kept.", "Second kept."]


def test_a_type_property_does_not_hide_the_category() -> None:
    """Logseq: `type:: [[Readwise]]` written above `category:: [[articles]]`."""
    document = only_document(
        "title:: An Essay\ntype:: [[Readwise]]\ncategory:: [[articles]]\n\n"
        "- Highlights first synced by [[Readwise]] [[Feb 9th, 2023]]\n\t- A line. ([View Highlight](https://r/1))\n"
    )
    assert document.category == "articles"


def test_a_dated_template_tag_run_is_tags_even_without_a_link() -> None:
    """Logseq namespace template: `- text #Highlight #[[2022-01-13]]`, the link left out by the template."""
    document = only_document(
        "title:: Readwise/Highlights/A Book\n\n- Highlights first synced by [[Readwise]] [[Jan 13th, 2022]]\n"
        "\t- A sentence worth keeping. #Highlight #[[2022-01-13]]\n\t- A tweet ends in #hashtags #too\n"
    )
    first, second = document.highlights
    assert (first.text, first.tags) == ("A sentence worth keeping.", ("Highlight", "2022-01-13"))
    assert (second.text, second.tags) == ("A tweet ends in #hashtags #too", ())


def test_a_logseq_block_whose_first_line_is_its_id_is_a_highlight() -> None:
    """Logseq: `- id:: <uuid>` then the highlight's text on the lines indented under it."""
    document = only_document(
        "title:: A Book\n\n- Highlights first synced by [[Readwise]] [[Jan 13th, 2023]]\n"
        "\t- id:: 63c6a1b2-0000-4000-8000-000000000000\n\t  Keep the block, lose the id.\n"
    )
    assert [highlight.text for highlight in document.highlights] == ["Keep the block, lose the id."]


def test_a_note_paragraph_goes_on_over_the_plain_paragraphs_after_it() -> None:
    """Readwise quote template: `> quote ([View Highlight](…))`, `Note: …`, then more of the note unlabelled."""
    document = only_document(
        "# A Talk\n\n## Metadata\n- Author: [[Jane Doe]]\n\n## Highlights\n\n"
        "> First quote. ([View Highlight](https://read.readwise.io/read/01a))\n\nNote: my first thought\n\n"
        "And a second paragraph of it.\n\n```\ngit log -L 1,2:file\n```\n\n"
        "> Second quote. ([View Highlight](https://read.readwise.io/read/01b))\n"
    )
    first, second = document.highlights
    assert first.note == "my first thought\n\nAnd a second paragraph of it.\n\n```\ngit log -L 1,2:file\n```"
    assert (second.text, second.note) == ("Second quote.", None)


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
