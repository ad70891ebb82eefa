"""Invariants over the shipped corpus: articles found, offsets exact, no boilerplate left."""

from __future__ import annotations

import json

import regex

from conftest import GOLD
from nlp.ingest.normalize import normalize
from nlp.ingest.split import split_articles

# Fragments that only site furniture contains; none may survive inside an article.
BOILERPLATE_FRAGMENTS = regex.compile(
    r"小编|网友整理|查看剩余|其他类似内容|相关范文推荐|猜您喜欢|热门推荐|延伸阅读|作者[:：]|下载到电脑|\d+篇[)）]?$",
    regex.M,
)


def _gold_articles(source: str) -> list[dict]:
    stem = source.rsplit(".", 1)[0]
    files = sorted(GOLD.glob(f"{stem}*.json"))
    return [a for f in files for a in json.loads(f.read_text("utf-8"))["articles"]]


def test_every_gold_article_is_found_with_its_exact_title_and_first_chars(corpus_documents):
    counts = {}
    for doc in corpus_documents:
        name = doc.source.rsplit("/", 1)[-1]
        gold = _gold_articles(name)
        counts[name[:3]] = len(doc.articles)
        assert [a.title for a in doc.articles] == [g["title"] for g in gold]
        for art, g in zip(doc.articles, gold):
            assert art.text.startswith(g["first_chars"]), (art.title, art.text[:20])
    assert counts == {"000": 8, "001": 4, "002": 22, "003": 5, "004": 2}


def test_no_boilerplate_inside_any_article(corpus_articles):
    for art in corpus_articles:
        found = BOILERPLATE_FRAGMENTS.search(art.text)
        assert found is None, (art.source, art.index, found.group())


def test_every_span_and_flag_has_exact_offsets(corpus_articles):
    for art in corpus_articles:
        for items in (art.flags, art.dates, art.targets, art.tasks):
            for item in items:
                assert art.text[item.start:item.end] == item.text
        for h in art.headings:
            assert art.text[h.text_start:h.end] == h.text
            assert art.text[h.start:h.text_start].strip() == h.marker


def test_normalized_text_maps_back_to_the_raw_file(corpus_documents):
    for doc in corpus_documents:
        for art in doc.articles:
            assert len(art.raw_offsets) == len(art.text) + 1
            for i, ch in enumerate(art.text):
                if ch != "\n":
                    assert doc.raw_text[art.raw_offsets[i]] == ch
            s, e = art.raw_span(0, len(art.text))
            assert doc.raw_text[s:e].startswith(art.text[:5])
            ts, te = art.title_raw_span
            assert doc.raw_text[ts:te] == art.title


def test_every_character_lies_in_exactly_one_article_or_in_dropped_boilerplate(corpus_files):
    for path in corpus_files:
        norm = normalize(path.read_text("utf-8"))
        result = split_articles(norm.text)
        owner = [0] * len(norm.text)
        for art in result.articles:
            spans = list(art.body) + ([(art.title.start, art.title.end)] if art.title else [])
            for s, e in spans:
                for i in range(s, e):
                    owner[i] += 1
        dropped = [False] * len(norm.text)
        for s, e, _ in result.dropped:
            for i in range(s, e):
                dropped[i] = True
        for i, ch in enumerate(norm.text):
            if ch.isspace():
                continue
            assert owner[i] + dropped[i] == 1, (path.name, i, norm.text[i - 10:i + 10])
