"""Tasks: action items with verb, section path, dates and targets (own texts + seed checks)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.extract import outline
from nlp.extract.quantities import extract_quantities
from nlp.extract.targets import extract_targets
from nlp.extract.tasks import extract_tasks
from nlp.model import Article, DateMention

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "task_sample.tsv"


def annotated(text: str, dates: tuple[DateMention, ...] = ()) -> Article:
    art = Article(source="t", index=0, title="工会工作计划", text=text)
    art.headings = tuple(outline.extract_headings(art))
    art.sections = outline.build_sections(art)
    art.dates = dates
    art.quantities = tuple(extract_quantities(art))
    art.targets = tuple(extract_targets(art))
    art.tasks = tuple(extract_tasks(art))
    for t in art.tasks:
        assert art.text[t.start:t.end] == t.text
    return art


def actions(text: str) -> list[tuple[str, str]]:
    return [(t.action, t.text) for t in annotated(text).tasks]


def test_clause_opened_by_an_action_verb():
    found = actions("今年开展职工读书月活动，为职工办实事。")
    assert found == [("开展", "今年开展职工读书月活动")]


def test_purpose_after_an_action_is_not_a_new_task():
    assert actions("组织文艺汇演，丰富职工生活。") == [("组织", "组织文艺汇演")]
    assert actions("要丰富职工生活。") == [("丰富", "要丰富职工生活")]


def test_closing_aim_is_not_a_task_but_a_listed_measure_is():
    found = actions("表彰先进个人，推动工作全面开展。")
    assert found == [("表彰", "表彰先进个人")]
    found = actions("完善调解机制，扩大服务网络，建立服务站点。")
    assert [a for a, _ in found] == ["完善", "扩大", "建立"]


def test_principle_is_not_a_task():
    assert actions("坚持服务与维权相结合。") == []
    assert actions("坚持面向基层，服务群众。") == []


def test_aim_is_not_a_task_even_as_an_item_lead():
    found = actions("（4）营造和谐向上的工作氛围；定期组织谈心活动。")
    assert found == [("组织", "定期组织谈心活动")]


def test_framing_lead_is_not_the_action():
    found = actions("5、围绕上级工会的部署要求，组织开展岗位练兵。")
    assert found == [("组织", "组织开展岗位练兵")]


def test_aim_object_after_an_action_is_not_a_task():
    found = actions("督促企业签订集体合同，建立和谐的劳动关系。")
    assert [a for a, _ in found] == ["督促"]


def test_mindset_is_not_a_task():
    assert actions("进一步树立服务职工的理念。") == []


def test_vague_generic_object_is_not_a_task():
    assert actions("按照上级要求，积极开展了工作。") == []


def test_noun_made_of_a_verb_does_not_open_a_task():
    assert actions("培训班学员来自各个车间。") == []


def test_adverbs_before_the_verb_are_skipped():
    found = actions("要进一步完善帮扶机制。")
    assert found == [("完善", "要进一步完善帮扶机制")]


def test_adverbial_phrase_with_di_is_skipped():
    assert [a for a, _ in actions("有计划地开展岗位培训。")] == ["开展"]


def test_adverb_glued_to_the_verb_in_one_token():
    assert [a for a, _ in actions("继续争取上级支持。")] == ["争取"]


def test_runin_items_are_tasks_without_their_opener():
    found = actions("一是健全会员档案，二是规范经费管理。")
    assert found == [("健全", "健全会员档案"), ("规范", "规范经费管理")]


def test_runin_item_lead_needs_only_a_verb():
    assert actions("三是筑牢思想防线。") == [("筑牢", "筑牢思想防线")]


def test_lead_clause_of_a_numbered_item_needs_only_a_verb():
    found = actions("一、夯实基础，筑牢思想阵地\n组织会员学习章程。\n")
    assert ("夯实", "夯实基础") in found
    assert ("筑牢", "筑牢思想阵地") in found


def test_statement_without_action_is_not_a_task():
    assert actions("工会是职工的娘家。") == []
    assert actions("三是相关手续已经办结。") == []


def test_section_path_dates_and_targets_of_the_clause():
    text = "一、组织建设\n（一）基层建会\n三月份新建企业工会5家，做好会员登记。\n"
    start = text.index("三月份")
    date = DateMention(text="三月份", start=start, end=start + 3, kind="month", months=(3, 3))
    art = annotated(text, dates=(date,))
    task = next(t for t in art.tasks if t.action == "新建")
    assert task.section == ("组织建设", "基层建会")
    assert task.dates == (0,)
    assert [art.targets[i].value for i in task.targets] == [5]
    other = next(t for t in art.tasks if t.action == "做好")
    assert other.targets == () and other.dates == ()


def test_no_duplicates():
    art = annotated("一、开展读书活动\n开展读书活动，开展读书活动。\n")
    spans = [(t.start, t.end) for t in art.tasks]
    assert len(spans) == len(set(spans))


def test_section_without_action_verb_falls_back_to_its_first_verb():
    art = annotated("一、工作目标\n会员满意度明显提升。\n二、主要措施\n开展谈心活动。\n")
    first = art.sections[0]
    assert any(first.start <= t.start < first.end for t in art.tasks)


# ----------------------------------------------------------------------------- seeds

def _body_has_text(article: Article, sec) -> bool:
    body = article.text[article.headings[sec.heading].end:sec.end]
    return any(ch.isalnum() for ch in body)


def test_every_level1_section_of_seed_plans_has_a_task(corpus_articles):
    """Every level-1 section with a body, in every seed plan, has at least one task."""
    missing = []
    for a in corpus_articles:
        if a.genre != "plan":
            continue
        for sec in a.sections:
            h = a.headings[sec.heading]
            if h.level != 1 or not _body_has_text(a, sec):
                continue  # a bare title line (a table header) has nothing to do
            if not any(sec.start <= t.start < sec.end for t in a.tasks):
                missing.append((a.source, a.index, h.text))
    assert missing == []


def _sample_rows() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def test_task_sample_is_judged_mostly_real():
    rows = _sample_rows()
    assert len(rows) == 50
    assert {r["judgement"] for r in rows} <= {"real", "not"}
    assert sum(r["judgement"] == "real" for r in rows) >= 45


def test_task_sample_matches_current_output(corpus_articles):
    """The judged sample is still what the extractor produces (re-draw and re-judge if not).

    A few rows may drift when upstream stages (splitting, outline) change an article; more
    than five stale rows mean the judgement no longer describes the output.
    """
    produced = {(a.source.split("/")[-1], str(a.index), t.text, t.action)
                for a in corpus_articles for t in a.tasks}
    stale = [r for r in _sample_rows()
             if (r["source"], r["article"], r["text"], r["action"]) not in produced]
    assert len(stale) <= 5, stale


@pytest.mark.parametrize("text", ["", "。。。", "一、\n二、\n", "要要要要", "1、2、3、"])
def test_degenerate_text_does_not_crash(text):
    art = annotated(text)
    assert all(t.text for t in art.tasks)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="一二三是要开展组织加强做好进一步活动工作意识，。；、\n（）1、. ", max_size=60))
def test_hostile_text_never_crashes_and_offsets_hold(text):
    art = annotated(text)
    assert len({t.start for t in art.tasks}) == len(art.tasks)


def test_opener_prefilters_cover_every_han_opening():
    # _strip runs the enumerator and run-in regexes only on clauses opening with a character of
    # these sets (or a non-Han one): no other Han character may open a match of either.
    from nlp.extract.tasks import _ENUMERATOR, _ENUMERATOR_HAN, _RUNIN, _RUNIN_FIRST

    han = [chr(c) for c in range(0x4E00, 0xA000)]
    assert {c for c in han if (m := _ENUMERATOR.match(c + "、．.（一）1、第一，工作")) and m.end() > 0} <= _ENUMERATOR_HAN
    assert {c for c in han if _RUNIN.match(c + "是要工作")} <= _RUNIN_FIRST
