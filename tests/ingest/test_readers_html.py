"""HTML reader: charset, main content, page chrome dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.errors import UnreadableFile
from nlp.ingest.read import read_document

# Written for these tests: a short plan in the style of the domain, long enough for the
# share-based checks (more than 20 hanzi).
PLAN = (
    "2024年区总工会工作要点\n"
    "一、夯实基层组织，年内新建工会组织15家。\n"
    "二、深化劳动和技能竞赛，组织职工培训3期以上。\n"
)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


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
    "三月",
    "召开职代会",
]


@pytest.mark.parametrize(("charset", "codec"), [("utf-8", "utf-8"), ("gb2312", "gbk")])
def test_html_main_article_only(tmp_path: Path, charset: str, codec: str) -> None:
    path = _write(tmp_path / "page.html", _PAGE.format(charset=charset).encode(codec))
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
    raw = read_document(_write(tmp_path / "page.htm", page.encode("utf-8")))
    assert raw.text == "工会工作要点\n一、加强学习\n二、服务职工"


def test_html_preformatted_lines_and_breaks(tmp_path: Path) -> None:
    page = "<html><body><p>第一行<br/>第二行</p><pre>  甲  乙\n丙</pre></body></html>"
    raw = read_document(_write(tmp_path / "pre.html", page.encode("utf-8")))
    assert raw.text == "第一行\n第二行\n甲 乙\n丙"


def test_html_longest_article_wins_over_teasers(tmp_path: Path) -> None:
    page = (
        "<html><body><article><h2>相关：党建计划</h2></article>"
        "<article><h1>职工之家建设方案</h1><p>全年建成职工之家10个，覆盖全部基层工会。</p></article>"
        "<article><h2>相关：团委计划</h2></article></body></html>"
    )
    raw = read_document(_write(tmp_path / "teasers.html", page.encode("utf-8")))
    assert raw.text == "职工之家建设方案\n全年建成职工之家10个，覆盖全部基层工会。"


def test_html_wrong_charset_declaration_falls_back_to_detection(tmp_path: Path) -> None:
    page = "<html><head><meta charset='utf-8'></head><body><p>" + PLAN + "</p></body></html>"
    raw = read_document(_write(tmp_path / "liar.html", page.encode("gbk")))
    assert raw.encoding == "gb18030"
    assert "二、深化劳动和技能竞赛，组织职工培训3期以上。" in raw.text


def test_html_without_content_is_empty(tmp_path: Path) -> None:
    page = "<html><body><nav>首页</nav><script>x()</script></body></html>"
    with pytest.raises(UnreadableFile, match="empty file"):
        read_document(_write(tmp_path / "blank.html", page.encode("utf-8")))
