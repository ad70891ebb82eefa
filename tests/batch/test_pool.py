"""The local engine's worker processes: results, a worker dying on a file, the per-file time limit,
broken start-up, stopping (close, Ctrl-C)."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import sqlite3
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nlp.batch import run_batch
from nlp.batch.cli import app
from nlp.batch.pool import ATTEMPTS_PER_FILE, LocalEngine, WorkersFailed
from nlp.batch.run import DEFAULT_FILE_TIMEOUT

import pool_work
from conftest import CORPUS, ROOT, SMALL, ok_documents


def _tasks(folder: Path, names: list[str]) -> list[tuple[str, str, None, None]]:
    """Copies of the small corpus files under `names` (cycled), as engine tasks."""
    folder.mkdir(parents=True, exist_ok=True)
    tasks = []
    for i, name in enumerate(names):
        path = folder / name
        shutil.copy(CORPUS / SMALL[i % len(SMALL)], path)
        tasks.append((str(path), name, None, None))
    return tasks


def _all_exited(engine: LocalEngine, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(w.process.is_alive() for w in engine._pool):
            return True
        time.sleep(0.05)
    return False


def test_every_task_yields_one_result_and_workers_stop(tmp_path):
    tasks = _tasks(tmp_path, [f"{i:02d}.txt" for i in range(8)])
    engine = LocalEngine(2)
    try:
        results = list(engine.results(tasks))
    finally:
        engine.close()
    assert sorted(r.path for r in results) == sorted(t[1] for t in tasks)
    assert all(r.reason is None and r.articles for r in results)
    assert all(w.process.exitcode == 0 for w in engine._pool)  # asked to stop, not killed


def test_a_file_that_kills_its_worker_fails_alone_and_the_batch_goes_on(tmp_path, monkeypatch):
    archive = tmp_path / "a"
    names = ["01.txt", "02_CRASH.txt", "03.txt", "04.txt", "05.txt", "06.txt"]
    _tasks(archive, names)
    monkeypatch.setattr("nlp.batch.run.make_engine",
                        lambda engine, workers, *rest: LocalEngine(workers, work=pool_work.die_on_marked_files))
    report = run_batch(archive, tmp_path / "plans.db", workers=2)
    assert report.total == report.analyzed + report.unchanged + report.failed
    assert (report.analyzed, report.failed, report.failed_by_reason) == (5, 1, {"worker_died": 1})
    conn = sqlite3.connect(tmp_path / "plans.db")
    reason, detail = conn.execute(
        "SELECT reason, detail FROM errors JOIN documents d ON d.id = document_id WHERE d.path = '02_CRASH.txt'"
    ).fetchone()
    assert reason == "worker_died"
    assert "SIGKILL" in detail and f"{ATTEMPTS_PER_FILE} tries" in detail
    ok = {p for (p,) in conn.execute("SELECT path FROM documents WHERE status = 'ok'")}
    assert ok == set(names) - {"02_CRASH.txt"}


def test_a_worker_killed_once_is_replaced_and_its_file_analyzed_on_the_next(tmp_path):
    tasks = _tasks(tmp_path, ["01.txt", "02_FLAKY.txt", "03.txt", "04.txt"])
    engine = LocalEngine(1, work=pool_work.die_once_per_marked_file)
    first = engine._pool[0].process
    try:
        results = {r.path: r for r in engine.results(tasks)}
    finally:
        engine.close()
    assert set(results) == {t[1] for t in tasks}
    assert all(r.reason is None and r.articles for r in results.values())
    assert (tmp_path / "02_FLAKY.txt.died").read_text() == str(first.pid)  # the first worker died ...
    assert engine._pool[0].process is not first  # ... and another one finished the files


def test_workers_that_cannot_start_stop_the_run_with_a_clear_error(tmp_path, monkeypatch):
    tasks = _tasks(tmp_path, ["01.txt", "02.txt"])
    monkeypatch.setenv(pool_work.BREAK_START_UP, "1")
    engine = LocalEngine(2, work=pool_work.die_on_marked_files)
    try:
        with pytest.raises(WorkersFailed, match="while starting up"):
            list(engine.results(tasks))
    finally:
        engine.close()
    assert _all_exited(engine)


def test_a_batch_whose_workers_cannot_start_fails_with_the_reason(tmp_path, monkeypatch):
    archive = tmp_path / "a"
    _tasks(archive, ["01.txt", "02.txt"])
    db = tmp_path / "plans.db"
    monkeypatch.setenv(pool_work.BREAK_START_UP, "1")
    monkeypatch.setattr("nlp.batch.run.make_engine",
                        lambda engine, workers, *rest: LocalEngine(workers, work=pool_work.die_on_marked_files))
    result = CliRunner().invoke(app, ["batch", str(archive), "--db", str(db), "--workers", "2"])
    assert result.exit_code == 1
    assert "plan-nlp: a worker process exited with status 1 while starting up" in result.output
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT status FROM runs").fetchall() == [("failed",)]
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 0


def test_a_file_over_the_time_limit_is_failed_and_its_worker_replaced(tmp_path):
    names = ["01.txt", "02_HANG.txt", "03.txt", "04.txt", "05.txt"]
    tasks = _tasks(tmp_path, names)
    engine = LocalEngine(2, work=pool_work.hang_on_marked_files, file_timeout=3.0)
    started = time.monotonic()
    try:
        results = {r.path: r for r in engine.results(tasks)}
    finally:
        engine.close()
    assert time.monotonic() - started < 30
    assert set(results) == set(names)
    hung = results["02_HANG.txt"]
    assert hung.reason == "timeout" and "within 3 s" in hung.detail
    assert all(r.reason is None and r.articles for p, r in results.items() if p != "02_HANG.txt")
    assert _all_exited(engine)


def test_cli_timeout_reaches_the_engine(tmp_path, monkeypatch):
    archive = tmp_path / "a"
    _tasks(archive, ["01.txt"])
    seen = []

    def engine(engine, workers, scheduler=None, file_timeout=None):
        seen.append(file_timeout)
        return LocalEngine(1, file_timeout=file_timeout)

    monkeypatch.setattr("nlp.batch.run.make_engine", engine)
    runner = CliRunner()
    for args in ([], ["--timeout", "30"], ["--timeout", "0"]):
        result = runner.invoke(app, ["batch", str(archive), "--db", str(tmp_path / "p.db"), "-w", "1",
                                     "--force", *args])
        assert result.exit_code == 0, result.output
    assert seen == [DEFAULT_FILE_TIMEOUT, 30.0, None]


def test_closing_mid_run_stops_busy_workers_at_once(tmp_path):
    tasks = _tasks(tmp_path, [f"{i:02d}.txt" for i in range(12)])
    engine = LocalEngine(2)
    results = engine.results(tasks)
    next(results)  # workers still hold queued files
    started = time.monotonic()
    engine.close()
    assert _all_exited(engine, 5.0)
    assert time.monotonic() - started < 5.0
    # terminated, not left to finish the files queued for them
    assert -signal.SIGTERM in [w.process.exitcode for w in engine._pool]


def test_ctrl_c_stops_the_batch_and_its_workers_and_records_the_run_as_interrupted(tmp_path):
    archive = tmp_path / "a"
    files = 72  # a run long enough to be caught after its first commit (every 2 s) and before its end
    _tasks(archive, [f"{i:02d}.txt" for i in range(files)])
    db = tmp_path / "plans.db"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "nlp.batch.cli", "batch", str(archive), "--db", str(db),
                             "--workers", "1"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while ok_documents(db) < 2 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the batch ended before it could be interrupted"
        os.killpg(proc.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the whole group
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130
    assert b"plan-nlp: interrupted after " in err and b"Run the same command again" in err
    assert b"Traceback" not in err  # neither the batch nor its workers (which ignore SIGINT)
    with pytest.raises(ProcessLookupError):  # no worker outlives the batch
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            os.killpg(proc.pid, 0)
            time.sleep(0.1)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT status FROM runs").fetchall() == [("interrupted",)]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    stored = int(re.search(rb"interrupted after (\d+) of %d files" % files, err).group(1))
    assert 2 <= ok_documents(db) == stored < files  # what it says is stored, is
