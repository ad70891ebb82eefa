"""What an Office-suffixed file really holds, from its first bytes.

Archives of downloaded plans are full of files whose suffix lies: essay sites serve web pages
and single-file web archives (MHT) as `.doc`, WPS and online editors save .docx content
under `.doc`, files get renamed. Reading by content instead of by suffix turns these into
text instead of "not a valid .docx" errors.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import regex

SNIFFED_SUFFIXES = frozenset({".doc", ".wps", ".docx", ".xls", ".xlsx"})

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: Word/Excel/WPS 97-2003
_ZIP_MAGIC = b"PK\x03\x04"
_HEAD_BYTES = 4096
_SPREADSHEET = frozenset({"xls", "xlsx"})

# The start of an HTML document (after a BOM or whitespace). Matches b'<!DOCTYPE html',
# b'<html xmlns:o=', b'<meta charset' , b'<table'; must not match b'PK' or b'<?xml version' alone.
HTML_START = regex.compile(rb"(?i)^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|meta|body|table|div|p)\b", regex.DOTALL)

# The MIME-Version header of a single-file web archive, among the header lines at the top
# (folded lines included). Matches b'From: x\r\nMIME-Version: 1.0'; must not match
# b'plan text\nMIME-Version: 1.0' (not a header block).
MHT_START = regex.compile(rb"(?i)^(?:(?:[\x21-\x39\x3b-\x7e]+:|[ \t])[^\r\n]*\r?\n)*MIME-Version:\s*1\.0")


def _zip_kind(path: Path) -> str | None:
    """'docx' or 'xlsx' for an Office Open XML package, None for another or a damaged zip."""
    try:
        with zipfile.ZipFile(path) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None  # damaged: the suffix's own reader says so
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def sniff_office_file(path: Path, fmt: str) -> str:
    """The format to read `path` as: `fmt` (from its suffix) unless its bytes say otherwise."""
    with open(path, "rb") as handle:
        head = handle.read(_HEAD_BYTES)
    if head.startswith(_ZIP_MAGIC):
        return _zip_kind(path) or fmt
    if head.startswith(_OLE_MAGIC):
        if fmt in ("docx", "xlsx"):
            return "xls" if fmt == "xlsx" else "doc"  # an old binary file renamed to the new suffix
        return fmt
    if MHT_START.match(head):
        return "mht"
    if HTML_START.match(head):
        return "html"
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf" if fmt not in _SPREADSHEET else fmt
    if b"\x00" not in head and fmt in ("doc", "wps"):
        return "txt"  # plain text served or saved as a legacy Word file
    return fmt
