"""The article's lines as the outline sees them, and the heading items found in them."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ...lang.punct import CLOSERS, LINE_SPACE

# What may precede a marker at a line start: spaces, a markdown mark or bullet left in the text.
# Matches "  ", "## ", "##" (an ATX mark without its space: "##一、总则"), "- ", "• "; must not
# match "-5" (a bullet needs a space after it).
LINE_LEAD = regex.compile(r"[ \t\u3000\xa0]*(?:#{1,6}[ \t]*)?(?:[-*+•·▪][ \t]+)?")
LINE_LEAD_CHARS = frozenset(" \t\u3000\xa0#-*+•·▪")  # a non-empty LINE_LEAD match opens with one

UNNUMBERED = frozenset({"title", "month"})  # item styles of headings without a marker


class Lines:
    """The article's lines: spans, content spans and the nearest non-empty neighbours."""

    def __init__(self, text: str):
        self.text = text
        self.spans: list[tuple[int, int]] = []
        start = 0
        for line in text.split("\n"):
            self.spans.append((start, start + len(line)))
            start += len(line) + 1
        self.content = [self._content(ls, le) for ls, le in self.spans]
        nonempty = [s < e for s, e in self.content]
        n = len(self.spans)
        self.prev: list[int | None] = [None] * n
        self.next: list[int | None] = [None] * n
        last = None
        for i in range(n):
            self.prev[i] = last
            if nonempty[i]:
                last = i
        last = None
        for i in range(n - 1, -1, -1):
            self.next[i] = last
            if nonempty[i]:
                last = i

    def _content(self, ls: int, le: int) -> tuple[int, int]:
        """Start/end of a line without leading marks, surrounding spaces or a bold wrapper."""
        text = self.text
        # most lines open with none of LINE_LEAD's characters: no need to run it there
        s = LINE_LEAD.match(text, ls, le).end() if ls < le and text[ls] in LINE_LEAD_CHARS else ls
        e = le
        while e > s and text[e - 1] in LINE_SPACE:
            e -= 1
        if e - s > 4 and text[s:s + 2] in ("**", "__") and text[e - 2:e] == text[s:s + 2]:
            s, e = s + 2, e - 2  # "**一、指导思想**": markdown bold around the whole line
        return s, e

    def nonempty(self, i: int) -> bool:
        s, e = self.content[i]
        return s < e

    def closes(self, i: int) -> bool:
        """True when line i ends a sentence or a lead-in ("…如下。", "指导思想：", "…。”")."""
        s, e = self.content[i]
        while e > s and self.text[e - 1] in CLOSERS:
            e -= 1
        return e > s and self.text[e - 1] in "。！!？?；;：:…"


@dataclass
class Item:
    """A heading found in the text, before its text span and level are settled."""

    pos: int  # marker start (title start when unnumbered)
    mend: int  # marker end (== pos when unnumbered)
    style: str
    number: int
    line: int
    at_line_start: bool
    text_start: int = -1
    text_end: int = -1
    run_in: bool = False
    nests: bool = False  # an unnumbered title right under a title-only numbered heading line
