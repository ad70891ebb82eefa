"""The holiday table (nlp/data/dates/holidays.tsv) and the pattern that finds holiday names."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..data import table

_QUOTE_OPEN = "“\"‘「『〝＂"
_QUOTE_CLOSE = "”\"’」』〞＂"
# A middle dot between the digits of a numeric holiday (三·八, 五•一); "?" is a mis-decoded dot.
_DOTS = "·・•．.?？"


@dataclass(frozen=True)
class Holiday:
    """One row of the holiday table."""

    key: str
    months: tuple[int, int] | None
    calendar: str
    numeric: str | None
    names: tuple[str, ...]
    bare: bool


@lru_cache(maxsize=1)
def holiday_table() -> tuple[Holiday, ...]:
    """The rows of holidays.tsv, loaded once."""
    rows = []
    for key, first, last, calendar, numeric, names, bare in table("nlp.data.dates", "holidays.tsv"):
        months = None if first == "-" else (int(first), int(last))
        rows.append(Holiday(key, months, calendar, None if numeric == "-" else numeric,
                            tuple(n for n in names.split(",") if n), bare.strip() == "yes"))
    return tuple(rows)


def word_alternation(words) -> str:
    """A regex alternation of literal words as a trie: words sharing a first character share one
    branch, so the engine tries each character once (中秋节|中秋 → 中秋(?:节)?)."""
    words = sorted(set(words))
    if not words:
        return "(?!)"
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    parts = []
    for head, tails in groups.items():
        rest = [t for t in tails if t]
        if not rest:
            parts.append(regex.escape(head))
            continue
        opt = "?" if "" in tails else ""
        parts.append(f"{regex.escape(head)}(?:{word_alternation(rest)}){opt}")
    return "|".join(parts)


_alt = word_alternation


@lru_cache(maxsize=1)
def _lookup() -> tuple[dict[str, Holiday], dict[str, Holiday]]:
    """(name → holiday, numeric core → holiday)."""
    by_name, by_core = {}, {}
    for h in holiday_table():
        if h.numeric:
            by_core[h.numeric] = h
        for n in h.names:
            if len(n) >= 2:
                by_name[n] = h
    return by_name, by_core


def holiday_by_name(name: str) -> Holiday | None:
    """The holiday a full name denotes (元旦节, 妇女节, 中秋 …)."""
    return _lookup()[0].get(name)


def holiday_by_core(core: str) -> Holiday | None:
    """The holiday a numeric core denotes once its dot is removed (三八 → 妇女节)."""
    return _lookup()[1].get(core)


def _numeric_core_pattern() -> str:
    cores = []
    for h in holiday_table():
        if h.numeric:
            a, b = h.numeric
            cores.append(f"{regex.escape(a)}[{regex.escape(_DOTS)}]?{regex.escape(b)}")
    return "|".join(cores)


def _designations() -> str:
    return _alt(n for h in holiday_table() if h.numeric for n in h.names)


def _names() -> str:
    return _alt(n for h in holiday_table() for n in h.names if len(n) >= 2)


# What may follow a holiday and still belong to it: 春节前后, 五一前夕, 国庆期间, “五一”前.
TIME_SUFFIX = r"(?:前后|前夕|期间|之际|假期|长假|黄金周|前|后)"

# Names that contain a holiday core but denote an honour, a speech, a street…: 三八红旗手,
# 五一劳动奖章, 五一劳动集体奖状, “五一先锋”, 七一讲话, 八一路, 五四运动, 五四青年奖章.
NOT_A_DAY_AFTER = (
    r"(?:红旗|劳动奖|劳动集体|劳模|先锋|标兵|奖|讲话|路|线|服务|卡|精神|巾帼|式|手|大道|广场|运动"
    r"|青年(?!节))"
)


def holiday_body() -> str:
    """Regex source (no groups named outside this module) for one holiday reference.

    Named groups: hq1 (opening quote), hcore (numeric core), hname (a full name), hq2/hq3
    (closing quotes), hdes (designation after a numeric core).
    """
    quote_o = f"[{regex.escape(_QUOTE_OPEN)}]"
    quote_c = f"[{regex.escape(_QUOTE_CLOSE)}]"
    numeric = (
        # no digit before the core: 十五一, 一三八, 第八一 are not holidays
        rf"(?<![0-9０-９〇零一二三四五六七八九十百千两第])"
        rf"(?P<hcore>{_numeric_core_pattern()})(?![0-9０-９〇零一二三四五六七八九十百千])"
        rf"(?P<hq2>{quote_c})?(?P<hdes>{_designations()})?(?P<hq3>{quote_c})?"
    )
    named = rf"(?P<hname>{_names()})(?P<hq4>{quote_c})?"
    return rf"(?P<hq1>{quote_o})?(?:{numeric}|{named})"


def resolve_holiday(m: "regex.Match[str]") -> tuple[Holiday | None, int, int]:
    """Holiday of a match of holiday_body(), with the (start, end) the reference really spans.

    Drops an opening quote that is never closed and a designation that does not belong to the
    numeric core (三八劳动节 → 三八); returns (None, …) when the reference is not a holiday.
    """
    start, end = m.start("hq1") if m.group("hq1") else -1, -1
    if m.group("hcore"):
        core = regex.sub(f"[{regex.escape(_DOTS)}]", "", m.group("hcore"))
        h = holiday_by_core(core)
        if h is None:
            return None, 0, 0
        body_start = m.start("hcore")
        end = m.end("hcore")
        closed = bool(m.group("hq2"))
        if closed:
            end = m.end("hq2")
        des = m.group("hdes")
        if des and des in h.names:
            end = m.end("hdes")
            if m.group("hq3"):
                end = m.end("hq3")
                closed = True
        if start < 0 or not closed:
            start = body_start
        return h, start, end
    name = m.group("hname")
    h = holiday_by_name(name)
    if h is None:
        return None, 0, 0
    end = m.end("hname")
    if m.group("hq4") and start >= 0:
        end = m.end("hq4")
    else:
        start = m.start("hname")
    return h, start, end
