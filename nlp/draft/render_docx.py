"""The draft as a .docx with GB/T 9704 habits: A4, standard margins, 小标宋 title, 黑体/楷体 headings,
仿宋 body, East-Asian fonts set explicitly, provenance as comments and an appendix table."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from .render_md import REVIEW_MARK, provenance_rows

if TYPE_CHECKING:  # the model imports these renderers on use; they only name its types
    from .model import Draft, DraftSection, Sentence


# GB/T 9704-2012: A4, 天头 37 mm, 订口 28 mm, 版心 156 × 225 mm (so bottom 35 mm, right 26 mm).
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
SIZE_ER = Pt(22)  # 二号: the title
SIZE_SAN = Pt(16)  # 三号: headings and body
LINE = Pt(28)  # 22 lines to the page
# Font per use. Windows names; where a font is missing, Word and LibreOffice substitute.
FONTS = {"title": "方正小标宋简体", "h1": "黑体", "h2": "楷体", "h3": "仿宋", "body": "仿宋", "latin": "Times New Roman"}
STYLE_OF_LEVEL = {1: ("Heading 1", "h1"), 2: ("Heading 2", "h2"), 3: ("Heading 3", "h3"), 4: ("Heading 4", "h3")}


def set_fonts(rpr_owner, east_asia: str, latin: str = FONTS["latin"]) -> None:
    """Set the Latin and the East-Asian font of a style's or run's `font` (w:rFonts w:eastAsia)."""
    rpr_owner.font.name = latin
    rpr = rpr_owner.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, rfonts)
    for attr in ("w:ascii", "w:hAnsi"):
        rfonts.set(qn(attr), latin)
    rfonts.set(qn("w:eastAsia"), east_asia)


def _style(doc, name: str, font: str, size: Pt, bold: bool = False, indent: bool = True) -> None:
    st = doc.styles[name]
    set_fonts(st, FONTS[font])
    st.font.size = size
    st.font.bold = bold
    st.font.italic = False
    st.font.color.rgb = RGBColor(0, 0, 0)
    pf = st.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = LINE
    pf.space_before = pf.space_after = Pt(0)
    pf.first_line_indent = Pt(32) if indent else None  # two characters of 三号
    pf.keep_with_next = name.startswith("Heading")


def _setup(doc) -> None:
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    for side, mm in MARGINS_MM.items():
        setattr(sec, f"{side}_margin", Mm(mm))
    _style(doc, "Normal", "body", SIZE_SAN)
    _style(doc, "Title", "title", SIZE_ER, indent=False)
    doc.styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.styles["Title"].paragraph_format.line_spacing = Pt(40)
    doc.styles["Title"].paragraph_format.space_after = Pt(28)
    # the Title style of the default template draws a border line below: remove it
    for border in doc.styles["Title"].element.xpath(".//w:pBdr"):
        border.getparent().remove(border)
    for level, (name, font) in STYLE_OF_LEVEL.items():
        _style(doc, name, font, SIZE_SAN, bold=level == 3)


def _run(paragraph, text: str, font: str):
    run = paragraph.add_run(text)
    set_fonts(run, FONTS[font])
    return run


def _comment(doc, run, s: Sentence) -> None:
    if s.kind == "retrieved":
        note = f"来源：{s.source} 第{s.article}篇 [{s.start}:{s.end}]"
    elif s.kind == "generated":
        note = "本地模型生成，须逐句核对"
    else:
        return
    if s.review:
        note += "；含目标数字，须核对"
    doc.add_comment(run, text=note, author="plan-nlp", initials="PN")


def _section(doc, sec: DraftSection) -> None:
    style, font = STYLE_OF_LEVEL[min(sec.level, 4)]
    p = doc.add_paragraph(style=style)
    run = _run(p, f"{sec.marker}{sec.heading}", font)
    if sec.heading_from is not None:
        _comment(doc, run, sec.heading_from)
    if sec.sentences:
        body = doc.add_paragraph(style="Normal")
        for s in sec.sentences:
            run = _run(body, s.text + (REVIEW_MARK if s.review else ""), "body")
            _comment(doc, run, s)
    for child in sec.children:
        _section(doc, child)


def _appendix(doc, draft: Draft) -> None:
    doc.add_section(WD_SECTION.NEW_PAGE)
    p = doc.add_paragraph(style="Heading 1")
    _run(p, "附：材料来源", "h1")
    rows = provenance_rows(draft)
    table = doc.add_table(rows=1, cols=3)
    table.style = doc.styles["Table Grid"]
    for cell, text in zip(table.rows[0].cells, ("位置", "来源类型", "出处（文件 第几篇 [起:止]）")):
        cell.text = ""
        _run(cell.paragraphs[0], text, "h1")
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = ""
            para = cell.paragraphs[0]
            para.paragraph_format.first_line_indent = None
            para.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
            r = _run(para, text, "body")
            r.font.size = Pt(10.5)


def write_docx(draft: Draft, path: Path) -> Path:
    """Write `draft` to `path` (.docx) and return the path."""
    doc = Document()
    _setup(doc)
    title = doc.add_paragraph(style="Title")
    _run(title, draft.title, "title")
    for sec in draft.sections:
        _section(doc, sec)
    if draft.org:
        sign = doc.add_paragraph(style="Normal")
        sign.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        sign.add_run().add_break(WD_BREAK.LINE)
        _run(sign, draft.org, "body")
    _appendix(doc, draft)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path
