"""Dates and schedules: every time expression of an article, normalized; the article's year.

Each pattern of `date_patterns` proposes candidates; overlapping candidates are settled
leftmost-longest (一二月份 beats 二月份, 2017年11月底 beats 2017年). Conventions follow
/work/shared/eval/GUIDELINES.md "Dates": `year` is filled only when written with digits in the
mention itself (a bare 三月份 keeps year null; the article's year is `Article.year`, and the
calendar applies it).
"""

from __future__ import annotations

import bisect
from collections import Counter
from typing import Callable

import regex

from ..model import Article, DateMention, ScheduleItem
from . import date_patterns as P
from . import schedule
from .holidays import TIME_SUFFIX, resolve_holiday

# TIME_SUFFIX: what may follow a holiday and still belong to it. Matches "期间" after "十一";
# must not match "福利".
_TIME_SUFFIX = regex.compile(TIME_SUFFIX)

# A numeric year that is plausible in a plan (二00三 → 2003; 2999 is a typo or a code).
_YEAR_MIN, _YEAR_MAX = 1900, 2099


def _digitwise_year(s: str) -> int | None:
    """二00三 → 2003, 2017 → 2017 (a year is read digit by digit)."""
    digits = []
    for ch in s.translate(P.FULLWIDTH):
        v = 0 if ch in "零〇○O" else P.to_int(ch)
        if v is None or v > 9:
            return None
        digits.append(str(v))
    y = int("".join(digits))
    return y if _YEAR_MIN <= y <= _YEAR_MAX else None


def _mention(text: str, start: int, end: int, kind: str, **kw) -> DateMention:
    return DateMention(text=text[start:end], start=start, end=end, kind=kind, **kw)


# ----------------------------------------------------------------------------- candidate makers
# Each takes (text, match, context) and returns a DateMention or None (rejected).

Maker = Callable[[str, "regex.Match[str]", "_Ctx"], "DateMention | None"]


class _Ctx:
    """What a maker may need beyond the match: outline marker positions."""

    def __init__(self, article: Article):
        self.marker_starts = {h.start for h in article.headings}
        self.has_headings = bool(article.headings)


def _make_day_md(text: str, m, ctx) -> DateMention | None:
    mo, d = P.to_int(m.group("dm")), P.to_int(m.group("dd"))
    if mo is None or d is None or not 1 <= d <= 31:
        return None
    last = P.to_int(m.group("dm2") or m.group("dm3") or m.group("dm"))  # 1月1日至3月31日
    return _mention(text, m.start(), m.end(), "day", months=(mo, last or mo), day=d)


def _make_day_list(text: str, m, ctx) -> list[DateMention] | None:
    """4月29、30日: one day mention per day listed, the first with its month."""
    mo = P.to_int(m.group("lm"))
    spans = [m.span("ld"), *m.spans("ldn")]
    days = [P.to_int(text[a:b]) for a, b in spans]
    if mo is None or any(d is None or not 1 <= d <= 31 for d in days):
        return None
    out = [_mention(text, m.start(), spans[0][1], "day", months=(mo, mo), day=days[0])]
    for (a, b), d in zip(spans[1:], days[1:]):
        end = m.end() if (a, b) == spans[-1] else b
        out.append(_mention(text, a, end, "day", months=(mo, mo), day=d))
    return out


def _make_day_dot(text: str, m, ctx) -> DateMention | None:
    mo, d = P.to_int(m.group("pm")), P.to_int(m.group("pd"))
    return _mention(text, m.start(), m.end(), "day", months=(mo, mo), day=d)


def _make_holiday_date(text: str, m, ctx) -> DateMention | None:
    kind, month, day = P.holiday_days()[m.group("hdw")]
    end = m.end()
    if kind == "holiday":
        suffix = _TIME_SUFFIX.match(text, end)
        if suffix is not None:
            end = suffix.end()  # 十一期间, like 国庆期间: the suffix belongs to the holiday
    return _mention(text, m.start(), end, kind, months=(month, month), day=day)


def _make_day_iso(text: str, m, ctx) -> DateMention | None:
    mo, d = P.to_int(m.group("im")), P.to_int(m.group("id"))
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return _mention(text, m.start(), m.end(), "day", year=int(m.group("iy")), months=(mo, mo), day=d)


def _make_month_range(text: str, m, ctx) -> DateMention | None:
    g = m.groupdict()
    if g.get("r1"):
        a, b = P.to_int(g["r1"]), P.to_int(g["r2"])
        if a is None or b is None or a == b or not (1 <= a <= 12 and 1 <= b <= 12):
            return None
    elif g.get("l1"):
        items = [g["l1"], *m.captures("ln")]
        if len({it.translate(P.FULLWIDTH).isdigit() for it in items}) > 1:
            return None  # 3、九月: an outline number, then a month
        vals = [P.to_int(v) for v in items]
        if any(v is None for v in vals) or any(b <= a for a, b in zip(vals, vals[1:])):
            return None
        if len(vals) == 2 and _maybe_marker(text, m.start("l1"), m.end(), ctx):
            return None
        a, b = vals[0], vals[-1]
    else:
        a, b = P.to_int(g["c1"]), P.to_int(g["c2"])
        if b != a + 1:
            return None
    return _mention(text, m.start(), m.end(), "month_range", months=(a, b))


def _maybe_marker(text: str, first: int, end: int, ctx: _Ctx) -> bool:
    """Whether the 一、 of 一、二月 (or the 1、 of 1、2月) is an outline marker: a heading starts
    there, or (outline unknown) it opens a line and the months run on into a sentence."""
    if first in ctx.marker_starts:
        return True
    if ctx.has_headings:
        return False
    line_start = text.rfind("\n", 0, first) + 1
    at_line_start = P.LINE_START_MARKER.fullmatch(text, line_start, first) is not None
    return at_line_start and not regex.match(r"[：:\s]|$", text[end:end + 1])


def _make_month(text: str, m, ctx) -> DateMention | None:
    mo = P.to_int(m.group("ma") or m.group("mc"))
    if mo is None or not 1 <= mo <= 12:
        return None
    return _mention(text, m.start(), m.end(), "month", months=(mo, mo))


def _make_month_ph(text: str, m, ctx) -> DateMention | None:
    kind = "day" if m.group().endswith(("日", "号")) else "month"
    return _mention(text, m.start(), m.end(), kind, placeholder=True)


# A season word ending in 初/终/内 that starts a longer word instead: 年初步, 年终于, 年内容.
_NOT_AFTER_SEASON = {"初": "步见次", "终": "于", "内": "容涵"}
_QUARTERS = {1: (1, 3), 2: (4, 6), 3: (7, 9), 4: (10, 12)}


def _make_season_word(text: str, m, ctx) -> DateMention | None:
    word = m.group("sw")
    nxt = text[m.end():m.end() + 1]
    if not m.group("ssuf") and nxt and nxt in _NOT_AFTER_SEASON.get(word[-1], ""):
        return None
    return _mention(text, m.start(), m.end(), "season", months=P.season_table()[word])


def _make_season_term_word(text: str, m, ctx) -> DateMention | None:
    return _mention(text, m.start(), m.end(), "season")


def _make_month_part(text: str, m, ctx) -> DateMention | None:
    return _mention(text, m.start(), m.end(), "season")


def _make_season_year(text: str, m, ctx) -> DateMention | None:
    nxt = text[m.end():m.end() + 1]
    if not m.group("ssuf2") and nxt and nxt in _NOT_AFTER_SEASON.get(m.group("sw2"), ""):
        return None
    y = _digitwise_year(m.group("sy")) if m.group("sy") else None
    return _mention(text, m.start(), m.end(), "season", year=y,
                    months=P.season_table()["年" + m.group("sw2")], placeholder=bool(m.group("sph")))


def _make_season_quarter(text: str, m, ctx) -> DateMention | None:
    if m.group("q3"):  # 前三季度
        return _mention(text, m.start(), m.end(), "season", months=(1, 3 * P.to_int(m.group("q3"))))
    quarters = [P.to_int(q) for q in (m.group("q"), *m.captures("qn"))]
    if any(q is None or not 1 <= q <= 4 for q in quarters) or quarters != sorted(set(quarters)):
        return None
    first, last = _QUARTERS[quarters[0]][0], _QUARTERS[quarters[-1]][1]
    if m.group("qsuf"):  # 一季度末: the (last) quarter's last month; 二季度初: its first
        first = last = _QUARTERS[quarters[-1]][0] if m.group("qsuf") == "初" else last
    return _mention(text, m.start(), m.end(), "season", months=(first, last))


def _make_season_term(text: str, m, ctx) -> DateMention | None:
    return _mention(text, m.start(), m.end(), "season")


def _make_year_num(text: str, m, ctx) -> DateMention | None:
    y = _digitwise_year(m.group("y1"))
    if y is None:
        return None
    return _mention(text, m.start(), m.end(), "year", year=y)


def _make_year_ph(text: str, m, ctx) -> DateMention | None:
    return _mention(text, m.start(), m.end(), "year", placeholder=True)


def _make_year_rel(text: str, m, ctx) -> DateMention | None:
    return _mention(text, m.start(), m.end(), "year")


def _make_holiday(text: str, m, ctx) -> DateMention | None:
    h, hstart, hend = resolve_holiday(m)
    if h is None:
        return None
    bare = not m.group("hdes") and not m.group("hsuf")
    if bare and P.HOLIDAY_NOT_AFTER.match(text, hend):
        return None  # 三八红旗手, 五一劳动奖章, “七一”讲话
    closed = hend > hstart and text[hend - 1] in "”\"’」』"
    if not h.bare and bare and not closed and m.group("hname") == h.names[-1]:
        return None  # 清明 alone (政治清明)
    end = hend
    if m.group("hsuf") and m.start("hsuf") == hend:  # 春节前后, 五一前夕
        end = m.end("hsuf")
    return _mention(text, hstart, end, "holiday", months=h.months)


_EVERY_UNIT = {"天": "D", "日": "D", "周": "W", "星期": "W", "礼拜": "W", "月": "M", "季度": "Q",
               "季": "Q", "年": "Y", "年度": "Y", "学年": "Y", "旬": "D"}


def _every(count: str | None, unit: str) -> str | None:
    n = 1 if not count else P.to_int(count)
    if count == "半":
        return {"年": "6M", "月": "2W", "年度": "6M"}.get(unit)
    if unit == "双周":
        return "2W"
    if unit == "学期":  # a school term is half a school year
        return f"{6 * (n or 1)}M"
    if n is None or n <= 0:
        return None
    if unit == "旬":
        return f"{10 * n}D"
    return f"{n}{_EVERY_UNIT[unit]}"


def _make_recurring_every(text: str, m, ctx) -> DateMention | None:
    if m.group("ou"):
        every = _every(m.group("on"), m.group("ou"))
    else:
        every = _every(m.group("wn"), "周")
    # 每月15日: the day of the month the event falls on (a day of a year, 每年3月, is no such day)
    day = P.to_int(m.group("rd")) if m.group("rd") and every and every.endswith("M") else None
    return _mention(text, m.start(), m.end(), "recurring", every=every, day=day)


def _make_recurring_freq(text: str, m, ctx) -> DateMention | None:
    return _mention(text, m.start(), m.end(), "recurring", every=_every(m.group("fn"), m.group("fu")))


def _make_recurring_range(text: str, m, ctx) -> DateMention | None:
    return _mention(text, m.start(), m.end(), "recurring")  # 二到三个月搞一次: no fixed period


def _make_duration(text: str, m, ctx) -> DateMention | None:
    start = m.start()
    if m.group("dn") == "一" and m.group("dy") and start > 0 and text[start - 1] in "的要这那是该同":
        return None  # 重要一年, 发展的一年: a calendar year spoken of, not a span
    if m.group("dn") == "一" and m.group("dy") and m.group().endswith(m.group("dy")) \
            and text[max(0, start - 4):start].endswith(P.year_qualities()):
        return None  # 关键一年, 攻坚一年: a year characterised as a stage
    if P.ORDINAL_BEFORE.search(text[max(0, start - 5):start]):
        return None  # 第三个五年发展期: an ordinal names a period, not a span
    pre = P.DURATION_PREFIX_REV.match(text, 0, start)
    if pre is not None:
        start = pre.start()  # 近五年, 未来三年
    return _mention(text, start, m.end(), "duration")


def _make_duration_many(text: str, m, ctx) -> DateMention | None:
    return _mention(text, m.start(), m.end(), "duration")


# What every match of a pattern contains, as groups of strings: a text holding no string of some
# group cannot match, and the pattern is not run over it (most articles never write 季度, a
# dotted date or 年底; the regex engine would still try every position).
_MONTH = ("月",)
_YEAR = ("年",)
_DOT = (".", "．", "·", "・")
_ISO_SEP = (".", "-", "/", "．")
_SEASON_OF_YEAR = ("年底", "年初", "年末", "年终", "年内")

# (pattern, maker, takes a year prefix, what a match contains). Order = priority when two
# candidates cover the same span.
_RULES: tuple[tuple["regex.Pattern[str]", Maker, bool, tuple[tuple[str, ...], ...]], ...] = (
    (P.DAY_MD, _make_day_md, True, (_MONTH,)),
    (P.DAY_LIST, _make_day_list, True, (_MONTH, ("、",))),
    (P.DAY_DOT, _make_day_dot, False, (_DOT,)),
    (P.HOLIDAY_DATE, _make_holiday_date, False, ()),
    (P.DAY_ISO, _make_day_iso, False, (_ISO_SEP,)),
    (P.RECURRING_EVERY, _make_recurring_every, False, (("每",),)),
    (P.RECURRING_FREQ, _make_recurring_freq, False, ()),
    (P.RECURRING_RANGE, _make_recurring_range, False, (("一次",),)),
    (P.MONTH_RANGE, _make_month_range, True, (_MONTH,)),
    (P.MONTH_LIST, _make_month_range, True, (_MONTH, ("、",))),
    (P.MONTH_PAIR, _make_month_range, True, (_MONTH,)),
    (P.MONTH, _make_month, True, (_MONTH,)),
    (P.MONTH_PH, _make_month_ph, True, (_MONTH,)),
    (P.HOLIDAY, _make_holiday, True, ()),
    (P.SEASON_YEAR, _make_season_year, False, (_SEASON_OF_YEAR,)),
    (P.SEASON_WORD, _make_season_word, True, ()),
    (P.SEASON_QUARTER, _make_season_quarter, True, (("季度",),)),
    (P.SEASON_TERM_WORD, _make_season_term_word, True, (("学期", "学年"),)),
    (P.MONTH_PART, _make_month_part, True, (("旬", "月"),)),
    (P.SEASON_TERM, _make_season_term, False, (("期",),)),
    (P.YEAR_NUM, _make_year_num, False, (_YEAR,)),
    (P.YEAR_PH, _make_year_ph, False, (_YEAR,)),
    (P.YEAR_REL, _make_year_rel, False, (_YEAR,)),
    (P.YEAR_BARE, _make_year_ph, False, (_YEAR,)),
    (P.DURATION, _make_duration, False, ()),
    (P.DURATION_MANY, _make_duration_many, False, (("年来",),)),
)
# Every string some rule needs, each looked up once per text.
_NEEDED = tuple(dict.fromkeys(x for *_, needs in _RULES for group in needs for x in group))


def _with_prefix(text: str, dm: DateMention) -> DateMention:
    """Attach what is written before a mention: its year (2017年11月底, 今年五一, xx年上半年) and,
    for a holiday, its ordinal (第二十五个教师节)."""
    start = dm.start
    if dm.kind == "holiday":
        o = P.ORDINAL_REV.match(text, 0, start)
        if o is not None:
            start = o.start()
    m = P.PREFIX_REV.match(text, 0, start)
    if m is None and start > 0 and text[start - 1] in " \u3000":
        m = P.PREFIX_REV.match(text, 0, start - 1)  # 2024 年 3 月: the spaced form of 2024年3月
    year, ph = dm.year, dm.placeholder
    if m is not None:
        start = m.start()
        if m.group("py"):
            year = _digitwise_year(m.group("py"))
        elif m.group("pph"):
            ph = True
    if start == dm.start:
        return dm
    return _mention(text, start, dm.end, dm.kind, year=year, months=dm.months, day=dm.day,
                    every=dm.every, placeholder=ph)


def _candidates(text: str, ctx: _Ctx) -> list[tuple[int, int, int, DateMention]]:
    out = []
    present = {x for x in _NEEDED if x in text}
    for prio, (pattern, make, prefixed, needs) in enumerate(_RULES):
        if needs and not all(present.intersection(group) for group in needs):
            continue  # the text lacks what every match holds
        for m in pattern.finditer(text):
            if m.end() == m.start():
                continue
            made = make(text, m, ctx)
            if isinstance(made, list):  # a list of days: the first alone takes the prefix
                if made:
                    first = _with_prefix(text, made[0]) if prefixed else made[0]
                    # the whole list claims its span first, so no shorter reading wins inside it
                    span = -(m.end() - first.start)
                    for i, dm in enumerate([first, *made[1:]]):
                        out.append((dm.start, span if i == 0 else -(dm.end - dm.start), prio, dm))
                continue
            dm = made
            if dm is None or dm.end <= dm.start:
                continue
            if prefixed:
                dm = _with_prefix(text, dm)
            out.append((dm.start, -(dm.end - dm.start), prio, dm))
    return out


def _inside(spans: list[tuple[int, int]], dm: DateMention) -> tuple[int, int] | None:
    """The span of `spans` (sorted, not overlapping) that holds the mention, if any."""
    i = bisect.bisect_right(spans, (dm.start, _FAR)) - 1
    if i >= 0 and spans[i][0] <= dm.start and dm.end <= spans[i][1]:
        return spans[i]
    return None


_FAR = 1 << 62  # sorts after any end offset


def _in_a_name(text: str, dm: DateMention, names, quotes) -> bool:
    """A mention that is part of a document title, or a holiday modifying a quoted name."""
    if _inside(names, dm):
        return True
    if dm.kind == "holiday":
        q = _inside(quotes, dm)
        if q is not None and dm.end < q[1] - 1:
            rest = text[dm.end:q[1] - 1]
            if P.QUOTE_REST_OK.fullmatch(rest) is None:
                return True
    return False


def _may_hold_a_name(text: str) -> bool:
    """Whether NAME_SPAN can match at all: each of its matches holds 《 or a bracket."""
    return "《" in text or "(" in text or "（" in text


def extract_dates_from_text(text: str, article: Article | None = None) -> list[DateMention]:
    """Every time expression of `text`, leftmost-longest, in order."""
    art = article or Article(source="", index=0, title="", text=text)
    ctx = _Ctx(art)
    scan = _without_markers(text, art)
    names = [m.span() for m in P.NAME_SPAN.finditer(scan)] if _may_hold_a_name(scan) else []
    quotes: list[tuple[int, int]] | None = None  # only a holiday asks: found on first need
    chosen: list[DateMention] = []
    last_end = -1
    for start, _neg_len, _prio, dm in sorted(_candidates(scan, ctx), key=lambda c: c[:3]):
        if start >= last_end:
            if dm.kind == "holiday" and quotes is None:
                quotes = [m.span() for m in P.QUOTED.finditer(scan)]
            if (names or dm.kind == "holiday") and _in_a_name(scan, dm, names, quotes or []):
                continue
            chosen.append(dm)
            last_end = dm.end
    return chosen


def _without_markers(text: str, article: Article) -> str:
    """The text with the outline's markers blanked out (same length, so offsets hold): a date
    right after a marker is read on its own ("2.5月举办…" under "1." is the item 2. and 5月)."""
    if not article.headings or article.text != text:
        return text
    spans = sorted((h.start, h.start + len(h.marker)) for h in article.headings
                   if h.marker and text.startswith(h.marker, h.start))
    # the kept stretches and the blanks, joined once (not a list of every character)
    pieces, pos = [], 0
    for start, end in spans:
        start = max(start, pos)  # markers that overlap: blank their union
        if end > start:
            pieces += (text[pos:start], " " * (end - start))
            pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


def extract_dates(article: Article) -> list[DateMention]:
    """Every time expression of the article, normalized."""
    return extract_dates_from_text(article.text, article)


# ----------------------------------------------------------------------------- the article's year

_TITLE_YEAR = regex.compile(f"(?P<y>{P.YEARNUM})年")
# A year that is not the article's own: a deadline (到2013年, 截至2017年11月底) or a past
# starting point (2013年以来). Matches "到" before a mention; must not match "在".
_NOT_OWN_BEFORE = regex.compile("(?:到|至|截至|截止到?|直到)$")
_OPENING = 120  # the opening sentences, where a plan names its year (2019年，我们将…)


def resolve_year(article: Article) -> int | None:
    """The year the article states (title or text), or None.

    The title's year wins; else a year written with digits in the opening sentences; else the
    year the body writes most often (the first on a tie). A plan opening on a placeholder year
    (xx年，工会将…) has no known year. Deadlines (到2013年), past starting
    points (2013年以来), relative words (今年) and placeholders (xx年) state no year.
    """
    for m in _TITLE_YEAR.finditer(article.title or ""):
        y = _digitwise_year(m.group("y"))
        if y is not None:
            return y
    first = next((d for d in article.dates if d.year is not None or d.placeholder), None)
    if first is not None and first.placeholder and first.start < _OPENING:
        return None  # xx年，工会将…: the plan's own year is a template gap
    own = [d for d in article.dates if d.year is not None and not d.text.endswith("以来")
           and not _NOT_OWN_BEFORE.search(article.text, max(0, d.start - 3), d.start)]
    if not own:
        return None
    if own[0].start < _OPENING:
        return own[0].year
    counts = Counter(d.year for d in own)
    best = max(counts.values())
    return next(d.year for d in own if counts[d.year] == best)


# ----------------------------------------------------------------------------- calendar

def build_schedule(article: Article) -> list[ScheduleItem]:
    """The article's calendar: months → activities (needs dates, headings, tasks filled)."""
    return schedule.build_schedule(article)

