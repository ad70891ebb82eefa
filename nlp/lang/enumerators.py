"""The one enumerator grammar: every outline marker style, its number and its conventional rank.

Styles (key: examples as printed, full- and half-width alike):
  part 第一部分 第二部分：   chapter 第一章   section 第一节   article 第一条
  cn 一、 二． 三.   di 第一，   pcn （一） (二) （三）、   cnh 一）
  ar 1、 2. 3． 4。 ⒈   dec2 1.1   dec3 1.1.1   par （1） (2) ⑴   arh 1) 2）   circ ①
  shi 一是 (only as a standalone line, see nlp.extract.outline)

Other modules build on `MARKER`, `parse_marker` and `marker_at` rather than compiling their own
marker patterns; `LINE_START_MARKER` is the cheap line-start test the ingest steps use.
"""

from __future__ import annotations

import regex

from .numerals import cn_number

_CN = "[一二三四五六七八九十]"

# One enumerator, any style. Matches "一、" "十二." "（一）、" "一）" "(3)" "⑴" "1、" "1." "1。" "2)" "①"
# "第一，" "第三部分：" "第一章" "第二节" "第五条 " "2.1 "; must not match "1.5万" (digit after the dot),
# "2017." (4 digits), "十二五" (no delimiter), "5.1服务卡" (a decimal needs a space or 、 after it),
# "第三节课" (a lesson), "第一条生产线" (an article needs a space or colon after it) nor the "二、"
# inside "十二、" (lookbehind on numerals).
# Each style's group encloses its numeral's and closes last: `Match.lastgroup` names the style.
# The leading lookahead lists the characters every style opens with: it changes no match but
# lets a search skip ordinary text fast (about 10x faster over a run-in article).
MARKER = regex.compile(
    r"(?=[\d第（(一二三四五六七八九十①-⑳⑴-⒇⒈-⒛])(?:"
    r"(?<![\d.])(?P<dec>(?P<n_dec>\d{1,2}(?:\.\d{1,2}){1,2})(?:[、．]|(?=[ \t\u3000])))"
    rf"|(?P<part>第(?P<n_part>{_CN}{{1,3}}|\d{{1,2}})部分[：:、]?)"
    rf"|(?P<chapter>第(?P<n_chapter>{_CN}{{1,3}}|\d{{1,2}})章[：:、]?)"
    rf"|(?P<section>第(?P<n_section>{_CN}{{1,3}}|\d{{1,2}})节(?!课)[：:、]?)"
    rf"|(?P<article>第(?P<n_article>{_CN}{{1,3}}|\d{{1,3}})条(?:[：:、]|(?=[ \t\u3000]|$)))"
    rf"|(?P<di>第(?P<n_di>{_CN}{{1,3}})[，,、])"
    rf"|(?P<pcn>[（(](?P<n_pcn>{_CN}{{1,3}})[）)][、.．]?)"
    rf"|(?<![\p{{Han}}（(])(?P<cnh>(?P<n_cnh>{_CN}{{1,3}})[）)])"
    r"|(?P<par>[（(](?P<n_par>\d{1,2})[）)][、.．]?|(?P<c_par>[⑴-⒇]))"
    r"|(?<![\d一二三四五六七八九十百千万第零〇两])"
    rf"(?:(?P<cn>(?P<n_cn>{_CN}{{1,3}})(?:[、．，,]|\.(?!\d)))"
    r"|(?P<arh>(?P<n_arh>\d{1,2})[)）])"
    r"|(?P<ar>(?P<n_ar>\d{1,2})(?:[、．。]|[.，,](?!\d))|(?P<c_ar>[⒈-⒛])))"
    r"|(?P<circ>[①-⑳]))"
)
# A run-in opener: matches "一是", "二要", "三是"; must not match "一是一" (a number follows it).
RUNIN_OPENER = regex.compile(rf"{_CN}{{1,2}}[是要](?![一二三四五六七八九十\d])")
# "一是" opening a standalone line: matches "一是动员部署阶段(6月)。"; not "统一是" (the outline's
# line checks, not this pattern, reject "一是以新建…" run on inside a paragraph).
SHI = regex.compile(rf"(?P<n_shi>{_CN}{{1,3}})是")
_LIST_UNIT = r"(?:月|日|号|年级|季度|等奖|届|期|名|次|个|项|周|天|%|％)"
# A list of numbers or months right after a numeral marker, in the marker's own script, i.e.
# the marker was a number of the list: per script of the marker's numeral. Chinese: matches
# "二月" in "一、二月", "二、" in "一、二、三级"; Arabic: matches "2月" in "1、2月份", "3名" in
# "2、3名". A numeral of the other script is no list but a date or count after the marker
# ("1、九月前完成", "一、3月份组织"); neither matches "2019年" in "1、2019年工作总结". The list
# is bounded (a dozen numbers at most): unbounded, "一、一、一、…" scanned the rest of the line.
NUMBER_LIST_AFTER = {
    "cn": regex.compile(rf"{_CN}{{1,3}}(?:、{_CN}{{1,3}}){{0,12}}{_LIST_UNIT}|{_CN}{{1,3}}[、，,]"),
    "ar": regex.compile(rf"\d{{1,2}}(?:、\d{{1,2}}){{0,12}}{_LIST_UNIT}"),
}
# The script of each list-prone style's numeral.
_LIST_SCRIPT = {"cn": "cn", "ar": "ar", "arh": "ar"}
# An Arabic "N." glued to a date: "2." of "2.5月举办运动会", "3." of "3.10日前上报", "1." of
# "1.2025年工作回顾", "2." of "2.2025年6月底前完成"; must not match "2.5万元", "2.5个月", "2.5倍"
# (decimals) nor "3.12植树节" (a dotted day, no 日). Whether it is an enumerator depends on the
# list around it (nlp.extract.outline).
GLUED_AR = regex.compile(
    r"(?P<n>\d{1,2})[.．](?=(?:1[0-2]|[1-9])月(?!份?\d)|(?:3[01]|[12]\d|[1-9])[日号]|(?:19|20)\d\d年)"
)
# An outline marker opening a line, the cheap test of the ingest steps (which must not mistake a
# heading for a title or a broken line): "一、", "二.", "（三）", "(4)", "5、", "6.", "⑦", "第一，";
# not "2024年" (a year), "十分重要" (no punctuation after the numeral), "第一届" (an ordinal).
LINE_START_MARKER = regex.compile(
    rf"^(?:{_CN}+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．)）]|[①-⑳]"
    rf"|第{_CN}+[，,、])"
)

# The grammar as a regex source without groups, for modules that need a marker inside a pattern
# of their own context (a line lead, a teaser list's end): they embed this, never their own
# numeral-and-delimiter alternatives. Same matches as MARKER.
MARKER_SOURCE = regex.sub(r"\(\?P<\w+>", "(?:", MARKER.pattern)
# Decorations and at most one marker before a line's words: indentation, markdown heading,
# quote, bullet and bold marks. Matches "一、", "## ", "（二）", "- 2. ", "**3.**"'s lead;
# must not match past "全年" in "全年完成了".
LINE_LEAD = regex.compile(rf"[ \t\u3000#*>\-]*(?:{MARKER_SOURCE})?[ \t\u3000]*(?:\*\*)?")

# Everything that may open a clause before its words: spaces, markdown marks, markers of any
# style and run-in openers, in any number. Matches "（一）", "1、", "二是", "## ", "- 1. ",
# "（二）1、"; must not match "1.5万" (a decimal) nor "一次" (a count). For the modules that
# strip an item's lead (tasks, targets, schedule, digest) instead of a marker regex of their own.
LEADING_MARKERS = regex.compile(
    rf"(?:\s|#+|[-*+](?=\s)|{MARKER.pattern}|{RUNIN_OPENER.pattern})+"
)
# The same without run-in openers, for a module that tells 一是 apart itself: matches "（一）",
# "1、", "## ", "- 2. "; must not match "一是" nor "1.5万".
ITEM_LEAD = regex.compile(rf"(?:\s|#+|[-*+](?=\s)|{MARKER_SOURCE})+")
# One marker opening a line, with its indentation and the spaces after it: matches "  1、" of
# "  1、慰问", "（二）" of "（二）活动"; must not match "1月份" (a month, no marker punctuation).
LINE_MARKER = regex.compile(rf"[ \t\u3000]*(?:{MARKER_SOURCE})[ \t\u3000]*")
# A top-level 一、-style marker opening a line: matches "三、" of "三、保障措施"; not "（三）".
TOP_LINE_MARKER = regex.compile(rf"[ \t\u3000]*{_CN}{{1,3}}[、．.](?!\d)")


# Conventional depth of each style (第一部分 > 第一章 > 第一节 > 第一条 > 一、 > （一） > 1、 > （1） >
# 1) > ①), used only where an article's own nesting cannot decide.
RANK = {"part": 0, "chapter": 1, "section": 2, "article": 3, "cn": 4, "di": 4, "pcn": 5, "cnh": 5,
        "ar": 6, "dec2": 7, "par": 7, "dec3": 8, "arh": 8, "circ": 9, "shi": 10}
# Styles that only a line start makes a marker: inside running text they are ordinals or
# quantities ("第一章的内容", "一）" after a word, "1.1" in a citation).
LINE_ONLY = frozenset({"part", "chapter", "section", "article", "di", "cnh", "dec2", "dec3"})
# Bracketed or circled styles: hardly anything else in prose looks like them.
STRONG = frozenset({"pcn", "par", "circ"})
# Styles that may open an article's top level after an unnumbered block title.
TOP_STYLES = frozenset({"cn", "part", "chapter", "section"})
# Styles whose numeral may be a count or a list item rather than an enumerator ("一、二月").
LIST_PRONE = frozenset({"cn", "ar", "arh"})


def style_number(m: regex.Match) -> tuple[str, int] | None:
    """Style key and value of a MARKER match; None when the numeral is not valid."""
    style = m.lastgroup
    if style == "dec":
        parts = m.group("n_dec").split(".")
        return (f"dec{len(parts)}", int(parts[-1])) if int(parts[-1]) else None
    if style == "circ":
        return "circ", ord(m.group("circ")) - ord("①") + 1
    if style == "par" and m.group("c_par"):
        return "par", ord(m.group("c_par")) - ord("⑴") + 1
    if style == "ar" and m.group("c_ar"):
        return "ar", ord(m.group("c_ar")) - ord("⒈") + 1
    raw = m.group("n_" + style)
    n = int(raw) if raw.isdigit() else cn_number(raw)
    return (style, n) if n else None


def parse_marker(marker: str) -> tuple[str, int] | None:
    """Style key and number of a printed marker ("（二）" -> ("pcn", 2)); None when unnumbered."""
    m = SHI.fullmatch(marker)
    if m:
        n = cn_number(m.group("n_shi"))
        return ("shi", n) if n else None
    m = MARKER.fullmatch(marker)
    if m is None:  # "1.2", "第十二条": styles that need a space after them, as printed without it
        m = MARKER.match(marker + " ")
        m = m if m is not None and m.end() == len(marker) else None
    return style_number(m) if m else None


def marker_at(text: str, pos: int, end: int) -> tuple[int, str, int] | None:
    """(marker end, style, number) of the enumerator starting exactly at `pos`, if one is there."""
    m = MARKER.match(text, pos, end)
    sn = style_number(m) if m else None
    if sn is None:
        return None
    if sn[0] in LIST_PRONE and NUMBER_LIST_AFTER[_LIST_SCRIPT[sn[0]]].match(text, m.end(), end):
        return None  # "一、二月", "1、2月份": numbers in a list, not an enumerator
    return m.end(), sn[0], sn[1]
