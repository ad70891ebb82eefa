"""The plain-text views of `analyze --format outline|calendar|targets`."""

from __future__ import annotations

import pytest

from nlp import analyze_text, load_document
from nlp.render import render_calendar, render_outline, render_targets

PLAN = ("2025年工会工作计划\n一、组织建设\n1、发展会员\n力争全年新发展会员30名。\n2、规范管理\n"
        "二、文体活动\n九月份：教师节表彰\n十月份：登山比赛\n每月开展一次生日会。\n")


@pytest.fixture(scope="module")
def article():
    (a,) = analyze_text(PLAN, source="plan.txt")
    return a


def test_outline_indents_two_spaces_per_level(article):
    assert render_outline(article).splitlines()[:3] == ["一、组织建设", "  1、发展会员", "  2、规范管理"]


def test_calendar_lists_months_then_recurring(article):
    out = render_calendar(article)
    assert out.splitlines()[0] == "2025年工会工作计划（2025年）"
    assert out.index("9月") < out.index("教师节表彰") < out.index("10月") < out.index("登山比赛")
    assert out.index("定期") < out.index("每月 (1M)") < out.index("每月开展一次生日会")


def test_targets_table_lists_every_target(article):
    table = render_targets(article)
    assert "2025年工会工作计划" in table and "会员" in table and "30" in table and "goal" in table


def test_targets_table_says_when_there_are_none():
    (a,) = analyze_text("工会工作计划\n加强学习，提高认识。\n")
    assert "(no targets)" in render_targets(a)


@pytest.mark.parametrize("view", [render_outline, render_calendar, render_targets])
def test_a_view_of_an_unannotated_article_is_an_error(tmp_path, view):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    (a,) = load_document(path).articles
    with pytest.raises(ValueError, match="annotate the article first"):
        view(a)
