"""Real-world export shapes from a second round of unseen vaults, each read from a fixture of our
own in tests/fixtures/shapes (`wild2_*`).

Each fixture copies the layout (front matter, blank lines, tabs, rules glued to the next
paragraph) of an export found in a public vault that the parser misread; their text is our own or
quoted from public-domain books (Marcus Aurelius in George Long's translation, Emerson, Franklin's
autobiography and almanac). URLs, ASINs and ids are made up.
"""

from __future__ import annotations

import pytest
from shape_fixtures import READER, only_document, parse_fixture

from hltui.model import Document

KINDLE = "kindle://book?action=open&asin="


def kindle_plugin_document() -> Document:
    """The obsidian-kindle-plugin fixture's document."""
    return only_document("wild2_kindle_plugin_nested_sync.md")


def test_kindle_plugin_highlights_between_glued_rules() -> None:
    """The obsidian-kindle-plugin (hadynz) default template, 2021-22: each highlight is one paragraph
    `text — location: [604](kindle://book?action=open&asin=…&location=604) ^ref-23412`, then
    optionally a blank line and the reader's note paragraphs, then a blank line and a `---` rule
    with the NEXT highlight on the line right after it (no blank line between). The text has
    neither the ` — location:` label nor the link nor the `^ref-` id (an em dash inside the text
    stays); the location is `Location 604`, the URL the kindle:// link, the id `ref-23412`; no
    rule is read as text."""
    document = kindle_plugin_document()
    link = KINDLE + "B00FAKE0AU&location="
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


def test_obsidian_readwise_2021_highlight_id_comment_paragraphs() -> None:
    """renehernandez/obsidian-readwise (2021) default: no front matter and no title line, a header of
    `- **URL:** …`, `- **Author:** site`, `- **Tags:** #articles`, `- **Date:** [[2021-08-25]]`
    bullets and a `---` rule, then paragraphs each ending ` %% highlight_id: 218789239 %%`,
    separated by two blank lines. A highlight may run over several blank-line separated paragraphs
    (one a shell command line); only its last one carries the comment. Each highlight's id is the
    number; the title comes from the file name, the category from `#articles`, which also stays a
    tag (as a `readwise-books` tag does)."""
    document = only_document("wild2_obsidian_readwise_highlight_id.md", "Keeping a Commonplace Book.md")
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


def test_front_matter_of_metadata_bullets_that_yaml_rejects() -> None:
    """A custom template (as in buttacwup's vault) puts the metadata bullets between `---` fences:
    `- Author: [[@handle on Twitter]]`, `- Full Title: …`, `- Category: #tweets`, `- URL: …`. YAML
    rejects `[[@` (reported once, saying the block was read as metadata bullets), and the bullets
    give author, full title, category and URL; then `# Title`, a cover, `## Highlights` bullets
    whose text keeps an inline `#PoorRichard` hashtag."""
    result = parse_fixture("wild2_front_matter_metadata_bullets.md")
    assert result.skipped == ()
    [problem] = result.problems
    assert "read as metadata bullets" in problem.message and problem.line == 2, problem
    [document] = result.documents
    assert (document.title, document.full_title) == ("Tweets From Poor Richard", "Tweets From Poor Richard")
    assert (document.author, document.category, document.tags) == ("@almanacreader on Twitter", "tweets", ())
    assert document.url == "https://twitter.com/almanacreader"
    status = "https://twitter.com/almanacreader/status/"
    assert [(h.text, h.url) for h in document.highlights] == [
        (
            "I started a #PoorRichard reading group page https://t.co/FaKe0LiNk1\n"
            'Nothing in it yet but the first proverb: "Haste makes waste." If anyone wants to add the ones they '
            "like, send them over.",
            status + "1528030500000000001",
        ),
        (
            '"Three may keep a secret, if two of them are dead." Still the darkest line in the almanac.',
            status + "1528030500000000002",
        ),
    ]
    assert all(
        (h.note, h.tags, h.location, h.section, h.id) == (None, (), None, None, None) for h in document.highlights
    )


def test_logseq_bare_highlights_block_children_are_highlights() -> None:
    """A custom Logseq page template (as in OEUG99's graph): page properties `title:: Document/X`
    (a namespace), `abbreviated-title:: X ` (trailing space), `full-title:: X`, `start::`, `end::`,
    `status::`, an empty `document_type:: `, `url::`, `tags:: [[A B]] #C`; then a bare `- Highlights`
    block whose TAB-indented children are the highlights, and a `- New highlights added [[…]] at …`
    block with more; no final newline. Every child is a highlight (inline Markdown links and bold
    stay in the text); the title is the full title without the namespace; the tags are the
    `tags::` values."""
    document = only_document("wild2_logseq_bare_highlights_block.md", "pages/Document___Self-Reliance.md")
    assert (document.title, document.full_title) == ("Self-Reliance", "Self-Reliance")
    assert (document.category, document.tags) == (None, ("Essays Of Emerson", "Philosophy"))
    assert document.url == "https://www.gutenberg.org/ebooks/16643"
    assert len(document.highlights) == 5
    assert [(h.text, h.url) for h in document.highlights] == [
        (
            "To believe your own thought, to believe that what is true for you in your private heart is true for all "
            "men,—that is genius.",
            READER + "01hdfs9selfrel0001genius0000",
        ),
        (
            "There is a time in every man's education when he arrives at the conviction that **envy is ignorance**; "
            "that [imitation](https://en.wikipedia.org/wiki/Imitation) is suicide.",
            READER + "01hdfs9selfrel0002envy000000",
        ),
        ("Trust thyself: every heart vibrates to that iron string.", READER + "01hdfs9selfrel0003trust00000"),
        (
            "A foolish consistency is the hobgoblin of little minds, adored by little statesmen and philosophers and "
            "divines.",
            READER + "01hdfs9selfrel0004hobgoblin0",
        ),
        (
            "Nothing can bring you peace but yourself. Nothing can bring you peace but the triumph of principles.",
            READER + "01hdfs9selfrel0005peace00000",
        ),
    ]
    assert all(
        (h.note, h.tags, h.location, h.section, h.id) == (None, (), None, None, None) for h in document.highlights
    )


def test_logseq_bare_highlights_block_without_new_highlights_block() -> None:
    """The same template for a tweet thread that was synced once: only the `- Highlights` block. Its
    children are the highlights (the first runs over a blank `\\t  ` line to an image), not one
    highlight `Highlights` with every tweet in its note."""
    document = only_document("wild2_logseq_highlights_block_only.md", "pages/Document___A Thread on the Almanac.md")
    assert (document.title, document.full_title) == ("A Thread on the Almanac", "A Thread on the Almanac")
    assert (document.category, document.tags) == (None, ())
    assert document.url == "https://twitter.com/almanacreader/status/1715666039000000001"
    status = "https://twitter.com/almanacreader/status/"
    assert [(h.text, h.url) for h in document.highlights] == [
        (
            "Seven proverbs from Poor Richard that still hold up:\n\n![](https://pbs.twimg.com/media/FakeMedia01.jpg)",
            status + "1715666039000000001",
        ),
        ('1. "Well done is better than well said."', status + "1715666039000000002"),
        ('2. "An investment in knowledge pays the best interest."', status + "1715666039000000003"),
    ]
    assert all(
        (h.note, h.tags, h.location, h.section, h.id) == (None, (), None, None, None) for h in document.highlights
    )


@pytest.mark.parametrize(
    ("name", "author"),
    [
        ("wild2_logseq_bare_highlights_block.md", "@gutenberg.org"),  # one `@` may be the site's own
        ("wild2_logseq_highlights_block_only.md", "@almanacreader on Twitter"),
    ],
)
def test_logseq_custom_template_at_prefix_is_not_part_of_the_author(name: str, author: str) -> None:
    """That template writes `author:: [[@{{author}}]]`: the `@` is the template's, so Readwise's
    author `gutenberg.org` shows as `[[@gutenberg.org]]` and a tweet author `@handle on Twitter` as
    `[[@@handle on Twitter]]`. The author is Readwise's own (a judgement call for the single `@`)."""
    assert only_document(name, "pages/" + name).author == author


def test_yaml_nulls_in_front_matter_are_not_problems() -> None:
    """The newer obsidian-kindle-plugin flat front matter with a user's reading-status keys:
    `status: null`, `started: null`, `end: ~` are ordinary YAML nulls, not values YAML lost, so no
    problem is reported. There is no H1: the title is `kindle-title:`; `tags: Kindle` is a tag; the
    highlights follow an `![|300](…)` cover and use the plugin's `— location:` paragraphs."""
    document = only_document("wild2_yaml_null_values.md")
    title = "The Autobiography of Benjamin Franklin"
    assert (document.title, document.full_title) == (title, title)
    assert (document.author, document.category, document.tags) == ("Benjamin Franklin", "books", ("Kindle",))
    assert (document.url, document.summary, document.note) == (None, None, None)
    link = KINDLE + "B00FAKE0BF&location="
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
