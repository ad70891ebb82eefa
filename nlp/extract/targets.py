"""Which quantities are targets, with the clause that carries them, subject and status.

A quantity (quantities.py) is a target unless it is a date or duration, an ordinal
(第三届, 十五次党代会), a distributive or frequency (每一个, 每周一次), part of a slogan
or name (三个代表, anything inside “…” or 《…》), a size threshold that defines scope
(百人以上企业), an indefinite article (作为一项重要工作), a count of kinds or of a list
just named (三个类别), or a rate that parametrises the amount after it (20%为518327.42元).

Status comes, in order, from: cue words in the clause (nearest before the number wins);
result and plan nouns/verbs of the clause (完成, 任务); cues in the earlier clauses of the
same run of results; the shape of the clause (a bare "noun + count" repeats the status of
the count before it, or states a fact); the lean of the document (plan → goal).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..data import cues as cue_data
from ..data import targets as target_data
from ..model import Article, Quantity, Target
from ..text.segment import get_segmenter
from . import genre as genre_mod

Token = tuple[str, str, int, int]  # word, POS flag, start, end

# CLAUSE_DELIM: ends a clause. Matches "，" "、" "。" "：" and line breaks; must not match
# "(" — a parenthesis stays inside its clause (有124家(25人以上)企业工会).
_CLAUSE_DELIM = regex.compile(r"[，,。；;：:、！!？?\n]")
# WIDE_DELIM: ends a clause for reading its status: an enumeration with 、 shares the verb
# before it (设置焊工、电工等8个工种). Matches "，" "。"; must not match "、".
_WIDE_DELIM = regex.compile(r"[，,。；;：:！!？?\n]")
# SENTENCE_DELIM: ends a sentence. Matches "。" "；"; must not match "，".
_SENTENCE_DELIM = regex.compile(r"[。；;！!？?\n]")
# The same delimiters searched right to left: the nearest one before an offset in one call
# instead of a Python loop over characters.
_CLAUSE_DELIM_BACK = regex.compile(_CLAUSE_DELIM.pattern, regex.REVERSE)
_WIDE_DELIM_BACK = regex.compile(_WIDE_DELIM.pattern, regex.REVERSE)
_SENTENCE_DELIM_BACK = regex.compile(_SENTENCE_DELIM.pattern, regex.REVERSE)
# CLAUSE_LEAD: enumerators and run-in openers stripped from a clause start.
# Matches "(1)", "二是", "1." at the start; must not match "一次" (a count).
_CLAUSE_LEAD = regex.compile(
    r"(?:\s|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[是要](?![\d一二三四五六七八九十])"
    r"|\d+[.．、](?!\d)|[①-⑳]|[”\"》])+"
)
# PUNCT_AFTER: what may follow a comparator for the quantity to be a count, not a threshold.
# Matches "，" "。" ")" and the end; must not match "企" of "百人以上企业".
_PUNCT_AFTER = regex.compile(r"[\p{P}\s]|$")
# THRESHOLD_TAIL: a comparator after the counted noun, before what it delimits.
# Matches "女职工以上的企业" after "10名"; must not match "以上," (a count's comparator).
_THRESHOLD_TAIL = regex.compile(r"[^\p{P}\s\d]{1,6}?(?:以上|以下)(?:的|[^\p{P}\s])")
# RATE_BEFORE_AMOUNT: a percent that sets the share of the amount after it.
# Matches "为518" after "20%"; must not match "以上" after "90%".
_RATE_BEFORE_AMOUNT = regex.compile(r"(?:为|即|计|是)\s*[\d零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾]")
# BY_RATE: a percent that states a rule (按工资总额的2%计提), not a result to reach.
# Matches "按工资总额的" before "2%"; must not match "按时完成任务的" (按时 is "on time").
_BY_RATE = regex.compile(r"按(?!时|期)照?[^，,。；;按]{1,10}的$")
# HOLIDAY_NUMERAL: a numeral that names a holiday, a date in disguise. Matches "五一" of
# "五一节"; must not match "五" of "五节课".
_HOLIDAY_NUMERAL = regex.compile(r"(?:三八|五一|五四|六一|七一|八一|十一|九九)")
# RECURRENCE: a period that makes "一次" a frequency. Matches "每两周", "每个季度",
# "一月一次"; must not match "每人" (a share per person).
_RECURRENCE = regex.compile(
    r"每(?:[一两二三四五六七八九十\d]*个?)(?:周|星期|月|季度|季|年|学期|天|日|半年)"
    r"|[一二三四五六七八九十两\d]+个?(?:周|月|季度|学期)(?:一次|搞一次|开展一次|组织一次)"
)
# DASH_AFTER: an enumerated slogan explained after a dash. Matches "环境——" after "四个"
# in "营造四个环境——…"; must not match "活动，" (no dash).
_DASH_AFTER = regex.compile(r"[^\p{P}\s]{0,6}(?:——|—|--)")
# PHRASE: the rest of a phrase, up to a comma-level stop (an enumeration with 、 stays in).
# Matches "学习型、知识型的队伍" after "一支"; must not run past "，".
_PHRASE = regex.compile(r"[^，,。；;：:！!？?\n]*")
# SUBJECT_TAIL: what links a noun phrase to its number. Matches "达到" in "建会率达到",
# "力争突破" in "参保人数力争突破"; must not match the noun "率" itself.
_SUBJECT_TAIL = regex.compile(
    r"(?:达到了?|达|为|是|保持在|保持|提高到?|提升|增长|增加|突破|超过|不少于|不低于|不超过|至少"
    r"|最少|力争|确保|争取|占|有|共计?|计|约|近|将近|到|在|了|的|“|”|\s)+$"
)
# DEADLINE: a date with 前, a commitment still to be met. Matches "11月底前", "年底前";
# must not match "前夕" or "五一前" (a holiday, not a deadline).
_DEADLINE = regex.compile(r"(?:\d{1,2}月底?|[一二三四五六七八九十]{1,3}月底?|年底|年内|月底)前(?!夕)")
# ONE_X_ONE_Y: a fixed distributive phrase "一X一Y" (one file per person, one plan per
# household). Matches "一人一档", "一户一策", "一企一品"; must not match "一人次", "一次两天"
# or "一次一天" (a time span after a count).
_ONE_X_ONE_Y = regex.compile(
    r"一[^\p{P}\s\d一二三四五六七八九十]一[^\p{P}\s\d一二三四五六七八九十天日周月年时]"
)
# QUOTES: opening and closing quotation marks and book-title brackets.
_OPEN_QUOTES, _CLOSE_QUOTES = "“「『《", "”」』》"
# CLOSE_QUOTE: the end of a quotation. Matches "”" "》" '"'; must not match "“".
_CLOSE_QUOTE = regex.compile(r'[”」』》"]')
# QUOTE_MARK: any opening or closing mark. Matches "“" "》" '"'; must not match "(".
_QUOTE_MARK = regex.compile(r'[“「『《”」』》"]')
_MAX_QUOTED = 20  # a slogan or name in quotes is at most this long
_SLOGAN_REACH = 6  # a listed slogan is looked for this far around a quantity
# LISTED_BEFORE: a list of names ending right before a numeral. Matches "工会、妇联和团委"
# before "三家"; must not match "工会" alone (one item is no list).
_LISTED_BEFORE = regex.compile(r"((?:[^\p{P}\s]{1,12}[、和及与])+[^\p{P}\s]{1,12})$")
# LIST_SEP: separates the items of such a list. Matches "、" "和"; must not match "，".
_LIST_SEP = regex.compile(r"[、和及与]")

_NOUNISH = ("n", "vn", "j", "l", "an", "nz", "ng", "b", "i", "nt", "nr", "ns", "eng")
_COUNT_UNITS = frozenset("人 名 位 个 家 户 支 所 条 间 座 台 辆 套 村".split())
_EVENT_UNITS = frozenset("次 场 期 轮 本 名 人 届 节 堂 趟 回 篇 首".split())
_VAGUE_UNITS = frozenset("批 种 类".split())
_LIST_UNITS = frozenset("个 家 位 名 种 类 项 大 条".split())
_PERCENT = ("%", "％", "‰")
_PRE_COMPARATORS = {"至少": ">=", "不少于": ">=", "不低于": ">=", "最少": ">=",
                    "突破": ">=", "超过": ">=",
                    "不超过": "<=", "最多": "<=", "至多": "<=", "不高于": "<="}


class Tokens:
    """POS tokens (word, flag, start, end) of a text, sliced by offsets in log time."""

    def __init__(self, pos: list[Token], starts: Sequence[int] | None = None):
        self.pos = pos
        self.starts = [t[2] for t in pos] if starts is None else starts

    @classmethod
    def of(cls, text: str) -> "Tokens":
        """The tokens of `text` from the shared (memoized) POS pass, start offsets included."""
        seg = get_segmenter()
        return cls(seg.pos(text), seg.word_starts(text))

    def within(self, lo: int, hi: int) -> list[Token]:
        """Tokens lying inside [lo, hi)."""
        i, j = bisect_left(self.starts, lo), bisect_left(self.starts, hi)
        out = self.pos[i:j]
        # The tokens tile the text in order, so only the last one can run past hi.
        if out and out[-1][3] > hi:
            out.pop()
        return out

    def following(self, lo: int, n: int) -> list[Token]:
        """The first n tokens starting at or after lo."""
        i = bisect_left(self.starts, lo)
        return self.pos[i:i + n]


class SpanIndex:
    """Spans (anything with .start and .end) found by overlap with [lo, hi) in log time."""

    def __init__(self, spans: Sequence):
        order = sorted(range(len(spans)), key=lambda i: spans[i].start)
        self._starts = [spans[i].start for i in order]
        self._ends_and_indices = [(spans[i].end, i) for i in order]
        # no span is longer than this, so one ending after lo starts after lo - longest
        self._longest = max((sp.end - sp.start for sp in spans), default=0)

    def _window(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """(end, index) of the spans starting in (lo - longest, hi): all that may overlap."""
        starts = self._starts
        if not starts:
            return []
        i = bisect_right(starts, lo - self._longest)
        return self._ends_and_indices[i:bisect_left(starts, hi, i)]

    def overlapping(self, lo: int, hi: int) -> tuple[int, ...]:
        """Indices, in input order, of the spans with start < hi and lo < end."""
        found = [i for end, i in self._window(lo, hi) if end > lo]
        if len(found) > 1:
            found.sort()
        return tuple(found)

    def overlaps(self, lo: int, hi: int) -> bool:
        return any(end > lo for end, _i in self._window(lo, hi))


@dataclass(frozen=True)
class _Cue:
    kind: str  # goal achieved fact total goal_weak achieved_weak
    start: int
    end: int


@lru_cache(maxsize=1)
def _status_lexicon() -> dict[str, str]:
    """Cue word → kind; later lists win where a word appears twice."""
    lex: dict[str, str] = {}
    for kind, name in (("goal_weak", "status_goal_weak"), ("achieved_weak", "status_achieved_weak"),
                       ("total", "status_total"), ("habitual", "status_habitual"),
                       ("fact", "status_fact"),
                       ("achieved", "status_achieved"),
                       ("goal", "status_goal")):
        for w in cue_data.words(name):
            lex[w] = kind
    return lex


@lru_cache(maxsize=1)
def _status_prefixes() -> frozenset[str]:
    """The proper prefixes of the status cues: only a token among them can open a bigram cue."""
    return frozenset(w[:n] for w in _status_lexicon() for n in range(1, len(w)))


@lru_cache(maxsize=None)
def _set(package: str, name: str) -> frozenset[str]:
    data = cue_data if package == "cues" else target_data
    return frozenset(data.words(name))


def _delimited(text: str, start: int, end: int, forward: regex.Pattern,
               backward: regex.Pattern) -> tuple[int, int]:
    """The span around [start, end) between the nearest delimiters before and after it."""
    before = backward.search(text, 0, start)
    after = forward.search(text, end)
    return (before.end() if before else 0), (after.start() if after else len(text))


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): between the nearest clause delimiters, leads stripped."""
    left, right = _delimited(text, start, end, _CLAUSE_DELIM, _CLAUSE_DELIM_BACK)
    lead = _CLAUSE_LEAD.match(text, left, start)
    if lead:
        left = lead.end()
    while right > end and text[right - 1] in " \t\u3000“\"《(（":
        right -= 1
    return left, right


def _wide_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The comma-level clause around [start, end), enumerations with 、 included."""
    return _delimited(text, start, end, _WIDE_DELIM, _WIDE_DELIM_BACK)


def _sentence_start(text: str, pos: int) -> int:
    before = _SENTENCE_DELIM_BACK.search(text, 0, pos)
    return before.end() if before else 0


def _inside_quotes(text: str, q: Quantity) -> bool:
    """Inside a short quotation or a book title: a name or slogan (“四个转变”), not a count.

    A long quotation is a cited goal (全总“力争…建制率达到80%…”) and keeps its targets.
    """
    s = _sentence_start(text, q.start)
    opened = None
    for m in _QUOTE_MARK.finditer(text, s, q.start):  # only the marks change the state
        i, ch = m.start(), m.group()
        if ch in _OPEN_QUOTES or (ch == '"' and opened is None):
            opened = i
        elif ch in _CLOSE_QUOTES or ch == '"':
            opened = None
    if opened is None:
        return False
    return _CLOSE_QUOTE.search(text, q.end, opened + 1 + _MAX_QUOTED + 1) is not None


def _in_slogan(text: str, q: Quantity) -> bool:
    """Part of a listed slogan, quoted, 一X一Y, numeral+个+abstract noun, or explained after a dash."""
    near = _slogan_re().finditer(text, max(0, q.start - _SLOGAN_REACH), q.end + _SLOGAN_REACH,
                                 overlapped=True)
    if any(m.start() < q.end and q.start < m.end() for m in near):
        return True
    if _inside_quotes(text, q):
        return True
    if q.value == 1 and _ONE_X_ONE_Y.match(text, q.start) and q.end - q.start == 2:
        return True  # 做到一人一档: a working rule, not a count of one person
    rest = text[q.end:q.end + 4]
    if q.unit in ("个", "种", "项", "大"):
        if rest.startswith(target_data.words("abstract_nouns")):
            return True
        if _DASH_AFTER.match(text, q.end):
            return True
    return False


@lru_cache(maxsize=1)
def _slogan_re() -> regex.Pattern:
    """The listed slogans as one alternation, longest first, built once from the data file."""
    # SLOGAN: matches "三个代表", "一帮一"; must not match "三个" alone.
    slogans = sorted(target_data.words("slogans"), key=len, reverse=True)
    return regex.compile("|".join(regex.escape(s) for s in slogans))


def _restates_list(text: str, q: Quantity) -> bool:
    """A count of kinds or of the items just listed: 三个类别, A、B、C三家, 甲、乙两项职责."""
    if q.value is None:
        return False
    rest = text[q.end:q.end + 4]
    if q.unit in ("个", "项", "类", "种", "大") and rest.startswith(target_data.words("category_nouns")):
        return True
    if q.unit not in _LIST_UNITS:
        return False
    if rest.startswith(target_data.words("event_nouns")):
        return False  # 举办A、B和C三项赛事: events held are counted even when listed
    # "A、B、C三家" / "A和B两个": the list of names ends right before the numeral.
    before = text[max(0, q.start - 40):q.start]
    m = _LISTED_BEFORE.search(before)
    if m is None:
        return False
    items = [x for x in _LIST_SEP.split(m.group(1)) if x]
    return len(items) == int(q.value) and q.value <= 10


def _is_threshold(text: str, q: Quantity) -> bool:
    """A size threshold that defines scope: 百人以上企业, (25人以上), 有10名女职工以上的企业."""
    if q.text.endswith(("以上", "以下", "以内", "之内", "之上", "上")):
        if q.start > 0 and text[q.start - 1] in "(（" and text[q.end:q.end + 1] in (")", "）"):
            return True
        if q.unit in _PERCENT:
            return False  # 90%以上的企业 is a share still
        return not _PUNCT_AFTER.match(text, q.end)
    return q.unit in _COUNT_UNITS and bool(_THRESHOLD_TAIL.match(text, q.end))


def _is_indefinite(text: str, q: Quantity, pos: Tokens) -> bool:
    """一 used as an article: 作为一项重要工作, 一支团结奋进的队伍, 建立一个，巩固一个."""
    if q.value != 1 or not q.text.startswith("一"):
        return False
    if text[max(0, q.start - 1):q.start] in ("的", "是"):
        return True  # 最高的一次展示, 是一个亮点: a description
    if q.unit in _VAGUE_UNITS:
        return True  # 一批, 一种: no definite count
    if q.unit in _EVENT_UNITS:
        return False
    nxt = pos.following(q.end, 3)
    if not nxt:
        return True
    word, flag = nxt[0][0], nxt[0][1]
    if not flag.startswith(_NOUNISH) or word[0] in "新好":
        return True
    # 一条政府促进就业…的路子, 一支学习型、知识型的队伍: a 的 before the head noun
    phrase = _PHRASE.match(text, q.end)
    return "的" in phrase.group(0)


def _is_frequency(article: Article, q: Quantity, clause: tuple[int, int]) -> bool:
    """一次 of a recurrence (每两周组织一次, 一月一次): a schedule, not a target."""
    if q.unit != "次" or q.value != 1:
        return False
    lo, hi = clause
    if any(d.kind == "recurring" and lo <= d.start and d.end <= hi for d in article.dates):
        return True
    return bool(_RECURRENCE.search(article.text, lo, q.end))


def _is_ordinal(text: str, q: Quantity) -> bool:
    """第三届, 前三名, 十五次党代会, 九届五次全委会."""
    before = text[max(0, q.start - 2):q.start]
    if before.endswith("第") or (before.endswith(("前", "后")) and q.unit in ("名", "位")):
        return True  # 前三名 is a ranking; 先后193人 and 3月前5家 are counts
    if q.unit in ("次", "届"):
        if before.endswith("届"):
            return True
        rest = text[q.end:q.end + 6]
        return rest.startswith(target_data.words("congress_heads"))
    return False


def is_target(article: Article, q: Quantity, pos: Tokens, dates: SpanIndex | None = None) -> bool:
    """Whether a quantity is a target (see the module docstring for what is not).

    `dates`: the article's dates indexed, when many quantities of one article are asked about.
    """
    text = article.text
    if q.value is None and q.low is None and not any(ch.isdigit() for ch in q.text):
        return False
    if dates is None:
        dates = SpanIndex(article.dates)
    if dates.overlaps(q.start, q.end) or q.unit in _set("targets", "time_units"):
        return False
    if q.unit == "节" and _HOLIDAY_NUMERAL.match(q.text):
        return False
    if text[max(0, q.start - 1):q.start] == "每":
        return False  # 每一个活动: distributive
    if _is_ordinal(text, q) or _in_slogan(text, q) or _is_threshold(text, q):
        return False
    if _restates_list(text, q):
        return False
    if q.unit in _PERCENT and (_RATE_BEFORE_AMOUNT.match(text, q.end)
                               or _BY_RATE.search(text, max(0, q.start - 16), q.start)):
        return False
    if _is_indefinite(text, q, pos):
        return False
    if _is_frequency(article, q, clause_span(text, q.start, q.end)):
        return False
    return True


# ----------------------------------------------------------------------------- status

def _cues(pos: Tokens, lo: int, hi: int, prior: str) -> list[_Cue]:
    """Status cues among the tokens in [lo, hi): token bigrams first, then single tokens.

    A total (共, 累计) takes the prior status: a result in a report, a goal in a plan.
    """
    lex = _status_lexicon()
    prefixes = _status_prefixes()
    toks = pos.within(lo, hi)
    out: list[_Cue] = []
    i = 0
    while i < len(toks):
        w, flag, s, e = toks[i]
        if i + 1 < len(toks) and w in prefixes and w + toks[i + 1][0] in lex:
            kind, e, step = lex[w + toks[i + 1][0]], toks[i + 1][3], 2
        elif w in lex and (w not in ("了", "过") or flag.startswith("u")):
            kind, step = lex[w], 1
        else:
            i += 1
            continue
        if kind == "habitual":
            kind = "fact" if prior != "goal" else ""  # 人均补助 in a plan is a planned rate
        elif kind == "total":
            kind = prior
        if kind:
            out.append(_Cue(kind, s, e))
        i += step
    if toks:
        text_lo = toks[0][2]
        for m in _DEADLINE.finditer("".join(t[0] for t in toks)):
            out.append(_Cue("goal", text_lo + m.start(), text_lo + m.end()))
        out.sort(key=lambda c: c.start)
    return out


def _is_verb(word: str, flag: str) -> bool:
    if word in _set("cues", "copulas") or word in _set("cues", "population_modifiers"):
        return False
    return flag.startswith("v") or word in _set("cues", "action_verbs") \
        or word in _set("cues", "report_verbs")


def _has_verb(pos: Tokens, lo: int, hi: int) -> bool:
    return any(_is_verb(w, f) for w, f, _s, _e in pos.within(lo, hi))


def _event_after(pos: Tokens, lo: int, hi: int) -> bool:
    """A verb after the counted noun (共有50家单位参保), not one inside a 的-modifier."""
    for w, f, _s, _e in pos.within(lo, hi):
        if w in ("的", "、"):
            return False  # a modifier, or the next item of an enumeration
        if _is_verb(w, f):
            return True
    return False


def _decide(cues: list[_Cue], q: Quantity, clause_end: int, pos: Tokens,
            plan: bool) -> str | None:
    """The status the cues of one clause give to the quantity, or None."""
    strong = [c for c in cues if c.kind in ("goal", "achieved", "fact")]
    before = [c for c in strong if c.end <= q.start]
    after = [c for c in strong if c.start >= q.end]
    for i in range(len(before) - 1, -1, -1):
        c = before[i]
        if c.kind == "fact" and i > 0 and before[i - 1].kind == "goal" \
                and before[i - 1].end == c.start:
            return "goal"  # 将下设3个工作组: a planned structure, not a standing one
        if c.kind != "fact" or not _event_after(pos, q.end, clause_end):
            return c.kind
    for c in after:
        if c.kind != "fact":
            return c.kind
    return None


def _names_participants(pos: Tokens, lo: int, hi: int) -> bool:
    """Whether the words before a head count name an event's participants (参训人员40名)."""
    before = article_text_slice(pos, lo, hi)
    return any(w in before for w in _set("cues", "event_participants"))


def _decide_weak(cues: list[_Cue], plan: bool) -> str | None:
    """The status result verbs and plan nouns of a clause give (完成, 任务), or None."""
    weak = {c.kind for c in cues}
    if "achieved_weak" in weak and not plan:
        return "achieved"  # 完成年度任务的60%: the result verb governs the plan noun
    if "goal_weak" in weak or "achieved_weak" in weak:
        return "goal"
    return None


def _memoized_cues(pos: Tokens) -> Callable[[int, int, str], list[_Cue]]:
    """`_cues` over one article's tokens, each span read once: the targets of one sentence
    look at the same clauses. The memo lives as long as the article's extraction."""
    memo: dict[tuple[int, int, str], list[_Cue]] = {}

    def cues(lo: int, hi: int, prior: str) -> list[_Cue]:
        key = (lo, hi, prior)
        found = memo.get(key)
        if found is None:
            found = memo[key] = _cues(pos, lo, hi, prior)
        return found
    return cues


def _status(text: str, q: Quantity, clause: tuple[int, int], pos: Tokens, prior: str,
            earlier: list[tuple[Quantity, tuple[int, int], str]], quantity_starts: list[int],
            cues_of: Callable[[int, int, str], list[_Cue]] | None = None) -> str:
    """goal | achieved | fact for one target (earlier: targets already decided, in order;
    quantity_starts: sorted; cues_of: `_cues` over `pos`, memoized)."""
    if cues_of is None:
        cues_of = _memoized_cues(pos)
    c_start, c_end = clause
    clause_cues = cues_of(c_start, c_end, prior)
    found = _decide(clause_cues, q, c_end, pos, prior == "goal")
    if found:
        return found
    s_start = _sentence_start(text, c_start)
    verbless = not _has_verb(pos, c_start, c_end)
    # a run of results: earlier clauses of the sentence while each still holds a quantity
    right = c_start
    while right > s_start:
        # the clause before: after the last delimiter that precedes its closing one
        before = _WIDE_DELIM_BACK.search(text, s_start, right - 1)
        left = before.end() if before else s_start
        for c in reversed(cues_of(left, right, prior)):
            if c.kind in ("goal", "achieved"):
                return c.kind
            if c.kind == "fact" and verbless:
                return "fact"
        i = bisect_left(quantity_starts, left)
        if i == len(quantity_starts) or quantity_starts[i] >= right:
            break  # no quantity in the clause before: the run ends
        right = left
    found = _decide_weak(clause_cues, prior == "goal")
    if found:
        return found
    if verbless:
        # "会员51人，经费5100元，退休教师21人": a bare count repeats the status of the
        # previous count of the same unit in the sentence
        for prev_q, prev_clause, prev_status in reversed(earlier):
            if prev_clause[0] >= s_start and prev_q.unit == q.unit:  # in the same sentence
                return prev_status
        if prior == "goal" and q.unit in _COUNT_UNITS and q.comparator in ("=", "~") \
                and not _names_participants(pos, c_start, q.start):
            return "fact"  # a plan does not plan its head count: 会员51人 is a standing fact
    return prior


def _comparator(text: str, q: Quantity, clause: tuple[int, int]) -> str:
    """The quantity's comparator, or one printed a verb earlier (至少选读一本书)."""
    if q.comparator != "=":
        return q.comparator
    head = text[max(clause[0], q.start - 6):q.start]
    for cue, comp in _PRE_COMPARATORS.items():
        i = head.rfind(cue)
        if i >= 0 and len(head) - (i + len(cue)) <= 3:
            return comp
    return q.comparator


def _subject(q: Quantity, clause: tuple[int, int], pos: Tokens) -> str | None:
    """The counted noun phrase: nouns after the quantity, else the noun phrase before it."""
    after = pos.within(q.end, clause[1])
    words: list[str] = []
    for i, (w, f, _s, _e) in enumerate(after):
        if w in "“”\"《》":
            continue
        nounish = f.startswith(_NOUNISH)
        # a verb used as a modifier: 示范(v)工会 — not an action verb of its own
        modifier = not words and f.startswith("v") and len(w) >= 2 and i + 1 < len(after) \
            and after[i + 1][1].startswith(_NOUNISH) and not _is_action(w)
        if nounish or modifier:
            words.append(w)
        else:
            break
    if words:
        return "".join(words)
    # 百人以上企业建会率达到95%: the words before, without the verbs and adverbs that
    # open the clause and the copula/comparator that links them to the number
    phrase = _SUBJECT_TAIL.sub("", article_text_slice(pos, clause[0], q.start))
    heads, lengths = _subject_heads()
    changed = True
    while changed and phrase:
        changed = False
        # the longest head that opens the phrase and leaves something of it
        for n in lengths:
            if len(phrase) > n and phrase[:n] in heads:
                phrase, changed = phrase[n:], True
                break
    phrase = phrase.strip("“”\"《》 ")
    return phrase if len(phrase) >= 2 else None


def _is_action(word: str) -> bool:
    return word in _set("cues", "action_verbs")


def article_text_slice(pos: Tokens, lo: int, hi: int) -> str:
    """The text of the tokens within [lo, hi)."""
    return "".join(w for w, _f, _s, _e in pos.within(lo, hi))


@lru_cache(maxsize=1)
def _subject_heads() -> tuple[frozenset[str], tuple[int, ...]]:
    """Words that open a clause before its noun phrase, and their lengths, longest first."""
    heads = set(_set("cues", "action_verbs")) | set(_set("cues", "action_adverbs"))
    heads |= set(_status_lexicon()) | set(_set("targets", "time_words"))
    return frozenset(heads), tuple(sorted({len(w) for w in heads}, reverse=True))


def _local_prior(text: str, start: int, default: str, pos: Tokens,
                 leans: dict[tuple[int, int], str | None] | None = None) -> str:
    """The lean of the sentence around a target (a review inside a plan), else the default.

    Not used in reports: their forward words are mostly purposes (进一步规范…), while a
    plan's look back is marked (已, 了, 共). `leans`: sentence span → lean, for the targets
    of one article (several share a sentence).
    """
    left = _sentence_start(text, start)
    m = _SENTENCE_DELIM.search(text, start)
    sentence = (left, m.start() if m else len(text))
    if leans is not None and sentence in leans:
        lean = leans[sentence]
    else:
        # The article's tokens inside the sentence are the sentence's own: jieba segments each
        # run of Han characters and digits separately, and sentence delimiters are never in one.
        lean = genre_mod.tokens_lean(pos.within(*sentence))
        if leans is not None:
            leans[sentence] = lean
    return {"forward": "goal", "backward": "achieved"}.get(lean or "", default)


def extract_targets(article: Article) -> list[Target]:
    """The quantities a reader would put in a table of targets or results."""
    text = article.text
    if not article.quantities:
        return []
    pos = Tokens.of(text)
    # genre is classified after targets in the pipeline: ask its cue counter directly
    label = genre_mod.genre_from_cues(genre_mod.genre_cues(text, article.title))
    prior = "goal" if label in ("plan", None) else "achieved"
    quantity_starts = sorted(q.start for q in article.quantities)
    dates = SpanIndex(article.dates)
    cues_of = _memoized_cues(pos)
    leans: dict[tuple[int, int], str | None] = {}
    decided: list[tuple[Quantity, tuple[int, int], str]] = []
    out: list[Target] = []
    for q in article.quantities:
        if not is_target(article, q, pos, dates):
            continue
        clause = clause_span(text, q.start, q.end)
        wide = _wide_clause(text, q.start, q.end)
        local = prior if label == "summary" else _local_prior(text, q.start, prior, pos, leans)
        status = _status(text, q, wide, pos, local, decided, quantity_starts, cues_of)
        decided.append((q, wide, status))
        out.append(Target(
            text=text[clause[0]:clause[1]], start=clause[0], end=clause[1],
            value=q.value, low=q.low, high=q.high, unit=q.unit,
            comparator=_comparator(text, q, clause), status=status,
            subject=_subject(q, clause, pos),
        ))
    return out


# ----------------------------------------------------------------------------- rendering

def render_targets(article: Article) -> str:
    """A table of the article's targets, for `--format targets`."""
    head = f"{article.source} #{article.index} {article.title}".strip()
    lines = [head, "-" * _width(head)]
    if not article.targets:
        lines.append("(no targets)")
        return "\n".join(lines) + "\n"
    rows = [("status", "amount", "unit", "cmp", "subject", "text")]
    for t in article.targets:
        if t.low is not None and t.high is not None:
            amount = f"{t.low:g}–{t.high:g}"
        elif t.value is not None:
            amount = f"{t.value:g}"
        else:
            amount = "?"
        rows.append((t.status, amount, t.unit or "-", t.comparator, t.subject or "-", t.text))
    widths = [max(_width(r[i]) for r in rows) for i in range(5)]
    for r in rows:
        cells = [r[i] + " " * (widths[i] - _width(r[i])) for i in range(5)]
        lines.append("  ".join(cells + [r[5]]))
    return "\n".join(lines) + "\n"


def _width(s: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)
