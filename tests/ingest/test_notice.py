"""Official notices that wrap a plan, with an attachment list and attachments of their own."""

from __future__ import annotations

import pytest

from nlp.api import analyze_text
from nlp.ingest.document import document_from_text
from nlp.ingest.notice import attachments, is_notice_title

NOTICE = """关于印发《东湖区2025年职工服务提升行动计划》的通知

东工发〔2025〕3号

各街道总工会，区直各单位工会：

现将《东湖区2025年职工服务提升行动计划》印发给你们，请结合实际认真贯彻执行。

附件：1.东湖区职工服务阵地建设任务清单
2.东湖区职工服务月度安排表

东湖区总工会
2025年2月10日

东湖区2025年职工服务提升行动计划

一、总体目标

到2025年底，全区建成职工服务站点30个，职工满意度达到95%以上。

二、重点任务

（一）建强服务阵地

新建户外劳动者驿站10个。

（二）丰富服务内容

每季度开展一次法律咨询进企业活动。

附件1

东湖区职工服务阵地建设任务清单

一、驿站建设

3月底前完成选址，6月底前全部投入使用。

二、职工书屋

新建职工书屋5家。

附件2

东湖区职工服务月度安排表

一、第一季度

组织春节送温暖活动。

二、第二季度

开展劳动竞赛。
"""


def test_a_notice_with_two_attachments_gives_three_articles_with_their_own_titles():
    doc = document_from_text(NOTICE, "notice.txt")
    assert [a.title for a in doc.articles] == [
        "关于印发《东湖区2025年职工服务提升行动计划》的通知",
        "东湖区职工服务阵地建设任务清单",
        "东湖区职工服务月度安排表",
    ]
    plan, first, second = doc.articles
    assert plan.text.startswith("各街道总工会")
    reasons = {why for _, _, why in doc.dropped}
    assert {"page furniture", "attachment list", "signature", "title repeated", "attachment label"} <= reasons
    for gone in ("东工发", "附件", "2025年2月10日", "任务清单"):
        assert gone not in plan.text
    assert "\n东湖区2025年职工服务提升行动计划\n" not in plan.text
    assert first.text.startswith("一、驿站建设") and second.text.startswith("一、第一季度")
    assert "附件2" not in first.text


def test_each_article_of_a_notice_has_its_own_outline_restarting_at_one():
    articles = analyze_text(NOTICE, "notice.txt")
    markers = [[h.marker for h in a.headings if h.level == 1] for a in articles]
    assert markers[0][:2] == ["一、", "二、"]
    assert markers[1] == ["一、", "二、"] and markers[2] == ["一、", "二、"]
    assert all("附件" not in h.text for a in articles for h in a.headings)


@pytest.mark.parametrize("label", ["附件1：{t}", "附件 1\n{t}", "附件一\n{t}", "附件1:\n{t}"])
def test_attachment_labels_in_several_shapes(label):
    body = label.format(t="某某工作任务分工表")
    raw = f"镇工会2025年工作计划\n\n一、目标\n\n建会10家。\n\n{body}\n\n一、分工\n\n由办公室牵头。"
    doc = document_from_text(raw, "x.txt")
    assert [a.title for a in doc.articles] == ["镇工会2025年工作计划", "某某工作任务分工表"]
    assert doc.articles[1].text.startswith("一、分工")


def test_a_list_of_attachment_labels_without_bodies_is_not_an_attachment():
    raw = "镇工会工作计划\n\n一、目标\n\n建会10家。\n\n附件1：分工表\n附件2：安排表"
    doc = document_from_text(raw, "x.txt")
    assert len(doc.articles) == 1


@pytest.mark.parametrize("title, expected", [
    ("关于印发《2025年工会工作要点》的通知", True),
    ("某某区教育局关于做好2024年暑期安全工作的通知", True),
    ("市人民政府关于加快发展养老服务业的实施意见", False),
    ("关于进一步加强社区治理的意见", True),
    ("通知要求各单位按时报送材料。", False),
])
def test_notice_titles(title, expected):
    assert is_notice_title(title) is expected


def test_attachments_need_a_title_and_a_body():
    text = "附件1\n\n某某分工表\n\n一、分工"
    lines = [(0, 3), (5, 10), (12, 17)]
    (att,) = attachments(text, lines)
    assert text[att.title[0]:att.title[1]] == "某某分工表"


def test_a_notice_whose_plan_is_its_single_unnumbered_attachment():
    raw = ("关于印发《某某镇安全生产月活动方案》的通知\n\n各村（社区），镇属各单位：\n\n"
           "现将《某某镇安全生产月活动方案》印发给你们，请认真组织实施。\n\n附件：某某镇安全生产月活动方案\n\n"
           "某某镇人民政府\n2024年5月20日\n\n附件\n\n某某镇安全生产月活动方案\n\n一、活动主题\n\n人人讲安全。\n\n"
           "二、活动时间\n\n2024年6月1日至30日。")
    doc = document_from_text(raw, "x.txt")
    assert [a.title for a in doc.articles] == ["关于印发《某某镇安全生产月活动方案》的通知", "某某镇安全生产月活动方案"]
    notice, plan = doc.articles
    assert notice.text.startswith("各村（社区）") and "2024年5月20日" not in notice.text
    assert plan.text.startswith("一、活动主题")


def test_front_matter_naming_a_notice_and_the_notice_title_repeated_in_the_body():
    title = "关于印发《某某区2025年工会工作要点》的通知"
    raw = (f"---\n标题: {title}\n文号: 某工发〔2025〕1号\n---\n\n{title}\n\n某工发〔2025〕1号\n\n各街道总工会：\n\n"
           "现将《某某区2025年工会工作要点》印发给你们，请抓好落实。\n\n某某区总工会\n2025年1月6日\n\n"
           "某某区2025年工会工作要点\n\n一、强化思想引领\n\n开展宣讲20场。")
    doc = document_from_text(raw, "x.md")
    (article,) = doc.articles
    assert article.title == title
    assert article.text.startswith("各街道总工会：")
    assert "一、强化思想引领" in article.text and "工作要点\n\n一" not in article.text
    assert "2025年1月6日" not in article.text


def test_numbered_lines_after_an_attachment_list_that_do_not_continue_it_are_body():
    raw = "街道工作计划\n\n附件：1.分工表\n2.安排表\n\n1.加强学习\n\n每月学习一次。"
    (article,) = document_from_text(raw, "x.txt").articles
    assert article.text.startswith("1.加强学习")


def test_a_notice_signature_is_dropped_even_when_the_plan_follows_without_its_own_title():
    raw = ("关于做好2024年夏季送清凉工作的通知\n\n各基层工会：\n\n现将有关事项通知如下，请遵照执行。\n\n"
           "某某县总工会\n2024年6月3日\n\n一、慰问对象\n\n高温作业一线职工。\n\n二、慰问时间\n\n7月至8月。")
    doc = document_from_text(raw, "x.txt")
    (article,) = doc.articles
    assert "某某县总工会" not in article.text and "2024年6月3日" not in article.text
    assert "一、慰问对象" in article.text and article.text.endswith("7月至8月。")


def test_a_date_line_inside_a_plan_without_an_issuing_body_above_it_stays():
    raw = "镇工会工作计划\n\n一、重要节点\n\n2024年6月3日\n\n召开职代会。\n\n二、保障\n\n落实经费。"
    (article,) = document_from_text(raw, "x.txt").articles
    assert "2024年6月3日" in article.text


def _notice(title: str, plan_title: str, handed: str, middle: str = "", signature: str = "北塘区总工会\n2026年4月8日\n\n") -> str:
    return (f"{title}\n\n各街道总工会，区直各产业工会：\n\n{middle}现将{handed}印发给你们，请结合实际抓好落实。\n\n"
            f"{signature}{plan_title}\n\n一、工作目标\n\n全年组织职工疗休养600人次。\n\n二、主要措施\n\n"
            "（一）完善服务网络\n\n新建服务站点8个。\n")


@pytest.mark.parametrize("raw", [
    # the plan title with a bracketed period the notice title leaves out
    _notice("关于印发《北塘区职工疗休养实施方案》的通知", "北塘区职工疗休养实施方案（2026—2028年）",
            "《北塘区职工疗休养实施方案》"),
    # a long notice body: the plan title comes many lines down
    _notice("关于印发《北塘区职工疗休养实施方案》的通知", "北塘区职工疗休养实施方案", "《北塘区职工疗休养实施方案》",
            middle="为做好今年的疗休养工作，现就有关要求说明如下。\n\n" * 14),
    # no book-title marks in the notice title
    _notice("北塘区总工会关于印发北塘区职工疗休养实施方案的通知", "北塘区职工疗休养实施方案", "该方案"),
    # a plan title worded otherwise, right after the signature
    _notice("关于印发《2026年职工服务工作要点》的通知", "北塘区总工会二〇二六年度职工服务重点工作安排",
            "《2026年职工服务工作要点》"),
    # a long plan title wrapped over two lines
    _notice("关于印发《北塘区推进新就业形态劳动者入会和服务三年行动实施方案》的通知",
            "北塘区推进新就业形态劳动者入会\n和服务三年行动实施方案", "《北塘区推进新就业形态劳动者入会和服务三年行动实施方案》"),
    # no signature between the notice and the plan
    _notice("关于转发《北塘区职工疗休养实施方案》的通知", "北塘区职工疗休养实施方案", "《北塘区职工疗休养实施方案》",
            signature=""),
])
def test_a_plan_after_a_notice_without_attachments_is_the_notice_article_body(raw):
    articles = analyze_text(raw, "x.txt")
    assert len(articles) == 1
    (article,) = articles
    assert article.title == raw.split("\n", 1)[0]
    assert article.text.startswith("各街道总工会")
    assert [h.text for h in article.headings if h.level == 1] == ["工作目标", "主要措施"]
    assert "北塘区总工会\n2026年4月8日" not in article.text
    assert "\n\n一、工作目标" in article.text
