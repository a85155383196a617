"""Finding and reading the files of an export folder, safely: regular files only, bounded reads."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

EXPORT_SUFFIXES = (".md", ".markdown", ".txt")
MEGABYTE = 1024 * 1024
DEFAULT_MAX_FILE_MB = 64
_READ_CHUNK = MEGABYTE
# Never block on a FIFO with no writer, never make a terminal device our controlling terminal.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


@dataclass(frozen=True, slots=True)
class ReadRules:
    """What hltui agrees to read: a size limit and whether links may lead out of the folder."""

    max_bytes: int = DEFAULT_MAX_FILE_MB * MEGABYTE
    follow_symlinks: bool = False


@dataclass(frozen=True, slots=True)
class ExportFile:
    """What was read of one file: its bytes and when it last changed."""

    data: bytes
    modified: float


class Unreadable(Exception):
    """A file that is not read, with the reason shown to the user."""


def find_export_files(root: Path, rules: ReadRules | None = None) -> list[Path]:
    """Export files under root, sorted; hidden folders (.obsidian, .trash, .git) are left out."""
    return [Path(found.path) for found in walk_export_folder(root, rules or ReadRules())[0]]


@dataclass(frozen=True, slots=True)
class FoundFile:
    """An export file found in the library: its name there (with / separators), its path, whether it is a link."""

    name: str
    path: str
    is_link: bool


def walk_export_folder(root: Path, rules: ReadRules) -> tuple[list[FoundFile], dict[str, str]]:
    """Export files under root, sorted by name, and the folders left alone, with the reason.

    Hidden folders (.obsidian, .trash, .git) are left out quietly. One listing per folder and no
    stat per file: names and kinds come from `os.scandir`, so a check of an unchanged folder
    costs little more than one stat per file.
    """
    if root.is_file():
        return [FoundFile(root.name, str(root), root.is_symlink())], {}
    found: list[FoundFile] = []
    left_out: dict[str, str] = {}
    visited = {os.path.realpath(root)}  # a link back up the tree must not loop forever
    pending = [(str(root), "")]
    while pending:
        folder, prefix = pending.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as error:
            if not prefix:
                raise  # the library itself cannot be listed: nothing can be read
            left_out[prefix[:-1]] = f"folder cannot be read: {error.strerror or error}"
            continue
        for entry in entries:
            name = prefix + entry.name
            if _is_folder(entry):
                if entry.name.startswith("."):
                    continue
                reason = _linked_folder_reason(Path(entry.path), root, rules, visited) if entry.is_symlink() else None
                if reason is None:
                    pending.append((entry.path, name + "/"))
                elif reason:
                    left_out[name] = reason
            elif entry.name.lower().endswith(EXPORT_SUFFIXES):
                found.append(FoundFile(name, entry.path, entry.is_symlink()))
    found.sort(key=lambda item: item.name)
    return found, dict(sorted(left_out.items()))


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _linked_folder_reason(path: Path, root: Path, rules: ReadRules, visited: set[str]) -> str | None:
    """For a linked folder: None to walk it; "" to pass it over quietly; else why it is refused."""
    if _inside(path, root):
        return ""  # its files are read where they really are, once
    if not rules.follow_symlinks:
        return "symbolic link to a folder outside the library; set follow_symlinks = true to read it"
    target = os.path.realpath(path)
    if target in visited:
        return "symbolic link to a folder already read (a loop)"
    visited.add(target)
    return None


def relative_name(path: Path, root: Path) -> str:
    """The path shown to users: relative to the library, with / separators."""
    if path == root:
        return path.name  # the library is this one file
    text, prefix = str(path), os.path.join(str(root), "")
    if text.startswith(prefix):  # paths found by walking root: cut the prefix (pathlib's way cost 1 s per 16k files)
        return text[len(prefix) :].replace(os.sep, "/")
    return PurePosixPath(*path.relative_to(root).parts).as_posix()


@dataclass(frozen=True, slots=True)
class LookedAt:
    """A file checked without being read: its stat, and whether its name was a link."""

    info: os.stat_result
    is_link: bool


def stat_export_file(path: Path, root: Path, rules: ReadRules) -> LookedAt:
    """What a file would be read as, without reading it; `Unreadable` when it would not be read."""
    return look_at(FoundFile(relative_name(path, root), str(path), path.is_symlink()), root, rules)


def look_at(found: FoundFile, root: Path, rules: ReadRules) -> LookedAt:
    """What a found file would be read as (one stat), without reading it; `Unreadable` when it would not be read."""
    if found.is_link and not rules.follow_symlinks and not _inside(Path(found.path), root):
        raise Unreadable("symbolic link to a file outside the library; set follow_symlinks = true to read it")
    try:
        info = os.stat(found.path)
    except OSError as error:
        raise Unreadable(f"cannot be read: {error.strerror or error}") from error
    _check_kind(info.st_mode)
    if info.st_size > rules.max_bytes:
        raise _too_large(info.st_size, rules.max_bytes)
    return LookedAt(info, found.is_link)


def read_export_file(path: Path, root: Path, rules: ReadRules) -> ExportFile:
    """The bytes of one export file, or `Unreadable` saying why it was left alone."""
    return read_looked_at(path, stat_export_file(path, root, rules), rules.max_bytes)


def read_looked_at(path: Path | str, looked: LookedAt, max_bytes: int) -> ExportFile:
    """The bytes of a file `stat_export_file` let through (looked at first: opening a device can have effects)."""
    # A file that was no link when looked at must not become one before it is opened.
    flags = _OPEN_FLAGS if looked.is_link else _OPEN_FLAGS | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise Unreadable(f"cannot be read: {error.strerror or error}") from error
    try:
        return _read_bounded(descriptor, max_bytes)
    except OSError as error:
        raise Unreadable(f"cannot be read: {error.strerror or error}") from error
    finally:
        os.close(descriptor)


def _inside(path: Path, root: Path) -> bool:
    """Whether the link's final target is the library folder or lies in it."""
    folder = os.path.realpath(root.parent if root.is_file() else root)
    target = os.path.realpath(path)
    return target == folder or target.startswith(os.path.join(folder, ""))


def _check_kind(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    kinds = (
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISDIR, "a folder"),
    )
    kind = next((name for test, name in kinds if test(mode)), "not a regular file")
    raise Unreadable(f"not a regular file: {kind}")


def _read_bounded(descriptor: int, max_bytes: int) -> ExportFile:
    """Read at most max_bytes; the file may change between stat and read, so the read is bounded too."""
    info = os.fstat(descriptor)
    _check_kind(info.st_mode)  # the path may have been swapped since the first look
    if info.st_size > max_bytes:
        raise _too_large(info.st_size, max_bytes)
    chunks: list[bytes] = []
    total = 0
    while chunk := os.read(descriptor, min(_READ_CHUNK, max_bytes + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            raise Unreadable(f"too large: grew past the limit of {_megabytes(max_bytes)} while being read")
    return ExportFile(b"".join(chunks), info.st_mtime)


def _too_large(size: int, max_bytes: int) -> Unreadable:
    return Unreadable(f"too large: {_megabytes(size)} (the limit is {_megabytes(max_bytes)}, max_file_mb)")


def _megabytes(size: int) -> str:
    return f"{size / MEGABYTE:,.1f} MB" if size >= MEGABYTE else f"{size:,} bytes"
