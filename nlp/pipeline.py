"""The one place that orders the extractors: from their declarations, checked at import.

Components (nlp.extract.components) declare what they require and assign; the order is a
topological sort of those declarations, ties kept in registration order, so adding a component
never needs a hand-kept list.
"""

from __future__ import annotations

from collections.abc import Iterable

from .extract import components as _registered  # noqa: F401  (registers the extractors)
from .ingest.script import annotate_printed, needs_match_view
from .model import Article
from .registry import COMPONENTS, INPUT_FIELDS, Component


class PipelineError(ValueError):
    """The declared components cannot be ordered, or a run asks for an impossible subset."""


def order_components(components: Iterable[Component], given: frozenset[str] = INPUT_FIELDS) -> tuple[Component, ...]:
    """Components in an order where each runs after whatever assigns what it requires."""
    pending = list(components)
    assigned_by: dict[str, str] = {}
    for c in pending:
        for field in c.assigns:
            if field in assigned_by and field not in given:
                raise PipelineError(f"{field!r} is assigned by both {assigned_by[field]!r} and {c.name!r}")
            assigned_by.setdefault(field, c.name)
    for c in pending:
        missing = [f for f in c.requires if f not in given and f not in assigned_by]
        if missing:
            raise PipelineError(f"component {c.name!r} requires {', '.join(missing)}, which no component assigns")
    ordered: list[Component] = []
    available = set(given)
    while pending:
        ready = next((c for c in pending
                      if all(f in available or assigned_by.get(f) in (None, c.name) for f in c.requires)), None)
        if ready is None:
            raise PipelineError("components require each other in a cycle: "
                                + ", ".join(c.name for c in pending))
        pending.remove(ready)
        ordered.append(ready)
        available.update(ready.assigns)
    return tuple(ordered)


PIPELINE: tuple[Component, ...] = order_components(COMPONENTS.values())


def annotate(article: Article, disable: Iterable[str] = ()) -> Article:
    """Run every component (but those in `disable`) over a split, normalized article, in order."""
    skipped = frozenset(disable)
    if needs_match_view(article):  # traditional script: match in simplified, report as printed
        return annotate_printed(article, lambda view: _run(view, skipped))
    return _run(article, skipped)


def _run(article: Article, skipped: frozenset[str]) -> Article:
    unknown = skipped - {c.name for c in PIPELINE}
    if unknown:
        raise PipelineError(f"no component named {', '.join(sorted(unknown))}")
    dropped = {f for c in PIPELINE if c.name in skipped for f in c.assigns} - INPUT_FIELDS
    for c in PIPELINE:
        if c.name in skipped:
            continue
        needs = dropped.intersection(c.requires)
        if needs:
            raise PipelineError(f"component {c.name!r} requires {', '.join(sorted(needs))}; "
                                f"disable it too or keep what fills it")
        c(article)
        article.filled = article.filled | set(c.assigns)
    return article
