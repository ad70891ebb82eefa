"""Outline extractor: one test per heading pattern (own sentences), levels, run-in cuts,
section tree, properties on any text, and heading accuracy on the seed corpus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.extract.outline import (
    build_sections,
    cn_number,
    extract_headings,
    outline_flags,
    parse_marker,
    render_outline,
    section_path,
)
from nlp.model import Article, LineMark

ROOT = Path(__file__).resolve().parents[2]


def art(text: str, marks: tuple[LineMark, ...] = ()) -> Article:
    a = Article(source="t.txt", index=0, title="", text=text, line_marks=marks)
    a.headings = tuple(extract_headings(a))
    a.sections = build_sections(a)
    return a


def heads(text: str, marks: tuple[LineMark, ...] = ()) -> list[tuple[int, str, str]]:
    return [(h.level, h.marker, h.text) for h in art(text, marks).headings]


BODY = "全体职工积极参与，效果良好。"


# --------------------------------------------------------------------------- numbered styles


@pytest.mark.parametrize("marker", ["一、", "一.", "一．", "十一、"])
def test_chinese_numeral_marker(marker):
    assert heads(f"前言段落。\n{marker}健全职工小家\n{BODY}") == [(1, marker, "健全职工小家")]


@pytest.mark.parametrize("marker", ["（三）", "(三)", "（三）、"])
def test_bracketed_chinese_marker(marker):
    assert heads(f"{marker}办好职工食堂。{BODY}") == [(1, marker, "办好职工食堂")]


@pytest.mark.parametrize("marker", ["2、", "2.", "2．", "2。", "12、"])
def test_arabic_marker(marker):
    assert heads(f"{marker}修订考勤制度\n{BODY}") == [(1, marker, "修订考勤制度")]


def test_arabic_marker_with_space_and_year_after():
    assert heads("1. 2024年度会员登记\n" + BODY) == [(1, "1.", "2024年度会员登记")]


@pytest.mark.parametrize("marker", ["（4）", "(4)", "4)", "4）", "⑷", "④"])
def test_bracketed_and_circled_arabic(marker):
    assert heads(f"{marker}更新图书角藏书；{BODY}") == [(1, marker, "更新图书角藏书")]


def test_di_marker():
    assert heads("第二，抓好安全生产。班组每周自查一次。") == [(1, "第二，", "抓好安全生产")]


def test_chapter_and_decimal_markers_nest():
    text = "第一部分 年度目标\n1.1 会员发展\n新增会员五十名。\n1.2 阵地建设\n改造活动室。"
    assert heads(text) == [(1, "第一部分", "年度目标"), (2, "1.1", "会员发展"), (2, "1.2", "阵地建设")]


def test_decimal_numbers_must_continue_the_outline():
    text = "1.组织建设\n1.1 发展会员\n1.2 规范选举\n2.文体活动\n2.1 运动会\n2.1.1 田径\n5.1 劳动节慰问一线职工。"
    assert [(lv, m) for lv, m, _ in heads(text)] == [
        (1, "1."), (2, "1.1"), (2, "1.2"), (1, "2."), (2, "2.1"), (3, "2.1.1")]


def test_chinese_numeral_with_half_bracket():
    assert heads("一）组织保障\n成立领导小组。\n二）经费保障\n专款专用。") == [
        (1, "一）", "组织保障"), (1, "二）", "经费保障")]


def test_markdown_numbered_line_keeps_style_level():
    # "### 2. 四月" normalized to "2. 四月" with a LineMark: the level comes from the style.
    text = "一、月度安排\n2. 四月\n组织春季徒步。\n3. 五月\n举办歌咏比赛。"
    marks = (LineMark(text.index("2. "), "heading", "### "), LineMark(text.index("3. "), "heading", "### "))
    assert heads(text, marks) == [(1, "一、", "月度安排"), (2, "2.", "四月"), (2, "3.", "五月")]


def test_marker_after_leftover_bullet():
    a = art("- 1、走访困难会员\n- 2、发放慰问品")
    assert [(h.marker, h.text) for h in a.headings] == [("1、", "走访困难会员"), ("2、", "发放慰问品")]
    assert a.text[a.headings[0].start:].startswith("1、")


def test_heading_text_stops_at_colon_and_semicolon():
    assert heads("一、总体目标：实现会员全覆盖。\n二、具体做法；分三步走。") == [
        (1, "一、", "总体目标"), (1, "二、", "具体做法")]


def test_heading_text_capped_at_40_chars():
    long_text = "围绕学校中心工作积极组织广大教职工参加各类业务培训与技能竞赛活动不断提升教职工队伍整体素质和服务水平"
    (level, marker, text), = heads(f"一、{long_text}。")
    assert len(text) == 40 and long_text.startswith(text)


# --------------------------------------------------------------------------- not headings


@pytest.mark.parametrize("line", [
    "1.5万人次参加了健步走活动。",
    "5.1服务卡已发放到每位会员手中。",
    "2017.全年共举办讲座六场。",
    "1—2期骨干培训班在下半年举办。",
    "一、二月份走访退休职工。",
    "3、4月份开展植树活动。",
    "十二五期间工会组织覆盖面扩大。",
])
def test_numbers_inside_sentences_are_not_markers(line):
    assert heads(f"去年工作回顾。\n{line}\n下一步继续努力。") == []


def test_yishi_run_inside_a_paragraph_is_not_a_heading():
    text = "本年度重点抓好三件事：一是完善会员档案。二是规范经费使用，按季度公开账目。三是办好职工书屋。"
    assert heads(text) == []


def test_long_yishi_line_with_body_is_not_a_heading():
    text = "主要做法如下。\n一是领导带头。每月召开一次工会委员会议，研究部署重点工作，落实责任到人。\n二是制度保障。"
    assert [m for _, m, _ in heads(text)] == []


def test_leadin_sentence_is_not_a_title():
    text = "今年工会将突出重点。\n\n主要工作如下：\n\n一、建强组织\n" + BODY
    assert heads(text) == [(1, "一、", "建强组织")]


def test_title_ending_with_full_stop_is_not_a_heading():
    text = "上半年回顾。\n\n职工满意度稳步提升。\n\n下半年继续推进民主管理。"
    assert heads(text) == []


def test_signature_lines_are_not_titles():
    text = "以上计划请各分会遵照执行。\n\n城东实验小学工会\n\n二〇二四年二月二十日"
    assert heads(text) == []


@pytest.mark.parametrize("text", [
    "全年工作安排如上。\n\n以上计划，请各分会遵照执行\n\n城东实验小学工会\n\n2024年2月",
    "安全工作常抓不懈。\n\n安全第一\n预防为主\n综合治理\n\n各班组要落实责任。",
])
def test_short_lines_without_a_block_below_are_not_titles(text):
    assert heads(text) == []


def test_paragraph_enumeration_with_semicolons_is_not_outline():
    text = "会议议程如下：(1)听取工作报告；(2)审议经费预算；(3)选举代表。"
    assert heads(text) == []


# --------------------------------------------------------------------------- unnumbered titles


def test_unnumbered_titles_head_blocks():
    text = ("各分会要认真组织。\n\n宣传重点\n\n围绕安全生产开展宣传。\n\n"
            "活动安排及经费预算\n\n全年预算三万元。")
    assert heads(text) == [(1, "", "宣传重点"), (1, "", "活动安排及经费预算")]


def test_section_name_on_the_first_line_is_a_title_but_a_subtitle_is_not():
    assert heads("指导思想\n以服务职工为中心。\n工作目标\n建成职工之家。") == [
        (1, "", "指导思想"), (1, "", "工作目标")]
    assert heads("城南街道社区工会\n现将计划报告如下。") == []


def test_bracketed_title():
    assert heads("会议召开前做好准备。\n【活动目的】\n增强团队凝聚力。") == [(1, "", "活动目的")]


def test_month_titles_nest_under_a_block_title_and_lists_under_them():
    text = ("分会将按月落实。\n\n具体安排\n\n3月春风送岗位\n\n1. 召开招聘会\n2. 走访企业\n\n"
            "4月健康月\n\n1、组织体检\n2. 健康讲座")
    assert heads(text) == [
        (1, "", "具体安排"), (2, "", "3月春风送岗位"), (3, "1.", "召开招聘会"), (3, "2.", "走访企业"),
        (2, "", "4月健康月"), (3, "1、", "组织体检"), (3, "2.", "健康讲座")]


def test_colon_month_title_opens_a_list():
    text = "1、完善制度。\n2、健全台账。\n\n三月份：\n\n1、召开会员大会\n2、慰问女职工"
    assert heads(text) == [(1, "1、", "完善制度"), (1, "2、", "健全台账"), (1, "", "三月份"),
                           (2, "1、", "召开会员大会"), (2, "2、", "慰问女职工")]


def test_top_enumerator_after_a_block_title_is_its_sibling():
    text = "前言已述。\n\n实施方案\n\n一、成立专班\n1、明确分工\n二、分步推进\n" + BODY
    assert heads(text) == [(1, "", "实施方案"), (1, "一、", "成立专班"), (2, "1、", "明确分工"),
                           (1, "二、", "分步推进")]


def test_schedule_lines_with_content_after_colon_are_not_titles():
    text = "三、活动安排\n\n三月份：开展义务植树。\n\n四月份：组织春游。\n\n五月份：参加运动会。"
    assert heads(text) == [(1, "三、", "活动安排")]


def test_short_body_line_under_a_numbered_heading_is_not_a_title():
    text = "一、工作目标\n\n争创模范职工之家\n\n二、主要措施\n" + BODY
    assert heads(text) == [(1, "一、", "工作目标"), (1, "二、", "主要措施")]


def test_month_titles_right_under_a_section_title_nest_in_it():
    text = "三、主要措施\n1.抓学习\n四、月工作安排\n九月份\n1.召开教代会\n2.庆祝教师节\n十月份\n1.趣味运动会"
    assert [lv for lv, _, _ in heads(text)] == [1, 2, 1, 2, 3, 3, 2, 3]


def test_title_after_a_list_item_needs_a_title_head_word():
    text = ("二、活动地点\n学校操场\n\n活动内容\n1、清扫校园\n2、走访老人\n\n注意事项\n各组注意安全。")
    assert heads(text) == [(1, "二、", "活动地点"), (1, "", "活动内容"), (2, "1、", "清扫校园"),
                           (2, "2、", "走访老人"), (1, "", "注意事项")]


def test_markdown_bold_lines():
    text = "前言。\n**一、工作目标**\n建成职工驿站。\n**保障措施**\n落实专项经费。"
    assert heads(text) == [(1, "一、", "工作目标"), (1, "", "保障措施")]


def test_runs_of_short_lines_are_a_table_not_titles():
    text = "附表如下。\n\n时间\n\n地点\n\n负责人\n\n人数\n\n备注说明文字。"
    assert heads(text) == []


# --------------------------------------------------------------------------- 一是 lines


def test_standalone_yishi_lines_are_headings():
    text = ("三、实施步骤\n整个活动分两个阶段：\n一是宣传发动阶段(5月)。\n召开动员会，印发方案。\n"
            "二是总结表彰阶段(11月)。\n评选先进集体。")
    assert heads(text) == [(1, "三、", "实施步骤"), (2, "一是", "宣传发动阶段(5月)"),
                           (2, "二是", "总结表彰阶段(11月)")]


# --------------------------------------------------------------------------- run-in text


def test_run_in_headings_in_one_line_text():
    text = ("为把各项工作落到实处，特拟定以下计划:一、健全组织网络,增强服务能力二、丰富文体活动,"
            "凝聚职工力量今年我们将举办三场比赛。三、关心职工生活,落实帮扶措施对困难职工建档立卡。")
    hs = art(text).headings
    assert [(h.marker, h.text) for h in hs] == [
        ("一、", "健全组织网络,增强服务能力"), ("二、", "丰富文体活动,凝聚职工力量"),
        ("三、", "关心职工生活,落实帮扶措施对困难职工建档立卡")]
    assert all(h.run_in for h in hs)


def test_run_in_nested_lists_after_heading_colon():
    text = ("二、重点任务:(一)抓学习,提素质。1、组织读书会。2、开展岗位练兵。"
            "(二)抓服务,暖人心。1、走访慰问。2、开展义诊。")
    assert heads(text) == [
        (1, "二、", "重点任务"), (2, "(一)", "抓学习,提素质"), (3, "1、", "组织读书会"),
        (3, "2、", "开展岗位练兵"), (2, "(二)", "抓服务,暖人心"), (3, "1、", "走访慰问"),
        (3, "2、", "开展义诊")]


def test_run_in_title_before_a_list():
    text = "新学期即将开始,为做好各项工作。具体措施一、加强师德培训二、完善考核办法。"
    assert heads(text) == [(1, "", "具体措施"), (1, "一、", "加强师德培训"), (1, "二、", "完善考核办法")]


def test_one_line_text_with_its_title_glued_before_the_first_item():
    text = "街道工会年度计划一、指导思想以服务职工为中心。二、工作目标:新建工会三家。"
    assert [(m, t) for _, m, t in heads(text)] == [("一、", "指导思想"), ("二、", "工作目标")]


def test_numeral_inside_a_word_is_not_a_marker():
    text = "一、建立制度。要建立统一、规范的台账。二、强化监督。各分会之一、二…"
    assert [(m, t) for _, m, t in heads(text)] == [("一、", "建立制度"), ("二、", "强化监督")]


def test_leadin_before_a_glued_list_is_not_a_title():
    text = "为做好工作。特制订如下计划一、健全制度二、加强考核。"
    assert heads(text) == [(1, "一、", "健全制度"), (1, "二、", "加强考核")]


def test_lost_line_break_continues_a_list():
    text = "（一）加强理论学习。每周五集中学习。（二）完善帮扶机制,建立困难职工档案。\n" + BODY
    assert [(m, t) for _, m, t in heads(text)] == [
        ("（一）", "加强理论学习"), ("（二）", "完善帮扶机制,建立困难职工档案")]


@pytest.mark.parametrize("line, expected", [
    ("一、稳固基础,推进全员入会坚持“应建尽建”的原则,扩大覆盖面。", "稳固基础,推进全员入会"),
    ("一、凝聚合力,维护职工权益维护职工权益是工会的首要职责。", "凝聚合力,维护职工权益"),
    ("一、会员的管理管理工作要做到规范有序,档案齐全。", "会员的管理"),
    ("一、开展技能比武,提高岗位本领各级工会要精心组织,广泛发动。", "开展技能比武,提高岗位本领"),
    ("一、丰富业余生活以传统节日为载体组织各类活动。", "丰富业余生活"),
    ("一、强化服务意识,打造职工之家由于会员增多,服务压力加大。", "强化服务意识,打造职工之家"),
    ("一、指导思想在上级工会的领导下,坚持服务大局。", "指导思想"),
    ("一、严格财务管理 各分会要按季度报送收支明细表,接受审查监督。", "严格财务管理"),
])
def test_heading_run_into_body_is_cut_where_body_begins(line, expected):
    h, = art("前言。\n" + line).headings
    assert h.text == expected and h.run_in


@pytest.mark.parametrize("line", [
    "1、我校工会要切实履行好维护职能,在教育改革中维护教职工的权益。",
    "2、坚持培训和考核相结合,先培训后上岗。",
    "3、两级工会干部要自觉成为学习的表率。",
    "4、重视工会宣传和工会台帐资料的建立健全工作。",
    "5、组织有关教师参加市城乡教师牵手工程培训活动。",
])
def test_ordinary_long_headings_are_not_cut(line):
    h, = art("前言。\n" + line).headings
    assert h.text == line[2:-1].split(",")[0] or h.text == line[2:-1]
    assert not h.run_in


LEAD = "为做好本年度工作，结合实际，制定计划如下："


@pytest.mark.parametrize("body, expected", [
    # a time word opens the body: season, recurring, a list of holidays
    ("一、完善会员档案管理年内完成全部会员信息录入，做到一人一卡。二、开展职工技能比武下半年举办焊工、"
     "电工两个工种的比赛。", ["完善会员档案管理", "开展职工技能比武"]),
    ("一、关爱一线职工健康每季度组织一次免费体检，建立健康档案。二、做好女职工特殊保护“三八”、"
     "母亲节前后举办健康讲座。", ["关爱一线职工健康", "做好女职工特殊保护"]),
    # an adverb before a verb opens the body
    ("一、规范财务收支管理认真执行工会经费预算制度，做到专款专用。二、加强职工书屋建设积极争取上级"
     "工会配送图书。", ["规范财务收支管理", "加强职工书屋建设"]),
    # a preposition phrase opens the body
    ("一、深化厂务公开工作在各车间班组中普遍推行公开栏制度，接受职工监督。二、落实劳动保护监督对新"
     "入职员工开展岗前安全培训。", ["深化厂务公开工作", "落实劳动保护监督"]),
])
def test_run_in_body_opened_by_a_time_word_adverb_or_preposition(body, expected):
    hs = art(LEAD + body).headings
    assert [h.text for h in hs] == expected and all(h.run_in for h in hs)


@pytest.mark.parametrize("body, first", [
    # an adverb after a pivot verb's object, or after a slogan numeral, belongs to the heading
    ("一、组织全体会员深入学习工会章程，提高会员意识。二、开展教学五认真评比活动，促进教学质量提升。",
     "组织全体会员深入学习工会章程，提高会员意识"),
    # dates that modify a noun of the heading
    ("一、继续抓好“三八”和“五一”等节日的慰问安排，让职工感受温暖。二、完善制度。",
     "继续抓好“三八”和“五一”等节日的慰问安排，让职工感受温暖"),
    # a preposition phrase inside a noun phrase, or the complement of a verb
    ("一、发挥工会在企业民主管理中的作用，推行职代会制度。二、完善制度。",
     "发挥工会在企业民主管理中的作用，推行职代会制度"),
    ("一、合理使用工会经费安排在职工活动上，做到收支平衡。二、完善制度。",
     "合理使用工会经费安排在职工活动上，做到收支平衡"),
])
def test_run_in_heading_phrases_that_hold_such_words_are_not_cut(body, first):
    assert art(LEAD + body).headings[0].text == first


def test_clause_cues_do_not_cut_a_heading_that_opens_its_line():
    line = "一、组建职工文体协会年内发展会员一百名以上并定期开展活动，丰富职工的业余生活"
    h, = art("前言。\n" + line).headings
    assert h.text == line[2:2 + 40] and not h.run_in


def test_marker_glued_to_a_month_continues_the_list():
    text = ("四、丰富文体生活\n1.春节前组织送春联活动。\n2.6月举办职工篮球赛，各分会组队参加。\n"
            "3.下半年举办读书月活动。")
    a = art(text)
    assert [(h.level, h.marker, h.text) for h in a.headings] == [
        (1, "四、", "丰富文体生活"), (2, "1.", "春节前组织送春联活动"),
        (2, "2.", "6月举办职工篮球赛，各分会组队参加"), (2, "3.", "下半年举办读书月活动")]
    assert [f.text for f in outline_flags(a) if f.text != "四、"] == []


@pytest.mark.parametrize("text, expected", [
    # item 1 glued to a month, confirmed by item 2 on the next line; a day and a year too
    ("1.10月举办职工篮球赛。\n2.组织读书活动。", [("1.", "10月举办职工篮球赛"), ("2.", "组织读书活动")]),
    ("1.召开动员会。\n2.15日前上报名单。", [("1.", "召开动员会"), ("2.", "15日前上报名单")]),
    ("1.总结去年工作。\n2.2025年工作打算。", [("1.", "总结去年工作"), ("2.", "2025年工作打算")]),
])
def test_marker_glued_to_a_date(text, expected):
    assert [(m, t) for _, m, t in heads(text)] == expected


@pytest.mark.parametrize("text", [
    "1.组织学习。\n2.5万元用于慰问困难职工。",  # a decimal amount, no date after the digits
    "1.组织学习。\n3.5月举办运动会。",  # 3 does not follow 1
    "全年产值增长。\n2.5月份以来产量提高。",  # no list to continue
    "1.组织学习。\n2.5个月内完成培训。",  # a decimal duration
])
def test_dotted_number_that_is_no_enumerator(text):
    assert [m for _, m, _ in heads(text)] in ([], ["1."])


# --------------------------------------------------------------------------- levels and flags


def test_skipped_style_nests_one_level_down():
    text = "一、指导思想\n" + BODY + "\n二、主要工作\n1.抓组织\n2.抓活动\n三、保障措施\n" + BODY
    assert [lv for lv, _, _ in heads(text)] == [1, 1, 2, 2, 1]


def test_levels_follow_article_nesting_not_canonical_ranks():
    text = "(一)组织建设\n1、发展会员\n(二)文化建设\n1、建设书屋"
    assert heads(text) == [(1, "(一)", "组织建设"), (2, "1、", "发展会员"),
                           (1, "(二)", "文化建设"), (2, "1、", "建设书屋")]


def test_style_already_open_returns_to_its_level():
    text = "一、甲项\n（一）乙项\n1、丙项\n（1）丁项\n（二）戊项\n二、己项"
    assert [lv for lv, _, _ in heads(text)] == [1, 2, 3, 4, 2, 1]


def test_restarting_numbering_is_not_a_gap():
    a = art("一、上半年\n1、甲\n2、乙\n二、下半年\n1、丙\n2、丁\n3、戊")
    assert [h.level for h in a.headings] == [1, 2, 2, 1, 2, 2, 2]
    assert outline_flags(a) == []


def test_numbering_gap_is_flagged():
    a = art("\n".join(f"{n}.第{n}项工作" for n in (1, 2, 3, 4, 5, 7)))
    flags = outline_flags(a)
    assert [(f.kind, f.text) for f in flags] == [("numbering_gap", "7.")]
    assert a.text[flags[0].start:flags[0].end] == "7."


def test_numbering_continued_across_parents_is_not_a_gap_but_a_skip_is():
    a = art("（一）甲类\n1、甲一\n2、甲二\n（二）乙类\n3、乙一\n5、乙二")
    assert [f.text for f in outline_flags(a)] == ["5、"]
    b = art("（一）甲类\n1、甲一\n2、甲二\n（二）乙类\n4、乙一")
    assert [f.text for f in outline_flags(b)] == ["4、"]


def test_lost_first_top_item_puts_its_children_one_level_down():
    text = "(一)目标责任落实\n(二)考核办法落实\n二、基础工作\n(一)队伍建设\n(二)阵地建设"
    a = art(text)
    assert [h.level for h in a.headings] == [2, 2, 1, 2, 2]
    assert [f.text for f in outline_flags(a)] == ["二、"]


def test_markdown_level_marks_do_not_decide_levels():
    text = "1、思想建设\n(1)学习\n2、组织建设\n(1)发展"
    marks = (LineMark(0, "heading", "### "), LineMark(text.index("2、"), "heading", "## "))
    assert [h.level for h in art(text, marks).headings] == [1, 2, 1, 2]


# --------------------------------------------------------------------------- tree, paths, render


TREE_TEXT = "引言。\n一、组织建设\n甲。\n1、发展会员\n乙。\n2、规范管理\n丙。\n二、文体活动\n丁。"


def test_sections_own_text_up_to_next_same_or_higher_heading():
    a = art(TREE_TEXT)
    top = a.sections
    assert [s.heading for s in top] == [0, 3]
    assert a.text[top[0].start:top[0].end].startswith("一、组织建设") and top[0].end == a.headings[3].start
    assert [c.heading for c in top[0].children] == [1, 2]
    assert top[0].children[1].end == a.headings[3].start and top[1].end == len(a.text)


def test_section_path_of_offsets():
    a = art(TREE_TEXT)
    assert section_path(a, 0) == ()
    assert section_path(a, a.text.index("乙")) == ("组织建设", "发展会员")
    assert section_path(a, a.text.index("丙")) == ("组织建设", "规范管理")
    assert section_path(a, a.text.index("丁")) == ("文体活动",)


def test_render_outline_indents_two_spaces_per_level():
    assert render_outline(art(TREE_TEXT)) == "一、组织建设\n  1、发展会员\n  2、规范管理\n二、文体活动"


def test_parse_marker_and_numerals():
    assert parse_marker("（二）、") == ("pcn", 2)
    assert parse_marker("12.") == ("ar", 12)
    assert parse_marker("三是") == ("shi", 3)
    assert parse_marker("") is None
    assert [cn_number(s) for s in ("十", "十二", "二十", "三十五", "十二五", "")] == [10, 12, 20, 35, None, None]


# --------------------------------------------------------------------------- properties

PIECES = st.sampled_from([
    "一、", "二、", "（一）", "(二)", "1、", "2.", "3。", "(1)", "2)", "①", "第一，", "一是", "二是",
    "1.5万", "5.1服务卡", "2017.", "1—2期", "指导思想", "工作方案", "主要工作如下：", "加强学习",
    "坚持", "工会要", "以活动为", "20xx年是", "。", "，", "；", "：", "\n", "\n\n", " ", "　", "#", "- ",
    "、", "职工", "的", "教育", "教育", "三月份", "【活动】", "”", "“", "（", ")", "\r\n", "**",
    "注意事项", "统一、", "1.1 ", "第一部分",
])


def test_bare_marker_does_not_take_a_bulleted_line_as_its_title():
    # found by the property below: the span between marker and title must hold only spaces
    text = "一、\n- 一、一、"
    for h in art(text).headings:
        assert text[h.start + len(h.marker):h.text_start].strip() == ""
    assert heads("一、\n工作目标\n二、\n主要措施") == [(1, "一、", "工作目标"), (1, "二、", "主要措施")]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=40))
def test_headings_are_valid_spans_on_any_text(parts):
    text = "".join(parts)
    a = art(text)
    hs = a.headings
    for h in hs:
        assert 0 <= h.start <= h.text_start < h.end <= len(text)
        assert text[h.start:h.end].startswith(h.marker)
        assert text[h.text_start:h.end] == h.text
        # only a bare marker that ends a cut-off text is untitled
        assert h.text.strip() or (h is hs[-1] and not text[h.end:].strip())
        assert text[h.start + len(h.marker):h.text_start].strip() == ""
        assert len(h.text) <= 40
    for x, y in zip(hs, hs[1:]):
        assert x.end <= y.start  # in order, never overlapping
    if hs:
        assert min(h.level for h in hs) == 1
        assert hs[0].level == 1 or any(f.kind == "numbering_gap" for f in outline_flags(a))
        for x, y in zip(hs, hs[1:]):
            assert y.level <= x.level + 1  # a child is at most one level deeper than its parent
    for f in outline_flags(a):
        assert text[f.start:f.end] == f.text
    covered = [s for s in _walk(a.sections)]
    assert sorted(s.heading for s in covered) == list(range(len(hs)))
    render_outline(a)
    section_path(a, len(text) // 2)


def _walk(sections):
    for s in sections:
        yield s
        yield from _walk(s.children)


# --------------------------------------------------------------------------- corpus accuracy


def _heading_scores(records: list[dict]) -> dict:
    """Heading P/R/F1 and level accuracy with the project's evaluation, else the reference scorer."""
    try:
        from nlp.evaluate import evaluate_records
    except ImportError:
        scorer = ROOT.parent / "shared" / "eval" / "score.py"
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        out = subprocess.run([sys.executable, str(scorer), "--pred", "-", "--json",
                              "--gold-dir", str(ROOT / "tests" / "gold")],
                             input=lines, capture_output=True, text=True, check=True)
        return json.loads(out.stdout)["headings"]
    return evaluate_records([ROOT / "tests" / "gold"], records).to_dict()["headings"]


def test_heading_accuracy_on_seed_corpus(corpus_articles):
    scores = _heading_scores([a.to_dict() for a in corpus_articles])
    assert scores["f1"] >= 0.95, scores
    assert scores["acc"]["level"] >= 0.95, scores


def test_line_lead_chars_cover_every_line_lead_opening():
    # _Lines skips LINE_LEAD on lines that open with none of LINE_LEAD_CHARS: the set must hold
    # every character a non-empty LINE_LEAD match can start with.
    from nlp.extract.outline import LINE_LEAD, LINE_LEAD_CHARS

    opening = {chr(c) for c in range(0x10000) if LINE_LEAD.match(chr(c) + " 工会").end() > 0}
    assert opening <= LINE_LEAD_CHARS
