"""The public API as a user calls it: `from nlp import …`."""

from __future__ import annotations

import json

import pytest

import nlp
from nlp.errors import PlanNLPError

PLAN = ("某公司工会2025年工作计划\n"
        "一、指导思想\n坚持以职工为中心，推动工会工作再上新台阶。\n"
        "二、主要工作\n（一）加强组织建设\n1.全年新发展会员30名。\n2.3月8日举办女职工健康讲座。\n"
        "（二）丰富文体活动\n每季度组织一次职工趣味运动会。\n")


def test_public_names_are_lazy_and_listed():
    for name in nlp.__all__:
        assert getattr(nlp, name) is not None
    with pytest.raises(AttributeError):
        nlp.no_such_name  # noqa: B018


def test_analyze_text_gives_annotated_articles_with_exact_offsets():
    (article,) = nlp.analyze_text(PLAN, source="plan.txt")
    assert article.source == "plan.txt" and article.index == 0
    assert [(h.level, h.marker) for h in article.headings][:4] == [(1, "一、"), (1, "二、"), (2, "（一）"), (3, "1.")]
    assert article.year == 2025
    for item in (*article.dates, *article.targets, *article.tasks):
        assert article.text[item.start:item.end] == item.text
    assert any(t.value == 30 and t.unit == "名" for t in article.targets)
    assert article.filled >= {"headings", "dates", "targets", "tasks", "schedule", "genre", "flags"}


def test_analyze_path_and_document_read_a_file(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="gb18030")
    doc = nlp.analyze_document(path)
    assert doc.encoding and doc.format == "txt"
    assert [a.title for a in nlp.analyze_path(path)] == [a.title for a in doc.articles]
    record = json.loads(json.dumps(doc.articles[0].to_dict(), ensure_ascii=False))
    assert set(record) >= {"source", "article", "title", "genre", "org_type", "year", "text", "headings",
                           "dates", "targets", "tasks", "schedule", "flags"}


def test_load_document_splits_without_annotating(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    (article,) = nlp.load_document(path).articles
    assert article.headings == () and article.filled == frozenset()


def test_a_bad_file_raises_one_error_naming_it(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(PlanNLPError) as info:
        nlp.analyze_path(path)
    assert str(path) in str(info.value)


def test_iter_files_walks_folders_in_order(tmp_path):
    from nlp.api import iter_files

    (tmp_path / "b").mkdir()
    for name in ("b/2.txt", "a.md", "c.txt", ".hidden.txt"):
        (tmp_path / name).write_text(PLAN, encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path])] == ["a.md", "b/2.txt", "c.txt"]
