"""Markdown marks and tables that reached us as text (examples written for each pattern)."""

from __future__ import annotations

import pytest

from nlp.ingest.document import document_from_text
from nlp.ingest.normalize import normalize


def _roundtrip_ok(raw: str) -> bool:
    n = normalize(raw)
    return all(ch == "\n" or raw[n.offsets[i]] == ch for i, ch in enumerate(n.text))


@pytest.mark.parametrize("raw, text", [
    ("##工作目标\n完成建会任务。", "工作目标\n完成建会任务。"),
    ("###一、指导思想\n以职工为本。", "一、指导思想\n以职工为本。"),
    ("#### 2. 三月", "2. 三月"),
    ("##2.三月份", "2.三月份"),
])
def test_atx_headings_with_or_without_a_space(raw, text):
    n = normalize(raw)
    assert n.text == text
    assert n.line_marks[0].kind == "heading" and n.line_marks[0].start == 0
    assert _roundtrip_ok(raw)


@pytest.mark.parametrize("raw", ["#五一劳动节#职工运动会圆满举行", "#3号楼开展消防演练"])
def test_a_hashtag_or_a_numbered_place_is_not_a_heading(raw):
    n = normalize(raw)
    assert n.text[:3] == raw[:3] and not n.line_marks


@pytest.mark.parametrize("underline", ["===", "======", "---", "----------"])
def test_setext_headings_mark_the_line_above_and_drop_the_underline(underline):
    raw = f"工作要点\n{underline}\n全年开展活动十次。"
    n = normalize(raw)
    assert n.text == "工作要点\n全年开展活动十次。"
    assert [(m.kind, m.start, m.raw) for m in n.line_marks] == [("heading", 0, underline)]


def test_a_rule_under_a_sentence_is_only_a_rule():
    n = normalize("全年开展活动十次。\n---\n二、保障措施")
    assert n.text == "全年开展活动十次。\n二、保障措施" and not n.line_marks


def test_front_matter_fences_are_not_setext_underlines():
    n = normalize("---\n标题: 某某计划\n---\n一、目标")
    assert n.text.startswith("---\n标题: 某某计划\n---") and not n.line_marks


@pytest.mark.parametrize("line, text", [
    ("**1. 健全班组议事机制**", "1. 健全班组议事机制"),
    ("**（二）开展劳动竞赛**", "（二）开展劳动竞赛"),
    ("**引言**", "引言"),
])
def test_a_whole_bold_line_is_an_emphasis_mark(line, text):
    n = normalize(f"{line}\n具体内容如下。")
    assert n.text.splitlines()[0] == text
    assert [(m.kind, m.raw, m.start) for m in n.line_marks] == [("emphasis", "**", 0)]


def test_bold_inside_a_line_is_no_mark():
    n = normalize("要**重点**做好职工服务。")
    assert n.text == "要重点做好职工服务。" and not n.line_marks


def test_a_fenced_code_block_is_not_part_of_the_article():
    raw = "工会计划\n\n一、目标\n\n```\n# 一、这不是标题\n1. 也不是\n```\n\n二、措施\n\n落实责任。"
    doc = document_from_text(raw, "x.md")
    (article,) = doc.articles
    assert "这不是标题" not in article.text and "```" not in article.text
    assert "二、措施" in article.text
    assert any(why == "code block" for _, _, why in doc.dropped)


def test_pipe_table_rows_lose_outer_pipes_and_the_separator_row():
    raw = "| 月份 | 活动 | 负责人 |\n|---|:---:|---|\n| 三月 | 植树活动 | 工会 |\n| 四月 | 春季运动会 | 体育组 |"
    n = normalize(raw)
    assert n.text.splitlines() == ["月份 | 活动 | 负责人", "三月 | 植树活动 | 工会", "四月 | 春季运动会 | 体育组"]
    assert _roundtrip_ok(raw)


def test_a_pipe_table_cell_wrapped_across_rows_is_rejoined():
    raw = ("| 月份 | 活动 | 负责人 |\n| --- | --- | --- |\n| 三月 | 开展植树活动， | 工会 |\n"
           "|  | 组织义务劳动 |  |\n| 四月 | 举办运动会 | 体育组 |")
    n = normalize(raw)
    rows = n.text.splitlines()
    assert rows[1].startswith("三月 | 开展植树活动，组织义务劳动 |")
    assert rows[1].rstrip().endswith("工会")
    assert rows[2] == "四月 | 举办运动会 | 体育组"
    assert all(ch == "\n" or raw[n.offsets[i]] == ch for i, ch in enumerate(n.text))


@pytest.mark.parametrize("sep", ["\n", "\n\n"])
def test_a_schedule_flattened_one_cell_per_line_gets_one_row_a_line(sep):
    cells = ["月份 |", "活动内容 |", "参加人员 |", "三月 |", "女职工联欢会 |", "全体女职工 |",
             "四月份 |", "春季健步走 |", "全体职工 |", "五月 |", "劳动技能竞赛 |", "一线职工 |"]
    raw = "具体安排:" + sep + sep.join(cells)
    lines = normalize(raw).text.split("\n")
    rows = [ln for ln in lines if ln]
    assert rows[0] == "具体安排:"
    assert rows[1].startswith("月份 |活动内容")
    assert rows[2].startswith("三月 |女职工联欢会") and rows[2].endswith("全体女职工")
    assert rows[3].startswith("四月份 |") and rows[4].startswith("五月 |")
    assert _roundtrip_ok(raw)


def test_data_table_figures_stay_one_a_line_and_are_not_glued_into_sentences():
    raw = "主要指标\n城镇登记失业率\n3.5%\n职工参保率\n97.1%\n人均培训时长\n86.3"
    assert normalize(raw).text == raw


def test_cell_lines_without_row_labels_are_left_alone():
    raw = "名称 |\n数量 |\n单位 |\n会员 |\n230 |\n人 |"
    assert normalize(raw).text == raw


def test_table_rows_with_commas_are_never_glued_to_the_next_row():
    raw = ("| 月份 | 活动 |\n|---|---|\n| 三月 | 开展植树活动，组织青年志愿者参加义务劳动，清理河道垃圾 |\n"
           "| 四月 | 举办春季运动会 |")
    assert normalize(raw).text.splitlines()[1:] == [
        "三月 | 开展植树活动，组织青年志愿者参加义务劳动，清理河道垃圾", "四月 | 举办春季运动会"]


@pytest.mark.parametrize("page", ["- 2 -", "—2—", "第2页 共5页"])
def test_a_paragraph_cut_by_a_page_number_is_rejoined(page):
    raw = ("工会将加强职工技能培训，全年组织岗位练兵和技术比武活动，覆盖一线职工的比例\n"
           f"{page}\n达到百分之八十以上，并评选技术能手十名。")
    n = normalize(raw)
    assert "比例达到百分之八十以上" in n.text
    assert page not in n.text


@pytest.mark.parametrize("raw, text", [
    ("详见[实施方案](https://example.cn/a.html)第三条。", "详见实施方案第三条。"),
    ("![活动照片](img/1.png)组织职工健步走。", "组织职工健步走。"),
    ("参阅[附件](./附件1.docx)和[说明](#sec2)。", "参阅附件和说明。"),
    ("会议于[2024]年召开。", "会议于[2024]年召开。"),
])
def test_markdown_links_keep_their_text_and_images_go(raw, text):
    assert normalize(raw).text == text
    assert _roundtrip_ok(raw)


@pytest.mark.parametrize("raw, text, mark", [
    ("> 坚持以职工为中心的工作导向", "坚持以职工为中心的工作导向", "> "),
    ("> > 引文中的引文", "引文中的引文", "> > "),
    ("＞编者按：本文有删节", "编者按：本文有删节", "＞"),
])
def test_a_blockquote_mark_is_stripped_and_remembered(raw, text, mark):
    n = normalize(raw)
    assert n.text == text
    assert [(m.kind, m.raw) for m in n.line_marks] == [("quote", mark)]


def test_a_comparison_sign_is_no_quote():
    assert normalize(">=30人的企业").text == ">=30人的企业"


@pytest.mark.parametrize("raw, text", [
    ("认真落实关于加强基层工会建设的实施意见文章来源：", "认真落实关于加强基层工会建设的实施意见"),
    ("组织开展职工技能竞赛点击数：", "组织开展职工技能竞赛"),
    ("二、拓宽经费来源", "二、拓宽经费来源"),
    ("统计阅读次数。", "统计阅读次数。"),
])
def test_a_site_label_glued_to_the_end_of_a_line_is_deleted(raw, text):
    assert normalize(raw).text == text
