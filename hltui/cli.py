"""The command line: `hltui [PATH]` and `hltui export | check | cache | review | random | search`."""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hltui import __version__
from hltui.config import LIBRARY_ENV, Config, load_config
from hltui.display import counted, json_for_a_terminal, one_line, strip_control
from hltui.library import Library, LibraryError, load_library, summary_of
from hltui.library.cache import ParseCache, cache_folder, clear_cache
from hltui.library.cache_rows import Summary
from hltui.library.load import LibraryLoader

if TYPE_CHECKING:
    from hltui.search import SearchHit
    from hltui.tui.app import HltuiApp

SUBCOMMANDS = ("export", "check", "cache", "review", "random", "search")
EXIT_USAGE = 2


def bundled_samples() -> Path:
    """The sample library shipped in the package, or else the one at the top of a source checkout."""
    shipped = resources.files("hltui") / "sample_exports"
    # Installed from a wheel it is a folder; in a checkout, a link to the top-level one (which a checkout
    # without symlinks lacks: then the top-level folder is used directly).
    if isinstance(shipped, Path) and shipped.is_dir():
        return shipped.resolve()
    return Path(__file__).resolve().parent.parent / "sample_exports"


def resolve_library_path(argument: str | None, config: Config) -> Path:
    """PATH, else $HLTUI_LIBRARY, else `library` in the config file, else the bundled samples."""
    chosen = argument or os.environ.get(LIBRARY_ENV) or config.library
    return Path(chosen).expanduser() if chosen else bundled_samples()


def build_app(
    path: Path, config: Config | None = None, *, use_cache: bool = True, start_in_review: bool = False
) -> HltuiApp:
    """The one factory for the app, shared by `main` and the tests."""
    from hltui.tui.app import HltuiApp  # Textual is imported only when the app runs.
    from hltui.tui.browser import use_browser_command

    config = config or load_config()
    use_browser_command(config.browser)
    cache = ParseCache(path) if use_cache else None
    return HltuiApp(path, config, cache, start_in_review=start_in_review)


def _parser(subcommand: str | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=f"hltui {subcommand}" if subcommand else "hltui",
        description="Read your Readwise/Kindle/Reader highlight exports from the keyboard.",
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,  # the samples' path on a line of its own, unbroken
    )
    if subcommand == "cache":
        parser.add_argument("action", choices=("clear",), help="clear: remove every cached parse")
        return parser
    if subcommand == "search":
        parser.add_argument("query", help="words to find in titles, authors, tags, highlights and notes")
    parser.add_argument("path", nargs="?", help="export folder or file (default: $HLTUI_LIBRARY, config, samples)")
    parser.add_argument("--no-cache", action="store_true", help="parse every file again; leave the cache alone")
    if subcommand is None:
        parser.add_argument("--version", action="version", version=f"hltui {__version__}")
    if subcommand == "export":
        parser.add_argument("--format", choices=("json", "markdown"), default="json", help="output format")
    if subcommand == "review":
        moves = parser.add_mutually_exclusive_group()
        moves.add_argument("--export-state", metavar="FILE", help="write your stars, notes, discards and cards as JSON")
        moves.add_argument("--import-state", metavar="FILE", help="merge a state written by --export-state")
    if subcommand == "search":
        parser.add_argument("--format", choices=("text", "json", "markdown"), default="text", help="output format")
        parser.add_argument("--limit", type=int, default=20, help="at most this many results (default 20)")
    if subcommand == "random":
        parser.add_argument("--tag", help="only highlights with this tag (document or highlight tag)")
        parser.add_argument("--format", choices=("text", "markdown", "json"), default="text", help="output format")
    return parser


def _epilog() -> str:
    """The subcommands, and where the samples opened without a PATH are."""
    subcommands = (
        "Subcommands: `hltui export [PATH] --format json|markdown`, `hltui check [PATH]`, `hltui review [PATH]`"
        " (`--export-state FILE` or `--import-state FILE` moves your review state),"
        " `hltui random [PATH] --tag TAG --format text|markdown|json`,"
        " `hltui search QUERY [PATH] --format text|json|markdown --limit N`, `hltui cache clear`."
    )
    samples = bundled_samples()
    missing = "" if samples.is_dir() else " (missing)"
    opened = "Without a PATH, $HLTUI_LIBRARY or `library` in the config file, hltui opens the bundled samples:"
    # Wrapped here: argparse would also break a path at its hyphens (`site-` / `packages`).
    wrap = textwrap.TextWrapper(width=79, break_on_hyphens=False, break_long_words=False)
    return f"{wrap.fill(subcommands)}\n\n{wrap.fill(opened)}\n  {samples}{missing}"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `hltui` command."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")  # a terminal that cannot show a title gets `?`, not a crash
    arguments = list(sys.argv[1:] if argv is None else argv)
    subcommand = arguments.pop(0) if arguments and arguments[0] in SUBCOMMANDS else None
    options = _parser(subcommand).parse_args(arguments)
    if subcommand == "cache":
        removed = clear_cache()
        print(one_line(f"removed {removed} cache {'file' if removed == 1 else 'files'} from {cache_folder()}"))
        return 0
    if subcommand == "review" and (options.export_state or options.import_state):
        return _move_state(options.export_state, options.import_state)
    config = load_config()
    if config.error:
        print(f"hltui: warning: {one_line(config.error)}", file=sys.stderr)
    path = resolve_library_path(options.path, config)
    if path == bundled_samples() and not path.is_dir():
        return _fail(f"no library given: pass a PATH, set ${LIBRARY_ENV}, or set `library` in {config.path}")
    if subcommand in (None, "review"):
        if not path.exists():
            return _fail(f"library path not found: {path}")
        build_app(path, config, use_cache=not options.no_cache, start_in_review=subcommand == "review").run()
        return 0
    cache = None if options.no_cache else ParseCache(path)
    try:
        if subcommand == "export":
            from hltui.export import library_as_json, library_as_markdown  # only exports need it

            library = load_library(path, rules=config.read_rules, cache=cache, parallel=True)
            _notice(cache)
            from hltui.review.portable import highlight_review_fields

            fields = highlight_review_fields()
            output = (
                library_as_json(library, fields) if options.format == "json" else library_as_markdown(library, fields)
            )
            sys.stdout.write(output if output.endswith("\n") else output + "\n")
            sys.stdout.flush()
            return 0
        if subcommand == "random":
            library = load_library(path, rules=config.read_rules, cache=cache, parallel=True)
            _notice(cache)
            return _random(library, options.tag, options.format)
        if subcommand == "search":
            library = load_library(path, rules=config.read_rules, cache=cache, parallel=True)
            _notice(cache)
            return _search(library, cache, options.query, options.format, options.limit)
        loader = LibraryLoader(path, config.read_rules, cache, parallel=True)
        summary = loader.cached_summary() or summary_of(loader.load())
        _notice(cache)
        return _check(summary)
    except LibraryError as error:
        return _fail(str(error))
    except BrokenPipeError:
        # The reader of our output (`| head`) has gone; that is not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _move_state(export_to: str | None, import_from: str | None) -> int:
    """`hltui review --export-state FILE` / `--import-state FILE`: the review state out of or into a JSON file."""
    from hltui.review.portable import StateFileError, import_state, state_as_json
    from hltui.review.store import ReviewStore

    try:
        if export_to:
            store = ReviewStore()
            Path(export_to).write_text(state_as_json(store) + "\n", encoding="utf-8")
            print(
                one_line(
                    f"wrote the review state of {counted(len(store.favorites()), 'star')} and every card to {export_to}"
                )
            )
        else:
            text = Path(import_from or "").read_text(encoding="utf-8")
            merged = import_state(ReviewStore(), text)
            print(
                f"merged {counted(merged.cards, 'card')}, {counted(merged.stars, 'star')}, "
                f"{counted(merged.notes, 'note')}, {counted(merged.discards, 'discard')}, "
                f"{counted(merged.reviews, 'review')}"
            )
    except (OSError, UnicodeDecodeError, StateFileError) as error:
        return _fail(f"review state: {error}")
    return 0


def _search(library: Library, cache: ParseCache | None, query: str, form: str, limit: int) -> int:
    """Print what the search screen would list for the query; no result is not an error (exit 0)."""
    from hltui.review.reader_state import ReaderReviews
    from hltui.search import Searcher

    if limit < 1:
        return _fail(f"--limit must be 1 or more, not {limit}")
    searcher = Searcher(cache, ReaderReviews(on_notice=lambda notice: print(notice, file=sys.stderr)))
    searcher.prepare()  # a missing index is rebuilt before searching: a script wants the same hits as the app
    if searcher.notice:
        print(searcher.notice, file=sys.stderr)
    hits = searcher.search(library, query, limit=limit)
    write = {"text": hits_as_text, "json": hits_as_json, "markdown": hits_as_markdown}[form]
    output = write(hits)
    if output:
        sys.stdout.write(output + "\n")
    return 0


def hits_as_text(hits: Sequence[SearchHit]) -> str:
    """Two lines a hit: `Title — Author · field`, then the snippet, indented (one line, `fzf`-friendly)."""
    lines: list[str] = []
    for hit in hits:
        document = hit.document
        source = f"{document.title} — {document.author}" if document.author else document.title
        lines.append(" ".join(strip_control(f"{source} · {hit.field}").split()))
        lines.append("  " + " ".join(strip_control(hit.snippet).split()))
    return "\n".join(lines)


def hits_as_json(hits: Sequence[SearchHit]) -> str:
    """One object a hit: its document, the field matched, the snippet and, for a highlight, its text."""
    return json_for_a_terminal(json.dumps([_hit_json(hit) for hit in hits], ensure_ascii=False, indent=2))


def hits_as_markdown(hits: Sequence[SearchHit]) -> str:
    """A highlight as a quote with its source; a document (title, author or tag matched) as a link."""
    blocks: list[str] = []
    for hit in hits:
        document = hit.document
        if hit.highlight_index is not None:
            from hltui.export import quote_with_citation  # only Markdown output needs it

            blocks.append(quote_with_citation(document, document.highlights[hit.highlight_index]))
        else:
            blocks.append(f"- [{document.title}]({document.url})" if document.url else f"- {document.title}")
    return strip_control("\n\n".join(blocks))


def _hit_json(hit: SearchHit) -> dict[str, Any]:
    document = hit.document
    highlight = document.highlights[hit.highlight_index] if hit.highlight_index is not None else None
    return {
        "title": document.title,
        "author": document.author,
        "url": document.url,
        "source_path": document.source_path,
        "field": hit.field,
        "highlight_index": hit.highlight_index,
        "text": highlight.text if highlight is not None else None,
        "snippet": hit.snippet,
    }


def _random(library: Library, tag: str | None, form: str) -> int:
    """Print one highlight with its citation, for a shell greeting; exit 1 when none matches."""
    from hltui.export import highlight_citation
    from hltui.review.random_pick import random_highlight

    picked = random_highlight(library.documents, tag)
    if picked is None:
        return _fail(f"no highlight{' tagged ' + tag if tag else ''} in {library.root}")
    document, index = picked
    sys.stdout.write(highlight_citation(document, document.highlights[index], form) + "\n")
    return 0


def _check(summary: Summary) -> int:
    """Print each skipped file and problem, then a summary; problems are warnings (exit 0)."""
    for skipped in summary.skipped:
        print(one_line(skipped.path) + ": skipped: " + one_line(skipped.reason))
    for problem in summary.problems:
        where = f"{problem.path}:{problem.line}" if problem.line else problem.path
        print(one_line(where) + ": " + one_line(problem.message))
    print(
        f"{counted(summary.documents, 'document')}, {counted(summary.highlights, 'highlight')}, "
        f"{len(summary.skipped)} skipped, {counted(len(summary.problems), 'problem')}"
    )
    return 0


def _notice(cache: ParseCache | None) -> None:
    if cache is not None and cache.notice:
        print(f"hltui: notice: {one_line(cache.notice)}", file=sys.stderr)


def _fail(message: str) -> int:
    print(f"hltui: error: {one_line(message)}", file=sys.stderr)
    return EXIT_USAGE
