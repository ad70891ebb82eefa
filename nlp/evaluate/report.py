"""Plain-text tables of an evaluation result: article split, then P/R/F1 and accuracies per part."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only for annotations: the result types import this module
    from . import EvalResult, SourceScore

PART_TABLES = (
    ("headings", "HEADINGS", ("level", "theme")),
    ("dates", "DATES", ("kind", "year", "months", "day", "every", "all")),
    ("targets", "TARGETS", ("unit", "comparator", "status", "all")),
)
SOURCE_WIDTH = 30  # longer source names are shortened with …
NOTES = (
    "pred = items in matched articles + items in unmatched pred articles (the latter only in p_strict).",
    "miss = misses in matched articles + items of unmatched gold articles (both in R).",
    "Accuracies are over matched pairs; 'all' = every field right.",
)


def _figure(value: float | None, width: int = 5) -> str:
    """A ratio with three decimals, '-' when undefined."""
    return ("-" if value is None else f"{value:.3f}").rjust(width)


def _short(name: str) -> str:
    """A source name cut to the table's column width."""
    return name if len(name) <= SOURCE_WIDTH else name[: SOURCE_WIDTH - 1] + "…"


def _rows(result: EvalResult) -> list[tuple[str, SourceScore]]:
    """Per-source rows, then the total."""
    return [*result.sources.items(), ("TOTAL", result.total)]


def _article_table(rows: list[tuple[str, SourceScore]], width: int) -> list[str]:
    """The article split table."""
    lines = ["ARTICLES", "source".ljust(width) + "   gold  pred match     P     R    F1 | genre   org"]
    for name, score in rows:
        a = score.articles.to_dict()
        lines.append(
            f"{_short(name).ljust(width)}  {a['gold']:5d} {a['pred']:5d} {a['matched']:5d} "
            f"{_figure(a['p'])} {_figure(a['r'])} {_figure(a['f1'])} | "
            f"{_figure(a['genre_acc'])} {_figure(a['org_type_acc'])}"
        )
    return lines


def _part_table(rows: list[tuple[str, SourceScore]], width: int, part: str, title: str,
                fields: tuple[str, ...]) -> list[str]:
    """The P/R/F1 and field-accuracy table of one part."""
    header = " ".join(f[:5].rjust(5) for f in fields)
    lines = [
        f"{title} (P over matched articles; R also counts items of unmatched gold articles)",
        "source".ljust(width) + f"   gold    pred+un    tp   miss+un     P     R    F1 | {header}",
    ]
    for name, score in rows:
        s: dict[str, Any] = score.parts[part].to_dict()
        pred = f"{s['pred'] - s['fp_unmatched']}+{s['fp_unmatched']}"
        miss = f"{s['fn']}+{s['fn_unmatched']}"
        accuracies = " ".join(_figure(s["acc"].get(f)) for f in fields)
        lines.append(
            f"{_short(name).ljust(width)}  {s['gold']:5d} {pred:>10} {s['tp']:5d} {miss:>9} "
            f"{_figure(s['p'])} {_figure(s['r'])} {_figure(s['f1'])} | {accuracies}"
        )
    return lines


def _error_lines(result: EvalResult) -> list[str]:
    """Item-level misses and false alarms of every matched article pair."""
    lines = []
    for name, score in result.sources.items():
        lines.append(f"== {name}: article pairs (gold->pred) {score.article_pairs}")
        for err in score.errors:
            item = json.dumps(dict(err.item), ensure_ascii=False)
            lines.append(f"  {err.part} art{err.gold_article} {err.kind.upper():5} {item}")
    return lines


def format_report(result: EvalResult, verbose: bool = False) -> str:
    """The evaluation tables as text; `verbose` adds every missed and false item."""
    rows = _rows(result)
    width = max([len("source"), 5, *(len(_short(name)) for name, _ in rows)])
    files = f"{result.gold_files} gold files, {len(result.sources)} sources"
    lines = [f"pred: {result.pred_path}   ({files})" if result.pred_path else files, ""]
    lines += _article_table(rows, width)
    for part, title, fields in PART_TABLES:
        lines += ["", *_part_table(rows, width, part, title, fields)]
    lines += ["", *NOTES]
    if result.warnings:
        lines += ["", *(f"warning: {w}" for w in result.warnings)]
    if verbose:
        lines += ["", *_error_lines(result)]
    return "\n".join(lines) + "\n"
