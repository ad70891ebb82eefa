"""The draft data model: sections of sentences, each sentence with its provenance."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KINDS = ("retrieved", "template", "generated")


@dataclass(frozen=True)
class Sentence:
    """One sentence of the draft; `source`/`article`/`start`/`end` point at the archive span it
    was taken from (before rewriting) when `kind` is `retrieved`, and are None otherwise."""

    text: str
    kind: str  # retrieved | template | generated
    source: str | None = None
    article: int | None = None
    start: int | None = None
    end: int | None = None
    review: bool = False  # carries a number (a target) someone must check

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "kind": self.kind, "source": self.source, "article": self.article,
                "start": self.start, "end": self.end, "review": self.review}


@dataclass
class DraftSection:
    """A heading with its sentences and children; `marker` is regenerated from the position."""

    heading: str
    level: int = 1
    marker: str = ""
    role: str = "work"  # guiding goals work schedule measures
    theme: tuple[str, ...] = ()  # the keywords this section speaks to
    heading_from: Sentence | None = None  # where a retrieved heading came from
    sentences: list[Sentence] = field(default_factory=list)
    children: list["DraftSection"] = field(default_factory=list)

    def walk(self):
        """This section and its descendants, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def to_dict(self) -> dict[str, Any]:
        src = self.heading_from
        return {
            "marker": self.marker, "level": self.level, "heading": self.heading, "role": self.role,
            "theme": list(self.theme),
            "heading_source": None if src is None else {k: getattr(src, k) for k in ("source", "article", "start", "end")},
            "sentences": [s.to_dict() for s in self.sentences],
            "children": [c.to_dict() for c in self.children],
        }


@dataclass(frozen=True)
class ScheduleEntry:
    """One line of the month-by-month 活动安排."""

    months: tuple[int, ...]
    sentence: Sentence
    holiday: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"months": list(self.months), "holiday": self.holiday, **self.sentence.to_dict()}


@dataclass(frozen=True)
class DraftTarget:
    """A numeric target carried from the archive, to be checked by a person."""

    sentence: Sentence
    value: float | None
    low: float | None
    high: float | None
    unit: str
    comparator: str
    subject: str | None

    def to_dict(self) -> dict[str, Any]:
        return {**self.sentence.to_dict(), "value": self.value, "low": self.low, "high": self.high,
                "unit": self.unit, "comparator": self.comparator, "subject": self.subject}


@dataclass
class Draft:
    """A plan draft: title, sections (with provenance), schedule and targets."""

    title: str
    year: int
    org: str | None
    org_type: str | None
    keywords: tuple[str, ...]
    sections: list[DraftSection]
    schedule: list[ScheduleEntry] = field(default_factory=list)
    targets: list[DraftTarget] = field(default_factory=list)
    template: str = ""
    skeleton_from: str = "default"  # "archive" when the outline came from the archive

    def walk(self):
        """Every section in document order."""
        for s in self.sections:
            yield from s.walk()

    def sentences(self) -> list[Sentence]:
        """Every body sentence in document order."""
        return [x for s in self.walk() for x in s.sentences]

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of issue 19 (extended with roles, themes and review marks)."""
        return {
            "title": self.title, "year": self.year, "org": self.org, "org_type": self.org_type,
            "keywords": list(self.keywords), "template": self.template, "skeleton_from": self.skeleton_from,
            "sections": [s.to_dict() for s in self.sections],
            "schedule": [e.to_dict() for e in self.schedule],
            "targets": [t.to_dict() for t in self.targets],
        }

    def to_text(self) -> str:
        """The draft as plain text: title, then one line per heading or paragraph."""
        from .render_md import render_text

        return render_text(self)

    def to_markdown(self, provenance: bool = True) -> str:
        """The draft as Markdown, with a provenance appendix unless `provenance=False`."""
        from .render_md import render_markdown

        return render_markdown(self, provenance=provenance)

    def to_docx(self, path: str | Path) -> Path:
        """Write the draft as a .docx with GB/T 9704 layout habits; returns the path."""
        from .render_docx import write_docx

        return write_docx(self, Path(path))
