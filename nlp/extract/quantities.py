"""Numbers bound to units: Arabic, Chinese and 大写 numerals, percents, ranges, comparators.

A quantity is found syntactically (a number followed by a unit or classifier from
nlp/data/targets/units.txt, a percent sign, or a 万/亿 magnitude); deciding which quantities
are targets is targets.py's job. Numerals are converted with cn2an on the matched span only.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..data.targets import words
from ..lang.numerals import cn2an_value
from ..model import Article, Quantity
from ..text.segment import get_segmenter

_CN_NUM = "零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
_PLACEHOLDER = "xX×_＿"
_CN_DIGIT_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"两": 2, "〇": 0, "○": 0}

# NUMBER: one numeral. Matches "2,591,637.10", "95.5", "6xx", "壹拾万零贰佰", "二十五";
# must not match the "." of an enumerator "1." on its own (the decimal part needs digits).
_NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # thousands separators (half-width only: ，lists)
    r"|\d+(?:\.\d+)?(?:[xX×]+)?"  # plain or decimal; trailing x = placeholder digits
    rf"|[{_CN_NUM}]+(?:点[{_CN_NUM}]+)?)"
)

# Comparators printed before the number. Matches "不少于" in "不少于1000人"; the 近 of
# "最近" is consumed harmlessly (no number follows it).
_PRE = {
    ">=": ("不少于", "不低于", "不下于", "至少", "最少", "起码", "超过", "多于", "高于", "逾",
           "≥", "＞", ">"),
    "<=": ("不超过", "不高于", "不多于", "最多", "至多", "≤", "＜", "<"),
    "~": ("大约", "约", "将近", "接近", "近"),
}
# Comparators printed after the unit. Matches "以上" in "90%以上"; the bare 上 of "90%上"
# is accepted only before punctuation or the end (not "3人上台").
_POST = {
    ">=": ("及以上", "以上", "之上"),
    "<=": ("及以下", "以下", "以内", "之内"),
    "~": ("左右", "上下"),
}


# PLACEHOLDER_DIGITS: digits masked by a template. Matches "6xx"; must not match "66".
_PLACEHOLDER_DIGITS = regex.compile(r"\d[xX×]")
# POSITIONAL: a Chinese numeral with a place value. Matches "二十五", "三千"; must not match
# "三八" or "二〇〇三" (digit strings: names and years).
_POSITIONAL = regex.compile("[十拾百佰千仟万亿点]")


@dataclass(frozen=True)
class _Parsed:
    value: float | None
    low: float | None
    high: float | None


def _alternation(items: tuple[str, ...]) -> str:
    return "|".join(regex.escape(x) for x in sorted(items, key=len, reverse=True))


# The groups of QUANTITY in order: _from_match reads them all with one m.groups() call, since a
# lookup by name costs more than the rest of rejecting a bare numeral.
_QUANTITY_GROUPS = ("pre", "num", "sep", "num2", "ap1", "mag", "ap2", "unit", "sep2", "num3",
                    "zheng", "post")


@lru_cache(maxsize=1)
def _quantity_re() -> regex.Pattern:
    """The quantity pattern, built once from the unit list."""
    units = _alternation(words("units"))
    pre = _alternation(tuple(x for v in _PRE.values() for x in v))
    post = _alternation(tuple(x for v in _POST.values() for x in v))
    # QUANTITY: matches "近600余个", "1—2期", "二到三个月", "6万余元", "90%以上", "365万",
    # "30%—50%"; a bare number ("二是", "2017") matches too and is rejected in code for
    # lack of a unit.
    pattern = regex.compile(
        rf"""
        (?:(?P<pre>{pre})[ \u3000]?)?
        (?P<num>{_NUMBER})
        (?:(?P<sep>[-—–―~～至到])(?P<num2>{_NUMBER}))?
        (?P<ap1>[多余来])?
        (?P<mag>(?<=\d[多余]?)(?:万亿|[万亿]))?
        (?P<ap2>(?<=[万亿])[多余])?
        (?:[ \u3000](?=(?:{units})))?
        (?P<unit>{units})?
        (?:(?P<sep2>[-—–―~～至到])(?P<num3>{_NUMBER})(?P=unit))?
        (?P<zheng>(?<=元)整)?
        (?P<post>{post}|上(?=[\p{{P}}\s]|$))?
        """,
        regex.VERBOSE,
    )
    assert tuple(pattern.groupindex) == _QUANTITY_GROUPS  # _from_match unpacks m.groups()
    return pattern


# PERCENT_WORDS: matches "百分之九十", "百分之95以上"; must not match "百分点".
_PERCENT_WORDS = regex.compile(
    rf"(?P<pre>{_alternation(tuple(x for v in _PRE.values() for x in v))})?"
    rf"百分之(?P<num>{_NUMBER})"
    rf"(?P<post>{_alternation(tuple(x for v in _POST.values() for x in v))})?"
)

def _comparator_of(word: str | None, table: dict[str, tuple[str, ...]]) -> str | None:
    if not word:
        return None
    if word == "上":
        return ">="
    for comp, cues in table.items():
        if word in cues:
            return comp
    return None


_HALF_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _to_half_width(s: str) -> str:
    return s.translate(_HALF_WIDTH_DIGITS)


# The same few numerals (一, 两, 10, 100 …) recur in every article and cn2an is slow; the cache
# is bounded, so a batch worker's memory stays flat.
@lru_cache(maxsize=4096)
def parse_number(span: str) -> float | None:
    """The value of one numeral as printed (`二十五` → 25, `2,591,637.10` → 2591637.1)."""
    s = _to_half_width(span).replace(",", "")
    if not s:
        return None
    if s[0].isdigit():
        if _PLACEHOLDER_DIGITS.search(s):
            return None  # placeholder digits: the amount is unknown
        try:
            return float(s)
        except ValueError:
            return None
    s = s.replace("〇", "零").replace("○", "零")
    if s[0] in "十拾百佰千仟万亿":
        s = ("一" if s[0] in "十百千万亿" else "壹") + s  # bare 千 of 近千名, 百 of 百分之百
    return cn2an_value(s, ("normal", "smart"))


def _adjacent_digits(span: str) -> tuple[int, int] | None:
    """`两三` → (2, 3), `三五` → (3, 5): a Chinese approximate range written as two digits."""
    if len(span) != 2 or any(c not in _CN_DIGIT_VALUE for c in span):
        return None
    a, b = _CN_DIGIT_VALUE[span[0]], _CN_DIGIT_VALUE[span[1]]
    if a >= 1 and (b == a + 1 or (a, b) == (3, 5)):
        return a, b
    return None


def _num(x: float | None) -> float | None:
    """Integral floats as int, so 10 prints as 10, not 10.0."""
    if x is None:
        return None
    return int(x) if float(x).is_integer() else x


def _is_chinese(span: str) -> bool:
    return bool(span) and span[0] in _CN_NUM


class _Boundaries:
    """The word boundaries of the segmented text: the end of the word starting at an offset.

    Read by bisecting the segmenter's (memoized) start offsets rather than building a dict
    per text: only the few Chinese numerals with a unit ask."""

    __slots__ = ("starts", "text_len")

    def __init__(self, text: str):
        self.starts = get_segmenter().word_starts(text)
        self.text_len = len(text)

    def word_end(self, pos: int) -> int | None:
        """End of the word starting at `pos`, or None when no word starts there."""
        starts = self.starts
        i = bisect_left(starts, pos)
        if i == len(starts) or starts[i] != pos:
            return None
        # words tile the text: each ends where the next starts, the last at len(text)
        return starts[i + 1] if i + 1 < len(starts) else self.text_len


@lru_cache(maxsize=1)
def _arabic_only() -> frozenset[str]:
    """Units printed only after Arabic numerals, as a set built once."""
    return frozenset(words("arabic_only"))


def _from_match(m: regex.Match, text: str, bounds: _Boundaries) -> Quantity | None:
    """Build a Quantity from a QUANTITY match, or None when it is not one."""
    pre, num, _sep, num2, ap1, mag, ap2, unit, _sep2, num3, _zheng, post = m.groups()
    # Most matches are a bare numeral (一 of 一些, 2017): no unit, no magnitude, and no trailing
    # 万/亿 that would become one below. Rejected before anything else is looked at.
    if not unit and not mag and num[-1] not in "万亿":
        return None
    unit, mag = unit or "", mag or ""
    chinese = _is_chinese(num)
    if chinese and unit in _arabic_only():
        return None
    # A Chinese numeral's trailing 万/亿 is a magnitude that stays in the unit (伍万元 → 5 万元).
    if chinese and len(num) > 1 and num[-1] in "万亿" and not num2:
        mag, num = num[-1], num[:-1]
    if chinese and not mag and num in ("万", "亿", "百", "千") and not (pre or ap1):
        return None  # a bare 百/千/万 needs an approximation marker (近千名, 千余人)
    if not unit and not mag:
        return None
    if not unit and post:
        return None  # "5万以上" reads better as a threshold than a count of 万
    start, end = m.start(), m.end()
    if post == "上" and not unit.endswith(("%", "％")):
        return None
    if start > 0 and text[start - 1] in _PLACEHOLDER:
        return None  # x万余人, xx万元: the amount is a placeholder
    if chinese:
        num_start = m.start("num")
        start_word_end, num_word_end = bounds.word_end(start), bounds.word_end(num_start)
        if start_word_end is None and num_word_end is None:
            return None  # numeral inside a word: 进一步, 统一, 队伍
        if max(start_word_end or start, num_word_end or num_start) > end:
            return None  # unit glued into a word: 一家人, 一次性, 千家万户
    full_unit = mag + unit
    approx = bool(ap1 or ap2)
    if num3 and not num2:
        num2 = num3  # 30%—50%, 3家至5家: the unit printed on both ends
    parsed = _parse(num, num2)
    if parsed is None:
        return None
    comp = _comparator_of(post, _POST) or _comparator_of(pre, _PRE)
    if parsed.low is not None:
        comp = "range"
    elif comp is None:
        comp = "~" if approx else "="
    return Quantity(
        text=text[start:end], start=start, end=end,
        value=_num(parsed.value), low=_num(parsed.low), high=_num(parsed.high),
        unit=full_unit, comparator=comp,
    )


def _parse(num: str, num2: str | None) -> _Parsed | None:
    if num2:
        lo, hi = parse_number(num), parse_number(num2)
        if lo is None or hi is None or lo >= hi:
            return None
        return _Parsed(None, lo, hi)
    pair = _adjacent_digits(num)
    if pair:
        return _Parsed(None, float(pair[0]), float(pair[1]))
    if len(num) > 1 and _is_chinese(num) and not _POSITIONAL.search(num):
        return None  # digit strings are names or years, not counts: 三八节, 二〇〇三
    value = parse_number(num)
    if value is None and not _PLACEHOLDER_DIGITS.search(num):
        return None
    return _Parsed(value, None, None)


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, in order of position."""
    bounds = _Boundaries(text)
    out: list[Quantity] = []
    for m in _quantity_re().finditer(text):
        q = _from_match(m, text, bounds)
        if q is not None:
            out.append(q)
    taken = [(q.start, q.end) for q in out]
    for m in _PERCENT_WORDS.finditer(text):
        value = parse_number(m["num"])
        if value is None or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        comp = _comparator_of(m["post"], _POST) or _comparator_of(m["pre"], _PRE) or "="
        out.append(Quantity(m[0], m.start(), m.end(), _num(value), None, None, "%", comp))
    out.sort(key=lambda q: (q.start, q.end))
    return out


def extract_quantities(article: Article) -> list[Quantity]:
    """Every quantity (number + unit/classifier/percent/money) in the article."""
    return find_quantities(article.text)
