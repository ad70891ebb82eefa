"""The archive a draft is grounded in: analyzed Articles from a list, a folder or the database."""

from __future__ import annotations

import logging
from pathlib import Path

from ..errors import PlanNLPError
from ..model import Article
from ..store.read import load_articles


log = logging.getLogger(__name__)


class ArchiveError(PlanNLPError):
    """The archive to draft from cannot be read or holds no analyzed article."""

    reason = "archive"


def load_archive(articles=None, corpus=None, db=None) -> list[Article]:
    """Analyzed articles from exactly one of: `articles`, `corpus` (files/folders), `db` (a batch database)."""
    given = [x is not None for x in (articles, corpus, db)]
    if sum(given) != 1:
        raise ArchiveError(None, "give exactly one of articles, corpus or db to draft from")
    if articles is not None:
        found = list(articles)
        where = "<articles>"
    elif corpus is not None:
        found = _analyze_corpus(corpus)
        where = str(corpus)
    else:
        found = articles_from_db(db)
        where = str(db)
    if not found:
        raise ArchiveError(where, "no analyzed article to draft from")
    return found


def _analyze_corpus(corpus) -> list[Article]:
    from ..api import analyze_paths

    paths = [corpus] if isinstance(corpus, (str, Path)) else list(corpus)
    for p in paths:
        if not Path(p).exists():
            raise ArchiveError(p, "no such file or folder")
    analysis = analyze_paths(paths)
    for problem in analysis.failed:  # one bad file costs its own articles, never the draft
        log.warning("%s (left out of the archive)", problem.line())
    return analysis.articles


def articles_from_db(db: str | Path) -> list[Article]:
    """Articles rebuilt from a batch database (nlp.store's reader): text, outline, dates, targets, tasks."""
    return [a for _, a in load_articles(db)]
