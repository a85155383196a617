"""How Readwise's Markdown templates lay out highlights: quotes, callouts, paragraphs, and the notes,
links, ids and tags around them.

Each fixture in tests/fixtures/shapes copies the layout of an export found in a public vault (see
../shared/FORMATS.md); its text is our own or quoted from public-domain books, its URLs and ids are
made up. tests/test_parse_golden.py checks every field of every fixture; the tests here state the
facts that make each shape what it is.
"""

from __future__ import annotations

from shape_fixtures import READER, TO_KINDLE, only_document, parse_fixture


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
            TO_KINDLE + "B000FC2L1U&location=289",
        ),
        (
            "Time is but the stream I go a-fishing in. I drink at it; but while I drink I see the sandy bottom "
            "and detect how shallow it is.",
            "Location 301",
            TO_KINDLE + "B000FC2L1U&location=301",
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
        TO_KINDLE + "B0WAYWEALTH&location=88",
        ("Highlight", "2024-04-07", "proverbs"),
    )
    assert (third.text, third.tags) == ("A small leak will sink a great ship.", ("Highlight", "2024-04-08"))
    assert third.url == READER + "01hv2ma1b3d5f7h9k2m4p6r8t0"
    assert third.note == "The template stamps every highlight with the day it was made."


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
    assert (first.location, first.url) == ("Location 1204", TO_KINDLE + "B0FRANKLIN&location=1204")
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
            TO_KINDLE + "B0082ZLONG&location=2210",
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


def test_snipd_highlight_with_a_list_inside_keeps_every_line_in_order() -> None:
    """A Snipd podcast highlight (AI-written snip title and steps, then its transcript): after the
    first bullet line come continuation lines and `  - ` bullets (two ordinary spaces, not NBSP)
    interleaved, and the `([Time 0:03:24](https://share.snipd.com/snip/…))` link (NBSP after `Time`)
    ends the last line. Every line stays in the text in its place, inner bullets as `- item`."""
    document = only_document("snipd_list_inside_highlight.md")
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


def test_callout_quote_highlights_under_json_front_matter() -> None:
    """A digital-garden vault's template: the front matter rewritten as one JSON line (`title`,
    `tags: ["✂️"]`), a `- Document Note:` and `- URL:` under `## Metadata`, a bare `#📫` line right
    after `## Highlights`, then one Obsidian callout per highlight: `>[!QUOTE]  ` (two trailing
    spaces), `>text ([View Highlight](url)) #✂️`, a `{ #ref-694072827}` block ref, two blank lines
    and a `---` rule. The text has neither the callout marker, the link, the tag nor the ref; the
    `#📫` line and the rules are not highlights."""
    document = only_document("callout_quote_json_front_matter.md")
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
    document = only_document("quote_note_after_bullet.md")
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


def test_quote_template_with_note_paragraphs_and_the_readers_bullets() -> None:
    """A Readwise → Obsidian custom template of 2023-24 (as in matt2ology's vault and an unnamed
    one): `# Title`, a cover, `## Metadata` bullets (the URL as a `<…>` autolink), `## Highlights`,
    then each highlight a `> ` quote paragraph, wrapped over several `> ` lines, ending in
    ` ([View Highlight](…))` (the link sometimes alone on the last `> ` line). The reader's note is
    a `Note: …` paragraph after the quote, which may go on with `- ` list lines, right under it or
    after a blank line; another reader wrote `- Note: …` as a bullet between two blank lines. None
    of those bullets has a link: every quote is a highlight (none lost), no bullet is one, and each
    note keeps its list lines."""
    document = only_document("readwise_quote_note_list.md")
    assert (document.title, document.full_title) == ("Walden", "Walden")
    assert (document.author, document.category, document.tags) == ("Henry David Thoreau", "articles", ())
    assert document.url == "https://example.org/texts/walden?chapter=economy&ref=fake"
    assert (document.summary, document.note) == (None, None)
    assert len(document.highlights) == 5
    assert [(h.text, h.url) for h in document.highlights] == [
        (
            "The mass of men lead lives of quiet desperation. What is called resignation is confirmed\ndesperation.",
            READER + "01hfakewalden00000000000001",
        ),
        (
            "I went to the woods because I wished to live deliberately, to front only the essential facts of life,\n"
            "and see if I could not learn what it had to teach, and not, when I came to die, discover that I had not "
            "lived.",
            READER + "01hfakewalden00000000000002",
        ),
        (
            "Our life is frittered away by detail. An honest man has hardly need to count more than his ten\n"
            "fingers, or in extreme cases he may add his ten toes, and lump the rest.",
            READER + "01hfakewalden00000000000003",
        ),
        ("Simplify, simplify.", READER + "01hfakewalden00000000000004"),
        ("Rather than love, than money, than fame, give me truth.", READER + "01hfakewalden00000000000005"),
    ]
    assert [h.note for h in document.highlights] == [
        "The second sentence is the sharper one.\n- resignation = desperation that has stopped complaining",
        None,
        "His cure for detail, in three words:\n\n- Simplicity\n- simplicity\n- simplicity",
        "compare the ten fingers above",
        None,
    ]
    assert all((h.tags, h.location, h.section, h.id) == ((), None, None, None) for h in document.highlights)


def test_note_paragraph_written_above_its_quote() -> None:
    """The same template family with the note first (as in matt2ology's LeetCode note): YAML
    `author:`, `category-tag:`, `source-tag:`; `# Title`, a cover, `## Metadata` (URL autolink,
    `## Summary` glued under it), `## Highlights`; then for each highlight the reader's plain
    paragraph (none for some), a blank line, the `> quote ([View Highlight](…))` and a `---` rule,
    with three blank lines after the rule when the next highlight has no note. The paragraph above a
    quote is that quote's note, even when it goes on with `1. ` and `- ` list lines; the last quote
    keeps its `>   • ` lines."""
    document = only_document("readwise_note_above_quote.md")
    title = "On Liberty, Chapter II: Of the Liberty of Thought and Discussion"
    assert (document.title, document.full_title) == (title, title)
    assert (document.author, document.category, document.tags) == ("example.org", "articles", ())
    assert document.url == "https://example.org/texts/on-liberty/chapter-2"
    assert document.summary == (
        "Mill argues that silencing any opinion robs everyone, since a false opinion sharpens the truth and a true "
        "one may be the one silenced."
    )
    assert document.note is None
    assert len(document.highlights) == 4
    assert [(h.text, h.note, h.url) for h in document.highlights] == [
        (
            "If all mankind minus one, were of one opinion, and only one person were of the contrary opinion, mankind "
            "would be no more justified in silencing that one person, than he, if he had the power, would be justified "
            "in silencing mankind.",
            "The whole argument in one sentence.",
            READER + "01j0fakeliberty000000000001",
        ),
        (
            "We can never be sure that the opinion we are endeavouring to stifle is a false opinion; and if we were "
            "sure, stifling it would be an evil still.",
            None,
            READER + "01j0fakeliberty000000000002",
        ),
        (
            "He who knows only his own side of the case, knows little of that.",
            "Three reasons he keeps coming back to:\n"
            "1. **the opinion may be true**\n"
            "- we are not infallible\n"
            "2. a false opinion still holds some truth\n"
            "- and the truth is only known by its collision with error",
            READER + "01j0fakeliberty000000000003",
        ),
        (
            "The peculiar evil of silencing the expression of an opinion is, that it is robbing the human race;\n"
            "  • posterity as well as the existing generation;\n"
            "  • those who dissent from the opinion, still more than those who hold it.",
            None,
            READER + "01j0fakeliberty000000000004",
        ),
    ]
    assert all((h.tags, h.location, h.section, h.id) == ((), None, None, None) for h in document.highlights)


def test_location_headings_with_quote_link_and_initial_thought_notes() -> None:
    """A Readwise → Obsidian custom Kindle template of 2025 (an unnamed vault's Programming Rust):
    front matter with `authors:`, a `categories:` list, `draft:`, a blank line, `sources: kindle`,
    `media: books`, `tags: readwise, reference/books` and a `title: Reference - Author - Book`; a
    `## Book (Highlights)` heading, a cover, `Source published date: None`, `## Highlights`; then
    per highlight a `### Location 42` heading (NBSP after `Location`), a blank line, `> text` and
    `> \\- [(Location 42)](https://readwise.io/to_kindle?…&location=42)`, and, when there is a
    note, a blank line, `**Initial thought or note on:** [(Location 42)](…)` and the note line. The
    text has neither the `\\-` line nor its link; the location is `Location 42` (a plain space), the
    URL the to_kindle link, the note the line under the label; the heading is not a section."""
    document = only_document("location_heading_initial_thought.md")
    assert (document.title, document.full_title) == ("Reference - Adam Smith - The Wealth of Nations", None)
    assert (document.author, document.category) == ("Adam Smith", "books")
    assert document.tags == ("readwise", "reference/books")
    assert (document.url, document.summary, document.note) == (None, None, None)
    link = TO_KINDLE + "B0FAKEWN42&location="
    assert len(document.highlights) == 4
    assert [(h.text, h.location, h.url, h.note) for h in document.highlights] == [
        (
            "The greatest improvement in the productive powers of labour seems to have been the effects of the "
            "division of labour.",
            "Location 42",
            link + "42",
            "The pin factory example comes right after this; ten men make what one could not.",
        ),
        (
            "It is not from the benevolence of the butcher, the brewer, or the baker, that we expect our dinner, but "
            "from their regard to their own interest.",
            "Location 47",
            link + "47",
            None,
        ),
        (
            "Every individual is continually exerting himself to find out the most advantageous employment for "
            "whatever capital he can command.",
            "Location 53",
            link + "53",
            "Self-interest again, this time about capital.",
        ),
        ("Consumption is the sole end and purpose of all production.", "Location 207", link + "207", None),
    ]
    assert all((h.tags, h.section, h.id) == ((), None, None) for h in document.highlights)
