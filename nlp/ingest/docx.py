"""Word (.docx) reader: body paragraphs and table cells in reading order, list numbers restored.

Layout of the returned text: one line per non-empty paragraph, in body order; a table
contributes its rows in order (merged cells once). A data row (two or more non-empty cells,
none longer than 200 characters or holding a table) is one line, cells joined by " | ", so a
schedule reads `三月份 | 召开职代会 | 工会办`; other rows give each paragraph its own line,
because Chinese documents often use a table as a frame around the whole text. Empty
paragraphs (Word's way of adding vertical space) are dropped; no blank lines are added.
Soft line breaks inside a paragraph stay as "\\n", tabs as "\\t". Headers, footers,
footnotes, comments and text boxes are not read, nor is a table of contents (a 'Table of
Contents' content control or paragraphs in the 'toc N' styles), which repeats the headings.

Word's automatic numbering is not part of the paragraph text: it is recomputed from
numbering.xml and printed before the paragraph ("一、加强…"), see `_Numbering`.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import cn2an
import regex
from lxml import etree

from nlp.errors import UnreadableFile

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W, "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"}


def _tag(name: str) -> str:
    """Clark name of a w: element or attribute."""
    return f"{{{_W}}}{name}"


_P, _TBL, _TR, _TC = _tag("p"), _tag("tbl"), _tag("tr"), _tag("tc")
_SDT, _SDT_CONTENT, _CUSTOM_XML = _tag("sdt"), _tag("sdtContent"), _tag("customXml")
_VAL = _tag("val")

# Runs of a paragraph, nested ones included (hyperlinks, tracked insertions, fields, content
# controls), but not deleted text, text boxes (their own paragraphs), ruby annotations, or
# the fallback copy of mc:AlternateContent.
_PARAGRAPH_RUNS = etree.XPath(
    ".//w:r[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::w:txbxContent"
    " or ancestor::w:rt or ancestor::mc:Fallback)]",
    namespaces=_NS,
)

# A level placeholder in w:lvlText. Matches '%1' in '%1、' or '%2' in '%1.%2'; must not match '%'.
LEVEL_PLACEHOLDER = regex.compile(r"%([1-9])")

# A marker ending in a Latin letter, digit or hanzi, which needs a space before the text.
# Matches '第一章' or '1'; must not match '一、', '（1）' or '①'.
MARKER_NEEDS_SPACE = regex.compile(r"[A-Za-z0-9\p{Han}]$")

# The standard format Word writes beside a custom one (w:numFmt w:val="custom" w:format="…"
# inside mc:AlternateContent, Word 2010+): the fallback's w:numFmt, e.g. chineseCounting.
_FALLBACK_NUM_FMT_VALUES = etree.XPath("mc:AlternateContent/mc:Fallback/w:numFmt/@w:val", namespaces=_NS)


def _fallback_num_fmt(lvl: etree._Element) -> str | None:
    """w:numFmt of a level's mc:Fallback, None when the level has none."""
    values = _FALLBACK_NUM_FMT_VALUES(lvl)
    return str(values[0]) if values else None


# Name of a table-of-contents paragraph style. Matches 'toc 1', 'TOC 2', 'TOC Heading', 'TOC1';
# must not match 'Heading 1' or 'tocsin'.
TOC_STYLE_NAME = regex.compile(r"(?i)toc\s*(?:\d|heading)")

# A content control holding a table of contents. Matches an sdt whose w:docPartGallery is
# 'Table of Contents'; must not match a cover-page or plain-text control.
_TOC_GALLERY = etree.XPath(
    "w:sdtPr/w:docPartObj/w:docPartGallery[@w:val='Table of Contents']", namespaces=_NS
)

_MAX_LEVELS = 9  # list levels w:ilvl 0-8
_MAX_DATA_CELL_CHARS = 200  # a longer cell is a frame around paragraphs, not a data cell
_CELL_SEPARATOR = " | "

_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"  # ideographTraditional
_EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"  # ideographZodiac
_IDEOGRAPH_DIGITS = str.maketrans("0123456789", "〇一二三四五六七八九")
_FULLWIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")
_TRADITIONAL_CAPITALS = str.maketrans("贰叁陆万", "貳參陸萬")
_CHINESE_COUNTING = frozenset({
    "chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
    "taiwaneseCountingThousand", "japaneseCounting",
})


def _int(value: str | None) -> int | None:
    """An integer attribute value, None when absent or malformed."""
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _child_val(element: etree._Element | None, name: str) -> str | None:
    """The w:val of child w:<name>, None when either is absent."""
    if element is None:
        return None
    child = element.find(_tag(name))
    return None if child is None else child.get(_VAL)


def _roman(n: int) -> str:
    """Upper-case Roman numeral of n >= 1."""
    out = []
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def format_number(n: int, fmt: str) -> str:
    """Counter n printed in the w:numFmt style `fmt` (ECMA-376 ST_NumberFormat), decimal if unknown."""
    if fmt == "none":
        return ""
    if n < 1:
        return str(n)
    if fmt in _CHINESE_COUNTING:
        return cn2an.an2cn(n)  # 一 … 十 十一 … 二十
    if fmt == "chineseLegalSimplified":
        return cn2an.an2cn(n, "up")  # 壹 贰 叁
    if fmt == "ideographLegalTraditional":
        return cn2an.an2cn(n, "up").translate(_TRADITIONAL_CAPITALS)
    if fmt == "ideographDigital":
        return str(n).translate(_IDEOGRAPH_DIGITS)  # 一 二 … 一〇
    if fmt == "ideographTraditional" and n <= len(_HEAVENLY_STEMS):
        return _HEAVENLY_STEMS[n - 1]
    if fmt == "ideographZodiac" and n <= len(_EARTHLY_BRANCHES):
        return _EARTHLY_BRANCHES[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        if n <= 20:
            return chr(0x2460 + n - 1)  # ① … ⑳
        if n <= 35:
            return chr(0x3251 + n - 21)  # ㉑ … ㉟
        if n <= 50:
            return chr(0x32B1 + n - 36)  # ㊱ … ㊿
    if fmt == "decimalEnclosedParen" and n <= 20:
        return chr(0x2474 + n - 1)  # ⑴
    if fmt == "decimalEnclosedFullstop" and n <= 20:
        return chr(0x2488 + n - 1)  # ⒈
    if fmt == "ideographEnclosedCircle" and n <= 10:
        return chr(0x3280 + n - 1)  # ㊀
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate(_FULLWIDTH_DIGITS)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        # Word repeats the letter past Z: A … Z, AA … ZZ, AAA …
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    return str(n)


@dataclass(frozen=True)
class _Level:
    """One w:lvl of a list definition."""

    start: int
    fmt: str
    text: str  # w:lvlText, e.g. '%1、'
    suffix: str  # w:suff: 'tab' (Word's default), 'space' or 'nothing'
    legal: bool  # w:isLgl: every level printed in decimal
    restart: int | None = None  # w:lvlRestart: restarts after levels 1..n (1-based); 0 never

    @classmethod
    def parse(cls, lvl: etree._Element, start_override: int | None = None) -> _Level:
        """A level from its w:lvl element."""
        start = start_override if start_override is not None else _int(_child_val(lvl, "start"))
        return cls(
            start=0 if start is None else start,  # ECMA-376 17.9.25: an absent w:start means 0
            fmt=_child_val(lvl, "numFmt") or _fallback_num_fmt(lvl) or "decimal",
            text=_child_val(lvl, "lvlText") or "",
            suffix=_child_val(lvl, "suff") or "tab",
            legal=lvl.find(_tag("isLgl")) is not None
            and _child_val(lvl, "isLgl") not in ("0", "false", "off"),
            restart=_int(_child_val(lvl, "lvlRestart")),
        )


class _Numbering:
    """Recomputes Word's list markers: counters per (abstract definition, level), deeper levels
    reset when a shallower one advances (unless their w:lvlRestart says otherwise).

    A paragraph is numbered by its own w:numPr or, failing that, by its paragraph style's
    (following w:basedOn). numId -> w:num -> w:abstractNum (or its w:numStyleLink) -> w:lvl;
    w:lvlOverride in the w:num replaces a level or its start value. Bullets print nothing:
    a bullet is not an enumerator, and its glyph is usually a private-use Symbol-font code.
    """

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None):
        self._abstract: dict[str, etree._Element] = {}
        self._nums: dict[str, etree._Element] = {}
        if numbering is not None:
            for el in numbering.iterchildren(_tag("abstractNum")):
                self._abstract[el.get(_tag("abstractNumId"), "")] = el
            for el in numbering.iterchildren(_tag("num")):
                self._nums[el.get(_tag("numId"), "")] = el
        self._styles: dict[str, etree._Element] = {}
        self._default_style: str | None = None
        if styles is not None:
            for el in styles.iterchildren(_tag("style")):
                style_id = el.get(_tag("styleId"), "")
                self._styles[style_id] = el
                if el.get(_tag("type")) == "paragraph" and el.get(_tag("default")) in ("1", "true", "on"):
                    self._default_style = style_id
        # Style ids are localized (a Chinese Word names 'toc 1' "11"): TOC styles go by name.
        self._toc_styles = frozenset(
            style_id for style_id, el in self._styles.items()
            if TOC_STYLE_NAME.fullmatch(_child_val(el, "name") or style_id)
        )
        self._levels: dict[str, dict[int, _Level]] = {}
        # Running counts per abstract definition: every w:num over one w:abstractNum continues
        # one sequence in Word (ECMA-376 17.9); a w:num's startOverride restarts it once.
        self._counters: dict[str, list[int | None]] = {}
        self._seen: set[tuple[str, int]] = set()  # (numId, level) already numbered

    def _style_num_pr(self, style_id: str | None) -> tuple[str | None, int | None]:
        """(numId, ilvl) a paragraph style gives, following w:basedOn."""
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self._styles:
            seen.add(style_id)
            style = self._styles[style_id]
            num_pr = style.find(f"{_tag('pPr')}/{_tag('numPr')}")
            if num_pr is not None:
                num_id = _child_val(num_pr, "numId")
                if num_id is not None:
                    return num_id, _int(_child_val(num_pr, "ilvl"))
            style_id = _child_val(style, "basedOn")
        return None, None

    def _abstract_for(self, num_id: str, depth: int = 0) -> etree._Element | None:
        """The w:abstractNum holding the levels of numId, through one w:numStyleLink if needed."""
        num = self._nums.get(num_id)
        abstract = self._abstract.get(_child_val(num, "abstractNumId") or "") if num is not None else None
        if abstract is not None and abstract.find(_tag("lvl")) is None and depth < 3:
            link = _child_val(abstract, "numStyleLink")
            linked_num, _ = self._style_num_pr(link)
            if linked_num is not None and linked_num != num_id:
                return self._abstract_for(linked_num, depth + 1)
        return abstract

    def _levels_of(self, num_id: str) -> dict[int, _Level]:
        """The levels of numId with its w:lvlOverride applied (cached)."""
        if num_id in self._levels:
            return self._levels[num_id]
        levels: dict[int, _Level] = {}
        abstract = self._abstract_for(num_id)
        if abstract is not None:
            for lvl in abstract.iterchildren(_tag("lvl")):
                ilvl = _int(lvl.get(_tag("ilvl")))
                if ilvl is not None:
                    levels[ilvl] = _Level.parse(lvl)
        num = self._nums.get(num_id)
        if num is not None:
            for override in num.iterchildren(_tag("lvlOverride")):
                ilvl = _int(override.get(_tag("ilvl")))
                if ilvl is None:
                    continue
                start = _int(_child_val(override, "startOverride"))
                lvl = override.find(_tag("lvl"))
                if lvl is not None:
                    levels[ilvl] = _Level.parse(lvl, start)
                elif start is not None and ilvl in levels:
                    old = levels[ilvl]
                    levels[ilvl] = _Level(start, old.fmt, old.text, old.suffix, old.legal, old.restart)
        self._levels[num_id] = levels
        return levels

    def _num_pr(self, p: etree._Element) -> tuple[str | None, int]:
        """(numId, ilvl) of a paragraph: its own w:numPr over its style's."""
        ppr = p.find(_tag("pPr"))
        own = ppr.find(_tag("numPr")) if ppr is not None else None
        num_id = _child_val(own, "numId")
        ilvl = _int(_child_val(own, "ilvl"))
        if num_id is None:
            style_id = _child_val(ppr, "pStyle") or self._default_style
            num_id, style_ilvl = self._style_num_pr(style_id)
            if num_id is not None and ilvl is None:
                ilvl = style_ilvl if style_ilvl is not None else self._linked_level(num_id, style_id)
        return num_id, ilvl or 0

    def _linked_level(self, num_id: str, style_id: str | None) -> int | None:
        """The level whose w:pStyle names the paragraph's style (headings tied to a list)."""
        abstract = self._abstract_for(num_id)
        if abstract is None or style_id is None:
            return None
        for lvl in abstract.iterchildren(_tag("lvl")):
            if _child_val(lvl, "pStyle") == style_id:
                return _int(lvl.get(_tag("ilvl")))
        return None

    def _overrides_start(self, num_id: str, ilvl: int) -> bool:
        """Whether w:num numId restarts level ilvl (a w:lvlOverride with a start or its own w:lvl)."""
        num = self._nums.get(num_id)
        if num is None:
            return False
        for override in num.iterchildren(_tag("lvlOverride")):
            if _int(override.get(_tag("ilvl"))) == ilvl:
                return override.find(_tag("startOverride")) is not None or override.find(_tag("lvl")) is not None
        return False

    def is_toc_entry(self, p: etree._Element) -> bool:
        """Whether paragraph `p` is an entry (or the heading) of a table of contents."""
        return _child_val(p.find(_tag("pPr")), "pStyle") in self._toc_styles

    def marker(self, p: etree._Element) -> str:
        """The list marker Word prints before paragraph `p` ('' if none), advancing the counters."""
        num_id, ilvl = self._num_pr(p)
        if num_id is None or num_id == "0" or not 0 <= ilvl < _MAX_LEVELS:  # numId 0: numbering off
            return ""
        levels = self._levels_of(num_id)
        level = levels.get(ilvl)
        if level is None:
            return ""
        abstract = self._abstract_for(num_id)
        key = abstract.get(_tag("abstractNumId"), "") if abstract is not None else ""
        counters = self._counters.setdefault(key, [None] * _MAX_LEVELS)
        first_use = (num_id, ilvl) not in self._seen
        self._seen.add((num_id, ilvl))
        if counters[ilvl] is None or (first_use and self._overrides_start(num_id, ilvl)):
            counters[ilvl] = level.start
        else:
            counters[ilvl] += 1
        for deeper in range(ilvl + 1, len(counters)):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or 0 < restart and ilvl < restart:  # 0: this level never restarts
                counters[deeper] = None
        if level.fmt == "bullet":
            return ""

        def number(match: regex.Match) -> str:
            index = int(match.group(1)) - 1
            shown = levels.get(index)
            if shown is None:
                return ""
            value = counters[index] if counters[index] is not None else shown.start
            return format_number(value, "decimal" if level.legal else shown.fmt)

        text = LEVEL_PLACEHOLDER.sub(number, level.text)
        if level.suffix != "nothing" and MARKER_NEEDS_SPACE.search(text):
            text += " "  # '第一章 总则'; after '一、', '1.' or '①' Chinese prints no space
        return text


def _content(element: etree._Element) -> Iterator[etree._Element]:
    """Children of a container, looking through content controls and custom-XML wrappers
    (a table-of-contents control is skipped: it repeats the headings with page numbers)."""
    for child in element.iterchildren():
        if child.tag == _SDT:
            if _TOC_GALLERY(child):
                continue
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _content(content)
        elif child.tag == _CUSTOM_XML:
            yield from _content(child)
        else:
            yield child


def _is_merge_continuation(tc: etree._Element) -> bool:
    """Whether a cell continues a merge (its text belongs to the cell it is merged into)."""
    tc_pr = tc.find(_tag("tcPr"))
    if tc_pr is None:
        return False
    for name in ("vMerge", "hMerge"):
        merge = tc_pr.find(_tag(name))
        if merge is not None and merge.get(_VAL, "continue") != "restart":
            return True
    return False


def _lines(container: etree._Element, numbers: _Numbering) -> Iterator[str]:
    """Text lines of a body or cell in reading order: one per non-empty paragraph (list marker
    first), a data-table row as one line of its cells (see `_table_lines`). Entries of a
    table of contents (paragraph styles named 'toc 1'…, 'TOC Heading') are left out."""
    for child in _content(container):
        if child.tag == _P and numbers.is_toc_entry(child):
            continue
        if child.tag == _P:
            marker = numbers.marker(child)  # advances the counters even for an empty paragraph, as Word does
            text = _paragraph_text(child)
            if text.strip():
                yield marker + text
        elif child.tag == _TBL:
            yield from _table_lines(child, numbers)


def _table_lines(table: etree._Element, numbers: _Numbering) -> Iterator[str]:
    """Lines of a table, row by row. A row of two or more non-empty cells, none of them a frame
    (a nested table, or more than 200 characters), is one line of its cells joined by " | ",
    a cell's paragraphs joined by spaces: a schedule row reads `三月份 | 召开职代会 | 工会办`.
    Other rows (a one-cell frame around the whole text, long cells) give each paragraph its
    own line, so the numbered paragraphs inside keep their lines."""
    for row in _content(table):
        if row.tag != _TR:
            continue
        cells = [cell for cell in _content(row) if cell.tag == _TC and not _is_merge_continuation(cell)]
        texts = [list(_lines(cell, numbers)) for cell in cells]
        filled = [lines for lines in texts if lines]
        is_frame = any(cell.find(f".//{_TBL}") is not None for cell in cells) or any(
            sum(map(len, lines)) > _MAX_DATA_CELL_CHARS for lines in filled
        )
        if len(filled) >= 2 and not is_frame:
            yield _CELL_SEPARATOR.join(" ".join(line.strip() for line in lines) for lines in filled)
        else:
            for lines in filled:
                yield from lines


def _paragraph_text(p: etree._Element) -> str:
    """Visible text of a paragraph (tabs and soft breaks kept)."""
    return "".join(run.text for run in _PARAGRAPH_RUNS(p))  # python-docx's CT_R.text


def read_docx(path: Path) -> tuple[str, None]:
    """Text of a .docx file (no encoding applies)."""
    import docx  # python-docx is only needed for .docx files
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
        part = document.part
        numbering = _related_element(part, RT.NUMBERING)
        styles = _related_element(part, RT.STYLES)
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, EOFError, zlib.error,
            etree.XMLSyntaxError) as exc:  # damaged zip, missing part, wrong content type, bad XML
        raise UnreadableFile(path, f"not a valid .docx ({_describe(exc)})") from exc
    numbers = _Numbering(numbering, styles)
    return "\n".join(_lines(document.element.body, numbers)), None


def _related_element(part, reltype: str) -> etree._Element | None:
    """Root element of the part related to the main document by `reltype`, None if absent."""
    try:
        return part.part_related_by(reltype).element
    except (KeyError, AttributeError):
        return None


def _describe(exc: BaseException) -> str:
    """Exception class and message, for an error reason."""
    message = str(exc).strip()
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__
