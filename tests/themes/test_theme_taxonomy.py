"""The shipped taxonomy of union work areas and user taxonomy files."""

from __future__ import annotations

import pytest

from nlp.errors import PlanNLPError
from nlp.themes.taxonomy import load_taxonomy, parse_taxonomy


def test_shipped_taxonomy_names_the_union_work_areas():
    tax = load_taxonomy()
    for name in ("组织建设", "民主管理", "维权", "帮扶", "女工", "文体活动", "素质提升", "思想政治", "宣传",
                 "经费财务", "自身建设"):
        assert name in tax.names
    assert all(len(a.terms) >= 10 for a in tax.areas)
    assert {a.kind for a in tax.areas} == {"work", "part"}


def test_user_taxonomy_file(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('[[area]]\nname = "安全生产"\nterms = ["安全检查", "隐患排查"]\n'
                    '[[area]]\nname = "青年工作"\naliases = ["青工"]\nterms = ["青年", "团员"]\n', encoding="utf-8")
    tax = load_taxonomy(path)
    assert tax.names == ["安全生产", "青年工作"]
    assert tax.areas[1].description.splitlines() == ["青年工作", "青工", "青年", "团员"]


@pytest.mark.parametrize("text, reason", [
    ("[[area]\nname=", "not valid TOML"),
    ('title = "x"\n', "no [[area]]"),
    ('[[area]]\nterms = ["a"]\n', "has no name"),
    ('[[area]]\nname = "甲"\nterms = []\n', "has no terms"),
    ('[[area]]\nname = "甲"\nterms = "经费"\n', "terms must be a list"),
    ('[[area]]\nname = "甲"\nterms = ["a"]\nkind = "other"\n', "kind must be"),
    ('[[area]]\nname = "甲"\nterms = ["a"]\n[[area]]\nname = "甲"\nterms = ["b"]\n', "defined twice"),
])
def test_bad_taxonomy_is_refused_naming_file_and_reason(tmp_path, text, reason):
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanNLPError) as err:
        load_taxonomy(path)
    assert reason in err.value.detail and err.value.path == str(path)


def test_missing_taxonomy_file_names_it(tmp_path):
    with pytest.raises(PlanNLPError, match="cannot read taxonomy"):
        load_taxonomy(tmp_path / "absent.toml")


def test_parse_keeps_area_order():
    tax = parse_taxonomy('[[area]]\nname = "乙"\nterms = ["b"]\n[[area]]\nname = "甲"\nterms = ["a"]\n')
    assert tax.names == ["乙", "甲"]
