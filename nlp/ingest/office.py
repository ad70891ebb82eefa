"""Old and spreadsheet Office formats: .doc/.wps through LibreOffice or antiword, .xlsx/.xls cells.

Word 97-2003 (.doc) and WPS Writer (.wps) files are binary formats no maintained Python
library reads. They are converted by LibreOffice headless (`soffice --convert-to docx`, into
a temporary folder, then read by the .docx reader, so Word's automatic numbering comes back
too) or, when LibreOffice is not installed, printed as text by `antiword`. With neither, the
error names the Debian packages to install.

Spreadsheets: .xlsx is read with openpyxl, sheet by sheet, one line per row whose non-empty
cells are joined by " | " (a schedule reads `三月份 | 召开职代会 | 工会办`), values as Excel
shows them (whole numbers without ".0", percent-formatted cells with "%", dates as
`2024年3月5日`). A sheet's name opens its rows unless it is a default name (`Sheet1`). A .xls
workbook is converted to .xlsx by LibreOffice first.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import regex

from nlp.errors import MissingConverter, UnreadableFile

_CONVERT_TIMEOUT_S = 180  # a large .doc converts in seconds; a hung soffice must not hang a batch
_CELL_SEPARATOR = " | "

# A sheet name Excel or WPS gives by default. Matches 'Sheet1', 'sheet 2', '工作表1'; must not
# match '2024年工作安排'.
DEFAULT_SHEET_NAME = regex.compile(r"(?i)sheet\s*\d*|工作表\s*\d*")


def _soffice() -> str | None:
    """Path of the LibreOffice binary, None if not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_with_libreoffice(path: Path, target: str, folder: Path) -> Path:
    """Convert `path` to format `target` ('docx', 'xlsx') into `folder`; the converted file's path."""
    soffice = _soffice()
    if soffice is None:
        raise FileNotFoundError("soffice")
    # A private profile: a LibreOffice already running for the user (or a parallel conversion)
    # would otherwise take the request over or refuse it on the profile lock.
    profile = (folder / "profile").as_uri()
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nolockcheck",
               "--convert-to", target, "--outdir", str(folder), str(path.resolve())]
    try:
        done = subprocess.run(command, capture_output=True, timeout=_CONVERT_TIMEOUT_S, check=False,
                              env={**os.environ, "HOME": str(folder)})
    except subprocess.TimeoutExpired as exc:
        raise UnreadableFile(path, f"LibreOffice did not convert the file within {_CONVERT_TIMEOUT_S} s") from exc
    converted = folder / f"{path.stem}.{target}"
    if not converted.exists():
        message = (done.stderr or done.stdout).decode("utf-8", "replace").strip()
        raise UnreadableFile(
            path, f"LibreOffice could not convert the file to .{target} ({message or f'exit code {done.returncode}'})"
        )
    return converted


def _antiword_text(path: Path) -> str:
    """Text of a Word 97-2003 file printed by antiword (UTF-8)."""
    antiword = shutil.which("antiword")
    if antiword is None:
        raise FileNotFoundError("antiword")
    try:
        done = subprocess.run([antiword, "-m", "UTF-8.txt", "-w", "0", str(path)], capture_output=True,
                              timeout=_CONVERT_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired as exc:
        raise UnreadableFile(path, f"antiword did not read the file within {_CONVERT_TIMEOUT_S} s") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise UnreadableFile(path, f"antiword could not read the file ({message or f'exit code {done.returncode}'})")
    return done.stdout.decode("utf-8", "replace")


def read_word97(path: Path) -> tuple[str, None]:
    """Text of a .doc or .wps file: LibreOffice (as .docx), else antiword, else a clear error."""
    from nlp.ingest.docx import read_docx

    kind = path.suffix.lower()
    if _soffice() is not None:
        with tempfile.TemporaryDirectory(prefix="plan-nlp-office-") as folder:
            converted = convert_with_libreoffice(path, "docx", Path(folder))
            return read_docx(converted)
    if shutil.which("antiword") is not None:
        return _antiword_text(path), None
    raise MissingConverter(
        path,
        f"{kind} files are read through LibreOffice or antiword and neither is installed: install the "
        "Debian package 'libreoffice-writer' (or 'antiword' for Word 97-2003 files), or save the file "
        "as .docx",
    )


def _cell_text(value: object, number_format: str) -> str:
    """A cell's value as Excel shows it, closely enough for text analysis."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        day = f"{value.year}年{value.month}月{value.day}日"
        return day if value.time() == dt.time() else f"{day} {value:%H:%M}"
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    if isinstance(value, dt.time):
        return f"{value:%H:%M}"
    if isinstance(value, (int, float)):
        if "%" in (number_format or ""):
            return f"{value * 100:.10g}%"
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return f"{value:.10g}" if isinstance(value, float) else str(value)
    return " ".join(str(value).split())  # line breaks inside a cell do not split the row


def read_xlsx(path: Path) -> tuple[str, None]:
    """Rows of every sheet of an .xlsx workbook, one line per non-empty row."""
    from openpyxl import load_workbook  # only needed for spreadsheets
    from openpyxl.utils.exceptions import InvalidFileException

    with open(path, "rb") as handle:  # a file object: openpyxl refuses names not ending in .xlsx
        try:
            workbook = load_workbook(handle, read_only=True, data_only=True)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError) as exc:  # damaged or not a workbook
            raise UnreadableFile(path, f"not a valid .xlsx ({type(exc).__name__}: {exc})") from exc
        try:
            return "\n".join(_workbook_lines(workbook)), None
        finally:
            workbook.close()


def _workbook_lines(workbook) -> list[str]:
    """Lines of every sheet: its name (unless a default one), then one line per non-empty row."""
    lines: list[str] = []
    for sheet in workbook.worksheets:
        rows = []
        for row in sheet.iter_rows():
            cells = [_cell_text(cell.value, getattr(cell, "number_format", "")) for cell in row]
            cells = [c for c in cells if c.strip()]
            if cells:
                rows.append(_CELL_SEPARATOR.join(cells))
        if rows and not DEFAULT_SHEET_NAME.fullmatch(sheet.title.strip()):
            lines.append(sheet.title.strip())
        lines.extend(rows)
    return lines


def read_xls(path: Path) -> tuple[str, None]:
    """Rows of an Excel 97-2003 workbook, converted to .xlsx by LibreOffice."""
    if _soffice() is None:
        raise MissingConverter(
            path,
            ".xls files are read through LibreOffice, which is not installed: install the Debian "
            "package 'libreoffice-calc', or save the workbook as .xlsx",
        )
    with tempfile.TemporaryDirectory(prefix="plan-nlp-office-") as folder:
        return read_xlsx(convert_with_libreoffice(path, "xlsx", Path(folder)))
