"""The digest as data: one entry per article and the archive views, rendered elsewhere."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from ..model import Article
from .activities import activity_keys  # noqa: F401  (part of this module's surface)
from .archive import archive_calendar, duplicate_groups, heatmap, target_stats
from .labels import display_titles, genre_reason
from .model import ArchiveDigest, ArticleDigest, Digest, OutlineItem
from .rows import (PLACEHOLDER_YEAR, UNKNOWN, article_id, calendar_rows, duplicated_sentences,  # noqa: F401
                   flag_rows, loose_items, main_areas, target_rows, task_items, year_label)
from .summary import make_vectorizer, summarize_articles

TOP_ACTIVITIES = 20  # activities of the archive listed across the year


def article_digest(article: Article, summary: list[str], top: int) -> ArticleDigest:
    """The digest entry of one article."""
    calendar, recurring = calendar_rows(article)
    details = flag_rows([*article.flags, *duplicated_sentences(article)])
    return ArticleDigest(
        id=article_id(article), source=article.source, index=article.index, title=article.title,
        display_title=article.title,
        genre=article.genre, org_type=article.org_type, year=article.year, year_label=year_label(article),
        summary=summary, areas=main_areas(article) if article.genre != "other" else [],
        outline=[OutlineItem(h.level, h.marker, h.text) for h in article.headings],
        tasks=task_items(article, top), calendar=calendar, recurring=recurring,
        unscheduled=loose_items(article), targets=target_rows(article),
        flags={r.kind: r.count for r in details}, flag_details=details,
        genre_reason=genre_reason(article) if article.genre == "other" else None,
    )


def _counts(values: list[str]) -> dict[str, int]:
    return dict(sorted(Counter(values).items(), key=lambda kv: (-kv[1], kv[0])))


def _year_sort(label: str) -> tuple[int, str]:
    return (0, label) if label.isdigit() else (1, label)


def archive_themes(articles: Sequence[Article], params: Mapping[str, Any]) -> dict[str, Any]:
    """The themes section as `themes --format json` gives it (the table rows are the renderers' job)."""
    from ..themes import archive_themes_section

    section = archive_themes_section(articles, **params)
    section.pop("rows", None)
    return section


def build_digest(articles: Sequence[Article], top: int = 5, sentences: int = 4, max_chars: int = 360,
                 errors: Sequence[str] = (), themes: Mapping[str, Any] | None = None) -> Digest:
    """The digest of annotated articles: per-article entries and the archive view.

    `themes`, when given, are ThemeModel parameters ({} for the defaults): the archive then gains
    its themes section.  nlp.themes is imported only then.
    """
    articles = list(articles)
    # One IDF over the archive serves both the summaries and the duplicate search.
    vectorizer = make_vectorizer()
    try:
        vectors = vectorizer.fit_transform([a.text for a in articles]) if articles else None
    except ValueError:  # no content word anywhere
        vectors = None
    spans = (summarize_articles(articles, sentences, max_chars, vectorizer) if vectors is not None
             else [[] for _ in articles])
    entries = [article_digest(a, [a.text[s:e] for s, e in sp], top) for a, sp in zip(articles, spans)]
    years = Counter(e.year_label for e in entries)
    duplicates = duplicate_groups(articles, vectors)
    for group in duplicates:
        for e in entries:
            if e.id in group:
                e.near_duplicates = [g for g in group if g != e.id]
    calendar, recurring, activities = archive_calendar(articles, per_month=max(top, 5))
    largest, frequent = target_stats(articles, top, "goal")
    largest_done, frequent_done = target_stats(articles, top, "achieved")
    for entry, title in zip(entries, display_titles(entries)):
        entry.display_title = title
    archive = ArchiveDigest(
        articles=len(articles),
        by_genre=_counts([e.genre or UNKNOWN for e in entries]),
        by_org_type=_counts([e.org_type or UNKNOWN for e in entries]),
        by_year={k: years[k] for k in sorted(years, key=_year_sort)},
        calendar=calendar, recurring=recurring, activities=activities[:TOP_ACTIVITIES],
        heatmap=heatmap(articles),
        largest_targets=largest, frequent_targets=frequent,
        largest_achieved=largest_done, frequent_achieved=frequent_done,
        duplicates=duplicates,
        themes=archive_themes(articles, themes) if themes is not None else None,
    )
    return Digest(archive, entries, list(errors))
