"""More real-world export shapes, each read from a fixture of our own in tests/fixtures/shapes (`wild_*`).

Each fixture copies the layout (indentation, spacing, the NBSP after `Location`/`Time`, tabs) of an
export found in a public vault that the parser once misread; their text is our own or quoted from
public-domain books (Thoreau, Emerson, Marcus Aurelius in George Long's translation, Franklin,
Montaigne). URLs and ids are made up.
"""

from __future__ import annotations

from shape_fixtures import READER, only_document, parse_fixture

from hltui.model import Document


def test_snipd_highlight_with_a_list_inside_keeps_every_line_in_order() -> None:
    """A Snipd podcast highlight (AI-written snip title and steps, then its transcript): after the
    first bullet line come continuation lines and `  - ` bullets (two ordinary spaces, not NBSP)
    interleaved, and the `([Time 0:03:24](https://share.snipd.com/snip/…))` link (NBSP after `Time`)
    ends the last line. Every line stays in the text in its place, inner bullets as `- item`."""
    document = only_document("wild_snipd_list_inside_highlight.md")
    assert (document.title, document.full_title) == (
        "Franklin's Little Book of Virtues: A Reading",
        "Franklin's Little Book of Virtues: A Reading",
    )
    assert (document.author, document.category, document.tags) == ("The Almanac Hour", "podcasts", ())
    assert document.url == "https://share.snipd.com/episode/0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"
    [highlight] = document.highlights
    assert highlight.text == (
        "**How Franklin Kept Track of His Thirteen Virtues**\n"
        "**The list:**\n"
        "- Thirteen virtues, each with a short precept, beginning with temperance.\n"
        "**The method:**\n"
        "1. **One virtue a week.**\n"
        "2. **A little book with a page for each virtue:**\n"
        "- Rule the page in red ink into seven columns, one for each day.\n"
        "- Mark every fault of the day with a little black spot.\n"
        "3. **Start the course again after thirteen weeks.**\n"
        "**Takeaway:**\n"
        "- The aim was attention, not perfection.\n"
        "Transcript:\n"
        "The Almanac Hour\n"
        "So he made a little book, a page for each virtue, and every evening he marked his faults, and he found "
        "himself fuller of faults than he had imagined, but he had the satisfaction of seeing them diminish."
    )
    assert (highlight.location, highlight.url) == (
        "Time 0:03:24",
        "https://share.snipd.com/snip/7a1b2c3d-4e5f-4a6b-9c8d-0e1f2a3b4c5d",
    )
    assert (highlight.note, highlight.tags, highlight.section, highlight.id) == (None, (), None, None)


def tweets_document() -> Document:
    """The custom tweets template's document: its YAML `author: @handle …` is no valid YAML (a plain
    scalar cannot start with `@`), which is reported once; the values are still read line by line."""
    result = parse_fixture("wild_tweets_list_inside_last_tweet.md")
    assert result.skipped == ()
    [problem] = result.problems
    assert "invalid front matter" in problem.message and problem.line == 3
    [document] = result.documents
    return document


def test_tweet_whose_last_bullet_carries_the_link_and_a_date_child() -> None:
    """A custom tweets template (as in dexter-stpierre's vault): every tweet ends
    `([View Tweet](url)) [Open in Readwise](https://readwise.io/open/N) ^rwN` and has a deeper
    `    - Date:: [[October 17th, 2021, Sunday]]` child. A tweet whose later lines are `  - ` bullets
    carries all of that on its LAST bullet: the text is the parent lines and the `- ` bullets without
    the link, the URL is the tweet, the id is the `^rw` block id, and the Date child is not text."""
    document = tweets_document()
    assert (document.title, document.full_title) == (
        "Poor Richard, Read Again... by @almanacreader on Twitter",
        "Poor Richard, Read Again...",
    )
    assert (document.author, document.category, document.tags) == ("@almanacreader on Twitter", "tweets", ())
    assert document.url == "https://twitter.com/almanacreader/status/1046800000000000001"
    status = "https://twitter.com/almanacreader/status/"
    assert [(h.text, h.url, h.id) for h in document.highlights] == [
        (
            "Okay, a thread on Poor Richard, because I reread the almanac this weekend and it is funnier than I "
            "remembered. https://t.co/AbCdEf1234",
            status + "1046800000000000001",
            "rw239300001",
        ),
        (
            '"Early to bed, and early to rise, makes a man healthy, wealthy, and wise." Everyone knows that one. '
            "Fewer people know he was poking fun at almanac writers while he wrote it.",
            status + "1046800000000000002",
            "rw239300002",
        ),
        (
            'My favourite is still "A small leak will sink a great ship."\n'
            "It works for budgets, for habits, and for boats.",
            status + "1046800000000000003",
            "rw239300003",
        ),
        (
            "Addendum a year later because this thread is going around again:\n"
            "If you want to do something with it,\n"
            "- read the almanac itself, it is in the public domain\n"
            "- lend a copy to a friend and ask them which proverb they would keep",
            status + "1046800000000000004",
            "rw239300004",
        ),
    ]
    last = document.highlights[-1]
    assert (last.note, last.tags, last.location, last.section) == (None, (), None, None)
    for highlight in document.highlights:
        shown = highlight.text + (highlight.note or "")
        assert "Date::" not in shown and "Open in Readwise" not in shown and "^rw" not in shown, highlight


def test_note_ending_in_a_block_id_loses_the_block_id() -> None:
    """The same tweets template writes a note as `    - Note: Save ^rw239300001-note`: the block id
    Obsidian uses to link to the note is not part of the note, which is just `Save`."""
    document = tweets_document()
    assert [h.note for h in document.highlights] == ["Save", None, None, None]


def test_roam_style_highlight_paragraphs_at_column_zero_after_a_sync_header() -> None:
    """The Roam-style Markdown template in an Obsidian vault: `- Author:: [[…]]` property bullets,
    no H1, then `- ### Highlights first synced by #Readwise [[October 19th, 2023]]` and
    `- ### New highlights added [[…]] at 11:39 AM` header bullets. Under each, a highlight starts as an
    indented `    - ` child and its further paragraphs run at column 0, separated by blank lines, the
    last one ending `([View Highlight](…))`. Each highlight is all its paragraphs with its URL; the
    sync headers are not sections, and `#Readwise` in them is no tag."""
    document = only_document("wild_roam_column0_paragraphs.md", "Readwise/Articles/Walking.md")
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


def test_callout_quote_highlights_under_json_front_matter() -> None:
    """A digital-garden vault's template: the front matter rewritten as one JSON line (`title`,
    `tags: ["✂️"]`), a `- Document Note:` and `- URL:` under `## Metadata`, a bare `#📫` line right
    after `## Highlights`, then one Obsidian callout per highlight: `>[!QUOTE]  ` (two trailing
    spaces), `>text ([View Highlight](url)) #✂️`, a `{ #ref-694072827}` block ref, two blank lines
    and a `---` rule. The text has neither the callout marker, the link, the tag nor the ref; the
    `#📫` line and the rules are not highlights."""
    document = only_document("wild_callout_quote_json_front_matter.md")
    assert (document.title, document.full_title, document.author, document.category) == (
        "Meditations",
        None,
        None,
        None,
    )
    assert document.url == "https://readwise.io/reader/document_raw_content/90000001"
    assert document.tags == ("✂️",)
    assert document.note == (
        "The emperor's notebook to himself, in George Long's translation: short reminders on duty, death, the "
        "present moment and how little the opinions of others matter."
    )
    assert [(h.text, h.url, h.id) for h in document.highlights] == [
        (
            "Men seek retreats for themselves, houses in the country, sea-shores, and mountains;\n"
            "and thou too art wont to desire such things very much.",
            READER + "01hs6m0med0001retreats0000",
            "ref-694072536",
        ),
        (
            "Do not act as if thou wert going to live ten thousand years. Death hangs over thee. While thou "
            "livest, while it is in thy power, be good.",
            READER + "01hs6m0med0002tenthousand0",
            "ref-694072827",
        ),
        (
            "[How much trouble he avoids](https://www.gutenberg.org/ebooks/2680) who does not look to see what "
            "his neighbour says or does or thinks, but only to what he does himself, that it may be just and pure.",
            READER + "01hs6m0med0003neighbour000",
            "ref-694073506",
        ),
    ]
    assert all(h.tags == ("✂️",) for h in document.highlights)
    assert all((h.note, h.location, h.section) == (None, None, None) for h in document.highlights)


def test_quote_paragraph_after_a_highlight_bullet_is_its_note_and_tag_path_author() -> None:
    """A 2025 custom template tidied by the Obsidian Linter (`linter-yaml-title-alias`, `date created`
    in the YAML, an HTML `<div>` cover with tab-indented `<img>`, a dataview block): the highlight is
    `- text ([View Highlight](url))`, and the user's note follows it as a `> …` paragraph after a
    blank line. That quote is the highlight's note, not a highlight. The author is written as a tag
    path, `- Author: #people/authors/gutenbergorg`, and is its last segment."""
    document = only_document("wild_quote_note_after_bullet.md")
    title = "That to Study Philosophy is to Learn to Die"
    assert (document.title, document.full_title) == (title, title)
    assert (document.author, document.category, document.tags) == ("gutenbergorg", "articles", ("philosophy",))
    assert document.url == "https://www.gutenberg.org/ebooks/3600"
    assert document.summary == (
        "Montaigne argues that thinking often about death takes away its strangeness, and that whoever has "
        "learned to die has freed himself from fear."
    )
    assert document.note is None
    assert [(h.text, h.note, h.url) for h in document.highlights] == [
        (
            "Let us disarm him of his novelty and strangeness, let us converse and be familiar with him, and have "
            "nothing so frequent in our thoughts as death.",
            "He is talking about death as if it were a stranger at the door; the trick is to invite it in.",
            READER + "01jz89mont0001disarm00000",
        ),
        (
            "The premeditation of death is the premeditation of liberty; who has learned to die has unlearned to "
            "serve.",
            None,
            READER + "01jz89mont0002liberty0000",
        ),
        (
            "I would always have a man to be doing, and, as much as in him lies, to extend and spin out the offices "
            "of life.",
            "Compare Marcus Aurelius: do not act as if thou wert going to live ten thousand years.",
            READER + "01jz89mont0003doing000000",
        ),
    ]
    assert all((h.tags, h.location, h.section, h.id) == ((), None, None, None) for h in document.highlights)


def test_logseq_empty_wrapper_blocks_are_not_highlights() -> None:
    """A Logseq page template made for Anki cards (as in wences-sanchez's graph): a `deck::` page
    property, and every highlight wrapped in an empty `- -` block, tab-indented, its text a child
    block (`\\t- -` / `\\t\\t- text #flashcard`); the template leaves extra empty `\\t- -` blocks
    between highlights and at the very end (no final newline). No `-` highlight comes of them; a
    highlight's continuation lines, an `id::` property and a blank continuation line inside it read
    as in any Logseq block. The `#flashcard` the template writes after the text stays in the text,
    as inline hashtags do elsewhere."""
    document = only_document("wild_logseq_empty_wrapper_blocks.md", "pages/Economy (highlights).md")
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
    document = only_document("wild_logseq_escaped_url.md", "pages/The American Scholar (highlights).md")
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


def test_2021_about_template_multi_paragraph_highlights_between_rules() -> None:
    """A variant of the 2021 community plugin template (tests/test_parse_shapes.py has the base
    shape): `Author: ` left empty (a trailing space), a title whose `&` Readwise dropped (two spaces
    left in `[[Poor Richard  the Way to Wealth]]`), two blank lines before `# Highlights `, and
    highlights of several paragraphs between the `---` rules, only the last paragraph ending in the
    `  ^id` block id, no rule after the last highlight. Each highlight is all its paragraphs; no
    rule and no empty author is read as text."""
    document = only_document("wild_about_template_2021_paragraphs.md")
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
