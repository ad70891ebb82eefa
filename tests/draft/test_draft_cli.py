"""`python -m nlp draft`: formats, errors, and the archive database as the source."""

from __future__ import annotations

import json
import shutil

import docx
import pytest
from typer.testing import CliRunner

from nlp.cli import app
from nlp.draft.build import draft

from conftest import CORPUS, SMALL

runner = CliRunner()


@pytest.fixture(scope="module")
def small_archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("archive")
    for name in SMALL:
        shutil.copy(CORPUS / name, root / name)
    return root


@pytest.fixture(scope="module")
def small_db(small_archive, tmp_path_factory):
    from nlp.batch.run import run_batch

    db = tmp_path_factory.mktemp("db") / "plans.db"
    run_batch(small_archive, db, workers=1)
    return db


def test_markdown_to_stdout(small_archive):
    out = runner.invoke(app, ["draft", "--keywords", "女职工,健康", "--org-type", "school", "--year", "2027",
                              "--org", "青松中学工会", "--corpus", str(small_archive)])
    assert out.exit_code == 0, out.output
    assert out.stdout.startswith("# 青松中学工会2027年工会工作计划\n")
    assert "附：材料来源" in out.stdout and "一、" in out.stdout


def test_json_shape(small_archive, tmp_path):
    target = tmp_path / "d.json"
    out = runner.invoke(app, ["draft", "-k", "师德", "--corpus", str(small_archive), "--year", "2027",
                              "--format", "json", "-o", str(target)])
    assert out.exit_code == 0, out.output
    data = json.loads(target.read_text(encoding="utf-8"))
    assert {"title", "year", "org", "org_type", "keywords", "sections", "schedule", "targets"} <= set(data)
    sec = data["sections"][0]
    assert {"marker", "level", "heading", "sentences", "children"} <= set(sec)
    for s in sec["sentences"]:
        assert {"text", "kind", "source", "article", "start", "end"} <= set(s)
        assert s["kind"] in ("retrieved", "template", "generated")


def test_docx_needs_an_output_and_writes_one(small_archive, tmp_path):
    bad = runner.invoke(app, ["draft", "-k", "健康", "--corpus", str(small_archive), "--format", "docx"])
    assert bad.exit_code == 2 and "--output" in bad.output
    target = tmp_path / "plan.docx"
    ok = runner.invoke(app, ["draft", "-k", "健康", "--corpus", str(small_archive), "-f", "docx", "-o", str(target)])
    assert ok.exit_code == 0, ok.output
    assert docx.Document(str(target)).paragraphs[0].style.name == "Title"


@pytest.mark.parametrize("args,message", [
    (["-k", "健康"], "exactly one of --corpus"),
    (["-k", "健康", "--corpus", "no/such/folder"], "no such file or folder"),
    (["-k", "健康", "--db", "no/such.db"], "no such database"),
    (["-k", "健康", "--corpus", "corpus", "--template", "nope"], "no such template"),
])
def test_clear_errors(args, message):
    out = runner.invoke(app, ["draft", *args])
    assert out.exit_code != 0
    assert message in out.output


def test_draft_from_the_database_matches_the_folder(small_archive, small_db):
    kwargs = dict(org_type="school", year=2027, org="青松中学工会")
    from_db = draft(["女职工", "健康"], db=small_db, **kwargs)
    from_dir = draft(["女职工", "健康"], corpus=small_archive, **kwargs)

    def shape(d):
        return [(s.marker, s.heading, [(x.text, x.kind, x.article, x.start, x.end) for x in s.sentences])
                for s in d.walk()]

    assert shape(from_db) == shape(from_dir)
    # provenance from the database names the archive-relative path, as `analyze` numbers articles
    sources = {s.source for s in from_db.sentences() if s.kind == "retrieved"}
    assert sources and sources <= set(SMALL)
    out = runner.invoke(app, ["draft", "-k", "女职工,健康", "--db", str(small_db), "--year", "2027"])
    assert out.exit_code == 0, out.output


def test_a_bad_file_is_named_and_left_out(small_archive, tmp_path, caplog):
    root = tmp_path / "mixed"
    shutil.copytree(small_archive, root)
    (root / "broken.docx").write_bytes(b"not a zip at all")
    with caplog.at_level("WARNING"):
        d = draft(["健康"], corpus=root, org_type="school", year=2027)
    assert d.sections
    assert any("broken.docx" in r.getMessage() for r in caplog.records)
