"""Action items: clauses opened by an action verb, lead clauses of numbered items, 一是… items.

A task is one clause (between commas, semicolons or full stops). It is an action item when,
after enumerators and adverbs (要, 进一步, 积极 …), it opens with a verb from
nlp/data/cues/action_verbs.txt; the lead clause of a numbered item (a heading) or of a run-in
item (一是…) needs only a verb. A level-1 section that still has no task gets its first
clause with a verb, so every part of a plan says what is to be done.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..data.cues import words
from ..model import Article, Task
from ..text.segment import get_segmenter
from . import sections
from ..lang.enumerators import ITEM_LEAD, RUNIN_OPENER
from .clauses import SpanIndex, Token, Tokens

# CLAUSE: a clause, the run of characters between clause delimiters. The delimiters are
# "，" "。" "；" "：" and line breaks; not "、" (开展A、B活动 is one action) nor an ASCII "?"
# (in Chinese text it is a mis-decoded character: “三?八”节).
_CLAUSE = regex.compile(r"[^，,。；;：:！!？\n]+")
# Item markers and markdown at a clause start: the grammar's ITEM_LEAD (nlp.lang).
_ENUMERATOR = ITEM_LEAD
# A run-in item opener ("一是", "二要"): the grammar's RUNIN_OPENER.
_RUNIN = RUNIN_OPENER
# TRIM: quotes and brackets left dangling at a clause's edges.
_TRIM_END = " \t\u3000“\"《(（"
# An enumerator or run-in opener starts with one of these or with a non-Han character: a clause
# opening on any other Han character (most do) is not run through the two regexes.
_ENUMERATOR_HAN = frozenset("一二三四五六七八九十第")
_RUNIN_FIRST = frozenset("一二三四五六七八九十")
_MIN_CHARS = 5  # shorter clauses are slogan halves of headings (完善措施, 创新理念)
_MIN_LEAD_CHARS = 4  # an item's lead may be a four-character heading (夯实基础)
# PRINCIPLE: a clause that states a principle or a focus. Matches "坚持规范与提升相结合",
# "以开展和谐企业活动为切入点"; must not match "开展结对帮扶活动".
_PRINCIPLE = regex.compile(r"(?:相结合|为主线|为重点|为核心|为抓手|为切入点|为载体|为主题|为指导|的原则|的方针)$")
# PRINCIPLE_HEAD: 坚持 + a stance rather than an activity. Matches "坚持围绕中心",
# "坚持面向基层"; must not match "坚持开展送温暖活动".
_PRINCIPLE_HEAD = regex.compile(r"坚持(?:围绕|面向|服务于|以|把|从|用)")


@lru_cache(maxsize=1)
def _lexicons() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(words("action_verbs")), frozenset(words("action_adverbs"))


def _is_aim(text: str, cs: int, ce: int, verb: str, lead: bool) -> bool:
    """A clause that states an aim: after the actions of its sentence, or 营造…氛围 anywhere."""
    ends_on_aim = text[cs:ce].rstrip().endswith(_cue_set("aim_objects"))
    purpose = verb in _cue_words("purpose_verbs")
    if purpose and ends_on_aim:
        return True  # 营造和谐氛围, 增强凝聚力: a state to reach, even as an item's lead
    if lead or cs == 0 or text[cs - 1] not in "，,":
        return False  # it opens its sentence or item: an action in its own right
    if purpose:
        return True  # 组织文体活动，增强凝聚力
    if ends_on_aim:
        return True  # 督促签订合同，建立规范的劳动关系
    closes = ce >= len(text) or text[ce] in "。；;！!？?\n"
    return verb in _cue_words("closing_aim_verbs") and closes  # 进行表彰，推动各项工作蓬勃开展。


@lru_cache(maxsize=None)
def _cue_set(name: str) -> tuple[str, ...]:
    return words(name)


@lru_cache(maxsize=None)
def _cue_words(name: str) -> frozenset[str]:
    """A cue list as a set, for membership tests (the tuple serves str.endswith)."""
    return frozenset(words(name))


def _mindset(text: str, s: int, e: int) -> bool:
    """A clause that ends on a mindset to adopt (增强大局意识 — up to a dash's gloss)."""
    clause = text[s:e].split("——")[0].rstrip()
    return clause.endswith(_cue_set("mindset_objects"))


def _is_vague(text: str, s: int, e: int, verb: str, at: int) -> bool:
    """A verb with only a generic object: 积极开展了工作."""
    rest = text[at + len(verb):e].lstrip("了好过")
    return rest in ("工作", "活动", "任务", "工作任务") or rest.startswith("等")


def _strip(text: str, s: int, e: int) -> tuple[int, int, bool]:
    """Clause span without enumerators/run-in openers; True when it opened an item."""
    opened = False
    if s < e and not ("\u4e00" <= text[s] <= "\u9fff" and text[s] not in _ENUMERATOR_HAN):
        m = _ENUMERATOR.match(text, s, e)
        if m and m.end() > s:
            opened = bool(m.group(0).strip())
            s = m.end()
    if s < e and text[s] in _RUNIN_FIRST:
        m = _RUNIN.match(text, s, e)
        if m:
            opened, s = True, m.end()
    while e > s and text[e - 1] in _TRIM_END:
        e -= 1
    return s, e, opened


def _opening_verb(text: str, toks: list[Token], item_lead: bool,
                  dated: set[int], word_ends: frozenset[int]) -> tuple[str, int] | None:
    """The action verb that opens a clause and its offset, or None.

    Adverbs (进一步, 要), time words (今年) and date mentions before the verb are skipped;
    listed verbs are matched on the text, so a verb split by the segmenter (筑/牢) is found.
    `word_ends`: where the article's words end.
    """
    if not toks:
        return None
    verbs, adverbs = _lexicons()
    # the clause's tokens tile [toks[0] start, clause_end): a listed verb must end inside it
    clause_end = toks[-1][3]
    # the particle 地 that closes an adverbial phrase; most clauses have none
    particles = [j for j, t in enumerate(toks) if t[0] == "地" and t[1].startswith("u")] \
        if text.find("地", toks[0][2], clause_end) >= 0 else ()
    modal: tuple[str, int] | None = None
    skip_to = -1
    for i, (w, flag, s, _e) in enumerate(toks):
        if i <= skip_to or w in "“”\"《》'" or s in dated or flag.startswith("t"):
            continue
        adverbial = next((j for j in particles if i < j < i + 4), None) if particles else None
        if adverbial is not None and not _listed_verb_at(text, s, clause_end, word_ends):
            skip_to = adverbial  # 有针对性地搞好…: the adverbial phrase ends at 地
            continue
        if w in adverbs:
            if modal is None and w in verbs:
                modal = (w, s)
            continue
        listed = _listed_verb_at(text, s, clause_end, word_ends)
        if listed:
            return listed, s
        split = _adverb_prefix(w, adverbs)
        listed = _listed_verb_at(text, s + split, clause_end, word_ends) if split else None
        if listed:
            return listed, s + split  # 继续争取 as one token
        if flag.startswith("v") and not flag.startswith("vn") and (item_lead or modal) \
                and w not in _cue_words("non_actions"):
            return w, s  # 要再创…, 力争实现…, or the lead of a numbered item
        return modal
    return modal


def _listed_verb_at(text: str, pos: int, clause_end: int, word_ends: frozenset[int]) -> str | None:
    """The longest listed action verb printed at `pos` and ending a token of the clause, or None.

    The token end keeps 培训 of the noun 培训班 from counting as a verb.
    """
    verbs = _lexicons()[0]
    # One set lookup per verb length instead of a scan of the whole verb list.
    for n in _verb_lengths_longest_first():
        end = pos + n
        if end <= clause_end and end in word_ends and text[pos:end] in verbs:
            return text[pos:end]
    return None


@lru_cache(maxsize=1)
def _verb_lengths_longest_first() -> tuple[int, ...]:
    return tuple(sorted({len(v) for v in _lexicons()[0]}, reverse=True))


def _adverb_prefix(word: str, adverbs: frozenset[str]) -> int:
    """Length of an adverb glued to the next word in one token (继续争取 → 2), else 0."""
    for i in range(len(word) - 1, 0, -1):
        if word[:i] in adverbs:
            return i
    return 0


def _heading_starts(article: Article) -> set[int]:
    """Offsets where a heading's text begins: its first clause is an item lead."""
    return {h.text_start for h in article.headings}


@dataclass(frozen=True)
class _ArticleIndex:
    """What every clause of one article is checked against, built once per article."""

    text: str
    pos: Tokens
    word_ends: frozenset[int]  # where the article's words end (and start: they tile the text)
    heads: set[int]  # where a heading's text begins
    dated: set[int]  # offsets inside a date mention
    dates: SpanIndex
    targets: SpanIndex
    section_of: Callable[[int], tuple[str, ...]]

    @classmethod
    def of(cls, article: Article) -> "_ArticleIndex":
        pos = Tokens.of(article.text)
        return cls(
            text=article.text, pos=pos, word_ends=get_segmenter().word_bounds(article.text),
            heads=_heading_starts(article),
            dated={i for d in article.dates for i in range(d.start, d.end)},
            dates=SpanIndex(article.dates), targets=SpanIndex(article.targets),
            section_of=sections.section_paths(article),
        )


def _make_task(idx: _ArticleIndex, s: int, e: int, action: str) -> Task:
    """A task over [s, e) with the dates and targets that overlap it."""
    return Task(text=idx.text[s:e], start=s, end=e, action=action, section=idx.section_of(s),
                dates=idx.dates.overlapping(s, e), targets=idx.targets.overlapping(s, e))


def _candidates(idx: _ArticleIndex, lo: int, hi: int, any_verb: bool) -> list[Task]:
    """Tasks among the clauses of [lo, hi); with any_verb, the first clause with a verb."""
    text, heads = idx.text, idx.heads
    out: list[Task] = []
    for clause in _CLAUSE.finditer(text, lo, hi):  # lazily: any_verb stops at the first task
        cs, ce = clause.span()
        s, e, opened = _strip(text, cs, ce)
        lead = opened or s in heads or cs in heads
        if e - s < (_MIN_LEAD_CHARS if lead else _MIN_CHARS):
            continue
        toks = idx.pos.within(s, e)
        found = _opening_verb(text, toks, lead, idx.dated, idx.word_ends)
        if found is None and any_verb:
            found = next(((w, ts) for w, f, ts, _ in toks if f.startswith("v")
                          and not f.startswith("vn") and w not in _cue_words("non_actions")), None)
        if found is None:
            continue
        if not any_verb and _is_aim(text, cs, ce, found[0], lead):
            continue
        if not any_verb and (_PRINCIPLE.search(text, s, e) or _PRINCIPLE_HEAD.match(text, found[1], e)
                             or _is_vague(text, s, e, found[0], found[1])
                             or _mindset(text, s, e)):
            continue  # 坚持规范与提升相结合, 坚持围绕中心, 开展了工作, 树立…意识: nothing to do
        out.append(_make_task(idx, s, e, found[0]))
        if any_verb:
            break
    return out


def extract_tasks(article: Article) -> list[Task]:
    """Action items with their verb, section path, dates and targets."""
    text = article.text
    if not text.strip():
        return []
    idx = _ArticleIndex.of(article)
    tasks = {t.start: t for t in _candidates(idx, 0, len(text), any_verb=False)}
    starts = sorted(tasks)
    # every level-1 section says what is to be done: fall back to its first clause with a verb
    for sec in article.sections:
        i = bisect_left(starts, sec.start)
        if i < len(starts) and starts[i] < sec.end:
            continue  # it has a task already
        for t in _candidates(idx, sec.start, sec.end, any_verb=True):
            if t.start not in tasks:
                tasks[t.start] = t
                insort(starts, t.start)
    return [tasks[s] for s in starts]
