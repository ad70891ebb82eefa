"""Which quantities are targets: the look-alikes a reader would not put in a table of targets.

A quantity (quantities.py) is a target unless it is a date or duration, an ordinal
(第三届, 十五次党代会), a distributive or frequency (每一个, 每周一次), part of a slogan,
code or name (三个代表, 1+3+10, anything inside “…” or 《…》), a threshold that defines a
group (百人以上企业, 80岁以上老年人), an indefinite article or a self-description (作为一项
重要工作, 作为一名…, 上一节课, 有一次), people spoken of rather than counted (两位同志), a
count of ideas or of a list just named (感悟有两个, 三个类别, A、B和C三项赛事), holidays
counted (元旦、春节两节), a rate that parametrises the amount after it (20%为518327.42元),
or the site's own furniture (此处隐藏1695个字).
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..data import targets as target_data
from ..model import Article, Quantity
from .clauses import SpanIndex, Tokens, clause_span, sentence_start

# PUNCT_AFTER: what may follow a comparator for the quantity to be a count, not a threshold.
# Matches "，" "。" ")" and the end; must not match "企" of "百人以上企业".
_PUNCT_AFTER = regex.compile(r"[\p{P}\s]|$")
# THRESHOLD_TAIL: a comparator after the counted noun, before what it delimits.
# Matches "女职工以上的企业" after "10名"; must not match "以上," (a count's comparator).
_THRESHOLD_TAIL = regex.compile(r"[^\p{P}\s\d]{1,6}?(?:以上|以下)(?:的|[^\p{P}\s])")
# RATE_BEFORE_AMOUNT: a percent that sets the share of the amount after it.
# Matches "为518" after "20%"; must not match "以上" after "90%".
_RATE_BEFORE_AMOUNT = regex.compile(r"(?:为|即|计|是)\s*[\d零〇一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾]")
# BY_RATE: a percent that states a rule (按工资总额的2%计提), not a result to reach.
# Matches "按工资总额的" before "2%"; must not match "按时完成任务的" (按时 is "on time").
_BY_RATE = regex.compile(r"按(?!时|期)照?[^，,。；;按]{1,10}的$")
# HOLIDAY_NUMERAL: a numeral that names a holiday, a date in disguise. Matches "五一" of
# "五一节"; must not match "五" of "五节课".
_HOLIDAY_NUMERAL = regex.compile(r"(?:三八|五一|五四|六一|七一|八一|十一|九九)")
# RECURRENCE: a period that makes "一次" a frequency. Matches "每两周", "每个季度",
# "一月一次"; must not match "每人" (a share per person).
_RECURRENCE = regex.compile(
    r"每(?:[一两二三四五六七八九十\d]*个?)(?:周|星期|月|季度|季|年|学期|天|日|半年)"
    r"|[一二三四五六七八九十两\d]+个?(?:周|月|季度|学期)(?:一次|搞一次|开展一次|组织一次)"
)
# BOUND: a comparator that binds a count per period (每年不少于一次, 至少每季度…一次): then the
# count is a target. Matches "不少于", "至少"; must not match "少于" alone inside "减少于".
_BOUND = regex.compile(r"不少于|不得少于|不低于|至少|最少|不少於|至少要")
# DASH_AFTER: an enumerated slogan explained after a dash. Matches "环境——" after "四个"
# in "营造四个环境——…"; must not match "活动，" (no dash).
_DASH_AFTER = regex.compile(r"[^\p{P}\s]{0,6}(?:——|—|--)")
# PHRASE: the rest of a phrase, up to a comma-level stop (an enumeration with 、 stays in).
# Matches "学习型、知识型的队伍" after "一支"; must not run past "，".
_PHRASE = regex.compile(r"[^，,。；;：:！!？?\n]*")
# ONE_X_ONE_Y: a fixed distributive phrase "一X一Y" (one file per person, one plan per
# household). Matches "一人一档", "一户一策", "一企一品"; must not match "一人次", "一次两天"
# or "一次一天" (a time span after a count).
_ONE_X_ONE_Y = regex.compile(
    r"一[^\p{P}\s\d一二三四五六七八九十]一[^\p{P}\s\d一二三四五六七八九十天日周月年时]"
)
# CODE_JOIN: a number joined to others by + or × into a coded name (1+3+10工作体系, 3×3).
# Matches "+" "＋"; must not match "、" (a list of counts).
_CODE_JOIN = regex.compile(r"[+＋×]")
# DEMONSTRATIVE_BEFORE: a word that makes the 一 after it "the/that/previous one", or the
# verb 上 of 上一节课. Matches "上" of "上一节课", "这" of "这一次"; must not match "开" of
# "开一次会" (a count) nor the 上/下 ending a locative (线上一场讲座, 会上一次通报).
_DEMONSTRATIVE_BEFORE = regex.compile(r"(?:(?<![线网会晚早以之私乡天楼地台场馆])[上下]|[这那哪某同另])$")
# ANECDOTE_BEFORE: 有一次 opening a story (曾经有一次, 记得有一次). Matches "有" of "有一次";
# must not match "共有" or "还有" (a total, one more).
_ANECDOTE_BEFORE = regex.compile(r"(?<![共现拥还另设建])有$")
# SELF_DESCRIPTION: 作为/身为/成为/是 before 一名/一位: who someone is, not how many.
# Matches "作为" before "一名"; must not match "选派" (a count of people sent).
_SELF_DESCRIPTION = regex.compile(r"(?:作为|身为|成为|当好|做)$")
# LIST_ANNOUNCED: a count that announces the list after it (感悟有两个：一是…, 主要有以下三点).
# Matches "：" and "，一是" after the count; must not match "，" followed by a verb.
_LIST_ANNOUNCED = regex.compile(r"\s*(?:[：:]|[，,]?\s*(?:一是|第一|首先|其一|一、|1[.、．]))")
# NOTICE_OPENS: the transmittal formula of a notice up to the count of documents sent.
# Matches "现将" before "两个文件印发给你们", "特将《…》《…》" before "两份方案"; must not match
# "将新建" (the future 将 of a plan: no 现/兹/特/今 before it).
_NOTICE_OPENS = regex.compile(r"(?:现|兹|特|今)将[^，,。；;！!？?\n]{0,40}$")
# DOCUMENTS_SENT: documents and the verb that sends them, after their count. Matches
# "文件印发给你们", "方案转发给你们", "份材料报送", "项制度一并印发"; must not match "家企业开展"
# (a count of what the plan is about).
_DOCUMENTS_SENT = regex.compile(
    r"[^，,。；;\n]{0,2}?(?:文件|方案|计划|通知|办法|意见|材料|制度|细则|规定|附件|要点|清单)"
    r"[^，,。；;\n]{0,6}?(?:印发|转发|下发|报送|发给|送给|呈报|寄给)"
)
# SITE_COUNT: the site's count of hidden or remaining text (此处隐藏1695个字, 剩余85%).
# Matches "隐藏" before "1695个字"; must not match "隐患" (a hazard).
_SITE_COUNT = regex.compile(r"(?:隐藏|剩余|省略)$")
# CHANGE_TO: the rest of a measured change after its starting value (从19.41s缩短到4.07s,
# 由85%提高至92%): the end value is the target. Matches "缩短到4" after "19.41s"; must not
# match "，到4月" (another clause).
_CHANGE_TO = regex.compile(r"[^，,。；;：:\n]{0,6}?(?:到|至)\s*[\d零一二两三四五六七八九十百千万]")
# FIGURE: another figure of the row with its short unit, set aside before looking for words.
# Matches "12个", "8%", "3.5万元"; must not match "就业率".
_FIGURE = regex.compile(r"\d[\d.,]*\s*(?:[%％‰]|\p{Han}{1,2}(?=\s*[|｜]|\s*$))?", regex.MULTILINE)
# LABEL_CELL: a short cell of words only, the label of the figure below it. Matches "新建工会",
# "职工入会率（%）"; must not match "97.1%" or a sentence "全年新建工会12家。".
_LABEL_CELL = regex.compile(r"[\p{Han}A-Za-z（）()%％]{2,14}")
# HAN: a Chinese character. Matches "率"; must not match "|" or "9".
_HAN = regex.compile(r"\p{Han}")
# QUOTES: opening and closing quotation marks and book-title brackets.
_OPEN_QUOTES, _CLOSE_QUOTES = "“「『《", "”」』》"
# CLOSE_QUOTE: the end of a quotation. Matches "”" "》" '"'; must not match "“".
_CLOSE_QUOTE = regex.compile(r'[”」』》"]')
# QUOTE_MARK: any opening or closing mark. Matches "“" "》" '"'; must not match "(".
_QUOTE_MARK = regex.compile(r'[“「『《”」』》"]')
_MAX_QUOTED = 20  # a slogan or name in quotes is at most this long
_SLOGAN_REACH = 6  # a listed slogan is looked for this far around a quantity
_IDEA_REACH = 8  # a noun of ideas is looked for this far before its count
_SMALL_REFERENCE = 3  # 两位同志: people spoken of are few; 慰问50位老党员 is a count
# LISTED_BEFORE: a list of names ending right before a numeral. Matches "工会、妇联和团委"
# before "三家"; must not match "工会" alone (one item is no list).
_LISTED_BEFORE = regex.compile(r"((?:[^\p{P}\s]{1,12}[、和及与])+[^\p{P}\s]{1,12})$")
# LIST_SEP: separates the items of such a list. Matches "、" "和"; must not match "，".
_LIST_SEP = regex.compile(r"[、和及与]")

NOUNISH = ("n", "vn", "j", "l", "an", "nz", "ng", "b", "i", "nt", "nr", "ns", "eng")
COUNT_UNITS = frozenset("人 名 位 个 家 户 支 所 条 间 座 台 辆 套 村".split())
_EVENT_UNITS = frozenset("次 场 期 轮 本 名 人 届 节 堂 趟 回 篇 首".split())
_VAGUE_UNITS = frozenset("批 种 类".split())
_LIST_UNITS = frozenset("个 家 位 名 种 类 项 大 条 点 节".split())
_IDEA_UNITS = frozenset("个 点 条 项 种 方面".split())
PERCENT = ("%", "％", "‰")


@lru_cache(maxsize=None)
def _words(name: str) -> tuple[str, ...]:
    return target_data.words(name)


def _inside_quotes(text: str, q: Quantity) -> bool:
    """Inside a short quotation or a book title: a name or slogan (“四个转变”), not a count.

    A long quotation is a cited goal (全总“力争…建制率达到80%…”) and keeps its targets.
    """
    s = sentence_start(text, q.start)
    opened = None
    for m in _QUOTE_MARK.finditer(text, s, q.start):  # only the marks change the state
        i, ch = m.start(), m.group()
        if ch in _OPEN_QUOTES or (ch == '"' and opened is None):
            opened = i
        elif ch in _CLOSE_QUOTES or ch == '"':
            opened = None
    if opened is None:
        return False
    return _CLOSE_QUOTE.search(text, q.end, opened + 1 + _MAX_QUOTED + 1) is not None


@lru_cache(maxsize=1)
def _slogan_re() -> regex.Pattern:
    """The listed slogans as one alternation, longest first, built once from the data file."""
    # SLOGAN: matches "三个代表", "一帮一"; must not match "三个" alone.
    slogans = sorted(_words("slogans"), key=len, reverse=True)
    return regex.compile("|".join(regex.escape(s) for s in slogans))


def _in_slogan(text: str, q: Quantity) -> bool:
    """Part of a listed slogan, a code, quoted, 一X一Y, numeral+个+abstract noun, or explained
    after a dash."""
    near = _slogan_re().finditer(text, max(0, q.start - _SLOGAN_REACH), q.end + _SLOGAN_REACH,
                                 overlapped=True)
    if any(m.start() < q.end and q.start < m.end() for m in near):
        return True
    if (q.start > 0 and _CODE_JOIN.match(text, q.start - 1)) or _CODE_JOIN.match(text, q.end):
        return True  # 1+3+10: a coded name
    if _inside_quotes(text, q):
        return True
    if q.value == 1 and _ONE_X_ONE_Y.match(text, q.start) and q.end - q.start == 2:
        return True  # 做到一人一档: a working rule, not a count of one person
    if q.unit in ("个", "种", "项", "大"):
        if text.startswith(_words("abstract_nouns"), q.end):
            return True
        if _DASH_AFTER.match(text, q.end):
            return True
    return False


@lru_cache(maxsize=1)
def _idea_count_re() -> regex.Pattern:
    """IDEA_COUNT: a noun of ideas linked to the count after it. Matches "感悟有" before
    "两个", "体会主要是" before "三点"; must not match "建议" before "6058条" (ideas
    counted as results: 提出合理化建议6058条)."""
    nouns = "|".join(regex.escape(n) for n in _words("idea_nouns"))
    return regex.compile(rf"(?:{nouns})(?:主要|大致|大概)?(?:有|是|为|包括)(?:以下|如下)?$")


def _restates_list(text: str, q: Quantity) -> bool:
    """A count of kinds, of ideas, or of the items just listed: 三个类别, 感悟有两个：…,
    A、B、C三家, 篮球、排球和拔河三项比赛."""
    if q.value is None:
        return False
    if q.unit in ("个", "项", "类", "种", "大") and text.startswith(_words("category_nouns"), q.end):
        return True
    if q.unit in _IDEA_UNITS:
        if _LIST_ANNOUNCED.match(text, q.end):
            return True  # 主要有以下三点：… — the count announces the list that follows
        if _idea_count_re().search(text, max(0, q.start - _IDEA_REACH), q.start):
            return True  # 感悟有两个, 收获是三点
    if q.unit not in _LIST_UNITS:
        return False
    # "A、B、C三家" / "A和B两个": the list of names ends right before the numeral.
    m = _LISTED_BEFORE.search(text, max(0, q.start - 40), q.start)
    if m is None:
        return False
    items = [x for x in _LIST_SEP.split(m.group(1)) if x]
    return len(items) == int(q.value) and q.value <= 10


def _is_threshold(text: str, q: Quantity) -> bool:
    """A threshold that defines a group: 百人以上企业, (25人以上), 80岁以上老年人,
    有10名女职工以上的企业."""
    if q.text.endswith(("以上", "以下", "以内", "之内", "之上", "上")):
        if q.start > 0 and text[q.start - 1] in "(（" and text[q.end:q.end + 1] in (")", "）"):
            return True
        if q.unit in PERCENT:
            return False  # 90%以上的企业 is a share still
        return not _PUNCT_AFTER.match(text, q.end)
    return q.unit in COUNT_UNITS and bool(_THRESHOLD_TAIL.match(text, q.end))


def _is_indefinite(text: str, q: Quantity, pos: Tokens) -> bool:
    """一 used as an article or a demonstrative: 作为一项重要工作, 一支团结奋进的队伍,
    建立一个，巩固一个, 作为一名教师, 上一节课, 曾经有一次."""
    if q.value != 1 or not q.text.startswith("一"):
        return False
    before = text[max(0, q.start - 2):q.start]
    if before.endswith(("的", "是")):
        return True  # 最高的一次展示, 是一个亮点: a description
    if _SELF_DESCRIPTION.search(before) or _DEMONSTRATIVE_BEFORE.search(before):
        return True  # 作为一名…, 上一节课: who or which, not how many
    if q.unit == "次" and _ANECDOTE_BEFORE.search(before):
        return True  # 曾经有一次…: a story begins
    if q.unit in _VAGUE_UNITS:
        return True  # 一批, 一种: no definite count
    if q.unit in _EVENT_UNITS:
        return False
    nxt = pos.following(q.end, 3)
    if not nxt:
        return True
    word, flag = nxt[0][0], nxt[0][1]
    if not flag.startswith(NOUNISH) or word[0] in "新好":
        return True
    # 一条政府促进就业…的路子, 一支学习型、知识型的队伍: a 的 before the head noun
    phrase = _PHRASE.match(text, q.end)
    return "的" in phrase.group(0)


def _names_people(text: str, q: Quantity) -> bool:
    """A few people spoken of, not counted: 两位同志, 三名老师傅 (a person noun right after)."""
    if q.unit not in ("位", "名", "个") or q.value is None or q.value > _SMALL_REFERENCE:
        return False
    return text.startswith(_words("person_references"), q.end)


def _is_frequency(article: Article, q: Quantity, clause: tuple[int, int]) -> bool:
    """一次 of a recurrence (每两周组织一次, 一月一次): a schedule, not a target — unless a
    comparator binds it (每年不少于一次, 至少每季度…一次)."""
    if q.unit != "次" or q.value != 1:
        return False
    lo, hi = clause
    text = article.text
    recurring = any(d.kind == "recurring" and lo <= d.start and d.end <= hi for d in article.dates) \
        or bool(_RECURRENCE.search(text, lo, q.end))
    return recurring and q.comparator == "=" and not _BOUND.search(text, lo, q.start)


def _is_ordinal(text: str, q: Quantity) -> bool:
    """第三届, 前三名, 十五次党代会, 九届五次全委会."""
    before = text[max(0, q.start - 2):q.start]
    if before.endswith("第") or (before.endswith(("前", "后")) and q.unit in ("名", "位")):
        return True  # 前三名 is a ranking; 先后193人 and 3月前5家 are counts
    if q.unit in ("次", "届"):
        if before.endswith("届"):
            return True
        return text.startswith(_words("congress_heads"), q.end)
    return False


def _counts_holidays(text: str, q: Quantity, dates: SpanIndex) -> bool:
    """节 counting holidays: 五一节 (the numeral names the day), 元旦、春节两节 (a date ends
    right before the count)."""
    if q.unit != "节":
        return False
    if _HOLIDAY_NUMERAL.match(q.text):
        return True
    return q.start >= 1 and dates.overlaps(max(0, q.start - 2), q.start)


def _bare_cell(text: str, q: Quantity) -> bool:
    """A figure alone on its line or in its table cell, in a row with no words (| 86.3 | 97.1% |):
    data, not a target. A row that names what is counted (就业率 | 97.1%) keeps it."""
    line_start = text.rfind("\n", 0, q.start) + 1
    line_end = text.find("\n", q.end)
    line = text[line_start:len(text) if line_end < 0 else line_end]
    rest = line[:q.start - line_start] + line[q.end - line_start:]
    if _HAN.search(_FIGURE.sub("", rest)) is not None:
        return False
    # a table flattened one cell per line: the label cell on the line before names the figure
    prev_end = text.rfind("\n", 0, max(0, line_start - 1))
    prev = text[prev_end + 1:max(0, line_start - 1)].strip(" \t\u3000|｜")
    return _LABEL_CELL.fullmatch(prev) is None


def is_target(article: Article, q: Quantity, pos: Tokens, dates: SpanIndex | None = None) -> bool:
    """Whether a quantity is a target (see the module docstring for what is not).

    `dates`: the article's dates indexed, when many quantities of one article are asked about.
    """
    text = article.text
    if q.value is None and q.low is None and not any(ch.isdigit() for ch in q.text):
        return False
    if dates is None:
        dates = SpanIndex(article.dates)
    if dates.overlaps(q.start, q.end) or q.unit in _words("time_units"):
        return False
    if _counts_holidays(text, q, dates):
        return False
    if text[max(0, q.start - 1):q.start] == "每":
        return False  # 每一个活动: distributive
    if _NOTICE_OPENS.search(text, max(0, q.start - 44), q.start) \
            and _DOCUMENTS_SENT.match(text, q.end):
        return False  # 现将两个文件印发给你们: the notice's formula counts what it sends
    if _SITE_COUNT.search(text, max(0, q.start - 4), q.start):
        return False  # 此处隐藏1695个字: the site's furniture
    if q.start > 0 and text[q.start - 1] in "从由" and _CHANGE_TO.match(text, q.end):
        return False  # 从19.41s缩短到4.07s: the starting value of a change; the end counts
    if _bare_cell(text, q):
        return False  # a figure of a data table whose row names nothing counted
    if _is_ordinal(text, q) or _in_slogan(text, q) or _is_threshold(text, q):
        return False
    if _restates_list(text, q) or _names_people(text, q):
        return False
    if q.unit in PERCENT and (_RATE_BEFORE_AMOUNT.match(text, q.end)
                              or _BY_RATE.search(text, max(0, q.start - 16), q.start)):
        return False
    if _is_indefinite(text, q, pos):
        return False
    if _is_frequency(article, q, clause_span(text, q.start, q.end)):
        return False
    return True
