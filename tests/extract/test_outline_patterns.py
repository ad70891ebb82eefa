"""Outline patterns of documents from other sources (issue 16), one test per pattern with
examples written for it, several phrasings each."""

from __future__ import annotations

import pytest

from nlp.extract.outline import extract_headings
from nlp.model import Article, LineMark


def heads(text: str, marks: tuple[LineMark, ...] = ()) -> list[tuple[int, str, str]]:
    a = Article(source="t.txt", index=0, title="", text=text, line_marks=marks)
    hs = extract_headings(a)
    for h in hs:
        assert text[h.text_start:h.end] == h.text
        assert text[h.start:h.start + len(h.marker)] == h.marker
    return [(h.level, h.marker, h.text) for h in hs]


# --------------------------------------------------------------------------- 第一部分 / 章 / 节 / 条


@pytest.mark.parametrize("colon", ["：", ":", ""])
def test_part_markers_keep_their_colon_and_their_text(colon):
    text = (f"第一部分{colon}总体要求\n各单位要高度重视。\n第二部分{colon}重点任务\n"
            "一、加强组织建设\n全面推进。\n二、强化服务\n开展活动。")
    assert heads(text) == [(1, f"第一部分{colon}", "总体要求"), (1, f"第二部分{colon}", "重点任务"),
                           (2, "一、", "加强组织建设"), (2, "二、", "强化服务")]


def test_part_marker_alone_takes_its_title_from_the_next_line():
    text = "第一部分：\n现状与问题\n全区共有社区四十个。\n第二部分：\n目标与措施\n到年底全面覆盖。"
    assert heads(text) == [(1, "第一部分：", "现状与问题"), (1, "第二部分：", "目标与措施")]


def test_chapters_and_articles_nest_as_their_own_levels():
    text = ("第一章 总则\n第一条 为规范经费管理，制定本办法。\n第二条 本办法适用于各基层工会。\n"
            "第二章 经费收入\n第三条 经费来源包括会费和拨缴经费。")
    assert heads(text) == [(1, "第一章", "总则"), (2, "第一条", "为规范经费管理，制定本办法"),
                           (2, "第二条", "本办法适用于各基层工会"), (1, "第二章", "经费收入"),
                           (2, "第三条", "经费来源包括会费和拨缴经费")]


def test_parts_chapters_and_sections_take_the_levels_of_their_nesting():
    text = ("第一部分 现状分析\n第一章 基本情况\n第一节 企业分布\n全市共有企业一万家。\n"
            "第二节 职工构成\n女职工占四成。\n第二章 存在问题\n发展不平衡。\n第二部分 发展目标\n全面提升。")
    assert [(lv, m) for lv, m, _ in heads(text)] == [
        (1, "第一部分"), (2, "第一章"), (3, "第一节"), (3, "第二节"), (2, "第二章"), (1, "第二部分")]


def test_ordinals_that_only_look_like_chapter_markers_are_not_headings():
    text = "一、课堂教学\n第三节课后开展兴趣小组活动。\n第一条生产线已经投产。"
    assert heads(text) == [(1, "一、", "课堂教学")]


# --------------------------------------------------------------------------- enumerator glued to a year


def test_enumerator_glued_to_a_year_is_an_item_not_a_date():
    text = ("三、工作安排\n1.2024年9月启动摸底调查。\n2.2024年10月底前完成方案制定。\n"
            "3.2025年3月底前全面推开。")
    assert heads(text) == [(1, "三、", "工作安排"), (2, "1.", "2024年9月启动摸底调查"),
                           (2, "2.", "2024年10月底前完成方案制定"), (2, "3.", "2025年3月底前全面推开")]


def test_enumerator_glued_to_a_year_continues_a_list_of_plain_items():
    text = "二、进度要求\n1.完善制度建设。\n2.2025年6月底前完成全部改造任务。\n3.年底前通过验收。"
    assert [m for _, m, _ in heads(text)] == ["二、", "1.", "2.", "3."]
    assert heads(text)[2][2] == "2025年6月底前完成全部改造任务"


def test_a_decimal_quantity_opening_a_line_is_not_an_item():
    assert heads("一、资金安排\n2.5万元用于购置图书。\n3.5倍于去年的投入。") == [(1, "一、", "资金安排")]


# --------------------------------------------------------------------------- nesting of styles


def test_half_width_bracketed_numbers_are_level_two_under_cn_items():
    text = ("一、目标\n（一）总体目标\n全面建成。\n(二)具体目标\n覆盖率达到百分之九十。\n"
            "二、措施\n(一)加强领导\n成立小组。")
    assert heads(text) == [(1, "一、", "目标"), (2, "（一）", "总体目标"), (2, "(二)", "具体目标"),
                           (1, "二、", "措施"), (2, "(一)", "加强领导")]


def test_a_style_already_open_returns_to_its_level():
    text = "一、甲项工作\n(一)子项\n1.细则\n(1)要点\n2.细则\n(二)子项\n二、乙项工作"
    assert [lv for lv, _, _ in heads(text)] == [1, 2, 3, 4, 3, 2, 1]


def test_numbering_that_continues_across_sections():
    text = ("一、组织建设\n1.健全组织\n2.发展会员\n3.规范管理\n二、民主管理\n4.推进厂务公开\n"
            "5.开展协商\n6.评议干部")
    assert heads(text) == [(1, "一、", "组织建设"), (2, "1.", "健全组织"), (2, "2.", "发展会员"),
                           (2, "3.", "规范管理"), (1, "二、", "民主管理"), (2, "4.", "推进厂务公开"),
                           (2, "5.", "开展协商"), (2, "6.", "评议干部")]


def test_markdown_headings_with_bold_items_numbered_across_sections():
    text = ("引言\n学校工会将围绕中心工作开展服务。\n一、加强组织建设\n**1. 完善组织架构**\n优化委员构成。\n"
            "二、维护合法权益\n**2. 建立反映机制**\n设立服务热线。")
    marks = (LineMark(0, "heading", "#### "), LineMark(text.index("一、"), "heading", "#### "),
             LineMark(text.index("二、"), "heading", "#### "))
    assert heads(text, marks) == [(1, "", "引言"), (1, "一、", "加强组织建设"), (2, "1.", "完善组织架构"),
                                  (1, "二、", "维护合法权益"), (2, "2.", "建立反映机制")]


def test_whole_line_emphasis_marks_a_title_line():
    text = "为做好工作，制定本计划。\n工作目标\n全面提升服务水平。\n保障措施\n加强组织领导。"
    marks = (LineMark(text.index("工作目标"), "emphasis", "**"), LineMark(text.index("保障措施"), "emphasis", "**"))
    assert heads(text, marks) == [(1, "", "工作目标"), (1, "", "保障措施")]


# --------------------------------------------------------------------------- run-in text


def test_run_in_items_end_at_the_next_enumerator():
    text = ("为加强管理，特制定如下计划:一、完善组织机构，健全工会网络二、强化民主管理，推进厂务公开"
            "三、丰富文化生活，开展文体活动")
    assert heads(text) == [(1, "一、", "完善组织机构，健全工会网络"), (1, "二、", "强化民主管理，推进厂务公开"),
                           (1, "三、", "丰富文化生活，开展文体活动")]


def test_run_in_items_end_at_the_sentence_end_and_nest():
    text = ("新学期工作计划如下。一、抓好教学常规。各教研组每月检查一次教案。1、规范备课。要求提前一周备课。"
            "2、规范作业。作业量要适中。二、加强师资培训。组织教师外出学习。1、开展读书活动。")
    assert heads(text) == [(1, "一、", "抓好教学常规"), (2, "1、", "规范备课"), (2, "2、", "规范作业"),
                           (1, "二、", "加强师资培训"), (2, "1、", "开展读书活动")]


def test_in_paragraph_enumerations_of_a_text_with_line_breaks_are_not_headings():
    text = ("一、工作要求\n各单位要做到：(1)高度重视；(2)精心组织；(3)按时上报。其中①为重点，②为难点。\n"
            "今年要抓好三件事，1、建章立制，2、培训骨干。\n二、时间安排\n全年分三个阶段。")
    assert heads(text) == [(1, "一、", "工作要求"), (1, "二、", "时间安排")]


def test_a_lost_break_inside_a_paragraph_continues_the_item_that_opens_it():
    text = ("三、具体措施\n(一)加强学习。每月组织一次集中学习，交流心得体会。(二)完善制度。建立考勤制度。\n"
            "(三)强化考核。年底进行考核。")
    assert [m for _, m, _ in heads(text)] == ["三、", "(一)", "(二)", "(三)"]


# --------------------------------------------------------------------------- flattened tables


def test_month_labels_opening_rows_of_a_pipe_table_are_headings():
    text = ("各学校要高度重视。\n活动安排：\n月份 | 主要活动 | 责任人\n九月 | 新生入学教育 | 德育处\n"
            "十月 | 国庆主题活动 | 团委\n十一月份 | 秋季运动会 | 体育组")
    assert heads(text) == [(1, "", "活动安排"), (2, "", "九月"), (2, "", "十月"), (2, "", "十一月份")]


def test_month_labels_of_a_table_flattened_one_cell_per_line():
    text = ("工作已部署完毕。\n具体工作:\n时间 |\n活动内容 |\n一月 |\n慰问困难职工 |\n全体职工 |\n"
            "二月 |\n元宵灯谜会 |\n全体职工 |")
    assert heads(text) == [(1, "", "具体工作"), (2, "", "一月"), (2, "", "二月")]


def test_month_labels_alone_on_lines_between_cells():
    text = "二、具体安排\n三月份\n学雷锋志愿服务\n团委\n四月份\n清明祭扫\n德育处\n五月份\n劳动技能比赛\n教务处"
    assert heads(text) == [(1, "二、", "具体安排"), (2, "", "三月份"), (2, "", "四月份"), (2, "", "五月份")]


def test_markdown_pipe_table_rows_opened_by_month_ranges():
    text = "工作进度如下。\n| 时间 | 内容 |\n|---|---|\n| 3月 | 启动 |\n| 4月份 | 推进 |\n| 5—6月 | 总结 |"
    assert heads(text) == [(1, "", "3月"), (1, "", "4月份"), (1, "", "5—6月")]


def test_cells_of_data_tables_are_not_headings():
    text = "二、主要指标完成情况\n指标\n完成值\n增长率\n86.3\n97.1%\n12.5\n99.0%\n全年各项指标顺利完成。"
    assert heads(text) == [(1, "二、", "主要指标完成情况")]
    piped = "二、经济指标\n项目 | 数值 | 增幅\n产值 | 86.3 | 5.1%\n税收 | 12.5 | 97.1%"
    assert heads(piped) == [(1, "二、", "经济指标")]


# --------------------------------------------------------------------------- what is not a heading


def test_unnumbered_lines_ending_with_a_full_stop_are_not_titles():
    assert heads("全年工作圆满完成。\n加强学习提高素质。\n工会全体委员认真学习，不断提高。") == []
    assert heads("一、总结\n成绩显著。\n存在的不足。\n部分工作还不到位。") == [(1, "一、", "总结")]


def test_run_in_labels_and_field_lines_are_not_headings():
    text = ("一、基本情况\n指导思想：以服务职工为中心，扎实推进各项工作。\n负责人：李四\n联系电话：12345678\n"
            "活动地点:学校礼堂\n时 间:三月\n二、活动内容\n开展比赛。")
    assert heads(text) == [(1, "一、", "基本情况"), (1, "二、", "活动内容")]


def test_yishi_lines_are_headings_only_as_a_sequence():
    text = "主要做法如下：\n一是宣传发动阶段(5月)。\n召开动员会。\n二是集中整改阶段(6-8月)。\n逐项整改。"
    assert heads(text) == [(1, "一是", "宣传发动阶段(5月)"), (1, "二是", "集中整改阶段(6-8月)")]
    assert heads("主要做法如下：\n一是领导重视。\n全年召开会议四次。") == []
    assert heads("今年工作很多，一是抓学习，二是抓落实。\n下一步继续努力。") == []


# --------------------------------------------------------------------------- cut-off and web residue


def test_a_bare_marker_ending_a_cut_off_text_is_an_untitled_node():
    assert heads("为做好工作，制定本计划。\n一、目标任务\n全面完成任务。\n二、") == [
        (1, "一、", "目标任务"), (1, "二、", "")]
    assert heads("一、目标任务\n全面完成任务。\n五、") == [(1, "一、", "目标任务")]  # not the next number


def test_a_marker_after_leaked_markup_opens_its_paragraph():
    text = ("一、加强组织建设\n新建工会三家。……此处隐藏800个字……round: rgb(255, 255, 255);\">五、做好帮扶工作。"
            "走访困难职工。\n六、其他工作")
    assert [(m, t) for _, m, t in heads(text)] == [("一、", "加强组织建设"), ("五、", "做好帮扶工作"), ("六、", "其他工作")]


# --------------------------------------------------------------------------- traditional script


def test_traditional_text_gives_headings_as_printed():
    text = ("一、總體要求\n（一）指導思想\n堅持以職工為中心。\n二、工作措施\n1.加強組織領導。\n2.落實工作責任。\n"
            "工作進度\n十月份：\n完成驗收。")
    assert heads(text) == [(1, "一、", "總體要求"), (2, "（一）", "指導思想"), (1, "二、", "工作措施"),
                           (2, "1.", "加強組織領導"), (2, "2.", "落實工作責任"), (1, "", "工作進度"),
                           (2, "", "十月份")]


def test_traditional_section_name_is_known_at_the_start_of_a_text():
    # a section name opens an article only when the word list knows it: matched in simplified
    assert heads("指導思想\n堅持以職工為中心，服務大局。\n工作目標\n全面提升服務水平。") == [
        (1, "", "指導思想"), (1, "", "工作目標")]


def test_row_labels_with_a_year_or_a_part_of_the_month_open_rows_but_days_do_not():
    text = ("活动安排\n时间 | 内容 | 地点\n2024年3月 | 学雷锋活动 | 社区\n4月上旬 | 清明祭扫 | 烈士陵园\n"
            "5月1日 | 劳动节表彰 | 礼堂\n六月底 | 半年总结 | 会议室")
    assert heads(text) == [(1, "", "活动安排"), (2, "", "2024年3月"), (2, "", "4月上旬"), (2, "", "六月底")]


def test_lines_of_a_bullet_list_are_not_block_titles():
    text = "本学期重点如下。\n加强学习\n每月集中学习一次。\n丰富活动\n举办两场比赛。\n一、工作目标\n提高服务水平。"
    assert heads(text)[:2] == [(1, "", "加强学习"), (1, "", "丰富活动")]  # unmarked: block titles
    marks = (LineMark(text.index("加强学习"), "bullet", "- "), LineMark(text.index("丰富活动"), "bullet", "- "))
    assert heads(text, marks) == [(1, "一、", "工作目标")]
    numbered = "本学期重点如下。\n1、加强学习\n2、丰富活动"
    marks = (LineMark(numbered.index("1、"), "bullet", "- "), LineMark(numbered.index("2、"), "bullet", "- "))
    assert heads(numbered, marks) == [(1, "1、", "加强学习"), (1, "2、", "丰富活动")]


def test_atx_marks_left_in_the_text_with_or_without_their_space():
    text = "##一、总体要求\n坚持稳中求进。\n## 二、主要任务\n### （一）推进产业升级\n加快改造。"
    assert heads(text) == [(1, "一、", "总体要求"), (1, "二、", "主要任务"), (2, "（一）", "推进产业升级")]


def test_markdown_titles_marked_deeper_than_their_numbered_heading_nest_inside_it():
    text = "一、总体要求\n坚持稳中求进。\n工作目标\n全面提升。\n基本原则\n统筹兼顾。\n二、主要任务\n加快改造。"
    marks = tuple(LineMark(text.index(t), "heading", raw) for t, raw in
                  (("一、", "## "), ("工作目标", "### "), ("基本原则", "### "), ("二、", "## ")))
    assert heads(text, marks) == [(1, "一、", "总体要求"), (2, "", "工作目标"), (2, "", "基本原则"),
                                  (1, "二、", "主要任务")]
    same = tuple(LineMark(m.start, "heading", "## ") for m in marks)  # one depth: siblings
    assert [lv for lv, _, _ in heads(text, same)] == [1, 1, 1, 1]
