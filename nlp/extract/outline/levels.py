"""Levels: from the nesting of enumerator styles inside the article (GUIDE §4), and the
numbering-gap flags read from the finished outline."""

from __future__ import annotations

from ...lang.enumerators import RANK, TOP_STYLES, parse_marker
from ...model import Article, Flag
from ..sections import parents
from .lines import UNNUMBERED, Item, Lines


def mark_nesting(lines: Lines, items: list[Item], depth: dict[int, int] | None = None) -> None:
    """Mark the unnumbered titles that open blocks inside the numbered item before them, not
    new top blocks: a title on the line right after a numbered heading that is only a title
    ("四、月工作安排" / "九月份"), and a markdown title marked deeper than the last numbered
    markdown heading ("## 一、总体要求" … "### 工作目标"). `depth`: line -> count of its "#"."""
    text = lines.text
    depth = depth or {}
    numbered: Item | None = None  # the last numbered heading
    for prev, it in zip(items, items[1:]):
        if prev.style not in UNNUMBERED:
            numbered = prev
        if it.style not in UNNUMBERED or not it.at_line_start:
            continue
        if prev.style not in UNNUMBERED and prev.at_line_start and lines.next[prev.line] == it.line:
            rest = text[prev.text_end:lines.content[prev.line][1]]
            it.nests = rest.strip(" \t\u3000：:") == ""
        if not it.nests and numbered is not None and it.line in depth and numbered.line in depth:
            it.nests = depth[it.line] > depth[numbered.line]


def assign_levels(items: list[Item]) -> list[int]:
    """Levels from the nesting of styles: the first style met is 1, a new style inside is one
    deeper, a style already open returns to its level."""
    stack: list[str] = []
    levels: list[int] = []
    for it in items:
        s = it.style
        if s in UNNUMBERED:
            if s in stack:
                del stack[stack.index(s) + 1:]  # the next month (title) of the same series
            elif it.nests:
                stack.append(s)  # "四、月工作安排" then "九月份": a block inside the item
            elif s == "month" and "title" in stack:
                del stack[stack.index("title") + 1:]  # "具体安排" then "3月…": months inside it
                stack.append(s)
            else:
                stack = [s]  # a title after body text opens a top block
        elif s in stack:
            del stack[stack.index(s) + 1:]
        elif stack and all(x in UNNUMBERED for x in stack) and s in TOP_STYLES:
            stack = [s]  # "工作方案" then "一、": the top items are the title's siblings
        elif (stack and it.number > 1 and stack[0] not in UNNUMBERED and RANK[s] < RANK[stack[0]]
              and all(x.style not in UNNUMBERED for x in items[:len(levels)])):
            # a senior style first met at item 2+ ("(一)…(三)" then "二、"): its item 1 was lost
            # and everything so far belonged to it, one level down
            levels = [lv + 1 for lv in levels]
            stack.insert(0, s)
            levels.append(1)
            continue
        else:
            stack.append(s)
        levels.append(len(stack))
    return levels

def outline_flags(article: Article) -> list[Flag]:
    """Flags about the outline (numbering gaps) of an article whose headings are filled.

    An item is a gap when its number neither restarts at 1 nor follows the previous sibling
    of its style; a first child may also continue the numbering of the previous parent's
    children ("（一）1、…5、（二）6、…" is not a gap, "…5、（二）7、" is).
    """
    hs = article.headings
    parent_of = parents(hs)
    keys = [parse_marker(h.marker) for h in hs]
    last_of: dict[tuple[str, int], int] = {}  # (style, level) -> index of the last such heading
    last_sib: dict[tuple[str, int, int | None], int] = {}  # + parent
    flags: list[Flag] = []
    for i, h in enumerate(hs):
        if keys[i] is None:
            continue
        style, n = keys[i]
        sib = last_sib.get((style, h.level, parent_of[i]))
        before = sib if sib is not None else last_of.get((style, h.level))
        if n != 1 and (before is None or keys[before][1] != n - 1):
            end = h.start + len(h.marker)
            flags.append(Flag("numbering_gap", article.text[h.start:end], h.start, end))
        last_of[(style, h.level)] = i
        last_sib[(style, h.level, parent_of[i])] = i
    return flags

