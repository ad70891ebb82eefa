"""An enumerator before a date of another script is a marker, and the date after it is kept:
"1、九月前…" is item 1 with the date 九月前, not a list of numbers (own examples)."""

from __future__ import annotations

import pytest

from nlp.extract.dates import extract_dates_from_text
from nlp.extract.outline import extract_headings
from nlp.lang import marker_at
from nlp.model import Article


def heads(text: str) -> list[tuple[int, str, str]]:
    hs = extract_headings(Article(source="t.txt", index=0, title="", text=text))
    for h in hs:
        assert text[h.text_start:h.end] == h.text
    return [(h.level, h.marker, h.text) for h in hs]


@pytest.mark.parametrize("delim", ["、", ".", "．"])
def test_arabic_items_opening_with_chinese_month_dates_are_items(delim):
    text = (f"1{delim}八月底前完成会员信息核对。\n"
            f"2{delim}十月上旬组织职工趣味运动会。\n"
            f"3{delim}十二月十五日前报送年度台账。\n")
    got = heads(text)
    assert [m for _l, m, _t in got] == [f"1{delim}", f"2{delim}", f"3{delim}"]
    assert got[0][2].startswith("八月底前")


@pytest.mark.parametrize("delim", ["、", ".", "．"])
def test_the_chinese_dates_after_an_arabic_marker_are_dates(delim):
    text = (f"1{delim}七月前摸清底数。\n2{delim}九月中旬举办培训班。\n"
            f"3{delim}十一月二十日前上报材料。\n")
    found = [(d.text, d.months) for d in extract_dates_from_text(text)]
    texts = [t for t, _m in found]
    assert any(t.startswith("七月") for t in texts), found
    assert any(t.startswith("九月") for t in texts), found
    assert any(t.startswith("十一月二十日") for t in texts), found


@pytest.mark.parametrize("text", ["1、2月份开展走访", "一、二月份开展走访", "2、3名同志", "一、二、三级"])
def test_a_list_in_the_markers_own_script_is_still_numbers(text):
    assert marker_at(text, 0, len(text)) is None


@pytest.mark.parametrize("text", ["1、九月前完成", "2、十月中旬举办", "一、3月份组织", "3、三月初启动"])
def test_a_date_in_another_script_follows_a_marker(text):
    assert marker_at(text, 0, len(text)) is not None


@pytest.mark.parametrize("text,day", [
    ("3.12植树节组织义务植树。", 12),  # a dotted day: the dot belongs to the number
    ("9.10教师节慰问一线教师。", 10),
])
def test_dotted_days_still_hold(text, day):
    found = extract_dates_from_text(text)
    assert any(d.day == day for d in found), [(d.text, d.day) for d in found]


@pytest.mark.parametrize("text,expected", [
    ("一、总体要求\n1.2 细化目标\n力争建成驿站10个。\n1.3 保障措施\n加强领导。\n",
     [(1, "一、", "总体要求"), (2, "1.2", "细化目标"), (2, "1.3", "保障措施")]),
    ("一、工作目标\n坚持以职工为中心。\n二、主要任务\n2.2 推进建会\n新建工会5家。\n",
     [(1, "一、", "工作目标"), (1, "二、", "主要任务"), (2, "2.2", "推进建会")]),
])
def test_a_decimal_list_whose_first_item_was_not_a_marker_keeps_its_numbers(text, expected):
    assert heads(text) == expected


def test_a_decimal_under_another_parent_is_not_taken_for_an_item():
    text = "一、活动安排\n3.2 万元用于购置器材。\n"
    assert all(m != "3.2" for _l, m, _t in heads(text))
