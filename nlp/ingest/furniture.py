"""Document furniture around the body: front matter, quoted notes, code blocks, signature blocks.

Each finder takes the normalized text and its non-empty lines ((start, end) pairs) and returns
spans to drop with their reason; furniture is removed from the body, never analyzed.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

# YAML front matter at the top of a markdown file: "---\n标题: …\n---".
FRONT_MATTER = regex.compile(r"\A---[ \t]*\n(?:.*\n)*?---[ \t]*(?:\n|\Z)")
# The title key of front matter: "标题: 某某计划", "title: \"某某计划\""; not "副标题:" or "文号:".
FRONT_TITLE = regex.compile(r"^(?:标题|题目|名称|title|Title|TITLE)\s*[:：]\s*[\"'“]?(?P<v>[^\n]*?)[\"'”]?\s*$",
                            regex.MULTILINE)
# A quoted note line: "> 本文仅供参考", "＞ 注：…"; not "≥30" or "->".
QUOTED_NOTE = regex.compile(r"^[>＞]")
# A fenced code block's fence line: "```", "```yaml", "~~~"; not "``x``".
CODE_FENCE = regex.compile(r"^(?:`{3,}|~{3,})[\w+-]*$")
# A full date standing alone, the date of a signature: "2024年3月1日", "二〇二四年三月一日",
# "2024-03-01"; not "2024年3月" (no day) nor "3月1日前完成" (more than a date).
DATE_LINE = regex.compile(
    r"^(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零○Ｏ一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月"
    r"[一二三四五六七八九十]{1,3}日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})$"
)
# An issuing body on a line of its own, the first line of a signature: "某某市人民政府办公厅",
# "某某区总工会", "某某中学工会委员会"; not "一、加强组织建设" or a sentence.
SIGNER_LINE = regex.compile(
    r"^[\p{Han}（）()·\s]{2,40}(?:人民政府|办公厅|办公室|委员会|总工会|工会|联合会|局|厅|处|部|中心|学校|小学|中学"
    r"|大学|学院|幼儿园|医院|公司|集团|街道|社区|村委会|居委会|协会|党委|党组|支部|团委|妇联|教研组|年级组)$"
)
# A signature on one line: "某某区总工会 2024年3月1日"; not "2024年3月1日召开大会".
SIGNER_AND_DATE = regex.compile(
    r"^[\p{Han}（）()·]{2,40}\s+(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零○Ｏ一二三四五六七八九]{4}年"
    r"[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)$"
)
# A publication note under a signature: "（此件公开发布）", "(此件主动公开)".
PUBLICATION_NOTE = regex.compile(r"^[（(]此件[^）)]{1,12}[）)]$")
MAX_SIGNER_LINES = 2


@dataclass(frozen=True)
class FrontMatter:
    """The span of a YAML block and, when it names one, the title inside it."""

    end: int
    title: tuple[int, int] | None


def front_matter(text: str) -> FrontMatter | None:
    """The YAML block that opens `text`, with the span of its title value."""
    m = FRONT_MATTER.match(text)
    if not m:
        return None
    t = FRONT_TITLE.search(text, 0, m.end())
    title = (t.start("v"), t.end("v")) if t and t.group("v").strip() else None
    return FrontMatter(m.end(), title)


def quoted_notes(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Leading `> …` lines (disclaimers, editor's notes) before the first line of the document."""
    out = []
    for s, e in lines:
        if not QUOTED_NOTE.match(text[s:e]):
            break
        out.append((s, e))
    return out


def code_blocks(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Fenced code blocks, fences included (code is not part of a plan's outline)."""
    out, opened = [], None
    for s, e in lines:
        if CODE_FENCE.match(text[s:e]):
            if opened is None:
                opened = s
            else:
                out.append((opened, e))
                opened = None
    return out


def signature_before(text: str, lines: list[tuple[int, int]], stop: int) -> list[tuple[int, int]]:
    """The signature block (issuing body + date) that ends just before line index `stop`."""
    k = stop - 1
    block: list[tuple[int, int]] = []
    while k >= 0 and PUBLICATION_NOTE.match(text[lines[k][0]:lines[k][1]]):
        block.append(lines[k])
        k -= 1
    if k < 0:
        return []
    line = text[lines[k][0]:lines[k][1]].strip()
    if SIGNER_AND_DATE.match(line):
        return [lines[k], *block]
    if not DATE_LINE.match(line):
        return []
    block.append(lines[k])
    k -= 1
    signers = 0
    while k >= 0 and signers < MAX_SIGNER_LINES and SIGNER_LINE.match(text[lines[k][0]:lines[k][1]].strip()):
        block.append(lines[k])
        k -= 1
        signers += 1
    return sorted(block)


def inner_signatures(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Signature blocks inside a document: an issuing body line right above a full date line
    (the end of a notice that the handed-on plan follows); a date line alone is left in place."""
    out: list[tuple[int, int]] = []
    for k in range(1, len(lines)):
        s, e = lines[k]
        if DATE_LINE.match(text[s:e].strip()) and SIGNER_LINE.match(text[lines[k - 1][0]:lines[k - 1][1]].strip()):
            out.extend(signature_before(text, lines, k + 1))
    return out
