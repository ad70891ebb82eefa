"""nlp.Corpus: the same articles from files and from a batch database, as pandas frames; search."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

pd = pytest.importorskip("pandas")

from nlp import Corpus, analyze_text  # noqa: E402
from nlp.batch import run_batch  # noqa: E402
from nlp.errors import PlanNLPError  # noqa: E402

# Written for these tests: a plan with an outline, dated activities, a recurring one and goals,
# and a year-end summary reporting results.
PLAN = """2024年某某公司工会工作计划
一、加强职工技能培训
1．举办职工技能培训班，安排在三月份，力争培训职工200人以上。
2．每月组织一次职工读书分享活动。
二、关心职工生活
1．春节前走访慰问困难职工，计划慰问30户。
2．举办职工趣味运动会，安排在五月份。
"""
SUMMARY = """2023年某某社区工会工作总结
一、组织建设
全年新建基层工会5家，发展会员120人。
二、帮扶工作
春节期间共慰问困难职工40户，发放慰问金3万元。
"""


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("archive")
    (root / "plan.txt").write_text(PLAN, encoding="utf-8")
    (root / "summary.txt").write_text(SUMMARY, encoding="utf-8")
    (root / "broken.txt").write_bytes(b"\x00\x01\x02" * 50)
    return root


@pytest.fixture(scope="module")
def db(archive, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("db") / "plans.db"
    report = run_batch(archive, path, workers=1)
    assert (report.analyzed, report.failed) == (2, 1)
    return path


@pytest.fixture(scope="module")
def from_files(archive) -> Corpus:
    return Corpus.from_paths([archive / "plan.txt", archive / "summary.txt"])


def test_articles_frame_has_genre_org_type_and_year(from_files):
    frame = from_files.articles_frame()
    assert len(frame) == len(from_files) == 2
    plan = frame[frame.source.str.endswith("plan.txt")].iloc[0]
    summary = frame[frame.source.str.endswith("summary.txt")].iloc[0]
    assert (plan.genre, plan.year) == ("plan", 2024)
    assert (summary.genre, summary.year) == ("summary", 2023)
    assert str(frame.year.dtype) == "Int64"  # years stay integers, missing ones are <NA>
    assert plan.headings >= 2 and plan.targets >= 1 and plan.schedule >= 2


def test_targets_frame_separates_goals_from_results(from_files):
    targets = from_files.targets_frame()
    goals = targets[targets.status == "goal"]
    achieved = targets[targets.status == "achieved"]
    assert set(goals.source.map(lambda s: Path(s).name)) == {"plan.txt"}
    assert "summary.txt" in set(achieved.source.map(lambda s: Path(s).name))
    assert {"人", "户"} <= set(goals.unit)
    people = goals[goals.unit == "人"].iloc[0]
    assert (people.comparator, people.value) == (">=", 200)


def test_frame_offsets_point_into_article_text(from_files):
    texts = {(a.source, a.index): a.text for a in from_files}
    for frame in (from_files.targets_frame(), from_files.dates_frame(), from_files.tasks_frame()):
        for row in frame.itertuples():
            assert texts[row.source, row.article][row.start:row.end] == row.text


def test_calendar_frame_months_and_recurring_rows(from_files):
    cal = from_files.calendar_frame()
    plan = cal[cal.source.str.endswith("plan.txt")]
    spring = plan[plan.activity.str.contains("春节")]
    assert sorted(spring.month) == [1, 2]  # an entry over two months is a row for each
    assert 5 in set(plan.month.dropna())
    expected = sum(len(s.months) or 1 for a in from_files for s in a.schedule)
    assert len(cal) == expected
    recurring = plan[plan.month.isna()]
    assert not recurring.empty and (recurring.every == "1M").any()


def test_headings_frame_keeps_levels(from_files):
    heads = from_files.headings_frame()
    plan = heads[heads.source.str.endswith("plan.txt")]
    assert list(plan.level) == [1, 2, 2, 1, 2, 2]
    assert plan.iloc[0].text == "加强职工技能培训"


def test_empty_corpus_frames_keep_their_columns():
    empty = Corpus([])
    for name in ("articles", "headings", "dates", "targets", "tasks", "calendar"):
        frame = getattr(empty, f"{name}_frame")()
        assert frame.empty and len(frame.columns) >= 5


def test_from_db_rebuilds_the_same_articles(from_files, db):
    stored = Corpus.from_db(db)
    assert stored.db == db and len(stored) == 2
    by_name = {Path(a.source).name: a for a in from_files}
    for a in stored:
        b = by_name[a.source]  # the database keeps paths relative to the archive
        assert (a.title, a.text, a.genre, a.org_type, a.year) == (b.title, b.text, b.genre, b.org_type, b.year)
        assert (a.headings, a.dates, a.targets, a.tasks, a.schedule, a.flags) == (
            b.headings, b.dates, b.targets, b.tasks, b.schedule, b.flags)
        assert a.sections == b.sections


def test_from_db_lists_failed_documents(db):
    errors = Corpus.from_db(db).errors()
    assert list(errors.path) == ["broken.txt"] and errors.reason.iloc[0]


def test_search_finds_segmented_words(db):
    hits = Corpus.from_db(db).search("慰问 困难职工")
    assert hits and all("慰问" in h.text for h in hits)
    assert {h.source for h in hits} == {"plan.txt", "summary.txt"}
    assert Corpus.from_db(db).search("火箭发射") == []


def test_search_needs_a_database(from_files):
    with pytest.raises(PlanNLPError, match="Corpus.from_db"):
        from_files.search("职工")


def test_from_paths_missing_folder_names_it(tmp_path):
    with pytest.raises(PlanNLPError, match="nowhere"):
        Corpus.from_paths(tmp_path / "nowhere")


def test_from_db_refuses_missing_and_foreign_files_without_writing(tmp_path):
    with pytest.raises(PlanNLPError, match="no such database"):
        Corpus.from_db(tmp_path / "none.db")
    assert not (tmp_path / "none.db").exists()
    text = tmp_path / "notes.db"
    text.write_text("not a database at all, just words " * 40, encoding="utf-8")
    with pytest.raises(PlanNLPError, match="not a plan-nlp database"):
        Corpus.from_db(text)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE things (x)")
    conn.commit()
    conn.close()
    with pytest.raises(PlanNLPError, match="not a plan-nlp database"):
        Corpus.from_db(other)
    conn = sqlite3.connect(other)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["things"]  # left untouched
    conn.close()


def test_from_paths_raises_on_a_bad_file_or_collects_it(archive):
    with pytest.raises(PlanNLPError, match="broken.txt"):
        Corpus.from_paths(archive)
    kept = Corpus.from_paths(archive, on_error="collect")
    assert len(kept) == 2
    errors = kept.errors()
    assert [Path(p).name for p in errors.path] == ["broken.txt"] and errors.reason.iloc[0]


def test_article_lookup_by_file_name(from_files):
    a = from_files.article("plan.txt")
    assert a.genre == "plan"
    with pytest.raises(KeyError):
        from_files.article("plan.txt", 5)


def test_corpus_from_text_articles():
    c = Corpus(analyze_text(PLAN, source="inline"))
    assert len(c.articles_frame()) == 1 and c.db is None
