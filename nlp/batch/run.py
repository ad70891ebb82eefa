"""The batch run loop: lock the database, discover, skip unchanged files, analyze, write, report."""

from __future__ import annotations

import fcntl
import logging
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from nlp import store
from nlp.batch.discover import Entry, discover, file_hash
from nlp.batch.engines import Engine, make_engine
from nlp.batch.work import Task
from nlp.errors import PlanNLPError, UnwritableDocument
from nlp.settings import BatchSettings
from nlp.store import FileResult

log = logging.getLogger(__name__)


class BatchLocked(PlanNLPError):
    """Another batch holds the database."""

    reason = "locked"


class BatchLock:
    """An exclusive OS lock on `<db>.lock` (flock), released on exit or when the process dies."""

    def __init__(self, db: str | Path):
        self.path = Path(f"{db}.lock")
        self._fh: IO[str] | None = None

    def acquire(self) -> "BatchLock":
        """Take the lock or raise BatchLocked naming the holder."""
        self.path.parent.mkdir(parents=True, exist_ok=True)  # a new database may go in a new folder
        fh = open(self.path, "a+", encoding="utf-8")
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "?"
            fh.close()
            raise BatchLocked(self.path.with_suffix(""),
                              f"another batch is already running on this database (pid {holder} holds "
                              f"{self.path}); wait for it to finish") from None
        fh.seek(0)
        fh.truncate()
        fh.write(str(os.getpid()))
        fh.flush()
        self._fh = fh
        return self

    def release(self) -> None:
        """Drop the lock."""
        if self._fh is not None:
            fcntl.flock(self._fh.fileno(), fcntl.LOCK_UN)
            self._fh.close()
            self._fh = None

    def __enter__(self) -> "BatchLock":
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


@dataclass
class RunReport:
    """Figures of one batch run; `total == analyzed + unchanged + failed`."""

    run_id: int = 0
    total: int = 0
    analyzed: int = 0
    unchanged: int = 0
    failed: int = 0
    deleted: int = 0
    failed_by_reason: dict[str, int] = field(default_factory=dict)
    articles: int = 0
    chars: int = 0
    seconds: float = 0.0
    chars_per_second: float = 0.0
    engine: str = "local"
    workers: int = 1

    def as_dict(self) -> dict[str, Any]:
        """Plain dict (stored in `runs`)."""
        return asdict(self)


# progress(event, done, todo, result): event is "start" (todo known), "file" or "end".
Progress = Callable[[str, int, int, FileResult | None], None]


def _unsupported(entry: Entry, digest: str, size: int) -> FileResult:
    suffix = Path(entry.rel).suffix.lower() or "(no extension)"
    return FileResult(entry.rel, digest, size, reason="unsupported_format",
                      detail=f"unsupported file type '{suffix}'")


WRITER_CACHE_KIB = 64 * 1024
# Seconds a worker may spend on one file. A worker analyzes about 150,000 characters a second (a
# 5 MB text file in under half a minute); a file still running after 10 minutes has hit a
# pathological case and would otherwise hold the run forever.
DEFAULT_FILE_TIMEOUT = BatchSettings().timeout


def run_batch(archive: str | Path, db: str | Path, workers: int = 1, engine: str = "local",
              scheduler: str | None = None, force: bool = False, progress: Progress | None = None,
              file_timeout: float | None = DEFAULT_FILE_TIMEOUT) -> RunReport:
    """Bring the database up to date with the archive folder; return the run report.

    `file_timeout`: seconds a local worker may spend on one file (None: no limit); a file over it
    is recorded as failed (`timeout`) and its worker replaced."""
    root = Path(archive).resolve()
    if not root.is_dir():
        raise PlanNLPError(archive, "not a folder")
    with BatchLock(db):
        conn = store.connect(db, enforce_foreign_keys=False)
        # The writer's page cache: FTS5 merges re-read recent index pages (64 MB at most).
        conn.execute(f"PRAGMA cache_size=-{WRITER_CACHE_KIB}")
        try:
            return _run(conn, root, workers, engine, scheduler, force, progress, file_timeout)
        except BaseException as exc:
            # Say how it ended in `runs` (a SIGKILL is caught up by the next start_run): stopped
            # (Ctrl-C) or failed (the engine or the database broke; the exception says how).
            status = "failed" if isinstance(exc, Exception) else "interrupted"
            conn.execute("UPDATE runs SET status=?, finished_at=? WHERE status='running'", (status, store.now()))
            raise
        finally:
            conn.close()


def _run(conn, root: Path, workers: int, engine: str, scheduler: str | None, force: bool,
         progress: Progress | None, file_timeout: float | None) -> RunReport:
    t0 = time.perf_counter()
    archive = str(root)
    report = RunReport(engine=engine, workers=workers)
    report.run_id = run_id = store.start_run(conn, archive, engine, workers, force)
    known = store.known_documents(conn, archive)
    entries = discover(root)
    report.total = len(entries)
    reasons: Counter[str] = Counter()
    eng: Engine | None = None

    def start_workers() -> None:
        # Workers take a second or more to start (imports, dictionaries): they start with the
        # first file to analyze, while the rest of the archive is read and hashed.
        nonlocal eng
        eng = make_engine(engine, workers, scheduler, file_timeout)
        report.workers = eng.workers

    try:
        todo = _triage(conn, archive, entries, known, force, report, reasons, start_workers)
        if progress:
            progress("start", 0, len(todo), None)
        if eng is not None:
            _analyze(conn, archive, eng, todo, report, reasons, progress)
    finally:
        if eng is not None:
            eng.close()
    present = {e.rel for e in entries}
    gone = [p for p, (_, status) in known.items() if p not in present and status != "deleted"]
    report.deleted = store.mark_deleted(conn, archive, sorted(gone), run_id)
    report.failed_by_reason = dict(sorted(reasons.items()))
    report.seconds = round(time.perf_counter() - t0, 3)
    report.chars_per_second = round(report.chars / report.seconds, 1) if report.seconds else 0.0
    store.finish_run(conn, run_id, report.as_dict())
    if progress:
        progress("end", len(todo), len(todo), None)
    return report


def _triage(conn, archive: str, entries: list[Entry], known: dict[str, tuple[str | None, str]], force: bool,
            report: RunReport, reasons: Counter[str], on_first_task: Callable[[], None]) -> list[Task]:
    """Hash every file: count the unchanged, record the unreadable and unsupported, and return the
    files to analyze (`on_first_task` is called as soon as there is one)."""
    todo: list[Task] = []
    for entry in entries:
        try:
            digest, size = file_hash(entry.path)
        except OSError as exc:
            result = FileResult(entry.rel, None, None, reason="unreadable", detail=f"cannot read the file ({exc})")
            store.write_result(conn, archive, result, report.run_id)
            report.failed += 1
            reasons[result.reason] += 1
            continue
        prev = known.get(entry.rel)
        if not force and prev and prev[0] == digest and prev[1] in ("ok", "failed"):
            report.unchanged += 1
            continue
        if not entry.supported:
            # Recorded without a worker: the report accounts for every file in the tree.
            store.write_result(conn, archive, _unsupported(entry, digest, size), report.run_id)
            report.failed += 1
            reasons["unsupported_format"] += 1
            continue
        todo.append((str(entry.path), entry.rel, digest, size))
        if len(todo) == 1:
            on_first_task()
    return todo


def _analyze(conn, archive: str, eng: Engine, todo: list[Task], report: RunReport, reasons: Counter[str],
             progress: Progress | None) -> None:
    """Analyze the files on the engine and write each result as it comes, in commit groups."""
    with store.GroupedCommits(conn) as commits:
        for done, result in enumerate(eng.results(todo), 1):
            result = _write(commits, archive, result, report.run_id)
            if result.reason:
                report.failed += 1
                reasons[result.reason] += 1
            else:
                report.analyzed += 1
                report.articles += len(result.articles)
                report.chars += result.n_chars
            if progress:
                progress("file", done, len(todo), result)


def _write(commits: store.GroupedCommits, archive: str, result: FileResult, run_id: int) -> FileResult:
    """Write one file's result; if its rows cannot be stored, record the file as failed instead
    (it was undone alone: the group and the run go on)."""
    try:
        commits.write(archive, result, run_id)
        return result
    except UnwritableDocument as exc:
        log.error("%s", exc, exc_info=exc.__cause__)
        failed = FileResult(result.path, result.sha256, result.size, format=result.format,
                            encoding=result.encoding, n_chars=result.n_chars, reason=exc.reason,
                            detail=exc.detail)
        commits.write(archive, failed, run_id)
        return failed


def iter_report_lines(report: RunReport) -> Iterator[str]:
    """The run report as text lines."""
    yield (f"run {report.run_id}: {report.total} files: {report.analyzed} analyzed, {report.unchanged} unchanged, "
           f"{report.failed} failed, {report.deleted} deleted ({report.engine}, {report.workers} worker{'s' if report.workers != 1 else ''})")
    for reason, n in report.failed_by_reason.items():
        yield f"  failed ({reason}): {n}"
    yield (f"  {report.articles} articles, {report.chars:,} characters in {report.seconds:.1f} s "
           f"({report.chars_per_second:,.0f} characters/s)")
