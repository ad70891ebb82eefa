"""Shapes of documents beyond one plan or one review: reviews that also plan, and texts that
are no plan at all.

- `reviews_and_plans(title)`: the title names a review and the next period's plan
  (园区工会年度工作总结和明年工作打算, 2023年工作总结及2024年工作打算).
- `plan_parts(text)`: the spans of a review headed by the next period's plan
  (二、2025年工作打算, 下一步工作思路), from that heading to the end of the text.
- `not_a_plan(text, title)`: why a text is no plan, summary or programme (study notes, a
  work log, code, minutes), or None.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from ..lang.enumerators import LINE_LEAD

# The next period a plan part or a title speaks of: 明年, 下一年度, 下半年, 下一步, 今后,
# 2025年, 二〇二五年, 20xx年. Must not match 今年 or 上半年 (the period reviewed).
_NEXT = (r"(?:明年|来年|次年|下一?年度?|新的一年|新一年|下半年|下一?步|今后|未来"
         r"|(?:\d{4}|[〇零○一二三四五六七八九]{4}|20[xX×]{2}|[xX×]{2,4})年度?)")
_PLAN_NOUN = r"(?:计划|打算|思路|设想|安排|要点|规划|重点|任务|方向)"
# MIXED_TITLE: a review, then the next period's plan. Matches "工作总结和明年工作计划",
# "2023年总结暨2024年工作思路"; must not match "工会工作计划与总结" (the plan named first, a
# compilation's habit) nor "上半年工作总结".
_MIXED_TITLE = regex.compile(rf"(?:总结|回顾|述职)[^\n]{{0,12}}?{_NEXT}[^\n]{{0,8}}?{_PLAN_NOUN}")
# SCOPE: who or what the next period's plan is of, 0-6 characters between the period and
# the plan noun: "全县", "机关工会", "我们的", "社区党建". Matches "女职工委员会" of "明年女职工委员会
# 工作计划"; must not take in a verb of a sentence (将, 要, 继续, 完成, 执行, 落实) nor cross
# punctuation.
_SCOPE = r"(?:(?!将|要|继续|完成|执行|落实)[\p{Han}]){0,6}?"
# PLAN_PART_LINE: a short line heading the next period's plan, its enumerator allowed.
# Matches "二、2025年工作打算", "### 下一步工作思路", "（三）明年工作计划：", "三、明年机关工会
# 工作设想", "**三、下一步工作**", "2026年工作重点"; must not match "二、今年工作回顾" nor a sentence "明年将继续……计划开展……。".
_PLAN_PART_LINE = regex.compile(
    rf"^{LINE_LEAD.pattern}"
    rf"(?:(?P<next>{_NEXT})(?:的|度)?{_SCOPE}(?:主要|重点)?(?:工作)?{_PLAN_NOUN}"
    r"|(?P<next>下一?步|今后)的?工作(?=[：:*\s]*$))"
    r"(?![^\n]*(?:完成|执行|落实|情况|回顾|总结))[^\n。！？]{0,16}$",
    regex.MULTILINE,
)
# YEAR: a year written with digits. Matches "2025年"; must not match "25年".
_YEAR = regex.compile(r"(?<!\d)(\d{4})年")
# REVIEWED_YEAR: a year the review speaks of, not one it names as the next target (a table
# column "2025年目标", "2025年计划"). Matches "2024年" of "2024年，全区…"; must not match
# "2025年目标".
_REVIEWED_YEAR = regex.compile(r"(?<!\d)(\d{4})年(?!度?(?:目标|计划|任务|预期|预计))")
_MIN_REVIEW = 10  # a plan part follows some text of the review


def reviews_and_plans(title: str) -> bool:
    """Whether a title names a review and the next period's plan."""
    return bool(title) and _MIXED_TITLE.search(title) is not None


def plan_parts(text: str) -> list[tuple[int, int]]:
    """Spans of `text` headed by the next period's plan, after a review (to the text's end)."""
    for m in _PLAN_PART_LINE.finditer(text):
        if m.start() < _MIN_REVIEW:
            continue
        year = _YEAR.match(m.group("next"))
        if year is not None:
            # the year reviewed is no next period: 2025年工作安排 after 2025年 was reviewed
            seen = [int(y) for y in _REVIEWED_YEAR.findall(text, 0, m.start())]
            if seen and int(year.group(1)) <= max(seen):
                continue
        return [(m.start(), len(text))]
    return []


# ----------------------------------------------------------------------------- not a plan

class NotAPlan(NamedTuple):
    kind: str  # notes log code minutes
    reason: str


# PLAN_TITLE: a title that says plan, review or programme: never `other`.
# Matches "工作计划", "实施方案", "工作总结"; must not match "学习笔记".
_PLAN_TITLE = regex.compile(r"计划|总结|方案|要点|安排|规划|打算|汇报|意见|办法|通知|规定|细则|述职")
# NOTES_TITLE: titles of what is no plan. Matches "读书笔记", "工作日志", "会议纪要",
# "听课记录", "读后感"; must not match "记录仪" inside a plan title.
_NOTES_TITLE = regex.compile(
    r"(?P<notes>笔记|读后感|观后感|学习心得)|(?P<log>日志|日记|周记)|(?P<minutes>纪要|会议记录)"
    r"|(?P<record>记录)(?:[\s（(]|$)"
)
# CODE_LINE: a line of program code. Matches "def f(x):", "import os", "}", "x = 1;",
# "#include <stdio.h>"; must not match "1. 加强学习;" (a list item with a semicolon).
_CODE_LINE = regex.compile(
    r"^\s*(?:(?:def|class|import|from|return|if|elif|else|for|while|function|var|let|const|"
    r"public|private|static|void|int|package|try|except|catch)\b[^\u4e00-\u9fff]*$"
    r"|#include\b.*|[{}()\[\];]+\s*$|[A-Za-z_][\w.\[\]]*\s*[+\-*/]?=\s*[^\u4e00-\u9fff]+;?\s*$)"
)
# DATED_LINE: a line opening with a calendar day, as a log entry does. Matches "2024-03-05 晴",
# "3月5日 星期二：", "2024年3月5日，"; must not match "3月：" (a month of a schedule).
_DATED_LINE = regex.compile(
    r"^[ \t\u3000#*\-]*(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}月\d{1,2}[日号]"
    r"|(?:星期|周)[一二三四五六日天])"
)
# MINUTES_FIELD: a field line of minutes. Matches "主持人：", "记录人:", "参会人员："; must
# not match "负责人：" (an activity plan's field).
_MINUTES_FIELD = regex.compile(
    r"^[ \t\u3000]*(?:主持人|记录人|记录员|参会人员|出席人员|列席人员|缺席人员|与会人员|会议议题|会议议程)"
    r"\s*[：:]",
    regex.MULTILINE,
)
_MIN_LINES = 5  # a log or code has at least this many lines of its shape
_CODE_SHARE = 0.4
_LOG_SHARE = 0.5
_MIN_MINUTES_FIELDS = 2


def not_a_plan(text: str, title: str = "") -> NotAPlan | None:
    """Why the text is no plan, summary or programme, or None when it may be one."""
    if title and _PLAN_TITLE.search(title):
        return None
    m = _NOTES_TITLE.search(title or "")
    if m:
        kind = m.lastgroup if m.lastgroup != "record" else "minutes"
        return NotAPlan(kind, f"title names a {kind.replace('notes', 'set of notes')}: {m.group()}")
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) >= _MIN_LINES:
        code = sum(1 for ln in lines if _CODE_LINE.match(ln))
        if code >= _MIN_LINES and code >= _CODE_SHARE * len(lines):
            return NotAPlan("code", f"{code} of {len(lines)} lines are program code")
        dated = sum(1 for ln in lines if _DATED_LINE.match(ln))
        if dated >= _MIN_LINES and dated >= _LOG_SHARE * len(lines):
            return NotAPlan("log", f"{dated} of {len(lines)} lines open with a day: a work log")
    fields = {f.group().rstrip("：: \t") for f in _MINUTES_FIELD.finditer(text)}
    if len(fields) >= _MIN_MINUTES_FIELDS:
        return NotAPlan("minutes", "minutes fields: " + "、".join(sorted(fields)))
    return None
