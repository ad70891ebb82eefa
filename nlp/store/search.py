"""Full-text search over the archive: a jieba-segmented shadow column in FTS5, with filters."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import regex

from .schema import PASSAGE_TEXT

# A run of CJK characters, letters or digits: what counts as a word for the index.
# matches: "职工", "2024", "abc"; must not match: "，", " ", "-"
_WORDLIKE = regex.compile(r"[\p{Han}\p{L}\p{N}]")


def index_words(words: Iterable[str]) -> str:
    """Words joined by spaces for the FTS5 shadow column (punctuation and spaces dropped)."""
    return " ".join(w for w in words if _WORDLIKE.search(w))


def query_terms(query: str) -> list[str]:
    """The query segmented exactly like indexed text (jieba words, punctuation dropped)."""
    from ..text.segment import get_segmenter

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
