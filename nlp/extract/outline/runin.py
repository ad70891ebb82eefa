"""Run-in text: enumerators inside a line, taken when they continue or open a numbering
sequence at a consistent position (after a sentence end, a lead-in colon, or glued to the
previous item's text in a text that lost its line breaks)."""

from __future__ import annotations

import regex

from ...lang.enumerators import LINE_ONLY, MARKER, STRONG, marker_at
from ...lang.punct import CLOSERS, NOT_HAN, SENTENCE_END, TERMINATOR
from ...text.segment import get_segmenter
from .lines import UNNUMBERED, Item, Lines
from .words import headed, is_leadin

# Delimiters an enumerator may end with inside running text: "二、" "2." "(二)" but not "2。"
# or "一，" (there a full stop or comma after a number ends a clause: "共2。", "统一，").
INLINE_DELIM = regex.compile(r"[、.．)）]$|^[（(①-⑳⑴-⒇⒈-⒛]")
# Text may follow an in-line marker only if it starts with a word: matches "强", "“", "《", "a";
# must not match "，" or "2" (a number or punctuation after "1、" is a list of numbers).
WORD_START = regex.compile(r"[ \t\u3000]*[\p{Han}“‘\"《「『(（A-Za-z]")


# The end of an HTML tag leaked into the text, where a paragraph of the page opened: matches
# "255);\">", "<p>", "</span>", "<br/>"; must not match "→>" or ">" alone after a word.
MARKUP_END = regex.compile(r"(?:[\"'][ \t]*/?|<[A-Za-z/][A-Za-z0-9]*[ \t]*/?)>$")
RUNIN_SHARE = 0.5  # a line holding this share of the article's characters: its breaks were lost
CONFIRM_WINDOW = 64  # candidates looked at for the number 2 that confirms a list's number 1
LOOKBACK = 200  # characters looked back for the sentence a marker follows


def runin_lines(lines: Lines) -> set[int]:
    """Lines of run-in text: a line that holds most of its article (a text that lost its line
    breaks, GUIDELINES "Headings"). Enumerators inside any other line belong to a paragraph."""
    size = sum(e - s for s, e in lines.content)
    return {li for li, (s, e) in enumerate(lines.content)
            if e > s and e - s >= RUNIN_SHARE * size}


def inline_candidates(lines: Lines, line_items: list[Item]) -> list[Item]:
    """Enumerators inside a line, before any acceptance check."""
    text = lines.text
    heads = {it.line: it for it in line_items}
    out: list[Item] = []
    for li, (s, e) in enumerate(lines.content):
        p = heads[li].mend if li in heads else s
        while p < e:
            m = MARKER.search(text, p, e)
            if not m:
                break
            p = m.start() + 1
            found = marker_at(text, m.start(), e)
            if not found or found[1] in LINE_ONLY or m.start() == s:
                continue
            if not INLINE_DELIM.search(m.group()) or not WORD_START.match(text, found[0], e):
                continue
            out.append(Item(m.start(), found[0], found[1], found[2], li, False))
            p = found[0]
    return out


def _before(text: str, pos: int, ls: int) -> tuple[str, int]:
    """Where an in-line marker stands, from what precedes it: 'term' (after a sentence end),
    'colon', 'semi', 'comma', 'glued' (right after a word), 'markup' (after the end of an HTML
    tag left in the text, where a paragraph opened) or 'start' (line start)."""
    k = pos - 1
    while k >= ls and text[k] in CLOSERS:
        k -= 1
    if k < ls:
        return "start", ls
    ch = text[k]
    if ch == ">" and MARKUP_END.search(text, max(ls, k - 40), k + 1):
        return "markup", k
    for kind, chars in (("term", "。！!？?"), ("colon", "：:"), ("semi", "；;"), ("comma", "，,、")):
        if ch in chars:
            return kind, k
    return "glued", k


def accept(lines: Lines, line_items: list[Item], inline: list[Item]) -> list[Item]:
    """Line headings plus the in-line enumerators that continue or open a run-in outline.

    The principle: an in-line marker is a heading when its number fits the sequence of its
    style (it continues it: 二、 after 一、; it opens it: a 1 whose 2 follows at the same kind
    of position; it restarts it: a 1 of a style already met under the item just before) and
    it stands where headings stand (after a sentence end, or glued to the previous item's text
    in a text that lost its line breaks). Inside a clause (after "，" or "；") it never is.
    In a line of an article that kept its line breaks, only a marker continuing the sequence
    of the item that opens the line, after a sentence end, is taken ("(一)…。(二)…": one lost
    break); other enumerators there belong to the paragraph.
    Named special cases: a lead-in colon ("主要工作如下：一、…"), a bracketed first item right
    after its parent's title ("主要工作:(一)…"), a short title glued before the first marker
    ("…。工作方案一、…", `_inline_title`), a numeral that belongs to a word ("统一、").
    """
    text = lines.text
    runin = runin_lines(lines)
    cands = sorted(line_items + inline, key=lambda x: x.pos)
    accepted: list[Item] = []
    last: dict[str, Item] = {}  # the last accepted item of each style
    children: dict[str, set[str]] = {}  # style -> styles met right under one of its items
    for i, c in enumerate(cands):
        prev = accepted[-1] if accepted else None
        if c.at_line_start:
            accepted.append(c)
            _note(c, prev, last, children)
            continue
        ls = lines.spans[c.line][0]
        kind, k = _before(text, c.pos, ls)
        same_line = prev is not None and prev.line == c.line
        seq = c.style in last and last[c.style].number == c.number - 1
        opens = c.number == 1 and _confirmed(text, ls, c, cands, i + 1)
        restarts = (c.number == 1 and prev is not None and prev.style != c.style
                    and c.style in children.get(prev.style, ()))
        title_at = None
        if kind == "markup":
            ok = True  # "…;\">七、…": the marker opened a paragraph of the page (a line start)
        elif c.line not in runin:
            ok = kind == "term" and seq and last[c.style].line == c.line
        elif kind in ("term", "start"):
            ok = seq or opens or restarts
        elif kind == "colon":
            if same_line and not TERMINATOR.search(text, prev.mend, k):
                ok = seq or opens or (c.number == 1 and c.style in STRONG)  # "主要工作:(一)…"
            else:
                ok = is_leadin(text[_sentence_start(text, ls, k, SENTENCE_END):k]) and (seq or opens)
        elif kind == "glued":
            if c.style == "cn" and _numeral_in_word(text, c.pos, c.mend):
                ok = False  # "统一、规范", "之一、": the numeral belongs to a word
            elif c.number > 1:
                ok = seq and last[c.style].line == c.line
            elif same_line and not TERMINATOR.search(text, prev.mend, c.pos):
                ok = opens or c.style in STRONG  # "四、自身素质的提高1、提高…"
            else:
                title_at = _inline_title(text, _sentence_start(text, ls, c.pos, TERMINATOR), c.pos)
                ok = (title_at is not None and (opens or c.style in STRONG)) or (
                    c.style in ("cn", "pcn") and opens)
        else:
            ok = False  # after "，" or "；": an enumeration inside a sentence
        if not ok:
            continue
        if title_at is not None:
            accepted.append(Item(title_at, title_at, "title", 0, c.line, False))
        accepted.append(c)
        _note(c, prev, last, children)
    return accepted


def _note(c: Item, prev: Item | None, last: dict[str, Item], children: dict[str, set[str]]) -> None:
    """Record an accepted item: the last of its style, and its style as a child of the style
    of the item before it when it opens a list right under it."""
    if c.style in UNNUMBERED:
        return
    last[c.style] = c
    if prev is not None and prev.style != c.style and c.number == 1:
        children.setdefault(prev.style, set()).add(c.style)


def _confirmed(text: str, ls: int, c: Item, cands: list[Item], start: int) -> bool:
    """True when the next enumerator of c's style on its line is a number 2 after a sentence
    end or glued to text (c opens a run-in list), not "…：(1)…；(2)…" inside a sentence."""
    for d in cands[start:start + CONFIRM_WINDOW]:
        if d.line != c.line:
            return False
        if d.style == c.style:
            return d.number == 2 and _before(text, d.pos, ls)[0] in ("term", "colon", "glued")
    return False


def _sentence_start(text: str, ls: int, pos: int, ends: regex.Pattern) -> int:
    """Offset after the last of `ends` before `pos` on its line (or the line start)."""
    k = pos - 1
    ls = max(ls, pos - LOOKBACK)  # a lead-in or a glued title is short: no need to look further
    while k >= ls and not ends.match(text, k):
        k -= 1
    return k + 1


def _numeral_in_word(text: str, pos: int, mend: int) -> bool:
    """True when segmentation joins the numeral at `pos` to the word before it ("统一、")."""
    left = max(0, pos - 4)
    words = get_segmenter().tokens(text[left:mend])
    return any(s < pos - left < e for _, s, e in words)


def _inline_title(text: str, start: int, pos: int) -> int | None:
    """Start of a short title glued before an in-line marker ("…校庆。工作方案一、"), if any."""
    span = text[start:pos]
    if not 2 <= len(span) <= 10 or NOT_HAN.search(span) or is_leadin(span):
        return None
    return start if headed(span) else None

