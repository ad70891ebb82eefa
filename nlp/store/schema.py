"""The archive database's schema: tables, migrations, connections, and a comparable snapshot.

The schema is documented in docs/store.md; every span row keeps its article offsets.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from ..errors import PlanNLPError

SCHEMA_VERSION = 3
# What turns a database of version N into N + 1 (connect applies them in order).
_MIGRATIONS = {
    1: "ALTER TABLE passages DROP COLUMN text;",  # 2: a passage's text is read from its article
    # 3: lookups by document or article use the leading column of UNIQUE (document_id, idx) and
    # UNIQUE (article_id, idx); these copies only cost the writer a B-tree insert per row.
    2: "DROP INDEX IF EXISTS articles_document;\nDROP INDEX IF EXISTS passages_article;",
}

# Tables in dependency order (parents first); `passages_fts` is the FTS5 index over `passages`.
TABLES = (
    "runs", "documents", "errors", "articles", "headings", "dates", "targets", "tasks",
    "schedule", "flags", "passages", "themes", "article_themes",
)
# Tables whose rows belong to an article (article_id REFERENCES articles ON DELETE CASCADE),
# deleted explicitly with it so that the batch writer need not enforce foreign keys.
ARTICLE_CHILD_TABLES = ("headings", "dates", "targets", "tasks", "schedule", "flags", "passages", "article_themes")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    archive TEXT NOT NULL,
    engine TEXT NOT NULL,
    workers INTEGER NOT NULL,
    force INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,                 -- running | done | interrupted | failed
    started_at TEXT NOT NULL,
    finished_at TEXT,
    total INTEGER, analyzed INTEGER, unchanged INTEGER, failed INTEGER, deleted INTEGER,
    failed_by_reason TEXT,                -- JSON {reason: count}
    articles INTEGER, chars INTEGER, seconds REAL, chars_per_second REAL
);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    archive TEXT NOT NULL,                -- absolute archive root the path is relative to
    path TEXT NOT NULL,                   -- POSIX path relative to the archive root
    sha256 TEXT,
    size INTEGER,
    format TEXT, encoding TEXT,
    status TEXT NOT NULL,                 -- ok | failed | deleted
    n_articles INTEGER NOT NULL DEFAULT 0,
    n_chars INTEGER NOT NULL DEFAULT 0,   -- characters of the decoded raw text
    run_id INTEGER REFERENCES runs(id),   -- run that last wrote this row
    updated_at TEXT,
    UNIQUE (archive, path)
);
CREATE TABLE IF NOT EXISTS errors (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    reason TEXT NOT NULL,                 -- PlanNLPError.reason: unreadable, unsupported_format, ...
    detail TEXT NOT NULL,
    run_id INTEGER REFERENCES runs(id)
);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,                 -- Article.index within its document
    source TEXT NOT NULL,
    title TEXT, genre TEXT, org_type TEXT, year INTEGER,
    text TEXT NOT NULL,
    n_chars INTEGER NOT NULL,
    explain TEXT,                         -- JSON
    UNIQUE (document_id, idx)
);
CREATE TABLE IF NOT EXISTS headings (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, level INTEGER, marker TEXT, text TEXT,
    start INTEGER, "end" INTEGER, text_start INTEGER, run_in INTEGER,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS dates (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, text TEXT, start INTEGER, "end" INTEGER, kind TEXT,
    year INTEGER, month_first INTEGER, month_last INTEGER, day INTEGER, every TEXT, placeholder INTEGER,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS targets (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, text TEXT, start INTEGER, "end" INTEGER,
    value REAL, low REAL, high REAL, unit TEXT, comparator TEXT, status TEXT, subject TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS tasks (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, text TEXT, start INTEGER, "end" INTEGER, action TEXT,
    section TEXT, dates TEXT, targets TEXT,   -- JSON lists (section path; indices into dates/targets)
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS schedule (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, months TEXT, activity TEXT, start INTEGER, "end" INTEGER,
    section TEXT, every TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS flags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, kind TEXT, text TEXT, start INTEGER, "end" INTEGER,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS passages (
    id INTEGER PRIMARY KEY,               -- = rowid of passages_fts
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, start INTEGER, "end" INTEGER,
    section TEXT,                         -- JSON heading path at `start`
    UNIQUE (article_id, idx)              -- text: the article's text[start:end] (passage_text)
);
-- words are pre-segmented and space-separated: 'ascii' splits on ASCII spaces only and keeps
-- every non-ASCII character in its token, which is all we need and cheaper than unicode61.
CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(words, tokenize='ascii');
-- Merge segments 8 at a time rather than 4: a batch writes many small segments, and fewer
-- merges cut the writer's FTS5 work by about a tenth for slightly more segments to read.
INSERT INTO passages_fts(passages_fts, rank) VALUES ('automerge', 8);
CREATE TABLE IF NOT EXISTS themes (
    id INTEGER PRIMARY KEY,
    model TEXT, label TEXT, terms TEXT,   -- terms: JSON list of top words
    size INTEGER, created_at TEXT
);
CREATE TABLE IF NOT EXISTS article_themes (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    theme_id INTEGER NOT NULL REFERENCES themes(id) ON DELETE CASCADE,
    weight REAL,
    PRIMARY KEY (article_id, theme_id)
);
CREATE INDEX IF NOT EXISTS errors_document ON errors(document_id);
"""

# Columns that identify a row for comparisons, instead of run ids, row ids and timestamps.
_VOLATILE = {"id", "run_id", "updated_at", "document_id", "article_id", "theme_id"}


def now() -> str:
    """UTC timestamp, ISO 8601."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def connect(db: str | Path, enforce_foreign_keys: bool = True) -> sqlite3.Connection:
    """Open (and create if needed) the archive database in WAL mode, foreign keys enforced.

    `enforce_foreign_keys=False` is for the batch writer: its rows reference the parent row it
    has just inserted, and `write_result` / `mark_deleted` delete every child row themselves, so
    the parent lookup SQLite makes for each of some 250,000 rows per 20 MB of archive (a tenth of
    the writer's SQL time) checks nothing; the tests run `PRAGMA foreign_key_check` after batches."""
    conn = sqlite3.connect(str(db), timeout=30, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    # WAL + NORMAL: a killed process never loses a committed transaction (only a power cut could).
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(f"PRAGMA foreign_keys={'ON' if enforce_foreign_keys else 'OFF'}")
    # Readers (search, export) must not need the write lock: create the schema only once.
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        conn.close()
        raise PlanNLPError(db, f"database schema version {version} is newer than this plan-nlp "
                               f"understands ({SCHEMA_VERSION}); upgrade plan-nlp")
    if version != SCHEMA_VERSION:
        try:
            _upgrade(conn)
        except BaseException:
            conn.close()
            raise
    return conn


def _upgrade(conn: sqlite3.Connection) -> None:
    """Create the schema or migrate it, all in one transaction: a crash leaves the old version."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Read again under the write lock: another process may have upgraded it meanwhile.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version < SCHEMA_VERSION:
            scripts = [_SCHEMA] if version == 0 else [_MIGRATIONS[v] for v in range(version, SCHEMA_VERSION)]
            for script in scripts:
                for statement in _statements(script):
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _statements(script: str) -> Iterator[str]:
    """The SQL statements of a script (executescript would commit the open transaction)."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            yield pending
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement: {pending!r}")


# A passage's text, by SQL: its span of the article text (substr counts characters from 1).
PASSAGE_TEXT = 'substr(a.text, p.start + 1, p."end" - p.start)'


class MissingExtra(RuntimeError):
    """An optional dependency is not installed."""


def snapshot(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Every content table as sorted rows keyed by document path / article index, not by row ids.

    Two databases built from the same archive (in any order, with any engine, with or without
    interruptions) have equal snapshots; run ids and timestamps are left out.
    """
    doc_key = "(SELECT d.path FROM documents d WHERE d.id = t.document_id)"
    art_key = ("(SELECT d.path || '#' || a.idx FROM articles a JOIN documents d ON d.id = a.document_id"
               " WHERE a.id = t.article_id)")
    out: dict[str, list[tuple]] = {}
    for table in TABLES:
        if table in ("runs", "themes", "article_themes"):
            continue
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in _VOLATILE]
        keys = []
        if table in ("errors", "articles"):
            keys = [doc_key]
        elif table not in ("documents",):
            keys = [art_key]
        sel = ", ".join(keys + [f't."{c}"' for c in cols])
        out[table] = sorted(conn.execute(f"SELECT {sel} FROM {table} t").fetchall(), key=repr)
    out["passages_fts"] = sorted(
        conn.execute(f"SELECT {PASSAGE_TEXT}, f.words FROM passages_fts f JOIN passages p ON p.id = f.rowid"
                     " JOIN articles a ON a.id = p.article_id").fetchall())
    return out
