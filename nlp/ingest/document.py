"""From raw text to Articles: normalize, split, and cut each article's text with its offset map."""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

from ..errors import EmptyDocument
from ..model import Article, Document, Flag, LineMark
from .normalize import Normalized, normalize
from .split import ArticleSpan, split_articles


class _PositionMap:
    """Normalized-text offset → article-text offset for the characters an article kept, as runs
    (one per copied line) rather than a dict entry per character."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._targets: list[int] = []

    def add(self, start: int, end: int, target: int) -> None:
        """Normalized [start, end) became article [target, target + end - start)."""
        if self._starts and start < self._starts[-1]:  # ranges out of text order: keep runs sorted
            runs = sorted(zip([*self._starts, start], [*self._ends, end], [*self._targets, target]))
            self._starts, self._ends, self._targets = (list(col) for col in zip(*runs))
            return
        self._starts.append(start)
        self._ends.append(end)
        self._targets.append(target)

    def get(self, pos: int) -> int | None:
        """The article offset of normalized offset `pos`, or None when it was dropped."""
        k = bisect_right(self._starts, pos) - 1
        if k >= 0 and pos < self._ends[k]:
            return self._targets[k] + pos - self._starts[k]
        return None


def _assemble(norm: Normalized, ranges: tuple[tuple[int, int], ...],
              text: str | None = None) -> tuple[str, list[int], _PositionMap]:
    """Concatenate normalized ranges; trim outer space and fold blank-line runs left by drops.

    `text` is `norm.text` or its same-length matching view (the same ranges cut both alike).
    """
    text = norm.text if text is None else text
    pieces: list[str] = []  # copied runs and line breaks, joined once at the end
    length = 0  # characters in `pieces`
    breaks_at_end = 0  # line breaks that end `pieces`
    offsets: list[int] = []
    where = _PositionMap()
    for start, end in ranges:
        i = start
        while i < end:
            if not length and text[i].isspace():
                i += 1  # leading space and line breaks of the article
                continue
            if text[i] == "\n":
                if breaks_at_end < 2:  # at most one blank line in a row
                    where.add(i, i + 1, length)
                    pieces.append("\n")
                    offsets.append(norm.offsets[i])
                    length += 1
                    breaks_at_end += 1
                i += 1
                continue
            # Up to the next line break every character is kept: copy the run in one step.
            j = text.find("\n", i, end)
            j = end if j < 0 else j
            where.add(i, j, length)
            pieces.append(text[i:j])
            offsets.extend(norm.offsets[i:j])
            length += j - i
            breaks_at_end = 0
            i = j
    # Trailing space and line breaks (rstrip drops exactly the characters that are isspace()).
    article_text = "".join(pieces).rstrip()
    del offsets[len(article_text):]
    end_raw = offsets[-1] + 1 if offsets else 0
    offsets.append(end_raw)
    return article_text, offsets, where


def build_article(source: str, index: int, norm: Normalized, span: ArticleSpan, fallback_title: str) -> Article:
    """One Article from its span in the normalized document."""
    text, offsets, where = _assemble(norm, span.body)
    match_text = _assemble(norm, span.body, norm.match_text)[0] if norm.simplified else None
    marks = tuple(LineMark(at, m.kind, m.raw) for m in norm.line_marks if (at := where.get(m.start)) is not None)
    repairs = []
    for r in norm.repairs:
        a, b = where.get(r - 1), where.get(r)
        if a is not None and b == a + 1:
            repairs.append(Flag("repaired_line", text[a:a + 2], a, a + 2))
    title_raw = None
    if span.title:
        title_raw = (norm.offsets[span.title.start], norm.offsets[span.title.end - 1] + 1)
    return Article(
        source=source,
        index=index,
        title=norm.text[span.title.start:span.title.end] if span.title else fallback_title,
        text=text,
        raw_offsets=offsets,
        title_raw_span=title_raw,
        line_marks=marks,
        flags=tuple(repairs),
        explain={"script": "traditional"} if norm.simplified else {},
        match_text=match_text,
    )


def document_from_text(raw: str, source: str, fmt: str = "txt", encoding: str | None = None,
                       simplify: bool = True) -> Document:
    """Normalize and split decoded text into a Document of (unannotated) Articles."""
    norm = normalize(raw, simplify=simplify)
    result = split_articles(norm.match_text, marks=norm.line_marks)
    fallback = Path(source).stem
    articles = [build_article(source, i, norm, span, fallback) for i, span in enumerate(result.articles)]
    articles = [a for a in articles if a.text.strip()]
    for i, a in enumerate(articles):
        a.index = i
    if not articles:
        raise EmptyDocument(source, "no text left once boilerplate is removed")
    dropped = [(norm.offsets[s], norm.offsets[e - 1] + 1 if e > s else norm.offsets[s], why)
               for s, e, why in result.dropped]
    title = result.title
    if title and norm.simplified and (at := norm.match_text.find(title)) >= 0:
        title = norm.text[at:at + len(title)]  # as printed
    return Document(source, fmt, encoding, raw, title, articles, dropped)
