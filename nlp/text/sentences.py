"""Sentence and clause splitting that keeps offsets into the text."""

from __future__ import annotations

from collections import Counter

import regex

from ..lang.enumerators import MARKER

Span = tuple[int, int]

_TERMINATORS = "。！？!?；;"
# Closing quotes/brackets that stay with the sentence they end (“…。”); ASCII '"' is handled
# apart because it opens and closes alike.
_CLOSERS = "”’」』〉》）)】〕］]"
_LINE_BREAKS = "\n\r\v\f\x85\u2028\u2029"

# A sentence boundary: a run of terminators with the closing marks right after it, or a run
# of line breaks.  Matches "。”" in `要团结。”然后` and "？！" in `好吗？！`; never "，" or "．".
SENTENCE_BOUNDARY = regex.compile(
    rf"(?P<end>[{regex.escape(_TERMINATORS)}][{regex.escape(_TERMINATORS + _CLOSERS)}]*)"
    rf"|(?P<br>[{regex.escape(_LINE_BREAKS)}]+)"
)
# What may follow an ASCII closing quote of a sentence end.  Matches "。)" in `好。")`;
# matches nothing (empty) before `然后`.
SENTENCE_TAIL = regex.compile(rf"[{regex.escape(_TERMINATORS + _CLOSERS)}]*")

# A clause separator.  The half-width comma and colon do not split between digits (1,000 and
# 8:30 are numbers).  Matches "，" in `加强学习，提高素质` and ":" in `目标:提高`; not ":" in `8:30`.
CLAUSE_SEPARATOR = regex.compile(r"[，、：]|(?<!\d)[,:]|[,:](?!\d)")

_CLAUSE_EDGE = "，,、：:" + _TERMINATORS
_PAIRS = {"”": "“", "’": "‘", "》": "《", "）": "（", ")": "(", "】": "【", "」": "「",
          "』": "『", "〉": "〈", "］": "［", "]": "[", "〕": "〔"}
_OPENERS = frozenset(_PAIRS.values())


def _strip(text: str, start: int, end: int, edge: str = "") -> Span:
    """Shrink [start, end) past whitespace and any character of `edge` at both ends."""
    while start < end and (text[start].isspace() or text[start] in edge):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in edge):
        end -= 1
    return start, end


def _add(spans: list[Span], text: str, start: int, end: int, edge: str = "") -> None:
    """Append the stripped span unless it is empty."""
    s, e = _strip(text, start, end, edge)
    if s < e:
        spans.append((s, e))


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """(start, end) of every sentence of `text` (or of `text[start:end]`), stripped, in order."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    begin = pos = start
    while (m := SENTENCE_BOUNDARY.search(text, pos, end)) is not None:
        if m.group("br"):
            _add(spans, text, begin, m.start())
            begin = pos = m.end()
            continue
        stop = m.end()
        # An ASCII '"' closes the sentence's quote only if one is open (odd count so far).
        while stop < end and text[stop] == '"' and text.count('"', begin, stop) % 2 == 1:
            stop = SENTENCE_TAIL.match(text, stop + 1, end).end()
        _add(spans, text, begin, stop)
        begin = pos = stop
    _add(spans, text, begin, end)
    return spans


def _protected(text: str, start: int, end: int) -> list[int]:
    """For each offset in [start, end), how many matched quote/bracket pairs enclose it."""
    depth = [0] * (end - start + 1)
    stack: list[tuple[str, int]] = []
    open_count: Counter[str] = Counter()  # openers on the stack, so a stray closer costs O(1)
    for i in range(start, end):
        ch = text[i]
        opener = '"' if ch == '"' else _PAIRS.get(ch)
        if opener is not None and open_count[opener]:
            # Close the innermost matching opener; openers above it were never closed.
            # Only pairs that close are protected: a stray opener must not swallow the rest.
            k = len(stack) - 1
            while stack[k][0] != opener:
                k -= 1
            depth[stack[k][1] + 1 - start] += 1
            depth[i - start] -= 1
            open_count.subtract(c for c, _ in stack[k:])
            del stack[k:]
        elif ch in _OPENERS or ch == '"':
            stack.append((ch, i))
            open_count[ch] += 1
    for k in range(1, len(depth)):
        depth[k] += depth[k - 1]
    return depth


def split_clauses(text: str, start: int, end: int) -> list[Span]:
    """(start, end) of the clauses of `text[start:end]`, split at ，,、：: outside quotes and brackets.

    Spans exclude the separators and sentence terminators at their edges, and whitespace.
    """
    depth = _protected(text, start, end)
    spans: list[Span] = []
    begin = start
    for m in CLAUSE_SEPARATOR.finditer(text, start, end):
        if depth[m.start() - start]:
            continue
        # "一、", "（二）、", "12、": the 、 closes an outline marker, it is not a clause break
        if m.group() == "、" and MARKER.fullmatch(text, _strip(text, begin, m.start())[0], m.end()):
            continue
        _add(spans, text, begin, m.start(), _CLAUSE_EDGE)
        begin = m.end()
    _add(spans, text, begin, end, _CLAUSE_EDGE)
    return spans
