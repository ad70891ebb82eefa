"""Themes and the archive database: articles read back from it, themes written into it.

The schema is nlp.store's (`themes`, `article_themes`); a themes run replaces the previous one.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import PlanNLPError
from ..model import Article, Heading
from ..store import connect, now

if TYPE_CHECKING:
    from .model import ThemeModel


def _open(db: str | Path) -> sqlite3.Connection:
    if not Path(db).is_file():
        raise PlanNLPError(db, "database not found")
    try:
        return connect(db)
    except sqlite3.DatabaseError as exc:
        raise PlanNLPError(db, f"not a plan-nlp database: {exc}") from exc


def load_articles(db: str | Path) -> tuple[list[Article], list[int]]:
    """The analyzed articles of every document stored as ok, with their headings and sections,
    in (path, index) order; and their row ids."""
    from ..extract.outline import build_sections

    conn = _open(db)
    try:
        rows = conn.execute(
            "SELECT a.id, a.source, a.idx, a.title, a.text, a.genre, a.org_type, a.year FROM articles a "
            "JOIN documents d ON d.id = a.document_id WHERE d.status = 'ok' ORDER BY d.path, a.idx").fetchall()
        heads: dict[int, list[Heading]] = {}
        for aid, level, marker, text, start, end, text_start, run_in in conn.execute(
                'SELECT article_id, level, marker, text, start, "end", text_start, run_in FROM headings '
                "ORDER BY article_id, idx"):
            heads.setdefault(aid, []).append(Heading(level, marker or "", text or "", start, end,
                                                     text_start if text_start is not None else start, bool(run_in)))
    finally:
        conn.close()
    articles, ids = [], []
    for aid, source, idx, title, text, genre, org_type, year in rows:
        article = Article(source, idx, title or "", text, genre=genre, org_type=org_type, year=year,
                          headings=tuple(heads.get(aid, ())))
        article.sections = build_sections(article)
        articles.append(article)
        ids.append(aid)
    return articles, ids


def _model_name(model: "ThemeModel") -> str:
    params = model.to_dict()["params"]
    return json.dumps({**params, "k": len(model.themes_)}, ensure_ascii=False, sort_keys=True)


def write_themes(db: str | Path, model: "ThemeModel", article_ids: dict[tuple[str, int], int]) -> int:
    """Replace the database's themes by `model`'s: one `themes` row per theme, one `article_themes`
    row per (article, theme) weighted by the share of the article's sections in that theme.
    `article_ids` maps (source, article index) to the articles row id. Returns the themes written."""
    conn = _open(db)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("DELETE FROM article_themes")
        conn.execute("DELETE FROM themes")
        created, name = now(), _model_name(model)
        theme_ids = []
        for theme in model.themes_:
            terms = json.dumps([[t, w] for t, w in theme.terms], ensure_ascii=False)
            cur = conn.execute("INSERT INTO themes (model, label, terms, size, created_at) VALUES (?,?,?,?,?)",
                               (name, theme.label, terms, theme.size, created))
            theme_ids.append(cur.lastrowid)
        per_article: dict[tuple[str, int], Counter] = {}
        for unit, label in zip(model.units_, model.labels_.tolist()):
            per_article.setdefault((unit.source, unit.article), Counter())[label] += 1
        for key, counts in sorted(per_article.items()):
            if key not in article_ids:
                continue
            total = sum(counts.values())
            conn.executemany("INSERT INTO article_themes (article_id, theme_id, weight) VALUES (?,?,?)",
                             [(article_ids[key], theme_ids[label], round(n / total, 4))
                              for label, n in sorted(counts.items())])
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()
    return len(theme_ids)
