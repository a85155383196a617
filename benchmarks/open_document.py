"""How soon a long book appears in the detail pane, against parsing that book, in the same run.

Usage: python benchmarks/open_document.py [--highlights 1100]

Writes one Kindle-style export with that many highlights (a few chapters, some notes) to a
temporary folder, opens hltui on it headlessly (Textual's Pilot), chooses the book and measures
when the first highlight is on screen and when all of them are mounted. The baseline is the
time to parse the file; the ratios say what showing it costs on top.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

from timing import best_of

from hltui.cli import build_app
from hltui.config import Config
from hltui.parsing.parse import parse_bytes
from hltui.tui.screens.main import MainScreen
from hltui.tui.widgets.detail_pane import DetailPane

SENTENCE = "The impediment to action advances action; what stands in the way becomes the way, said the emperor."


def write_book(folder: Path, highlights: int) -> Path:
    """A default-template Kindle export with chapters and notes."""
    lines = ["# A Long Book", "", "## Metadata", "- Author: [[Some Author]]", "- Category: #books", "", "## Highlights"]
    for number in range(highlights):
        if number % 100 == 0:
            lines.append(f"### Chapter {number // 100 + 1}")
        lines.append(
            f"- {number}: {SENTENCE} ([Location\u00a0{number * 7}](https://readwise.io/to_kindle?location={number}))"
        )
        if number % 10 == 0:
            lines.append("    - Note: worth reading again")
    path = folder / "A Long Book.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


async def time_opening(path: Path) -> tuple[float, float]:
    """Seconds until the first highlight is on screen, and until every highlight is mounted."""
    app = build_app(path.parent, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen) and screen.library is not None
        pane = screen.query_one(DetailPane)
        start = time.perf_counter()
        screen.show_document(screen.library.documents[0])
        while not (pane.cards and pane.cards[0].is_mounted):
            await asyncio.sleep(0.002)
        first = time.perf_counter() - start
        while not pane.cards[-1].is_mounted:
            await asyncio.sleep(0.005)
        return first, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--highlights", type=int, default=1100)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder_name:
        path = write_book(Path(folder_name), options.highlights)
        data = path.read_bytes()
        baseline = best_of(lambda: parse_bytes(data, path.name))
        first, everything = asyncio.run(time_opening(path))
    print(f"{options.highlights} highlights")
    print(f"parse the file (baseline)   {baseline:6.3f} s")
    print(f"first highlight on screen   {first:6.3f} s   {first / baseline:6.1f}x baseline")
    print(f"all highlights mounted      {everything:6.3f} s   {everything / baseline:6.1f}x baseline")


if __name__ == "__main__":
    main()
