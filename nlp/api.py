"""The public API: analyze a file, a folder or a text into annotated Articles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .formats import FOLDER_DOCS, SUPPORTED_SUFFIXES
from .ingest.document import document_from_text
from .model import Article, Document
from .pipeline import annotate



def load_document(path: str | Path, simplify: bool = True) -> Document:
    """Read, normalize and split one file (no extraction yet)."""
    from .ingest.read import read_document  # readers pull in docx/pdf/html libraries: load on use

    raw = read_document(path)
    return document_from_text(raw.text, str(path), raw.format, raw.encoding, simplify=simplify)


def analyze_document(path: str | Path, simplify: bool = True) -> Document:
    """Read one file and annotate every article in it."""
    doc = load_document(path, simplify=simplify)
    for article in doc.articles:
        annotate(article)
    return doc


def analyze_path(path: str | Path, simplify: bool = True) -> list[Article]:
    """Annotated articles of one file."""
    return analyze_document(path, simplify=simplify).articles


def analyze_text(text: str, source: str = "<text>", simplify: bool = True) -> list[Article]:
    """Annotated articles of a text already decoded."""
    doc = document_from_text(text, source, simplify=simplify)
    for article in doc.articles:
        annotate(article)
    return doc.articles


def iter_files(paths: list[str | Path]) -> Iterator[Path]:
    """Files named, and supported files below folders named (recursively, sorted; folder docs skipped)."""
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(q for q in p.rglob("*") if q.is_file() and not q.name.startswith(".")):
                if f.suffix.lower() in SUPPORTED_SUFFIXES and f.stem.lower() not in FOLDER_DOCS:
                    yield f
        else:
            yield p
