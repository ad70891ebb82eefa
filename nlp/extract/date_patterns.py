"""The date patterns: one compiled regex per kind of time expression, built once from the tables.

Numerals are converted only inside a matched span (cn2an over the whole text would turn the
outline marker 一、 into 1、, GUIDE §7).
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..data import table
from ..lang.numerals import parse_int
from .holidays import NOT_A_DAY_AFTER, TIME_SUFFIX, holiday_body, holiday_table, word_alternation

# ----------------------------------------------------------------------------- numerals

FULLWIDTH = str.maketrans("０１２３４５６７８９Ｏｏ○〇", "0123456789000零")


@lru_cache(maxsize=512)
def to_int(s: str) -> int | None:
    """A small Arabic or Chinese numeral as int: '12', '十二', '二00三' (digit-wise), '两'."""
    s = s.strip().translate(FULLWIDTH)
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if s == "半":
        return None
    if s == "元":  # 元月 = January
        return 1
    return parse_int(s, "smart")


# ----------------------------------------------------------------------------- building blocks

_D = "[0-9０-９]"
# Characters that continue a number: a month numeral after one of these is part of something else.
# A dot continues a number only when a digit follows it: "12" of "3.12植树节" is no month, but
# "九月" of "1.九月前完成" is (the dot closes an enumerator).
NUM_CHARS = "0-9０-９〇零○一二三四五六七八九十百千两第"
_NO_NUM_BEFORE = f"(?<![{NUM_CHARS}])(?:(?<![.．])|(?![0-9０-９]))"

# Month 1-12: "12", "3", "03", "十二", "十", "三". Longest alternatives first.
AR_MONTH = "(?:[1１][0-2０-２]|[0０]?[1-9１-９])"
# 元月 is January; 一 after 统/唯/同… is the end of a word (统一月度考核), not a month.
CN_MONTH = "(?:十[一二]|十|(?<![统唯万同单逐划专合归])[一]|[二三四五六七八九]|元(?=月))"
MONTHNUM = f"(?:{AR_MONTH}|{CN_MONTH})"
# Day 1-31.
AR_DAY = "(?:[3３][01０１]|[12１２][0-9０-９]|[0０]?[1-9１-９])"
CN_DAY = "(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
DAYNUM = f"(?:{AR_DAY}|{CN_DAY})"
# A small count for periods and durations: 3, 30, 三, 十五, 二十, 两, 半.
COUNT = "(?:[0-9０-９]{1,3}|[一二两三四五六七八九]?十[一二三四五六七八九]?|[一二两三四五六七八九半])"
# Range separators: 3—4月, 7―9月, 7-12月, 一至二月, 二到三个月, 3～4月.
# Dashes may be doubled or tripled by hand (4月---5月, 2031——2035年).
SEP = "(?:[—―\\-~～－–]{1,3}|至|到)"
_SP = "[ \u3000]?"

# A year written with digits: 2017, 二00三, 二〇〇三, 一九九八.
YEARNUM = (
    f"(?<![0-9０-９])(?:[12１２]{_D}{{3}}"
    "|(?:一九|二[〇○零0０OＯ])[〇○零0０OＯ一二三四五六七八九]{2})"
)
# A template gap standing for a year: xx, 20xx, 20__, 20\_\_ (escaped markdown), ××, __, x(年).
YEARPH = (
    "(?<![A-Za-z])(?:(?:19|20|二[〇○零0])?(?:[xX×ｘＸ]{2,4}|(?:\\\\?[_＿]){2,6}|[*＊]{2,4})"
    "|20[xX×]|[xX×](?=年))"
)
# Words that stand for a year when followed by a month, season or holiday: 今年3月, 去年十月底.
_REL_PREFIX = "今年|明年|去年|前年|来年|次年|当年|同年|本年度?|上年度?"
YEARPREFIX = f"(?:(?P<py>{YEARNUM})[ \u3000]?年度?|(?P<pph>{YEARPH})年度?|(?P<prel>{_REL_PREFIX}))"

# Position inside a month: 7月初, 8月中下旬, 12月底, 11月底前; 中 but not 中秋.
MONTH_SUFFIX = (
    "(?:中下旬|上中旬|上旬|中旬|下旬|初(?![步见])|底|末|中(?![秋])|份)?"
    "(?:前|以前|之前|以后|以来|左右|期间)?"
)

_QO = "[“\"‘「『]"
_QC = "[”\"’」』]"


def _load_lines(name: str) -> list[str]:
    return ["\t".join(row) for row in table("nlp.data.dates", name)]


@lru_cache(maxsize=1)
def season_table() -> dict[str, tuple[int, int] | None]:
    """Season / term word → (first, last) month, or None when not fixed (seasons.tsv)."""
    out: dict[str, tuple[int, int] | None] = {}
    for ln in _load_lines("seasons.tsv"):
        word, first, last = ln.split("\t")
        out[word] = None if first == "-" else (int(first), int(last))
    return out


@lru_cache(maxsize=1)
def unit_word_chars() -> dict[str, str]:
    """Time unit → characters that make a word of it when they follow (unit_words.tsv)."""
    return dict(ln.split("\t") for ln in _load_lines("unit_words.tsv"))


@lru_cache(maxsize=1)
def relative_years() -> tuple[str, ...]:
    """Year words without a number (relative_years.txt)."""
    return tuple(ln.strip() for ln in _load_lines("relative_years.txt"))


@lru_cache(maxsize=1)
def year_qualities() -> tuple[str, ...]:
    """Words that characterise a year as a stage: 关键一年 (year_qualities.txt)."""
    return tuple(ln.strip() for ln in _load_lines("year_qualities.txt"))


_alt = word_alternation

# A unit that is a period, not the start of a word: 年 but not the 年 of 年级/年龄/年轻, 月 but
# not the 月 of 月饼/月季. The one place both the recurring and the duration patterns take it from.
YEAR_UNIT = f"年(?![{unit_word_chars()['年']}])"
MONTH_UNIT = f"月(?![{unit_word_chars()['月']}])"


def _holiday_names_plain() -> str:
    """Holiday names without groups, for a day date followed by its holiday (一月一日元旦节)."""
    return _alt(n for h in holiday_table() for n in h.names if len(n) >= 2)


# ----------------------------------------------------------------------------- the patterns
# Each pattern is small and, where it can, holds a literal (月, 年, 季度, 每) so the regex engine
# skips ahead to it; a year written before a month, season or holiday (2017年11月底, 今年五一) is
# matched backwards from the mention's start by PREFIX_REV. Comments give one example that
# matches and one that must not.

# PREFIX_REV (matched backwards, ending where a mention starts): 2017年, xx年度, 今年, 去年.
# Not: 年 alone, 新的一年 (no year to attach).
PREFIX_REV = regex.compile(f"(?:{YEARPREFIX})", regex.REVERSE)
# ORDINAL_REV: the ordinal before a holiday: 第二十五个(教师节), 第28个. Not: 第三届.
ORDINAL_REV = regex.compile("第(?:[0-9０-９]{1,3}|[一二三四五六七八九十百]{1,4})个", regex.REVERSE)
# DURATION_PREFIX_REV: 近(五年), 未来(三年), 今后(五年). Not: 最近 alone.
DURATION_PREFIX_REV = regex.compile("(?:近|未来|今后)", regex.REVERSE)

# DAY_MD: 9月10日, 一月一日元旦节, 6月10—12日, 1月1日至3月31日, 12月31日前, 7 月 5 日到 7 月 9 日
# (spaces as a PDF or a typist leaves them).
# Not: 一月一次 (recurring), 9月 (a month).
DAY_MD = regex.compile(
    f"{_NO_NUM_BEFORE}(?P<dm>{MONTHNUM}){_SP}月{_SP}(?P<dd>{DAYNUM}){_SP}"
    f"(?:[日号](?:{_SP}{SEP}{_SP}(?:(?P<dm2>{MONTHNUM}){_SP}月{_SP})?{DAYNUM}{_SP}[日号])?"
    f"|{SEP}(?:(?P<dm3>{MONTHNUM}){_SP}月{_SP})?{DAYNUM}{_SP}[日号])"
    f"(?:{_QO}?(?:{_holiday_names_plain()}){_QC}?|前|以前|之前|以后|起)?"
)
# DAY_LIST: a month with a list of its days: 4月29、30日, 5月1、2、3日. Not: 4月29日 (one day:
# DAY_MD), 3、4月 (a list of months).
DAY_LIST = regex.compile(
    f"{_NO_NUM_BEFORE}(?P<lm>{MONTHNUM}){_SP}月{_SP}(?P<ld>{DAYNUM})(?:、(?P<ldn>{DAYNUM}))+{_SP}[日号]"
)
# DAY_DOT: a dotted date that names its holiday: 3.12植树节, 3·5学雷锋日. Not: 5.1服务卡.
DAY_DOT = regex.compile(
    f"(?<![0-9０-９.．])(?P<pm>{AR_MONTH})[.．·・](?P<pd>{AR_DAY})(?![0-9０-９])"
    f"{_QO}?(?:{_holiday_names_plain()}){_QC}?"
)
@lru_cache(maxsize=1)
def holiday_days() -> dict[str, tuple[str, int, int | None]]:
    """Bare dates of fixed holidays → (kind, month, day) (holiday_days.tsv)."""
    out = {}
    for ln in _load_lines("holiday_days.tsv"):
        written, kind, month, day = ln.split("\t")
        out[written] = (kind, int(month), None if day == "-" else int(day))
    return out


# OBSERVANCE: a word of keeping a holiday, after which a bare holiday date is the holiday.
# Matches "福利", "期间", "长假"; must not match "服务卡" (5.1服务卡 is a card's name).
OBSERVANCE = "(?:福利|慰问|活动|期间|前后|前夕|放假|假期|长假|黄金周|节日|庆祝|联欢|游园)"
# HOLIDAY_DATE: a fixed holiday written as its bare date before a word of observance: 5.1福利,
# 6.1活动, 十一期间, 十一长假. Not: 5.1服务卡, 十一届, 十一五期间, 3.5万元.
HOLIDAY_DATE = regex.compile(
    f"(?<![0-9０-９.．〇零一二三四五六七八九十百千两第])"
    f"(?P<hdw>{_alt(holiday_days())})(?![0-9０-９〇零一二三四五六七八九十百千])(?={OBSERVANCE})"
)
# DAY_ISO: 2017.3.12, 2017-03-12, 2017/3/12. Not: 2017-2018 (no day), 3.12 (no year).
DAY_ISO = regex.compile(
    f"(?<![0-9０-９.．])(?P<iy>(?:19|20)[0-9]{{2}})(?P<isep>[.\\-/．])(?P<im>{AR_MONTH})(?P=isep)"
    f"(?P<id>{AR_DAY})(?![0-9０-９])日?"
)

# MONTH_RANGE: 3—4月份, 7―9月, 一至二月份, 七月份至八月份, 十一月份-十二月份, 7月至次年2月,
# lists 一二月份, 七八月份, 一、二月, 3、4、5月. Not: 十一月 (one month), 1—2期 (no 月).
MONTH_RANGE = regex.compile(
    f"{_NO_NUM_BEFORE}(?P<r1>{MONTHNUM}){_SP}(?:月份?)?{_SP}{SEP}{_SP}"
    f"(?:次年|翌年|明年|(?:{YEARNUM.replace('(?<![0-9０-９])', '')}|{YEARPH})年)?(?P<r2>{MONTHNUM}){_SP}月"
    f"{MONTH_SUFFIX}"
)
MONTH_LIST = regex.compile(f"{_NO_NUM_BEFORE}(?P<l1>{MONTHNUM})(?:、(?P<ln>{MONTHNUM}))+{_SP}月{MONTH_SUFFIX}")
MONTH_PAIR = regex.compile(f"{_NO_NUM_BEFORE}(?P<c1>[一二三四五六七八九])(?P<c2>[二三四五六七八九十])月{MONTH_SUFFIX}")

# MONTH: 3月, 三月份, 12月底, 2 月份, 8月中下旬, 11月底前, 元月. Not: 三个月 (duration),
# 十二五 (no 月), 月约谈 (no numeral), 统一月度 (一 ends the word 统一).
MONTH = regex.compile(
    f"{_NO_NUM_BEFORE}(?:(?P<ma>{AR_MONTH}){_SP}|(?P<mc>{CN_MONTH}))月{MONTH_SUFFIX}"
)

# MONTH_PH: a template gap for a month: x月, __月份, xx月xx日. Not: xx年 (a year).
MONTH_PH = regex.compile(
    "(?<![A-Za-z])(?:[xX×]{1,2}|(?:\\\\?[_＿]){1,3})月份?(?:(?:[xX×]{1,2}|(?:\\\\?[_＿]){1,3})[日号])?"
)

# SEASON_WORD: 上半年, 年底前, 全年, 本学期, 暑期, 金秋时节, 冬季. Not: 安全年度考核, 健全年度制度,
# 上学期间 (words across the season word); 年初步 (初步 = preliminary), 今年终于 (终于 = finally):
# rejected by the maker on the next character.
SEASON_WORD = regex.compile(
    f"(?<![安健齐完爱])(?P<sw>{_alt(season_table())})(?![间])(?P<ssuf>前|以前|之前|以来|期间)?"
)
# SEASON_TERM_WORD: a school term named productively: 本学期, 这一学期, 这学期, 上半学期,
# 下半学期, 新学期, 本学年末, 学期初, 该学期, 整个学期, 第二学期. Not: 每学期 (recurring), 一个学期 (a
# duration), 上学期间 (上学 = going to school), 学期 alone.
SEASON_TERM_WORD = regex.compile(
    "(?<![每个])(?:(?:本|这一?个?|该|新|整个|全|上|下|第[一二1２2１])半?(?:学期|学年)(?:期末|期中|初|中|末)?"
    "|(?:学期|学年)(?:初|中|末))"
    "(?![间内])(?P<tsuf>前|以前|之前|以来|期间)?"
)
# MONTH_PART: a vague part of a month named without its number: 本月底, 下个月初, 当月中旬,
# 中旬, 下旬前. Not: 三月中旬 (MONTH holds it), 上旬 inside 月上旬 after a month numeral.
MONTH_PART = regex.compile(
    "(?:(?:本|这个|当|下个?|上个?|次)月(?:上旬|中旬|下旬|初|底|末|中)"
    "|(?<![月日0-9０-９一二三四五六七八九十])(?:上旬|中旬|下旬))(?:前|以前|之前)?"
)
# SEASON_YEAR: a season sharing its 年 with the year: 2017年底, xx年初, 今年内, 明年初.
# Not: 今年 (a year only), 2017年度.
SEASON_YEAR = regex.compile(
    f"(?:(?P<sy>{YEARNUM}){_SP}|(?P<sph>{YEARPH})|(?P<srel>[今明去本当次]))年(?P<sw2>底|初|末|终|内)"
    "(?P<ssuf2>前|以前|之前)?"
)
# SEASON_QUARTER: 第二季度, 一季度末, 三、四季度, 前三季度. Not: 每季度 (recurring), 十一季度.
SEASON_QUARTER = regex.compile(
    f"(?<![0-9０-９〇零一二三四五六七八九十每])第?(?P<q>[一二三四1-4１-４])(?:、第?(?P<qn>[一二三四1-4１-４]))*季度"
    "(?P<qsuf>初|末|底)?(?:前|以前|之前)?"
    "|前(?P<q3>[二两三])(?:个)?季度"
)
# SEASON_TERM: 期初, 期中, 期末 after a punctuation mark or a line start (a school term's
# points). Not: 同期中, 预期末 (inside words).
SEASON_TERM = regex.compile("(?:(?<=^|[\\s，。；：、！？,;:!?（(“\"]))期(?P<term>初|中|末)")

# YEAR_NUM: 2017年, 二00三年, 2019-2020年, 2023-2024学年, 2017年度, 2017年以来.
# Not: 17年 (a duration), 未成年人.
YEAR_NUM = regex.compile(
    f"(?P<y1>{YEARNUM}){_SP}(?:{SEP}{_SP}(?P<y2>{YEARNUM}){_SP})?"
    "(?:年度?|(?<=[0-9０-９]{4})学年)(?:以来)?"
)
# YEAR_PH: xx年, 20xx年度, 20__年, 20\_\_年, ××年. Not: 20年 (no gap).
YEAR_PH = regex.compile(f"(?P<yph>{YEARPH})年(?:度)?(?:以来)?")
# YEAR_REL: 今年, 明年, 今年以来, 本年度, 新的一年, 近年来. Not: 如今年轻人, 目前年级, 以上年龄,
# 基本年薪 (the year word straddles two other words).
YEAR_REL = regex.compile(
    f"(?<![目提之以马晚早向基根资日版如])(?P<yrel>{_alt(relative_years())})(?:度)?(?:以来)?(?![轻纪龄迈])"
)
# YEAR_BARE: a lone 年 between commas where a template gap was deleted (，年，将…).
# Not: 年 inside a word (全年, 年底).
YEAR_BARE = regex.compile("(?<=[，。；：、,;:])年(?=[，,])")

# HOLIDAY: 元旦, 春节前后, “三八”节, “三·八”妇女节, 五一前夕, 国庆期间, 全民健身日.
# Not: 三八红旗手, 五一劳动奖章, “七一”讲话, 八一路 (rejected by the maker on what follows).
HOLIDAY = regex.compile(f"{holiday_body()}(?P<hsuf>{TIME_SUFFIX})?")
HOLIDAY_NOT_AFTER = regex.compile(f"[”\"’」』]?{NOT_A_DAY_AFTER}")

# RECURRING_EVERY: 每月, 每两周, 每季度, 每周五下午, 每两周的周五下午, 每周一次, 每一季度,
# 每季度中间月份, 每天, 每年, 每学期, 每月15日. Not: 每人, 每位 (no period), 每个年级组 (a word
# starts at 年: YEAR_UNIT).
RECURRING_EVERY = regex.compile(
    f"每隔?(?P<wn>{COUNT})?个?(?:周|星期|礼拜)"
    "(?:的?(?:周|星期)?(?P<wd>[一二三四五六日天])(?![次个]))?(?:上午|下午|晚上|中午)?(?:一次)?"
    f"|每隔?(?P<on>{COUNT})?个?(?P<ou>季度|季|年度|学年|学期|{YEAR_UNIT}|{MONTH_UNIT}|天|日|旬|双周)"
    f"(?:的?(?:中间|第一个|最后一个)月份?|初|底|末|上旬|中旬|下旬|的?(?P<rd>{DAYNUM})[日号])?(?:一次|一度)?"
)
# RECURRING_FREQ: 一月一次, 两周一次, 一年一度, 半年一次, 一周两次. Not: 一次 alone, 定期.
RECURRING_FREQ = regex.compile(
    f"{_NO_NUM_BEFORE}(?P<fn>[一两二三四五六七八九半1-9])个?(?P<fu>天|周|星期|月|季度|年)"
    "(?:[一1][次度]|[两二三四2-4]次)"
)
# RECURRING_RANGE: a period given as a range: 二到三个月搞一次 (every unknown). Not: 二到三个月.
RECURRING_RANGE = regex.compile(
    f"{_NO_NUM_BEFORE}(?P<cn1>{COUNT}){SEP}(?P<cn2>{COUNT})个?(?P<cu>天|周|星期|月|季度|年)"
    "(?:[搞办开举召进组展行织]{1,2})?一次"
)

# DURATION: 三年, 30年, 1个月, 半个月, 两周, 一年来, 三至五年内, 一年半.
# Not: 2017年 (a year), 三年级, 初二年段 (a grade), 五周年, 70周岁, 九年义务教育, 一年四季, 第一年 / 重要一年 (a
# calendar year, not a span).
DURATION = regex.compile(
    f"{_NO_NUM_BEFORE}(?<![初高])(?P<dn>{COUNT})(?:{SEP}{COUNT})?"
    f"(?:(?P<dy>{YEAR_UNIT})(?!度|四季|义务|一贯)|个(?:{MONTH_UNIT}|星期|工作日)|(?:周|星期)(?![年岁边围期])|天)"
    "(?:半|以来|来|多|之久|以内|内)?"
)
# ORDINAL_BEFORE: an ordinal before a span names a period (第三个五年发展期, 第二个三年行动), not a
# duration. Matches "第三个" at the end of the text before; must not match "三个" alone.
ORDINAL_BEFORE = regex.compile(r"第[\d一二三四五六七八九十]{1,3}个?$")
# DURATION_MANY: 多年来, 几年来, 数年来. Not: 近年来 (a year word), 几年 (no 来).
DURATION_MANY = regex.compile("(?:多|几|数)年来")

# NAME_SPAN: the title of a document, whose numbers are part of a name, not dates:
# 《县xxxx年再就业工作规划》, 规划纲要(2019-2020年). Not: (6月) after an ordinary word.
NAME_SPAN = regex.compile(
    "《[^《》\n]{1,80}》"
    "|(?<=(?:纲要|规划|计划|方案|意见|条例|办法|决定|通知|要点))[(（][^()（）\n]{1,20}[)）]"
)

# QUOTED: a quoted phrase on one line; a holiday followed by more words inside it modifies a
# name (“元旦春节送温暖”, “五一先锋”), one ending the phrase is still the day (“迎国庆”).
# Matches “迎国庆”; must not match a quote left open at a line end.
QUOTED = regex.compile("[“‘「『][^“”‘’「」『』\n]{1,30}[”’」』]")
# QUOTE_REST_OK: what may follow a holiday inside its quotes without making it a name: other
# holidays, 、和及与. Matches "、中秋节" in “国庆、中秋节”; must not match "送温暖" in “元旦春节送温暖”.
QUOTE_REST_OK = regex.compile(
    f"(?:[、，,和与及]|{_holiday_names_plain()}|{TIME_SUFFIX}|节日?)*"
)

# What may stand between a line start and an outline marker: 一、二月 at a line start may be
# the marker 一、 and the month 二月. Matches "  ", "## "; must not match "计划在".
LINE_START_MARKER = regex.compile(r"[ \t\u3000#\-*]*")
