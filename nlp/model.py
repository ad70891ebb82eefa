"""The data model: one text-owning Article with typed spans pointing into it by offsets.

Every span's `start`/`end` index into `Article.text`; for every span except Heading,
`article.text[start:end] == span.text`. A Heading's span starts at its marker
(`text[start:end]` is marker + optional space + heading text) and
`text[text_start:end] == heading.text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import Any


def _row(item: Any) -> dict[str, Any]:
    """A span's fields as a dict; tuples become lists (JSON arrays).

    Not dataclasses.asdict: spans hold only scalars and tuples of scalars, and asdict's
    recursive deep copy was a tenth of a batch worker's time.
    """
    return {name: list(v) if isinstance(v := getattr(item, name), tuple) else v
            for name in _field_names(type(item))}


@lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


@dataclass(frozen=True)
class Flag:
    """A quality flag: placeholder left in, numbering gap, repaired line, duplicated text."""

    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class LineMark:
    """Markdown decoration stripped from the start of a line during normalization."""

    start: int  # offset in the article text of the line the mark stood before
    kind: str  # "heading" (#... or a setext underline), "bullet" (- / * / +), "emphasis" (a whole bold line)
    raw: str  # the mark as printed, e.g. "## ", "- ", "**"; a setext heading's underline ("===")


@dataclass(frozen=True)
class Heading:
    """An outline node: `marker` as printed ('' when unnumbered), `text` without marker."""

    level: int
    marker: str
    text: str
    start: int
    end: int
    text_start: int
    run_in: bool = False


@dataclass(frozen=True)
class Section:
    """A heading (index into Article.headings) and the body it owns, with children."""

    heading: int
    start: int
    end: int
    children: tuple["Section", ...] = ()


@dataclass(frozen=True)
class DateMention:
    """A time expression with its normalized fields (months are [first, last], 1-12)."""

    text: str
    start: int
    end: int
    kind: str  # year month month_range day season holiday recurring duration
    year: int | None = None
    months: tuple[int, int] | None = None
    day: int | None = None
    every: str | None = None
    placeholder: bool = False


@dataclass(frozen=True)
class Quantity:
    """A number bound to a unit: value, or low/high for ranges, with its comparator."""

    text: str
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    unit: str
    comparator: str  # = >= <= ~ range


@dataclass(frozen=True)
class Target:
    """A quantity a reader would put in a table of targets or results."""

    text: str
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    unit: str
    comparator: str
    status: str  # goal achieved fact
    subject: str | None = None


@dataclass(frozen=True)
class Task:
    """An action item with its verb head, section path and indices of its dates/targets."""

    text: str
    start: int
    end: int
    action: str
    section: tuple[str, ...] = ()
    dates: tuple[int, ...] = ()
    targets: tuple[int, ...] = ()


@dataclass(frozen=True)
class ScheduleItem:
    """One calendar entry: the months it falls in, what happens, and where it is said."""

    months: tuple[int, ...]
    activity: str
    start: int
    end: int
    section: tuple[str, ...] = ()
    every: str | None = None


@dataclass
class Article:
    """One plan or summary: normalized body text plus the spans extracted from it.

    `raw_offsets[i]` is the offset in the document's raw text of `text[i]`
    (one entry per character plus one for the end).
    """

    source: str
    index: int
    title: str
    text: str
    raw_offsets: list[int] = field(default_factory=list, repr=False)
    title_raw_span: tuple[int, int] | None = None
    line_marks: tuple[LineMark, ...] = ()
    genre: str | None = None
    org_type: str | None = None
    year: int | None = None
    headings: tuple[Heading, ...] = ()
    sections: tuple[Section, ...] = ()
    dates: tuple[DateMention, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    targets: tuple[Target, ...] = ()
    tasks: tuple[Task, ...] = ()
    schedule: tuple[ScheduleItem, ...] = ()
    flags: tuple[Flag, ...] = ()
    explain: dict[str, Any] = field(default_factory=dict)
    # Names of the fields the pipeline's components have filled (nlp.pipeline), so a view never guesses.
    filled: frozenset[str] = field(default_factory=frozenset, repr=False)
    # The same text in simplified script, character for character, when the document is printed in
    # traditional script (None otherwise): extractors match against it, items keep the printed text.
    match_text: str | None = field(default=None, repr=False)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map an article span to the raw document text (end exclusive)."""
        if start == end:
            return self.raw_offsets[start], self.raw_offsets[start]
        return self.raw_offsets[start], self.raw_offsets[end - 1] + 1

    def to_dict(self) -> dict[str, Any]:
        """The `analyze` JSON contract (GUIDE §4); extra keys extend, never rename."""
        return {
            "source": self.source,
            "article": self.index,
            "title": self.title,
            "genre": self.genre,
            "org_type": self.org_type,
            "year": self.year,
            "text": self.text,
            "headings": [_row(h) for h in self.headings],
            "dates": [_row(d) for d in self.dates],
            "targets": [_row(t) for t in self.targets],
            "tasks": [_row(t) for t in self.tasks],
            "schedule": [_row(s) for s in self.schedule],
            "flags": [_row(f) for f in self.flags],
            "explain": self.explain,
        }


@dataclass
class Document:
    """A read file: its raw text, how it was read, and the articles found in it."""

    source: str
    format: str
    encoding: str | None
    raw_text: str
    title: str | None = None
    articles: list[Article] = field(default_factory=list)
    dropped: list[tuple[int, int, str]] = field(default_factory=list)  # raw spans removed, with reason
