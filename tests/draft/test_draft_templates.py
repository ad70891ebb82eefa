"""Templates: built-in and user files, rendered in a sandbox with StrictUndefined."""

from __future__ import annotations

import pytest

from nlp.draft.build import draft
from nlp.draft.spec import TemplateRefused, builtin_templates, render_spec

CONTEXT = {"org": None, "org_unit": None, "year": 2027, "org_type": "school", "keywords": ["健康"],
           "members": "教职工", "skeleton": [{"role": "guiding", "heading": "指导思想"},
                                            {"role": "work", "heading": "主要工作"}]}


def test_builtin_templates_ship_as_package_files():
    assert {"standard", "compact"} <= set(builtin_templates())
    spec = render_spec("standard", CONTEXT)
    assert spec.title == "2027年工会工作计划"
    assert [p.role for p in spec.parts] == ["guiding", "work"]


@pytest.mark.parametrize("payload", [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__ }}",
])
def test_template_reaching_for_python_internals_is_refused(tmp_path, payload):
    path = tmp_path / "evil.toml.j2"
    path.write_text(f'title = "{payload}"\n[[parts]]\nrole = "work"\n', encoding="utf-8")
    with pytest.raises(TemplateRefused) as err:
        render_spec(path, CONTEXT)
    assert str(path) in str(err.value)
    assert "refused" in str(err.value) or "does not provide" in str(err.value)


def test_undefined_name_is_an_error_naming_the_template(tmp_path):
    path = tmp_path / "typo.toml.j2"
    path.write_text('title = {{ orgname | toml }}\n[[parts]]\nrole = "work"\n', encoding="utf-8")
    with pytest.raises(TemplateRefused, match="typo.toml.j2.*orgname"):
        render_spec(path, CONTEXT)


@pytest.mark.parametrize("text,message", [
    ('title = "x"\n[[parts]]\nrole = "guiding"\n', "no part with role 'work'"),
    ('title = "x"\n[[parts]]\nrole = "wishes"\n', "role must be one of"),
    ('title = \n', "valid TOML"),
    ('[[parts]]\nrole = "work"\n', "no title"),
    ('{% for x in %}', "line 1"),
])
def test_malformed_templates_are_refused_clearly(tmp_path, text, message):
    path = tmp_path / "bad.toml.j2"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TemplateRefused, match=message):
        render_spec(path, CONTEXT)


def test_unknown_template_name_lists_the_builtin_ones():
    with pytest.raises(TemplateRefused, match="standard"):
        render_spec("no-such-template", CONTEXT)


def test_user_template_drives_the_draft(tmp_path, corpus_articles):
    path = tmp_path / "mine.toml.j2"
    path.write_text(
        'title = {{ (org ~ year ~ "年工会工作思路") | toml }}\n'
        '[[parts]]\nrole = "work"\nheading = "重点任务"\n'
        '[[parts]]\nrole = "measures"\nheading = "几点要求"\n'
        'sentences = [{{ ("请各部门围绕" ~ keywords | join("、") ~ "抓好落实") | toml }}]\n', encoding="utf-8")
    d = draft(["女职工"], articles=corpus_articles, org="青松中学工会", org_type="school", year=2028, template=path)
    assert d.title == "青松中学工会2028年工会工作思路"
    assert [s.role for s in d.sections] == ["work", "measures"]
    assert d.sections[-1].heading == "几点要求"
    assert d.sections[-1].sentences[0].text == "请各部门围绕女职工抓好落实。"
    assert d.sections[-1].sentences[0].kind == "template"


def test_compact_template(corpus_articles):
    d = draft(["健康"], articles=corpus_articles, org_type="school", year=2027, template="compact")
    assert [s.role for s in d.sections] == ["guiding", "work", "schedule"]
    assert d.title == "2027年工会工作要点"
