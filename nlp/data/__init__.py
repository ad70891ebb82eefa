"""Data shipped with plan-nlp: lexicons, word lists, patterns and tables, loaded once.

The one loader for every data file of the package (in the manner of textacy's resources): a
module names its file and gets lines, rows or a TOML document, never reads files itself.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=None)
def data_text(package: str, filename: str) -> str:
    """The text of a data file shipped in `package` (UTF-8)."""
    return resources.files(package).joinpath(filename).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def word_list(package: str, filename: str) -> tuple[str, ...]:
    """Entries of a word list in `package`: one per line, blank lines and `#` comments dropped."""
    entries = (line.split("#", 1)[0].strip() for line in data_text(package, filename).splitlines())
    return tuple(e for e in entries if e)


@lru_cache(maxsize=None)
def table(package: str, filename: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated table in `package`: blank lines and lines opening with `#` dropped;
    cells as printed (a `#` inside a cell is data)."""
    return tuple(tuple(line.split("\t")) for line in data_text(package, filename).splitlines()
                 if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=None)
def toml_data(package: str, filename: str) -> dict[str, Any]:
    """A TOML data file of `package`, parsed."""
    return tomllib.loads(data_text(package, filename))
