"""What kind of document it is: plan vs summary (tense cues), and the kind of organisation.

Genre weighs sentences: a sentence leans forward when it has more plan cues (力争, 将, 要 …)
than report cues (已, 累计, the particle 了 …), backward in the opposite case. Framing
phrases (现总结如下, 特制定本计划) and title words add fixed weights. Org type counts
lexicon cues (nlp/data/cues/org_types.txt) in the body and in the title.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

import regex

from ..data.cues import words
from ..model import Article
from ..text.segment import get_segmenter

GENRES = ("plan", "summary", "mixed")
ORG_TYPES = ("school", "enterprise", "federation", "government", "other")

PHRASE_WEIGHT = 4  # one framing phrase is worth this many leaning sentences
TITLE_WEIGHT = 2  # a title word tips the balance only (compilations mis-title reports)
SUMMARY_SHARE = 0.35  # backward share at or above which a document is a summary
MIXED_SHARE = 0.2  # backward share at or above which (with enough backward sentences) it is mixed
MIXED_MIN_BACKWARD = 5  # a mixed document reports at least this many results
ORG_TITLE_WEIGHT = 1  # a title cue counts once more, no more: compilations reuse one title

# SENTENCE_END: splits sentences. Matches "。" and "；"; must not match "，" (a clause).
_SENTENCE_END = regex.compile(r"[。；;！!？?\n]+")


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


def sentence_lean(sentence: str) -> str | None:
    """`forward`, `backward` or None for one sentence, from its plan and report cue tokens."""
    fwd_cues, bwd_cues = _cue_sets()
    fwd = bwd = 0
    for word, flag, _s, _e in get_segmenter().pos(sentence):
        if word in ("了", "过"):
            bwd += flag.startswith("u")
        elif word in fwd_cues:
            fwd += 1
        elif word in bwd_cues:
            bwd += 1
    if fwd > bwd:
        return "forward"
    if bwd > fwd:
        return "backward"
    return None


def genre_cues(text: str, title: str = "") -> dict[str, int]:
    """Counts of forward/backward sentences, framing phrases and title words."""
    counts: Counter[str] = Counter()
    for sentence in _SENTENCE_END.split(text):
        if len(sentence.strip()) < 4:
            continue
        lean = sentence_lean(sentence)
        if lean:
            counts[f"{lean}_sentences"] += 1
    for tag, phrase in _tagged("genre_phrases"):
        n = text.count(phrase)
        if n:
            counts[f"{tag}_phrases"] += n
    for tag, word in _tagged("title_genre"):
        if word in title:
            counts[f"{tag}_title"] += 1
    return dict(counts)


def genre_from_cues(cues: dict[str, int]) -> str | None:
    """The genre the cue counts point to, or None when there is no cue at all."""
    back_sentences = cues.get("backward_sentences", 0)
    back = back_sentences + PHRASE_WEIGHT * cues.get("backward_phrases", 0) \
        + TITLE_WEIGHT * cues.get("backward_title", 0)
    fwd = cues.get("forward_sentences", 0) + PHRASE_WEIGHT * cues.get("forward_phrases", 0) \
        + TITLE_WEIGHT * cues.get("forward_title", 0)
    if back + fwd == 0:
        return None
    share = back / (back + fwd)
    if share >= SUMMARY_SHARE:
        return "summary"
    if share >= MIXED_SHARE and back_sentences >= MIXED_MIN_BACKWARD:
        return "mixed"
    return "plan"


def classify_genre(article: Article) -> tuple[str | None, dict[str, int]]:
    """`plan` | `summary` | `mixed`, with the cue counts that decided it."""
    cues = genre_cues(article.text, article.title)
    return genre_from_cues(cues), cues


def org_cues(text: str, title: str = "") -> dict[str, int]:
    """Per organisation type: lexicon cues in the body, plus title cues weighted."""
    counts: Counter[str] = Counter()
    for tag, word in _tagged("org_types"):
        n = text.count(word) + ORG_TITLE_WEIGHT * title.count(word)
        if n:
            counts[tag] += n
            counts[f"{tag}_body"] += text.count(word)
    return dict(counts)


def classify_org_type(article: Article) -> tuple[str | None, dict[str, int]]:
    """`school` | `enterprise` | `federation` | `government` | `other`, with cue counts."""
    cues = org_cues(article.text, article.title)
    scored = [(cues.get(t, 0), cues.get(f"{t}_body", 0), -i, t) for i, t in enumerate(ORG_TYPES)]
    best = max(scored)
    if best[0] == 0:
        return "other", cues
    return best[3], cues
