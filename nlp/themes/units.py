"""Theme units: the level-1 sections of analyzed articles (paragraphs where there is no outline)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from ..model import Article

# PARAGRAPH_BREAK: one or more line breaks (blank lines included) between paragraphs.
# Matches "\n" and "\n\n  \n"; must not match the space inside "工会 工作".
PARAGRAPH_BREAK = regex.compile(r"[ \t\u3000]*(?:\r?\n[ \t\u3000]*)+")

# Paragraphs shorter than this are merged into the next one: a stray title line or a date line
# says nothing about a theme on its own.
MIN_PARAGRAPH_CHARS = 30


@dataclass(frozen=True)
class ThemeUnit:
    """One section of one article: the thing a theme is made of, with offsets into its article."""

    source: str
    article: int
    heading: str
    start: int
    end: int
    text: str
    title: str = ""
    year: int | None = None
    org_type: str | None = None
    genre: str | None = None
    heading_start: int | None = None  # offset of the heading text (None for a paragraph unit)
    heading_end: int | None = None

    @property
    def key(self) -> tuple[str, int, int]:
        """(source, article, start): unique within an archive, stable across runs."""
        return self.source, self.article, self.start

    @property
    def body(self) -> str:
        """The section text after its heading (the whole text for a paragraph unit)."""
        if self.heading_end is None:
            return self.text
        return self.text[self.heading_end - self.start:]


def _unit(article: "Article", start: int, end: int, heading: str = "",
          heading_span: tuple[int, int] | None = None) -> ThemeUnit:
    hs, he = heading_span if heading_span else (None, None)
    return ThemeUnit(article.source, article.index, heading, start, end, article.text[start:end],
                     article.title, article.year, article.org_type, article.genre, hs, he)


def _paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    """Non-blank paragraphs of `text`, short ones merged into the following paragraph."""
    pending: int | None = None
    last = 0
    for m in [*PARAGRAPH_BREAK.finditer(text), None]:
        stop = m.start() if m else len(text)
        if stop > last and text[last:stop].strip():
            start = last if pending is None else pending
            if stop - start >= MIN_PARAGRAPH_CHARS or m is None:
                yield start, stop
                pending = None
            else:
                pending = start
        if m is None:
            break
        last = m.end()
    if pending is not None and pending < len(text.rstrip()):
        yield pending, len(text.rstrip())


def article_units(article: "Article") -> list[ThemeUnit]:
    """The level-1 sections of one article; its paragraphs when it has no outline."""
    level_one = [s for s in article.sections if article.headings[s.heading].level == 1]
    if not level_one:
        return [_unit(article, s, e) for s, e in _paragraph_spans(article.text)]
    units = []
    for section in level_one:
        h = article.headings[section.heading]
        end = section.end
        units.append(_unit(article, section.start, end, h.text, (h.text_start, h.text_start + len(h.text))))
    return units


def theme_units(articles: Iterable["Article"]) -> list[ThemeUnit]:
    """Level-1 sections of every article, in archive order (paragraphs when an article has no outline)."""
    return [u for a in articles for u in article_units(a)]
