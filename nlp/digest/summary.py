"""Extractive summaries: a TF-IDF sentence graph ranked by PageRank with priors.

IDF is fitted on every article given (the archive), so words common to all plans weigh little.
Sentences carrying targets or dates, or opening a top-level section, get a larger prior: a larger
share of the teleport vector and a factor on the final score.  Boilerplate sentences are never
candidates; leading enumerators (`二是`, `一)`) are cut off a chosen sentence, which stays a
substring of the article.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import regex

from ..ingest.boilerplate import patterns as boilerplate_patterns
from ..model import Article
from ..text.segment import get_segmenter
from ..text.sentences import split_clauses, split_sentences
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
PRIOR_SECTION_OPENER = 1.0

# Web-page furniture a summary must never quote, beyond the ingest patterns.
# Matches "下面是小编整理的…" and "查看剩余85%"; must not match "加强工会自身建设".
SITE_WORDS = regex.compile(r"小编|查看剩余|范文|网友|本站|下载|阅读全文|点击|(?:作者|来源)\s*[:：]")
# Enumerating openers and stray punctuation that make a quoted sentence read as a fragment.
# Matches "二是" in `二是抓好工会规范化建设`, ")" in `)二是进一步完善`, "首先，"; must not match
# "一是" inside `统一是非标准` (only at the start), "第一线" (no comma after 第一) nor "1.5" in
# `1.5万元`.  Also strips a half-kept enumerator: "一)" in `一)组织广大教职工`.
# Opening quotes and brackets stay: “三八”节 keeps its “.
LEAD_ORDINAL = regex.compile(
    r"(?:(?:(?![\p{Ps}\p{Pi}])[\p{P}\s])+|[一二三四五六七八九十]+是"
    r"|[（(]?(?:[一二三四五六七八九十]+|\d{1,2})[)）、．.](?!\d)"
    r"|其[一二三四五六七八九十][，,、]|第[一二三四五六七八九十]+[，,、]|(?:首先|其次|再次|最后|另外)[，,])+"
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
    """A sentence eligible for the summary, with its prior weight."""

    start: int
    end: int
    prior: float


def _heading_trim(article: Article, start: int, end: int) -> Span | None:
    """Drop a heading at the front of a sentence; None when the sentence is only a heading."""
    for h in article.headings:
        if h.start <= start < h.end:
            start = h.end
            while start < end and (article.text[start].isspace() or article.text[start] in "，,。：:；;、"):
                start += 1
            return (start, end) if end - start >= MIN_SENTENCE_CHARS else None
    return start, end


def _continues_broken_line(text: str, start: int) -> bool:
    """True when the sentence starts a line that continues a word broken across lines (`重要内` / `容`)."""
    i = start - 1
    saw_break = False
    while i >= 0 and text[i].isspace():
        saw_break = saw_break or text[i] == "\n"
        i -= 1
    return saw_break and i >= 0 and WORD.match(text[i]) is not None


def candidates(article: Article) -> list[Candidate]:
    """Sentences of an article that may enter its summary, with priors."""
    text = article.text
    target_spans = [(t.start, t.end) for t in article.targets]
    date_spans = [(d.start, d.end) for d in article.dates]
    # Body of every top-level heading begins at its end: the sentence there opens the section.
    openers = sorted(h.end for h in article.headings if h.level == 1)
    out: list[Candidate] = []
    for s, e in split_sentences(text):
        span = _heading_trim(article, s, e)
        if span is None:
            continue
        s, e = span
        lead = LEAD_ORDINAL.match(text, s, e)
        if lead:
            s = lead.end()
        sentence = text[s:e]
        if e - s < MIN_SENTENCE_CHARS or is_boilerplate(sentence) or _continues_broken_line(text, s):
            continue
        prior = 1.0
        if any(s <= a and b <= e for a, b in target_spans):
            prior += PRIOR_TARGET
        if any(s <= a and b <= e for a, b in date_spans):
            prior += PRIOR_DATE
        if any(0 <= s - o <= 2 for o in openers):
            prior += PRIOR_SECTION_OPENER
        out.append(Candidate(s, e, prior))
    return out


def _fit(text: str, span: Span, budget: int) -> Span | None:
    """The longest clause-aligned prefix of the sentence within `budget` characters."""
    s, e = span
    if e - s <= budget:
        return span
    best = None
    for cs, ce in split_clauses(text, s, e):
        if ce - s > budget:
            break
        best = (s, ce)
    if best is None or best[1] - s < MIN_SENTENCE_CHARS:
        return None
    return best


def summarize_articles(articles: Sequence[Article], sentences: int = 3, max_chars: int = 200,
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


def summarize_one(article: Article, vectorizer: ArchiveTfidf, sentences: int = 3,
                  max_chars: int = 200) -> list[Span]:
    """Summary spans of one article with an already fitted vectorizer."""
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
    spans: dict[int, Span] = {}
    used = 0
    # Short sentences first, so three fit the budget; then any whole sentence that still fits.
    for limit in (max_chars // 2, max_chars):
        for i in order:
            if len(chosen) >= sentences:
                break
            length = cands[i].end - cands[i].start
            if i in spans or length > limit or used + length > max_chars:
                continue
            if any(sim[i, j] > REDUNDANCY for j in chosen):
                continue
            chosen.append(i)
            spans[i] = (cands[i].start, cands[i].end)
            used += length
    if not spans:
        # Every sentence is longer than the budget: keep the best one's leading clauses.
        span = _fit(text, (cands[order[0]].start, cands[order[0]].end), max_chars)
        return [span] if span else []
    return sorted(spans.values())
