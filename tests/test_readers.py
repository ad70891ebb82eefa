"""File readers: encodings, docx order and numbering, pdf text layers, html main content, bad inputs."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import tempfile

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from reportlab.pdfgen import canvas

from nlp.errors import NoTextLayer, PlanNLPError, UnreadableFile, UnreadableText, UnsupportedFormat
from nlp.ingest.read import RawText, read_document
from nlp.ingest.docx import format_number
from nlp.ingest.txt import diagnose_text

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

# Written for these tests: a short plan in the style of the domain, long enough for the
# share-based checks (more than 20 hanzi).
PLAN = (
    "2024年区总工会工作要点\n"
    "一、夯实基层组织，年内新建工会组织15家。\n"
    "二、深化劳动和技能竞赛，组织职工培训3期以上。\n"
)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


# --- plain text: encodings -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "encoding"),
    [
        ("plan_utf8.txt", PLAN.encode("utf-8"), "utf-8"),
        ("plan_gbk.txt", PLAN.encode("gbk"), "gb18030"),
        ("plan_bom.txt", codecs.BOM_UTF8 + PLAN.encode("utf-8"), "utf-8-sig"),
        ("plan_utf16.txt", PLAN.encode("utf-16"), "utf-16-le"),  # Python writes LE with a BOM
        ("plan_utf16be.txt", codecs.BOM_UTF16_BE + PLAN.encode("utf-16-be"), "utf-16-be"),
        ("plan.md", ("# 标题\n\n" + PLAN).encode("gbk"), "gb18030"),
    ],
)
def test_text_encodings_decode_to_the_same_text(tmp_path: Path, name: str, data: bytes, encoding: str) -> None:
    raw = read_document(_write(tmp_path / name, data))
    assert isinstance(raw, RawText)
    assert raw.text.endswith(PLAN) and "\ufeff" not in raw.text
    assert raw.encoding == encoding
    assert raw.format == ("md" if name.endswith(".md") else "txt")
    assert raw.path == str(tmp_path / name)


def test_gbk_text_written_with_python_codec(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_text(PLAN, encoding="gbk")
    assert read_document(path).text == PLAN


def test_gb18030_only_characters_survive(tmp_path: Path) -> None:
    # '㐀' (extension A) and '𠀀' (extension B) have 4-byte GB18030 codes and no GBK code.
    text = PLAN + "生僻字：㐀𠀀。\n"
    with pytest.raises(UnicodeEncodeError):
        text.encode("gbk")
    path = tmp_path / "gb18030.txt"
    path.write_text(text, encoding="gb18030")
    raw = read_document(path)
    assert raw.text == text and raw.encoding == "gb18030"


def test_line_breaks_are_kept_as_they_are(tmp_path: Path) -> None:
    text = PLAN.replace("\n", "\r\n") + "末行\r"
    raw = read_document(_write(tmp_path / "crlf.txt", text.encode("utf-8")))
    assert raw.text == text


def test_bomless_utf16_is_read_not_called_binary(tmp_path: Path) -> None:
    raw = read_document(_write(tmp_path / "u16.txt", PLAN.encode("utf-16-le")))
    assert raw.text == PLAN and raw.encoding == "utf-16-le"


def test_big5_text_falls_through_gb18030_to_the_detector(tmp_path: Path) -> None:
    # Big5 bytes also decode as GB18030, into rare hanzi; the rarity check rejects that reading.
    text = "工會工作計劃：加強職工之家建設，全年發展會員二百名，開展勞動競賽和技能比武活動。"
    raw = read_document(_write(tmp_path / "big5.txt", text.encode("big5")))
    assert raw.text == text
    assert raw.encoding.replace("_", "").startswith("big5") or raw.encoding == "cp950"


def test_traditional_characters_are_not_mistaken_for_mojibake(tmp_path: Path) -> None:
    text = "工會工作計劃：加強職工之家建設，全年發展會員二百名，開展勞動競賽和技能比武活動。\n"
    assert read_document(_write(tmp_path / "trad.txt", text.encode("utf-8"))).text == text


def test_truncated_last_character_is_tolerated(tmp_path: Path) -> None:
    data = PLAN.encode("utf-8") + "计划".encode("utf-8")[:-1]  # download cut inside a character
    raw = read_document(_write(tmp_path / "cut.txt", data))
    assert raw.encoding == "utf-8"
    assert raw.text.startswith(PLAN) and raw.text.endswith("计\ufffd")


def test_truncated_gbk_file_is_tolerated(tmp_path: Path) -> None:
    data = (PLAN + "计划").encode("gbk")[:-1]
    raw = read_document(_write(tmp_path / "cut_gbk.txt", data))
    assert raw.encoding == "gb18030"
    assert raw.text.startswith(PLAN) and raw.text.endswith("计\ufffd")


def test_seed_corpus_files_read_as_their_utf8_bytes() -> None:
    files = sorted(CORPUS.glob("*.txt"))
    assert len(files) == 5
    for path in files:
        raw = read_document(path)
        assert raw.text == path.read_bytes().decode("utf-8")
        assert (raw.format, raw.encoding) == ("txt", "utf-8")


# --- plain text: bad inputs ------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="no such file") as info:
        read_document(tmp_path / "nope.txt")
    assert "nope.txt" in str(info.value)


@pytest.mark.parametrize("data", [b"", b" \n\t\r\n", "\u3000\n".encode("utf-8"), codecs.BOM_UTF8])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(UnreadableFile, match="empty file") as info:
        read_document(_write(tmp_path / "empty.txt", data))
    assert "empty.txt" in str(info.value)
    assert type(info.value) is UnreadableFile


def test_wrong_extension(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedFormat, match=r"\.xyz") as info:
        read_document(_write(tmp_path / "plan.xyz", PLAN.encode("utf-8")))
    assert "plan.xyz" in str(info.value)


def test_extension_is_case_insensitive(tmp_path: Path) -> None:
    assert read_document(_write(tmp_path / "PLAN.TXT", PLAN.encode("utf-8"))).format == "txt"


def test_binary_garbage_with_nul_bytes(tmp_path: Path) -> None:
    rng = random.Random(20240501)
    data = bytes(rng.randrange(256) for _ in range(4096))
    assert b"\x00" in data
    with pytest.raises(UnreadableFile, match="binary content: .*NUL bytes") as info:
        read_document(_write(tmp_path / "garbage.txt", data))
    assert "garbage.txt" in str(info.value)


def test_binary_garbage_without_nul_bytes(tmp_path: Path) -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(1, 256) for _ in range(4096))
    with pytest.raises(UnreadableFile) as info:
        read_document(_write(tmp_path / "noise.txt", data))
    assert "noise.txt" in str(info.value)


def test_trailing_nul_padding_is_dropped(tmp_path: Path) -> None:
    raw = read_document(_write(tmp_path / "padded.txt", PLAN.encode("utf-8") + b"\x00" * 64))
    assert raw.text == PLAN


def test_control_characters_are_binary(tmp_path: Path) -> None:
    rng = random.Random(3)
    data = PLAN.encode("utf-8") + bytes(rng.choice([1, 2, 3, 5, 7, 8, 0x1B, 0x1F]) for _ in range(200))
    with pytest.raises(UnreadableFile, match="binary content: 200 control characters"):
        read_document(_write(tmp_path / "ctrl.txt", data))


def test_latin1_mojibake_is_unreadable_text(tmp_path: Path) -> None:
    mojibake = PLAN.encode("utf-8").decode("latin-1")  # 'å·¥ä¼\x9a' for 工会
    assert "å·¥ä¼" in mojibake
    with pytest.raises(UnreadableText, match="Latin-1/cp1252") as info:
        read_document(_write(tmp_path / "latin.txt", mojibake.encode("utf-8")))
    assert "latin.txt" in str(info.value)


def test_cp1252_mojibake_is_unreadable_text(tmp_path: Path) -> None:
    mojibake = PLAN.encode("utf-8").decode("cp1252", errors="ignore")  # 'å·¥ä¼š'
    assert "ä¼š" in mojibake
    with pytest.raises(UnreadableText, match="Latin-1/cp1252"):
        read_document(_write(tmp_path / "cp1252.txt", mojibake.encode("utf-8")))


def test_utf8_read_as_gbk_mojibake_is_unreadable_text(tmp_path: Path) -> None:
    mojibake = (PLAN * 2).encode("utf-8").decode("gb18030", errors="ignore")  # '宸ヤ細' for 工会
    with pytest.raises(UnreadableText, match="rare") as info:
        read_document(_write(tmp_path / "gbkmoji.txt", mojibake.encode("utf-8")))
    assert "gbkmoji.txt" in str(info.value)


def test_replacement_characters_are_unreadable_text(tmp_path: Path) -> None:
    text = "工会\ufffd\ufffd计划\ufffd\ufffd\ufffd" * 10
    with pytest.raises(UnreadableText, match="U\\+FFFD"):
        read_document(_write(tmp_path / "fffd.txt", text.encode("utf-8")))


def test_english_and_european_text_is_plausible() -> None:
    assert diagnose_text("Café au lait, naïve Ångström résumé — “quoted” ①②.") is None
    assert diagnose_text("工作计划 Work plan ℃ ㎡ № Ⅲ ★ ● ·") is None


def test_hangul_page_is_improbable() -> None:
    # What a GBK file becomes when a detector guesses cp949 (EUC-KR).
    hangul = PLAN.encode("gbk").decode("cp949", errors="ignore")
    problem = diagnose_text(hangul)
    assert problem is not None and problem.error is UnreadableText


@settings(max_examples=80, deadline=None)
@given(data=st.one_of(st.binary(max_size=300), st.text(max_size=120).map(lambda t: t.encode("utf-8"))))
def test_arbitrary_bytes_give_text_or_a_plan_nlp_error(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name in ("any.txt", "any.html"):
            path = _write(Path(folder) / name, data)
            try:
                raw = read_document(path)
            except PlanNLPError as exc:
                assert exc.path == str(path)
            else:
                assert raw.text.strip()


# --- docx ------------------------------------------------------------------------------

_LIST_DEFINITION = (
    f'<w:abstractNum {nsdecls("w")} w:abstractNumId="77">'
    '<w:multiLevelType w:val="hybridMultilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/>'
    '<w:lvlText w:val="%3"/><w:lvlJc w:val="left"/></w:lvl>'
    "</w:abstractNum>"
)


def _add_list(document, definition: str = _LIST_DEFINITION) -> int:
    """Add an abstractNum and a num referencing it to numbering.xml; return the numId."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(definition)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:  # schema order: every abstractNum precedes every num
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    return numbering.add_num(int(abstract.get(qn("w:abstractNumId")))).numId


def _numbered(document, text: str, num_id: int, ilvl: int = 0):
    """A paragraph numbered by list num_id at level ilvl."""
    paragraph = document.add_paragraph(text)
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id
    return paragraph


def _plan_docx(path: Path) -> Path:
    document = docx.Document()
    document.add_heading("2024年工会工作计划", level=1)
    document.add_paragraph("今年重点工作安排如下表。")
    table = document.add_table(rows=2, cols=2)
    cells = {(0, 0): "时间", (0, 1): "工作内容", (1, 0): "三月", (1, 1): "召开职工代表大会"}
    for (row, col), text in cells.items():
        table.cell(row, col).text = text
    document.add_paragraph("表格以外的说明文字。")
    num_id = _add_list(document)
    _numbered(document, "加强组织建设", num_id)
    _numbered(document, "发展新会员", num_id, 1)
    _numbered(document, "规范会费收缴", num_id, 1)
    _numbered(document, "重点行业", num_id, 2)
    _numbered(document, "开展劳动竞赛", num_id)
    _numbered(document, "组织技能比武", num_id, 1)
    document.add_paragraph("")  # an empty paragraph: vertical space, not a line
    document.add_paragraph("以上计划请遵照执行。")
    document.save(str(path))
    return path


def test_docx_reading_order_and_numbering(tmp_path: Path) -> None:
    raw = read_document(_plan_docx(tmp_path / "plan.docx"))
    assert (raw.format, raw.encoding) == ("docx", None)
    assert raw.text.split("\n") == [
        "2024年工会工作计划",
        "今年重点工作安排如下表。",
        "时间",
        "工作内容",
        "三月",
        "召开职工代表大会",
        "表格以外的说明文字。",
        "一、加强组织建设",
        "（1）发展新会员",
        "（2）规范会费收缴",
        "①重点行业",
        "二、开展劳动竞赛",
        "（1）组织技能比武",  # the deeper level restarts when the shallower one advances
        "以上计划请遵照执行。",
    ]


def test_docx_merged_cells_are_read_once(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "年度重点"  # horizontal merge
    table.cell(1, 0).merge(table.cell(2, 0)).text = "上半年"  # vertical merge
    table.cell(1, 1).text = "职代会"
    table.cell(2, 1).text = "劳动竞赛"
    document.save(str(tmp_path / "merged.docx"))
    lines = read_document(tmp_path / "merged.docx").text.split("\n")
    assert lines == ["年度重点", "上半年", "职代会", "劳动竞赛"]


def test_docx_nested_table_is_read_in_place(tmp_path: Path) -> None:
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "外表左"
    right = outer.cell(0, 1)
    right.text = "外表右"
    inner = right.add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "内表甲"
    inner.cell(0, 1).text = "内表乙"
    right.add_paragraph("外表右下")
    document.save(str(tmp_path / "nested.docx"))
    lines = read_document(tmp_path / "nested.docx").text.split("\n")
    assert lines == ["外表左", "外表右", "内表甲", "内表乙", "外表右下"]


def test_docx_numbering_from_the_paragraph_style_and_multilevel_text(tmp_path: Path) -> None:
    document = docx.Document()
    num_id = _add_list(document, _LIST_DEFINITION.replace('"77"', '"78"').replace("（%2）", "%1.%2"))
    style = document.styles["Heading 2"]
    num_pr = style.element.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_numId().val = num_id
    num_pr.get_or_add_ilvl().val = 1
    _numbered(document, "总体目标", num_id)
    document.add_heading("组织建设", level=2)
    document.add_heading("民主管理", level=2)
    document.add_paragraph("正文段落不编号。")
    document.save(str(tmp_path / "styled.docx"))
    lines = read_document(tmp_path / "styled.docx").text.split("\n")
    # A marker ending in a digit is followed by a space, one ending in punctuation is not.
    assert lines == ["一、总体目标", "一.1 组织建设", "一.2 民主管理", "正文段落不编号。"]


def test_docx_start_override_restarts_a_list(tmp_path: Path) -> None:
    document = docx.Document()
    first = _add_list(document)
    numbering = document.part.numbering_part.element
    second = numbering.add_num(77)
    second.add_lvlOverride(ilvl=0).add_startOverride(5)
    _numbered(document, "甲项", first)
    _numbered(document, "乙项", second.numId)
    _numbered(document, "丙项", second.numId)
    document.save(str(tmp_path / "restart.docx"))
    lines = read_document(tmp_path / "restart.docx").text.split("\n")
    assert lines == ["一、甲项", "五、乙项", "六、丙项"]


@pytest.mark.parametrize(
    ("fmt", "n", "printed"),
    [
        ("decimal", 12, "12"),
        ("chineseCounting", 11, "十一"),
        ("chineseCountingThousand", 20, "二十"),
        ("chineseLegalSimplified", 3, "叁"),
        ("ideographTraditional", 2, "乙"),  # ECMA-376: the heavenly stems 甲乙丙…
        ("ideographDigital", 10, "一〇"),
        ("decimalEnclosedCircle", 3, "③"),
        ("decimalEnclosedCircle", 21, "㉑"),
        ("lowerLetter", 2, "b"),
        ("upperLetter", 27, "AA"),
        ("upperRoman", 14, "XIV"),
        ("decimalZero", 7, "07"),
        ("decimalFullWidth", 5, "５"),
        ("someFutureFormat", 4, "4"),
    ],
)
def test_number_formats(fmt: str, n: int, printed: str) -> None:
    assert format_number(n, fmt) == printed


def test_truncated_docx_is_not_a_valid_docx(tmp_path: Path) -> None:
    good = _plan_docx(tmp_path / "good.docx").read_bytes()
    path = _write(tmp_path / "cut.docx", good[:100])
    with pytest.raises(UnreadableFile, match=r"not a valid \.docx \(") as info:
        read_document(path)
    assert "cut.docx" in str(info.value)


def test_text_file_named_docx_is_not_a_valid_docx(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match=r"not a valid \.docx"):
        read_document(_write(tmp_path / "fake.docx", PLAN.encode("utf-8")))


def test_docx_without_text_is_empty(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("   ")
    document.save(str(tmp_path / "blank.docx"))
    with pytest.raises(UnreadableFile, match="empty file"):
        read_document(tmp_path / "blank.docx")


# --- pdf -------------------------------------------------------------------------------


def _chinese_pdf(path: Path) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    pdf = canvas.Canvas(str(path))
    pdf.setFont("STSong-Light", 14)
    pdf.drawString(72, 760, "一、加强职工之家建设")
    pdf.drawString(72, 736, "全年新建工会组织15家。")
    pdf.showPage()
    pdf.setFont("STSong-Light", 14)
    pdf.drawString(72, 760, "二、开展劳动技能竞赛活动")
    pdf.save()
    return path


def test_pdf_text_layer_with_builtin_cid_font(tmp_path: Path) -> None:
    raw = read_document(_chinese_pdf(tmp_path / "plan.pdf"))
    assert (raw.format, raw.encoding) == ("pdf", None)
    assert raw.text == "一、加强职工之家建设\n全年新建工会组织15家。\n二、开展劳动技能竞赛活动"
    assert "(cid:" not in raw.text


def test_pdf_with_only_shapes_has_no_text_layer(tmp_path: Path) -> None:
    pdf = canvas.Canvas(str(tmp_path / "scan.pdf"))
    pdf.rect(72, 72, 300, 400, fill=1)
    pdf.circle(300, 600, 50)
    pdf.save()
    with pytest.raises(NoTextLayer, match="no usable text layer") as info:
        read_document(tmp_path / "scan.pdf")
    assert "scan.pdf" in str(info.value)


def test_pdf_with_page_numbers_only_has_no_text_layer(tmp_path: Path) -> None:
    pdf = canvas.Canvas(str(tmp_path / "scan_numbered.pdf"))
    for page in range(1, 4):
        pdf.rect(72, 72, 300, 400, fill=1)  # stands in for the scanned image
        pdf.drawString(290, 30, str(page))
        pdf.showPage()
    pdf.save()
    with pytest.raises(NoTextLayer, match="no usable text layer"):
        read_document(tmp_path / "scan_numbered.pdf")


def _pdf_without_unicode_map(content: bytes) -> bytes:
    """A one-page PDF drawing `content` with F1, a Type0 font (Identity-H, Adobe-Identity) without a
    ToUnicode map, and F2, the standard Helvetica."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R /F2 8 0 R >> >>"
        b" /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /NoMap /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NoMap /CIDSystemInfo << /Registry (Adobe)"
        b" /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /NoMap /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0"
        b" /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pdf_of_cid_codes_has_no_usable_text_layer(tmp_path: Path) -> None:
    content = b"BT /F1 14 Tf 72 750 Td <0A1B0C2D0E3F4A5B6C7D> Tj 0 -20 Td <01020304050607080910> Tj ET"
    path = _write(tmp_path / "cid.pdf", _pdf_without_unicode_map(content))
    with pytest.raises(NoTextLayer, match=r"no usable text layer: 10 of 10 glyphs are \(cid:NN\)"):
        read_document(path)


def test_pdf_with_a_few_cid_codes_keeps_its_text(tmp_path: Path) -> None:
    content = b"BT /F2 12 Tf 72 750 Td (Annual plan of the district trade union committee) Tj ET " \
              b"BT /F1 12 Tf 72 720 Td <0A1B> Tj ET"
    raw = read_document(_write(tmp_path / "logo.pdf", _pdf_without_unicode_map(content)))
    assert raw.text == "Annual plan of the district trade union committee\n\ufffd"


def test_corrupt_pdf_is_unreadable(tmp_path: Path) -> None:
    good = _chinese_pdf(tmp_path / "good.pdf").read_bytes()
    for name, data in (("cut.pdf", good[:300]), ("fake.pdf", PLAN.encode("utf-8"))):
        with pytest.raises(UnreadableFile, match=r"not a valid \.pdf") as info:
            read_document(_write(tmp_path / name, data))
        assert name in str(info.value)
        assert not isinstance(info.value, NoTextLayer)


# --- html ------------------------------------------------------------------------------

_PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>站点标题</title>
<style>.nav {{ color: red; }}</style>
<script>var ad = "广告脚本";</script></head>
<body>
<header><div class="logo">某某范文网</div><nav><a href="/">首页</a> <a href="/plan">工作计划</a></nav></header>
<div class="crumbs"><nav>当前位置：首页 &gt; 计划</nav></div>
<main>
  <article>
    <header><h1>  2024年社区工会工作计划 </h1></header>
    <p>为做好今年工会工作，
       特制定本计划。</p>
    <h2>一、加强<b>组织</b>建设</h2>
    <ul><li>新建工会组织5家</li><li>发展会员<span>200</span>名</li></ul>
    <p>联系人：张三<br>电话：12345678</p>
    <table><tr><td>三月</td><td>召开职代会</td></tr></table>
    <form><input name="q"><button>搜索</button></form>
    <footer>责任编辑：小编</footer>
  </article>
  <aside><h3>相关范文推荐</h3><ul><li>党支部工作计划</li></ul></aside>
</main>
<footer><p>版权所有 某某网</p></footer>
<noscript>请启用脚本</noscript>
<script>document.write("统计代码")</script>
</body></html>
"""

_PAGE_LINES = [
    "2024年社区工会工作计划",
    "为做好今年工会工作，特制定本计划。",  # hard-wrapped Chinese source gains no space
    "一、加强组织建设",
    "新建工会组织5家",
    "发展会员200名",
    "联系人：张三",
    "电话：12345678",
    "三月",
    "召开职代会",
]


@pytest.mark.parametrize(("charset", "codec"), [("utf-8", "utf-8"), ("gb2312", "gbk")])
def test_html_main_article_only(tmp_path: Path, charset: str, codec: str) -> None:
    path = _write(tmp_path / "page.html", _PAGE.format(charset=charset).encode(codec))
    raw = read_document(path)
    assert raw.format == "html"
    assert raw.text.split("\n") == _PAGE_LINES
    assert raw.encoding == ("utf-8" if charset == "utf-8" else "gb18030")


def test_html_without_article_uses_body_and_drops_chrome(tmp_path: Path) -> None:
    page = (
        "<html><body><header>网站头部</header><nav>导航</nav>"
        "<div id='content'><h1>工会工作要点</h1><div>一、加强学习</div><div>二、服务职工</div></div>"
        "<aside>热门文章</aside><footer>页脚</footer></body></html>"
    )
    raw = read_document(_write(tmp_path / "page.htm", page.encode("utf-8")))
    assert raw.text == "工会工作要点\n一、加强学习\n二、服务职工"


def test_html_preformatted_lines_and_breaks(tmp_path: Path) -> None:
    page = "<html><body><p>第一行<br/>第二行</p><pre>  甲  乙\n丙</pre></body></html>"
    raw = read_document(_write(tmp_path / "pre.html", page.encode("utf-8")))
    assert raw.text == "第一行\n第二行\n甲 乙\n丙"


def test_html_longest_article_wins_over_teasers(tmp_path: Path) -> None:
    page = (
        "<html><body><article><h2>相关：党建计划</h2></article>"
        "<article><h1>职工之家建设方案</h1><p>全年建成职工之家10个，覆盖全部基层工会。</p></article>"
        "<article><h2>相关：团委计划</h2></article></body></html>"
    )
    raw = read_document(_write(tmp_path / "teasers.html", page.encode("utf-8")))
    assert raw.text == "职工之家建设方案\n全年建成职工之家10个，覆盖全部基层工会。"


def test_html_wrong_charset_declaration_falls_back_to_detection(tmp_path: Path) -> None:
    page = "<html><head><meta charset='utf-8'></head><body><p>" + PLAN + "</p></body></html>"
    raw = read_document(_write(tmp_path / "liar.html", page.encode("gbk")))
    assert raw.encoding == "gb18030"
    assert "二、深化劳动和技能竞赛，组织职工培训3期以上。" in raw.text


def test_html_without_content_is_empty(tmp_path: Path) -> None:
    page = "<html><body><nav>首页</nav><script>x()</script></body></html>"
    with pytest.raises(UnreadableFile, match="empty file"):
        read_document(_write(tmp_path / "blank.html", page.encode("utf-8")))
