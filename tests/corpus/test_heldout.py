"""Held-out check: plans written apart from the seeds (tests/heldout/docs), annotated by hand
(tests/heldout/gold) before the tool was run on them, scored with the project's evaluation.

Two sets, scored apart so a figure on one cannot hide a drop on the other:
- the first six plans (a_… to f_…, .txt): the misses found when they were written were fixed as
  general patterns; the floors sit a little below today's figures and guard against regressions.
- the later plans (g_… onwards: an official notice wrapping a plan with two attachments (.md with
  YAML front matter), a markdown summary + plan, a .docx numbered by Word (built by
  tests/heldout/make_docx.py), an .html page with site chrome, a traditional-script .txt, a
  government 实施方案 .md with a quoted note, byline and 第N部分： levels). Their
  floors are the product requirements of issue 16, not today's figures: a part the tool does not
  yet meet is a strict xfail naming the measured shortfall, so fixing it makes the test fail until
  the mark is removed.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
import regex

ROOT = Path(__file__).resolve().parents[2]
HELDOUT = ROOT / "tests" / "heldout"
DOCS = HELDOUT / "docs"
GOLD = HELDOUT / "gold"

# The first set: sources whose names start a… f (the later set starts at g).
FIRST_SET = frozenset("abcdef")

# First set, first measured before any rule saw these plans: split F1 0.923, headings 0.932,
# dates 0.920, targets 0.904, genre 5/6, org_type 5/6; every part now scores 1.000.
FIRST_FLOORS = {"articles": 0.97, "headings": 0.95, "dates": 0.95, "targets": 0.95}
FIRST_LABEL_FLOORS = {"genre_acc": 0.85, "org_type_acc": 0.85}

# Later set: what issue 16 requires of the product on documents from other sources.
# Measured when the set was added (gold written before the first run): articles 1.000,
# headings 0.989 (level 0.962), dates 0.980 (all fields 0.980), targets 1.000 (status 0.878),
# genre 7/8, org_type 7/8.
LATER_FLOORS = {"articles": 0.95, "headings": 0.92, "dates": 0.92, "targets": 0.88}
LATER_ACCURACY_FLOORS = {
    ("articles", "genre_acc"): 0.90,
    ("headings", "level"): 0.95,
    ("dates", "all"): 0.92,
    ("targets", "status"): 0.85,
}
LATER_SHORTFALLS: dict[tuple[str, str], str] = {}


def _in_set(path: Path, first: bool) -> bool:
    return (path.name[0] in FIRST_SET) == first


def _docs(first: bool) -> list[Path]:
    return sorted(p for p in DOCS.iterdir() if p.is_file() and _in_set(p, first))


def _gold_files(first: bool | None = None) -> list[Path]:
    return sorted(p for p in GOLD.glob("*.json") if first is None or _in_set(p, first))


def _scores(first: bool) -> dict:
    from nlp.api import analyze_path
    from nlp.evaluate import evaluate_records

    records = [a.to_dict() for f in _docs(first) for a in analyze_path(f)]
    return evaluate_records(_gold_files(first), records).to_dict()


@pytest.fixture(scope="module")
def first_scores() -> dict:
    """Analyze the first six held-out documents and score them against their gold."""
    return _scores(first=True)


@pytest.fixture(scope="module")
def later_scores() -> dict:
    """Analyze the later held-out documents and score them against their gold."""
    return _scores(first=False)


class _HtmlText(HTMLParser):
    """The character data of a page, tags dropped (enough to check gold texts occur in order)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _as_printed(path: Path) -> str:
    """A held-out document's text read without the tool: .docx paragraphs then table rows
    (Word's automatic numbers are not in the text), .html character data, else the file."""
    if path.suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        lines = [p.text for p in document.paragraphs]
        lines += [" | ".join(c.text for c in row.cells) for t in document.tables for row in t.rows]
        return "\n".join(lines)
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        parser = _HtmlText()
        parser.feed(text)
        return "".join(parser.parts)
    return text


def test_every_document_has_gold():
    docs = {p.name for p in DOCS.iterdir() if p.is_file()}
    sources = {json.loads(p.read_text(encoding="utf-8"))["source"] for p in _gold_files()}
    assert docs and docs == sources


@pytest.mark.parametrize("gold_path", _gold_files(), ids=lambda p: p.stem)
def test_gold_items_occur_in_order(gold_path: Path):
    """Gold heading, date and target texts are copied from the document, in document order."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    source = DOCS / gold["source"]
    text = _as_printed(source)
    word_numbered = source.suffix == ".docx"
    for article in gold["articles"]:
        assert article["title"] in text and article["first_chars"] in text
        body = text[text.index(article["first_chars"]):]
        for part in ("headings", "dates", "targets"):
            pos = 0
            for item in article[part]:
                if part == "headings":
                    marker = "" if word_numbered else regex.escape(item["marker"])
                    # the marker, optional spaces (markdown "**1. 标题"), then the text
                    found = regex.compile(marker + r"\s*" + regex.escape(item["text"])).search(body, pos)
                    at = found.start() if found else -1
                else:
                    at = body.find(item["text"], pos)
                assert at >= 0, (gold["source"], part, item)
                pos = at + 1


def test_word_numbered_docx_matches_its_builder(tmp_path):
    """The committed .docx is what tests/heldout/make_docx.py builds (its gold was written for it)."""
    import importlib.util

    import docx

    spec = importlib.util.spec_from_file_location("make_heldout_docx", HELDOUT / "make_docx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build(tmp_path / "built.docx")
    committed = module.OUT

    def shape(path: Path) -> list[tuple[str | None, str]]:
        document = docx.Document(str(path))
        paragraphs = []
        for p in document.paragraphs:
            num = p._p.pPr.numPr if p._p.pPr is not None else None
            paragraphs.append((None if num is None else num.ilvl.val, p.text))
        rows = [(None, " | ".join(c.text for c in r.cells)) for t in document.tables for r in t.rows]
        return paragraphs + rows

    assert shape(built) == shape(committed)
    assert any(level is not None for level, _ in shape(committed))


@pytest.mark.parametrize("first", [True, False], ids=["first", "later"])
def test_heldout_no_scoring_warnings(first, request):
    scores = request.getfixturevalue("first_scores" if first else "later_scores")
    assert scores["warnings"] == []
    assert scores["sources"] == len(_docs(first))


@pytest.mark.parametrize("part", sorted(FIRST_FLOORS))
def test_heldout_f1_floor(first_scores, part):
    score = first_scores[part]
    assert score["f1"] >= FIRST_FLOORS[part], {k: score[k] for k in ("gold", "pred", "p", "r", "f1")}


@pytest.mark.parametrize("label", sorted(FIRST_LABEL_FLOORS))
def test_heldout_label_accuracy_floor(first_scores, label):
    assert first_scores["articles"][label] >= FIRST_LABEL_FLOORS[label], first_scores["articles"]


@pytest.mark.parametrize("part", sorted(LATER_FLOORS))
def test_later_heldout_f1_meets_product_floor(later_scores, part):
    score = later_scores[part]
    assert score["f1"] >= LATER_FLOORS[part], {k: score[k] for k in ("gold", "pred", "p", "r", "f1")}


def _accuracy_cases() -> list:
    """One case per required accuracy; a known shortfall is a strict xfail giving the figure."""
    cases = []
    for key, floor in sorted(LATER_ACCURACY_FLOORS.items()):
        marks = [pytest.mark.xfail(strict=True, reason=LATER_SHORTFALLS[key])] if key in LATER_SHORTFALLS else []
        cases.append(pytest.param(key, floor, id="-".join(key), marks=marks))
    return cases


@pytest.mark.parametrize(("key", "floor"), _accuracy_cases())
def test_later_heldout_accuracy_meets_product_floor(later_scores, key, floor):
    part, field = key
    figures = later_scores[part] if part == "articles" else later_scores[part]["acc"]
    assert figures[field] >= floor, {part: figures}


def test_every_later_heldout_file_is_scored(later_scores):
    """Per-file figures: `python -m nlp evaluate --gold tests/heldout/gold tests/heldout/docs`."""
    per_source = later_scores["per_source"]
    assert set(per_source) == {p.name for p in _docs(first=False)}
