"""The architecture page and the README's layout say what the code is."""

from __future__ import annotations

from pathlib import Path

import regex

from nlp.pipeline import PIPELINE
from nlp.registry import INPUT_FIELDS

ROOT = Path(__file__).resolve().parents[2]


def test_component_table_matches_the_registry():
    page = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    rows = regex.findall(r"^\| `(\w+)` \| ([^|]*) \| ([^|]*) \|$", page, flags=regex.M)
    documented = [(name, tuple(r.strip() for r in req.split(",") if r.strip()),
                   tuple(a.strip() for a in asg.split(","))) for name, req, asg in rows]
    assert documented == [(c.name, c.requires, c.assigns) for c in PIPELINE]
    given = regex.search(r"Fields given before any component runs: (.*?)\.\n", page, flags=regex.S).group(1)
    assert set(regex.findall(r"`(\w+)`", given)) == set(INPUT_FIELDS)


def test_readme_layout_draws_the_folders_as_they_are():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Layout", 1)[1].split("```", 2)[1]
    top = set(regex.findall(r"^([a-z_]+)/ ", block, flags=regex.M))
    package = set(regex.findall(r"^  ([a-z_]+)/ ", block, flags=regex.M))
    assert top == {p.name for p in ROOT.iterdir() if p.is_dir() and not p.name.startswith(".")
                   and any(p.glob("*"))
                   and p.name not in {"out", "build"} and not p.name.endswith(".egg-info")}
    assert package == {p.name for p in (ROOT / "nlp").iterdir()
                       if p.is_dir() and (p / "__init__.py").exists()}
