"""ThemeModel: level-1 sections of an archive clustered into themes, named from a taxonomy.

fit(units):
  1. near-duplicate articles are grouped; only the first of each group is fitted on;
  2. units are embedded (TF-IDF by default) and each article's own common component is partly
     removed (its sections share its organisation's and its author's words, not a theme);
  3. with a taxonomy, each unit's cosine to every area's description is appended as features,
     so the areas guide the clusters without forcing them;
  4. k-means with k chosen by stability across resamples (or given);
  5. each cluster is named after the area its members lean to most, or, matching none, by its
     most distinctive terms and its most central heading.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import warnings

import numpy as np
from scipy import sparse
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.exceptions import ConvergenceWarning
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from .duplicates import duplicate_groups
from .embed import TfidfEmbedder
from .select_k import KSelection, candidate_ks, select_k
from .taxonomy import Taxonomy, load_taxonomy
from .units import ThemeUnit, theme_units

if TYPE_CHECKING:
    from ..model import Article

N_TERMS = 10
N_REPRESENTATIVES = 3
LABEL_TERMS = 3
# A cluster takes an area's name when this share of its members lean to that area most and
# their mean cosine to it is at least AREA_MIN_AFFINITY: below that the area is only the least
# bad of the names, not the cluster's theme.
AREA_MIN_SHARE = 0.35
AREA_MIN_AFFINITY = 0.05
SHARED_SHARE = 0.25  # share of an article's sections using a term for it to be that article's own


@dataclass
class Theme:
    """One theme: its name, terms, member sections and how they spread over the archive."""

    id: int
    label: str
    area: str | None
    terms: list[tuple[str, float]]
    members: list[ThemeUnit] = field(default_factory=list)
    size: int = 0
    share: float = 0.0
    representatives: list[ThemeUnit] = field(default_factory=list)
    by_year: dict[str, int] = field(default_factory=dict)
    by_org_type: dict[str, int] = field(default_factory=dict)
    by_genre: dict[str, int] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        """"area" when named after a taxonomy area, else "discovered"."""
        return "area" if self.area else "discovered"

    def to_dict(self) -> dict[str, Any]:
        def ref(u: ThemeUnit) -> dict[str, Any]:
            return {"source": u.source, "article": u.article, "heading": u.heading, "start": u.start, "end": u.end}

        return {"id": self.id, "label": self.label, "area": self.area, "kind": self.kind,
                "terms": [[t, w] for t, w in self.terms], "size": self.size, "share": self.share,
                "members": [ref(u) for u in self.members],
                "representatives": [ref(u) for u in self.representatives],
                "by_year": self.by_year, "by_org_type": self.by_org_type, "by_genre": self.by_genre}


def _diverse_terms(vocab: Sequence[str], lift: np.ndarray, n: int) -> list[tuple[str, float]]:
    """The `n` highest-lift terms, a term left out when it contains or is inside one already
    taken (劳动合同法 then not 学习劳动合同法): the list then says n things, not one n times."""
    terms: list[tuple[str, float]] = []
    for j in np.argsort(-lift, kind="stable")[:n * 6]:
        if lift[j] <= 0 or len(terms) == n:
            break
        term = str(vocab[j]).replace(" ", "")
        if not any(term in t or t in term for t, _ in terms):
            terms.append((term, round(float(lift[j]), 4)))
    return terms


def _counts(values: Sequence[Any]) -> dict[str, int]:
    counted = Counter("unknown" if v is None else str(v) for v in values)
    return dict(sorted(counted.items(), key=lambda kv: (-kv[1], kv[0])))


def _article_keys(units: Sequence[ThemeUnit]) -> list[tuple[str, int]]:
    return [(u.source, u.article) for u in units]


def center_within_articles(x, units: Sequence[ThemeUnit], strength: float, min_units: int = 3):
    """Rows minus `strength` × their article's mean row over the terms that two or more (and a
    quarter or more) of the article's sections use (articles of at least `min_units` sections),
    L2-normalised again:
    what the sections of one plan share is that plan, not a theme. Keeping only shared terms
    keeps the rows sparse however long the article."""
    if not strength:
        return x
    article_of: dict[tuple[str, int], int] = {}
    rows = [article_of.setdefault(key, len(article_of)) for key in _article_keys(units)]
    n = len(rows)
    member = sparse.csr_matrix((np.ones(n), (np.arange(n), rows)), shape=(n, len(article_of)))
    sizes = np.asarray(member.sum(axis=0)).ravel()
    if not (sizes >= min_units).any():
        return x
    dense = not sparse.issparse(x)
    xs = sparse.csr_matrix(x)
    totals = member.T @ xs  # articles × terms: summed rows
    if dense:
        mean = sparse.diags(np.where(sizes >= min_units, strength / sizes, 0.0)) @ totals
    else:
        # terms used by two sections or a quarter of them, whichever is more (a long article's
        # every word is used twice somewhere: only its pervasive words are that article's own)
        need = np.maximum(2, np.ceil(SHARED_SHARE * sizes))
        shared = (sparse.diags(1 / need) @ (member.T @ (xs > 0).astype(np.float64))) >= 1
        mean = sparse.diags(np.where(sizes >= min_units, strength / sizes, 0.0)) @ totals.multiply(shared)
    centered = xs - member @ sparse.csr_matrix(mean)
    return normalize(centered.toarray() if dense else centered.tocsr())


class ThemeModel:
    """Themes of an archive's level-1 sections (scikit-learn style: parameters here, `fit` learns).

    n_themes: "auto" (chosen by stability across resamples, see select_k) or a number.
    embedder: "tfidf" (default), "transformers" (needs `model`, a local model directory), or an
        object with fit/transform/embed_texts.
    taxonomy: "default" (the shipped areas), a path to a TOML file, a Taxonomy, or None.
    taxonomy_weight: weight of the area affinities beside the text representation.
    article_centering: share of an article's mean representation removed from its sections.
    dedupe: group near-duplicate articles and fit on one of each group.
    n_components: dimensions a sparse representation is reduced to (truncated SVD) before
        clustering; None keeps it whole.
    """

    def __init__(self, n_themes: int | str = "auto", embedder: Any = "tfidf",
                 taxonomy: Taxonomy | str | Path | None = "default", random_state: int = 0,
                 model: str | Path | None = None, taxonomy_weight: float = 1.0,
                 article_centering: float = 0.5, dedupe: bool = True, k_min: int = 2, k_max: int = 30,
                 resamples: int = 3, n_init: int = 3, n_components: int | None = 100, batch_size: int = 16):
        self.n_themes = n_themes
        self.embedder = embedder
        self.taxonomy = taxonomy
        self.random_state = random_state
        self.model = model
        self.taxonomy_weight = taxonomy_weight
        self.article_centering = article_centering
        self.dedupe = dedupe
        self.k_min = k_min
        self.k_max = k_max
        self.resamples = resamples
        self.n_init = n_init
        self.n_components = n_components
        self.batch_size = batch_size

    # ------------------------------------------------------------------ building blocks
    def _make_embedder(self) -> Any:
        if not isinstance(self.embedder, str):
            return self.embedder
        if self.embedder == "tfidf":
            return TfidfEmbedder()
        if self.embedder == "transformers":
            if self.model is None:
                raise ValueError("embedder='transformers' needs model=<local model directory>")
            from .transformer_embed import TransformersEmbedder  # torch loads only here

            return TransformersEmbedder(self.model, batch_size=self.batch_size)
        raise ValueError(f"unknown embedder {self.embedder!r}: use 'tfidf', 'transformers' or an object")

    def _resolve_taxonomy(self) -> Taxonomy | None:
        if self.taxonomy is None or isinstance(self.taxonomy, Taxonomy):
            return self.taxonomy
        if isinstance(self.taxonomy, str) and self.taxonomy in ("default", ""):
            return load_taxonomy()
        if isinstance(self.taxonomy, str) and self.taxonomy.lower() == "none":
            return None
        return load_taxonomy(self.taxonomy)

    def _cluster(self, matrix, k: int, seed: int, n_init: int | None = None) -> KMeans:
        return KMeans(n_clusters=k, n_init=n_init or self.n_init, random_state=seed).fit(matrix)

    def _represent(self, units: Sequence[ThemeUnit], raw=None):
        """(features for clustering, raw embedding, area affinities or None); `raw` is the
        embedder's rows for `units` when already computed."""
        if raw is None:
            raw = self.embedder_.transform(units)
        centered = center_within_articles(raw, units, self.article_centering)
        if self.svd_ is not None:
            # a few hundred dense dimensions: k-means over them is 50x faster than over the
            # sparse vocabulary, and the k selection runs it hundreds of times
            centered = normalize(self.svd_.transform(centered))
        if self.areas_ is None:
            return centered, raw, None
        affinity = raw @ self.areas_.T
        affinity = affinity.toarray() if sparse.issparse(affinity) else np.asarray(affinity)
        extra = self.taxonomy_weight * normalize(np.clip(affinity, 0, None))
        if sparse.issparse(centered):
            features = sparse.hstack([centered, sparse.csr_matrix(extra)]).tocsr()
        else:
            features = np.hstack([centered, extra])
        return features, raw, affinity

    # ------------------------------------------------------------------ estimator API
    def fit(self, units: Sequence[ThemeUnit]) -> "ThemeModel":
        """Learn the themes of `units` (level-1 sections, see theme_units)."""
        # One thread: k-means over a few hundred rows is run hundreds of times by the k selection,
        # and OpenMP's thread start and spin-waits cost more than the work (4x on a busy machine).
        with threadpool_limits(limits=1), warnings.catch_warnings():
            # the k selection tries more clusters than a small archive has distinct sections
            warnings.simplefilter("ignore", ConvergenceWarning)
            return self._fit(list(units))

    def _fit(self, units: list[ThemeUnit]) -> "ThemeModel":
        if not units:
            raise ValueError("no sections to find themes in")
        self.units_ = units
        self.taxonomy_ = self._resolve_taxonomy()
        self.duplicates_ = self._find_duplicates(units) if self.dedupe else []
        dropped = {key for group in self.duplicates_ for key in group[1:]}
        fit_idx = [i for i, key in enumerate(_article_keys(units)) if key not in dropped]
        fit_units = [units[i] for i in fit_idx]

        self.embedder_ = self._make_embedder().fit(fit_units)
        raw_all = self.embedder_.transform(units)  # embedded once: the slowest step on large archives
        raw_fit = raw_all[fit_idx]
        self.term_embedder_ = self.embedder_ if isinstance(self.embedder_, TfidfEmbedder) else TfidfEmbedder().fit(fit_units)
        self.areas_ = None
        if self.taxonomy_ is not None:
            areas = self.embedder_.embed_texts([a.description for a in self.taxonomy_.areas])
            self.areas_ = areas.toarray() if sparse.issparse(areas) else np.asarray(areas)

        self.svd_ = None
        if self.n_components and sparse.issparse(raw_fit):
            n_comp = min(self.n_components, raw_fit.shape[1] - 1, len(fit_units) - 1)
            if n_comp >= 2:
                self.svd_ = TruncatedSVD(n_comp, random_state=self.random_state).fit(
                    center_within_articles(raw_fit, fit_units, self.article_centering))
        features, _, _ = self._represent(fit_units, raw_fit)
        if self.n_themes == "auto":
            self.k_selection_ = select_k(features, self._cluster, candidate_ks(len(fit_units), self.k_min, self.k_max),
                                         self.random_state, self.resamples, n_init=self.n_init)
            k = self.k_selection_.chosen
        else:
            k = max(1, min(int(self.n_themes), len(fit_units)))
            self.k_selection_ = KSelection("fixed", k)
        self.kmeans_ = self._cluster(features, k, self.random_state)

        all_features, raw, affinity = self._represent(units, raw_all)
        labels = self.kmeans_.predict(all_features)
        labels[fit_idx] = self.kmeans_.labels_
        self.labels_ = self._renumber(labels)
        self.embedding_ = all_features
        self._describe(units, raw, affinity, all_features)
        return self

    def _find_duplicates(self, units: Sequence[ThemeUnit]) -> list[list[tuple[str, int]]]:
        texts: dict[tuple[str, int], list[str]] = {}
        for u in units:
            texts.setdefault((u.source, u.article), []).append(u.text)
        keys = list(texts)
        groups = duplicate_groups(["\n".join(texts[k]) for k in keys], random_state=self.random_state)
        return [[keys[i] for i in g] for g in groups]

    def _renumber(self, labels: np.ndarray) -> np.ndarray:
        """Theme ids by decreasing size (ties: first unit first), so id 0 is the largest theme."""
        sizes = Counter(labels.tolist())
        first = {}
        for i, lab in enumerate(labels.tolist()):
            first.setdefault(lab, i)
        order = sorted(sizes, key=lambda lab: (-sizes[lab], first[lab]))
        self._id_of = {lab: new for new, lab in enumerate(order)}
        return np.array([self._id_of[lab] for lab in labels.tolist()], dtype=int)

    def transform(self, units: Sequence[ThemeUnit]) -> np.ndarray:
        """The theme id of each of `units` (sections seen or new)."""
        if not units:
            return np.array([], dtype=int)
        features, _, _ = self._represent(list(units))
        return np.array([self._id_of[lab] for lab in self.kmeans_.predict(features).tolist()], dtype=int)

    def fit_transform(self, units: Sequence[ThemeUnit]) -> np.ndarray:
        return self.fit(units).labels_

    # ------------------------------------------------------------------ description
    def _describe(self, units: list[ThemeUnit], raw, affinity, features) -> None:
        terms_matrix = raw if self.term_embedder_ is self.embedder_ else self.term_embedder_.transform(units)
        vocab = self.term_embedder_.vocabulary_
        overall = np.asarray(terms_matrix.mean(axis=0)).ravel()
        features = features.toarray() if sparse.issparse(features) else np.asarray(features)
        n = len(units)
        themes: list[Theme] = []
        self.terms_ = []
        used_area: Counter = Counter()
        for tid in range(int(self.labels_.max()) + 1):
            idx = np.flatnonzero(self.labels_ == tid)
            members = [units[i] for i in idx]
            # c-TF-IDF style: what this theme's sections say more than the archive's average
            lift = np.asarray(terms_matrix[idx].mean(axis=0)).ravel() - overall
            terms = _diverse_terms(vocab, lift, N_TERMS)
            self.terms_.append(terms)
            centroid = features[idx].mean(axis=0)
            closeness = features[idx] @ centroid
            central = [members[i] for i in np.argsort(-closeness, kind="stable")[:N_REPRESENTATIVES]]
            area = self._area_of(affinity[idx] if affinity is not None else None)
            label = area if area else self._discovered_label(terms, central)
            if area:
                used_area[area] += 1
                # a second theme of one area is told apart by its first term the name lacks
                extra = next((t for t, _ in terms if t not in area and area not in t), None)
                if used_area[area] > 1 and extra:
                    label = f"{area}·{extra}"
            themes.append(Theme(tid, label, area, terms, members, len(members), round(len(members) / n, 4), central,
                                _counts([u.year for u in members]), _counts([u.org_type for u in members]),
                                _counts([u.genre for u in members])))
        self.themes_ = themes

    def _area_of(self, affinity: np.ndarray | None) -> str | None:
        if affinity is None or self.taxonomy_ is None or not len(affinity):
            return None
        mean = affinity.mean(axis=0)
        best = int(np.argmax(mean))
        share = float(np.mean(affinity.argmax(axis=1) == best))
        if share >= AREA_MIN_SHARE and mean[best] >= AREA_MIN_AFFINITY:
            return self.taxonomy_.areas[best].name
        return None

    @staticmethod
    def _discovered_label(terms: list[tuple[str, float]], central: list[ThemeUnit]) -> str:
        picked: list[str] = []
        for term, _ in terms:  # 管好 and 管好工会经费 say one thing: keep the first
            if not any(term in p or p in term for p in picked):
                picked.append(term)
        words = "、".join(picked[:LABEL_TERMS]) or "（无特征词）"
        heading = next((u.heading for u in central if u.heading), "")
        return f"{words}（{heading}）" if heading else words

    def to_dict(self) -> dict[str, Any]:
        """The issue's JSON shape: themes, duplicate groups, the k selection."""
        titles = {(u.source, u.article): u.title for u in self.units_}
        return {
            "themes": [t.to_dict() for t in self.themes_],
            "duplicates": [[{"source": s, "article": a, "title": titles.get((s, a), "")} for s, a in group]
                           for group in self.duplicates_],
            "k_selection": self.k_selection_.to_dict(),
            "params": {"n_themes": self.n_themes, "embedder": self.embedder if isinstance(self.embedder, str)
                       else type(self.embedder).__name__,
                       "taxonomy": None if self.taxonomy_ is None else self.taxonomy_.source,
                       "random_state": self.random_state},
            "units": len(self.units_),
        }


def fit_themes(articles: Sequence["Article"], **params: Any) -> ThemeModel:
    """A ThemeModel fitted on the level-1 sections of analyzed `articles`."""
    return ThemeModel(**params).fit(theme_units(articles))
