"""Writes: one transaction per document (its articles, spans and search passages), and runs.

One writer (the batch parent process) writes; any number of readers read.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from ..errors import UnwritableDocument
from .schema import ARTICLE_CHILD_TABLES, now

if TYPE_CHECKING:
    from ..model import Article

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
