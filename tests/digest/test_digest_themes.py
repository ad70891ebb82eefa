"""The digest's archive section on themes (issue 18): opt-in, in Markdown, HTML and JSON."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nlp.digest import build_digest, render_html, render_json, render_markdown
from nlp.digest.cli import app

ROOT = Path(__file__).resolve().parents[2]
SMALL_FILE = ROOT / "corpus" / "001_0d86f010e203b325.txt"
# Value codes of the themes JSON that must never reach a reader.
CODES = ("discovered", "area", "None", "True", "False", "representatives")


@pytest.fixture(scope="module")
def digest(corpus_articles):
    return build_digest(corpus_articles, themes={})


@pytest.fixture(scope="module")
def section(digest):
    return json.loads(render_json(digest))["archive"]["themes"]


@pytest.fixture(scope="module")
def html(digest) -> str:
    return render_html(digest)


@pytest.fixture(scope="module")
def markdown(digest) -> str:
    return render_markdown(digest)


def _html_section(html: str) -> str:
    return html.split('<h2 id="themes">', 1)[1].split('<h2 id="articles">', 1)[0]


def _md_section(md: str) -> str:
    return md.split("\n## 主题\n", 1)[1].split("\n## 各篇", 1)[0]


def _md_rows(md: str) -> list[list[str]]:
    lines = [ln for ln in _md_section(md).splitlines() if ln.startswith("| ") and not ln.startswith("| 名称")]
    return [[c.strip() for c in ln.strip("|").split(" | ")] for ln in lines]


def test_json_section_has_the_themes_command_shape(corpus_articles, section):
    from nlp.themes import fit_themes, theme_units

    assert len(section["themes"]) >= 8
    assert section["units"] == len(theme_units(corpus_articles))
    assert sum(t["size"] for t in section["themes"]) == section["units"]
    # Exactly what `themes --format json` writes for the same articles and default parameters.
    expected = json.loads(json.dumps(fit_themes(corpus_articles).to_dict(), ensure_ascii=False))
    assert section == expected


def test_markdown_table_sums_to_the_sections(markdown, section):
    rows = _md_rows(markdown)
    assert len(rows) == len(section["themes"]) >= 8
    assert all(len(r) == 5 for r in rows)
    assert sum(int(r[3]) for r in rows) == section["units"]
    assert {r[1] for r in rows} <= {"是", "否"}
    assert [r[0] for r in rows] == [t["label"] for t in section["themes"]]
    assert all(r[4].endswith("%") for r in rows)


def test_markdown_names_representative_sections_by_source_and_heading(markdown, section):
    text = _md_section(markdown).replace("\\", "")
    for theme in section["themes"]:
        rep = theme["representatives"][0]
        line = next(ln for ln in text.splitlines() if ln.startswith(f"- {theme['label']}（"))
        assert Path(rep["source"]).name in line and " ".join(rep["heading"].split()) in line


def test_html_table_and_links_point_at_article_anchors(html, section):
    part = _html_section(html)
    cells = re.findall(r"<tr><td>(.*?)</td><td>(是|否)</td><td>.*?</td><td class=\"n\">(\d+)</td>", part)
    assert len(cells) == len(section["themes"]) >= 8
    assert sum(int(n) for _, _, n in cells) == section["units"]
    anchors = set(re.findall(r'<article class="entry" id="(a\d+)"', html))
    links = re.findall(r'<a href="#([^"]+)">', part)
    assert len(links) >= len(section["themes"]) and set(links) <= anchors
    assert '<a href="#themes">主题</a>' in html


def test_labels_are_chinese_in_visible_text_only(html, markdown):
    visible = re.sub(r"<[^>]+>", "\n", _html_section(html))
    md = _md_section(markdown)
    for code in CODES:
        assert code not in visible and code not in md, code
    assert "是否分类表领域" in visible and "主要词语" in md
    # Attributes stay ASCII: ids, classes and link targets are not for reading.
    assert all(a.isascii() for a in re.findall(r'(?:id|class|href)="([^"]*)"', _html_section(html)))


def test_without_themes_nothing_about_them_and_no_import(tmp_path):
    """The default digest neither fits themes nor imports nlp.themes (it costs seconds)."""
    code = (
        "import sys\n"
        "from nlp.digest.cli import app\n"
        f"for fmt, out in (('md', 'd.md'), ('html', 'd.html'), ('json', 'd.json')):\n"
        f"    try: app([{str(SMALL_FILE)!r}, '--format', fmt, '-o', {str(tmp_path)!r} + '/' + out])\n"
        "    except SystemExit as e: assert not e.code, e.code\n"
        "print('nlp.themes' in sys.modules, 'nlp.themes.model' in sys.modules)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                          timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split() == ["False", "False"]
    md, page = (tmp_path / "d.md").read_text(encoding="utf-8"), (tmp_path / "d.html").read_text(encoding="utf-8")
    assert "\n## 主题\n" not in md and "是否分类表领域" not in md
    assert 'id="themes"' not in page and "是否分类表领域" not in page
    assert "themes" not in json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))["archive"]


def test_settings_file_turns_themes_on_and_the_flag_off(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLAN_NLP_CONFIG", raising=False)
    (tmp_path / "plan-nlp.toml").write_text("[digest]\nthemes = true\n[themes]\nn_themes = 3\n", encoding="utf-8")
    on = CliRunner().invoke(app, [str(SMALL_FILE), "--format", "json"])
    assert on.exit_code == 0, on.output
    themes = json.loads(on.stdout)["archive"]["themes"]
    assert len(themes["themes"]) == 3 and themes["params"]["n_themes"] == 3
    off = CliRunner().invoke(app, [str(SMALL_FILE), "--format", "json", "--no-themes"])
    assert off.exit_code == 0 and "themes" not in json.loads(off.stdout)["archive"]


def test_bad_number_of_themes_in_settings_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLAN_NLP_CONFIG", raising=False)
    (tmp_path / "plan-nlp.toml").write_text('[themes]\nn_themes = "many"\n', encoding="utf-8")
    result = CliRunner().invoke(app, [str(SMALL_FILE), "--themes"])
    assert result.exit_code == 2 and "n_themes" in result.output
