"""Choosing the number of themes: stability of k-means across resamples, silhouette beside it.

For each candidate k the archive is clustered once, then re-clustered on random 80 % subsets;
a subset's clustering, extended to every unit, is compared with the full one by ARI. A k that
describes real structure is found again from most subsets; a k that cuts a theme in two, or
lumps two together, is not. The k with the most stable clustering wins (ties: the smaller k);
the cosine silhouette of each k is reported beside it, not used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from sklearn.metrics import adjusted_rand_score, silhouette_score

# (matrix, k, seed, n_init) -> fitted estimator with labels_ and predict
Clusterer = Callable[[object, int, int, int], object]

SUBSAMPLE = 0.8
MAX_SCORED_UNITS = 2000
SILHOUETTE_SAMPLE = 1000  # units the (reported, not deciding) silhouette is computed on  # k is chosen on at most this many units (a deterministic sample)


@dataclass
class KSelection:
    """The candidate ks with their stability and silhouette, and the chosen k."""

    method: str
    chosen: int
    candidates: list[int] = field(default_factory=list)
    stability: list[float] = field(default_factory=list)
    silhouette: list[float] = field(default_factory=list)
    resamples: int = 0
    scored_units: int = 0

    def to_dict(self) -> dict:
        return {"method": self.method, "chosen": self.chosen, "resamples": self.resamples,
                "scored_units": self.scored_units,
                "curve": [{"k": k, "stability": s, "silhouette": h}
                          for k, s, h in zip(self.candidates, self.stability, self.silhouette)]}


def candidate_ks(n_units: int, k_min: int = 2, k_max: int = 30) -> list[int]:
    """Every k from k_min up to k_max, and no more than a quarter of the units."""
    hi = max(k_min, min(k_max, n_units // 4))
    return list(range(k_min, hi + 1))


def select_k(matrix, cluster: Clusterer, candidates: list[int], random_state: int = 0,
             resamples: int = 5, tie: float = 0.01, n_init: int = 3) -> KSelection:
    """The most stable k of `candidates` over `matrix` (rows: units)."""
    rng = np.random.RandomState(random_state)
    n = matrix.shape[0]
    if n > MAX_SCORED_UNITS:
        matrix = matrix[np.sort(rng.choice(n, MAX_SCORED_UNITS, replace=False))]
        n = MAX_SCORED_UNITS
    candidates = [k for k in candidates if 2 <= k < n]
    if not candidates:
        return KSelection("stability", max(1, min(n, 1)), [], [], [], 0, n)
    subsets = [np.sort(rng.choice(n, int(SUBSAMPLE * n), replace=False)) for _ in range(resamples)]
    stability, silhouette = [], []
    for k in candidates:
        labels = cluster(matrix, k, random_state, n_init).labels_
        # one k-means++ start per resample: its own start is part of what must be stable
        scores = [adjusted_rand_score(labels, cluster(matrix[idx], k, random_state + r + 1, 1).predict(matrix))
                  for r, idx in enumerate(subsets)]
        stability.append(round(float(np.mean(scores)), 4))
        sil = (silhouette_score(matrix, labels, metric="cosine", sample_size=min(n, SILHOUETTE_SAMPLE),
                                random_state=random_state) if len(set(labels)) > 1 else 0.0)
        silhouette.append(round(float(sil), 4))
    best = max(stability)
    chosen = next(k for k, s in zip(candidates, stability) if s >= best - tie)
    return KSelection("stability", chosen, candidates, stability, silhouette, resamples, n)
