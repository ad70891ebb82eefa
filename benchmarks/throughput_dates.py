"""Date extraction throughput beside bare jieba segmentation over the same ≥1 MB of corpus text.

Run: .venv/bin/python benchmarks/throughput_dates.py [--min-bytes N] [--repeat R]
Prints characters/second of `extract_dates_from_text` and of `jieba.Tokenizer().lcut` (a fresh
tokenizer, initialized before timing) and their ratio; exits 1 when the ratio is below 5.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import jieba  # noqa: E402

from nlp.extract.dates import extract_dates_from_text  # noqa: E402

REQUIRED_RATIO = 5.0


def corpus_pieces(min_bytes: int) -> list[str]:
    """The corpus files' texts, repeated until their UTF-8 size reaches `min_bytes`."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    if not texts:
        raise SystemExit("no corpus/*.txt to read")
    pieces, size = [], 0
    while size < min_bytes:
        for t in texts:
            pieces.append(t)
            size += len(t.encode("utf-8"))
    return pieces


def one_pass(fn, pieces: list[str]) -> float:
    """Seconds for one pass of fn over all pieces."""
    t0 = time.perf_counter()
    for p in pieces:
        fn(p)
    return time.perf_counter() - t0


def best_times(fns, pieces: list[str], repeat: int) -> list[float]:
    """The fastest of `repeat` passes of each fn; passes alternate between the fns so that both
    see the same load on a shared machine."""
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            best[i] = min(best[i], one_pass(fn, pieces))
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-bytes", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    pieces = corpus_pieces(args.min_bytes)
    chars = sum(map(len, pieces))
    size = sum(len(p.encode("utf-8")) for p in pieces)

    extract_dates_from_text(pieces[0])  # load the tables and compile the patterns first

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.tmp_dir = tempfile.mkdtemp(prefix="bench-jieba-")
    tok.initialize()
    tok.lcut(pieces[0][:100])

    t_dates, t_jieba = best_times([extract_dates_from_text, tok.lcut], pieces, args.repeat)

    dates_cps, jieba_cps = chars / t_dates, chars / t_jieba
    ratio = dates_cps / jieba_cps
    print(f"text: {size / 1e6:.2f} MB, {chars:,} characters in {len(pieces)} pieces "
          f"(best of {args.repeat})")
    print(f"dates extraction: {t_dates:8.3f} s  {dates_cps:14,.0f} chars/s")
    print(f"jieba lcut:       {t_jieba:8.3f} s  {jieba_cps:14,.0f} chars/s")
    print(f"ratio dates/jieba: {ratio:.1f}x (required >= {REQUIRED_RATIO:.0f}x)")
    return 0 if ratio >= REQUIRED_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
