"""The engines that run `analyze_file` over an archive: local worker processes or Dask.

Imports run one way: run → engines → pool / dask_engine → work.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Protocol

from nlp.batch.work import Task
from nlp.store import FileResult


class Engine(Protocol):
    """Runs `analyze_file` over tasks, yielding results as they finish."""

    workers: int

    def results(self, tasks: Iterable[Task]) -> Iterator[FileResult]: ...

    def close(self) -> None: ...


def make_engine(engine: str, workers: int, scheduler: str | None = None,
                file_timeout: float | None = None) -> Engine:
    """The executor named by `--engine` (dask is imported only when asked for). The per-file time
    limit applies to local workers only: a Dask task cannot be stopped without its worker."""
    if engine == "local":
        from nlp.batch.pool import LocalEngine

        return LocalEngine(workers, file_timeout=file_timeout)
    if engine == "dask":
        from nlp.batch.dask_engine import DaskEngine

        return DaskEngine(workers, scheduler)
    raise ValueError(f"unknown engine {engine!r} (expected local or dask)")


def default_workers() -> int:
    """One worker per available core."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


