"""HTML reader: charset, main content, page chrome dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.errors import UnreadableFile
from nlp.ingest.read import read_document
from reader_samples import PLAN, write_bytes


# --- html ------------------------------------------------------------------------------

_PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>站点标题</title>
<style>.nav {{ color: red; }}</style>
<script>var ad = "广告脚本";</script></head>
<body>
<header><div class="logo">某某范文网</div><nav><a href="/">首页</a> <a href="/plan">工作计划</a></nav></header>
<div class="crumbs"><nav>当前位置：首页 &gt; 计划</nav></div>
<main>
  <article>
    <header><h1>  2024年社区工会工作计划 </h1></header>
    <p>为做好今年工会工作，
       特制定本计划。</p>
    <h2>一、加强<b>组织</b>建设</h2>
    <ul><li>新建工会组织5家</li><li>发展会员<span>200</span>名</li></ul>
    <p>联系人：张三<br>电话：12345678</p>
    <table><tr><td>三月</td><td>召开职代会</td></tr></table>
    <form><input name="q"><button>搜索</button></form>
    <footer>责任编辑：小编</footer>
  </article>
  <aside><h3>相关范文推荐</h3><ul><li>党支部工作计划</li></ul></aside>
</main>
<footer><p>版权所有 某某网</p></footer>
<noscript>请启用脚本</noscript>
<script>document.write("统计代码")</script>
</body></html>
"""

_PAGE_LINES = [
    "2024年社区工会工作计划",
    "为做好今年工会工作，特制定本计划。",  # hard-wrapped Chinese source gains no space
    "一、加强组织建设",
    "新建工会组织5家",
    "发展会员200名",
    "联系人：张三",
    "电话：12345678",
    "三月 | 召开职代会",  # a table row is one line of its cells
]


@pytest.mark.parametrize(("charset", "codec"), [("utf-8", "utf-8"), ("gb2312", "gbk")])
def test_html_main_article_only(tmp_path: Path, charset: str, codec: str) -> None:
    path = write_bytes(tmp_path / "page.html", _PAGE.format(charset=charset).encode(codec))
    raw = read_document(path)
    assert raw.format == "html"
    assert raw.text.split("\n") == _PAGE_LINES
    assert raw.encoding == ("utf-8" if charset == "utf-8" else "gb18030")


def test_html_without_article_uses_body_and_drops_chrome(tmp_path: Path) -> None:
    page = (
        "<html><body><header>网站头部</header><nav>导航</nav>"
        "<div id='content'><h1>工会工作要点</h1><div>一、加强学习</div><div>二、服务职工</div></div>"
        "<aside>热门文章</aside><footer>页脚</footer></body></html>"
    )
    raw = read_document(write_bytes(tmp_path / "page.htm", page.encode("utf-8")))
    assert raw.text == "工会工作要点\n一、加强学习\n二、服务职工"


def test_html_preformatted_lines_and_breaks(tmp_path: Path) -> None:
    page = "<html><body><p>第一行<br/>第二行</p><pre>  甲  乙\n丙</pre></body></html>"
    raw = read_document(write_bytes(tmp_path / "pre.html", page.encode("utf-8")))
    assert raw.text == "第一行\n第二行\n甲 乙\n丙"


def test_html_longest_article_wins_over_teasers(tmp_path: Path) -> None:
    page = (
        "<html><body><article><h2>相关：党建计划</h2></article>"
        "<article><h1>职工之家建设方案</h1><p>全年建成职工之家10个，覆盖全部基层工会。</p></article>"
        "<article><h2>相关：团委计划</h2></article></body></html>"
    )
    raw = read_document(write_bytes(tmp_path / "teasers.html", page.encode("utf-8")))
    assert raw.text == "职工之家建设方案\n全年建成职工之家10个，覆盖全部基层工会。"


def test_html_wrong_charset_declaration_falls_back_to_detection(tmp_path: Path) -> None:
    page = "<html><head><meta charset='utf-8'></head><body><p>" + PLAN + "</p></body></html>"
    raw = read_document(write_bytes(tmp_path / "liar.html", page.encode("gbk")))
    assert raw.encoding == "gb18030"
    assert "二、深化劳动和技能竞赛，组织职工培训3期以上。" in raw.text


def test_html_without_content_is_empty(tmp_path: Path) -> None:
    page = "<html><body><nav>首页</nav><script>x()</script></body></html>"
    with pytest.raises(UnreadableFile, match="empty file"):
        read_document(write_bytes(tmp_path / "blank.html", page.encode("utf-8")))


# --- realistic pages: main content by trafilatura, title never a banner or widget ---------
# Every page below was written for these tests; their chrome imitates common Chinese CMS
# templates (school sites, essay sites, government portals).

_SCHOOL_PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>实验小学2024年春季学期工会工作计划 - 城南实验小学</title></head>
<body>
<div id="top"><span class="date">今天是：2024年3月5日 星期二</span> <a href="/login">登录</a></div>
<div id="banner"><h1>城南实验小学欢迎您</h1></div>
<div id="nav"><ul><li><a href="/">学校首页</a></li><li><a href="/gk">学校概况</a></li>
<li><a href="/dj">党建工作</a></li><li><a href="/gh">工会之窗</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt;&gt; <a href="/gh">工会之窗</a> &gt;&gt; 正文</div>
<div id="main">
 <div id="left"><div class="box"><div class="tit">最新文章</div><ul>
   <li><a href="/a/1.html">教工篮球赛圆满结束</a><span>2010年06月24日</span></li>
   <li><a href="/a/2.html">三八节慰问女教职工</a><span>2010年03月08日</span></li>
   <li><a href="/a/3.html">关于开展读书活动的通知</a><span>2009年11月02日</span></li>
 </ul></div></div>
 <div id="right">
  <div class="arttitle">实验小学2024年春季学期工会工作计划</div>
  <div class="artinfo">作者：校工会 &nbsp; 文章来源：本站原创 &nbsp; 点击数：<script>document.write(125)</script>次
   &nbsp; 更新时间：2024-3-5</div>
  <div class="content" id="zoom">
   <p>这个学期校工会紧扣教学任务，依托党支部指导，认真履行维权服务职责，多为老师们解决实际困难。</p>
   <p><strong>一、指导思想</strong></p>
   <p>以服务教职工为中心，以建设教工之家为载体，推动学校各项事业健康发展。</p>
   <p><strong>二、主要工作</strong></p>
   <p>（一）加强民主管理。召开教代会，审议学校发展规划，提案落实率达到90%以上。</p>
   <p>（二）开展文体活动。组织教工趣味运动会一次，成立兴趣小组，参与人数不少于60人。</p>
   <p>（三）关心教工生活。做好困难教职工帮扶，节日慰问覆盖全体会员。</p>
   <p><strong>三、月份安排</strong></p>
   <table border="1"><tr><td>月份</td><td>工作内容</td><td>负责人</td></tr>
   <tr><td>三月份</td><td>庆祝“三八”妇女节活动</td><td>李老师</td></tr>
   <tr><td>四月份</td><td>教工春季健步走</td><td>王老师</td></tr>
   <tr><td>五月份</td><td><p>评选“最美教师”</p><p>教工摄影展</p></td><td>张老师</td></tr></table>
  </div>
  <div class="related"><div class="tit">推荐阅读</div><ul>
   <li><a href="/a/8.html">2023年秋季学期工会工作总结</a></li>
   <li><a href="/a/9.html">关于教职工体检的通知</a></li></ul></div>
  <div class="prevnext">上一篇：<a href="/a/6.html">工会换届选举公告</a>
   下一篇：<a href="/a/7.html">教职工书法比赛获奖名单</a></div>
 </div>
</div>
<div id="footer"><p>版权所有：城南实验小学 地址：城南区学府路8号 电话：0571-88888888</p>
<p><a href="https://beian.miit.gov.cn">浙ICP备12345678号-1</a> 技术支持：某某网络</p></div>
</body></html>
"""

_ESSAY_SITE_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>2025年社区工会工作计划_工作计划_某某范文网</title>
<meta name="keywords" content="工作计划,社区工会"></head>
<body>
<div class="header"><h1 class="logo">欢迎来到某某范文网！ <a href="/login">登录</a> | <a href="/reg">注册</a></h1>
<ul class="menu"><li><a href="/">首页</a></li><li><a href="/jh/">工作计划</a></li><li><a href="/zj/">工作总结</a></li></ul>
<form class="search"><input name="q" placeholder="搜索范文"><button>搜索</button></form></div>
<div class="wrap">
 <div class="article">
  <h1>2025年社区工会工作计划</h1>
  <div class="info">时间：2025-01-06 09:12:33 作者：佚名 阅读：<span>2316</span></div>
  <div class="body">
   <p>新的一年，社区工会将以服务辖区职工为主线，扎实推进各项工作。现制定计划如下：</p>
   <p>一、健全组织网络</p>
   <p>1．推动辖区小微企业建会，全年新建工会组织8家，新发展会员300名。</p>
   <p>2．规范工会小组设置，每个网格明确一名工会联络员。</p>
   <p>二、做好服务职工工作</p>
   <p>1．开展“送清凉”活动，慰问一线户外劳动者不少于500人次。</p>
   <p>2．举办职工法律讲座两期，帮助职工依法维权。</p>
   <p>三、加强自身建设</p>
   <p>坚持每月召开一次工会委员会议，及时研究解决工作中的问题。</p>
  </div>
  <div class="pages">【打印本文】【关闭窗口】【返回顶部】</div>
  <div class="xgtj"><h3>相关推荐</h3><ul>
   <li><a href="/1.html">社区工会工作总结范文</a></li><li><a href="/2.html">街道工会工作要点</a></li>
   <li><a href="/3.html">企业工会年度工作计划</a></li></ul></div>
 </div>
 <div class="sidebar"><h3>热门排行</h3><ol><li><a href="/4.html">个人工作计划</a></li>
  <li><a href="/5.html">学校工作计划</a></li></ol><p>2019-08-14</p></div>
</div>
<div class="footer">Copyright © 2025 某某范文网 版权所有 <a href="#">沪ICP备00000000号</a></div>
</body></html>
"""

_PORTAL_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta property="og:title" content="区总工会2025年工作要点">
<meta property="og:site_name" content="某某区人民政府">
<title>区总工会2025年工作要点-某某区人民政府门户网站</title></head>
<body>
<header class="site-header"><div class="site-name">某某区人民政府</div>
<nav><a href="/">首页</a><a href="/zwgk">政务公开</a><a href="/bmdt">部门动态</a></nav></header>
<div class="breadcrumb">您的位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 计划总结</div>
<div class="main">
 <div class="detail">
  <div class="detail-meta">发布日期：2025-02-10 &nbsp; 信息来源：区总工会 &nbsp; 浏览次数：<span id="hits">381</span></div>
  <div class="TRS_Editor">
   <p>2025年全区工会工作的总体要求是：坚持以职工为中心，围绕全区发展大局，团结动员广大职工建功立业。</p>
   <p>一、突出思想政治引领</p>
   <p>（一）深化理论学习。组织基层工会主席培训班3期，覆盖基层工会主席400人以上。</p>
   <p>（二）加强宣传教育。开展劳模工匠进企业宣讲活动20场。</p>
   <p>二、深化建功立业活动</p>
   <p>（一）开展劳动和技能竞赛。围绕重点工程组织竞赛项目不少于15个。</p>
   <p>（二）推进职工创新。新命名职工创新工作室5家。</p>
   <p>三、维护职工合法权益</p>
   <p>（一）推进集体协商。已建会企业集体合同签订率保持在90%以上。</p>
  </div>
  <div class="share">分享到：<a>微信</a><a>微博</a></div>
 </div>
 <div class="side"><ul class="list"><li><a>关于开展春季招聘的通知</a><span>2012-03-01</span></li>
 <li><a>区政府常务会议纪要</a><span>2011-12-20</span></li></ul></div>
</div>
<footer><p>主办：某某区人民政府办公室 京公网安备 11010502030000号 京ICP备01234567号</p></footer>
</body></html>
"""

# The school page's article, as the reader must give it (title first, one line per block).
_SCHOOL_LINES = [
    "实验小学2024年春季学期工会工作计划",
    "这个学期校工会紧扣教学任务，依托党支部指导，认真履行维权服务职责，多为老师们解决实际困难。",
    "一、指导思想",
    "以服务教职工为中心，以建设教工之家为载体，推动学校各项事业健康发展。",
    "二、主要工作",
    "（一）加强民主管理。召开教代会，审议学校发展规划，提案落实率达到90%以上。",
    "（二）开展文体活动。组织教工趣味运动会一次，成立兴趣小组，参与人数不少于60人。",
    "（三）关心教工生活。做好困难教职工帮扶，节日慰问覆盖全体会员。",
    "三、月份安排",
    "月份 | 工作内容 | 负责人",
    "三月份 | 庆祝“三八”妇女节活动 | 李老师",
    "四月份 | 教工春季健步走 | 王老师",
    "五月份 | 评选“最美教师” 教工摄影展 | 张老师",
]

_CHROME = (
    "今天是", "欢迎", "登录", "当前位置", "您的位置", "点击数", "文章来源", "信息来源", "浏览次数", "阅读：",
    "推荐阅读", "相关推荐", "热门排行", "上一篇", "下一篇", "ICP", "公网安备", "版权所有", "打印", "分享到",
    "2010年06月24日", "2019-08-14", "2012-03-01", "街道工会工作要点", "个人工作计划", "关于教职工体检的通知",
)


@pytest.mark.parametrize("codec", ["gb18030", "utf-8"])
def test_school_page_gives_its_article_without_site_chrome(tmp_path: Path, codec: str) -> None:
    page = _SCHOOL_PAGE if codec == "gb18030" else _SCHOOL_PAGE.replace("gb2312", "utf-8")
    raw = read_document(write_bytes(tmp_path / "school.html", page.encode(codec)))
    assert raw.encoding == codec
    assert raw.text.split("\n") == _SCHOOL_LINES


@pytest.mark.parametrize(
    ("page", "title", "first_body_line"),
    [
        (_ESSAY_SITE_PAGE, "2025年社区工会工作计划", "新的一年，社区工会将以服务辖区职工为主线，扎实推进各项工作。现制定计划如下："),
        (_PORTAL_PAGE, "区总工会2025年工作要点", "2025年全区工会工作的总体要求是：坚持以职工为中心，围绕全区发展大局，团结动员广大职工建功立业。"),
        (_SCHOOL_PAGE, "实验小学2024年春季学期工会工作计划", _SCHOOL_LINES[1]),
    ],
)
def test_title_is_the_articles_never_a_banner_or_date_widget(
    tmp_path: Path, page: str, title: str, first_body_line: str
) -> None:
    lines = read_document(write_bytes(tmp_path / "page.html", page.encode("utf-8"))).text.split("\n")
    assert lines[:2] == [title, first_body_line]
    for chrome in _CHROME:
        assert not any(chrome in line for line in lines), chrome


def test_outline_lines_of_pages_stay_separate_lines(tmp_path: Path) -> None:
    essay = read_document(write_bytes(tmp_path / "essay.html", _ESSAY_SITE_PAGE.encode("utf-8"))).text.split("\n")
    assert essay[2:5] == ["一、健全组织网络", "1．推动辖区小微企业建会，全年新建工会组织8家，新发展会员300名。",
                          "2．规范工会小组设置，每个网格明确一名工会联络员。"]
    assert essay[-1] == "坚持每月召开一次工会委员会议，及时研究解决工作中的问题。"
    portal = read_document(write_bytes(tmp_path / "portal.html", _PORTAL_PAGE.encode("utf-8"))).text.split("\n")
    assert [line for line in portal if line.endswith(("引领", "活动", "权益"))] == [
        "一、突出思想政治引领", "二、深化建功立业活动", "三、维护职工合法权益"]


def test_page_analyzed_end_to_end_keeps_title_outline_and_no_sidebar_dates(tmp_path: Path) -> None:
    import nlp

    path = write_bytes(tmp_path / "school.html", _SCHOOL_PAGE.encode("gb18030"))
    (article,) = nlp.analyze_path(path)
    assert article.title == "实验小学2024年春季学期工会工作计划"
    outline = [(h.level, h.marker) for h in article.headings]
    assert outline[:5] == [(1, "一、"), (1, "二、"), (2, "（一）"), (2, "（二）"), (2, "（三）")]
    assert (1, "三、") in outline
    assert not any("2010" in d.text or "2009" in d.text for d in article.dates)
    assert "文章来源" not in article.text and "点击数" not in article.text


@pytest.mark.parametrize(
    ("title", "cleaned"),
    [
        ("2025年社区工会工作计划_工作计划_某某范文网", "2025年社区工会工作计划"),
        ("区总工会2025年工作要点-某某区人民政府门户网站", "区总工会2025年工作要点"),
        ("某某中学 | 2024-2025学年第一学期工会工作计划", "2024-2025学年第一学期工会工作计划"),
        ("街道工会工作要点 — 某某街道办事处 — www.example.gov.cn", "街道工会工作要点"),
        ("工会工作计划范文大全", "工会工作计划范文大全"),
        ("某某网", ""),
    ],
)
def test_site_names_are_cut_from_page_titles(title: str, cleaned: str) -> None:
    from nlp.ingest.html_title import clean_page_title

    assert clean_page_title(title) == cleaned


@pytest.mark.parametrize(
    "line",
    ["点击数：次", "作者：校工会  来源：本站  更新时间：2024-3-5", "文章来源：教育局", "浏览次数：381",
     "当前位置：首页 > 工会之窗", "上一篇：工会换届公告", "苏ICP备0000000号", "【打印】【关闭】", "今天是2024年3月5日 星期二",
     "今天是：星期五", "您现在的位置：首页 >> 通知公告"],
)
def test_page_chrome_lines_by_shape(line: str) -> None:
    from nlp.ingest.html_chrome import is_page_chrome

    assert is_page_chrome(line)


@pytest.mark.parametrize(
    "line",
    ["一、加强工会自身建设", "全年发展会员300名，来源于新建企业。", "上一年度工作回顾", "作者简介", "三月份 | 庆祝三八节 | 工会办",
     "今天是全国助残日，工会组织志愿者走进社区。",
     "来源：区总工会"],  # a document's own source line is left to the boilerplate stage
)
def test_plan_lines_are_not_page_chrome(line: str) -> None:
    from nlp.ingest.html_chrome import is_page_chrome

    assert not is_page_chrome(line)


def test_teaser_list_dropped_but_outline_after_it_kept() -> None:
    from nlp.ingest.html_chrome import drop_page_chrome

    lines = ["一、组织建设", "相关文章：", "党支部工作计划", "团委工作要点", "二、民主管理", "召开职代会。"]
    assert drop_page_chrome(lines) == ["一、组织建设", "二、民主管理", "召开职代会。"]


def test_runs_of_dated_links_are_dropped_but_a_single_dated_line_kept() -> None:
    from nlp.ingest.html_chrome import drop_page_chrome

    lines = ["三、保障措施", "加强组织领导。", "教工篮球赛圆满结束2010-06-24", "区政府常务会议纪要 [2011/12/20]",
             "三八节慰问女教职工 2010年03月08日", "城南实验小学工会", "2024年3月1日", "召开总结会 2024-06-28"]
    assert drop_page_chrome(lines) == ["三、保障措施", "加强组织领导。", "城南实验小学工会", "2024年3月1日",
                                       "召开总结会 2024-06-28"]


# An old government-site template: the article sits in a <td> of a layout table beside a menu
# cell, its lines are <div>s and <br>s indented with ideographic spaces.
_LAYOUT_TABLE_PAGE = """<html><head><meta charset="utf-8"><title>镇总工会2025年工作计划_计划总结_某某镇政府网</title></head><body>
<div class="top">网站首页 | 政务公开 | 办事服务</div>
<div class="position">您现在的位置： 首页 >> 计划总结</div>
<table width="980"><tr><td width="200" valign="top"><div class="menu">栏目导航<br>工作动态<br>计划总结<br>通知公告</div></td>
<td valign="top">
<div align="center"><font size="4"><b>镇总工会2025年工作计划</b></font></div>
<div align="center">发布时间：2025-01-15　　来源：镇总工会　　浏览次数：56</div>
<div class="zw">
<p>　　2025年，镇总工会将认真贯彻落实上级工会的决策部署，围绕全镇中心工作，扎实做好以下工作：</p>
<div>　　一、抓好组织建设</div>
<div>　　1.全年新建非公企业工会3家，新增会员150人。</div>
<div>　　2.规范村级工会建设，实现村级工会全覆盖。</div>
<div>　　二、维护职工权益</div>
<div>　　1.推进工资集体协商，签订率保持在85%以上。<br>　　2.开展劳动法律监督检查一次。</div>
<div>　　三、开展职工活动</div>
<div>　　春节期间组织职工文艺汇演，五一前后开展劳动竞赛，十月份举办职工运动会。</div>
<div align="right">某某镇总工会<br>2025年1月10日</div>
</div></td></tr></table>
<div class="bottom">主办单位：某某镇人民政府　备案号：苏ICP备12345678号</div>
</body></html>
"""


def test_article_framed_by_a_layout_table_keeps_its_lines(tmp_path: Path) -> None:
    raw = read_document(write_bytes(tmp_path / "town.html", _LAYOUT_TABLE_PAGE.encode("utf-8")))
    assert raw.text.split("\n") == [
        "镇总工会2025年工作计划",
        "2025年，镇总工会将认真贯彻落实上级工会的决策部署，围绕全镇中心工作，扎实做好以下工作：",
        "一、抓好组织建设",
        "1.全年新建非公企业工会3家，新增会员150人。",
        "2.规范村级工会建设，实现村级工会全覆盖。",
        "二、维护职工权益",
        "1.推进工资集体协商，签订率保持在85%以上。",
        "2.开展劳动法律监督检查一次。",
        "三、开展职工活动",
        "春节期间组织职工文艺汇演，五一前后开展劳动竞赛，十月份举办职工运动会。",
        "某某镇总工会",
        "2025年1月10日",
    ]


# A Word document saved as web page (.htm, GB2312): its <title> is a shortened name.
_WORD_HTML_PAGE = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=gb2312"><meta name=Generator content="Microsoft Word 15">
<title>厂工会工作计划</title><style>p.MsoNormal{margin:0cm;font-size:10.5pt;}</style></head>
<body lang=ZH-CN style='text-align:justify'><div class=WordSection1>
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:16.0pt'>某某机械厂工会2025年工作计划<o:p></o:p></span></b></p>
<p class=MsoNormal style='text-indent:21.0pt'><span>为团结动员全厂职工完成年度生产经营任务，厂工会制定本计划。<o:p></o:p></span></p>
<p class=MsoNormal><b><span>一、开展劳动竞赛<o:p></o:p></span></b></p>
<p class=MsoNormal style='text-indent:21.0pt'><span>围绕安全生产开展“安康杯”竞赛，参赛班组不少于40个。<o:p></o:p></span></p>
<p class=MsoNormal><b><span>二、做好职工服务<o:p></o:p></span></b></p>
<p class=MsoNormal style='text-indent:21.0pt'><span>夏季开展送清凉活动，走访慰问一线职工<span lang=EN-US>600</span>人次。<o:p></o:p></span></p>
<table class=MsoTableGrid border=1><tr><td><p class=MsoNormal>月份</p></td><td><p class=MsoNormal>活动</p></td></tr>
<tr><td><p class=MsoNormal>五月</p></td><td><p class=MsoNormal>职工技能比武</p></td></tr></table>
</div></body></html>
"""


def test_word_saved_web_page_keeps_its_own_title_line(tmp_path: Path) -> None:
    raw = read_document(write_bytes(tmp_path / "plan.htm", _WORD_HTML_PAGE.encode("gb18030")))
    assert raw.encoding == "gb18030"
    assert raw.text.split("\n") == [
        "某某机械厂工会2025年工作计划",  # not the shorter <title>
        "为团结动员全厂职工完成年度生产经营任务，厂工会制定本计划。",
        "一、开展劳动竞赛",
        "围绕安全生产开展“安康杯”竞赛，参赛班组不少于40个。",
        "二、做好职工服务",
        "夏季开展送清凉活动，走访慰问一线职工600人次。",
        "月份 | 活动",
        "五月 | 职工技能比武",
    ]


@pytest.mark.parametrize(
    "opening",
    ["为做好今年工会工作，特制定本计划。", "一、总体要求", "各基层工会：", "现将有关事项通知如下："],
)
def test_page_title_opens_a_text_that_has_no_title_line(tmp_path: Path, opening: str) -> None:
    page = (
        "<html><head><title>2025年社区工会工作要点</title></head><body><div>"
        f"<p>{opening}</p><p>二、组织职工参加技能培训，全年培训200人次。</p></div></body></html>"
    )
    lines = read_document(write_bytes(tmp_path / "bare.html", page.encode("utf-8"))).text.split("\n")
    assert lines[:2] == ["2025年社区工会工作要点", opening]


@pytest.mark.parametrize(
    ("text", "usable"),
    [("欢迎来到某某范文网！ 登录 | 注册", False), ("今天是2025年1月6日", False), ("城南实验小学欢迎您", False),
     ("关于做好会员实名注册工作的实施方案", True), ("2025年第一周（星期一）工作安排", True), ("2025年社区工会工作计划", True)],
)
def test_banner_and_widget_texts_are_never_titles(text: str, usable: bool) -> None:
    from nlp.ingest.html_title import usable_title

    assert usable_title(text) is usable


# A community site's article written with <h3> headings and <ol>/<ul> lists.
_LIST_PAGE = """<html><head><meta charset="utf-8"><title>社区工会2025年工作计划 - 某某社区网</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/a">社区动态</a> <a href="/b">办事指南</a></div>
<div class="content">
<h2>社区工会2025年工作计划</h2>
<p>根据街道总工会部署，结合社区实际，制定本年度工作计划。</p>
<h3>一、加强组织建设</h3>
<ol><li>推动辖区商户建立联合工会，新增会员80名；</li><li>开展工会干部培训两期；</li><li>建立会员信息台账，做到动态管理。</li></ol>
<h3>二、做好服务工作</h3>
<ul><li>春节前走访慰问困难职工20户；</li><li>夏季为户外劳动者送清凉不少于300人次；</li><li>举办职工子女暑期托管班。</li></ul>
<h3>三、丰富文体生活</h3>
<p>结合传统节日组织职工开展文体活动，全年不少于6次。</p>
</div>
<div class="side"><h4>热门文章</h4><ul><li><a href="/x">社区开展消防演练</a></li><li><a href="/y">居民议事会召开</a></li></ul></div>
<div class="foot">某某社区居委会 版权所有</div>
</body></html>
"""


def test_ordered_list_items_get_the_numbers_a_browser_shows(tmp_path: Path) -> None:
    lines = read_document(write_bytes(tmp_path / "list.html", _LIST_PAGE.encode("utf-8"))).text.split("\n")
    assert lines[2:7] == ["一、加强组织建设", "1.推动辖区商户建立联合工会，新增会员80名；", "2.开展工会干部培训两期；",
                          "3.建立会员信息台账，做到动态管理。", "二、做好服务工作"]
    assert "春节前走访慰问困难职工20户；" in lines  # bullets print no number
    assert not any("热门文章" in line or "消防演练" in line for line in lines)


def test_short_page_ordered_list_honours_start_and_printed_markers(tmp_path: Path) -> None:
    page = ("<html><body><h1>工会小组工作安排</h1><ol start='2'><li>组织读书活动</li><li>开展健步走</li>"
            "<li>（四）评选先进</li></ol><ul><li>其他事项</li></ul></body></html>")
    lines = read_document(write_bytes(tmp_path / "ol.html", page.encode("utf-8"))).text.split("\n")
    assert lines == ["工会小组工作安排", "2.组织读书活动", "3.开展健步走", "（四）评选先进", "其他事项"]


@pytest.mark.parametrize("body_repeats", [1, 6])  # a short page (fallback reader) and a long one
def test_elements_a_browser_hides_are_not_read(tmp_path: Path, body_repeats: int) -> None:
    body = "工会将围绕中心工作，团结动员广大职工建功立业。" * body_repeats
    page = (
        "<html><body><div class='content'><h1>街道工会工作计划</h1>"
        f"<p>{body}</p><p style='display:none'>范文下载请联系客服</p><div hidden>隐藏的推广链接</div>"
        "<p>一、加强组织建设<span style='VISIBILITY: hidden'>水印文字</span>，新建工会3家。</p></div></body></html>"
    )
    lines = read_document(write_bytes(tmp_path / "hidden.html", page.encode("utf-8"))).text.split("\n")
    assert lines == ["街道工会工作计划", body, "一、加强组织建设，新建工会3家。"]
