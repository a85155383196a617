"""`hltui check` cold (empty cache) and warm (nothing changed), against reading the bytes and a naive loop.

Usage: python benchmarks/check_cache.py [--documents 10000]

Writes a seeded mixed library (see make_library.py) to a temporary folder and times, in one run:
reading every file's bytes, a naive python-frontmatter loop over the files (the baseline a plain
script would be), then `hltui check` in a fresh interpreter with an empty cache folder, again
with the cache it left (warm), and after touching one file. Prints seconds and ratios.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import frontmatter
from load_library import write_library
from timing import best_of

from hltui.library import find_export_files


def timed_check(folder: Path, cache_home: Path, *, check: bool = True) -> float:
    """Seconds for `hltui check folder` in a new interpreter, its cache under cache_home."""
    environment = dict(os.environ, XDG_CACHE_HOME=str(cache_home))
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "hltui", "check", str(folder)], env=environment, check=check, capture_output=True
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as library_name, tempfile.TemporaryDirectory() as cache_name:
        folder, cache_home = Path(library_name), Path(cache_name)
        write_library(folder, options.documents)
        files = find_export_files(folder)
        read = best_of(lambda: [path.read_bytes() for path in files])
        naive = best_of(lambda: [frontmatter.loads(path.read_text(encoding="utf-8")) for path in files], repeat=1)
        empty = timed_check(Path(tempfile.gettempdir()) / "hltui-no-such-folder-0", cache_home, check=False)
        cold = timed_check(folder, cache_home)
        warm = min(timed_check(folder, cache_home) for _ in range(3))
        files[0].touch()
        touched = timed_check(folder, cache_home)
        print(f"{len(files)} files, {os.cpu_count()} cores")
        print(f"read bytes                 {read:8.3f} s")
        print(f"naive frontmatter loop     {naive:8.3f} s")
        print(f"interpreter + error exit   {empty:8.3f} s   (in every check figure below)")
        print(f"check, cold (empty cache)  {cold:8.3f} s   {cold / naive:6.1f}x naive loop")
        print(f"check, warm                {warm:8.3f} s   {warm / read:6.1f}x read bytes")
        print(f"check, one file touched    {touched:8.3f} s   {touched / read:6.1f}x read bytes")


if __name__ == "__main__":
    main()
