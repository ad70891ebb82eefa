"""Targets in a sentence opening with a milestone or deadline are goals, whatever verbs follow
(own examples)."""

from __future__ import annotations

import pytest

from nlp.extract.quantities import extract_quantities
from nlp.extract.targets import extract_targets
from nlp.model import Article

PROGRAMME = "关于推进职工服务阵地建设的实施方案"
PLAN = "2026年区总工会工作计划"


def statuses(text: str, title: str) -> list[tuple[float, str]]:
    art = Article(source="t", index=0, title=title, text=text)
    art.quantities = tuple(extract_quantities(art))
    return [(t.value, t.status) for t in extract_targets(art)]


@pytest.mark.parametrize("title", [PROGRAMME, PLAN])
@pytest.mark.parametrize("text", [
    "到2028年，全区职工服务体系建设取得显著成效，驿站覆盖率达到95%以上，会员人数年均增长3%左右。",
    "至2030年，全县产业工人队伍建设取得长足进步，队伍达到2万人，技能人才占比提高到40%。",
    "2027年底前，园区工会组织建设取得突破，建会率达到90%，新增会员500人。",
    "2026年前，各街道取得示范称号的站点达到12个，服务职工超过1万人次。",
    "今年年底前，全市取得星级认定的职工之家达到60家，覆盖率达到85%。",
    "（二）到20xx年，基层工会规范化建设取得明显成效，达标率达到80%以上。",
])
def test_a_milestone_sentence_sets_goals(text, title):
    found = statuses(text, title)
    assert found and all(st == "goal" for _v, st in found), found


@pytest.mark.parametrize("text", [
    "截至2025年底，全区已建成驿站120个，服务职工3万人次。",  # stock-taking, with 已
    "2024年以来，我们取得了较好成绩，共慰问职工200人。",
])
def test_stocktaking_and_periods_since_are_no_milestones(text):
    assert all(st != "goal" for _v, st in statuses(text, PLAN))
