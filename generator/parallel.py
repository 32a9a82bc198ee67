"""Every core the process may use: checking event files and rendering pages split over forked
worker processes, where the platform forks safely (Linux); elsewhere one process.

Forked workers inherit the loaded model without pickling it; only each chunk's result comes
back. Below PARALLEL_FROM items one process is faster (a fork and its pipe cost more than a few
items) and easier to debug.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

PARALLEL_FROM = 2000
Item = TypeVar("Item")
Result = TypeVar("Result")

_shared: Any = None  # what the parent handed its workers, set in each worker at start


def available_cores() -> int:
    """The cores this process may run on: its affinity where the platform has one (Linux), else
    every core the machine has (macOS and Windows have no `os.sched_getaffinity`)."""
    affinity = getattr(os, "sched_getaffinity", None)
    if affinity is not None:
        return max(1, len(affinity(0)))
    return max(1, os.cpu_count() or 1)


def forks_safely() -> bool:
    """Whether a forked worker may go on where its parent was. Only on Linux: macOS offers `fork`
    but its system libraries are not safe to use in a forked child of a threaded process (Python
    made `spawn` its default there for that reason), and Windows has no fork."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def worker_count(items: int, requested: int | None = None) -> int:
    """`requested` if given, else one per available core once there are enough items; one
    wherever forking is not safe (the work then runs in this process)."""
    if not forks_safely():
        return 1
    if requested is not None:
        return max(1, requested)
    if items < PARALLEL_FROM:
        return 1
    return available_cores()


def chunks(items: Sequence[Item], count: int) -> list[Sequence[Item]]:
    """`items` cut into at most `count` contiguous runs of near-equal length, in order."""
    count = max(1, min(count, len(items)))
    size, extra = divmod(len(items), count)
    runs, start = [], 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        runs.append(items[start:end])
        start = end
    return runs


def fork_map(
    function: Callable[[Any, Sequence[Item]], Result], runs: Sequence[Sequence[Item]], shared: Any, workers: int
) -> list[Result]:
    """[function(shared, run) for run in runs], in order, spread over `workers` forked processes.

    `function` must be a module-level function; `shared` reaches the workers by fork, not pickle.
    """
    if workers <= 1 or len(runs) <= 1 or not forks_safely():
        return [function(shared, run) for run in runs]
    context = multiprocessing.get_context("fork")
    with context.Pool(min(workers, len(runs)), initializer=_adopt, initargs=(shared,)) as pool:
        return pool.map(_call, [(function, run) for run in runs], chunksize=1)


def _adopt(shared: Any) -> None:
    global _shared
    _shared = shared


def _call(task: tuple[Callable[[Any, Any], Result], Any]) -> Result:
    function, run = task
    return function(_shared, run)
