"""Article splitting on patterns of web compilations (examples written for the pattern)."""

from __future__ import annotations

import pytest

from nlp.ingest.document import document_from_text


def _titles(raw: str) -> list[str]:
    return [a.title for a in document_from_text(raw, "x.txt").articles]


def test_numbered_article_titles_split_a_compilation_and_drop_its_front_matter():
    raw = ("医院工会工作计划(精选3篇)\n\n下面是小编整理的医院工会计划，希望大家喜欢!\n\n"
           "医院工会工作计划篇一\n\n一、加强组织建设。\n\n医院工会工作计划篇二\n\n全年开展健步走活动。\n\n"
           "医院工会工作计划篇三\n\n做好职工体检工作。")
    doc = document_from_text(raw, "x.txt")
    assert doc.title == "医院工会工作计划(精选3篇)"
    assert [a.title for a in doc.articles] == ["医院工会工作计划篇一", "医院工会工作计划篇二", "医院工会工作计划篇三"]
    assert doc.articles[0].text == "一、加强组织建设。"
    assert all("小编" not in a.text for a in doc.articles)


def test_di_n_pian_titles():
    raw = "企业工会计划模板2篇\n\n第1篇\n\n本年度工会将开展劳动竞赛。\n\n第2篇\n\n1、组织职工体检。"
    assert _titles(raw) == ["第1篇", "第2篇"]


def test_run_in_title_series_on_one_line_including_a_title_glued_to_a_placeholder_year():
    raw = ("某某单位工会计划范文，希望你能喜欢!街道工会年度计划1今年街道工会将加强组建。"
           "街道工会年度计划2一、指导思想:以服务职工为中心。街道工会年度计划320__年女工工作要点如下。")
    doc = document_from_text(raw, "x.txt")
    assert [a.title for a in doc.articles] == ["街道工会年度计划1", "街道工会年度计划2", "街道工会年度计划3"]
    assert doc.articles[2].text.startswith("20__年女工工作")
    assert doc.articles[0].text == "今年街道工会将加强组建。"


def test_repeated_bare_titles_split_a_compilation():
    raw = ("镇总工会工作计划\n\n全年新建工会5家。\n\n镇总工会工作计划\n\n开展送温暖活动。\n\n"
           "区总工会女工工作计划\n\n组织女职工体检。")
    assert _titles(raw) == ["镇总工会工作计划", "镇总工会工作计划", "区总工会女工工作计划"]


def test_a_single_plan_is_one_article_titled_by_its_first_line():
    raw = "2024年机关工会工作计划\n\n一、指导思想\n\n以服务职工为中心。\n\n二、工作方案\n\n开展活动。"
    doc = document_from_text(raw, "plan.txt")
    assert [a.title for a in doc.articles] == ["2024年机关工会工作计划"]
    assert doc.articles[0].text.startswith("一、指导思想")


def test_a_file_without_a_title_line_is_titled_by_its_file_name():
    raw = "为了做好今年的工会工作，特制定如下计划。\n\n一、加强学习。"
    doc = document_from_text(raw, "some/dir/机关计划.txt")
    assert doc.articles[0].title == "机关计划"
    assert doc.articles[0].text.startswith("为了做好")


def test_recommendation_tail_and_teasers_are_dropped():
    raw = ("学校工会计划篇一\n\n开展教职工运动会。\n\n学校工会计划篇二\n\n组织读书活动。\n\n"
           "★其他类似内容\n\n1个人工作总结3篇\n\n个人工作总结3篇\n\n查看剩余 80% 个人工作总结3篇")
    doc = document_from_text(raw, "x.txt")
    assert [a.text for a in doc.articles] == ["开展教职工运动会。", "组织读书活动。"]
    assert any(why == "recommendation block" for _, _, why in doc.dropped)


def test_byline_and_reading_labels_are_dropped_but_the_article_after_them_is_kept():
    raw = ("县总工会工作计划(优质3篇)\n\n时间:2024-01-01 10:00:00 作者:某某\n\n县总工会工作计划\n\n"
           "全年培训工会干部200名。\n\n延伸阅读:\n\n县总工会工作计划\n\n完善帮扶机制。")
    doc = document_from_text(raw, "x.txt")
    assert [a.text for a in doc.articles] == ["全年培训工会干部200名。", "完善帮扶机制。"]


def test_a_blurb_paragraph_inside_an_article_is_dropped():
    raw = ("学校工会计划篇一\n\n计划很重要。下面小编为大家整理了学校工会计划，希望大家喜欢。\n\n"
           "以服务教职工为宗旨。\n\n学校工会计划篇二\n\n开展活动。")
    doc = document_from_text(raw, "x.txt")
    assert doc.articles[0].text == "以服务教职工为宗旨。"


def test_every_kept_character_maps_back_to_the_same_raw_character():
    raw = ("工会计划(优秀2篇)\n\n工会计划篇一\n\n## 一、目标\n\n举办“争\n\n做先锋”活动，20\\_\\_年完成。\n\n"
           "工会计划篇二\n\n- 1、慰问职工")
    doc = document_from_text(raw, "x.txt")
    for a in doc.articles:
        for i, ch in enumerate(a.text):
            if ch != "\n":
                assert raw[a.raw_offsets[i]] == ch
        s, e = a.title_raw_span
        assert raw[s:e] == a.title


from hypothesis import given, settings, strategies as st

_PIECES = st.sampled_from([
    "工会工作计划篇一", "第2篇", "\n", "\n\n", "一、加强学习", "（一）", "下面是小编整理的", "希望大家喜欢!",
    "★其他类似内容", "查看剩余 85%", "计划1", "20\\_\\_年", "## ", "- ", "**", "“", "”", "。", "，", "的`", "xx年",
    "重要内", "容", "　", "\r\n", "工會計劃",
    # shapes of other sources: markdown, tables, residue, notices, furniture
    "|", " | ", "|---|---|", "三月 |", "---", "===", "```", "##", "> ", "**1. 目标**", "附件1", "附件：1.分工表",
    "……此处隐藏12个字……", "<p>", "</span>", "&nbsp;", "color: red;\">", "---\n标题: 某计划\n---\n",
    "关于印发《某计划》的通知", "各区：", "某区总工会", "2024年3月1日", "时间:2024-01-02 10:11:12", "篇1", " 篇2",
])


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=40))
def test_any_text_splits_into_articles_whose_offsets_map_back(pieces):
    from nlp.errors import EmptyDocument

    raw = "".join(pieces)
    try:
        doc = document_from_text(raw, "x.txt")
    except EmptyDocument:
        return
    for art in doc.articles:
        assert len(art.raw_offsets) == len(art.text) + 1
        assert art.text == art.text.strip()
        for i, ch in enumerate(art.text):
            assert 0 <= art.raw_offsets[i] < len(raw)
            if ch != "\n":
                assert raw[art.raw_offsets[i]] == ch
        for flag in art.flags:
            assert art.text[flag.start:flag.end] == flag.text


def test_a_series_of_numbered_sample_titles_splits_a_compilation():
    raw = ("社区工会计划范文（精选2篇）\n\n社区工会计划范文1\n\n全年发展会员50名。\n\n"
           "社区工会计划范文2\n\n一、加强组建\n\n做好新就业形态劳动者入会。")
    assert _titles(raw) == ["社区工会计划范文1", "社区工会计划范文2"]


def test_a_title_glued_to_its_body_on_one_line_is_split_off():
    raw = "东湖街道工会2026年工作计划2026年，街道工会将围绕中心工作，做好服务。一、加强组建。"
    doc = document_from_text(raw, "x.txt")
    assert doc.articles[0].title == "东湖街道工会2026年工作计划"
    assert doc.articles[0].text.startswith("2026年，街道工会将")


def test_a_first_sentence_that_mentions_a_plan_is_not_taken_for_a_title():
    raw = "为了做好今年的工会工作计划落实，特制定如下安排，请各分会遵照执行并及时反馈执行情况。"
    doc = document_from_text(raw, "机关安排.txt")
    assert doc.articles[0].title == "机关安排"
    assert doc.articles[0].text.startswith("为了做好")


def test_document_number_source_line_and_front_matter_are_dropped():
    raw = ("---\ntitle: 县总工会计划\ndate: 2025-01-02\n---\n\n# 县总工会2025年工作计划\n\n县工发〔2025〕7号\n\n"
           "(来源：县总工会办公室)\n\n一、指导思想\n\n以服务职工为中心。")
    doc = document_from_text(raw, "x.md")
    # The front matter names the document: its title is the article's, the "#" line repeats it.
    assert doc.articles[0].title == "县总工会计划"
    assert doc.articles[0].text == "一、指导思想\n\n以服务职工为中心。"
    assert {why for _, _, why in doc.dropped} >= {"front matter", "page furniture", "title repeated"}


def test_plans_pasted_together_without_a_page_title_split_at_their_own_title_lines():
    raw = ("县总工会2025年工作计划\n\n全年新建工会10家。\n\n实施方案\n\n分三步推进。\n\n"
           "第一中学工会工作总结\n\n本学期开展活动8次。\n\n机关工会计划篇二\n\n组织体检。")
    assert _titles(raw) == ["县总工会2025年工作计划", "第一中学工会工作总结", "机关工会计划篇二"]


def test_a_single_plan_with_section_titles_ending_in_plan_words_stays_one_article():
    raw = "镇工会2025年工作计划\n\n一、目标\n\n实施方案\n\n分三步推进。\n\n活动计划\n\n每月一次。"
    assert _titles(raw) == ["镇工会2025年工作计划"]


def test_a_long_title_naming_two_documents_is_not_cut_inside_its_book_title_marks():
    cases = [
        "关于印发《某县2026年职工书屋与户外劳动者驿站提升方案》和《某县一线职工健康关爱行动计划》的通知",
        "某市总工会关于转发《2026年度工会经费收支管理办法》与《困难职工精准帮扶工作方案》的通知",
        "某镇总工会关于印发《2027年基层工会规范化建设方案》及“职工之家”创建计划的通知",
    ]
    for title in cases:
        raw = f"{title}\n\n各基层工会：\n\n现将有关文件印发给你们，请结合实际认真落实。\n"
        doc = document_from_text(raw, "x.txt")
        assert doc.articles[0].title == title
        assert not doc.articles[0].text.startswith(("》", "”"))


def test_a_title_glued_to_its_body_never_ends_inside_open_marks():
    from nlp.ingest.split import _open_pair

    assert _open_pair("关于印发《某区职工服务方案")
    assert _open_pair("某校（分校")
    assert not _open_pair("某区“职工之家”建设方案")
    assert not _open_pair("某公司工会2026年工作计划")


@pytest.mark.parametrize("label", ["相关资料", "推荐内容：", "精选文章"])
def test_a_recommendation_label_followed_by_the_plan_outline_is_a_plan_line(label):
    raw = (f"某厂工会2026年工作计划\n\n一、学习培训\n\n组织职工学习安全知识。\n\n{label}\n\n安全生产法解读\n\n"
           "二、文体活动\n\n（一）举办职工篮球赛，参赛队伍不少于8支。\n\n（二）组织春游。")
    (article,) = document_from_text(raw, "x.txt").articles
    assert article.text.endswith("（二）组织春游。") and label in article.text


@pytest.mark.parametrize("label", ["相关范文推荐", "猜你喜欢", "★更多相关文章"])
def test_a_recommendation_label_followed_by_teasers_ends_the_article(label):
    raw = (f"某厂工会2026年工作计划\n\n一、学习培训\n\n组织职工学习安全知识。\n\n{label}\n\n1、车间工作计划范文\n\n"
           "班组长年度总结\n\n这篇总结回顾了一年来的班组管理经验。")
    (article,) = document_from_text(raw, "x.txt").articles
    assert article.text.endswith("组织职工学习安全知识。")
