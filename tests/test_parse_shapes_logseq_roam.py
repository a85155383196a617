"""Outliner pages: Readwise's Logseq export and its Roam-style template, with `key:: value` properties,
nested blocks and sync headers.

Each fixture in tests/fixtures/shapes copies the layout of an export found in a public vault (see
../shared/FORMATS.md); its text is our own or quoted from public-domain books, its URLs and ids are
made up. tests/test_parse_golden.py checks every field of every fixture; the tests here state the
facts that make each shape what it is.
"""

from __future__ import annotations

import pytest
from shape_fixtures import READER, TO_KINDLE, only_document


def test_logseq_namespaced_title_loses_its_namespace() -> None:
    """Logseq pages synced into a namespace: `title:: Readwise/Highlights/Walden` is the page
    `Walden` (the file is `pages/Readwise___Highlights___Walden.md`); the cover block is no highlight."""
    document = only_document("logseq_namespaced_title.md", "pages/Readwise___Highlights___Walden.md")
    assert document.title == "Walden"
    assert (document.author, document.category, document.full_title) == ("Henry David Thoreau", "books", None)
    assert [(h.text, h.location) for h in document.highlights] == [
        ("The mass of men lead lives of quiet desperation.", "Location 118"),
        ("It is never too late to give up our prejudices.", "Location 131"),
    ]
    assert document.highlights[0].url == TO_KINDLE + "B000FC2L1U&location=118"


def test_logseq_namespaced_title_prefers_full_title() -> None:
    """A namespaced Logseq page that also has `full-title:: "…"`: the full title is the title;
    the `**Tags**:` and `**Note**:` grandchild blocks belong to the highlight."""
    document = only_document("logseq_namespaced_full_title.md", "pages/Readwise___Highlights___Meditations.md")
    title = "The Meditations of the Emperor Marcus Aurelius Antoninus"
    assert (document.title, document.full_title) == (title, title)
    assert (document.author, document.category, document.tags) == ("Marcus Aurelius", "books", ("stoicism",))
    [highlight] = document.highlights
    assert highlight.text == (
        "Remember that man lives only in this present time, which is an indivisible point, and that all the "
        "rest of his life is either past or it is uncertain."
    )
    assert (highlight.location, highlight.url) == ("Location 402", TO_KINDLE + "B0082ZLONG&location=402")
    assert highlight.tags == ("present moment",)
    assert highlight.note == "Book III. Compare Thoreau on the stream of time."


def test_logseq_media_property_names_the_category() -> None:
    """A customised Logseq page template writing the category as `media:: #books`
    instead of `category::`; `media` is not a document tag."""
    document = only_document("logseq_media_property.md", "pages/Essays, First Series (highlights).md")
    assert (document.title, document.author) == ("Essays, First Series", "Ralph Waldo Emerson")
    assert document.category == "books"
    assert document.tags == ("essays", "transcendentalism")
    [highlight] = document.highlights
    assert highlight.text == "Nothing is at last sacred but the integrity of your own mind."
    assert highlight.location == "Location 740"


def test_logseq_type_property_with_a_wikilink_names_the_category() -> None:
    """A customised Logseq page template writing `type:: [[podcasts]]` (a page link, not a
    hashtag); a Snipd time link locates the highlight."""
    document = only_document("logseq_type_property.md", "pages/Slow Reading, Episode 3 (highlights).md")
    assert (document.title, document.author) == ("Slow Reading, Episode 3", "The Porch Light Podcast")
    assert document.category == "podcasts"
    assert document.url == "https://example.fm/porch-light/episodes/3"
    assert document.tags == ()
    [highlight] = document.highlights
    assert highlight.text == (
        "Speaker 1: Franklin says he read at night after work, and that the library was his one amusement."
    )
    assert (highlight.location, highlight.url) == (
        "Time 0:12:05",
        "https://share.snipd.com/snip/9c1b2d3e-4f50-4a6b-8c7d-8e9f0a1b2c3d",
    )


def test_reader_document_type_epub_is_the_books_category() -> None:
    """A Logseq template that writes Reader's finer document type (`type:: #epub`): an EPUB is
    filed under books, as Readwise's own category does."""
    document = only_document("logseq_reader_type_property.md", "pages/The Federalist No. 10 (highlights).md")
    assert (document.title, document.author, document.category) == ("The Federalist No. 10", "James Madison", "books")
    assert document.tags == ()
    [highlight] = document.highlights
    assert highlight.text == (
        "Liberty is to faction what air is to fire, an aliment without which it instantly expires."
    )
    assert highlight.url == READER + "01htfed10a2b3c4d5e6f7g8h9j"


def test_logseq_block_properties_never_reach_text_or_notes() -> None:
    """A default Logseq export the user has worked in: Logseq added `collapsed:: true` and
    `id:: <uuid>` properties under blocks and `{:height 548, :width 607}` after resized images.
    None of it shows in a highlight's text or note; the images stay where they were."""
    document = only_document("logseq_block_properties.md", "pages/Walden (highlights).md")
    assert (document.title, document.full_title, document.author, document.category) == (
        "Walden",
        "Walden",
        "Henry David Thoreau",
        "books",
    )
    first, second, third = document.highlights
    assert first.text == "I had three chairs in my house; one for solitude, two for friendship, three for society."
    assert first.note == "From the chapter on visitors; the chairs come back in winter."
    assert first.location == "Location 1540"
    assert second.text == (
        "As I was desirous to recover the long lost bottom of Walden Pond, I surveyed it carefully, before the "
        "ice broke up, early in '46, with compass and chain and sounding line.\n"
        "![](https://images.example.org/walden/pond-survey.jpg)"
    )
    assert second.note == "My own sketch of the soundings: ![sketch.png](../assets/sketch_1720700000001_0.png)"
    assert (second.location, second.url) == ("Location 4102", TO_KINDLE + "B000FC2L1U&location=4102")
    assert third.text == "A man is rich in proportion to the number of things which he can afford to let alone."
    assert (third.location, third.note) == ("Location 870", None)
    for highlight in document.highlights:
        shown = highlight.text + (highlight.note or "")
        assert "::" not in shown and "{:" not in shown and "668f9a2b" not in shown, highlight


def test_logseq_empty_wrapper_blocks_are_not_highlights() -> None:
    """A Logseq page template made for Anki cards (as in wences-sanchez's graph): a `deck::` page
    property, and every highlight wrapped in an empty `- -` block, tab-indented, its text a child
    block (`\\t- -` / `\\t\\t- text #flashcard`); the template leaves extra empty `\\t- -` blocks
    between highlights and at the very end (no final newline). No `-` highlight comes of them; a
    highlight's continuation lines, an `id::` property and a blank continuation line inside it read
    as in any Logseq block. The `#flashcard` the template writes after the text stays in the text,
    as inline hashtags do elsewhere."""
    document = only_document("logseq_empty_wrapper_blocks.md", "pages/Economy (highlights).md")
    assert (document.title, document.full_title) == ("Economy", "Economy")
    assert (document.author, document.category, document.tags) == ("gutenberg.org", "articles", ())
    assert document.url == "https://www.gutenberg.org/ebooks/205"
    assert [h.text for h in document.highlights] == [
        "The mass of men lead lives of quiet desperation. #flashcard",
        "What a man thinks of himself\n"
        "that it is which determines, or rather indicates, his fate.\n"
        "Public opinion is a weak tyrant compared with our own private opinion.",
        "I would rather sit on a pumpkin and have it all to myself, than be crowded on a velvet cushion.\n\n"
        "I would rather ride on earth in an ox cart, with a free circulation, than go to heaven in the fancy car "
        "of an excursion train and breathe a malaria all the way.",
    ]
    assert all(
        (h.note, h.tags, h.location, h.url, h.section, h.id) == (None, (), None, None, None, None)
        for h in document.highlights
    )


def test_logseq_url_property_with_backslash_escapes() -> None:
    """A customised Logseq page template whose values passed through Logseq's Markdown escaping
    (as in philrae2's graph): `url:: https://example\\-site.org/pages/the\\-american\\-scholar/` and a
    `[[2023\\-06\\-16]]` date in the sync header. The document URL is the address without the
    backslashes; `media:: #articles` is the category, `status::` is not a tag."""
    document = only_document("logseq_escaped_url.md", "pages/The American Scholar (highlights).md")
    assert document.url == "https://example-site.org/pages/the-american-scholar/"
    assert (document.title, document.full_title) == ("The American Scholar", "The American Scholar")
    assert (document.author, document.category, document.tags) == ("r. w. emerson", "articles", ("essays", "reading"))
    assert [(h.text, h.url) for h in document.highlights] == [
        (
            "Books are the best of things, well used; abused, among the worst.",
            READER + "01h3187scholar0001books000",
        ),
        (
            "Meek young men grow up in libraries, believing it their duty to accept the views which Cicero, which "
            "Locke, which Bacon, have given; forgetful that Cicero, Locke, and Bacon were only young men in "
            "libraries when they wrote these books.",
            READER + "01h3187scholar0002meek0000",
        ),
    ]


def test_logseq_bare_highlights_block_children_are_highlights() -> None:
    """A custom Logseq page template (as in OEUG99's graph): page properties `title:: Document/X`
    (a namespace), `abbreviated-title:: X ` (trailing space), `full-title:: X`, `start::`, `end::`,
    `status::`, an empty `document_type:: `, `url::`, `tags:: [[A B]] #C`; then a bare `- Highlights`
    block whose TAB-indented children are the highlights, and a `- New highlights added [[…]] at …`
    block with more; no final newline. Every child is a highlight (inline Markdown links and bold
    stay in the text); the title is the full title without the namespace; the tags are the
    `tags::` values."""
    document = only_document("logseq_bare_highlights_block.md", "pages/Document___Self-Reliance.md")
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
    document = only_document("logseq_highlights_block_only.md", "pages/Document___A Thread on the Almanac.md")
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
        ("logseq_bare_highlights_block.md", "@gutenberg.org"),  # one `@` may be the site's own
        ("logseq_highlights_block_only.md", "@almanacreader on Twitter"),
    ],
)
def test_logseq_custom_template_at_prefix_is_not_part_of_the_author(name: str, author: str) -> None:
    """That template writes `author:: [[@{{author}}]]`: the `@` is the template's, so Readwise's
    author `gutenberg.org` shows as `[[@gutenberg.org]]` and a tweet author `@handle on Twitter` as
    `[[@@handle on Twitter]]`. The author is Readwise's own (a judgement call for the single `@`)."""
    assert only_document(name, "pages/" + name).author == author


def test_logseq_linked_highlights_first_synced_header() -> None:
    """A Readwise → Logseq page of 2022-23 (BillLudwig's Zettelkasten): `title:: X by site`,
    `author:: [[site]]`, `full-title:: "X"`, `category:: #articles`, `url::`, a blank line, then
    `- [[Highlights]] first synced by [[Readwise]] [[April 2nd, 2023]]` with TAB-indented children
    and no final newline. Each child is a highlight (an article's `1. Heading #` lines and a
    `<pre>` line included), not the note of one highlight named after the header."""
    document = only_document("logseq_linked_highlights_header.md", "pages/Notes on the Almanac by example.org.md")
    assert (document.title, document.full_title) == ("Notes on the Almanac by example.org", "Notes on the Almanac")
    assert (document.author, document.category, document.tags) == ("example.org", "articles", ())
    assert document.url == "https://example.org/essays/notes-on-the-almanac"
    assert (document.summary, document.note) == (None, None)
    assert [h.text for h in document.highlights] == [
        "1. Early To Bed #",
        "Early to bed and early to rise, makes a man healthy, wealthy and wise.",
        "2. Lost Time #",
        "Lost time is never found again.",
        "<pre>    a line of the almanac    set in type</pre>",
        "He that lies down with dogs, shall rise up with fleas.",
    ]
    assert all(
        (h.note, h.tags, h.location, h.url, h.section, h.id) == (None, (), None, None, None, None)
        for h in document.highlights
    )


def test_roam_style_highlight_paragraphs_at_column_zero_after_a_sync_header() -> None:
    """The Roam-style Markdown template in an Obsidian vault: `- Author:: [[…]]` property bullets,
    no H1, then `- ### Highlights first synced by #Readwise [[October 19th, 2023]]` and
    `- ### New highlights added [[…]] at 11:39 AM` header bullets. Under each, a highlight starts as an
    indented `    - ` child and its further paragraphs run at column 0, separated by blank lines, the
    last one ending `([View Highlight](…))`. Each highlight is all its paragraphs with its URL; the
    sync headers are not sections, and `#Readwise` in them is no tag."""
    document = only_document("roam_column0_paragraphs.md", "Readwise/Articles/Walking.md")
    assert (document.title, document.full_title) == ("Walking", "Walking")
    assert (document.author, document.category, document.tags) == ("Henry David Thoreau", "articles", ())
    assert document.url == "https://www.gutenberg.org/ebooks/1022"
    assert [(h.text, h.url) for h in document.highlights] == [
        (
            "I wish to speak a word for Nature, for absolute freedom and wildness, as contrasted with a freedom and "
            "culture merely civil,—to regard man as an inhabitant, or a part and parcel of Nature, rather than a "
            "member of society.\n\n"
            "I wish to make an extreme statement, if so I may make an emphatic one, for there are enough champions "
            "of civilization: the minister and the school committee and every one of you will take care of that.\n\n"
            "I have met with but one or two persons in the course of my life who understood the art of Walking, "
            "that is, of taking walks,—who had a genius, so to speak, for sauntering.",
            READER + "01hd2wlk0001nature0000000a",
        ),
        (
            "In Wildness is the preservation of the World.\n\n"
            "Life consists with wildness. The most alive is the wildest.\n\n"
            "The whole essay is at [Project Gutenberg](https://www.gutenberg.org/ebooks/1022).",
            READER + "01hd2wlk0002wildness00000b",
        ),
    ]
    assert [(h.section, h.note, h.tags, h.location, h.id) for h in document.highlights] == [
        (None, None, (), None, None),
        (None, None, (), None, None),
    ]


def test_roam_template_empty_recommended_by_attribute_is_not_a_highlight() -> None:
    """Readwise's Roam-style Markdown template kept in a vault (2021, 2023): `- Author:: [[@x on
    Twitter]]`, `- Full Title::`, `- URL::`, an empty `- Recommended By::`, `- Tags:: #Tweets
    #Inbox #Readwise`, then `- ### Highlights first synced by #Readwise [[date]]` and its 4-space
    indented tweets ending in ` ([View Tweet](…))`. The empty attribute is a metadata field, not a
    highlight; the tweets are the only highlights."""
    document = only_document("roam_recommended_by_empty.md", "Tweets From Almanac Reader.md")
    assert (document.title, document.full_title) == ("Tweets From Almanac Reader", "Tweets From Almanac Reader")
    assert (document.author, document.category) == ("@almanacreader on Twitter", "tweets")
    assert document.tags == ("Tweets", "Inbox", "Readwise")
    assert document.url == "https://twitter.com/almanacreader"
    assert (document.summary, document.note) == (None, None)
    status = "https://twitter.com/almanacreader/status/"
    assert [(h.text, h.url) for h in document.highlights] == [
        (
            '"Well done is better than well said." Still the best line in the almanac.',
            status + "1732377907000000001",
        ),
        ('"Haste makes waste." Posted this one too quickly.', status + "1732377907000000002"),
    ]
    assert all(
        (h.note, h.tags, h.location, h.section, h.id) == (None, (), None, None, None) for h in document.highlights
    )
