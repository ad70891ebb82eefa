"""What an outline marker at the start of a line looks like, for the ingest steps that must not
mistake a heading for a title or a broken line (the outline extractor parses markers fully)."""

from __future__ import annotations

import regex

# An outline marker opening a line: "一、", "二.", "（三）", "(4)", "5、", "6.", "⑦", "第一，";
# not "2024年" (a year), "十分重要" (no punctuation after the numeral), "第一届" (an ordinal).
LINE_START_MARKER = regex.compile(
    r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．)）]|[①-⑳]"
    r"|第[一二三四五六七八九十]+[，,、])"
)
