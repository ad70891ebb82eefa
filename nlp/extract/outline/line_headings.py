"""Headings that open a line: numbered lines, standalone 一是 lines and unnumbered title lines."""

from __future__ import annotations

import regex

from ...lang.enumerators import GLUED_AR, RANK, SHI, marker_at
from ...lang.numerals import cn_number
from ...lang.punct import COMMA, HAN, SENTENCE_PUNCT, TERMINATOR
from .lines import UNNUMBERED, Item, Lines
from .words import headed, heading_nouns, is_leadin, is_section_name

MAX_TEXT = 40  # a heading text is cut at 40 characters (GUIDELINES)
MAX_TITLE = 30  # an unnumbered title line is "about 30 chars or fewer" (GUIDELINES)
MAX_YISHI = 28  # a standalone "一是…" title line, e.g. "一是宣传发动阶段(5月)。"
TABLE_RUN = 4  # this many short unpunctuated lines in a row are a table, not titles

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


def line_items(lines: Lines, marked: set[int]) -> list[Item]:
    """Headings that open a line: numbered lines, standalone 一是 lines and title lines."""
    text = lines.text
    items: list[Item] = []
    kind_of: dict[int, str] = {}  # line -> "numbered" | "title"
    for li, (s, e) in enumerate(lines.content):
        if s >= e:
            continue
        found = marker_at(text, s, e) or _glued_enumerator(lines, li, items)
        if found and (not found[1].startswith("dec") or _decimal_follows(text, text[s:found[0]], items)):
            items.append(Item(s, found[0], found[1], found[2], li, True))
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
            items.append(Item(s, shi.end(), "shi", n, li, True))
            kind_of[li] = "numbered"
            continue
        title = _title_span(lines, li, prev_kind, lines.spans[li][0] in marked)
        if title:
            kind, ts, te = title
            items.append(Item(ts, ts, kind, 0, li, True, ts, te))
            kind_of[li] = "title"
    table = _table_lines(lines, {it.line for it in items if it.style not in UNNUMBERED})
    return [it for it in items if it.style not in UNNUMBERED or it.line not in table]


def _glued_enumerator(lines: Lines, li: int, items: list[Item]) -> tuple[int, str, int] | None:
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
    after = marker_at(text, ns, ne)
    glued = GLUED_AR.match(text, ns, ne)
    ok = (after is not None and after[1:] == ("ar", 2)) or (glued is not None and glued.group("n") == "2")
    return (m.end(), "ar", 1) if ok else None


def _decimal_follows(text: str, marker: str, items: list[Item]) -> bool:
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


def _standalone_shi(lines: Lines, li: int, ts: int) -> bool:
    """True when an `一是…` line is a short standalone title ("一是动员部署阶段(6月)。")."""
    rest = lines.text[ts:lines.content[li][1]].rstrip("。.；; ")
    if not rest or len(rest) > MAX_YISHI or SENTENCE_PUNCT.search(rest) or len(COMMA.findall(rest)) > 1:
        return False
    return lines.next[li] is not None


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
    kind = "month" if MONTH_TITLE.match(core) else "title"
    known = marked or is_section_name(core)
    if prev_kind in ("open", "start") and not known:
        return None  # the tail of a line cut mid-sentence, or the article's subtitle
    if prev_kind in ("numbered", "title") and kind == "title" and not known and not headed(core):
        return None  # a short unpunctuated line right under a heading is its body or value
    nxt = lines.next[li]
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

