"""Scoring a theme assignment against gold theme labels of level-1 headings.

Gold articles are matched to analyzed articles and gold headings to level-1 headings with the
rules of the project's evaluation (nlp.evaluate.matching, the reference scorer's rules); each
matched unit then carries its gold label. The figures are those of the clustering literature:
purity, inverse purity and their harmonic mean F, NMI and ARI (scikit-learn).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..evaluate.gold import load_gold, source_name
from ..evaluate.matching import align, article_similarity, heading_similarity

if TYPE_CHECKING:
    from ..model import Article
    from .units import ThemeUnit


def gold_unit_labels(articles: Sequence["Article"], units: Sequence["ThemeUnit"],
                     gold_dirs: Iterable[Path]) -> list[str | None]:
    """The gold theme of each unit (None when its heading has no gold counterpart)."""
    gold = load_gold(list(map(Path, gold_dirs)), warn=lambda _msg: None)
    by_source: dict[str, list["Article"]] = {}
    for a in articles:
        by_source.setdefault(source_name(a.source), []).append(a)
    theme_at: dict[tuple[str, int, int], str] = {}  # (source, article, heading start) → theme
    for name, gsrc in gold.items():
        preds = by_source.get(name, [])
        precs = [{"title": a.title, "text": a.text} for a in preds]
        for gi, pj in align(len(gsrc.articles), len(preds),
                            lambda i, j: article_similarity(gsrc.articles[i], precs[j])):
            ghs = [h for h in gsrc.articles[gi].get("headings") or [] if h.get("level") == 1]
            art = preds[pj]
            phs = [h for h in art.headings if h.level == 1]
            prec = [{"marker": h.marker, "text": h.text} for h in phs]
            for hi, hj in align(len(ghs), len(phs), lambda i, j: heading_similarity(ghs[i], prec[j])):
                if ghs[hi].get("theme"):
                    theme_at[(art.source, art.index, phs[hj].start)] = str(ghs[hi]["theme"])
    return [theme_at.get((u.source, u.article, u.start)) if u.heading else None for u in units]


def purity(truth: Sequence[Any], pred: Sequence[Any]) -> float:
    """Share of items whose cluster's majority class is their own class."""
    if not truth:
        return 0.0
    best: dict[Any, Counter] = {}
    for t, p in zip(truth, pred):
        best.setdefault(p, Counter())[t] += 1
    return sum(c.most_common(1)[0][1] for c in best.values()) / len(truth)


def clustering_scores(truth: Sequence[Any], pred: Sequence[Any]) -> dict[str, float]:
    """Purity, inverse purity, their harmonic mean F, NMI and ARI of `pred` against `truth`."""
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    p, ip = purity(truth, pred), purity(pred, truth)
    return {
        "n": len(truth),
        "clusters": len(set(pred)),
        "classes": len(set(truth)),
        "purity": round(p, 4),
        "inverse_purity": round(ip, 4),
        "F": round(2 * p * ip / (p + ip), 4) if p + ip else 0.0,
        "NMI": round(float(normalized_mutual_info_score(truth, pred)), 4),
        "ARI": round(float(adjusted_rand_score(truth, pred)), 4),
    }


def score_labels(gold_labels: Sequence[str | None], labels: Sequence[Any] | np.ndarray) -> dict[str, float]:
    """`clustering_scores` over the units that have a gold label."""
    pairs = [(g, int(p) if isinstance(p, (np.integer, int)) else p)
             for g, p in zip(gold_labels, labels) if g is not None]
    return clustering_scores([g for g, _ in pairs], [p for _, p in pairs])
