"""Loading the gold set (JSON files per source) and predictions (analyze JSON Lines)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from ..errors import PlanNLPError, UnreadableFile

Warn = Callable[[str], None]

UNNUMBERED = 10**9  # sort key of a prediction without an integer "article" index

# Digit runs, for natural file-name order. Matches "12" in "a12.json"; must not match "a".
DIGITS_RE = regex.compile(r"(\d+)")
# The split suffix of a long source's gold files. Matches ".partA" in "002.partA"; must not
# match ".txt" in "002.txt".
PART_SUFFIX_RE = regex.compile(r"\.part[^.]*$")


@dataclass
class GoldSource:
    """The gold articles of one source file, concatenated over its gold files in order."""

    source: str  # the source file name, e.g. "000_9825fc98e55fd8cd.txt"
    files: list[Path] = field(default_factory=list)
    articles: list[dict[str, Any]] = field(default_factory=list)


def source_name(value: Any) -> str:
    """The file name a source is matched by (directories are ignored)."""
    return Path(str(value)).name


def natural_key(name: str) -> list[int | str]:
    """Sort key putting "file2" before "file10"."""
    return [int(part) if part.isdigit() else part.lower() for part in DIGITS_RE.split(name)]


def gold_files(paths: Iterable[Path]) -> list[Path]:
    """Every gold *.json under the given directories (or given directly), in natural order."""
    found: set[Path] = set()
    for path in map(Path, paths):
        if path.is_file() and path.suffix == ".json":
            found.add(path.resolve())
        elif path.is_dir():
            found.update(p.resolve() for p in path.glob("*.json") if p.is_file())
        else:
            raise PlanNLPError(path, "gold path is neither a directory nor a .json file")
    return sorted(found, key=lambda p: (str(p.parent), natural_key(p.name)))


def load_gold(paths: Iterable[Path], warn: Warn) -> dict[str, GoldSource]:
    """Gold articles by source name; unreadable or malformed files are skipped with a warning."""
    sources: dict[str, GoldSource] = {}
    for path in gold_files(paths):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            warn(f"skipping unreadable gold file {path}: {exc}")
            continue
        if isinstance(data, list):  # a bare list of articles
            data = {"articles": data}
        if not isinstance(data, dict) or not isinstance(data.get("articles"), list):
            warn(f"skipping gold file without an 'articles' list: {path}")
            continue
        name = data.get("source")
        if not name:
            name = PART_SUFFIX_RE.sub("", path.name.removesuffix(".json")) + ".txt"
            warn(f"gold file {path} has no 'source'; assuming {name}")
        entry = sources.setdefault(source_name(name), GoldSource(source_name(name)))
        entry.files.append(path)
        entry.articles.extend(a for a in data["articles"] if isinstance(a, dict))
    return sources


def group_predictions(records: Iterable[tuple[int, Any]], warn: Warn) -> dict[str, list[dict[str, Any]]]:
    """Numbered prediction records grouped by source name, each source in article order."""
    keyed: dict[str, list[tuple[int, int, dict[str, Any]]]] = {}
    for number, record in records:
        if not isinstance(record, Mapping):
            warn(f"pred line {number}: not an object; skipped")
            continue
        index = record.get("article")
        order = index if isinstance(index, int) else UNNUMBERED
        keyed.setdefault(source_name(record.get("source", "")), []).append((order, number, dict(record)))
    return {src: [rec for _, _, rec in sorted(rows, key=lambda row: row[:2])] for src, rows in keyed.items()}


def parse_prediction_lines(lines: Iterable[str], warn: Warn) -> dict[str, list[dict[str, Any]]]:
    """Predictions from JSON Lines text (blank lines ignored, bad lines skipped with a warning)."""

    def records() -> Iterable[tuple[int, Any]]:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as exc:
                warn(f"pred line {number}: bad JSON ({exc}); skipped")

    return group_predictions(records(), warn)


def load_predictions(path: Path, warn: Warn) -> dict[str, list[dict[str, Any]]]:
    """Predictions of a JSON Lines file ('-' reads stdin) by source name."""
    if str(path) == "-":
        return parse_prediction_lines(sys.stdin, warn)
    try:
        with open(path, encoding="utf-8") as handle:
            return parse_prediction_lines(handle, warn)
    except FileNotFoundError:
        raise PlanNLPError(path, "prediction file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UnreadableFile(path, f"cannot read predictions: {exc}") from None
