"""Matching rules of the evaluation: normalisations, pair similarities, monotone alignment.

The rules are the ones documented in the header of ../shared/eval/score.py (the reference
scorer); every similarity returns None when a pair may not match, else a float that ranks the
candidates (higher is better). Field checks compare matched pairs field by field.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import regex
from rapidfuzz import fuzz

Record = Mapping[str, Any]
Similarity = Callable[[Record, Record], float | None]
FieldChecks = Callable[[Record, Record], dict[str, bool]]

MATCH_THRESHOLD = 80.0  # rapidfuzz score (0-100) from which two texts are "the same"
HEADING_CUT = 40  # heading texts are compared on their first 40 characters
HEADING_PREFIX_MIN = 4  # shortest stripped heading text the prefix extension accepts
DEFAULT_SLACK = 100  # extra pred chars tolerated before an article's first_chars
COMMON_RUN_MIN = 3  # shortest shared stretch of two target texts that counts as overlap

_QUOTE_CHARS = frozenset("\"'“”‘’「」『』〝〞＂＇`《》〈〉")
_CHINESE_NUMERAL_CHARS = frozenset("零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟")
_FULLWIDTH_OFFSET = 0xFEE0  # ！(U+FF01) .. ～(U+FF5E) map to ! .. ~
_COMPARATOR_ALIASES = {
    "==": "=", "≥": ">=", "=>": ">=", "≤": "<=", "=<": "<=", "≈": "~", "约": "~", "-": "range",
}

# Markdown leftovers before a marker: heading hashes, then bullet dashes/stars.
# Matches "##" in "##1." and "-" in "-1、" (spaces are removed first); matches nothing of "(一)".
MARKER_MARKDOWN_RE = regex.compile(r"^#*[-*]*")
# A trailing 、 , or . after a closing bracket: "(一)、" == "(一)". Matches "、" in "(一)、";
# must not match the "." of "1." (no bracket before it).
MARKER_TRAILING_RE = regex.compile(r"(?<=[)\]])[、,.]$")
# A markdown backslash escape. Matches "\_" in "20\_\_年"; must not match "\d" (d is not escapable).
MARKDOWN_ESCAPE_RE = regex.compile(r"\\([_*#\[\]()`~\\-])")


# ----------------------------------------------------------------------------- text normalisation

def half_width(text: str) -> str:
    """Full-width ASCII to half-width and the ideographic space to a space (①, ⑴ are kept)."""
    chars = []
    for ch in text:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            ch = chr(code - _FULLWIDTH_OFFSET)
        elif ch == "\u3000":
            ch = " "
        chars.append(ch)
    return "".join(chars)


def remove_whitespace(text: str) -> str:
    """The text without any whitespace (str.isspace, as Python's re \\s)."""
    return "".join(ch for ch in text if not ch.isspace())


def strip_punct(text: str) -> str:
    """Half-width text without whitespace, punctuation or symbols; letters, digits, CJK and % stay."""
    return "".join(
        ch for ch in half_width(text)
        if ch == "%" or not (ch.isspace() or unicodedata.category(ch)[0] in "PS")
    )


def unescape_markdown(text: str) -> str:
    """Drop markdown backslash escapes: 20\\_\\_年 -> 20__年."""
    return MARKDOWN_ESCAPE_RE.sub(r"\1", text)


def _as_text(value: Any) -> str:
    """A field value as text, '' for null or empty."""
    return str(value) if value else ""


def norm_marker(marker: Any) -> str:
    """Compare form of an enumerator: half-width, no spaces or markdown, no trailing 、 after a bracket."""
    text = remove_whitespace(half_width(_as_text(marker)))
    text = MARKER_MARKDOWN_RE.sub("", text, count=1)
    return MARKER_TRAILING_RE.sub("", text, count=1)


def norm_title(title: Any) -> str:
    """Compare form of an article title: punctuation stripped (which also drops markdown # - *)."""
    return strip_punct(_as_text(title))


def norm_date_text(text: Any) -> str:
    """Compare form of a date mention: half-width, unescaped, no whitespace and no quotes."""
    flat = remove_whitespace(unescape_markdown(half_width(_as_text(text))))
    return "".join(ch for ch in flat if ch not in _QUOTE_CHARS)


def norm_target_text(text: Any) -> str:
    """Compare form of a target clause: half-width, unescaped, no whitespace."""
    return remove_whitespace(unescape_markdown(half_width(_as_text(text))))


# ----------------------------------------------------------------------------- field normalisation

@dataclass(frozen=True)
class Invalid:
    """A field value that cannot be read as the expected type; equal only to the same text."""

    text: str


def as_number(value: Any) -> float | None:
    """A numeric field as float (strings with thousands commas accepted), None when unreadable."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).strip().replace(",", ""))
    except ValueError:
        return None


def numbers_equal(a: Any, b: Any) -> bool:
    """Two numeric fields agree: both null, or equal within a relative 1e-6."""
    x, y = as_number(a), as_number(b)
    if x is None or y is None:
        return x is None and y is None
    return abs(x - y) <= 1e-6 * max(1.0, abs(x), abs(y))


def as_int(value: Any) -> int | Invalid | None:
    """An integer field (year, day, level); null stays None."""
    if value is None or isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return Invalid(str(value))


def as_months(value: Any) -> tuple[int, ...] | Invalid | None:
    """A months field as a tuple; a single month m (bare or [m]) reads as (m, m)."""
    if value is None:
        return None
    try:
        if isinstance(value, int | float):
            return (int(value), int(value))
        months = tuple(int(m) for m in value)
    except (TypeError, ValueError, OverflowError):
        return Invalid(str(value))
    return months * 2 if len(months) == 1 else months


def as_label(value: Any) -> str | None:
    """A label field, half-width and trimmed; empty is None."""
    if value is None:
        return None
    return half_width(str(value)).strip() or None


def as_comparator(value: Any) -> str | None:
    """A comparator in canonical form: = >= <= ~ range (aliases such as ≥ or 约 mapped)."""
    label = as_label(value)
    if label is None:
        return None
    label = label.lower()
    return _COMPARATOR_ALIASES.get(label, label)


def _same_label(a: Any, b: Any, fold: Callable[[str], str] | None = None) -> bool:
    """Two label fields agree, after `fold` (e.g. str.upper) when given."""
    x, y = as_label(a), as_label(b)
    if fold is not None:
        x, y = (fold(x) if x else x), (fold(y) if y else y)
    return x == y


# ----------------------------------------------------------------------------- alignment

def align(n_gold: int, n_pred: int, similarity: Callable[[int, int], float | None]) -> list[tuple[int, int]]:
    """Monotone alignment maximising (number of pairs, summed similarity); returns (gold, pred) pairs.

    Ties go to pairing earlier items: a later gold item is left out first, then a later pred item.
    """
    if not n_gold or not n_pred:
        return []
    sims = [[similarity(i, j) for j in range(n_pred)] for i in range(n_gold)]
    # best[i][j]: (pairs, summed similarity) of the best alignment of gold[:i] with pred[:j]
    best = [[(0, 0.0)] * (n_pred + 1) for _ in range(n_gold + 1)]
    move = [[""] * (n_pred + 1) for _ in range(n_gold + 1)]
    for i in range(1, n_gold + 1):
        for j in range(1, n_pred + 1):
            choice, value = "skip_gold", best[i - 1][j]
            if best[i][j - 1] > value:
                choice, value = "skip_pred", best[i][j - 1]
            sim = sims[i - 1][j - 1]
            if sim is not None:
                pairs, total = best[i - 1][j - 1]
                if (pairs + 1, total + sim) > value:
                    choice, value = "pair", (pairs + 1, total + sim)
            best[i][j], move[i][j] = value, choice
    matched = []
    i, j = n_gold, n_pred
    while i and j:
        choice = move[i][j]
        if choice == "pair":
            matched.append((i - 1, j - 1))
        if choice != "skip_pred":
            i -= 1
        if choice != "skip_gold":
            j -= 1
    return matched[::-1]


# ----------------------------------------------------------------------------- similarities

def article_similarity(gold: Record, pred: Record, slack: int = DEFAULT_SLACK) -> float | None:
    """Gold first_chars fuzzy-found near the start of the pred text, or equal non-empty titles."""
    first = strip_punct(_as_text(gold.get("first_chars")))
    gold_title, pred_title = norm_title(gold.get("title")), norm_title(pred.get("title"))
    titles_equal = bool(gold_title) and gold_title == pred_title
    found = None
    if first:
        window = strip_punct(_as_text(pred.get("text")))[: len(gold_title) + len(first) + slack]
        if window:
            # a window shorter than first_chars can only be compared whole
            found = fuzz.partial_ratio(first, window) if len(first) <= len(window) else fuzz.ratio(first, window)
    if not titles_equal and (found is None or found < MATCH_THRESHOLD):
        return None
    title_score = fuzz.ratio(gold_title, pred_title) if gold_title or pred_title else 100.0
    return (found or 0.0) + (100.0 if titles_equal else 0.0) + title_score / 100.0


def heading_similarity(gold: Record, pred: Record) -> float | None:
    """Equal markers and fuzzy-equal texts (or one text a prefix of the other, >= 4 chars)."""
    if norm_marker(gold.get("marker")) != norm_marker(pred.get("marker")):
        return None
    a = strip_punct(_as_text(gold.get("text"))[:HEADING_CUT])
    b = strip_punct(_as_text(pred.get("text"))[:HEADING_CUT])
    score = 100.0 if a == b else fuzz.ratio(a, b)
    if score >= MATCH_THRESHOLD:
        return score
    # same node cut at another point: ranked below every fuzzy match
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(shorter) >= HEADING_PREFIX_MIN and longer.startswith(shorter):
        return MATCH_THRESHOLD * len(shorter) / len(longer)
    return None


def date_similarity(gold: Record, pred: Record) -> float | None:
    """One date text contains the other, quotes, whitespace and width ignored."""
    a, b = norm_date_text(gold.get("text")), norm_date_text(pred.get("text"))
    if a and b and (a in b or b in a):
        return fuzz.ratio(a, b)
    return None


def same_numbers(gold: Record, pred: Record) -> bool:
    """The numbers of two targets agree; a pred range low == high == gold value counts as that value."""
    value = as_number(gold.get("value"))
    if value is not None:
        if as_number(pred.get("value")) is not None:
            return numbers_equal(value, pred.get("value"))
        low, high = as_number(pred.get("low")), as_number(pred.get("high"))
        return low is not None and high is not None and numbers_equal(low, value) and numbers_equal(high, value)
    if as_number(gold.get("low")) is not None or as_number(gold.get("high")) is not None:
        return numbers_equal(gold.get("low"), pred.get("low")) and numbers_equal(gold.get("high"), pred.get("high"))
    return all(as_number(pred.get(key)) is None for key in ("value", "low", "high"))


def _has_numeral(text: str) -> bool:
    """The text holds a digit or a Chinese numeral character."""
    return any(ch.isdigit() or ch in _CHINESE_NUMERAL_CHARS for ch in text)


def _numeral_runs(text: str) -> set[str]:
    """All COMMON_RUN_MIN-character substrings of the text that hold a numeral."""
    n = COMMON_RUN_MIN
    return {text[k:k + n] for k in range(len(text) - n + 1) if _has_numeral(text[k:k + n])}


def share_numeral_run(a: str, b: str) -> bool:
    """The texts share a substring of >= COMMON_RUN_MIN chars holding a numeral.

    Any longer shared substring with a numeral holds a shared window of exactly that length
    around the numeral, so comparing fixed-length windows is enough.
    """
    return not _numeral_runs(a).isdisjoint(_numeral_runs(b))


def target_similarity(gold: Record, pred: Record) -> float | None:
    """Equal numbers and overlapping texts (containment ranks above a shared numeral run)."""
    if not same_numbers(gold, pred):
        return None
    a, b = norm_target_text(gold.get("text")), norm_target_text(pred.get("text"))
    if not a or not b:
        return None
    if a in b or b in a:
        return 100.0 + fuzz.ratio(a, b) / 100.0
    if share_numeral_run(a, b):
        return fuzz.ratio(a, b)
    return None


# ----------------------------------------------------------------------------- field checks

DATE_FIELDS = ("kind", "year", "months", "day", "every")
TARGET_FIELDS = ("unit", "comparator", "status")


def heading_fields(gold: Record, pred: Record) -> dict[str, bool]:
    """Level always; theme only for gold level-1 nodes with a theme when the pred has a theme key."""
    checks = {"level": as_int(gold.get("level")) == as_int(pred.get("level"))}
    if "theme" in pred and as_int(gold.get("level")) == 1 and gold.get("theme"):
        checks["theme"] = _same_label(gold.get("theme"), pred.get("theme"))
    return checks


def date_fields(gold: Record, pred: Record) -> dict[str, bool]:
    """kind, year, months, day, every, and all of them."""
    checks = {
        "kind": _same_label(gold.get("kind"), pred.get("kind")),
        "year": as_int(gold.get("year")) == as_int(pred.get("year")),
        "months": as_months(gold.get("months")) == as_months(pred.get("months")),
        "day": as_int(gold.get("day")) == as_int(pred.get("day")),
        "every": _same_label(gold.get("every"), pred.get("every"), str.upper),  # "1m" == "1M"
    }
    checks["all"] = all(checks.values())
    return checks


def target_fields(gold: Record, pred: Record) -> dict[str, bool]:
    """unit, comparator, status, and all of them (numbers are part of the match itself)."""
    checks = {
        "unit": _same_label(gold.get("unit"), pred.get("unit")),
        "comparator": as_comparator(gold.get("comparator")) == as_comparator(pred.get("comparator")),
        "status": _same_label(gold.get("status"), pred.get("status"), str.lower),
    }
    checks["all"] = all(checks.values())
    return checks


@dataclass(frozen=True)
class PartRule:
    """How one part (headings, dates, targets) is matched and which fields are then checked."""

    name: str
    similarity: Similarity
    fields: FieldChecks


PART_RULES: tuple[PartRule, ...] = (
    PartRule("headings", heading_similarity, heading_fields),
    PartRule("dates", date_similarity, date_fields),
    PartRule("targets", target_similarity, target_fields),
)


def list_items(value: Any) -> list[Record]:
    """The dict items of a part (a missing or malformed part is empty)."""
    return [item for item in value if isinstance(item, Mapping)] if isinstance(value, list) else []


def part_pairs(rule: PartRule, gold: Iterable[Record], pred: Iterable[Record]) -> list[tuple[int, int]]:
    """The aligned (gold, pred) index pairs of one part of a matched article pair."""
    gold, pred = list(gold), list(pred)
    return align(len(gold), len(pred), lambda i, j: rule.similarity(gold[i], pred[j]))
