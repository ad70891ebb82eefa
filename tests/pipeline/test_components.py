"""The component contract, checked over every registered component (in the manner of
scikit-learn's `parametrize_with_checks`): offsets exact, writes only what it assigns, empty and
one-character text, deterministic."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

from nlp.ingest.document import document_from_text
from nlp.model import Article
from nlp.pipeline import PIPELINE

ROOT = Path(__file__).resolve().parents[2]
DEV_DOCS = ROOT.parent / "shared" / "eval" / "other" / "docs"
NAMES = [c.name for c in PIPELINE]
ARTICLE_FIELDS = [f.name for f in fields(Article) if f.name != "filled"]


def _split_articles() -> list[Article]:
    """Every article of the corpus and of the second dev set (when present), split but not annotated."""
    from nlp.api import load_document

    paths = sorted((ROOT / "corpus").glob("*.txt"))
    if DEV_DOCS.is_dir():
        paths += sorted(DEV_DOCS.iterdir())
    return [a for p in paths for a in load_document(p).articles]


def _snapshot(article: Article) -> dict:
    return {name: copy.deepcopy(getattr(article, name)) for name in ARTICLE_FIELDS}


@pytest.fixture(scope="module")
def component_runs():
    """For each component: (article, fields it changed) over every article, the pipeline run in order."""
    runs: dict[str, list[tuple[Article, set[str]]]] = {name: [] for name in NAMES}
    for article in _split_articles():
        for c in PIPELINE:
            before = _snapshot(article)
            c(article)
            changed = {name for name, value in before.items() if getattr(article, name) != value}
            runs[c.name].append((article, changed))
    return runs


def _span_errors(article: Article, field: str) -> list[str]:
    """Spans of `field` whose offsets do not give back their text."""
    text = article.text
    errors = []
    for item in getattr(article, field):
        if field == "headings":
            ok = text[item.text_start:item.end] == item.text and item.start <= item.text_start
        elif field == "schedule":
            ok = text[item.start:item.end] == item.activity
        elif hasattr(item, "start") and hasattr(item, "text"):
            ok = text[item.start:item.end] == item.text
        else:
            continue
        if not ok:
            errors.append(f"{article.source}#{article.index} {field} {item!r}")
    return errors


@pytest.mark.parametrize("name", NAMES)
def test_component_writes_only_what_it_assigns(component_runs, name):
    assigns = set(next(c for c in PIPELINE if c.name == name).assigns)
    wrote = set().union(*(changed for _, changed in component_runs[name]))
    assert wrote <= assigns, f"{name} wrote {sorted(wrote - assigns)} without declaring it"


@pytest.mark.parametrize("name", NAMES)
def test_component_spans_point_at_their_text(component_runs, name):
    assigns = next(c for c in PIPELINE if c.name == name).assigns
    errors = [e for article, _ in component_runs[name] for f in assigns
              if isinstance(getattr(article, f), tuple) for e in _span_errors(article, f)]
    assert errors == []


@pytest.mark.parametrize("text", ["", "一", "。", "\n", "2024", "一、"])
@pytest.mark.parametrize("name", NAMES)
def test_component_takes_empty_and_one_character_text(name, text):
    article = Article(source="<t>", index=0, title="", text=text, raw_offsets=list(range(len(text) + 1)))
    for c in PIPELINE:
        c(article)
        if c.name == name:
            break
    for f in next(c for c in PIPELINE if c.name == name).assigns:
        if isinstance(getattr(article, f), tuple):
            assert _span_errors(article, f) == []


@pytest.mark.parametrize("name", NAMES)
def test_component_is_deterministic(name):
    text = ("二〇二五年工会工作计划\n一、指导思想\n以服务职工为中心。\n二、主要工作\n（一）组织建设\n"
            "1.3月8日开展女职工健康讲座，力争参加人数达到200人以上。\n2.全年发展会员50名，已完成30名。\n"
            "（二）文体活动\n每季度组织一次职工运动会。\n")
    runs = []
    for _ in range(2):
        article = document_from_text(text, "<t>").articles[0]
        for c in PIPELINE:
            c(article)
            if c.name == name:
                break
        runs.append(_snapshot(article))
    assert runs[0] == runs[1]


def test_analysis_does_not_depend_on_the_hash_seed():
    """Set or dict order leaking into output would differ between interpreters with other hash seeds."""
    path = ROOT / "corpus" / "004_f379b5a5a78fa9c2.txt"
    code = "import json,sys;from nlp import analyze_path;print(json.dumps([a.to_dict() for a in analyze_path(sys.argv[1])],ensure_ascii=False))"
    outs = [subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")]
    assert outs[0] == outs[1] and json.loads(outs[0])
