"""Outline: section headings with their levels, the section tree and section paths.

A heading is an outline node (GUIDELINES "Headings"): a numbered item that opens a line
(`一、` `（一）` `1、` `1.` `（1）` `1)` `①` `第一，` `1.1`, or a standalone `一是…阶段。` line),
a numbered item inside run-in text that lost its line breaks, or an unnumbered standalone
short title line. Levels come from the nesting of enumerator styles inside the article
(GUIDE §4), never from markdown `#`.

The work runs in passes: line headings (`_line_items`), in-line enumerators of run-in text
(`_inline_candidates` + `_accept`), heading texts with run-in cuts (`_settle_text`), levels
(`_levels`). Word lists live in nlp/data/outline/.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..data import word_list
from ..model import Article, Flag, Heading, Section
from ..text.segment import get_segmenter

MAX_TEXT = 40  # a heading text is cut at 40 characters (GUIDELINES)
MAX_TITLE = 30  # an unnumbered title line is "about 30 chars or fewer" (GUIDELINES)
MAX_YISHI = 28  # a standalone "一是…" title line, e.g. "一是动员部署阶段(6月)。"
MIN_CUT = 4  # a run-in cut leaves at least this many characters of heading
MIN_RUNIN_PHRASE = 10  # shorter comma phrases are heading phrases, never cut
TABLE_RUN = 4  # this many short unpunctuated lines in a row are a table, not titles

# --------------------------------------------------------------------------- patterns

# One enumerator, any style. Matches "一、" "十二." "（一）、" "一）" "(3)" "⑴" "1、" "1." "1。" "2)" "①"
# "第一，" "第三部分" "2.1 "; must not match "1.5万" (digit after the dot), "2017." (4 digits),
# "十二五" (no delimiter), "5.1服务卡" (a decimal needs a space or 、 after it) nor the "二、"
# inside "十二、" (lookbehind on numerals).
# The leading lookahead lists the characters every style opens with: it changes no match but
# lets a search skip ordinary text fast (about 10× faster over a run-in article).
MARKER = regex.compile(
    r"(?=[\d第（(一二三四五六七八九十①-⑳⑴-⒇⒈-⒛])(?:"
    r"(?<![\d.])(?P<dec>(?P<n_dec>\d{1,2}(?:\.\d{1,2}){1,2})(?:[、．]|(?=[ \t\u3000])))"
    r"|(?P<chapter>第(?P<n_chapter>[一二三四五六七八九十]{1,3}|\d{1,2})(?:章|节|部分))"
    r"|(?P<di>第(?P<n_di>[一二三四五六七八九十]{1,3})[，,、])"
    r"|(?P<pcn>[（(](?P<n_pcn>[一二三四五六七八九十]{1,3})[）)][、.．]?)"
    r"|(?<![\p{Han}（(])(?P<cnh>(?P<n_cnh>[一二三四五六七八九十]{1,3})[）)])"
    r"|(?P<par>[（(](?P<n_par>\d{1,2})[）)][、.．]?|(?P<c_par>[⑴-⒇]))"
    r"|(?<![\d一二三四五六七八九十百千万第零〇两])"
    r"(?:(?P<cn>(?P<n_cn>[一二三四五六七八九十]{1,3})(?:[、．，,]|\.(?!\d)))"
    r"|(?P<arh>(?P<n_arh>\d{1,2})[)）])"
    r"|(?P<ar>(?P<n_ar>\d{1,2})(?:[、．。]|[.，,](?!\d))|(?P<c_ar>[⒈-⒛])))"
    r"|(?P<circ>[①-⑳]))"
)
# Delimiters an enumerator may end with inside running text: "二、" "2." "(二)" but not "2。"
# or "一，" (there a full stop or comma after a number ends a clause: "共2。", "统一，").
INLINE_DELIM = regex.compile(r"[、.．)）]$|^[（(①-⑳⑴-⒇⒈-⒛]")
# A list of numbers or months right after a numeral marker, i.e. the marker was a number:
# matches "二月" in "一、二月", "2月" in "1、2月份", "2、3名", "二、" in "一、二、三级";
# must not match "2019年" in "1、2019年工作总结".
NUMBER_LIST_AFTER = regex.compile(
    r"(?:[一二三四五六七八九十]{1,3}|\d{1,2})(?:、(?:[一二三四五六七八九十]{1,3}|\d{1,2}))*"
    r"(?:月|日|号|年级|季度|等奖|届|期|名|次|个|项|周|天|%|％)"
    r"|[一二三四五六七八九十]{1,3}[、，,]"
)
# An Arabic "N." glued to a date at a line start: "2." of "2.5月举办运动会", "3." of "3.10日前上报",
# "1." of "1.2025年工作回顾"; must not match "2.5万元", "2.5个月", "2.5倍" (decimals) nor
# "3.12植树节" (a dotted day, no 日). Whether it is an enumerator depends on the list around it.
GLUED_AR = regex.compile(
    r"(?P<n>\d{1,2})[.．](?=(?:1[0-2]|[1-9])月(?!份?\d)|(?:3[01]|[12]\d|[1-9])[日号]|(?:19|20)\d\d年)"
)
# "一是…" opening a standalone line: matches "一是动员部署阶段(6月)。"; not "统一是" (the
# line checks, not this pattern, reject "一是以新建…" run on inside a paragraph).
SHI = regex.compile(r"(?P<n_shi>[一二三四五六七八九十]{1,3})是")
# What may precede a marker at a line start: spaces, a markdown mark or bullet left in the text.
# Matches "  ", "## ", "- ", "• "; must not match "-5" (a bullet needs a space after it).
LINE_LEAD = regex.compile(r"[ \t\u3000\xa0]*(?:#{1,6}[ \t]+)?(?:[-*+•·▪][ \t]+)?")
LINE_LEAD_CHARS = frozenset(" \t\u3000\xa0#-*+•·▪")  # a non-empty LINE_LEAD match opens with one
# Text may follow an in-line marker only if it starts with a word: matches "强", "“", "《", "a";
# must not match "，" or "2" (a number or punctuation after "1、" is a list of numbers).
WORD_START = regex.compile(r"[ \t\u3000]*[\p{Han}“‘\"《「『(（A-Za-z]")
# Sentence and clause ends that close a heading text: "。" "；" "：" "！" "？" and ASCII ";:!?";
# not "，" or "、" (a heading may hold several phrases: "夯实基础，强化组织建设").
TERMINATOR = regex.compile(r"[。；;：:！!？?]")
# Sentence ends: "。" "！" "?"; not "；" or "：" (clause ends inside a sentence).
SENTENCE_END = regex.compile(r"[。！!？?]")
# Sentence or clause ends anywhere in a line: "。" "；" "！"; a one-phrase title has none ("，" ok).
SENTENCE_PUNCT = regex.compile(r"[。；;！!？?]")
# Trailing punctuation and spaces dropped from a heading text: "，" "、" "。" "：" " " "—",
# and the "**" closing a markdown bold line; not a closing quote "”" (it belongs to the text).
TRAILING = regex.compile(r"[\s，,、.．。；;：:！!？?…—\-~～*]+$")
# Comma phrases of a heading: "夯实基础" and "落实普遍建会" in "夯实基础,落实普遍建会"; not "、".
PHRASE = regex.compile(r"[^，,]+")
COMMA = regex.compile(r"[，,]")  # one comma: "，" or ","; not "、"
NOT_HAN = regex.compile(r"[^\p{Han}]")  # any non-Chinese character: "1", "，"; not "工"
HAN = regex.compile(r"\p{Han}")  # one Chinese character: "工"; not "1" or "，"
# A month at the start of a title line: matches "2月新学期新面貌", "一月份", "七、八月", "3—4月";
# must not match "2017年" or "月考" (no month number).
MONTH_TITLE = regex.compile(
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:[、—―–\-~～至到](?:\d{1,2}|[一二三四五六七八九十]{1,3}))?月份?"
)
# A line made only of a date or number: "2019年9月1日", "二〇二四年二月", "xx年xx月"; not "一月份".
DATE_LINE = regex.compile(r"[\dxX_＿〇零一二三四五六七八九十○年月日号\s.．/\-—]+")
# A line that starts like a list bullet or a quote, not a title: "——大力推动…", "★其他", "“三八”";
# not "活动主题".
BULLET_START = regex.compile(r"[—\-–~～*•·▪★☆※●○◆◇■□▲△→>《“\"(（\[【]")
# A year opening the body glued to a heading: matches "20xx年是", "2017年以来", "xx年，";
# must not match "2011年工会经费" (a year inside the heading) nor the "19年" of "2019年".
YEAR_START = regex.compile(r"(?<![\dxX_＿])(?:\d{2,4}|20[xX_＿]{2}|[xX_＿]{2})年(?:是|以来|，|,)")
# Spaces between two words: "跨越 推进"; not the space of "2 月份" (a digit before it).
SPACE_GAP = regex.compile(r"(?<=\p{Han})[ \t\u3000]+(?=\p{Han})")

# A preposition phrase that modifies a noun inside a heading: "在…中的作用", "对工会的认同感";
# must not match "在全镇企业中全面推行" or "对已建工会的企业开展回头看" (the body's first clause).
PREP_ATTRIBUTIVE = regex.compile(r"(?:中|内|上|里|下|方面|时|间)的|^[对从在][^的，,]{1,8}的\p{Han}{1,4}$")

# A preposition phrase that opens a clause: "在…中" closed by a locative and followed by an
# adverb or a verb, "对/从…" followed by a verb of action. Matches "在全镇企业中全面推行",
# "对已建工会的企业开展"; must not match "在九届全委会上对学校提出的" nor "对工会工作的认识".
BODY_PREP_PHRASE = regex.compile(
    r"在[^，,的]{1,14}?(?:中|内|里|期间|之际|之前|以后)(?:全面|积极|认真|严格|广泛|深入|大力|普遍|"
    r"开展|推行|实行|实施|建立|推广|组织|举办|设立)"
    r"|[对从][^，,]{1,14}?(?:开展|进行|实行|实施|给予|做好|落实|组织|提供|入手|着手|抓起|建立)"
)
# A numeral or an enumerator just before a cut point: "教学五|认真" is the slogan 五认真.
NUMERAL_END = regex.compile(r"[\d一二三四五六七八九十两]$")
# What may join two dates in a list: "、" "和" "及" "与", quotes around them; "春节、“五一”".
DATE_JOINER = regex.compile(r"[、，,和及与“”\"]*")
# Dates that modify a noun rather than open a clause: "…等节日的活动", "春节的慰问"; not "前夕开展".
DATE_MODIFIES = regex.compile(r"[”\"]?(?:等|的|之|期间的)|[^，,]{0,6}的")

CLOSERS = "”’」』)）】》 \t\u3000"  # skipped when looking at what precedes an in-line marker
LINE_SPACE = " \t\u3000\xa0\r"

# Enumerator styles. The rank is the conventional depth (一、 > （一） > 1、 > （1） > 1) > ①),
# used only where the article's own nesting cannot decide (a parent item lost before its children).
RANK = {"chapter": 0, "cn": 1, "di": 1, "pcn": 2, "cnh": 2, "ar": 3, "dec2": 4, "dec3": 5,
        "par": 4, "arh": 5, "circ": 6, "shi": 7}
LINE_ONLY = frozenset({"chapter", "di", "cnh", "dec2", "dec3"})  # never taken inside running text
STRONG = frozenset({"pcn", "par", "circ"})  # bracketed or circled: hardly anything else in prose
UNNUMBERED = frozenset({"title", "month"})
TOP_STYLES = frozenset({"cn", "chapter"})  # "一、" after a block title is its sibling
# Kinds of date that may open the body right after a heading ("抓好组建|年内新建…"); not years
# or durations, which name things inside headings ("实施三年行动").
CUT_DATE_KINDS = frozenset({"season", "holiday", "recurring", "month", "month_range", "day"})
BODY_PREPS = ("在", "对", "从")  # "推进集体协商|在全镇企业中全面推行…"
FUNCTION_END = "的和与及在对把将地得、被向从为以于由按经据之所等"  # a heading part never ends so

# --------------------------------------------------------------------------- lazy imports


@lru_cache(maxsize=1)
def _dates_module():
    """nlp.extract.dates, imported on first use: it imports schedule, which imports this module.
    Held here because an import statement inside a per-heading function costs some 5 µs a call."""
    from . import dates

    return dates


# --------------------------------------------------------------------------- word lists


def _words(name: str) -> tuple[str, ...]:
    """Entries of a word list in nlp/data/outline (one per line, '#' comments)."""
    return word_list("nlp.data.outline", name)


@lru_cache(maxsize=None)
def _heading_nouns() -> tuple[str, ...]:
    """Standard section names ("指导思想", "工作目标"), longest first."""
    return tuple(sorted(_words("heading_nouns.txt"), key=len, reverse=True))


def _headed(phrase: str) -> bool:
    """True when a phrase is a section name or ends with a title head word ("注意事项")."""
    return phrase in _heading_nouns() or phrase.endswith(_words("heading_heads.txt"))


def _is_leadin(core: str) -> bool:
    """True for a lead-in sentence before a colon ("主要工作如下"), not a title ("一月份")."""
    for cue in _words("leadin_cues.txt"):
        if cue.endswith("$"):
            if core.endswith(cue[:-1]) and len(core) > len(cue) - 1:
                return True
        elif cue in core:
            return True
    return False


# --------------------------------------------------------------------------- numerals

_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_number(s: str) -> int | None:
    """Value of a Chinese numeral from 1 to 99 ("十二" -> 12); None when not one ("十二五")."""
    if len(s) == 1:
        return 10 if s == "十" else _CN_DIGIT.get(s)
    if len(s) == 2 and s[0] == "十":
        return 10 + _CN_DIGIT[s[1]] if s[1] in _CN_DIGIT else None
    if len(s) == 2 and s[0] in _CN_DIGIT and s[1] == "十":
        return _CN_DIGIT[s[0]] * 10
    if len(s) == 3 and s[0] in _CN_DIGIT and s[1] == "十" and s[2] in _CN_DIGIT:
        return _CN_DIGIT[s[0]] * 10 + _CN_DIGIT[s[2]]
    return None


def _style_number(m: regex.Match) -> tuple[str, int] | None:
    """Style key and value of a MARKER match; None when the numeral is not valid."""
    # Each style's group encloses its numeral's and closes last: lastgroup names the style.
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
    return _style_number(m) if m else None


def _marker_at(text: str, pos: int, end: int) -> tuple[int, str, int] | None:
    """(marker end, style, number) of the enumerator starting exactly at `pos`, if one is there."""
    m = MARKER.match(text, pos, end)
    sn = _style_number(m) if m else None
    if sn is None:
        return None
    if sn[0] in ("cn", "ar", "arh") and NUMBER_LIST_AFTER.match(text, m.end(), end):
        return None  # "一、二月", "1、2月份": numbers in a list, not an enumerator
    return m.end(), sn[0], sn[1]


# --------------------------------------------------------------------------- lines


class _Lines:
    """The article's lines: spans, content spans and the nearest non-empty neighbours."""

    def __init__(self, text: str):
        self.text = text
        self.spans: list[tuple[int, int]] = []
        start = 0
        for line in text.split("\n"):
            self.spans.append((start, start + len(line)))
            start += len(line) + 1
        self.content = [self._content(ls, le) for ls, le in self.spans]
        nonempty = [s < e for s, e in self.content]
        n = len(self.spans)
        self.prev: list[int | None] = [None] * n
        self.next: list[int | None] = [None] * n
        last = None
        for i in range(n):
            self.prev[i] = last
            if nonempty[i]:
                last = i
        last = None
        for i in range(n - 1, -1, -1):
            self.next[i] = last
            if nonempty[i]:
                last = i

    def _content(self, ls: int, le: int) -> tuple[int, int]:
        """Start/end of a line without leading marks, surrounding spaces or a bold wrapper."""
        text = self.text
        # most lines open with none of LINE_LEAD's characters: no need to run it there
        s = LINE_LEAD.match(text, ls, le).end() if ls < le and text[ls] in LINE_LEAD_CHARS else ls
        e = le
        while e > s and text[e - 1] in LINE_SPACE:
            e -= 1
        if e - s > 4 and text[s:s + 2] in ("**", "__") and text[e - 2:e] == text[s:s + 2]:
            s, e = s + 2, e - 2  # "**一、指导思想**": markdown bold around the whole line
        return s, e

    def nonempty(self, i: int) -> bool:
        s, e = self.content[i]
        return s < e

    def closes(self, i: int) -> bool:
        """True when line i ends a sentence or a lead-in ("…如下。", "指导思想：", "…。”")."""
        s, e = self.content[i]
        while e > s and self.text[e - 1] in CLOSERS:
            e -= 1
        return e > s and self.text[e - 1] in "。！!？?；;：:…"


@dataclass
class _Item:
    """A heading found in the text, before its text span and level are settled."""

    pos: int  # marker start (title start when unnumbered)
    mend: int  # marker end (== pos when unnumbered)
    style: str
    number: int
    line: int
    at_line_start: bool
    text_start: int = -1
    text_end: int = -1
    run_in: bool = False
    nests: bool = False  # an unnumbered title right under a title-only numbered heading line


# --------------------------------------------------------------------------- line headings


def _line_items(lines: _Lines, marked: set[int]) -> list[_Item]:
    """Headings that open a line: numbered lines, standalone 一是 lines and title lines."""
    text = lines.text
    items: list[_Item] = []
    kind_of: dict[int, str] = {}  # line -> "numbered" | "title"
    for li, (s, e) in enumerate(lines.content):
        if s >= e:
            continue
        found = _marker_at(text, s, e) or _glued_enumerator(lines, li, items)
        if found and (not found[1].startswith("dec") or _decimal_follows(text, text[s:found[0]], items)):
            items.append(_Item(s, found[0], found[1], found[2], li, True))
            kind_of[li] = "numbered"
            continue
        prev = lines.prev[li]
        if prev is None:
            prev_kind = "start"
        else:
            prev_kind = kind_of.get(prev) or ("closed" if lines.closes(prev) else "open")
        shi = SHI.match(text, s, e)
        n = cn_number(shi.group("n_shi")) if shi else None
        if n and prev_kind != "open" and _standalone_shi(lines, li, shi.end()):
            items.append(_Item(s, shi.end(), "shi", n, li, True))
            kind_of[li] = "numbered"
            continue
        title = _title_span(lines, li, prev_kind, lines.spans[li][0] in marked)
        if title:
            kind, ts, te = title
            items.append(_Item(ts, ts, kind, 0, li, True, ts, te))
            kind_of[li] = "title"
    table = _table_lines(lines, {it.line for it in items if it.style not in UNNUMBERED})
    return [it for it in items if it.style not in UNNUMBERED or it.line not in table]


def _glued_enumerator(lines: _Lines, li: int, items: list[_Item]) -> tuple[int, str, int] | None:
    """(marker end, "ar", N) for a line opening "N." glued to a date ("2.5月举办…") when N
    continues the list of "N." items above it, or N is 1 and the next line is item 2; a
    decimal such as "2.5月" is no quantity, so the dot ends an enumerator there."""
    text = lines.text
    s, e = lines.content[li]
    m = GLUED_AR.match(text, s, e)
    if m is None:
        return None
    n = int(m.group("n"))
    for it in reversed(items):
        if it.style == "ar":
            return (m.end(), "ar", n) if it.number == n - 1 else None
        if it.style not in UNNUMBERED and RANK[it.style] < RANK["ar"]:
            break  # a senior item opened a new list: the "N." above belong to another one
    nxt = lines.next[li]
    if n != 1 or nxt is None:
        return None
    ns, ne = lines.content[nxt]
    after = _marker_at(text, ns, ne)
    glued = GLUED_AR.match(text, ns, ne)
    ok = (after is not None and after[1:] == ("ar", 2)) or (glued is not None and glued.group("n") == "2")
    return (m.end(), "ar", 1) if ok else None


def _decimal_follows(text: str, marker: str, items: list[_Item]) -> bool:
    """True when a decimal number "a.b" continues the outline: "1.1" first, "a.1" after an
    item numbered a or a-1 (or a.x), "a.b" after "a.(b-1)"; not a date such as "5.1 劳动节"
    out of the blue."""
    parts = _decimal_parts(marker)
    numbered = [it for it in items if it.style not in UNNUMBERED]
    if not numbered:
        return parts[:-1] == [1] * (len(parts) - 1) and parts[-1] == 1
    prev = numbered[-1]
    before = _decimal_parts(text[prev.pos:prev.mend]) if prev.style.startswith("dec") else [prev.number]
    if parts[-1] > 1:
        return before[:len(parts)] == parts[:-1] + [parts[-1] - 1]
    k = len(parts) - 2  # "a.b.1" opens under "a.b"; "a.1" opens under "a" or after "(a-1).x"
    return (before[:k] == parts[:k] and len(before) > k
            and before[k] in (parts[k] - 1, parts[k]))


def _decimal_parts(marker: str) -> list[int]:
    """Numbers of a decimal marker: "2.3、" -> [2, 3]."""
    return [int(x) for x in marker.rstrip("、． \t\u3000").split(".")]


def _standalone_shi(lines: _Lines, li: int, ts: int) -> bool:
    """True when an `一是…` line is a short standalone title ("一是动员部署阶段(6月)。")."""
    rest = lines.text[ts:lines.content[li][1]].rstrip("。.；; ")
    if not rest or len(rest) > MAX_YISHI or SENTENCE_PUNCT.search(rest) or len(COMMA.findall(rest)) > 1:
        return False
    return lines.next[li] is not None


def _title_span(lines: _Lines, li: int, prev_kind: str, marked: bool) -> tuple[str, int, int] | None:
    """('title'|'month', start, end) when line `li` is an unnumbered standalone title line.

    `prev_kind` is what the previous non-empty line was: 'numbered' (a numbered heading),
    'title', 'closed' (it ends a sentence), 'open' (it stops mid-sentence) or 'start' (none).
    """
    text = lines.text
    s, e = lines.content[li]
    if e - s >= 3 and text[s] in "【[" and text[e - 1] in "】]":
        s, e, marked = s + 1, e - 1, True  # "【活动主题】": a bracketed title
    core = text[s:e]
    if not core or BULLET_START.match(core):
        return None
    if core[-1] in "：:":
        core = core[:-1].rstrip()
        if not core or _is_leadin(core):
            return None  # "主要工作如下：" leads into a list, it does not title a block
    elif core[-1] in "。.．！!？?；;，,、…":
        return None  # a sentence or a clause, not a title
    if not 2 <= len(core) <= (MAX_TEXT if marked else MAX_TITLE) or not HAN.search(core):
        return None
    if TERMINATOR.search(core) or len(COMMA.findall(core)) > 1:
        return None
    if DATE_LINE.fullmatch(core) and ("年" in core or "日" in core):
        return None  # a date, e.g. a signature date
    kind = "month" if MONTH_TITLE.match(core) else "title"
    known = marked or core in _heading_nouns()
    if prev_kind in ("open", "start") and not known:
        return None  # the tail of a line cut mid-sentence, or the article's subtitle
    if prev_kind in ("numbered", "title") and kind == "title" and not known and not _headed(core):
        return None  # a short unpunctuated line right under a heading is its body or value
    nxt = lines.next[li]
    if nxt is None:
        return None  # a title heads a block; a last short line is a signature
    if not known and not _opens_block(lines, nxt):
        return None  # "以上计划，请遵照执行" above "XX工会": no block below it
    return kind, s, s + len(core)


def _opens_block(lines: _Lines, nxt: int) -> bool:
    """True when line `nxt`, right under a title candidate, starts a block: a numbered item,
    a sentence, a section name or a month, not a short value or a signature line."""
    text = lines.text
    s, e = lines.content[nxt]
    line = text[s:e]
    if _marker_at(text, s, e) or SHI.match(line) or lines.closes(nxt) or e - s > MAX_TITLE:
        return True
    if DATE_LINE.fullmatch(line):
        return False
    return bool(MONTH_TITLE.match(line)) or _headed(line.rstrip("：:"))


def _table_lines(lines: _Lines, numbered: set[int]) -> set[int]:
    """Lines inside runs of TABLE_RUN or more short unpunctuated lines (blank lines aside):
    a flattened table or a list of values, whose lines are not block titles."""
    text = lines.text
    table: set[int] = set()
    run: list[int] = []
    for li, (s, e) in enumerate(lines.content):
        if s >= e:
            continue
        if (li not in numbered and e - s <= MAX_TITLE and not SENTENCE_PUNCT.search(text, s, e)
                and text[e - 1] not in "，,、"):
            run.append(li)
            continue
        if len(run) >= TABLE_RUN:
            table.update(run)
        run = []
    if len(run) >= TABLE_RUN:
        table.update(run)
    return table


# --------------------------------------------------------------------------- run-in text


def _inline_candidates(lines: _Lines, line_items: list[_Item]) -> list[_Item]:
    """Enumerators inside a line (run-in text), before any acceptance check."""
    text = lines.text
    heads = {it.line: it for it in line_items}
    out: list[_Item] = []
    for li, (s, e) in enumerate(lines.content):
        p = heads[li].mend if li in heads else s
        while p < e:
            m = MARKER.search(text, p, e)
            if not m:
                break
            p = m.start() + 1
            found = _marker_at(text, m.start(), e)
            if not found or found[1] in LINE_ONLY or m.start() == s:
                continue
            if not INLINE_DELIM.search(m.group()) or not WORD_START.match(text, found[0], e):
                continue
            out.append(_Item(m.start(), found[0], found[1], found[2], li, False))
            p = found[0]
    return out


def _before(text: str, pos: int, ls: int) -> tuple[str, int]:
    """What precedes an in-line marker: ('term'|'colon'|'semi'|'comma'|'glued'|'start', index)."""
    k = pos - 1
    while k >= ls and text[k] in CLOSERS:
        k -= 1
    if k < ls:
        return "start", ls
    ch = text[k]
    for kind, chars in (("term", "。！!？?"), ("colon", "：:"), ("semi", "；;"), ("comma", "，,、")):
        if ch in chars:
            return kind, k
    return "glued", k


def _accept(lines: _Lines, line_items: list[_Item], inline: list[_Item]) -> list[_Item]:
    """Line headings plus the in-line enumerators that continue or open a run-in outline.

    An in-line enumerator is taken when it continues its style's sequence after a sentence
    end ("…。(二)…") or glued to the previous item's text ("…自身建设二、强化…"), or when it
    opens a list (number 1) that its line confirms with a number 2.
    """
    text = lines.text
    cands = sorted(line_items + inline, key=lambda x: x.pos)
    accepted: list[_Item] = []
    last: dict[str, _Item] = {}  # the last accepted item of each style
    for i, c in enumerate(cands):
        if c.at_line_start:
            accepted.append(c)
            if c.style not in UNNUMBERED:
                last[c.style] = c
            continue
        ls = lines.spans[c.line][0]
        kind, k = _before(text, c.pos, ls)
        prev = accepted[-1] if accepted else None
        same_line = prev is not None and prev.line == c.line
        seq = c.style in last and last[c.style].number == c.number - 1
        opens = c.number == 1 and _confirmed(text, ls, c, cands[i + 1:])
        title_at = None
        if kind in ("term", "start"):
            ok = seq or opens
        elif kind == "colon":
            if same_line and not TERMINATOR.search(text, prev.mend, k):
                ok = seq or opens or (c.number == 1 and c.style in STRONG)  # "主要工作:(一)…"
            else:
                ok = _is_leadin(text[_sentence_start(text, ls, k, SENTENCE_END):k]) and (seq or opens)
        elif kind == "glued":
            if c.style == "cn" and _numeral_in_word(text, c.pos, c.mend):
                ok = False  # "统一、规范", "之一、": the numeral belongs to a word
            elif c.number > 1:
                ok = seq and last[c.style].line == c.line
            elif same_line and not TERMINATOR.search(text, prev.mend, c.pos):
                ok = opens or c.style in STRONG  # "四、自身素质的提高1、提高…"
            else:
                title_at = _inline_title(text, _sentence_start(text, ls, c.pos, TERMINATOR), c.pos)
                ok = (title_at is not None and (opens or c.style in STRONG)) or (
                    c.style in ("cn", "pcn") and opens)
        else:
            ok = False  # after "，" or "；": an enumeration inside a sentence
        if not ok:
            continue
        if title_at is not None:
            accepted.append(_Item(title_at, title_at, "title", 0, c.line, False))
        accepted.append(c)
        last[c.style] = c
    return accepted


def _confirmed(text: str, ls: int, c: _Item, later: list[_Item]) -> bool:
    """True when the next enumerator of c's style on its line is a number 2 after a sentence
    end or glued to text (c opens a run-in list), not "…：(1)…；(2)…" inside a sentence."""
    for d in later:
        if d.line != c.line:
            return False
        if d.style == c.style:
            return d.number == 2 and _before(text, d.pos, ls)[0] in ("term", "colon", "glued")
    return False


def _sentence_start(text: str, ls: int, pos: int, ends: regex.Pattern) -> int:
    """Offset after the last of `ends` before `pos` on its line (or the line start)."""
    k = pos - 1
    while k >= ls and not ends.match(text, k):
        k -= 1
    return k + 1


def _numeral_in_word(text: str, pos: int, mend: int) -> bool:
    """True when segmentation joins the numeral at `pos` to the word before it ("统一、")."""
    left = max(0, pos - 4)
    words = get_segmenter().tokens(text[left:mend])
    return any(s < pos - left < e for _, s, e in words)


def _inline_title(text: str, start: int, pos: int) -> int | None:
    """Start of a short title glued before an in-line marker ("…校庆。工作方案一、"), if any."""
    span = text[start:pos]
    if not 2 <= len(span) <= 10 or NOT_HAN.search(span) or _is_leadin(span):
        return None
    return start if _headed(span) else None


# --------------------------------------------------------------------------- heading text


def _settle_text(lines: _Lines, items: list[_Item]) -> list[_Item]:
    """Fill each item's text span (up to a terminator, the next item or the body); drop items
    left without text and items overlapping the one before."""
    text = lines.text
    out: list[_Item] = []
    for i, it in enumerate(items):
        le = lines.content[it.line][1]
        nxt = items[i + 1].pos if i + 1 < len(items) and items[i + 1].line == it.line else le
        if it.style in UNNUMBERED:
            ts, end = it.pos, (it.text_end if it.at_line_start else nxt)
        else:
            ts = it.mend
            while ts < nxt and text[ts] in LINE_SPACE:
                ts += 1
            if ts >= nxt and nxt == le and it.at_line_start:
                ts, nxt = _next_line_text(lines, it.line)  # "一、" alone, its title below
                if ts < 0:
                    continue
            t = TERMINATOR.search(text, ts, nxt)
            end = t.start() if t else nxt
            # an in-line item of run-in text: weaker body cues count too
            cut = _runin_cut(text, ts, end, not it.at_line_start)
            if cut is not None and cut <= MAX_TEXT:
                end = ts + cut
                it.run_in = True
            elif end == nxt and nxt != le:
                it.run_in = True  # the next heading follows with no punctuation
        it.run_in = it.run_in or not it.at_line_start
        span = TRAILING.sub("", text[ts:min(end, ts + MAX_TEXT)])
        if not span.strip() or (out and it.pos < out[-1].text_end):
            continue
        it.text_start, it.text_end = ts, ts + len(span)
        out.append(it)
    return out


def _next_line_text(lines: _Lines, li: int) -> tuple[int, int]:
    """Text start/end for a marker alone on its line: the next line when it is a short title."""
    j = lines.next[li]
    if j is None:
        return -1, -1
    s, e = lines.content[j]
    text = lines.text
    if _marker_at(text, s, e) or e - s > MAX_TEXT or SENTENCE_PUNCT.search(text, s, e - 1):
        return -1, -1
    if text[lines.spans[j][0]:s].strip():
        return -1, -1  # "- …", "## …": a bullet or heading line of its own, not this marker's title
    return s, e


def _runin_cut(text: str, start: int, end: int, long_body: bool = False) -> int | None:
    """Where the body starts (from `start`) inside a heading text[start:end] run into it with no
    punctuation, if it does; `long_body` (an in-line item of run-in text) admits clause cues."""
    seg = text[start:end]
    if seg.startswith(_heading_nouns()):  # one test on the whole list before finding which
        for noun in _heading_nouns():
            if seg.startswith(noun) and len(seg) - len(noun) >= 8 and seg[len(noun)] not in "和与及、的，,":
                return len(noun)  # "指导思想|在校工会的领导下…"
    if len(seg) < MIN_RUNIN_PHRASE:
        return None  # too short for the cuts below: a space before 15 characters, a long phrase
    gap = SPACE_GAP.search(seg)
    if gap and gap.start() >= 2 and len(seg) - gap.end() >= 15:
        return gap.start()  # "严格财务管理| 各分会要按季度…": a space between heading and body
    for m in PHRASE.finditer(seg):
        if m.end() - m.start() >= MIN_RUNIN_PHRASE:
            # the article is tagged once: its words stand for the phrase's wherever they agree
            segmenter = get_segmenter()
            toks = segmenter.tokens_between(text, start + m.start(), start + m.end())
            cut = _phrase_cut(m.group(), toks, long_body)
            if cut is not None:
                return m.start() + cut
    return None


def _phrase_cut(phrase: str, toks: list[tuple[str, int, int]], long_body: bool = False) -> int | None:
    """Body start inside one comma phrase (`toks`: its words): a repeated word, a body opener,
    `以…为`, a year; with `long_body` also a time word, an adverb or a preposition opening a clause.

    The earliest cue wins; the words come in text order, so each scan stops at its first cue
    and at any word past the earliest cue found so far."""
    cut: int | None = None
    for i, (w, s, _) in enumerate(toks):
        if s < MIN_CUT:
            continue
        # a repeat needs the word's first character among the few before it: most words stop there
        repeated = phrase[s] in phrase[s - 4:s - 1] and _repeats_before(phrase, s)
        unit = w + (toks[i + 1][0] if i + 1 < len(toks) else "")
        restated = not repeated and (
            (len(w) >= 4 and w in phrase[:s]) or (len(unit) >= 4 and unit in phrase[:s]))
        # only a Chinese word opens the body; tested last, as the regex costs more than the rest
        if not (repeated or restated) or not HAN.match(w):
            continue
        if repeated:
            cut = s  # "女教工的教育|教育女教工…": the body repeats the heading's last words
        else:
            # "维护职工权益|维护职工合法权益…": the body restates the heading; a verb right
            # before the restated words belongs to the body ("构建和谐家庭|开展和谐家庭建设")
            pw, ps, _ = toks[i - 1]
            verb = ps >= MIN_CUT and len(pw) >= 2 and pw not in unit and _is_verb(pw)
            cut = ps if verb else s
        break
    openers, subjects = _words("body_openers.txt"), _words("body_subjects.txt")
    modals, joiners = _words("body_modals.txt"), _clause_joiner_set()
    initials = _cue_initials()  # most words start with none: they skip both list tests
    for i, (w, s, e) in enumerate(toks):
        if cut is not None and s >= cut:
            break
        if s < MIN_CUT or toks[i - 1][0] in joiners:
            continue  # "工会要|切实履行…" is one clause
        if ((phrase[s] in initials and (
                phrase.startswith(openers, s)  # "落实普遍建会|坚持…"
                or (phrase.startswith(subjects, s) and any(  # "…建设进程|工会要始终把…"
                    phrase.startswith(sj, s) and phrase.startswith(modals, s + len(sj)) for sj in subjects))))
                or (w == "以" and "为" in phrase[e + 1:e + 13])):  # "课余文体活动|以三八妇女节…为契机"
            cut = s
            break
    m = YEAR_START.search(phrase, MIN_CUT) if "年" in phrase else None  # every match holds 年
    if m and (cut is None or m.start() < cut):
        cut = m.start()  # "推进创先争优|20xx年是全镇…"
    if long_body:
        clause = _clause_cut(phrase, toks, cut)
        if clause is not None and (cut is None or clause < cut):
            cut = clause
    return cut


def _repeats_before(phrase: str, s: int) -> bool:
    """True when the 2 to 4 characters from `s` repeat the ones right before them ("教育|教育")."""
    return any(phrase[s - k:s] == phrase[s:s + k] for k in (2, 3, 4) if s - k >= 2)


@lru_cache(maxsize=None)
def _clause_joiners() -> tuple[str, ...]:
    """Words after which a clause goes on ("工会要|切实…", "并|加强…"): no body starts there."""
    return _words("body_modals.txt") + ("并", "和", "与", "及", "、", "地", "又")


@lru_cache(maxsize=None)
def _clause_joiner_set() -> frozenset[str]:
    """`_clause_joiners` as a set, to test one word."""
    return frozenset(_clause_joiners())


@lru_cache(maxsize=None)
def _cue_initials() -> frozenset[str]:
    """First characters of the body openers and subjects."""
    return frozenset(w[0] for w in _words("body_openers.txt") + _words("body_subjects.txt"))


def _clause_cut(phrase: str, toks: list[tuple[str, int, int]], limit: int | None = None) -> int | None:
    """First body clause opened by a time word ("…组建|年内新建"), an adverb before a verb
    ("…经费管理|严格按照") or a preposition phrase ("…集体协商|在全镇…中推行"). `limit` is an
    earlier cue already found: the word scan stops there, as a later clause would lose to it."""
    index = {s: i for i, (_, s, _) in enumerate(toks)}
    stops, stop_set = _clause_joiners(), _clause_joiner_set()

    def boundary(s: int) -> bool:
        """A word starts at s after a heading part of two words or more that can end there."""
        i = index.get(s)
        return (i is not None and i >= 2 and s >= MIN_CUT and phrase[s - 1] not in FUNCTION_END
                and toks[i - 1][0] not in stop_set and not phrase[:s].endswith(stops)
                and not NUMERAL_END.search(phrase, 0, s))

    dates = [d for d in _dates_module().extract_dates_from_text(phrase) if d.kind in CUT_DATE_KINDS]
    for k, d in enumerate(dates):
        if not boundary(d.start) or len(phrase) - d.end < 4:
            continue
        end = d.end  # past a list of dates: "春节、“五一”前夕"
        for d2 in dates[k + 1:]:
            if not DATE_JOINER.fullmatch(phrase, end, d2.start):
                break
            end = d2.end
        if not DATE_MODIFIES.match(phrase, end):
            return d.start  # "做好职工帮扶|春节前夕开展慰问"; not "抓好|“三八”等节日的活动"
        break
    adverbs = _words("body_adverbs.txt")
    for i, (w, s, _) in enumerate(toks):
        if limit is not None and s >= limit:
            return None  # the words come in text order: no earlier clause is left
        if not boundary(s):
            continue
        part = phrase[:s]
        # one test against the whole list before finding which adverb
        adv = next((a for a in adverbs if w.startswith(a)), None) if w.startswith(adverbs) else None
        if (adv is not None and not part.startswith(_words("pivot_verbs.txt"))
                and not part.endswith(_words("person_nouns.txt"))):
            rest = w[len(adv):] or (toks[i + 1][0] if i + 1 < len(toks) else "")
            if HAN.match(rest) and rest[0] not in "性分的地度者化":  # not 积极性, 积极分子
                return s  # "规范经费管理|严格按照…", "加强宣传工作|充分利用…"
        if w in BODY_PREPS and _tag(toks[i - 1][0]) not in ("v", "vd", "vg") \
                and BODY_PREP_PHRASE.match(phrase, s) and not PREP_ATTRIBUTIVE.search(phrase, s):
            # a verb right before it takes the phrase as complement: "安排在…"
            return s  # "推进集体协商|在全镇…中全面推行"; not "发挥工会在…中的作用"
    return None


@lru_cache(maxsize=4096)
def _tag(word: str) -> str:
    """jieba's part-of-speech flag of `word` when it is one word, else ""."""
    tags = get_segmenter().pos(word)
    return tags[0][1] if len(tags) == 1 else ""


def _is_verb(word: str) -> bool:
    """True when jieba tags `word` as one verb."""
    return _tag(word).startswith("v")


# --------------------------------------------------------------------------- levels


def _mark_nesting(lines: _Lines, items: list[_Item]) -> None:
    """Mark unnumbered titles on the line right after a numbered heading that is only a title
    ("四、月工作安排" / "九月份"): they open blocks inside that item, not new top blocks."""
    text = lines.text
    for prev, it in zip(items, items[1:]):
        if (it.style in UNNUMBERED and it.at_line_start and prev.style not in UNNUMBERED
                and prev.at_line_start and lines.next[prev.line] == it.line):
            rest = text[prev.text_end:lines.content[prev.line][1]]
            it.nests = rest.strip(" \t\u3000：:") == ""


def _levels(items: list[_Item]) -> list[int]:
    """Levels from the nesting of styles: the first style met is 1, a new style inside is one
    deeper, a style already open returns to its level."""
    stack: list[str] = []
    levels: list[int] = []
    for it in items:
        s = it.style
        if s in UNNUMBERED:
            if s in stack:
                del stack[stack.index(s) + 1:]  # the next month (title) of the same series
            elif it.nests:
                stack.append(s)  # "四、月工作安排" then "九月份": a block inside the item
            elif s == "month" and "title" in stack:
                del stack[stack.index("title") + 1:]  # "具体安排" then "3月…": months inside it
                stack.append(s)
            else:
                stack = [s]  # a title after body text opens a top block
        elif s in stack:
            del stack[stack.index(s) + 1:]
        elif stack and all(x in UNNUMBERED for x in stack) and s in TOP_STYLES:
            stack = [s]  # "工作方案" then "一、": the top items are the title's siblings
        elif (stack and it.number > 1 and stack[0] not in UNNUMBERED and RANK[s] < RANK[stack[0]]
              and all(x.style not in UNNUMBERED for x in items[:len(levels)])):
            # a senior style first met at item 2+ ("(一)…(三)" then "二、"): its item 1 was lost
            # and everything so far belonged to it, one level down
            levels = [lv + 1 for lv in levels]
            stack.insert(0, s)
            levels.append(1)
            continue
        else:
            stack.append(s)
        levels.append(len(stack))
    return levels


# --------------------------------------------------------------------------- public API


def extract_headings(article: Article) -> list[Heading]:
    """Every outline node of the article, in order."""
    text = article.text
    if not text.strip():
        return []
    lines = _Lines(text)
    marked = {lm.start for lm in article.line_marks if lm.kind == "heading"}
    line_items = _line_items(lines, marked)
    items = _settle_text(lines, _accept(lines, line_items, _inline_candidates(lines, line_items)))
    _mark_nesting(lines, items)
    return [
        Heading(level=lv, marker=text[it.pos:it.mend], text=text[it.text_start:it.text_end],
                start=it.pos, end=it.text_end, text_start=it.text_start, run_in=it.run_in)
        for it, lv in zip(items, _levels(items))
    ]


def _parents(headings: tuple[Heading, ...] | list[Heading]) -> list[int | None]:
    """Index of each heading's parent (the nearest earlier heading of a lower level)."""
    parents: list[int | None] = []
    stack: list[int] = []
    for i, h in enumerate(headings):
        while stack and headings[stack[-1]].level >= h.level:
            stack.pop()
        parents.append(stack[-1] if stack else None)
        stack.append(i)
    return parents


def outline_flags(article: Article) -> list[Flag]:
    """Flags about the outline (numbering gaps) of an article whose headings are filled.

    An item is a gap when its number neither restarts at 1 nor follows the previous sibling
    of its style; a first child may also continue the numbering of the previous parent's
    children ("（一）1、…5、（二）6、…" is not a gap, "…5、（二）7、" is).
    """
    hs = article.headings
    parents = _parents(hs)
    keys = [parse_marker(h.marker) for h in hs]
    last_of: dict[tuple[str, int], int] = {}  # (style, level) -> index of the last such heading
    last_sib: dict[tuple[str, int, int | None], int] = {}  # + parent
    flags: list[Flag] = []
    for i, h in enumerate(hs):
        if keys[i] is None:
            continue
        style, n = keys[i]
        sib = last_sib.get((style, h.level, parents[i]))
        before = sib if sib is not None else last_of.get((style, h.level))
        if n != 1 and (before is None or keys[before][1] != n - 1):
            end = h.start + len(h.marker)
            flags.append(Flag("numbering_gap", article.text[h.start:end], h.start, end))
        last_of[(style, h.level)] = i
        last_sib[(style, h.level, parents[i])] = i
    return flags


def build_sections(article: Article) -> tuple[Section, ...]:
    """The section tree of an article whose headings are filled: a heading owns the text up
    to the next heading of the same or a higher level."""
    hs = article.headings
    ends: list[int] = []
    for i, h in enumerate(hs):
        ends.append(next((hs[j].start for j in range(i + 1, len(hs)) if hs[j].level <= h.level),
                         len(article.text)))
    children: dict[int | None, list[int]] = {}
    for i, p in enumerate(_parents(hs)):
        children.setdefault(p, []).append(i)

    def node(i: int) -> Section:
        return Section(i, hs[i].start, ends[i], tuple(node(c) for c in children.get(i, [])))

    return tuple(node(i) for i in children.get(None, []))


def section_path(article: Article, offset: int) -> tuple[str, ...]:
    """Heading texts from level 1 down to the innermost section containing `offset`."""
    stack: list[Heading] = []
    for h in article.headings:
        if h.start > offset:
            break
        while stack and stack[-1].level >= h.level:
            stack.pop()
        stack.append(h)
    return tuple(h.text for h in stack)


def section_paths(article: Article) -> Callable[[int], tuple[str, ...]]:
    """`section_path` for many offsets of one article: the path after each heading is built
    once and found by bisect, rather than walking the outline for every offset."""
    starts = [h.start for h in article.headings]
    if starts != sorted(starts):  # not in text order (built by hand): walk the outline
        return lambda offset: section_path(article, offset)
    paths: list[tuple[str, ...]] = [()]
    stack: list[Heading] = []
    for h in article.headings:  # the same stack walk as section_path
        while stack and stack[-1].level >= h.level:
            stack.pop()
        stack.append(h)
        paths.append(tuple(x.text for x in stack))
    return lambda offset: paths[bisect_right(starts, offset)]


def render_outline(article: Article) -> str:
    """The indented outline of one article, for `--format outline`."""
    return "\n".join("  " * (h.level - 1) + h.marker + h.text for h in article.headings)
