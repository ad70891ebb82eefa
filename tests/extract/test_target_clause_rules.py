"""Targets: status read from the clause, look-alikes that are not targets, subjects (own examples)."""

from __future__ import annotations

import pytest

from nlp.extract.quantities import extract_quantities
from nlp.extract.targets import extract_targets
from nlp.model import Article

PLAN = "2026年街道工会工作计划"
REPORT = "2025年街道工会工作总结"
MIXED = "2025年工会工作总结和2026年工作打算"


def targets(text: str, title: str = PLAN):
    art = Article(source="t", index=0, title=title, text=text)
    art.quantities = tuple(extract_quantities(art))
    found = extract_targets(art)
    for t in found:
        assert text[t.start:t.end] == t.text
    return found


def statuses(text: str, title: str = PLAN) -> list[tuple[float, str]]:
    return [(t.value, t.status) for t in targets(text, title)]


# ----------------------------------------------------------------------------- status from the clause

@pytest.mark.parametrize("title", [PLAN, REPORT, MIXED])
@pytest.mark.parametrize("text,value", [
    ("下一步力争培育星级职工之家6个。", 6),
    ("明年确保农民工入会率达到95%以上。", 95),
    ("我们将再组建行业工会3家。", 3),
    ("计划新建户外劳动者驿站10个。", 10),
    ("参训人数不少于300人。", 300),
])
def test_goal_words_decide_whatever_the_document(text, value, title):
    assert statuses(text, title) == [(value, "goal")]


@pytest.mark.parametrize("title", [PLAN, REPORT, MIXED])
@pytest.mark.parametrize("text,value", [
    ("去年已建成爱心母婴室12间。", 12),
    ("上半年为一线职工送去了清凉饮品3000箱。", 3000),
    ("两年来先后表彰五一劳动奖章获得者41人。", 41),
    ("全年实际达到了参保职工5200人。", 5200),
])
def test_achieved_words_decide_whatever_the_document(text, value, title):
    assert statuses(text, title) == [(value, "achieved")]


@pytest.mark.parametrize("title", [PLAN, REPORT, MIXED])
@pytest.mark.parametrize("text", [
    "截至目前，全街道有建会企业86家，会员4300人。",
    "截止2025年10月底，辖区内独立建会单位86家，联合工会4300人。",
    "到目前为止，园区工会共有会员4300人，其中女会员86人。",
    "目前全镇企业86家，职工4300人。",
])
def test_a_stocktaking_sentence_states_facts(text, title):
    assert [s for _v, s in statuses(text, title)] == ["fact", "fact"]


def test_stocktaking_does_not_swallow_events_held():
    # an action with its object before the count: events done up to now
    found = statuses("截至目前，共开展普法讲座7场。", REPORT)
    assert found == [(7, "achieved")]


@pytest.mark.parametrize("title", [PLAN, REPORT])
@pytest.mark.parametrize("text", [
    "检查对象以15家小作坊、4所幼儿园为主，兼顾其他场所。",
    "服务对象以300名环卫工人、120名快递员为主。",
])
def test_an_inventory_framed_by_yi_wei_zhu_is_a_fact(text, title):
    assert [s for _v, s in statuses(text, title)] == ["fact", "fact"]


def test_a_breakdown_takes_the_status_of_what_it_breaks_down():
    assert statuses("今年已培训职工800人，其中农民工300人。", PLAN) == [(800, "achieved"), (300, "achieved")]
    assert statuses("工会现有会员620名，其中女会员280名。", REPORT) == [(620, "fact"), (280, "fact")]


def test_each_part_of_a_review_with_a_plan_keeps_its_own_status():
    text = ("一、2025年工作回顾\n全年开展技能比武9场，慰问困难职工150户。\n"
            "二、2026年工作打算\n开展技能比武12场，慰问困难职工200户。\n")
    assert statuses(text, REPORT) == [(9, "achieved"), (150, "achieved"),
                                      (12, "goal"), (200, "goal")]


@pytest.mark.parametrize("text,value", [
    ("经过改造，系统响应时间从19.5s缩短到3.2s。", 3.2),
    ("职工满意度由82%提高至93%。", 93),
    ("全市入会率提高了6%。", 6),
])
def test_measured_changes_are_targets_with_their_end_value(text, value):
    found = targets(text, REPORT)
    assert [(t.value, t.status) for t in found] == [(value, "achieved")]


# ----------------------------------------------------------------------------- look-alikes

@pytest.mark.parametrize("text", [
    "作为一名工会干部，我深感责任重大。",  # a self-description
    "身为一名老党员，他带头参加。",
    "上一节课我们讨论了安全问题。",  # which lesson, not how many
    "这一次活动让大家收获很大。",
    "曾经有一次，我去车间走访。",  # an anecdote begins
    "记得有一次下大雨，大家都来帮忙。",
    "车间两位同志主动留下加班。",  # people spoken of
    "一位大姐拉着我的手说。",
    "我的感悟有两个：一是要多听，二是要多做。",  # a count of ideas
    "体会主要有三点：",
    "主要收获是三条，",
    "元旦、春节两节期间加强值班。",  # holidays counted
    "中秋、国庆两节前开展安全检查。",
    "构建“1+3+10”工作体系。",  # a coded name
    "建立1+5+20服务网络。",
    "慰问辖区80岁以上老人。",  # a threshold that defines a group
    "为14岁以下职工子女办理保险。",
    "每周对工地巡查一次。",  # a count that only repeats its period
    "每季度召开一次联席会议。",
    "页面提示此处隐藏2051个字，",  # the site's own furniture
    "现将三个文件印发给你们，请认真贯彻执行。",  # a notice's formula counts what it sends
    "现将《职工驿站管理办法》等两份方案转发给你们，请结合实际抓好落实。",
    "特将上述4项制度一并印发，请遵照执行。",
    "兹将两份材料报送你处，请审阅。",
])
def test_look_alikes_are_not_targets(text):
    assert targets(text, REPORT) == [], text


def test_documents_of_a_plan_itself_still_count():
    # without the notice formula a count of documents is a target of the plan
    assert [t.value for t in targets("将修订完善3项管理制度。", PLAN)] == [3]
    assert [t.value for t in targets("全年印发宣传材料2000份。", PLAN)] == [2000]


@pytest.mark.parametrize("text,comparator", [
    ("每年不少于一次慰问困难党员。", ">="),  # a count per period bound by a comparator
    ("至少每季度组织消防演练一次。", ">="),
    ("每年开展两次健康体检。", "="),
])
def test_counts_per_period_that_are_bound_or_above_one_stay(text, comparator):
    found = targets(text)
    assert len(found) == 1 and found[0].comparator == comparator


@pytest.mark.parametrize("text", [
    "年内组织一次义务植树活动。",  # a one-off event
    "开一次职工代表座谈会。",
])
def test_one_off_events_are_targets(text):
    assert [t.value for t in targets(text)] == [1]


# ----------------------------------------------------------------------------- subjects

@pytest.mark.parametrize("text,subject", [
    ("组织五场慰问演出，", "慰问演出"),
    ("新春期间送去五场演出，", "演出"),
    ("年内新建职工书屋八家。", "职工书屋"),
    ("力争农民工入会率达到92%。", "农民工入会率"),
    ("走访率达到100%。", "走访率"),
    ("行业联合会新增4家，", "行业联合会"),
    ("组织一次针对危化企业的专项检查。", "专项检查"),
    ("开展一次有意义的主题活动。", "主题活动"),
    ("年内免费培训失业人员120人。", "失业人员"),
    ("全年免费培训退役军人95人。", "退役军人"),
    ("教研组长不少于12节，", "教研组长"),
])
def test_subject_is_the_counted_noun_phrase(text, subject):
    found = targets(text)
    assert [t.subject for t in found] == [subject]


@pytest.mark.parametrize("text", [
    "全年共培训500人，",
    "每年不少于一次，走访慰问困难户。",
    "召开职工座谈会，全年不少于2次。",
    "为退休教师发放节日慰问金6000元，",
])
def test_every_target_has_a_subject_of_words(text):
    for t in targets(text):
        assert t.subject and len(t.subject) >= 2
        assert not any(ch in t.subject for ch in "，。；：0123456789")


@pytest.mark.parametrize("text,value", [
    ("年底工会将3000元慰问金送到困难职工手中。", 3000),  # 将 = 把, not the future
    ("将慰问金500元发放到位。", 500),
    ("将其中的20名骨干推荐到市总工会。", 20),
    ("按照计划完成培训300人。", 300),  # 计划 as the plan followed
    ("根据年度计划举办讲座8场。", 8),
])
def test_cue_words_used_otherwise_do_not_make_a_goal_in_a_review(text, value):
    assert statuses(text, REPORT) == [(value, "achieved")]


@pytest.mark.parametrize("text,value", [
    ("明年工会将新建职工之家5家。", 5),
    ("工会将继续组织培训3期。", 3),
    ("下一步计划举办讲座8场。", 8),
])
def test_the_same_words_as_plan_cues_stay_goals(text, value):
    assert statuses(text, REPORT) == [(value, "goal")]


def test_a_cumulative_figure_in_a_plan_is_a_goal():
    text = "一、总体目标\n到2027年，累计培训职工8万人次。\n"
    assert statuses(text, "职工培训三年行动方案") == [(8, "goal")]
    assert statuses("全年累计培训职工8000人次。", REPORT) == [(8000, "achieved")]


def test_an_average_that_changed_is_a_result_not_a_standing_fact():
    assert statuses("设备平均故障率从3.2%下降到1.1%。", REPORT) == [(1.1, "achieved")]
    assert statuses("系统平均响应时间从9.8s缩短到2.1s。", REPORT) == [(2.1, "achieved")]


def test_a_breakdown_with_its_own_verb_follows_the_count_before_it():
    assert statuses("组织职工体检1500人次，其中女职工专项筛查300人。", REPORT) == [
        (1500, "achieved"), (300, "achieved")]
    assert statuses("组织职工体检1500人次，其中女职工专项筛查300人。", PLAN) == [
        (1500, "goal"), (300, "goal")]


# ----------------------------------------------------------------------------- tables

def test_table_rows_that_name_what_is_counted_give_one_target_per_cell():
    text = "| 指标 | 上年 | 本年 |\n| --- | --- | --- |\n| 职工入会率 | 88.5% | 91.2% |\n"
    found = targets(text, REPORT)
    assert [(t.text, t.value, t.subject) for t in found] == [
        ("88.5%", 88.5, "职工入会率"), ("91.2%", 91.2, "职工入会率")]


@pytest.mark.parametrize("text", [
    "| 86.3 | 97.1% | 12个 |\n",
    "97.1%\n86.3%\n",
    "｜ 5家 ｜ 8% ｜\n",
])
def test_figures_of_a_data_table_with_no_words_are_not_targets(text):
    assert targets(text, REPORT) == []


def test_a_table_flattened_one_cell_per_line_keeps_labelled_figures():
    found = targets("指标\n本年\n职工入会率\n91.2%\n新建工会\n12家\n", REPORT)
    assert [(t.value, t.subject) for t in found] == [(91.2, "职工入会率"), (12, "工会")]


@pytest.mark.parametrize("text", [
    "举办线上一场直播讲座。",  # 线上 is a locative, the count stays
    "周五晚上一场露天电影。",
])
def test_locatives_ending_in_shang_do_not_make_a_demonstrative(text):
    assert [t.value for t in targets(text)] == [1]


def test_study_notes_and_code_have_no_targets_but_a_log_keeps_its_results():
    text = "今天学习了第三章，书中提到全国有职工3.9亿人，感触很深。"
    assert targets(text, "读书笔记") == []
    log = "\n".join(f"2025-04-{d:02d} 走访企业{d}家，慰问职工12人。" for d in range(1, 8))
    assert len(targets(log, "")) == 14


# ----------------------------------------------------------------------------- 已 inside a noun phrase

@pytest.mark.parametrize("text,value", [
    ("已建会企业职代会建制率稳定在95%以上。", 95),
    ("督促已建会单位厂务公开率保持在90%以上。", 90),
    ("推动已组建工会的非公企业开展工资集体协商120家。", 120),
    ("对已入会的快递员开展技能培训600人次。", 600),
    ("已签订的集体合同覆盖职工不少于3000人。", 3000),
])
def test_already_describing_a_noun_is_no_achieved_cue_in_a_plan(text, value):
    assert statuses(text, PLAN) == [(value, "goal")]


@pytest.mark.parametrize("text,value", [
    ("今年已建成职工书屋12家。", 12),
    ("工会已经新建职工之家8家。", 8),
    ("已组织职工参加技能培训300人次。", 300),
])
def test_already_before_the_clause_verb_stays_achieved(text, value):
    assert statuses(text, REPORT) == [(value, "achieved")]
    assert statuses(text, PLAN) == [(value, "achieved")]


# ----------------------------------------------------------------------------- promised rewards

@pytest.mark.parametrize("text,value", [
    ("对获得一等奖的班组给予2000元奖励。", 2000),
    ("对评为优秀的职工书屋给予3000～5000元奖励。", None),
    ("凡已完成培训的学员发放补贴300元。", 300),
    ("对获评市级劳模的职工，给予一次性奖励1万元。", 1),
])
def test_a_reward_promised_in_a_plan_is_a_goal_whatever_its_condition_says(text, value):
    assert statuses(text, PLAN) == [(value, "goal")]
    assert statuses(text, REPORT) == [(value, "achieved")]
