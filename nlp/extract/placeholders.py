"""Placeholders a template left in the text: `xx年`, `20__年`, `__大`, `xxx`, `***市`."""

from __future__ import annotations

import regex

from ..model import Flag

# Template gaps: runs of x/X/＿/_/＊/* or ×, optionally after the century digits of a year.
# Matches "xx年", "20__年", "20xx年", "__大", "xx届_", "xxx", "***市"; must not match
# "x光" (a single x before a CJK char is an ordinary letter) nor "box" (x inside a Latin word).
PLACEHOLDER = regex.compile(
    r"(?<![A-Za-z])(?:(?:19|20)?(?:[xX×]{2,}|[_＿]{2,}|[＊*]{3,}|[_＿](?=[大届年月])|[xX](?=[年月届]))[年月日届大]?[_＿]?)(?![A-Za-z])"
)


def placeholder_flags(text: str) -> list[Flag]:
    """One `placeholder` flag per template gap left in `text`."""
    return [Flag("placeholder", m.group(), m.start(), m.end()) for m in PLACEHOLDER.finditer(text)]
