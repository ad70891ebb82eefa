"""File discovery: every file below an archive root, in a stable order, with its content hash."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from nlp.formats import FOLDER_DOCS, SUPPORTED_SUFFIXES

_CHUNK = 1 << 20


@dataclass(frozen=True)
class Entry:
    """One file of the archive: absolute path, POSIX path relative to the root, supported or not."""

    path: Path
    rel: str
    supported: bool


def discover(root: str | Path) -> list[Entry]:
    """Files below `root` sorted by relative path; hidden files and folder docs (README…) left out."""
    base = Path(root).resolve()
    out = []
    for f in base.rglob("*"):
        rel = f.relative_to(base)
        if any(part.startswith(".") for part in rel.parts) or not f.is_file():
            continue
        if f.stem.lower() in FOLDER_DOCS:
            continue
        out.append(Entry(f, rel.as_posix(), f.suffix.lower() in SUPPORTED_SUFFIXES))
    out.sort(key=lambda e: e.rel)
    return out


def file_hash(path: str | Path) -> tuple[str, int]:
    """SHA-256 hex digest and size of a file's bytes."""
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size
