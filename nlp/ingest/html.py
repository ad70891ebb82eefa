"""HTML reader: the main content as plain text, one line per block, page chrome dropped.

Content root: the longest <article> (teaser lists are <article>s too), unless a <main>
holds more than twice its text; else <main> (or role="main"); else <body>. Dropped wherever
they are: script, style, noscript, template, nav, aside, form, footer, iframe, svg, buttons,
selects. A <header> is dropped unless it sits inside an <article> or <main>, where it holds
the article's own title. Block elements and table cells start new lines (cells on their own
lines, as in the .docx reader); <br> breaks a line. Whitespace collapses as a browser
collapses it, and a line break between two CJK characters disappears (CSS Text 3 segment
break rule) so hard-wrapped Chinese source does not gain spaces. Lines are stripped, empty
ones dropped.

Bytes are decoded by a byte-order mark, else the charset declared in a <meta> tag (GB2312 and
GBK read as GB18030, as browsers do), else, or if the declared charset fails, by the .txt logic.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import regex

from nlp.errors import UnreadableFile
from nlp.ingest.txt import decode_bytes

# Charset declared in a <meta> tag, either form. Matches b'<meta charset="gbk">' and
# b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">';
# must not match b'<p>charset=gbk</p>'.
META_CHARSET = regex.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", regex.IGNORECASE
)

# A run of HTML whitespace with a line break between two CJK characters (hanzi, CJK or fullwidth
# punctuation). Matches the '\n  ' in '加强\n  工会'; must not match in 'plan\n  工会'.
_CJK = r"[\p{Han}\u3000-\u303f\uff00-\uffef]"
CJK_SEGMENT_BREAK = regex.compile(rf"(?<={_CJK})[ \t\f]*[\r\n][ \t\r\n\f]*(?={_CJK})")

# A run of HTML (ASCII) whitespace; non-breaking and ideographic spaces are kept, as browsers do.
# Matches '\n\t ' ; must not match '\u3000'.
HTML_SPACE = regex.compile(r"[ \t\n\r\f]+")

_SNIFF_BYTES = 4096  # browsers look for <meta charset> in the first 1024 bytes; pages pad their heads
_GB_LABELS = frozenset({"gb2312", "gbk", "x-gbk", "gb_2312", "gb_2312-80", "chinese", "csgb2312", "gb18030"})
_DROP = frozenset({
    "script", "style", "noscript", "template", "nav", "aside", "form", "footer",
    "iframe", "svg", "button", "select", "textarea", "head",
})
_BLOCK = frozenset({
    "address", "article", "blockquote", "caption", "center", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul", "body", "html",
})
_HEADER_KEEPERS = frozenset({"article", "main"})


def _codec_for_label(label: str) -> str | None:
    """Python codec for a declared charset label, None if unknown."""
    label = label.strip().lower()
    if label in _GB_LABELS:
        return "gb18030"  # the superset; pages labelled GB2312 routinely use GBK characters
    if label in ("big5", "big5-hkscs", "cn-big5", "x-x-big5"):
        return "big5hkscs"
    if label in ("iso-8859-1", "latin1", "us-ascii", "ascii"):
        return "cp1252"  # what browsers decode these labels as
    if label.startswith(("utf-16", "utf-32", "ucs-2")):
        return "utf-8"  # a <meta> readable as ASCII cannot be UTF-16; browsers read UTF-8
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_html(data: bytes, path: str | Path) -> tuple[str, str]:
    """Decode an HTML file's bytes to (source, codec)."""
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        match = META_CHARSET.search(data[:_SNIFF_BYTES])
        codec = _codec_for_label(match.group(1).decode("ascii")) if match else None
        if codec is not None:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                pass  # a wrong declaration is common; fall back to detection
    return decode_bytes(data, path)


def _collapse(raw: str) -> str:
    """Browser-style whitespace collapsing of one block's inline text, stripped."""
    return HTML_SPACE.sub(" ", CJK_SEGMENT_BREAK.sub("", raw)).strip()


def html_to_lines(node, keep_headers: bool = False) -> list[str]:
    """Plain-text lines of a node's content: one per block, chrome dropped, stripped, non-empty."""
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        line = _collapse("".join(buffer))
        buffer.clear()
        if line:
            lines.append(line)

    # Iterative walk (deeply nested pages would exhaust recursion): (node, closing, keep_headers, in_pre).
    stack: list[tuple[object, bool, bool, bool]] = [(node, False, keep_headers, False)]
    while stack:
        current, closing, keep, in_pre = stack.pop()
        if closing:
            flush()
            continue
        if current.is_text_node:
            text = current.text_content or ""
            if in_pre:  # preformatted: every source line is a line
                parts = text.split("\n")
                for i, part in enumerate(parts):
                    if i:
                        flush()
                    buffer.append(part)
            else:
                buffer.append(text)
            continue
        tag = current.tag
        if not current.is_element_node or tag in _DROP or (tag == "header" and not keep):
            continue
        if tag == "br":
            flush()
            continue
        if tag in _BLOCK:
            flush()
            stack.append((current, True, keep, in_pre))
        child_keep = keep or tag in _HEADER_KEEPERS
        child_pre = in_pre or tag == "pre"
        children = list(current.iter(include_text=True))
        for child in reversed(children):
            stack.append((child, False, child_keep, child_pre))
    flush()
    return lines


def _main_content(tree) -> list[str]:
    """Lines of the content root chosen as the module docstring describes."""
    best: list[str] = []
    for article in tree.css("article"):
        lines = html_to_lines(article, keep_headers=True)
        if sum(map(len, lines)) > sum(map(len, best)):
            best = lines
    main = tree.css_first('main, [role="main"]')
    if main is not None:
        main_lines = html_to_lines(main, keep_headers=True)
        if sum(map(len, best)) * 2 < sum(map(len, main_lines)):
            best = main_lines
    if best:
        return best
    root = tree.body if tree.body is not None else tree.root
    return html_to_lines(root) if root is not None else []


def read_html(path: Path) -> tuple[str, str]:
    """Main-content text of an .html/.htm file and the codec its bytes were decoded with."""
    from selectolax.lexbor import LexborHTMLParser, SelectolaxError  # only needed for HTML files

    source, codec = decode_html(path.read_bytes(), path)
    try:
        tree = LexborHTMLParser(source)
    except SelectolaxError as exc:  # lexbor parses any input; this is an allocation failure
        raise UnreadableFile(path, f"not parseable as HTML ({exc})") from exc
    return "\n".join(_main_content(tree)), codec
