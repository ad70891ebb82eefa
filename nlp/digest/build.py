"""The digest as data: one structure per article and one for the archive, rendered elsewhere."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import regex

from ..extract.schedule import every_label, month_label
from ..extract.targets import clause_span
from ..model import Article, Flag, Heading
from ..text.segment import get_segmenter
from ..text.sentences import split_sentences
from .activities import activity_keys, holiday_months, holiday_pattern
from .summary import make_vectorizer, summarize_articles

PLACEHOLDER_YEAR = "placeholder year"
UNKNOWN = "unknown"
DUPLICATE_THRESHOLD = 0.8
DUPLICATED_SENTENCE_CHARS = 12  # a repeated sentence shorter than this is a formula, not a copy
FLAG_EXAMPLES = 3
LOOSE_ITEMS = 8  # season/term items shown per article
OTHER_KIND = ("other", "其他")
MAX_AREAS = 8
TOP_ACTIVITIES = 20  # activities of the archive listed across the year
AREA_MAX_CHARS = 30  # a level-1 heading longer than this is a sentence, not the name of an area
# Where a run-on heading's name ends: its first clause.  Matches "，" in `加强学习，提高素质`; not "、".
AREA_CUT = regex.compile(r"[，,。；;：:]")

# Time words left inside an activity are not part of its key.  Matches "4月下旬", "10—12日",
# "今年", "27.42元"; not "教师节".
TIME_WORDS = regex.compile(
    r"[0-9０-９.．一二三四五六七八九十〇零两—\-~～至到]*[0-9０-９一二三四五六七八九十]"
    r"(?:月份?|日|号|年|元|万元|周|天)(?:上旬|中旬|下旬|初|底|中|末)?|今年|明年|全年|年初|年底|年末|期间"
)


# ----------------------------------------------------------------------------- data


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
    largest_targets: list[SubjectStat]
    frequent_targets: list[SubjectStat]
    duplicates: list[list[str]]


@dataclass
class Digest:
    """The whole digest: the archive view and one entry per article."""

    archive: ArchiveDigest
    articles: list[ArticleDigest]
    errors: list[str] = field(default_factory=list)


# ----------------------------------------------------------------------------- per article


def article_id(article: Article) -> str:
    """A stable id: file stem and article index (`000_9825fc98e55fd8cd#0`)."""
    return f"{Path(article.source).stem}#{article.index}"


def year_label(article: Article) -> str:
    """The year as text, `placeholder year` when a year was left as a template gap, else unknown."""
    if article.year is not None:
        return str(article.year)
    if any(d.kind == "year" and d.placeholder for d in article.dates):
        return PLACEHOLDER_YEAR
    if any(f.kind == "placeholder" and "年" in f.text for f in article.flags):
        return PLACEHOLDER_YEAR
    return UNKNOWN


def _num(x: float | None) -> str:
    if x is None:
        return "?"
    return str(int(x)) if float(x).is_integer() else format(x, "f").rstrip("0").rstrip(".")


def target_rows(article: Article) -> list[TargetRow]:
    """The targets table of an article, in text order."""
    rows = []
    for t in article.targets:
        if t.value is not None:
            value, number = _num(t.value), t.value
        else:
            value, number = f"{_num(t.low)}–{_num(t.high)}", t.high if t.high is not None else t.low
        s, e = clause_span(article.text, t.start, t.end)
        clause = article.text[s:e] if s < e else t.text
        rows.append(TargetRow(t.subject, value, t.unit, t.comparator, t.status, clause,
                              float(number) if number is not None else None))
    return rows


def task_items(article: Article, top: int) -> list[TaskItem]:
    """Tasks ranked: those with targets and dates first, then earlier and higher in the outline.

    Tasks that are headings come after body tasks (the outline already lists them).
    """
    scored = []
    n = max(len(article.text), 1)
    heading_spans = [(h.start, h.end) for h in article.headings]
    for t in article.tasks:
        score = 2.0 * len(t.targets) + 1.0 * len(t.dates) + 0.5 / max(len(t.section), 1) + (1 - t.start / n) * 0.1
        # A task that is only a heading repeats the outline shown just above it: rank it last.
        if any(hs <= t.start and t.end <= he for hs, he in heading_spans):
            score -= 1.0
        scored.append((round(score, 6), t.start, t))
    scored.sort(key=lambda x: (-x[0], x[1]))
    return [TaskItem(t.text, t.action, list(t.section), s) for s, _, t in scored[:top]]


def calendar_rows(article: Article) -> tuple[list[CalendarRow], list[RecurringRow]]:
    """Month → activities (grouped by month label, in calendar order) and recurring items."""
    groups: dict[tuple[int, ...], list[str]] = {}
    recurring = []
    for it in article.schedule:
        if it.months:
            groups.setdefault(tuple(it.months), []).append(it.activity)
        else:
            recurring.append(RecurringRow(it.every, every_label(it.every), it.activity))
    rows = [CalendarRow(month_label(m), list(m), acts)
            for m, acts in sorted(groups.items(), key=lambda kv: (kv[0][0], len(kv[0]), kv[0]))]
    return rows, recurring


def loose_items(article: Article) -> list[LooseItem]:
    """Activities timed only by a season or a term (上半年, 暑期, 新学期), outside the month calendar.

    A whole-year span (全年, 年内) says nothing about when, so it is not an item.
    """
    text = article.text
    covered = [(it.start, it.end) for it in article.schedule]
    task_spans = [(t.start, t.end) for t in article.tasks]
    out: list[LooseItem] = []
    seen: set[str] = set()
    for d in article.dates:
        if d.kind != "season" or (d.months and len(set(_month_span(d.months))) >= 12):
            continue
        s, e = clause_span(text, d.start, d.end)
        if any(a <= d.start < b for a, b in covered) or e <= s:
            continue
        # With tasks known, only a clause that holds part of one is an activity (not `又要开始新学年`).
        if task_spans and not any(a < e and s < b for a, b in task_spans):
            continue
        activity = text[s:e].strip()
        if activity == d.text or activity in seen:
            continue
        seen.add(activity)
        out.append(LooseItem(d.text, activity))
        if len(out) >= LOOSE_ITEMS:
            break
    return out


def _month_span(months: Sequence[int]) -> list[int]:
    """Every month of a (first, last) pair, wrapping over the new year (12, 2 → 12, 1, 2)."""
    if len(months) != 2:
        return list(months)
    first, last = months
    return [(first - 1 + k) % 12 + 1 for k in range((last - first) % 12 + 1)]


def duplicated_sentences(article: Article) -> list[Flag]:
    """Sentences said twice or more in one article (a copy-paste slip or a doubled web page)."""
    seen: dict[str, int] = {}
    out: list[Flag] = []
    for s, e in split_sentences(article.text):
        sentence = article.text[s:e]
        key = "".join(sentence.split())
        if len(key) < DUPLICATED_SENTENCE_CHARS:
            continue
        if key in seen:
            out.append(Flag("duplicated_text", sentence, s, e))
        else:
            seen[key] = s
    return out


def flag_rows(flags: Sequence[Flag]) -> list[FlagRow]:
    """Flags grouped by kind (sorted), each with its count and first distinct texts."""
    by_kind: dict[str, list[str]] = defaultdict(list)
    for f in flags:
        by_kind[f.kind].append(" ".join(f.text.split()))
    return [FlagRow(k, len(v), list(dict.fromkeys(v))[:FLAG_EXAMPLES]) for k, v in sorted(by_kind.items())]


@lru_cache(maxsize=1)
def section_labels() -> frozenset[str]:
    """Headings naming a part of a plan's form (指导思想, 主要工作…), from data/section_labels.txt."""
    text = resources.files("nlp.digest").joinpath("data/section_labels.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _area_name(h: Heading) -> str:
    """A heading as the name of an area: cut at its first clause when it runs on, edges trimmed."""
    text = h.text
    if h.run_in or len(text) >= AREA_MAX_CHARS:
        text = AREA_CUT.split(text, 1)[0]
    return text.strip(" \t\u3000，,。；;：:、")


def main_areas(article: Article) -> list[str]:
    """The plan's main areas: its level-1 headings, or the level-2 ones under a heading that only
    names a part of the form (主要工作); dates and part names are no areas.

    Empty when fewer than two are found (nothing to list); at most MAX_AREAS."""
    labels = section_labels()
    out: list[str] = []
    level1_is_form = False
    for h in article.headings:
        name = _area_name(h)
        if h.level == 1:
            level1_is_form = name in labels or bool(TIME_WORDS.fullmatch(name))
        if h.level == 1 and level1_is_form or h.level > 2 or h.level == 2 and not level1_is_form:
            continue
        if (2 <= len(name) < AREA_MAX_CHARS and name not in labels and not TIME_WORDS.search(name)
                and name not in out):
            out.append(name)
    return out[:MAX_AREAS] if len(out) >= 2 else []


def article_digest(article: Article, summary: list[str], top: int) -> ArticleDigest:
    """The digest entry of one article."""
    calendar, recurring = calendar_rows(article)
    details = flag_rows([*article.flags, *duplicated_sentences(article)])
    return ArticleDigest(
        id=article_id(article), source=article.source, index=article.index, title=article.title,
        genre=article.genre, org_type=article.org_type, year=article.year, year_label=year_label(article),
        summary=summary, areas=main_areas(article) if article.genre != "other" else [],
        outline=[OutlineItem(h.level, h.marker, h.text) for h in article.headings],
        tasks=task_items(article, top), calendar=calendar, recurring=recurring,
        unscheduled=loose_items(article), targets=target_rows(article),
        flags={r.kind: r.count for r in details}, flag_details=details,
    )


# ----------------------------------------------------------------------------- archive


def _stat_key(ids: set[str]) -> int:
    return len(ids)


CALENDAR_GENRES = ("plan", "mixed")  # what is planned; a summary's dates tell what was done


def archive_calendar(articles: Sequence[Article], per_month: int
                     ) -> tuple[list[ArchiveMonth], list[ArchiveActivity], list[ArchiveActivity]]:
    """The archive's calendar from its plans: month × activity key with the number of plans
    naming it, recurring keys likewise, and every key across the year (most plans first)."""
    months: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    examples: dict[tuple[int, str], list[str]] = defaultdict(list)
    rec: dict[str, set[str]] = defaultdict(set)
    rec_ex: dict[str, list[str]] = defaultdict(list)
    year: dict[str, set[str]] = defaultdict(set)
    year_months: dict[str, set[int]] = defaultdict(set)
    year_ex: dict[str, list[str]] = defaultdict(list)
    for a in articles:
        if a.genre not in CALENDAR_GENRES:
            continue
        aid = article_id(a)
        for it in a.schedule:
            for key in activity_keys(it.activity):
                year[key].add(aid)
                if it.activity not in year_ex[key]:
                    year_ex[key].append(it.activity)
                if it.months:
                    # A holiday falls in its own months when the entry spans more (1—2月: 春节 → 1, 2).
                    hm = holiday_months(key)
                    inside = [m for m in it.months if hm is None or hm[0] <= m <= hm[1]]
                    for m in inside or it.months:
                        months[m][key].add(aid)
                        year_months[key].add(m)
                        if it.activity not in examples[m, key]:
                            examples[m, key].append(it.activity)
                else:
                    k = f"{every_label(it.every)} {key}"
                    rec[k].add(aid)
                    if it.activity not in rec_ex[k]:
                        rec_ex[k].append(it.activity)
    out = []
    for m in sorted(months):
        acts = sorted(months[m].items(), key=lambda kv: (-len(kv[1]), kv[0]))[:per_month]
        out.append(ArchiveMonth(m, [ArchiveActivity(k, len(ids), examples[m, k][:3], [m]) for k, ids in acts]))
    recurring = [ArchiveActivity(k, len(ids), rec_ex[k][:3])
                 for k, ids in sorted(rec.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:per_month]]
    overall = [ArchiveActivity(k, len(ids), year_ex[k][:3], sorted(year_months[k]))
               for k, ids in sorted(year.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
    return out, recurring, overall


@lru_cache(maxsize=1)
def activity_kinds() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(kind, label, cue words) rows of data/activity_kinds.tsv, in heatmap order."""
    text = resources.files("nlp.digest").joinpath("data/activity_kinds.tsv").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, label, cues = line.split("\t")
        rows.append((kind, label, tuple(cues.split())))
    return tuple(rows)


def activity_kind_of(activity: str) -> list[str]:
    """Kinds of a schedule entry: `holiday` when it names one, each kind whose cue it holds, else other."""
    kinds = ["holiday"] if holiday_pattern().search(activity) else []
    kinds += [kind for kind, _, cues in activity_kinds() if any(c in activity for c in cues)]
    return kinds or [OTHER_KIND[0]]


def heatmap(articles: Sequence[Article]) -> list[HeatRow]:
    """Month × activity kind: how many plans schedule an activity of that kind in that month."""
    plans: dict[tuple[str, int], set[str]] = defaultdict(set)
    for a in articles:
        aid = article_id(a)
        for it in a.schedule:
            for kind in activity_kind_of(it.activity):
                for m in it.months:
                    plans[kind, m].add(aid)
    rows = [("holiday", "节日"), *((k, label) for k, label, _ in activity_kinds()), OTHER_KIND]
    return [HeatRow(kind, label, [len(plans[kind, m]) for m in range(1, 13)]) for kind, label in rows]


def target_stats(articles: Sequence[Article], top: int) -> tuple[list[SubjectStat], list[SubjectStat]]:
    """Per (subject, unit): the largest target and how often the subject is targeted."""
    groups: dict[tuple[str, str], list[tuple[TargetRow, str]]] = defaultdict(list)
    for a in articles:
        for row in target_rows(a):
            if row.subject:
                groups[row.subject, row.unit].append((row, article_id(a)))
    stats = []
    for (subject, unit), rows in groups.items():
        best = max(rows, key=lambda r: (r[0].number if r[0].number is not None else float("-inf")))[0]
        stats.append(SubjectStat(subject, unit, len(rows), len({aid for _, aid in rows}),
                                 best.value, best.number, best.clause))
    # Units differ in scale (家 vs 元): numbers compare within one unit only.  So "largest" is the
    # top subject of each unit, units with the most targets first (元 amounts would crowd out the rest).
    per_unit: dict[str, list[SubjectStat]] = defaultdict(list)
    for st in stats:
        if st.number is not None:
            per_unit[st.unit].append(st)
    units = sorted(per_unit, key=lambda u: (-sum(st.count for st in per_unit[u]), u))
    largest = [min(per_unit[u], key=lambda st: (-(st.number or 0), st.subject)) for u in units][:top]
    frequent = sorted(stats, key=lambda s: (-s.plans, -s.count, s.subject, s.unit))[:top]
    return largest, frequent


def duplicate_groups(articles: Sequence[Article], vectors, threshold: float = DUPLICATE_THRESHOLD) -> list[list[str]]:
    """Groups of articles whose TF-IDF cosine reaches `threshold` (single link)."""
    n = len(articles)
    if n < 2 or vectors is None:
        return []
    sim = (vectors @ vectors.T).toarray()
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in zip(*np.nonzero(np.triu(sim, 1) >= threshold)):
        parent[find(int(j))] = find(int(i))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    return sorted(([article_id(articles[i]) for i in g] for g in groups.values() if len(g) > 1))


def _counts(values: list[str]) -> dict[str, int]:
    return dict(sorted(Counter(values).items(), key=lambda kv: (-kv[1], kv[0])))


def _year_sort(label: str) -> tuple[int, str]:
    return (0, label) if label.isdigit() else (1, label)


def build_digest(articles: Sequence[Article], top: int = 5, sentences: int = 4, max_chars: int = 360,
                 errors: Sequence[str] = ()) -> Digest:
    """The digest of annotated articles: per-article entries and the archive view."""
    articles = list(articles)
    # One IDF over the archive serves both the summaries and the duplicate search.
    vectorizer = make_vectorizer()
    try:
        vectors = vectorizer.fit_transform([a.text for a in articles]) if articles else None
    except ValueError:  # no content word anywhere
        vectors = None
    spans = (summarize_articles(articles, sentences, max_chars, vectorizer) if vectors is not None
             else [[] for _ in articles])
    entries = [article_digest(a, [a.text[s:e] for s, e in sp], top) for a, sp in zip(articles, spans)]
    years = Counter(e.year_label for e in entries)
    duplicates = duplicate_groups(articles, vectors)
    for group in duplicates:
        for e in entries:
            if e.id in group:
                e.near_duplicates = [g for g in group if g != e.id]
    calendar, recurring, activities = archive_calendar(articles, per_month=max(top, 5))
    largest, frequent = target_stats(articles, top)
    archive = ArchiveDigest(
        articles=len(articles),
        by_genre=_counts([e.genre or UNKNOWN for e in entries]),
        by_org_type=_counts([e.org_type or UNKNOWN for e in entries]),
        by_year={k: years[k] for k in sorted(years, key=_year_sort)},
        calendar=calendar, recurring=recurring, activities=activities[:TOP_ACTIVITIES],
        heatmap=heatmap(articles),
        largest_targets=largest, frequent_targets=frequent,
        duplicates=duplicates,
    )
    return Digest(archive, entries, list(errors))
