"""How soon a file a sync writes appears in the tree while the app runs (live reload).

Usage: python benchmarks/live_reload.py [FOLDER] [--files 3]

Copies FOLDER (default: the bundled sample exports) to a temporary folder, opens hltui on it
headlessly (Textual's Pilot), waits until the folder is watched, then writes new export files
one at a time and prints how long each took to show in the tree. The debounce (0.3 s) and the
settling wait (0.25 s) are part of every figure.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import tempfile
import time
from pathlib import Path

from hltui.cli import build_app
from hltui.config import load_config
from hltui.tui.widgets.tag_tree import TagTree

SAMPLES = Path(__file__).resolve().parent.parent / "sample_exports"
NEW_FILE = "---\ntitle: New {number}\ntags: [{tag}]\n---\n## Highlights\n- Written by a sync.\n"


async def time_new_files(source: Path, files: int) -> list[float]:
    """Seconds from writing each new file until its tag is in the tree."""
    folder = Path(tempfile.mkdtemp()) / "library"
    shutil.copytree(source, folder)
    app = build_app(folder, load_config())
    figures: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        while not app.watching:
            await pilot.pause(0.02)
        tree = app.screen.query_one(TagTree)
        for number in range(files):
            tag = f"benchmarktag{number}"
            start = time.perf_counter()
            (folder / f"new-{number}.md").write_text(NEW_FILE.format(number=number, tag=tag), encoding="utf-8")
            while not any(str(node.label).startswith(tag) for node in tree.root.children):
                await pilot.pause(0.01)
            figures.append(time.perf_counter() - start)
    shutil.rmtree(folder.parent, ignore_errors=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=SAMPLES)
    parser.add_argument("--files", type=int, default=3)
    options = parser.parse_args()
    for number, seconds in enumerate(asyncio.run(time_new_files(options.folder, options.files)), start=1):
        print(f"new file {number}: in the tree after {seconds:.2f} s")


if __name__ == "__main__":
    main()
