"""PDF reader: the text layer page by page (pages joined by "\\n"), refusing unusable layers.

Each page's lines come from pdfplumber's characters (top to bottom), with spaces only where a
gap is a real one (`_line_text`: no stray spaces between hanzi of justified lines). Running
headers and footers repeated on the pages, page-number lines and table-of-contents entries
are dropped
(`_drop_page_furniture`), and lines wrapped at the right margin are joined again
(`_joins`), so a sentence broken by the page width reads as one line.

A PDF whose glyphs carry no Unicode mapping (CJK fonts without a ToUnicode map) comes out of
pdfminer as "(cid:123)" tokens; a scanned PDF has no text at all, or only a stamped page number
or fax header per page. Both raise NoTextLayer instead of passing garbage on, as does a layer
with more than 5 % "(cid:NN)" glyphs. The few "(cid:NN)" tokens of an otherwise readable layer
(a logo in a symbol font) become U+FFFD, one per unknown glyph.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import regex

from nlp.errors import NoTextLayer, UnreadableFile

# A glyph code pdfminer could not map to Unicode. Matches '(cid:123)'; must not match '(cid)' or 'cid:12'.
CID_GLYPH = regex.compile(r"\(cid:\d+\)")

# Whitespace, for counting visible characters. Matches ' ' or '\n'; must not match '工'.
WHITESPACE = regex.compile(r"\s")

# Above this share of unmapped glyphs (one in twenty) the text is unusable for extraction; it
# matches the U+FFFD limit of the plain-text check, which sees the glyphs as U+FFFD afterwards.
_MAX_CID_SHARE = 0.05
_MIN_CHARS_PER_PAGE = 10  # below this average a "text layer" is page numbers on scanned images
_LATIN_SPACE_PT = 3.0  # pdfplumber's default x_tolerance: a gap over it between Latin letters is a space
_EDGE_LINES = 2  # running headers/footers are among the first or last two lines of a page
_MIN_REPEAT_SHARE = 0.5  # ... and repeat on at least half the pages
_WRAP_SLACK_EMS = 1.5  # a line ending within 1.5 characters of the right edge is full (wrapped)
_MIN_FULL_LINES = 3  # lines reaching the right edge before any line is taken as wrapped
_MIN_RIGHT_SHARE = 0.8  # the right edge lies in the right fifth of the text's extent
_INDENT_EMS = 0.5  # a line starting further right than half a character is indented
_LINE_GAP_EMS = 1.0  # a wrapped line follows with less than a character height of space

# A CJK character: hanzi, CJK or fullwidth punctuation. Matches '工', '，', '（'; must not match 'a' or '1'.
CJK_CHAR = regex.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef]")

# Digits and spaces, replaced to compare running headers/footers. Matches '12', ' 3 '; not '第'.
DIGITS_AND_SPACES = regex.compile(r"[\d\s]+")

# A page-number line. Matches '3', '- 3 -', '—3—', '第3页', '第 3 页 共 10 页', '3/10', 'Page 3 of 10',
# '·3·'; must not match '3月' or '第三部分'.
PAGE_NUMBER_LINE = regex.compile(
    r"\s*(?:[-—–·\s]*\d{1,4}[-—–·\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|(?i:page)\s*\d{1,4}(?:\s*(?i:of)\s*\d{1,4})?)\s*"
)

# An entry of a table of contents: a title, a leader of dots, the page number. Matches
# '一、总体要求……………… 3', '第二章 主要任务 ........ 12'; must not match '全年完成3项' or
# '1.2.3 目标' (no leader).
TOC_ENTRY = regex.compile(r"\S.{0,80}?(?:[.…·．]\s*){4,}\s*\d{1,4}")

# The start of a list item or outline heading, which is never the continuation of a wrapped
# line. Matches '一、', '（二）', '3.', '3、', '(4)', '①', '第五条', '•'; must not match '2025年' or '30%'.
LIST_ITEM_START = regex.compile(
    r"\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．](?!\d)"
    r"|[①-⑳⑴-⒇⒈-⒛]|第[一二三四五六七八九十百\d]{1,4}[章节条部分]|[•·●■◆▪\-*])"
)


@dataclass(frozen=True)
class _Line:
    """One printed line of a page: its text and where it sits (PDF points, top-down)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # font size of its characters (the largest)


def _is_cjk(ch: str) -> bool:
    return bool(CJK_CHAR.match(ch))


def _line_text(chars: list[dict]) -> str:
    """A line's text from its characters, a space only where the gap is a real one.

    pdfplumber spaces any gap over 3 pt, which puts stray spaces between hanzi of justified or
    tracked Chinese lines (`全 年 新 建`). Here a gap counts as a space only when it exceeds the
    line's usual gap between characters (its tracking) by a full character width next to a
    CJK character (table columns, `联系人：张三    电话：`), or by pdfplumber's 3 pt between
    Latin letters and digits (word spaces).
    """
    gaps = [b["x0"] - a["x1"] for a, b in zip(chars, chars[1:]) if a["text"] != " " and b["text"] != " "]
    tracking = max(0.0, statistics.median(gaps)) if gaps else 0.0
    out: list[str] = []
    prev: dict | None = None
    for ch in chars:
        text = ch["text"]
        if text.isspace():
            if out and out[-1] != " ":
                out.append(" ")
            prev = None
            continue
        if prev is not None:
            gap = ch["x0"] - prev["x1"] - tracking
            cjk = _is_cjk(prev["text"][-1:]) or _is_cjk(text[:1])
            tolerance = max(ch["size"], prev["size"]) if cjk else _LATIN_SPACE_PT
            if gap > tolerance:
                out.append(" ")
        out.append(text)
        prev = ch
    return "".join(out).strip()


def _page_lines(page) -> list[_Line]:
    """Printed lines of a page, top to bottom."""
    lines = []
    # keep_blank_chars: the space glyphs of the text stay among the characters (word spaces).
    for found in page.extract_text_lines(return_chars=True, keep_blank_chars=True):
        # A glyph whose text has several characters ('(cid:12)', ligatures) is listed once per
        # character: keep it once.
        chars = [c for i, c in enumerate(found["chars"]) if i == 0 or c is not found["chars"][i - 1]]
        if not chars:
            continue
        text = _line_text(chars)
        if text:
            size = max(c["size"] for c in chars)
            lines.append(_Line(text, found["x0"], found["x1"], found["top"], found["bottom"], size))
    return lines


def _extract_pages(path: Path) -> list[list[_Line]]:
    """Lines of every page, in order."""
    import pdfplumber  # pdfplumber/pdfminer are only needed for .pdf files

    pages = []
    try:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                pages.append(_page_lines(page))
                page.close()  # drop the page's parsed objects; long PDFs otherwise pile them up
    except OSError:
        raise  # unreadable file (permissions, I/O): the caller reports it as such
    except Exception as exc:  # pdfminer raises many unrelated exception types on damaged files
        message = f"{type(exc).__name__}: {exc}".strip()
        if "password" in message.lower() or "encrypt" in message.lower():
            raise UnreadableFile(path, f"encrypted .pdf, a password is needed ({message})") from exc
        raise UnreadableFile(path, f"not a valid .pdf ({message})") from exc
    return pages


def _furniture_key(text: str) -> str:
    """A line with its numbers and spaces taken out: running headers and footers that differ
    only by the page number (`第 3 页`, `- 12 -`) share one key."""
    return DIGITS_AND_SPACES.sub("#", text)


def _drop_page_furniture(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Pages without their running headers/footers, page-number lines and contents entries.

    A line among the first or last `_EDGE_LINES` lines of a page is furniture when it is a
    page number (`3`, `- 3 -`, `第3页 共10页`, `3/10`), or when the same line (numbers aside)
    stands at the edge of at least half the pages (and of two at least). Anywhere on a page,
    a table-of-contents entry (`一、总体要求………3`) is dropped: it repeats a heading.
    """
    def edges(lines: list[_Line]) -> list[int]:
        n = len(lines)
        return sorted({i for i in (*range(min(_EDGE_LINES, n)), *range(max(0, n - _EDGE_LINES), n))})

    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_furniture_key(lines[i].text) for i in edges(lines)})
    needed = max(2, math.ceil(len(pages) * _MIN_REPEAT_SHARE))
    kept_pages = []
    for lines in pages:
        drop = {
            i for i in edges(lines)
            if PAGE_NUMBER_LINE.fullmatch(lines[i].text) or counts[_furniture_key(lines[i].text)] >= needed
        }
        drop.update(i for i, line in enumerate(lines) if TOC_ENTRY.fullmatch(line.text))
        kept_pages.append([line for i, line in enumerate(lines) if i not in drop])
    return kept_pages


def _joins(line: _Line, following: _Line, left: float, right: float, next_page: bool = False) -> bool:
    """Whether `following` continues `line`, wrapped at the right margin: `line` runs to the
    right edge of the text, `following` starts at the left edge in the same font size, right
    below (or at the top of the next page), and does not open a list item or a new paragraph
    (indented)."""
    size = max(line.size, following.size)
    return (
        line.x1 >= right - _WRAP_SLACK_EMS * size
        and following.x0 <= left + _INDENT_EMS * size
        and abs(line.size - following.size) < 0.5
        and (next_page or following.top - line.bottom < _LINE_GAP_EMS * size)
        and not LIST_ITEM_START.match(following.text)
    )


def _text_block(pages: list[list[_Line]]) -> tuple[float, float] | None:
    """(left, right) edges of the document's justified text block, or None when fewer than
    `_MIN_FULL_LINES` lines end at one right edge (no evidence that any line was wrapped).

    The right edge is where most lines end within one character of each other, among the
    ends in the right fifth of the text: full lines of a justified text all end there, while a
    single over-wide line (a table row, a long URL) does not move it.
    """
    lines = [line for page in pages for line in page]
    if not lines:
        return None
    left = min(line.x0 for line in lines)
    widest = max(line.x1 for line in lines)
    size = statistics.median(line.size for line in lines)
    ends = Counter(round(line.x1) for line in lines if line.x1 >= left + _MIN_RIGHT_SHARE * (widest - left))
    window = max(1, round(_WRAP_SLACK_EMS * size))
    best, right = 0, widest
    for end in ends:  # one candidate per distinct end point: a few hundred at most
        count = sum(n for x, n in ends.items() if end - window <= x <= end)
        if count > best or count == best and end > right:
            best, right = count, float(end)
    return (left, right) if best >= _MIN_FULL_LINES else None


def _document_text(pages: list[list[_Line]], block: tuple[float, float] | None) -> str:
    """The text: one line per printed line, lines wrapped at the right margin rejoined, also
    when a paragraph runs on from the last line of a page to the first of the next."""
    out: list[str] = []
    previous: _Line | None = None
    for lines in pages:
        for index, line in enumerate(lines):
            if previous is not None and block is not None and _joins(previous, line, *block, next_page=index == 0):
                latin_pair = out[-1][-1:].isascii() and out[-1][-1:].isalnum() and line.text[:1].isascii()
                out[-1] += (" " if latin_pair else "") + line.text
            else:
                out.append(line.text)
            previous = line
    return "\n".join(out)


def check_text_layer(text: str, pages: int, path: str | Path) -> None:
    """Raise NoTextLayer when the extracted text is absent, scant, or too much (cid:NN) codes."""
    cids = len(CID_GLYPH.findall(text))
    visible = CID_GLYPH.sub("", text)
    visible_count = len(visible) - len(WHITESPACE.findall(visible))
    if cids + visible_count == 0:
        raise NoTextLayer(
            path, f"no usable text layer: no text on any of {pages} page(s) (scanned or image-only?)"
        )
    if cids / (cids + visible_count) > _MAX_CID_SHARE:
        raise NoTextLayer(
            path,
            f"no usable text layer: {cids} of {cids + visible_count} glyphs are (cid:NN) codes "
            "without a Unicode mapping (CJK font lacking a ToUnicode map)",
        )
    if visible_count < _MIN_CHARS_PER_PAGE * max(1, pages):
        raise NoTextLayer(
            path,
            f"no usable text layer: only {visible_count} characters on {pages} page(s) (scanned with stray text?)",
        )


def read_pdf(path: Path) -> tuple[str, None]:
    """Text layer of a .pdf file (no encoding applies)."""
    pages = _extract_pages(path)
    check_text_layer("\n".join(line.text for lines in pages for line in lines), len(pages), path)
    pages = _drop_page_furniture(pages)
    block = _text_block(pages)
    text = _document_text(pages, block)
    return CID_GLYPH.sub("\ufffd", text), None
