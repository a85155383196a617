"""Files of the 2020-21 `readwisesync` script (technovangelist/readwisesync).

The shape is often credited to renehernandez/obsidian-readwise; that
plugin writes `%% highlight_id: N %%` markers instead. The fixtures copy the layout of real files
(`Notes for <title>`, `## Source:`, `### <first 60 characters>` headings, `>text ^rw<id>hl`,
`Comment: ... ^rw<id>comment`, `#### Extras:`); their text is Thoreau's and Emerson's or our own,
their ids and URLs made up.
"""

from __future__ import annotations

from shape_fixtures import only_document

from hltui.parsing.parse import parse_text


def test_older_files_without_extras_markers() -> None:
    """2020 files: no `%%<id>topstart%%` markers, document tags glued (`**solitude****economy**`),
    a heading that wraps onto a second line (not text), a paragraph continued by `&gt;` (the
    script's escaped `>`) or by a bare line, HTML entities in text and notes, a two-paragraph note,
    a highlight without a comment, and no `Author:` needed for the rest."""
    document = only_document("readwisesync_2020_old.md")
    assert (document.title, document.author, document.category) == ("Walden", "Henry David Thoreau", "books")
    assert document.url == "https://example.org/books/walden"
    assert (document.tags, document.note, document.summary) == (("solitude", "economy"), None, None)
    economy = (
        "Economy\n"
        "Most of the luxuries, and many of the so-called comforts of life, are not only not indispensable, "
        "but positive hindrances to the elevation of mankind.\n"
        "With respect to luxuries and comforts, the wisest have ever lived a more simple and meagre life than the poor."
    )
    assert [(h.text, h.note, h.id, h.tags, h.url) for h in document.highlights] == [
        (
            "I went to the woods because I wished to live deliberately, to front only the essential facts of life",
            "The whole book in one sentence.",
            "90000011",
            (),
            None,
        ),
        (
            "I'd rather sit on a pumpkin and have it all to myself than be crowded on a velvet cushion.",
            None,
            "90000012",
            (),
            None,
        ),
        (
            economy,
            'Thoreau\'s "Economy" chapter: needs & wants.\n\nCompare with the budget on the next page.',
            "90000013",
            (),
            None,
        ),
    ]
    assert all(h.location is None and h.section is None for h in document.highlights)


def test_newer_files_with_extras_markers() -> None:
    """2021 files: `%%<id>topstart%%`/`topend` around the Extras the reader typed (tags, a link
    to a note, a sentence: the document note), a cover image line, `>` on every line of a
    multi-line highlight, a highlight URL line, per-highlight Extras (a tag; words added to the
    note), `Highlighted:`/`Updated:` dates left out."""
    document = only_document("readwisesync_2020_new.md")
    assert (document.title, document.author, document.category) == (
        "Self-Reliance",
        "Ralph Waldo Emerson",
        "articles",
    )
    assert document.url == "https://example.org/essays/self-reliance"
    assert document.tags == ("essays", "emerson", "Transcendentalism")
    assert document.note == "Reread every winter; see Transcendentalism."
    consistency = (
        "A foolish consistency is the hobgoblin of little minds, adored by little statesmen and philosophers "
        "and divines.\nWith consistency a great soul has simply nothing to do.\n"
        "Speak what you think now in hard words & tomorrow speak what tomorrow thinks in hard words again."
    )
    assert [(h.text, h.note, h.id, h.tags, h.url) for h in document.highlights] == [
        (
            "Trust thyself: every heart vibrates to that iron string.",
            "The essay's thesis in seven words.",
            "91000011",
            ("favorite",),
            None,
        ),
        (consistency, None, "91000012", (), "https://example.org/essays/self-reliance#consistency"),
        (
            "To be great is to be misunderstood.",
            "Is it, though? Misunderstanding is common;\ngreatness is not. <reread>\n\n"
            "Pairs with Franklin on industry.",
            "91000013",
            ("Franklin",),
            None,
        ),
    ]
    assert document.highlights[0].is_favorite


UNNAMED = """\
Notes for unamed resource

## Source:
Updated: 05/01/2021 08:00 AM
Highlights URL: https://readwise.io/bookreview/9200001

%%9200001topstart%%
#### Extras:

%%9200001topend%%
 \r
-----
 ## Highlights:

### AirrQuote
Comment: Lost time is never found again. ^rw92000011comment

Highlighted: 05/01/2021 07:55 AM

%%92000011start%%
#### Extras:

%%92000011end%%

------

### Well done is better than well said.
>Well done is better than well said.

Highlighted: 05/01/2021 07:58 AM

------
"""


def test_untitled_source_quote_without_text_and_a_lost_end_marker() -> None:
    """`Notes for unamed resource` (sic) takes the file name and its folder's category; an audio
    quote (no `>` text, only a comment) shows the comment as its text; a highlight whose `^rw<id>hl`
    was deleted by hand ends at the separator."""
    result = parse_text(UNNAMED, "Readwise/Podcasts/Poor Richard%27s Almanack.md")
    assert (result.skipped, result.problems) == ((), ())
    (document,) = result.documents
    assert (document.title, document.author, document.category) == ("Poor Richard's Almanack", None, "podcasts")
    assert (document.url, document.tags, document.note) == (None, (), None)
    assert [(h.text, h.note, h.id) for h in document.highlights] == [
        ("Lost time is never found again.", None, "92000011"),
        ("Well done is better than well said.", None, None),
    ]


def test_a_note_titled_notes_for_is_not_taken_for_the_script() -> None:
    """Without `## Source:` right after it, a `Notes for ...` line is an ordinary note."""
    result = parse_text("Notes for the meeting\n\n## Agenda\nBudget, then hiring.\n", "meeting.md")
    assert result.documents == ()
    assert [skipped.reason for skipped in result.skipped] == ["no highlights or export metadata found"]
