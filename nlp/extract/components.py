"""The extractors registered as pipeline components, each with what it reads and what it fills.

Each one only adapts an extractor's return value to the Article; the extraction lives in its module.
"""

from __future__ import annotations

from ..model import Article
from ..registry import component
from . import dates, genre, outline, quantities, targets, tasks
from .placeholders import placeholder_flags


@component("outline", requires=("text", "line_marks"), assigns=("headings", "sections"))
def outline_component(a: Article) -> None:
    a.headings = tuple(outline.extract_headings(a))
    a.sections = outline.build_sections(a)


@component("dates", requires=("text", "title", "headings"), assigns=("dates",))
def dates_component(a: Article) -> None:
    a.dates = tuple(dates.extract_dates(a))


@component("year", requires=("dates",), assigns=("year",))
def year_component(a: Article) -> None:
    a.year = dates.resolve_year(a)


@component("quantities", requires=("text",), assigns=("quantities",))
def quantities_component(a: Article) -> None:
    a.quantities = tuple(quantities.extract_quantities(a))


@component("targets", requires=("text", "title", "dates", "quantities"), assigns=("targets",))
def targets_component(a: Article) -> None:
    a.targets = tuple(targets.extract_targets(a))


@component("tasks", requires=("headings", "sections", "dates", "targets"), assigns=("tasks",))
def tasks_component(a: Article) -> None:
    a.tasks = tuple(tasks.extract_tasks(a))


@component("schedule", requires=("title", "headings", "dates", "year", "tasks"), assigns=("schedule",))
def schedule_component(a: Article) -> None:
    a.schedule = tuple(dates.build_schedule(a))


@component("genre", requires=("text", "title"), assigns=("genre", "org_type", "explain"))
def genre_component(a: Article) -> None:
    a.genre, genre_cues = genre.classify_genre(a)
    a.org_type, org_cues = genre.classify_org_type(a)
    a.explain = {**a.explain, "genre_cues": genre_cues, "org_type_cues": org_cues}


@component("flags", requires=("text", "headings", "flags"), assigns=("flags",))
def flags_component(a: Article) -> None:
    a.flags = tuple(sorted(
        (*a.flags, *placeholder_flags(a.text), *outline.outline_flags(a)),
        key=lambda f: (f.start, f.end, f.kind),
    ))
