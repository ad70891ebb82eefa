"""The command line, through the real entry points."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from conftest import CORPUS, GOLD
from nlp.cli import app

runner = CliRunner()
CONTRACT_KEYS = {"source", "article", "title", "genre", "org_type", "year", "text",
                 "headings", "dates", "targets", "tasks", "flags"}


@pytest.fixture(scope="module")
def corpus_jsonl() -> list[dict]:
    result = runner.invoke(app, ["analyze", str(CORPUS), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_analyze_corpus_writes_one_object_per_article_with_the_contract_keys(corpus_jsonl):
    assert len(corpus_jsonl) == 41
    for obj in corpus_jsonl:
        assert CONTRACT_KEYS <= set(obj)
        for flag in obj["flags"]:
            assert obj["text"][flag["start"]:flag["end"]] == flag["text"]
    assert {o["source"].rsplit("/", 1)[-1] for o in corpus_jsonl} == {p.name for p in CORPUS.glob("*.txt")}


def test_a_bad_file_is_reported_on_stderr_and_the_others_are_still_analyzed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("机关工会工作计划\n\n一、加强学习\n\n组织职工读书活动。", encoding="gbk")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a docx")
    odd = tmp_path / "notes.xyz"
    odd.write_text("x")
    proc = subprocess.run(
        [sys.executable, "-m", "nlp", "analyze", str(tmp_path), str(odd), "--format", "jsonl"],
        capture_output=True, text=True, encoding="utf-8",
    )
    assert proc.returncode == 1
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [x["title"] for x in lines] == ["机关工会工作计划"]
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 3
    assert any("empty.txt" in e and "empty" in e for e in errors)
    assert any("broken.docx" in e and "docx" in e for e in errors)
    assert any("notes.xyz" in e and "unsupported" in e.lower() for e in errors)


@pytest.mark.parametrize("fmt", ["outline", "calendar", "targets", "table", "json"])
def test_every_view_renders_the_corpus_file(fmt):
    result = runner.invoke(app, ["analyze", str(CORPUS / "000_9825fc98e55fd8cd.txt"), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "工会工作计划与总结篇" in result.stdout


def test_output_option_writes_the_file_and_prints_a_summary_table(tmp_path):
    out = tmp_path / "a" / "analysis.jsonl"
    result = runner.invoke(app, ["analyze", str(CORPUS / "004_f379b5a5a78fa9c2.txt"), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert len(out.read_text("utf-8").splitlines()) == 2
    assert "第2篇" in result.stdout


def test_traditional_characters_are_kept_with_or_without_no_simplify(tmp_path):
    f = tmp_path / "trad.txt"
    f.write_text("學校工會工作計劃\n\n一、加強工會組織建設，開展勞動競賽。", encoding="utf-8")
    kept = runner.invoke(app, ["analyze", str(f), "--no-simplify"])
    default = runner.invoke(app, ["analyze", str(f)])
    assert "勞動競賽" in json.loads(kept.stdout)["text"]
    assert "勞動競賽" in json.loads(default.stdout)["text"]
    assert json.loads(default.stdout)["headings"][0]["text"] == "加強工會組織建設，開展勞動競賽"


def test_evaluate_scores_a_fresh_analysis_and_a_prediction_file(tmp_path, corpus_jsonl):
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in corpus_jsonl), "utf-8")
    from_file = runner.invoke(app, ["evaluate", "--gold", str(GOLD), "--pred", str(pred), "--json"])
    fresh = runner.invoke(app, ["evaluate", "--gold", str(GOLD), str(CORPUS), "--json"])
    assert from_file.exit_code == 0 and fresh.exit_code == 0
    a, b = json.loads(from_file.stdout), json.loads(fresh.stdout)
    assert a["articles"]["f1"] == 1.0
    assert a["headings"] == b["headings"]


def test_evaluate_without_predictions_or_paths_is_an_error():
    result = runner.invoke(app, ["evaluate", "--gold", str(GOLD)])
    assert result.exit_code == 2


def test_package_names_load_on_use_and_cli_start_is_light():
    # The batch writer and `search` need none of the extractors: importing the CLI must not load them.
    code = ("import sys, nlp.cli, nlp.batch.run; assert 'nlp.api' not in sys.modules and 'jieba' not in sys.modules;"
            "import nlp, nlp.digest; assert callable(nlp.analyze_text) and callable(nlp.digest.render_html);"
            "assert callable(nlp.digest.render_html) and callable(nlp.digest.render_json)")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=CORPUS.parent)
