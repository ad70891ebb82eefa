"""The subject of a target: what is counted, as a noun phrase of the segmenter's words.

Read from the clause by POS, never by cutting characters: the noun phrase right after the
count (五场演出, 两家星级职工之家, 一次…的专项检查), else the noun phrase right before it once
the words that link it to the number are set aside (就业率达到98% → 就业率, 新建职工书屋八家
→ 职工书屋), else the action that is counted (培训500人 → 培训), else the nearest noun phrase
of the clause before in the same sentence (…座谈会，全年不少于2次 → 座谈会).
"""

from __future__ import annotations

from functools import lru_cache

from ..data import cues as cue_data
from ..data import targets as target_data
from ..model import Quantity
from .clauses import Token, Tokens, sentence_span, sentence_start
from .target_filters import NOUNISH

_MAX_TOKENS = 4  # a subject is a short noun phrase: its head and a few modifiers
_MAX_CHARS = 14
# One-character nouns that close a compound whose first part jieba may tag as a verb
# (走访|率, 参保|人数): the word before them belongs to the subject.
_SUFFIX_NOUNS = frozenset("率 数 量 面 额 比 度 值 人数".split())
_QUOTES = frozenset("“”\"《》「」『』'‘’")
# Flags of words that never belong to a subject: numerals, measure words, pronouns, adverbs,
# prepositions, particles, conjunctions, time words, locatives, punctuation.
_NEVER = ("m", "q", "r", "d", "p", "u", "c", "t", "f", "x", "w", "y", "e", "o", "z")


@lru_cache(maxsize=1)
def _link_words() -> frozenset[str]:
    """Words between a noun phrase and its number (达到, 保持在, 不少于, 力争…)."""
    words = set(cue_data.words("copulas")) | set(cue_data.words("action_adverbs"))
    for name in ("status_goal", "status_achieved", "status_total", "status_fact",
                 "status_habitual"):
        words |= set(cue_data.words(name))
    words |= {"达到", "保持", "保持在", "提高", "提高到", "提升", "提升到", "增长", "增加到",
              "突破", "超过", "不少于", "不低于", "不超过", "少于", "低于", "不得", "至少",
              "控制", "控制在", "在", "到", "于", "了", "的", "等", "约", "近", "总数", "有"}
    return frozenset(words)


@lru_cache(maxsize=1)
def _time_words() -> frozenset[str]:
    return frozenset(target_data.words("time_words"))


def _nounish(tok: Token) -> bool:
    w, f = tok[0], tok[1]
    if any(ch.isdigit() for ch in w) or w in _QUOTES or w in _time_words() \
            or (_is_action(w) and f != "vn") or w in _link_words():
        return False  # 新建 is tagged a place name, 达到 never names a thing
    return f.startswith(NOUNISH) and not f.startswith(_NEVER)


@lru_cache(maxsize=1)
def _actions() -> frozenset[str]:
    return frozenset(cue_data.words("action_verbs"))


def _is_action(word: str) -> bool:
    return word in _actions()


def _run_after(toks: list[Token], event: bool, people: bool = False) -> list[Token]:
    """The noun phrase opening `toks`: nouns, with verbs and adjectives that modify a noun
    after them (示范|工会, 专项|大|检查); an event noun jieba tags as a verb (五场|演出).
    `people`: the count is of people (12人获得…), so a verb after it is their predicate."""
    run: list[Token] = []
    toks = [t for t in toks if t[0] not in _QUOTES]
    for i, tok in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if _nounish(tok):
            if tok[1] == "vn" and nxt is not None and nxt[0] in ("了", "着", "过"):
                break  # 俱乐部交流了…: the predicate, not part of the subject
            run.append(tok)
        elif tok[1].startswith(("a", "b")) and nxt is not None and _nounish(nxt):
            run.append(tok)  # a modifier: 大(a)检查, 星级(b)职工之家
        elif tok[1].startswith("v") and not run and not people and nxt is not None \
                and _nounish(nxt) and not _is_action(tok[0]):
            run.append(tok)  # a verb opening the phrase as a modifier: 示范(v)工会
        elif not run and event and tok[1].startswith("v") and len(tok[0]) >= 2 \
                and (nxt is None or not _nounish(nxt)):
            # 五场演出, 五场慰问演出: the event counted, a verb that a second one may qualify
            run.append(tok)
            if nxt is not None and nxt[1].startswith("v") and len(nxt[0]) >= 2 \
                    and (i + 2 >= len(toks) or not _nounish(toks[i + 2])):
                run.append(nxt)
            break
        else:
            break
        if len(run) >= _MAX_TOKENS:
            break
    return run


def _bound_morpheme(tok: Token) -> bool:
    """A one-character word jieba split off a compound (长 of 教研组长, 村 of 村街)."""
    return len(tok[0]) == 1 and tok[1].startswith(("a", "z", "g", "ng", "vg", "n")) \
        and tok[0] not in _link_words() and not tok[0].isdigit()


def _run_before(toks: list[Token]) -> list[Token]:
    """The noun phrase closing `toks` once the link words after it are set aside."""
    links = _link_words()
    i = len(toks)
    while i > 0 and (toks[i - 1][0] in links or toks[i - 1][1].startswith(_NEVER)
                     or toks[i - 1][0] in _QUOTES):
        i -= 1
    # 行业工会新增3家: the verb right before the count, then its subject
    if i > 1 and toks[i - 1][1].startswith("v") and toks[i - 1][1] != "vn" \
            and _nounish(toks[i - 2]):
        i -= 1
    run: list[Token] = []
    while i > 0 and len(run) < _MAX_TOKENS:
        tok = toks[i - 1]
        prev = toks[i - 2] if i > 1 else None
        if run and run[0][0] in _SUFFIX_NOUNS and len(run) == 1 and not tok[1].startswith(_NEVER):
            run.insert(0, tok)  # 走访|率: the verb is part of the compound
        elif run and _is_action(tok[0]):
            break  # 免费培训|下岗职工: the action's object is the subject, not the action
        elif _nounish(tok) or (tok[0] in _SUFFIX_NOUNS and not run):
            run.insert(0, tok)
        elif _bound_morpheme(tok) and ((not run and prev is not None and _nounish(prev))
                                       or (run and not tok[1].startswith("a"))):
            run.insert(0, tok)  # 教研组|长, 村|街|联合会: a one-character part of the compound
        else:
            break
        i -= 1
    return run


def _text(run: list[Token]) -> str | None:
    """The subject's text, its head kept when the phrase is too long."""
    while run and sum(len(t[0]) for t in run) > _MAX_CHARS:
        run = run[1:]
    s = "".join(t[0] for t in run)
    return s if len(s) >= 2 or (s and run[-1][1].startswith("n")) else None


_PEOPLE_UNITS = frozenset("人 名 位 人次 万人 万人次".split())


def subject(text: str, q: Quantity, clause: tuple[int, int], pos: Tokens,
            event: bool) -> str | None:
    """What the target counts (`event`: the unit counts events, 场/次/期, so a verb after it
    names the event)."""
    lo, hi = clause
    after = pos.within(q.end, hi)
    run = _run_after(after, event, q.unit in _PEOPLE_UNITS)
    nxt = len(run)
    if run and nxt < len(after) and after[nxt][0] == "的" \
            and (event or not run[-1][1].startswith("n")):
        run = _run_after(after[nxt + 1:], event) or run  # 一次有意义的活动: the head noun
    found = _text(run)
    if found:
        return found
    # 一次针对重点企业的专项检查: the head after the 的-modifier
    for i, tok in enumerate(after):
        if tok[0] == "的":
            found = _text(_run_after(after[i + 1:], event))
            if found:
                return found
            break
    before = pos.within(lo, q.start)
    for i in range(len(before) - 2, -1, -1):
        if before[i][0] in ("从", "由") and any(ch.isdigit() for ch in before[i + 1][0]):
            before = before[:i]  # 响应时间从19.41s缩短到4.07s: what changed stands before 从
            break
    found = _text(_run_before(before))
    if found:
        return found
    verbs = [t for t in before if t[1].startswith("v") and len(t[0]) >= 2
             and t[0] not in _link_words()]
    if verbs:
        return verbs[-1][0]  # 培训500人: the action counted
    rest = pos.within(q.end, sentence_span(text, q.start)[1])
    acts = [t for t in rest if t[1].startswith("v") and len(t[0]) >= 2
            and (_is_action(t[0]) or t[0][:2] in _actions())]
    if acts:
        return acts[0][0]  # 每年不少于一次，慰问…: the action done that many times
    # 另有22家因亏损申请免交的企业: the first noun phrase later in the clause
    for i, tok in enumerate(after):
        if _nounish(tok):
            found = _text(_run_after(after[i:], event))
            if found:
                return found
    # …召开座谈会，全年不少于2次: the nearest noun phrase of the sentence before the clause
    s_lo = sentence_start(text, lo)
    earlier = pos.within(s_lo, lo)
    for end in range(len(earlier), 0, -1):
        if _nounish(earlier[end - 1]):
            return _text(_run_before(earlier[:end]))
    # a table flattened one cell per line: the label cell on the line before (新建工会 / 12家)
    line_start = text.rfind("\n", 0, q.start) + 1
    if line_start > 0 and not text[line_start:lo].strip(" \t\u3000|｜"):
        prev_start = text.rfind("\n", 0, line_start - 1) + 1
        label = pos.within(prev_start, line_start - 1)
        return _text(_run_before(label))
    return None
