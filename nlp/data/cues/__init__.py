"""Word lists for status, genre, org type and task cues, one entry per line."""

from __future__ import annotations

from .. import word_list


def words(name: str) -> tuple[str, ...]:
    """Entries of `<name>.txt` in this package: blank lines and `#` comments dropped."""
    return word_list(__name__, f"{name}.txt")
