"""Highlight cards keep every word of a highlight, in order; an image is a short marker where it stood."""

from __future__ import annotations

import io

import pytest
from conftest import SAMPLES
from pilot_helpers import WIDE, pane_lines, reading
from rich.console import Console, RenderableType
from rich.style import Style

from hltui.links import highlight_links
from hltui.model import Document, Highlight
from hltui.parsing.parse import parse_bytes
from hltui.tui.widgets.detail_pane import DetailPane
from hltui.tui.widgets.document_header import header_strips
from hltui.tui.widgets.highlight_card import CARD_GUTTER, CardLook, card_body, card_strips

TWEETS = SAMPLES / "Readwise" / "Tweets" / "Tweets From Example Naturalist.md"
TWEET_IMAGE = "![](https://pbs.twimg.com/media/example.jpg)"

OWN_LINK = ["↗", "highlight", "(O)"]  # the details line's name for a highlight's own link


def shown(renderable: RenderableType, width: int) -> str:
    """What a renderable looks like in a terminal `width` cells wide, as plain text."""
    console = Console(width=width, file=io.StringIO(), color_system=None, record=True, legacy_windows=False)
    console.print(renderable)
    return console.export_text()


def card_text(highlight: Highlight, width: int = 60) -> str:
    """The card as the pane draws it with `width` columns for its text, without border and padding."""
    console = Console(width=width, file=io.StringIO(), color_system=None, legacy_windows=False)
    strips = card_strips(console, highlight, width + CARD_GUTTER, CardLook())
    assert all(strip.cell_length == width + CARD_GUTTER and strip.text.startswith("▌ ") for strip in strips)
    return "\n".join(strip.text[2:] for strip in strips)


def words(text: str) -> list[str]:
    return text.split()


def tweet_with_image() -> Highlight:
    result = parse_bytes(TWEETS.read_bytes(), str(TWEETS))
    [document] = result.documents
    [highlight] = [h for h in document.highlights if h.text.startswith("Field note")]
    return highlight


@pytest.mark.parametrize("width", [30, 44, 60, 100])
def test_sample_tweet_keeps_every_word_with_the_image_where_it_stood(width: int) -> None:
    highlight = tweet_with_image()
    assert TWEET_IMAGE in highlight.text  # the export holds the image at the end of the highlight
    expected = words(highlight.text.replace(TWEET_IMAGE, "[image: example.jpg]"))
    assert expected[:8] == ["Field", "note,", "6:40", "AM.", "Fog", "on", "the", "pond,"]
    assert expected[-2:] == ["[image:", "example.jpg]"]
    # The card's detail line for a tweet with a URL and no location names the link and its key.
    assert words(card_text(highlight, width)) == [*expected, *OWN_LINK]


def test_sample_tweet_card_no_longer_starts_with_the_image() -> None:
    lines = card_text(tweet_with_image(), 60).splitlines()
    assert lines[0].rstrip() == "Field note, 6:40 AM."  # the tweet's own line breaks are kept
    assert lines[1].startswith("Fog on the pond, two herons")
    assert "🌆" not in "".join(lines)


CHINESE_BEFORE = "我们在湖边走了很久。雾很浓，看不见对岸。"
CHINESE_AFTER = "忽然有两只苍鹭从芦苇里飞起来，翅膀几乎碰到水面。回家的路上，大家都没有说话。"


@pytest.mark.parametrize("width", [20, 33, 60, 120])
def test_chinese_highlight_keeps_every_character_around_an_image(width: int) -> None:
    text = f"{CHINESE_BEFORE}![](https://example.com/images/heron.png){CHINESE_AFTER}"
    visible = "".join(card_text(Highlight(text), width).split())
    assert visible == f"{CHINESE_BEFORE}[image:heron.png]{CHINESE_AFTER}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "![](https://e.org/dawn.jpg) Herons stand still in the reeds.",
            "[image: dawn.jpg] Herons stand still in the reeds.",
        ),
        (
            "Herons stand ![](https://e.org/dawn.jpg) still in the reeds.",
            "Herons stand [image: dawn.jpg] still in the reeds.",
        ),
        (
            "Herons stand still in the reeds. ![](https://e.org/dawn.jpg)",
            "Herons stand still in the reeds. [image: dawn.jpg]",
        ),
        (
            "Herons stand still\n![](https://e.org/dawn.jpg)\nin the reeds.",
            "Herons stand still [image: dawn.jpg] in the reeds.",
        ),
        (
            "Herons stand still\n\n![](https://e.org/dawn.jpg)\n\nin the reeds.",
            "Herons stand still [image: dawn.jpg] in the reeds.",
        ),
        ("Herons![](https://e.org/dawn.jpg)stand still.", "Herons[image: dawn.jpg]stand still."),
        ("Two ![](a.png) images ![](b.png) here.", "Two [image: a.png] images [image: b.png] here."),
    ],
    ids=["start", "middle", "end", "own-line", "own-paragraph", "no-spaces", "two-images"],
)
@pytest.mark.parametrize("width", [16, 40, 80])
def test_image_marker_stands_where_the_image_stood(text: str, expected: str, width: int) -> None:
    assert words(card_text(Highlight(text), width)) == words(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Look: ![A grey heron](https://e.org/heron.jpg) at dawn.", "Look: [image: A grey heron] at dawn."),
        (
            'Look: ![](https://e.org/heron.jpg "Dawn patrol") at dawn.',
            "Look: [image: heron.jpg — Dawn patrol] at dawn.",
        ),
        (
            'Look: ![A grey heron](https://e.org/heron.jpg "Dawn patrol") at dawn.',
            "Look: [image: A grey heron — Dawn patrol] at dawn.",
        ),
        ("Look: ![a *grey* heron](https://e.org/heron.jpg) at dawn.", "Look: [image: a grey heron] at dawn."),
        ("Look: ![heron](https://e.org/heron.jpg 'heron') at dawn.", "Look: [image: heron] at dawn."),
        (
            "Look: ![](https://e.org/media/heron.jpg?format=jpg&name=small) at dawn.",
            "Look: [image: heron.jpg] at dawn.",
        ),
        ("Look: ![](https://e.org/grey%20heron.jpg) at dawn.", "Look: [image: grey heron.jpg] at dawn."),
        ("Look: ![][pic] at dawn.\n\n[pic]: https://e.org/heron.jpg", "Look: [image: heron.jpg] at dawn."),
    ],
    ids=["alt", "title", "alt-and-title", "alt-with-emphasis", "title-same-as-alt", "query", "escaped", "reference"],
)
def test_image_marker_shows_alt_text_and_title(text: str, expected: str) -> None:
    assert words(card_text(Highlight(text))) == words(expected)


def test_paragraphs_around_an_image_paragraph_keep_their_blank_lines() -> None:
    text = "First paragraph.\n\n![](https://e.org/heron.jpg)\n\nLast paragraph."
    lines = [line.rstrip() for line in card_text(Highlight(text)).splitlines()]
    assert lines == ["First paragraph.", "", "[image: heron.jpg]", "", "Last paragraph."]


def test_image_inside_a_link_is_its_marker_without_the_link_target() -> None:
    text = "Site: [![logo](https://e.org/logo.png)](https://e.org/home) here."
    assert words(card_text(Highlight(text), 80)) == words("Site: [image: logo] here.")


def test_links_show_their_text_and_in_book_anchors_their_number_only() -> None:
    text = "A 1926 book by [Will Durant](https://en.wikipedia.org/wiki/Will_Durant), as noted.[55](#ich04fn55)"
    shown = card_text(Highlight(text), 100)
    assert words(shown) == words("A 1926 book by Will Durant, as noted.55")
    assert "wikipedia" not in shown and "#ich04fn55" not in shown


def test_line_breaks_inside_a_highlight_are_kept() -> None:
    text = "Summary:\nWarmth plus competence.\nTranscript:\nSpeaker 1\nWe love charismatic people."
    lines = [line.strip() for line in card_text(Highlight(text), 100).splitlines() if line.strip()]
    assert lines == ["Summary:", "Warmth plus competence.", "Transcript:", "Speaker 1", "We love charismatic people."]


def test_links_of_a_highlight_are_its_own_then_those_in_its_text_each_once() -> None:
    text = "See [Durant](https://e.org/durant), [55](#fn55), https://e.org/Mercury_(planet). Also [again](https://e.org/durant)."
    links = highlight_links(Highlight(text, url="https://read.readwise.io/read/01h"))
    assert [address for _, address in links] == [
        "https://read.readwise.io/read/01h",
        "https://e.org/durant",
        "https://e.org/Mercury_(planet)",
    ]
    assert links[1][0] == "Durant"
    assert highlight_links(Highlight("No links, only [a note](#here) and [mail](mailto:a@b.c).")) == ()


def test_data_uri_and_long_names_give_a_short_marker() -> None:
    data = "data:image/png;base64," + "iVBORw0KGgo" * 40
    assert words(card_text(Highlight(f"Before ![]({data}) after."))) == ["Before", "[image]", "after."]
    long_name = "x" * 200 + ".png"
    marker = card_text(Highlight(f"Before ![](https://e.org/{long_name}) after."), 400).split()[1:-1]
    assert len(" ".join(marker)) <= 60


def test_marker_text_is_shown_literally_never_as_markup() -> None:
    text = 'Before ![\\[bold red\\]loud\\[/\\]](https://e.org/[b]x[/b].png "[link=https://evil]t[/link]") after.'
    console = Console(width=200, file=io.StringIO(), color_system="truecolor", record=True, legacy_windows=False)
    console.print(card_body(Highlight(text)))
    plain = console.export_text()
    assert words(plain) == words("Before [image: [bold red]loud[/] — [link=https://evil]t[/link]] after.")
    assert "\x1b]8;" not in console.file.getvalue()  # type: ignore[attr-defined]  # no hyperlink escape


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Before ![](https://e.org/x%1B%5B31mred%07.png) after.", "Before [image: xred.png] after."),
        ("Before ![a\x1b[31m]red](https://e.org/x.png) after.", "Before [image: a]red] after."),
        ("Before ![a\u202eder](https://e.org/x.png) after.", "Before [image: ader] after."),
    ],
    ids=["percent-encoded-in-file-name", "escape-in-alt-text", "bidi-override-in-alt-text"],
)
def test_control_characters_never_reach_the_marker(text: str, expected: str) -> None:
    # The parser strips controls from highlight text; decoding a file name must not bring them back.
    visible = card_text(Highlight(text))
    assert not any(character in visible for character in "\x1b\x07\u202e")
    assert words(visible) == words(expected)


async def test_tweet_card_in_the_reader_shows_every_word() -> None:
    async with reading(size=WIDE) as (_, pilot, screen):
        assert screen.library is not None
        [document] = [d for d in screen.library.documents if d.title == "Tweets From Example Naturalist"]
        [index] = [i for i, h in enumerate(document.highlights) if h.text.startswith("Field note")]
        screen.show_document(document, index)
        await pilot.pause()
        pane = screen.query_one(DetailPane)
        lines = pane_lines(pane)
        start = next(y for y, line in enumerate(lines) if line.startswith("▌ Field note"))
        card = [line[2:] for line in lines[start:] if line.startswith("▌ ")]
        end = next((n for n, line in enumerate(lines[start:]) if not line.startswith("▌ ")), len(lines) - start)
        expected = words(document.highlights[index].text.replace(TWEET_IMAGE, "[image: example.jpg]"))
        assert words(" ".join(card[:end])) == [*expected, *OWN_LINK]


def test_a_highlights_date_is_on_its_card_and_the_documents_in_its_header() -> None:
    card = card_text(Highlight("Dated words.", location="Location 9", added="2022-12-14T21:18"), 80)
    assert "Location 9 · 14 Dec 2022" in card
    document = Document("Dated", "dated.md", highlights=(Highlight("x"),), updated="2023-12-10T09:05")
    console = Console(width=80, file=io.StringIO(), color_system=None, legacy_windows=False)
    header = "\n".join(strip.text for strip in header_strips(console, document, 80, Style()))
    assert "Updated     10 Dec 2023, 09:05" in header
    undated = "\n".join(strip.text for strip in header_strips(console, Document("Undated", "u.md"), 80, Style()))
    assert "Updated" not in undated


def test_highlight_cards_render_markdown_without_hyperlinks() -> None:
    from hltui.model import Highlight

    rendered = card_body(Highlight("see [site](file:///etc/passwd)", location="Page 3"))
    assert "Page 3" in str(rendered.renderables[-1])  # type: ignore[attr-defined]
    markdown = rendered.renderables[0]  # type: ignore[attr-defined]
    assert markdown.hyperlinks is False
