"""How long the search index takes to build and to answer, against a plain scan, at 1k and 10k documents.

Usage: python benchmarks/search.py [--sizes 1000 10000] [--large] [--seed 1]

For each size it writes a synthetic library (benchmarks/load_library.py), loads it, and times in
the same run: building the index (at once, and in chunks as the app's worker would, with the
longest stretch between two chunks), then a fixed, seeded set of queries drawn from the library:
exact words, common words, prefixes, multi-word passages, tags, every keystroke of typing two
queries, and typos (a swap of neighbours, a missing letter, an extra letter). Each query's time is
the best of three runs; it prints p50, p95 and max per kind of query beside the baseline, a plain
`all(word in text)` scan over the folded highlight texts (no ranking, no typos, no other fields).
--large adds a 100,000-document library.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import string
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from load_library import write_library
from timing import best_of

from hltui.library import load_library
from hltui.model import Document
from hltui.search.engine import SearchIndex
from hltui.search.folding import fold

QUERIES_PER_KIND = 12
PUNCTUATION = string.punctuation + "“”‘’—–…"


def typo_of(word: str, chooser: random.Random) -> str:
    """The word with two neighbours swapped, a letter left out or a letter doubled."""
    position = chooser.randrange(1, len(word) - 1)
    kind = chooser.choice(("swap", "missing", "extra"))
    if kind == "swap":
        return word[:position] + word[position + 1] + word[position] + word[position + 2 :]
    if kind == "missing":
        return word[:position] + word[position + 1 :]
    return word[:position] + word[position] + word[position:]


def queries(documents: Sequence[Document], seed: int) -> dict[str, list[str]]:
    """The seeded query set, by kind, drawn from the library's own words and tags."""
    chooser = random.Random(seed)
    texts = [highlight.text for document in documents for highlight in document.highlights]
    counts = Counter(word for text in texts for word in re.findall(r"[^\W\d_]{4,}", fold(text)))
    vocabulary = sorted(counts)
    common = [word for word, _ in counts.most_common(40)]
    tags = sorted(
        {tag for d in documents for tag in d.tags} | {t for d in documents for h in d.highlights for t in h.tags}
    )
    # Words as a reader remembers them: split on spaces, the punctuation around each dropped (`it's` kept).
    passages = [
        [word.strip(PUNCTUATION) for word in text.split()] for text in chooser.sample(texts, 4 * QUERIES_PER_KIND)
    ]
    typed = [chooser.choice([word for word in vocabulary if len(word) >= 8]), " ".join(chooser.choice(passages)[:2])]
    long_words = [word for word in vocabulary if len(word) >= 5]
    typos = [typo_of(word, chooser) for word in chooser.sample(long_words, 3 * QUERIES_PER_KIND)]
    return {
        "exact word": chooser.sample(vocabulary, QUERIES_PER_KIND),
        "common word": chooser.sample(common, QUERIES_PER_KIND),
        "prefix": [word[: chooser.randint(3, 5)] for word in chooser.sample(vocabulary, QUERIES_PER_KIND)],
        "multi-word": [" ".join(words[:3]) for words in passages if len(words) >= 3 and all(words[:3])][
            :QUERIES_PER_KIND
        ],
        "tag": chooser.sample(tags, min(len(tags), QUERIES_PER_KIND)),
        "keystrokes": [query[:end] for query in typed for end in range(1, len(query) + 1) if query[:end].strip()],
        "typo": [typo for typo in typos if typo not in counts][:QUERIES_PER_KIND],
    }


def percentiles(seconds: list[float]) -> str:
    """p50, p95 and max in milliseconds."""
    milliseconds = sorted(1000 * value for value in seconds)
    p95 = milliseconds[min(len(milliseconds) - 1, round(0.95 * (len(milliseconds) - 1)))]
    return f"{statistics.median(milliseconds):7.1f} {p95:7.1f} {milliseconds[-1]:7.1f}"


def chunked_build(documents: Sequence[Document]) -> tuple[float, float]:
    """Seconds for SearchIndex.build, and the longest stretch between two of its should_stop calls."""
    asked: list[float] = []

    def should_stop() -> bool:
        asked.append(time.perf_counter())
        return False

    start = time.perf_counter()
    SearchIndex.build(documents, should_stop=should_stop)
    end = time.perf_counter()
    marks = [start, *asked, end]
    return end - start, max(later - earlier for earlier, later in zip(marks, marks[1:], strict=False))


def plain_scan(folded: list[str], query: str) -> list[str]:
    """The baseline: every folded highlight text holding every query word."""
    words = fold(query).split()
    return [text for text in folded if all(word in text for word in words)]


def timed(action: Callable[[], object]) -> float:
    """Best of three runs, in seconds."""
    return best_of(action, repeat=3)


def report(documents: Sequence[Document], seed: int) -> None:
    """Build and query figures for one library."""
    highlights = sum(len(document.highlights) for document in documents)
    print(f"\n{len(documents)} documents, {highlights} highlights")
    at_once = best_of(lambda: SearchIndex(documents), repeat=2)
    in_chunks, longest = min(chunked_build(documents) for _ in range(2))
    print(f"index build, at once      {at_once:7.2f} s")
    print(f"index build, in chunks    {in_chunks:7.2f} s   longest chunk {1000 * longest:5.1f} ms")
    index = SearchIndex(documents)
    folded = [fold(highlight.text) for document in documents for highlight in document.highlights]
    header = f"{'index p50':>9} {'p95':>7} {'max':>7}   {'scan p50':>8} {'p95':>7} {'max':>7}  (ms)"
    print(f"{'queries':24} {'n':>3}   {header}")
    everything: dict[str, list[float]] = {"index": [], "scan": []}
    exact: dict[str, list[float]] = {"index": [], "scan": []}
    for kind, chosen in queries(documents, seed).items():
        ours = [timed(lambda query=query: index.search(query)) for query in chosen]  # type: ignore[misc]
        plain = [timed(lambda query=query: plain_scan(folded, query)) for query in chosen]  # type: ignore[misc]
        print(f"{kind:24} {len(chosen):3}   {percentiles(ours)}     {percentiles(plain)}")
        for totals in (everything, exact) if kind != "typo" else (everything,):
            totals["index"] += ours
            totals["scan"] += plain
    for name, totals in (("all but typos", exact), ("all", everything)):
        print(f"{name:24} {len(totals['index']):3}   {percentiles(totals['index'])}     {percentiles(totals['scan'])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--large", action="store_true", help="also a 100,000-document library")
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()
    sizes = [*options.sizes, *([100_000] if options.large else [])]
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder_name:
            folder = Path(folder_name)
            write_library(folder, size)
            documents = load_library(folder).documents
        report(documents, options.seed)


if __name__ == "__main__":
    main()
