"""Near-duplicate articles: MinHash candidates confirmed on exact shingle sets."""

from __future__ import annotations

from nlp.themes.duplicates import duplicate_groups, shingles

from theme_samples import plan_text

BASE = plan_text(1)


def test_republished_plan_is_grouped_despite_edits():
    edited = (BASE.replace("，", ",").replace("今年", "2019年").replace("\n\n", "\n")
              + "以上计划请各部门认真抓好落实。")
    assert duplicate_groups([BASE, plan_text(2), edited]) == [[0, 2]]


def test_plan_inside_a_longer_copy_with_preamble_is_grouped():
    wrapped = "工作计划是单位对一定时期工作预先作出的安排和打算，下面是一份参考范文。\n" + BASE
    assert duplicate_groups([wrapped, BASE]) == [[0, 1]]


def test_plans_sharing_phrasing_but_not_content_are_not_grouped():
    # every sample plan shares openings and section phrasings with the others, never all of them
    texts = [plan_text(i) for i in range(12)]
    assert duplicate_groups(texts) == []


def test_short_texts_are_never_grouped():
    note = "工会经费按时足额上缴，经审委员会按季度审查账目。"
    assert duplicate_groups([note, note]) == []


def test_groups_are_sorted_and_transitive():
    a, b = plan_text(0), plan_text(3)
    assert duplicate_groups([a, b, a + "。", b, a]) == [[0, 2, 4], [1, 3]]


def test_shingles_ignore_punctuation_and_spacing():
    assert shingles("工会，经费 收缴") == shingles("工会经费收缴")
