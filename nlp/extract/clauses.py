"""Clauses and sentences around an offset, and POS tokens sliced by offsets.

Shared by the target extractor (targets.py and its helpers), tasks and the digest: each needs
"the clause that carries this number" or "the tokens between these offsets" without walking
the text character by character.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import regex

from ..text.segment import get_segmenter

Token = tuple[str, str, int, int]  # word, POS flag, start, end

# CLAUSE_DELIM: ends a clause. Matches "，" "、" "。" "：" and line breaks; must not match
# "(" — a parenthesis stays inside its clause (有124家(25人以上)企业工会).
CLAUSE_DELIM = regex.compile(r"[，,。；;：:、！!？?\n]")
# WIDE_DELIM: ends a clause for reading its status: an enumeration with 、 shares the verb
# before it (设置焊工、电工等8个工种). Matches "，" "。"; must not match "、".
WIDE_DELIM = regex.compile(r"[，,。；;：:！!？?\n]")
# SENTENCE_DELIM: ends a sentence. Matches "。" "；"; must not match "，".
SENTENCE_DELIM = regex.compile(r"[。；;！!？?\n]")
# The same delimiters searched right to left: the nearest one before an offset in one call
# instead of a Python loop over characters.
CLAUSE_DELIM_BACK = regex.compile(CLAUSE_DELIM.pattern, regex.REVERSE)
WIDE_DELIM_BACK = regex.compile(WIDE_DELIM.pattern, regex.REVERSE)
SENTENCE_DELIM_BACK = regex.compile(SENTENCE_DELIM.pattern, regex.REVERSE)
# CLAUSE_LEAD: enumerators and run-in openers stripped from a clause start.
# Matches "(1)", "二是", "1." at the start; must not match "一次" (a count).
_CLAUSE_LEAD = regex.compile(
    r"(?:\s|[(（][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+[是要](?![\d一二三四五六七八九十])"
    r"|\d+[.．、](?!\d)|[①-⑳]|[”\"》])+"
)


class Tokens:
    """POS tokens (word, flag, start, end) of a text, sliced by offsets in log time."""

    def __init__(self, pos: list[Token], starts: Sequence[int] | None = None):
        self.pos = pos
        self.starts = [t[2] for t in pos] if starts is None else starts

    @classmethod
    def of(cls, text: str) -> "Tokens":
        """The tokens of `text` from the shared (memoized) POS pass, start offsets included."""
        seg = get_segmenter()
        return cls(seg.pos(text), seg.word_starts(text))

    def within(self, lo: int, hi: int) -> list[Token]:
        """Tokens lying inside [lo, hi)."""
        i, j = bisect_left(self.starts, lo), bisect_left(self.starts, hi)
        out = self.pos[i:j]
        # The tokens tile the text in order, so only the last one can run past hi.
        if out and out[-1][3] > hi:
            out.pop()
        return out

    def following(self, lo: int, n: int) -> list[Token]:
        """The first n tokens starting at or after lo."""
        i = bisect_left(self.starts, lo)
        return self.pos[i:i + n]

    def text(self, lo: int, hi: int) -> str:
        """The text of the tokens within [lo, hi)."""
        return "".join(w for w, _f, _s, _e in self.within(lo, hi))


class SpanIndex:
    """Spans (anything with .start and .end) found by overlap with [lo, hi) in log time."""

    def __init__(self, spans: Sequence):
        order = sorted(range(len(spans)), key=lambda i: spans[i].start)
        self._starts = [spans[i].start for i in order]
        self._ends_and_indices = [(spans[i].end, i) for i in order]
        # no span is longer than this, so one ending after lo starts after lo - longest
        self._longest = max((sp.end - sp.start for sp in spans), default=0)

    def _window(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """(end, index) of the spans starting in (lo - longest, hi): all that may overlap."""
        starts = self._starts
        if not starts:
            return []
        i = bisect_right(starts, lo - self._longest)
        return self._ends_and_indices[i:bisect_left(starts, hi, i)]

    def overlapping(self, lo: int, hi: int) -> tuple[int, ...]:
        """Indices, in input order, of the spans with start < hi and lo < end."""
        found = [i for end, i in self._window(lo, hi) if end > lo]
        if len(found) > 1:
            found.sort()
        return tuple(found)

    def overlaps(self, lo: int, hi: int) -> bool:
        return any(end > lo for end, _i in self._window(lo, hi))


def _delimited(text: str, start: int, end: int, forward: regex.Pattern,
               backward: regex.Pattern) -> tuple[int, int]:
    """The span around [start, end) between the nearest delimiters before and after it."""
    before = backward.search(text, 0, start)
    after = forward.search(text, end)
    return (before.end() if before else 0), (after.start() if after else len(text))


def clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around [start, end): between the nearest clause delimiters, leads stripped."""
    left, right = _delimited(text, start, end, CLAUSE_DELIM, CLAUSE_DELIM_BACK)
    lead = _CLAUSE_LEAD.match(text, left, start)
    if lead:
        left = lead.end()
    while right > end and text[right - 1] in " \t\u3000“\"《(（":
        right -= 1
    return left, right


def wide_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The comma-level clause around [start, end), enumerations with 、 included."""
    return _delimited(text, start, end, WIDE_DELIM, WIDE_DELIM_BACK)


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding `pos` starts."""
    before = SENTENCE_DELIM_BACK.search(text, 0, pos)
    return before.end() if before else 0


def sentence_span(text: str, pos: int) -> tuple[int, int]:
    """The sentence holding `pos`, delimiters excluded."""
    m = SENTENCE_DELIM.search(text, pos)
    return sentence_start(text, pos), (m.start() if m else len(text))
