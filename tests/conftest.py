"""Shared fixtures: the shipped corpus, split and annotated once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "gold"
REFERENCE_SCORER = ROOT.parent / "shared" / "eval" / "score.py"
# The three shortest corpus files (a few thousand characters each) keep batch runs fast.
SMALL = ("001_0d86f010e203b325.txt", "003_15364ccff48bad3a.txt", "004_f379b5a5a78fa9c2.txt")


def ok_documents(db: Path) -> int:
    """Documents a (possibly running) batch has committed as analyzed; 0 before the database exists."""
    import sqlite3

    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM documents WHERE status = 'ok'").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


@pytest.fixture(scope="session")
def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="session")
def corpus_documents(corpus_files):
    """Every corpus file read and annotated (the whole pipeline)."""
    from nlp.api import analyze_document

    return [analyze_document(path) for path in corpus_files]


@pytest.fixture(scope="session")
def corpus_articles(corpus_documents):
    return [a for doc in corpus_documents for a in doc.articles]
