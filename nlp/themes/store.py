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
from ..model import Article
from ..store import connect, now
from ..store.read import load_articles as read_articles_of

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
    """The analyzed articles of every document stored as ok (nlp.store's reader), and their row ids."""
    pairs = read_articles_of(db)
    return [a for _, a in pairs], [i for i, _ in pairs]


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
