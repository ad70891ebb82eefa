"""Plain-text views of one analyzed article: `analyze --format outline|calendar|targets`.

Extractors compute; this module only lays out what they filled. A view of a field the pipeline
has not filled is an error, never a silent recomputation.
"""

from __future__ import annotations

from .extract.schedule import every_label, month_label
from .model import Article


def _require(article: Article, field: str) -> None:
    if field not in article.filled:
        raise ValueError(f"{article.source} #{article.index}: {field} not filled; annotate the article first")


def render_outline(article: Article) -> str:
    """The indented outline of one article, for `--format outline`."""
    _require(article, "headings")
    return "\n".join("  " * (h.level - 1) + h.marker + h.text for h in article.headings)


def render_calendar(article: Article) -> str:
    """Month → activities of one article (grouped as the plan groups them), then recurring items."""
    _require(article, "schedule")
    items = article.schedule
    head = article.title or f"{article.source} #{article.index}"
    if article.year:
        head += f"（{article.year}年）"
    out = [head]
    groups: dict[str, list[str]] = {}
    order: list[tuple[int, int, str]] = []
    for it in items:
        if not it.months:
            continue
        label = month_label(it.months)
        if label not in groups:
            groups[label] = []
            order.append((it.months[0], len(it.months), label))
        groups[label].append(it.activity)
    for _first, _n, label in sorted(order):
        out.append(label)
        out.extend(f"  - {act}" for act in groups[label])
    rec: dict[str, list[str]] = {}
    for it in items:
        if not it.months:
            rec.setdefault(every_label(it.every), []).append(it.activity)
    if rec:
        out.append("定期")
        for label, acts in rec.items():
            out.append(f"  {label}")
            out.extend(f"    - {act}" for act in acts)
    if len(out) == 1:
        out.append("  (no dated activities)")
    return "\n".join(out)


def render_targets(article: Article) -> str:
    """A table of the article's targets, for `--format targets`."""
    _require(article, "targets")
    head = f"{article.source} #{article.index} {article.title}".strip()
    lines = [head, "-" * _width(head)]
    if not article.targets:
        lines.append("(no targets)")
        return "\n".join(lines) + "\n"
    rows = [("status", "amount", "unit", "cmp", "subject", "text")]
    for t in article.targets:
        if t.low is not None and t.high is not None:
            amount = f"{t.low:g}–{t.high:g}"
        elif t.value is not None:
            amount = f"{t.value:g}"
        else:
            amount = "?"
        rows.append((t.status, amount, t.unit or "-", t.comparator, t.subject or "-", t.text))
    widths = [max(_width(r[i]) for r in rows) for i in range(5)]
    for r in rows:
        cells = [r[i] + " " * (widths[i] - _width(r[i])) for i in range(5)]
        lines.append("  ".join(cells + [r[5]]))
    return "\n".join(lines) + "\n"


def _width(s: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)
