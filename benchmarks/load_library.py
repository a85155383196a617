"""How long loading and grouping a large library takes, against reading its bytes.

Usage: python benchmarks/load_library.py [--documents 10000]

It writes a seeded mixed library in the real export shapes (make_library.py) to a temporary
folder, then times, in the same run: reading every file's bytes (the baseline no parser can
beat), `load_library`, and each grouping. It prints seconds and ratios to the baseline.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from make_library import make_library
from timing import best_of

from hltui.library import GROUPINGS, find_export_files, load_library


def write_library(folder: Path, documents: int, seed: int = 1) -> None:
    """A seeded mixed library of that many documents in the real export shapes (see make_library.py)."""
    make_library(folder, documents, seed)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
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
