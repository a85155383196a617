"""Pausing Python's cyclic garbage collector while a bulk of long-lived objects is built (no Textual).

Loading ten thousand documents or indexing two hundred thousand highlights creates objects that
all stay alive; the collector's full passes over them cost as much again as the work itself and
stall every thread, the UI's too. Reference counting still frees everything that is dropped.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0  # how many threads are inside `garbage_collector_paused` now
_was_enabled = False


@contextmanager
def garbage_collector_paused() -> Iterator[None]:
    """Run the block with the cyclic collector off; it comes back on when the last such block ends."""
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()
