"""Real-world export shapes (issue 6), each read from a fixture of our own in tests/fixtures/shapes.

The fixtures copy the layout of exports seen in public vaults (see ../shared/FORMATS.md); their
text is our own or quoted from public-domain books (Thoreau, Emerson, Marcus Aurelius in George
Long's translation, Franklin, Montaigne). URLs and ids are made up.
"""

from __future__ import annotations

from shape_fixtures import READER, only_document, parse_fixture

KINDLE = "https://readwise.io/to_kindle?action=open&asin="


def test_blockquote_highlights_under_highlights_added_with_spaced_links() -> None:
    """Readwise 'Highlights added <date>' sections of `>` quotes, one per paragraph, with the
    link broken by a space (`([View Highlight] (url))`, `([Location 289] (url))`), as in Obsidian
    vaults built from Readwise's custom template; YAML front matter above them. A quote may run over
    several `>` lines and hold a `>` blank line between its paragraphs."""
    document = only_document("blockquote_highlights_added.md")
    assert document.title == "Where I Lived, and What I Lived For"
    assert document.author == "Henry David Thoreau"
    assert document.category == "books"
    assert document.tags == ("rw/books", "walden")
    assert [(h.text, h.location, h.url) for h in document.highlights] == [
        (
            "I went to the woods because I wished to live deliberately, to front only the essential facts of life, "
            "and see if I could not learn what it had to teach, and not, when I came to die, discover that I had "
            "not lived.",
            None,
            READER + "01j2wq3k9d7xv8t5m4r6b2n1cz",
        ),
        (
            "Our life is frittered away by detail. An honest man has hardly need to count more than his ten "
            "fingers, or in extreme cases he may add his ten toes, and lump the rest.",
            None,
            READER + "01j2wq4ae3hy6tk0q8sb5m7w2d",
        ),
        (
            "Simplicity, simplicity, simplicity! I say, let your affairs be as two or three, and not a hundred or "
            "a thousand.",
            "Location 289",
            KINDLE + "B000FC2L1U&location=289",
        ),
        (
            "Time is but the stream I go a-fishing in. I drink at it; but while I drink I see the sandy bottom "
            "and detect how shallow it is.",
            "Location 301",
            KINDLE + "B000FC2L1U&location=301",
        ),
        (
            "Still we live meanly, like ants; though the fable tells us that we were long ago changed into men;\n"
            "like pygmies we fight with cranes; it is error upon error, and clout upon clout.\n\n"
            "Our life is like a German Confederacy, made up of petty states.",
            None,
            READER + "01j2wq9m3p5r7t9v1x3z5b7d9f",
        ),
    ]
    assert all(h.note is None and h.tags == () and h.section is None for h in document.highlights)


def test_json_front_matter_with_plain_author_and_url_lines() -> None:
    """A digital-garden vault: the front matter rewritten as one JSON line, then unbulleted
    `Author: …` and `URL: …` lines (no `## Metadata`), then `>` quotes under 'Highlights added'."""
    document = only_document("json_front_matter_plain_author_url.md")
    assert document.title == "Self-Reliance"
    assert document.author == "Ralph Waldo Emerson"
    assert document.url == "https://www.gutenberg.org/ebooks/16643"
    assert document.tags == ("rw/articles", "essays")
    assert document.category == "articles"  # from the `rw/articles` tag, the only hint
    assert [h.text for h in document.highlights] == [
        "To believe your own thought, to believe that what is true for you in your private heart is true for "
        "all men,—that is genius.",
        "Trust thyself: every heart vibrates to that iron string.",
        "A foolish consistency is the hobgoblin of little minds, adored by little statesmen and philosophers and "
        "divines.",
    ]
    assert [h.url for h in document.highlights] == [
        READER + "01j2wr0c4f6gq2n9x1t7v3k8pa",
        READER + "01j2wr1m8s5bd0e4h6y2c9q7ze",
        READER + "01j2wr2p7a3nw5f1r8k4x6j0tb",
    ]


def test_yaml_front_matter_with_plain_author_and_url_lines() -> None:
    """The same custom template with ordinary YAML front matter: plain `Author:` / `URL:` lines
    under it are the document's author and address, not highlight text."""
    document = only_document("yaml_front_matter_plain_author_url.md")
    assert (document.title, document.author) == ("Of Friendship", "Michel de Montaigne")
    assert document.url == "https://www.gutenberg.org/ebooks/3600"
    assert document.tags == ("rw/articles",)
    [highlight] = document.highlights
    assert highlight.text == (
        "If a man should importune me to give a reason why I loved him, I find it could no otherwise be "
        "expressed, than by making answer: because it was he, because it was I."
    )
    assert highlight.url == READER + "01hr3m6v2c8d4k7p0w9x5e1fqa"


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
            KINDLE + "B0082ZLONG&location=77",
            "113029601",
            None,
        ),
        (
            "The universe is transformation: life is opinion.",
            "Location 402",
            KINDLE + "B0082ZLONG&location=402",
            "113029602",
            "Book IV, 3.",
        ),
        (
            "Waste no more time arguing about what a good man should be. Be one.",
            "Location 2210",
            KINDLE + "B0082ZLONG&location=2210",
            "113029603",
            None,
        ),
    ]


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
    assert document.highlights[0].url == KINDLE + "B000FC2L1U&location=118"


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
    assert (highlight.location, highlight.url) == ("Location 402", KINDLE + "B0082ZLONG&location=402")
    assert highlight.tags == ("present moment",)
    assert highlight.note == "Book III. Compare Thoreau on the stream of time."


def test_template_tags_after_the_location_link_are_highlight_tags() -> None:
    """A highlight template ending `([View Highlight](url)) #Highlight #[[{{date}}]]`: the tags
    after the link are the highlight's tags, not its text, and the link is still its URL/location."""
    document = only_document("template_tags_after_link.md")
    assert (document.title, document.author, document.category) == (
        "The Way to Wealth",
        "Benjamin Franklin",
        "articles",
    )
    assert document.url == "https://www.gutenberg.org/ebooks/43855"
    assert document.tags == ()
    first, second, third = document.highlights
    assert first.text == ("Lost time is never found again; and what we call time enough, always proves little enough.")
    assert (first.url, first.location, first.tags) == (
        READER + "01hv2m8q4c6x0d7e9f1g3h5j7k",
        None,
        ("Highlight", "2024-04-07"),
    )
    assert second.text == "Early to bed, and early to rise, makes a man healthy, wealthy, and wise."
    assert (second.location, second.url, second.tags) == (
        "Location 88",
        KINDLE + "B0WAYWEALTH&location=88",
        ("Highlight", "2024-04-07", "proverbs"),
    )
    assert (third.text, third.tags) == ("A small leak will sink a great ship.", ("Highlight", "2024-04-08"))
    assert third.url == READER + "01hv2ma1b3d5f7h9k2m4p6r8t0"
    assert third.note == "The template stamps every highlight with the day it was made."


def test_tweet_starting_with_a_hashtag_is_a_highlight_and_bare_urls_stay() -> None:
    """Default-template `Tweets From …` document: a tweet that starts with a hashtag
    (`- #opensource: …`) or is only hashtags is a highlight, not a document tag line, and a
    bare URL line inside a tweet is kept as text, also when the `View Tweet` link is on a line of its own."""
    document = only_document("tweets_hashtag_first.md")
    assert (document.title, document.author, document.category) == (
        "Tweets From Ada Example",
        "@adaexample on Twitter",
        "tweets",
    )
    assert document.url == "https://twitter.com/adaexample"
    assert document.tags == ()
    status = "https://twitter.com/adaexample/status/"
    assert [(h.text, h.url) for h in document.highlights] == [
        (
            "#opensource: a tool that turns a folder of highlight exports into something you can actually "
            "reread, one keystroke at a time.",
            status + "1780011122233344556",
        ),
        (
            "Spent the weekend rereading Walden. Thoreau on the railroad still lands:\n"
            '"We do not ride on the railroad; it rides upon us."\n'
            "https://www.gutenberg.org/ebooks/205",
            status + "1780022233344455667",
        ),
        (
            "Reading list for the long weekend, all public domain:\n"
            "https://www.gutenberg.org/ebooks/205\n"
            "https://www.gutenberg.org/ebooks/16643",
            status + "1780033344455566778",
        ),
        ("#100DaysOfReading #Walden", status + "1780044455566677889"),
    ]
    assert all(h.tags == () for h in document.highlights)


def test_hashtag_tweets_without_a_highlights_header() -> None:
    """A custom template with YAML front matter and no `## Highlights` header (bullets follow the
    H1 and a bare profile URL): a first tweet `#opensource: …` and a hashtag-only tweet are
    highlights, and an unindented bare URL line continues its tweet."""
    document = only_document("tweets_hashtag_first_headerless.md")
    assert (document.title, document.author, document.category) == (
        "Tweets From Ada Example",
        "@adaexample on Twitter",
        "tweets",
    )
    assert document.url == "https://twitter.com/adaexample"
    assert document.tags == ("readwise-tweets",)
    assert [h.text for h in document.highlights] == [
        "#opensource: a tool that turns a folder of highlight exports into something you can actually reread, "
        "one keystroke at a time.",
        "A reading list, all public domain:\nhttps://www.gutenberg.org/ebooks/205",
        "#100DaysOfReading #Walden",
    ]
    assert [h.url for h in document.highlights] == [
        "https://twitter.com/adaexample/status/1780011122233344556",
        "https://twitter.com/adaexample/status/1780033344455566778",
        None,
    ]


def test_unindented_continuation_paragraphs_are_one_highlight() -> None:
    """Older default-template exports: a highlight's 2nd and 3rd paragraphs start at column 0
    and the location link ends the last one; all of it is one highlight."""
    document = only_document("unindented_continuation_paragraphs.md")
    assert (document.title, document.author, document.category) == (
        "The Autobiography of Benjamin Franklin",
        "Benjamin Franklin",
        "books",
    )
    first, second = document.highlights[:2]
    assert first.text == (
        "It was about this time I conceiv'd the bold and arduous project of arriving at moral perfection.\n\n"
        "I wish'd to live without committing any fault at any time; I would conquer all that either natural "
        "inclination, custom, or company might lead me into.\n\n"
        "As I knew, or thought I knew, what was right and wrong, I did not see why I might not always do the one "
        "and avoid the other."
    )
    assert (first.location, first.url) == ("Location 1204", KINDLE + "B0FRANKLIN&location=1204")
    assert (second.text, second.location) == (
        "TEMPERANCE. Eat not to dullness; drink not to elevation.",
        "Location 1230",
    )


def test_note_after_unindented_continuation_paragraphs_belongs_to_the_highlight() -> None:
    """The same older export: a `    - Note:` child written after the paragraphs of a multi-paragraph
    highlight is that highlight's note, not a highlight of its own."""
    document = only_document("unindented_continuation_paragraphs.md")
    assert len(document.highlights) == 3
    third = document.highlights[2]
    assert third.text == (
        "SILENCE. Speak not but what may benefit others or yourself; avoid trifling conversation.\n\n"
        "ORDER. Let all your things have their places; let each part of your business have its time."
    )
    assert third.location == "Location 1232"
    assert third.note == "Two virtues highlighted as one passage."


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


def test_yaml_capitalised_type_key_names_the_category() -> None:
    """YAML front matter from a custom template with `Type: articles` (capitalised key, no
    `category`) and a `Source: reader` that is not a category."""
    document = only_document("yaml_type_key.md")
    assert (document.title, document.author, document.category) == ("Of Idleness", "Michel de Montaigne", "articles")
    assert document.tags == ()
    [highlight] = document.highlights
    assert highlight.text.startswith("As we see some grounds that have long lain idle and untilled")
    assert highlight.url == READER + "01hq7idle0a1b2c3d4e5f6g7h8"


def test_yaml_type_list_with_singular_supplemental() -> None:
    """The spaced-repetition vault template: `type:` as a YAML list (`  - Supplemental`, singular,
    capitalised) maps to `supplementals`; `**Creator**::` is the author."""
    document = only_document("yaml_type_list_supplemental.md")
    assert (document.title, document.author) == ("Poor Richard Improved", "Benjamin Franklin")
    assert document.category == "supplementals"
    assert document.tags == ("created/2024/02/11",)
    [highlight] = document.highlights
    assert (highlight.text, highlight.location, highlight.url) == (
        "Early to bed, and early to rise, makes a man healthy, wealthy, and wise.",
        "Page 12",
        None,
    )


def test_markdown_escapes_in_highlight_text_are_removed() -> None:
    """A default-template file reformatted by a Markdown linter (`*` bullets, blank lines after
    headings, italic author): the escapes it added (`\\-`, `\\*`, `\\#`, `\\_`, `\\[`, `13\\.`) are
    not shown; the H1 `# \\#13 …` is the title `#13 …`."""
    document = only_document("markdown_escapes_linted.md")
    assert document.title == "#13 Virtues, Kept in a Little Book"
    assert (document.author, document.full_title, document.category) == (
        "Benjamin Franklin",
        "The Autobiography of Benjamin Franklin",
        "books",
    )
    assert [h.text for h in document.highlights] == [
        "I propos'd to myself, for the sake of clearness, to use rather more names, with fewer ideas annex'd to "
        "each:\n- TEMPERANCE. Eat not to dullness; drink not to elevation.\n"
        "- SILENCE. Speak not but what may benefit others or yourself.",
        "13. HUMILITY. Imitate Jesus and Socrates. #lastvirtue",
        "I made a little book, in which I allotted a page for each of the virtues, and I was _surpris'd_ to find "
        "myself so much fuller of faults than I had imagined.",
        "Take away thy opinion, and then there is taken away the complaint, *I have been harmed*. Take away the "
        "complaint, *I have been harmed*, and the harm is taken away. [Book IV, 7]",
    ]
    assert [h.location for h in document.highlights] == [
        "Location 1228",
        "Location 1236",
        "Location 1262",
        "Location 402",
    ]
    assert all(h.tags == () for h in document.highlights)


def test_markdown_escapes_in_a_note_are_removed() -> None:
    """The same linted file: the linter escaped the note under a highlight too
    (`* Note: \\#1 habit to try: one \\*column\\* a day`); the note is shown without backslashes."""
    document = only_document("markdown_escapes_linted.md")
    assert document.highlights[2].note == "#1 habit to try: one *column* a day, as he did."


def test_repeated_highlights_with_distinct_ids_stay_distinct() -> None:
    """One passage highlighted twice: two bullets with the same text but different `View Highlight`
    ids, different `^rw` block ids or different locations are two highlights; a bullet repeated
    with the same `^rw` id in a later 'New highlights added' section is the same highlight."""
    document = only_document("repeated_highlights_distinct_ids.md")
    assert (document.title, document.author, document.category) == ("Meditations", "Marcus Aurelius", "books")
    universe = "The universe is transformation: life is opinion."
    within = "Look within. Within is the fountain of good, and it will ever bubble up, if thou wilt ever dig."
    little = "Very little is needed to make a happy life."
    assert [(h.text, h.url, h.id, h.location) for h in document.highlights] == [
        (universe, READER + "01hx4f8k2m6p0r3t5v7x9z1b3d", None, None),
        (universe, READER + "01hx9a2c4e6g8j0k2m4p6r8t0v", None, None),
        (within, None, "rw600100001", None),
        (within, None, "rw600100002", None),
        (little, None, None, "Location 1040"),
        (little, None, None, "Location 1877"),
        (
            "Waste no more time arguing about what a good man should be. Be one.",
            KINDLE + "B0082ZLONG&location=2210",
            None,
            "Location 2210",
        ),
    ]


def test_document_exported_twice_in_one_file_is_merged() -> None:
    """Like ../shared/corpus/seed: two complete default-template exports of one Reader document
    back to back, each with its own front matter (plain scalars, then `>` folded ones). They are one
    document; the highlights repeated with the same text and link merge, while a later highlight of
    the same text with another link stays."""
    result = parse_fixture("exported_twice.md")
    assert (result.skipped, result.problems) == ((), ())
    [document] = result.documents
    assert (document.title, document.full_title, document.author) == (
        "Walden, or Life in the Woods",
        "Walden, or Life in the Woods",
        "Henry David Thoreau",
    )
    assert (document.category, document.url) == ("articles", "https://www.gutenberg.org/ebooks/205")
    assert document.tags == ("simplicity", "nature")
    assert document.summary == (
        "An account of two years spent in a cabin by a pond: what the author built, ate, read and heard, and why "
        "he thinks most people own too much."
    )
    assert [(h.text, h.url) for h in document.highlights] == [
        ("I went to the woods because I wished to live deliberately.", READER + "01hk82walden0001deliberate"),
        ("Our life is frittered away by detail.", READER + "01hk82walden0002frittered"),
        ("Our life is frittered away by detail.", READER + "01hk95walden0003againlater"),
    ]


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
    assert (second.location, second.url) == ("Location 4102", KINDLE + "B000FC2L1U&location=4102")
    assert third.text == "A man is rich in proportion to the number of things which he can afford to let alone."
    assert (third.location, third.note) == ("Location 870", None)
    for highlight in document.highlights:
        shown = highlight.text + (highlight.note or "")
        assert "::" not in shown and "{:" not in shown and "668f9a2b" not in shown, highlight


def test_cover_after_a_summary_section_is_not_summary_or_highlight() -> None:
    """A custom template without a highlights header (YAML, H1, bare URL and date lines,
    `## Summary`, then bullets) that writes the `![rw-book-cover](…)` line right after the summary:
    the cover is neither part of the summary nor a highlight."""
    document = only_document("cover_after_summary_section.md")
    assert (document.title, document.author, document.category) == ("Nature", "Ralph Waldo Emerson", "articles")
    assert document.url == "https://www.gutenberg.org/ebooks/29433"
    assert document.tags == ("readwise-articles",)
    assert document.summary == (
        "Emerson's first book: the woods and fields as a way back to first-hand experience, and the claim that "
        "each person can meet the world without borrowed opinions."
    )
    assert [(h.text, h.url) for h in document.highlights] == [
        (
            "Standing on the bare ground,—my head bathed by the blithe air, and uplifted into infinite space,—all "
            "mean egotism vanishes. I become a transparent eye-ball; I am nothing; I see all.",
            READER + "01hxnature0001eyeball00000",
        ),
        (
            "The lover of nature is he whose inward and outward senses are still truly adjusted to each other.",
            READER + "01hxnature0003lover000000",
        ),
    ]


def test_cover_after_a_summary_bullet_and_an_image_inside_a_highlight() -> None:
    """A default `## Metadata` block edited to put the cover after a multi-line `- Summary:`
    (unindented continuation, two-space hard break): the cover is not summary text; an image on
    a highlight's continuation line, before its link, stays in the highlight where it was."""
    document = only_document("cover_after_summary_bullet.md")
    assert (document.title, document.full_title) == ("Civil Disobedience", "Resistance to Civil Government")
    assert (document.author, document.category) == ("Henry David Thoreau", "articles")
    assert document.url == "https://www.gutenberg.org/ebooks/71"
    assert document.summary == (
        "Why a person should not lend himself to a wrong he condemns.\n"
        "An essay on conscience and the state, written after a night in jail."
    )
    first, second = document.highlights
    assert first.text == 'I heartily accept the motto,—"That government is best which governs least".'
    assert first.url == READER + "01hxcivil00001motto000000"
    assert second.text == (
        "Under a government which imprisons any unjustly, the true place for a just man is also a prison.\n"
        "![](https://images.example.org/civil/concord-jail.jpg)"
    )
    assert second.url == READER + "01hxcivil00002prison00000"


def test_multi_line_highlight_after_a_summary_section_keeps_its_lines() -> None:
    """The headerless custom template (`## Summary`, then bullets) with a tweet-like highlight of
    several lines, an image in the middle: its continuation lines (and its link) belong to the
    highlight, not to the summary."""
    document = only_document("summary_section_multiline_highlight.md")
    assert document.summary == "Emerson's first book: the woods and fields as a way back to first-hand experience."
    first, second = document.highlights
    assert first.text == (
        "In the woods, we return to reason and faith.\n"
        "![](https://images.example.org/nature/woods.jpg)\n"
        "There I feel that nothing can befall me in life,—no disgrace, no calamity, (leaving me my eyes,) which "
        "nature cannot repair."
    )
    assert first.url == READER + "01hxnature0002woods000000"
    assert second.url == READER + "01hxnature0003lover000000"


def test_yaml_author_continued_on_a_bare_line() -> None:
    """A custom YAML template rendering an author value with an embedded newline
    (`author: Michel de Montaigne` then a bare `Charles Cotton` line), as in hantianjz's vault:
    YAML rejects it, the values are recovered line by line and the authors read `A, B`."""
    result = parse_fixture("yaml_author_continued_line.md")
    assert result.skipped == ()
    [problem] = result.problems
    assert "invalid front matter" in problem.message and problem.line == 6
    [document] = result.documents
    assert document.author == "Michel de Montaigne, Charles Cotton"
    assert (document.title, document.tags, document.category) == (
        "Essays of Montaigne",
        ("readwise-books",),
        "books",
    )
    assert [(h.text, h.location) for h in document.highlights] == [
        ("I am myself the matter of my book.", "Location 112"),
        ("Every man bears the whole form of the human condition.", "Location 5120"),
    ]


def test_author_wikilink_broken_across_lines_and_h1_cut_by_a_stray_cr() -> None:
    """Default template where the title and the author carried embedded line breaks: the H1 is
    cut by a stray CR+LF (as in claudesidian's vault) and joins with a space; the
    `- Author: [[A` / `B]]` wikilink is cut by a newline and gives `A, B`."""
    document = only_document("author_wikilink_broken.md")
    assert document.title == "The Essays of Montaigne, Volume One Of Idleness and Other Chapters"
    assert document.full_title == "The Essays of Montaigne, Volume One: Of Idleness and Other Chapters"
    assert document.author == "Michel de Montaigne, Charles Cotton"
    assert document.category == "books"
    [highlight] = document.highlights
    assert (highlight.text, highlight.location) == (
        "The soul that has no established aim loses itself.",
        "Location 631",
    )


def test_h1_with_a_wikilink_broken_across_lines() -> None:
    """A page-title template `# {{title}} - [[{{author}}]]` (as in jaspitta's vault) with two
    authors on two lines: the H1's wikilink is joined again as `A, B`; the broken second line is
    neither a highlight nor metadata."""
    document = only_document("h1_wikilink_broken.md")
    assert document.title == "Essays - Michel de Montaigne, Charles Cotton"
    assert (document.full_title, document.author, document.category) == (
        "Essays",
        "Michel de Montaigne, Charles Cotton",
        "books",
    )
    [highlight] = document.highlights
    assert (highlight.text, highlight.location, highlight.url) == ("Que sais-je?", "Location 1480", None)
