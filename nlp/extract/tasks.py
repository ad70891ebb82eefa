"""Action items: clauses opened by an action verb, lead clauses of numbered items, 一是… items.

A task is one clause (between commas, semicolons or full stops). It is an action item when,
after enumerators and adverbs (要, 进一步, 积极 …), it opens with a verb from
nlp/data/cues/action_verbs.txt; the lead clause of a numbered item (a heading) or of a run-in
item (一是…) needs only a verb. A level-1 section that still has no task gets its first
clause with a verb, so every part of a plan says what is to be done.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import regex

from ..data.cues import words
from ..model import Article, Task
from . import outline
from .targets import Token, Tokens

# CLAUSE_DELIM: ends a clause. Matches "，" "。" "；" "：" and line breaks; must not match "、"
# (开展A、B活动 is one action) nor an ASCII "?" (in Chinese text it is a mis-decoded
# character: “三?八”节).
_CLAUSE_DELIM = regex.compile(r"[，,。；;：:！!？\n]")
# ENUMERATOR: item markers and markdown at a clause start. Matches "（一）", "1、", "2.",
# "①", "## ", "- "; must not match "1.5万" (a decimal).
_ENUMERATOR = regex.compile(
    r"(?:\s|#+|[-*+](?=\s)|[(（][一二三四五六七八九十\d]{1,3}[)）][、.．]?|[一二三四五六七八九十]{1,3}[、.．]"
    r"|\d{1,2}(?:[、．)）]|\.(?!\d))|[①-⑳⑴-⒇]|第[一二三四五六七八九十]{1,3}[，,、])+"
)
# RUNIN: a run-in item opener. Matches "一是", "二要", "三抓"; must not match "一是一" inside
# a number (一是 is followed by text, not by a digit).
_RUNIN = regex.compile(r"[一二三四五六七八九十]{1,2}[是要](?![一二三四五六七八九十\d])")
# TRIM: quotes and brackets left dangling at a clause's edges.
_TRIM_END = " \t\u3000“\"《(（"
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
    if verb in _cue_set("purpose_verbs") and ends_on_aim:
        return True  # 营造和谐氛围, 增强凝聚力: a state to reach, even as an item's lead
    if lead or cs == 0 or text[cs - 1] not in "，,":
        return False  # it opens its sentence or item: an action in its own right
    if verb in _cue_set("purpose_verbs"):
        return True  # 组织文体活动，增强凝聚力
    if ends_on_aim:
        return True  # 督促签订合同，建立规范的劳动关系
    closes = ce >= len(text) or text[ce] in "。；;！!？?\n"
    return verb in _cue_set("closing_aim_verbs") and closes  # 进行表彰，推动各项工作蓬勃开展。


@lru_cache(maxsize=None)
def _cue_set(name: str) -> tuple[str, ...]:
    return words(name)


def _mindset(text: str, s: int, e: int) -> bool:
    """A clause that ends on a mindset to adopt (增强大局意识 — up to a dash's gloss)."""
    clause = text[s:e].split("——")[0].rstrip()
    return clause.endswith(_cue_set("mindset_objects"))


def _is_vague(text: str, s: int, e: int, verb: str, at: int) -> bool:
    """A verb with only a generic object: 积极开展了工作."""
    rest = text[at + len(verb):e].lstrip("了好过")
    return rest in ("工作", "活动", "任务", "工作任务") or rest.startswith("等")


def _clauses(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Clause spans in [lo, hi)."""
    out, start = [], lo
    for m in _CLAUSE_DELIM.finditer(text, lo, hi):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if hi > start:
        out.append((start, hi))
    return out


def _strip(text: str, s: int, e: int) -> tuple[int, int, bool]:
    """Clause span without enumerators/run-in openers; True when it opened an item."""
    opened = False
    m = _ENUMERATOR.match(text, s, e)
    if m and m.end() > s:
        opened = bool(m.group(0).strip())
        s = m.end()
    m = _RUNIN.match(text, s, e)
    if m:
        opened, s = True, m.end()
    while e > s and text[e - 1] in _TRIM_END:
        e -= 1
    return s, e, opened


def _opening_verb(text: str, toks: list[Token], item_lead: bool,
                  dated: set[int]) -> tuple[str, int] | None:
    """The action verb that opens a clause and its offset, or None.

    Adverbs (进一步, 要), time words (今年) and date mentions before the verb are skipped;
    listed verbs are matched on the text, so a verb split by the segmenter (筑/牢) is found.
    """
    verbs, adverbs = _lexicons()
    ends = {t[3] for t in toks}
    # the particle 地 that closes an adverbial phrase; most clauses have none
    particles = [j for j, t in enumerate(toks) if t[0] == "地" and t[1].startswith("u")]
    modal: tuple[str, int] | None = None
    skip_to = -1
    for i, (w, flag, s, _e) in enumerate(toks):
        if i <= skip_to or w in "“”\"《》'" or s in dated or flag.startswith("t"):
            continue
        adverbial = next((j for j in particles if i < j < i + 4), None)
        if adverbial is not None and not _listed_verb_at(text, s, ends):
            skip_to = adverbial  # 有针对性地搞好…: the adverbial phrase ends at 地
            continue
        if w in adverbs:
            if modal is None and w in verbs:
                modal = (w, s)
            continue
        listed = _listed_verb_at(text, s, ends)
        if listed:
            return listed, s
        split = _adverb_prefix(w, adverbs)
        if split and _listed_verb_at(text, s + split, ends):
            return _listed_verb_at(text, s + split, ends), s + split  # 继续争取 as one token
        if flag.startswith("v") and not flag.startswith("vn") and (item_lead or modal) \
                and w not in _cue_set("non_actions"):
            return w, s  # 要再创…, 力争实现…, or the lead of a numbered item
        return modal
    return modal


def _listed_verb_at(text: str, pos: int, ends: set[int]) -> str | None:
    """The longest listed action verb printed at `pos` and ending a token, or None.

    The token end keeps 培训 of the noun 培训班 from counting as a verb.
    """
    verbs = _lexicons()[0]
    # One set lookup per verb length instead of a scan of the whole verb list.
    for n in _verb_lengths_longest_first():
        if pos + n in ends and text[pos:pos + n] in verbs:
            return text[pos:pos + n]
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


def _make_task(article: Article, s: int, e: int, action: str,
               section_of: Callable[[int], tuple[str, ...]]) -> Task:
    """A task over [s, e) with the dates and targets that overlap it."""
    dates = tuple(i for i, d in enumerate(article.dates) if d.start < e and s < d.end)
    targets = tuple(i for i, t in enumerate(article.targets) if t.start < e and s < t.end)
    return Task(text=article.text[s:e], start=s, end=e, action=action,
                section=section_of(s), dates=dates, targets=targets)


def _candidates(article: Article, lo: int, hi: int, pos: Tokens, heads: set[int], dated: set[int],
                section_of: Callable[[int], tuple[str, ...]], any_verb: bool) -> list[Task]:
    """Tasks among the clauses of [lo, hi) (`dated`: offsets inside a date mention); with
    any_verb, the first clause with a verb."""
    text = article.text
    out: list[Task] = []
    for cs, ce in _clauses(text, lo, hi):
        s, e, opened = _strip(text, cs, ce)
        lead = opened or s in heads or cs in heads
        if e - s < (_MIN_LEAD_CHARS if lead else _MIN_CHARS):
            continue
        toks = pos.within(s, e)
        found = _opening_verb(text, toks, lead, dated)
        if found is None and any_verb:
            found = next(((w, ts) for w, f, ts, _ in toks if f.startswith("v")
                          and not f.startswith("vn") and w not in _cue_set("non_actions")), None)
        if found is None:
            continue
        if not any_verb and _is_aim(text, cs, ce, found[0], lead):
            continue
        if not any_verb and (_PRINCIPLE.search(text, s, e) or _PRINCIPLE_HEAD.match(text, found[1], e)
                             or _is_vague(text, s, e, found[0], found[1])
                             or _mindset(text, s, e)):
            continue  # 坚持规范与提升相结合, 坚持围绕中心, 开展了工作, 树立…意识: nothing to do
        out.append(_make_task(article, s, e, found[0], section_of))
        if any_verb:
            break
    return out


def extract_tasks(article: Article) -> list[Task]:
    """Action items with their verb, section path, dates and targets."""
    text = article.text
    if not text.strip():
        return []
    pos = Tokens.of(text)
    heads = _heading_starts(article)
    dated = {i for d in article.dates for i in range(d.start, d.end)}
    section_of = outline.section_paths(article)
    tasks = {t.start: t for t in _candidates(article, 0, len(text), pos, heads, dated, section_of,
                                             any_verb=False)}
    # every level-1 section says what is to be done: fall back to its first clause with a verb
    for sec in article.sections:
        if any(sec.start <= s < sec.end for s in tasks):
            continue
        for t in _candidates(article, sec.start, sec.end, pos, heads, dated, section_of, any_verb=True):
            tasks.setdefault(t.start, t)
    return [tasks[s] for s in sorted(tasks)]
