"""HTML reader: the article of a web page as plain text, one line per block, site chrome dropped.

Main content: trafilatura (a library made for it) picks the article out of the page and
drops navigation, breadcrumbs, sidebars, teaser lists, comments and footers. Its tree is
turned into lines here: one per paragraph, heading, list item or quoted line; <br> breaks a
line; a table row is one line of its cells joined by " | " (a schedule row reads
`三月份 | 活动 | 负责人`). Lines of page furniture that sit inside the article block on
many sites (click counters, `文章来源：` bylines, previous/next links, ICP numbers, share
bars) and a trailing `推荐阅读`/`相关文章` list are dropped by their shape (`drop_page_chrome`).
The article title comes first: the page's own heading that agrees with its <title>/og:title
(never a site banner or a date widget), see nlp.ingest.html_title.

When trafilatura finds less than 250 characters (a short page), the fallback is the
structural reader below: content root the longest <article> (teaser lists are <article>s
too), unless a <main> holds more than twice its text; else <main> (or role="main"); else
<body>. Dropped wherever they are: script, style, noscript, template, nav, aside, form,
footer, iframe, svg, buttons, selects; outside <article>/<main> also containers classed as
chrome (`class="header"`, `id="sidebar"`, `breadcrumb`…). A <header> is dropped unless it
sits inside an <article> or <main>, where it holds the article's own title. Block elements
and table cells start new lines, except that a data-table row (no nested table, no cell
over 200 characters) is one line of its cells joined by " | ". Everywhere whitespace
collapses as a browser collapses it, and a line break between two CJK characters disappears
(CSS Text 3 segment break rule) so hard-wrapped Chinese source does not gain spaces. Lines
are stripped, empty ones dropped; the furniture filter and the title choice apply to both
paths. A single-file web archive (.mht) is read from its HTML part.

Bytes are decoded by a byte-order mark, else the charset declared in a <meta> tag (GB2312 and
GBK read as GB18030, as browsers do), else, or if the declared charset fails, by the .txt logic
(strict UTF-8, GB18030, then charset-normalizer).
"""

from __future__ import annotations

import codecs
from pathlib import Path

import regex

from nlp.errors import UnreadableFile
from nlp.ingest.html_chrome import drop_page_chrome
from nlp.ingest.html_title import SPACES, choose_title, looks_like_title, page_title, usable_title
from nlp.ingest.html_tree import collapse_spaces, extracted_lines, title_candidates
from nlp.ingest.txt import decode_bytes

# Charset declared in a <meta> tag, either form. Matches b'<meta charset="gbk">' and
# b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">';
# must not match b'<p>charset=gbk</p>'.
META_CHARSET = regex.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", regex.IGNORECASE
)

# Below this many characters trafilatura's choice is unreliable (its own threshold is 250):
# the structural reader takes short pages.
_MIN_EXTRACTED_CHARS = 250
# A class or id token of site chrome around the article, for the fallback reader outside
# <article>/<main>. Matches 'header', 'site-nav', 'sidebar', 'breadcrumb', 'footer', 'menu';
# must not match 'content', 'article-body' or 'navigation-free-text' (whole-token match only).
CHROME_CLASS = regex.compile(
    r"(?:site[_-]?)?(?:header|head|top|topbar|nav|navbar|menu|sidebar|side|aside|crumbs?|"
    r"breadcrumbs?|position|location|footer|foot|bottom|copyright|logo|banner|search|login|share|"
    r"related|recommend|hot|links?)(?:[_-]?(?:bar|box|wrap|nav|list|menu))?\d?"
)
_MAX_CELL_CHARS = 200  # a longer cell is a layout frame around paragraphs, not a data cell
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


def html_to_lines(node, keep_headers: bool = False) -> list[str]:
    """Plain-text lines of a node's content: one per block, chrome dropped, stripped, non-empty."""
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        line = collapse_spaces("".join(buffer))
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
        if not keep and _is_chrome_container(current):
            continue
        if tag == "br":
            flush()
            continue
        if tag == "tr":
            row = _row_line(current)
            if row is not None:
                flush()
                if row:
                    lines.append(row)
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


def _is_chrome_container(node) -> bool:
    """A <div>/<ul>/… outside the article whose class or id names site chrome (header, menu…)."""
    attrs = node.attributes
    marks = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower().split()
    return any(CHROME_CLASS.fullmatch(mark) for mark in marks)


def _row_line(row) -> str | None:
    """A data-table row as one line of its cells joined by " | "; None for a layout row (a cell
    holding a nested table or a long text), whose cells are read block by block instead."""
    cells = [child for child in row.iter() if child.tag in ("td", "th")]
    texts = []
    for cell in cells:
        if cell.css_first("table") is not None:
            return None
        text = collapse_spaces(cell.text(deep=True, separator=" "))
        if len(text) > _MAX_CELL_CHARS:
            return None
        if text:
            texts.append(text)
    return " | ".join(texts)


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
    """Article text of an .html/.htm file and the codec its bytes were decoded with."""
    source, codec = decode_html(path.read_bytes(), path)
    return html_text(source, path), codec


def read_mht(path: Path) -> tuple[str, str]:
    """Article text of a single-file web archive (.mht, often served as .doc): its HTML part."""
    import email
    import email.policy

    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            data = part.get_payload(decode=True) or b""
            label = part.get_content_charset()
            codec = _codec_for_label(label) if label else None
            if codec is not None:
                try:
                    return html_text(data.decode(codec), path), codec
                except UnicodeDecodeError:
                    pass  # a wrong declaration: detect as for any page
            source, codec = decode_html(data, path)
            return html_text(source, path), codec
    raise UnreadableFile(path, "a web archive (MHT) without an HTML part")


def html_text(source: str, path: Path) -> str:
    """Title and article lines of a decoded page (see the module docstring)."""
    from trafilatura.utils import load_html  # lxml and trafilatura: only needed for HTML files

    tree = load_html(source)
    found = _trafilatura_lines(tree) if tree is not None else None
    if found is None:
        lines, content_headings = _structural_lines(source, path), []
    else:
        lines, content_headings = found
    lines = drop_page_chrome(lines)
    if lines and tree is not None:
        headings, article_headings, page_titles, site_names = title_candidates(tree)
        # The article's own heading opening the text is its title (a heading of the extracted
        # article, or on the fallback path any usable <h1>-<h3> of the page).
        openers = content_headings[:1] if found is not None else headings
        if not any(usable_title(h) and _same_title(lines[0], h) for h in openers):
            title = choose_title(headings, page_titles, site_names, article_headings)
            if not title and not looks_like_title(lines[0]):
                title = page_title(page_titles, site_names)
            if title and not any(_same_title(title, line) for line in lines[:3]):
                lines.insert(0, title)
    return "\n".join(lines)


def _structural_lines(source: str, path: Path) -> list[str]:
    """Lines of the fallback reader (see the module docstring)."""
    from selectolax.lexbor import LexborHTMLParser, SelectolaxError  # only needed for HTML files

    try:
        tree = LexborHTMLParser(source)
    except SelectolaxError as exc:  # lexbor parses any input; this is an allocation failure
        raise UnreadableFile(path, f"not parseable as HTML ({exc})") from exc
    return _main_content(tree)


def _trafilatura_lines(tree) -> tuple[list[str], list[str]] | None:
    """(lines, headings) of the article trafilatura finds; None when it finds too little."""
    from trafilatura import bare_extraction

    # No metadata: trafilatura's date and author search costs seconds a page and its title
    # choice takes banners; the title is chosen by html_title instead.
    extracted = bare_extraction(
        tree, include_tables=True, include_comments=False, include_images=False,
        include_formatting=False, with_metadata=False, deduplicate=False, favor_precision=True,
    )
    body = getattr(extracted, "body", None)
    if body is None:
        return None
    lines, headings = extracted_lines(body)
    if sum(map(len, lines)) < _MIN_EXTRACTED_CHARS:
        return None  # trafilatura's own fallback for short pages runs all blocks into one line
    return lines, headings


def _same_title(title: str, line: str) -> bool:
    """Whether a content line already prints the title (spacing aside)."""
    return SPACES.sub("", title) == SPACES.sub("", line)
