"""The archive calendar's activities are event phrases, never bare nouns (issue 17)."""

from __future__ import annotations

import pytest

from nlp.digest.activities import activity_keys

BARE_NOUNS = ("会员", "单位", "同志", "办公室", "体魄", "教工", "经费")


@pytest.mark.parametrize("entry", [
    "会员45人，经费4500元",
    "请各单位于月底前报送材料",
    "由分管副主席李某同志负责",
    "在工会办公室设立职工书架",
    "开展强体魄、增活力主题活动",
    "各分会上报教工名单",
])
def test_bare_nouns_never_become_activities(entry):
    assert not set(activity_keys(entry)) & set(BARE_NOUNS), activity_keys(entry)


@pytest.mark.parametrize("a, b", [
    ("举办教职工乒乓球赛", "开展职工乒乓球比赛"),
    ("召开职工代表大会", "组织召开职工代表大会"),
    ("组织女工登山活动", "开展登山活动"),
    ("开展春游活动", "组织全体会员春游"),
])
def test_one_event_told_two_ways_is_one_activity(a, b):
    ka, kb = activity_keys(a), activity_keys(b)
    assert ka and ka == kb, (ka, kb)


@pytest.mark.parametrize("entry, key", [
    ("庆祝“三八”妇女节", "妇女节"),
    ("迎“五一”职工长跑", "劳动节"),
    ("开展教师节表彰", "教师节"),
])
def test_holidays_are_named_events(entry, key):
    assert key in activity_keys(entry)


@pytest.mark.parametrize("entry, key", [
    ("举办青年教师演讲比赛", "演讲赛"),
    ("年终工作总结", "工作总结"),
    ("慰问困难职工", "慰问"),
    ("组织新会员入会宣誓仪式", "宣誓仪式"),
])
def test_events_keep_what_they_are_about(entry, key):
    assert any(k.endswith(key) for k in activity_keys(entry)), activity_keys(entry)


def test_an_action_verb_with_its_object_names_an_activity():
    assert activity_keys("修订职工手册") == ["修订职工手册"]
    assert activity_keys("制定财务管理制度")[0].startswith("制定")


def test_a_purpose_is_not_an_activity():
    assert activity_keys("增强职工凝聚力") == []


def test_corpus_calendar_names_no_bare_noun():
    from conftest import CORPUS
    from nlp.api import analyze_path, iter_files
    from nlp.digest import build_digest

    arts = [a for f in iter_files([CORPUS]) for a in analyze_path(f)]
    arch = build_digest(arts).archive
    keys = {a.key for m in arch.calendar for a in m.activities} | {a.key for a in arch.activities}
    assert keys and not keys & set(BARE_NOUNS), keys & set(BARE_NOUNS)
    top = [a.key for a in arch.activities[:5]]
    assert "劳动节" in top and "妇女节" in top
