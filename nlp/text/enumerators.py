"""Moved to nlp.lang.enumerators (the one enumerator grammar); kept for older imports."""

from ..lang.enumerators import LINE_START_MARKER

__all__ = ["LINE_START_MARKER"]
