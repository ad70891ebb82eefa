"""Old and spreadsheet Office formats: .doc/.wps through LibreOffice or antiword, .xlsx/.xls rows."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

import docx
import pytest
from openpyxl import Workbook

from nlp.errors import MissingConverter, UnreadableFile, UnsupportedFormat
from nlp.formats import SUPPORTED_SUFFIXES
from reader_samples import write_bytes
from nlp.ingest.read import read_document

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # how every Word/Excel 97-2003 file starts

# Lines of a small plan written for these tests.
PLAN_LINES = ["2025年街道工会工作计划", "一、加强基层组织建设", "全年新建工会组织6家。", "二、开展职工文体活动"]


def _no_converters(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


def _fake_program(folder: Path, name: str, body: str) -> None:
    """An executable stand-in for an external converter (the real ones are not installed here)."""
    folder.mkdir(exist_ok=True)
    script = folder / name
    script.write_text(f"#!{sys.executable}\n{body}", encoding="utf-8")
    script.chmod(0o755)


# Stands in for `soffice --convert-to docx --outdir DIR FILE`: writes DIR/<stem>.docx whose
# paragraphs are the input's lines (the test's ".doc" holds UTF-8 lines).
_FAKE_SOFFICE = """
import sys
from pathlib import Path
import docx
args = sys.argv[1:]
assert "--headless" in args and args[args.index("--convert-to") + 1] == "docx", args
assert any(a.startswith("-env:UserInstallation=file://") for a in args), args
outdir, source = Path(args[args.index("--outdir") + 1]), Path(args[-1])
document = docx.Document()
for line in source.read_bytes()[8:].decode("utf-8").splitlines():  # after the compound-file magic
    document.add_paragraph(line)
document.save(str(outdir / (source.stem + ".docx")))
"""

# Stands in for `antiword -m UTF-8.txt -w 0 FILE`: prints the input's lines.
_FAKE_ANTIWORD = """
import sys
assert sys.argv[1:3] == ["-m", "UTF-8.txt"], sys.argv
sys.stdout.write(open(sys.argv[-1], "rb").read()[8:].decode("utf-8"))
"""


@pytest.mark.parametrize("suffix", [".doc", ".wps", ".DOC"])
def test_word97_without_converters_names_the_packages(tmp_path: Path, monkeypatch, suffix: str) -> None:
    _no_converters(monkeypatch, tmp_path)
    path = write_bytes(tmp_path / f"plan{suffix}", OLE_MAGIC + bytes(504))
    with pytest.raises(MissingConverter) as info:
        read_document(path)
    message = str(info.value)
    assert str(path) in message and "libreoffice-writer" in message and "antiword" in message
    assert isinstance(info.value, UnsupportedFormat) and info.value.reason == "missing_converter"


def test_xls_without_libreoffice_names_the_package(tmp_path: Path, monkeypatch) -> None:
    _no_converters(monkeypatch, tmp_path)
    path = write_bytes(tmp_path / "schedule.xls", OLE_MAGIC + bytes(504))
    with pytest.raises(MissingConverter, match="libreoffice-calc") as info:
        read_document(path)
    assert "schedule.xls" in str(info.value)


def test_doc_is_converted_by_libreoffice_and_read_as_docx(tmp_path: Path, monkeypatch) -> None:
    bin_dir = tmp_path / "bin"
    _fake_program(bin_dir, "soffice", _FAKE_SOFFICE)
    monkeypatch.setenv("PATH", str(bin_dir))
    path = write_bytes(tmp_path / "plan.doc", OLE_MAGIC + "\n".join(PLAN_LINES).encode("utf-8"))
    raw = read_document(path)
    assert (raw.format, raw.encoding) == ("doc", None)
    assert raw.text.split("\n") == PLAN_LINES


def test_doc_falls_back_to_antiword(tmp_path: Path, monkeypatch) -> None:
    bin_dir = tmp_path / "bin"
    _fake_program(bin_dir, "antiword", _FAKE_ANTIWORD)
    monkeypatch.setenv("PATH", str(bin_dir))
    raw = read_document(write_bytes(tmp_path / "plan.wps", OLE_MAGIC + "\n".join(PLAN_LINES).encode("utf-8")))
    assert raw.format == "wps"
    assert raw.text.split("\n") == PLAN_LINES


def test_failed_conversion_is_a_clear_error(tmp_path: Path, monkeypatch) -> None:
    bin_dir = tmp_path / "bin"
    _fake_program(bin_dir, "soffice", "import sys\nsys.stderr.write('Error: source file could not be loaded')\n")
    monkeypatch.setenv("PATH", str(bin_dir))
    with pytest.raises(UnreadableFile, match="LibreOffice could not convert .*could not be loaded") as info:
        read_document(write_bytes(tmp_path / "broken.doc", OLE_MAGIC + b"\x00" * 100))
    assert "broken.doc" in str(info.value)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_real_doc_round_trip_keeps_text(tmp_path: Path) -> None:
    import subprocess

    document = docx.Document()
    for line in PLAN_LINES:
        document.add_paragraph(line)
    source = tmp_path / "source.docx"
    document.save(str(source))
    subprocess.run(["soffice", "--headless", "--convert-to", "doc", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    assert read_document(tmp_path / "source.doc").text.split("\n") == PLAN_LINES


def _schedule_workbook(path: Path) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "2025年活动安排"
    sheet.append(["月份", "活动内容", "参与人数", "完成率"])
    sheet.append(["三月份", "女职工健康讲座", 120, 0.95])
    sheet.append([None, None, None, None])  # an empty row is no line
    sheet.append(["四月份", "职工春季运动会\n（分两天进行）", 300.0, 1])
    sheet["D2"].number_format = "0%"
    sheet["D4"].number_format = "0%"
    sheet.append(["截止日期", dt.date(2025, 4, 30), None, 2.5])
    second = workbook.create_sheet("Sheet2")
    second.append(["备注", "经费由工会经费列支"])
    workbook.save(str(path))
    return path


def test_xlsx_rows_read_in_order_with_values_as_shown(tmp_path: Path) -> None:
    raw = read_document(_schedule_workbook(tmp_path / "schedule.xlsx"))
    assert (raw.format, raw.encoding) == ("xlsx", None)
    assert raw.text.split("\n") == [
        "2025年活动安排",  # a sheet's own name opens its rows; 'Sheet2' does not
        "月份 | 活动内容 | 参与人数 | 完成率",
        "三月份 | 女职工健康讲座 | 120 | 95%",
        "四月份 | 职工春季运动会 （分两天进行） | 300 | 100%",
        "截止日期 | 2025年4月30日 | 2.5",
        "备注 | 经费由工会经费列支",
    ]


def test_damaged_xlsx_is_not_a_valid_xlsx(tmp_path: Path) -> None:
    good = _schedule_workbook(tmp_path / "good.xlsx").read_bytes()
    for name, data in (("cut.xlsx", good[: len(good) // 2]), ("fake.xlsx", "一、计划".encode("utf-8"))):
        with pytest.raises(UnreadableFile, match=r"not a valid \.xlsx") as info:
            read_document(write_bytes(tmp_path / name, data))
        assert name in str(info.value)


def test_empty_workbook_is_empty(tmp_path: Path) -> None:
    Workbook().save(str(tmp_path / "blank.xlsx"))
    with pytest.raises(UnreadableFile, match="empty file"):
        read_document(tmp_path / "blank.xlsx")


def test_folder_walk_lists_old_office_files(tmp_path: Path) -> None:
    from nlp.api import iter_files

    for name in ("a.doc", "b.wps", "c.xls", "d.xlsx", "e.txt", "f.png"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in iter_files([tmp_path])] == ["a.doc", "b.wps", "c.xls", "d.xlsx", "e.txt"]
    assert {".doc", ".wps", ".xls", ".xlsx"} <= set(SUPPORTED_SUFFIXES)


# --- files whose suffix lies: read by content ---------------------------------------------

_PAGE_AS_DOC = (
    "<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'>"
    "<title>2025年街道工会工作计划</title></head><body>"
    + "".join(f"<p>{line}</p>" for line in PLAN_LINES)
    + "</body></html>"
)


def test_web_page_served_as_doc_is_read_as_html(tmp_path: Path, monkeypatch) -> None:
    _no_converters(monkeypatch, tmp_path)  # no converter is needed for it
    raw = read_document(write_bytes(tmp_path / "download.doc", _PAGE_AS_DOC.encode("gb18030")))
    assert (raw.format, raw.encoding) == ("html", "gb18030")
    assert raw.text.split("\n") == PLAN_LINES


def test_web_archive_served_as_doc_is_read_from_its_html_part(tmp_path: Path, monkeypatch) -> None:
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    archive = MIMEMultipart("related")
    archive.attach(MIMEText(_PAGE_AS_DOC, "html", "gb2312"))
    _no_converters(monkeypatch, tmp_path)
    raw = read_document(write_bytes(tmp_path / "archive.doc", archive.as_bytes()))
    assert raw.format == "mht"
    assert raw.text.split("\n") == PLAN_LINES


def test_web_archive_saved_as_mht(tmp_path: Path) -> None:
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    archive = MIMEMultipart("related")
    archive.attach(MIMEText(_PAGE_AS_DOC, "html", "utf-8"))  # base64 body
    raw = read_document(write_bytes(tmp_path / "saved.mht", archive.as_bytes()))
    assert (raw.format, raw.encoding) == ("mht", "utf-8")
    assert raw.text.split("\n") == PLAN_LINES


def test_docx_content_under_doc_and_xlsx_under_xls_read_by_content(tmp_path: Path, monkeypatch) -> None:
    _no_converters(monkeypatch, tmp_path)
    document = docx.Document()
    for line in PLAN_LINES:
        document.add_paragraph(line)
    document.save(str(tmp_path / "plan.doc"))
    raw = read_document(tmp_path / "plan.doc")
    assert (raw.format, raw.text.split("\n")) == ("docx", PLAN_LINES)
    workbook = _schedule_workbook(tmp_path / "book.xlsx")
    workbook.rename(tmp_path / "book.xls")
    raw = read_document(tmp_path / "book.xls")
    assert raw.format == "xlsx" and raw.text.split("\n")[2] == "三月份 | 女职工健康讲座 | 120 | 95%"


def test_html_table_served_as_xls_gives_its_rows(tmp_path: Path, monkeypatch) -> None:
    _no_converters(monkeypatch, tmp_path)
    page = ("<html><body><table><tr><td>月份</td><td>活动</td></tr><tr><td>五月</td><td>职工运动会</td></tr>"
            "</table></body></html>")
    raw = read_document(write_bytes(tmp_path / "export.xls", page.encode("utf-8")))
    assert raw.text.split("\n") == ["月份 | 活动", "五月 | 职工运动会"]


def test_plain_text_saved_as_doc_is_read_as_text(tmp_path: Path) -> None:
    raw = read_document(write_bytes(tmp_path / "plan.doc", "\n".join(PLAN_LINES).encode("gbk")))
    assert (raw.format, raw.encoding) == ("txt", "gb18030")
    assert raw.text.split("\n") == PLAN_LINES


@pytest.mark.parametrize(("name", "data"), [("old.docx", OLE_MAGIC + bytes(504)), ("letter.doc", b"{\\rtf1\\ansi }")])
def test_old_binary_or_rtf_under_any_word_suffix_goes_to_the_converter(
    tmp_path: Path, monkeypatch, name: str, data: bytes
) -> None:
    _no_converters(monkeypatch, tmp_path)
    with pytest.raises(MissingConverter, match="libreoffice-writer"):
        read_document(write_bytes(tmp_path / name, data))
