"""Quantities of government plans: magnitudes, signs and measures, ranges, spaced numbers (own examples)."""

from __future__ import annotations

import pytest

from nlp.extract.quantities import find_quantities
from test_quantities import one  # the single quantity found in a text, offsets checked


@pytest.mark.parametrize("text,value,unit", [
    ("全年完成固定资产投资3.6万亿元，", 3.6, "万亿元"),
    ("社会消费品零售总额1.2万亿元。", 1.2, "万亿元"),
    ("新增高标准农田450万亩，", 450, "万亩"),
    ("接待游客1800万人次，", 1800, "万人次"),
    ("培训农民工85万人。", 85, "万人"),
])
def test_magnitudes_stay_in_the_unit(text, value, unit):
    q = one(text)
    assert (q.value, q.unit, q.comparator) == (value, unit, "=")


@pytest.mark.parametrize("text,value,comparator", [
    ("经济增长6%左右，", 6, "~"),
    ("城镇调查失业率5.5%以内，", 5.5, "<="),
    ("研发投入增长4.5%以上。", 4.5, ">="),
])
def test_percents_with_their_comparators(text, value, comparator):
    q = one(text)
    assert (q.value, q.unit, q.comparator) == (value, "%", comparator)


@pytest.mark.parametrize("text,value,unit,comparator", [
    ("积雪深度≥30 cm时停工，", 30, "cm", ">="),
    ("降雨量≥50 mm，", 50, "mm", ">="),
    ("气温达到40 ℃以上时，", 40, "℃", ">="),
    ("用时4.07s，", 4.07, "s", "="),
    ("噪声≤55分贝", None, None, None),
])
def test_signs_and_measures(text, value, unit, comparator):
    found = find_quantities(text)
    if value is None:
        assert all(q.unit != "分贝" for q in found)
        return
    q = one(text)
    assert (q.value, q.unit, q.comparator) == (value, unit, comparator)


@pytest.mark.parametrize("text,low,high,unit", [
    ("每户补贴3000-5000元，", 3000, 5000, "元"),
    ("规模控制在20～30人，", 20, 30, "人"),
    ("选派3至5名骨干，", 3, 5, "名"),
    ("比例提高到10%—15%。", 10, 15, "%"),
])
def test_ranges_with_any_separator(text, low, high, unit):
    q = one(text)
    assert (q.low, q.high, q.unit, q.comparator) == (low, high, unit, "range")


@pytest.mark.parametrize("text,value,unit,comparator", [
    ("参训 200 人以上，", 200, "人", ">="),
    ("发放慰问金 5000 元。", 5000, "元", "="),
    ("新建 12 个站点。", 12, "个", "="),
])
def test_spaced_numbers_read_as_unspaced(text, value, unit, comparator):
    q = one(text)
    assert (q.value, q.unit, q.comparator) == (value, unit, comparator)
    assert q.text.strip() == q.text


@pytest.mark.parametrize("text", [
    "2024 年工会工作要点",  # a spaced year is no count
    "签订率达96，",  # a bare rate without its sign is no quantity
])
def test_no_quantity(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text,value,unit", [
    ("新增装机容量120万千瓦，", 120, "万千瓦"),
    ("治理水土流失45平方公里。", 45, "平方公里"),
    ("人工造林3000公顷，", 3000, "公顷"),
    ("产值增长1.5倍。", 1.5, "倍"),
])
def test_measures_of_programmes(text, value, unit):
    q = one(text)
    assert (q.value, q.unit) == (value, unit)
