"""Chinese text patterns shared by every module: the enumerator grammar and the numeral parser."""

from .enumerators import (
    GLUED_AR,
    LEADING_MARKERS,
    LINE_START_MARKER,
    MARKER,
    RANK,
    RUNIN_OPENER,
    SHI,
    marker_at,
    parse_marker,
    style_number,
)
from .numerals import cn_number, parse_int

__all__ = ["GLUED_AR", "LEADING_MARKERS", "LINE_START_MARKER", "RUNIN_OPENER", "MARKER", "RANK", "SHI", "cn_number", "marker_at",
           "parse_int", "parse_marker", "style_number"]
