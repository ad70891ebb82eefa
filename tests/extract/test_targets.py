"""Targets: which quantities count, their clause, subject and status (own sentences)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import REFERENCE_SCORER
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.extract.quantities import extract_quantities
from nlp.extract.targets import extract_targets, render_targets
from nlp.model import Article, DateMention

PLAN = "二〇二五年工会工作计划"
REPORT = "二〇二四年工会工作总结"


def targets(text: str, title: str = PLAN, dates: tuple[DateMention, ...] = ()):
    art = Article(source="t", index=0, title=title, text=text)
    art.dates = dates
    art.quantities = tuple(extract_quantities(art))
    found = extract_targets(art)
    for t in found:
        assert text[t.start:t.end] == t.text
    return found


def only(text: str, **kw):
    found = targets(text, **kw)
    assert len(found) == 1, found
    return found[0]


# ----------------------------------------------------------------------------- the clause

def test_text_is_the_clause_with_offsets():
    t = only("围绕中心工作，全年新建职工书屋八家，不断扩大覆盖面。")
    assert t.text == "全年新建职工书屋八家"
    assert (t.value, t.unit, t.comparator) == (8, "家", "=")


def test_enumerator_and_runin_opener_are_not_in_the_text():
    found = targets("一是培训工会主席60人次；二是组织观摩活动2场。")
    assert [t.text for t in found] == ["培训工会主席60人次", "组织观摩活动2场"]


def test_subject_after_the_number():
    assert only("今年要再建成两家星级职工之家。").subject == "星级职工之家"


def test_subject_before_the_number():
    assert only("年内新建职工书屋八家。").subject == "职工书屋"


def test_comparator_printed_before_the_verb():
    t = only("每名会员至少参加一次志愿服务。")
    assert (t.value, t.comparator) == (1, ">=")


# ----------------------------------------------------------------------------- status cues

@pytest.mark.parametrize("text", [
    "力争新建示范点5个。",
    "确保入会率达到92%以上。",
    "要组织春季运动会1次。",
    "工会将选派骨干8人参加轮训。",
    "计划发放助学金20万元。",
    "拟举办读书沙龙6期。",
    "争取新增会员150名。",
])
def test_goal_cues(text):
    assert only(text, title=REPORT).status == "goal"


@pytest.mark.parametrize("text", [
    "今年已建成爱心驿站4个。",
    "为退休职工办理了优待证86张。",
    "去年先后慰问劳模19人。",
])
def test_achieved_cues(text):
    assert only(text, title=PLAN).status == "achieved"


@pytest.mark.parametrize("text", [
    "本单位现有会员412名，",
    "学校拥有专任教师98人，",
    "园区占地150亩，",
])
def test_fact_cues(text):
    assert only(text).status == "fact"


@pytest.mark.parametrize("title", [PLAN, REPORT])
def test_standing_structure_is_a_fact(title):
    found = targets("机关工会下设6个分会、32个工会小组。", title=title)
    assert [(t.value, t.status) for t in found] == [(6, "fact"), (32, "fact")]
    assert only("街道下辖14个社区，", title=title).status == "fact"


def test_a_planned_structure_is_a_goal():
    assert only("明年拟下设3个专门委员会。", title=PLAN).status == "goal"


def test_a_plan_clause_without_cue_is_a_goal():
    text = "6月举办职工趣味运动会，设置跳绳、拔河等10个比赛项目。"
    assert only(text, title=PLAN).status == "goal"
    # a bare head count of an event's participants is planned, unlike 会员51人
    found = targets("9月举办财务知识培训，参训人员60名。", title=PLAN)
    assert [(t.value, t.status) for t in found] == [(60, "goal")]
    assert only("10月组织登山比赛，参赛选手约150人。", title=PLAN).status == "goal"


def test_total_follows_the_genre():
    assert only("全年共举办技能竞赛三场。", title=PLAN).status == "goal"
    assert only("全年共举办技能竞赛三场。", title=REPORT).status == "achieved"


def test_no_cue_takes_the_genre():
    assert only("开展法律咨询12次。", title=PLAN).status == "goal"
    assert only("开展法律咨询12次。", title=REPORT).status == "achieved"


def test_bare_head_count_in_a_plan_is_a_fact_and_money_a_goal():
    found = targets("中秋慰问：在编教师64人，经费6400元。")
    assert [(t.value, t.status) for t in found] == [(64, "fact"), (6400, "goal")]


def test_a_run_of_results_shares_the_cue():
    found = targets("今年已调处纠纷18件，其中工资纠纷7件，工伤纠纷4件。", title=PLAN)
    assert [t.status for t in found] == ["achieved"] * 3


def test_review_sentence_inside_a_plan():
    text = "去年我们已新建工会9家，发展会员400名。今年力争新建工会12家。"
    assert [t.status for t in targets(text)] == ["achieved", "achieved", "goal"]


def test_deadline_marks_a_goal_in_a_report():
    t = only("相关教材年底前完成审稿，约30万字。", title=REPORT)
    assert t.status == "goal"


# ----------------------------------------------------------------------------- not targets

@pytest.mark.parametrize("text", [
    "坚持以“三个代表”重要思想为指导。",  # a listed slogan
    "深入开展“五个一”主题活动。",  # a short quotation
    "学习《三十六计》精读本。",  # inside a book title
    "切实落实两个责任，",  # numeral + 个 + abstract noun
    "营造三个环境——民主、和谐、温馨的环境。",  # enumerated slogan explained after a dash
    "召开第三届职工代表大会。",  # ordinal
    "力争进入全市前三名。",  # a ranking
    "学习贯彻县第十二次党代会精神。",
    "学习公司十五次党代会精神。",  # congress ordinal without 第
    "百人以上企业要建立帮扶基金。",  # scope threshold
    "全市有女职工25名以上的企业要建立女工委员会。",
    "对（50人以上）企业开展检查。",
    "每一个会员都要参加。",  # distributive
    "每两周开展一次理论学习。",  # frequency of a recurrence
    "把帮扶作为一项重要工作来抓。",  # indefinite article
    "打造一支团结奋进的干部队伍。",
    "成熟一个，组建一个。",
    "表彰一批先进个人。",
    "从思想、组织、作风三个方面加强建设。",  # a count of kinds
    "由工会、团委、妇联三家联合举办。",  # restates the list just named
    "年内举办篮球、排球和拔河三项比赛。",  # events just listed, counted again
    "按工资总额的2%为标准计提经费。",
    "经费上缴20%为3100元。",  # a rate that sets the next amount (the amount stays)
    "预算x万元。",
    "职工调休三天。",  # a duration
])
def test_not_targets(text):
    values = [t.value for t in targets(text)]
    if "3100元" in text:
        assert values == [3100]
    else:
        assert values == []


@pytest.mark.parametrize("text", [
    "对困难职工实行一户一策。",  # a fixed 一X一Y phrase: a working rule
    "建立健全会员档案，做到一人一卡。",
    "推动一企一品特色创建。",
    "始终围绕一个中心开展工作。",  # numeral + 个/项 + abstraction
    "认真落实四项措施。",
    "明确工会小组长的两项职责。",
    "切实履行组织、宣传、服务三项职能。",  # restates the three items just listed
    "健全值班、巡查两大制度。",
    "落实学习、考勤、财务三条规定。",
])
def test_slogans_and_list_restatements_are_not_targets(text):
    assert targets(text) == []


@pytest.mark.parametrize("text,value", [
    ("全年完成四项赛事。", 4),
    ("新建3个职工服务中心。", 3),  # a centre counted, not 一个中心 of a slogan
    ("组织一次一天的集中培训。", 1),  # a count, then a time span: not 一X一Y
    ("慰问困难职工、劳模、退休职工共120人。", 120),  # a total, not the number of listed kinds
])
def test_counted_things_after_a_list_or_like_a_slogan_stay(text, value):
    assert [t.value for t in targets(text)] == [value]


def test_counts_after_xianhou_and_deadlines_stay():
    assert [t.value for t in targets("先后有193人参加培训，")] == [193]
    assert [t.value for t in targets("6月底前新建5家。")] == [5]


def test_dates_are_not_targets():
    text = "定于三月八日举办联谊会。"
    date = DateMention(text="三月八日", start=2, end=6, kind="day", months=(3, 3), day=8)
    assert targets(text, dates=(date,)) == []


def test_holiday_numeral_is_not_a_count():
    assert targets("组织好五一节文艺演出。") == []


# ----------------------------------------------------------------------------- rendering

def test_render_targets_lists_every_target():
    art = Article(source="plan.txt", index=0, title=PLAN, text="力争新建示范点5个，慰问困难职工30户。")
    art.quantities = tuple(extract_quantities(art))
    art.targets = tuple(extract_targets(art))
    table = render_targets(art)
    assert PLAN in table
    assert "示范点" in table and "30" in table and "户" in table
    assert table.count("goal") == 2


def test_render_targets_empty():
    art = Article(source="plan.txt", index=0, title="", text="加强学习。")
    assert "(no targets)" in render_targets(art)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="一二三十百万伍0123456789.%-至多余近约以上下内名家个次元期人是要将已了共现有"
                        "“”《》、，。；\n ", max_size=60))
def test_hostile_text_never_crashes_and_offsets_hold(text):
    for t in targets(text):
        assert t.status in ("goal", "achieved", "fact")
        assert t.start <= t.end


# ----------------------------------------------------------------------------- seed gold

@pytest.mark.skipif(not REFERENCE_SCORER.exists(), reason="reference scorer not present")
def test_seed_targets_score(corpus_articles, tmp_path):
    """The reference scorer's TARGETS table on the seeds: F1 and field accuracies."""
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(json.dumps(a.to_dict(), ensure_ascii=False) + "\n"
                            for a in corpus_articles), encoding="utf-8")
    out = subprocess.run([sys.executable, str(REFERENCE_SCORER), "--pred", str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    scores = json.loads(out.stdout)["targets"]
    assert scores["f1"] >= 0.92
    for field in ("unit", "comparator", "status"):
        assert scores["acc"][field] >= 0.90, field
