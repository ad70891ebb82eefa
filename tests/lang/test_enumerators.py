"""The one enumerator grammar (nlp.lang): every style in both widths, the look-alikes it must
refuse, the numeral parser and the simplified matching view."""

from __future__ import annotations

import pytest

from nlp.lang import LINE_START_MARKER, cn_number, marker_at, parse_int, parse_marker
from nlp.lang.script import matching_view, simplified_view


@pytest.mark.parametrize("marker, expected", [
    ("一、", ("cn", 1)), ("十二．", ("cn", 12)), ("三.", ("cn", 3)),
    ("（一）", ("pcn", 1)), ("(二)", ("pcn", 2)), ("（三）、", ("pcn", 3)), ("四）", ("cnh", 4)),
    ("1、", ("ar", 1)), ("2.", ("ar", 2)), ("３．", ("ar", 3)), ("4。", ("ar", 4)), ("⒌", ("ar", 5)),
    ("（1）", ("par", 1)), ("(2)", ("par", 2)), ("（３）", ("par", 3)), ("⑷", ("par", 4)),
    ("1)", ("arh", 1)), ("2）", ("arh", 2)), ("①", ("circ", 1)), ("⑩", ("circ", 10)),
    ("1.2", ("dec2", 2)), ("1.2.3、", ("dec3", 3)),
    ("第一部分", ("part", 1)), ("第二部分：", ("part", 2)), ("第三部分:", ("part", 3)),
    ("第一章", ("chapter", 1)), ("第2章", ("chapter", 2)), ("第一节", ("section", 1)),
    ("第十二条", ("article", 12)), ("第三条：", ("article", 3)), ("第一，", ("di", 1)),
    ("二是", ("shi", 2)),
])
def test_every_style_parses_in_both_widths(marker, expected):
    assert parse_marker(marker) == expected


@pytest.mark.parametrize("text", [
    "1.5万元", "2017.", "十二五规划", "5.1服务卡", "第三节课", "第一条生产线", "一、二月份", "1、2月",
    "2、3名同志", "第一届", "统一",
])
def test_look_alikes_are_not_markers(text):
    assert marker_at(text, 0, len(text)) is None


def test_a_numeral_inside_another_numeral_is_not_a_marker():
    text = "十二、工作要求"
    assert marker_at(text, 0, len(text))[1:] == ("cn", 12)
    assert marker_at(text, 1, len(text)) is None  # the "二、" inside "十二、"


def test_line_start_marker_of_the_ingest_steps():
    for line in ("一、总则", "二.目标", "（三）措施", "(4)要求", "5、安排", "6.保障", "⑦附则", "第一，"):
        assert LINE_START_MARKER.match(line), line
    for line in ("2024年工作要点", "十分重要", "第一届运动会"):
        assert not LINE_START_MARKER.match(line), line


def test_numeral_parser():
    assert [cn_number(s) for s in ("十", "十二", "二十", "三十五", "九十九")] == [10, 12, 20, 35, 99]
    assert [cn_number(s) for s in ("十二五", "", "零", "百", "1")] == [None] * 5
    assert [parse_int(s) for s in ("12", "１２", "一十二", "一百")] == [12, 12, 12, 100]
    assert parse_int("十二五") is None


def test_simplified_view_keeps_length_and_offsets():
    text = "一、總體要求\n（一）指導思想\n堅持以職工為中心。"
    view = simplified_view(text)
    assert len(view) == len(text) and view.startswith("一、总体要求")
    assert matching_view(text) == view
    simple = "一、总体要求\n坚持以职工为中心。"
    assert matching_view(simple) == simple


def test_leading_markers_strip_an_items_lead_of_any_style():
    from nlp.lang import LEADING_MARKERS

    for lead, rest in (("（一）", "加强学习"), ("1、", "完善制度"), ("二是", "抓落实"), ("## ", "总体要求"),
                       ("- 1. ", "开展比赛"), ("（二）1、", "规范管理"), ("第三部分：", "保障措施")):
        m = LEADING_MARKERS.match(lead + rest)
        assert m and m.end() == len(lead), lead
    for text in ("1.5万元", "一次性补助", "统一思想"):
        assert not LEADING_MARKERS.match(text), text
