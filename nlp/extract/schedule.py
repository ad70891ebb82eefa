"""The calendar of an article: which activities fall in which months, and what recurs.

Sources, strongest first:
- month blocks: a line that is only a month (`三月份：`, `2. 三月`, `1. 一、二月`) heads the lines
  below it, up to the next month line or the next heading of the same or a higher level;
- month-led lines and sentences: `三月份：庆祝“三八”节`, `一月一日元旦节慰问活动。会员51人…`
  (a table-like budget line is cut before each date that starts a sentence);
- month-trailing items: `1、慰问困难职工，离退休教师1月份`;
- any other clause holding a month, a day or a holiday (the task holding it when tasks are
  filled): `计划在三月份组织校职工参加城区职工趣味运动会`.
Recurring expressions (`每两周的周五下午`) give items with `every` set and no months.
Seasons (上半年, 年底) are too coarse for a month calendar and are left out.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import regex

from ..lang.enumerators import LINE_MARKER, TOP_LINE_MARKER as TOP_MARKER
from ..model import Article, DateMention, Heading, ScheduleItem
from .sections import section_path

_MONTH_KINDS = ("month", "month_range", "day")

# LINE_MARKER: an outline marker at the start of a line; TOP_MARKER: a top-level one (一、), which
# ends a month block when the outline is unknown. Both from the one grammar (nlp.lang).
# What may stand beside the month of a month line: 份, a colon, spaces (三月份：, 2. 三月).
MONTH_LINE_REST = regex.compile(r"[\s：:，,。.、]*")
# Where a sentence ends, so that a date after it leads a new item: 。；！？ and, in a run-on
# budget line, a money amount (…经费5100元五月一日劳动节…).
_LEAD_BEFORE = regex.compile(r"(?:[。；;！!？?：:]|[0-9０-９]元)[ \t\u3000]*$")
# Clause boundaries for an activity told inside running text.
_CLAUSE_END = "，,。；;！!？?\n：:"
_TRIM = " \t\u3000，,。；;：:、.．"
_LONG_CHUNK = 80
# Words that join dates without telling an activity (元旦、春节期间; 在3月).
_CONNECTIVES = regex.compile(r"[\s、和与及在于从到至等,，]")


@dataclass
class _Line:
    start: int  # first character of the content (after the outline marker)
    end: int  # end of the line (before \n)
    line_start: int


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        end = pos + len(raw)
        m = LINE_MARKER.match(text, pos, end)
        start = m.end() if m else pos
        while start < end and text[start] in " \t\u3000":
            start += 1
        out.append(_Line(start, end, pos))
        pos = end + 1
    return out


def _months(dm: DateMention) -> tuple[int, ...]:
    if dm.months is None:
        return ()
    a, b = dm.months
    if a <= b:
        return tuple(range(a, b + 1))
    return tuple(range(a, 13)) + tuple(range(1, b + 1))  # 11月至次年2月, 冬季 12-2


def _section(article: Article, offset: int) -> tuple[str, ...]:
    return section_path(article, offset)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _headings_by_line(article: Article, lines: list[_Line]) -> dict[int, Heading]:
    """Line start → the first heading starting on that line (before its end), for every line
    holding one: each heading is bisected into the lines once, not every line scanned for it."""
    line_starts = [ln.line_start for ln in lines]
    out: dict[int, Heading] = {}
    for h in article.headings:  # in order: the first heading of a line wins
        i = bisect_right(line_starts, h.start) - 1
        if i >= 0 and h.start < lines[i].end:
            out.setdefault(lines[i].line_start, h)
    return out


def _dated(article: Article) -> list[DateMention]:
    """Mentions that place something in months: months, days, holidays with a known month."""
    return [d for d in article.dates
            if d.months and (d.kind in _MONTH_KINDS or d.kind == "holiday")]


class _Builder:
    def __init__(self, article: Article):
        self.a = article
        self.text = article.text
        self.items: list[ScheduleItem] = []
        self.used: list[tuple[int, int]] = []  # spans already turned into items

    def add(self, months: tuple[int, ...], start: int, end: int, every: str | None = None) -> None:
        start, end = _trim(self.text, start, end)
        if end <= start:
            return
        # an item that is a heading itself belongs to the section above it, not to its own
        ls = self.text.rfind("\n", 0, start) + 1
        own = [h for h in self.a.headings if ls <= h.start <= start]
        section = _section(self.a, own[-1].start)[:-1] if own else _section(self.a, start)
        self.items.append(ScheduleItem(months=months, activity=self.text[start:end], start=start,
                                       end=end, section=section, every=every))

    def is_used(self, pos: int) -> bool:
        return any(s <= pos < e for s, e in self.used)

    # -- month blocks and month lines ------------------------------------------------------

    def lines(self) -> None:
        text, lines = self.text, _lines(self.text)
        heading_of_line = _headings_by_line(self.a, lines)
        dated = _dated(self.a)
        by_line: list[list[DateMention]] = [[] for _ in lines]
        li = 0
        for d in dated:
            while li < len(lines) and lines[li].end < d.start:
                li += 1
            if li < len(lines) and d.start >= lines[li].line_start:
                by_line[li].append(d)
        block: tuple[tuple[int, ...], int | None] | None = None  # months, heading level
        for i, ln in enumerate(lines):
            if block is None and not by_line[i]:
                continue  # most lines: no date, outside a month block, nothing to do
            ds = [d for d in by_line[i] if d.kind in ("month", "month_range")]
            head = heading_of_line.get(ln.line_start)
            lead = ds[0] if ds and ds[0].start == ln.start else None
            if lead is not None and (MONTH_LINE_REST.fullmatch(text, lead.end, ln.end)
                                     or self._block_head(lines, i, head, lead, heading_of_line)):
                # 三月份： / 2. 三月 / 2月新学期新面貌 above numbered items: the lines below are its
                block = (_months(lead), head.level if head else None)
                self.add(block[0], lead.end, ln.end)  # the block's theme, when it has one
                self.used.append((ln.line_start, ln.end))
                continue
            if block is not None and ln.start < ln.end:
                if head is not None and block[1] is not None and head.level > block[1]:
                    ends = False
                else:
                    ends = head is not None or bool(TOP_MARKER.match(text, ln.line_start, ln.end))
                # a long unnumbered paragraph is running text again (总之，让我们…), not an item
                prose = ln.end - ln.start > _LONG_CHUNK and ln.start == ln.line_start \
                    and not LINE_MARKER.match(text, ln.line_start, ln.end)
                if ends or prose or lead is not None or by_line[i] and self._trailing(ln, by_line[i]):
                    block = None
                else:
                    self.add(block[0], ln.start, ln.end)
                    self.used.append((ln.line_start, ln.end))
                    continue
            if by_line[i]:
                self._line_items(ln, by_line[i])

    def _block_head(self, lines: list[_Line], i: int, head: Heading | None, lead: DateMention,
                    heading_of_line: dict[int, Heading]) -> bool:
        """A month line with a theme (2月新学期新面貌) above numbered items of its own."""
        nxt = next((j for j in range(i + 1, len(lines)) if lines[j].start < lines[j].end), None)
        if nxt is None:
            return False
        theme = self.text[lead.end:lines[i].end]
        if len(theme) > 30 or regex.search("[。；;！!？?]", theme):
            return False
        below = heading_of_line.get(lines[nxt].line_start)
        if head is not None and below is not None:
            return below.level > head.level
        return LINE_MARKER.match(self.text, lines[nxt].line_start, lines[nxt].end) is not None

    def _trailing(self, ln: _Line, ds: list[DateMention]) -> DateMention | None:
        last = ds[-1]
        if last.kind in ("month", "month_range") and last.start > ln.start and \
                MONTH_LINE_REST.fullmatch(self.text, last.end, ln.end):
            return last
        return None

    def _line_items(self, ln: _Line, ds: list[DateMention]) -> None:
        text = self.text
        last = self._trailing(ln, ds)
        if last is not None:  # 1、慰问困难职工，离退休教师1月份
            self.add(_months(last), ln.start, last.start)
            self.used.append((ln.line_start, ln.end))
            return
        leads = [d for d in ds if d.start == ln.start or _LEAD_BEFORE.search(text, ln.line_start, d.start)]
        leads = [d for d in leads if d.kind in _MONTH_KINDS]
        for k, d in enumerate(leads):
            end = leads[k + 1].start if k + 1 < len(leads) else ln.end
            if end - d.start > _LONG_CHUNK:  # a sentence of running text, not a table row
                stop = regex.compile("[。；;！!？?]").search(text, d.end, end)
                end = stop.end() if stop else end
            start = d.start
            if d.kind in ("month", "month_range"):  # 三月份：庆祝… → the activity after the month
                start = d.end
            self.add(_months(d), start, end)
            self.used.append((d.start, end))

    # -- dates inside running text -----------------------------------------------------------

    def _clause(self, d: DateMention) -> tuple[int, int]:
        text = self.a.text
        for t in self.a.tasks:
            if t.start <= d.start and d.end <= t.end:
                return t.start, t.end
        s = d.start
        while s > 0 and text[s - 1] not in _CLAUSE_END:
            s -= 1
        if s == 0 or text[s - 1] == "\n":  # a clause opening a line: not its outline marker
            m = LINE_MARKER.match(text, s, d.start)
            s = m.end() if m else s
        for h in self.a.headings:  # a run-in heading's marker (…作用。三、课余文体活动…)
            if h.start == s and h.text_start <= d.start:
                s = h.text_start
        e = d.end
        while e < len(text) and text[e] not in _CLAUSE_END:
            e += 1
        # a clause that is only dates (元旦、春节期间,走访…): the next clause tells what happens
        if len(_CONNECTIVES.sub("", self._without_dates(s, e))) < 4 and e < len(text) \
                and text[e] not in "。\n":
            e += 1
            while e < len(text) and text[e] not in _CLAUSE_END:
                e += 1
        return s, e

    def _without_dates(self, s: int, e: int) -> str:
        """The text of [s, e) with every date mention in it removed."""
        out, pos = [], s
        for x in self.a.dates:
            if x.start >= s and x.end <= e:
                out.append(self.text[pos:x.start])
                pos = x.end
        out.append(self.text[pos:e])
        return "".join(out)

    def clauses(self) -> None:
        seen: dict[tuple[int, int], int] = {}
        for d in _dated(self.a):
            if self.is_used(d.start):
                continue
            s, e = self._clause(d)
            if (s, e) in seen:
                k = seen[(s, e)]
                old = self.items[k]
                if not any(x.kind in ("month", "month_range", "day") for x in self.a.dates
                           if s <= x.start < e and x is not d and x.start < d.start):
                    merged = tuple(sorted(set(old.months + _months(d))))
                    self.items[k] = ScheduleItem(merged, old.activity, old.start, old.end,
                                                 old.section, old.every)
                continue
            if len(_CONNECTIVES.sub("", self._without_dates(s, e))) < 3:
                continue  # 截止到2017年11月底: no activity
            seen[(s, e)] = len(self.items)
            self.add(_months(d), s, e)

    def recurring(self) -> None:
        seen = set()
        for d in self.a.dates:
            if d.kind != "recurring":
                continue
            s, e = self._clause(d)
            if (s, e) in seen:
                continue
            seen.add((s, e))
            self.add((), s, e, every=d.every)


def build_schedule(article: Article) -> list[ScheduleItem]:
    """The article's calendar: months → activities, then recurring items (every set, no months)."""
    b = _Builder(article)
    b.lines()
    listed = {m for i in b.items for m in i.months}
    n_listed = len(b.items)
    b.clauses()
    # a plan that lists its own calendar: running-text mentions of months it lists repeat it
    told = [i for i in b.items[n_listed:] if not set(i.months) <= listed]
    dated = sorted(b.items[:n_listed] + told, key=lambda i: i.start)
    b.items = []
    b.recurring()
    return dated + b.items


# ----------------------------------------------------------------------------- labels (shared by the views)

_EVERY_LABEL = {"1D": "每天", "1W": "每周", "2W": "每两周", "1M": "每月", "2M": "每两个月",
                "1Q": "每季度", "6M": "每半年", "1Y": "每年"}


def month_label(months: tuple[int, ...]) -> str:
    """1 → '1月'; 3..4 → '3—4月'; 1, 2, 9 → '1、2、9月'."""
    if len(months) == 1:
        return f"{months[0]}月"
    contiguous = all((b - a) % 12 == 1 for a, b in zip(months, months[1:]))
    if contiguous:
        return f"{months[0]}—{months[-1]}月"
    return "、".join(str(m) for m in months) + "月"


def every_label(every: str | None) -> str:
    """'2W' → '每两周 (2W)'; None → '不定期'."""
    if every is None:
        return "周期不定"
    return f"{_EVERY_LABEL.get(every, '每' + every)} ({every})"
