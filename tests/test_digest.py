"""Digest (issue 7): data, summaries, archive views, renderers and the summarize CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from nlp.digest import build_digest, render_html, render_json, render_markdown
from nlp.digest.build import PLACEHOLDER_YEAR, activity_keys, year_label
from nlp.digest.cli import app
from nlp.digest.summary import is_boilerplate, pagerank
from nlp.model import Article, DateMention, Flag

ROOT = Path(__file__).resolve().parents[1]
SEED_000 = "000_9825fc98e55fd8cd"
SITE_WORDS = ("小编", "查看剩余", "范文", "下载", "作者:", "作者：")


@pytest.fixture(scope="module")
def articles():
    from nlp.api import analyze_path, iter_files

    return [a for f in iter_files([ROOT / "corpus"]) for a in analyze_path(f)]


@pytest.fixture(scope="module")
def digest(articles):
    return build_digest(articles)


def _entry(digest, stem: str, title_suffix: str):
    return next(e for e in digest.articles if e.id.startswith(stem) and e.title.endswith(title_suffix))


# ----------------------------------------------------------------------------- units


def test_pagerank_prefers_central_node_and_prior():
    # Node 0 is similar to both others; 1 and 2 are not similar to each other.
    sim = np.array([[1, .5, .5], [.5, 1, 0], [.5, 0, 1]])
    r = pagerank(sim, np.ones(3))
    assert r[0] > r[1] and abs(r.sum() - 1) < 1e-6
    # A prior on node 2 lifts it above node 1.
    r2 = pagerank(sim, np.array([1.0, 1.0, 3.0]))
    assert r2[2] > r2[1]


def test_boilerplate_sentences():
    assert is_boilerplate("下面是小编为大家整理的学校工会计划，希望大家喜欢。")
    assert is_boilerplate("查看剩余 60% 全文")
    assert not is_boilerplate("全年组织职工技能培训四期，提高职工素质。")


def test_activity_keys_holiday_and_head_noun():
    assert activity_keys("组织“五一”职工登山活动") == ["劳动节"]
    assert "元旦" in activity_keys("元旦迎新长跑、慰问离休干部")
    keys = activity_keys("5月中旬举办青年歌手大奖赛")
    assert keys and not any(ch.isdigit() for k in keys for ch in k) and "5月" not in keys[0]


def test_year_label_placeholder():
    a = Article(source="x.txt", index=0, title="t", text="20xx年工会工作计划",
                dates=(DateMention("20xx年", 0, 5, "year", placeholder=True),),
                flags=(Flag("placeholder", "20xx年", 0, 5),))
    assert year_label(a) == PLACEHOLDER_YEAR
    b = Article(source="x.txt", index=0, title="t", text="本年工会工作计划", year=2015)
    assert year_label(b) == "2015"


def test_summary_of_handmade_archive_is_extractive():
    from nlp.api import analyze_text

    text = ("二〇一五年县教育工会工作计划\n一、指导思想\n以服务教职工为中心，推进学校民主管理。\n"
            "二、主要工作\n全年力争新建职工书屋五个，培训工会干部两百人次。\n"
            "三月份举办女教职工健康讲座。九月份庆祝教师节，表彰优秀教师。\n")
    arts = analyze_text(text, source="hand.txt")
    d = build_digest(arts)
    for e, a in zip(d.articles, arts):
        assert e.summary and all(s in a.text for s in e.summary)
        assert sum(map(len, e.summary)) <= 200


# ----------------------------------------------------------------------------- seeds


def test_calendar_of_seed_000_article_4_has_march(digest):
    e = _entry(digest, SEED_000, "篇四")
    march = [row for row in e.calendar if 3 in row.months]
    assert march and any(row.activities for row in march)


def test_targets_table_of_seed_000_article_1(digest):
    e = _entry(digest, SEED_000, "篇一")
    rows = [t for t in e.targets if "力争再创十家示范工会" in t.clause]
    assert rows
    t = rows[0]
    assert t.value == "10" and t.unit == "家" and t.status == "goal" and t.subject == "示范工会"


def test_summaries_are_substrings_and_not_boilerplate(digest, articles):
    by_id = {f"{Path(a.source).stem}#{a.index}": a for a in articles}
    for e in digest.articles:
        assert len(e.summary) <= 3
        for s in e.summary:
            assert s in by_id[e.id].text
            assert not any(w in s for w in SITE_WORDS)


def test_archive_counts_add_up(digest, articles):
    arch = digest.archive
    assert arch.articles == len(articles) == len(digest.articles)
    for counts in (arch.by_genre, arch.by_org_type, arch.by_year):
        assert sum(counts.values()) == len(articles)


def test_near_duplicate_pair_in_seed_000(digest):
    titles = {e.id: e.title for e in digest.articles}
    groups = [[titles[i] for i in g] for g in digest.archive.duplicates]
    assert any(any(t.endswith("篇一") for t in g) and any(t.endswith("篇五") for t in g) for g in groups)
    # No group is the whole archive: the threshold separates distinct plans.
    assert all(len(g) < len(titles) / 2 for g in groups)


def test_archive_calendar_counts_plans(digest):
    months = {m.month: m for m in digest.archive.calendar}
    assert set(months) <= set(range(1, 13))
    for m in months.values():
        for act in m.activities:
            assert 1 <= act.plans <= digest.archive.articles
        assert [a.plans for a in m.activities] == sorted((a.plans for a in m.activities), reverse=True)


def test_renderers_agree(digest):
    md = render_markdown(digest)
    data = json.loads(render_json(digest))
    assert [a["id"] for a in data["articles"]] == [e.id for e in digest.articles]
    for a in data["articles"]:
        assert f"`{a['id']}`" in md
    assert data["archive"]["articles"] == len(data["articles"])
    html = render_html(digest)
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html
    assert html.count("<section id=") == len(digest.articles)


def test_html_escapes_document_text():
    a = Article(source="evil.txt", index=0, title="<script>alert(1)</script>",
                text="一、加强<b>学习</b>，提高素质。全年培训职工三次，提高技能水平。")
    html = render_html(build_digest([a]))
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html


def test_deterministic(articles):
    assert render_json(build_digest(articles)) == render_json(build_digest(articles))


# ----------------------------------------------------------------------------- CLI


def test_cli_writes_output_and_reports_bad_file(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(ROOT / "corpus" / "001_0d86f010e203b325.txt", src / "good.txt")
    (src / "bad.pdf").write_bytes(b"\x00\x01 not a pdf")
    out = tmp_path / "digest.json"
    result = CliRunner().invoke(app, [str(src), "-o", str(out), "--format", "json", "--top", "3"])
    assert result.exit_code == 1, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["articles"]) >= 1 and data["errors"] and "bad.pdf" in data["errors"][0]


def test_cli_markdown_ok(tmp_path):
    out = tmp_path / "d.md"
    result = CliRunner().invoke(app, [str(ROOT / "corpus" / "001_0d86f010e203b325.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("# ")
