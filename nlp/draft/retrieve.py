"""Ranking archive units against keywords (BM25 over segmenter words) and picking them with MMR.

rank_bm25 needs only numpy; scikit-learn's TF-IDF would cost more to import (scipy.stats)
than the whole draft takes to compute.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import numpy as np
from rank_bm25 import BM25Okapi
from rapidfuzz import fuzz

from .units import Unit, query_terms

# Two sentences at least this close (Jaccard of their words, or rapidfuzz ratio / 100) say the same thing.
NEAR_DUPLICATE = 0.6
# MMR trade-off: relevance weight against similarity to what is already chosen.
MMR_LAMBDA = 0.7


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def near_duplicate_texts(a: str, b: str) -> bool:
    """Whether two sentences are near-duplicates by their characters."""
    if min(len(a), len(b)) < 8:
        return a == b
    return fuzz.ratio(a, b) >= NEAR_DUPLICATE * 100 or fuzz.partial_ratio(a, b) >= 90


class UnitIndex:
    """BM25 over the archive units' words; scores normalized to [0, 1] per query."""

    def __init__(self, units: Sequence[Unit]):
        self.units = list(units)
        self.sets = [frozenset(u.terms) for u in self.units]
        self.bm25 = BM25Okapi([list(u.terms) or ["∅"] for u in self.units]) if self.units else None

    def similarity(self, terms: Iterable[str]) -> np.ndarray:
        """BM25 score of every unit for the query terms, divided by the best score."""
        if self.bm25 is None:
            return np.zeros(0)
        s = np.asarray(self.bm25.get_scores(list(dict.fromkeys(terms))), dtype=float)
        top = s.max(initial=0.0)
        return s / top if top > 0 else s


class Picker:
    """Chooses units across the whole draft: none twice, no near-duplicates (MMR within a pick)."""

    def __init__(self, index: UnitIndex):
        self.index = index
        self.chosen: list[int] = []
        self.texts: list[str] = []

    def near_duplicate(self, text: str, unit: int | None = None) -> bool:
        """Whether `text` (of archive unit `unit`) says what a chosen sentence already says."""
        if unit is not None and unit in self.chosen:
            return True
        if any(near_duplicate_texts(text, t) for t in self.texts):
            return True
        sets = self.index.sets
        return unit is not None and any(jaccard(sets[unit], sets[c]) >= NEAR_DUPLICATE for c in self.chosen)

    def add_text(self, text: str, unit: int | None = None) -> None:
        """Record a sentence placed in the draft (retrieved from `unit`, or written)."""
        self.texts.append(text)
        if unit is not None:
            self.chosen.append(unit)

    def pick(self, candidates: Sequence[int], scores: np.ndarray, k: int,
             rewrite: Callable[[int], str | None]) -> list[tuple[int, str]]:
        """Up to `k` (unit, rewritten text) by maximal marginal relevance; a unit whose rewrite
        fails or that duplicates a chosen sentence is passed over."""
        pool = sorted(set(candidates), key=lambda i: (-scores[i], i))
        sets = self.index.sets
        out: list[tuple[int, str]] = []
        while pool and len(out) < k:
            best, best_j = -np.inf, 0
            for j, i in enumerate(pool):
                if MMR_LAMBDA * scores[i] <= best:
                    break  # sorted by score: no later unit can beat the best MMR value
                sim = max((jaccard(sets[i], sets[c]) for c, _t in out), default=0.0)
                value = MMR_LAMBDA * scores[i] - (1 - MMR_LAMBDA) * sim
                if value > best:
                    best, best_j = value, j
            i = pool.pop(best_j)
            text = rewrite(i)
            if text is None or self.near_duplicate(text, i):
                continue
            self.add_text(text, i)
            out.append((i, text))
        return out


def keyword_query(keyword: str, widened: Sequence[str] = ()) -> tuple[str, ...]:
    """Query terms of a keyword and the terms its themes add."""
    return (*query_terms(keyword), keyword, *widened)
