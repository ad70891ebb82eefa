"""Dates, the article's year and the calendar (sentences written for each pattern)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.extract.dates import (
    build_schedule,
    extract_dates,
    extract_dates_from_text,
    render_calendar,
    resolve_year,
)
from nlp.model import Article, DateMention, Heading, Task


def _dates(text: str) -> list[DateMention]:
    out = extract_dates_from_text(text)
    for d in out:
        assert text[d.start:d.end] == d.text
    return out


def _one(text: str, span: str) -> DateMention:
    """The single mention whose text is `span`."""
    found = [d for d in _dates(text) if d.text == span]
    assert len(found) == 1, (span, [d.text for d in _dates(text)])
    return found[0]


def _texts(text: str) -> list[str]:
    return [d.text for d in _dates(text)]


# ----------------------------------------------------------------------------- years

@pytest.mark.parametrize("sentence, span, year", [
    ("2024年，学校工会将围绕中心工作开展活动。", "2024年", 2024),
    ("早在二〇〇八年我们就成立了女工委员会。", "二〇〇八年", 2008),
    ("回顾二00五年的工作，成绩来之不易。", "二00五年", 2005),
    ("这是本会2016年度的工作要点。", "2016年度", 2016),
    ("2012年以来，全区新建工会一百余家。", "2012年以来", 2012),
    ("依据《规划》精神，制定2021-2023年行动方案。", "2021-2023年", 2021),
])
def test_written_years(sentence, span, year):
    d = _one(sentence, span)
    assert (d.kind, d.year, d.placeholder) == ("year", year, False)


@pytest.mark.parametrize("sentence, span", [
    ("xx年，镇工会要继续抓好组建工作。", "xx年"),
    ("现将20xx年度工作安排如下。", "20xx年度"),
    ("力争20__年各项工作再创佳绩。", "20__年"),
    ("根据县总工会20\\_\\_年工作要点制定本计划。", "20\\_\\_年"),
])
def test_placeholder_years_have_no_year(sentence, span):
    d = _one(sentence, span)
    assert (d.kind, d.year, d.placeholder) == ("year", None, True)


@pytest.mark.parametrize("sentence, span", [
    ("今年，我们将重点抓好职工书屋建设。", "今年"),
    ("明年要把帮扶中心建成示范点。", "明年"),
    ("今年以来，共走访困难职工八十户。", "今年以来"),
    ("在新的一年里，全体会员要再接再厉。", "新的一年"),
    ("比去年同期增长一成。", "去年"),
    ("各单位要做好本年度总结。", "本年度"),
])
def test_relative_years_carry_no_number(sentence, span):
    d = _one(sentence, span)
    assert (d.kind, d.year) == ("year", None)


def test_lone_year_left_by_a_deleted_placeholder():
    assert _one("在去年取得成绩的基础上，年，将继续开展此项活动。", "年").kind == "year"


@pytest.mark.parametrize("sentence", [
    "关心未成年人的成长。", "三年级的学生参加比赛。", "年年有余，岁岁平安。", "如今年轻教师占多数。",
    "目前年级组长共八人。", "五十岁以上年龄段的职工。", "落实基本年薪制度。",
])
def test_year_look_alikes(sentence):
    assert _dates(sentence) == []


# ----------------------------------------------------------------------------- months

@pytest.mark.parametrize("sentence, span, month", [
    ("5月组织职工健步走。", "5月", 5),
    ("十一月份举办羽毛球赛。", "十一月份", 11),
    ("召开会员大会 2 月份", "2 月份", 2),
    ("元月份做好慰问工作。", "元月份", 1),
    ("10月初完成换届。", "10月初", 10),
    ("四月中下旬组织春游。", "四月中下旬", 4),
    ("12月底前上报材料。", "12月底前", 12),
    ("九月上旬开展新教师培训。", "九月上旬", 9),
])
def test_months_keep_their_suffix(sentence, span, month):
    d = _one(sentence, span)
    assert (d.kind, d.months, d.year) == ("month", (month, month), None)


def test_a_year_written_with_the_month_is_one_mention_with_that_year():
    d = _one("截至2023年9月底，共发展会员五百名。", "2023年9月底")
    assert (d.kind, d.months, d.year) == ("month", (9, 9), 2023)
    rel = _one("今年6月份召开了职代会。", "今年6月份")
    assert (rel.kind, rel.months, rel.year) == ("month", (6, 6), None)
    ph = _one("xx年3月完成审计。", "xx年3月")
    assert (ph.year, ph.placeholder) == (None, True)


@pytest.mark.parametrize("sentence", [
    "用三个月时间完成整改。",  # a duration, not March
    "统一月度考核办法。",  # 统一 + 月度
    "开展“月约谈”活动。",
])
def test_month_look_alikes(sentence):
    assert not [d for d in _dates(sentence) if d.kind == "month"]


# ----------------------------------------------------------------------------- month ranges

@pytest.mark.parametrize("sentence, span, months", [
    ("5—6月份开展安全检查。", "5—6月份", (5, 6)),
    ("8―10月组织技能比武。", "8―10月", (8, 10)),
    ("2-3月走访慰问。", "2-3月", (2, 3)),
    ("4~5月举办读书月。", "4~5月", (4, 5)),
    ("九至十月份开展评比。", "九至十月份", (9, 10)),
    ("三到四月份植树。", "三到四月份", (3, 4)),
    ("九月份至十月份组织培训。", "九月份至十月份", (9, 10)),
    ("11月至次年2月开展冬训。", "11月至次年2月", (11, 2)),
    ("九十月份组织秋游。", "九十月份", (9, 10)),
    ("五六月份举办运动会。", "五六月份", (5, 6)),
    ("计划在三、四月召开会议。", "三、四月", (3, 4)),
    ("6、7、8月份做好防暑降温。", "6、7、8月份", (6, 8)),
    ("20xx年1-6月收缴经费。", "20xx年1-6月", (1, 6)),
])
def test_month_ranges_with_every_separator_and_lists(sentence, span, months):
    d = _one(sentence, span)
    assert (d.kind, d.months) == ("month_range", months)


def test_chinese_two_digit_months_are_not_lists():
    d = _one("十二月份总结全年工作。", "十二月份")
    assert (d.kind, d.months) == ("month", (12, 12))
    assert _one("十一月举办讲座。", "十一月").kind == "month"


def test_outline_marker_before_a_month_is_not_a_list():
    text = "一、二月份工作安排\n二、三月份工作安排"
    heads = (Heading(1, "一、", "二月份工作安排", 0, 9, 2), Heading(1, "二、", "三月份工作安排", 10, 19, 12))
    art = Article(source="t", index=0, title="", text=text, headings=heads)
    found = [(d.text, d.kind, d.months) for d in extract_dates(art)]
    assert found == [("二月份", "month", (2, 2)), ("三月份", "month", (3, 3))]


def test_a_month_glued_to_an_outline_marker_is_read_after_the_marker():
    from nlp.extract.outline import extract_headings

    text = "1.组织读书会。\n2.9月举办职工运动会，设置拔河等项目。\n3.开展慰问。"
    art = Article(source="t", index=0, title="", text=text)
    art.headings = tuple(extract_headings(art))
    found = [(d.text, d.kind, d.months, d.start) for d in extract_dates(art)]
    assert found == [("9月", "month", (9, 9), text.index("9月"))]


def test_a_dotted_number_and_month_without_an_outline_is_no_month():
    assert _texts("工期比去年缩短2.5月。") == ["去年"]  # a decimal, no marker: no 5月


# ----------------------------------------------------------------------------- days

@pytest.mark.parametrize("sentence, span, months, day", [
    ("一月一日举行团拜会。", "一月一日", (1, 1), 1),
    ("9月10日教师节表彰大会。", "9月10日教师节", (9, 9), 10),
    ("3.12植树节组织义务植树。", "3.12植树节", (3, 3), 12),
    ("五月一日劳动节慰问一线职工。", "五月一日劳动节", (5, 5), 1),
    ("10月8—10日举办培训班。", "10月8—10日", (10, 10), 8),
    ("7月1日至8月31日开展送清凉。", "7月1日至8月31日", (7, 8), 1),
    ("2024.5.20召开大会。", "2024.5.20", (5, 5), 20),
])
def test_days(sentence, span, months, day):
    d = _one(sentence, span)
    assert (d.kind, d.months, d.day) == ("day", months, day)


def test_a_dotted_number_without_a_holiday_is_not_a_day():
    assert _dates("办理5.1服务卡，发放3.5万元。") == []


# ----------------------------------------------------------------------------- seasons and terms

@pytest.mark.parametrize("sentence, span, months", [
    ("上半年完成组建任务。", "上半年", (1, 6)),
    ("下半年重点抓好培训。", "下半年", (7, 12)),
    ("第三季度开展劳动竞赛。", "第三季度", (7, 9)),
    ("一季度末完成调研。", "一季度末", (3, 3)),
    ("前三季度完成目标的80%。", "前三季度", (1, 9)),
    ("三、四季度全面推开。", "三、四季度", (7, 12)),
    ("年初制定工作要点。", "年初", (1, 2)),
    ("年底进行考核。", "年底", (11, 12)),
    ("年终评选先进。", "年终", (11, 12)),
    ("全年举办讲座六场。", "全年", (1, 12)),
    ("年内建成职工之家。", "年内", (1, 12)),
    ("秋季举办运动会。", "秋季", (9, 11)),
    ("冬季开展长跑。", "冬季", (12, 2)),
    ("暑期组织教师疗养。", "暑期", (7, 8)),
    ("寒假慰问困难教师。", "寒假", (1, 2)),
    ("2026年底前全部完成。", "2026年底前", (11, 12)),
    ("xx年下半年开展评议。", "xx年下半年", (7, 12)),
])
def test_seasons_with_months(sentence, span, months):
    d = _one(sentence, span)
    assert (d.kind, d.months) == ("season", months)


@pytest.mark.parametrize("sentence, span", [
    ("本学期开展青年教师基本功比赛。", "本学期"),
    ("新学期开学前完成分工。", "新学期"),
    ("本季度完成换届。", "本季度"),
    ("工作检查。期末，各组上交总结。", "期末"),
])
def test_terms_without_fixed_months(sentence, span):
    d = _one(sentence, span)
    assert (d.kind, d.months) == ("season", None)


def test_season_words_inside_longer_words_are_not_seasons():
    assert _texts("今年终于建成了活动室。") == ["今年"]
    assert _dates("工会组织年初步建立。") == []
    assert _dates("开展安全年度考核，健全年度考评制度。") == []
    assert _dates("保障学生上学期间的安全。") == []


# ----------------------------------------------------------------------------- holidays

@pytest.mark.parametrize("sentence, span, months", [
    ("元旦组织迎新长跑。", "元旦", (1, 1)),
    ("春节前后走访困难职工。", "春节前后", (1, 2)),
    ("元宵节举办猜灯谜。", "元宵节", (2, 2)),
    ("庆祝“三·八”妇女节。", "“三·八”妇女节", (3, 3)),
    ("开展“三八”节系列活动。", "“三八”节", (3, 3)),
    ("“五一”前夕表彰劳模。", "“五一”前夕", (5, 5)),
    ("五一国际劳动节放假。", "五一国际劳动节", (5, 5)),
    ("“六一”慰问职工子女。", "“六一”", (6, 6)),
    ("端午节包粽子比赛。", "端午节", (6, 6)),
    ("七夕期间举办联谊会。", "七夕期间", (8, 8)),
    ("庆祝第三十个教师节。", "第三十个教师节", (9, 9)),
    ("中秋慰问退休教师。", "中秋", (9, 9)),
    ("国庆期间组织登山。", "国庆期间", (10, 10)),
    ("重阳节看望老教师。", "重阳节", (10, 10)),
    ("清明节前后组织祭扫。", "清明节前后", (4, 4)),
])
def test_holidays_from_the_table(sentence, span, months):
    d = _one(sentence, span)
    assert (d.kind, d.months) == ("holiday", months)


def test_a_year_before_a_holiday_belongs_to_it():
    d = _one("今年五一表彰了十名劳模。", "今年五一")
    assert (d.kind, d.months) == ("holiday", (5, 5))


def test_lists_of_holidays_are_several_mentions():
    assert _texts("元旦春节期间和“三八”、“五一”等节日") == ["元旦", "春节期间", "“三八”", "“五一”"]


@pytest.mark.parametrize("sentence", [
    "评选三八红旗手。",
    "荣获全国五一劳动奖章。",
    "学习“七一”讲话精神。",
    "八一路社区工会。",
    "弘扬五四运动精神。",
    "风清气正、政治清明。",
])
def test_holiday_look_alikes(sentence):
    assert not [d for d in _dates(sentence) if d.kind == "holiday"]


def test_holidays_inside_a_quoted_name_or_a_document_title_are_not_dates():
    assert _dates("打造“元旦春节送温暖”品牌。") == []
    assert _texts("组织参加“迎国庆”歌咏比赛。") == ["国庆"]
    assert _dates("印发《县2015年再就业工作规划》。") == []
    assert _dates("落实发展规划纲要(2011-2020年)。") == []


# ----------------------------------------------------------------------------- recurring

@pytest.mark.parametrize("sentence, span, every", [
    ("每月开展一次生日会。", "每月", "1M"),
    ("每两周组织一次学习。", "每两周", "2W"),
    ("每季度通报一次。", "每季度", "1Q"),
    ("每个季度召开例会。", "每个季度", "1Q"),
    ("每周五下午集中学习。", "每周五下午", "1W"),
    ("每两周的周四下午开展活动。", "每两周的周四下午", "2W"),
    ("每周一次班组学习。", "每周一次", "1W"),
    ("坚持一月一次学习制度。", "一月一次", "1M"),
    ("两周一次文体活动。", "两周一次", "2W"),
    ("每年组织体检。", "每年", "1Y"),
    ("每天坚持锻炼。", "每天", "1D"),
    ("每学期召开一次教代会。", "每学期", "6M"),
    ("每半年检查一次。", "每半年", "6M"),
])
def test_recurring_periods(sentence, span, every):
    d = _one(sentence, span)
    assert (d.kind, d.every) == ("recurring", every)


@pytest.mark.parametrize("sentence, span, every", [
    ("每年会组织一次春游。", "每年", "1Y"),  # 年会 is no word here: 会 = will
    ("每月报送一次考勤表。", "每月", "1M"),  # 月报 neither: 报送 is the verb
    ("每年底评选先进。", "每年底", "1Y"),
])
def test_recurring_before_characters_that_do_not_make_a_word(sentence, span, every):
    d = _one(sentence, span)
    assert (d.kind, d.every) == ("recurring", every)


@pytest.mark.parametrize("sentence", [
    "每个年级组推荐两名代表。", "每年级选派一名教师。", "每个年龄段都有代表。",
    "每年轻教师结对一名师傅。", "中秋节前每人发一个月饼。", "每月季花坛由专人养护。",
])
def test_a_unit_that_starts_a_word_is_no_period(sentence):
    assert not [d for d in _dates(sentence) if d.kind in ("recurring", "duration")]


def test_the_unit_word_list_is_shared_by_recurring_and_duration():
    from nlp.extract import date_patterns as P

    chars = P.unit_word_chars()
    assert {"级", "龄", "纪", "轻", "鉴"} <= set(chars["年"]) and "会" not in chars["年"]
    assert P.YEAR_UNIT in P.RECURRING_EVERY.pattern and P.YEAR_UNIT in P.DURATION.pattern
    assert P.MONTH_UNIT in P.RECURRING_EVERY.pattern and P.MONTH_UNIT in P.DURATION.pattern


def test_a_range_of_periods_recurs_without_a_fixed_period():
    d = _one("争取三到四个月搞一次联谊。", "三到四个月搞一次")
    assert (d.kind, d.every) == ("recurring", None)


@pytest.mark.parametrize("sentence", ["定期召开座谈会。", "每人发放慰问金。", "每位会员都要参加。"])
def test_no_period_no_recurring(sentence):
    assert _dates(sentence) == []


# ----------------------------------------------------------------------------- durations

@pytest.mark.parametrize("sentence, span", [
    ("用三年时间建成示范点。", "三年"),
    ("培训期为1个月。", "1个月"),
    ("一年来，我们做了大量工作。", "一年来"),
    ("近五年共表彰先进个人百名。", "近五年"),
    ("从教30年的老教师。", "30年"),
    ("未来三至五年内完成。", "未来三至五年内"),
])
def test_durations_apart_from_calendar_points(sentence, span):
    assert _one(sentence, span).kind == "duration"


@pytest.mark.parametrize("sentence", [
    "庆祝建厂五周年。", "看望80周岁的老人。", "这是改革的第一年。", "今年是非常重要一年。",
    "落实九年义务教育。", "一年四季常青。",
])
def test_duration_look_alikes(sentence):
    assert not [d for d in _dates(sentence) if d.kind == "duration"]


# ----------------------------------------------------------------------------- not dates

@pytest.mark.parametrize("sentence", [
    "实现“十二五”规划目标。",
    "学习党的十七届四中全会精神。",
    "培养一专多能的复合型人才。",
    "贯彻党的十八大和省第十次党代会精神。",
    "召开第三届职代会第二次会议。",
])
def test_names_with_numbers_are_not_dates(sentence):
    assert _dates(sentence) == []


# ----------------------------------------------------------------------------- invariants

_ALPHABET = "年月日号周季度期节每个前后初底末上下半全内第一二三四五六七八九十两0123456789.-—至、，。“”《》()xX_今明春秋暑假元旦国庆三八五一\n "


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60) | st.text(max_size=40))
def test_any_text_gives_valid_ordered_spans(text):
    found = extract_dates_from_text(text)
    last = 0
    for d in found:
        assert text[d.start:d.end] == d.text and d.start >= last and d.end > d.start
        assert d.months is None or all(1 <= m <= 12 for m in d.months)
        last = d.end


# ----------------------------------------------------------------------------- the article's year

def _article(text: str, title: str = "", **kw) -> Article:
    a = Article(source="t.txt", index=0, title=title, text=text, **kw)
    a.dates = tuple(extract_dates(a))
    return a


def test_the_title_year_wins():
    assert resolve_year(_article("2019年工作回顾：……", title="2020年工会工作计划")) == 2020


def test_the_opening_states_the_year():
    assert resolve_year(_article("2022年，校工会将紧扣中心。到2025年，建成示范校。")) == 2022


def test_deadlines_and_past_starting_points_are_not_the_articles_year():
    text = "工会要加强自身建设。" * 20 + "力争到2015年全面完成；2010年以来成绩显著。"
    assert resolve_year(_article(text)) is None


def test_a_placeholder_opening_year_leaves_the_year_unknown():
    assert resolve_year(_article("xx年，工会将继续推进组建。回顾2003年的工作……")) is None


def test_relative_years_state_no_year():
    assert resolve_year(_article("今年三月份召开职代会。")) is None


# ----------------------------------------------------------------------------- the calendar

def _scheduled(text: str, **kw) -> Article:
    a = _article(text, **kw)
    a.year = resolve_year(a)
    a.schedule = tuple(build_schedule(a))
    return a


def _by_month(a: Article) -> dict[tuple[int, ...], list[str]]:
    out: dict[tuple[int, ...], list[str]] = {}
    for it in a.schedule:
        if it.months:
            out.setdefault(it.months, []).append(it.activity)
    return out


def test_month_led_lines_and_ranges():
    a = _scheduled("三、活动安排\n\n九月份：教师节表彰大会\n\n十至十一月份：秋季运动会、拔河比赛\n\n十二月份：迎新年文艺汇演。")
    assert _by_month(a) == {(9,): ["教师节表彰大会"], (10, 11): ["秋季运动会、拔河比赛"], (12,): ["迎新年文艺汇演"]}


def test_month_blocks_own_the_lines_below_them():
    text = "四、活动安排\n\n1. 五月\n\n组织职工健步走。\n\n开展读书分享会。\n\n2. 六、七月\n\n防暑降温慰问。\n\n五、保障措施\n\n加强领导。"
    a = _scheduled(text)
    assert _by_month(a) == {(5,): ["组织职工健步走", "开展读书分享会"], (6, 7): ["防暑降温慰问"]}


def test_a_long_closing_paragraph_is_not_the_last_months_activity():
    closing = "让我们在上级工会的正确领导下，团结一致，开拓进取，扎实工作，" * 3 + "为学校发展做出新的更大的贡献！"
    a = _scheduled(f"十二月份：\n总结表彰\n\n{closing}")
    assert _by_month(a) == {(12,): ["总结表彰"]}


def test_month_blocks_end_at_the_next_heading_of_their_level():
    text = "活动安排\n1. 三月\n植树活动\n2. 四月\n踏青活动\n二、保障措施\n落实经费"
    heads = (Heading(1, "", "活动安排", 0, 4, 0), Heading(2, "1.", "三月", 5, 10, 8),
             Heading(2, "2.", "四月", 16, 21, 19), Heading(1, "二、", "保障措施", 27, 33, 29))
    a = _scheduled(text, headings=heads)
    assert _by_month(a) == {(3,): ["植树活动"], (4,): ["踏青活动"]}
    assert all(it.section[:1] == ("活动安排",) for it in a.schedule)


def test_month_themes_above_numbered_items():
    text = "活动安排\n\n5月 劳动光荣\n\n1. 表彰劳动模范\n\n2. 举办技能比武\n\n6月 安全生产\n\n1. 安全知识竞赛"
    a = _scheduled(text)
    assert _by_month(a) == {(5,): ["劳动光荣", "表彰劳动模范", "举办技能比武"], (6,): ["安全生产", "安全知识竞赛"]}


def test_month_trailing_items():
    a = _scheduled("主要工作安排：\n1、走访慰问困难职工2月份\n2、召开职代会 3月\n3、组织春游活动。4—5月份\n4、其他工作待定")
    assert _by_month(a) == {(2,): ["走访慰问困难职工"], (3,): ["召开职代会"], (4, 5): ["组织春游活动"]}


def test_a_table_like_budget_line_is_cut_before_each_date():
    a = _scheduled("五月一日劳动节慰问活动。会员30人，经费3000元十月一日国庆节慰问活动。会员30人，经费3000元。")
    assert _by_month(a) == {(5,): ["五月一日劳动节慰问活动。会员30人，经费3000元"],
                            (10,): ["十月一日国庆节慰问活动。会员30人，经费3000元"]}


def test_dated_clauses_in_running_text_and_holidays():
    a = _scheduled("计划在四月份组织教职工春游，五月份举办合唱比赛。元旦、春节期间，走访慰问离退休教师。")
    assert _by_month(a) == {(4,): ["计划在四月份组织教职工春游"], (5,): ["五月份举办合唱比赛"],
                            (1, 2): ["元旦、春节期间，走访慰问离退休教师"]}


def test_a_task_holding_the_date_gives_the_activity():
    text = "工会将于6月组织一次安全知识竞赛，提高职工安全意识。"
    task = Task(text="于6月组织一次安全知识竞赛", start=3, end=16, action="组织")
    a = _scheduled(text, tasks=(task,))
    assert _by_month(a) == {(6,): ["于6月组织一次安全知识竞赛"]}


def test_recurring_items_stand_apart():
    a = _scheduled("1、每两周的周三下午集中学习。\n2、每季度召开一次分析会。\n3、九月份：庆祝教师节")
    rec = [(it.every, it.activity, it.months) for it in a.schedule if it.every or not it.months]
    assert rec == [("2W", "每两周的周三下午集中学习", ()), ("1Q", "每季度召开一次分析会", ())]
    assert _by_month(a) == {(9,): ["庆祝教师节"]}


def test_render_calendar_lists_months_then_recurring():
    a = _scheduled("2025年工会计划\n九月份：教师节表彰\n十月份：登山比赛\n每月开展一次生日会。", title="2025年工会计划")
    out = render_calendar(a)
    assert out.splitlines()[0] == "2025年工会计划（2025年）"
    assert out.index("9月") < out.index("教师节表彰") < out.index("10月") < out.index("登山比赛")
    assert out.index("定期") < out.index("每月 (1M)") < out.index("每月开展一次生日会")


def test_no_dates_no_calendar_items():
    assert _scheduled("加强工会自身建设，提高服务水平。").schedule == ()


# ----------------------------------------------------------------------------- through the pipeline

@pytest.fixture(scope="module")
def seed_000():
    from nlp.api import analyze_path
    from tests.conftest import CORPUS

    return {a.title: a for a in analyze_path(CORPUS / "000_9825fc98e55fd8cd.txt")}


def test_calendar_of_a_plan_with_month_lines(seed_000):
    months = _by_month(seed_000["工会工作计划与总结篇四"])
    assert months[(1, 2)] == ["召开职工代表大会，农历新年慰问退休教职工"]
    assert months[(3,)] == ["庆祝“三八”节，趣味运动会"]
    assert months[(7, 8)] == ["在职教工、退休教工送清凉活动"]
    assert months[(10,)] == ["举办教职工乒乓球赛"]
    assert months[(12,)] == ["迎新年联欢活动"]


def test_calendar_of_a_plan_with_month_trailing_items(seed_000):
    a = seed_000["工会工作计划与总结篇七"]
    months = _by_month(a)
    assert months[(1,)] == ["慰问困难职工，离退休教师"]
    assert months[(3,)] == ["召开各分工会主席会议，进行培训", "编报工会经费预决算方案", "庆祝“三八”妇女节",
                            "“工人先锋号”评选，创建申报"]
    assert months[(3, 4)] == ["组织开展“做书香女人，展巾帼风采”系列活动"]
    assert months[(12,)] == ["“青蓝工程”阶段考核", "开展困难职工调查", "年终工作总结"]
    assert "待定" not in render_calendar(a)


def test_rule_prefilters_hold_for_every_match(corpus_documents):
    # _candidates skips a rule when the text lacks what its matches contain; this checks, on the
    # whole corpus and the held-out plans, that every match does contain it (a pattern edited
    # later must keep its listed literals true, or the rule would silently miss).
    from pathlib import Path

    from nlp.extract import dates as dates_mod

    heldout = sorted((Path(__file__).parents[1] / "heldout" / "docs").glob("*"))
    texts = [a.text for d in corpus_documents for a in d.articles]
    texts += [p.read_text(encoding="utf-8") for p in heldout if p.suffix in (".txt", ".md")]
    checked = 0
    for pattern, _make, _prefixed, needs in dates_mod._RULES:
        for text in texts:
            for m in pattern.finditer(text):
                if m.end() > m.start():
                    assert all(any(x in m.group() for x in group) for group in needs), (pattern.pattern, m.group())
                    checked += 1
    assert checked > 500
