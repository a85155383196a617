"""How long the search index takes to build and to answer, against a naive scan, on 100k highlights.

Usage: python benchmarks/search.py [--highlights 100000]

The library is the bundled samples repeated (each copy its own document) until it holds the
requested number of highlights. The baseline, timed in the same run, is the simplest search
there is: `word in text.casefold()` over every highlight, no ranking, no typos, no accents.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

from timing import best_of

from hltui.library import load_library
from hltui.library.search import SearchIndex
from hltui.model import Document

SAMPLES = Path(__file__).resolve().parent.parent / "sample_exports"
QUERIES = ("nature", "meditatoin", "the mind", "cafe", "wisdom virtue", "zzzz")


def big_library(highlights: int) -> list[Document]:
    """Copies of the sample documents, renamed, until there are enough highlights."""
    samples = [document for document in load_library(SAMPLES).documents if document.highlights]
    documents: list[Document] = []
    total = 0
    while total < highlights:
        sample = samples[len(documents) % len(samples)]
        documents.append(replace(sample, title=f"{sample.title} {len(documents)}"))
        total += len(sample.highlights)
    return documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--highlights", type=int, default=100_000)
    options = parser.parse_args()
    documents = big_library(options.highlights)
    texts = [highlight.text for document in documents for highlight in document.highlights]
    print(f"{len(documents)} documents, {len(texts)} highlights")
    build = best_of(lambda: SearchIndex(documents), repeat=2)
    index = SearchIndex(documents)
    print(f"index build            {build:7.3f} s")
    for query in QUERIES:
        words = query.split()
        naive = best_of(lambda words=words: [t for t in texts if all(w in t.casefold() for w in words)])
        ranked = best_of(lambda query=query: index.search(query))
        figures = f"{ranked * 1000:7.1f} ms   naive scan {naive * 1000:7.1f} ms   {ranked / naive:5.2f}x"
        print(f"query {query!r:16} {figures}")


if __name__ == "__main__":
    main()
