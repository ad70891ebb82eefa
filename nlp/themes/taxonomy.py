"""The taxonomy of union work areas that names themes: a TOML data file, shipped and editable."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..data import data_text
from ..errors import PlanNLPError

_DATA_PACKAGE = "nlp.data.themes"
_DEFAULT_FILE = "taxonomy.toml"
KINDS = ("work", "part")


@dataclass(frozen=True)
class Area:
    """One work area: its name, other names, the terms that describe its work, and its kind."""

    name: str
    terms: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    kind: str = "work"

    @property
    def description(self) -> str:
        """Name, aliases and terms, one phrase a line (how the embedders read an area)."""
        return "\n".join((self.name, *self.aliases, *self.terms))


@dataclass(frozen=True)
class Taxonomy:
    """An ordered list of areas, read from a file (`source`)."""

    areas: tuple[Area, ...]
    source: str = ""

    @property
    def names(self) -> list[str]:
        return [a.name for a in self.areas]


def _area(entry: object, index: int, source: str) -> Area:
    if not isinstance(entry, dict):
        raise PlanNLPError(source, f"[[area]] number {index + 1} is not a table")
    name = entry.get("name")
    terms = entry.get("terms", [])
    aliases = entry.get("aliases", [])
    kind = entry.get("kind", "work")
    if not isinstance(name, str) or not name.strip():
        raise PlanNLPError(source, f"[[area]] number {index + 1} has no name")
    for field, value in (("terms", terms), ("aliases", aliases)):
        if not isinstance(value, list) or not all(isinstance(t, str) for t in value):
            raise PlanNLPError(source, f"area {name!r}: {field} must be a list of strings")
    if not terms:
        raise PlanNLPError(source, f"area {name!r} has no terms")
    if kind not in KINDS:
        raise PlanNLPError(source, f"area {name!r}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
    return Area(name.strip(), tuple(t.strip() for t in terms if t.strip()),
                tuple(a.strip() for a in aliases if a.strip()), kind)


def parse_taxonomy(text: str, source: str = "<taxonomy>") -> Taxonomy:
    """A taxonomy from TOML text with one `[[area]]` table per area."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PlanNLPError(source, f"not valid TOML: {exc}") from exc
    entries = data.get("area")
    if not isinstance(entries, list) or not entries:
        raise PlanNLPError(source, "no [[area]] tables")
    areas = tuple(_area(e, i, source) for i, e in enumerate(entries))
    names = [a.name for a in areas]
    if len(set(names)) != len(names):
        dup = next(n for n in names if names.count(n) > 1)
        raise PlanNLPError(source, f"area {dup!r} is defined twice")
    return Taxonomy(areas, source)


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """The shipped taxonomy (`path` None) or a user's TOML file."""
    if path is None:
        return parse_taxonomy(data_text(_DATA_PACKAGE, _DEFAULT_FILE), f"{_DATA_PACKAGE}/{_DEFAULT_FILE}")
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PlanNLPError(path, f"cannot read taxonomy: {exc}") from exc
    return parse_taxonomy(text, str(path))
