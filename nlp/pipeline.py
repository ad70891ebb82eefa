"""The one place that knows the order in which extractors run over an Article."""

from __future__ import annotations

from .extract import dates, genre, outline, quantities, targets, tasks
from .extract.placeholders import placeholder_flags
from .ingest.script import annotate_printed, needs_match_view
from .model import Article


def annotate(article: Article) -> Article:
    """Run every extractor over a split, normalized article, in dependency order."""
    if needs_match_view(article):  # traditional script: match in simplified, report as printed
        return annotate_printed(article, _annotate)
    return _annotate(article)


def _annotate(article: Article) -> Article:
    a = article
    a.headings = tuple(outline.extract_headings(a))
    a.sections = outline.build_sections(a)
    a.dates = tuple(dates.extract_dates(a))
    a.year = dates.resolve_year(a)
    a.quantities = tuple(quantities.extract_quantities(a))
    a.targets = tuple(targets.extract_targets(a))
    a.tasks = tuple(tasks.extract_tasks(a))
    a.schedule = tuple(dates.build_schedule(a))
    a.genre, genre_cues = genre.classify_genre(a)
    a.org_type, org_cues = genre.classify_org_type(a)
    a.explain = {**a.explain, "genre_cues": genre_cues, "org_type_cues": org_cues}
    a.flags = tuple(sorted(
        (*a.flags, *placeholder_flags(a.text), *outline.outline_flags(a)),
        key=lambda f: (f.start, f.end, f.kind),
    ))
    return a

