"""The unit of work of a batch, run inside worker processes (nlp.batch.pool, or Dask), never the writer.

`analyze_file` reads, annotates and segments one file for the search index and returns plain
data (a FileResult); the parent process alone writes the database.
"""

from __future__ import annotations

import logging
import time
from functools import lru_cache
from typing import TYPE_CHECKING

from nlp.errors import PlanNLPError
from nlp.store import FileResult, Passage, article_rows, index_words

# Passages longer than this are cut at sentence ends so a hit names a small span.
PASSAGE_MAX = 240
# Files handed to each worker ahead of its results: enough to keep it busy while the writer commits
# or sleeps (pool.COLLECT_SECONDS). A task is a path; finished results wait in the worker's pipe
# (it blocks when the pipe is full), so memory stays bounded whatever the archive size.
IN_FLIGHT_PER_WORKER = 8
# Distinct words whose index entries a worker keeps (a few MB; an archive's vocabulary is smaller).
INDEX_TERMS_CACHE_SIZE = 200_000

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from nlp.model import Article


def _passage_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs of `text`, long ones cut at sentence ends into pieces of at most PASSAGE_MAX."""
    from nlp.text.sentences import split_sentences

    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        if end - start <= PASSAGE_MAX:
            spans.append((start, end))
            continue
        cur = None
        for s, e in split_sentences(text, start, end):
            if cur is not None and e - cur[0] > PASSAGE_MAX:
                spans.append(cur)
                cur = None
            cur = (cur[0] if cur else s, e)
        if cur:
            spans.append(cur)
    return spans


def _passages(article: "Article") -> list[Passage]:
    """An article's passages with their section paths and index words."""
    from nlp.extract.sections import section_paths
    from nlp.text.segment import get_segmenter

    text = article.text
    words_between = get_segmenter().words_between
    section_of = section_paths(article)
    # search granularity: long words also yield their parts (职工之家 → 职工, 之家); the same as
    # index_words(segmenter.search_words(text, s, e)), word by word.
    return [Passage(s, e, section_of(s),
                    " ".join(filter(None, map(_index_terms, words_between(text, s, e)))))
            for s, e in _passage_spans(text)]


@lru_cache(maxsize=INDEX_TERMS_CACHE_SIZE)
def _index_terms(word: str) -> str:
    """`word`'s index entries joined by spaces ("" for punctuation); memoized, as words recur."""
    from nlp.text.segment import get_segmenter

    return index_words(get_segmenter().search_parts(word))


def _forget_file_caches() -> None:
    """Drop the segmenter's per-text POS cache between files: it pays off within a file (several
    extractors tag the same sentences) but would otherwise grow a worker's memory with the archive."""
    from nlp.text.segment import get_segmenter

    get_segmenter().clear_cache()


def analyze_file(path: str, rel: str, sha256: str | None = None, size: int | None = None) -> FileResult:
    """Analyze one file into a FileResult; a PlanNLPError becomes a failed result, never an exception."""
    from nlp.batch.discover import file_hash

    t0 = time.perf_counter()
    try:
        digest, nbytes = file_hash(path)
    except OSError as exc:
        return FileResult(rel, sha256, size, reason="unreadable", detail=f"cannot read the file ({exc.strerror or exc})")
    try:
        return _analyzed(path, rel, digest, nbytes, t0)
    finally:
        # After indexing too: the passages' search words come from the same memoized pass.
        _forget_file_caches()


def _analyzed(path: str, rel: str, digest: str, nbytes: int, t0: float) -> FileResult:
    from nlp.api import analyze_document

    try:
        doc = analyze_document(path)
    except PlanNLPError as exc:
        return FileResult(rel, digest, nbytes, reason=exc.reason, detail=exc.detail,
                          seconds=time.perf_counter() - t0)
    except OSError as exc:
        return FileResult(rel, digest, nbytes, reason="unreadable", detail=f"cannot read the file ({exc})",
                          seconds=time.perf_counter() - t0)
    except Exception as exc:  # a bug in one extractor must not stop the archive
        log.exception("analysis failed: %s", path)
        return FileResult(rel, digest, nbytes, reason="internal_error", detail=f"{type(exc).__name__}: {exc}",
                          seconds=time.perf_counter() - t0)
    # source: the path relative to the archive, stable across machines and archive moves
    arts = [article_rows(art, rel, _passages(art)) for art in doc.articles]
    return FileResult(rel, digest, nbytes, format=doc.format, encoding=doc.encoding, n_chars=len(doc.raw_text),
                      articles=tuple(arts), seconds=time.perf_counter() - t0)


Task = tuple[str, str, str | None, int | None]  # path, rel, sha256, size
