"""Retrieval units of the archive: sentences and headings with their provenance and cues."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..extract.genre import tokens_lean
from ..model import Article
from ..text.segment import get_segmenter
from ..text.sentences import split_sentences
from ..text.stopwords import stopwords
from .rewrite import has_inner_enumerator, strip_enumerator
from .roles import heading_role, role_words

# A time-bound political reference that belongs to the year it was written in.
# Matches "十七届四中全会", "党的十九大", "“十二五”", "六中全会"; not "十大工程" nor "五年".
DATED_REFERENCE = regex.compile(
    r"十[一二三四五六七八九]?(?:届|大(?!工程|项|类|行动))|[一二三四五六七]中全会|十[一二三四五六七八九]五(?![年个])")
# A sentence too short or too long to stand alone in a draft (characters).
MIN_CHARS, MAX_CHARS = 10, 150
# A lead-in that announces a list and says nothing by itself. Matches "主要做好以下工作：", "具体如下"; not "做好慰问工作".
LEAD_IN = regex.compile(r"(?:如下|以下[^。]{0,8}|下列[^。]{0,8})[：:。]?$|[：:]$")
# Place names that belong to no one organisation in particular.
COMMON_PLACES = frozenset({"中国", "中华", "全国", "祖国", "国家", "全省", "全市", "全区", "全县"})
# The administrative suffix of a place name. Matches "广东省", "东城区", "沙坪坝区"; not "新建", "中华".
PLACE_SUFFIX = regex.compile(r"..*[省市县区镇乡村州旗]$")
_PAIRS = (("（", "）"), ("(", ")"), ("“", "”"), ("《", "》"), ("【", "】"))
_WORD = regex.compile(r"[\p{Han}A-Za-z0-9]{2,}")


@dataclass(frozen=True)
class Unit:
    """A sentence (or heading) of an archive article that a draft may reuse."""

    article: int  # position in the archive list
    start: int  # offsets into the article text, enumerator excluded
    end: int
    text: str
    kind: str  # sentence | heading
    level: int  # heading level; for a sentence, the level of its innermost heading (0: none)
    path: tuple[str, ...]  # heading texts above (a heading's path ends with itself)
    role: str | None  # role of its level-1 section: guiding goals work schedule measures
    lean: str | None  # forward | backward | None
    clean: bool  # no past results, no dated reference, no inner enumerator, sound length
    terms: tuple[str, ...]
    scope_end: int  # a heading: where its section ends; a sentence: its end
    tasks: int = 0  # action items (Task spans) inside it

    def section_has(self, word: str) -> bool:
        return any(word in h for h in self.path)


@lru_cache(maxsize=200_000)
def _indexable(word: str) -> bool:
    """Whether a word is an index term: two or more letters/digits/Han characters, not a stopword."""
    return _WORD.fullmatch(word) is not None and word not in stopwords()


def _terms(text: str, lo: int, hi: int) -> tuple[str, ...]:
    return tuple(filter(_indexable, get_segmenter().search_words(text, lo, hi)))


def query_terms(text: str) -> tuple[str, ...]:
    """Index terms of a query phrase, as the units' terms are made."""
    return _terms(text, 0, len(text))


def _paths(article: Article):
    """(level, path, role) after each heading, by heading start."""
    stack = []
    out = []
    for i, h in enumerate(article.headings):
        while stack and stack[-1].level >= h.level:
            stack.pop()
        stack.append(h)
        out.append((h.start, h.level, tuple(x.text for x in stack), heading_role(stack[0].text)))
    return out


def article_units(article: Article, index: int) -> list[Unit]:
    """The headings and sentences of one analyzed article."""
    text = article.text
    units: list[Unit] = []
    seg = get_segmenter()
    bad_targets = [(t.start, t.end) for t in article.targets if t.status != "goal"]
    heads = _paths(article)
    hs = article.headings
    for i, (h, (_s, level, path, role)) in enumerate(zip(hs, heads)):
        s, e = h.text_start, h.end
        scope = next((x.start for x in hs[i + 1:] if x.level <= h.level), len(text))
        units.append(Unit(index, s, e, text[s:e], "heading", level, path, role, None,
                          _clean(text, s, e, bad_targets), _terms(text, s, e), scope))
    hspans = {h.start: h for h in article.headings}
    task_starts = sorted(t.start for t in article.tasks)
    all_pos = seg.pos(text)  # memoized by the segmenter: analysis tagged this text already
    pos_starts = [p[2] for p in all_pos]
    k = 0
    for s, e in split_sentences(text):
        while k < len(heads) and heads[k][0] <= s:
            k += 1
        level, path, role = (heads[k - 1][1], heads[k - 1][2], heads[k - 1][3]) if k else (0, (), None)
        h = hspans.get(s)
        if h is not None and not h.run_in:
            continue  # a heading line: its own unit above
        s += strip_enumerator(text[s:e])
        s += _role_word(text[s:e])
        if e - s < MIN_CHARS:
            continue
        tagged = all_pos[bisect_left(pos_starts, s):bisect_left(pos_starts, e)]  # the article's own tagging
        lean = tokens_lean(tagged)
        # a sentence naming a place (广东省, 东城区…) belongs to the organisation that wrote it;
        # jieba tags some verbs ns (新建), so only a place word with an administrative suffix counts
        local = any(f == "ns" and w not in COMMON_PLACES and PLACE_SUFFIX.search(w) for w, f, _a, _b in tagged)
        units.append(Unit(index, s, e, text[s:e], "sentence", level, path, role, lean,
                          _clean(text, s, e, bad_targets) and lean != "backward" and not local,
                          _terms(text, s, e), e,
                          bisect_left(task_starts, e) - bisect_left(task_starts, s)))
    return units


def _role_word(piece: str) -> int:
    """Length of a part name glued to the start of a sentence (指导思想在校工会的领导下…)."""
    for w in role_words():
        if piece.startswith(w):
            n = len(w)
            return n + 1 if piece[n:n + 1] in ":：，,。 " else n
    return 0


def _clean(text: str, s: int, e: int, bad_targets: list[tuple[int, int]]) -> bool:
    """Whether text[s:e] may be reused: sound length, no past result, no dated reference, no list."""
    piece = text[s:e]
    if not (4 <= len(piece) <= MAX_CHARS) or "\n" in piece:
        return False
    if any(ts < e and s < te for ts, te in bad_targets):
        return False
    if DATED_REFERENCE.search(piece) or has_inner_enumerator(piece) or LEAD_IN.search(piece):
        return False
    if piece[0] in "（(【" or any(piece.count(o) != piece.count(c) for o, c in _PAIRS):
        return False  # a remark in brackets, or a bracket or quote opened outside the sentence
    return not any(c in piece for c in "?？|#*")
