"""What kind of document it is: plan vs summary (tense cues), and the kind of organisation.

Genre weighs sentences: a sentence leans forward when it has more plan cues (力争, 将, 要 …)
than report cues (已, 累计, the particle 了 …), backward in the opposite case. Framing
phrases (现总结如下, 特制定本计划) and title words add fixed weights. A document noun
(工作总结) frames only where it names this document: not as a to-do (做好年度工作总结) nor as
an item of a list or schedule line (12月：…；工会工作总结).

Org type counts lexicon cues (nlp/data/cues/org_types.txt) in the body and in the title, on
word boundaries: a cue inside one word and across into the next (中学 of 集中|学习) is no
cue. Ties go to the type with more distinct cue words, then more body cues, then the order
of ORG_TYPES (school before enterprise before federation before government before other).

A review that also plans the next period is `mixed`: its title names both (工作总结和明年工作
计划), or a part of it is headed by the next period's plan (二、2025年工作打算) after the
review. Documents that are no plan, summary or programme at all (study notes, work logs,
code, minutes) are `other`, with the reason (see genre_kinds.py).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from functools import lru_cache

import regex

from ..data.cues import words
from ..lang.enumerators import LINE_LEAD, MARKER_SOURCE
from ..model import Article
from ..text.segment import get_segmenter
from .genre_kinds import not_a_plan, plan_parts, reviews_and_plans

__all__ = ["GENRES", "ORG_TYPES", "classify_genre", "classify_org_type", "genre_cues",
           "genre_from_cues", "names_document", "not_a_plan", "plan_parts", "sentence_lean",
           "tokens_lean"]

GENRES = ("plan", "summary", "mixed", "other")
ORG_TYPES = ("school", "enterprise", "federation", "government", "other")

PHRASE_WEIGHT = 4  # one framing phrase is worth this many leaning sentences
TITLE_WEIGHT = 2  # a title word tips the balance only (compilations mis-title reports)
SUMMARY_SHARE = 0.35  # backward share at or above which a document is a summary
MIXED_SHARE = 0.2  # backward share at or above which (with enough backward sentences) it is mixed
MIXED_MIN_BACKWARD = 5  # a mixed document reports at least this many results
# A document titled as a review (…工作总结, 述职报告) stays a review unless its body leans
# forward at least this much: backward share of the body's sentences and phrases below it.
SUMMARY_TITLE_FORWARD_SHARE = 0.15
PROGRAMME_MIN_HEADINGS = 2  # forward-looking part headings that make a programme
ORG_TITLE_WEIGHT = 1  # a title cue counts once more, no more: compilations reuse one title

# SENTENCE_END: splits sentences. Matches "。" and "；"; must not match "，" (a clause).
_SENTENCE_END = regex.compile(r"[。；;！!？?\n]+")
# CLAUSE_START: where the clause of a phrase begins. Matches "，" "；" "：" "\n"; must not
# match "、" (an enumeration shares its verb: 做好总结、归档).
_CLAUSE_START = regex.compile(r"[，,。；;：:！!？?\n]")
# LIST_LINE: the start of a line that is an item of a list or a schedule: an enumerator, or
# a date label before a colon. Matches "2、", "（三）", "12月：", "十一月份-十二月份:",
# "第四季度：", "- 16、"; must not match "现将一年来的工作总结如下" (a framing sentence).
_LIST_LINE = regex.compile(
    rf"[\s#*\-]*(?:{MARKER_SOURCE}"
    r"|[^\n：:。，,]{0,14}(?:月份?|周|季度|学期|年初|年底|年末|旬)[^\n：:。，,]{0,3}[：:])"
)


# DEADLINE: a milestone or deadline, or a lower bound: what a programme sets, where plans of
# government rarely write 将/要. Matches "到2026年", "2024年底前", "6月底前", "不少于20个";
# must not match "2023年以来" or "年底前后".
_DEADLINE = regex.compile(
    r"(?:到|至)(?:\d{4}|20[xX×]{2}|[xX×]{2})年|(?:年底|年内|年末|月底|月份|季度末?|\d{1,2}日)前(?![夕后])"
    r"|不少于|不低于|不得少于"
)


# LINE_LEAD: what may open a heading line before its words. Matches "一、", "## ", "（二）",
# "2. "; must not match "全年完成了".
_LINE_LEAD = LINE_LEAD


@lru_cache(maxsize=1)
def _cue_sets() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(words("genre_forward")), frozenset(words("genre_backward"))


@lru_cache(maxsize=None)
def _tagged(name: str) -> tuple[tuple[str, str], ...]:
    """Rows `tag<TAB>word` of a cue file."""
    out = []
    for line in words(name):
        tag, _, word = line.partition("\t")
        if word.strip():
            out.append((tag.strip(), word.strip()))
    return tuple(out)


_PARTICLES = ("了", "过")  # backward cues only as particles (flag u…): 完成了, 开展过


@lru_cache(maxsize=1)
def _lean_sets() -> tuple[frozenset[str], frozenset[str]]:
    """Words that count forward, and words that count backward, each once: a word listed as
    both counts forward, and the particles are counted apart."""
    fwd_cues, bwd_cues = _cue_sets()
    fwd = fwd_cues - frozenset(_PARTICLES)
    return fwd, bwd_cues - fwd_cues - frozenset(_PARTICLES)


def tokens_lean(tokens) -> str | None:
    """`forward`, `backward` or None for the POS tokens (word, flag, start, end) of a sentence."""
    return _lean([t[0] for t in tokens], lambda i: tokens[i][1])


def _lean(words, flag_at) -> str | None:
    """tokens_lean over a sentence's words; `flag_at(i)`: the POS flag of words[i]."""
    fwd_words, bwd_words = _lean_sets()
    # counted by membership maps rather than a loop over every word: this runs on every sentence
    fwd = sum(map(fwd_words.__contains__, words))
    bwd = sum(map(bwd_words.__contains__, words))
    for particle in _PARTICLES:
        if particle in words:
            bwd += sum(flag_at(i).startswith("u") for i, w in enumerate(words) if w == particle)
    if fwd > bwd:
        return "forward"
    if bwd > fwd:
        return "backward"
    return None


def sentence_lean(sentence: str) -> str | None:
    """`forward`, `backward` or None for one sentence, from its plan and report cue tokens."""
    return tokens_lean(get_segmenter().pos(sentence))


def genre_cues(text: str, title: str = "") -> dict[str, int]:
    """Counts of forward/backward sentences, framing phrases and title words."""
    return dict(_genre_cues(text, title))


@lru_cache(maxsize=16)
def _genre_cues(text: str, title: str) -> tuple[tuple[str, int], ...]:
    """genre_cues, memoized: targets ask for an article's cues before classify_genre does."""
    counts: Counter[str] = Counter()
    # One tagging of the whole text (memoized, shared with targets and tasks), cut per sentence.
    segmenter = get_segmenter()
    tokens, words = segmenter.pos(text), segmenter.words(text)
    starts = segmenter.word_starts(text)
    pos = 0
    for end_mark in [*_SENTENCE_END.finditer(text), None]:
        end = end_mark.start() if end_mark else len(text)
        if len(text[pos:end].strip()) >= 4:
            lo, hi = bisect_left(starts, pos), bisect_left(starts, end)
            lean = _lean(words[lo:hi], lambda i, lo=lo: tokens[lo + i][1])
            if lean is None and _DEADLINE.search(text, pos, end):
                lean = "forward"  # 到2026年建成…, 年底前完成…: a programme's milestones
            if lean:
                counts[f"{lean}_sentences"] += 1
        pos = end_mark.end() if end_mark else end
    for tag, phrase in _tagged("genre_phrases"):
        if tag.endswith("_name"):  # a document noun: counts where it names this document
            tag = tag.removesuffix("_name")
            n = sum(names_document(text, m.start()) for m in _literal(phrase).finditer(text))
        elif tag.endswith("_heading"):  # a section title: counts where it heads its line
            tag = tag.removesuffix("_heading")
            n = sum(_heads_line(text, m.start()) for m in _literal(phrase).finditer(text))
            counts["programme_headings"] += n
        else:
            n = text.count(phrase)
        if n:
            counts[f"{tag}_phrases"] += n
    for tag, word in _tagged("title_genre"):
        if word in title:
            counts[f"{tag}_title"] += 1
    if reviews_and_plans(title):
        counts["mixed_title"] += 1
    if plan_parts(text):
        counts["plan_part"] += 1
    return tuple(counts.items())


def _heads_line(text: str, start: int) -> bool:
    """Whether only an enumerator or markdown stands between the line start and `start`."""
    line_start = text.rfind("\n", 0, start) + 1
    return _LINE_LEAD.fullmatch(text, line_start, start) is not None


def names_document(text: str, start: int) -> bool:
    """Whether the document noun at `start` (工作总结) names this document, not a task.

    Not when a to-do verb opens its clause (做好年度工作总结) or when its line is an item of
    a list or a schedule (12月：元旦联欢；工作总结, 16、上半年工作总结).
    """
    line_start = text.rfind("\n", 0, start) + 1
    item = _LIST_LINE.match(text, line_start)
    if item and item.end() <= start:
        return False
    clause_start = start
    while clause_start > line_start and not _CLAUSE_START.match(text[clause_start - 1]):
        clause_start -= 1
    todo = _todo_verbs()
    return not any(w in todo for w, _s, _e in get_segmenter().tokens(text[clause_start:start]))


@lru_cache(maxsize=1)
def _todo_verbs() -> frozenset[str]:
    """Verbs that make a following document noun a task to do (做好, 撰写, 完成)."""
    return frozenset(words("genre_todo_verbs")) | frozenset(words("action_verbs"))


def genre_from_cues(cues: dict[str, int]) -> str | None:
    """The genre the cue counts point to, or None when there is no cue at all."""
    back_sentences = cues.get("backward_sentences", 0)
    back = back_sentences + PHRASE_WEIGHT * cues.get("backward_phrases", 0) \
        + TITLE_WEIGHT * cues.get("backward_title", 0)
    fwd = cues.get("forward_sentences", 0) + PHRASE_WEIGHT * cues.get("forward_phrases", 0) \
        + TITLE_WEIGHT * cues.get("forward_title", 0)
    if cues.get("mixed_title"):
        return "mixed"  # 工作总结和明年工作计划: the title names both parts
    if back + fwd == 0:
        return None
    if cues.get("backward_title") and not cues.get("forward_title"):
        # the title names a review (…工作总结, …述职报告): a part headed by the next period's
        # plan makes it mixed (三、2025年工作打算), else it is a summary unless its body is
        # overwhelmingly forward (a plan a compilation mis-titled)
        if cues.get("plan_part"):
            return "mixed"
        body_back = back - TITLE_WEIGHT * cues.get("backward_title", 0)
        if body_back >= SUMMARY_TITLE_FORWARD_SHARE * (body_back + fwd):
            return "summary"
    if cues.get("programme_headings", 0) >= PROGRAMME_MIN_HEADINGS \
            and cues.get("forward_sentences", 0) and not cues.get("plan_part") \
            and not cues.get("backward_title"):
        # a programme's parts (目标任务, 主要措施, 保障措施) with goals: a plan, whatever
        # report nouns its closing duties name (将工作总结报送…)
        return "plan"
    share = back / (back + fwd)
    if share >= SUMMARY_SHARE:
        # a review with a part headed by the next period's plan (二、2025年工作打算)
        return "mixed" if cues.get("plan_part") else "summary"
    if share >= MIXED_SHARE and back_sentences >= MIXED_MIN_BACKWARD:
        return "mixed"
    return "plan"


def classify_genre(article: Article) -> tuple[str | None, dict[str, int | str]]:
    """`plan` | `summary` | `mixed` | `other`, with the cue counts that decided it (for
    `other`, the reason under "not_a_plan")."""
    cues: dict[str, int | str] = dict(genre_cues(article.text, article.title))
    reason = not_a_plan(article.text, article.title)
    if reason:
        cues["not_a_plan"] = reason.reason
        return "other", cues
    return genre_from_cues(cues), cues


def _count_on_words(text: str, word: str, bounds: frozenset[int]) -> int:
    """Occurrences of `word` that start or end on a word boundary (not 中学 in 集中|学习)."""
    if word not in text:
        return 0  # most cue words are absent from a given article: skip the regex scan
    return sum(m.start() in bounds or m.end() in bounds for m in _literal(word).finditer(text))


@lru_cache(maxsize=None)
def _literal(word: str) -> regex.Pattern:
    """A pattern matching `word` literally, compiled once per cue word rather than per article."""
    return regex.compile(regex.escape(word))


def _topic_enterprise_counts(text: str, title: str) -> Counter[str]:
    """The part of the enterprise cue counts that topic words (生产, 员工 …) make up."""
    segmenter = get_segmenter()
    body_bounds, title_bounds = segmenter.word_bounds(text), segmenter.word_bounds(title)
    out: Counter[str] = Counter()
    for word in _TOPIC_ENTERPRISE_CUES:
        body = _count_on_words(text, word, body_bounds)
        n = body + ORG_TITLE_WEIGHT * _count_on_words(title, word, title_bounds)
        if n:
            out["enterprise"] += n
            out["enterprise_body"] += body
            out["enterprise_words"] += 1
    return out


def org_cues(text: str, title: str = "") -> dict[str, int]:
    """Per organisation type: lexicon cues on word boundaries in the body, title cues weighted.

    `<type>_words` counts the distinct cue words found (the tie-breaker).
    """
    counts: Counter[str] = Counter()
    segmenter = get_segmenter()
    body_bounds, title_bounds = segmenter.word_bounds(text), segmenter.word_bounds(title)
    for tag, word in _tagged("org_types"):
        body = _count_on_words(text, word, body_bounds)
        n = body + ORG_TITLE_WEIGHT * _count_on_words(title, word, title_bounds)
        if n:
            counts[tag] += n
            counts[f"{tag}_body"] += body
            counts[f"{tag}_words"] += 1
    return dict(counts)


# TITLE_HEAD: the part of a title that names the organisation: before 关于 or the document
# noun. Matches "柳岸社区2025年" of "柳岸社区2025年工作计划", "县人民政府办公室" of
# "县人民政府办公室关于印发…的通知"; must not run into "关于加强中小学…" (a topic).
_TITLE_HEAD = regex.compile(r"^.*?(?=关于|工作|计划|总结|方案|要点|安排|规划|打算|汇报|报告|$)")
# TITLE_ORG: an organisation noun in a title's head; the last one names the body (某镇中心
# 小学 is a school). Matches "社区", "医院", "二分厂", "公司", "中学", "幼儿园", "街道", "镇";
# must not match "城镇", "乡镇" as a town of its own, nor "厂务".
_TITLE_ORG = regex.compile(
    r"(?P<school>学校|小学|中学|幼儿园|大学|学院|职校|中专|小學|中學|學校|幼兒園)"
    r"|(?P<enterprise>公司|集团|集團|厂(?!务)|廠(?!務))"
    r"|(?P<other>医院|卫生院|醫院|社区|社區|居委会)"
    r"|(?P<street>街道)"
    r"|(?P<town>(?<![城乡])镇|(?<![城鄉])鎮|(?<![城家故])乡(?![村镇])|(?<![城家故])鄉(?![村鎮]))"
)
# GOVERNMENT_TITLE: a people's government named in a title. Matches "市人民政府", "县人民政府办公室",
# "乡人民政府"; must not match "人民政府" alone in a topic after 关于 (the head is searched).
_GOVERNMENT_TITLE = regex.compile(r"[省市县区镇乡縣區鎮鄉]人民政府")
# PROGRAMME_TITLE: a programme or key points, a government body's genre when no union speaks.
# Matches "实施方案", "行动方案", "工作要点"; must not match "活动方案".
_PROGRAMME_TITLE = regex.compile(r"实施方案|行动方案|工作要点|實施方案|行動方案|工作要點")
_UNION = ("工会", "工會")
# AREA_HEAD: a title head that is only an administrative area and a year: the area's
# government issues the programme (青山县2025年…实施方案), whatever union signs or is the
# contact. Matches "青山县2025年", "某市", "高新区2024年度"; must not match "柳岸社区2025年"
# (a community), "某县总工会2025年" nor "2025年全市职工…" (no area opens it).
_AREA_HEAD = regex.compile(
    r"\p{Han}{1,10}?(?:[省县州旗縣]|市|(?<![社小园街景校厂園])[区區])"
    r"(?:人民政府(?:办公室)?)?(?:\d{4}|20[xX×]{2})?(?:年度?)?\s*"
)
# Enterprise cues that are topics any plan may treat (安全生产, 员工, 经营效益): they name an
# enterprise only in a union's document; without 工会 only the enterprise's own nouns count.
_TOPIC_ENTERPRISE_CUES = frozenset({"生产", "员工", "经营", "效益", "厂务公开"})


def title_org_type(title: str, has_union: bool) -> str | None:
    """The organisation type the title names (柳岸社区…计划 → other, 某厂工会… → enterprise),
    or None. A 街道 or 镇 is a federation when a union writes (街道工会), else government."""
    head = _TITLE_HEAD.match(title)
    head_text = head.group() if head else title
    if _GOVERNMENT_TITLE.search(head_text) and not has_union:
        return "government"
    if _PROGRAMME_TITLE.search(title) and _AREA_HEAD.fullmatch(head_text) \
            and not any(u in head_text for u in _UNION):
        return "government"  # the area's programme: its issuing body decides over a byline
    found = list(_TITLE_ORG.finditer(head_text))
    if not found:
        return None
    kind = found[-1].lastgroup
    if kind in ("street", "town"):
        union_here = any(u in head_text for u in _UNION)
        return "federation" if union_here or (has_union and kind == "street") else "government"
    return kind


def classify_org_type(article: Article) -> tuple[str | None, dict[str, int]]:
    """`school` | `enterprise` | `federation` | `government` | `other`, with cue counts.

    The organisation the title names decides first (柳岸社区…, 某厂工会…, 县人民政府…); a
    programme (实施方案, 工作要点) where no 工会 is named is government's. Else most cues
    wins; ties go to more distinct cue words, then more body cues, then the order of
    ORG_TYPES. No cue at all is `other`. A text that never names 工会 is no federation.
    """
    cues = org_cues(article.text, article.title)
    has_union = any(u in article.text or u in article.title for u in _UNION)
    named = title_org_type(article.title, has_union)
    if named:
        cues["title_org"] = 1
        return named, cues
    if not has_union and _PROGRAMME_TITLE.search(article.title):
        return "government", cues
    if not has_union:
        for key in ("federation", "federation_words", "federation_body"):
            cues.pop(key, None)
        topical = _topic_enterprise_counts(article.text, article.title)
        for key, n in topical.items():
            if key in cues:
                cues[key] -= n
    scored = [(cues.get(t, 0), cues.get(f"{t}_words", 0), cues.get(f"{t}_body", 0), -i, t)
              for i, t in enumerate(ORG_TYPES)]
    best = max(scored)
    if best[0] == 0:
        return "other", cues
    return best[-1], cues
