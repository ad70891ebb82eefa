"""Lines of a web page's furniture that sit inside the article block, found by their shape.

Many Chinese CMS templates put the byline bar (`作者：… 文章来源：… 点击数：… 更新时间：…`),
the previous/next links, a share or print bar, the breadcrumb and a `推荐阅读` list inside the
same <div> as the article, where no main-content extractor can tell them apart from it.
Each shape below is a whole line that a plan never prints as its own line.
"""

from __future__ import annotations

import regex

_MAX_CHROME_CHARS = 100  # furniture lines are short; a long line is body text that mentions them

# A label of a page's byline/counter bar followed by a colon. Matches '点击数：', '文章来源:',
# '更新时间：', '浏览次数：'; must not match '来源于职工' or '作者简介' (no colon).
BYLINE_FIELD = regex.compile(
    r"(?:点击数|点击量|点击率|点击|浏览次数|浏览量|浏览|阅读次数|阅读量|阅读数|阅读|人气|访问量|文章来源|信息来源"
    r"|稿件来源|来源|作者|发布时间|更新时间|发布日期|更新日期|发表时间|添加时间|录入时间|录入|责任编辑|编辑|审核"
    r"|发布者|发布人|发布单位|字号|字体)\s*[：:]"
)

# Labels that only a web page's bar prints, enough on their own. Matches '点击数：', '文章来源：';
# must not match '来源：' or '作者：' (a document's own byline, left to the boilerplate stage).
WEB_ONLY_FIELD = regex.compile(
    r"(?:点击数|点击量|点击率|浏览次数|浏览量|阅读次数|阅读量|人气|访问量|文章来源|信息来源|稿件来源|责任编辑"
    r"|更新时间|添加时间|录入时间|录入)\s*[：:]"
)

# Site navigation and tool bars. Matches '当前位置：首页 > 工会', '上一篇：…', '今天是2024年…',
# '分享到：', '【打印】【关闭】', '打印本页 关闭窗口', '返回顶部'; must not match '上一年度工作回顾'
# or '今天是全国助残日，…' (a date widget starts with a date, not a sentence).
NAVIGATION_LINE = regex.compile(
    r"^\s*(?:(?:当前位置|您的位置|你的位置|所在位置|您现在的位置|上一篇|下一篇|上一条|下一条|上一页|下一页"
    r"|分享到|相关标签|关键词|关键字|标签)\s*[：:]|今天是[：:]?\s*(?:\d{4}\s*[年/.-]|星期|周[一二三四五六日]|农历|公元)|返回顶部|返回首页|打印本页|关闭窗口|(?:【[^】]{1,12}】\s*){2,}$)"
)

# Footer lines: ICP licence, public-security filing, copyright. Matches '浙ICP备12345678号-1',
# '京公网安备 11010502030000号', '版权所有：某某学校', 'Copyright © 2024'; must not match '知识产权保护'.
FOOTER_LINE = regex.compile(r"ICP[备证]|公网安备|版权所有|Copyright|©|技术支持[：:]", regex.IGNORECASE)

# The heading of a teaser list. Matches '推荐阅读', '相关文章：', '猜你喜欢', '热门范文'; must not
# match '推荐先进典型' or '相关工作'.
TEASER_HEADING = regex.compile(
    r"^\s*(?:(?:相关|推荐|热门|最新|延伸|更多|精彩|热点|同类)(?:阅读|文章|推荐|范文|资讯|链接|内容|专题|新闻|信息|主题)"
    r"|猜你喜欢|你可能(?:还)?(?:喜欢|感兴趣)(?:的)?(?:文章)?|相关范文推荐|看了本文的还看了)\s*[：:]?\s*$"
)

# A sentence end, which the title lines of a teaser list do not have. Matches '。' or '；'.
SENTENCE_END = regex.compile(r"[。！？；!?;]")

# An outline enumerator opening a line: the article goes on, the teaser list has ended.
# Matches '二、', '（三）', '4.'; must not match '2024年' or '三八节'.
OUTLINE_START = regex.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[、.．](?!\d))")

_MAX_TEASER_CHARS = 40  # a teaser link is one title

# A linked title followed by its posting date, as sidebars and "latest articles" lists print
# them. Matches '教工篮球赛圆满结束2010-06-24', '区政府常务会议纪要 [2011/12/20]',
# '三八节慰问女教职工 2010年03月08日'; must not match '2024年3月5日' (a signature date alone) or
# '召开职代会。2024-03-05' (a sentence ends before it).
DATED_LINK = regex.compile(
    r"^[^。！？；;]{2,40}?\s*[\[【（(]?(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{2}月\d{2}日)[\]】）)]?$"
)


def is_page_chrome(line: str) -> bool:
    """Whether a single line is page furniture (byline bar, navigation, footer)."""
    if len(line) > _MAX_CHROME_CHARS:
        return False
    if NAVIGATION_LINE.search(line) or FOOTER_LINE.search(line) or WEB_ONLY_FIELD.search(line):
        return True
    return len(BYLINE_FIELD.findall(line)) >= 2  # '作者：… 来源：…' together is a byline bar


def _dated_link_runs(lines: list[str]) -> set[int]:
    """Indexes of lines in runs of two or more dated links (a list of posts, not the article)."""
    found: set[int] = set()
    run: list[int] = []
    for i, line in enumerate([*lines, ""]):
        if DATED_LINK.search(line) and not SENTENCE_END.search(line):
            run.append(i)
            continue
        if len(run) >= 2:
            found.update(run)
        run = []
    return found


def drop_page_chrome(lines: list[str]) -> list[str]:
    """`lines` without furniture lines, teaser lists (their heading and link titles) and
    lists of dated links."""
    kept: list[str] = []
    in_teasers = False
    dated = _dated_link_runs(lines)
    for index, line in enumerate(lines):
        if index in dated:
            continue
        if TEASER_HEADING.search(line):
            in_teasers = True
            continue
        if in_teasers:
            if len(line) <= _MAX_TEASER_CHARS and not SENTENCE_END.search(line) and not OUTLINE_START.search(line):
                continue  # a linked title of the list
            in_teasers = False
        if not is_page_chrome(line):
            kept.append(line)
    return kept
