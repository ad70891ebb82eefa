"""Word lists for quantities and targets (units, slogans, counters), one entry per line."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """Entries of `<name>.txt` in this package: blank lines and `#` comments dropped."""
    text = resources.files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)
