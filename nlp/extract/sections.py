"""The section tree and section paths of an article whose headings are filled.

Kept apart from the heading detector (nlp.extract.outline) so that the modules that only need
"which section is this offset in" (tasks, schedule, batch) do not import it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence

from ..model import Article, Heading, Section


def parents(headings: Sequence[Heading]) -> list[int | None]:
    """Index of each heading's parent (the nearest earlier heading of a lower level)."""
    out: list[int | None] = []
    stack: list[int] = []
    for i, h in enumerate(headings):
        while stack and headings[stack[-1]].level >= h.level:
            stack.pop()
        out.append(stack[-1] if stack else None)
        stack.append(i)
    return out


def build_sections(article: Article) -> tuple[Section, ...]:
    """The section tree of an article whose headings are filled: a heading owns the text up
    to the next heading of the same or a higher level."""
    hs = article.headings
    ends: list[int] = []
    # one backwards pass: for each level, the start of the nearest later heading at or above it
    nxt: dict[int, int] = {}
    for h in reversed(hs):
        ends.append(min((s for lv, s in nxt.items() if lv <= h.level), default=len(article.text)))
        nxt[h.level] = h.start
    ends.reverse()
    children: dict[int | None, list[int]] = {}
    for i, p in enumerate(parents(hs)):
        children.setdefault(p, []).append(i)

    def node(i: int) -> Section:
        return Section(i, hs[i].start, ends[i], tuple(node(c) for c in children.get(i, [])))

    return tuple(node(i) for i in children.get(None, []))


def section_path(article: Article, offset: int) -> tuple[str, ...]:
    """Heading texts from level 1 down to the innermost section containing `offset`."""
    stack: list[Heading] = []
    for h in article.headings:
        if h.start > offset:
            break
        while stack and stack[-1].level >= h.level:
            stack.pop()
        stack.append(h)
    return tuple(h.text for h in stack)


def section_paths(article: Article) -> Callable[[int], tuple[str, ...]]:
    """`section_path` for many offsets of one article: the path after each heading is built
    once and found by bisect, rather than walking the outline for every offset."""
    starts = [h.start for h in article.headings]
    if starts != sorted(starts):  # not in text order (built by hand): walk the outline
        return lambda offset: section_path(article, offset)
    paths: list[tuple[str, ...]] = [()]
    stack: list[Heading] = []
    for h in article.headings:  # the same stack walk as section_path
        while stack and stack[-1].level >= h.level:
            stack.pop()
        stack.append(h)
        paths.append(tuple(x.text for x in stack))
    return lambda offset: paths[bisect_right(starts, offset)]
