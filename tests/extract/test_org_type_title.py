"""Org type: the organisation the title names decides first; no 工会, no federation; a
government programme without a union is government (own texts)."""

from __future__ import annotations

import pytest

from nlp.extract.genre import classify_org_type
from nlp.model import Article


def org(text: str, title: str) -> str:
    return classify_org_type(Article(source="t", index=0, title=title, text=text))[0]


# Body words that would outvote a residents' community today: a scope of the whole city.
CITYWIDE = "围绕全市中心工作，服务辖区居民，配合全市开展文明创建，辖区内组织志愿服务。"


@pytest.mark.parametrize("title,expected", [
    ("桂园社区2025年工作计划", "other"),
    ("东湖社区年度工作安排", "other"),
    ("市第三人民医院工作计划", "other"),
    ("红星机械厂工会2025年工作计划", "enterprise"),
    ("某某纺织二分厂工会工作要点", "enterprise"),
    ("远航物流公司工会工作计划", "enterprise"),
    ("实验小学工会工作计划", "school"),
    ("城南中学2025年工作总结", "school"),
    ("阳光幼儿园工会工作计划", "school"),
    ("新华街道工会工作计划", "federation"),
    ("青山镇工会年度工作总结", "federation"),
    ("青山镇2025年工作计划", "government"),
])
def test_the_organisation_named_in_the_title_decides(title, expected):
    assert org(CITYWIDE, title) == expected


@pytest.mark.parametrize("title", [
    "县人民政府办公室关于印发农村道路整治实施方案的通知",
    "区人民政府2025年工作要点",
    "关于推进智慧农业发展的行动方案",
    "2025年环境整治工作要点",
])
def test_government_programmes_without_a_union_are_government(title):
    text = "各乡镇、各部门要高度重视，全县上下统筹推进，辖区内企业生产经营有序。"
    assert org(text, title) == "government"


@pytest.mark.parametrize("text", [
    "全县各乡镇要组织辖区企业开展安全生产大检查，全市统一部署。",
    "区市场监管部门对辖区内经营户开展检查，全区联动，县委统一领导。",
])
def test_a_text_that_never_names_a_union_is_no_federation(text):
    assert org(text, "安全检查计划") != "federation"
    assert org(text + "县总工会参与。", "安全检查计划") == "federation"


def test_topic_words_make_no_enterprise_without_a_union():
    text = "镇里组织各部门开展安全生产检查，督促经营主体落实生产责任，机关干部包片负责。"
    assert org(text, "安全生产检查计划") == "government"


def test_a_programme_of_a_union_is_not_made_government():
    text = "全市各级工会要围绕中心工作，推进基层工会建设，组建非公企业工会。"
    assert org(text, "市总工会2025年工作要点") == "federation"


_UNION_BODY = ("时间:2025-02-10 作者:县总工会\n一、总体目标\n到2026年，职工服务阵地覆盖率达到90%。\n"
               "二、保障措施\n领导小组办公室设在县总工会，联系人：王某，电话：1234567。\n")


@pytest.mark.parametrize("title", [
    "青山县2025年关于加快职工服务阵地建设的实施方案",
    "某市关于深化产业工人队伍建设改革的实施方案",
    "高新区2024年度关于职工技能提升的行动方案",
    "临江县2026年工作要点",
])
def test_an_areas_programme_is_governments_whatever_union_signs_it(title):
    assert org(_UNION_BODY, title) == "government"


@pytest.mark.parametrize("title,expected", [
    ("某县总工会2025年职工服务实施方案", "federation"),
    ("柳岸社区2025年职工服务实施方案", "other"),
])
def test_a_union_or_community_named_in_the_title_keeps_its_type(title, expected):
    assert org(_UNION_BODY, title) == expected
