"""Themes of the seed corpus: scored against the gold theme labels of level-1 headings (read from
../shared, skipped when absent), the seed duplicate pair, and identical runs."""

from __future__ import annotations

import json

import pytest

from nlp.themes import ThemeModel, theme_units
from nlp.themes.duplicates import jaccard, same_plan, shingles
from nlp.themes.evaluate import gold_unit_labels, score_labels

from conftest import ROOT

GOLD = ROOT.parent / "shared" / "eval" / "gold"


@pytest.fixture(scope="module")
def units(corpus_articles):
    return theme_units(corpus_articles)


@pytest.fixture(scope="module")
def model(units):
    return ThemeModel().fit(units)


@pytest.mark.skipif(not GOLD.is_dir(), reason="gold annotations (../shared/eval/gold) not present")
def test_auto_themes_reach_the_targets_against_gold(corpus_articles, units, model):
    gold = gold_unit_labels(corpus_articles, units, [GOLD])
    assert sum(g is not None for g in gold) >= 200
    scores = score_labels(gold, model.labels_)
    assert scores["F"] >= 0.60 and scores["NMI"] >= 0.55 and scores["ARI"] >= 0.35, scores
    assert 8 <= model.k_selection_.chosen <= 25


def test_seed_duplicate_pair_is_found_and_every_pair_is_one_plan(corpus_articles, model):
    keys = [[(s.rsplit("/", 1)[-1], a) for s, a in g] for g in model.duplicates_]
    assert [("000_9825fc98e55fd8cd.txt", 0), ("000_9825fc98e55fd8cd.txt", 4)] in keys
    text = {(a.source, a.index): a.text for a in corpus_articles}
    for group in model.duplicates_:
        first = shingles(text[group[0]])
        for other in group[1:]:
            assert same_plan(first, shingles(text[other]))
    # and the articles left apart are far apart: no two share a third of their shingles
    grouped = {k for g in model.duplicates_ for k in g[1:]}
    sets = [shingles(t) for k, t in text.items() if k not in grouped]
    worst = max(jaccard(a, b) for i, a in enumerate(sets) for b in sets[:i])
    assert worst < 0.5


def test_no_outlier_bin_and_areas_named(model, units):
    assert max(t.share for t in model.themes_) < 0.25
    assert sum(t.size for t in model.themes_) == len(units)
    assert sum(t.area is not None for t in model.themes_) >= len(model.themes_) // 2


def test_same_input_same_json(units, model):
    again = ThemeModel().fit(units)
    assert json.dumps(model.to_dict(), ensure_ascii=False) == json.dumps(again.to_dict(), ensure_ascii=False)


def test_member_offsets_point_into_analyzed_articles(corpus_articles, model):
    text = {(a.source, a.index): a.text for a in corpus_articles}
    for theme in model.themes_:
        for u in theme.members:
            assert text[(u.source, u.article)][u.start:u.end] == u.text
