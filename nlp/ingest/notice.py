"""Official notices that wrap a plan, and the attachments that follow it.

A government or union notice (`关于印发《X计划》的通知`) carries its addressee, one sentence that
hands the plan on (`现将…印发给你们，请认真贯彻执行。`), a signature, then the plan under its own
title, a list of attachments (`附件：1.… 2.…`) and the attachments themselves (`附件2` + title),
each with its own outline. The plan is the notice's article; each attachment is an article.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

# A notice title: "关于印发《2025年工会工作要点》的通知", "某某局关于做好防汛工作的通知";
# not "通知要求各单位…" (a sentence).
NOTICE_TITLE = regex.compile(r"^[^。；;！!？?]{0,40}关于[^。；;！!？?]{2,80}的(?:通知|意见|决定|通报)$")
# The document a notice hands on, named in book-title marks: "《某某实施方案》"; not "《》" (empty).
HANDED_ON = regex.compile(r"《(?P<name>[^《》]{2,80})》")
# The document a notice hands on without book-title marks: "关于印发某区职工疗休养实施方案的通知";
# not "关于做好防汛工作的通知" (no handing-on verb).
HANDED_ON_BARE = regex.compile(r"关于(?:印发|转发|颁发|下发)(?P<name>[^《》。；;]{2,80}?)的(?:通知|决定)$")
# An attachment list, its first line: "附件：1.某某方案", "附件: 某某任务分工表" (a name after the colon);
# not "附件：" alone nor "附件1" (labels of the attachments themselves).
ATTACHMENT_LIST = regex.compile(r"^附件\s*[:：]\s*(?:(?P<n>\d{1,2})\s*[.．、]\s*)?[^\s。；;]")
# An attachment's own label, alone or with its title: "附件2", "附件", "附件：", "附件 1：",
# "附件一：某某任务分工表"; not "附件：1.…" (the list) nor "附件材料请于…" (a sentence).
ATTACHMENT_LABEL = regex.compile(
    r"^附件\s*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[:：]?\s*(?P<title>[^。；;]{2,80})?|[:：]?)$"
)
# An item of an attachment list on its own line: "2.某某任务分工表", "3、某某表"; not "2.加强学习。"
# (a sentence) nor "一、总体要求" (the list numbers in Arabic digits).
LIST_ITEM = regex.compile(r"^(?P<n>\d{1,2})\s*[.．、]\s*[^。；;]{2,80}$")
MAX_TITLE = 80


@dataclass(frozen=True)
class Attachment:
    """An attachment: its label line, its title span (normalized offsets) and where its body starts."""

    label: tuple[int, int]
    title: tuple[int, int]
    body_start: int


def is_notice_title(line: str) -> bool:
    """True for the title of an official notice or opinion."""
    return bool(NOTICE_TITLE.match(line))


def handed_on_name(title: str) -> str | None:
    """The name of the document a notice hands on ("关于印发《X》的通知" → "X"; "关于印发X的通知" → "X")."""
    m = HANDED_ON.search(title) or HANDED_ON_BARE.search(title)
    return m.group("name") if m else None


def attachment_lists(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The `附件：1.… 2.…` lists: the label line and the item lines that continue its numbering."""
    out = []
    k = 0
    while k < len(lines):
        s, e = lines[k]
        m = ATTACHMENT_LIST.match(text[s:e])
        if not m:
            k += 1
            continue
        end, number = e, int(m.group("n") or 0)
        k += 1
        while number and k < len(lines):
            item = LIST_ITEM.match(text[lines[k][0]:lines[k][1]].strip())
            if not item or int(item.group("n")) != number + 1:
                break  # "一、总体要求" after the list opens the body, it is no item
            end, number = lines[k][1], number + 1
            k += 1
        out.append((s, end))
    return out


def attachments(text: str, lines: list[tuple[int, int]]) -> list[Attachment]:
    """Attachments that open with their label and title and have a body of their own.

    A run of labels with nothing between them is a list of attachments, not attachments.
    """
    found = []
    for k, (s, e) in enumerate(lines):
        m = ATTACHMENT_LABEL.match(text[s:e].strip())
        if not m:
            continue
        if m.group("title"):
            title, rest = (s + text[s:e].index(m.group("title")), e), k + 1
        elif k + 1 < len(lines) and len(text[lines[k + 1][0]:lines[k + 1][1]]) <= MAX_TITLE:
            title, rest = lines[k + 1], k + 2
        else:
            continue
        if rest >= len(lines) or ATTACHMENT_LABEL.match(text[lines[rest][0]:lines[rest][1]].strip()):
            continue  # no body before the next label: an item of a list
        found.append(Attachment((s, e), title, lines[rest][0]))
    return found
