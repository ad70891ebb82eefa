"""The month-by-month 活动安排: the archive's dated activities for the keywords, and the year's holidays."""

from __future__ import annotations

from collections import defaultdict

from ..extract.holidays import Holiday, holiday_table
from ..text.sentences import split_sentences
from .model import DraftSection, ScheduleEntry, Sentence
from .rewrite import close_sentence, has_inner_enumerator, strip_enumerator
from .roles import plans_of, role_table
from .units import DATED_REFERENCE

# An activity spread over more months than this belongs to no month in particular.
MAX_SPAN = 3
PER_MONTH = 3
MONTH_NAMES = "一二三四五六七八九十"


def _holidays(ctx) -> list[Holiday]:
    """Fixed-date holidays the plan marks: those the organisation type's usual list names and
    those its plans in the archive name."""
    table = role_table()["holidays"]
    wanted = set(table["all"]) | set(table.get(ctx.org_type or "", []))
    texts = [a.text for a in plans_of(ctx.archive, ctx.org_type)]
    out = []
    for h in holiday_table():
        if h.calendar != "gregorian" or h.months is None or h.months[0] != h.months[1]:
            continue
        named = any(_names(h, t) for t in texts)
        if h.key in wanted or named:
            out.append(h)
    return out


def _names(h: Holiday, text: str) -> bool:
    return h.key in text or (h.numeric is not None and (f"“{h.numeric}”" in text or f"{h.numeric}节" in text))


def _display(h: Holiday) -> str:
    return f"“{h.numeric}”{h.key}" if h.numeric and h.key.endswith("节") else h.key


def schedule_section(ctx, heading: str) -> tuple[DraftSection, list[ScheduleEntry]]:
    """The 活动安排 section (one sub-section per month) and its entries."""
    kws = tuple(k for kw, _w in ctx.groups for k in kw)
    wide = tuple(w for _k, ws in ctx.groups for w in ws)
    scores = ctx.scores(kws, wide)
    by_month: dict[int, list[ScheduleEntry]] = defaultdict(list)
    candidates: list[tuple[float, int, int, int, int, str]] = []  # score, month, article, start, end, text
    holiday_pool: list[tuple[int, int, int, int, str]] = []
    best = {(u.article, u.start): scores[i] for i, u in enumerate(ctx.units)}
    for ai, a in enumerate(ctx.archive):
        if a.genre == "summary":
            continue
        for item in a.schedule:
            if not item.months or len(item.months) > MAX_SPAN or item.every:
                continue
            s = item.start + strip_enumerator(item.activity)
            text = a.text[s:item.end]
            if (len(text) < 4 or len(text) > 80 or has_inner_enumerator(text) or DATED_REFERENCE.search(text)
                    or any(t.status != "goal" and t.start < item.end and s < t.end for t in a.targets)):
                continue
            if any(k in text for k in kws) or any(w in text for w in wide):
                score = max((best.get((ai, ss), 0.0) for ss, _e in split_sentences(a.text, s, item.end)), default=0.0)
                candidates.append((score + (a.org_type == ctx.org_type) * 0.2, item.months[0], ai, s, item.end, text))
            holiday_pool.append((item.months[0], ai, s, item.end, text))
    candidates.sort(key=lambda c: (-c[0], c[2], c[3]))
    # a holiday's activity only from the organisation type's own plans; else the template's wording
    holiday_pool = [h for h in holiday_pool if ctx.archive[h[1]].org_type == ctx.org_type]
    for _score, month, ai, s, e, text in candidates:
        _add(ctx, by_month, month, ai, s, e, text, None)
    for h in _holidays(ctx):
        month = h.months[0]
        if any(e.holiday == h.key for e in by_month[month]):
            continue
        if any(_names(h, e.sentence.text) for e in by_month[month]):
            continue  # an activity already marks it
        for m, ai, s, e, text in holiday_pool:
            if m == month and _names(h, text) and _add(ctx, by_month, month, ai, s, e, text, h.key, force=True):
                break
        else:
            wording = ctx.spec.holiday_activities.get(h.key) or ctx.spec.holiday_activity.replace("{holiday}", _display(h))
            written = close_sentence(wording)
            if ctx.picker.near_duplicate(written):
                continue  # the template says the same of another holiday
            ctx.picker.add_text(written)
            by_month[month].insert(0, ScheduleEntry((month,), Sentence(written, "template"), h.key))
    sec = DraftSection(heading.strip(), 1, role="schedule", theme=kws)
    entries: list[ScheduleEntry] = []
    for month in sorted(by_month):
        child = DraftSection(f"{month}月", 2, role="schedule")
        child.sentences = [e.sentence for e in by_month[month]]
        entries.extend(by_month[month])
        sec.children.append(child)
    return sec, entries


def _add(ctx, by_month, month, ai, s, e, text, holiday, force=False) -> bool:
    """Put an archive activity in its month unless the month is full or it repeats a chosen one."""
    if len(by_month[month]) >= PER_MONTH and not force:
        return False
    done = ctx.rewriter.sentence(text, ctx.archive[ai].year)
    if done is None or ctx.picker.near_duplicate(done):
        return False
    ctx.picker.add_text(done)
    a = ctx.archive[ai]
    by_month[month].append(ScheduleEntry((month,), Sentence(done, "retrieved", a.source, a.index, s, e), holiday))
    return True
