"""Traditional-script documents: items come back as printed, matching still finds them."""

from __future__ import annotations

import pytest

from nlp.api import analyze_text

PLAN = (
    "光華社區工會二〇二五年工作計劃\n\n"
    "一、指導思想\n\n"
    "以服務職工為中心，團結帶領廣大會員建功立業。\n\n"
    "二、工作目標\n\n"
    "1.全年新發展會員不少於120名，入會率達到95%以上。\n\n"
    "2.組織職工體檢2次，走訪慰問困難職工30戶。\n\n"
    "三、具體安排\n\n"
    "（一）三月份：舉辦“三八”婦女節聯誼活動。\n\n"
    "（二）九月份：開展教師節慰問，每季度召開一次委員會議。\n"
)

SUMMARY = (
    "新華中學工會學期總結\n\n"
    "本學期工會已組織講座四場，共慰問退休教師二十六人。\n\n"
    "一、加強組織建設\n\n"
    "完善了會員檔案，新建職工書屋一間。\n"
)


def _items(article):
    yield from ((h.text, h.text_start, h.end) for h in article.headings)
    for kind in (article.dates, article.targets, article.tasks, article.quantities, article.flags):
        yield from ((x.text, x.start, x.end) for x in kind)


@pytest.mark.parametrize("raw", [PLAN, SUMMARY])
def test_every_item_is_the_printed_text_at_its_offsets(raw):
    for article in analyze_text(raw):
        assert all(raw[article.raw_offsets[i]] == ch for i, ch in enumerate(article.text) if ch != "\n")
        for text, start, end in _items(article):
            assert article.text[start:end] == text


def test_title_headings_dates_and_targets_are_found_and_printed_in_traditional_script():
    (article,) = analyze_text(PLAN)
    assert article.title == "光華社區工會二〇二五年工作計劃"
    assert article.explain["script"] == "traditional"
    heads = [h.text for h in article.headings]
    assert heads[:2] == ["指導思想", "工作目標"]
    assert "具體安排" in heads
    dates = [d.text for d in article.dates]
    assert "三月份" in dates and "九月份" in dates
    assert any("婦女節" in d or "三八" in d for d in dates)
    targets = {t.text: t for t in article.targets}
    assert any("會員" in t and t.endswith("名") for t in targets)
    assert any(t.unit == "戶" for t in article.targets)
    assert all(t.subject is None or t.subject in article.text for t in article.targets)
    assert all(s in heads for task in article.tasks for s in task.section)


def test_no_simplify_still_prints_the_document_as_it_is():
    (article,) = analyze_text(PLAN, simplify=False)
    assert article.title == "光華社區工會二〇二五年工作計劃"
    assert article.match_text is None
    assert "會員" in article.text


def test_simplified_documents_have_no_matching_view():
    (article,) = analyze_text("街道工会2025年工作计划\n\n一、加强组织建设\n\n全年新建工会10家。")
    assert article.match_text is None
    assert "script" not in article.explain


@pytest.mark.parametrize("title, genre", [
    ("某協會2024年工作總結", "summary"),
    ("東城區職工服務中心年度總結報告", "summary"),
    ("西湖醫院工會2026年工作計劃", "plan"),
    ("南山街道工會二〇二六年工作要點", "plan"),
])
def test_a_traditional_title_gives_its_genre_cue_and_stays_as_printed(title, genre):
    # The body holds no genre cue of its own: only the title can tell a summary from a plan.
    raw = f"{title}\n\n一、組織建設\n\n會員活動豐富多彩，職工滿意。\n\n二、文體活動\n\n組織職工開展健步走。\n"
    (article,) = analyze_text(raw)
    assert article.title == title
    assert article.genre == genre
