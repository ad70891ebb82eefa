"""Outline: section headings with their levels.

A heading is an outline node (GUIDELINES "Headings"): a numbered item at a consistent position
(a line start, a marked markdown heading line, or inside run-in text right after a closed
sentence or glued to the previous item) that continues or opens a numbering sequence of its
style; or an unnumbered standalone short title line (a block title, a month label opening a row
of a schedule). Levels follow the nesting of enumerator styles inside the article (GUIDE §4),
never markdown `#` counts.

The passes, one module each: the enumerator grammar (nlp.lang.enumerators), markers read in
context (`markers`: a number glued to a date, decimal numbers), lines (`lines`),
line headings (`line_headings`), in-line enumerators of run-in text (`runin`), heading text
cuts (`cuts`), levels (`levels`). Sections and section paths live in nlp.extract.sections.
"""

from __future__ import annotations

from ...lang.enumerators import MARKER, parse_marker
from ...lang.numerals import cn_number
from ...lang.script import matching_view
from ...model import Article, Heading
from ..sections import build_sections, section_path, section_paths
from .cuts import settle_text
from .levels import assign_levels, mark_nesting, outline_flags
from .line_headings import line_items
from .lines import LINE_LEAD, LINE_LEAD_CHARS, Lines
from .runin import accept, inline_candidates

# Line marks of the ingest step that make a line a heading line: markdown "#" and a whole-line
# "**…**" emphasis.
HEADING_MARKS = frozenset({"heading", "emphasis"})

__all__ = ["LINE_LEAD", "LINE_LEAD_CHARS", "MARKER", "build_sections", "cn_number", "extract_headings",
           "outline_flags", "parse_marker", "render_outline", "section_path", "section_paths"]


def extract_headings(article: Article) -> list[Heading]:
    """Every outline node of the article, in order."""
    text = article.text
    if not text.strip():
        return []
    # Traditional text is read through its simplified view (same length, same offsets): the word
    # lists and the segmenter know simplified words; the headings quote the text as printed.
    lines = Lines(matching_view(text))
    marked = {lm.start for lm in article.line_marks if lm.kind in HEADING_MARKS}
    bulleted = frozenset(lm.start for lm in article.line_marks if lm.kind == "bullet")
    found = line_items(lines, marked, bulleted)
    items = settle_text(lines, accept(lines, found, inline_candidates(lines, found)))
    line_of = {ls: li for li, (ls, _) in enumerate(lines.spans)}
    depth = {line_of[lm.start]: lm.raw.count("#") for lm in article.line_marks
             if lm.kind == "heading" and lm.start in line_of}
    mark_nesting(lines, items, depth)
    return [
        Heading(level=lv, marker=text[it.pos:it.mend], text=text[it.text_start:it.text_end],
                start=it.pos, end=it.text_end, text_start=it.text_start, run_in=it.run_in)
        for it, lv in zip(items, assign_levels(items))
    ]


def render_outline(article: Article) -> str:
    """The indented outline of one article, for `--format outline`."""
    return "\n".join("  " * (h.level - 1) + h.marker + h.text for h in article.headings)
