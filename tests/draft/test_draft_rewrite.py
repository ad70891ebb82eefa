"""Rewriting for the new year: years, organisation names, enumerators, numbering, part names."""

from __future__ import annotations

import pytest

from nlp.draft.numbering import marker
from nlp.draft.rewrite import Rewriter, close_sentence, has_inner_enumerator, strip_enumerator
from nlp.draft.roles import heading_role

R = Rewriter(2027, "青松中学工会")
BARE = Rewriter(2027)


@pytest.mark.parametrize("before,after", [
    ("2019年，工会将组织教职工体检", "2027年，工会将组织教职工体检。"),
    ("xx年工会将继续推进厂务公开", "2027年工会将继续推进厂务公开。"),
    ("20__年度要办好职工书屋", "2027年度要办好职工书屋。"),
    ("20xx年力争新建两家职工之家；", "2027年力争新建两家职工之家。"),
    ("今年要办好职工运动会，明年再扩大规模", "今年要办好职工运动会，明年再扩大规模。"),
])
def test_years_are_re_anchored_and_relative_words_kept(before, after):
    assert R.sentence(before, 2019) == after


def test_chinese_digit_year_of_an_undated_article():
    assert R.sentence("二〇一六年要抓好安全生产", None) == "2027年要抓好安全生产。"


@pytest.mark.parametrize("text", [
    "2015年已经建成职工书屋",  # another year than the article's own (2019)
    "2018-2020年三年规划继续实施",  # a span of years
    "认真学习党的__大精神",  # a blank that cannot be filled
    "组织xx届职工运动会",
])
def test_sentences_that_cannot_be_re_anchored_are_refused(text):
    assert R.sentence(text, 2019) is None


@pytest.mark.parametrize("before,after", [
    ("我校工会要关心青年教师成长", "青松中学工会要关心青年教师成长。"),
    ("本单位女职工委员会定期开展活动", "青松中学女职工委员会定期开展活动。"),
    ("xx街道工会牵头组织培训", "青松中学工会牵头组织培训。"),
    ("由xxx负责具体落实", "由青松中学负责具体落实。"),
])
def test_organisation_placeholders_take_the_org(before, after):
    assert R.sentence(before, None) == after


def test_without_org_blanks_become_a_generic_self_reference():
    assert BARE.sentence("xx公司工会牵头组织培训", None) == "本单位工会牵头组织培训。"
    assert BARE.sentence("我校工会要关心青年教师", None) == "我校工会要关心青年教师。"


def test_half_width_punctuation_beside_chinese_becomes_full_width():
    assert R.sentence("以服务为主线,维护女职工权益(含退休)", None) == "以服务为主线，维护女职工权益（含退休）。"
    assert R.sentence("经费按1,000元标准发放", None) == "经费按1,000元标准发放。"


@pytest.mark.parametrize("text,rest", [
    ("一、加强组织建设", "加强组织建设"),
    ("（二）关心困难职工", "关心困难职工"),
    ("3.开展读书活动", "开展读书活动"),
    ("(4) 办好职工书屋", "办好职工书屋"),
    ("①组织体检", "组织体检"),
    ("一是加强学习", "加强学习"),
    ("工作目标：完成培训任务", "完成培训任务"),
    ("一线职工是主力", "一线职工是主力"),
    ("3.5%的增幅", "3.5%的增幅"),
])
def test_leading_enumerators_and_labels_are_stripped(text, rest):
    assert text[strip_enumerator(text):] == rest


@pytest.mark.parametrize("text,inner", [
    ("主要有：（1）学习；（2）培训", True),
    ("做好三件事：一是学习，二是培训", True),
    ("全年开展①读书②健身活动", True),
    ("开展“三八”节庆祝活动", False),
    ("增幅达到3.5%以上", False),
])
def test_inner_enumerators(text, inner):
    assert has_inner_enumerator(text) is inner


def test_close_sentence():
    assert close_sentence("加强学习；") == "加强学习。"
    assert close_sentence("真好！") == "真好！"
    assert close_sentence("做好工作，") == "做好工作。"


@pytest.mark.parametrize("level,n,expected", [
    (1, 1, "一、"), (1, 11, "十一、"), (2, 3, "（三）"), (3, 2, "2."), (4, 5, "（5）"), (5, 1, "（1）"),
])
def test_markers(level, n, expected):
    assert marker(level, n) == expected


@pytest.mark.parametrize("heading,role", [
    ("指导思想", "guiding"), ("总体要求", "guiding"), ("工作目标", "goals"), ("目标任务", "goals"),
    ("主要工作", "work"), ("重点工作", "work"), ("主要活动安排", "schedule"), ("工作行事历", "schedule"),
    ("保障措施", "measures"), ("工作要求", "measures"),
    ("围绕工作目标，扎实开展劳动竞赛活动", "topic"), ("关心女职工身心健康", "topic"),
])
def test_heading_roles(heading, role):
    assert heading_role(heading) == role


@pytest.mark.parametrize("sentence,usable", [
    ("工会将组织女职工参加广东省安康互助保障活动。", False),  # a place of its own organisation
    ("工会将计划新建职工书屋两个，方便职工借阅。", True),  # 新建 is tagged as a place by jieba
    ("认真学习贯彻党的十七届四中全会精神，推动工作。", False),  # a dated political reference
    ("今年工会已经组织职工体检三次，效果很好。", False),  # a report of what was done
    ("工会将组织全体职工开展健步走活动。", True),
    ("（工会将组织全体职工开展健步走活动。）", False),  # a bracketed remark
])
def test_which_archive_sentences_may_be_reused(sentence, usable):
    import nlp
    from nlp.draft.units import article_units

    text = f"一、工作安排\n\n{sentence}\n"
    art = nlp.analyze_text(text)[0]
    units = [u for u in article_units(art, 0) if u.kind == "sentence"]
    assert len(units) == 1 and units[0].clean is usable
