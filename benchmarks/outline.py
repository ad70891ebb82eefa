"""Seconds per MB of the outline extractor beside bare `jieba.lcut` on the same text, in the
same run: on normal text (the corpus articles) and on pathological text (`一、` repeated
100,000 times, 200 KB, on one line and one marker per line), to show the outline stays linear.

Each figure is the fastest of --repeat passes; outline and reference passes alternate so both
see the same load on a shared machine.

Run: .venv/bin/python benchmarks/outline.py [--repeat 3] [--pathological 100000]
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path

import jieba

from nlp.extract.outline import extract_headings
from nlp.ingest.document import document_from_text
from nlp.model import Article
from nlp.text.segment import get_segmenter
from throughput import fastest  # the same alternating best-of timing as the throughput benchmark

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def corpus_articles() -> list[Article]:
    """The corpus split into articles, as the pipeline hands them to the outline."""
    return [a for p in sorted(CORPUS.glob("*.txt"))
            for a in document_from_text(p.read_text("utf-8"), p.name).articles]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="passes per measurement (best is kept)")
    parser.add_argument("--pathological", type=int, default=100_000, help="times `一、` is repeated")
    args = parser.parse_args()

    jieba.setLogLevel(logging.WARNING)
    reference = jieba.Tokenizer()
    reference.tmp_dir = tempfile.mkdtemp(prefix="bench-jieba-")
    reference.initialize()

    cases: list[tuple[str, list[Article]]] = [("normal text (corpus articles)", corpus_articles())]
    for name, text in (("pathological: 一、 x N on one line", "一、" * args.pathological),
                       ("pathological: 一、 x N one per line", "一、\n" * args.pathological),
                       ("pathological: 一、X二、X… run-in", "".join(f"{'一二三四五六七八九'[i % 9]}、工作"
                                                                  for i in range(args.pathological)))):
        cases.append((name, [Article(source="bench", index=0, title="", text=text)]))
    for _, arts in cases[:1]:  # warm-up outside the timed region: word lists, segmenter, patterns
        for a in arts[:3]:
            extract_headings(a)

    segmenter = get_segmenter()

    def outline_pass(arts: list[Article]) -> None:
        # the segmenter keeps each article's tagging: clear it, so the jieba tagging that the
        # run-in cuts ask for is counted in every pass, as in a real first analysis
        segmenter._pos_cached.cache_clear()
        for a in arts:
            extract_headings(a)

    print(f"{'text':40} {'MB':>6} {'outline s/MB':>13} {'jieba s/MB':>11} {'ratio':>6}")
    for name, arts in cases:
        mb = sum(len(a.text.encode("utf-8")) for a in arts) / 1e6
        run, ref = fastest(lambda: outline_pass(arts),
                           lambda: [reference.lcut(a.text) for a in arts], args.repeat)
        print(f"{name:40} {mb:6.2f} {run / mb:13.2f} {ref / mb:11.2f} {run / ref:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
