"""Exports that Readwise's own templates did not write: the 2021 community plugin's `# About` pages,
obsidian-kindle-plugin, obsidian-readwise and Apple Books.

Each fixture in tests/fixtures/shapes copies the layout of an export found in a public vault (see
../shared/FORMATS.md); its text is our own or quoted from public-domain books, its URLs and ids are
made up. tests/test_parse_golden.py checks every field of every fixture; the tests here state the
facts that make each shape what it is.
"""

from __future__ import annotations

from shape_fixtures import KINDLE_APP, TO_KINDLE, only_document

from hltui.model import Document


def test_2021_about_template_is_a_document_with_ids_and_bold_notes() -> None:
    """The 2021 community plugin template: a `%% ID / Updated %%` comment and a cover, `# About` with
    plain `Title: [[…]]`, `Author: [[…]]`, `Category: #podcasts` lines, then `# Highlights `
    whose highlights are plain paragraphs ending in a Readwise block id (`text  ^210934771`, two
    spaces, an optional `%% Color: yellow %%`), notes as `**Note: …**` paragraphs and `---` rules
    between highlights. It is a document, read without problems."""
    document = only_document("about_template_2021.md")
    assert document.title == "Reading Walden Aloud, Episode 12: Solitude"
    assert document.author == "The Porch Light Podcast"
    assert document.category == "podcasts"
    assert document.url == "https://example.fm/porch-light/episodes/12"
    assert document.tags == ()
    assert [(h.id, h.note, h.location, h.url) for h in document.highlights] == [
        ("210934771", "The host reads this line twice and laughs; worth finding the timestamp again.", None, None),
        ("210934772", None, None, None),
        ("210934773", "My own summary of the segment, not a quote.", None, None),
    ]


def test_2021_about_template_rules_between_highlights_are_not_text() -> None:
    """The same 2021 template: the `---` rule the highlight template writes after each highlight
    separates highlights; it is not the start of the next highlight's text."""
    document = only_document("about_template_2021.md")
    assert [h.text for h in document.highlights] == [
        "I have a great deal of company in my house; especially in the morning, when nobody calls.",
        "I never found the companion that was so companionable as solitude.",
        "The host then spends ten minutes on the difference between being alone and being lonely, and on why the "
        "bean field counts as company.",
    ]


def test_2021_about_template_books_with_numeric_location_links() -> None:
    """The 2021 template for a Kindle book: `Title: [[Readwise/Books/…]]` (a namespaced page link),
    `Authors: [[A]], [[B]]`, and the plugin's `text ([77](…to_kindle…&location=77)) %% Color: blue %% ^id`
    (the link text is the bare location number), a `---` after every highlight, the last included."""
    document = only_document("about_template_2021_books.md")
    assert (document.title, document.author, document.category) == (
        "Meditations",
        "Marcus Aurelius, George Long",
        "books",
    )
    assert [(h.text, h.location, h.url, h.id, h.note) for h in document.highlights] == [
        (
            "Begin the morning by saying to thyself, I shall meet with the busy-body, the ungrateful, arrogant, "
            "deceitful, envious, unsocial.",
            "Location 77",
            TO_KINDLE + "B0082ZLONG&location=77",
            "113029601",
            None,
        ),
        (
            "The universe is transformation: life is opinion.",
            "Location 402",
            TO_KINDLE + "B0082ZLONG&location=402",
            "113029602",
            "Book IV, 3.",
        ),
        (
            "Waste no more time arguing about what a good man should be. Be one.",
            "Location 2210",
            TO_KINDLE + "B0082ZLONG&location=2210",
            "113029603",
            None,
        ),
    ]


def test_2021_about_template_multi_paragraph_highlights_between_rules() -> None:
    """A variant of the 2021 community plugin template (the tests above have the base
    shape): `Author: ` left empty (a trailing space), a title whose `&` Readwise dropped (two spaces
    left in `[[Poor Richard  the Way to Wealth]]`), two blank lines before `# Highlights `, and
    highlights of several paragraphs between the `---` rules, only the last paragraph ending in the
    `  ^id` block id, no rule after the last highlight. Each highlight is all its paragraphs; no
    rule and no empty author is read as text."""
    document = only_document("about_template_2021_paragraphs.md")
    assert document.title == "Poor Richard the Way to Wealth"
    assert (document.full_title, document.author, document.category, document.tags) == (None, None, "articles", ())
    assert document.url == "https://example.org/almanac/the-way-to-wealth/"
    assert [(h.id, h.text) for h in document.highlights] == [
        (
            "63620001",
            "It would be thought a hard government that should tax its people one-tenth part of their time, to be "
            "employed in its service. But idleness taxes many of us much more, if we reckon all that is spent in "
            "absolute sloth, or doing of nothing.",
        ),
        (
            "63620002",
            "Sloth, like rust, consumes faster than labor wears; while the used key is always bright, as Poor "
            "Richard says.",
        ),
        (
            "63620003",
            "But dost thou love life, then do not squander time, for that's the stuff life is made of, as Poor "
            "Richard says.\n\n"
            "How much more than is necessary do we spend in sleep, forgetting that the sleeping fox catches no "
            "poultry, and that there will be sleeping enough in the grave, as Poor Richard says.",
        ),
        (
            "63620004",
            "Lost time is never found again; and what we call time enough, always proves little enough.\n\n"
            "Drive thy business, let not that drive thee; and early to bed, and early to rise, makes a man "
            "healthy, wealthy, and wise.\n\n"
            "I marked these while reading the speech aloud; Father Abraham quotes the almanac back to its own "
            "author.",
        ),
    ]
    assert all(
        (h.note, h.tags, h.location, h.url, h.section) == (None, (), None, None, None) for h in document.highlights
    )


def kindle_plugin_document() -> Document:
    """The obsidian-kindle-plugin fixture's document."""
    return only_document("kindle_plugin_nested_sync.md")


def test_kindle_plugin_highlights_between_glued_rules() -> None:
    """The obsidian-kindle-plugin (hadynz) default template, 2021-22: each highlight is one paragraph
    `text — location: [604](kindle://book?action=open&asin=…&location=604) ^ref-23412`, then
    optionally a blank line and the reader's note paragraphs, then a blank line and a `---` rule
    with the NEXT highlight on the line right after it (no blank line between). The text has
    neither the ` — location:` label nor the link nor the `^ref-` id (an em dash inside the text
    stays); the location is `Location 604`, the URL the kindle:// link, the id `ref-23412`; no
    rule is read as text."""
    document = kindle_plugin_document()
    link = KINDLE_APP + "B00FAKE0AU&location="
    assert [(h.text, h.location, h.url, h.id) for h in document.highlights] == [
        (
            "Begin the morning by saying to thyself, I shall meet with the busy-body, the ungrateful, arrogant, "
            "deceitful, envious, unsocial.",
            "Location 604",
            link + "604",
            "ref-23412",
        ),
        (
            "Men seek retreats for themselves, houses in the country, sea-shores, and mountains — and thou too art "
            "wont to desire such things very much.",
            "Location 631",
            link + "631",
            "ref-44958",
        ),
        (
            "Do not act as if thou wert going to live ten thousand years. Death hangs over thee.",
            "Location 639",
            link + "639",
            "ref-39984",
        ),
        (
            "Look within. Within is the fountain of good, and it will ever bubble up, if thou wilt ever dig.",
            "Location 670",
            link + "670",
            "ref-40475",
        ),
    ]
    assert all((h.tags, h.section) == ((), None) for h in document.highlights)


def test_kindle_plugin_note_paragraphs_belong_to_the_highlight_before_the_rule() -> None:
    """In the same layout a note is the plain paragraphs between a highlight and its `---` rule: it
    belongs to that highlight, not to the front of the next one, and a note of two paragraphs keeps
    both, separated by a blank line."""
    document = kindle_plugin_document()
    assert [h.note for h in document.highlights] == [
        None,
        "The retreat he means is into one's own mind, which costs nothing and is always open.",
        None,
        "First note paragraph: the fountain image comes back in book eight.\n\n"
        "Second note paragraph: compare the retreat passage at 631.",
    ]


def test_kindle_plugin_document_fields_from_kindle_sync_and_metadata() -> None:
    """The plugin's front matter nests the book under `kindle-sync:` (bookId, title, author, asin,
    lastAnnotatedDate, bookImageUrl, highlightsCount; `endDate:` left empty beside it); the body
    has `# Short Title` and a `## Metadata` list of `* Author: [Name](https://www.amazon.com/…)`,
    `* ASIN:`, `* Reference: https://www.amazon.com/dp/…` and `* [Kindle link](kindle://…)`. The
    title is the H1, the full title the long `kindle-sync` title, the author the linked name, the
    category `books` (the plugin only syncs Kindle books) and the URL the Reference page."""
    document = kindle_plugin_document()
    assert (document.title, document.full_title) == (
        "Meditations",
        "The Meditations of the Emperor Marcus Aurelius Antoninus: Translated by George Long, with a Life and an "
        "Account of His Philosophy",
    )
    assert (document.author, document.category, document.tags) == ("Marcus Aurelius", "books", ())
    assert (document.summary, document.note) == (None, None)
    assert document.url == "https://www.amazon.com/dp/B00FAKE0AU"


def test_yaml_nulls_in_front_matter_are_not_problems() -> None:
    """The newer obsidian-kindle-plugin flat front matter with a user's reading-status keys:
    `status: null`, `started: null`, `end: ~` are ordinary YAML nulls, not values YAML lost, so no
    problem is reported. There is no H1: the title is `kindle-title:`; `tags: Kindle` is a tag; the
    highlights follow an `![|300](…)` cover and use the plugin's `— location:` paragraphs."""
    document = only_document("yaml_null_values.md")
    title = "The Autobiography of Benjamin Franklin"
    assert (document.title, document.full_title) == (title, title)
    assert (document.author, document.category, document.tags) == ("Benjamin Franklin", "books", ("Kindle",))
    assert (document.url, document.summary, document.note) == (None, None, None)
    link = KINDLE_APP + "B00FAKE0BF&location="
    assert [(h.text, h.note, h.location, h.url, h.id) for h in document.highlights] == [
        (
            "I grew convinced that truth, sincerity and integrity in dealings between man and man were of the utmost "
            "importance to the felicity of life.",
            "He wrote this list of virtues at twenty, and kept the little book for decades.",
            "Location 259",
            link + "259",
            "ref-5675",
        ),
        (
            "It was about this time I conceiv'd the bold and arduous project of arriving at moral perfection.",
            None,
            "Location 312",
            link + "312",
            "ref-5702",
        ),
    ]


def test_obsidian_readwise_2021_highlight_id_comment_paragraphs() -> None:
    """renehernandez/obsidian-readwise (2021) default: no front matter and no title line, a header of
    `- **URL:** …`, `- **Author:** site`, `- **Tags:** #articles`, `- **Date:** [[2021-08-25]]`
    bullets and a `---` rule, then paragraphs each ending ` %% highlight_id: 218789239 %%`,
    separated by two blank lines. A highlight may run over several blank-line separated paragraphs
    (one a shell command line); only its last one carries the comment. Each highlight's id is the
    number; the title comes from the file name, the category from `#articles`, which also stays a
    tag (as a `readwise-books` tag does)."""
    document = only_document("obsidian_readwise_highlight_id.md", "Keeping a Commonplace Book.md")
    assert (document.title, document.full_title) == ("Keeping a Commonplace Book", None)
    assert (document.author, document.category, document.tags) == ("example.org", "articles", ("articles",))
    assert document.url == "https://example.org/notes/keeping-a-commonplace-book"
    assert (document.summary, document.note) == (None, None)
    assert [(h.id, h.text) for h in document.highlights] == [
        ("218789239", "Write the passage down the day you read it"),
        (
            "218789240",
            "Copy the sentence exactly, then put your own words for it underneath, so that the book holds both what "
            "was said and what you made of it.",
        ),
        ("218789241", "Keep one index at the back"),
        (
            "218789242",
            "If the notes live in plain text files you can search them from the shell. For example:\n\n"
            'grep -rn "virtue" ~/notes/{commonplace}/*.md\n\n'
            "lists every line that mentions the word, with the file and line number in front of it.",
        ),
    ]
    assert all(
        (h.note, h.tags, h.location, h.url, h.section) == (None, (), None, None, None) for h in document.highlights
    )


def test_apple_books_rule_separated_highlights() -> None:
    """An Apple Books export (an unnamed vault's Test Driven Development By Example, 327 highlights):
    no front matter or title line, `## Metadata` with `- Author:` and `- [Apple Books Link](ibooks://…)`,
    `## Highlights`, then highlights separated by `---` lines. A rule followed by a line ending in
    `:` (`… is useful when:`) does not open front matter; a highlight may run over blank lines,
    whitespace-only lines and 8-12-space indented lines up to the next rule, which may follow its
    last line with no blank line between; there is no final newline. One document, one highlight
    per rule-to-rule chunk; the Apple Books link is not a highlight."""
    document = only_document("apple_books_rules.md", "Essays First Series.md")
    assert (document.title, document.full_title) == ("Essays First Series", None)
    # The category is left open: the exporter only exports books, but the file never says so.
    assert (document.author, document.tags) == ("Ralph Waldo Emerson", ())
    assert (document.url, document.summary, document.note) == (None, None, None)
    texts = [h.text for h in document.highlights]
    assert len(texts) == 7
    assert texts[:2] == ["Self-Reliance", "Trust thyself: every heart vibrates to that iron string."]
    assert texts[4] == "Whoso would be a man, must be a nonconformist."
    assert texts[6] == "Nothing can bring you peace but yourself."
    lines = [[line.strip() for line in text.splitlines() if line.strip()] for text in texts]
    assert lines[2] == [
        "A foolish consistency is useful when:",
        "You want to be understood by little statesmen",
        "You are afraid of what you said yesterday",
        "You would rather not speak what you think today in hard words",
    ]
    assert lines[3] == [
        "Compensation",
        "What is the law of the world? Every act rewards itself, or in other words integrates itself, in a "
        "twofold manner.",
    ]
    assert lines[5] == ["Following are two things he says society asks of us:", "Conformity", "Consistency"]
    assert all(text.startswith(first[0]) and text.endswith(first[-1]) for text, first in zip(texts, lines, strict=True))
    assert all(
        (h.note, h.tags, h.location, h.url, h.section, h.id) == (None, (), None, None, None, None)
        for h in document.highlights
    )
