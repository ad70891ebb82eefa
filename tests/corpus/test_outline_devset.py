"""Heading accuracy of the outline on the second development set (../shared/eval/other), read
from ../shared and skipped when it is absent. Scored on the articles the split finds (the
split has its own tests), with the text kept in the script it is printed in."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from nlp.api import analyze_document
from nlp.evaluate import evaluate_records

OTHER = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "other"


@pytest.mark.skipif(not (OTHER / "gold").is_dir(), reason="../shared/eval/other is not here")
def test_outline_on_the_second_dev_set():
    # as printed: traditional text stays traditional (the default once ingest keeps the script)
    kept = {"simplify": False} if "simplify" in inspect.signature(analyze_document).parameters else {}
    records = [a.to_dict() for p in sorted((OTHER / "docs").glob("*.txt"))
               for a in analyze_document(p, **kept).articles]
    scores = evaluate_records([OTHER / "gold"], records).to_dict()["headings"]
    assert scores["f1_matched"] >= 0.95, scores
    assert scores["acc"]["level"] >= 0.95, scores
