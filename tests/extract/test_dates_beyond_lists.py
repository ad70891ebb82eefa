"""Dates beyond fixed word lists: productive school terms, vague month parts, relative dates,
milestones, dashes of any length, Chinese-numeral days, spaced dates, lists of days (own examples)."""

from __future__ import annotations

import pytest

from nlp.extract.dates import extract_dates_from_text


def dates(text: str):
    found = extract_dates_from_text(text)
    for d in found:
        assert text[d.start:d.end] == d.text
    return found


def one(text: str):
    found = dates(text)
    assert len(found) == 1, [(d.text, d.kind) for d in found]
    return found[0]


@pytest.mark.parametrize("text,word", [
    ("本学期我们重点抓好教研。", "本学期"),
    ("这一学期共安排三次活动。", "这一学期"),
    ("这学期工会换届。", "这学期"),
    ("上半学期以听课为主，", "上半学期"),
    ("下半学期举办技能大赛。", "下半学期"),
    ("新学期伊始，", "新学期"),
    ("该学期结束前完成考核。", "该学期"),
    ("本学年末进行评优。", "本学年末"),
    ("学期初制定计划，", "学期初"),
])
def test_school_terms_are_built_from_their_parts(text, word):
    d = one(text)
    assert (d.text, d.kind, d.months) == (word, "season", None)


@pytest.mark.parametrize("text", [
    "每学期召开一次教代会。",  # recurring, not a term
    "孩子们上学期间注意安全。",  # 上学 = going to school
])
def test_term_look_alikes(text):
    assert all(d.kind != "season" for d in dates(text))


@pytest.mark.parametrize("text,word", [
    ("利用假期组织职工疗休养。", "假期"),
    ("寒暑假期间开展家访。", "寒暑假期间"),
])
def test_holiday_periods_are_seasons(text, word):
    assert (one(text).text, one(text).kind) == (word, "season")


@pytest.mark.parametrize("text,word", [
    ("中旬开展安全检查。", "中旬"),
    ("本月底前上报材料。", "本月底前"),
    ("下个月初召开座谈会。", "下个月初"),
    ("当月下旬完成验收。", "当月下旬"),
])
def test_vague_parts_of_a_month_without_its_number(text, word):
    d = one(text)
    assert (d.text, d.kind) == (word, "season")


@pytest.mark.parametrize("text,word,months", [
    ("三月初举行植树活动。", "三月初", (3, 3)),
    ("十月中旬组织登山。", "十月中旬", (10, 10)),
    ("九月前完成换届。", "九月前", (9, 9)),
    ("明年5月底前全部完成。", "明年5月底前", (5, 5)),
])
def test_parts_of_named_months_and_relative_months(text, word, months):
    d = one(text)
    assert (d.text, d.kind, d.months) == (word, "month", months)


@pytest.mark.parametrize("text,word,year", [
    ("到2030年，基本建成服务体系。", "2030年", 2030),
    ("《规划》提出2031—2035年的任务，", None, None),
    ("2021－2025年期间，", "2021－2025年", 2021),
    ("2026——2028年分三步实施。", "2026——2028年", 2026),
])
def test_milestones_and_year_ranges_with_any_dash(text, word, year):
    found = dates(text)
    if word is None:
        assert [(d.text, d.year) for d in found] == [("2031—2035年", 2031)]
    else:
        assert [(d.text, d.kind, d.year) for d in found] == [(word, "year", year)]


@pytest.mark.parametrize("text,word,months", [
    ("4月---5月开展练兵。", "4月---5月", (4, 5)),
    ("6月--8月为汛期，", "6月--8月", (6, 8)),
    ("九月－十月组织比赛。", "九月－十月", (9, 10)),
])
def test_month_ranges_with_doubled_dashes(text, word, months):
    d = one(text)
    assert (d.text, d.kind, d.months) == (word, "month_range", months)


@pytest.mark.parametrize("text,months,day", [
    ("十一月二十日召开大会。", (11, 11), 20),
    ("三月十五日开展维权宣传。", (3, 3), 15),
    ("十二月三十一日前结束。", (12, 12), 31),
])
def test_chinese_numeral_days(text, months, day):
    d = one(text)
    assert (d.kind, d.months, d.day) == ("day", months, day)


@pytest.mark.parametrize("text,word,months,day", [
    ("定于7 月 5 日到 7 月 9 日集中培训。", "7 月 5 日到 7 月 9 日", (7, 7), 5),
    ("报名截止 10 月 8 日。", "10 月 8 日", (10, 10), 8),
    ("3 月 2 日至 6 日举办。", "3 月 2 日至 6 日", (3, 3), 2),
])
def test_spaced_dates_read_as_unspaced_with_exact_offsets(text, word, months, day):
    d = one(text)
    assert (d.text, d.kind, d.months, d.day) == (word, "day", months, day)


def test_spaced_year():
    d = one("2024 年，工会将继续")
    assert (d.text, d.year) == ("2024 年", 2024)


@pytest.mark.parametrize("text,expected", [
    ("定于4月29、30日举行。", [("4月29", 29), ("30日", 30)]),
    ("5月1、2、3日放假。", [("5月1", 1), ("2", 2), ("3日", 3)]),
])
def test_a_list_of_days_gives_one_mention_per_day(text, expected):
    found = dates(text)
    assert [(d.text, d.day) for d in found] == expected
    assert all(d.months == (int(text[text.index("月") - 1]),) * 2 for d in found)


@pytest.mark.parametrize("text", [
    "根据《2024年工会工作要点》安排，",
    "学习《关于2025年度重点工作的意见》，",
])
def test_a_year_inside_a_document_name_is_not_a_date(text):
    assert dates(text) == []


def test_grade_names_are_not_durations():
    assert dates("初二年段和高一年级各推荐两名。") == []


@pytest.mark.parametrize("text,word,kind,year", [
    ("2024 年 3 月 5 日召开大会。", "2024 年 3 月 5 日", "day", 2024),
    ("计划于 2025 年 9 月完成。", "2025 年 9 月", "month", 2025),
    ("于 2026 年底前全部建成。", "2026 年底前", "season", 2026),
])
def test_a_spaced_year_joins_the_month_or_season_after_it(text, word, kind, year):
    d = one(text)
    assert (d.text, d.kind, d.year) == (word, kind, year)


@pytest.mark.parametrize("text,word", [
    ("2024—2025学年第二学期工作计划", "第二学期"),
    ("第一学期期末进行考评。", "第一学期期末"),
    ("本学期期中考试后召开家长会。", "本学期期中"),
])
def test_numbered_terms_and_their_points(text, word):
    assert word in [d.text for d in dates(text) if d.kind == "season"]


@pytest.mark.parametrize("text,word,kind,months,day", [
    ("5.1福利按人头发放。", "5.1", "day", (5, 5), 1),
    ("6.1活动由女工委负责。", "6.1", "day", (6, 6), 1),
    ("十一福利在九月底前发放。", "十一", "holiday", (10, 10), None),
    ("十一期间安排值班。", "十一期间", "holiday", (10, 10), None),
    ("十一长假前开展安全检查。", "十一长假", "holiday", (10, 10), None),
])
def test_fixed_holidays_written_as_bare_dates_before_an_observance(text, word, kind, months, day):
    d = dates(text)[0]
    assert (d.text, d.kind, d.months, d.day) == (word, kind, months, day)


@pytest.mark.parametrize("text", [
    "办理5.1服务卡。",  # a card's name
    "学习十一届三中全会精神。",  # a congress
    "十一五期间完成改造。",  # a five-year plan
    "组建十一个兴趣小组。",
    "发放补贴3.5万元。",
])
def test_bare_holiday_dates_need_an_observance_after_them(text):
    assert all(d.kind not in ("day", "holiday") for d in dates(text))


@pytest.mark.parametrize("text", [
    "明年是全面完成规划的关键一年。",
    "2026年是承上启下的攻坚一年，也是决胜一年。",
    "今年是开局一年，任务繁重。",
])
def test_a_year_characterised_as_a_stage_is_no_duration(text):
    assert [d for d in dates(text) if d.kind == "duration"] == []


@pytest.mark.parametrize("text", [
    "全区进入第三个五年发展期。",
    "实施第二个三年行动计划。",
    "这是第4个五年规划的起点。",
])
def test_an_ordinal_period_name_is_no_duration(text):
    assert [d for d in dates(text) if d.kind == "duration"] == []


@pytest.mark.parametrize("text,word", [
    ("用一年时间完成驿站建设。", "一年"),
    ("经过三年的努力，覆盖全区。", "三年"),
    ("未来五年，全面推进。", "未来五年"),
])
def test_spans_of_time_stay_durations(text, word):
    assert [(d.text, d.kind) for d in dates(text)] == [(word, "duration")]


@pytest.mark.parametrize("text,word,every,day", [
    ("每月15日召开工会委员例会。", "每月15日", "1M", 15),
    ("各单位每个月的20号报送台账。", "每个月的20号", "1M", 20),
    ("每月十日前上报统计表。", "每月十日", "1M", 10),
    ("每两个月5日检查一次。", "每两个月5日", "2M", 5),
])
def test_a_monthly_recurrence_keeps_its_day(text, word, every, day):
    d = one(text)
    assert (d.text, d.kind, d.every, d.day) == (word, "recurring", every, day)


def test_a_monthly_recurrence_without_a_day_has_none():
    d = one("每月开展一次安全检查。")
    assert (d.kind, d.every, d.day) == ("recurring", "1M", None)
