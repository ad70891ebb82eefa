"""The pipeline orders components from their declarations and refuses impossible ones."""

from __future__ import annotations

import pytest

from nlp.ingest.document import document_from_text
from nlp.pipeline import PIPELINE, PipelineError, annotate, order_components
from nlp.registry import Component


def _c(name, requires=(), assigns=()):
    return Component(name, tuple(requires), tuple(assigns), lambda a: None)


def test_order_follows_requirements_not_registration():
    comps = [_c("tasks", ["targets", "headings"], ["tasks"]), _c("targets", ["dates"], ["targets"]),
             _c("outline", ["text"], ["headings"]), _c("dates", ["headings"], ["dates"])]
    assert [c.name for c in order_components(comps)] == ["outline", "dates", "targets", "tasks"]


def test_ties_keep_registration_order():
    comps = [_c("b", ["text"], ["x"]), _c("a", ["text"], ["y"]), _c("c", ["x", "y"], ["z"])]
    assert [c.name for c in order_components(comps)] == ["b", "a", "c"]


@pytest.mark.parametrize("comps, message", [
    ([_c("tasks", ["targets"], ["tasks"])], "requires targets, which no component assigns"),
    ([_c("a", ["y"], ["x"]), _c("b", ["x"], ["y"])], "cycle"),
    ([_c("a", ["text"], ["x"]), _c("b", ["text"], ["x"])], "assigned by both"),
])
def test_impossible_declarations_are_refused(comps, message):
    with pytest.raises(PipelineError, match=message):
        order_components(comps)


def test_registered_pipeline_is_ordered_by_its_declarations():
    seen = {"text", "title", "line_marks", "flags", "source", "index", "raw_offsets", "title_raw_span"}
    for c in PIPELINE:
        assert set(c.requires) <= seen, c.name
        seen.update(c.assigns)


def _article():
    return document_from_text("工会工作计划\n一、组织建设\n3月开展会员发展工作，力争新增会员20名。\n", "<t>").articles[0]


def test_annotate_records_what_it_filled():
    a = annotate(_article())
    assert a.filled == {f for c in PIPELINE for f in c.assigns}
    assert a.headings and a.targets


def test_annotate_can_skip_a_component_nothing_needs():
    a = annotate(_article(), disable=["schedule"])
    assert "schedule" not in a.filled and a.schedule == ()
    assert "tasks" in a.filled


def test_skipping_a_needed_component_is_a_clear_error():
    with pytest.raises(PipelineError, match="requires dates"):
        annotate(_article(), disable=["dates"])
    with pytest.raises(PipelineError, match="no component named"):
        annotate(_article(), disable=["dattes"])
