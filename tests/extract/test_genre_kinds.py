"""Genre beyond plan and summary: reviews that also plan (mixed), and texts that are no plan (own examples)."""

from __future__ import annotations

import pytest

from nlp.extract.genre import classify_genre
from nlp.extract.genre_kinds import not_a_plan, plan_parts, reviews_and_plans
from nlp.model import Article

REVIEW = ("今年以来，我们已完成职工之家建设8家，累计慰问困难职工320户，取得了较好成绩。"
          "全年共举办培训班6期，培训工会干部400人次。")


@pytest.mark.parametrize("title", [
    "镇总工会2025年工作总结和2026年工作计划",
    "社区工会工作总结及明年工作打算",
    "2025年工作回顾暨2026年工作思路",
    "学校工会上半年工作总结与下半年工作安排",
])
def test_titles_naming_a_review_and_the_next_plan(title):
    assert reviews_and_plans(title)
    art = Article(source="t", index=0, title=title, text=REVIEW)
    assert classify_genre(art)[0] == "mixed"


@pytest.mark.parametrize("title", [
    "工会工作计划与总结篇三",  # a compilation's habit: the plan named first
    "2025年上半年工作总结",
    "2026年工会工作计划",
])
def test_titles_that_name_one_kind(title):
    assert not reviews_and_plans(title)


@pytest.mark.parametrize("heading", [
    "二、2026年工作打算",
    "### 下一步工作思路",
    "（三）明年工作计划：",
    "四、下半年重点工作安排",
])
def test_a_review_with_a_part_headed_by_the_next_plan_is_mixed(heading):
    text = f"一、主要工作\n{REVIEW}\n{heading}\n力争新建职工之家10家。\n"
    parts = plan_parts(text)
    assert parts and text[parts[0][0]:].lstrip(" #").startswith(heading.lstrip(" #")[:2])
    art = Article(source="t", index=0, title="街道工会工作总结", text=text)
    assert classify_genre(art)[0] == "mixed"


@pytest.mark.parametrize("heading", [
    "二、明年机关工会工作计划",
    "三、下一年度全县重点工作安排",
    "（二）2026年女职工委员会工作设想",
    "四、来年社区党建主要工作打算",
    "二、明年我们的工作思路",
])
def test_any_short_scope_may_stand_between_the_period_and_the_plan_noun(heading):
    text = f"一、主要工作\n{REVIEW}\n{heading}\n力争新建职工之家10家。\n"
    assert plan_parts(text)


@pytest.mark.parametrize("line", [
    "二、明年将继续完成计划",  # a verb of a sentence, not a scope
    "明年要认真执行年度计划。",
])
def test_a_sentence_or_a_long_topic_is_no_plan_part_heading(line):
    text = f"一、主要工作\n{REVIEW}\n{line}\n"
    assert plan_parts(text) == []


def test_a_plan_with_a_schedule_heading_stays_a_plan():
    text = "一、指导思想\n认真贯彻上级精神，力争全年新建工会10家，要做好各项工作。\n二、2026年工作安排\n将举办培训3期。\n"
    art = Article(source="t", index=0, title="2026年工会工作计划", text=text)
    assert classify_genre(art)[0] == "plan"


@pytest.mark.parametrize("title,kind", [
    ("读书笔记：《工会法》学习", "notes"),
    ("党史学习笔记", "notes"),
    ("三月份工作日志", "log"),
    ("工会委员会会议纪要", "minutes"),
    ("第三次全委会会议记录", "minutes"),
])
def test_titles_of_what_is_no_plan(title, kind):
    found = not_a_plan("今天学习了有关内容，很受启发。", title)
    assert found is not None and found.kind == kind
    art = Article(source="t", index=0, title=title, text="今天学习了有关内容，很受启发。")
    genre, cues = classify_genre(art)
    assert genre == "other" and cues["not_a_plan"]


def test_a_work_log_by_its_dated_lines():
    text = "\n".join(f"2025-03-{d:02d} 走访车间，记录职工诉求{d}条。" for d in range(3, 10))
    found = not_a_plan(text, "")
    assert found is not None and found.kind == "log" and "7 of 7" in found.reason


def test_a_log_with_month_day_lines():
    text = "\n".join(f"3月{d}日 星期{'一二三四五六日'[d % 7]}：整理会员档案。" for d in range(1, 8))
    assert not_a_plan(text, "").kind == "log"


def test_code_is_no_plan():
    text = "import os\nfrom pathlib import Path\n\ndef main():\n    x = 1\n    return x\n\nif x:\n    y = 2\n}\n"
    found = not_a_plan(text, "")
    assert found is not None and found.kind == "code"


def test_minutes_by_their_fields():
    text = "时间：3月5日\n地点：会议室\n主持人：王主席\n记录人：李干事\n参会人员：全体委员\n会议研究了换届事宜。"
    assert not_a_plan(text, "").kind == "minutes"


@pytest.mark.parametrize("title,text", [
    ("2026年工会工作计划", "3月5日 植树\n3月8日 妇女节活动\n4月1日 春游\n5月1日 劳动节\n6月1日 儿童节\n"),
    ("", "时间：3月5日\n地点：操场\n负责人：体育组\n参加人员：全体教师\n"),
    ("", "一、指导思想\n二、工作目标\n力争新建工会10家。\n"),
])
def test_plans_and_schedules_are_not_taken_for_logs_or_minutes(title, text):
    assert not_a_plan(text, title) is None


def test_a_programme_of_milestones_without_future_words_is_a_plan():
    text = ("一、总体目标\n到2027年，全区建成职工驿站300个，累计培训职工8万人次。\n"
            "二、主要任务\n2025年底前，各街道新建驿站不少于10个；6月底前完成摸底。\n"
            "三、保障措施\n区财政安排资金500万元。\n")
    art = Article(source="t", index=0, title="关于印发职工驿站建设实施方案的通知", text=text)
    assert classify_genre(art)[0] == "plan"


def test_programme_headings_inside_a_sentence_do_not_frame_a_plan():
    text = ("今年以来，我们已完成了工作目标，取得了较好成绩。全年共举办培训8期，慰问职工200人。"
            "先后组织了演讲比赛和知识竞赛。")
    art = Article(source="t", index=0, title="工会工作总结", text=text)
    assert classify_genre(art)[0] == "summary"


@pytest.mark.parametrize("heading", [
    "三、2025年工作计划完成情况",  # the plan reviewed, not the next one
    "二、2025年重点工作安排",  # the year under review
])
def test_review_headings_that_name_a_plan_are_not_plan_parts(heading):
    text = f"2025年，我们完成了各项任务。\n一、主要工作\n{REVIEW}\n{heading}\n全年新建职工之家8家。\n"
    assert plan_parts(text) == []


# ----------------------------------------------------------------------------- org type cues

def test_a_residents_committee_is_other():
    from nlp.extract.genre import classify_org_type
    text = "社区居委会将组织居民开展文明楼院评比，网格员每周走访居民家庭，为居民办实事。"
    assert classify_org_type(Article(source="t", index=0, title="社区工作计划", text=text))[0] == "other"


@pytest.mark.parametrize("title,text", [
    ("防汛隐患排查方案", "镇里每月组织一次隐患排查，机关干部分片包干，督促经营主体落实生产安全措施。"),
    ("消防安全巡查安排", "乡政府牵头开展消防巡查，督促沿街商户规范经营，员工上岗前接受消防培训。"),
    ("食品安全专项整治计划", "区委统一部署，相关科室联合开展检查，对生产经营单位逐户登记。"),
])
def test_a_local_administrations_inspection_plan_is_government(title, text):
    # no 工会 anywhere: no federation, and topic words (生产, 经营, 员工) make no enterprise
    from nlp.extract.genre import classify_org_type
    assert classify_org_type(Article(source="t", index=0, title=title, text=text))[0] == "government"


@pytest.mark.parametrize(("title", "text"), [
    ("2026年职工健康服务行动方案",
     "为增强职工体质，制定本方案。\n一、目标任务\n全年举办健康讲座12场，建成健康小屋30个以上。\n"
     "二、主要措施\n（一）开展体检。依托定点医院，组织职工年度体检。\n"
     "三、工作要求\n各单位于12月底前将年度工作总结报送县总工会。\n"),
    ("附件2 职工书屋建设推进计划",
     "## 一、重点任务\n力争新建职工书屋15家，配送图书5000册。\n## 二、实施步骤\n"
     "3月启动摸底，6月完成建设。请各单位把工作总结和取得的成绩材料按时报送。\n"),
    ("农民工技能提升工程",
     "**目标任务**\n确保培训农民工3000人次，取得证书的比例达到60%。\n**保障措施**\n"
     "各镇要落实经费，年底前报送工作总结。\n"),
])
def test_a_programme_with_forward_parts_and_goals_is_a_plan(title, text):
    art = Article(source="t", index=0, title=title, text=text)
    assert classify_genre(art)[0] == "plan"


def test_a_review_titled_as_such_keeps_its_genre_despite_a_measures_heading():
    text = ("一、主要措施\n今年以来，我们已完成职工之家建设8家，取得了较好成绩。\n"
            "二、实施步骤回顾\n全年共举办培训班6期，培训工会干部400人次，先后组织了演讲比赛。\n")
    art = Article(source="t", index=0, title="街道工会2025年工作总结", text=text)
    assert classify_genre(art)[0] == "summary"


@pytest.mark.parametrize("heading", [
    "## 三、下一步工作",
    "**二、下一步工作**",
    "四、今后工作",
    "二、2026年工作重点",
    "**三、2026年重点任务**",
    "## 二、2026年工作打算",
])
def test_markdown_and_next_step_headings_open_a_plan_part(heading):
    text = f"2025年，我们完成了各项任务。\n一、主要工作\n{REVIEW}\n{heading}\n力争新建职工之家10家。\n"
    parts = plan_parts(text)
    assert parts and text[parts[0][0]:].startswith(heading)


def test_a_year_named_as_a_target_column_is_not_the_year_reviewed():
    text = (f"2025年，我们完成了各项任务。\n{REVIEW}\n指标 | 2025年完成 | 2026年目标\n"
            "入会职工（人） | 800 | 900\n三、2026年工作计划\n力争新建职工之家10家。\n")
    assert plan_parts(text)


@pytest.mark.parametrize("text,value", [
    ("新建职工驿站15个。", 15),
    ("全年组织劳模宣讲6场。", 6),
    ("举办女职工素质提升培训3期。", 3),
])
def test_counts_under_a_next_step_heading_are_goals(text, value):
    from nlp.extract.quantities import extract_quantities
    from nlp.extract.targets import extract_targets
    body = f"2025年，我们完成了各项任务。\n一、主要工作\n{REVIEW}\n**二、下一步工作**\n{text}\n"
    art = Article(source="t", index=0, title="街道工会2025年工作总结", text=body)
    art.quantities = tuple(extract_quantities(art))
    found = [t for t in extract_targets(art) if t.start > body.index("下一步")]
    assert [(t.value, t.status) for t in found] == [(value, "goal")]
