"""Every figure of the performance table beside its baseline, measured in one run, per library size.

Usage: python benchmarks/run_all.py [--sizes 1000,10000] [--keep DIR] [--huge] [--seed 1]

For each size it writes a library with make_library.py (or reuses DIR/<size> with --keep) and
prints one table: figure, measured value, baseline, ratio, target. Only public entry points are
used (the `hltui` command, `load_library`, `Searcher`), so the script keeps working while the
insides change. Every step that fails prints `n/a (reason)` and the run goes on.

- read bytes and the naive python-frontmatter loop run in a fresh interpreter, as `hltui check`
  does, so both sides pay for starting Python; the in-process figures are printed too.
- `hltui check` cold (empty XDG_CACHE_HOME), warm (best of 3), after touching one file; peak RSS
  of a cold check (wait4 of that child).
- time to the tree: `hltui DIR` in a 120x40 pseudo-terminal, from spawn until the tree's first
  group label (`Favorites`) is painted; the baseline is a Textual app showing one Static, timed
  the same way. RSS of the TUI once the tree is drawn.
- search p50/p95 over a seeded list of queries (typos, accents, two words, no match) against a
  naive `word in text.casefold()` scan; from the tree on screen to the first result after `/` and a
  word, warm, and the TUI's RSS then (idle, the index answering); with --baseline-commit, a cold
  `hltui check` of that commit beside this one's (what writing the index costs).
- open / G / q on the 10,000-highlight book (and the 190,000 one with --huge): `hltui FILE` in the
  pseudo-terminal; Enter on the first group, j, Enter until the first highlight is painted; G
  until the last one is; q until the process has exited.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from make_library import (
    FIRST_MARKER,
    HUGE_TITLE,
    LAST_MARKER,
    LONG_TITLE,
    OWN_SENTENCES,
    QUOTES,
    long_book_path,
    made_up_word,
    make_library,
)
from terminal import CTRL_Q, ENTER, TerminalSession
from timing import best_of

TREE_MARKER = "Favorites"
SEARCH_WORD = "nature"  # in the public-domain quotations every library holds
EMPTY_MARKER = "Emptyappmarker"
EMPTY_APP = f"""
from textual.app import App, ComposeResult
from textual.widgets import Static

class Empty(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("{EMPTY_MARKER} painted")

Empty().run()
"""
READ_BYTES = """
import os, sys
total = 0
for folder, _, names in os.walk(sys.argv[1]):
    for name in names:
        if name.endswith(".md"):
            with open(os.path.join(folder, name), "rb") as file:
                total += len(file.read())
"""
NAIVE_LOOP = """
import os, sys, frontmatter
for folder, _, names in os.walk(sys.argv[1]):
    for name in names:
        if name.endswith(".md"):
            with open(os.path.join(folder, name), encoding="utf-8") as file:
                try:
                    frontmatter.loads(file.read())
                except Exception:
                    pass
"""


@dataclass
class Table:
    """Rows printed as they are measured, and the figures kept for the summary across sizes."""

    figures: dict[str, float] = field(default_factory=dict)

    @staticmethod
    def header() -> None:
        """The column titles."""
        print(f"{'figure':<34} {'measured':>12}  {'baseline':<34} {'ratio':>7}  target")
        print("-" * 110)

    def row(self, figure: str, value: str, baseline: str = "", ratio: str = "", target: str = "") -> None:
        """One line of the table."""
        print(f"{figure:<34} {value:>12}  {baseline:<34} {ratio:>7}  {target}", flush=True)

    def missing(self, figure: str, reason: str) -> None:
        """A figure that could not be measured."""
        self.row(figure, "n/a", f"({reason})"[:200])


def seconds(value: float) -> str:
    """A duration for the table, in the unit that reads best."""
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def ratio(value: float, baseline: float) -> str:
    """value / baseline as `1.3x`."""
    return f"{value / baseline:.2f}x" if baseline > 0 else "-"


def mebibytes(kib: int) -> str:
    """KiB as MB (MiB) for the table."""
    return f"{kib / 1024:.0f} MB"


@contextmanager
def attempt(table: Table, figure: str) -> Iterator[None]:
    """Run a measurement; on any failure print `n/a (reason)` and go on."""
    try:
        yield
    except Exception as error:  # noqa: BLE001 - one failing figure must not end the run
        table.missing(figure, f"{type(error).__name__}: {error}".replace("\n", " "))


# Child processes


def environment(cache_home: Path) -> dict[str, str]:
    """The environment for hltui: its own cache folder, no user config, no default library."""
    chosen = {key: value for key, value in os.environ.items() if key != "HLTUI_LIBRARY"}
    config_home = cache_home.parent / "config"
    config_home.mkdir(exist_ok=True)
    return dict(chosen, XDG_CACHE_HOME=str(cache_home), XDG_CONFIG_HOME=str(config_home))


def run_child(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Seconds a command takes and its peak RSS (KiB, from wait4 of that very child)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    error = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:4])} exited {process.returncode}: {error.strip()[-200:]}")
    return elapsed, usage.ru_maxrss


def hltui_command(*arguments: str) -> list[str]:
    """The hltui command run by this interpreter."""
    return [sys.executable, "-m", "hltui", *arguments]


@dataclass
class Workspace:
    """The scratch folders of one size: a fresh cache folder on demand."""

    root: Path
    made: int = 0

    def fresh_cache(self) -> Path:
        """An empty cache folder (a cold start)."""
        self.made += 1
        folder = self.root / f"cache{self.made}"
        folder.mkdir(parents=True)
        return folder


# Measurements


def measure_files(table: Table, folder: Path, scratch: Workspace) -> None:
    """Interpreter start, reading the bytes and the naive loop (fresh interpreter and in process)."""
    env = environment(scratch.fresh_cache())
    with attempt(table, "python -c pass"):
        table.figures["start"] = best_of(lambda: run_child([sys.executable, "-c", "pass"], env))
        table.row("python -c pass", seconds(table.figures["start"]), "(in every fresh-interpreter figure)")
    with attempt(table, "read bytes, fresh interpreter"):
        table.figures["read"] = best_of(lambda: run_child([sys.executable, "-c", READ_BYTES, str(folder)], env))
        table.row("read bytes, fresh interpreter", seconds(table.figures["read"]), "(baseline: warm check)")
    paths = list(folder.rglob("*.md"))
    with attempt(table, "read bytes, in process"):
        in_process = best_of(lambda: [path.read_bytes() for path in paths])
        table.row("read bytes, in process", seconds(in_process))
    with attempt(table, "naive frontmatter loop"):
        repeat = 3 if len(paths) <= 2000 else 1
        naive = best_of(lambda: run_child([sys.executable, "-c", NAIVE_LOOP, str(folder)], env), repeat=repeat)
        table.figures["naive"] = naive
        table.row("naive frontmatter loop, fresh", seconds(naive), "(baseline: cold check)")


def measure_check(table: Table, folder: Path, scratch: Workspace, documents: int) -> None:
    """`hltui check` cold, warm, after one touch, and its peak RSS."""
    env = environment(scratch.fresh_cache())
    naive, read = table.figures.get("naive", 0.0), table.figures.get("read", 0.0)
    with attempt(table, "check, cold"):
        cold, peak = run_child(hltui_command("check", str(folder)), env)
        table.figures["check cold"] = cold
        table.row(
            "check, cold (empty cache)", seconds(cold), f"naive loop {seconds(naive)}", ratio(cold, naive), "<= 5x"
        )
        table.row("check, cold: peak RSS", mebibytes(peak))
    with attempt(table, "check, warm"):
        warm = min(run_child(hltui_command("check", str(folder)), env)[0] for _ in range(3))
        table.figures["check warm"] = warm
        table.row("check, warm (best of 3)", seconds(warm), f"read bytes {seconds(read)}", ratio(warm, read), "<= 1.0x")
    with attempt(table, "check, one file touched"):
        touched = sorted(folder.rglob("*.md"))[documents // 2]  # an ordinary document, not the long book
        os.utime(touched, ns=(time.time_ns(), time.time_ns()))
        after_touch, _ = run_child(hltui_command("check", str(folder)), env)
        table.row(
            "check, one file touched", seconds(after_touch), f"read bytes {seconds(read)}", ratio(after_touch, read)
        )
    per_document = table.figures.get("check cold", 0.0) / max(documents, 1)
    table.figures["cold per document"] = per_document


def time_to_marker(command: list[str], env: dict[str, str], marker: str, timeout: float) -> tuple[float, int, int]:
    """Seconds from spawn until marker is painted in the pseudo-terminal, and RSS then (now, peak; KiB)."""
    with TerminalSession(command, env) as session:
        painted = session.wait_for(marker, timeout) - session.started
        rss, peak = session.memory_kib()
    return painted, rss, peak


def empty_app_quit(env: dict[str, str]) -> float:
    """Seconds from ctrl+q until an empty Textual app's process is gone (the floor under any q)."""
    with TerminalSession([sys.executable, "-c", EMPTY_APP], env) as session:
        session.wait_for(EMPTY_MARKER, 60)
        time.sleep(0.3)
        sent = session.send(CTRL_Q)
        return session.wait_exit(30) - sent


def measure_tree(table: Table, folder: Path, scratch: Workspace, documents: int) -> None:
    """Time to the tree on screen, cold and warm, against an empty Textual app's first paint."""
    env = environment(scratch.fresh_cache())
    timeout = 120 + documents * 0.01
    with attempt(table, "empty Textual app, first paint"):
        empty = min(time_to_marker([sys.executable, "-c", EMPTY_APP], env, EMPTY_MARKER, 60)[0] for _ in range(3))
        table.figures["empty app"] = empty
        table.row("empty Textual app, first paint", seconds(empty), "(baseline: tree on screen)")
    with attempt(table, "empty Textual app, ctrl+q"):
        table.figures["empty app quit"] = min(empty_app_quit(env) for _ in range(3))
        table.row("empty Textual app, ctrl+q to exit", seconds(table.figures["empty app quit"]), "(baseline: q)")
    empty = table.figures.get("empty app", 0.0)
    with attempt(table, "tree on screen, cold"):
        cold, rss, peak = time_to_marker(hltui_command(str(folder)), env, TREE_MARKER, timeout)
        table.row("tree on screen, cold", seconds(cold), f"empty app {seconds(empty)}", ratio(cold, empty), "<= 4x")
        table.row("TUI RSS after cold tree (now/peak)", f"{mebibytes(rss)}/{mebibytes(peak)}")
    with attempt(table, "tree on screen, warm"):
        runs = [time_to_marker(hltui_command(str(folder)), env, TREE_MARKER, timeout) for _ in range(3)]
        warm, rss, peak = min(runs)
        table.figures["tree warm"] = warm
        table.row(
            "tree on screen, warm (best of 3)",
            seconds(warm),
            f"empty app {seconds(empty)}",
            ratio(warm, empty),
            "<= 2x",
        )
        target = "< 150 MB at 10k, < 400 MB at 100k"
        table.row("TUI RSS after warm tree (now/peak)", f"{mebibytes(rss)}/{mebibytes(peak)}", "", "", target)


def search_queries(seed: int) -> list[str]:
    """A fixed list of queries: words of the text, made-up words common and rare, typos, accents, no match."""
    rng = random.Random(f"queries/{seed}")
    queries = ["nature", "meditatoin", "the mind", "cafe", "café", "wisdom virtue", "zzzz", "desperaton"]
    queries += ["solitude", "quiet desperation", "ishmael", "curiouser", "boring technology", "habbits", "xq"]
    for _ in range(25):
        word = made_up_word(int(rng.paretovariate(0.6)) % 200_000)
        if rng.random() < 0.4 and len(word) > 4:
            cut = rng.randrange(1, len(word) - 1)
            word = word[:cut] + word[cut + 1 :]  # a letter dropped
        queries.append(word)
    for _ in range(20):
        words = rng.choice(QUOTES + OWN_SENTENCES).rstrip(".!?").split()
        start = rng.randrange(len(words))
        queries.append(" ".join(words[start : start + rng.choice((1, 2, 2, 3))]).strip(",;:").lower())
    return queries


def naive_scan(texts: list[str], query: str) -> list[str]:
    """The simplest search there is: every highlight holding every query word, no ranking, no typos."""
    words = query.casefold().split()
    return [text for text in texts if all(word in text.casefold() for word in words)]


def timed(action: Callable[[], object]) -> float:
    """Seconds for one run of action."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def percentile(values: list[float], fraction: float) -> float:
    """The value below which `fraction` of values fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def measure_search(table: Table, folder: Path, seed: int, scratch: Workspace) -> None:
    """Search p50/p95 through the index (as the app and `hltui search` do) against a naive scan."""
    from hltui.library import load_library
    from hltui.library.cache import ParseCache
    from hltui.search import Searcher

    with attempt(table, "search"):
        cache = ParseCache(folder, scratch.fresh_cache())
        library = load_library(folder, cache=cache, parallel=True)
        texts = [highlight.text for document in library.documents for highlight in document.highlights]
        searcher = Searcher(cache)
        queries = search_queries(seed)
        ranked = [timed(lambda query=query: searcher.search(library, query)) for query in queries]  # type: ignore[misc]
        naive = [timed(lambda query=query: naive_scan(texts, query)) for query in queries]  # type: ignore[misc]
        for name, fraction, target in (("p50", 0.5, ""), ("p95", 0.95, "< 50 ms at 10k, < 100 ms at 100k")):
            mine, theirs = percentile(ranked, fraction), percentile(naive, fraction)
            table.row(
                f"search {name} ({len(queries)} queries)",
                seconds(mine),
                f"naive scan {seconds(theirs)}",
                ratio(mine, theirs),
                target,
            )


def measure_first_result(table: Table, folder: Path, scratch: Workspace, documents: int) -> None:
    """Warm start: from the tree on screen to the first search result painted; RSS then, search ready."""
    env = environment(scratch.fresh_cache())
    timeout = 120 + documents * 0.01
    with attempt(table, "first search result, warm"):
        run_child(hltui_command("check", str(folder)), env)  # the cache (and its index) written
        runs = []
        for _ in range(3):
            with TerminalSession(hltui_command(str(folder)), env) as session:
                session.wait_for(TREE_MARKER, timeout)
                time.sleep(0.5)  # the tree settled: what follows is the search alone
                sent = session.send(b"/")
                session.wait_for("Search", 30)
                session.send(SEARCH_WORD.encode())
                found = session.wait_for("results", 30) - sent
                time.sleep(1.0)  # idle, the results on screen
                runs.append((found, *session.memory_kib()))
        found, rss, peak = min(runs)
        table.row("tree to first search result, warm", seconds(found), "", "", "< 300 ms at 10k")
        target = "< 150 MB at 10k, < 400 MB at 100k"
        table.row("TUI RSS idle, search answered (now/peak)", f"{mebibytes(rss)}/{mebibytes(peak)}", "", "", target)


def measure_baseline_check(table: Table, folder: Path, scratch: Workspace, commit: str) -> None:
    """A cold `hltui check` of an earlier commit (before the search index), beside this one's."""
    with attempt(table, f"check, cold, at {commit}"):
        source = scratch.root / f"source-{commit}"
        if not source.is_dir():
            source.mkdir(parents=True)
            repository = Path(__file__).resolve().parent.parent
            archive = subprocess.run(
                ["git", "-C", str(repository), "archive", commit, "hltui"], capture_output=True, check=True
            ).stdout
            subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)
        # Run from the archive's folder: `python -m` puts the working folder first on the path.
        start = f"import os, runpy; os.chdir({str(source)!r}); runpy.run_module('hltui', run_name='__main__')"
        commands = {"baseline": [sys.executable, "-c", start], "current": hltui_command()}
        times: dict[str, list[float]] = {"baseline": [], "current": []}
        for _ in range(3):  # interleaved, each with an empty cache: both see the same moments of the machine
            for name, command in commands.items():
                env = environment(scratch.fresh_cache())
                if name == "baseline":
                    env["PYTHONPATH"] = str(source)
                times[name].append(run_child([*command, "check", str(folder)], env)[0])
        baseline, cold = min(times["baseline"]), min(times["current"])
        table.row(
            "check, cold, with the search index",
            seconds(cold),
            f"{commit}: {seconds(baseline)}",
            ratio(cold, baseline),
            "<= 1.25x",
        )


def measure_long(table: Table, path: Path, scratch: Workspace, label: str, runs: int) -> None:
    """open / G / q on a long book opened alone: best of `runs` each."""
    env = environment(scratch.fresh_cache())
    opened, last, quit_ = [], [], []
    with attempt(table, f"open/G/q, {label}"):
        for _ in range(runs + 1):  # the first run fills the cache
            with TerminalSession(hltui_command(str(path)), env) as session:
                session.wait_for(TREE_MARKER, 600)
                session.send(ENTER)  # open the first group
                time.sleep(0.5)
                sent = session.send(b"j")  # onto the document: the app may show it at once
                try:
                    shown = session.wait_for(FIRST_MARKER, 3)
                    opened_by = "j (cursor onto it)"
                except TimeoutError:
                    sent = session.send(ENTER)
                    shown, opened_by = session.wait_for(FIRST_MARKER, 120), "Enter"
                opened.append(shown - sent)
                if opened_by != "Enter":
                    session.send(ENTER)  # into the document, so G goes to its highlights, not to the tree
                    with suppress(TimeoutError):
                        session.wait_for(FIRST_MARKER, 3)  # Enter may paint the document again: let it finish
                time.sleep(0.3)
                sent = session.send(b"G")
                last.append(session.wait_for(LAST_MARKER, 120) - sent)
                time.sleep(0.3)
                rss, peak = session.memory_kib()
                sent = session.send(b"q")
                quit_.append(session.wait_exit(120) - sent)
        quit_baseline = table.figures.get("empty app quit", 0.0)
        table.row(f"open by {opened_by}, {label}", seconds(min(opened[1:])), "", "", "< 200 ms")
        table.row(f"G (last highlight), {label}", seconds(min(last[1:])), "", "", "< 200 ms")
        quit_seconds = min(quit_[1:])
        baseline = f"empty app ctrl+q {seconds(quit_baseline)}"
        quit_ratio = ratio(quit_seconds, quit_baseline)
        table.row(f"q (process gone), {label}", seconds(quit_seconds), baseline, quit_ratio, "< 200 ms")
        table.row(f"TUI RSS with it open, {label}", f"{mebibytes(rss)}/{mebibytes(peak)}", "(now/peak)")


def library_for(documents: int, seed: int, keep: Path | None, scratch: Path) -> Path:
    """The library of a size: reused from --keep when it was made with the same parameters."""
    folder = (keep or scratch) / str(documents)
    stamp = folder.with_name(f"{documents}.json")
    wanted = {"documents": documents, "seed": seed, "long": True}
    if folder.is_dir() and stamp.is_file() and json.loads(stamp.read_text()) == wanted:
        print(f"reusing {folder}")
        return folder
    if folder.is_dir() and any(folder.iterdir()):
        raise SystemExit(f"{folder} holds something other than this library: remove it or choose another --keep")
    start = time.perf_counter()
    written = make_library(folder, documents, seed, long=True)
    stamp.write_text(json.dumps(wanted))
    print(f"wrote {folder} in {seconds(time.perf_counter() - start)}")
    print(f"{written.documents:,} files, {written.highlights:,} highlights, {written.size / 1e6:.1f} MB")
    return folder


def measure_size(documents: int, options: argparse.Namespace, scratch: Path) -> Table:
    """Every figure for one library size."""
    print(f"\n=== {documents:,} documents (+ one 10,000-highlight book) ===")
    print("load average (1, 5, 15 min): " + ", ".join(f"{load:.2f}" for load in os.getloadavg()))
    folder = library_for(documents, options.seed, options.keep, scratch)
    workspace = Workspace(scratch / f"work{documents}")
    table = Table()
    Table.header()
    measure_files(table, folder, workspace)
    measure_check(table, folder, workspace, documents)
    measure_tree(table, folder, workspace, documents)
    measure_long(table, long_book_path(folder, LONG_TITLE), workspace, "10k-highlight book", runs=3)
    measure_search(table, folder, options.seed, workspace)
    measure_first_result(table, folder, workspace, documents)
    if options.baseline_commit:
        measure_baseline_check(table, folder, workspace, options.baseline_commit)
    return table


def print_per_document(tables: dict[int, Table]) -> None:
    """Cost per document at each size (flat is the target)."""
    print("\n=== cost per document (flat from 1k to 100k is the target) ===")
    for figure in ("check cold", "check warm", "tree warm"):
        cells = [
            f"{size:>7,}: {tables[size].figures[figure] / size * 1e6:8.1f} µs"
            if figure in tables[size].figures
            else f"{size:>7,}: n/a"
            for size in tables
        ]
        print(f"{figure:<12} " + "   ".join(cells))


def describe_machine() -> None:
    """Cores, Python, Textual and the commit measured."""
    try:
        from importlib.metadata import version

        textual = version("textual")
    except Exception:  # noqa: BLE001
        textual = "?"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False)
    print(f"cores: {os.cpu_count()}   python: {platform.python_version()}   textual: {textual}   ", end="")
    print(f"commit: {commit.stdout.strip() or '?'}   {platform.platform()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated document counts")
    parser.add_argument("--keep", type=Path, help="write the libraries here and reuse them on later runs")
    parser.add_argument("--huge", action="store_true", help="also open/G/q the 190,000-highlight book")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--baseline-commit", help="also time a cold `hltui check` of this commit (e.g. 62a150c)")
    options = parser.parse_args()
    describe_machine()
    tables: dict[int, Table] = {}
    with tempfile.TemporaryDirectory(prefix="hltui-bench-") as scratch_name:
        scratch = Path(scratch_name)
        for size in (int(text) for text in options.sizes.split(",")):
            tables[size] = measure_size(size, options, scratch)
        if options.huge:
            measure_huge(options, scratch)
    print_per_document(tables)


def measure_huge(options: argparse.Namespace, scratch: Path) -> None:
    """open/G/q on the 190,000-highlight book, written alone."""
    print("\n=== the 190,000-highlight book, opened alone ===")
    folder = (options.keep or scratch) / "huge"
    if not long_book_path(folder, HUGE_TITLE).is_file():
        make_library(folder, 0, options.seed, huge=True)
    Table.header()
    measure_long(Table(), long_book_path(folder, HUGE_TITLE), Workspace(scratch / "work-huge"), "190k book", runs=1)


if __name__ == "__main__":
    main()
