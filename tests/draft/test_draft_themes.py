"""Keywords widened through a fitted theme model (duck-typed on the agreed nlp.themes API)."""

from __future__ import annotations

from dataclasses import dataclass, field

from nlp.draft.build import draft
from nlp.draft.themes_bridge import keyword_groups, theme_of


@dataclass
class FakeTheme:
    id: int
    label: str
    terms: list = field(default_factory=list)


@dataclass
class FakeModel:
    themes_: list


MODEL = FakeModel([
    FakeTheme(0, "女职工与健康", [("女职工", 0.9), ("体检", 0.7), ("健康", 0.6), ("关爱", 0.5)]),
    FakeTheme(1, "师德建设", [("师德", 0.8), ("师风", 0.6), ("教师", 0.5)]),
    FakeTheme(2, "文体活动", [("运动会", 0.8), ("比赛", 0.7)]),
])


def test_keywords_of_one_theme_share_a_section_and_borrow_its_terms():
    groups = keyword_groups(("女职工", "健康", "师德", "低碳"), MODEL)
    assert groups[0] == (("女职工", "健康"), ("体检", "关爱"))
    assert groups[1] == (("师德",), ("师风", "教师"))
    assert groups[2] == (("低碳",), ())  # in no theme: on its own, not widened


def test_theme_of_prefers_the_label_then_the_heaviest_term():
    assert theme_of("师德", MODEL).id == 1
    assert theme_of("运动会", MODEL).id == 2
    assert theme_of("低碳", MODEL) is None


def test_without_themes_one_section_per_keyword():
    assert keyword_groups(("女职工", "健康"), None) == [(("女职工",), ()), (("健康",), ())]


def test_draft_with_themes_widens_retrieval(corpus_articles):
    plain = draft(["运动会"], articles=corpus_articles, org_type="school", year=2027)
    wide = draft(["运动会"], articles=corpus_articles, org_type="school", year=2027, themes=MODEL)
    work = [s for s in wide.walk() if s.role == "work"]
    assert all("运动会" in s.theme for s in work if s.level == 1)
    texts = [x.text for s in work for x in s.sentences]
    # sentences about 比赛 without the word 运动会 come in only through the theme
    assert any("比赛" in t and "运动会" not in t for t in texts)
    assert not any("比赛" in x.text and "运动会" not in x.text for s in plain.walk() if s.role == "work"
                   for x in s.sentences)
    assert len(wide.sentences()) >= len(plain.sentences())


def test_themes_fit_on_the_archive_when_asked(corpus_articles, monkeypatch):
    import sys
    import types

    calls = []

    def fit_themes(articles, **params):
        calls.append((len(articles), params))
        return MODEL

    monkeypatch.setitem(sys.modules, "nlp.themes", types.SimpleNamespace(fit_themes=fit_themes))
    d = draft(["女职工", "健康"], articles=corpus_articles, org_type="school", year=2027, themes=True)
    assert calls == [(len(corpus_articles), {"random_state": 0})]
    assert [s.theme for s in d.sections if s.role == "work" and s.level == 1] == [("女职工", "健康")]
