"""The skeleton comes from the archive's plans of the organisation type, or the usual parts."""

from __future__ import annotations

import nlp
from nlp.draft.roles import compute_skeleton


def _plan(parts: list[str], org="学校", n=0) -> str:
    """A small school plan whose level-1 headings are `parts` (written for this test)."""
    body = {
        "指导思想": f"{org}工会将坚持服务教职工的宗旨，团结带领全体教师做好各项工作。",
        "工作目标": "力争新建教工书屋两个，组织教师体检一次。",
        "主要活动安排": "三月份将组织庆祝三八节活动。九月份计划开展教师节表彰活动。",
        "工作要求": "各分工会要加强领导，认真落实计划安排。",
        "保障措施": "加强经费保障，确保各项活动顺利开展。",
    }
    lines = [f"{org}工会第{n}号工作计划", ""]
    nums = "一二三四五六七八"
    for i, p in enumerate(parts):
        lines += [f"{nums[i]}、{p}", "", body.get(p, f"要加强{p}，关心教师的工作和生活，学校工会将认真组织。"), ""]
    return "\n".join(lines)


def _archive(plans: list[list[str]]):
    arts = []
    for n, parts in enumerate(plans):
        arts.extend(nlp.analyze_text(_plan(parts, n=n), source=f"plan{n}.txt"))
    for a in arts:
        a.genre, a.org_type = "plan", "school"  # the test is about the skeleton, not the classifiers
    return arts


def test_most_common_sequence_wins_and_topics_count_as_work():
    arts = _archive([
        ["指导思想", "加强师德建设", "关心教师生活", "主要活动安排", "工作要求"],
        ["指导思想", "推进民主管理", "主要活动安排", "工作要求"],
        ["指导思想", "工作目标", "丰富文体活动", "保障措施"],
    ])
    sk = compute_skeleton(arts, "school")
    assert sk.source == "archive"
    assert [p.role for p in sk.parts] == ["guiding", "goals", "work", "schedule", "measures"]
    # the archive's own wording, the usual word only where it has none
    assert {p.role: p.heading for p in sk.parts}["schedule"] == "主要活动安排"
    assert {p.role: p.heading for p in sk.parts}["measures"] == "工作要求"
    assert {p.role: p.heading for p in sk.parts}["goals"] == "工作目标"


def test_archive_order_is_kept_when_it_differs_from_the_usual_one():
    arts = _archive([["工作目标", "指导思想", "加强师德建设", "主要活动安排"]] * 3)
    assert [p.role for p in compute_skeleton(arts, "school").parts][:2] == ["goals", "guiding"]


def test_thin_archive_gives_the_usual_parts():
    arts = _archive([["加强师德建设", "指导思想"]])
    sk = compute_skeleton(arts, "school")
    assert sk.source == "default"
    assert [p.role for p in sk.parts] == ["guiding", "goals", "work", "schedule", "measures"]
    assert compute_skeleton(arts, "hospital").source == "default"
