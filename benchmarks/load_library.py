"""How long loading and grouping a large library takes, against reading its bytes.

Usage: python benchmarks/load_library.py [--documents 10000]

It writes a synthetic library (copies of the bundled samples with new titles) to a temporary
folder, then times, in the same run: reading every file's bytes (the baseline no parser can
beat), `load_library`, and each grouping. It prints seconds and ratios to the baseline.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from timing import best_of

from hltui.library import GROUPINGS, find_export_files, load_library

SAMPLES = Path(__file__).resolve().parent.parent / "sample_exports"


def write_library(folder: Path, documents: int) -> None:
    """Copies of the sample exports, each with its own title, spread over folders."""
    templates = [path.read_text(encoding="utf-8") for path in sorted(SAMPLES.rglob("*.md"))]
    templates = [text for text in templates if "## Highlights" in text and text.startswith("# ")]
    for number in range(documents):
        text = templates[number % len(templates)]
        first_line, _, rest = text.partition("\n")
        target = folder / f"shelf{number % 50}" / f"doc{number}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        rest = rest.replace("- Full Title:", f"- Full Title: {number}").replace(">Title:: ", f">Title:: {number} ")
        rest = rest.replace("- URL: https://", f"- URL: https://{number}.")  # same URL would merge copies
        target.write_text(f"{first_line} {number}\n{rest}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        write_library(folder, options.documents)
        baseline = best_of(lambda: [path.read_bytes() for path in find_export_files(folder)])
        load = best_of(lambda: load_library(folder), repeat=2)
        library = load_library(folder)
        print(f"{len(library.documents)} documents, {library.highlight_count} highlights")
        print(f"read bytes (baseline)  {baseline:8.3f} s")
        print(f"load_library           {load:8.3f} s   {load / baseline:6.1f}x baseline")
        for grouping in GROUPINGS:
            seconds = best_of(lambda grouping=grouping: library.groups(grouping))  # type: ignore[misc]
            print(f"group by {grouping:<10}    {seconds:8.3f} s   {seconds / baseline:6.2f}x baseline")


if __name__ == "__main__":
    main()
