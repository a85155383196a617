"""How long each hostile shape of issue 6 takes to load, against reading its bytes.

Usage: python benchmarks/hostile.py [--before PATH]

Builds every shape of `tests/hostile_shapes.py` (the quadratic cases at full size) in a
temporary folder and times, in the same run: reading the files' bytes (the baseline), and
`hltui check` on the folder in a fresh interpreter. `--before PATH` also times the checkout at
PATH (for example a `git worktree` of an older commit), so a fix is shown beside what it fixed;
a run past 150 s is cut off and printed as `>150`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import best_of

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from hostile_shapes import QUADRATIC_SHAPES  # noqa: E402

from hltui.library import find_export_files  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CUT_OFF = 150.0


def timed_check(checkout: Path, folder: Path) -> tuple[float, str]:
    """Seconds `hltui check` takes with the package at `checkout`, and its summary line."""
    command = [sys.executable, "-c", "import sys; from hltui.cli import main; sys.exit(main())", "check", str(folder)]
    start = time.perf_counter()
    try:
        done = subprocess.run(
            command, cwd=checkout, env={"PYTHONPATH": str(checkout)}, capture_output=True, text=True, timeout=CUT_OFF
        )
    except subprocess.TimeoutExpired:
        return CUT_OFF, "(cut off)"
    summary = (done.stdout.strip().splitlines() or ["(no output)"])[-1]
    return time.perf_counter() - start, summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, help="an older checkout to time beside this one")
    options = parser.parse_args()
    empty_seconds = 0.0
    with tempfile.TemporaryDirectory() as empty:
        empty_seconds, _ = timed_check(ROOT, Path(empty))
    print(f"interpreter start and empty check: {empty_seconds:.2f} s (included in every figure below)")
    print(f"{'shape':32} {'bytes read':>10} {'check':>8} {'ratio':>8} {'before':>8}  summary")
    for name, build in QUADRATIC_SHAPES.items():
        with tempfile.TemporaryDirectory() as folder_name:
            folder = Path(folder_name)
            build(folder)
            baseline = best_of(lambda folder=folder: [path.read_bytes() for path in find_export_files(folder)])
            seconds, summary = timed_check(ROOT, folder)
            before = ""
            if options.before:
                old, _ = timed_check(options.before, folder)
                before = f">{CUT_OFF:.0f}" if old >= CUT_OFF else f"{old:.2f}"
            # A ratio to a read of a millisecond or less says nothing: the interpreter start dominates.
            ratio = f"{seconds / baseline:7.1f}x" if baseline > 0.01 else f"{'-':>8}"
            print(f"{name:32} {baseline:10.3f} {seconds:8.2f} {ratio} {before:>8}  {summary}")


if __name__ == "__main__":
    main()
