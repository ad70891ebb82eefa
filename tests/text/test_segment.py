"""Segmentation (jieba + domain lexicon), stopwords, sentence and clause splitting."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import jieba
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.text.segment import Segmenter, get_segmenter, lexicon_entries, parse_lexicon
from nlp.text.sentences import split_clauses, split_sentences
from nlp.text.stopwords import parse_stopwords, stopwords

ROOT = Path(__file__).resolve().parents[2]
USERDICT = resources.files("nlp.data.lexicon").joinpath("userdict.txt")

# A sentence of our own with three domain terms that jieba's default dictionary handles
# differently (金秋助学 is split by plain jieba).
DOMAIN_SENTENCE = "下半年工会将召开职代会，继续做好送温暖和金秋助学工作，并推进厂务公开。"


@pytest.fixture(scope="module")
def plain_tokenizer(tmp_path_factory: pytest.TempPathFactory) -> jieba.Tokenizer:
    """jieba's default dictionary only, in a private tokenizer with its own cache dir."""
    logging.getLogger("jieba").setLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.tmp_dir = str(tmp_path_factory.mktemp("jieba-plain"))
    tok.initialize()
    return tok


# ---------------------------------------------------------------- segmenter


def test_lexicon_keeps_domain_terms_whole(plain_tokenizer: jieba.Tokenizer) -> None:
    words = get_segmenter().cut(DOMAIN_SENTENCE)
    for term in ("职代会", "送温暖", "金秋助学", "厂务公开"):
        assert term in words, words
    plain = plain_tokenizer.lcut(DOMAIN_SENTENCE)
    assert not {"职代会", "送温暖", "金秋助学", "厂务公开"} <= set(plain), plain
    assert "金秋助学" not in plain


def test_lexicon_terms_beat_default_split(plain_tokenizer: jieba.Tokenizer) -> None:
    # Terms plain jieba splits, each in a context of our own.
    text = "各基层工会要落实工资集体协商，建好职工书屋，办好职工之家。"
    words = get_segmenter().cut(text)
    for term in ("基层工会", "工资集体协商", "职工书屋", "职工之家"):
        assert term in words, words
        assert term not in plain_tokenizer.lcut(text)


def test_lexicon_does_not_swallow_neighbours() -> None:
    # 工会法 was left out of the lexicon because it ate the 法 of 法人资格.
    assert "法人资格" in get_segmenter().cut("推进基层工会法人资格登记")
    # 教职工 must survive beside 职工文化.
    assert "教职工" in get_segmenter().cut("开展丰富多彩的教职工文化体育活动")


def test_tokens_offsets_reconstruct_text() -> None:
    text = "2024年 工会将开展“送温暖”活动，\r\n覆盖率达95%以上; Plan A ok！\t金秋助学🙂"
    toks = get_segmenter().tokens(text)
    assert "".join(w for w, _, _ in toks) == text
    pos = 0
    for word, start, end in toks:
        assert start == pos and text[start:end] == word and end > start
        pos = end
    assert pos == len(text)


def test_pos_offsets_exact_and_lexicon_tags() -> None:
    text = DOMAIN_SENTENCE + " 第2季度\n开展劳动竞赛。"
    tagged = get_segmenter().pos(text)
    pos = 0
    for word, _flag, start, end in tagged:
        assert start == pos and text[start:end] == word
        pos = end
    assert pos == len(text)
    flags = {w: f for w, f, _, _ in tagged}
    assert flags["金秋助学"] == "nz"
    assert flags["送温暖"] == "v"
    assert flags["劳动竞赛"] == "n"


# Random text with many CJK characters, punctuation and whitespace.
_MIXED = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("工会职代会送温暖金秋助学。！？!?；;，,、：:“”‘’《》（）()\"' \n\r\t\u3000ab12一")),
        st.characters(codec="utf-8"),
    ),
    max_size=120,
)


@settings(max_examples=150, deadline=None)
@given(_MIXED)
def test_tokens_and_pos_offsets_property(text: str) -> None:
    seg = get_segmenter()
    toks = seg.tokens(text)
    assert "".join(w for w, _, _ in toks) == text
    assert list(seg.words(text)) == [w for w, _, _ in toks]
    assert all(text[s:e] == w for w, s, e in toks)
    tagged = seg.pos(text)
    assert all(text[s:e] == w for w, _, s, e in tagged)
    assert (tagged[-1][3] if tagged else 0) == len(text)


def test_get_segmenter_is_cached() -> None:
    assert get_segmenter() is get_segmenter()
    assert isinstance(get_segmenter(), Segmenter)


def test_segmenter_uses_its_own_tokenizer_and_cache(tmp_path: Path) -> None:
    seg = Segmenter(cache_dir=tmp_path / "cache")
    assert not (tmp_path / "cache" / "jieba.cache").exists()  # jieba itself loads on first use
    assert [w for w, *_ in seg.pos("金秋助学")] == ["金秋助学"]  # the fast pass does not need it
    assert "金秋助学" in seg.cut("金秋助学")
    assert seg.tokenizer is not jieba.dt
    assert (tmp_path / "cache" / "jieba.cache").is_file()
    # The global tokenizer never learns our words.
    assert "金秋助学" not in jieba.dt.FREQ or jieba.dt.FREQ["金秋助学"] == 0


def test_custom_user_dict(tmp_path: Path) -> None:
    path = tmp_path / "mini.txt"
    path.write_text("春风行动计划 2000 nz\n", encoding="utf-8")
    seg = Segmenter(user_dict=path, cache_dir=tmp_path / "cache")
    assert "春风行动计划" in seg.cut("启动春风行动计划")
    assert "金秋助学" not in seg.cut("金秋助学")


_QUIET_SCRIPT = (
    "import nlp.text.segment as s\n"
    "seg = s.get_segmenter()\n"
    "seg.cut('召开职代会，开展送温暖活动')\n"
    "seg.tokens('召开职代会')\n"
    "seg.pos('召开职代会')\n"
)


def test_import_and_cut_print_nothing(tmp_path: Path) -> None:
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "xdg"))
    for _ in ("cold cache", "warm cache"):
        proc = subprocess.run(
            [sys.executable, "-c", _QUIET_SCRIPT], capture_output=True, text=True, env=env, cwd=tmp_path
        )
        assert proc.returncode == 0, proc.stderr
        assert proc.stderr == "" and proc.stdout == ""
    assert (tmp_path / "xdg" / "plan-nlp" / "jieba" / "jieba.cache").is_file()


# ---------------------------------------------------------------- lexicon data


def _lexicon_lines() -> list[str]:
    return USERDICT.read_text(encoding="utf-8").splitlines()


def test_lexicon_file_is_found_from_editable_install() -> None:
    assert USERDICT.is_file()
    assert lexicon_entries() == tuple(parse_lexicon(_lexicon_lines()))


def test_lexicon_size_format_and_no_duplicates() -> None:
    entries = lexicon_entries()
    words = [w for w, _, _ in entries]
    assert len(entries) >= 150
    assert len(set(words)) == len(words)
    assert {p for _, _, p in entries} <= {"n", "v", "nz"}
    assert all(f > 0 for _, f, _ in entries)
    assert all(len(w) >= 2 and not any(c.isspace() for c in w) for w in words)
    # jieba's own format: no header, no comments, exactly three fields.
    assert all(len(line.split()) == 3 for line in _lexicon_lines())


def test_every_lexicon_term_is_one_word_for_the_segmenter() -> None:
    # The lexicon names union-work terms wherever they come from (not only the seed files): what
    # holds is that each one survives segmentation whole.
    split = [w for w, _, _ in lexicon_entries() if list(get_segmenter().words(w)) != [w]]
    assert split == []


def test_lexicon_loads_into_bare_jieba(tmp_path: Path) -> None:
    tok = jieba.Tokenizer()
    tok.tmp_dir = str(tmp_path)
    tok.initialize()
    with resources.as_file(USERDICT) as path:
        tok.load_userdict(str(path))
    assert "金秋助学" in tok.lcut("开展金秋助学活动")


def test_parse_lexicon_rejects_bad_lines() -> None:
    assert parse_lexicon(["职代会 500 nz", "", "送温暖 1000 v"]) == [("职代会", 500, "nz"), ("送温暖", 1000, "v")]
    with pytest.raises(ValueError, match="line 1"):
        parse_lexicon(["职代会 nz"])


def test_data_files_found_from_built_package(tmp_path: Path) -> None:
    # Lay the package out as a wheel would (setuptools build_py honours package-data), then
    # import it from there instead of the editable checkout.
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(ROOT / "pyproject.toml", src)
    shutil.copytree(ROOT / "nlp", src / "nlp", ignore=shutil.ignore_patterns("__pycache__"))
    lib = tmp_path / "lib"
    build = subprocess.run(
        [sys.executable, "-c", "from setuptools import setup; setup()", "-q", "build_py", "--build-lib", str(lib)],
        cwd=src, capture_output=True, text=True,
    )
    assert build.returncode == 0, build.stderr
    assert (lib / "nlp" / "data" / "lexicon" / "userdict.txt").is_file()
    script = (
        "import nlp, nlp.text.segment as s, nlp.text.stopwords as w\n"
        "print(nlp.__file__)\n"
        "print(len(s.lexicon_entries()), '金秋助学' in s.get_segmenter().cut('开展金秋助学'), '的' in w.stopwords())\n"
    )
    env = dict(os.environ, PYTHONPATH=str(lib), XDG_CACHE_HOME=str(tmp_path / "xdg"))
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr
    where, figures = run.stdout.splitlines()
    assert Path(where).is_relative_to(lib)
    assert figures == f"{len(lexicon_entries())} True True"


# ---------------------------------------------------------------- stopwords


def test_stopwords_content_and_cache() -> None:
    sw = stopwords()
    assert isinstance(sw, frozenset)
    assert stopwords() is sw
    assert {"的", "了", "和", "与", "及", "等", "进一步", "认真", "积极", "切实"} <= sw
    assert "工会" not in sw and "职工" not in sw


def test_stopwords_disjoint_from_lexicon() -> None:
    assert stopwords().isdisjoint(w for w, _, _ in lexicon_entries())


def test_every_stopword_is_one_token() -> None:
    seg = get_segmenter()
    multi = [w for w in stopwords() if seg.cut(w) != [w]]
    assert multi == []


def test_stopwords_filter_a_plan_sentence() -> None:
    words = [w for w in get_segmenter().cut("进一步加强职工之家建设，切实维护女职工的合法权益。") if w not in stopwords()]
    assert "进一步" not in words and "的" not in words and "切实" not in words
    assert {"职工之家", "女职工", "合法权益"} <= set(words)


def test_parse_stopwords_skips_comments_and_blanks() -> None:
    assert parse_stopwords(["# 注释", "", "  的 ", "了"]) == frozenset({"的", "了"})


# ---------------------------------------------------------------- sentences


def _texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


def test_sentences_full_width_terminators() -> None:
    text = "我们要加强学习。提高素质！你准备好了吗？"
    assert _texts(text, split_sentences(text)) == ["我们要加强学习。", "提高素质！", "你准备好了吗？"]


def test_sentences_keep_closing_quotes_and_brackets() -> None:
    text = "主席说：“大家辛苦了！”随后散会。开展“送温暖”活动（详见附件。）下一句"
    assert _texts(text, split_sentences(text)) == [
        "主席说：“大家辛苦了！”", "随后散会。", "开展“送温暖”活动（详见附件。）", "下一句",
    ]


def test_sentences_terminator_runs_stay_together() -> None:
    text = "真的吗？！太好了。。还有；"
    assert _texts(text, split_sentences(text)) == ["真的吗？！", "太好了。。", "还有；"]


def test_sentences_half_width_punctuation() -> None:
    text = "目标明确;措施到位!有问题吗?没有"
    assert _texts(text, split_sentences(text)) == ["目标明确;", "措施到位!", "有问题吗?", "没有"]


def test_sentences_ascii_quotes_close_only_when_open() -> None:
    text = '口号是"齐心协力!"然后开会!"奋进"是主题'
    assert _texts(text, split_sentences(text)) == ['口号是"齐心协力!"', "然后开会!", '"奋进"是主题']


def test_sentences_split_at_line_breaks_and_strip() -> None:
    text = "  一、指导思想\n以发展为主线\r\n\n\u3000\u3000二、工作目标  \n"
    spans = split_sentences(text)
    assert _texts(text, spans) == ["一、指导思想", "以发展为主线", "二、工作目标"]


def test_sentences_without_terminator_and_empty() -> None:
    text = "全年组织两期培训"
    assert split_sentences(text) == [(0, len(text))]
    assert split_sentences("") == []
    assert split_sentences(" \n\t\u3000 ") == []


def test_sentences_decimal_point_is_not_a_terminator() -> None:
    text = "经费增长3.5个百分点。完成"
    assert _texts(text, split_sentences(text)) == ["经费增长3.5个百分点。", "完成"]


def test_sentences_within_bounds() -> None:
    text = "前言。甲句。乙句。后记。"
    spans = split_sentences(text, 3, 9)
    assert _texts(text, spans) == ["甲句。", "乙句。"]
    assert spans[0][0] == 3


# ---------------------------------------------------------------- clauses


def test_clauses_split_at_commas_colons_and_enumeration_commas() -> None:
    text = "加强学习，提高素质、增强本领：做到学以致用,学用结合:知行合一。"
    assert _texts(text, split_clauses(text, 0, len(text))) == [
        "加强学习", "提高素质", "增强本领", "做到学以致用", "学用结合", "知行合一",
    ]


def test_clauses_do_not_split_inside_quotes_or_brackets() -> None:
    text = "做到“学习、工作两不误”，参照《意见，试行》执行（见第三条，第五款），再议"
    assert _texts(text, split_clauses(text, 0, len(text))) == [
        "做到“学习、工作两不误”", "参照《意见，试行》执行（见第三条，第五款）", "再议",
    ]


def test_clauses_unbalanced_quote_does_not_block_splitting() -> None:
    text = "开展“全覆盖活动，加强管理"
    assert _texts(text, split_clauses(text, 0, len(text))) == ["开展“全覆盖活动", "加强管理"]


def test_clauses_keep_enumerator_and_number_punctuation() -> None:
    text = "一、完善制度，8:30开会,拨付1,000元，（二）、落实到人"
    assert _texts(text, split_clauses(text, 0, len(text))) == [
        "一、完善制度", "8:30开会", "拨付1,000元", "（二）、落实到人",
    ]


def test_clauses_offsets_are_absolute() -> None:
    text = "第一句。加强学习，提高素质。"
    start, end = split_sentences(text)[1]
    spans = split_clauses(text, start, end)
    assert _texts(text, spans) == ["加强学习", "提高素质"]
    assert spans[0][0] == 4


# ---------------------------------------------------------------- properties

_PUNCTUATED = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("工会活动学习。！？!?；;，,、：:“”‘’《》（）()【】\"'.3 \n\r\t\u3000\u2028一、")),
        st.characters(),
    ),
    max_size=200,
)


def _assert_well_formed(text: str, spans: list[tuple[int, int]], lo: int, hi: int) -> None:
    prev = lo
    for s, e in spans:
        assert prev <= s < e <= hi
        assert not text[s].isspace() and not text[e - 1].isspace()
        prev = e


@settings(max_examples=300, deadline=None)
@given(_PUNCTUATED)
def test_sentence_spans_property(text: str) -> None:
    spans = split_sentences(text)
    _assert_well_formed(text, spans, 0, len(text))
    covered = set()
    for s, e in spans:
        covered.update(range(s, e))
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)


@settings(max_examples=300, deadline=None)
@given(_PUNCTUATED)
def test_clause_spans_property(text: str) -> None:
    for s, e in split_sentences(text):
        clauses = split_clauses(text, s, e)
        _assert_well_formed(text, clauses, s, e)
        covered = set()
        for cs, ce in clauses:
            assert text[cs] not in "，,、：:" and text[ce - 1] not in "，,、：:"
            covered.update(range(cs, ce))
        assert all(text[i].isspace() or text[i] in "，,、：:。！？!?；;" for i in range(s, e) if i not in covered)


@settings(max_examples=300, deadline=None)
@given(_PUNCTUATED, st.data())
def test_tokens_between_matches_segmenting_the_span(text: str, data: st.DataObject) -> None:
    # Reading a span's words from the whole text's tagging must never differ from tagging the span.
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    seg = get_segmenter()
    assert seg.tokens_between(text, lo, hi) == seg.tokens(text[lo:hi])
    assert list(seg.words_between(text, lo, hi)) == [w for w, _s, _e in seg.tokens(text[lo:hi])]


def test_tokens_between_reuses_the_text_pass_on_run_edges() -> None:
    text = "工会要组织职工，开展技能比赛。"
    lo, hi = text.index("开"), text.index("。")
    assert get_segmenter().tokens_between(text, lo, hi) == get_segmenter().tokens(text[lo:hi])
    starts = get_segmenter().word_starts(text)
    assert starts[0] == 0 and list(starts) == sorted(starts)
    assert [s for _w, s, _e in get_segmenter().tokens(text)] == list(starts)


# The word-and-tag pass runs on jieba-rs; these guard that it stays jieba's own posseg (no HMM),
# word for word and tag for tag, should either library's dictionary or rules drift.
def _posseg(seg: Segmenter, text: str) -> list[tuple[str, str]]:
    return [(p.word, p.flag) for p in seg.pos_tokenizer.lcut(text, HMM=False)]


def test_fast_pass_equals_jieba_posseg_on_corpus(corpus_documents) -> None:
    seg = get_segmenter()
    texts = [doc.raw_text for doc in corpus_documents] + [a.text for d in corpus_documents for a in d.articles]
    n_words = 0
    for text in texts:
        fast = [(w, f) for w, f, _s, _e in seg.pos(text)]
        assert fast == _posseg(seg, text)
        n_words += len(fast)
    assert n_words > 50_000  # the whole corpus, twice, was compared


_ODD_WORDS = st.sampled_from(["QQ", "A股", "iPhone", "T恤", "B超", "3G", "卡拉OK", "2023-11-12", "80%", "\r\n",
                              "教职工", "金秋助学", "１２", "Ⅱ", "😀", "學習"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_ODD_WORDS, _MIXED), max_size=8).map("".join))
def test_fast_pass_equals_jieba_posseg_on_odd_text(text: str) -> None:
    seg = get_segmenter()
    assert [(w, f) for w, f, _s, _e in seg.pos(text)] == _posseg(seg, text)


def test_search_parts_are_dictionary_words() -> None:
    seg = get_segmenter()
    freq = seg.tokenizer.FREQ
    for word in ("教职工", "职工之家", "金秋助学活动", "送温暖", "工会工作计划"):
        parts = seg.search_parts(word)
        assert parts[-1] == word
        expected = [word[i:i + n] for n in (2, 3) if len(word) > n for i in range(len(word) - n + 1)]
        assert list(parts[:-1]) == [p for p in expected if freq.get(p)]
    assert seg.search_parts("教职工") == ("教职", "职工", "教职工")


def test_custom_user_dict_reaches_the_fast_pass(tmp_path: Path) -> None:
    path = tmp_path / "mini.txt"
    path.write_text("春风行动计划 2000 nz\n", encoding="utf-8")
    seg = Segmenter(user_dict=path, cache_dir=tmp_path / "cache")
    assert ("春风行动计划", "nz") in [(w, f) for w, f, _s, _e in seg.pos("启动春风行动计划")]


def test_lone_surrogate_is_tagged_like_jieba() -> None:
    # jieba-rs cannot take a lone surrogate (no Rust string); such text falls back to jieba itself.
    seg = get_segmenter()
    text = "工会\ud800职工"
    assert [(w, f) for w, f, _s, _e in seg.pos(text)] == _posseg(seg, text)
    assert seg.search_parts("职\ud800工") == ("职\ud800工",)


def test_tag_table_cache_equals_posseg_table(tmp_path: Path) -> None:
    import jieba.posseg

    from nlp.text.tag_table import jieba_tag_table

    reference = jieba.posseg.POSTokenizer(jieba.Tokenizer()).word_tag_tab
    cold = jieba_tag_table(jieba.Tokenizer(), tmp_path)
    cached = list(tmp_path.glob("posseg-tags-*.marshal"))
    assert len(cached) == 1 and cold == reference
    assert jieba_tag_table(jieba.Tokenizer(), tmp_path) == reference  # read from the cache file
    cached[0].write_bytes(b"\x00 not marshal")
    assert jieba_tag_table(jieba.Tokenizer(), tmp_path) == reference  # a broken cache is rebuilt
    assert jieba_tag_table(jieba.Tokenizer(), tmp_path / "missing") == reference  # unwritable: no cache
