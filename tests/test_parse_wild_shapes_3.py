"""Real-world export shapes from a third round of unseen vaults, each read from a fixture of our own
in tests/fixtures/shapes (`wild3_*`).

Each fixture copies the layout (front matter, blank lines, tabs, NBSPs, `---` rules, indentation)
of an export found in a public vault that the parser misread; their text is our own or quoted from
public-domain books (Thoreau's Walden, Mill's On Liberty, Adam Smith's Wealth of Nations, Franklin's
almanac, Strunk's Elements of Style, Emerson's essays). URLs, ASINs and ids are made up.
"""

from __future__ import annotations

from shape_fixtures import READER, only_document

TO_KINDLE = "https://readwise.io/to_kindle?action=open&asin="


def test_quote_template_with_note_paragraphs_and_the_readers_bullets() -> None:
    """A Readwise → Obsidian custom template of 2023-24 (as in matt2ology's vault and an unnamed
    one): `# Title`, a cover, `## Metadata` bullets (the URL as a `<…>` autolink), `## Highlights`,
    then each highlight a `> ` quote paragraph, wrapped over several `> ` lines, ending in
    ` ([View Highlight](…))` (the link sometimes alone on the last `> ` line). The reader's note is
    a `Note: …` paragraph after the quote, which may go on with `- ` list lines, right under it or
    after a blank line; another reader wrote `- Note: …` as a bullet between two blank lines. None
    of those bullets has a link: every quote is a highlight (none lost), no bullet is one, and each
    note keeps its list lines."""
    document = only_document("wild3_readwise_quote_note_list.md")
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
    document = only_document("wild3_readwise_note_above_quote.md")
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
    document = only_document("wild3_location_heading_initial_thought.md")
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


def test_logseq_linked_highlights_first_synced_header() -> None:
    """A Readwise → Logseq page of 2022-23 (BillLudwig's Zettelkasten): `title:: X by site`,
    `author:: [[site]]`, `full-title:: "X"`, `category:: #articles`, `url::`, a blank line, then
    `- [[Highlights]] first synced by [[Readwise]] [[April 2nd, 2023]]` with TAB-indented children
    and no final newline. Each child is a highlight (an article's `1. Heading #` lines and a
    `<pre>` line included), not the note of one highlight named after the header."""
    document = only_document("wild3_logseq_linked_highlights_header.md", "pages/Notes on the Almanac by example.org.md")
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


def test_roam_template_empty_recommended_by_attribute_is_not_a_highlight() -> None:
    """Readwise's Roam-style Markdown template kept in a vault (2021, 2023): `- Author:: [[@x on
    Twitter]]`, `- Full Title::`, `- URL::`, an empty `- Recommended By::`, `- Tags:: #Tweets
    #Inbox #Readwise`, then `- ### Highlights first synced by #Readwise [[date]]` and its 4-space
    indented tweets ending in ` ([View Tweet](…))`. The empty attribute is a metadata field, not a
    highlight; the tweets are the only highlights."""
    document = only_document("wild3_roam_recommended_by_empty.md", "Tweets From Almanac Reader.md")
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


def test_autolink_url_bullet_and_yaml_authors_list() -> None:
    """Readwise custom templates of 2024 write `- URL: <https://…>` (an autolink): the URL is what
    is inside the brackets. Front matter that names the people under the plural `authors:` key, as
    a YAML list, gives them joined with a comma."""
    document = only_document("wild3_autolink_url_authors_list.md")
    assert (document.title, document.full_title) == ("The Elements of Style", "The Elements of Style")
    assert (document.author, document.category, document.tags) == ("William Strunk, E. B. White", "books", ())
    assert document.url == "https://example.org/books/elements-of-style"
    assert (document.summary, document.note) == (None, None)
    link = TO_KINDLE + "B0FAKESTYL&location="
    assert [(h.text, h.location, h.url) for h in document.highlights] == [
        ("Vigorous writing is concise.", "Location 310", link + "310"),
        ("Use the active voice.", "Location 280", link + "280"),
    ]
    assert all((h.note, h.tags, h.section, h.id) == (None, (), None, None) for h in document.highlights)


def test_apple_books_rule_separated_highlights() -> None:
    """An Apple Books export (an unnamed vault's Test Driven Development By Example, 327 highlights):
    no front matter or title line, `## Metadata` with `- Author:` and `- [Apple Books Link](ibooks://…)`,
    `## Highlights`, then highlights separated by `---` lines. A rule followed by a line ending in
    `:` (`… is useful when:`) does not open front matter; a highlight may run over blank lines,
    whitespace-only lines and 8-12-space indented lines up to the next rule, which may follow its
    last line with no blank line between; there is no final newline. One document, one highlight
    per rule-to-rule chunk; the Apple Books link is not a highlight."""
    document = only_document("wild3_apple_books_rules.md", "Essays First Series.md")
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
