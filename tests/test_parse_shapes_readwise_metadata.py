"""A Readwise export's document fields as custom templates write them: front matter, metadata lines,
titles, authors, covers and summaries.

Each fixture in tests/fixtures/shapes copies the layout of an export found in a public vault (see
../shared/FORMATS.md); its text is our own or quoted from public-domain books, its URLs and ids are
made up. tests/test_parse_golden.py checks every field of every fixture; the tests here state the
facts that make each shape what it is.
"""

from __future__ import annotations

from shape_fixtures import READER, TO_KINDLE, only_document, parse_fixture


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


def test_front_matter_of_metadata_bullets_that_yaml_rejects() -> None:
    """A custom template (as in buttacwup's vault) puts the metadata bullets between `---` fences:
    `- Author: [[@handle on Twitter]]`, `- Full Title: …`, `- Category: #tweets`, `- URL: …`. YAML
    rejects `[[@` (reported once, saying the block was read as metadata bullets), and the bullets
    give author, full title, category and URL; then `# Title`, a cover, `## Highlights` bullets
    whose text keeps an inline `#PoorRichard` hashtag."""
    result = parse_fixture("front_matter_metadata_bullets.md")
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


def test_autolink_url_bullet_and_yaml_authors_list() -> None:
    """Readwise custom templates of 2024 write `- URL: <https://…>` (an autolink): the URL is what
    is inside the brackets. Front matter that names the people under the plural `authors:` key, as
    a YAML list, gives them joined with a comma."""
    document = only_document("autolink_url_authors_list.md")
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
