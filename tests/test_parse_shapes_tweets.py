"""Twitter threads exported by Readwise: tweets that start with a hashtag, hold bare links or lists,
and carry their link and id on their last line.

Each fixture in tests/fixtures/shapes copies the layout of an export found in a public vault (see
../shared/FORMATS.md); its text is our own or quoted from public-domain books, its URLs and ids are
made up. tests/test_parse_golden.py checks every field of every fixture; the tests here state the
facts that make each shape what it is.
"""

from __future__ import annotations

from shape_fixtures import only_document, parse_fixture

from hltui.model import Document


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


def tweets_document() -> Document:
    """The custom tweets template's document: its YAML `author: @handle …` is no valid YAML (a plain
    scalar cannot start with `@`), which is reported once; the values are still read line by line."""
    result = parse_fixture("tweets_list_inside_last_tweet.md")
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
