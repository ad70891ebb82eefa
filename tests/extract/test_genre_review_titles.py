"""A document titled as a review: mixed with a next-period plan part, else a summary unless
its body is overwhelmingly forward (own texts)."""

from __future__ import annotations

import pytest

from nlp.extract.genre import classify_genre
from nlp.model import Article


def art(text: str, title: str) -> Article:
    return Article(source="t", index=0, title=title, text=text)


# A short review, then a long plan part: the forward sentences outnumber the backward ones.
REVIEW_THEN_PLAN = (
    "一、主要工作完成情况\n"
    "今年以来，我们开展了技能培训，共培训职工120人次。\n"
    "{heading}\n"
    "（一）将继续加强职工之家建设，力争新建职工书屋3个。\n"
    "（二）要深化劳动竞赛，确保参赛班组不少于20个。\n"
    "（三）将组织职工疗休养，争取覆盖一线职工。\n"
    "（四）要做好困难职工帮扶，确保帮扶到位。\n"
    "（五）将推进厂务公开，要按期召开职代会。\n"
    "（六）要加强工会干部培训，将开展轮训。\n"
)


@pytest.mark.parametrize("title", [
    "园区工会2024年工作总结", "机关工会年度工作小结", "工会主席个人述职", "街道工会工作汇报",
    "车间工会年度工作报告", "三年工作回顾",
])
@pytest.mark.parametrize("heading", [
    "二、2025年工作打算", "二、明年工作思路", "二、下一步工作计划", "### 下一年度工作安排",
])
def test_review_title_with_a_plan_part_is_mixed(title, heading):
    assert classify_genre(art(REVIEW_THEN_PLAN.format(heading=heading), title))[0] == "mixed"


@pytest.mark.parametrize("title", ["分会工作小结", "科室述职报告", "协会年度工作报告", "半年工作总结"])
def test_review_title_without_plan_part_is_a_summary(title):
    text = (
        "今年我们开展了读书月活动，收到征文40篇。\n"
        "要进一步提高服务水平。\n"
        "将继续关心职工生活。\n"
        "举办了职工运动会。\n"
    )
    assert classify_genre(art(text, title))[0] == "summary"


def test_review_title_over_an_overwhelmingly_forward_body_is_a_plan():
    text = "".join(f"第{i}项：将开展活动，力争取得实效。\n" for i in range(12))
    assert classify_genre(art(text, "工会工作总结"))[0] == "plan"


def test_a_plan_title_with_a_plan_part_is_not_made_mixed_by_it():
    # a plan naming its next step is still a plan: the rule needs a review title
    text = REVIEW_THEN_PLAN.format(heading="二、下一步工作安排").replace("今年以来，我们开展了技能培训，", "")
    assert classify_genre(art(text, "工会工作计划"))[0] == "plan"
