"""The public API: analyze a file, a folder or a text into annotated Articles."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import PlanNLPError, UnreadableFile, UnsupportedFormat
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


@dataclass(frozen=True)
class FileProblem:
    """A file that gave no articles: its path, the error's reason code and a plain explanation."""

    path: str
    reason: str
    detail: str

    def line(self) -> str:
        """One line for a person: `path: detail`."""
        return f"{self.path}: {self.detail}"


@dataclass
class Analysis:
    """What `analyze_paths` found: the articles, the files that failed and the files skipped."""

    articles: list[Article] = field(default_factory=list)
    failed: list[FileProblem] = field(default_factory=list)
    skipped: list[FileProblem] = field(default_factory=list)
    files: int = 0  # files analyzed or tried


FOLDER_DOC_DETAIL = "skipped: the folder's own documentation, not a plan"

# progress(done, total, path): called after each file (total known from the start).
Progress = Callable[[int, int, Path], None]


def walk(paths: Iterable[str | Path]) -> tuple[list[Path], list[FileProblem]]:
    """Files to analyze and the files skipped while walking folders, each with its reason.

    A file named on the command line is always tried (its reader says why it cannot be read);
    below a folder, hidden files and folders are left out silently, and a folder's own docs
    (README…) and unsupported suffixes are skipped with a reason.
    """
    files: list[Path] = []
    skipped: list[FileProblem] = []
    for p in map(Path, paths):
        if not p.is_dir():
            files.append(p)
            continue
        for f in sorted(q for q in p.rglob("*") if q.is_file()):
            if any(part.startswith(".") for part in f.relative_to(p).parts):
                continue
            if f.stem.lower() in FOLDER_DOCS:
                skipped.append(FileProblem(str(f), "folder_doc", FOLDER_DOC_DETAIL))
            elif f.suffix.lower() not in SUPPORTED_SUFFIXES:
                shown = f.suffix.lower() or "(no extension)"
                skipped.append(FileProblem(str(f), UnsupportedFormat.reason,
                                           f"skipped: unsupported file type '{shown}' "
                                           f"(reads {' '.join(SUPPORTED_SUFFIXES)})"))
            else:
                files.append(f)
    # A file also named on its own is tried (and its reader says why it fails), not skipped too.
    named = {Path(f).resolve() for f in files}
    return files, [s for s in skipped if Path(s.path).resolve() not in named]


def iter_files(paths: list[str | Path]) -> Iterator[Path]:
    """Files named, and supported files below folders named (recursively, sorted; folder docs skipped)."""
    yield from walk(paths)[0]


def analyze_paths(paths: Iterable[str | Path], simplify: bool = True,
                  progress: Progress | None = None) -> Analysis:
    """Analyze every file named or below a folder named; a bad file is recorded, never stops the rest.

    The one loop behind `analyze`, `evaluate` and `summarize`.
    """
    files, skipped = walk(paths)
    result = Analysis(skipped=skipped, files=len(files))
    for done, path in enumerate(files, 1):
        try:
            result.articles.extend(analyze_document(path, simplify=simplify).articles)
        except PlanNLPError as exc:
            result.failed.append(FileProblem(exc.path or str(path), exc.reason, " ".join(exc.detail.split())))
        except OSError as exc:
            result.failed.append(FileProblem(str(path), UnreadableFile.reason, str(exc.strerror or exc)))
        if progress is not None:
            progress(done, len(files), path)
    return result
