"""Archive views a reader can trust (issue 17): goals apart from achieved figures, distinct
titles, values in Chinese words."""

from __future__ import annotations

from nlp.digest import build_digest, render_html, render_markdown
from nlp.model import Article, Flag, Target


def _art(i: int, genre: str, text: str, *targets: Target, title: str = "工会工作计划", org: str = "school",
         year: int | None = None) -> Article:
    return Article(source=f"{i:03d}.txt", index=0, title=title, text=text, genre=genre, org_type=org,
                   year=year, targets=targets)


def test_largest_targets_never_rank_achieved_figures_beside_goals():
    plan = _art(1, "plan", "力争新建职工书屋5家。", Target("新建职工书屋5家", 2, 10, 5, None, None, "家", "=", "goal", "职工书屋"))
    report = _art(2, "summary", "全年已新建职工书屋40家。",
                  Target("新建职工书屋40家", 3, 12, 40, None, None, "家", "=", "achieved", "职工书屋"))
    arch = build_digest([plan, report]).archive
    assert [(s.subject, s.largest) for s in arch.largest_targets] == [("职工书屋", "5")]
    assert [(s.subject, s.largest) for s in arch.largest_achieved] == [("职工书屋", "40")]
    html = render_html(build_digest([plan, report]))
    goals = html.split('id="goals"', 1)[1].split('id="achieved"', 1)[0]
    assert "新建职工书屋5家" in goals and "40" not in goals


def test_repeated_titles_are_told_apart_by_what_differs():
    arts = [_art(1, "plan", "加强学习。", org="school", year=2020),
            _art(2, "plan", "加强学习。", org="enterprise", year=2020),
            _art(3, "summary", "加强学习。", org="enterprise", year=2020),
            _art(4, "plan", "加强学习。", title="区教育工会计划")]
    titles = [e.display_title for e in build_digest(arts).articles]
    assert len(set(titles)) == 4
    assert titles[0] == "工会工作计划（学校，001）" and titles[3] == "区教育工会计划"
    assert "企业" in titles[1] and "2020" not in titles[1]  # the year is the same for all three


def test_labels_and_flags_are_in_plain_chinese_in_both_renderers():
    a = Article(source="x.txt", index=0, title="镇工会计划", text="20xx年计划。加强学习，提高素质。", genre="mixed",
                org_type="federation", flags=(Flag("placeholder", "20xx年", 0, 6), Flag("repaired_line", "学习", 8, 10)))
    d = build_digest([a])
    for page in (render_html(d), render_markdown(d)):
        assert "计划与总结混合" in page and "总工会/联合会" in page and "年份待填" in page
        assert "模板留空未填" in page and "断在两行" in page
        for code in ("federation", "placeholder year", "repaired_line", "× 1"):
            assert code not in page.replace("data-genre", ""), code
