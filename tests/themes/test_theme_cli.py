"""`python -m nlp themes`: table, JSON, markdown, --k, --taxonomy, --db (stored themes), errors."""

from __future__ import annotations

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from nlp import store
from nlp.batch.work import analyze_file
from nlp.cli import app

from theme_samples import AREAS, plan_text

runner = CliRunner()


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    for i in range(10):
        (folder / f"plan{i:02d}.txt").write_text(plan_text(i), encoding="utf-8")
    return folder


def test_json_output_follows_the_contract(archive):
    result = runner.invoke(app, ["themes", str(archive), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert sorted(t["label"] for t in data["themes"]) == sorted(AREAS)
    member = data["themes"][0]["members"][0]
    text = (archive / member["source"].rsplit("/", 1)[-1]).read_text(encoding="utf-8")
    assert member["heading"] in text
    assert data["k_selection"]["chosen"] == 4 and data["duplicates"] == []


def test_two_runs_give_identical_json(archive):
    first = runner.invoke(app, ["themes", str(archive), "--format", "json"]).stdout
    assert first == runner.invoke(app, ["themes", str(archive), "--format", "json"]).stdout


def test_table_and_markdown(archive):
    table = runner.invoke(app, ["themes", str(archive)])
    assert table.exit_code == 0 and "经费财务" in table.stdout and "stability" in table.stdout
    md = runner.invoke(app, ["themes", str(archive), "--format", "markdown", "--k", "3"])
    assert md.exit_code == 0 and md.stdout.startswith("# Themes (3 themes")
    assert "| id | theme |" in md.stdout and "(fixed)" in md.stdout


def test_taxonomy_none_and_user_file(archive, tmp_path):
    none = json.loads(runner.invoke(app, ["themes", str(archive), "--taxonomy", "none", "-f", "json"]).stdout)
    assert all(t["area"] is None and "、" in t["label"] for t in none["themes"])
    mine = tmp_path / "areas.toml"
    mine.write_text('[[area]]\nname = "财务"\nterms = ["预算", "决算", "审计", "账目", "经费"]\n', encoding="utf-8")
    data = json.loads(runner.invoke(app, ["themes", str(archive), "--taxonomy", str(mine), "-f", "json"]).stdout)
    assert "财务" in {t["label"] for t in data["themes"]}


@pytest.mark.parametrize("args, message", [
    ([], "either PATH"),
    (["--k", "zero"], "--k must be"),
    (["--taxonomy", "/no/such.toml"], "taxonomy file not found"),
    (["--embedder", "transformers"], "needs --model"),
])
def test_bad_arguments_fail_with_one_clear_line(archive, args, message):
    result = runner.invoke(app, ["themes", *([str(archive)] if args else []), *args])
    assert result.exit_code == 1 and message in result.stderr


def test_db_themes_are_stored_and_replaced(archive, tmp_path):
    db = tmp_path / "plans.db"
    conn = store.connect(db)
    for path in sorted(archive.glob("*.txt")):
        store.write_result(conn, str(archive), analyze_file(str(path), path.name), None)
    conn.close()
    for _ in range(2):  # a second run replaces the first
        result = runner.invoke(app, ["themes", "--db", str(db), "--format", "json"])
        assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT label, size, terms FROM themes ORDER BY id").fetchall()
    assert [(r[0], r[1]) for r in rows] == [(t["label"], t["size"]) for t in data["themes"]]
    assert json.loads(rows[0][2])[0][0] == data["themes"][0]["terms"][0][0]
    weights = conn.execute("SELECT article_id, sum(weight), count(*) FROM article_themes GROUP BY article_id").fetchall()
    assert len(weights) == 10 and all(abs(w - 1) < 1e-3 and n == 4 for _, w, n in weights)
    conn.close()


def test_missing_database_is_named(tmp_path):
    result = runner.invoke(app, ["themes", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "none.db: no such database" in result.stderr


def test_a_bad_file_costs_one_line_and_the_exit_code_not_the_themes(archive, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for path in sorted(archive.glob("*.txt")):
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00\x00" * 10)
    result = runner.invoke(app, ["themes", str(folder), "--format", "json"])
    assert result.exit_code == 1
    assert "broken.txt" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert len(json.loads(result.stdout)["themes"]) == 4
