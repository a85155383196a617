"""How fast a long book opens and moves in the detail pane, against parsing that book, in the same run.

Usage: python benchmarks/open_document.py [--highlights 1100 10000 190000] [--size 120x40]

For each length, writes one Kindle-style export (chapters of 100 highlights, a note on every tenth)
to a temporary folder and opens hltui on it headlessly (Textual's Pilot). Each step is timed until
the screen has been refreshed and shows what the step promises (the pane's own painted lines are
read to check): open (title and first highlight), `G` (the last highlight under the cursor), `j`
ten times, a terminal resize (the cursor's highlight still on screen) and `q` (the app gone),
beside a key bound to nothing: what Pilot itself costs per key.
Reading the book's highlights from the library's cache the first time is timed on its own line:
that cost belongs to loading, not to the pane. The baseline is parsing the file once.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from timing import best_of

from hltui.cli import build_app
from hltui.config import Config
from hltui.parsing.parse import parse_bytes
from hltui.tui.screens.main import MainScreen
from hltui.tui.widgets.detail_pane import DetailPane

SENTENCE = "The impediment to action advances action; what stands in the way becomes the way, said the emperor."
RESIZED = (90, 30)


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


def painted(pane: DetailPane) -> str:
    """The pane's lines as painted now, as one line of words (card borders dropped)."""
    lines = (pane.render_line(y).text for y in range(pane.scrollable_content_region.height))
    return " ".join(" ".join(lines).replace("▌", " ").split())


async def timed(step: Callable[[], Awaitable[object]], shown: Callable[[], bool]) -> float:
    """Milliseconds from starting `step` until the screen is refreshed and `shown()` holds."""
    start = time.perf_counter()
    await step()
    if not shown():
        raise AssertionError("the step did not show what it promises")
    return (time.perf_counter() - start) * 1000


async def time_steps(path: Path, highlights: int, size: tuple[int, int]) -> dict[str, float]:
    """Milliseconds of each step on a book of `highlights` highlights."""
    app = build_app(path.parent, Config())
    figures: dict[str, float] = {}
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen) and screen.library is not None
        [book] = screen.library.documents
        pane = screen.query_one(DetailPane)
        start = time.perf_counter()
        assert len(book.highlights) == highlights and book.highlights[0].text.startswith("0:")
        figures["first read of the highlights (library)"] = (time.perf_counter() - start) * 1000

        async def open_book() -> None:
            screen.show_document(book)
            await pilot.pause()

        async def press(*keys: str) -> None:
            await pilot.press(*keys)
            await pilot.pause()

        async def resize() -> None:
            await pilot.resize_terminal(*RESIZED)
            await pilot.pause()

        last = f"{highlights - 1}: {SENTENCE}"
        # Pilot's own cost for a key and a refresh: the floor under every key figure below.
        figures["a key bound to nothing (Pilot's floor)"] = await timed(lambda: press("x"), lambda: True)
        figures["open (title + first highlight)"] = await timed(
            open_book, lambda: "A Long Book" in painted(pane) and f"0: {SENTENCE}" in painted(pane)
        )
        figures["G (last highlight)"] = await timed(lambda: press("G"), lambda: last in painted(pane))
        figures["g, then j x10"] = await timed(
            lambda: press("g", *"j" * 10), lambda: pane.cursor == 10 and f"10: {SENTENCE}" in painted(pane)
        )
        figures[f"resize to {RESIZED[0]}x{RESIZED[1]}"] = await timed(resize, lambda: "10:" in painted(pane))
        figures["highlights laid out in all"] = pane.rendered_highlights
        start = time.perf_counter()
        await pilot.press("q")
    figures["q (until the app is gone)"] = (time.perf_counter() - start) * 1000
    assert app.return_code == 0
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--highlights", type=int, nargs="+", default=[1100, 10_000, 190_000])
    parser.add_argument("--size", default="120x40", help="terminal size, COLUMNSxROWS")
    options = parser.parse_args()
    columns, rows = (int(part) for part in options.size.split("x"))
    for highlights in options.highlights:
        with tempfile.TemporaryDirectory() as folder_name:
            path = write_book(Path(folder_name), highlights)
            data = path.read_bytes()
            baseline = best_of(lambda data=data, path=path: parse_bytes(data, path.name), repeat=1) * 1000
            figures = asyncio.run(time_steps(path, highlights, (columns, rows)))
        print(f"{highlights:,} highlights, {columns}x{rows}")
        print(f"  {'parse the file (baseline)':40} {baseline:9.1f} ms")
        for name, value in figures.items():
            if name.startswith("highlights laid out"):
                print(f"  {name:40} {value:9.0f}")
            else:
                print(f"  {name:40} {value:9.1f} ms   {value / baseline:7.3f}x baseline")


if __name__ == "__main__":
    main()
