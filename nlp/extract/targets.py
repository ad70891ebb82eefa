"""Targets: the quantities a reader would put in a table of targets or results.

The steps live in their own modules: which quantities are targets (target_filters), their
status from the clause (target_status), what they count (target_subject); this module runs
them over an article and renders the table. Clause and token helpers are in clauses.py (and
re-exported here for the modules that took them from here).
"""

from __future__ import annotations

from ..model import Article, Quantity, Target
from . import genre as genre_mod
from .clauses import SpanIndex, Token, Tokens, clause_span, wide_clause
from .target_filters import is_target
from .target_status import local_prior, memoized_cues, status
from .target_subject import subject

__all__ = ["SpanIndex", "Token", "Tokens", "clause_span", "extract_targets", "is_target",
           "render_targets"]

_EVENT_UNITS = frozenset("次 场 期 轮 届 节 堂 趟 回 项 个 人次 场次 期次".split())
_PRE_COMPARATORS = {"至少": ">=", "不少于": ">=", "不得少于": ">=", "不低于": ">=", "最少": ">=",
                    "突破": ">=", "超过": ">=",
                    "不超过": "<=", "最多": "<=", "至多": "<=", "不高于": "<="}


def _comparator(text: str, q: Quantity, clause: tuple[int, int]) -> str:
    """The quantity's comparator, or one printed a verb earlier (至少选读一本书)."""
    if q.comparator != "=":
        return q.comparator
    head = text[max(clause[0], q.start - 6):q.start]
    for cue, comp in _PRE_COMPARATORS.items():
        i = head.rfind(cue)
        if i >= 0 and len(head) - (i + len(cue)) <= 3:
            return comp
    # 至少每季度组织演练一次: a bound opening the clause binds its count (no other number between)
    head = text[clause[0]:q.start]
    for cue in ("至少", "不少于", "不得少于", "不低于"):
        i = head.find(cue)
        if i >= 0 and not any(ch.isdigit() for ch in head[i:]):
            return ">="
    return q.comparator


def _part_prior(article: Article, label: str | None, parts: list[tuple[int, int]],
                start: int, pos: Tokens, leans: dict) -> str:
    """The status a target takes when its clause has no cue: the lean of the part it stands
    in. A plan (or a plan part of a review) leans forward unless its sentence looks back; a
    review leans back (its forward words are mostly purposes: 进一步规范…)."""
    text = article.text
    if label in ("plan", None):
        return local_prior(text, start, "goal", pos, leans)
    if any(lo <= start < hi for lo, hi in parts):
        return local_prior(text, start, "goal", pos, leans)
    if label == "mixed":
        return local_prior(text, start, "achieved", pos, leans)
    return "achieved"


def extract_targets(article: Article) -> list[Target]:
    """The quantities a reader would put in a table of targets or results."""
    text = article.text
    if not article.quantities:
        return []
    reason = genre_mod.not_a_plan(text, article.title)
    if reason is not None and reason.kind == "code":
        return []  # numbers in code are not anyone's targets
    pos = Tokens.of(text)
    # genre is classified after targets in the pipeline: ask its cue counter directly
    label = genre_mod.genre_from_cues(genre_mod.genre_cues(text, article.title))
    parts = genre_mod.plan_parts(text)
    quantity_starts = sorted(q.start for q in article.quantities)
    dates = SpanIndex(article.dates)
    cues_of = memoized_cues(pos)
    leans: dict[tuple[int, int], str | None] = {}
    decided: list[tuple[Quantity, tuple[int, int], str]] = []
    out: list[Target] = []
    for q in article.quantities:
        if not is_target(article, q, pos, dates):
            continue
        clause = clause_span(text, q.start, q.end)
        wide = wide_clause(text, q.start, q.end)
        prior = _part_prior(article, label, parts, q.start, pos, leans)
        st = status(text, q, wide, pos, prior, decided, quantity_starts, cues_of)
        decided.append((q, wide, st))
        out.append(Target(
            text=text[clause[0]:clause[1]], start=clause[0], end=clause[1],
            value=q.value, low=q.low, high=q.high, unit=q.unit,
            comparator=_comparator(text, q, clause), status=st,
            subject=subject(text, q, clause, pos, q.unit in _EVENT_UNITS),
        ))
    return out


# ----------------------------------------------------------------------------- rendering

def render_targets(article: Article) -> str:
    """A table of the article's targets, for `--format targets`."""
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
