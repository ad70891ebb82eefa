"""Evaluation against the gold set: P/R/F1 per part, field accuracies, article split.

`evaluate(gold_dirs, pred_path)` scores an `analyze --format jsonl` file with the matching rules
documented in the header of ../shared/eval/score.py (the reference scorer): articles are aligned
per source, then headings, dates and targets within each matched article pair. Items of unmatched
gold articles are pooled as misses; items of unmatched predicted articles are counted apart
(`fp_unmatched`, only in `p_strict`). Beyond the reference it reports org_type accuracy.
"""

from __future__ import annotations

import fnmatch
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .gold import GoldSource, group_predictions, load_gold, load_predictions
from .matching import (
    DEFAULT_SLACK,
    PART_RULES,
    PartRule,
    Record,
    align,
    article_similarity,
    as_label,
    list_items,
    part_pairs,
)
from .report import format_report

__all__ = [
    "ArticleScore", "EvalResult", "ItemError", "PartScore", "SourceScore",
    "evaluate", "evaluate_records", "format_report", "precision_recall_f1", "score_sources",
]

log = logging.getLogger(__name__)

PART_NAMES = tuple(rule.name for rule in PART_RULES)


def precision_recall_f1(tp: int, fp: int, fn: int) -> tuple[float | None, float | None, float]:
    """P, R, F1; all 1.0 when there was nothing to find and nothing was found, None when undefined."""
    if tp + fp == 0 and tp + fn == 0:
        return 1.0, 1.0, 1.0
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    return p, r, (2 * p * r / (p + r) if p and r else 0.0)


def _ratio(counts: Sequence[int]) -> float | None:
    """correct / total, None when nothing was counted."""
    correct, total = counts
    return correct / total if total else None


@dataclass
class PartScore:
    """Counts of one part (headings, dates or targets) and its field checks."""

    gold: int = 0
    pred: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    fn_unmatched: int = 0  # gold items of gold articles no pred article matched
    fp_unmatched: int = 0  # pred items of pred articles no gold article matched
    checks: dict[str, list[int]] = field(default_factory=dict)  # field -> [correct, total]

    def add_pairs(self, rule: PartRule, gold: list[Record], pred: list[Record]) -> list[tuple[int, int]]:
        """Align the items of one matched article pair, count them and check matched fields."""
        pairs = part_pairs(rule, gold, pred)
        self.gold += len(gold)
        self.pred += len(pred)
        self.tp += len(pairs)
        self.fp += len(pred) - len(pairs)
        self.fn += len(gold) - len(pairs)
        for i, j in pairs:
            for name, ok in rule.fields(gold[i], pred[j]).items():
                counts = self.checks.setdefault(name, [0, 0])
                counts[0] += ok
                counts[1] += 1
        return pairs

    def add_unmatched(self, gold: int = 0, pred: int = 0) -> None:
        """Count the items of an unmatched gold article (misses) or pred article (apart)."""
        self.gold += gold
        self.fn_unmatched += gold
        self.pred += pred
        self.fp_unmatched += pred

    def merge(self, other: PartScore) -> None:
        """Add another score's counts into this one."""
        for name in ("gold", "pred", "tp", "fp", "fn", "fn_unmatched", "fp_unmatched"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name, (correct, total) in other.checks.items():
            counts = self.checks.setdefault(name, [0, 0])
            counts[0] += correct
            counts[1] += total

    def accuracy(self) -> dict[str, float | None]:
        """Share of matched pairs with each field right."""
        return {name: _ratio(counts) for name, counts in self.checks.items()}

    def to_dict(self) -> dict[str, Any]:
        """Counts, headline P/R/F1 (R pools unmatched gold), strict/matched variants, accuracies."""
        p, r, f1 = precision_recall_f1(self.tp, self.fp, self.fn + self.fn_unmatched)
        p_strict, _, f1_strict = precision_recall_f1(self.tp, self.fp + self.fp_unmatched, self.fn + self.fn_unmatched)
        _, r_matched, f1_matched = precision_recall_f1(self.tp, self.fp, self.fn)
        return {
            "gold": self.gold, "pred": self.pred, "tp": self.tp, "fp": self.fp, "fn": self.fn,
            "fn_unmatched": self.fn_unmatched, "fp_unmatched": self.fp_unmatched,
            "p": p, "r": r, "f1": f1, "p_strict": p_strict, "f1_strict": f1_strict,
            "r_matched": r_matched, "f1_matched": f1_matched,
            "acc": self.accuracy(),
            "acc_n": {name: total for name, (_, total) in self.checks.items()},
        }


@dataclass
class ArticleScore:
    """Article split counts and article-level label accuracies over matched pairs."""

    gold: int = 0
    pred: int = 0
    matched: int = 0
    genre: list[int] = field(default_factory=lambda: [0, 0])  # [correct, total]
    org_type: list[int] = field(default_factory=lambda: [0, 0])

    def check_labels(self, gold: Record, pred: Record) -> None:
        """Compare genre and org_type of a matched pair (when gold has one and pred has the key)."""
        for name, counts in (("genre", self.genre), ("org_type", self.org_type)):
            if gold.get(name) is not None and name in pred:
                counts[0] += as_label(gold.get(name)) == as_label(pred.get(name))
                counts[1] += 1

    def merge(self, other: ArticleScore) -> None:
        """Add another score's counts into this one."""
        self.gold += other.gold
        self.pred += other.pred
        self.matched += other.matched
        for mine, theirs in ((self.genre, other.genre), (self.org_type, other.org_type)):
            mine[0] += theirs[0]
            mine[1] += theirs[1]

    def to_dict(self) -> dict[str, Any]:
        """Counts, P/R/F1 of the split, genre and org_type accuracy."""
        p, r, f1 = precision_recall_f1(self.matched, self.pred - self.matched, self.gold - self.matched)
        return {
            "gold": self.gold, "pred": self.pred, "matched": self.matched, "p": p, "r": r, "f1": f1,
            "genre_acc": _ratio(self.genre), "genre_n": self.genre[1],
            "org_type_acc": _ratio(self.org_type), "org_type_n": self.org_type[1],
        }


@dataclass(frozen=True)
class ItemError:
    """One missed gold item ('miss') or unmatched pred item ('false') of a matched article pair."""

    part: str
    gold_article: int
    pred_article: int
    kind: str  # miss | false
    item: Mapping[str, Any]


@dataclass
class SourceScore:
    """Scores of one source (or the total over all sources)."""

    articles: ArticleScore = field(default_factory=ArticleScore)
    parts: dict[str, PartScore] = field(default_factory=lambda: {name: PartScore() for name in PART_NAMES})
    article_pairs: list[tuple[int, int]] = field(default_factory=list)
    errors: list[ItemError] = field(default_factory=list)

    def merge(self, other: SourceScore) -> None:
        """Add another source's counts into this one (pairs and item errors stay per source)."""
        self.articles.merge(other.articles)
        for name, part in self.parts.items():
            part.merge(other.parts[name])

    def to_dict(self) -> dict[str, Any]:
        """{"articles": {...}, "headings": {...}, "dates": {...}, "targets": {...}}."""
        out: dict[str, Any] = {"articles": self.articles.to_dict()}
        out.update((name, part.to_dict()) for name, part in self.parts.items())
        return out


@dataclass
class EvalResult:
    """Per-source and total scores of one prediction set against the gold."""

    sources: dict[str, SourceScore]
    total: SourceScore
    gold_files: int
    warnings: list[str] = field(default_factory=list)
    pred_path: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Totals per part (as the reference scorer's --json) plus per_source and warnings."""
        out: dict[str, Any] = {"sources": len(self.sources), "gold_files": self.gold_files}
        out.update(self.total.to_dict())
        out["per_source"] = {src: score.to_dict() for src, score in self.sources.items()}
        out["warnings"] = list(self.warnings)
        return out


def score_source(gold: list[Record], pred: list[Record], slack: int = DEFAULT_SLACK) -> SourceScore:
    """Align the articles of one source, then score every part within the matched pairs."""
    score = SourceScore()
    score.articles.gold, score.articles.pred = len(gold), len(pred)
    pairs = align(len(gold), len(pred), lambda i, j: article_similarity(gold[i], pred[j], slack))
    score.article_pairs = pairs
    score.articles.matched = len(pairs)
    for i, j in pairs:
        score.articles.check_labels(gold[i], pred[j])
    matched_gold = {i for i, _ in pairs}
    matched_pred = {j for _, j in pairs}
    for rule in PART_RULES:
        part = score.parts[rule.name]
        for i, j in pairs:
            if _not_annotated(gold[i], rule.name):
                continue
            gold_items, pred_items = list_items(gold[i].get(rule.name)), list_items(pred[j].get(rule.name))
            found = part.add_pairs(rule, gold_items, pred_items)
            score.errors.extend(_item_errors(rule.name, i, j, gold_items, pred_items, found))
        for i, article in enumerate(gold):
            if i not in matched_gold and not _not_annotated(article, rule.name):
                part.add_unmatched(gold=len(list_items(article.get(rule.name))))
        for j, article in enumerate(pred):
            if j not in matched_pred:
                part.add_unmatched(pred=len(list_items(article.get(rule.name))))
    return score


def _not_annotated(gold_article: Record, part: str) -> bool:
    """The gold sets this part to null: it was not annotated for this article."""
    return part in gold_article and gold_article[part] is None


def _item_errors(part: str, i: int, j: int, gold: list[Record], pred: list[Record],
                 pairs: list[tuple[int, int]]) -> list[ItemError]:
    """The misses and false alarms left by one part alignment."""
    found_gold = {a for a, _ in pairs}
    found_pred = {b for _, b in pairs}
    errors = [ItemError(part, i, j, "miss", g) for a, g in enumerate(gold) if a not in found_gold]
    errors += [ItemError(part, i, j, "false", p) for b, p in enumerate(pred) if b not in found_pred]
    return errors


def score_sources(gold: Mapping[str, GoldSource], pred: Mapping[str, list[Record]], *,
                  slack: int = DEFAULT_SLACK, only: str | None = None,
                  warnings: list[str] | None = None) -> EvalResult:
    """Score grouped predictions against loaded gold; `only` is an fnmatch glob on source names."""
    warnings = [] if warnings is None else warnings

    def warn(message: str) -> None:
        warnings.append(message)
        log.warning("%s", message)

    selected = [src for src in gold if only is None or fnmatch.fnmatch(src, only)]
    if not selected:
        warn("no gold sources to score")
    unscored = sorted(src for src in pred if src not in gold)
    if unscored and only is None:
        warn("predictions with no gold (ignored): " + ", ".join(unscored))
    total = SourceScore()
    per_source: dict[str, SourceScore] = {}
    for src in selected:
        articles = pred.get(src, [])
        if not articles:
            warn(f"no predictions for {src}")
        per_source[src] = score_source(gold[src].articles, articles, slack)
        total.merge(per_source[src])
    return EvalResult(per_source, total, sum(len(gold[src].files) for src in selected), warnings)


def evaluate(gold_dirs: list[Path], pred_path: Path, *, slack: int = DEFAULT_SLACK,
             only: str | None = None) -> EvalResult:
    """Score an `analyze --format jsonl` file against the gold files under `gold_dirs`."""
    warnings: list[str] = []
    gold = load_gold(gold_dirs, warnings.append)
    pred = load_predictions(Path(pred_path), warnings.append)
    for message in warnings:
        log.warning("%s", message)
    result = score_sources(gold, pred, slack=slack, only=only, warnings=warnings)
    result.pred_path = str(pred_path)
    return result


def evaluate_records(gold_dirs: list[Path], records: Iterable[Mapping[str, Any]], *,
                     slack: int = DEFAULT_SLACK, only: str | None = None) -> EvalResult:
    """Score in-memory predictions (e.g. `Article.to_dict()` of analyzed gold sources)."""
    warnings: list[str] = []
    gold = load_gold(gold_dirs, warnings.append)
    pred = group_predictions(enumerate(records, 1), warnings.append)
    for message in warnings:
        log.warning("%s", message)
    return score_sources(gold, pred, slack=slack, only=only, warnings=warnings)

