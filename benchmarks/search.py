"""Search over the FTS5 index against a naive scan, at 1k and 10k documents (100k with --large).

Usage: python benchmarks/search.py [--sizes 1000 10000] [--large] [--keep DIR] [--seed 1]

For each size it writes a synthetic library (benchmarks/make_library.py), loads it through a
fresh parse cache (which writes the index: that load is timed), then times a fixed, seeded set of
queries drawn from the library, by kind: exact and common words, words across fields (an author
and a word of their highlights), "phrases", prefixes, #tags, a tag with a word, author: with a
word, is:favorite and has:note, an exclusion, every keystroke of typing two queries, and typos.
Each query's time is the best of three runs of `Searcher.search` (200 results, snippets made).
The baseline is the simplest search there is, in the same process: every highlight text (already
in memory) holding every word of the query, no ranking, no fields, no typos.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from load_library import write_library
from timing import best_of

from hltui.library import load_library
from hltui.library.cache import ParseCache
from hltui.library.search_rows import fold, words_of
from hltui.model import Document
from hltui.search import Searcher

QUERIES_PER_KIND = 12


def typo_of(word: str, chooser: random.Random) -> str:
    """The word with two neighbours swapped, a letter left out or a letter doubled (never the first)."""
    position = chooser.randrange(1, len(word) - 1)
    kind = chooser.choice(("swap", "missing", "extra"))
    if kind == "swap":
        return word[:position] + word[position + 1] + word[position] + word[position + 2 :]
    if kind == "missing":
        return word[:position] + word[position + 1 :]
    return word[:position] + word[position] + word[position:]


def queries(documents: Sequence[Document], seed: int) -> dict[str, list[str]]:
    """The seeded query set, by kind, drawn from the library's own words, authors and tags."""
    chooser = random.Random(seed)
    sample = chooser.sample(list(documents), min(len(documents), 400))
    texts = [(document, highlight.text) for document in sample for highlight in document.highlights[:20]]
    counts = Counter(word for _, text in texts for word in words_of(text) if word.isalpha() and len(word) >= 4)
    vocabulary = sorted(counts)
    common = [word for word, _ in counts.most_common(40)]
    tags = sorted({tag for document in sample for tag in document.tags if "/" not in tag})
    authors = [(document, text) for document, text in texts if document.author]
    passages = [words_of(text) for _, text in chooser.sample(texts, 4 * QUERIES_PER_KIND)]
    typed = [chooser.choice([word for word in vocabulary if len(word) >= 8]), " ".join(chooser.choice(passages)[:2])]
    long_words = [word for word in vocabulary if len(word) >= 6]
    typos = [typo_of(word, chooser) for word in chooser.sample(long_words, 3 * QUERIES_PER_KIND)]

    def a_word(text: str) -> str:
        return chooser.choice([word for word in words_of(text) if len(word) >= 4] or ["the"])

    tagged = [(document, text) for document, text in texts if document.tags]
    return {
        "exact word": chooser.sample(vocabulary, QUERIES_PER_KIND),
        "common word": chooser.sample(common, QUERIES_PER_KIND),
        "across fields": [
            f"{words_of(document.author or '')[-1]} {a_word(text)}"
            for document, text in chooser.sample(authors, QUERIES_PER_KIND)
        ],
        "phrase": ['"' + " ".join(words[1:4]) + '"' for words in passages if len(words) >= 4][:QUERIES_PER_KIND],
        "prefix": [word[: chooser.randint(3, 5)] + "*" for word in chooser.sample(vocabulary, QUERIES_PER_KIND)],
        "#tag": ["#" + tag for tag in chooser.sample(tags, min(len(tags), QUERIES_PER_KIND))],
        "#tag word": [
            f"#{document.tags[0]} {a_word(text)}" for document, text in chooser.sample(tagged, QUERIES_PER_KIND)
        ],
        "author: word": [
            f"author:{words_of(document.author or '')[-1]} {a_word(text)}"
            for document, text in chooser.sample(authors, QUERIES_PER_KIND)
        ],
        "is:/has: filters": ["is:favorite", "has:note", *(f"is:favorite {word}" for word in common[:4])],
        "exclusion": [f"{first} -{second}" for first, second in zip(common[:6], common[6:12], strict=True)],
        "keystrokes": [query[:end] for query in typed for end in range(1, len(query) + 1) if query[:end].strip()],
        "typo": [typo for typo in typos if typo not in counts][:QUERIES_PER_KIND],
    }


def naive_scan(texts: list[str], query: str) -> list[str]:
    """The baseline: every folded highlight text holding every query word."""
    words = fold(query).replace('"', " ").replace("*", " ").split()
    return [text for text in texts if all(word in text for word in words)]


def milliseconds(seconds: list[float]) -> tuple[float, float, float]:
    """p50, p95 and max in milliseconds (p95 by nearest rank)."""
    ordered = sorted(1000 * value for value in seconds)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95, ordered[-1]


def row(name: str, count: int, ours: list[float], naive: list[float]) -> str:
    mine, theirs = milliseconds(ours), milliseconds(naive)
    figures = " ".join(f"{value:7.1f}" for value in mine) + "   " + " ".join(f"{value:7.1f}" for value in theirs)
    return f"{name:18} {count:3}   {figures}   {mine[1] / max(theirs[1], 1e-9):6.2f}x"


def report(folder: Path, cache_folder: Path, seed: int, target_ms: float) -> None:
    """Load (writing the index) and query figures for one library."""
    start = time.perf_counter()
    cache = ParseCache(folder, cache_folder)
    library = load_library(folder, cache=cache, parallel=True)
    documents = library.documents
    loaded = time.perf_counter() - start
    highlights = sum(len(document.highlights) for document in documents)
    size = sum(path.stat().st_size for path in cache_folder.glob("*.sqlite*")) / 1e6
    print(f"\n{len(documents):,} documents, {highlights:,} highlights")
    print(f"cold load with the index written: {loaded:.2f} s   cache database {size:.0f} MB")
    searcher = Searcher(cache)
    texts = [fold(highlight.text) for document in documents for highlight in document.highlights]
    header = f"{'ours p50':>8} {'p95':>7} {'max':>7}   {'naive p50':>9} {'p95':>7} {'max':>7}   p95 ratio"
    print(f"{'queries':18} {'n':>3}   {header}   (ms)")
    every: tuple[list[float], list[float]] = ([], [])
    for kind, chosen in queries(documents, seed).items():
        typing = kind == "keystrokes"
        ours = [best_of(lambda q=query, t=typing: searcher.search(library, q, typing=t)) for query in chosen]  # type: ignore[misc]
        naive = [best_of(lambda q=query: naive_scan(texts, q)) for query in chosen]  # type: ignore[misc]
        print(row(kind, len(chosen), ours, naive))
        every[0].extend(ours)
        every[1].extend(naive)
    print(row("all", len(every[0]), *every))
    p95 = milliseconds(every[0])[1]
    print(
        f"p95 over every query: {p95:.1f} ms   target < {target_ms:.0f} ms   {'met' if p95 < target_ms else 'NOT met'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--large", action="store_true", help="also a 100,000-document library")
    parser.add_argument("--keep", type=Path, help="write the libraries here (DIR/<size>) and reuse them")
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    sizes = [*options.sizes, *([100_000] if options.large else [])]
    for size in sizes:
        with tempfile.TemporaryDirectory() as scratch_name:
            scratch = Path(scratch_name)
            folder = (options.keep or scratch) / str(size)
            if not folder.is_dir():
                write_library(folder, size, options.seed)
            report(folder, scratch / "cache", options.seed, 100.0 if size >= 100_000 else 50.0)


if __name__ == "__main__":
    main()
