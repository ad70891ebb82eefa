"""Normalization with a map back to raw offsets.

Every step only deletes characters, replaces one character by one (a line break for web
residue), or regroups the cells of a table row, so each normalized character keeps the raw
offset it came from (`Normalized.offsets`). Markdown marks are stripped and kept as LineMarks.
A traditional-script text stays as printed; `Normalized.match_text` is its simplified view.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..model import LineMark
from ..text.enumerators import LINE_START_MARKER
from .markdown import (
    CODE_FENCE,
    INLINE_RESIDUE,
    MD_BULLET,
    MD_HEADING,
    MD_HEADING_GLUED,
    SETEXT_UNDERLINE,
    THEMATIC_BREAK,
    WHOLE_LINE_BOLD,
    raw_pieces,
    setext_level_line,
)
from .tables import regroup_tables

# Markdown backslash escape: "20\_\_年" -> "20__年"; not "C:\data" (letter after the backslash).
MD_ESCAPE = regex.compile(r"\\(?=[_*#\[\]()`~\\-])")
# Stray web artifacts between Chinese characters: "的`主要", "的.方法", "，##区"; not "3.12",
# "a.b", nor the dot of a Chinese-numeral enumerator ("一.夯实基础").
STRAY_ARTIFACT = regex.compile(
    r"(?<=[\p{Han}])(?<![一二三四五六七八九十百零〇])[`.](?=[\p{Han}])"
    r"|(?<=[\p{Han}，,。；;：:])(?:#{1,6}|`+)(?=[\p{Han}])"
)
# Markdown bold around a phrase: "**一、指导思想**" -> "一、指导思想"; not "***市" (a placeholder).
MD_BOLD = regex.compile(r"(?<!\*)\*\*(?=[^*\s])|(?<=[^*\s])\*\*(?!\*)")
# Space stripped at a line's start and end (str.strip with these is several times faster than a
# regex search, which scans the whole line for a trailing run).
LEADING_SPACE = " \t\u3000\xa0\ufeff"
TRAILING_SPACE = " \t\u3000\xa0\r\ufeff"
# A line that ends a sentence or a title block: "…如下。", "指导思想：", "（一）…）".
LINE_END_CLOSED = regex.compile(r"(?:[。！？!?；;：:…”』」）)》\]】]|\.{3})$")
HAN = regex.compile(r"\p{Han}")
# A printed page number between two pages of a PDF or Word file: "- 2 -", "—12—", "第3页 共8页";
# not "-5" or "86.3" (figures of a data table). Blanked so a paragraph cut by it is rejoined.
PAGE_NUMBER = regex.compile(r"^[ \t]*(?:[-—–－][ \t]*\d{1,3}[ \t]*[-—–－]|第[ \t]*\d{1,3}[ \t]*页(?:[ \t]*[/，,、]?[ \t]*共[ \t]*\d{1,3}[ \t]*页)?)[ \t]*$")
# NOT_HAN_RUN: a run of anything but Chinese characters, deleted to keep the Han text (one
# substitution is several times faster than collecting characters one by one). Matches "，2 ";
# must not match "工".
NOT_HAN_RUN = regex.compile(r"\P{Han}+")
# CLAUSE_MARK: punctuation inside or at the end of a clause. Matches "，" "。" "；"; must not
# match "、" or "：".
CLAUSE_MARK = regex.compile(r"[，,。；;]")
OPENERS, CLOSERS = "“‘《（(【「『", "”’》）)】」』"
# Length from which a line that stops mid-sentence is a paragraph cut by the web page,
# not a title; measured on the corpus: titles are short, cut paragraphs long.
MIN_CUT_PARAGRAPH = 30


@dataclass
class Normalized:
    """Normalized text, the raw offset of each character, and what was stripped or repaired."""

    text: str
    offsets: list[int]
    line_marks: list[LineMark] = field(default_factory=list)
    repairs: list[int] = field(default_factory=list)  # normalized offsets where two lines were rejoined
    simplified: bool = False  # True when `match_text` is a simplified-script view of `text`
    match_text: str = ""  # `text` in simplified script, character for character (== text when simplified)

    def __post_init__(self) -> None:
        if not self.match_text:
            self.match_text = self.text


@dataclass
class _Line:
    chars: str  # the kept characters
    offs: Sequence[int]
    newline_off: int
    mark: tuple[str, str] | None  # (kind, raw mark)
    blank_before: int = 0


def _unbalanced(chars: str) -> bool:
    depth = 0
    for ch in chars:
        if ch in OPENERS:
            depth += 1
        elif ch in CLOSERS and depth:
            depth -= 1
    return depth > 0


def _word_crosses(text: str, following: str) -> bool:
    """True when segmentation puts one word across the line break ("重要内" + "容" → 内容)."""
    from ..text.segment import get_segmenter

    left, right = text[-4:], following[:4]
    pos = 0
    # Dictionary words only (no HMM): a word the HMM would guess from unknown characters is no
    # evidence that the line was cut inside it.
    for word, _s, _e in get_segmenter().tokens(left + right):
        if pos < len(left) < pos + len(word) and len(word) <= 4:
            return True
        pos += len(word)
    return False


def _is_cut_paragraph(line: _Line, nxt: _Line) -> bool:
    """True when `line` stops mid-sentence and `nxt` continues it (a web page's broken line)."""
    if not line.chars or not nxt.chars or line.mark or nxt.mark:
        return False
    text, following = line.chars, nxt.chars
    if "|" in text or "|" in following:
        return False  # rows of a table end where they end, closed or not
    # LINE_END_CLOSED matches at most the last 3 characters: search only there, not the whole line.
    if LINE_END_CLOSED.search(text, max(0, len(text) - 3)) or LINE_START_MARKER.match(following):
        return False
    if not HAN.match(following[0]) and following[0] not in "“‘《（(":
        return False
    if _unbalanced(line.chars):
        return True
    if LINE_START_MARKER.match(text):
        # A heading line is only continued by an orphan fragment ("…的重要内" + "容").
        return len(following) <= 2 and _word_crosses(text, following)
    multi_clause = bool(CLAUSE_MARK.search(text))
    # A short line with one clause is a title ("…篇六"), even if a word seems to cross.
    if (multi_clause or len(text) >= 20 or len(following) <= 2) and _word_crosses(text, following):
        return True
    # Long multi-clause line without closing punctuation: a paragraph cut in two.
    return len(text) >= MIN_CUT_PARAGRAPH and multi_clause


def _split_lines(raw: str) -> list[_Line]:
    lines: list[_Line] = []
    pieces = raw_pieces(raw)
    front = _front_matter_pieces(raw, pieces)
    in_code = False
    for k, (start, end, break_off) in enumerate(pieces):
        piece = raw[start:end]
        if not piece:  # an empty line, often every other one: nothing to strip, mark or drop
            lines.append(_Line(piece, range(start, start), break_off, None))
            continue
        if k >= front:
            if not in_code and piece[-1:] in "-—–－页" and PAGE_NUMBER.match(piece):
                lines.append(_Line("", range(start, start), break_off, None))
                continue
            if CODE_FENCE.match(piece):
                in_code = not in_code
            elif not in_code and (markup := _markup_line(piece, lines)):
                if markup != "break":  # the underline marks the line above; no line of its own
                    lines[-1].mark = ("heading", piece.strip())
                continue
        i = len(piece) - len(piece.lstrip(LEADING_SPACE))
        mark = None
        # Each mark pattern opens with its own characters: try it only when the line does.
        first = piece[i:i + 1]
        if in_code or k < front:
            pass  # code and front matter keep their characters as they are
        elif first == "#" and (m := MD_HEADING.match(piece, i) or MD_HEADING_GLUED.match(piece, i)):
            mark = ("heading", m.group())
            i = m.end()
        elif first in ("-", "*", "+") and (m := MD_BULLET.match(piece, i)):
            mark = ("bullet", m.group())
            i = m.end()
        j = max(i, len(piece.rstrip(TRAILING_SPACE)))
        body = piece[i:j]
        if mark is None and body.startswith("**") and WHOLE_LINE_BOLD.match(body) and not in_code:
            mark = ("emphasis", "**")
        # Each drop pattern needs one of its own characters in the line: most lines have none.
        drop = set()
        if "\\" in body:
            drop = {start + i + m.start() for m in MD_ESCAPE.finditer(body)}
        if body.count("**") >= 2:
            drop |= {start + i + m.start() + k for m in MD_BOLD.finditer(body) for k in range(2)}
        if "." in body or "`" in body or "#" in body:
            drop |= {start + i + m.start() + k for m in STRAY_ARTIFACT.finditer(body) for k in range(len(m.group()))}
        if "<" in body or "&" in body:
            drop |= {start + i + k for m in INLINE_RESIDUE.finditer(body) for k in range(m.start(), m.end())}
        if drop:
            kept = [(ch, start + i + k) for k, ch in enumerate(body) if start + i + k not in drop]
            chars, offs = "".join(ch for ch, _o in kept), [o for _ch, o in kept]
            chars_stripped = chars.strip(LEADING_SPACE)  # residue may have hidden outer space
            if chars_stripped != chars:
                lead = len(chars) - len(chars.lstrip(LEADING_SPACE))
                chars, offs = chars_stripped, offs[lead:lead + len(chars_stripped)]
        else:  # the common case: nothing to drop, the line as it is (no per-character lists)
            chars, offs = body, range(start + i, start + i + len(body))
        lines.append(_Line(chars, offs, break_off, mark))  # end <= len(raw): a piece lies inside raw
    return regroup_tables(lines, _Line)


def _front_matter_pieces(raw: str, pieces: list[tuple[int, int, int]]) -> int:
    """How many leading pieces are YAML front matter ("---" … "---"), kept verbatim for the splitter."""
    if not pieces or raw[pieces[0][0]:pieces[0][1]].strip() != "---":
        return 0
    for k in range(1, min(len(pieces), 60)):
        if raw[pieces[k][0]:pieces[k][1]].strip() == "---":
            return k + 1
    return 0


def _markup_line(piece: str, lines: list[_Line]) -> str | None:
    """'setext' when `piece` underlines the line above, 'break' for a rule line, else None."""
    stripped = piece.strip()
    if len(stripped) < 3 or stripped[0] not in "=-*_":
        return None
    prev = lines[-1] if lines else None
    if prev is not None and prev.chars and prev.mark is None and setext_level_line(prev.chars, stripped):
        return "setext"
    if THEMATIC_BREAK.match(piece) or SETEXT_UNDERLINE.match(piece):
        return "break"
    return None


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def is_traditional(text: str) -> bool:
    """True when a noticeable share of the Han characters change under t2s conversion."""
    sample = NOT_HAN_RUN.sub("", text)[:20000]
    if len(sample) < 20:
        return False
    converted = _t2s().convert(sample)
    if converted == sample:
        return False  # simplified text, the usual case: no need to count changes
    changed = sum(a != b for a, b in zip(sample, converted)) if len(converted) == len(sample) else len(sample)
    return changed / len(sample) >= 0.05


# Corner quotes of traditional print, read as the curly quotes the extractors' patterns expect.
CORNER_QUOTES = str.maketrans("「」『』", "“”‘’")


def simplify_same_length(text: str) -> str:
    """Traditional → simplified, one character for one (phrase rules that change length are skipped)."""
    converted = _t2s().convert(text)
    if len(converted) != len(text):
        converted = "".join(c if len(c := _t2s().convert(ch)) == 1 else ch for ch in text)
    return converted.translate(CORNER_QUOTES)


def normalize(raw: str, simplify: bool = True) -> Normalized:
    """Normalize raw decoded text; see the module docstring for what is kept."""
    lines = _split_lines(raw)
    kept: list[_Line] = []
    blanks = 0
    for line in lines:
        if not line.chars and line.mark is None:
            blanks += 1
            continue
        line.blank_before = blanks if kept else 0
        blanks = 0
        kept.append(line)

    out_pieces: list[str] = []  # whole lines and line breaks, joined once at the end
    out_len = 0
    out_offs: list[int] = []
    marks: list[LineMark] = []
    repairs: list[int] = []
    for n, line in enumerate(kept):
        if n:
            prev = kept[n - 1]
            if _is_cut_paragraph(prev, line):
                repairs.append(out_len)
            else:
                breaks = 2 if line.blank_before else 1
                out_pieces.append("\n" * breaks)
                out_offs.extend([prev.newline_off] * breaks)
                out_len += breaks
        if line.mark:
            marks.append(LineMark(out_len, line.mark[0], line.mark[1]))
        out_pieces.append(line.chars)
        out_offs.extend(line.offs)
        out_len += len(line.chars)
    text = "".join(out_pieces)
    # The text stays as printed; a traditional document also gets a simplified view of the same
    # length, which the splitter and the extractors match against (offsets are shared).
    match_text = text
    if simplify and is_traditional(text):
        match_text = simplify_same_length(text)
    out_offs.append(len(raw))
    return Normalized(text, out_offs, marks, repairs, match_text != text, match_text)
