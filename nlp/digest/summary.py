"""Extractive summaries: a TF-IDF sentence graph ranked by PageRank with priors.

IDF is fitted on every article given (the archive), so words common to all plans weigh little.
Sentences carrying targets or dates, or opening a top-level section, get a larger prior: a larger
share of the teleport vector and a factor on the final score.  Boilerplate sentences are never
candidates; leading enumerators (`二是`, `一)`) are cut off a chosen sentence, which stays a
substring of the article.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import regex

from ..ingest.boilerplate import patterns as boilerplate_patterns
from ..lang.enumerators import MARKER_SOURCE, RUNIN_OPENER
from ..model import Article, Heading
from ..text.segment import get_segmenter
from ..text.sentences import split_sentences
from ..text.stopwords import stopwords

Span = tuple[int, int]

DAMPING = 0.85
MAX_ITER = 100
TOLERANCE = 1e-8
MIN_SENTENCE_CHARS = 8
REDUNDANCY = 0.7  # cosine above which a candidate repeats a sentence already chosen

# Prior weights added to a base of 1 in the teleport vector.
PRIOR_TARGET = 1.0
PRIOR_DATE = 0.5
SEMICOLON_FACTOR = 0.6
LONG_SENTENCE = 150  # characters
LONG_FACTOR = 0.5
TABLE_ROW_CHARS = 80  # longer sentences are prose, not table rows
TABLE_ROW_SIMILARITY = 0.75  # of two number-masked sentences, to be rows of one table
SENTENCE_ENDS = "。！？!?；;"
# A number, Arabic or Chinese, with its decimal part.  Matches "5100", "0.95", "十二"; not "工会".
NUMBER = regex.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?|[一二三四五六七八九十百千万零〇两]+")
# A sentence stating a plan's aim or guiding idea.  Matches "以科学发展观为统领", "指导思想",
# "围绕学校中心工作"; must not match "以下几个方面" nor "为职工办实事".
AIM = regex.compile(
    r"以[^，,。；;]{1,30}?为(?:统领|指导|指针|主线|中心|核心|目标|宗旨|方向|根本|引领|抓手|重点)"
    r"|指导思想|总体(?:思路|目标|要求)|工作(?:思路|目标)[:：是为]|紧紧围绕|围绕[^，,。]{1,20}中心"
)

# Web-page furniture a summary must never quote, beyond the ingest patterns.
# Matches "下面是小编整理的…" and "查看剩余85%"; must not match "加强工会自身建设".
SITE_WORDS = regex.compile(r"小编|查看剩余|范文|网友|本站|下载|阅读全文|点击|(?:作者|来源)\s*[:：]")
# Enumerating openers and stray punctuation that make a quoted sentence read as a fragment.
# Matches "二是" in `二是抓好工会规范化建设`, ")" in `)二是进一步完善`, "首先，"; must not match
# "一是" inside `统一是非标准` (only at the start), "第一线" (no comma after 第一) nor "1.5" in
# `1.5万元`.  Also strips a half-kept enumerator: "一)" in `一)组织广大教职工`.
# Opening quotes and brackets stay: “三八”节 keeps its “; so does a placeholder's `__` (`__年，…`).
LEAD_ORDINAL = regex.compile(
    rf"(?:(?:(?![\p{{Ps}}\p{{Pi}}_＿*＊])[\p{{P}}\s])+|{RUNIN_OPENER.pattern}|{MARKER_SOURCE}"
    r"|其[一二三四五六七八九十][，,、]|(?:首先|其次|再次|最后|另外)[，,])+"
)
# A token worth counting: it holds a CJK character or a Latin letter.
# Matches "职工", "ok"; must not match "，", "2017", " ".
WORD = regex.compile(r"[\p{Han}A-Za-z]")


def is_boilerplate(sentence: str) -> bool:
    """True when a sentence is site furniture (blurb, byline, teaser, download prompt)."""
    bp = boilerplate_patterns()
    if bp.is_line(sentence) or bp.starts_tail(sentence):
        return True
    if any(p.search(sentence) for p in bp.paragraph):
        return True
    return SITE_WORDS.search(sentence) is not None


def tokenize(text: str) -> list[str]:
    """Content words of `text`: the project segmenter, stopwords and punctuation removed."""
    stop = stopwords()
    return [w for w in get_segmenter().cut(text) if WORD.search(w) and w not in stop]


class ArchiveTfidf:
    """TF-IDF over the project segmenter's words, fitted on the archive (sklearn's smooth IDF).

    A small in-house vectorizer: importing scikit-learn alone costs over a second, more than the
    whole digest.  Each fitted text keeps its words with offsets, so its sentences are not cut twice.
    """

    def __init__(self, sublinear_tf: bool = True) -> None:
        self.sublinear_tf = sublinear_tf
        self.vocabulary_: dict[str, int] = {}
        self.idf_ = np.zeros(0)
        self.offsets: dict[str, list[tuple[str, int, int]]] = {}
        self._starts: dict[str, list[int]] = {}

    def _tokens(self, text: str) -> list[tuple[str, int, int]]:
        stop = stopwords()
        return [t for t in get_segmenter().tokens(text) if WORD.search(t[0]) and t[0] not in stop]

    def fit_transform(self, texts: Sequence[str]):
        """Learn vocabulary and IDF from `texts`; their L2-normalized rows (CSR). ValueError if no word."""
        docs = []
        for text in texts:
            toks = self.offsets.get(text)
            if toks is None:
                toks = self.offsets[text] = self._tokens(text)
            docs.append([w for w, _, _ in toks])
        vocab: dict[str, int] = {}
        for words in docs:
            for w in words:
                vocab.setdefault(w, len(vocab))
        if not vocab:
            raise ValueError("no content word in any text")
        self.vocabulary_ = vocab
        df = np.zeros(len(vocab))
        for words in docs:
            df[[vocab[w] for w in set(words)]] += 1
        n = len(docs)
        self.idf_ = np.log((1 + n) / (1 + df)) + 1.0
        return self.transform_words(docs)

    def transform_words(self, docs: Sequence[Sequence[str]]):
        """Rows (CSR, L2-normalized) of documents already cut into words; unknown words dropped."""
        from scipy.sparse import csr_matrix  # scipy.sparse only; cheap next to sklearn

        indptr, indices, data = [0], [], []
        for words in docs:
            counts = Counter(self.vocabulary_[w] for w in words if w in self.vocabulary_)
            cols = sorted(counts)
            tf = np.array([counts[c] for c in cols], dtype=float)
            if self.sublinear_tf:
                tf = 1.0 + np.log(tf) if len(tf) else tf
            vals = tf * self.idf_[cols] if cols else tf
            norm = float(np.sqrt((vals ** 2).sum())) if len(vals) else 0.0
            indices.extend(cols)
            data.extend((vals / norm).tolist() if norm else vals.tolist())
            indptr.append(len(indices))
        return csr_matrix((np.array(data, dtype=float), np.array(indices, dtype=np.int64),
                           np.array(indptr, dtype=np.int64)), shape=(len(docs), len(self.vocabulary_)))

    def transform(self, texts: Sequence[str]):
        """Rows of new texts under the fitted vocabulary and IDF."""
        return self.transform_words([[w for w, _, _ in self._tokens(t)] for t in texts])

    def words_in(self, text: str, start: int, end: int) -> list[str] | None:
        """Words of an already tokenized text lying inside [start, end); None if not seen."""
        toks = self.offsets.get(text)
        if toks is None:
            return None
        starts = self._starts.get(text)
        if starts is None:
            starts = self._starts[text] = [s for _, s, _ in toks]
        i = bisect_left(starts, start)
        out = []
        while i < len(toks) and toks[i][1] < end:
            if toks[i][2] <= end:
                out.append(toks[i][0])
            i += 1
        return out


def make_vectorizer() -> ArchiveTfidf:
    """A TF-IDF vectorizer over the project segmenter's words."""
    return ArchiveTfidf()


def _transform_spans(vectorizer: ArchiveTfidf, text: str, spans: list[Span]):
    """TF-IDF rows of sentences of `text`, reusing the article's words when it was fitted on."""
    if text in vectorizer.offsets:
        return vectorizer.transform_words([vectorizer.words_in(text, s, e) or [] for s, e in spans])
    return vectorizer.transform([text[s:e] for s, e in spans])


def pagerank(sim: np.ndarray, prior: np.ndarray, damping: float = DAMPING) -> np.ndarray:
    """Personalized PageRank over a weighted undirected graph by power iteration."""
    n = sim.shape[0]
    if n == 0:
        return np.zeros(0)
    p = prior / prior.sum()
    w = sim.copy()
    np.fill_diagonal(w, 0.0)
    out = w.sum(axis=1)
    dangling = out == 0
    w[~dangling] /= out[~dangling, None]
    r = p.copy()
    for _ in range(MAX_ITER):
        # A sentence similar to none hands its rank back to the teleport vector.
        nxt = (1 - damping) * p + damping * (w.T @ r + r[dangling].sum() * p)
        if np.abs(nxt - r).sum() < TOLERANCE:
            return nxt
        r = nxt
    return r


@dataclass(frozen=True)
class Candidate:
    """A whole sentence eligible for the summary: its span, prior weight and level-1 section."""

    start: int
    end: int
    prior: float
    section: int  # index of the level-1 section holding it; -1 before the first one
    aim: bool = False  # states the plan's aim or guiding idea


def _heading_at(article: Article, start: int, end: int) -> tuple[Heading | None, bool]:
    """The heading opening the sentence [start, end) (or None), and whether a heading starts inside it."""
    opening, inside = None, False
    for h in article.headings:
        if h.start <= start < h.end or (h.start == start):
            opening = h
        elif start < h.start < end:
            inside = True
    return opening, inside


def _whole_start(text: str, start: int) -> bool:
    """True when a sentence starting here starts after a sentence end, a line break or the text start."""
    i = start - 1
    while i >= 0 and text[i] in " \t\u3000":
        i -= 1
    return i < 0 or text[i] in SENTENCE_ENDS or text[i] in "\n\r"


def _sentence_spans(article: Article) -> list[tuple[int, int]]:
    """Whole sentences of the body: a heading's marker and a sentence that is only a heading left out.

    A numbered item whose heading runs on into its body (`5、积极推进…,开展…活动。`) gives the
    whole item sentence after its marker; a sentence holding a heading inside it (a file run onto
    one line) gives none.
    """
    text = article.text
    out = []
    for s, e in split_sentences(text):
        head, inside = _heading_at(article, s, e)
        if inside:
            continue
        if head is not None:
            body_start = head.text_start
            after = text[head.end:e].strip(" \t\u3000" + SENTENCE_ENDS)
            if not after:
                continue  # the sentence is only a heading
            s = body_start
        elif not _whole_start(text, s):
            continue
        out.append((s, e))
    return out


def template_key(sentence: str) -> str:
    """The sentence with numbers masked, to see table rows told in one mould (会员51人，经费5100元…)."""
    return NUMBER.sub("#", "".join(sentence.split()))


def table_rows(keys: Sequence[str]) -> set[int]:
    """Indices of sentences that are rows of one table: short, holding numbers, and in the same
    mould as another once numbers are masked (元旦慰问，教工#人，经费#元 / 端午慰问，教工#人，经费#元)."""
    from rapidfuzz.distance import Indel

    short = [i for i, k in enumerate(keys) if "#" in k and len(k) <= TABLE_ROW_CHARS]
    out: set[int] = set()
    for x, i in enumerate(short):
        for j in short[x + 1:]:
            if Indel.normalized_similarity(keys[i], keys[j]) >= TABLE_ROW_SIMILARITY:
                out.update((i, j))
    return out


def candidates(article: Article) -> list[Candidate]:
    """Sentences of an article that may enter its summary, with priors.

    Only whole sentences ending at a sentence end; never boilerplate, a table row (a sentence
    whose opening, numbers masked, another sentence shares) nor a sentence said before.
    """
    text = article.text
    achieved = article.genre in ("summary", "mixed")
    goal_spans = [(t.start, t.end) for t in article.targets if t.status == "goal"]
    done_spans = [(t.start, t.end) for t in article.targets if t.status == "achieved"]
    date_spans = [(d.start, d.end) for d in article.dates if d.kind != "year"]
    level1 = sorted(h.start for h in article.headings if h.level == 1)
    spans = []
    for s, e in _sentence_spans(article):
        lead = LEAD_ORDINAL.match(text, s, e)
        if lead:
            s = lead.end()
        if e - s < MIN_SENTENCE_CHARS or text[e - 1] not in SENTENCE_ENDS:
            continue
        sentence = text[s:e]
        if is_boilerplate(sentence) or _continues_broken_line(article, s):
            continue
        spans.append((s, e))
    keys = [template_key(text[s:e]) for s, e in spans]
    rows = table_rows(keys)
    seen: set[str] = set()
    out: list[Candidate] = []
    for k, ((s, e), key) in enumerate(zip(spans, keys)):
        if key in seen or k in rows:
            continue
        seen.add(key)
        inside = lambda spans_: any(s <= a and b <= e for a, b in spans_)  # noqa: E731
        prior = 1.0
        if inside(goal_spans):
            prior += PRIOR_TARGET if not achieved else PRIOR_TARGET / 2
        if inside(done_spans):
            prior += PRIOR_TARGET if achieved else PRIOR_TARGET / 2
        if inside(date_spans):
            prior += PRIOR_DATE
        if text[e - 1] in "；;":
            prior *= SEMICOLON_FACTOR  # an item of a list, less of a sentence to hand on
        if e - s > LONG_SENTENCE:
            prior *= LONG_FACTOR  # a paragraph in one sentence: hard to hand on, crowds out the rest
        section = bisect_right(level1, s) - 1
        out.append(Candidate(s, e, prior, section, AIM.search(text, s, e) is not None))
    return out


def _continues_broken_line(article: Article, start: int) -> bool:
    """True when the sentence starts a line that continues a word broken across lines (`重要内` / `容`).

    A line after a heading line is not a broken word's rest."""
    text = article.text
    i = start - 1
    saw_break = False
    while i >= 0 and text[i].isspace():
        saw_break = saw_break or text[i] == "\n"
        i -= 1
    if not saw_break or i < 0 or WORD.match(text[i]) is None:
        return False
    return not any(h.start <= i < h.end + 1 for h in article.headings)


def _section_quota(cands: list[Candidate], slots: int, text_length: int, article: Article) -> dict[int, int]:
    """Summary sentences per level-1 section, in proportion to each section's length (largest remainder)."""
    starts = sorted(h.start for h in article.headings if h.level == 1)
    if not starts or slots <= 0:
        return {}
    bounds = starts + [text_length]
    lengths = {i: bounds[i + 1] - bounds[i] for i in range(len(starts))}
    lengths = {i: n for i, n in lengths.items() if any(c.section == i for c in cands)}
    total = sum(lengths.values())
    if not total:
        return {}
    share = {i: slots * n / total for i, n in lengths.items()}
    quota = {i: int(v) for i, v in share.items()}
    for i in sorted(share, key=lambda i: (-(share[i] - quota[i]), i))[: slots - sum(quota.values())]:
        quota[i] += 1
    return {i: q for i, q in quota.items() if q}


def summarize_articles(articles: Sequence[Article], sentences: int = 4, max_chars: int = 360,
                       vectorizer: ArchiveTfidf | None = None) -> list[list[Span]]:
    """For each article, the (start, end) of its summary sentences in text order.

    `vectorizer`, when given, is already fitted on the archive; else one is fitted here.
    """
    if not articles:
        return []
    if vectorizer is None:
        vectorizer = make_vectorizer()
        try:
            vectorizer.fit_transform([a.text for a in articles])
        except ValueError:  # no content word in the whole archive
            return [[] for _ in articles]
    return [summarize_one(a, vectorizer, sentences, max_chars) for a in articles]


def summarize_one(article: Article, vectorizer: ArchiveTfidf, sentences: int = 4,
                  max_chars: int = 360) -> list[Span]:
    """Summary spans of one article: for a plan its aim first, then sentences over its sections.

    Whole sentences only, each level-1 section given a share of the sentences in proportion to its
    length; a sentence is never cut (one longer than the budget is taken alone or not at all).
    Documents of genre `other` get no summary: they are not plans.
    """
    if article.genre == "other":
        return []
    cands = candidates(article)
    if not cands:
        return []
    text = article.text
    x = _transform_spans(vectorizer, text, [(c.start, c.end) for c in cands])
    sim = (x @ x.T).toarray()
    prior = np.array([c.prior for c in cands])
    # The prior enters twice: as the teleport share (it spreads to similar sentences) and as a
    # factor on the final score (with damping 0.85 the teleport alone barely moves the ranking).
    rank = pagerank(sim, prior) * prior
    order = sorted(range(len(cands)), key=lambda i: (-round(float(rank[i]), 12), cands[i].start))
    chosen: list[int] = []
    used = 0

    def take(i: int) -> bool:
        nonlocal used
        length = cands[i].end - cands[i].start
        if i in chosen or len(chosen) >= sentences or used + length > max_chars:
            return False
        if any(sim[i, j] > REDUNDANCY for j in chosen):
            return False
        chosen.append(i)
        used += length
        return True

    if article.genre != "summary":
        # A plan opens with its aim: the first sentence stating it, else the best one before
        # the first section.
        aims = [i for i in range(len(cands)) if cands[i].aim and cands[i].section <= 0]
        preamble = [i for i in order if cands[i].section < 0]
        for i in aims[:1] or preamble[:1]:
            take(i)
    quota = _section_quota(cands, sentences - len(chosen), len(text), article)
    for section, n in sorted(quota.items()):
        for i in [i for i in order if cands[i].section == section]:
            if n <= 0:
                break
            n -= take(i)
    for i in order:  # what the sections left: the best sentences anywhere
        take(i)
    if not chosen:
        # Every sentence is longer than the budget: the best one alone, whole.
        chosen = [order[0]]
    return sorted((cands[i].start, cands[i].end) for i in chosen)
