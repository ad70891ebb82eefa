"""The archive database: SQLite schema, one-transaction document writes, FTS5 search, export.

One writer (the batch parent process) writes; any number of readers (digest, themes, search)
read. The schema is documented in docs/store.md; every span row keeps its article offsets.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import regex

from .errors import PlanNLPError, UnwritableDocument

if TYPE_CHECKING:
    from .model import Article

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


# ---------------------------------------------------------------- writes


class Passage(NamedTuple):
    """A searchable span of an article (its text is the article's text[start:end]): its section
    path and its words for the FTS5 index."""

    start: int
    end: int
    section: tuple[str, ...]
    words: str  # index_words(...) of the span


class ArticleRows(NamedTuple):
    """One article as the rows the writer inserts, built in the worker (article id left out:
    the writer prepends it), so the single writer process only executes SQL."""

    article: tuple[Any, ...]  # idx, source, title, genre, org_type, year, text, n_chars, explain
    headings: list[tuple[Any, ...]]
    dates: list[tuple[Any, ...]]
    targets: list[tuple[Any, ...]]
    tasks: list[tuple[Any, ...]]
    schedule: list[tuple[Any, ...]]
    flags: list[tuple[Any, ...]]
    passages: list[Passage]


@dataclass(frozen=True)
class FileResult:
    """What a worker returns for one file: analyzed articles (as rows) or an error."""

    path: str  # relative POSIX path
    sha256: str | None
    size: int | None
    format: str | None = None
    encoding: str | None = None
    n_chars: int = 0
    articles: tuple[ArticleRows, ...] = ()
    reason: str | None = None  # set when the file failed
    detail: str | None = None
    seconds: float = 0.0


class FtsChanges:
    """passages_fts rows to delete and to insert, applied together inside the same transaction.

    FTS5 writes its pending terms out as a new index segment at every savepoint that follows a
    change to it, so FTS rows written inside each document's savepoint cost a segment (and later
    merges) per document. `GroupedCommits` keeps one of these for its whole group instead.
    """

    def __init__(self) -> None:
        self.deletes: list[int] = []
        self.inserts: dict[int, str] = {}  # rowid -> words

    def extend(self, later: "FtsChanges") -> None:
        """Add changes made after these: a row inserted here and deleted there is simply dropped."""
        for rowid in later.deletes:
            if self.inserts.pop(rowid, None) is None:
                self.deletes.append(rowid)
        self.inserts.update(later.inserts)

    def apply(self, conn: sqlite3.Connection) -> None:
        """Write the changes (deletes first: a new passage may reuse a deleted passage's id)."""
        if self.deletes:
            conn.executemany("DELETE FROM passages_fts WHERE rowid = ?", [(r,) for r in self.deletes])
        if self.inserts:
            conn.executemany("INSERT INTO passages_fts (rowid, words) VALUES (?, ?)", self.inserts.items())
        self.deletes, self.inserts = [], {}


def _delete_document_rows(conn: sqlite3.Connection, doc_id: int, fts: FtsChanges) -> None:
    """Remove everything derived from a document; its FTS rows (no foreign key) go into `fts`.
    Child rows are deleted here rather than by cascade, which needs foreign keys enforced."""
    fts.deletes += [rowid for (rowid,) in conn.execute(
        "SELECT p.id FROM passages p JOIN articles a ON p.article_id = a.id WHERE a.document_id = ?", (doc_id,))]
    for table in ARTICLE_CHILD_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT id FROM articles WHERE document_id = ?)",
                     (doc_id,))
    conn.execute("DELETE FROM articles WHERE document_id = ?", (doc_id,))
    conn.execute("DELETE FROM errors WHERE document_id = ?", (doc_id,))


# One encoder: json.dumps builds a new one per call when ensure_ascii is off.
_encode_json = json.JSONEncoder(ensure_ascii=False).encode


def _j(value: Any) -> str | None:
    return None if value is None else _encode_json(value)


@lru_cache(maxsize=4096)
def _j_path(path: tuple[str, ...]) -> str:
    """A section path as JSON; the same few paths recur for every task and passage of a section."""
    return _encode_json(path)


def article_rows(article: "Article", source: str, passages: list[Passage]) -> ArticleRows:
    """The rows of one annotated article (`source`: the file's path relative to the archive)."""
    a = article
    months = [(d.months[0], d.months[1]) if d.months else (None, None) for d in a.dates]
    return ArticleRows(
        (a.index, source, a.title, a.genre, a.org_type, a.year, a.text, len(a.text), _j(a.explain or {})),
        [(i, h.level, h.marker, h.text, h.start, h.end, h.text_start, int(h.run_in))
         for i, h in enumerate(a.headings)],
        [(i, d.text, d.start, d.end, d.kind, d.year, *m, d.day, d.every, int(d.placeholder))
         for i, (d, m) in enumerate(zip(a.dates, months))],
        [(i, t.text, t.start, t.end, t.value, t.low, t.high, t.unit, t.comparator, t.status, t.subject)
         for i, t in enumerate(a.targets)],
        [(i, t.text, t.start, t.end, t.action, _j_path(t.section), _encode_json(t.dates), _encode_json(t.targets))
         for i, t in enumerate(a.tasks)],
        [(i, _encode_json(s.months), s.activity, s.start, s.end, _j_path(s.section), s.every)
         for i, s in enumerate(a.schedule)],
        [(i, f.kind, f.text, f.start, f.end) for i, f in enumerate(a.flags)],
        passages,
    )


_ROW_INSERTS = (
    ("headings", 'INSERT INTO headings VALUES (?,?,?,?,?,?,?,?,?)'),
    ("dates", 'INSERT INTO dates VALUES (?,?,?,?,?,?,?,?,?,?,?,?)'),
    ("targets", 'INSERT INTO targets VALUES (?,?,?,?,?,?,?,?,?,?,?,?)'),
    ("tasks", 'INSERT INTO tasks VALUES (?,?,?,?,?,?,?,?,?)'),
    ("schedule", 'INSERT INTO schedule VALUES (?,?,?,?,?,?,?,?)'),
    ("flags", 'INSERT INTO flags VALUES (?,?,?,?,?,?)'),
)


def _insert_article(conn: sqlite3.Connection, doc_id: int, rows: ArticleRows, fts: FtsChanges) -> None:
    aid = conn.execute(
        "INSERT INTO articles (document_id, idx, source, title, genre, org_type, year, text, n_chars, explain)"
        " VALUES (?,?,?,?,?,?,?,?,?,?)", (doc_id, *rows.article)).lastrowid
    for table, sql in _ROW_INSERTS:
        if table_rows := getattr(rows, table):
            conn.executemany(sql, [(aid, *r) for r in table_rows])
    if rows.passages:
        # Ids given, not assigned one insert at a time: the FTS row shares its passage's id.
        first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM passages").fetchone()[0]
        conn.executemany(
            'INSERT INTO passages (id, article_id, idx, start, "end", section) VALUES (?,?,?,?,?,?)',
            [(first + i, aid, i, p.start, p.end, _j_path(p.section)) for i, p in enumerate(rows.passages)])
        fts.inserts.update((first + i, p.words) for i, p in enumerate(rows.passages))


# What a document's own rows raise when they cannot be stored (a value SQLite cannot bind, such as
# a lone surrogate or an integer past 64 bits, or a malformed row); other sqlite3 errors (disk
# full, I/O, a locked or corrupt database) concern the whole database and pass unchanged.
_BAD_ROW_ERRORS = (ValueError, OverflowError, sqlite3.InterfaceError, sqlite3.DataError,
                   sqlite3.IntegrityError, sqlite3.ProgrammingError)


def write_result(conn: sqlite3.Connection, archive: str, result: FileResult, run_id: int | None,
                 deferred_fts: FtsChanges | None = None) -> None:
    """Replace one document and all its rows atomically: in a transaction of its own, or as a
    savepoint of the caller's transaction (see `GroupedCommits`), undone alone if it fails.

    With `deferred_fts`, the document's FTS rows are added to it once the document is written,
    for the caller to apply before it commits; otherwise they are written here. Rows that cannot
    be stored raise UnwritableDocument (the database is left as it was)."""
    status = "failed" if result.reason else "ok"
    nested = conn.in_transaction
    conn.execute("SAVEPOINT document" if nested else "BEGIN IMMEDIATE")
    fts = FtsChanges()
    try:
        row = conn.execute("SELECT id FROM documents WHERE archive = ? AND path = ?",
                           (archive, result.path)).fetchone()
        values = (result.sha256, result.size, result.format, result.encoding, status,
                  len(result.articles), result.n_chars, run_id, now())
        if row:
            doc_id = row[0]
            _delete_document_rows(conn, doc_id, fts)
            conn.execute("UPDATE documents SET sha256=?, size=?, format=?, encoding=?, status=?, n_articles=?,"
                         " n_chars=?, run_id=?, updated_at=? WHERE id=?", (*values, doc_id))
        else:
            doc_id = conn.execute(
                "INSERT INTO documents (sha256, size, format, encoding, status, n_articles, n_chars, run_id,"
                " updated_at, archive, path) VALUES (?,?,?,?,?,?,?,?,?,?,?)", (*values, archive, result.path)
            ).lastrowid
        if result.reason:
            conn.execute("INSERT INTO errors (document_id, reason, detail, run_id) VALUES (?,?,?,?)",
                         (doc_id, result.reason, result.detail or "", run_id))
        for art in result.articles:
            _insert_article(conn, doc_id, art, fts)
        if deferred_fts is None:
            fts.apply(conn)
        conn.execute("RELEASE document" if nested else "COMMIT")
        if deferred_fts is not None:
            deferred_fts.extend(fts)
    except BaseException as exc:
        if nested:
            conn.execute("ROLLBACK TO document")
            conn.execute("RELEASE document")
        else:
            conn.execute("ROLLBACK")
        if isinstance(exc, _BAD_ROW_ERRORS):
            raise UnwritableDocument(result.path, f"cannot store the analysis ({type(exc).__name__}: {exc})") from exc
        raise


class GroupedCommits:
    """One commit per group of documents instead of one per document.

    Each commit flushes a new FTS5 segment and appends to the WAL, which made per-file commits a
    third of the writer's time. Every document is still all-or-nothing (a savepoint each, its
    FTS rows written with the group, in the same transaction); a crash loses at most the open
    group, which the next run redoes, as the hashes are not stored.

    The defaults: the larger the group, the less the writer works (2.9 s of SQL for a 20 MB
    archive in groups of 40 files, 2.3 s of 200), while a kill costs at most 2 s of work again
    and readers still see a running batch's progress every 2 s.
    """

    def __init__(self, conn: sqlite3.Connection, max_documents: int = 200, max_seconds: float = 2.0):
        self.conn, self.max_documents, self.max_seconds = conn, max_documents, max_seconds
        self._pending = 0
        self._opened = 0.0
        self._fts = FtsChanges()

    def __enter__(self) -> "GroupedCommits":
        self._begin()
        return self

    def write(self, archive: str, result: FileResult, run_id: int | None) -> None:
        """Write one document into the group (see `write_result`); commit the group when it is
        full or old enough. A document that fails is undone alone and its error raised."""
        write_result(self.conn, archive, result, run_id, deferred_fts=self._fts)
        self._pending += 1
        if self._pending >= self.max_documents or time.monotonic() - self._opened >= self.max_seconds:
            self._commit()
            self._begin()

    def _commit(self) -> None:
        self._fts.apply(self.conn)
        self.conn.execute("COMMIT")

    def _begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")
        self._pending, self._opened = 0, time.monotonic()

    def __exit__(self, *exc_info: object) -> None:
        # Also on an exception: the documents written so far are complete and worth keeping.
        if self.conn.in_transaction:
            self._commit()


def mark_deleted(conn: sqlite3.Connection, archive: str, paths: Iterable[str], run_id: int | None) -> int:
    """Mark documents gone from the archive as deleted and drop their derived rows."""
    n = 0
    for path in paths:
        conn.execute("BEGIN IMMEDIATE")
        try:
            row = conn.execute("SELECT id FROM documents WHERE archive = ? AND path = ?", (archive, path)).fetchone()
            if row:
                fts = FtsChanges()
                _delete_document_rows(conn, row[0], fts)
                fts.apply(conn)
                conn.execute("UPDATE documents SET status='deleted', n_articles=0, run_id=?, updated_at=?"
                             " WHERE id=?", (run_id, now(), row[0]))
                n += 1
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return n


def known_documents(conn: sqlite3.Connection, archive: str) -> dict[str, tuple[str | None, str]]:
    """path -> (sha256, status) of the documents recorded for an archive."""
    return {p: (h, s) for p, h, s in conn.execute(
        "SELECT path, sha256, status FROM documents WHERE archive = ?", (archive,))}


def failed_documents(conn: sqlite3.Connection, archive: str) -> list[tuple[str, str, str, int | None]]:
    """(path, reason, detail, run_id of the failure) of every file of the archive failing now."""
    return [tuple(r) for r in conn.execute(
        "SELECT d.path, e.reason, e.detail, e.run_id FROM documents d JOIN errors e ON e.document_id = d.id"
        " WHERE d.archive = ? AND d.status = 'failed' ORDER BY d.path", (archive,))]


def start_run(conn: sqlite3.Connection, archive: str, engine: str, workers: int, force: bool) -> int:
    """Record a new run (earlier runs left 'running' by a crash become 'interrupted')."""
    conn.execute("UPDATE runs SET status='interrupted' WHERE status='running'")
    return conn.execute(
        "INSERT INTO runs (archive, engine, workers, force, status, started_at) VALUES (?,?,?,?,?,?)",
        (archive, engine, workers, int(force), "running", now())).lastrowid


def finish_run(conn: sqlite3.Connection, run_id: int, report: dict[str, Any], status: str = "done") -> None:
    """Store the run report."""
    conn.execute(
        "UPDATE runs SET status=?, finished_at=?, total=?, analyzed=?, unchanged=?, failed=?, deleted=?,"
        " failed_by_reason=?, articles=?, chars=?, seconds=?, chars_per_second=? WHERE id=?",
        (status, now(), report["total"], report["analyzed"], report["unchanged"], report["failed"],
         report["deleted"], _j(report["failed_by_reason"]), report["articles"], report["chars"],
         report["seconds"], report["chars_per_second"], run_id))


# ---------------------------------------------------------------- comparison


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


# ---------------------------------------------------------------- search

# A run of CJK characters, letters or digits: what counts as a word for the index.
# matches: "职工", "2024", "abc"; must not match: "，", " ", "-"
_WORDLIKE = regex.compile(r"[\p{Han}\p{L}\p{N}]")


def index_words(words: Iterable[str]) -> str:
    """Words joined by spaces for the FTS5 shadow column (punctuation and spaces dropped)."""
    return " ".join(w for w in words if _WORDLIKE.search(w))


def query_terms(query: str) -> list[str]:
    """The query segmented exactly like indexed text (jieba words, punctuation dropped)."""
    from .text.segment import get_segmenter

    seg = get_segmenter()
    terms: list[str] = []
    for chunk in query.split():
        for w in seg.search_words(chunk):
            w = w.strip()
            if w and _WORDLIKE.search(w) and w not in terms:
                terms.append(w)
    return terms


@dataclass(frozen=True)
class Hit:
    """One search result: where it is and a snippet with the matches marked."""

    source: str
    article: int
    title: str
    section: tuple[str, ...]
    start: int
    end: int
    text: str
    snippet: str
    score: float


def _snippet(text: str, needles: list[str], width: int, mark: tuple[str, str]) -> str:
    """A window of `text` around the first needle, every needle occurrence wrapped in `mark`."""
    spans: list[tuple[int, int]] = []
    for n in sorted(needles, key=len, reverse=True):
        for m in regex.finditer(regex.escape(n), text):
            if not any(s < m.end() and m.start() < e for s, e in spans):
                spans.append((m.start(), m.end()))
    spans.sort()
    first = spans[0][0] if spans else 0
    lo = max(0, first - width // 3)
    hi = min(len(text), lo + width)
    out, pos = [], lo
    for s, e in spans:
        if s < lo or e > hi:
            continue
        out += [text[pos:s], mark[0], text[s:e], mark[1]]
        pos = e
    out.append(text[pos:hi])
    return ("…" if lo > 0 else "") + "".join(out).replace("\n", " ") + ("…" if hi < len(text) else "")


@dataclass(frozen=True)
class SearchFilter:
    """Restrictions on search hits: the article's year, org type and genre, and its file path.

    `source` is a glob on the document's path relative to its archive (`2023/*`, `*学校*`);
    a path without `*`, `?` or `[` matches as a substring."""

    year: int | None = None
    org_type: str | None = None
    genre: str | None = None
    source: str | None = None

    def sql(self) -> tuple[str, list[Any]]:
        """An SQL condition over `a` (articles) and `d` (documents), and its parameters."""
        conds: list[str] = []
        params: list[Any] = []
        for column, value in (("a.year", self.year), ("a.org_type", self.org_type), ("a.genre", self.genre)):
            if value is not None:
                conds.append(f"{column} = ?")
                params.append(value)
        if self.source:
            pattern = self.source if any(c in self.source for c in "*?[") else f"*{self.source}*"
            conds.append("d.path GLOB ?")
            params.append(pattern)
        return "".join(f" AND {c}" for c in conds), params


def search(conn: sqlite3.Connection, query: str, limit: int = 10, width: int = 80,
           mark: tuple[str, str] = ("[", "]"), where: SearchFilter | None = None) -> list[Hit]:
    """Passages matching every word of `query` (jieba-segmented), best first (bm25).

    Passages holding each whitespace-separated part of the query literally rank first, so
    `送温暖` prefers 送温暖 over a passage with 送 and 温暖 apart. `where` keeps only the hits
    of matching articles.
    """
    terms = query_terms(query)
    if not terms:
        return []
    match = " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)
    cond, params = (where or SearchFilter()).sql()
    rows = conn.execute(
        f"SELECT d.path, a.idx, a.title, p.section, p.start, p.\"end\", {PASSAGE_TEXT}, bm25(passages_fts) AS score"
        " FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid"
        " JOIN articles a ON a.id = p.article_id JOIN documents d ON d.id = a.document_id"
        f" WHERE passages_fts MATCH ?{cond} ORDER BY score LIMIT ?",
        (match, *params, max(limit * 5, 50))).fetchall()
    chunks = [c for c in query.split() if c]
    rows.sort(key=lambda r: (not all(c in r[6] for c in chunks), r[7]))
    needles = chunks + terms
    return [Hit(source=r[0], article=r[1], title=r[2] or "", section=tuple(json.loads(r[3] or "[]")),
                start=r[4], end=r[5], text=r[6], snippet=_snippet(r[6], needles, width, mark), score=r[7])
            for r in rows[:limit]]


# ---------------------------------------------------------------- export

EXPORT_FORMATS = ("parquet", "csv", "xlsx", "jsonl")


class MissingExtra(RuntimeError):
    """An optional dependency is not installed."""


def export(conn: sqlite3.Connection, outdir: str | Path, fmt: str) -> dict[str, Path]:
    """Write one file per table (parquet, csv, xlsx or jsonl) into `outdir`; return table -> file."""
    from .export import export_tables

    return export_tables(conn, outdir, fmt)
