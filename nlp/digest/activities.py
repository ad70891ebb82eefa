"""Activity keys of the archive calendar: what a schedule entry says will happen, as an event phrase.

A key is a holiday's name (妇女节), an event named by its head word and what it is about
(乒乓球赛, 广播体操活动, 职工代表大会, 工作总结), or an action verb with its object
(慰问困难职工) — never a bare noun (会员, 单位, 办公室): an entry that names no event gives no key.
Keys are normalised so that one event told several ways is one activity: the verbs that only
carry an event (开展, 举办, 召开) and the people taking part (教职工, 女工) are left out, and
比赛 is written 赛.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..data import word_list
from ..data.cues import words as cue_words
from ..extract.holidays import holiday_table
from ..text.segment import get_segmenter

# Splits a schedule entry into parts naming one activity each.  Matches "，" in
# `召开职工代表大会，农历新年慰问` and "、" in `扫墓、春游活动`; not "—" in `3—4月`.
PART_SEPARATOR = regex.compile(r"[、，,；;。/：:]|\s+")
# A quoted name after a verb (创建“学习年级组”).  Matches "“学习年级组”"; not "学习年级组".
QUOTED = regex.compile(r"[“\"「『《]([^”\"」』》]{2,12})[”\"」』》]")
MAX_MODIFIER_CHARS = 6
MAX_MODIFIER_WORDS = 2
# POS flags of words that may name what an event is about (noun-like; jieba's tags).
_NOUNISH = ("n", "vn", "nz", "l", "j", "i", "nr", "ns", "nt", "an")
# Spellings of one event head (比赛 → 赛), so variants group.
_HEAD_SPELLING = {"比赛": "赛"}


def _data_words(name: str) -> tuple[str, ...]:
    return word_list("nlp.digest", f"data/{name}.txt")


@lru_cache(maxsize=1)
def _lexicon() -> tuple[tuple[str, ...], frozenset[str], frozenset[str], frozenset[str]]:
    """Event heads (longest first), light verbs, audience words, action verbs."""
    heads = tuple(sorted(_data_words("event_heads"), key=lambda w: (-len(w), w)))
    return (heads, frozenset(_data_words("light_verbs")), frozenset(_data_words("audience_words")),
            frozenset(cue_words("action_verbs")))


@lru_cache(maxsize=1)
def _holiday_names() -> tuple[regex.Pattern, dict[str, str]]:
    """A pattern for every holiday name (and numeric core) and the key each denotes."""
    key_of: dict[str, str] = {}
    for h in holiday_table():
        for n in h.names:
            if len(n) >= 2:
                key_of[n] = h.key
        if h.numeric:
            key_of[h.numeric] = h.key
    alt = "|".join(regex.escape(w) for w in sorted(key_of, key=lambda w: (-len(w), w)))
    return regex.compile(alt), key_of


def holiday_pattern() -> regex.Pattern:
    """The pattern matching any holiday name of the holiday table."""
    return _holiday_names()[0]


def holiday_months(key: str) -> tuple[int, int] | None:
    """Usual months of a holiday key (妇女节 → (3, 3)); None for other keys."""
    for h in holiday_table():
        if h.key == key:
            return h.months
    return None


def _event_head(word: str) -> str | None:
    """The event head a word ends with (乒乓球赛 → 赛, 工作总结 → 总结), or None."""
    heads = _lexicon()[0]
    for h in heads:
        if word.endswith(h):
            return h
    return None


def _strip_audience(word: str) -> str:
    """A modifier word without the people it opens with (企业职工 → 职工 → nothing, 女教工集体 → 集体).

    Only the start: at the end they are what an event is for (困难职工调查 keeps 困难职工)."""
    audience = _lexicon()[2]
    stripped = True
    while stripped:
        stripped = False
        for a in sorted(audience, key=len, reverse=True):
            if len(word) > len(a) and word.startswith(a):
                word, stripped = word[len(a):], True
                break
    return "" if word in audience else word


def _event_key(words: list[tuple[str, str]], i: int) -> str | None:
    """The key of the event whose head word is words[i]: the head with what it is about before it."""
    light = _lexicon()[1]
    word = words[i][0]
    head = _event_head(word)
    assert head is not None
    own = word[: len(word) - len(head)]  # 乒乓球赛 → 乒乓球 + 赛: the word's own modifier
    said = [own] if own else []  # every modifier word, the people taking part included
    j = i - 1
    while j >= 0 and len(said) < MAX_MODIFIER_WORDS + 1:
        w, flag = words[j]
        if w in light or not (flag.startswith(_NOUNISH) or flag.startswith("v")):
            break
        said.insert(0, w)
        j -= 1
    mods = [m for m in map(_strip_audience, said) if len(m) >= 2][-MAX_MODIFIER_WORDS:]
    while mods and sum(map(len, mods)) > MAX_MODIFIER_CHARS:
        mods.pop(0)  # keep the words nearest the head: 女教工集体健身操赛 → 健身操赛
    head = _HEAD_SPELLING.get(head, head)
    if not mods and head in GENERIC_HEADS:
        # 会员大会: the people are all that names it; 活动 alone says nothing.
        kept = [m for m in said if len(m) >= 2][-1:]
        return kept[0] + head if kept and head != "活动" else None
    return "".join(mods) + head


def _verb_key(part: str, words: list[tuple[str, str]]) -> str | None:
    """An action verb with the head of its object (慰问困难职工, 制定工作制度), or None.

    Only in a short part (a calendar line, not a sentence of running text) and never with a
    verb of purpose (增强, 提高: an aim, not an event)."""
    _, light, _, actions = _lexicon()
    if len(part) > MAX_VERB_PART_CHARS:
        return None
    for i, (w, _flag) in enumerate(words):
        if w in light or w not in actions or w in PURPOSE_VERBS:
            continue
        rest = "".join(x for x, _ in words[i + 1:])
        quoted = QUOTED.match(rest)
        if quoted:
            return w + quoted.group(1)
        obj = []
        for x, f in words[i + 1:]:
            if f.startswith(("m", "t", "x")) and not obj:
                continue
            if not (f.startswith(_NOUNISH) or f == "v" and x in POPULATION):
                break
            obj.append(x)
        head = [x for x in obj if len(x) >= 2][-1:]
        if head and _strip_audience(head[0]) and len(obj) >= 1:
            return w + (obj[-2] if len(obj) >= 2 and len(obj[-2]) >= 2 and len(head[0]) <= 2 else "") + head[0]
        return None
    return None


def _head_positions(words: list[tuple[str, str]]) -> list[int]:
    """Positions of the event heads that name an event of their own.

    Of two heads in a row the generic second one adds nothing (春游活动 → 春游, 夏令营活动 →
    夏令营); otherwise the first is the second's modifier (登山比赛 → 登山赛)."""
    out = []
    for i, (w, _) in enumerate(words):
        if not _event_head(w):
            continue
        nxt = words[i + 1][0] if i + 1 < len(words) else ""
        prev = words[i - 1][0] if i else ""
        if nxt and _event_head(nxt) and nxt not in GENERIC_TAILS:
            continue  # 登山 before 比赛: part of the next one's name
        if w in GENERIC_TAILS and prev and _event_head(prev):
            continue  # 活动 after 春游: the previous head names it
        out.append(i)
    return out


def activity_keys(activity: str) -> list[str]:
    """Keys of the activities in a schedule entry: holidays, events, or verbs with their objects."""
    pattern, key_of = _holiday_names()
    seg = get_segmenter()
    keys: list[str] = []
    for part in PART_SEPARATOR.split(activity):
        if len(part) < 2:
            continue
        found = [key_of[m.group()] for m in pattern.finditer(part)]
        if not found:
            words = [(w, f) for w, f, _, _ in seg.pos(part) if w.strip()]
            found = [k for i in _head_positions(words) for k in [_event_key(words, i)] if k]
            if not found:
                verb = _verb_key(part, words)
                found = [verb] if verb else []
        for key in found:
            if len(key) >= 2 and not regex.search(r"\d", key) and key not in keys:
                keys.append(key)
    return keys


GENERIC_HEADS = frozenset({"活动", "会议", "大会", "培训", "工作"})
GENERIC_TAILS = frozenset({"活动", "工作"})  # words that add nothing after an event's own name
POPULATION = frozenset(cue_words("population_modifiers"))
PURPOSE_VERBS = frozenset(cue_words("purpose_verbs"))
MAX_VERB_PART_CHARS = 16
