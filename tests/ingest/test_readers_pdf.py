"""PDF reader: text layers (CJK fonts), unusable layers refused, damaged files."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from nlp.errors import NoTextLayer, UnreadableFile
from nlp.ingest.read import read_document

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
