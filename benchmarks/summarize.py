"""Wall time of `summarize corpus/` end to end (a fresh process each time, best of N), beside
bare `jieba.lcut` over the same corpus text in the same run, and where the time goes.

The budget is 10 s on the development machine.  The reference figures are jieba's own cost:
`lcut` with its dictionary already loaded, and a fresh process that imports jieba, loads the
dictionary and cuts the corpus once (what any jieba-based tool pays at least).

Run: .venv/bin/python benchmarks/summarize.py [--runs 3] [--format html] [--profile]
"""

from __future__ import annotations

import argparse
import logging
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import jieba

from nlp.progress import FileProgress

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
BUDGET_S = 10.0

JIEBA_PROCESS = (
    "import logging, sys, jieba; jieba.setLogLevel(logging.WARNING); "
    "t = jieba.Tokenizer(); t.initialize(); "
    "[t.lcut(p.read_text('utf-8')) for p in sorted(__import__('pathlib').Path(sys.argv[1]).glob('*.txt'))]"
)


def best_of(runs: int, cmd: list[str], label: str = "run") -> float:
    """Best wall time in seconds of `runs` runs of `cmd` (each must succeed), with progress on stderr."""
    best = float("inf")
    with FileProgress(label, every=0.0, unit="runs") as bar:
        for k in range(1, runs + 1):
            t0 = time.perf_counter()
            subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            best = min(best, time.perf_counter() - t0)
            bar.update(k, runs, f"{time.perf_counter() - t0:.1f} s")
    return best


def stage_times(fmt: str) -> dict[str, float]:
    """In-process seconds of each step of summarize: imports, analysis, digest, rendering."""
    t0 = time.perf_counter()
    from nlp.digest.build import build_digest
    from nlp.digest.cli import DigestFormat, analyze_all, render
    t1 = time.perf_counter()
    articles, _, _ = analyze_all([CORPUS])
    t2 = time.perf_counter()
    digest = build_digest(articles)
    t3 = time.perf_counter()
    render(digest, DigestFormat(fmt))
    t4 = time.perf_counter()
    return {"import": t1 - t0, "analyze (ingest + extractors)": t2 - t1, "digest (build)": t3 - t2,
            "render": t4 - t3}


def profile(fmt: str, top: int = 30) -> None:
    """cProfile of one cold summarize in a fresh process (cumulative time, top entries)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"digest.{fmt}"
        proc = subprocess.run([sys.executable, "-m", "cProfile", "-s", "cumulative", "-m", "nlp.digest.cli",
                               str(CORPUS), "--format", fmt, "-o", str(out)],
                              check=True, cwd=ROOT, capture_output=True, text=True)
    lines = proc.stdout.splitlines()
    head = next((i for i, line in enumerate(lines) if "ncalls" in line), 0)
    print("\n".join(lines[max(head - 3, 0):head + 1 + top]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--format", default="html", choices=["md", "html", "json"])
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of one run")
    args = parser.parse_args()

    text = "".join(p.read_text("utf-8") for p in sorted(CORPUS.glob("*.txt")))
    jieba.setLogLevel(logging.WARNING)
    reference = jieba.Tokenizer()
    reference.initialize()
    t0 = time.perf_counter()
    reference.lcut(text)
    lcut_s = time.perf_counter() - t0
    jieba_proc_s = best_of(args.runs, [sys.executable, "-c", JIEBA_PROCESS, str(CORPUS)], "jieba process")

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"digest.{args.format}"
        cmd = [sys.executable, "-m", "nlp.digest.cli", str(CORPUS), "--format", args.format, "-o", str(out)]
        summarize_s = best_of(args.runs, cmd, "summarize")

    print(f"corpus: {len(text):,} characters in {len(list(CORPUS.glob('*.txt')))} files")
    print(f"summarize corpus --format {args.format}, end to end, best of {args.runs}: {summarize_s:6.2f} s"
          f"  (budget {BUDGET_S:.0f} s: {'OK' if summarize_s < BUDGET_S else 'OVER'})")
    print(f"bare jieba.lcut over the same text (dictionary loaded):      {lcut_s:6.2f} s"
          f"  → summarize = {summarize_s / lcut_s:5.1f} × lcut")
    print(f"fresh process: import jieba + load dictionary + lcut:        {jieba_proc_s:6.2f} s"
          f"  → summarize = {summarize_s / jieba_proc_s:5.1f} × that")
    print("in-process stages (one cold run; analyze includes loading jieba's dictionaries):")
    for name, seconds in stage_times(args.format).items():
        print(f"  {name:32s} {seconds:6.2f} s")
    if args.profile:
        profile(args.format)


if __name__ == "__main__":
    main()
