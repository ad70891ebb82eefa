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
from nlp.digest.render_md import md_text
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
        assert sum(map(len, e.summary)) <= 360  # the default: --max-chars 360


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
        assert len(e.summary) <= 4  # the default: --sentences 4
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
    for e in digest.articles:
        assert md_text(e.display_title) in md
    assert data["archive"]["articles"] == len(data["articles"])
    html = render_html(digest)
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html
    assert html.count('<article class="entry"') == len(digest.articles)


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


# ----------------------------------------------------------------------------- issue 7, second pass


def test_tfidf_matches_sklearn_smooth_idf():
    # The in-house vectorizer replaces sklearn's (a 1 s import); same weights on the same words.
    from sklearn.feature_extraction.text import TfidfVectorizer

    from nlp.digest.summary import ArchiveTfidf, tokenize

    texts = ["组织职工开展技能比赛，提高职工技能。", "开展职工健康讲座。", "慰问困难职工，开展送温暖活动。"]
    ours = ArchiveTfidf().fit_transform(texts).toarray()
    ref_vec = TfidfVectorizer(tokenizer=tokenize, lowercase=False, token_pattern=None, sublinear_tf=True)
    ref = ref_vec.fit_transform(texts)
    mine = ArchiveTfidf()
    mine.fit_transform(texts)
    order = [mine.vocabulary_[w] for w in ref_vec.get_feature_names_out()]
    assert np.allclose(ours[:, order], ref.toarray())


def test_tfidf_without_words_raises():
    from nlp.digest.summary import ArchiveTfidf

    with pytest.raises(ValueError):
        ArchiveTfidf().fit_transform(["，。", "123"])


def test_lead_ordinal_is_stripped_from_summary_sentences():
    from nlp.digest.summary import LEAD_ORDINAL

    assert LEAD_ORDINAL.match("三是健全职工书屋借阅制度").group() == "三是"
    assert LEAD_ORDINAL.match("二)组织青年教师赛课").group() == "二)"
    assert LEAD_ORDINAL.match("统一是非标准") is None
    assert LEAD_ORDINAL.match("1.5万元用于慰问") is None
    assert LEAD_ORDINAL.match("“五一”前组织职工登山") is None
    assert LEAD_ORDINAL.match("）、（三）开展读书月活动").group() == "）、（三）"


def test_tasks_ranked_with_targets_and_dates_first():
    from nlp.digest.build import task_items
    from nlp.model import Target, Task

    text = "加强宣传教育。九月份组织教师节表彰。全年新建职工书屋三个。"
    tasks = (Task("加强宣传教育", 0, 6, "加强", ("一",)),
             Task("九月份组织教师节表彰", 7, 17, "组织", ("一",), dates=(0,)),
             Task("全年新建职工书屋三个", 18, 28, "新建", ("一",), targets=(0,)))
    a = Article(source="t.txt", index=0, title="t", text=text, tasks=tasks,
                targets=(Target("新建职工书屋三个", 20, 28, 3, None, None, "个", "=", "goal", "职工书屋"),))
    ranked = task_items(a, top=2)
    assert [t.text for t in ranked] == ["全年新建职工书屋三个", "九月份组织教师节表彰"]


def test_loose_items_take_season_clauses_not_whole_year():
    from nlp.digest.build import loose_items

    text = "上半年举办青年教师读书会，全年做好会员服务。"
    a = Article(source="t.txt", index=0, title="t", text=text,
                dates=(DateMention("上半年", 0, 3, "season", months=(1, 6)),
                       DateMention("全年", 13, 15, "season", months=(1, 12))))
    items = loose_items(a)
    assert [(i.label, i.activity) for i in items] == [("上半年", "上半年举办青年教师读书会")]


def test_duplicated_sentence_flag():
    from nlp.digest.build import duplicated_sentences, flag_rows

    text = "组织全体会员参加春季运动会。开展读书活动。组织全体会员参加春季运动会。好。好。"
    flags = duplicated_sentences(Article(source="t.txt", index=0, title="t", text=text))
    assert [f.text for f in flags] == ["组织全体会员参加春季运动会。"]
    assert text[flags[0].start:flags[0].end] == flags[0].text and flags[0].start > 0
    rows = flag_rows([*flags, Flag("placeholder", "xx年", 0, 3), Flag("placeholder", "xx年", 9, 12)])
    assert [(r.kind, r.count, r.examples) for r in rows] == [
        ("duplicated_text", 1, ["组织全体会员参加春季运动会。"]), ("placeholder", 2, ["xx年"])]


def test_activity_kinds():
    from nlp.digest.archive import activity_kind_of

    assert activity_kind_of("庆祝“三八”妇女节，组织女职工登山") == ["holiday", "culture"]
    assert "care" in activity_kind_of("走访慰问离退休教师")
    assert activity_kind_of("布置宣传栏") == ["other"]


def test_largest_targets_compare_within_a_unit():
    from nlp.digest.build import target_stats
    from nlp.model import Target

    def art(i, text, *targets):
        return Article(source=f"{i}.txt", index=0, title="t", text=text, targets=targets)

    arts = [art(1, "筹集帮扶资金50000元，新建书屋8家", Target("50000元", 6, 12, 50000, None, None, "元", "=", "goal", "帮扶资金"),
                Target("8家", 16, 18, 8, None, None, "家", "=", "goal", "书屋")),
            art(2, "新建书屋12家", Target("12家", 4, 7, 12, None, None, "家", "=", "goal", "书屋"))]
    largest, frequent = target_stats(arts, top=5)
    assert {(s.unit, s.subject, s.largest) for s in largest} == {("元", "帮扶资金", "50000"), ("家", "书屋", "12")}
    assert frequent[0].subject == "书屋" and frequent[0].plans == 2


def test_archive_calendar_names_womens_day_in_march(digest):
    march = next(m for m in digest.archive.calendar if m.month == 3)
    womens = [a for a in march.activities if a.key == "妇女节"]
    assert womens and womens[0].plans >= 2
    # The heatmap agrees: the holiday row is not empty in March.
    holiday = next(r for r in digest.archive.heatmap if r.kind == "holiday")
    assert len(holiday.months) == 12 and holiday.months[2] >= womens[0].plans


def _svgs(html: str) -> list:
    import re
    import xml.etree.ElementTree as ET

    return [ET.fromstring(block) for block in re.findall(r"<svg\b.*?</svg>", html, re.S)]


def test_html_svg_charts_are_well_formed(digest):
    html = render_html(digest)
    svgs = _svgs(html)  # ElementTree raises on malformed XML
    ns = "{http://www.w3.org/2000/svg}"
    assert len(svgs) == 4
    heat = [s for s in svgs if "月份" in s.get("aria-label", "")]
    assert len(heat) == 1
    rows = [r for r in digest.archive.heatmap if any(r.months)]
    assert len(heat[0].findall(f"{ns}rect")) == 12 * len(rows)
    labels = [t.text for t in heat[0].findall(f"{ns}text")]
    assert [str(m) for m in range(1, 13)] == labels[:12] and all(r.label in labels for r in rows)
    genre = next(s for s in svgs if "体裁" in s.get("aria-label", ""))
    values = [int(t.text) for t in genre.findall(f".//{ns}text[@class='num']")]
    assert values == list(digest.archive.by_genre.values())
    for s in svgs:
        w, h = map(float, s.get("viewBox").split()[2:])
        assert w <= 400 and h > 0  # fits a phone screen without scaling below legibility


def test_html_is_self_contained_with_cjk_font(digest):
    html = render_html(digest)
    assert "WenQuanYi Micro Hei" in html and "<style>" in html
    # One inline script (the filter box), nothing fetched from anywhere.
    assert html.count("<script") == 1 and "<script>" in html and "<link" not in html
    assert "src=" not in html and "url(" not in html and "http" not in html.split("<script>")[1]
    assert 'name="viewport"' in html and 'id="archive"' in html


def test_html_escapes_text_in_every_block():
    # A hostile article: markup in its title, body, target clause and schedule.
    from nlp.model import ScheduleItem, Target

    text = "三月份举办<img src=x onerror=alert(1)>比赛。全年新建<b>书屋</b>3个。"
    a = Article(source="evil.txt", index=0, title="<script>alert(1)</script>计划", text=text,
                targets=(Target("3个", 23, 25, 3, None, None, "个", "=", "goal", "<b>书屋</b>"),),
                schedule=(ScheduleItem((3,), "举办<img src=x onerror=alert(1)>比赛", 3, 33),))
    html = render_html(build_digest([a]))
    assert "<script>alert" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;计划" in html and "&lt;img src=x" in html
    _svgs(html)  # still well-formed
    import re

    md = render_markdown(build_digest([a]))
    # Markdown escapes with a backslash: `\<img` shows the text, `<img` would be markup.
    assert not re.search(r"(?<!\\)<(?:script|img|b>)", md), md


def test_heading_tasks_rank_after_body_tasks():
    from nlp.digest.build import task_items
    from nlp.model import Heading, Task

    text = "一、加强职工培训\n组织青年职工参加技能培训。"
    a = Article(source="t.txt", index=0, title="t", text=text,
                headings=(Heading(1, "一、", "加强职工培训", 0, 8, 2),),
                tasks=(Task("加强职工培训", 2, 8, "加强", ()), Task("组织青年职工参加技能培训", 9, 21, "组织", ("加强职工培训",))))
    assert [t.text for t in task_items(a, top=2)] == ["组织青年职工参加技能培训", "加强职工培训"]


def test_loose_items_need_a_task_when_tasks_are_known():
    from nlp.digest.build import loose_items
    from nlp.model import Task

    text = "又到新学期，新学期组织教工趣味运动会。"
    a = Article(source="t.txt", index=0, title="t", text=text,
                dates=(DateMention("新学期", 2, 5, "season"), DateMention("新学期", 6, 9, "season")),
                tasks=(Task("组织教工趣味运动会", 9, 18, "组织"),))
    assert [i.activity for i in loose_items(a)] == ["新学期组织教工趣味运动会"]
