"""What a reader sees instead of codes: Chinese labels for values, plain words for flags, and
article titles told apart when several articles share one.

The digest's data keeps the codes (`plan`, `federation`, `repaired_line`): the JSON output and
other tools rely on them; the Markdown and HTML renderers show these labels.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from .rows import PLACEHOLDER_YEAR, UNKNOWN

if TYPE_CHECKING:
    from ..model import Article
    from .model import ArticleDigest

GENRE = {"plan": "计划", "summary": "总结", "mixed": "计划与总结混合", "other": "其他（非计划）",
         UNKNOWN: "未判定"}
ORG_TYPE = {"federation": "总工会/联合会", "school": "学校", "enterprise": "企业", "government": "机关",
            "hospital": "医院", "community": "社区", "other": "其他单位", UNKNOWN: "未判定"}
STATUS = {"goal": "目标", "achieved": "已完成", "fact": "现状"}
COMPARATOR = {"=": "", ">=": "以上", "<=": "以内", "~": "约", "range": "区间"}
# A flag kind in plain words: what the reader should know about the text.
FLAG = {
    "placeholder": "模板留空未填（如“20xx年”）",
    "repaired_line": "原网页把词断在两行，已接回",
    "numbering_gap": "提纲编号有跳号，可能缺了一节",
    "duplicated_text": "同一句话出现了不止一次",
}
YEAR = {PLACEHOLDER_YEAR: "年份待填", UNKNOWN: "年份不详"}
# A title that is only a place in a compilation.  Matches "第2篇", "篇三"; not "第二季度工作计划".
ORDINAL_TITLE = regex.compile(r"第?[0-9一二三四五六七八九十]+篇|篇[0-9一二三四五六七八九十]+")
OTHER_REASON = "不像计划、总结或实施方案（如笔记、日志、会议记录），不作摘要"


def genre_label(code: str | None) -> str:
    """计划 for `plan` …; an unknown code is shown as it is."""
    return GENRE.get(code or UNKNOWN, code or "")


def org_label(code: str | None) -> str:
    """学校 for `school` …"""
    return ORG_TYPE.get(code or UNKNOWN, code or "")


def status_label(code: str | None) -> str:
    """目标 for `goal` …"""
    return STATUS.get(code or "", code or "")


def comparator_label(code: str | None) -> str:
    """以上 for `>=` …; nothing for an exact value."""
    return COMPARATOR.get(code or "=", code or "")


def flag_label(code: str) -> str:
    """A flag kind in plain words."""
    return FLAG.get(code, code)


def year_text(label: str) -> str:
    """The year label as a reader reads it (`2019` → `2019年`, a template gap → 年份未填)."""
    if label.isdigit():
        return f"{label}年"
    return YEAR.get(label, label)


def genre_reason(article: Article) -> str:
    """Why a document is not a plan: the genre extractor's own reason when it gives one."""
    explain = article.explain or {}
    for key in ("genre_reason", "other_reason", "reason"):
        value = explain.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return OTHER_REASON


def display_titles(entries: Sequence[ArticleDigest]) -> list[str]:
    """Each entry's title, with what tells it apart where several entries share the title.

    The parts added are those that differ inside the group: organisation type, year, file; an
    entry still not unique gets its place in its file (第3篇)."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(entries):
        groups[e.title or e.id].append(i)
    out = [e.title or e.id for e in entries]
    for i, e in enumerate(entries):
        if ORDINAL_TITLE.fullmatch(out[i]):  # 第2篇 names no document: say what it is
            out[i] = f"{out[i]}（{org_label(e.org_type)}{genre_label(e.genre)}，{Path(e.source).stem}）"
    for title, members in groups.items():
        if len(members) < 2:
            continue
        parts_of = {i: [] for i in members}
        for part in (lambda e: org_label(e.org_type), lambda e: year_text(e.year_label),
                     lambda e: Path(e.source).stem):
            values = {i: part(entries[i]) for i in members}
            if len(set(values.values())) > 1:
                for i in members:
                    parts_of[i].append(values[i])
        labels = {i: "，".join(parts_of[i]) for i in members}
        counts = defaultdict(int)
        for i in members:
            counts[labels[i]] += 1
        for i in members:
            extra = [labels[i]] if labels[i] else []
            if counts[labels[i]] > 1:
                extra.append(f"第{entries[i].index + 1}篇")
            out[i] = f"{title}（{'，'.join(extra)}）"
    return out
