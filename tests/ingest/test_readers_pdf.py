"""PDF reader: text layers (CJK fonts), unusable layers refused, damaged files."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from nlp.errors import NoTextLayer, UnreadableFile
from nlp.ingest.read import read_document
from reader_samples import PLAN, write_bytes


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
    path = write_bytes(tmp_path / "cid.pdf", _pdf_without_unicode_map(content))
    with pytest.raises(NoTextLayer, match=r"no usable text layer: 10 of 10 glyphs are \(cid:NN\)"):
        read_document(path)


def test_pdf_with_a_few_cid_codes_keeps_its_text(tmp_path: Path) -> None:
    content = b"BT /F2 12 Tf 72 750 Td (Annual plan of the district trade union committee) Tj ET " \
              b"BT /F1 12 Tf 72 720 Td <0A1B> Tj ET"
    raw = read_document(write_bytes(tmp_path / "logo.pdf", _pdf_without_unicode_map(content)))
    assert raw.text == "Annual plan of the district trade union committee\n\ufffd"


def test_corrupt_pdf_is_unreadable(tmp_path: Path) -> None:
    good = _chinese_pdf(tmp_path / "good.pdf").read_bytes()
    for name, data in (("cut.pdf", good[:300]), ("fake.pdf", PLAN.encode("utf-8"))):
        with pytest.raises(UnreadableFile, match=r"not a valid \.pdf") as info:
            read_document(write_bytes(tmp_path / name, data))
        assert name in str(info.value)
        assert not isinstance(info.value, NoTextLayer)


# --- layout: stray spaces, running headers/footers, wrapped lines -------------------------
# The documents below are drawn for these tests with reportlab's built-in CJK font.

_SIZE = 12
_LEFT, _RIGHT = 72, 504  # a 36-character text block at 12 pt


def _cjk_canvas(path: Path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return canvas.Canvas(str(path))


def _draw(pdf, x: float, y: float, text: str, size: float = _SIZE, char_space: float = 0.0) -> None:
    line = pdf.beginText(x, y)
    line.setFont("STSong-Light", size)
    line.setCharSpace(char_space)
    line.textOut(text)
    pdf.drawText(line)


def _draw_paragraph(pdf, y: float, text: str, per_line: int = 36) -> float:
    """A justified paragraph: first line indented two characters, wrapped at the right edge."""
    from reportlab.pdfbase import pdfmetrics

    lines, first = [], per_line - 2
    lines.append(text[:first])
    rest = text[first:]
    while rest:
        lines.append(rest[:per_line])
        rest = rest[per_line:]
    for i, chunk in enumerate(lines):
        x = _LEFT + (2 * _SIZE if i == 0 else 0)
        full = i < len(lines) - 1
        # Justify full lines: spread the slack over the gaps between characters.
        natural = pdfmetrics.stringWidth(chunk, "STSong-Light", _SIZE)
        space = (_RIGHT - x - natural) / (len(chunk) - 1) if full and len(chunk) > 1 else 0.0
        _draw(pdf, x, y, chunk, char_space=space)
        y -= 1.5 * _SIZE
    return y


_PARAGRAPH_1 = ("今年全区工会工作的总体思路是：围绕中心、服务大局，团结动员广大职工在推动高质量发展中建功立业，"
                "全年新建基层工会组织20家，新发展会员1500名，职工服务站点覆盖率达到95%以上。")
_PARAGRAPH_2 = "组织职工技能竞赛不少于10项，参赛职工达到3000人次，评选区级技术能手30名，推动形成尊重劳动、崇尚技能的良好氛围。"


def _report_pdf(path: Path) -> Path:
    pdf = _cjk_canvas(path)
    pages = [
        [("title", "城东区总工会2026年工作要点"), ("para", _PARAGRAPH_1), ("head", "一、夯实基层组织基础"),
         ("tracked", "推进新就业形态劳动者入会1200人")],
        [("head", "二、深化劳动和技能竞赛"), ("para", _PARAGRAPH_2), ("row", ("三月份", "技能比武启动", "经济部"))],
        [("head", "三、加强工会自身建设"), ("irregular", "每季度召开一次工会委员会议")],
    ]
    for number, blocks in enumerate(pages, 1):
        _draw(pdf, _LEFT, 800, "城东区总工会文件", size=9)  # running header
        _draw(pdf, 270, 40, f"第 {number} 页 共 {len(pages)} 页", size=9)  # running footer
        y = 760.0
        for kind, content in blocks:
            if kind == "title":
                _draw(pdf, 150, y, content, size=16)
            elif kind == "para":
                y = _draw_paragraph(pdf, y, content) + 1.5 * _SIZE
            elif kind == "head":
                _draw(pdf, _LEFT, y, content)
            elif kind == "tracked":  # letter-spaced: 5 pt between every two characters
                _draw(pdf, _LEFT + 2 * _SIZE, y, content, char_space=5)
            elif kind == "irregular":  # uneven gaps, all under a character width
                x = _LEFT + 2 * _SIZE
                for i, ch in enumerate(content):
                    _draw(pdf, x, y, ch)
                    x += _SIZE + (2 if i % 2 else 8)
            elif kind == "row":  # three table columns
                for x, cell in zip((_LEFT, 200, 520), content):  # the last column overhangs the text block
                    _draw(pdf, x, y, cell)
            y -= 2 * _SIZE
        pdf.showPage()
    pdf.save()
    return path


_REPORT_LINES = [
    "城东区总工会2026年工作要点",
    _PARAGRAPH_1,
    "一、夯实基层组织基础",
    "推进新就业形态劳动者入会1200人",
    "二、深化劳动和技能竞赛",
    _PARAGRAPH_2,
    "三月份 | 技能比武启动 | 经济部",  # table columns, printed as the other readers print cells
    "三、加强工会自身建设",
    "每季度召开一次工会委员会议",
]


def test_pdf_layout_gives_clean_lines(tmp_path: Path) -> None:
    raw = read_document(_report_pdf(tmp_path / "report.pdf"))
    assert raw.text.split("\n") == _REPORT_LINES


def test_plain_pdfplumber_output_had_these_artefacts(tmp_path: Path) -> None:
    # Guards the test document itself: without the reader's layout work, the artefacts are there.
    import pdfplumber

    with pdfplumber.open(_report_pdf(tmp_path / "report.pdf")) as pdf:
        plain = "\n".join(page.extract_text() for page in pdf.pages)
    assert "推 进 新 就 业" in plain and "第 1 页 共 3 页" in plain and plain.count("城东区总工会文件") == 3
    assert _PARAGRAPH_1 not in plain  # wrapped over several lines


@pytest.mark.parametrize(
    "line",
    ["3", "- 3 -", "—12—", "第3页", "第 3 页 共 10 页", "第3页，共10页", "3/10", "Page 3 of 10", "·7·"],
)
def test_page_number_lines(line: str) -> None:
    from nlp.ingest.pdf import PAGE_NUMBER_LINE

    assert PAGE_NUMBER_LINE.fullmatch(line)


@pytest.mark.parametrize("line", ["3月", "第三部分", "2026年", "一、总体要求", "30%"])
def test_lines_that_are_not_page_numbers(line: str) -> None:
    from nlp.ingest.pdf import PAGE_NUMBER_LINE

    assert not PAGE_NUMBER_LINE.fullmatch(line)


def test_paragraph_running_over_a_page_break_is_one_line(tmp_path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics

    pdf = _cjk_canvas(tmp_path / "break.pdf")
    first, second = "各基层工会要高度重视职工服务工作，切实加强组织领导，明确责任分工，落实", "工作经费，确保各项任务按时完成。"
    natural = pdfmetrics.stringWidth(first, "STSong-Light", _SIZE)
    _draw(pdf, _LEFT + 2 * _SIZE, 760, "一、" + "加强组织领导，完善工作机制，形成工作合力，推动各项工作落地见效。")
    y = _draw_paragraph(pdf, 736, "全区工会系统要坚持以职工为中心的工作导向，把服务职工作为工会工作的出发点和落脚点，不断提升服务水平。")
    _draw(pdf, _LEFT, y, first, char_space=(_RIGHT - _LEFT - natural) / (len(first) - 1))  # last line of the page
    pdf.showPage()
    _draw(pdf, _LEFT, 800, second)  # the sentence goes on at the top of the next page
    _draw(pdf, _LEFT, 776, "二、强化督查考核")
    pdf.save()
    lines = read_document(tmp_path / "break.pdf").text.split("\n")
    assert first + second in lines
    assert lines[-1] == "二、强化督查考核"


def test_title_repeated_small_in_the_running_header_is_kept_once(tmp_path: Path) -> None:
    pdf = _cjk_canvas(tmp_path / "titled.pdf")
    title = "城东区总工会2026年工作要点"
    bodies = {1: ["一、总体要求", "坚持以职工为中心。"], 2: ["二、主要任务", "新建职工之家10个。"],
              3: ["三、保障措施", "加强组织领导。"]}
    for number, body in bodies.items():
        _draw(pdf, _LEFT, 800, title, size=9)  # running header: the title, small
        y = 760
        if number == 1:
            _draw(pdf, 150, y, title, size=18)  # the title itself, large, near the top of page 1
            y -= 40
        for line in body:
            _draw(pdf, _LEFT, y, line)
            y -= 24
        _draw(pdf, 290, 40, f"- {number} -", size=9)
        pdf.showPage()
    pdf.save()
    lines = read_document(tmp_path / "titled.pdf").text.split("\n")
    assert lines == [title] + [line for body in bodies.values() for line in body]


def test_title_on_the_first_page_only_is_kept_and_single_page_header_too(tmp_path: Path) -> None:
    pdf = _cjk_canvas(tmp_path / "one.pdf")
    _draw(pdf, _LEFT, 800, "城东区总工会文件", size=9)
    _draw(pdf, _LEFT, 760, "一、夯实基层组织基础")
    _draw(pdf, _LEFT, 736, "全年新建基层工会组织20家。")
    _draw(pdf, 290, 40, "1", size=9)
    pdf.save()
    lines = read_document(tmp_path / "one.pdf").text.split("\n")
    # One page: a header cannot be told from a first line, but a page number can.
    assert lines == ["城东区总工会文件", "一、夯实基层组织基础", "全年新建基层工会组织20家。"]


def test_pdf_analyzed_end_to_end(tmp_path: Path) -> None:
    import nlp

    (article,) = nlp.analyze_path(_report_pdf(tmp_path / "report.pdf"))
    assert article.title == "城东区总工会2026年工作要点"
    numbered = [(h.level, h.marker) for h in article.headings if h.marker]
    assert numbered == [(1, "一、"), (1, "二、"), (1, "三、")]
    targets = {t.text for t in article.targets}
    # Whole clauses: the wrapped paragraph was rejoined, the letter-spaced line has no spaces.
    assert {"全年新建基层工会组织20家", "新发展会员1500名", "推进新就业形态劳动者入会1200人"} <= targets


@pytest.mark.parametrize("line", ["一、总体要求……………… 3", "第二章 主要任务 ........ 12", "（三）保障措施···········5"])
def test_contents_entries(line: str) -> None:
    from nlp.ingest.pdf import TOC_ENTRY

    assert TOC_ENTRY.fullmatch(line)


@pytest.mark.parametrize("line", ["全年完成3项", "1.2.3 目标", "一、总体要求", "会员人数达到1200"])
def test_lines_that_are_not_contents_entries(line: str) -> None:
    from nlp.ingest.pdf import TOC_ENTRY

    assert not TOC_ENTRY.fullmatch(line)


def _chars(spec: list[tuple[str, float]], size: float = 12.0) -> list[dict]:
    """Characters placed left to right: (text, gap before it in points)."""
    out, x = [], 72.0
    for text, gap in spec:
        x += gap
        width = size if not text.isascii() else size / 2
        out.append({"text": text, "x0": x, "x1": x + width, "size": size})
        x += width
    return out


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ([(c, 4.0) for c in "全年新建工会"], "全年新建工会"),  # tracked: 4 pt between all hanzi
        ([("联", 0), ("系", 0), ("人", 0), ("：", 0), ("张", 0), ("三", 0), ("电", 18), ("话", 0)], "联系人：张三 电话"),
        ([("三", 0), ("月", 0), ("份", 0), ("召", 60), ("开", 0), ("工", 50), ("会", 0)], "三月份 | 召开 | 工会"),
        ([("新", 0), ("建", 0), ("1", 0), ("5", 0), ("家", 0)], "新建15家"),
        ([("p", 0), ("l", 0), ("a", 0), ("n", 0), ("A", 4), ("B", 0)], "plan AB"),
    ],
)
def test_line_text_spaces_only_real_gaps(spec: list, expected: str) -> None:
    from nlp.ingest.pdf import _line_text

    assert _line_text(_chars(spec)) == expected
