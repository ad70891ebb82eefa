"""The digest's data: one structure per article and one for the archive (renderers read these)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class OutlineItem:
    """One heading of the outline."""

    level: int
    marker: str
    text: str


@dataclass(frozen=True)
class TaskItem:
    """A key task with the score it was ranked by."""

    text: str
    action: str
    section: list[str]
    score: float


@dataclass(frozen=True)
class CalendarRow:
    """Months (as a label and as numbers) and what the plan schedules then."""

    label: str
    months: list[int]
    activities: list[str]


@dataclass(frozen=True)
class RecurringRow:
    """A recurring activity and how often it recurs."""

    every: str | None
    label: str
    activity: str


@dataclass(frozen=True)
class LooseItem:
    """An activity timed only by a season or term (上半年, 年底, 新学期): not on the month calendar."""

    label: str
    activity: str


@dataclass(frozen=True)
class FlagRow:
    """A quality flag kind of one article: how many, and the first texts flagged."""

    kind: str
    count: int
    examples: list[str]


@dataclass(frozen=True)
class TargetRow:
    """One row of the targets table."""

    subject: str | None
    value: str
    unit: str
    comparator: str
    status: str
    clause: str
    number: float | None  # value, or the high end of a range, for sorting


@dataclass
class ArticleDigest:
    """Everything the digest says about one article."""

    id: str
    source: str
    index: int
    title: str
    display_title: str  # the title, told apart from others of the same title (org, year, file)
    genre: str | None
    org_type: str | None
    year: int | None
    year_label: str
    summary: list[str]
    areas: list[str]
    outline: list[OutlineItem]
    tasks: list[TaskItem]
    calendar: list[CalendarRow]
    recurring: list[RecurringRow]
    unscheduled: list[LooseItem]
    targets: list[TargetRow]
    flags: dict[str, int]
    flag_details: list[FlagRow]
    near_duplicates: list[str] = field(default_factory=list)
    genre_reason: str | None = None  # why a document of genre `other` is not a plan


@dataclass(frozen=True)
class ArchiveActivity:
    """An activity key in one month of the archive calendar, and how many plans name it."""

    key: str
    plans: int
    examples: list[str]
    months: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class ArchiveMonth:
    """One month of the archive calendar."""

    month: int
    activities: list[ArchiveActivity]


@dataclass(frozen=True)
class HeatRow:
    """One activity kind of the heatmap: plans naming such an activity, month by month (Jan..Dec)."""

    kind: str
    label: str
    months: list[int]


@dataclass(frozen=True)
class SubjectStat:
    """Targets of one subject across the archive."""

    subject: str
    unit: str
    count: int
    plans: int
    largest: str
    number: float | None
    clause: str


@dataclass
class ArchiveDigest:
    """Corpus-level views over every article given."""

    articles: int
    by_genre: dict[str, int]
    by_org_type: dict[str, int]
    by_year: dict[str, int]
    calendar: list[ArchiveMonth]
    recurring: list[ArchiveActivity]
    activities: list[ArchiveActivity]  # across the year, most plans first
    heatmap: list[HeatRow]
    largest_targets: list[SubjectStat]  # goals of plans only
    frequent_targets: list[SubjectStat]  # goals of plans only
    largest_achieved: list[SubjectStat]  # figures reported as achieved (summaries), apart from goals
    frequent_achieved: list[SubjectStat]
    duplicates: list[list[str]]
    # Themes of the level-1 sections, as `themes --format json` gives them; None when not asked for
    # (fitting takes seconds, so the section is opt-in).
    themes: dict[str, Any] | None = None


@dataclass
class Digest:
    """The whole digest: the archive view and one entry per article."""

    archive: ArchiveDigest
    articles: list[ArticleDigest]
    errors: list[str] = field(default_factory=list)
