"""The title of a web page's article: its own heading, never the site's banner or a widget.

Candidates, in order of trust: an <h1>…<h3> or title-classed element whose text agrees with
the page title (og:title, else <title>, each with the site name cut off); the one <h1>
inside <article>/<main>; the page title itself, unless the text opens with a line that
reads as its own title (short, no sentence end, no list marker): a bare <title> is often
a shortened or site-level name. (The reader asks only when the article does not open with
its own heading.) "Agrees" means one text contains
the other once spaces are ignored, so `<h1>` banners (`欢迎来到…网！ 登录 | 注册`) that share
nothing with the page title never win, and a page title padded with the column and site
names (`计划_工作计划_范文大全`) gives way to the printed heading.

Site names are cut from a page title by splitting it at the separators sites use (` - `,
`_`, `|`, `｜`, `—`, `–`, `·`; a bare `-` only when it does not join two digits, so
`2024-2025学年` stays whole) and keeping the longest part that does not look like a site
name (`…网`, `…网站`, `…门户`, `首页`, a domain, og:site_name): column names (`工作计划`,
`范文大全`) are shorter than the article title they follow.
"""

from __future__ import annotations

import regex

# Separators between a page title and the site/column names around it. Matches ' - ' in
# '工作计划 - 某某网', '_' or '｜'; must not match the '-' in '2024-2025学年'.
TITLE_SEPARATOR = regex.compile(r"\s+[-–—|·]\s+|[_|｜]|(?<!\d)[-–—](?!\d)|——")

# A part of a page title that names the site, not the article: a name ending in 网/网站/官网/
# 门户/首页, or a domain. Matches '某某范文网', '城南区教育门户', 'www.example.cn';
# must not match '工会工作计划范文大全' (column names like this are cut by length instead).
SITE_NAME = regex.compile(r"(?:网|网站|官网|门户|首页)$|^(?:www\.|https?://)|\.(?:com|cn|net|org)\b")

# Text of a banner, a login bar or a date widget: never a title. Matches '欢迎来到范文大全网！',
# '今天是：2024年3月5日 星期二', '登录 | 注册', '设为首页'; must not match '2024年工会工作计划' or
# '关于做好会员实名注册工作的实施方案'.
NOT_A_TITLE = regex.compile(
    r"欢迎(?:来到|访问|光临|您)|今天是|登录\s*[|｜/、]?\s*注册|设为首页|加入收藏|当前位置|\d{4}年\d{1,2}月\d{1,2}日\s*星期"
)

# Spaces of any width, ignored when comparing candidate titles. Matches ' ' or '\u3000'.
SPACES = regex.compile(r"\s+")

_MAX_TITLE_CHARS = 120  # longer "headings" are paragraphs in heading markup
_MAX_OWN_TITLE_CHARS = 50

# What a title line never has: a sentence end or a trailing colon, or an outline marker at its
# start. Matches '为做好工作，特制定本计划。', '一、总体要求', '现将有关事项通知如下：'; must not
# match '某某机械厂工会2025年工作计划'.
OWN_TITLE_BREAKER = regex.compile(r"[。！？；!?;]|[：:]\s*$|^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])")


def _squeeze(text: str) -> str:
    """Text without spaces, for comparing titles printed with different spacing."""
    return SPACES.sub("", text)


def clean_page_title(title: str, site_names: tuple[str, ...] = ()) -> str:
    """A <title>/og:title with the site and column names cut off; '' when nothing is left."""
    title = SPACES.sub(" ", title).strip()
    parts = [p.strip() for p in TITLE_SEPARATOR.split(title) if p and p.strip()]
    squeezed_sites = {_squeeze(s) for s in site_names if s}
    kept = [
        p for p in parts
        if not SITE_NAME.search(p) and _squeeze(p) not in squeezed_sites and not NOT_A_TITLE.search(p)
    ]
    if not kept:
        return ""
    return max(kept, key=len)  # the article title is the longest part; ties: the first


def _agrees(heading: str, title: str) -> bool:
    """Whether a heading and a page title name the same article (one contains the other)."""
    a, b = _squeeze(heading), _squeeze(title)
    return bool(a) and bool(b) and (a in b or b in a)


def usable_title(text: str) -> bool:
    """A candidate that can be a title: not empty, not too long, no banner or widget wording."""
    return 0 < len(text) <= _MAX_TITLE_CHARS and not NOT_A_TITLE.search(text)


def choose_title(
    headings: list[str],
    page_titles: list[str],
    site_names: tuple[str, ...] = (),
    article_headings: list[str] = (),
) -> str:
    """The article title the page marks as such: a heading agreeing with the page title, else
    the one <h1> of <article>/<main>; '' when there is none (see `page_title`).

    headings: texts of <h1>-<h3> and title-classed elements of the whole page;
    page_titles: og:title then <title> (raw); site_names: og:site_name values;
    article_headings: <h1> texts inside <article>/<main>.
    """
    cleaned = [c for c in (clean_page_title(t, site_names) for t in page_titles) if c]
    for title in cleaned:
        for heading in headings:
            heading = SPACES.sub(" ", heading).strip()
            if usable_title(heading) and _agrees(heading, title):
                # The printed heading, unless it only holds part of the title (a heading
                # '工作计划' inside the title '2024年工会工作计划').
                return heading if len(_squeeze(heading)) >= len(_squeeze(title)) else title
    marked = [h for h in (SPACES.sub(" ", h).strip() for h in article_headings) if usable_title(h)]
    if len(marked) == 1:
        return marked[0]  # the one <h1> the page marks as its article's
    return ""


def page_title(page_titles: list[str], site_names: tuple[str, ...] = ()) -> str:
    """The first usable page title (og:title, <title>) without the site name; '' if none."""
    for title in page_titles:
        cleaned = clean_page_title(title, site_names)
        if usable_title(cleaned):
            return cleaned
    return ""


def looks_like_title(line: str) -> bool:
    """Whether a text's first line reads as its own title: short, no sentence end, no list marker."""
    return 0 < len(line) <= _MAX_OWN_TITLE_CHARS and not OWN_TITLE_BREAKER.search(line)
