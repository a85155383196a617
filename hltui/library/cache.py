"""What parsing each export file gave, kept in the platformdirs cache folder between runs (no Textual).

One cache file per library folder holds, per export file, its size and `mtime_ns` and the
`ParseResult` parsing it gave, plus the folder's summary for `hltui check`. An entry is used only
while the file's size and time are unchanged and the parser's source is the same. A cache that
cannot be read (corrupt, another version, another folder) is dropped with a notice and rebuilt.
Writing goes to a temporary file renamed over the old one, so two hltui processes never leave
half a cache. Nothing is ever written in the export folder.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_cache_path

from hltui import __version__
from hltui.model import ParseResult, Problem, Skipped

APP_NAME = "hltui"
_FORMAT = 1
# The modules whose code decides what a file parses to: any change to them retires the cache.
_PARSER_MODULES = (
    "model",
    "text",
    "front_matter",
    "metadata",
    "merge",
    "single_highlight",
    "readwisesync",
    "parse",
    "highlight_events",
    "highlight_text",
    "highlight_paragraphs",
    "highlight_common",
    "highlight_bullets",
    "highlight_headings",
    "highlight_list",
)


@functools.cache
def parser_version() -> str:
    """A digest of the parser's own source: an edited or upgraded parser never trusts an old cache."""
    digest = hashlib.sha256(__version__.encode())
    for name in _PARSER_MODULES:
        try:
            digest.update((Path(__file__).parent / f"{name}.py").read_bytes())
        except OSError:
            digest.update(name.encode())  # no source beside the package: the version alone decides
    return digest.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class FileKey:
    """What tells that a file changed: its size and modification time in nanoseconds."""

    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class Summary:
    """What `hltui check` prints about the whole folder, valid for one set of file keys."""

    documents: int
    highlights: int
    skipped: tuple[Skipped, ...]
    problems: tuple[Problem, ...]


Entries = dict[str, tuple[FileKey, ParseResult]]
# Per file (and per linked folder left alone): its key, or why it was not read.
FolderState = dict[str, FileKey | str]


def cache_folder() -> Path:
    """The platformdirs cache folder (moved by XDG_CACHE_HOME)."""
    return user_cache_path(APP_NAME) / "parsed"


class ParseCache:
    """The cache of one library folder: the entries, and apart from them the small summary.

    The summary lives in a file of its own so that `hltui check` on an unchanged folder reads a
    few kilobytes, not every highlight.
    """

    def __init__(self, root: Path, folder: Path | None = None) -> None:
        self.root = os.path.realpath(root)
        name = hashlib.sha256(self.root.encode("utf-8", "surrogateescape")).hexdigest()[:24]
        base = folder or cache_folder()
        self.entries_path = base / f"{name}.entries.pickle"
        self.summary_path = base / f"{name}.summary.pickle"
        self.notice: str | None = None

    def load_entries(self) -> Entries:
        """Each file's key and parse result, or nothing when there is no usable cache."""
        entries = self._load(self.entries_path)
        return entries if isinstance(entries, dict) else {}

    def load_summary(self) -> tuple[FolderState, Summary] | None:
        """The folder state the summary was made for, and the summary."""
        found = self._load(self.summary_path)
        return found if isinstance(found, tuple) and len(found) == 2 else None

    def save(self, entries: Entries, state: FolderState, summary: Summary) -> None:
        """Write both files atomically; a cache that cannot be written only makes the next start slower."""
        self._save(self.entries_path, entries)
        self._save(self.summary_path, (state, summary))

    def _load(self, path: Path) -> object:
        try:
            with path.open("rb") as stream:
                header, payload = pickle.load(stream)
        except FileNotFoundError:
            return None
        except Exception as error:  # noqa: BLE001 - a cache broken in any way is dropped and rebuilt
            self.notice = f"parse cache {path} could not be read ({type(error).__name__}); rebuilding it"
            return None
        if header != (_FORMAT, parser_version(), self.root):
            return None  # another parser version, or another folder under the same name: read again
        return payload

    def _save(self, path: Path, payload: object) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".parsed-", suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(((_FORMAT, parser_version(), self.root), payload), stream, pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        except OSError as error:
            self.notice = f"parse cache {path} could not be written: {error.strerror or error}"


def clear_cache(folder: Path | None = None) -> int:
    """Remove every cache file; the number removed."""
    target = folder or cache_folder()
    removed = 0
    for path in target.glob("*.pickle") if target.is_dir() else []:
        path.unlink(missing_ok=True)
        removed += 1
    return removed
