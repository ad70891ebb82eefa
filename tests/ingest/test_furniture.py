"""Document and page furniture, written as shapes: each is removed from the body, not analyzed."""

from __future__ import annotations

import pytest

from nlp.ingest.boilerplate import patterns
from nlp.ingest.document import document_from_text


@pytest.mark.parametrize("line", [
    "时间:2019-11-03 08:07:45 街道 我要纠错",
    "时间：2019-03-02 08:15 作者：李某 来源：本站",
    "发布时间：2024/5/6 9:30:00  浏览次数：128",
    "2023-11-12 16:51:02 编辑：王某",
    "2024/3/5 9:30 来源：本站 浏览：12",
    "作者：张某某",
    "责任编辑：陈某",
    "信息来源：市教育局",
    "(来源：某某区总工会)",
    "2010年06月24日 点击数：次",
    "阅读量：3021",
    "东府办〔2024〕12号",
    "市总工发[2023]第5号",
    "上一篇：社区工作计划",
    "下一页",
    "【打印】【关闭】",
    "收藏 | 分享到",
    "字号：大 中 小",
    "【字体：大 中 小】【打印】【关闭】",
    "将本文的Word文档下载到电脑，方便收藏和打印",
    "下载本文Word版",
    "当前位置：首页 > 工作计划 > 工会计划",
    "首页>范文大全>计划",
    "欢迎来到某某范文网！ 登录 | 注册",
    "首页 | 网站地图 | 联系我们",
    "Copyright © 2015-2024 某某网 版权所有",
    "京ICP备12345678号-1 版权所有",
    "推荐阅读：",
    "相关阅读",
    "查看全文",
    "今天是2024年3月5日 星期二",
    "文章来源：",
    "今天是",
    "var _hmt = _hmt || [];",
    "font-size: 16px; line-height: 1.5;",
    "});",
    "https://www.example.cn/jihua/123.html",
    "文档格式：docx",
    "下载积分：5",
    "本文共3页",
    "全文共1234字",
    "立即下载 | 收藏",
    "抄送：市委各部门，市人大常委会办公厅。",
    "主题词：工会 计划 通知",
    "某某市人民政府办公室 2024年3月1日印发",
    "· 社区工作计划范文 2023-05-06",
    "学校工会工作总结5篇 2024-01-09",
    "2024年3月5日 星期二",
    "- 3 -",
    "—12—",
    "第 1 页 共 5 页",
    "第2页/共8页",
    "新闻来源 某某教育网",
])
def test_page_furniture_lines_of_any_site(line):
    # Either a shape no plan line takes, or an edge shape (dropped at an article's head or tail).
    assert patterns().is_line(line) or patterns().is_edge_line(line)


@pytest.mark.parametrize("line", [
    "时间：3月5日下午两点",  # a field line of an activity plan
    "时 间:十月中旬或十一月上旬",
    "负责人：工会主席",
    "2024-03-05 14:00 全体教职工大会",
    "2024.9.10 8:30 教师节表彰会（礼堂）",
    "一、指导思想",
    "阅读计划：每月读一本书。",
    "全年开展读书活动4次，阅读量不少于10本。",
    "三月份 | 植树活动 | 工会",
    "2024年3月1日起实施",
    "来源于职工的意见建议，由工会汇总后反馈。",
    "86.3",
    "-5",
    "第1页的表格",
    "全文共分三部分。",
    "文档管理制度",
    "2024-2025",
    "97.1%",
    "2023-05-06前完成全部验收",
])
def test_body_lines_are_not_furniture(line):
    assert not patterns().is_line(line) and not patterns().is_edge_line(line)


@pytest.mark.parametrize("line", [
    "★其他类似内容", "相关范文推荐", "猜你喜欢", "热门推荐", "相关文章：", "【相关推荐】", "更多相关文章",
    "相似文档",
])
def test_recommendation_headers_of_any_wording_open_the_tail(line):
    assert patterns().starts_tail(line)


@pytest.mark.parametrize("line", ["推荐优秀会员", "相关工作", "一、推荐工作"])
def test_body_lines_do_not_open_a_tail(line):
    assert not patterns().starts_tail(line)


@pytest.mark.parametrize("line", [
    "【精选】村委会年度安排范例汇编6篇", "【推荐】学校工会计划汇总5篇", "街道工作计划大全10篇", "医院工会计划(优秀6篇)",
])
def test_compilation_titles_of_other_sites(line):
    assert patterns().is_compilation_title(line)


@pytest.mark.parametrize("byline", ["时间:2020-02-17 村务 我要纠错", "日期：2021-09-01 工作计划", "时间：2024/03/05"])
def test_a_time_label_byline_is_furniture_in_the_head_but_a_field_line_further_down(byline):
    raw = (f"社区工作计划\n\n{byline}\n\n一、活动安排\n\n" + "开展活动。\n\n" * 8 + f"二、时间\n\n{byline}")
    (article,) = document_from_text(raw, "x.txt").articles
    assert article.text.startswith("一、活动安排")
    assert article.text.endswith(byline)


def test_yaml_front_matter_title_is_the_article_title_at_any_length():
    title = "某某市人民政府办公厅关于印发某某市推进新时代社区服务体系建设三年行动计划（2024—2026年）的通知"
    raw = (f"---\n标题: {title}\n文号: 某府办〔2024〕9号\n发布日期: 2024-03-01\n---\n\n"
           "各区人民政府：\n\n一、总体要求\n\n到2026年，社区综合服务设施覆盖率达到100%。")
    doc = document_from_text(raw, "x.md")
    assert [a.title for a in doc.articles] == [title]
    assert doc.articles[0].text.startswith("各区人民政府：")
    assert "文号" not in doc.articles[0].text and "2024-03-01" not in doc.articles[0].text


def test_front_matter_with_an_english_key_and_quotes():
    raw = '---\ntitle: "镇总工会2025年工作要点"\ndate: 2025-01-05\n---\n一、加强组织建设\n新建工会5家。'
    (article,) = document_from_text(raw, "x.md").articles
    assert article.title == "镇总工会2025年工作要点"
    assert article.text.startswith("一、加强组织建设")


@pytest.mark.parametrize("quote", ["> 本文为网友投稿，仅供参考。", "> 注：以下内容根据会议记录整理\n> 如有出入以正式文件为准", "＞ 编者按：转载请注明出处"])
def test_quoted_notes_before_the_title_are_dropped(quote):
    raw = f"{quote}\n\n# 社区2025年志愿服务工作计划\n\n一、工作目标\n\n全年开展志愿服务12次。"
    (article,) = document_from_text(raw, "x.md").articles
    assert article.title == "社区2025年志愿服务工作计划"
    assert article.text.startswith("一、工作目标")


def test_a_top_markdown_heading_longer_than_forty_characters_is_the_title():
    title = "关于进一步加强和改进新形势下基层工会组织建设推动新时代工会工作高质量发展的实施方案（2024年修订）"
    raw = f"# {title}\n\n## 一、总体目标\n\n建会率达到90%以上。\n\n## 二、主要任务\n\n完善制度。"
    (article,) = document_from_text(raw, "x.md").articles
    assert len(title) > 40 and article.title == title
    assert article.text.startswith("一、总体目标")


@pytest.mark.parametrize("title", [
    "某某市推进新时代职工服务阵地高质量建设三年行动计划（2024—2026年）",
    "关于进一步做好新就业形态劳动者入会和服务工作的通知",
    "某某区全面推进基层工会规范化建设提质增效的实施方案",
])
def test_a_long_title_line_of_a_government_document_is_the_title(title):
    raw = f"{title}\n\n一、总体要求\n\n到2026年，服务站点覆盖率达到100%。"
    (article,) = document_from_text(raw, "x.txt").articles
    assert article.title == title
    assert article.text.startswith("一、总体要求")


def test_a_long_first_sentence_is_not_a_title():
    raw = "为进一步做好新形势下基层工会组织建设和服务职工工作，结合本单位实际，特制定本计划。\n\n一、目标"
    (article,) = document_from_text(raw, "单位计划.txt").articles
    assert article.title == "单位计划"


@pytest.mark.parametrize("first", ["#### 引言", "### 前言", "## 背景"])
def test_a_first_line_heading_beside_headings_of_its_own_depth_is_a_section(first):
    depth = first.split()[0]
    raw = f"{first}\n新学期工会工作围绕教职工需求展开。\n{depth} 一、加强组织建设\n完善制度。\n{depth} 二、开展活动\n组织比赛。"
    (article,) = document_from_text(raw, "学校工会计划.md").articles
    assert article.title == "学校工会计划"  # no title line: the file name
    assert article.text.startswith(first.split()[1])


@pytest.mark.parametrize("signature", [
    "某某区总工会\n2024年1月8日",
    "某某市人民政府办公厅\n2023年12月29日\n（此件公开发布）",
    "某某中学工会委员会\n二〇二四年二月二十日",
    "某某街道办事处 2024年3月1日",
])
def test_a_signature_block_closing_the_article_is_dropped(signature):
    raw = f"街道2024年工作计划\n\n一、工作目标\n\n全年走访企业50家。\n\n二、保障措施\n\n落实责任。\n\n{signature}"
    doc = document_from_text(raw, "x.txt")
    (article,) = doc.articles
    assert article.text.endswith("落实责任。")
    assert any(why == "signature" for _, _, why in doc.dropped)


def test_a_closing_line_that_is_not_a_signature_stays():
    raw = "街道2024年工作计划\n\n一、工作目标\n\n全年走访企业50家。\n\n2024年3月1日前完成全部走访。"
    (article,) = document_from_text(raw, "x.txt").articles
    assert article.text.endswith("2024年3月1日前完成全部走访。")


@pytest.mark.parametrize("residue", [
    "……此处隐藏2318个字……rder-color: rgb(0, 0, 0);\">",
    "......此处隐藏802个字......",
    "<p style=\"text-indent: 2em;\">",
    "</div><div class=\"content\">",
])
def test_web_residue_inside_a_line_stands_for_a_paragraph_break(residue):
    raw = f"镇工会工作计划\n\n一、加强组建。全年新建工会3家。{residue}二、做好帮扶。走访困难职工20户。"
    (article,) = document_from_text(raw, "x.txt").articles
    assert "\n二、做好帮扶" in article.text
    assert "此处" not in article.text and "<" not in article.text and "rgb" not in article.text


def test_inline_tags_and_entities_are_deleted_offsets_still_exact():
    raw = "工会计划\n\n一、<strong>加强学习</strong>&nbsp;每月组织一次学习。"
    (article,) = document_from_text(raw, "x.txt").articles
    assert article.text == "一、加强学习每月组织一次学习。"
    assert all(raw[article.raw_offsets[i]] == ch for i, ch in enumerate(article.text) if ch != "\n")


def test_a_site_page_keeps_only_its_article():
    raw = ("当前位置：首页 > 范文 > 工作计划\n\n社区工作计划\n\n时间：2023-05-06 10:20:30 作者：网友\n\n"
           "【精选】楼宇党建工作安排模板汇编3篇\n\n下面是小编为大家整理的社区工作计划，欢迎大家阅读参考。\n\n"
           "社区工作计划 篇1\n\n一、开展便民服务，全年不少于12次。\n\n社区工作计划 篇2\n\n做好社区安全巡查。\n\n"
           "社区工作计划 篇3\n\n组织居民文体活动。\n\n相关推荐\n\n社区工作总结范文5篇")
    doc = document_from_text(raw, "x.txt")
    assert [a.title for a in doc.articles] == ["社区工作计划 篇1", "社区工作计划 篇2", "社区工作计划 篇3"]
    assert doc.articles[2].text == "组织居民文体活动。"


@pytest.mark.parametrize("titles", [
    ["社区工作计划一", "社区工作计划二"],
    ["学校工会计划（一）", "学校工会计划（二）"],
    ["企业工会工作计划范文1", "企业工会工作计划范文2"],
    ["医院工会计划 篇一", "医院工会计划 篇二"],
    ["【篇一】社区工作计划", "【篇二】社区志愿服务计划"],
    ["范文1：学校工会工作计划", "范文2：学校工会工作总结"],
    ["篇一：企业工会计划", "篇二：企业工会计划"],
    ["第1篇：街道工作要点", "第2篇：街道工作要点"],
])
def test_numbered_article_titles_of_other_sites(titles):
    raw = f"{titles[0]}\n\n一、加强学习。\n\n{titles[1]}\n\n全年组织活动6次。"
    assert [a.title for a in document_from_text(raw, "x.txt").articles] == titles


@pytest.mark.parametrize("label", ["推荐阅读", "相关文章：", "猜你喜欢", "更多范文"])
def test_a_teaser_list_under_its_label_is_dropped_but_the_article_stays(label):
    raw = (f"镇工会2024年工作计划\n\n一、目标\n\n全年新建工会8家。\n\n{label}\n\n社区工作计划范文\n\n"
           "· 学校工会工作总结（3篇）\n\n企业年度工作计划怎么写")
    (article,) = document_from_text(raw, "x.txt").articles
    assert article.text == "一、目标\n\n全年新建工会8家。"


def test_a_lone_reading_label_between_two_articles_keeps_the_next_article():
    raw = ("县总工会计划(精选2篇)\n\n县总工会工作计划\n\n全年培训200人。\n\n推荐阅读：\n\n县总工会工作计划\n\n"
           "一、完善帮扶\n\n建立档案。")
    doc = document_from_text(raw, "x.txt")
    assert [a.text for a in doc.articles] == ["全年培训200人。", "一、完善帮扶\n\n建立档案。"]


def test_a_reading_plan_keeps_its_list_of_recommended_books():
    raw = "班级读书活动计划\n\n一、书目\n\n推荐阅读：\n\n《平凡的世界》\n\n《红岩》\n\n二、安排\n\n每周读书一次。"
    (article,) = document_from_text(raw, "x.txt").articles
    assert "《平凡的世界》\n\n《红岩》" in article.text


def test_a_red_header_and_the_imprint_of_an_official_document_are_furniture():
    raw = ("某某市总工会文件\n\n某工发〔2024〕5号\n\n关于印发《2024年职工服务工作要点》的通知\n\n各区总工会：\n\n"
           "现将《2024年职工服务工作要点》印发给你们，请认真贯彻落实。\n\n某某市总工会\n2024年2月1日\n\n"
           "2024年职工服务工作要点\n\n一、做好困难职工帮扶\n\n走访慰问1000户。\n\n"
           "抄送：全国总工会办公厅。\n\n某某市总工会办公室 2024年2月2日印发")
    doc = document_from_text(raw, "x.txt")
    (article,) = doc.articles
    assert article.title == "关于印发《2024年职工服务工作要点》的通知"
    assert article.text.startswith("各区总工会：")
    assert article.text.endswith("走访慰问1000户。")
    assert "2024年2月1日" not in article.text


@pytest.mark.parametrize("depth", ["#", "##"])
def test_a_first_line_heading_naming_the_document_is_the_title_even_beside_peers(depth):
    raw = f"{depth} 第一小学2025年春季学期工会工作计划\n\n{depth} 一、指导思想\n\n以人为本。\n\n{depth} 二、主要工作\n\n开展活动。"
    (article,) = document_from_text(raw, "x.md").articles
    assert article.title == "第一小学2025年春季学期工会工作计划"
    assert article.text.startswith("一、指导思想")


@pytest.mark.parametrize("line", ["篇幅不宜过长", "范文写作要注意格式。", "一、工作计划"])
def test_lines_that_merely_start_like_a_numbered_title_are_not_titles(line):
    from nlp.ingest.split import NUMBERED_TITLE

    assert not NUMBERED_TITLE.match(line)


def test_a_numbered_first_heading_after_front_matter_is_body_not_a_repeated_title():
    raw = "---\n标题: 某某方案\n---\n# 一、总体要求\n## （一）目标\n建会10家。\n## （二）原则\n稳步推进。"
    (article,) = document_from_text(raw, "x.md").articles
    assert article.title == "某某方案"
    assert article.text.startswith("一、总体要求")


def test_a_table_of_contents_of_numbered_titles_adds_no_empty_articles():
    raw = ("学校工会计划汇编3篇\n学校工会计划 篇1\n学校工会计划 篇2\n学校工会计划 篇3\n"
           "学校工会计划 篇1\n一、开展读书活动。\n学校工会计划 篇2\n组织体检。\n学校工会计划 篇3\n慰问退休教师。")
    doc = document_from_text(raw, "x.txt")
    assert [a.text for a in doc.articles] == ["一、开展读书活动。", "组织体检。", "慰问退休教师。"]


@pytest.mark.parametrize("first, second", [
    ("某某区关于进一步加强基层工会", "规范化建设的实施方案"),
    ("某某市总工会", "2025年工作要点"),
    ("第一实验小学2024—2025学年第一学期", "教职工代表大会工作安排"),
])
def test_a_title_wrapped_over_two_lines_is_one_title(first, second):
    raw = f"{first}\n{second}\n\n一、总体要求\n\n做好服务。"
    (article,) = document_from_text(raw, "x.txt").articles
    assert article.title == first + second
    assert article.text.startswith("一、总体要求")


@pytest.mark.parametrize("second", ["为做好今年工作，特制定本方案", "一、工作计划", "社区工作计划 篇1"])
def test_a_first_line_and_a_body_line_are_not_one_title(second):
    raw = f"某某社区2024年\n{second}\n\n开展活动。"
    doc = document_from_text(raw, "x.txt")
    assert doc.articles[0].title != "某某社区2024年" + second


# Plan lines that take a furniture shape (teaser item, breadcrumb, byline label, counter, footer),
# standing between body paragraphs: each stays in the article.
@pytest.mark.parametrize("line", [
    "职工秋季趣味运动会 2026-10-18",          # an event and its date, not a teaser item
    "青年读书沙龙 2027-03-09",
    "申请 > 资格审查 > 公示 > 发放",            # a process flow, not a breadcrumb
    "自评›复核›验收",
    "审核：各车间初审后报厂工会复核。",          # a field label opening a sentence
    "编辑：由宣传委员负责每期简报的编辑；",
    "公众号年度阅读量：力争突破8万次。",         # a goal, not a click counter
    "点击量：全年推送文章点击量不少于5万次",
    "强化著作权保护意识，维护版权所有人的合法权益，全年举办知识产权培训3期。",
    "作者：每位会员全年至少投稿2篇",
])
def test_a_plan_line_of_furniture_shape_in_the_body_is_kept(line):
    raw = ("某公司工会2026年工作计划\n\n一、总体要求\n\n围绕生产经营中心工作，服务职工群众。\n\n"
           f"{line}\n\n二、主要任务\n\n组织劳动竞赛，开展技能比武。")
    (article,) = document_from_text(raw, "x.txt").articles
    assert line in article.text


@pytest.mark.parametrize("head, tail", [
    ("作者：李某某\n\n来源：某某网", "版权所有 © 某某范文网"),
    ("当前位置：首页 > 计划 > 工会计划", "· 车间安全生产计划 2025-02-11"),
    ("浏览次数：356", "Copyright 2020 某某文库 All Rights Reserved"),
    ("2025/4/1 10:20 发布：管理员", "上一篇：班组建设方案"),
])
def test_the_same_shapes_at_the_head_or_tail_of_an_article_are_furniture(head, tail):
    raw = (f"某公司工会2026年工作计划\n\n{head}\n\n一、总体要求\n\n围绕生产经营中心工作，服务职工群众。\n\n"
           f"二、主要任务\n\n组织劳动竞赛，开展技能比武。\n\n{tail}")
    (article,) = document_from_text(raw, "x.txt").articles
    assert article.text.startswith("一、总体要求")
    assert article.text.endswith("开展技能比武。")


def test_a_run_of_furniture_lines_in_the_middle_is_dropped():
    raw = ("某公司工会2026年工作计划\n\n一、总体要求\n\n服务职工群众。\n\n"
           "作者：王某\n\n点击数：88\n\n二、主要任务\n\n开展技能比武。")
    (article,) = document_from_text(raw, "x.txt").articles
    assert "作者" not in article.text and "点击数" not in article.text
    assert "二、主要任务" in article.text


@pytest.mark.parametrize("line", [
    "审核：报送材料经分会审核后上报。", "来源：职工提案汇总；", "作者：全体会员踊跃参与！",
    "阅读量：全年开展读书活动6场", "版权所有人培训覆盖200人",
])
def test_a_sentence_or_a_numbered_clause_is_never_edge_furniture(line):
    assert not patterns().is_edge_line(line)


@pytest.mark.parametrize("field", ["时间：2026-05-09 上午九点", "日期:2026/5/9（周六）", "时间：2026.05.09 14:30 报告厅"])
def test_a_time_field_line_early_in_a_short_plan_is_kept(field):
    raw = f"车间读书会活动方案\n\n一、活动安排\n\n组织职工共读一本书。\n\n{field}\n\n二、参加人员\n\n全体职工。"
    (article,) = document_from_text(raw, "x.txt").articles
    assert field in article.text


@pytest.mark.parametrize("sentence", [
    "希望大家借鉴兄弟单位的好做法，全年开展班组交流活动3次。",
    "欢迎大家阅读职工书屋新书，每季度举办读书分享会1场。",
])
def test_a_plan_sentence_with_a_blurb_cue_and_a_numbered_clause_is_kept(sentence):
    raw = f"某厂工会2026年工作计划\n\n一、学习培训\n\n{sentence}\n\n二、文体活动\n\n组织春游。"
    (article,) = document_from_text(raw, "x.txt").articles
    assert sentence in article.text


@pytest.mark.parametrize("blurb", ["下面是小编为大家整理的车间计划范文，希望大家喜欢！", "以下是本站精心准备的班组总结，欢迎大家阅读参考。"])
def test_a_site_blurb_is_still_dropped(blurb):
    raw = f"某厂工会2026年工作计划\n\n{blurb}\n\n一、学习培训\n\n组织学习。"
    (article,) = document_from_text(raw, "x.txt").articles
    assert article.text.startswith("一、学习培训")
