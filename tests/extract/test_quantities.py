"""Quantities: numeral forms, units, comparators, ranges, approximations (own sentences)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.extract.quantities import extract_quantities, find_quantities, parse_number
from nlp.model import Article


def one(text: str):
    """The single quantity found in `text`."""
    found = find_quantities(text)
    assert len(found) == 1, found
    q = found[0]
    assert text[q.start:q.end] == q.text
    return q


# ----------------------------------------------------------------------------- numerals

@pytest.mark.parametrize("span,value", [
    ("12", 12), ("3,456,789.50", 3456789.5), ("0.75", 0.75), ("１２", 12),
    ("十", 10), ("二十五", 25), ("两", 2), ("一百零八", 108), ("三千五百", 3500),
    ("壹拾万零贰佰", 100200), ("叁万伍仟", 35000), ("千", 1000), ("百", 100),
    ("二〇〇", 200),
])
def test_parse_number(span, value):
    assert parse_number(span) == pytest.approx(value)


def test_parse_number_placeholder_digits_are_unknown():
    assert parse_number("6xx") is None


def test_arabic_count():
    q = one("今年新建工会12家，")
    assert (q.value, q.unit, q.comparator) == (12, "家", "=")


def test_decimal_with_thousands_separator():
    q = one("拨付经费3,456,789.50元")
    assert (q.value, q.unit) == (3456789.5, "元")


def test_decimal_wan_stays_in_unit():
    q = one("补助资金1.25万元")
    assert (q.value, q.unit) == (1.25, "万元")


def test_chinese_numeral_with_classifier():
    q = one("建成二十五个职工书屋")
    assert (q.value, q.unit) == (25, "个")


def test_liang_is_two():
    q = one("推荐两名先进个人")
    assert (q.value, q.unit) == (2, "名")


def test_daxie_money_with_zheng():
    q = one("合计人民币叁万伍仟元整")
    assert (q.value, q.unit, q.text) == (35000, "元", "叁万伍仟元整")


def test_chinese_wan_goes_to_the_unit():
    q = one("筹集资金伍万元")
    assert (q.value, q.unit) == (5, "万元")


def test_bare_wan_is_the_unit():
    q = one("完成培训任务八万，")
    assert (q.value, q.unit) == (8, "万")


# ----------------------------------------------------------------------------- percents

def test_percent_sign():
    q = one("体检合格率98.5%")
    assert (q.value, q.unit, q.comparator) == (98.5, "%", "=")


def test_percent_in_words():
    q = one("覆盖面达到百分之八十")
    assert (q.value, q.unit) == (80, "%")


def test_percent_in_words_hundred():
    assert one("做到百分之百").value == 100


def test_percentage_points():
    q = one("参会率提高3个百分点")
    assert (q.value, q.unit) == (3, "个百分点")


def test_a_rate_without_its_sign_is_no_quantity():
    # a lost % sign is the publisher's error, not a pattern to read
    assert find_quantities("协议履约率达97,") == []


# ----------------------------------------------------------------------------- ranges

@pytest.mark.parametrize("text,low,high,unit", [
    ("组织3-5次专题讲座", 3, 5, "次"),
    ("开办二到三期培训班", 2, 3, "期"),
    ("选派1—2名骨干", 1, 2, "名"),
    ("每组5至8人", 5, 8, "人"),
    ("降低30%—50%", 30, 50, "%"),
    ("新建3家至5家", 3, 5, "家"),
    ("请来两三个专家", 2, 3, "个"),
])
def test_ranges(text, low, high, unit):
    q = one(text)
    assert (q.value, q.low, q.high, q.unit, q.comparator) == (None, low, high, unit, "range")


# ----------------------------------------------------------------------------- approximations

@pytest.mark.parametrize("text,value,unit", [
    ("吸引300多名青年参加", 300, "名"),
    ("近百名志愿者", 100, "名"),
    ("走访50余人次", 50, "人次"),
    ("约200人到场", 200, "人"),
    ("募得八万余元", 8, "万元"),
    ("培训300人左右", 300, "人"),
    ("近千名会员", 1000, "名"),
])
def test_approximations(text, value, unit):
    q = one(text)
    assert (q.value, q.unit, q.comparator) == (value, unit, "~")


# ----------------------------------------------------------------------------- comparators

@pytest.mark.parametrize("text,comp", [
    ("入会率保持在95%以上，", ">="),
    ("参赛队伍不少于12支", ">="),
    ("至少3次", ">="),
    ("超过200人", ">="),
    ("投诉率控制在2%以下，", "<="),
    ("费用不超过5000元", "<="),
    ("办结时间在15天以内", "<="),
    ("覆盖率达90%上，", ">="),
])
def test_comparators(text, comp):
    assert one(text).comparator == comp


# ----------------------------------------------------------------------------- units as printed

@pytest.mark.parametrize("text,unit", [
    ("慰问5户", "户"), ("培训120人次", "人次"), ("发稿6篇", "篇"), ("举办4场", "场"),
    ("完成3项", "项"), ("年满60岁", "岁"), ("讲授8节", "节"), ("购置2台", "台"),
    ("参保3.2万人", "万人"), ("印发2万份", "万份"),
])
def test_units_as_printed(text, unit):
    assert one(text).unit == unit


# ----------------------------------------------------------------------------- look-alikes

@pytest.mark.parametrize("text", [
    "进一步加强领导",  # 一 inside a word
    "统一思想认识",
    "一家人团团圆圆",  # the classifier glued into a word
    "一次性补助到位",
    "千家万户都受益",
    "加强队伍建设",  # 伍 of 队伍 is not 五
    "庆祝三八节",  # digits naming a holiday
    "二〇二三年",  # a year
    "预算x万元",  # placeholder amount without a digit
    "参加者达x万余人",
    "发放5.1服务卡",
    "一是抓学习，二是抓落实",
])
def test_not_quantities(text):
    assert find_quantities(text) == []


def test_placeholder_digits_keep_the_unit():
    q = one("培养评茶员6xx人")
    assert (q.value, q.low, q.high, q.unit) == (None, None, None, "人")


def test_extract_quantities_offsets_exact():
    text = "一、组织建设\n全年发展会员300名以上，建会率达到90%。\n"
    art = Article(source="t", index=0, title="", text=text)
    found = extract_quantities(art)
    assert [q.text for q in found] == ["300名以上", "90%"]
    assert all(text[q.start:q.end] == q.text for q in found)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="一二两三十百千万壹贰伍拾佰0123456789.,%-—至到多余近约以上下内名家个次元期人x“”、，。 ",
               max_size=40))
def test_hostile_text_never_crashes_and_offsets_hold(text):
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text
        assert q.comparator in ("=", ">=", "<=", "~", "range")
