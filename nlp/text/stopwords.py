"""Domain stopwords: function words and work-plan boilerplate, shipped as package data."""

from __future__ import annotations

from functools import lru_cache

from ..data import data_text

_PACKAGE = "nlp.data.lexicon"
_FILE = "stopwords.txt"


def parse_stopwords(lines: list[str]) -> frozenset[str]:
    """Words of a stopword file: one per line; blank lines and `#` comment lines are skipped."""
    return frozenset(w for w in (line.strip() for line in lines) if w and not w.startswith("#"))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The shipped stopword set, read once per process."""
    return parse_stopwords(data_text(_PACKAGE, _FILE).splitlines())
