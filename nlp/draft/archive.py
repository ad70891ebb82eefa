"""The archive a draft is grounded in: analyzed Articles from a list, a folder or the database."""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path

from ..errors import PlanNLPError
from ..model import Article, DateMention, Heading, ScheduleItem, Target, Task


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
    from ..api import analyze_document, iter_files

    paths = [corpus] if isinstance(corpus, (str, Path)) else list(corpus)
    for p in paths:
        if not Path(p).exists():
            raise ArchiveError(p, "no such file or folder")
    out: list[Article] = []
    for f in iter_files(paths):
        try:
            out.extend(analyze_document(f).articles)
        except PlanNLPError as exc:  # one bad file costs its own articles, never the draft
            log.warning("%s: %s (left out of the archive)", exc.path or f, exc.detail)
    return out


def _rows(conn: sqlite3.Connection, table: str, ids: list[int]) -> dict[int, list[sqlite3.Row]]:
    """Child rows of `table` per article id, in idx order."""
    by: dict[int, list[sqlite3.Row]] = {i: [] for i in ids}
    for row in conn.execute(f'SELECT * FROM {table} ORDER BY article_id, idx'):  # table names are ours
        if row["article_id"] in by:
            by[row["article_id"]].append(row)
    return by


def articles_from_db(db: str | Path) -> list[Article]:
    """Articles rebuilt from a batch database (read-only): text, outline, dates, targets, tasks, schedule."""
    from ..extract.outline import build_sections

    path = Path(db)
    if not path.is_file():
        raise ArchiveError(path, "no such database file")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        arts = conn.execute(
            "SELECT a.* FROM articles a JOIN documents d ON d.id = a.document_id "
            "WHERE d.status = 'ok' ORDER BY a.source, a.idx").fetchall()
        ids = [r["id"] for r in arts]
        children = {t: _rows(conn, t, ids) for t in ("headings", "dates", "targets", "tasks", "schedule")}
    except sqlite3.Error as exc:
        raise ArchiveError(path, f"not a readable plan-nlp database ({exc})") from exc
    finally:
        if "conn" in locals():
            conn.close()
    out = []
    for r in arts:
        i = r["id"]
        a = Article(source=r["source"], index=r["idx"], title=r["title"] or "", text=r["text"],
                    genre=r["genre"], org_type=r["org_type"], year=r["year"])
        a.headings = tuple(Heading(h["level"], h["marker"] or "", h["text"] or "", h["start"], h["end"],
                                   h["text_start"], bool(h["run_in"])) for h in children["headings"][i])
        a.sections = build_sections(a)
        a.dates = tuple(DateMention(
            d["text"], d["start"], d["end"], d["kind"], d["year"],
            None if d["month_first"] is None else (d["month_first"], d["month_last"]),
            d["day"], d["every"], bool(d["placeholder"])) for d in children["dates"][i])
        a.targets = tuple(Target(t["text"], t["start"], t["end"], t["value"], t["low"], t["high"], t["unit"],
                                 t["comparator"], t["status"], t["subject"]) for t in children["targets"][i])
        a.tasks = tuple(Task(t["text"], t["start"], t["end"], t["action"] or "",
                             tuple(json.loads(t["section"] or "[]")), tuple(json.loads(t["dates"] or "[]")),
                             tuple(json.loads(t["targets"] or "[]"))) for t in children["tasks"][i])
        a.schedule = tuple(ScheduleItem(tuple(json.loads(s["months"] or "[]")), s["activity"] or "", s["start"],
                                        s["end"], tuple(json.loads(s["section"] or "[]")), s["every"])
                           for s in children["schedule"][i])
        out.append(a)
    return out
