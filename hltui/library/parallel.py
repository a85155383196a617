"""Parsing many changed files in worker processes, for a first (cold) load into the cache (no Textual).

Sending parsed documents back between processes costs more than parsing them, so a worker hands
back what the cache stores: the file's outline and its highlight rows, already in `marshal` form.
The main process writes them and builds documents whose highlights stay in the cache.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from hltui.library.cache_rows import CacheRows, FileKey, cache_rows
from hltui.library.files import LookedAt, Unreadable, read_looked_at

# Fewer changed files than this are parsed in the main process: starting workers costs more.
PARALLEL_FROM_FILES = 200
_MAX_WORKERS = 8
_FILES_PER_TASK = 16
_TASKS_IN_FLIGHT_PER_WORKER = 4


@dataclass(frozen=True, slots=True)
class ParseJob:
    """One file to read and parse in a worker, with the key it was looked at."""

    name: str
    path: str
    is_link: bool
    key: FileKey
    max_bytes: int


def worker_count() -> int:
    """How many worker processes help: the machine's cores (at most eight); 1 means none."""
    return min(os.cpu_count() or 1, _MAX_WORKERS)


def parse_in_workers(jobs: list[ParseJob]) -> Iterator[CacheRows | tuple[str, str]]:
    """Each job's cache rows, or (name, why it could not be read), in the order of the jobs.

    Only a few tasks per worker are in flight: handing every file to the pool at once let parsed
    rows pile up in memory (613 MB at 100,000 documents) while the cache was being written.
    """
    methods = multiprocessing.get_all_start_methods()
    # Never fork: the app runs this from a thread, and forking a threaded process can deadlock.
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    tasks: Iterator[list[ParseJob]] = (jobs[i : i + _FILES_PER_TASK] for i in range(0, len(jobs), _FILES_PER_TASK))
    # Workers only build objects that live until they are sent: the cyclic collector is pure cost there.
    with ProcessPoolExecutor(max_workers=worker_count(), mp_context=context, initializer=gc.disable) as pool:
        in_flight: deque[Future[list[CacheRows | tuple[str, str]]]] = deque()
        for task in itertools.islice(tasks, worker_count() * _TASKS_IN_FLIGHT_PER_WORKER):
            in_flight.append(pool.submit(parse_jobs, task))
        while in_flight:
            done = in_flight.popleft().result()
            following = next(tasks, None)
            if following is not None:
                in_flight.append(pool.submit(parse_jobs, following))
            yield from done


def parse_jobs(jobs: list[ParseJob]) -> list[CacheRows | tuple[str, str]]:
    """Read and parse a few files (in a worker process)."""
    return [parse_job(job) for job in jobs]


def parse_job(job: ParseJob) -> CacheRows | tuple[str, str]:
    """Read and parse one file (in a worker process)."""
    from hltui.parsing.parse import parse_bytes

    try:
        looked = LookedAt(os.stat(job.path), job.is_link)
        data = read_looked_at(job.path, looked, job.max_bytes).data
    except (OSError, Unreadable) as reason:
        return (job.name, str(reason) if isinstance(reason, Unreadable) else f"cannot be read: {reason.strerror}")
    return cache_rows(job.name, job.key, parse_bytes(data, job.name))
