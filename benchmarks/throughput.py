"""Characters/second of `analyze` over corpus/ repeated to ≥ 1 MB, stage by stage,
beside bare `jieba.lcut` over the same text in the same run (the reference).

Run: .venv/bin/python benchmarks/throughput.py [--mb 1.0]
"""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

import jieba

from nlp.extract import dates, genre, outline, quantities, targets, tasks
from nlp.ingest.document import document_from_text
from nlp.pipeline import annotate

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

STAGES = {
    "outline": outline.extract_headings,
    "dates": dates.extract_dates,
    "quantities": quantities.extract_quantities,
    "targets": targets.extract_targets,
    "tasks": tasks.extract_tasks,
    "genre": genre.classify_genre,
}


def _texts(min_chars: int) -> list[tuple[str, str]]:
    base = [(p.name, p.read_text("utf-8")) for p in sorted(CORPUS.glob("*.txt"))]
    out, total = [], 0
    while total < min_chars:
        for name, text in base:
            out.append((name, text))
            total += len(text)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=1.0, help="characters to process, in millions")
    args = parser.parse_args()
    texts = _texts(int(args.mb * 1_000_000))
    chars = sum(len(t) for _, t in texts)

    jieba.setLogLevel(logging.WARNING)
    reference = jieba.Tokenizer()
    reference.initialize()
    t0 = time.perf_counter()
    for _, text in texts:
        reference.lcut(text)
    jieba_s = time.perf_counter() - t0

    # Warm-up: load lexicons and the project's segmenter outside the timed region.
    for art in document_from_text(texts[0][1], texts[0][0]).articles:
        annotate(art)

    t0 = time.perf_counter()
    docs = [document_from_text(text, name) for name, text in texts]
    split_s = time.perf_counter() - t0
    articles = [a for d in docs for a in d.articles]
    t0 = time.perf_counter()
    for art in articles:
        annotate(art)
    annotate_s = time.perf_counter() - t0
    stage_s = {}
    for name, fn in STAGES.items():
        t0 = time.perf_counter()
        for art in articles:
            fn(art)
        stage_s[name] = time.perf_counter() - t0

    def row(label: str, seconds: float) -> str:
        rate = chars / seconds if seconds else float("inf")
        return f"{label:<24}{seconds:8.2f} s {rate:14,.0f} chars/s  {rate * jieba_s / chars:8.2f}× jieba.lcut"

    print(f"text: {chars:,} characters ({len(texts)} files)")
    print(row("jieba.lcut (reference)", jieba_s))
    print(row("read+normalize+split", split_s))
    print(row("annotate (all stages)", annotate_s))
    print(row("analyze total", split_s + annotate_s))
    for name, seconds in stage_s.items():
        print(row(f"  {name}", seconds))


if __name__ == "__main__":
    main()
