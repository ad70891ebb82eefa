"""The HTML digest of corpus/ in a real browser: headless Chromium, driven through its own CLI.

No extra Python dependency: a test copy of the page gets a small script that records
window errors, failed resources and console.error/warn into a DOM element, which
`--dump-dom` then shows.  Chromium's own log (`--enable-logging=stderr`) is checked for
console messages as a second channel.  A phone-width screenshot goes to tests/artifacts/.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
PHONE = (390, 2000)
DESKTOP = (1280, 2000)
TIMEOUT = 90

if not CHROMIUM.exists():
    pytest.skip("headless browser test needs /usr/bin/chromium (Debian package `chromium`)",
                allow_module_level=True)


def _cjk_fonts() -> str:
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return ""
    return subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True, check=False).stdout


# Without a CJK font Chromium draws tofu boxes although the DOM holds the right text: the
# screenshot would prove nothing, so the whole module is skipped, naming the package.
if not _cjk_fonts().strip():
    pytest.skip("headless browser test needs a CJK font (Debian package `fonts-wqy-microhei`)",
                allow_module_level=True)

# Runs first in <head>: every error lands in <pre id="__errors">; at load, the page width check
# and a marker proving the hook ran.
HOOK = """<script>
(function () {
  var errors = [];
  function put(kind, msg) {
    errors.push(kind + ": " + msg);
    var el = document.getElementById("__errors");
    if (el) el.textContent = errors.join("\\n");
  }
  window.addEventListener("error", function (e) {
    var t = e.target;
    if (t && t !== window && (t.src || t.href)) put("resource", t.src || t.href);
    else put("error", e.message);
  }, true);
  window.addEventListener("unhandledrejection", function (e) { put("rejection", String(e.reason)); });
  ["error", "warn"].forEach(function (name) {
    var orig = console[name];
    console[name] = function () { put("console." + name, Array.prototype.join.call(arguments, " ")); orig.apply(console, arguments); };
  });
  window.addEventListener("load", function () {
    var pre = document.createElement("pre");
    pre.id = "__errors";
    pre.textContent = errors.join("\\n");
    document.body.appendChild(pre);
    var w = document.documentElement.scrollWidth, v = window.innerWidth;
    var info = document.createElement("pre");
    info.id = "__hook";
    info.textContent = "ready width=" + w + " viewport=" + v;
    document.body.appendChild(info);
  });
})();
</script>"""


def chromium(url: str, *args: str, tmp: Path) -> subprocess.CompletedProcess:
    """Run headless Chromium on `url` offline, with a fresh profile; return the finished process."""
    profile = tmp / f"profile{len(list(tmp.glob('profile*')))}"
    profile.mkdir()
    cmd = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", "--hide-scrollbars", f"--user-data-dir={profile}",
           "--enable-logging=stderr", "--v=0", *args, url]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT, check=False)


def hooked(html: str) -> str:
    """The page with the error hook as the first thing in <head>."""
    assert "<head>" in html
    return html.replace("<head>", "<head>\n" + HOOK, 1)


def dump(page: Path, tmp: Path) -> tuple[str, str]:
    """Rendered DOM and Chromium's log of a page at phone width."""
    return dump_url(page.as_uri(), tmp)


def dump_url(url: str, tmp: Path) -> tuple[str, str]:
    """Rendered DOM and Chromium's log of a URL (a page with a query) at phone width."""
    proc = chromium(url, "--dump-dom", f"--window-size={PHONE[0]},{PHONE[1]}",
                    "--virtual-time-budget=3000", tmp=tmp)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout, proc.stderr


def pre(dom: str, ident: str) -> str | None:
    """Text of <pre id=ident> in a dumped DOM (None when absent)."""
    m = re.search(rf'<pre id="{ident}">(.*?)</pre>', dom, re.S)
    return m.group(1) if m else None


def console_lines(log: str) -> list[str]:
    """Console messages Chromium logged (lines tagged CONSOLE)."""
    return [line for line in log.splitlines() if "CONSOLE" in line]


@pytest.fixture(scope="module")
def tmp(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("browser")


@pytest.fixture(scope="module")
def digest_html(tmp: Path) -> Path:
    """The HTML digest of corpus/ with its themes section, written by the summarize CLI end to end."""
    out = tmp / "digest.html"
    proc = subprocess.run([sys.executable, "-m", "nlp.digest.cli", str(ROOT / "corpus"), "--format", "html",
                           "--themes", "-o", str(out)], capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return out


@pytest.fixture(scope="module")
def rendered(digest_html: Path, tmp: Path) -> tuple[str, str]:
    page = tmp / "digest_hooked.html"
    page.write_text(hooked(digest_html.read_text(encoding="utf-8")), encoding="utf-8")
    return dump(page, tmp)


def test_hook_catches_a_console_error(tmp: Path):
    # Control: the same hook on a page that does log an error must report it.
    page = tmp / "bad.html"
    page.write_text(hooked("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
                           "<script>console.error('boom 出错')</script><img src='missing.png'></body></html>"),
                    encoding="utf-8")
    dom, log = dump(page, tmp)
    errors = pre(dom, "__errors") or ""
    assert "boom 出错" in errors and "missing.png" in errors
    assert any("boom" in line for line in console_lines(log))


def test_no_console_errors(rendered):
    dom, log = rendered
    hook = pre(dom, "__hook")
    assert hook and hook.startswith("ready"), "the error hook did not run"
    assert (pre(dom, "__errors") or "") == ""
    assert console_lines(log) == []


def test_chinese_text_in_rendered_dom(rendered, digest_html: Path):
    dom, _ = rendered
    assert "计划摘要" in dom and "总览" in dom and "年历" in dom
    # Article titles of the corpus come through the renderer into the live DOM.
    titles = re.findall(r'<article class="entry" id="a\d+"[^>]*>\s*<h3>(.*?)</h3>', digest_html.read_text(encoding="utf-8"))
    assert titles and all(t in dom for t in titles)
    assert sum(bool(re.search(r"[\u4e00-\u9fff]", t)) for t in titles) == len(titles)
    # Inline SVG charts survived parsing: heatmap and bar charts.
    assert dom.count("<svg") >= 4 and dom.count("<rect") > 12


def test_fits_phone_width(rendered):
    dom, _ = rendered
    m = re.search(r"width=(\d+) viewport=(\d+)", pre(dom, "__hook") or "")
    assert m, "no width report from the page"
    width, viewport = map(int, m.groups())
    assert width <= viewport, f"page is {width}px wide at a {viewport}px viewport (horizontal overflow)"


@pytest.mark.parametrize("name, size", [("phone", PHONE), ("desktop", DESKTOP)])
def test_screenshot(digest_html: Path, tmp: Path, name: str, size: tuple[int, int]):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"digest_{name}.png"
    shot.unlink(missing_ok=True)
    proc = chromium(digest_html.as_uri(), f"--screenshot={shot}", f"--window-size={size[0]},{size[1]}",
                    tmp=tmp)
    assert proc.returncode == 0, proc.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == size
    assert len(data) > 20_000  # a blank page compresses to a few kB


# ----------------------------------------------------------------------------- a reader's page (issue 17)

ENGLISH_CODES = ("federation", "enterprise", "placeholder year", "repaired_line", "numbering_gap",
                 "near_duplicate", ">plan<", ">summary<", ">mixed<", "unknown")


def _visible_text(dom: str) -> str:
    """The DOM's text outside tags, scripts and attribute values (what a reader sees, roughly)."""
    body = re.sub(r"<script\b.*?</script>|<style\b.*?</style>|<pre id=\"__(?:errors|hook)\">.*?</pre>", "", dom, flags=re.S)
    return re.sub(r"<[^>]+>", "\n", body)


def _articles(dom: str) -> list[tuple[str, bool, str]]:
    """(id, hidden, title) of every article entry in a dumped DOM."""
    return [(m.group(1), "hidden" in m.group(2), m.group(3)) for m in
            re.finditer(r'<article class="entry" id="(a\d+)"([^>]*)>\s*<h3>(.*?)</h3>', dom, re.S)]


def test_article_titles_are_distinct(rendered):
    dom, _ = rendered
    titles = [t for _, _, t in _articles(dom)]
    assert len(titles) == 41 and len(set(titles)) == len(titles)


def test_values_are_shown_in_chinese_not_as_codes(rendered):
    text = _visible_text(rendered[0])
    for code in ENGLISH_CODES:
        assert code not in text, code
    assert "计划" in text and "总结" in text and "学校" in text and "年份待填" in text


def test_near_duplicates_are_links_to_articles_on_the_page(rendered):
    dom, _ = rendered
    ids = {i for i, _, _ in _articles(dom)}
    section = dom.split('id="duplicates"', 1)[1].split('id="articles"', 1)[0]
    links = re.findall(r'<a href="#(a\d+)">', section)
    assert links and set(links) <= ids


def test_theme_sections_are_links_to_articles_on_the_page(rendered):
    dom, _ = rendered
    ids = {i for i, _, _ in _articles(dom)}
    section = dom.split('id="themes"', 1)[1].split('id="articles"', 1)[0]
    links = re.findall(r'<a href="#(a\d+)">', section)
    assert len(re.findall(r"<tr><td>", section)) >= 8 and links and set(links) <= ids


def test_flags_are_in_plain_words_behind_a_toggle(rendered):
    dom, _ = rendered
    blocks = re.findall(r"<details class=\"meta\"><summary>文本质量提示.*?</details>", dom, re.S)
    assert blocks and all("repaired_line" not in b and "placeholder" not in b for b in blocks)


def test_filter_box_hides_articles_that_do_not_match(digest_html: Path, tmp: Path):
    page = tmp / "digest_filter.html"
    page.write_text(hooked(digest_html.read_text(encoding="utf-8")), encoding="utf-8")
    dom, _ = dump_url(page.as_uri() + "?q=" + "小学工会", tmp)
    entries = _articles(dom)
    shown = [t for _, hidden, t in entries if not hidden]
    assert shown and len(shown) < len(entries)
    assert all("小学工会" in t for t in shown)
    assert re.search(rf"<output[^>]*>{len(shown)} / {len(entries)} 篇</output>", dom)
    assert (pre(dom, "__errors") or "") == ""
    # The genre menu filters too: only summaries left.
    dom, _ = dump_url(page.as_uri() + "?genre=summary", tmp)
    shown = [t for _, hidden, t in _articles(dom) if not hidden]
    assert shown and len(shown) < len(entries)
