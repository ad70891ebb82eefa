"""Word (.docx) reader: reading order, tables, automatic numbering restored, damaged files."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from nlp.errors import UnreadableFile
from nlp.ingest.docx import format_number
from nlp.ingest.read import read_document
from reader_samples import PLAN, write_bytes


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
        "时间 | 工作内容",  # a table row is one line of its cells
        "三月 | 召开职工代表大会",
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
    assert lines == ["年度重点", "上半年 | 职代会", "劳动竞赛"]


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
    # The outer row holds a table, so it is a frame: its cells' paragraphs keep their lines.
    assert lines == ["外表左", "外表右", "内表甲 | 内表乙", "外表右下"]


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
    path = write_bytes(tmp_path / "cut.docx", good[:100])
    with pytest.raises(UnreadableFile, match=r"not a valid \.docx \(") as info:
        read_document(path)
    assert "cut.docx" in str(info.value)


def test_text_file_named_docx_is_not_a_valid_docx(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match=r"not a valid \.docx"):
        read_document(write_bytes(tmp_path / "fake.docx", PLAN.encode("utf-8")))


def test_docx_without_text_is_empty(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("   ")
    document.save(str(tmp_path / "blank.docx"))
    with pytest.raises(UnreadableFile, match="empty file"):
        read_document(tmp_path / "blank.docx")


def test_lists_sharing_one_definition_continue_one_sequence(tmp_path: Path) -> None:
    # Word counts per abstract definition: a second w:num without a start override continues.
    document = docx.Document()
    first = _add_list(document)
    second = document.part.numbering_part.element.add_num(77).numId
    _numbered(document, "组织建设", first)
    _numbered(document, "发展会员", first, 1)
    document.add_paragraph("说明段落。")
    _numbered(document, "民主管理", second)
    _numbered(document, "职代会", second, 1)
    _numbered(document, "劳动竞赛", first)
    document.save(str(tmp_path / "shared.docx"))
    lines = read_document(tmp_path / "shared.docx").text.split("\n")
    assert lines == ["一、组织建设", "（1）发展会员", "说明段落。", "二、民主管理", "（1）职代会", "三、劳动竞赛"]


def test_level_that_never_restarts_keeps_counting(tmp_path: Path) -> None:
    definition = _LIST_DEFINITION.replace('"77"', '"79"').replace(
        '<w:lvlText w:val="（%2）"/>', '<w:lvlText w:val="（%2）"/><w:lvlRestart w:val="0"/>'
    )
    document = docx.Document()
    num_id = _add_list(document, definition)
    for text, level in (("甲", 0), ("子一", 1), ("乙", 0), ("子二", 1)):
        _numbered(document, text, num_id, level)
    document.save(str(tmp_path / "norestart.docx"))
    lines = read_document(tmp_path / "norestart.docx").text.split("\n")
    assert lines == ["一、甲", "（1）子一", "二、乙", "（2）子二"]


# A government-style outline, written for these tests: 一、 / （一） / 1. / （1）, all from
# Word's numbering (none of the markers is in the paragraph text).
_OUTLINE_DEFINITION = (
    f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
    '<w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%3."/><w:suff w:val="nothing"/></w:lvl>'
    '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="（%4）"/><w:suff w:val="nothing"/></w:lvl>'
    "</w:abstractNum>"
)


def _government_plan_docx(path: Path) -> Path:
    document = docx.Document()
    num_id = _add_list(document, _OUTLINE_DEFINITION)
    # Level-1 headings numbered through their paragraph style, as Word's multilevel lists do.
    style = document.styles["Heading 1"]
    num_pr = style.element.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_numId().val = num_id
    num_pr.get_or_add_ilvl().val = 0
    document.add_paragraph("市总工会2026年职工服务工作方案")
    document.add_paragraph("为进一步做好职工服务工作，结合本市实际，制定本方案。")
    document.add_heading("总体目标", level=1)
    document.add_paragraph("到2026年底，建成职工服务站点120个，服务职工10万人次以上。")
    document.add_heading("重点任务", level=1)
    _numbered(document, "完善服务阵地", num_id, 1)
    _numbered(document, "新建户外劳动者服务站点30个。", num_id, 2)
    _numbered(document, "提升已建站点服务功能。", num_id, 2)
    _numbered(document, "对老旧站点开展一次全面排查。", num_id, 3)
    _numbered(document, "深化帮扶救助", num_id, 1)
    _numbered(document, "困难职工帮扶覆盖率保持在100%。", num_id, 2)
    document.add_heading("进度安排", level=1)
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate((("时间", "工作内容", "责任部门"), ("三月份", "召开服务站点建设推进会", "权益保障部"),
                             ("六月份", "开展夏季送清凉活动", "女职工部"))):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_heading("保障措施", level=1)
    document.add_paragraph("各区工会要加强组织领导，确保各项任务落到实处。")
    document.save(str(path))
    return path


def test_automatic_numbering_gives_the_printed_outline(tmp_path: Path) -> None:
    lines = read_document(_government_plan_docx(tmp_path / "plan.docx")).text.split("\n")
    assert lines == [
        "市总工会2026年职工服务工作方案",
        "为进一步做好职工服务工作，结合本市实际，制定本方案。",
        "一、总体目标",
        "到2026年底，建成职工服务站点120个，服务职工10万人次以上。",
        "二、重点任务",
        "（一）完善服务阵地",
        "1.新建户外劳动者服务站点30个。",
        "2.提升已建站点服务功能。",
        "（1）对老旧站点开展一次全面排查。",
        "（二）深化帮扶救助",
        "1.困难职工帮扶覆盖率保持在100%。",
        "三、进度安排",
        "时间 | 工作内容 | 责任部门",
        "三月份 | 召开服务站点建设推进会 | 权益保障部",
        "六月份 | 开展夏季送清凉活动 | 女职工部",
        "四、保障措施",
        "各区工会要加强组织领导，确保各项任务落到实处。",
    ]


def test_automatic_numbering_analyzed_into_headings_with_levels(tmp_path: Path) -> None:
    import nlp

    (article,) = nlp.analyze_path(_government_plan_docx(tmp_path / "plan.docx"))
    assert article.title == "市总工会2026年职工服务工作方案"
    outline = [(h.level, h.marker, h.text) for h in article.headings]
    for expected in [(1, "一、", "总体目标"), (1, "二、", "重点任务"), (2, "（一）", "完善服务阵地"),
                     (2, "（二）", "深化帮扶救助"), (1, "三、", "进度安排"), (1, "四、", "保障措施")]:
        assert expected in outline
    levels = {marker: level for level, marker, _ in outline}
    assert levels["一、"] < levels["（一）"] < levels.get("1.", 9)
    for h in article.headings:  # offsets into the article's own text
        assert article.text[h.start:h.end].startswith(h.marker)


def test_schedule_table_with_multi_paragraph_cells_reads_a_row_per_line(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "九月份"
    cell = table.cell(0, 1)
    cell.text = "迎接教师节慰问活动"
    cell.add_paragraph("组织新教工座谈会")
    table.cell(0, 2).text = "校工会"
    table.cell(1, 0).text = "十月份"
    table.cell(1, 1).text = "教工秋季运动会"
    document.save(str(tmp_path / "schedule.docx"))
    lines = read_document(tmp_path / "schedule.docx").text.split("\n")
    assert lines == ["九月份 | 迎接教师节慰问活动 组织新教工座谈会 | 校工会", "十月份 | 教工秋季运动会"]


def test_frame_table_around_the_text_keeps_its_paragraph_lines(tmp_path: Path) -> None:
    document = docx.Document()
    frame = document.add_table(rows=1, cols=1)  # one cell framing the whole plan
    cell = frame.cell(0, 0)
    cell.text = "街道工会工作要点"
    for text in ("一、加强组织建设", "新建工会组织5家。", "二、开展劳动竞赛"):
        cell.add_paragraph(text)
    layout = document.add_table(rows=1, cols=2)  # a label column beside long paragraphs
    layout.cell(0, 0).text = "工作措施"
    long_cell = layout.cell(0, 1)
    long_cell.text = "（一）" + "强化责任落实，明确任务分工，定期督查通报，" * 10
    long_cell.add_paragraph("（二）加强宣传引导。")
    document.save(str(tmp_path / "frame.docx"))
    lines = read_document(tmp_path / "frame.docx").text.split("\n")
    assert lines[:4] == ["街道工会工作要点", "一、加强组织建设", "新建工会组织5家。", "二、开展劳动竞赛"]
    assert lines[4] == "工作措施"
    assert lines[5].startswith("（一）强化责任落实") and lines[6] == "（二）加强宣传引导。"


def test_custom_number_format_uses_words_fallback_format(tmp_path: Path) -> None:
    # Word 2010+ writes a custom format inside mc:AlternateContent with a standard fallback.
    definition = (
        f'<w:abstractNum {nsdecls("w")} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
        ' xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" w:abstractNumId="91">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="一, 二, 三, ..."/>'
        '</mc:Choice><mc:Fallback><w:numFmt w:val="chineseCounting"/></mc:Fallback></mc:AlternateContent>'
        '<w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>'
    )
    document = docx.Document()
    num_id = _add_list(document, definition)
    _numbered(document, "总体要求", num_id)
    _numbered(document, "主要任务", num_id)
    document.save(str(tmp_path / "custom.docx"))
    assert read_document(tmp_path / "custom.docx").text.split("\n") == ["一、总体要求", "二、主要任务"]


def test_table_of_contents_is_left_out(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("区总工会2026年工作要点")
    # A TOC as Word writes it: a content control of the 'Table of Contents' gallery …
    toc = parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
        "</w:docPartObj></w:sdtPr><w:sdtContent>"
        "<w:p><w:r><w:t>目录</w:t></w:r></w:p><w:p><w:r><w:t>一、总体要求\t1</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    document.element.body.insert(1, toc)
    # … and bare TOC-styled paragraphs (older documents, converted files).
    toc_style = document.styles.add_style("toc 1", 1)  # WD_STYLE_TYPE.PARAGRAPH
    document.add_paragraph("二、主要任务\t2", style=toc_style)
    document.add_paragraph("一、总体要求")
    document.add_paragraph("坚持以职工为中心。")
    document.add_paragraph("二、主要任务")
    document.save(str(tmp_path / "toc.docx"))
    lines = read_document(tmp_path / "toc.docx").text.split("\n")
    assert lines == ["区总工会2026年工作要点", "一、总体要求", "坚持以职工为中心。", "二、主要任务"]


def test_hidden_text_is_not_read(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("全年新建工会组织")
    hidden = paragraph.add_run("（内部备注：数字待核）")
    hidden.font.hidden = True
    paragraph.add_run("5家。")
    shown = document.add_paragraph().add_run("二、开展劳动竞赛")
    shown.font.hidden = False  # w:vanish w:val="0": explicitly visible
    document.save(str(tmp_path / "hidden.docx"))
    assert read_document(tmp_path / "hidden.docx").text.split("\n") == ["全年新建工会组织5家。", "二、开展劳动竞赛"]
