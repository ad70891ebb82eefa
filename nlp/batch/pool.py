"""The local engine: spawned worker processes, each fed files over its own pipe by the batch thread.

Not `ProcessPoolExecutor`: it passes every result through two helper threads of the batch
process (queue feeder, result manager) that take the GIL from the SQLite writes between them; at
one message per file that cost the writer about a fifth of its CPU, and on two cores the writer's
CPU is what two workers wait for. A pool also breaks as a whole when one worker dies, losing the
run; here the file a worker died on is tried once more and then recorded as failed, and a new
worker takes the files that were queued behind it. Nor can an executor stop a task: here a file
over the per-file time limit has its worker stopped and is recorded as failed (`timeout`).
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from nlp.batch.work import IN_FLIGHT_PER_WORKER, Task, analyze_file
from nlp.errors import PlanNLPError
from nlp.store import FileResult

log = logging.getLogger(__name__)

# A file is tried on this many workers before it is recorded as failed: a worker may be killed
# for reasons of its own (the OOM killer choosing it, an operator), a file that crashes the
# analysis kills every worker it is given.
ATTEMPTS_PER_FILE = 2
# The first message of a worker, once it can analyze: a worker that dies before it is broken
# (an import or dictionary error), not the file, and every new one would die the same way.
READY = "ready"
STOP_SECONDS = 5.0
# When no result is waiting, the batch thread sleeps this long before it looks again, so it wakes
# for a few files at a time rather than for each (every ~13 ms with two workers). Each wake-up
# starts on cold caches, in a VM with an exit from idle: the writes of a 20 MB archive replayed
# with a 12 ms pause before each file took 4.9 s of CPU, 4.1 s in bursts of 8 files, 3.2-3.8 s
# back to back. Workers meanwhile go on with their queued files (IN_FLIGHT_PER_WORKER).
COLLECT_SECONDS = 0.05


class WorkersFailed(PlanNLPError):
    """Worker processes cannot start: nothing can be analyzed."""

    reason = "workers_failed"


def _watch_parent(parent: int) -> None:
    """Exit when the batch process is gone (killed): an orphaned worker would only waste a core."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(1)


def _init_worker(parent: int) -> None:
    """Worker start-up: parent watchdog; the analysis modules imported and the segmenter loaded
    before the first file, so a broken installation fails here, not as an error in every file,
    and the first file's time limit is not spent on imports."""
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    import nlp.api  # noqa: F401
    from nlp.text.segment import get_segmenter

    get_segmenter()


def _serve(conn: Connection, parent: int, work: Callable[..., FileResult]) -> None:
    """A worker's life: start up, say READY, then run `work` on each task received until None or EOF."""
    # Ctrl-C reaches the whole process group: the batch process handles it and stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _init_worker(parent)
    conn.send(READY)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):  # the batch process is gone
            return
        if task is None:
            return
        conn.send(work(*task))


def _death(exitcode: int | None) -> str:
    """How a worker process ended, in words."""
    if exitcode is None:
        return "closed its pipe"
    if exitcode < 0:
        try:
            return f"was killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"was killed by signal {-exitcode}"
    return f"exited with status {exitcode}"


@dataclass(eq=False)
class _Worker:
    process: Any  # multiprocessing.Process (spawn context)
    conn: Connection
    queued: deque = field(default_factory=deque)  # tasks sent, oldest (the one analyzed) first
    ready: bool = False
    since: float = 0.0  # monotonic time its current file started, as far as the batch thread saw


class LocalEngine:
    """`workers` spawned processes (spawn: no inherited lock or database descriptors) running
    `work` (a module-level function, for the workers to import; tests pass their own).

    `file_timeout`: seconds a worker may spend on one file before it is stopped and the file
    recorded as failed (`timeout`); None for no limit."""

    def __init__(self, workers: int, work: Callable[..., FileResult] = analyze_file,
                 file_timeout: float | None = None):
        import multiprocessing

        self.workers = max(1, workers)
        self.file_timeout = file_timeout or None
        self._work = work
        self._ctx = multiprocessing.get_context("spawn")
        self._pool = [self._start() for _ in range(self.workers)]

    def _start(self) -> _Worker:
        ours, theirs = self._ctx.Pipe()
        process = self._ctx.Process(target=_serve, args=(theirs, os.getpid(), self._work), daemon=True,
                                    name="plan-nlp-worker")
        process.start()
        theirs.close()  # the worker's end lives in the worker: EOF here when it dies
        return _Worker(process, ours)

    def results(self, tasks: Iterable[Task]) -> Iterator[FileResult]:
        """Results of `work` over tasks, in completion order; every task yields one."""
        todo: deque[Task] = deque()
        source = iter(tasks)
        deaths: dict[str, int] = {}  # rel -> workers that died analyzing it

        def next_task() -> Task | None:
            return todo.popleft() if todo else next(source, None)

        def feed(worker: _Worker) -> None:
            if not worker.queued:
                worker.since = time.monotonic()
            while len(worker.queued) < IN_FLIGHT_PER_WORKER and (task := next_task()) is not None:
                worker.queued.append(task)
                try:
                    worker.conn.send(task)
                except OSError:  # it died: its EOF is read below and the task goes to another
                    return

        for worker in self._pool:
            feed(worker)
        while busy := {w.conn: w for w in self._pool if w.queued}:
            ready = wait(list(busy), timeout=0)
            if not ready:  # let a few results gather rather than wake up for each one
                time.sleep(COLLECT_SECONDS)
                ready = wait(list(busy), timeout=self._seconds_to_first_overdue(busy.values()))
            for conn in ready:
                worker = busy[conn]
                try:
                    message = conn.recv()
                except (EOFError, OSError):
                    failed = self._replace_dead(worker, todo, deaths)
                    for w in self._pool:  # its files went back to `todo`: to whoever has room
                        feed(w)
                    if failed:
                        yield failed
                    continue
                worker.since = time.monotonic()  # READY or a result: the next file starts now
                if isinstance(message, str):  # READY
                    worker.ready = True
                    continue
                worker.queued.popleft()
                feed(worker)
                yield message
            for worker in self._overdue():
                failed = self._replace_overdue(worker, todo)
                for w in self._pool:
                    feed(w)
                yield failed

    def _seconds_to_first_overdue(self, busy: Iterable[_Worker]) -> float | None:
        """How long the batch thread may wait before a busy worker passes the time limit."""
        if self.file_timeout is None:
            return None
        started = [w.since for w in busy if w.ready]
        return max(0.0, min(started) + self.file_timeout - time.monotonic()) if started else None

    def _overdue(self) -> list[_Worker]:
        """Busy workers past the time limit with no result waiting to be read."""
        if self.file_timeout is None:
            return []
        limit = time.monotonic() - self.file_timeout
        return [w for w in self._pool if w.ready and w.queued and w.since < limit and not w.conn.poll()]

    def _swap(self, old: _Worker, todo: deque[Task]) -> Task:
        """Retire a dead or stopped worker: the files queued behind the one it was analyzing go back
        in front of `todo`, in order; a new worker takes its place. Returns that one file."""
        if old.process.is_alive():  # stopped, or it closed its pipe but lives on
            old.process.kill()
        old.process.join()
        old.conn.close()
        current = old.queued.popleft()
        todo.extendleft(reversed(old.queued))
        old.queued.clear()
        self._pool[self._pool.index(old)] = self._start()
        return current

    def _replace_dead(self, dead: _Worker, todo: deque[Task],
                      deaths: dict[str, int]) -> FileResult | None:
        """A worker died: its file is tried again first, or failed if it has had its attempts."""
        dead.process.join(STOP_SECONDS)
        how = _death(dead.process.exitcode)
        if not dead.ready:
            raise WorkersFailed(None, f"a worker process {how} while starting up, before analyzing any "
                                      "file; its error is above (`python -m nlp analyze FILE` shows it too)")
        task = self._swap(dead, todo)
        path, rel, sha256, size = task
        deaths[rel] = deaths.get(rel, 0) + 1
        log.error("worker process %s while analyzing %s", how, path)
        if deaths[rel] < ATTEMPTS_PER_FILE:
            todo.appendleft(task)
            return None
        return FileResult(rel, sha256, size, reason="worker_died",
                          detail=f"the worker process {how} while analyzing this file, "
                                 f"on each of {deaths[rel]} tries")

    def _replace_overdue(self, worker: _Worker, todo: deque[Task]) -> FileResult:
        """A worker passed the time limit on its file: stop it and fail the file (no second try:
        a file this slow would only take as long again)."""
        path, rel, sha256, size = self._swap(worker, todo)
        log.error("stopped the worker analyzing %s: it took over %g s", path, self.file_timeout)
        return FileResult(rel, sha256, size, reason="timeout",
                          detail=f"not analyzed within {self.file_timeout:g} s (the per-file time "
                                 "limit); its worker process was stopped")

    def close(self) -> None:
        """Stop the workers: those still holding files (the run was interrupted) at once."""
        for worker in self._pool:
            try:
                if worker.queued:
                    worker.process.terminate()
                else:
                    worker.conn.send(None)
            except OSError:
                pass
        for worker in self._pool:
            worker.process.join(STOP_SECONDS)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
