"""Per-article rows of the digest: outline, key tasks, calendar, targets, flags, main areas."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import regex

from ..data import word_list
from ..extract.schedule import every_label, month_label
from ..extract.targets import clause_span
from ..model import Article, Flag, Heading
from ..text.sentences import split_sentences
from .model import CalendarRow, FlagRow, LooseItem, RecurringRow, TargetRow, TaskItem

PLACEHOLDER_YEAR = "placeholder year"
UNKNOWN = "unknown"
DUPLICATED_SENTENCE_CHARS = 12  # a repeated sentence shorter than this is a formula, not a copy
FLAG_EXAMPLES = 3
LOOSE_ITEMS = 8  # season/term items shown per article
MAX_AREAS = 8
AREA_MAX_CHARS = 30  # a level-1 heading longer than this is a sentence, not the name of an area
# Where a run-on heading's name ends: its first clause.  Matches "，" in `加强学习，提高素质`; not "、".
AREA_CUT = regex.compile(r"[，,。；;：:]")
# Time words: a heading that is a month (一月份) names no area.  Matches "4月下旬", "10—12日",
# "今年", "27.42元"; not "教师节".
TIME_WORDS = regex.compile(
    r"[0-9０-９.．一二三四五六七八九十〇零两—\-~～至到]*[0-9０-９一二三四五六七八九十]"
    r"(?:月份?|日|号|年|元|万元|周|天)(?:上旬|中旬|下旬|初|底|中|末)?|今年|明年|全年|年初|年底|年末|期间"
)


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
    return frozenset(word_list("nlp.digest", "data/section_labels.txt"))


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


THEME_TERMS = 6  # terms shown per theme in the digest table


def theme_rows(section: dict | None) -> list[dict]:
    """Rows of the digest's themes table from the themes section (`themes --format json` shape):
    label, whether it is a taxonomy area (是/否), top terms, size, share, and the representative
    sections each with the digest id of its article (for links), its source file and heading."""
    if not section:
        return []
    return [{"label": t["label"], "area": "是" if t.get("area") else "否",
             "terms": "、".join(term for term, _ in t["terms"][:THEME_TERMS]),
             "size": t["size"], "share": f"{t['share']:.0%}",
             "representatives": [{"id": f"{Path(u['source']).stem}#{u['article']}", "source": Path(u["source"]).name,
                                  "heading": u["heading"]} for u in t.get("representatives") or t["members"][:3]]}
            for t in section.get("themes", [])]
