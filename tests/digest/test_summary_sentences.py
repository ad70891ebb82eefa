"""Summaries a person can hand on (issue 17): whole sentences, no table rows, no repeats,
a plan's aim first, every level-1 section in proportion.  Examples written for each pattern."""

from __future__ import annotations

import dataclasses

import pytest

from nlp.api import analyze_text
from nlp.digest import build_digest, render_html
from nlp.digest.summary import LEAD_ORDINAL, table_rows, template_key

ENDS = "。！？!?；;"


def _digest_of(text: str, genre: str | None = None, **kw):
    arts = analyze_text(text, source="hand.txt")
    if genre:
        arts = [dataclasses.replace(a, genre=genre) for a in arts]
    return arts, build_digest(arts, **kw)


def _starts_whole(article, s: str) -> bool:
    """True when `s` starts at the text's start, after a sentence end or line break, or right
    after a heading's marker (a numbered item told in one sentence), an item opener (四是)
    between the two left out."""
    text = article.text
    i = text.index(s)
    if any(h.text_start == i for h in article.headings):
        return True

    def after_boundary(p: int) -> bool:
        j = p - 1
        while j >= 0 and text[j] in " \t\u3000":
            j -= 1
        return j < 0 or text[j] in ENDS + "\n"

    openers = [k for k in range(max(0, i - 6), i) if LEAD_ORDINAL.fullmatch(text, k, i)]
    return after_boundary(i) or any(after_boundary(k) for k in openers)


LONG_ITEMS = (
    "某某中学工会工作计划\n"
    "一、总体思路\n"
    "今年学校工会以服务教职工为宗旨，以建设和谐校园为目标，团结全体教职工做好各项工作。\n"
    "二、主要任务\n"
    "1、积极推进教职工书屋和心理咨询室的建设工作并进一步完善借阅登记和预约咨询等各项日常管理制度，满足教职工读书学习的需要。\n"
    "2、认真组织全校教职工参加区里举办的羽毛球比赛、广播操比赛和合唱比赛等多项群众性文体活动，力争取得好成绩。\n"
    "3、做好困难教职工的结对帮扶和节日走访慰问工作，全年慰问困难教职工不少于十人次。\n"
    "三、保障措施\n"
    "工会委员分工负责，每月召开一次委员会议，检查计划落实情况。\n"
)


def test_sentences_never_start_inside_a_word_after_a_long_item_heading():
    arts, d = _digest_of(LONG_ITEMS)
    a, e = arts[0], d.articles[0]
    assert e.summary
    for s in e.summary:
        assert _starts_whole(a, s), s
        assert s[-1] in ENDS, s


def test_a_heading_alone_is_never_a_summary_sentence():
    arts, d = _digest_of(LONG_ITEMS)
    headings = {h.text for h in arts[0].headings}
    assert not any(s.rstrip(ENDS) in headings for s in d.articles[0].summary)


TABLE_ROWS = (
    "某小学工会活动经费安排\n"
    "为关心教职工生活，学校工会安排全年节日慰问经费，确保每位会员感受到组织的温暖。\n"
    "元旦慰问，教工40人，经费2000元。\n"
    "端午慰问，教工40人，经费2000元。\n"
    "中秋慰问，教工40人，经费2400元。\n"
    "国庆慰问，教工40人，经费2400元。\n"
    "工会委员会将定期公布经费使用情况，接受全体会员监督。\n"
)


def test_table_rows_told_in_one_mould_are_never_quoted():
    _, d = _digest_of(TABLE_ROWS)
    summary = d.articles[0].summary
    assert summary
    assert not any("经费2" in s for s in summary), summary
    rows = ["元旦慰问，教工40人，经费2000元。", "端午慰问，教工38人，经费1900元。", "全年培训工会干部120人次。"]
    assert table_rows([template_key(r) for r in rows]) == {0, 1}


REPEATED = (
    "机关工会工作计划\n"
    "全体干部职工要积极参加单位组织的健康体检和健身锻炼活动。\n"
    "今年新建职工之家一个，添置健身器材二十件。\n"
    "全体干部职工要积极参加单位组织的健康体检和健身锻炼活动。\n"
    "年底前对全年工作进行总结评比，表彰先进个人。\n"
)


def test_no_sentence_twice():
    _, d = _digest_of(REPEATED, sentences=4)
    summary = d.articles[0].summary
    assert len(summary) == len(set(summary))


AIM_LATE = (
    "街道总工会年度工作计划\n"
    "新的一年，我们将继续努力。以服务职工群众为中心，以构建和谐劳动关系为主线，推动街道工会工作上新台阶。\n"
    "一、组织建设\n"
    "全年新建非公企业工会八家，新发展会员五百人。年内完成三家企业工会的换届选举。\n"
    "二、维权服务\n"
    "推动二十家企业开展工资集体协商，签订率达到百分之九十以上。春节前走访慰问困难职工一百户。\n"
    "三、文体活动\n"
    "五月举办职工趣味运动会，十月组织职工登山比赛，丰富职工业余生活。\n"
)


def test_a_plan_leads_with_its_aim_then_covers_its_sections():
    arts, d = _digest_of(AIM_LATE, genre="plan", sentences=4)
    a, e = arts[0], d.articles[0]
    assert e.summary[0].startswith("以服务职工群众为中心")
    level1 = sorted(h.start for h in a.headings if h.level == 1)
    sections = {sum(a.text.index(s) >= start for start in level1) for s in e.summary[1:]}
    assert sections == {1, 2, 3}, e.summary
    assert e.areas == ["组织建设", "维权服务", "文体活动"]


def test_a_year_end_summary_leads_with_its_results():
    text = (
        "区总工会年度工作总结\n"
        "一年来，在区委的领导下，我们做了大量工作，也存在一些不足。\n"
        "一、组织建设\n"
        "全年新组建企业工会二十六家，新发展会员一千八百人。\n"
        "二、帮扶工作\n"
        "元旦春节期间走访慰问困难职工一百二十户，发放慰问金六万元。\n"
    )
    arts, d = _digest_of(text, genre="summary", sentences=2)
    assert any("二十六家" in s for s in d.articles[0].summary)
    assert any("一百二十户" in s for s in d.articles[0].summary)


def test_other_documents_get_no_summary_and_are_listed_apart():
    text = "读书笔记\n今天读了一本关于时间管理的书，记下几点体会。\n第一，早上效率高。第二，少开会。\n"
    arts, d = _digest_of(text, genre="other")
    e = d.articles[0]
    assert e.summary == [] and e.areas == [] and e.genre_reason
    html = render_html(d)
    others = html.split('id="others"', 1)
    assert len(others) == 2 and "读书笔记" in others[1]
    assert "读书笔记" not in html.split('id="articles"', 1)[1].split('id="others"', 1)[0]


@pytest.mark.parametrize("stem", ["000_9825fc98e55fd8cd", "001_0d86f010e203b325", "002_9918b1e848d7110e",
                                  "003_15364ccff48bad3a", "004_f379b5a5a78fa9c2"])
def test_corpus_summaries_are_whole_distinct_sentences(stem):
    from conftest import CORPUS
    from nlp.api import analyze_path

    arts = analyze_path(CORPUS / f"{stem}.txt")
    d = build_digest(arts)
    for a, e in zip(arts, d.articles):
        assert len(e.summary) == len(set(e.summary))
        assert not table_rows([template_key(s) for s in e.summary]), e.summary  # never two rows of one table
        for s in e.summary:
            assert s in a.text and s[-1] in ENDS and _starts_whole(a, s), (e.id, s)
