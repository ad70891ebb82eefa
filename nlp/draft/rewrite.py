"""Rewriting archive wording for the new plan: years, organisation names, enumerators."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..extract.placeholders import PLACEHOLDER
from ..lang.enumerators import MARKER_SOURCE, RUNIN_OPENER

# A four-digit year before 年. Matches "2017" in "2017年", "2016" in "2016年度"; not "12017年" nor "2017届".
YEAR_ARABIC = regex.compile(r"(?<![0-9０-９])(?:19|20)[0-9]{2}(?=年)")
# A year written in Chinese digits. Matches "二〇一七" in "二〇一七年", "二00三" in "二00三年"; not "十二五".
YEAR_CHINESE = regex.compile(r"(?<![〇零一二三四五六七八九十])[一二][〇零○O0一二三四五六七八九]{3}(?=年)")
# A template year left blank. Matches "xx" in "xx年", "20__" in "20__年", "20xx" in "20xx年度"; not "x光", "box年".
YEAR_PLACEHOLDER = regex.compile(r"(?<![A-Za-z0-9])(?:19|20)?(?:[xX×]{1,2}|[_＿]{2,})(?=年)")
# A span of years: the sentence speaks of several years. Matches "2016-2017", "2019至2021"; not "2017年3-4月".
YEAR_RANGE = regex.compile(r"(?<![0-9])(?:19|20)[0-9]{2}\s*年?\s*[-—–~～至到]\s*(?:19|20)[0-9]{2}(?![0-9])")

# The organisation speaking of itself. Matches "我校", "本单位", "我区"; not "学校" nor "本学期".
ORG_SELF = regex.compile(
    r"(?:我|本)(?:校|单位|公司|院|局|社区|街道|镇|乡|区|县|市|厂|集团|中心)(?![长级内外])")
# An organisation name left blank by a template. Matches "xx街道", "xxx", "××公司", "__小学";
# not "xx年" (a year, see YEAR_PLACEHOLDER) nor "box".
ORG_PLACEHOLDER = regex.compile(
    r"(?<![A-Za-z0-9])(?:[xX×]{2,}|[_＿]{2,}|[＊*]{3,})"
    r"(?:街道|社区|公司|集团|小学|中学|学校|幼儿园|医院|省|市|县|区|镇|乡|村|局|厂)?(?![年月日届大A-Za-z])")
# What a self-designation becomes without --org: the generic, placeholder-free form.
GENERIC_SELF = "本单位"
# The union suffix an organisation name ends with; "XX小学工会" speaks of "XX小学" in 我校.
UNION_SUFFIX = regex.compile(r"(?:总工会|分工会|工会委员会|工会|女职工委员会)$")

# An outline enumerator opening a line or sentence. Matches "一、", "（二）", "3.", "(4)", "①", "一是";
# not "一线教师" nor "3.5%".
LEADING_ENUMERATOR = regex.compile(rf"^\s*(?:{MARKER_SOURCE}|{RUNIN_OPENER.pattern}(?=[^\p{{P}}]))\s*")
# A short label opening a sentence, ending in a colon. Matches "工作目标:", "即：", "目标任务："; not "3:30".
LEADING_LABEL = regex.compile(r"^\s*\p{Han}{1,6}[:：]\s*")
# Half-width punctuation beside Chinese text, printed full-width in the draft. Matches "," in
# "主线,维护" and "(" in "知识(身体"; not "," in "1,000" nor ":" in "8:30".
HALF_WIDTH = regex.compile(r"(?<=[\p{Han}“”）])[,;:()?!]|[,;:()?!](?=[\p{Han}“”（])")
_FULL_WIDTH = str.maketrans(",;:()?!", "，；：（）？！")
# An enumerator inside a sentence, which would make the sentence a list cut out of context.
# Matches "（1）" in "包括（1）学习", "2、" in "；2、开展"; not "3.5%" nor "“三八”".
INNER_ENUMERATOR = regex.compile(
    rf"(?:(?=[（(①-⑳⑴-⒇\d])|(?<![\p{{Han}}]))(?:{MARKER_SOURCE}|{RUNIN_OPENER.pattern}(?=\p{{Han}}))")
# A sentence end the draft keeps as is. Matches "。", "！"; anything else is closed with "。".
_CLOSED = regex.compile(r"[。！？!?][”’」』]?$")
# Trailing clause punctuation replaced by the full stop. Matches "；", "，", "：".
_OPEN_END = regex.compile(r"[；;，,、：:\s]+$")


@dataclass(frozen=True)
class Rewriter:
    """Re-anchors years to `year` and names the organisation `org` (when given)."""

    year: int
    org: str | None = None

    @property
    def org_unit(self) -> str | None:
        """The organisation without its union suffix (XX小学工会 → XX小学)."""
        if not self.org:
            return None
        return UNION_SUFFIX.sub("", self.org) or self.org

    def years(self, text: str, own_year: int | None) -> str | None:
        """`text` with every year written as the target year, or None when it names another year
        than its article's own (it then reports on, or plans for, a different year)."""
        if YEAR_RANGE.search(text):
            return None
        for m in YEAR_ARABIC.finditer(text):
            if own_year is not None and int(m.group()) != own_year:
                return None
        text = YEAR_ARABIC.sub(str(self.year), text)
        text = YEAR_CHINESE.sub(str(self.year), text) if own_year is None else text
        if YEAR_CHINESE.search(text):
            return None  # a Chinese-digit year beside a known own year: not worth the risk
        return YEAR_PLACEHOLDER.sub(str(self.year), text)

    def organisation(self, text: str) -> str:
        """Self-designations and blank organisation names replaced by the organisation."""
        unit = self.org_unit
        if unit:
            text = ORG_SELF.sub(unit, text)
        return ORG_PLACEHOLDER.sub(unit or GENERIC_SELF, text)

    def sentence(self, text: str, own_year: int | None) -> str | None:
        """A body sentence rewritten for the new plan, or None when it cannot be used."""
        text = self.years(text, own_year)
        if text is None:
            return None
        text = self.organisation(HALF_WIDTH.sub(lambda m: m.group().translate(_FULL_WIDTH), text))
        if PLACEHOLDER.search(text):
            return None  # a blank we cannot fill (党的__大, xx届)
        return close_sentence(text)

    def heading(self, text: str, own_year: int | None) -> str | None:
        """A heading rewritten: as a sentence, without its closing punctuation."""
        done = self.sentence(text, own_year)
        return None if done is None else strip_heading(done)


def strip_enumerator(text: str) -> int:
    """Length of the outline enumerator or short label (and spaces) opening `text`, 0 when none."""
    n = 0
    for pattern in (LEADING_ENUMERATOR, LEADING_LABEL, LEADING_ENUMERATOR):
        m = pattern.match(text, n)
        n = m.end() if m else n
    return n


def has_inner_enumerator(text: str) -> bool:
    """Whether an outline enumerator stands inside `text`."""
    return INNER_ENUMERATOR.search(text) is not None


def close_sentence(text: str) -> str:
    """`text` ending with a full stop (its trailing comma or semicolon replaced)."""
    text = _OPEN_END.sub("", text.strip())
    return text if _CLOSED.search(text) else text + "。"


def strip_heading(text: str) -> str:
    """A heading phrase: no closing punctuation, no surrounding spaces."""
    return regex.sub(r"[。！？!?；;，,、：:\s]+$", "", text.strip())
