"""The archive database: atomic document writes, FTS search over segmented text, export."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import sys

import pytest

from nlp import store
from nlp.errors import PlanNLPError, UnwritableDocument
from nlp.batch.work import analyze_file

from conftest import CORPUS

# 003 (a primary-school union plan) holds 送温暖 and 教职工; 004 is a second, short file.
FILES = ("003_15364ccff48bad3a.txt", "004_f379b5a5a78fa9c2.txt")
ARCHIVE = "/archive"


@pytest.fixture(scope="module")
def results():
    return [analyze_file(str(CORPUS / name), name) for name in FILES]


@pytest.fixture()
def conn(tmp_path, results):
    c = store.connect(tmp_path / "plans.db")
    for r in results:
        store.write_result(c, ARCHIVE, r, None)
    yield c
    c.close()


def _count(c: sqlite3.Connection, table: str) -> int:
    return c.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_schema_has_every_table_and_wal(tmp_path):
    c = store.connect(tmp_path / "x.db")
    names = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for t in ("documents", "articles", "headings", "dates", "targets", "tasks", "schedule", "flags",
              "errors", "runs", "themes", "passages", "passages_fts"):
        assert t in names
    assert c.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert _count(c, "themes") == 0


def test_rows_keep_offsets_into_article_text(conn):
    # a passage keeps no text of its own: the SQL that reads it must cut the same span as Python
    passage_text = store.PASSAGE_TEXT.replace("p.", "t.")
    for table, col in (("dates", "t.text"), ("targets", "t.text"), ("tasks", "t.text"), ("flags", "t.text"),
                       ("passages", passage_text)):
        rows = conn.execute(f'SELECT a.text, t.start, t."end", {col} FROM {table} t '
                            "JOIN articles a ON a.id = t.article_id").fetchall()
        assert rows, table
        for text, start, end, span in rows:
            assert text[start:end] == span, table
    for text, ts, end, heading in conn.execute(
            'SELECT a.text, h.text_start, h."end", h.text FROM headings h JOIN articles a ON a.id = h.article_id'):
        assert text[ts:end] == heading


def test_rewrite_replaces_rows_instead_of_adding(conn, results):
    before = store.snapshot(conn)
    store.write_result(conn, ARCHIVE, results[0], None)
    assert store.snapshot(conn) == before
    assert _count(conn, "passages") == conn.execute("SELECT count(*) FROM passages_fts").fetchone()[0]


def test_failed_write_rolls_back_and_keeps_old_rows(conn, results):
    before = store.snapshot(conn)
    second = results[0].articles[1]
    broken_article = second._replace(tasks=[("too", "few", "columns")])  # fails half-way through
    bad = dataclasses.replace(results[0], articles=(results[0].articles[0], broken_article))
    with pytest.raises(UnwritableDocument, match="ProgrammingError"):
        store.write_result(conn, ARCHIVE, bad, None)
    assert store.snapshot(conn) == before


def test_database_errors_are_not_blamed_on_the_document(tmp_path, conn, results):
    # a read-only database is the database's problem: the run must stop, not mark files failed
    db = conn.execute("PRAGMA database_list").fetchone()[2]
    readonly = sqlite3.connect(f"file:{db}?mode=ro", uri=True, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        store.write_result(readonly, ARCHIVE, results[0], None)


def test_snapshot_ignores_write_order(tmp_path, results):
    a = store.connect(tmp_path / "a.db")
    b = store.connect(tmp_path / "b.db")
    store.start_run(b, ARCHIVE, "local", 1, False)  # run ids differ between the two databases
    for r in results:
        store.write_result(a, ARCHIVE, r, store.start_run(a, ARCHIVE, "local", 1, False))
    for r in reversed(results):
        store.write_result(b, ARCHIVE, r, store.start_run(b, ARCHIVE, "local", 1, False))
    assert store.snapshot(a) == store.snapshot(b)


def test_mark_deleted_drops_derived_rows(conn):
    assert store.mark_deleted(conn, ARCHIVE, [FILES[0]], None) == 1
    status = conn.execute("SELECT status FROM documents WHERE path = ?", (FILES[0],)).fetchone()[0]
    assert status == "deleted"
    assert not store.search(conn, "送温暖")  # only 003 held it
    assert conn.execute("SELECT count(*) FROM passages").fetchone()[0] == \
        conn.execute("SELECT count(*) FROM passages_fts").fetchone()[0]


def test_article_child_tables_are_every_table_referencing_articles(tmp_path):
    # write_result deletes these explicitly: a new child table missing here would keep orphans
    c = store.connect(tmp_path / "x.db")
    tables = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    referencing = {t for t in tables for fk in c.execute(f"PRAGMA foreign_key_list({t})") if fk[2] == "articles"}
    assert referencing == set(store.ARTICLE_CHILD_TABLES)


@pytest.mark.parametrize("enforce", [True, False], ids=["keys-enforced", "batch-writer"])
def test_replacing_and_deleting_leave_no_orphan_rows(tmp_path, results, enforce):
    c = store.connect(tmp_path / "w.db", enforce_foreign_keys=enforce)
    for r in results:
        store.write_result(c, ARCHIVE, r, None)
    c.execute("INSERT INTO themes (id, label) VALUES (1, '困难职工帮扶')")
    c.execute("INSERT INTO article_themes SELECT id, 1, 0.5 FROM articles")
    first_ids = [i for (i,) in c.execute(
        "SELECT a.id FROM articles a JOIN documents d ON d.id = a.document_id WHERE d.path = ?", (FILES[0],))]
    assert first_ids and all(_count(c, t) for t in store.ARTICLE_CHILD_TABLES)

    store.write_result(c, ARCHIVE, results[0], None)  # replaced: new article ids, old rows gone
    assert c.execute("PRAGMA foreign_key_check").fetchall() == []
    marks = ",".join("?" * len(first_ids))
    for table in store.ARTICLE_CHILD_TABLES:
        assert c.execute(f"SELECT count(*) FROM {table} WHERE article_id IN ({marks})", first_ids).fetchone()[0] == 0

    store.mark_deleted(c, ARCHIVE, [FILES[0]], None)
    assert c.execute("PRAGMA foreign_key_check").fetchall() == []
    assert _count(c, "passages") == _count(c, "passages_fts")


def test_passages_cut_long_paragraphs_at_sentence_ends():
    from nlp.batch.work import PASSAGE_MAX, _passages
    from nlp.model import Article

    para = "".join(f"第{i}项工作要组织职工开展技能竞赛活动。" for i in range(40))
    text = "总体要求\n\n" + para + "\n短段落。"
    passages = _passages(Article(source="x", index=0, title="", text=text))
    spans = [text[p.start:p.end] for p in passages]
    assert spans[0] == "总体要求" and spans[-1] == "短段落。"
    middle = spans[1:-1]
    assert len(middle) > 1 and all(len(span) <= PASSAGE_MAX for span in middle)
    assert "".join(middle) == para
    for p, span in zip(passages, spans):
        assert "职工" in p.words.split() or span in ("总体要求", "短段落。")


def test_query_terms_and_index_words_drop_punctuation():
    assert store.index_words(["开展", "，", " ", "活动", "2024"]) == "开展 活动 2024"
    terms = store.query_terms("职工， 帮扶")
    assert "职工" in terms and "帮扶" in terms and "，" not in terms


def test_search_finds_song_wennuan_with_section_and_snippet(conn):
    hits = store.search(conn, "送温暖", limit=5)
    assert hits
    for h in hits:
        assert "送温暖" in h.text
        assert "[送温暖]" in h.snippet
        assert h.source == FILES[0] and h.title
    assert any(h.section for h in hits)
    art_text = conn.execute("SELECT a.text FROM articles a JOIN documents d ON d.id = a.document_id "
                            "WHERE d.path = ? AND a.idx = ?", (hits[0].source, hits[0].article)).fetchone()[0]
    assert art_text[hits[0].start:hits[0].end] == hits[0].text


def test_search_finds_two_character_word(conn):
    # 职工 mostly appears inside 教职工 / 职工之家: the default or trigram tokenizer would miss it.
    hits = store.search(conn, "职工", limit=20)
    assert len(hits) >= 5
    assert all("职工" in h.text and "[职工]" in h.snippet for h in hits)


def test_search_needs_every_word(conn):
    assert store.search(conn, "送温暖 子虚乌有的词") == []
    assert store.search(conn, "，。") == []


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_round_trips_row_counts(conn, tmp_path, fmt):
    pd = pytest.importorskip("pandas")
    written = store.export(conn, tmp_path / fmt, fmt)
    assert set(written) == set(store.TABLES)
    for table, path in written.items():
        n = _count(conn, table)
        if fmt == "parquet":
            df = pd.read_parquet(path)
        elif fmt == "csv":
            df = pd.read_csv(path)
        else:
            df = pd.read_json(path, lines=True) if n else pd.DataFrame()
        assert len(df) == n, table
    if fmt == "jsonl":
        first = json.loads((tmp_path / fmt / "articles.jsonl").read_text("utf-8").splitlines()[0])
        assert first["source"] in FILES and "text" in first


def test_parquet_without_pyarrow_names_the_extra(conn, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(store.MissingExtra, match=r"plan-nlp\[dask\]"):
        store.export(conn, tmp_path / "out", "parquet")


def test_grouped_commits_undo_a_failed_document_alone(tmp_path, results):
    conn = store.connect(tmp_path / "g.db")
    second = results[0].articles[1]
    bad = dataclasses.replace(results[0], articles=(results[0].articles[0],
                                                   second._replace(tasks=[("too", "few", "columns")])))
    with store.GroupedCommits(conn, max_documents=10) as commits:
        commits.write(ARCHIVE, results[1], None)
        with pytest.raises(UnwritableDocument, match="ProgrammingError"):
            commits.write(ARCHIVE, bad, None)
        assert conn.in_transaction  # the group goes on
    assert not conn.in_transaction
    paths = [p for (p,) in conn.execute("SELECT path FROM documents")]
    assert paths == [results[1].path]  # the good document landed, nothing of the bad one
    assert _count(conn, "articles") == len(results[1].articles)
    assert _count(conn, "passages_fts") == _count(conn, "passages")  # no index rows of the bad one


def test_grouped_commits_commit_when_the_group_is_full(tmp_path, results):
    conn = store.connect(tmp_path / "g.db")
    reader = store.connect(tmp_path / "g.db")
    with store.GroupedCommits(conn, max_documents=2) as commits:
        commits.write(ARCHIVE, results[0], None)
        assert _count(reader, "documents") == 0  # not yet visible to a reader
        commits.write(ARCHIVE, results[1], None)
        assert _count(reader, "documents") == 2
        assert store.search(reader, "送温暖")  # the index rows came with the commit


def test_grouped_commits_replace_documents_with_their_index_rows(tmp_path, conn, results):
    # The same document written again in one group, and a document replaced: the index rows of
    # a group are written at its commit, and must end as if each write had been committed alone.
    grouped = store.connect(tmp_path / "grouped.db")
    with store.GroupedCommits(grouped, max_documents=100) as commits:
        for r in (results[0], results[1], results[0]):
            commits.write(ARCHIVE, r, None)
    with store.GroupedCommits(grouped, max_documents=100) as commits:
        commits.write(ARCHIVE, results[1], None)
        commits.write(ARCHIVE, results[1], None)
    assert store.snapshot(grouped) == store.snapshot(conn)
    assert _count(grouped, "passages_fts") == _count(grouped, "passages")
    grouped.execute("INSERT INTO passages_fts (passages_fts, rank) VALUES ('integrity-check', 1)")
    assert [h.source for h in store.search(grouped, "送温暖")] == [h.source for h in store.search(conn, "送温暖")]


def test_fts_rows_of_a_group_cost_one_index_segment(tmp_path, results):
    # Why the group defers its index rows: written inside each document's savepoint, FTS5
    # flushes a segment per document (counted as distinct segment ids in its _idx table).
    def segments(deferred: bool) -> int:
        c = store.connect(tmp_path / f"seg{deferred}.db")
        c.execute("INSERT INTO passages_fts (passages_fts, rank) VALUES ('automerge', 0)")
        with store.GroupedCommits(c, max_documents=100) as commits:
            for r in results:
                if deferred:
                    commits.write(ARCHIVE, r, None)
                else:
                    store.write_result(c, ARCHIVE, r, None)
        return c.execute("SELECT count(DISTINCT segid) FROM passages_fts_idx").fetchone()[0]

    assert segments(deferred=True) < segments(deferred=False)


def test_version_1_database_is_migrated_in_place(tmp_path):
    # Version 1 stored each passage's text, a copy of its article's span; version 2 reads it there.
    db = tmp_path / "v1.db"
    old = sqlite3.connect(db)
    old.executescript(store._SCHEMA.replace(
        "    UNIQUE (article_id, idx)              -- text:", "    text TEXT NOT NULL,\n    UNIQUE (article_id, idx) --")
        + "CREATE INDEX articles_document ON articles(document_id);"  # dropped by version 3
        + "CREATE INDEX passages_article ON passages(article_id);")
    old.execute("PRAGMA user_version=1")
    assert "text" in [r[1] for r in old.execute("PRAGMA table_info(passages)")]
    old.close()
    conn = store.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    assert "text" not in [r[1] for r in conn.execute("PRAGMA table_info(passages)")]
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert not indexes & {"articles_document", "passages_article"}
    # the leading column of UNIQUE (article_id, idx) still serves lookups by article
    plan = " ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN SELECT * FROM passages WHERE article_id = 1"))
    assert "USING INDEX" in plan
    result = analyze_file(str(CORPUS / FILES[1]), FILES[1])
    store.write_result(conn, ARCHIVE, result, None)
    assert store.search(conn, "职工")


def test_failed_migration_leaves_the_old_version(tmp_path, monkeypatch):
    # A version 2 database still has the two indexes; the migration drops them, then fails.
    db = tmp_path / "v2.db"
    v2 = store.connect(db)
    v2.executescript("CREATE INDEX articles_document ON articles(document_id);"
                     "CREATE INDEX passages_article ON passages(article_id); PRAGMA user_version=2;")
    v2.close()
    monkeypatch.setitem(store._MIGRATIONS, 2, store._MIGRATIONS[2] + "\nDROP TABLE no_such_table;")
    with pytest.raises(sqlite3.OperationalError, match="no_such_table"):
        store.connect(db)
    c = sqlite3.connect(db)
    assert c.execute("PRAGMA user_version").fetchone()[0] == 2
    # the statements before the failure were rolled back with it
    indexes = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"articles_document", "passages_article"} <= indexes


def test_newer_database_is_refused(tmp_path):
    db = tmp_path / "new.db"
    c = sqlite3.connect(db)
    c.execute(f"PRAGMA user_version={store.SCHEMA_VERSION + 1}")
    c.close()
    with pytest.raises(PlanNLPError, match="newer than this plan-nlp"):
        store.connect(db)
