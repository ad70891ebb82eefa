"""Representations of theme units behind one small interface: `fit(units)`, `transform(units)`.

`TfidfEmbedder` (the default) weighs the project's segmenter tokens and their bigrams by an IDF
fitted on the archive, with the heading counted above the body, generic plan words cut down and
terms that one article repeats in its sections (that article's own vocabulary) cut down too.
`TransformersEmbedder` (nlp.themes.transformer_embed) mean-pools a local Hugging Face model.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol

import numpy as np
import regex
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from ..data import data_text
from ..text.segment import get_segmenter
from ..text.stopwords import parse_stopwords, stopwords

if TYPE_CHECKING:
    from .units import ThemeUnit

_DATA_PACKAGE = "nlp.data.themes"
_GENERIC_FILE = "generic_words.txt"

# CONTENT_WORD: a token worth counting, two or more letters or Han characters with at least one
# Han character or Latin letter. Matches "职代会", "ok卡"; must not match "，", "3", "12月" (digits
# lead) or "的" (one character).
CONTENT_WORD = regex.compile(r"(?=.*[\p{Han}a-zA-Z])[\p{Han}a-zA-Z][\p{Han}a-zA-Z0-9]+")


class Embedder(Protocol):
    """What ThemeModel needs from a representation (BERTopic's `embedding_model` in small)."""

    def fit(self, units: Sequence["ThemeUnit"]) -> "Embedder": ...
    def transform(self, units: Sequence["ThemeUnit"]) -> np.ndarray | sparse.spmatrix: ...
    def embed_texts(self, texts: Sequence[str]) -> np.ndarray | sparse.spmatrix: ...


@lru_cache(maxsize=1)
def generic_words() -> frozenset[str]:
    """The shipped list of words every plan section uses (cut down, not removed)."""
    return parse_stopwords(data_text(_DATA_PACKAGE, _GENERIC_FILE).splitlines())


def content_words(text: str, lo: int = 0, hi: int | None = None) -> list[str]:
    """The segmenter's words of `text[lo:hi]` that can carry a theme: no stopwords, digits or
    punctuation (read from one segmentation of the whole `text`)."""
    stop = stopwords()
    words = get_segmenter().words_between(text, lo, len(text) if hi is None else hi)
    return [w for w in words if w not in stop and CONTENT_WORD.fullmatch(w)]


def _features(words: list[str], bigrams: bool) -> list[str]:
    if not bigrams:
        return words
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


class TfidfEmbedder:
    """TF-IDF of segmenter words and bigrams, heading above body, generic and one-article words cut.

    heading_weight: how many times the heading's words count against the body's once.
    generic_weight: multiplier of a generic plan word's (or all-generic bigram's) IDF.
    spread_power: a term's weight is multiplied by (articles containing it / units containing it)
        to this power, so that a word repeated across the sections of one article (that plan's
        own vocabulary: its name, its slogan, its school) does not pull those sections together.
    """

    def __init__(self, heading_weight: int = 3, bigrams: bool = True, min_df: int = 2,
                 max_df: float = 0.5, generic_weight: float = 0.3, spread_power: float = 1.0):
        self.heading_weight = heading_weight
        self.bigrams = bigrams
        self.min_df = min_df
        self.max_df = max_df
        self.generic_weight = generic_weight
        self.spread_power = spread_power

    def _unit_features(self, unit: "ThemeUnit") -> list[str]:
        split = 0 if unit.heading_end is None else unit.heading_end - unit.start
        body = _features(content_words(unit.text, split), self.bigrams)
        head = _features(content_words(unit.text, 0, split), self.bigrams) if split else []
        return body + head * self.heading_weight

    def _analyze(self, doc: "ThemeUnit | list[str]") -> list[str]:
        # the vectorizer builds each unit's features as it counts them: a 20,000-section archive
        # never holds all its bigram strings at once (they were most of its peak memory)
        return doc if isinstance(doc, list) else self._unit_features(doc)

    def fit(self, units: Sequence["ThemeUnit"]) -> "TfidfEmbedder":
        """Fit the vocabulary, IDF and term weights on the archive's units."""
        min_df = self.min_df if len(units) >= 4 * self.min_df else 1
        self.vectorizer_ = TfidfVectorizer(analyzer=self._analyze, min_df=min_df,
                                           max_df=self.max_df if len(units) >= 20 else 1.0,
                                           sublinear_tf=True, norm=None)
        try:
            counts = self.vectorizer_.fit_transform(list(units))
        except ValueError:  # no term survives (tiny or empty archive): keep every term
            self.vectorizer_.set_params(min_df=1, max_df=1.0)
            counts = self.vectorizer_.fit_transform(list(units))
        self.vocabulary_ = self.vectorizer_.get_feature_names_out()
        self.term_weights_ = self._term_weights(units, counts)
        # the rows of the fitted units, for the transform that follows every fit (segmenting is
        # the costliest step on a large archive); dropped by that transform
        self._memo = (counts.tocsr(), {(u.key, u.end): i for i, u in enumerate(units)})
        return self

    def _term_weights(self, units: Sequence["ThemeUnit"], counts: sparse.spmatrix) -> np.ndarray:
        generic = generic_words()
        weights = np.ones(len(self.vocabulary_))
        for i, term in enumerate(self.vocabulary_):
            if all(part in generic for part in term.split(" ")):
                weights[i] = self.generic_weight
        if self.spread_power:
            present = (counts > 0).astype(np.float64).tocsc()
            article_of: dict[tuple[str, int], int] = {}
            rows = [article_of.setdefault((u.source, u.article), len(article_of)) for u in units]
            in_article = sparse.csr_matrix((np.ones(len(rows)), (np.arange(len(rows)), rows)),
                                           shape=(len(rows), len(article_of)))
            n_units = np.asarray(present.sum(axis=0)).ravel()
            n_articles = np.asarray(((present.T @ in_article) > 0).sum(axis=1)).ravel()
            weights *= np.where(n_units > 1, n_articles / np.maximum(n_units, 1), 1.0) ** self.spread_power
        return weights

    def transform(self, units: Sequence["ThemeUnit"]) -> sparse.csr_matrix:
        """L2-normalised weighted TF-IDF rows, one per unit."""
        memo, self._memo = getattr(self, "_memo", None), None
        if not units:
            return sparse.csr_matrix((0, len(self.vocabulary_)))
        rows: list[int | None] = [None] * len(units)
        if memo is not None:
            counts, index = memo
            rows = [index.get((u.key, u.end)) for u in units]
        new = [i for i, r in enumerate(rows) if r is None]
        if not new:
            x = counts[rows]
        else:
            fresh = self.vectorizer_.transform([units[i] for i in new])
            if len(new) == len(units):
                x = fresh
            else:  # seen rows from the memo, the others computed now, in the units' order
                stacked = sparse.vstack([counts, fresh]).tocsr()
                at = dict(zip(new, range(counts.shape[0], counts.shape[0] + len(new))))
                x = stacked[[at[i] if r is None else r for i, r in enumerate(rows)]]
        return normalize(x @ sparse.diags(self.term_weights_))

    def embed_texts(self, texts: Sequence[str]) -> sparse.csr_matrix:
        """Rows for free texts (taxonomy descriptions, queries) in the fitted space."""
        # each line of a text is a phrase of its own: no bigram spans two phrases
        docs = [[f for line in t.splitlines() for f in _features(content_words(line), self.bigrams)]
                for t in texts]
        return normalize(self.vectorizer_.transform(docs) @ sparse.diags(self.term_weights_))

    def fit_transform(self, units: Sequence["ThemeUnit"]) -> sparse.csr_matrix:
        return self.fit(units).transform(units)
