"""Template placeholders raise `placeholder` flags; ordinary letters and numbers do not."""

from __future__ import annotations

import pytest

from nlp.extract.placeholders import placeholder_flags


@pytest.mark.parametrize("text, expected", [
    ("xx年，我院工会将", ["xx年"]),
    ("20__年是关键的一年", ["20__年"]),
    ("20XX年度职工大会", ["20XX年"]),
    ("学习党的__大精神", ["__大"]),
    ("第xx届_职代会", ["xx届_"]),
    ("xxx同志任主席", ["xxx"]),
    ("***市总工会", ["***"]),
])
def test_template_gaps_are_flagged(text, expected):
    flags = placeholder_flags(text)
    assert [f.text for f in flags] == expected
    assert all(text[f.start:f.end] == f.text and f.kind == "placeholder" for f in flags)


@pytest.mark.parametrize("text", ["做好x光体检", "组织box运动", "3x3篮球赛", "2024年工作", "下划线_单个"])
def test_ordinary_text_is_not_flagged(text):
    assert placeholder_flags(text) == []
