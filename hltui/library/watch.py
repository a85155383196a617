"""Watching an export folder for files a sync adds, changes or removes (no Textual).

`watchfiles` reports changes in batches; a batch is handed on only once every file in it has
kept the same size and time for a moment, so a file that is still being written is never read
half-way (it is read once it settles).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from hltui.library.files import EXPORT_SUFFIXES

# How long a changed file must stay the same before it is read, and how long to wait at most.
SETTLE_SECONDS = 0.25
SETTLE_LIMIT_SECONDS = 10.0
# watchfiles gathers changes for this long (ms) before reporting them.
DEBOUNCE_MS = 300
# With no change for this long (ms), watchfiles reports an empty batch: the first one means "ready".
READY_AFTER_MS = 200


def is_watched(path: str) -> bool:
    """Changes worth a look (path relative to the library): export files and folders, not in hidden folders."""
    parts = Path(path).parts
    if any(part.startswith(".") for part in parts):
        return False
    name = parts[-1].lower() if parts else ""
    return name.endswith(EXPORT_SUFFIXES) or "." not in name


def watch_folder(
    root: Path, changed: Callable[[list[Path]], None], stop: threading.Event, ready: Callable[[], None]
) -> None:
    """Call `changed` with the paths of each settled batch of changes, until `stop` is set.

    `ready` is called once the watch is in place: what changed before that must be looked for.
    """
    from watchfiles import watch  # imported here: the command line never needs it

    batches = watch(
        root,
        watch_filter=lambda _, path: is_watched(os.path.relpath(path, root)),
        debounce=DEBOUNCE_MS,
        stop_event=stop,
        raise_interrupt=False,
        rust_timeout=READY_AFTER_MS,
        yield_on_timeout=True,  # an empty batch comes once the watcher is set up, and tells it is
    )
    announced = False
    for batch in batches:
        if not announced:
            ready()
            announced = True
        paths = sorted({Path(path) for _, path in batch})
        if paths and wait_until_settled(paths, stop):
            changed(paths)


def wait_until_settled(paths: Iterable[Path], stop: threading.Event) -> bool:
    """Wait until none of the files changes size or time any more; False when asked to stop."""
    waited, before = 0.0, _looks(paths)
    while not stop.wait(SETTLE_SECONDS):
        waited += SETTLE_SECONDS
        now = _looks(paths)
        if now == before or waited >= SETTLE_LIMIT_SECONDS:
            return True
        before = now
    return False


def _looks(paths: Iterable[Path]) -> list[tuple[int, int] | None]:
    looks: list[tuple[int, int] | None] = []
    for path in paths:
        try:
            info = os.stat(path)
            looks.append((info.st_size, info.st_mtime_ns))
        except OSError:
            looks.append(None)
    return looks
