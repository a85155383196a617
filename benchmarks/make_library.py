"""Write a seeded, mixed Readwise library in the shapes real exports have, for the benchmarks.

Usage: python benchmarks/make_library.py N DIR [--seed S] [--long] [--huge]

N documents go under DIR, mixed roughly like a real Readwise account: mostly articles and
tweets, some podcasts, some books, a few of them with 500 to 1,500 highlights; about 20
highlights a document on average (10,000 documents ~ 200,000 highlights, ~65 MB). The shapes
are the ones catalogued in FORMATS.md: the default Obsidian template (`## Metadata` bullets,
`([Location 12](https://readwise.io/to_kindle?...))`, `([View Highlight](https://read.readwise.io/read/...))`,
`    - Tags: [[favorite]] `, `    - Note:`), YAML front matter with nested tags and `^rw` anchors,
the Logseq default (`title::` properties, TAB-indented blocks, `**Tags**:` and `**Note**:`
children) and the bulk Markdown export (`### Metadata`, `    - **Note:**`), plus a sync log and
a few `-2` duplicates. The text mixes public-domain quotations (books before 1929), sentences
written for this script and made-up words drawn with a Zipf law, so the vocabulary grows with the
library as a real one does.

`--long` adds one book of 10,000 highlights, `--huge` one of 190,000 (~50 MB); their first and
last highlights begin with the markers below, so a benchmark can tell when they are on screen.
The same N, seed and flags always write the same bytes.
"""

from __future__ import annotations

import argparse
import math
import random
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

NBSP = "\u00a0"
LONG_HIGHLIGHTS = 10_000
HUGE_HIGHLIGHTS = 190_000
LONG_TITLE = "The Long Commonplace Book"
HUGE_TITLE = "The Enormous Commonplace Book"
FIRST_MARKER = "Quillfirst"
LAST_MARKER = "Quilllast"
LEXICON_SIZE = 200_000

QUOTES = (
    "The mass of men lead lives of quiet desperation.",
    "I went to the woods because I wished to live deliberately, to front only the essential facts of life.",
    "Our life is frittered away by detail. Simplify, simplify.",
    "Time is but the stream I go a-fishing in.",
    "I never found the companion that was so companionable as solitude.",
    "Beware of all enterprises that require new clothes, and not rather a new wearer of clothes.",
    "Trust thyself: every heart vibrates to that iron string.",
    "A foolish consistency is the hobgoblin of little minds.",
    "To be great is to be misunderstood.",
    "Nothing can bring you peace but yourself.",
    "Insist on yourself; never imitate.",
    "Begin the morning by saying to thyself, I shall meet with the busy-body, the ungrateful, arrogant, "
    "deceitful, envious, unsocial.",
    "Very little is needed to make a happy life; it is all within yourself, in your way of thinking.",
    "The universe is change; our life is what our thoughts make it.",
    "Waste no more time arguing about what a good man should be. Be one.",
    "Loss is nothing else but change, and change is Nature's delight.",
    "Nothing, Lucilius, is ours, except time.",
    "Hold every hour in your grasp.",
    "It is not the man who has too little, but the man who craves more, that is poor.",
    "Everywhere means nowhere.",
    "We suffer more often in imagination than in reality.",
    "Lost time is never found again.",
    "Early to bed and early to rise makes a man healthy, wealthy, and wise.",
    "An investment in knowledge pays the best interest.",
    "Well done is better than well said.",
    "It is a truth universally acknowledged, that a single man in possession of a good fortune, "
    "must be in want of a wife.",
    "I declare after all there is no enjoyment like reading!",
    "There is a stubbornness about me that never can bear to be frightened at the will of others.",
    "Call me Ishmael.",
    "It is not down in any map; true places never are.",
    "It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of foolishness.",
    "Beware; for I am fearless, and therefore powerful.",
    "Nothing is so painful to the human mind as a great and sudden change.",
    "Curiouser and curiouser!",
    "Why, sometimes I've believed as many as six impossible things before breakfast.",
    "It's no use going back to yesterday, because I was a different person then.",
    "There is grandeur in this view of life, with its several powers.",
    "It is interesting to contemplate an entangled bank, clothed with many plants of many kinds.",
    "The affinities of all the beings of the same class have sometimes been represented by a great tree.",
    "Every man bears the whole form of the human condition.",
    "The greatest thing in the world is to know how to belong to oneself.",
    "All men's miseries derive from not being able to sit in a quiet room alone.",
    "The heart has its reasons which reason knows nothing of.",
    "We have more strength than will; and it is often merely for an excuse we say things are impossible.",
    "Courage is resistance to fear, mastery of fear, not absence of fear.",
    "The secret of getting ahead is getting started.",
    "I celebrate myself, and sing myself.",
    "Do I contradict myself? Very well then I contradict myself, I am large, I contain multitudes.",
    "Tell all the truth but tell it slant.",
    "Hope is the thing with feathers that perches in the soul.",
    "We are all in the gutter, but some of us are looking at the stars.",
    "To live is the rarest thing in the world. Most people exist, that is all.",
    "There are no foolish questions and no man becomes a fool until he has stopped asking questions.",
    "Books are the quietest and most constant of friends.",
    "The more that you read, the more things you will know.",
    "He that can have patience can have what he will.",
    "The happiness of your life depends upon the quality of your thoughts.",
    "Reading is to the mind what exercise is to the body.",
)

OWN_SENTENCES = (
    "Most of what we call productivity is a way of not deciding what matters.",
    "A note you never read again is a receipt, not a thought.",
    "Write the summary before you forget why the chapter mattered.",
    "The best systems are the ones you still use after the novelty wears off.",
    "Small batches make feedback arrive while you still care about it.",
    "Caching is a promise that nothing changed; keep the promise small and checkable.",
    "Every abstraction leaks eventually, so choose the one whose leaks you understand.",
    "Read slowly when the author is careful and quickly when the author is not.",
    "A good question narrows the search; a great one changes what you search for.",
    "Teams ship their org chart, so draw the chart you want the product to have.",
    "If a meeting has no decision at the end, it was a reading group.",
    "Defaults matter more than options because almost nobody changes them.",
    "Walking is the cheapest way to think about a hard problem.",
    "Keep a list of the questions you could not answer this week.",
    "A deadline you set yourself is a hypothesis, not a law.",
    "The slow part of learning is noticing that you were wrong.",
    "Measure the thing people feel, not the thing that is easy to count.",
    "Habits are votes for the person you want to become.",
    "The index of a book is a map of what its author thought mattered.",
    "Boring technology leaves your attention for the interesting problem.",
)

OWN_CLAUSES = (
    "the {0} of {1} is mostly a question of {2}",
    "people who study {0} keep coming back to {1}",
    "a short note on {0}, {1} and the {2} problem",
    "why {0} beats {1} when the {2} is small",
    "{0} is what happens when {1} meets {2}",
    "the case for {0} over {1}",
    "notes from a talk about {0} and {1}",
    "how {0} changed the way we think about {1}",
)

SYLLABLES = (
    "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "ba", "do", "fi", "gu", "ha", "je", "ko", "la", "mo",
    "nu", "pe", "qui", "ro", "si", "ta", "ul", "ve", "wa", "xe", "yo", "zu", "bri", "cla", "dre", "fro", "gla",
    "pla", "sto", "tra", "vin", "mar", "len", "dor", "fen", "gar", "hol", "ist", "orn", "par", "sel", "tor",
    "und", "ver", "wil", "amb", "esk", "oth", "ryn", "sha", "the", "wen",
)  # fmt: skip

FIRST_NAMES = ("Ada", "Basil", "Clara", "Dmitri", "Edith", "Felix", "Greta", "Hugo", "Iris", "Jonas", "Kira", "Leo")
LAST_NAMES = ("Marsh", "Okafor", "Lindqvist", "Moreau", "Tanaka", "Reyes", "Whitlock", "Novak", "Hale", "Sørensen")
CLASSIC_AUTHORS = (
    "Henry David Thoreau", "Ralph Waldo Emerson", "Marcus Aurelius", "Seneca", "Benjamin Franklin", "Jane Austen",
    "Herman Melville", "Charles Dickens", "Mary Shelley", "Lewis Carroll", "Charles Darwin", "Michel de Montaigne",
)  # fmt: skip
SITES = ("example.com", "blog.example.org", "essays.example.net", "notes.example.io", "wikipedia.org")
TAGS = (
    "productivity", "philosophy", "philosophy/stoicism", "writing", "reading", "history", "science/biology",
    "engineering", "engineering/databases", "management", "health", "design", "economics", "psychology",
    "retrieval augmented generation", "pink", "blue", "orange", "to-review", "quotes",
)  # fmt: skip


def made_up_word(rank: int) -> str:
    """The word of a given frequency rank in the made-up lexicon (rank 0 is the commonest)."""
    count = len(SYLLABLES)
    return SYLLABLES[rank % count] + SYLLABLES[(rank // count) % count] + SYLLABLES[(rank // count**2) % count]


@cache
def _log_lexicon() -> float:
    return math.log(LEXICON_SIZE)


def zipf_word(rng: random.Random) -> str:
    """A made-up word drawn with probability falling as 1/rank (log-uniform ranks)."""
    return made_up_word(int(math.exp(rng.random() * _log_lexicon())) - 1)


def sentence(rng: random.Random) -> str:
    """One sentence: a quotation, a sentence of ours, or a clause of made-up words."""
    roll = rng.random()
    if roll < 0.45:
        return rng.choice(QUOTES)
    if roll < 0.7:
        return rng.choice(OWN_SENTENCES)
    words = [zipf_word(rng) for _ in range(3)]
    return rng.choice(OWN_CLAUSES).format(*words).capitalize() + "."


def passage(rng: random.Random, sentences: int) -> str:
    """A highlight's text of a few sentences."""
    return " ".join(sentence(rng) for _ in range(sentences))


@dataclass
class Highlight:
    """One highlight to write: text (may hold newlines), its location link, tags and note."""

    text: str
    location: str = ""
    location_url: str = ""
    tags: list[str] = field(default_factory=list)
    note: str = ""


@dataclass
class Draft:
    """One document to write, before it is rendered in a template."""

    title: str
    author: str
    category: str
    url: str
    cover: str
    document_tags: list[str]
    highlights: list[Highlight]
    sections: list[int] = field(default_factory=list)  # highlight indexes where a re-sync section starts
    chapters: dict[int, str] = field(default_factory=dict)
    summary: str = ""


def title_case(words: list[str]) -> str:
    """Words as a title."""
    return " ".join(word.capitalize() for word in words)


def highlight_extras(rng: random.Random, highlight: Highlight) -> Highlight:
    """Highlight tags (favorites, colours, nested tags) and notes, as often as readers add them."""
    if rng.random() < 0.06:
        highlight.tags.append("favorite")
    if rng.random() < 0.05:
        highlight.tags.append(rng.choice(TAGS))
    if rng.random() < 0.1:
        highlight.note = passage(rng, 1)
    return highlight


def ulid(rng: random.Random) -> str:
    """A Reader document id shaped like the real ones (26 lower-case base-32 characters)."""
    return "01" + "".join(rng.choice("0123456789abcdefghjkmnpqrstvwxyz") for _ in range(24))


def draft_book(rng: random.Random, count: int) -> Draft:
    """A Kindle book: Location links (or pages), chapters in long ones."""
    title = title_case([zipf_word(rng), "and", zipf_word(rng)]) if rng.random() < 0.7 else rng.choice(QUOTES)[:40]
    asin = "B0" + "".join(rng.choice("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(8))
    by_page = rng.random() < 0.15
    location = rng.randint(10, 200)
    highlights = []
    for _ in range(count):
        location += rng.randint(1, 60)
        text = passage(rng, rng.choice((2, 2, 3, 4)))
        if by_page:
            highlights.append(highlight_extras(rng, Highlight(text, f"Page{NBSP}{location // 10}")))
        else:
            url = f"https://readwise.io/to_kindle?action=open&asin={asin}&location={location}"
            highlights.append(highlight_extras(rng, Highlight(text, f"Location{NBSP}{location}", url)))
    chapters = {index: f"Chapter {index // 100 + 1}" for index in range(0, count, 100)} if count >= 300 else {}
    author = (
        rng.choice(CLASSIC_AUTHORS) if rng.random() < 0.5 else f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    )
    cover = f"https://images-na.ssl-images-amazon.com/images/I/{asin}._SL200_.jpg"
    tags = rng.sample(TAGS, rng.choice((0, 0, 1, 2)))
    return Draft(title, author, "books", "", cover, tags, highlights, chapters=chapters)


def draft_article(rng: random.Random, count: int) -> Draft:
    """A web article read in Reader (View Highlight links) or an older service (no links)."""
    words = [zipf_word(rng) for _ in range(3)]
    title = rng.choice(OWN_CLAUSES).format(*words).capitalize()
    site = rng.choice(SITES)
    linked = rng.random() < 0.8
    highlights = []
    for _ in range(count):
        text = passage(rng, rng.choice((2, 2, 3, 4)))
        if linked:
            url = f"https://read.readwise.io/read/{ulid(rng)}"
            highlights.append(highlight_extras(rng, Highlight(text, "View Highlight", url)))
        else:
            highlights.append(highlight_extras(rng, Highlight(text)))
    author = site if rng.random() < 0.4 else f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    url = f"https://{site}/{'-'.join(words)}"
    summary = passage(rng, 2) if linked and rng.random() < 0.5 else ""
    tags = rng.sample(TAGS, rng.choice((0, 0, 0, 1, 2)))
    return Draft(title, author, "articles", url, "", tags, highlights, summary=summary)


def draft_tweets(rng: random.Random, count: int) -> Draft:
    """`Tweets From <Name>`: one account's saved tweets, some with an image line."""
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {zipf_word(rng).capitalize()}"
    handle = name.lower().replace(" ", "_").replace("ø", "o")
    highlights = []
    status = rng.randint(10**18, 2 * 10**18)
    for _ in range(count):
        status += rng.randint(10**6, 10**12)
        text = passage(rng, rng.choice((1, 2, 3)))
        if rng.random() < 0.1:
            text += f"\n![](https://pbs.twimg.com/media/{ulid(rng)}.jpg)"
        url = f"https://twitter.com/{handle}/status/{status}"
        highlights.append(highlight_extras(rng, Highlight(text, "View Tweet", url)))
    cover = f"https://pbs.twimg.com/profile_images/{status}/{handle}.jpg"
    profile = f"https://twitter.com/{handle}"
    return Draft(f"Tweets From {name}", f"@{handle} on Twitter", "tweets", profile, cover, [], highlights)


def draft_podcast(rng: random.Random, count: int) -> Draft:
    """A podcast episode clipped with Snipd: snip title, Summary, Transcript, Time links."""
    show = f"The {zipf_word(rng).capitalize()} Hour"
    title = f"Ep. {rng.randint(1, 400)}: {rng.choice(OWN_CLAUSES).format(*(zipf_word(rng) for _ in range(3)))}"
    seconds = 0
    highlights = []
    for _ in range(count):
        seconds += rng.randint(60, 600)
        hours, rest = divmod(seconds, 3600)
        text = (
            f"{title_case([zipf_word(rng), zipf_word(rng)])}\nSummary:\n{passage(rng, 2)}\n"
            f"Transcript:\nSpeaker {rng.randint(1, 2)}\n{passage(rng, 2)}"
        )
        url = f"https://share.snipd.com/snip/{ulid(rng)}"
        location = f"Time{NBSP}{hours}:{rest // 60:02}:{rest % 60:02}"
        highlights.append(highlight_extras(rng, Highlight(text, location, url)))
    url = f"https://share.snipd.com/episode/{ulid(rng)}"
    return Draft(title, show, "podcasts", url, "https://images.example.com/podcast.jpg", [], highlights)


def highlight_count(rng: random.Random, category: str) -> int:
    """How many highlights a document of a category has (long-tailed, like real accounts)."""
    if category == "books":
        return rng.randint(500, 1500) if rng.random() < 0.03 else max(3, int(rng.lognormvariate(3.7, 0.8)))
    mean = {"articles": 9.0, "tweets": 10.0, "podcasts": 5.0}[category]
    return max(1, int(rng.expovariate(1 / mean)) + 1)


DRAFTERS: dict[str, Callable[[random.Random, int], Draft]] = {
    "articles": draft_article,
    "tweets": draft_tweets,
    "books": draft_book,
    "podcasts": draft_podcast,
}
CATEGORY_WEIGHTS = {"articles": 52, "tweets": 25, "books": 15, "podcasts": 8}


def draft_document(rng: random.Random) -> Draft:
    """One document of a category drawn like a real account's mix, with re-sync sections sometimes."""
    category = rng.choices(list(CATEGORY_WEIGHTS), weights=list(CATEGORY_WEIGHTS.values()))[0]
    draft = DRAFTERS[category](rng, highlight_count(rng, category))
    if len(draft.highlights) > 4 and rng.random() < 0.2:
        draft.sections = sorted(rng.sample(range(1, len(draft.highlights)), rng.randint(1, 2)))
    if rng.random() < 0.02:
        draft.document_tags.append("favorite")
    return draft


# Rendering: one function per template family.

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")


def resync_date(index: int) -> str:
    """A date for the `New highlights added` header of the index-th section."""
    return f"{MONTHS[index % len(MONTHS)]} {index % 27 + 1}, 2024 at {index % 12 + 1}:{index * 7 % 60:02} PM"


def location_suffix(highlight: Highlight) -> str:
    """` ([Location 12](url))`, ` (Page 3)` or nothing."""
    if highlight.location_url:
        return f" ([{highlight.location}]({highlight.location_url}))"
    return f" ({highlight.location})" if highlight.location else ""


def obsidian_highlight(highlight: Highlight, indent: str = "  ") -> list[str]:
    """A default-template bullet: continuation lines indented, Tags before Note."""
    lines = ("- " + highlight.text + location_suffix(highlight)).split("\n")
    rendered = [lines[0], *(indent + line for line in lines[1:])]
    if highlight.tags:
        rendered.append("    - Tags: " + "".join(f"[[{tag}]] " for tag in highlight.tags))
    if highlight.note:
        rendered.append(f"    - Note: {highlight.note}")
    return rendered


def highlight_lines(draft: Draft, render: Callable[[Highlight], list[str]], resync: Callable[[int], str]) -> list[str]:
    """Every highlight rendered, with chapter headings and re-sync section headers between them."""
    lines: list[str] = []
    for index, highlight in enumerate(draft.highlights):
        if index in draft.sections:
            lines.extend(["", resync(draft.sections.index(index))])
        if index in draft.chapters:
            lines.append(f"### {draft.chapters[index]}")
        lines.extend(render(highlight))
    return lines


def render_obsidian(draft: Draft) -> str:
    """The official Obsidian export's default template (no front matter)."""
    lines = [f"# {draft.title}", ""]
    if draft.cover:
        lines += [f"![rw-book-cover]({draft.cover})", ""]
    lines += ["## Metadata", f"- Author: [[{draft.author}]]", f"- Full Title: {draft.title}"]
    lines.append(f"- Category: #{draft.category}")
    if draft.document_tags:
        lines.append("- Document Tags: " + "".join(f"[[{tag}]] " for tag in draft.document_tags))
    if draft.summary:
        lines.append(f"- Summary: {draft.summary}")
    if draft.url:
        lines.append(f"- URL: {draft.url}")
    lines += ["", "## Highlights"]
    lines += highlight_lines(draft, obsidian_highlight, lambda index: f"## New highlights added {resync_date(index)}")
    return "\n".join(lines) + "\n"


def yaml_highlight(highlight: Highlight) -> list[str]:
    """A user template's bullet with a `^rw` block id on its own line."""
    return [*obsidian_highlight(highlight), f"^rw{zlib.crc32(highlight.text.encode()) % 10**9}"]


def render_yaml(draft: Draft) -> str:
    """A user-edited Obsidian template: YAML front matter (nested tags as a list), then highlights."""
    quoted_title = draft.title.replace('"', "'")
    lines = ["---", f'title: "{quoted_title}"', f'author: "{draft.author}"', f"category: {draft.category}"]
    if draft.url:
        lines.append(f"url: {draft.url}")
    if draft.document_tags:
        lines += ["tags:", *(f"  - {tag.replace(' ', '-')}" for tag in draft.document_tags)]
    lines += ["---", f"# {draft.title}", "", "## Highlights"]
    lines += highlight_lines(draft, yaml_highlight, lambda index: f"## New highlights added {resync_date(index)}")
    return "\n".join(lines) + "\n"


def logseq_highlight(highlight: Highlight) -> list[str]:
    """A TAB-indented Logseq block with `**Tags**:` and `**Note**:` children."""
    lines = (highlight.text + location_suffix(highlight)).split("\n")
    rendered = ["\t- " + lines[0], *("\t  " + line for line in lines[1:])]
    if highlight.tags:
        rendered.append("\t\t- **Tags**: " + " ".join(f"#[[{tag}]]" for tag in highlight.tags))
    if highlight.note:
        rendered.append(f"\t\t- **Note**: {highlight.note}")
    return rendered


def logseq_date(index: int) -> str:
    """A Logseq journal date like `Feb 5th, 2024`."""
    day = index % 27 + 1
    suffix = "th" if 10 < day < 14 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{MONTHS[index % len(MONTHS)][:3]} {day}{suffix}, 2024"


def render_logseq(draft: Draft) -> str:
    """The official Logseq export: page properties, then blocks under a first-synced header."""
    lines = [f"title:: {draft.title} (highlights)", f"author:: [[{draft.author}]]", f'full-title:: "{draft.title}"']
    lines.append(f"category:: #{draft.category}")
    if draft.url:
        lines.append(f"url:: {draft.url}")
    if draft.document_tags:
        lines.append("tags:: " + " ".join(f"#[[{tag}]]" for tag in draft.document_tags))
    lines.append("")
    if draft.cover:
        lines.append(f"- ![]({draft.cover})")
    lines.append("- Highlights first synced by [[Readwise]] [[Jan 17th, 2024]]")
    resync = lambda index: f"- New highlights added [[{logseq_date(index)}]] at 10:16 AM"  # noqa: E731
    lines += [line for line in highlight_lines(draft, logseq_highlight, resync) if line and not line.startswith("###")]
    return "\n".join(lines) + "\n"


def bulk_highlight(highlight: Highlight) -> list[str]:
    """The bulk Markdown export's bullet: `**Note:**` children, no tags line."""
    lines = ("- " + highlight.text + location_suffix(highlight)).split("\n")
    rendered = [lines[0], *("  " + line for line in lines[1:])]
    if highlight.note:
        rendered.append(f"    - **Note:** {highlight.note}")
    return rendered


def render_bulk(draft: Draft) -> str:
    """The readwise.io bulk Markdown export: H3 sections, author without a wikilink."""
    lines = [f"# {draft.title}", ""]
    if draft.cover:
        lines += [f"![]({draft.cover})", ""]
    lines += ["### Metadata", "", f"- Author: {draft.author}", f"- Full Title: {draft.title}"]
    lines.append(f"- Category: #{draft.category}")
    if draft.document_tags:
        lines.append("- Document Tags: " + " ".join(f"#{tag.replace(' ', '-')}" for tag in draft.document_tags))
    if draft.url:
        lines.append(f"- URL: {draft.url}")
    lines += ["", "### Highlights", ""]
    lines += highlight_lines(draft, bulk_highlight, lambda index: f"### New highlights added {resync_date(index)}")
    return "\n".join(lines) + "\n"


RENDERERS: dict[str, Callable[[Draft], str]] = {
    "obsidian": render_obsidian,
    "yaml": render_yaml,
    "logseq": render_logseq,
    "bulk": render_bulk,
}
FAMILY_WEIGHTS = {"obsidian": 60, "yaml": 15, "logseq": 15, "bulk": 10}
CATEGORY_FOLDERS = {"books": "Books", "articles": "Articles", "tweets": "Tweets", "podcasts": "Podcasts"}


def file_stem(title: str) -> str:
    """A title as Readwise names its file: `: ? " | /` dropped, cut at 100 characters."""
    stem = "".join(char for char in title if char not in ':?"|/\\*<>').strip()
    return stem if len(stem) <= 100 else stem[:97] + "..."


def relative_path(family: str, draft: Draft) -> Path:
    """Where a family's exporter puts a document."""
    stem = file_stem(draft.title)
    if family == "logseq":
        return Path("logseq", "pages", stem.replace("%", "%25") + " (highlights).md")
    top = "Readwise Export" if family == "bulk" else "Readwise"
    return Path(top, CATEGORY_FOLDERS[draft.category], stem + ".md")


@dataclass
class Written:
    """What was written: documents, highlights and bytes."""

    documents: int = 0
    highlights: int = 0
    size: int = 0

    def add(self, path: Path, text: str, highlights: int) -> None:
        """Write one file and count it."""
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        path.write_bytes(data)
        self.documents += 1
        self.highlights += highlights
        self.size += len(data)


def drafts(count: int, seed: int) -> Iterator[tuple[str, Draft]]:
    """The library's documents in order, each from its own generator (document n never depends on N)."""
    for number in range(count):
        rng = random.Random(f"{seed}/{number}")
        family = rng.choices(list(FAMILY_WEIGHTS), weights=list(FAMILY_WEIGHTS.values()))[0]
        yield family, draft_document(rng)


def write_documents(folder: Path, count: int, seed: int, written: Written) -> None:
    """N documents, a `-2` copy of about one in 200, file names made unique like an exporter would."""
    used: set[Path] = set()
    for number, (family, draft) in enumerate(drafts(count, seed)):
        path = relative_path(family, draft)
        while path in used:
            draft.title += f" ({number})"
            path = relative_path(family, draft)
        used.add(path)
        text = RENDERERS[family](draft)
        written.add(folder / path, text, len(draft.highlights))
        if number % 200 == 199:
            written.add(folder / path.with_name(path.stem + "-2.md"), text, len(draft.highlights))


def write_sync_log(folder: Path, count: int) -> None:
    """`Readwise/Readwise Syncs.md`, the sync notification log (not a document)."""
    lines = [
        f"- [[2024-01-{day % 28 + 1:02}]] 9:{day % 60:02} AM — Synced {day + 3} highlights "
        f"from {day % 5 + 1} documents."
        for day in range(min(count, 300))
    ]
    path = folder / "Readwise" / "Readwise Syncs.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def long_book(title: str, count: int, seed: int) -> Draft:
    """A book of `count` highlights whose first and last carry the markers."""
    rng = random.Random(f"{seed}/{title}")
    draft = draft_book(rng, count)
    draft.title, draft.author, draft.document_tags = title, "Benchmark Reader", ["quotes"]
    draft.chapters = {index: f"Chapter {index // 100 + 1}" for index in range(0, count, 100)}
    draft.highlights[0].text = f"{FIRST_MARKER} opens the book. " + draft.highlights[0].text
    draft.highlights[-1].text = f"{LAST_MARKER} closes the book. " + draft.highlights[-1].text
    return draft


def long_book_path(folder: Path, title: str) -> Path:
    """Where make_library writes a long book."""
    return folder / "Readwise" / "Books" / f"{title}.md"


def make_library(folder: Path, count: int, seed: int = 1, *, long: bool = False, huge: bool = False) -> Written:
    """Write the library; return what was written."""
    written = Written()
    write_documents(folder, count, seed, written)
    write_sync_log(folder, count)
    for wanted, title, highlights in ((long, LONG_TITLE, LONG_HIGHLIGHTS), (huge, HUGE_TITLE, HUGE_HIGHLIGHTS)):
        if wanted:
            written.add(long_book_path(folder, title), render_obsidian(long_book(title, highlights, seed)), highlights)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("documents", type=int, help="how many documents (N)")
    parser.add_argument("folder", type=Path, help="where to write them (DIR)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--long", action="store_true", help=f"add one book of {LONG_HIGHLIGHTS:,} highlights")
    parser.add_argument("--huge", action="store_true", help=f"add one book of {HUGE_HIGHLIGHTS:,} highlights")
    options = parser.parse_args()
    written = make_library(options.folder, options.documents, options.seed, long=options.long, huge=options.huge)
    print(
        f"{written.documents} files, {written.highlights} highlights, {written.size / 1e6:.1f} MB in {options.folder}"
    )


if __name__ == "__main__":
    main()
