"""Regenerated outline numbering: 一、 （一） 1. （1） by depth, counting from one among siblings."""

from __future__ import annotations

import cn2an

from .model import DraftSection

# Deeper levels reuse the deepest style, as GB/T 9704 stops at four.
_STYLES = ("{cn}、", "（{cn}）", "{n}.", "（{n}）")


def marker(level: int, n: int) -> str:
    """The enumerator of the n-th heading (1-based) at `level` (1-based)."""
    style = _STYLES[min(level, len(_STYLES)) - 1]
    return style.format(n=n, cn=cn2an.an2cn(n) if "{cn}" in style else "")


def number_sections(sections: list[DraftSection], level: int = 1) -> None:
    """Set `level` and `marker` of every section from its place in the tree."""
    for n, sec in enumerate(sections, 1):
        sec.level = level
        sec.marker = marker(level, n)
        number_sections(sec.children, level + 1)
