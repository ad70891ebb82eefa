"""Build tests/heldout/docs/i_school_autonumber.docx: a school union plan whose outline numbers
come from Word's automatic numbering (w:numPr + a numbering part written here), not from the
paragraph text, with a month-by-month schedule as a Word table.

Run from the repository root: .venv/bin/python tests/heldout/make_docx.py
The generated file is committed; rerun only when the text below changes (then re-annotate).
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt

OUT = Path(__file__).resolve().parent / "docs" / "i_school_autonumber.docx"
ABSTRACT_ID = 90  # ids above the template's own definitions
NUM_ID = 90

# One multi-level list: level 0 一、 level 1 （一） level 2 1. (each restarts under its parent).
LEVELS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."))


def _level_xml(ilvl: int, fmt: str, text: str) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{420 * (ilvl + 1)}" w:hanging="420"/></w:pPr></w:lvl>'
    )


def add_numbering(doc) -> None:
    """Append the abstract numbering and its instance to the document's numbering part."""
    numbering = doc.part.numbering_part.element
    levels = "".join(_level_xml(i, fmt, text) for i, (fmt, text) in enumerate(LEVELS))
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{ABSTRACT_ID}">'
        f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'
    )
    # abstractNum elements must precede every num element (CT_Numbering sequence)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{NUM_ID}"><w:abstractNumId w:val="{ABSTRACT_ID}"/></w:num>'
    ))


def numbered(doc, level: int, text: str) -> None:
    """A paragraph numbered automatically at `level` (0 = 一、); the marker is not in its text."""
    paragraph = doc.add_paragraph(text)
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{NUM_ID}"/></w:numPr>'
    ))


def set_east_asian_font(doc, name: str = "宋体") -> None:
    """Chinese text needs w:eastAsia set explicitly on the Normal style."""
    style = doc.styles["Normal"]
    style.font.name = name
    style.font.size = Pt(12)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), name)


BODY: list[tuple[int | None, str]] = [
    (None, "本学期，学校工会将在学校党总支和区教育工会的领导下，以“建家、暖家、兴家”为主线，"
           "团结带领全体教职工立足岗位、潜心育人，为学校高质量发展贡献力量。"
           "现结合学校实际，制订本学期工会工作计划如下。"),
    (0, "指导思想"),
    (None, "坚持以教职工为中心，认真履行工会维护、建设、参与、教育四项职能，"
           "努力把工会建设成为教职工信赖的“职工之家”。以提高教职工幸福感为落脚点，"
           "关心教职工的思想、工作和生活，调动广大教职工教书育人的积极性和创造性。"),
    (0, "工作目标"),
    (None, "围绕学校“办人民满意的教育”这一中心任务，把服务教职工、凝聚教职工作为工会工作的根本，"
           "努力在民主管理、关爱服务、文体活动和自身建设等方面取得新的成效。具体目标是："),
    (None, "教职工对工会工作的满意度达到95%以上，力争创建区级“模范教工之家”；"
           "本学期组织教职工集体活动不少于6次。"
           "健全教代会制度，坚持校务公开，切实保障教职工的知情权、参与权和监督权。"),
    (0, "主要工作"),
    (1, "加强民主管理"),
    (2, "10月中旬召开第五届教职工代表大会第三次会议，审议学校绩效工资分配方案。会前广泛征集"
           "教代会提案，会后做好提案的立案、交办和答复工作。"),
    (2, "每月公开一次校务和工会财务，接受教职工监督，对教职工提出的意见建议逐条答复。"),
    (1, "关爱教职工身心健康"),
    (2, "11月组织全体教职工进行健康体检，体检费用由工会补助每人300元。"),
    (2, "教职工生病住院、家有直系亲属去世时，工会及时看望慰问，做到“六必访”。"),
    (2, "建立教职工心理健康关爱机制，邀请心理咨询师举办心理健康讲座，帮助教职工缓解工作压力，"
        "保持积极向上的工作状态。"),
    (2, "开设瑜伽、太极拳两个兴趣小组，每周三下午在教工活动室开展活动。"),
    (1, "丰富教职工文体生活"),
    (2, "结合教师节，表彰优秀班主任和教坛新秀，营造尊师重教的良好氛围。"),
    (2, "12月下旬举办教职工趣味运动会，教职工参与率达到90%。"
           "各年级组组队参加拔河、跳绳、托球跑等项目，增进教职工之间的交流。"),
    (1, "加强工会自身建设"),
    (2, "组织工会委员和工会小组长参加区教育工会业务培训，每人不少于8学时。"),
    (2, "规范工会经费管理，学期末向教代会报告经费收支情况，接受经费审查委员会审查。"),
    (1, "做好女教职工工作"),
    (2, "围绕“三八”国际劳动妇女节，组织女教职工开展插花、烘焙等技能培训，增强女教职工的生活情趣。"),
    (2, "关心怀孕、哺乳期女教职工，协助学校完善“爱心妈咪小屋”设施，落实女教职工特殊劳动保护规定。"),
    (0, "保障措施"),
    (None, "学校工会委员会要明确分工、责任到人，每项活动做到有方案、有记录、有总结。工会各小组要"
           "主动听取教职工的意见和建议，及时向工会委员会反映教职工的合理诉求，把工会的各项工作"
           "落到实处。工会经费要专款专用，厉行节约，活动经费的使用情况定期向教职工公布。"),
    (0, "每月工作安排"),
]

SCHEDULE = [
    ("月份", "主要工作内容", "负责人"),
    ("九月", "庆祝第41个教师节；慰问新入职教师；召开工会委员会工作会议", "工会主席"),
    ("十月", "召开教职工代表大会；重阳节慰问退休教师", "工会副主席"),
    ("十一月", "组织教职工健康体检；举办青年教师读书沙龙", "女工委员"),
    ("十二月", "举办教职工趣味运动会；开展工会经费自查", "工会主席、经审委员"),
    ("一月", "做好学期工作总结；寒假前走访慰问困难教职工", "工会委员会"),
]

CLOSING = [
    "本计划未尽事宜，由学校工会委员会研究决定。各工会小组要结合本组实际，认真抓好落实。",
    "育才中学工会委员会",
    "2025年9月1日",
]


def build(path: Path = OUT) -> Path:
    """Write the .docx and return its path."""
    doc = Document()
    set_east_asian_font(doc)
    add_numbering(doc)
    doc.add_paragraph("育才中学工会2025年秋季学期工作计划", style="Title")
    for level, text in BODY:
        if level is None:
            doc.add_paragraph(text)
        else:
            numbered(doc, level, text)
    table = doc.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    for row in SCHEDULE:
        cells = table.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = value
    for text in CLOSING:
        doc.add_paragraph(text)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)
    return path


if __name__ == "__main__":
    print(build())
