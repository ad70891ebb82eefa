"""PDF reader: the text layer page by page (pages joined by "\\n"), refusing unusable layers.

A PDF whose glyphs carry no Unicode mapping (CJK fonts without a ToUnicode map) comes out of
pdfminer as "(cid:123)" tokens; a scanned PDF has no text at all, or only a stamped page number
or fax header per page. Both raise NoTextLayer instead of passing garbage on, as does a layer
with more than 5 % "(cid:NN)" glyphs. The few "(cid:NN)" tokens of an otherwise readable layer
(a logo in a symbol font) become U+FFFD, one per unknown glyph.
"""

from __future__ import annotations

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


def _extract_pages(path: Path) -> list[str]:
    """Text of every page, in order."""
    import pdfplumber  # pdfplumber/pdfminer are only needed for .pdf files

    pages = []
    try:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                pages.append(page.extract_text() or "")
                page.close()  # drop the page's parsed objects; long PDFs otherwise pile them up
    except OSError:
        raise  # unreadable file (permissions, I/O): the caller reports it as such
    except Exception as exc:  # pdfminer raises many unrelated exception types on damaged files
        message = f"{type(exc).__name__}: {exc}".strip()
        if "password" in message.lower() or "encrypt" in message.lower():
            raise UnreadableFile(path, f"encrypted .pdf, a password is needed ({message})") from exc
        raise UnreadableFile(path, f"not a valid .pdf ({message})") from exc
    return pages


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
    text = "\n".join(pages)
    check_text_layer(text, len(pages), path)
    return CID_GLYPH.sub("\ufffd", text), None
