"""A draft over a small archive written for this test: targets, schedule, rewriting end to end."""

from __future__ import annotations

import pytest

import nlp
from nlp.draft.build import draft

PLAN_A = """青松中学工会2019年工作计划

一、指导思想

2019年，我校工会将以服务教职工为宗旨，团结全体教师，推动学校各项工作。

二、工作目标

力争教职工入会率达到100%。计划新建教工书屋2个。

三、关爱女教工身心健康

（一）组织女教工健康体检

2019年我校工会将组织女教工进行一次全面健康体检，建立健康档案。

（二）开展女教工健康讲座

每学期邀请医生为女教工举办健康讲座，普及妇科疾病预防知识。

四、主要活动安排

3月：举办女教工健康知识竞赛。
5月：组织教职工健步走活动。
"""

PLAN_B = """xx小学工会20xx年工作计划

一、指导思想

本校工会要以教职工需求为导向，做好服务，凝聚人心，为学校发展贡献力量。

二、师德师风建设

要把师德建设放在首位，组织教师学习师德规范，开展师德标兵评选活动。

三、女教工工作

要维护女教工特殊权益，做好女教工“四期”保护，定期组织女教工健康检查。

四、活动安排

9月：开展师德标兵评选表彰活动。
"""


@pytest.fixture(scope="module")
def archive():
    arts = nlp.analyze_text(PLAN_A, source="a.txt") + nlp.analyze_text(PLAN_B, source="b.txt")
    for a in arts:
        a.genre, a.org_type = "plan", "school"  # the test is about drafting, not about the classifiers
    return arts


@pytest.fixture(scope="module")
def made(archive):
    return draft(["女教工", "健康"], articles=archive, org="翠湖小学工会", org_type="school", year=2030)


def test_targets_are_carried_with_their_numbers_and_marked(made, archive):
    values = {(t.value, t.unit) for t in made.targets}
    assert (100, "%") in values or (2, "个") in values
    assert all(t.sentence.review for t in made.targets)
    assert "〔数据待核〕" in made.to_markdown()
    goals = next(s for s in made.sections if s.role == "goals")
    assert {id(t.sentence) for t in made.targets} <= {id(s) for s in goals.sentences}


def test_years_and_names_are_rewritten_with_provenance_kept(made, archive):
    text = made.to_text()
    assert "2019" not in text and "我校" not in text and "xx" not in text
    assert "翠湖小学工会" in text
    src = {("a.txt", 0): archive[0], ("b.txt", 0): archive[1]}
    rewritten = [s for s in made.sentences() if s.kind == "retrieved" and "2030" in s.text]
    assert rewritten
    for s in rewritten:
        original = src[s.source, s.article].text[s.start:s.end]
        assert "2019" in original and original.replace("2019", "2030").replace("我校", "翠湖小学")[:8] == s.text[:8]


def test_schedule_takes_matching_activities_in_their_month(made):
    by_month = {e.months[0]: [] for e in made.schedule}
    for e in made.schedule:
        by_month[e.months[0]].append(e.sentence)
    assert any("健康知识竞赛" in s.text and s.kind == "retrieved" for s in by_month.get(3, []))
    assert not any("师德标兵" in s.text for e in made.schedule for s in [e.sentence])  # off the keywords
    assert any(e.holiday == "教师节" for e in made.schedule)


def test_sub_sections_come_from_the_archive_headings(made):
    work = [s for s in made.sections if s.role == "work"]
    headings = [c.heading for s in work for c in s.children] + [s.heading for s in work]
    assert "组织女教工健康体检" in headings or "开展女教工健康讲座" in headings
