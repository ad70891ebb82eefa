"""ThemeModel on hand-written plans: named areas, automatic k, determinism, transform, no taxonomy."""

from __future__ import annotations

import json

import numpy as np
import pytest

from nlp.api import analyze_text
from nlp.themes import ThemeModel, fit_themes, theme_units
from nlp.themes.evaluate import clustering_scores
from nlp.themes.taxonomy import parse_taxonomy

from theme_samples import AREAS, plan_areas, plan_text

N_PLANS = 12


@pytest.fixture(scope="module")
def articles():
    return [a for i in range(N_PLANS) for a in analyze_text(plan_text(i), source=f"plans/p{i:02d}.txt")]


@pytest.fixture(scope="module")
def units(articles):
    return theme_units(articles)


@pytest.fixture(scope="module")
def fitted(units):
    return ThemeModel().fit(units)


def _truth() -> list[str]:
    return [a for i in range(N_PLANS) for a in plan_areas(i)]


def test_auto_k_finds_the_four_areas_and_names_them(fitted):
    assert fitted.k_selection_.chosen == 4
    assert sorted(t.label for t in fitted.themes_) == sorted(AREAS)
    assert all(t.kind == "area" and t.area == t.label for t in fitted.themes_)
    assert clustering_scores(_truth(), fitted.labels_.tolist())["ARI"] == 1.0


def test_each_theme_carries_terms_members_and_spread(fitted, units):
    by_label = {t.label: t for t in fitted.themes_}
    money = by_label["经费财务"]
    assert any("经费" in term for term, _ in money.terms[:5])
    assert all(w > 0 for _, w in money.terms)
    assert money.size == len(money.members) == N_PLANS and money.share == pytest.approx(0.25)
    assert sum(t.size for t in fitted.themes_) == len(units)
    assert sum(money.by_org_type.values()) == money.size and money.by_year
    assert set(money.representatives) <= set(money.members)


def test_generic_plan_words_do_not_top_the_terms(fitted):
    for theme in fitted.themes_:
        assert not {"工作", "工会", "职工", "活动"} & {t for t, _ in theme.terms[:3]}


def test_json_shape_and_identical_runs(units, fitted):
    first = json.dumps(fitted.to_dict(), ensure_ascii=False, sort_keys=True)
    again = json.dumps(ThemeModel().fit(units).to_dict(), ensure_ascii=False, sort_keys=True)
    assert first == again
    data = json.loads(first)
    assert set(data) >= {"themes", "duplicates", "k_selection"}
    theme = data["themes"][0]
    assert set(theme) >= {"id", "label", "area", "terms", "size", "share", "members", "by_year", "by_org_type",
                          "by_genre"}
    assert set(theme["members"][0]) == {"source", "article", "heading", "start", "end"}
    curve = data["k_selection"]["curve"]
    assert [p["k"] for p in curve] == list(range(2, len(units) // 4 + 1)) and data["k_selection"]["chosen"] == 4


def test_transform_places_new_sections_in_their_theme(fitted):
    new = analyze_text("一、做好经费预算和审计\n年初编制工会经费预算，经审委员会审计收支账目，票据统一报销。\n\n"
                       "二、举办职工运动会\n秋季举办职工运动会，设拔河、篮球和乒乓球比赛。\n", source="new.txt")
    labels = fitted.transform(theme_units(new))
    names = [fitted.themes_[i].label for i in labels]
    assert names == ["经费财务", "文体活动"]
    assert fitted.transform([]).shape == (0,)


def test_fixed_k_and_random_state(units):
    model = ThemeModel(n_themes=2, random_state=3).fit(units)
    assert len(model.themes_) == 2 and model.k_selection_.method == "fixed"
    assert model.k_selection_.to_dict()["curve"] == []


def test_without_taxonomy_themes_are_discovered_and_labelled_by_terms_and_heading(units):
    model = ThemeModel(taxonomy=None).fit(units)
    assert clustering_scores(_truth(), model.labels_.tolist())["ARI"] == 1.0
    for theme in model.themes_:
        assert theme.area is None and theme.kind == "discovered"
        words, _, heading = theme.label.partition("（")
        assert "、" in words and heading.rstrip("）") in {u.heading for u in theme.members}


def test_user_taxonomy_names_only_what_it_knows(units):
    tax = parse_taxonomy('[[area]]\nname = "职工福利与救助"\nterms = ["困难职工", "慰问", "救助", "帮困", "助学"]\n')
    model = ThemeModel(taxonomy=tax).fit(units)
    areas = {t.area for t in model.themes_}
    assert "职工福利与救助" in areas and None in areas


def test_near_duplicate_plans_are_fitted_once_but_every_section_is_labelled(articles):
    copy = analyze_text(plan_text(0).replace("，", ","), source="plans/copy.txt")
    model = fit_themes([*articles, *copy])
    assert [[s for s, _ in g] for g in model.duplicates_] == [["plans/p00.txt", "plans/copy.txt"]]
    assert len(model.labels_) == len(model.units_) == 4 * (N_PLANS + 1)
    assert model.to_dict()["duplicates"][0][1] == {"source": "plans/copy.txt", "article": 0,
                                                   "title": copy[0].title}
    copy_labels = model.labels_[-4:]
    assert np.array_equal(copy_labels, model.labels_[:4])


def test_empty_input_is_refused():
    with pytest.raises(ValueError, match="no sections"):
        ThemeModel().fit([])


def test_unknown_embedder_is_refused(units):
    with pytest.raises(ValueError, match="unknown embedder"):
        ThemeModel(embedder="word2vec").fit(units)
    with pytest.raises(ValueError, match="needs model"):
        ThemeModel(embedder="transformers").fit(units)


def test_archive_section_for_the_digest(articles):
    from nlp.themes import archive_themes_section

    section = archive_themes_section(articles)
    assert sorted(t["label"] for t in section["themes"]) == sorted(AREAS)
    assert [r["theme"] for r in section["rows"]] == [t["label"] for t in section["themes"]]
    assert section["rows"][0]["share"] == "25%"
    assert archive_themes_section([]) == {"themes": [], "duplicates": [], "k_selection": {}, "rows": []}
