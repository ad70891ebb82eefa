"""The .docx: opens with python-docx, heading styles and East-Asian fonts set, margins, provenance."""

from __future__ import annotations

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from nlp.draft.build import draft


@pytest.fixture(scope="module")
def written(corpus_articles, tmp_path_factory):
    d = draft(["女职工", "健康"], articles=corpus_articles, org="阳光小学工会", org_type="school", year=2027)
    path = d.to_docx(tmp_path_factory.mktemp("docx") / "plan.docx")
    return d, docx.Document(str(path))


def _east_asia(style_or_run) -> str | None:
    rpr = style_or_run.element.rPr
    fonts = None if rpr is None else rpr.find(qn("w:rFonts"))
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def test_styles_carry_the_official_fonts(written):
    _d, doc = written
    assert _east_asia(doc.styles["Title"]) == "方正小标宋简体"
    assert _east_asia(doc.styles["Heading 1"]) == "黑体"
    assert _east_asia(doc.styles["Heading 2"]) == "楷体"
    assert _east_asia(doc.styles["Normal"]) == "仿宋"
    assert doc.styles["Title"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert doc.styles["Heading 1"].font.color.rgb == docx.shared.RGBColor(0, 0, 0)


def test_paragraphs_follow_the_outline_with_fonts_on_every_run(written):
    d, doc = written
    paras = doc.paragraphs
    assert paras[0].style.name == "Title" and paras[0].text == d.title
    headings = [(p.style.name, p.text) for p in paras if p.style.name.startswith("Heading")]
    want = [(f"Heading {min(s.level, 4)}", f"{s.marker}{s.heading}") for s in d.walk()]
    assert headings[: len(want)] == want
    assert headings[len(want)][1] == "附：材料来源"
    fonts = {"Heading 1": "黑体", "Heading 2": "楷体", "Normal": "仿宋", "Title": "方正小标宋简体"}
    for p in paras:
        for r in p.runs:
            if r.text.strip():
                assert _east_asia(r) == fonts[p.style.name], (p.style.name, r.text)


def test_page_is_a4_with_the_standard_margins(written):
    _d, doc = written
    sec = doc.sections[0]
    assert (round(sec.page_width.mm), round(sec.page_height.mm)) == (210, 297)
    assert [round(x.mm) for x in (sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin)] == [37, 35, 28, 26]


def test_provenance_in_comments_and_appendix(written):
    d, doc = written
    retrieved = [s for s in d.sentences() if s.kind == "retrieved"]
    notes = [c.text for c in doc.comments]
    for s in retrieved:
        assert f"来源：{s.source} 第{s.article}篇 [{s.start}:{s.end}]" in notes
    table = doc.tables[-1]
    cells = [row.cells[2].text for row in table.rows[1:]]
    assert sum("模板" == c for c in cells) == sum(s.kind == "template" for s in d.sentences())
    assert any(c.startswith(retrieved[0].source) for c in cells)


def test_signature_names_the_organisation(written):
    _d, doc = written
    sign = [p for p in doc.paragraphs if p.text.strip() == "阳光小学工会"]
    assert sign and sign[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
