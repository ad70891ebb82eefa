"""Whole documents of other shapes (written for these tests): articles, titles and exact offsets."""

from __future__ import annotations

from nlp.api import analyze_text
from nlp.ingest.document import document_from_text

MARKDOWN_SUMMARY = """---
标题: 某某实验小学工会2024年工作总结
发布日期: 2024-12-30
---

> 说明：本总结经工会委员会讨论通过。

某某实验小学工会2024年工作总结
==============================

引言
----
一年来，校工会在学校党支部领导下，围绕教职工需求开展工作。

**1. 组织建设**
全年发展新会员12名，会员总数达到86名。

**2. 文体活动**
组织教职工运动会1次、读书分享会4次。

| 项目 | 次数 | 参与人数 |
|---|---|---|
| 健步走 | 6 | 320 |
| 心理讲座 | 2 | 150 |

```
附：统计口径说明（内部）
```

某某实验小学工会
2024年12月30日
"""

SCRAPED_PAGE = """欢迎来到某某范文网！ 登录 | 注册
首页 > 工作计划 > 社区工作计划
今天是
2024年3月5日 星期二
社区2024年志愿服务工作计划
时间：2024-03-01 09:12:33 来源：网友投稿 浏览次数：1024
一、工作目标
全年组织志愿服务活动24次，注册志愿者达到300人。
二、主要措施
建立志愿服务积分制度。……此处隐藏806个字……<p style="text-indent: 2em;">三、保障措施
落实活动经费2万元。
上一篇：社区2023年工作总结
下一篇：社区消防安全工作计划
相关推荐
社区工作计划范文（精选5篇）
社区志愿服务总结3篇
Copyright © 2010-2024 某某范文网 版权所有 京ICP备00000000号
"""


def _offsets_exact(raw, article):
    return all(raw[article.raw_offsets[i]] == ch for i, ch in enumerate(article.text) if ch != "\n")


def test_a_markdown_summary_with_front_matter_setext_bold_table_and_code():
    doc = document_from_text(MARKDOWN_SUMMARY, "summary.md")
    (article,) = doc.articles
    assert article.title == "某某实验小学工会2024年工作总结"
    assert article.text.startswith("引言\n一年来")
    assert "说明" not in article.text and "```" not in article.text and "统计口径" not in article.text
    assert not article.text.rstrip().endswith("2024年12月30日")
    assert "健步走 | 6 | 320" in article.text
    kinds = {(m.kind, article.text[m.start:m.start + 2]) for m in article.line_marks}
    assert ("heading", "引言") in kinds
    assert ("emphasis", "1.") in kinds and ("emphasis", "2.") in kinds
    assert _offsets_exact(MARKDOWN_SUMMARY, article)


def test_a_scraped_page_keeps_only_its_article():
    doc = document_from_text(SCRAPED_PAGE, "page.txt")
    (article,) = doc.articles
    assert article.title == "社区2024年志愿服务工作计划"
    assert article.text.startswith("一、工作目标")
    assert article.text.endswith("落实活动经费2万元。")
    for chrome in ("登录", "首页", "今天是", "浏览次数", "此处隐藏", "text-indent", "上一篇", "相关推荐", "ICP"):
        assert chrome not in article.text
    assert "建立志愿服务积分制度。\n" in article.text and "\n三、保障措施" in article.text
    assert _offsets_exact(SCRAPED_PAGE, article)


def test_items_of_documents_of_other_shapes_are_slices_of_their_text():
    for raw in (MARKDOWN_SUMMARY, SCRAPED_PAGE):
        for article in analyze_text(raw):
            for h in article.headings:
                assert article.text[h.text_start:h.end] == h.text
            for item in (*article.dates, *article.targets, *article.tasks):
                assert article.text[item.start:item.end] == item.text
