"""lxml trees of a web page to text: trafilatura's article tree to lines, title candidates of the page.

Items of an ordered list get the number a browser shows (`1.`). A table row is one line of
its cells joined by " | " when it is a data row (two or more
non-empty cells, none over 200 characters or holding a table); the rows of a layout table
(old sites frame the whole article in a <td>) give their blocks as lines instead.

Trafilatura's output tree uses its own tags (TEI-like): <p>, <head rend="h2">, <list>/<item>,
<table>/<row>/<cell>, <quote>, <code>, inline <hi>, <ref>, <del>, and <lb/> for a line break.
"""

from __future__ import annotations

import regex
from lxml import etree

from ..lang.enumerators import MARKER_SOURCE

# A run of HTML whitespace with a line break between two CJK characters (hanzi, CJK or fullwidth
# punctuation). Matches the '\n  ' in '加强\n  工会'; must not match in 'plan\n  工会'.
_CJK = r"[\p{Han}\u3000-\u303f\uff00-\uffef]"
CJK_SEGMENT_BREAK = regex.compile(rf"(?<={_CJK})[ \t\f]*[\r\n][ \t\r\n\f]*(?={_CJK})")

# A run of HTML (ASCII) whitespace; non-breaking and ideographic spaces are kept, as browsers do.
# Matches '\n\t ' ; must not match '\u3000'.
HTML_SPACE = regex.compile(r"[ \t\n\r\f]+")

# A class or id token of an element holding an article's printed title. Matches 'arttitle',
# 'news_title', 'article-title', 'title'; must not match 'subtitle' or 'sitetitle'.
TITLE_CLASS = regex.compile(
    r"(?:art|article|news|content|detail|show|info|post|entry|page)?[_-]?title", regex.IGNORECASE
)

# An enumerator an item already prints. Matches '1、', '(2)', '（三）', '四、', '⑤'; must not
# match '2025年' or '30%'.
OWN_MARKER = regex.compile(rf"\s*(?:{MARKER_SOURCE})")

_BLOCKS = frozenset({"p", "head", "item", "quote", "code", "list", "table", "div", "body", "main", "doc"})
_PREFORMATTED = frozenset({"quote", "code"})  # trafilatura keeps their source line breaks
_CELL_SEPARATOR = " | "
_MAX_DATA_CELL_CHARS = 200  # a longer cell is a layout frame around paragraphs, not a data cell
_HEADING_XPATH = etree.XPath("//h1|//h2|//h3")
_CLASSED_XPATH = etree.XPath("//*[@class or @id]")
_META_XPATH = etree.XPath(
    "//meta[@property='og:title' or @name='og:title' or @name='twitter:title']/@content"
)
_SITE_NAME_XPATH = etree.XPath("//meta[@property='og:site_name' or @name='application-name']/@content")
_TITLE_XPATH = etree.XPath("//title")
_ARTICLE_HEADING_XPATH = etree.XPath("//article//h1|//main//h1|//*[@role='main']//h1")


# An inline style that hides an element. Matches 'display:none', 'DISPLAY: none;',
# 'visibility: hidden'; must not match 'display: block' or 'overflow: hidden'.
HIDDEN_STYLE = regex.compile(r"(?i)display\s*:\s*none|visibility\s*:\s*hidden")
_STYLED_OR_HIDDEN_XPATH = etree.XPath("//*[@style or @hidden]")


def drop_hidden_elements(tree: etree._Element) -> None:
    """Remove, in place, the elements a browser does not show (their tails stay)."""
    for element in _STYLED_OR_HIDDEN_XPATH(tree):
        if element.get("hidden") is not None or HIDDEN_STYLE.search(element.get("style") or ""):
            if element.getparent() is not None:
                element.drop_tree()  # lxml.html: the element goes, the text after it stays


def collapse_spaces(raw: str) -> str:
    """Browser-style whitespace collapsing of one block's inline text, stripped."""
    return HTML_SPACE.sub(" ", CJK_SEGMENT_BREAK.sub("", raw)).strip()


def _inline_text(element: etree._Element, out: list[str], lines: list[str]) -> None:
    """Text of an element's inline content into `out`; an <lb/> closes the line into `lines`."""
    if element.text:
        out.append(element.text)
    for child in element:
        if child.tag == "lb":
            lines.append("".join(out))
            out.clear()
        elif child.tag in _BLOCKS and child.tag != "div":
            break_before = "".join(out)
            if break_before.strip():
                lines.append(break_before)
            out.clear()
            _block(child, lines)
        else:
            _inline_text(child, out, lines)
        if child.tail:
            out.append(child.tail)


def _flat(element: etree._Element) -> str:
    """All text of an element on one line (a table cell): its blocks separated by spaces."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if child.tag in ("p", "item", "head", "lb", "list"):
                parts.append(" ")
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    return collapse_spaces("".join(parts))


def _block(element: etree._Element, lines: list[str]) -> None:
    """Lines of one block of trafilatura's tree, appended to `lines` (raw, not yet collapsed)."""
    if element.tag == "table":
        for row in element.iter("row"):
            if row.getparent() is not element:
                continue  # a row of a nested table: read with its own table
            cells = [cell for cell in row if cell.tag == "cell"]
            texts = [_flat(cell) for cell in cells]
            filled = [t for t in texts if t]
            is_frame = any(cell.find(".//table") is not None for cell in cells) or any(
                len(t) > _MAX_DATA_CELL_CHARS for t in filled
            )
            if len(filled) >= 2 and not is_frame:
                lines.append(_CELL_SEPARATOR.join(filled))
                continue
            # A layout row (a frame around the article, a long cell): its blocks are lines.
            for cell in cells:
                out: list[str] = []
                _inline_text(cell, out, lines)
                lines.append("".join(out))
        return
    if element.tag == "list":
        _list_lines(element, lines)
        return
    if element.tag in _PREFORMATTED:
        lines.extend("".join(element.itertext()).split("\n"))
        return
    out: list[str] = []
    _inline_text(element, out, lines)
    lines.append("".join(out))


def _list_lines(element: etree._Element, lines: list[str]) -> None:
    """Lines of a list: one per item; items of an ordered list get the number a browser shows
    ("1." …), unless the item prints its own marker already."""
    ordered = element.get("rend") == "ol"
    number = 0
    for child in element:
        if child.tag != "item":
            _block(child, lines)
            continue
        number += 1
        item: list[str] = []
        _block(child, item)
        first = next((i for i, line in enumerate(item) if line.strip()), None)
        if ordered and first is not None and not OWN_MARKER.match(item[first]):
            item[first] = f"{number}.{item[first].lstrip()}"
        lines.extend(item)


def extracted_lines(body: etree._Element) -> tuple[list[str], list[str]]:
    """(lines, headings) of trafilatura's article tree; lines collapsed, stripped, non-empty."""
    raw: list[str] = []
    headings: list[str] = []
    for child in body:
        if child.tag == "head":
            headings.append(collapse_spaces("".join(child.itertext())))
        _block(child, raw)
    lines = [line for line in map(collapse_spaces, raw) if line]
    return lines, [h for h in headings if h]


def title_candidates(tree: etree._Element) -> tuple[list[str], list[str], list[str], tuple[str, ...]]:
    """(headings, article headings, page titles, site names) of a parsed page, for choose_title.

    Headings: <h1>-<h3> in page order, then elements classed as titles (`arttitle`,
    `news_title`); article headings: <h1> inside <article>/<main>; page titles: og:title / twitter:title, then <title>; site names: og:site_name.
    """
    headings = []
    for element in _HEADING_XPATH(tree):
        headings.append(collapse_spaces("".join(element.itertext())))
    for element in _CLASSED_XPATH(tree):
        marks = f"{element.get('class', '')} {element.get('id', '')}".split()
        if element.tag not in ("html", "body", "title", "meta") and any(map(TITLE_CLASS.fullmatch, marks)):
            headings.append(collapse_spaces("".join(element.itertext())))
    page_titles = [str(v) for v in _META_XPATH(tree)]
    page_titles += ["".join(t.itertext()) for t in _TITLE_XPATH(tree)]
    site_names = tuple(str(v).strip() for v in _SITE_NAME_XPATH(tree))
    article_headings = [collapse_spaces("".join(e.itertext())) for e in _ARTICLE_HEADING_XPATH(tree)]
    return (
        [h for h in headings if h], [h for h in article_headings if h],
        [t for t in page_titles if t.strip()], site_names,
    )
