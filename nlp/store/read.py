"""Analyzed articles read back from the archive database: the one reader that corpus views,
themes and drafting share."""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from collections.abc import Iterator
from pathlib import Path

from ..errors import PlanNLPError
from ..model import Article, DateMention, Flag, Heading, ScheduleItem, Target, Task
from .schema import connect

SPAN_TABLES = ("headings", "dates", "targets", "tasks", "schedule", "flags")


@contextmanager
def open_existing(db: str | Path) -> Iterator[sqlite3.Connection]:
    """A connection to an existing plan-nlp database, closed on exit; a missing file, or a SQLite
    file without the plan-nlp schema, is a PlanNLPError naming it (nothing is created or written)."""
    path = Path(db)
    if not path.is_file():
        raise PlanNLPError(path, "no such database (build one with `python -m nlp batch`)")
    try:
        probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            version = probe.execute("PRAGMA user_version").fetchone()[0]
        finally:
            probe.close()
    except sqlite3.DatabaseError as exc:
        raise PlanNLPError(path, f"not a plan-nlp database ({exc})") from exc
    if version == 0:
        raise PlanNLPError(path, "not a plan-nlp database (no plan-nlp schema in it)")
    conn = connect(path)
    try:
        yield conn
    finally:
        conn.close()


def read_articles(conn: sqlite3.Connection) -> list[tuple[int, Article]]:
    """(row id, Article) of every document stored as ok, in path then article order, with every
    span in stored order and the sections rebuilt from the headings."""
    from ..extract.sections import build_sections

    rows = conn.execute(
        "SELECT a.id, d.path, a.idx, a.title, a.genre, a.org_type, a.year, a.text, a.explain"
        " FROM articles a JOIN documents d ON d.id = a.document_id WHERE d.status = 'ok'"
        " ORDER BY d.path, a.idx").fetchall()
    spans = {table: _children(conn, table) for table in SPAN_TABLES}
    out = []
    for aid, path, idx, title, genre, org_type, year, text, explain in rows:
        a = Article(source=path, index=idx, title=title or "", text=text, genre=genre, org_type=org_type,
                    year=year, explain=json.loads(explain) if explain else {})
        a.headings = tuple(Heading(r["level"], r["marker"] or "", r["text"] or "", r["start"], r["end"],
                                   r["text_start"] if r["text_start"] is not None else r["start"], bool(r["run_in"]))
                           for r in spans["headings"].get(aid, ()))
        a.sections = build_sections(a)
        a.dates = tuple(DateMention(r["text"], r["start"], r["end"], r["kind"], r["year"],
                                    (r["month_first"], r["month_last"]) if r["month_first"] is not None else None,
                                    r["day"], r["every"], bool(r["placeholder"]))
                        for r in spans["dates"].get(aid, ()))
        a.targets = tuple(Target(r["text"], r["start"], r["end"], r["value"], r["low"], r["high"], r["unit"],
                                 r["comparator"], r["status"], r["subject"]) for r in spans["targets"].get(aid, ()))
        a.tasks = tuple(Task(r["text"], r["start"], r["end"], r["action"] or "", tuple(json.loads(r["section"] or "[]")),
                             tuple(json.loads(r["dates"] or "[]")), tuple(json.loads(r["targets"] or "[]")))
                        for r in spans["tasks"].get(aid, ()))
        a.schedule = tuple(ScheduleItem(tuple(json.loads(r["months"] or "[]")), r["activity"] or "", r["start"],
                                        r["end"], tuple(json.loads(r["section"] or "[]")), r["every"])
                           for r in spans["schedule"].get(aid, ()))
        a.flags = tuple(Flag(r["kind"], r["text"], r["start"], r["end"]) for r in spans["flags"].get(aid, ()))
        a.filled = frozenset({"headings", "sections", "dates", "year", "targets", "tasks", "schedule", "genre",
                              "org_type", "explain", "flags"})
        out.append((aid, a))
    return out


def load_articles(db: str | Path) -> list[tuple[int, Article]]:
    """`read_articles` of an existing database file."""
    with open_existing(db) as conn:
        return read_articles(conn)


def _children(conn: sqlite3.Connection, table: str) -> dict[int, list[sqlite3.Row]]:
    """Rows of a span table grouped by article id, in stored (idx) order."""
    conn.row_factory = sqlite3.Row
    try:
        grouped: dict[int, list[sqlite3.Row]] = {}
        for r in conn.execute(f"SELECT * FROM {table} ORDER BY article_id, idx"):  # table names are ours
            grouped.setdefault(r["article_id"], []).append(r)
        return grouped
    finally:
        conn.row_factory = None
