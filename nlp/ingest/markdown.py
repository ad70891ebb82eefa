"""Markdown and web residue at the line level: what marks a line, and what stands for a break.

Normalization strips these marks and remembers them as LineMarks; nothing here changes text.
"""

from __future__ import annotations

import regex

# ATX heading mark with a space: "## 2. 三月" -> "2. 三月"; not "#话题#" (no space after).
MD_HEADING = regex.compile(r"#{1,6}[ \t]+")
# ATX heading mark glued to its text: "##工作目标", "###一、指导思想", "##2.三月"; not "#话题#"
# (a hashtag, closed by a second "#" on the line) nor "#3号楼" (a number that is no enumerator).
MD_HEADING_GLUED = regex.compile(r"#{1,6}(?=\p{Han}|[（(【“]|\d{1,2}[.、．])(?!.*#)")
# Markdown bullet at a line start: "- 1、慰问" -> "1、慰问"; not "-5℃" (no space after).
MD_BULLET = regex.compile(r"[-*+][ \t]+")
# Blockquote mark at a line start, nested or not: "> 注：…", "> > 引文", "＞ 编者按"; not ">=" or "->".
MD_QUOTE = regex.compile(r"(?:[>＞](?![=>])[ \t]?)+")
# Setext underline: "======", "------" (three or more) under a heading line; not "--" or "- a".
SETEXT_UNDERLINE = regex.compile(r"^[ \t]*(?:={3,}|-{3,})[ \t]*$")
# Thematic break standing alone: "***", "___", "- - -"; not "**重点**".
THEMATIC_BREAK = regex.compile(r"^[ \t]*(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})$")
# A whole line in bold: "**1. 完善组织架构**", "**引言**"; not "**重点**工作" (bold is only a part).
WHOLE_LINE_BOLD = regex.compile(r"^\*\*(?=[^*\s])[^\n]*?(?<=[^*\s])\*\*$")
# Opening or closing fence of a code block: "```", "```python", "~~~"; not "``代码``".
CODE_FENCE = regex.compile(r"^[ \t]*(?:`{3,}|~{3,})[\w+-]*[ \t]*$")
# A line that can be a setext heading: short and not a closed sentence ("工作要点", "一、目标");
# not "全年开展活动十次。".
SETEXT_TEXT_MAX = 40
SENTENCE_END = regex.compile(r"[。！？!?；;]$")

# Web residue that stands where a paragraph break was (replaced by a line break):
# a hidden-text gap "……此处隐藏2048个字……", the tail of a tag's style attribute
# "kground: rgb(255, 255, 255);\">", a block tag "<p class=\"x\">", "</div>", "<br/>";
# not "3:00", "比例为1:2;" (no closing ">"), nor "<<规划>>".
BLOCK_RESIDUE = regex.compile(
    r"[.…]*此处(?:隐藏|省略)\d+个?字[.…]*"
    r"|(?:[A-Za-z-]*\s*:\s*[^;<>\n\p{Han}]{1,60};\s*)+\"?\s*/?>"
    r"|</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|tbody|thead|section|article|blockquote|hr)\b[^<>\n]{0,300}>",
    regex.IGNORECASE,
)
# A markdown image, deleted whole: "![活动照片](img/1.png)"; not "!（注意）".
MD_IMAGE = regex.compile(r"!\[[^\]\n]{0,200}\]\([^)\n]{0,500}\)")
# The syntax of a markdown link, deleted around its text: "[实施方案](https://x.cn/a)" -> "实施方案";
# not "[2024]" (no target) nor "【附件】".
MD_LINK_SYNTAX = regex.compile(r"\[(?=[^\]\n]{1,200}\]\((?:https?://|/|\.|#|www\.)[^)\n]{0,500}\))|\]\((?:https?://|/|\.|#|www\.)[^)\n]{0,500}\)")
# A site label left glued to the end of a line by a web page, deleted: "…的实施意见文章来源：",
# "…工作安排点击数："; not "拓宽经费来源" (来源 alone ends ordinary phrases).
TRAILING_SITE_LABEL = regex.compile(r"(?<=\p{Han})(?:文章来源|稿件来源|点击数|点击量|浏览次数|阅读次数)\s*[:：]?\s*$")
# Inline web residue, deleted: "<span style=\"…\">", "</strong>", "&nbsp;", "&#12288;";
# not "<规划>" or "&" alone.
INLINE_RESIDUE = regex.compile(
    r"</?(?:span|a|strong|b|em|font|i|u|sup|sub|td|th|img)\b[^<>\n]{0,300}>"
    r"|&(?:nbsp|amp|lt|gt|quot|ensp|emsp|#\d{2,6});",
    regex.IGNORECASE,
)


def raw_pieces(raw: str) -> list[tuple[int, int, int]]:
    """Line pieces of `raw` as (start, end, break_offset): split at line breaks and block residue.

    `break_offset` is the raw offset the line break after the piece stands for (the "\\n" itself,
    or the first character of the residue that ended the piece).
    """
    out: list[tuple[int, int, int]] = []
    pos = 0
    for piece in raw.split("\n"):
        start, end = pos, pos + len(piece)
        pos = end + 1
        if ("此处" in piece or ">" in piece) and (hits := list(BLOCK_RESIDUE.finditer(piece))):
            at = start
            for m in hits:
                out.append((at, start + m.start(), start + m.start()))
                at = start + m.end()
            out.append((at, end, end))
        else:
            out.append((start, end, end))
    return out


def setext_level_line(prev_text: str, underline: str) -> bool:
    """True when `underline` ("===", "---") makes the line above a setext heading."""
    return (bool(prev_text) and len(prev_text) <= SETEXT_TEXT_MAX and not SENTENCE_END.search(prev_text)
            and SETEXT_UNDERLINE.match(underline) is not None)
