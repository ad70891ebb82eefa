"""Data shipped with plan-nlp: lexicons, word lists, patterns and tables, loaded once."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def word_list(package: str, filename: str) -> tuple[str, ...]:
    """Entries of a word list in `package`: one per line, blank lines and `#` comments dropped."""
    text = resources.files(package).joinpath(filename).read_text(encoding="utf-8")
    entries = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(e for e in entries if e)
