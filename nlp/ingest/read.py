"""One entry point from a file path to its raw text, dispatching on the file extension."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from nlp.errors import UnreadableFile, UnsupportedFormat
from nlp.ingest.sniff import SNIFFED_SUFFIXES, sniff_office_file
from nlp.ingest.txt import check_text, read_txt


@dataclass(frozen=True)
class RawText:
    """A file's text as read: decoded, not normalized (a BOM is the only thing removed)."""

    path: str
    text: str
    format: str  # 'txt' 'md' 'docx' 'pdf' 'html' 'doc' 'wps' 'xlsx' 'xls', or what an Office
    # suffix really holds: 'html' 'mht' 'rtf' 'txt' (nlp.ingest.sniff)
    encoding: str | None  # codec the bytes were decoded with; None for binary formats


def _read_docx(path: Path) -> tuple[str, str | None]:
    from nlp.ingest.docx import read_docx  # imports python-docx: loaded only when needed

    return read_docx(path)


def _read_pdf(path: Path) -> tuple[str, str | None]:
    from nlp.ingest.pdf import read_pdf  # imports pdfplumber: loaded only when needed

    return read_pdf(path)


def _read_html(path: Path) -> tuple[str, str | None]:
    from nlp.ingest.html import read_html  # imports selectolax: loaded only when needed

    return read_html(path)


def _read_word97(path: Path) -> tuple[str, str | None]:
    from nlp.ingest.office import read_word97  # runs LibreOffice or antiword: loaded only when needed

    return read_word97(path)


def _read_xlsx(path: Path) -> tuple[str, str | None]:
    from nlp.ingest.office import read_xlsx  # imports openpyxl: loaded only when needed

    return read_xlsx(path)


def _read_xls(path: Path) -> tuple[str, str | None]:
    from nlp.ingest.office import read_xls

    return read_xls(path)


def _read_mht(path: Path) -> tuple[str, str | None]:
    from nlp.ingest.html import read_mht

    return read_mht(path)


_READERS: dict[str, tuple[str, Callable[[Path], tuple[str, str | None]]]] = {
    ".txt": ("txt", read_txt),
    ".md": ("md", read_txt),
    ".docx": ("docx", _read_docx),
    ".pdf": ("pdf", _read_pdf),
    ".html": ("html", _read_html),
    ".htm": ("html", _read_html),
    ".doc": ("doc", _read_word97),
    ".wps": ("wps", _read_word97),
    ".xlsx": ("xlsx", _read_xlsx),
    ".xls": ("xls", _read_xls),
}


# Readers for content found under another suffix (see nlp.ingest.sniff): a web page saved
# as .doc, a single-file web archive (.mht), a .docx renamed .doc.
_CONTENT_READERS: dict[str, Callable[[Path], tuple[str, str | None]]] = {
    "docx": _read_docx, "doc": _read_word97, "xlsx": _read_xlsx, "xls": _read_xls,
    "html": _read_html, "mht": _read_mht, "rtf": _read_word97, "txt": read_txt,
}


def read_document(path: str | Path) -> RawText:
    """Read a .txt/.md/.docx/.pdf/.html/.doc/.wps/.xlsx/.xls file into RawText; raise a
    PlanNLPError naming the file."""
    file = Path(path)
    if not file.exists():
        raise UnreadableFile(path, "no such file")
    if file.is_dir():
        raise UnreadableFile(path, "is a directory, not a file")
    suffix = file.suffix.lower()
    if suffix not in _READERS:
        shown = suffix or "(no extension)"
        raise UnsupportedFormat(path, f"unsupported file type '{shown}' (expected {', '.join(_READERS)})")
    fmt, reader = _READERS[suffix]
    try:
        if file.stat().st_size == 0:
            raise UnreadableFile(path, "empty file")
        if suffix in SNIFFED_SUFFIXES:
            found = sniff_office_file(file, fmt)
            if found != fmt:
                fmt, reader = found, _CONTENT_READERS[found]
        text, encoding = reader(file)
    except OSError as exc:
        raise UnreadableFile(path, f"cannot read the file ({exc.strerror or exc})") from exc
    if not text.strip():
        raise UnreadableFile(path, "empty file" if fmt in ("txt", "md", "pdf") else "empty file (no text in it)")
    if reader is not read_txt:  # decode_bytes has checked a text file's text already
        check_text(text, path)  # docx, pdf and html text can be mojibake too
    return RawText(path=str(path), text=text, format=fmt, encoding=encoding)
