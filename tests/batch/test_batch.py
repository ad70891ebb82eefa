"""Batch runs over small archives built from corpus files: cache, deletions, bad files, crash, lock, dask."""

from __future__ import annotations

import dataclasses
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nlp import store
from nlp.batch import BatchLocked, run_batch
from nlp.batch.cli import app
from nlp.batch.discover import discover
from nlp.batch.run import BatchLock

from conftest import CORPUS, ROOT, SMALL, ok_documents


def _archive(root: Path, copies: int = 1) -> Path:
    """SMALL files (and `copies`-1 more of each in nested folders), plus a README to be ignored."""
    root.mkdir(parents=True, exist_ok=True)
    for i in range(copies):
        folder = root if i == 0 else root / f"y{i}" / "sub"
        folder.mkdir(parents=True, exist_ok=True)
        for name in SMALL:
            shutil.copy(CORPUS / name, folder / name)
    (root / "README.md").write_text("# 说明\n本目录的说明文件。\n", encoding="utf-8")
    return root


def _check_totals(report) -> None:
    assert report.total == report.analyzed + report.unchanged + report.failed


def test_discover_is_sorted_and_skips_folder_docs(tmp_path):
    root = _archive(tmp_path / "a", copies=2)
    (root / ".hidden.txt").write_text("x", encoding="utf-8")
    (root / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    rels = [e.rel for e in discover(root)]
    assert rels == sorted(rels)
    assert "README.md" not in rels and ".hidden.txt" not in rels
    assert "y1/sub/004_f379b5a5a78fa9c2.txt" in rels
    assert [e.supported for e in discover(root) if e.rel == "photo.jpg"] == [False]


def test_cache_skips_unchanged_reanalyzes_changed_marks_deleted(tmp_path):
    root = _archive(tmp_path / "a")
    db = tmp_path / "plans.db"
    first = run_batch(root, db, workers=1)
    assert (first.total, first.analyzed, first.failed) == (3, 3, 0)
    assert first.articles > 3 and first.chars > 10_000 and first.chars_per_second > 0

    second = run_batch(root, db, workers=1)
    assert (second.analyzed, second.unchanged) == (0, 3)

    changed = root / SMALL[2]
    text = changed.read_text("utf-8")
    cut = text.index("\n", len(text) // 2)  # a new sentence in the middle of the body
    changed.write_text(text[:cut] + "同时做好经费审查工作。" + text[cut:], encoding="utf-8")
    third = run_batch(root, db, workers=1)
    assert (third.analyzed, third.unchanged) == (1, 2)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT path FROM documents WHERE run_id = ?", (third.run_id,)).fetchall() == [(SMALL[2],)]
    assert conn.execute("SELECT count(*) FROM articles a JOIN documents d ON d.id = a.document_id "
                        "WHERE a.text LIKE '%经费审查%'").fetchone()[0] == 1

    (root / SMALL[0]).unlink()
    fourth = run_batch(root, db, workers=1)
    assert (fourth.total, fourth.unchanged, fourth.deleted) == (2, 2, 1)
    status = conn.execute("SELECT status FROM documents WHERE path = ?", (SMALL[0],)).fetchone()[0]
    assert status == "deleted"
    assert conn.execute("SELECT count(*) FROM articles a JOIN documents d ON d.id = a.document_id "
                        "WHERE d.path = ?", (SMALL[0],)).fetchone()[0] == 0
    runs = conn.execute("SELECT status, total, analyzed, unchanged, failed FROM runs ORDER BY id").fetchall()
    assert [r[0] for r in runs] == ["done"] * 4 and runs[2][1:] == (3, 1, 2, 0)
    # the batch writer deletes child rows itself (it does not enforce foreign keys): no orphans
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    for r in (first, second, third, fourth):
        _check_totals(r)


def _scanned_pdf(path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    c.rect(72, 72, 300, 500, fill=1)  # an "image" of a page: shapes, no text
    c.circle(200, 600, 50)
    c.showPage()
    c.save()


def _truncated_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    for line in (CORPUS / SMALL[2]).read_text("utf-8").splitlines()[:40]:
        d.add_paragraph(line)
    full = path.with_suffix(".full")
    d.save(full)
    data = full.read_bytes()
    full.unlink()
    path.write_bytes(data[: len(data) // 2])


def test_bad_files_are_recorded_and_the_rest_lands(tmp_path):
    root = _archive(tmp_path / "a")
    bad = root / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(random.Random(6).randbytes(4000))
    _truncated_docx(bad / "cut.docx")
    _scanned_pdf(bad / "scan.pdf")
    (bad / "slides.pptx").write_bytes(b"PK\x03\x04 a format plan-nlp does not read")
    db = tmp_path / "plans.db"
    report = run_batch(root, db, workers=2)
    _check_totals(report)
    assert (report.total, report.analyzed, report.failed) == (8, 3, 5)
    conn = sqlite3.connect(db)
    reasons = dict(conn.execute("SELECT d.path, e.reason FROM errors e JOIN documents d ON d.id = e.document_id"))
    assert reasons["bad/empty.txt"] == "unreadable"
    assert reasons["bad/binary.txt"] in ("unreadable", "unreadable_text")
    assert reasons["bad/cut.docx"] == "unreadable"
    assert reasons["bad/scan.pdf"] == "no_text_layer"
    assert reasons["bad/slides.pptx"] == "unsupported_format"
    assert sum(report.failed_by_reason.values()) == 5
    assert report.failed_by_reason["unsupported_format"] == 1
    ok = {p for (p,) in conn.execute("SELECT path FROM documents WHERE status = 'ok'")}
    assert ok == set(SMALL)
    assert all(d for (d,) in conn.execute("SELECT detail FROM errors"))
    # Failed files are cached too: nothing is re-read while they stay the same.
    again = run_batch(root, db, workers=1)
    assert (again.analyzed, again.unchanged, again.failed) == (0, 8, 0)


class _InProcessEngine:
    """Analyzes in this process and spoils one file's rows as a buggy extractor could."""

    workers = 1

    def __init__(self, spoil: str):
        self.spoil = spoil

    def results(self, tasks):
        from nlp.batch.work import analyze_file

        for task in tasks:
            result = analyze_file(*task)
            if result.path == self.spoil:  # a lone surrogate: no UTF-8 for SQLite
                first = result.articles[0]
                result = dataclasses.replace(result, articles=(
                    first._replace(article=(*first.article[:2], "\ud800", *first.article[3:])),
                    *result.articles[1:]))
            yield result

    def close(self):
        pass


def test_a_file_whose_rows_cannot_be_stored_fails_alone(tmp_path, monkeypatch):
    root = _archive(tmp_path / "a")
    monkeypatch.setattr("nlp.batch.run.make_engine", lambda *a: _InProcessEngine(SMALL[1]))
    db = tmp_path / "plans.db"
    report = run_batch(root, db)
    _check_totals(report)
    assert (report.analyzed, report.failed, report.failed_by_reason) == (2, 1, {"unwritable": 1})
    conn = sqlite3.connect(db)
    status = dict(conn.execute("SELECT path, status FROM documents"))
    assert status == {SMALL[0]: "ok", SMALL[1]: "failed", SMALL[2]: "ok"}
    reason, detail = conn.execute("SELECT reason, detail FROM errors").fetchone()
    assert reason == "unwritable" and "surrogates not allowed" in detail
    # nothing of the spoiled file is left half-written
    assert conn.execute("SELECT count(*) FROM articles WHERE source = ?", (SMALL[1],)).fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM passages").fetchone()[0] == \
        conn.execute("SELECT count(*) FROM passages_fts").fetchone()[0]


def test_workers_start_with_the_first_file_to_analyze_and_only_then(tmp_path, monkeypatch):
    # Their start-up (a second or more) overlaps hashing the rest of the archive; a run with
    # nothing to analyze starts none.
    import nlp.batch.run as run_module

    root = _archive(tmp_path / "a")
    db = tmp_path / "plans.db"
    hashed: list[Path] = []
    hashes_before_start: list[int] = []
    real_hash = run_module.file_hash

    def counting_hash(path):
        hashed.append(path)
        return real_hash(path)

    def engine(*args):
        hashes_before_start.append(len(hashed))
        return _InProcessEngine(spoil="")

    monkeypatch.setattr(run_module, "file_hash", counting_hash)
    monkeypatch.setattr(run_module, "make_engine", engine)
    assert run_batch(root, db).analyzed == 3
    assert hashes_before_start == [1]
    hashed.clear()
    assert run_batch(root, db).unchanged == 3
    assert hashes_before_start == [1]
    hashed.clear()
    (root / SMALL[2]).write_text((root / SMALL[2]).read_text("utf-8") + "\n做好年终总结。\n", encoding="utf-8")
    assert run_batch(root, db).analyzed == 1
    changed_position = [e.rel for e in discover(root)].index(SMALL[2]) + 1  # files are hashed in this order
    assert hashes_before_start == [1, changed_position]


def test_sigkill_mid_run_then_rerun_equals_uninterrupted_run(tmp_path):
    # 72 files: a run long enough to be caught after its first commit (every 2 s) and before its end
    root = _archive(tmp_path / "a", copies=24)
    total = len(discover(root))
    db = tmp_path / "killed.db"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "nlp.batch.cli", "batch", str(root), "--db", str(db), "--workers", "1"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while ok_documents(db) < 2 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the batch ended before it could be killed"

        # While it runs, a second batch on the same database is refused (API and CLI).
        with pytest.raises(BatchLocked, match="another batch is already running"):
            run_batch(root, db, workers=1)
        result = CliRunner().invoke(app, ["batch", str(root), "--db", str(db), "--workers", "1"])
        assert result.exit_code == 1
        assert "another batch is already running" in result.output

        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    committed = ok_documents(db)
    assert 2 <= committed < total

    resumed = run_batch(root, db, workers=2)
    assert resumed.unchanged >= committed and resumed.analyzed == total - resumed.unchanged
    reference = tmp_path / "reference.db"
    run_batch(root, reference, workers=2)

    a, b = sqlite3.connect(db), sqlite3.connect(reference)
    assert a.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert store.snapshot(a) == store.snapshot(b)
    statuses = [s for (s,) in a.execute("SELECT status FROM runs ORDER BY id")]
    assert statuses == ["interrupted", "done"]


def test_lock_is_released_after_a_run_and_held_exclusively(tmp_path):
    db = tmp_path / "plans.db"
    with BatchLock(db):
        with pytest.raises(BatchLocked):
            BatchLock(db).acquire()
    BatchLock(db).acquire().release()


def test_cli_batch_prints_report_and_search_export_work(tmp_path):
    root = _archive(tmp_path / "a")
    db = tmp_path / "plans.db"
    runner = CliRunner()
    result = runner.invoke(app, ["batch", str(root), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "3 files: 3 analyzed, 0 unchanged, 0 failed" in result.output
    assert "characters/s" in result.output
    assert "[3/3]" in result.output  # not a TTY: plain progress lines

    result = runner.invoke(app, ["search", "--db", str(db), "送温暖", "--limit", "3"])
    assert result.exit_code == 0, result.output
    assert "[送温暖]" in result.output and SMALL[1] in result.output

    result = runner.invoke(app, ["search", "--db", str(db), "子虚乌有"])
    assert result.exit_code == 1

    result = runner.invoke(app, ["export", "--db", str(db), "--format", "csv", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "articles.csv").exists()


def test_dask_engine_matches_local_engine(tmp_path):
    pytest.importorskip("distributed")
    root = _archive(tmp_path / "a")
    (root / "note.rtf").write_text("{\\rtf1 x}", encoding="utf-8")
    local_db, dask_db = tmp_path / "local.db", tmp_path / "dask.db"
    local = run_batch(root, local_db, workers=1, engine="local")
    dask = run_batch(root, dask_db, workers=2, engine="dask")
    assert (dask.analyzed, dask.failed, dask.workers) == (local.analyzed, local.failed, 2) == (3, 1, 2)
    assert store.snapshot(sqlite3.connect(dask_db)) == store.snapshot(sqlite3.connect(local_db))
