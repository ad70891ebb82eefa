"""The command line as a new user meets it (issue 17): every defect reproduced through the CLI."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CORPUS, ROOT, SMALL
from nlp.cli import app

runner = CliRunner()
ONE = CORPUS / "004_f379b5a5a78fa9c2.txt"  # two articles: 第1篇, 第2篇


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """`python -m nlp ARGS` in a subprocess (stdout and stderr not a terminal)."""
    return subprocess.run([sys.executable, "-m", "nlp", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, timeout=600, check=False)


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A folder as users have them: one readable plan, an empty file, old Office files, a spreadsheet."""
    folder = tmp_path / "mixed"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(ONE, folder / "plan.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 not really a doc")
    (folder / "sub" / "notes.wps").write_bytes(b"\xd0\xcf\x11\xe0 wps")
    (folder / "budget.xls").write_bytes(b"\xd0\xcf\x11\xe0 xls")
    (folder / ".hidden.txt").write_text("隐藏文件", encoding="utf-8")
    return folder


# ----------------------------------------------------------------------------- --output


@pytest.mark.parametrize("fmt", ["jsonl", "json", "table", "outline", "calendar", "targets"])
def test_output_writes_a_non_empty_file_for_every_format(tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    result = runner.invoke(app, ["analyze", str(ONE), "--format", fmt, "--output", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "第2篇" in text, text[:300]
    assert f"wrote {out}" in result.stdout


def test_table_output_is_plain_text_without_colour_codes(tmp_path):
    out = tmp_path / "t.txt"
    proc = run("analyze", str(ONE), "--format", "table", "--output", str(out))
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8")
    assert "\x1b[" not in text and "2 articles" in text and "第1篇" in text


# ----------------------------------------------------------------------------- walking folders


def test_every_file_not_analyzed_is_named_on_stderr_with_its_reason(mixed):
    (mixed / "scan.jpg").write_bytes(b"\xff\xd8\xff")
    proc = run("analyze", str(mixed), "--format", "jsonl")
    # Progress lines (a slow converter can make the run long) start with the command's name.
    lines = [ln for ln in proc.stderr.splitlines() if not ln.startswith("analyze:")]
    # Old Office files are read when LibreOffice/antiword is installed, else named with the
    # package to install; either way each fake one is named once, with a reason.
    for name in ("old.doc", "notes.wps", "budget.xls", "scan.jpg", "empty.txt"):
        hit = [ln for ln in lines if name in ln]
        assert len(hit) == 1 and hit[0].split(name, 1)[1].startswith(": ") and len(hit[0].split(": ", 1)[1]) > 5, \
            (name, proc.stderr)
    assert any("scan.jpg" in ln and "unsupported file type '.jpg'" in ln for ln in lines)
    assert not any(".hidden" in ln for ln in lines)
    assert proc.returncode == 1  # empty.txt failed; a skipped file alone would not fail the run
    assert [json.loads(x)["title"] for x in proc.stdout.splitlines()] == ["第1篇", "第2篇"]


def test_skipped_files_alone_do_not_fail_the_run(tmp_path):
    shutil.copy(ONE, tmp_path / "plan.txt")
    (tmp_path / "scan.jpg").write_bytes(b"\xff\xd8\xff")
    proc = run("analyze", str(tmp_path), "--format", "jsonl")
    assert proc.returncode == 0 and "scan.jpg" in proc.stderr and "unsupported" in proc.stderr


def test_summarize_names_skipped_files_too(mixed, tmp_path):
    (mixed / "scan.jpg").write_bytes(b"\xff\xd8\xff")
    out = tmp_path / "d.md"
    proc = run("summarize", str(mixed), "-o", str(out))
    assert proc.returncode == 1
    for name in ("old.doc", "notes.wps", "budget.xls", "empty.txt", "scan.jpg"):
        assert name in proc.stderr


def test_analyze_evaluate_and_summarize_share_one_loop(monkeypatch, tmp_path):
    import nlp.api
    from nlp.api import Analysis

    calls = []

    def fake(paths, simplify=True, progress=None):
        calls.append([str(p) for p in paths])
        return Analysis()

    monkeypatch.setattr(nlp.api, "analyze_paths", fake)
    runner.invoke(app, ["analyze", str(ONE)])
    runner.invoke(app, ["evaluate", "--gold", str(ROOT / "tests" / "gold"), str(ONE)])
    runner.invoke(app, ["summarize", str(ONE), "-o", str(tmp_path / "d.md")])
    assert calls == [[str(ONE)]] * 3


# ----------------------------------------------------------------------------- batch


def _small_archive(tmp_path: Path) -> Path:
    archive = tmp_path / "archive"
    archive.mkdir()
    shutil.copy(CORPUS / SMALL[2], archive / "plan.txt")
    (archive / "empty.txt").write_bytes(b"")
    (archive / "scan.jpg").write_bytes(b"\xff\xd8\xff")  # never read: unsupported
    (archive / "notes.xyz").write_bytes(b"?")
    return archive


def test_batch_exits_1_and_names_every_failed_file_also_on_a_rerun(tmp_path):
    archive, db = _small_archive(tmp_path), tmp_path / "p.db"
    first = run("batch", str(archive), "--db", str(db), "--workers", "1")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "3 files failed in this run:" in first.stderr
    for name in ("empty.txt", "scan.jpg", "notes.xyz"):
        assert any(line.strip().startswith(name + ":") for line in first.stderr.splitlines()), first.stderr
    again = run("batch", str(archive), "--db", str(db), "--workers", "1")
    assert again.returncode == 1
    assert "3 files still fail" in again.stderr and "scan.jpg" in again.stderr
    # Fixing the files makes the run succeed.
    for name in ("empty.txt", "scan.jpg", "notes.xyz"):
        (archive / name).unlink()
    fixed = run("batch", str(archive), "--db", str(db), "--workers", "1")
    assert fixed.returncode == 0, fixed.stderr
    assert "fail" not in fixed.stderr


# ----------------------------------------------------------------------------- export and search


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("store")
    archive = root / "archive"
    (archive / "2019").mkdir(parents=True)
    shutil.copy(CORPUS / SMALL[1], archive / "2019" / "school.txt")  # 小学工会工作计划
    shutil.copy(CORPUS / SMALL[2], archive / "mixed.txt")  # a summary and a plan
    (archive / "broken.docx").write_bytes(b"PK\x03\x04 not a docx")
    path = root / "plans.db"
    proc = run("batch", str(archive), "--db", str(path), "--workers", "1")
    assert proc.returncode == 1 and "broken.docx" in proc.stderr  # one failure, named
    return path


def test_csv_export_starts_with_a_utf8_bom_and_errors_name_the_file(db, tmp_path):
    proc = run("export", "--db", str(db), "--format", "csv", str(tmp_path / "csv"))
    assert proc.returncode == 0, proc.stderr
    raw = (tmp_path / "csv" / "articles.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "csv" / "errors.csv").read_text("utf-8-sig"))))
    assert [r["path"] for r in rows] == ["broken.docx"] and rows[0]["reason"]


def test_xlsx_export_opens_in_a_spreadsheet(db, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    proc = run("export", "--db", str(db), "--format", "xlsx", str(tmp_path / "x"))
    assert proc.returncode == 0, proc.stderr
    sheet = openpyxl.load_workbook(tmp_path / "x" / "articles.xlsx", read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert "title" in rows[0] and len(rows) > 2
    titles = {r[rows[0].index("title")] for r in rows[1:]}
    assert any("小学工会工作计划" in (t or "") for t in titles)
    errors = list(openpyxl.load_workbook(tmp_path / "x" / "errors.xlsx", read_only=True).active.iter_rows(values_only=True))
    assert errors[1][errors[0].index("path")] == "broken.docx"


def test_export_help_names_the_extra_that_brings_pyarrow():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["optional-dependencies"]
    with_arrow = [name for name, deps in extras.items() if any(d.startswith("pyarrow") for d in deps)]
    help_text = " ".join(runner.invoke(app, ["export", "--help"], terminal_width=200).stdout.split())
    assert with_arrow and any(f"plan-nlp[{name}]" in help_text for name in with_arrow)
    assert "xlsx" in help_text and "BOM" in help_text


def _search(db: Path, *args: str) -> list[tuple[str, int]]:
    """(path, article index) of every hit of `search` run as a user runs it."""
    proc = run("search", "--db", str(db), "--limit", "1000", *args)
    heads = [line.split("  | ")[0] for line in proc.stdout.splitlines() if not line.startswith("  ")]
    return [(h.split(" #")[0], int(h.split(" #")[1].split()[0])) for h in heads]


def _articles_where(db: Path, column: str, value: object) -> set[tuple[str, int]]:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return set(conn.execute(f"SELECT d.path, a.idx FROM articles a JOIN documents d ON d.id = a.document_id"
                                f" WHERE a.{column} = ?", (value,)))
    finally:
        conn.close()


def test_search_filters_by_genre_org_type_year_and_source(db):
    everything = _search(db, "工作")
    assert {p for p, _ in everything} == {"2019/school.txt", "mixed.txt"}
    assert {p for p, _ in _search(db, "工会", "--source", "2019/")} == {"2019/school.txt"}
    assert {p for p, _ in _search(db, "工会", "--source", "mix*")} == {"mixed.txt"}
    for option, column, value in (("--genre", "genre", "summary"), ("--genre", "genre", "plan"),
                                  ("--org-type", "org_type", "school")):
        hits = _search(db, "工作", option, value)
        allowed = _articles_where(db, column, value)
        assert hits and set(hits) <= allowed, (option, value)
        assert set(everything) - allowed, "the filter must have something to leave out"
    assert _search(db, "工会", "--year", "1999") == []
    import sqlite3

    year = sqlite3.connect(db).execute("SELECT year FROM articles WHERE year IS NOT NULL LIMIT 1").fetchone()
    if year:
        hits = _search(db, "工会", "--year", str(year[0]))
        assert hits and set(hits) <= _articles_where(db, "year", year[0])


# ----------------------------------------------------------------------------- version, help, progress


def test_version_is_the_package_version():
    from importlib.metadata import version

    proc = run("--version")
    assert proc.returncode == 0 and proc.stdout.strip() == f"plan-nlp {version('plan-nlp')}"


def test_no_progress_noise_when_not_on_a_terminal():
    proc = run("analyze", str(ONE), "--format", "jsonl")
    assert proc.returncode == 0 and proc.stderr == ""
    assert all(line.startswith("{") for line in proc.stdout.splitlines())


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_a_bar_on_a_terminal_and_plain_lines_otherwise():
    from nlp.progress import FileProgress

    tty = _Tty()
    with FileProgress("analyze", stream=tty) as bar:
        for i in range(1, 4):
            bar.update(i, 3, Path(f"f{i}.txt"))
    assert "analyze" in tty.getvalue()
    plain = io.StringIO()
    with FileProgress("analyze", stream=plain, every=0.0) as bar:
        for i in range(1, 4):
            bar.update(i, 3, Path(f"f{i}.txt"))
    assert plain.getvalue().splitlines() == ["analyze: 1/3 files (f1.txt)", "analyze: 2/3 files (f2.txt)"]
    quiet = io.StringIO()
    with FileProgress("analyze", stream=quiet) as bar:  # a short run on a pipe prints nothing
        bar.update(1, 3, Path("f1.txt"))
    assert quiet.getvalue() == ""
