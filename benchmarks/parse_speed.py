"""The parser's speed: parse_bytes against reading the bytes and a naive python-frontmatter loop.

Usage: python benchmarks/parse_speed.py [--documents 10000] [--workers 2] [--repeat 3]

Times, in one run and over the same files: reading every file's bytes, a naive loop that reads
each file and calls `frontmatter.loads` (what a plain script would do), and reading plus
`parse_bytes` of each file, first in this process, then over a pool of worker processes.
It does so for a synthetic library of copies of the samples (see load_library.py) and for the
real exports in ../shared/corpus/real when that folder is there. It prints seconds, microseconds
per highlight and the ratios to the naive loop and to reading the bytes.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import frontmatter
from load_library import write_library

from hltui.library import find_export_files
from hltui.parsing.parse import parse_bytes

REAL_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "real"


def read_all(files: list[Path]) -> list[bytes]:
    """Every file's bytes: the floor no parser goes under."""
    return [path.read_bytes() for path in files]


def naive_loop(files: list[Path]) -> list[object]:
    """What a plain script would do: read each file as text and split off its front matter."""
    return [_naive_load(path) for path in files]


def _naive_load(path: Path) -> object:
    try:
        return frontmatter.loads(path.read_text(encoding="utf-8"))
    except Exception:  # noqa: BLE001 - real exports hold broken YAML; the loop still goes on
        return None


def parse_file(path: Path) -> int:
    """Read and parse one file; how many highlights it held."""
    result = parse_bytes(path.read_bytes(), path.name)
    return sum(len(document.highlights) for document in result.documents)


def parse_all(files: list[Path]) -> int:
    """Read and parse every file in this process; the highlight count."""
    return sum(parse_file(path) for path in files)


def parse_in_pool(files: list[Path], workers: int) -> int:
    """Read and parse every file over a pool of processes, the pool's start included."""
    with ProcessPoolExecutor(workers) as pool:
        return sum(pool.map(parse_file, files, chunksize=max(1, len(files) // (workers * 8))))


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the pool's workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def best_of(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """The least wall-clock and the least CPU seconds over a few runs.

    CPU time is shown beside the wall clock: on a shared machine, other work stretches the
    wall clock of one run but not the CPU time it took.
    """
    wall, cpu = float("inf"), float("inf")
    for _ in range(repeat):
        wall_start, cpu_start = time.perf_counter(), cpu_seconds()
        action()
        wall, cpu = min(wall, time.perf_counter() - wall_start), min(cpu, cpu_seconds() - cpu_start)
    return wall, cpu


def report(label: str, files: list[Path], workers: int, repeat: int) -> None:
    """Time the four loops over one set of files and print them side by side."""
    highlights = parse_all(files)
    read = best_of(lambda: read_all(files), repeat)
    naive = best_of(lambda: naive_loop(files), repeat)
    parse = best_of(lambda: parse_all(files), repeat)
    pooled = best_of(lambda: parse_in_pool(files, workers), repeat)
    print(f"{label}: {len(files)} files, {highlights} highlights, {os.cpu_count()} cores")
    print(f"  {'':<30} {'wall s':>8} {'us/hl':>7} {'/naive':>7} {'/read':>7}   {'cpu s':>8} {'us/hl':>7} {'/naive':>7}")
    for name, timing in (
        ("read bytes", read),
        ("naive frontmatter loop", naive),
        ("read + parse_bytes", parse),
        (f"read + parse, {workers} processes", pooled),
    ):
        wall, cpu = _columns(timing[0], highlights, naive[0], read[0]), _columns(timing[1], highlights, naive[1])
        print(f"  {name:<30} {wall}   {cpu}")
    print(f"  parse_bytes alone: {(parse[1] - read[1]) / highlights * 1e6:.1f} us CPU per highlight")


def _columns(seconds: float, highlights: int, naive: float, read: float | None = None) -> str:
    """Seconds, microseconds per highlight and the ratios, as fixed-width columns."""
    columns = f"{seconds:8.3f} {seconds / highlights * 1e6:7.1f} {seconds / naive:6.1f}x"
    return columns + (f" {seconds / read:6.1f}x" if read is not None else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        write_library(folder, options.documents)
        report(
            f"generated library ({options.documents} documents)",
            find_export_files(folder),
            options.workers,
            options.repeat,
        )
    if REAL_CORPUS.is_dir():
        report(f"real corpus ({REAL_CORPUS.name})", find_export_files(REAL_CORPUS), options.workers, options.repeat)


if __name__ == "__main__":
    main()
