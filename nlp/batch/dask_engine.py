"""The Dask engine: a LocalCluster of single-threaded processes, or a running scheduler."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from nlp.batch.work import IN_FLIGHT_PER_WORKER, Task, analyze_file
from nlp.store import FileResult

class DaskEngine:
    """Dask distributed: a LocalCluster of `workers` single-threaded processes, or `scheduler`."""

    def __init__(self, workers: int, scheduler: str | None = None):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            from nlp.store import MissingExtra

            raise MissingExtra("--engine dask needs dask[distributed]: pip install 'plan-nlp[dask]'") from exc
        self._cluster = None
        if scheduler:
            self._client = Client(scheduler)
            self.workers = max(1, len(self._client.scheduler_info().get("workers", {})))
        else:
            self.workers = max(1, workers)
            self._cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                         dashboard_address=None, silence_logs=logging.WARNING)
            self._client = Client(self._cluster)

    def results(self, tasks: Iterable[Task]) -> Iterator[FileResult]:
        """Results of `analyze_file` over tasks, in completion order."""
        from dask.distributed import as_completed

        limit = self.workers * IN_FLIGHT_PER_WORKER
        it = iter(tasks)
        ac = as_completed()
        n = 0
        for task in it:
            ac.add(self._client.submit(analyze_file, *task, pure=False))
            n += 1
            if n >= limit:
                break
        for fut in ac:
            result = fut.result()
            fut.release()
            for task in it:
                ac.add(self._client.submit(analyze_file, *task, pure=False))
                break
            yield result

    def close(self) -> None:
        """Close the client (and the cluster this engine started)."""
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
