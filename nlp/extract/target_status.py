"""The status of a target: goal, achieved or fact, read from its clause first.

In order: cue words of the clause (nearest before the number wins: 力争/确保/将/不少于 goal,
已/了/先后 achieved, 现有/拥有/下设 fact); the scope of a standing inventory around it
(截至目前…, 以…为主, 其中…: fact); cues of the earlier clauses of the same run of results;
result verbs and plan nouns of the clause (完成/新建/累计 achieved in a review, 任务/目标
goal); the shape of the clause (a bare "noun + count" repeats the status of the count before
it, or states a fact); and last the lean of the part of the document it stands in (the
sentence's own lean, a plan part of a review, the document's genre).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..data import cues as cue_data
from ..model import Quantity
from . import genre as genre_mod
from .clauses import (SENTENCE_DELIM, WIDE_DELIM_BACK, Tokens, sentence_span,
                      sentence_start)
from ..lang.enumerators import LEADING_MARKERS
from .target_filters import COUNT_UNITS

# DEADLINE: a date with 前, a commitment still to be met. Matches "11月底前", "年底前";
# must not match "前夕" or "五一前" (a holiday, not a deadline).
_DEADLINE = regex.compile(r"(?:\d{1,2}月底?|[一二三四五六七八九十]{1,3}月底?|年底|年内|月底)前(?!夕)")
# AS_OF: a sentence that takes stock at a point in time: what follows is a standing inventory.
# Matches "截至目前", "截止2023年底", "到目前为止", "目前"; must not match "目标" or "截止日期".
_AS_OF = regex.compile(r"截至|截止(?!日期|时间)|到目前为止|迄今为止|目前|至今")
# MAINLY: the 以…为主 frame of an inventory (以22家商店、8家企业为主的对象). Matches
# "以…为主"; must not run past a sentence end.
_MAINLY = regex.compile(r"以(?P<body>[^。；;！!？?\n]{1,120}?)为主")
# BOUND_IN_QUANTITY: a quantity printed with a lower bound (不少于300人, 至少2次): a requirement.
# Matches "不少于300人"; must not match "300人以上" (a result may exceed a figure).
_BOUND_IN_QUANTITY = regex.compile(r"不少于|不低于|至少|最少|不得少于")
# MILESTONE_OPEN: a sentence opening with a milestone or deadline year sets what is to be
# reached, whatever verbs (取得, 达到) follow. Matches "到2027年，", "至二〇三〇年", "2026年前",
# "2025年底前", "今年年底前", "明年底前", "（一）到20xx年"; must not match "截至2023年底"
# (stock-taking), "2023年以来" nor "年底前后".
_YEAR = r"(?:\d{4}|20[xX×]{2}|[〇零○一二三四五六七八九]{4})"
_MILESTONE_OPEN = regex.compile(
    rf"(?:{LEADING_MARKERS.pattern})?"
    rf"(?:(?<!截)(?:到|至){_YEAR}年|{_YEAR}年[底末]?前(?![夕后])|(?:(?:今|明|本)年年?|年)[底末]前(?![夕后]))"
)
# CHANGE_END: what stands before the end value of a measured change. Matches "从19.41s缩短到"
# before "4.07s"; must not match "达到" alone (no starting value).
_CHANGE_END = regex.compile(r"(?:从|由)\s*[\d.]+[^\d，,。；;]{0,10}?(?:到|至)\s*$")
# OF_WHICH: a clause that breaks down a count before it. Matches "其中" at the clause start.
_OF_WHICH = regex.compile(r"\s*其中")


@dataclass(frozen=True)
class Cue:
    kind: str  # goal achieved fact (weak kinds: goal_weak achieved_weak)
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
def cue_set(name: str) -> frozenset[str]:
    return frozenset(cue_data.words(name))


# Words after which 计划 is a noun (the plan followed), not a plan to do: 按照计划, 根据年度计划.
_PLAN_NOUN_BEFORE = frozenset("按 按照 根据 依据 依照 原 原定 年度 工作 既定 的".split())
# POS flags of what follows the preposition 将 (= 把: 将3000元慰问金送到…, 将其纳入…), unlike the
# future 将 before a verb (将继续开展, 将新建).
# DISPOSAL: a verb with its result after the object of 将 = 把 (发放到位, 送到, 纳入, 转交给).
# Matches "发放到", "纳入", "送往"; must not match "参加" (将选派骨干参加轮训 is the future).
_DISPOSAL = regex.compile(r"(?:送|发放|发|交|转交|转|划拨|分配|落实|用|纳|列|汇|存)(?:到|入|给|往|于|至)")
_OBJECT_FLAGS = ("n", "m", "eng", "r", "q", "a", "b", "j", "l", "i")


_ALREADY = frozenset({"已", "已经"})


def _already_in_noun_phrase(toks: list, i: int) -> bool:
    """已 that describes a noun (已建会企业, 已签订的合同), not the clause's own action.

    So when: a verb or preposition governs the phrase (督促已建会企业…, 对已入会的职工…);
    已 + verb + 的 (已签订的…); or 已 + verb + two nouns followed by the clause's own
    predicate (已建会企业职代会建制率稳定在…). Not 已建成职工书屋12家 (the verb is the action)
    nor 已组织职工参加培训 (verb, object, verb: a pivot).
    """
    if i > 0:
        prev, prev_flag = toks[i - 1][0], toks[i - 1][1]
        if prev_flag.startswith(("v", "p")) and prev not in _status_lexicon() \
                and prev not in cue_set("action_adverbs"):
            return True
    j = i + 1
    while j < len(toks) and j <= i + 2 and toks[j][1].startswith("v"):
        j += 1
    if j == i + 1 or j >= len(toks):
        return False
    if toks[j][0] == "的":
        return True
    nouns = j
    while nouns < len(toks) and toks[nouns][1].startswith("n"):
        nouns += 1
    if nouns - j < 2 or nouns >= len(toks):
        return False
    return toks[nouns][1].startswith(("v", "a"))


_CONDITION_OPENERS = frozenset({"对", "对于", "凡", "凡是"})
_CONDITION_REACH = 8  # tokens from the cue to the 的 that closes the condition


def _in_condition(toks: list, i: int) -> bool:
    """A word inside the condition of a reward or a rule: 对获得一等奖的选手给予…奖励, 凡已
    完成任务的单位…: 对/凡 … 的 + noun names who qualifies, not what was done."""
    k = i - 1
    while k >= 0 and toks[k][0] not in _CONDITION_OPENERS:
        if toks[k][0] in ("，", ",", "。", "；", ";", "的"):
            return False
        k -= 1
    if k < 0:
        return False
    for j in range(i + 1, min(len(toks), i + 1 + _CONDITION_REACH)):
        if toks[j][0] == "的":
            return j + 1 < len(toks) and toks[j + 1][1].startswith(("n", "r", "v"))
        if toks[j][0] in ("，", ",", "。", "；", ";"):
            return False
    return False


def _not_a_cue_here(toks: list, i: int) -> bool:
    """A cue word used otherwise: 计划 as a noun after 按照, 将 as the preposition 把, 已 inside
    a noun phrase."""
    w = toks[i][0]
    if _in_condition(toks, i):
        return True
    if w in _ALREADY:
        return _already_in_noun_phrase(toks, i)
    if w == "计划" and i > 0 and toks[i - 1][0] in _PLAN_NOUN_BEFORE:
        return True
    if w == "将" and i + 1 < len(toks):
        nxt, flag = toks[i + 1][0], toks[i + 1][1]
        if nxt in cue_set("action_verbs") or nxt in cue_set("action_adverbs"):
            return False
        if flag.startswith(("m", "eng", "r")):
            return True  # 将3000元慰问金送到…, 将其纳入…
        # 将慰问金500元发放到位: a noun, then a verb that disposes of it
        rest = "".join(t[0] for t in toks[i + 1:i + 12])
        return flag.startswith(_OBJECT_FLAGS) and _DISPOSAL.search(rest) is not None
    return False


def _cues(pos: Tokens, lo: int, hi: int, prior: str) -> list[Cue]:
    """Status cues among the tokens in [lo, hi): token bigrams first, then single tokens.

    A total (共, 累计) takes the prior status: a result in a report, a goal in a plan, a fact
    in an inventory.
    """
    lex = _status_lexicon()
    prefixes = _status_prefixes()
    toks = pos.within(lo, hi)
    out: list[Cue] = []
    i = 0
    while i < len(toks):
        w, flag, s, e = toks[i]
        if i + 1 < len(toks) and w in prefixes and w + toks[i + 1][0] in lex:
            kind, e, step = lex[w + toks[i + 1][0]], toks[i + 1][3], 2
        elif w in lex and (w not in ("了", "过") or flag.startswith("u")) \
                and not _not_a_cue_here(toks, i):
            kind, step = lex[w], 1
        else:
            i += 1
            continue
        if kind == "habitual":
            kind = "fact" if prior != "goal" else ""  # 人均补助 in a plan is a planned rate
        elif kind == "total":
            kind = prior
        if kind:
            out.append(Cue(kind, s, e))
        i += step
    if toks:
        text_lo = toks[0][2]
        for m in _DEADLINE.finditer("".join(t[0] for t in toks)):
            out.append(Cue("goal", text_lo + m.start(), text_lo + m.end()))
        out.sort(key=lambda c: c.start)
    return out


def is_verb(word: str, flag: str) -> bool:
    if word in cue_set("copulas") or word in cue_set("population_modifiers"):
        return False
    return flag.startswith("v") or word in cue_set("action_verbs") \
        or word in cue_set("report_verbs")


def _has_action(pos: Tokens, lo: int, hi: int, q: Quantity) -> bool:
    """Whether an action verb with an object comes before the count (开展|讲座|4场): events
    done, not things standing (建会组织62家: 组织 names the thing counted)."""
    actions = cue_set("action_verbs")
    toks = pos.within(lo, q.start)
    return any(w in actions and f.startswith("v") and f != "vn" and i + 1 < len(toks)
               for i, (w, f, _s, _e) in enumerate(toks))


def _has_verb(pos: Tokens, lo: int, hi: int) -> bool:
    return any(is_verb(w, f) for w, f, _s, _e in pos.within(lo, hi))


def _event_after(pos: Tokens, lo: int, hi: int) -> bool:
    """A verb after the counted noun (共有50家单位参保), not one inside a 的-modifier."""
    for w, f, _s, _e in pos.within(lo, hi):
        if w in ("的", "、"):
            return False  # a modifier, or the next item of an enumeration
        if is_verb(w, f):
            return True
    return False


def _decide(cues: list[Cue], q: Quantity, clause_end: int, pos: Tokens) -> str | None:
    """The status the firm cues of one clause give to the quantity, or None."""
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
    before = pos.text(lo, hi)
    return any(w in before for w in cue_set("event_participants"))


def _decide_weak(cues: list[Cue], plan: bool) -> str | None:
    """The status result verbs and plan nouns of a clause give (完成, 任务), or None."""
    weak = {c.kind for c in cues}
    if "achieved_weak" in weak and not plan:
        return "achieved"  # 完成年度任务的60%: the result verb governs the plan noun
    if "goal_weak" in weak or "achieved_weak" in weak:
        return "goal"
    return None


def memoized_cues(pos: Tokens) -> Callable[[int, int, str], list[Cue]]:
    """`_cues` over one article's tokens, each span read once: the targets of one sentence
    look at the same clauses. The memo lives as long as the article's extraction."""
    memo: dict[tuple[int, int, str], list[Cue]] = {}

    def cues(lo: int, hi: int, prior: str) -> list[Cue]:
        key = (lo, hi, prior)
        found = memo.get(key)
        if found is None:
            found = memo[key] = _cues(pos, lo, hi, prior)
        return found
    return cues


def in_inventory(text: str, q: Quantity, pos: Tokens) -> str | None:
    """Whether the quantity stands in a standing inventory: "mainly" inside 以…为主, "as_of"
    after 截至目前/目前 in its sentence, else None."""
    s_lo, s_hi = sentence_span(text, q.start)
    for m in _MAINLY.finditer(text, s_lo, s_hi):
        if m.start("body") <= q.start and q.end <= m.end("body"):
            # 以 must be a word of its own (not 可以, 以上, 以及)
            tok = pos.following(m.start(), 1)
            if tok and tok[0][0] == "以" and tok[0][2] == m.start():
                return "mainly"
    if _AS_OF.search(text, s_lo, q.start):
        return "as_of"
    return None


def status(text: str, q: Quantity, clause: tuple[int, int], pos: Tokens, prior: str,
           earlier: list[tuple[Quantity, tuple[int, int], str]], quantity_starts: list[int],
           cues_of: Callable[[int, int, str], list[Cue]] | None = None) -> str:
    """goal | achieved | fact for one target (clause: its comma-level clause; prior: the lean
    of the part it stands in; earlier: targets already decided, in order; quantity_starts:
    sorted; cues_of: `_cues` over `pos`, memoized)."""
    if cues_of is None:
        cues_of = memoized_cues(pos)
    c_start, c_end = clause
    inventory = in_inventory(text, q, pos)
    if inventory == "mainly" or (inventory == "as_of" and not _has_action(pos, c_start, c_end, q)):
        # 截至目前…单独建会企业49家, 以22家商店为主: what stands, not what was done this year
        # (but 到目前为止，共开展讲座4场 counts events held)
        prior = "fact"
    clause_cues = cues_of(c_start, c_end, prior)
    found = _decide(clause_cues, q, c_end, pos)
    if found == "fact" and _CHANGE_END.search(text, c_start, q.start):
        found = None  # 平均响应时间从19.41s缩短到4.07s: a change made, not a standing average
    if found:
        return found
    if _BOUND_IN_QUANTITY.match(q.text):
        return "goal"  # 参训人数不少于300人: a bound is a requirement
    s_start = sentence_start(text, c_start)
    verbless = not _has_verb(pos, c_start, c_end)
    # a run of results: earlier clauses of the sentence while each still holds a quantity
    right = c_start
    while right > s_start:
        # the clause before: after the last delimiter that precedes its closing one
        before = WIDE_DELIM_BACK.search(text, s_start, right - 1)
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
        if prior == "goal" and q.unit in COUNT_UNITS and q.comparator in ("=", "~") \
                and not _names_participants(pos, c_start, q.start):
            return "fact"  # a plan does not plan its head count: 会员51人 is a standing fact
    if _OF_WHICH.match(text, c_start):
        # 其中女会员120名: a breakdown shares the status of the count it breaks down (the
        # previous target of the sentence); with none, it describes what stands
        for prev_q, prev_clause, prev_status in reversed(earlier):
            if prev_clause[0] >= s_start:
                return prev_status
        return "fact"
    return prior


def opens_with_milestone(text: str, sentence_start: int) -> bool:
    """Whether the sentence starting at `sentence_start` opens with a milestone or deadline
    (到2027年, 2026年底前, 年底前): forward, whatever its verbs."""
    return _MILESTONE_OPEN.match(text, sentence_start) is not None


def local_prior(text: str, start: int, default: str, pos: Tokens,
                leans: dict[tuple[int, int], str | None] | None = None) -> str:
    """The lean of the sentence around a target (a review inside a plan), else the default.

    Not used in reviews: their forward words are mostly purposes (进一步规范…), while a
    plan's look back is marked (已, 了, 共). `leans`: sentence span → lean, for the targets
    of one article (several share a sentence).
    """
    left = sentence_start(text, start)
    m = SENTENCE_DELIM.search(text, start)
    sentence = (left, m.start() if m else len(text))
    if opens_with_milestone(text, left):
        return "goal"  # 到2027年，…取得明显成效，…达到98%: what is to be reached
    if leans is not None and sentence in leans:
        lean = leans[sentence]
    else:
        # The article's tokens inside the sentence are the sentence's own: jieba segments each
        # run of Han characters and digits separately, and sentence delimiters are never in one.
        # totals (累计, 共) lean neither way here: in a plan they sum what is planned
        totals = cue_set("status_total")
        # and 已 inside a noun phrase (已建会企业…保持在) is no look back
        toks = pos.within(*sentence)
        lean = genre_mod.tokens_lean([t for k, t in enumerate(toks) if t[0] not in totals
                                      and not _in_condition(toks, k)
                                      and not (t[0] in _ALREADY and _already_in_noun_phrase(toks, k))])
        if leans is not None:
            leans[sentence] = lean
    return {"forward": "goal", "backward": "achieved"}.get(lean or "", default)
