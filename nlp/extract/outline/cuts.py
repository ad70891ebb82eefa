"""Heading text cuts: where a heading's text ends (a terminator, the next item, the body run
into it with no punctuation) and the cues that find a body run into its heading."""

from __future__ import annotations

from functools import lru_cache

import regex

from ...lang.enumerators import marker_at
from ...lang.punct import HAN, LINE_SPACE, SENTENCE_PUNCT, TERMINATOR
from ...text.segment import get_segmenter
from .. import dates as _dates
from .lines import UNNUMBERED, Item, Lines
from .words import heading_nouns, words

MAX_TEXT = 40  # a heading text is cut at 40 characters (GUIDELINES)
MIN_CUT = 4  # a run-in cut leaves at least this many characters of heading
MIN_RUNIN_PHRASE = 10  # shorter comma phrases are heading phrases, never cut

# Trailing punctuation and spaces dropped from a heading text: "，" "、" "。" "：" " " "—",
# and the "**" closing a markdown bold line; not a closing quote "”" (it belongs to the text).
TRAILING = regex.compile(r"[\s，,、.．。；;：:！!？?…—\-~～*]+$")
# Comma phrases of a heading: "夯实基础" and "落实普遍建会" in "夯实基础,落实普遍建会"; not "、".
PHRASE = regex.compile(r"[^，,]+")
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

# Kinds of date that may open the body right after a heading ("抓好组建|年内新建…"); not years
# or durations, which name things inside headings ("实施三年行动").
CUT_DATE_KINDS = frozenset({"season", "holiday", "recurring", "month", "month_range", "day"})
BODY_PREPS = ("在", "对", "从")  # "推进集体协商|在全镇企业中全面推行…"
FUNCTION_END = "的和与及在对把将地得、被向从为以于由按经据之所等"  # a heading part never ends so


def settle_text(lines: Lines, items: list[Item]) -> list[Item]:
    """Fill each item's text span (up to a terminator, the next item or the body); drop items
    left without text and items overlapping the one before."""
    text = lines.text
    out: list[Item] = []
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
                if ts < 0 and _cut_off(lines, it, out):
                    it.text_start = it.text_end = it.mend  # the text ends on a bare "二、"
                    out.append(it)
                    continue
                if ts < 0:
                    continue
            t = TERMINATOR.search(text, ts, nxt)
            end = t.start() if t else nxt
            # an in-line item of run-in text: weaker body cues count too
            cut = _runin_cut(text, ts, end, not it.at_line_start)
            if cut is not None and cut <= MAX_TEXT:
                end = ts + cut
                it.run_in = True
            elif end == nxt and nxt != le and ts < le:
                it.run_in = True  # the next heading follows with no punctuation (not a title
                # taken from the line below a bare marker)
        it.run_in = it.run_in or not it.at_line_start
        span = TRAILING.sub("", text[ts:min(end, ts + MAX_TEXT)])
        if not span.strip() or (out and it.pos < out[-1].text_end):
            continue
        it.text_start, it.text_end = ts, ts + len(span)
        out.append(it)
    return out


def _cut_off(lines: Lines, it: Item, before: list[Item]) -> bool:
    """True for a bare marker on the article's last line that continues its style's sequence:
    the document was cut off right after it ("…\n二、"), and the node is there, untitled."""
    if lines.next[it.line] is not None:
        return False
    prev = next((x for x in reversed(before) if x.style == it.style), None)
    return prev is not None and prev.number == it.number - 1


def _next_line_text(lines: Lines, li: int) -> tuple[int, int]:
    """Text start/end for a marker alone on its line: the next line when it is a short title."""
    j = lines.next[li]
    if j is None:
        return -1, -1
    s, e = lines.content[j]
    text = lines.text
    if marker_at(text, s, e) or e - s > MAX_TEXT or SENTENCE_PUNCT.search(text, s, e - 1):
        return -1, -1
    if text[lines.spans[j][0]:s].strip():
        return -1, -1  # "- …", "## …": a bullet or heading line of its own, not this marker's title
    return s, e


def _runin_cut(text: str, start: int, end: int, long_body: bool = False) -> int | None:
    """Where the body starts (from `start`) inside a heading text[start:end] run into it with no
    punctuation, if it does; `long_body` (an in-line item of run-in text) admits clause cues."""
    seg = text[start:end]
    if seg.startswith(heading_nouns()):  # one test on the whole list before finding which
        for noun in heading_nouns():
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
    openers, subjects = words("body_openers.txt"), words("body_subjects.txt")
    modals, joiners = words("body_modals.txt"), _clause_joiner_set()
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
    return words("body_modals.txt") + ("并", "和", "与", "及", "、", "地", "又")


@lru_cache(maxsize=None)
def _clause_joiner_set() -> frozenset[str]:
    """`_clause_joiners` as a set, to test one word."""
    return frozenset(_clause_joiners())


@lru_cache(maxsize=None)
def _cue_initials() -> frozenset[str]:
    """First characters of the body openers and subjects."""
    return frozenset(w[0] for w in words("body_openers.txt") + words("body_subjects.txt"))


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

    dates = [d for d in _dates.extract_dates_from_text(phrase) if d.kind in CUT_DATE_KINDS]
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
    adverbs = words("body_adverbs.txt")
    for i, (w, s, _) in enumerate(toks):
        if limit is not None and s >= limit:
            return None  # the words come in text order: no earlier clause is left
        if not boundary(s):
            continue
        part = phrase[:s]
        # one test against the whole list before finding which adverb
        adv = next((a for a in adverbs if w.startswith(a)), None) if w.startswith(adverbs) else None
        if (adv is not None and not part.startswith(words("pivot_verbs.txt"))
                and not part.endswith(words("person_nouns.txt"))):
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

