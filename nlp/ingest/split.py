"""Split a normalized document into articles; drop site boilerplate; keep every other character.

Article starts are found three ways, each a pattern of web compilations:
  numbered titles on their own line (`…篇三`, `第2篇`);
  a title series run into the text (`…工作计划1` … `…工作计划4`, even inside one line);
  repeated bare titles in a compilation (`县总工会工作计划`, `区总工会综治工作计划`).
What precedes the first article of a compilation is the page's own front matter.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..model import LineMark
from ..text.enumerators import LINE_START_MARKER
from .boilerplate import BoilerplatePatterns, furniture_flags, patterns
from .furniture import code_blocks, front_matter, inner_signatures, quoted_notes, signature_before
from .notice import NOTICE_TITLE as NOTICE_TITLE_LINE
from .notice import attachment_lists, attachments, handed_on_name, is_notice_title

# A numbered article title line: "工会工作计划与总结篇三", "社区工作计划 篇1", "第2篇",
# "学校工会计划范文3", "社区工作计划一", "工会工作总结（二）", "【篇一】社区工作计划", "范文2：…计划",
# "第3篇：…总结"; not "本篇一般…" (a sentence: too
# long, or punctuated), not "二、工作计划" (an outline item).
NUMBERED_TITLE = regex.compile(
    r"^(?:[^\s，,。；;：:！!？?]{0,40}[ \t\u3000]?篇[一二三四五六七八九十]{1,3}"
    r"|[^\s，,。；;：:！!？?]{2,40}[ \t\u3000]?篇\d{1,2}"
    r"|第[\d一二三四五六七八九十]{1,3}篇(?:[:：\s]\s*[^\s，,。；;！!？?]{2,40})?"
    r"|[【\[]?(?:篇|范文|范例|样本)\s?(?:[一二三四五六七八九十]{1,3}|\d{1,2})[】\]]?"
    r"(?:[:：\s]?\s*[^\s，,。；;！!？?、]{2,40})?"
    r"|[^\s，,。；;：:！!？?、]{2,40}(?:计划|总结|方案|要点|范文|范例|样本|模板)[ \t\u3000]?"
    r"(?:[一二三四五六七八九十]{1,3}|[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[)）]|\d{1,2}))$"
)
TITLE_NUMBER_END = frozenset("一二三四五六七八九十)）0123456789")
SAMPLE_WORDS = ("范文", "范例", "样本")
# The noun that ends a plan title, followed by the series number: "…工作计划1", "…总结2",
# "…计划范文2"; not "计划12项" (the digits are a count: the series check needs 1, 2, … in order).
SERIES_NOUN = regex.compile(r"(?:计划|总结|方案|要点|规划|安排|范文|范例|样本|模板)(?=[1-9])")
# Where a run-in title's left context stops: a sentence end or a line break.
LEFT_STOP = regex.compile(r"[。！？!?；;\n]")
# A bare plan title line: "县总工会工作计划", "2021年度工会工作总结"; not "主要工作如下：".
BARE_TITLE = regex.compile(r"^[^\s，,。；;：:！!？?、“”\"]{2,28}(?:计划|总结|要点|规划|方案)$")
# A plan title glued to its body on one line: "新桥镇总工会2025年工作计划2025年，镇总工会将…";
# it names an organisation or a year, and does not open like a sentence ("为了做好工作计划，…").
GLUED_TITLE = regex.compile(
    r"^(?!为了|为|根据|按照|在|以|我们|今年|本着)"
    r"(?=[^，,。；;：:！!？?\s]{0,30}(?:工会|学校|医院|公司|委员会|街道|社区|年|学期))"
    r"[^，,。；;：:！!？?\s“”\"]{4,36}?(?:工作)?(?:计划|总结|要点|规划|方案)(?=[^，,。；;：:！!？?\s])"
)
# A bare title that names an organisation: "区总工会综治工作计划", "第一中学工会工作总结";
# not "实施方案", "活动计划" (section titles inside one plan).
ORG_TITLE = regex.compile(r"工会|学校|[小中大]学|幼儿园|医院|公司|集团|企业|街道|社区|委员会|局|镇|县|区|市")
# A long title line of a government document: "某某市推进…三年行动计划（2024—2026年）"; it ends in
# a document noun (and perhaps a bracketed period), with no clause punctuation; not "…，特制定本计划。".
LONG_TITLE = regex.compile(
    r"^[^，,。；;！!？?：:\s]{10,80}(?:计划|方案|要点|规划|意见|办法|总结|报告|纲要|细则|通知)"
    r"(?:[（(][^（()）]{2,20}[)）])?$"
)
# A teaser list: at least this many title lines of at most this length, none ending a sentence
# ("…。") nor opening an outline item.
MIN_TEASERS = 2
MAX_TEASER = 40
# TEASER_STOP: the end of a sentence or a label. Matches "。" in "…活动。"; must not match "计划".
TEASER_STOP = regex.compile(r"[。；;！!？?：:]$")
# How many first lines of a document are its head, where bylines stand.
HEAD_LINES = 8
# A line that names a document by its kind: "…工作计划", "…实施方案（2024—2026年）"; not "引言".
DOCUMENT_NOUN_END = regex.compile(r"(?:计划|总结|方案|要点|规划|意见|办法|报告|纲要|细则|通知|安排)(?:[（(][^（()）]{2,20}[)）])?$")
# A bracketed period after a document title: "（2026—2028年）", "(试行)"; not "（一）" inside a line.
PERIOD_SUFFIX = regex.compile(r"\s*[（(][^（()）]{2,20}[)）]$")
MAX_DOCUMENT_TITLE = 80
# CLAUSE_PUNCT: punctuation inside a sentence, never in a title. Matches "，"; must not match "《".
CLAUSE_PUNCT = regex.compile(r"[，,。；;！!？?]")
# Characters one spelling of a title may add to another and still be the same title.
MAX_TITLE_EXTRA = 8
MIN_SERIES_STEM = 4
MAX_SERIES_STEM = 30
# Paired marks a title may hold but never end inside: "《X方案》和《Y计划》", "（2024—2026年）".
PAIRS = (("《", "》"), ("“", "”"), ("（", "）"), ("(", ")"))


@dataclass(frozen=True)
class TitleSpan:
    """An article title found in the normalized document."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ArticleSpan:
    """One article: its title and the normalized ranges that make up its body."""

    title: TitleSpan | None
    body: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class SplitResult:
    """Articles, the document title, and every dropped normalized range with its reason."""

    title: str | None
    articles: tuple[ArticleSpan, ...]
    dropped: tuple[tuple[int, int, str], ...]


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for piece in text.split("\n"):
        end = pos + len(piece)
        if piece.strip():
            out.append((pos, end))
        pos = end + 1
    return out


def _series_titles(text: str, limit: int) -> list[TitleSpan]:
    """Titles of a run-in series `<stem>1` … `<stem>k` (k ≥ 2) with one common stem."""
    candidates = []
    for m in SERIES_NOUN.finditer(text, 0, limit):
        stop = None
        for s in LEFT_STOP.finditer(text, max(0, m.start() - MAX_SERIES_STEM), m.start()):
            stop = s
        left_start = stop.end() if stop else max(0, m.start() - MAX_SERIES_STEM)
        candidates.append((left_start, m.end()))
    best: list[TitleSpan] = []
    for i, (ls, ne) in enumerate(candidates):
        if not text.startswith("1", ne):
            continue
        stem = text[ls:ne]
        chain = [(ne, stem)]
        for ls2, ne2 in candidates[i + 1:]:
            number = str(len(chain) + 1)
            if not text.startswith(number, ne2):
                continue
            left = text[ls2:ne2]
            k = 0
            while k < min(len(stem), len(left)) and stem[-1 - k] == left[-1 - k]:
                k += 1
            if k >= MIN_SERIES_STEM:
                stem = stem[len(stem) - k:]
                chain.append((ne2, stem))
        if len(chain) >= 2 and len(chain) > len(best):
            best = [
                TitleSpan(end - len(stem), end + len(str(n)), text[end - len(stem): end + len(str(n))])
                for n, (end, _) in enumerate(chain, 1)
            ]
    return best


def _numbered_titles(text: str, lines: list[tuple[int, int]]) -> list[TitleSpan]:
    # Every branch of NUMBERED_TITLE holds "篇" or ends in a number: a cheap test skips most lines.
    return [TitleSpan(s, e, line) for s, e in lines
            if ("篇" in (line := text[s:e]) or line[-1] in TITLE_NUMBER_END or line.lstrip("【[").startswith(SAMPLE_WORDS))
            and NUMBERED_TITLE.match(line)]


def _bare_titles(text: str, lines: list[tuple[int, int]], noun: str | None) -> list[TitleSpan]:
    found = []
    for s, e in lines:
        line = text[s:e]
        if BARE_TITLE.match(line) and not LINE_START_MARKER.match(line) and (noun is None or line.endswith(noun)):
            found.append(TitleSpan(s, e, line))
    return found


def _title_noun(title: str | None) -> str | None:
    """The genre noun a compilation's article titles end with ("街道工会年度计划(精选9篇)" → "计划")."""
    if not title:
        return None
    m = regex.search(r"(计划|总结|要点|规划|方案)", title)
    return m.group(1) if m else None


def split_articles(text: str, source_name: str = "", bp: BoilerplatePatterns | None = None,
                   marks: Sequence[LineMark] = ()) -> SplitResult:
    """Find the articles of a normalized document and what was dropped as boilerplate.

    `marks` are the markdown marks of the text's lines (a `####` first line is a section).
    """
    bp = bp or patterns()
    lines = _lines(text)
    dropped: list[tuple[int, int, str]] = []
    limit = len(text)
    for k, (s, e) in enumerate(lines):
        if bp.starts_tail(text[s:e]) and not _outline_continues(text, lines[k + 1:]):
            dropped.append((s, len(text), "recommendation block"))
            limit = s
            break
    lines = [(s, e) for s, e in lines if e <= limit]
    front_title = None
    if front := front_matter(text):
        dropped.append((0, front.end, "front matter"))
        lines = [(s, e) for s, e in lines if s >= front.end]
        if front.title:
            front_title = TitleSpan(*front.title, text[front.title[0]:front.title[1]])
    furniture = [(s, e, "quoted note") for s, e in quoted_notes(lines, {m.start for m in marks if m.kind == "quote"})]
    furniture += [(s, e, "teaser list") for s, e in _teaser_lists(text, lines, bp)]
    furniture += [(s, e, "code block") for s, e in code_blocks(text, lines)]
    furniture += [(s, e, "attachment list") for s, e in attachment_lists(text, lines)]
    if furniture:
        dropped.extend(furniture)
        lines = [(s, e) for s, e in lines if not any(fs <= s and e <= fe for fs, fe, _ in furniture)]

    doc_title = None
    if lines and bp.is_compilation_title(text[lines[0][0]:lines[0][1]]):
        doc_title = text[lines[0][0]:lines[0][1]]
    kept_lines = []
    furniture_at = furniture_flags([text[s:e] for s, e in lines], bp, HEAD_LINES)
    for k, (s, e) in enumerate(lines):
        line = text[s:e]
        if furniture_at[k]:
            dropped.append((s, e, "page furniture"))
        elif bp.is_compilation_title(line):
            dropped.append((s, e, "compilation title"))
        else:
            kept_lines.append((s, e))

    atts = attachments(text, kept_lines)
    numbered = _numbered_titles(text, kept_lines)
    titles = numbered
    if atts:
        titles = []  # a notice with attachments: the plan and each attachment, not a compilation
    if len(titles) < 2 and not atts:
        titles = _series_titles(text, limit)
    if len(titles) < 2 and not atts:
        bare = _bare_titles(text, kept_lines, _title_noun(doc_title))
        repeated = len({t.text for t in bare}) < len(bare)
        if doc_title or repeated:
            titles = bare
        else:
            # Plans pasted one after another without a page title: each keeps its own title line.
            named = [t for t in bare if ORG_TITLE.search(t.text)]
            merged = sorted({(t.start, t.end): t for t in numbered + named}.values(), key=lambda t: t.start)
            if len(named) >= 2 or (numbered and named):
                titles = merged
    compilation = not atts and (len(titles) >= 2 or (doc_title is not None and len(titles) == 1))

    if not compilation:
        main_end = atts[0].label[0] if atts else limit
        main_lines = [(s, e) for s, e in kept_lines if e <= main_end]
        title, body_start, furniture = _single_title(text, main_lines, front_title, marks)
        dropped.extend(furniture)
        spans = [(title, body_start, main_end)]
        for k, att in enumerate(atts):
            end = atts[k + 1].label[0] if k + 1 < len(atts) else limit
            dropped.append((att.label[0], att.label[1], "attachment label"))
            spans.append((TitleSpan(*att.title, text[att.title[0]:att.title[1]]), att.body_start, end))
    else:
        if titles[0].start > 0:
            dropped.append((0, titles[0].start, "compilation preamble"))
        spans = [
            (t, t.end, titles[i + 1].start if i + 1 < len(titles) else limit)
            for i, t in enumerate(titles)
        ]
    line_starts = [s for s, _e in kept_lines]
    # Edge furniture (bylines, teaser items, footers) at the head or tail of each article of a
    # compilation, which the document-wide pass saw in the middle of the text.
    edge_dropped = set()
    for _title, start, end in spans:
        body_lines = kept_lines[bisect_left(line_starts, start):bisect_left(line_starts, end)]
        flags = furniture_flags([text[s:e] for s, e in body_lines], bp, 0)
        edge_dropped.update(ln for ln, flag in zip(body_lines, flags) if flag)
    if edge_dropped:
        dropped.extend((s, e, "page furniture") for s, e in sorted(edge_dropped))
        kept_lines = [ln for ln in kept_lines if ln not in edge_dropped]
        line_starts = [s for s, _e in kept_lines]
    signed = set(inner_signatures(text, kept_lines))
    for _title, start, end in spans:  # a signature block closes an article
        body_lines = kept_lines[bisect_left(line_starts, start):bisect_left(line_starts, end)]
        signed.update(signature_before(text, body_lines, len(body_lines)))
    dropped.extend((s, e, "signature") for s, e in sorted(signed))

    drops_sorted = sorted(dropped)
    articles = []
    for title, start, end in spans:
        ranges = _subtract(start, end, drops_sorted)
        ranges, blurbs = _drop_blurbs(text, ranges, bp)
        dropped.extend(blurbs)
        articles.append(ArticleSpan(title, tuple(ranges)))
    return SplitResult(doc_title, tuple(articles), tuple(sorted(dropped)))


def _outline_continues(text: str, after: list[tuple[int, int]]) -> bool:
    """True when an outline item with a sentence follows: a label such as "相关资料" is then a line
    of the plan, not a recommendation block (whose teasers are titles and excerpts, never items)."""
    for s, e in after:
        line = text[s:e]
        if LINE_START_MARKER.match(line) and (len(line) > MAX_TEASER or CLAUSE_PUNCT.search(line)):
            return True
    return False


def _teaser_lists(text: str, lines: list[tuple[int, int]], bp: BoilerplatePatterns) -> list[tuple[int, int]]:
    """A teaser label ("推荐阅读") with the run of short title lines under it (two or more)."""
    out = []
    for k, (s, e) in enumerate(lines):
        if not bp.opens_teasers(text[s:e]):
            continue
        n = k + 1
        while n < len(lines) and _teaser_like(text[lines[n][0]:lines[n][1]]):
            n += 1
        if n - k - 1 >= MIN_TEASERS:
            out.append((s, lines[n - 1][1]))
    return out


def _teaser_like(line: str) -> bool:
    """A short title line of another page: "社区工作计划范文", "· 学校工会总结（3篇）".

    Not a book title ("《平凡的世界》"): a reading plan's own list of recommended books.
    """
    return (len(line) <= MAX_TEASER and not TEASER_STOP.search(line) and not LINE_START_MARKER.match(line)
            and not line.startswith("《"))


def _single_title(text: str, lines: list[tuple[int, int]], front_title: TitleSpan | None,
                  marks: Sequence[LineMark]) -> tuple[TitleSpan | None, int, list[tuple[int, int, str]]]:
    """Title, body start and furniture of a document that holds one article (and its notice)."""
    furniture: list[tuple[int, int, str]] = []
    first = lines[0] if lines else None
    title = front_title
    if title is not None:
        body_start = first[0] if first else title.end
        line = text[first[0]:first[1]] if first else ""
        if first and not LINE_START_MARKER.match(line) and (_is_top_heading(first[0], marks)
                                                            or _same_title(line, title.text)):
            furniture.append((first[0], first[1], "title repeated"))
            body_start = first[1]
    elif first is None:
        return None, 0, furniture
    else:
        title = _first_line_title(text, first, marks)
        if title is not None and title.end == first[1] and len(lines) > 1:
            title = _wrapped_title(text, title, lines[1], marks)
        body_start = title.end if title else 0
    if title is not None:
        furniture += _notice_furniture(text, [ln for ln in lines if ln[0] >= body_start], title.text)
    return title, body_start, furniture


def _first_line_title(text: str, first: tuple[int, int], marks: Sequence[LineMark]) -> TitleSpan | None:
    line = text[first[0]:first[1]]
    heading = _heading_depths(marks)
    if first[0] in heading:
        if not _is_top_heading(first[0], marks) and not DOCUMENT_NOUN_END.search(line):
            return None  # "#### 引言" beside other "####" headings: a section, not the title
        if not regex.search(r"[。；;！!？?]$", line) and not LINE_START_MARKER.match(line):
            return TitleSpan(first[0], first[1], line)  # a top heading is the title at any length
    if len(line) <= 40 and not regex.search(r"[。；;！!？?]$", line) and not LINE_START_MARKER.match(line):
        return TitleSpan(first[0], first[1], line)
    # Whole-line title shapes first: a glued-title cut inside a long notice title would split it.
    if NOTICE_TITLE_LINE.match(line) or LONG_TITLE.match(line):
        return TitleSpan(first[0], first[1], line)
    if (glued := GLUED_TITLE.match(line)) and not _open_pair(glued.group()):
        return TitleSpan(first[0], first[0] + glued.end(), glued.group())
    return None


def _open_pair(s: str) -> bool:
    """True when `s` leaves a 《》, “” or （） pair open: a title never ends inside one."""
    return any(s.count(a) > s.count(b) for a, b in PAIRS)


def _wrapped_title(text: str, title: TitleSpan, second: tuple[int, int], marks: Sequence[LineMark]) -> TitleSpan:
    """The title with its second line when a long title was wrapped in two ("…基层工会" + "…实施方案")."""
    line = text[second[0]:second[1]]
    if (DOCUMENT_NOUN_END.search(title.text) or not DOCUMENT_NOUN_END.search(line) or len(line) > 40
            or CLAUSE_PUNCT.search(title.text + line) or LINE_START_MARKER.match(line)
            or second[0] in _heading_depths(marks)):
        return title
    return TitleSpan(title.start, second[1], text[title.start:second[1]])


def _heading_depths(marks: Sequence[LineMark]) -> dict[int, int]:
    """Line start → markdown heading depth ("##" → 2; a "===" underline 1, "---" 2)."""
    out = {}
    for m in marks:
        if m.kind == "heading":
            raw = m.raw.strip()
            out[m.start] = 1 if raw.startswith("=") else 2 if raw.startswith("-") else len(raw)
    return out


def _is_top_heading(start: int, marks: Sequence[LineMark]) -> bool:
    """True when the heading at `start` is shallower than every other heading of the document."""
    depths = _heading_depths(marks)
    if start not in depths:
        return False
    mine = depths[start]
    return all(d > mine for at, d in depths.items() if at != start)


def _same_title(line: str, title: str) -> bool:
    strip = lambda t: regex.sub(r"[\p{P}\s]", "", t)  # noqa: E731 - compare without punctuation
    a, b = strip(line), strip(title)
    # The same name, or one holding the other with a few characters more (a year, "的通知").
    return bool(a) and (a == b or (len(a) >= 6 and (a in b or b in a) and abs(len(a) - len(b)) <= MAX_TITLE_EXTRA))


def _notice_furniture(text: str, lines: list[tuple[int, int]], title: str) -> list[tuple[int, int, str]]:
    """In a notice, the signature and the handed-on plan's own title line before the plan.

    The plan is the notice's article body (its title is the document's title): the plan's title
    line is neither a heading nor a new article. It is the line naming the handed-on document (a
    bracketed period such as "（2026—2028年）" may follow), or a document-title line right after the
    notice's signature; it comes before the plan's outline starts.
    """
    if not is_notice_title(title):
        return []
    name = handed_on_name(title)
    for k, (s, e) in enumerate(lines):
        line = text[s:e]
        if LINE_START_MARKER.match(line):
            break  # the outline has begun: the plan's title line, if any, came before
        signature = signature_before(text, lines, k)
        # A long plan title may be wrapped over two lines ("…劳动者入会" + "和服务工作…实施方案").
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        wrapped = (nxt is not None and not DOCUMENT_NOUN_END.search(line) and not CLAUSE_PUNCT.search(line)
                   and not LINE_START_MARKER.match(text[nxt[0]:nxt[1]]))
        for candidate, end in ((line, e), *(((line + text[nxt[0]:nxt[1]], nxt[1]),) if wrapped else ())):
            if _names_plan(candidate, name, title) or (signature and _is_document_title(candidate)):
                spans = [(s, e)] if end == e else [(s, e), nxt]
                return [*((a, b, "title repeated") for a, b in spans), *((a, b, "signature") for a, b in signature)]
    return []


def _names_plan(line: str, name: str | None, title: str) -> bool:
    """True when `line` names the handed-on document (or repeats the notice title when none is named)."""
    if not name:
        return _same_title(line, title)
    return _same_title(line, name) or _same_title(PERIOD_SUFFIX.sub("", line), name)


def _is_document_title(line: str) -> bool:
    """A line naming a document: "某区职工疗休养实施方案（2026—2028年）"; not "请认真执行。"."""
    return (len(line) <= MAX_DOCUMENT_TITLE and bool(DOCUMENT_NOUN_END.search(line))
            and not CLAUSE_PUNCT.search(line) and not LINE_START_MARKER.match(line))


def _subtract(start: int, end: int, drops: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    ranges, pos = [], start
    for ds, de, _ in drops:
        if de <= pos or ds >= end:
            continue
        if ds > pos:
            ranges.append((pos, ds))
        pos = max(pos, de)
    if pos < end:
        ranges.append((pos, end))
    return ranges


def _drop_blurbs(text, ranges, bp):
    """Remove the site's blurb paragraphs (`下面是小编…`) from an article's ranges."""
    out, dropped = [], []
    for rs, re_ in ranges:
        pos = rs
        for ls, le in _lines(text[rs:re_]):
            ls, le = ls + rs, le + rs
            cut = bp.blurb_end(text[ls:le])
            if cut:
                if ls > pos:
                    out.append((pos, ls))
                dropped.append((ls, ls + cut, "site blurb"))
                pos = ls + cut
        if pos < re_:
            out.append((pos, re_))
    return out, dropped
