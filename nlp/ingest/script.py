"""Traditional-script documents: annotate the simplified matching view, report the printed text.

An Article printed in traditional script carries `match_text`, the same text converted to
simplified script character for character. Extractors (lexicons, cue lists, the segmenter) are
written for simplified script, so they run over a view whose `text` is `match_text`; since both
strings have the same length, every offset found there is an offset into the printed text, and
each item's strings are then cut from the printed text at those offsets.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import regex

from ..model import Article
from .normalize import simplify_same_length

# HAN: one Chinese character. Matches "會"; must not match "3" or "、".
HAN = regex.compile(r"\p{Han}")

# Article fields that belong to the text, not to its annotation: never copied back from the view.
_TEXT_FIELDS = frozenset({"source", "index", "title", "text", "raw_offsets", "title_raw_span",
                          "line_marks", "match_text"})


def needs_match_view(article: Article) -> bool:
    """True when the article is printed in another script than the one extractors match."""
    return article.match_text is not None and article.match_text != article.text


def annotate_printed(article: Article, annotate_view: Callable[[Article], Article]) -> Article:
    """Run `annotate_view` over the simplified view of `article`; give the items the printed text."""
    # The title is matched too (genre and organisation cues): it gets the same simplified view.
    title = simplify_same_length(article.title) if article.title else article.title
    view = dataclasses.replace(article, text=article.match_text, title=title, match_text=None)
    view = annotate_view(view)
    printer = _Printer(article.text, article.match_text)
    for f in dataclasses.fields(Article):
        if f.name not in _TEXT_FIELDS:
            setattr(article, f.name, printer.value(getattr(view, f.name)))
    return article


class _Printer:
    """Rewrites strings found in the matching view as the printed characters at the same place."""

    def __init__(self, printed: str, match: str) -> None:
        self.printed = printed
        self.match = match

    def value(self, v: Any, near: tuple[int, int] | None = None) -> Any:
        if isinstance(v, tuple):
            return tuple(self.value(x, near) for x in v)
        if isinstance(v, list):
            return [self.value(x, near) for x in v]
        if isinstance(v, str):
            return self.string(v, near)
        if dataclasses.is_dataclass(v) and not isinstance(v, type):
            return self.item(v)
        return v  # numbers, None, dicts of explanations

    def item(self, obj: Any) -> Any:
        start, end = getattr(obj, "start", None), getattr(obj, "end", None)
        near = (start, end) if isinstance(start, int) and isinstance(end, int) else None
        changes = {}
        for f in dataclasses.fields(obj):
            old = getattr(obj, f.name)
            if not isinstance(old, (str, tuple, list)) and not dataclasses.is_dataclass(old):
                continue
            new = self.value(old, near)
            if new != old:
                changes[f.name] = new
        return dataclasses.replace(obj, **changes) if changes else obj

    def string(self, s: str, near: tuple[int, int] | None) -> str:
        """`s` as printed: found in the view inside the item's span first, else anywhere."""
        if not HAN.search(s):
            return s  # conversion changes Han characters only: labels, numbers and marks stay

        at = -1
        if near:
            lo, hi = max(0, near[0] - len(s)), min(len(self.match), near[1] + len(s))
            at = self.match.find(s, lo, hi)
        if at < 0:
            at = self.match.find(s)
        if at < 0:
            return s  # not a slice of the text (a label such as "plan"): nothing to print
        return self.printed[at:at + len(s)]
