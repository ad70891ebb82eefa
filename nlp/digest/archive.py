"""Archive views of the digest: calendar of activities, heatmap, target statistics, duplicates."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from ..data import table
from ..extract.schedule import every_label
from ..model import Article
from .activities import activity_keys, holiday_months, holiday_pattern
from .model import ArchiveActivity, ArchiveMonth, HeatRow, SubjectStat, TargetRow
from .rows import article_id, target_rows

DUPLICATE_THRESHOLD = 0.8
OTHER_KIND = ("other", "其他")


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
    return tuple((kind, label, tuple(cues.split()))
                 for kind, label, cues in table("nlp.digest", "data/activity_kinds.tsv"))


def activity_kind_of(activity: str) -> list[str]:
    """Kinds of a schedule entry: `holiday` when it names one, each kind whose cue it holds, else other."""
    kinds = ["holiday"] if holiday_pattern().search(activity) else []
    kinds += [kind for kind, _, cues in activity_kinds() if any(c in activity for c in cues)]
    return kinds or [OTHER_KIND[0]]


def heatmap(articles: Sequence[Article]) -> list[HeatRow]:
    """Month × activity kind: how many plans schedule an activity of that kind in that month."""
    plans: dict[tuple[str, int], set[str]] = defaultdict(set)
    for a in articles:
        if a.genre not in CALENDAR_GENRES:
            continue  # like the calendar: what plans schedule, not what summaries report
        aid = article_id(a)
        for it in a.schedule:
            for kind in activity_kind_of(it.activity):
                for m in it.months:
                    plans[kind, m].add(aid)
    rows = [("holiday", "节日"), *((k, label) for k, label, _ in activity_kinds()), OTHER_KIND]
    return [HeatRow(kind, label, [len(plans[kind, m]) for m in range(1, 13)]) for kind, label in rows]


def target_stats(articles: Sequence[Article], top: int, status: str = "goal"
                 ) -> tuple[list[SubjectStat], list[SubjectStat]]:
    """Per (subject, unit), over targets of one `status` only (goals are never ranked beside
    achieved figures): the largest and how often the subject is counted."""
    groups: dict[tuple[str, str], list[tuple[TargetRow, str]]] = defaultdict(list)
    for a in articles:
        if a.genre == "other":
            continue  # not a plan: its numbers are neither goals nor results
        for row in target_rows(a):
            if row.subject and row.status == status:
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
