"""Headings that open a line: numbered lines, standalone 一是 lines and unnumbered title lines."""

from __future__ import annotations

import regex

from ...lang.enumerators import SHI, marker_at
from ...lang.numerals import cn_number
from ...lang.punct import COMMA, HAN, SENTENCE_PUNCT, TERMINATOR
from .lines import UNNUMBERED, Item, Lines
from .markers import decimal_follows, glued_enumerator
from .words import headed, is_leadin, is_section_name

MAX_TEXT = 40  # a heading text is cut at 40 characters (GUIDELINES)
MAX_TITLE = 30  # an unnumbered title line is "about 30 chars or fewer" (GUIDELINES)
TABLE_RUN = 4  # this many short unpunctuated lines in a row are a table, not titles

# A month at the start of a title line: matches "2月新学期新面貌", "一月份", "七、八月", "3—4月";
# must not match "2017年" or "月考" (no month number).
MONTH_TITLE = regex.compile(
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:[、—―–\-~～至到](?:\d{1,2}|[一二三四五六七八九十]{1,3}))?月份?"
)
# A month label standing alone as a cell or a line: matches "三月", "三月份", "3月", "7—8月", "元月",
# "2024年3月", "4月上旬", "九月底"; must not match "3月12日", "三月份工作重点" (a title that starts
# with a month) or "月份".
MONTH_LABEL = regex.compile(
    r"(?:(?:\d{4}|\d{2}[xX]{2}|[xX]{2,4})年)?"
    r"(?:\d{1,2}|[一二三四五六七八九十]{1,3}|元)(?:[、—―–\-~～至到](?:\d{1,2}|[一二三四五六七八九十]{1,3}))?月份?"
    r"(?:上旬|中旬|下旬|初|中|底|末)?"
)
# The cell separator of a table flattened into text: "三月份 | 植树 | 工会", "| 一月 | …"; a line
# holding one is a table row, never a block title.
CELL_SEP = regex.compile(r"[|｜]")
# A line made only of a date or number: "2019年9月1日", "二〇二四年二月", "xx年xx月"; not "一月份".
DATE_LINE = regex.compile(r"[\dxX_＿〇零一二三四五六七八九十○年月日号\s.．/\-—]+")
# A line that starts like a list bullet or a quote, not a title: "——大力推动…", "★其他", "“三八”";
# not "活动主题".
BULLET_START = regex.compile(r"[—\-–~～*•·▪★☆※●○◆◇■□▲△→>《“\"(（\[【]")


def line_items(lines: Lines, marked: set[int], bulleted: frozenset[int] = frozenset()) -> list[Item]:
    """Headings that open a line: numbered lines, standalone 一是 lines, title lines, and the
    month labels opening the rows of a schedule table. `marked` and `bulleted` hold the start
    offsets of lines the ingest step found marked as headings, or as list bullets (whose
    unnumbered lines are list entries, never block titles)."""
    text = lines.text
    items: list[Item] = []
    kind_of: dict[int, str] = {}  # line -> "numbered" | "title" | "row"
    for li, (s, e) in enumerate(lines.content):
        if s >= e:
            continue
        if CELL_SEP.search(text, s, e):
            # a row of a table flattened into " |" cells: a month label opening it is a heading
            # ("三月份 | 植树活动 | 工会办公室", "一月 |"); other cells, data or header, are not
            label = _row_month(text, s, e)
            if label is not None:
                items.append(Item(label[0], label[0], "month", 0, li, True, label[0], label[1]))
            kind_of[li] = "title" if label is not None else "row"
            continue
        found = marker_at(text, s, e) or glued_enumerator(lines, li, items)
        if found and (not found[1].startswith("dec") or decimal_follows(text, text[s:found[0]], items)):
            items.append(Item(s, found[0], found[1], found[2], li, True))
            kind_of[li] = "numbered"
            continue
        prev = lines.prev[li]
        if prev is None:
            prev_kind = "start"
        else:
            prev_kind = kind_of.get(prev) or ("closed" if lines.closes(prev) else "open")
            if prev_kind == "row":
                prev_kind = "closed"  # a table row is a closed unit
        shi = SHI.match(text, s, e)
        n = cn_number(shi.group("n_shi")) if shi else None
        if n and prev_kind != "open" and _standalone_shi(lines, li, shi.end(), n, items):
            items.append(Item(s, shi.end(), "shi", n, li, True))
            kind_of[li] = "numbered"
            continue
        if lines.spans[li][0] in bulleted:
            continue  # "- 加强学习": an entry of a bullet list
        title = _title_span(lines, li, prev_kind, lines.spans[li][0] in marked)
        if title:
            kind, ts, te = title
            items.append(Item(ts, ts, kind, 0, li, True, ts, te))
            kind_of[li] = "title"
    table = _table_lines(lines, {it.line for it in items if it.style not in UNNUMBERED})
    # in a table flattened one cell per line, a month label still opens a row
    return [it for it in items if it.style not in UNNUMBERED or it.line not in table
            or (it.style == "month" and MONTH_LABEL.fullmatch(text, it.pos, it.text_end))]


def _row_month(text: str, s: int, e: int) -> tuple[int, int] | None:
    """Span of the month label that makes up the first cell of a table row, if it does."""
    cell = CELL_SEP.search(text, s, e)
    if cell.start() == s and text[s:cell.end()].strip() in "|｜":  # "| 三月 | …": a leading pipe
        s = cell.end()
        cell = CELL_SEP.search(text, s, e)
    cs, ce = s, cell.start() if cell else e
    while cs < ce and text[cs] in " \t\u3000":
        cs += 1
    while ce > cs and text[ce - 1] in " \t\u3000：:":
        ce -= 1
    return (cs, ce) if MONTH_LABEL.fullmatch(text, cs, ce) else None


def _standalone_shi(lines: Lines, li: int, ts: int, n: int, items: list[Item]) -> bool:
    """True when an `N是…` line is a short standalone title that continues or opens a sequence
    of such lines ("一是宣传发动阶段(5月)。" … "二是集中整改阶段(6月)。"); an `一是` sentence
    run on in a paragraph is not one."""
    if not _shi_title(lines, li, ts):
        return False
    prev = next((it for it in reversed(items) if it.style == "shi"), None)
    if prev is not None and prev.number == n - 1:
        return True
    if n != 1:
        return False
    text = lines.text
    j = lines.next[li]
    while j is not None:  # the next "N是" line start must be a "二是" title
        s, e = lines.content[j]
        m = SHI.match(text, s, e)
        if m and text[m.start():m.end() - 1] == "二":
            return _shi_title(lines, j, m.end())
        j = lines.next[j]
    return False


def _shi_title(lines: Lines, li: int, ts: int) -> bool:
    """True when the rest of an `N是` line is title-shaped: short, one sentence at most."""
    rest = lines.text[ts:lines.content[li][1]].rstrip("。.；; ")
    return (bool(rest) and len(rest) <= MAX_TITLE and not SENTENCE_PUNCT.search(rest)
            and len(COMMA.findall(rest)) <= 1 and lines.next[li] is not None)


def _title_span(lines: Lines, li: int, prev_kind: str, marked: bool) -> tuple[str, int, int] | None:
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
        if not core or is_leadin(core):
            return None  # "主要工作如下：" leads into a list, it does not title a block
    elif core[-1] in "。.．！!？?；;，,、…":
        return None  # a sentence or a clause, not a title
    if not 2 <= len(core) <= (MAX_TEXT if marked else MAX_TITLE) or not HAN.search(core):
        return None
    if TERMINATOR.search(core) or len(COMMA.findall(core)) > 1:
        return None
    if DATE_LINE.fullmatch(core) and ("年" in core or "日" in core):
        return None  # a date, e.g. a signature date
    nxt = lines.next[li]
    if MONTH_LABEL.fullmatch(core) and nxt is not None:
        return "month", s, s + len(core)  # "三月份：" or "九月" alone on a line opens that month's block
    kind = "month" if MONTH_TITLE.match(core) else "title"
    known = marked or is_section_name(core)
    if prev_kind in ("open", "start") and not known:
        return None  # the tail of a line cut mid-sentence, or the article's subtitle
    if prev_kind in ("numbered", "title") and kind == "title" and not known and not headed(core):
        return None  # a short unpunctuated line right under a heading is its body or value
    if nxt is None:
        return None  # a title heads a block; a last short line is a signature
    if not known and not _opens_block(lines, nxt):
        return None  # "以上计划，请遵照执行" above "XX工会": no block below it
    return kind, s, s + len(core)


def _opens_block(lines: Lines, nxt: int) -> bool:
    """True when line `nxt`, right under a title candidate, starts a block: a numbered item,
    a sentence, a section name or a month, not a short value or a signature line."""
    text = lines.text
    s, e = lines.content[nxt]
    line = text[s:e]
    if marker_at(text, s, e) or SHI.match(line) or lines.closes(nxt) or e - s > MAX_TITLE:
        return True
    if CELL_SEP.search(line):
        return True  # a table below its title: "具体工作：" above "时间 | 活动内容 |"
    if DATE_LINE.fullmatch(line):
        return False
    return bool(MONTH_TITLE.match(line)) or headed(line.rstrip("：:"))


def _table_lines(lines: Lines, numbered: set[int]) -> set[int]:
    """Lines inside runs of TABLE_RUN or more short unpunctuated lines (blank lines aside):
    a flattened table or a list of values, whose lines are not block titles."""
    text = lines.text
    table: set[int] = set()
    run: list[int] = []
    for li, (s, e) in enumerate(lines.content):
        if s >= e:
            continue
        # rows with " |" cells are tables of their own (their month labels are decided by
        # `_row_month`): they break a run, so the title line above them is not a cell
        if (li not in numbered and e - s <= MAX_TITLE and not SENTENCE_PUNCT.search(text, s, e)
                and text[e - 1] not in "，,、" and not CELL_SEP.search(text, s, e)):
            run.append(li)
            continue
        if len(run) >= TABLE_RUN:
            table.update(run)
        run = []
    if len(run) >= TABLE_RUN:
        table.update(run)
    return table

