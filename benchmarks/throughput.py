"""Characters/second of `analyze` over corpus/ repeated to ≥ 1 MB, and of each extractor,
beside bare `jieba.lcut` over the same text in the same run (the reference).

Each measurement is the fastest of --repeat passes, and passes alternate with the reference
pass so that both see the same load on a shared machine.

Run: .venv/bin/python benchmarks/throughput.py [--mb 1.0] [--repeat 3]
Exits 1 when date extraction is slower than 5× jieba.lcut (issue 4's floor).
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import jieba

from nlp.extract import dates, genre, outline, quantities, targets, tasks
from nlp.ingest.document import document_from_text
from nlp.pipeline import annotate
from nlp.progress import FileProgress
from nlp.text.segment import get_segmenter

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
DATES_FLOOR = 5.0

STAGES: dict[str, Callable] = {
    "outline": outline.extract_headings,
    "dates": dates.extract_dates,
    "quantities": quantities.extract_quantities,
    "targets": targets.extract_targets,
    "tasks": tasks.extract_tasks,
    "genre": genre.classify_genre,
}


def corpus_texts(min_chars: int) -> list[tuple[str, str]]:
    """(name, text) of the corpus files, repeated until they hold `min_chars` characters."""
    base = [(p.name, p.read_text("utf-8")) for p in sorted(CORPUS.glob("*.txt"))]
    out, total = [], 0
    while total < min_chars:
        for item in base:
            out.append(item)
            total += len(item[1])
    return out


def fastest(run: Callable[[], object], reference: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Best seconds of `run` and of `reference` over `repeat` alternating passes."""
    best_run = best_ref = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        best_run = min(best_run, time.perf_counter() - t0)
        t0 = time.perf_counter()
        reference()
        best_ref = min(best_ref, time.perf_counter() - t0)
    return best_run, best_ref


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="characters to process, in millions")
    parser.add_argument("--repeat", type=int, default=3, help="passes per measurement (best is kept)")
    args = parser.parse_args()
    texts = corpus_texts(int(args.mb * 1_000_000))
    chars = sum(len(t) for _, t in texts)

    jieba.setLogLevel(logging.WARNING)
    reference = jieba.Tokenizer()
    reference.tmp_dir = tempfile.mkdtemp(prefix="bench-jieba-")
    reference.initialize()
    reference.lcut(texts[0][1][:100])
    # Warm-up outside the timed region: lexicons, patterns, the project's segmenter.
    for art in document_from_text(texts[0][1], texts[0][0]).articles:
        annotate(art)

    def segment_all() -> None:
        for _, text in texts:
            reference.lcut(text)

    def analyze_all() -> None:
        for name, text in texts:
            # The corpus repeats; a real archive does not: no POS tags reused across documents.
            get_segmenter().clear_cache()
            for art in document_from_text(text, name).articles:
                annotate(art)

    print(f"text: {chars:,} characters ({len(texts)} files), best of {args.repeat} passes", flush=True)
    steps = 1 + len(STAGES)
    # A run takes minutes: a bar on a terminal, a line per measurement otherwise (on stderr).
    with FileProgress("throughput", every=0.0, unit="measurements") as bar:
        rows = [("analyze (read+split+annotate)", chars, *fastest(analyze_all, segment_all, args.repeat))]
        bar.update(1, steps, "analyze")
        articles = [a for name, text in texts for a in document_from_text(text, name).articles]
        for art in articles:
            annotate(art)
        article_chars = sum(len(a.text) for a in articles)
        for k, (name, fn) in enumerate(STAGES.items(), 2):
            rows.append((f"  {name}", article_chars,
                         *fastest(lambda fn=fn: [fn(a) for a in articles], segment_all, args.repeat)))
            bar.update(k, steps, name)

    ratios = {}
    for label, n, seconds, ref_seconds in rows:
        rate, ref_rate = n / seconds, chars / ref_seconds
        ratios[label.strip()] = rate / ref_rate
        print(f"{label:<32}{rate:14,.0f} chars/s   jieba.lcut {ref_rate:10,.0f} chars/s   "
              f"ratio {rate / ref_rate:8.2f}×")
    ok = ratios["dates"] >= DATES_FLOOR
    print(f"date extraction is {ratios['dates']:.1f}× jieba.lcut (floor {DATES_FLOOR}×): {'ok' if ok else 'TOO SLOW'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
