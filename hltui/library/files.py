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
    return scan_export_folder(root, rules or ReadRules())[0]


def scan_export_folder(root: Path, rules: ReadRules) -> tuple[list[Path], dict[str, str]]:
    """Export files under root, sorted, and the linked folders left alone, with the reason."""
    if root.is_file():
        return [root], {}
    found: list[Path] = []
    left_out: dict[str, str] = {}
    visited = {os.path.realpath(root)}  # a link back up the tree must not loop forever

    def unlisted(error: OSError) -> None:
        if error.filename is None or Path(error.filename) == root:
            raise error  # the library itself cannot be listed: nothing can be read
        left_out[relative_name(Path(error.filename), root)] = f"folder cannot be read: {error.strerror or error}"

    for folder, subfolders, files in os.walk(root, onerror=unlisted, followlinks=rules.follow_symlinks):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in list(subfolders):
            reason = _linked_folder_reason(Path(folder) / name, root, rules, visited)
            if reason is not None:
                subfolders.remove(name)
            if reason:
                left_out[relative_name(Path(folder) / name, root)] = reason
        found.extend(Path(folder) / name for name in files if name.lower().endswith(EXPORT_SUFFIXES))
    return sorted(found, key=lambda path: relative_name(path, root)), left_out


def _linked_folder_reason(path: Path, root: Path, rules: ReadRules, visited: set[str]) -> str | None:
    """None to walk a sub-folder; "" to pass a link over quietly; else why a link is refused."""
    if not path.is_symlink():
        return None
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
    is_link = path.is_symlink()
    if is_link and not rules.follow_symlinks and not _inside(path, root):
        raise Unreadable("symbolic link to a file outside the library; set follow_symlinks = true to read it")
    try:
        info = os.stat(path)
    except OSError as error:
        raise Unreadable(f"cannot be read: {error.strerror or error}") from error
    _check_kind(info.st_mode)
    if info.st_size > rules.max_bytes:
        raise _too_large(info.st_size, rules.max_bytes)
    return LookedAt(info, is_link)


def read_export_file(path: Path, root: Path, rules: ReadRules) -> ExportFile:
    """The bytes of one export file, or `Unreadable` saying why it was left alone."""
    return read_looked_at(path, stat_export_file(path, root, rules), rules.max_bytes)


def read_looked_at(path: Path, looked: LookedAt, max_bytes: int) -> ExportFile:
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
