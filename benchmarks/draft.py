"""Wall time of `draft --corpus corpus/` end to end (a fresh process each time, best of N), as a
ratio against `analyze corpus/` once in a fresh process in the same run, and the in-process split
between analyzing the archive and drafting from it.

The budget is 5 s for the whole command on the development machine.  Drafting analyzes the
archive itself, so the ratio says what drafting adds on top of the analysis it cannot avoid.

Run: .venv/bin/python benchmarks/draft.py [--runs 3] [--keywords 女职工,健康] [--org-type school]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
BUDGET_S = 5.0


def best_of(runs: int, cmd: list[str]) -> float:
    """Best wall time in seconds of `runs` runs of `cmd` (each must succeed)."""
    best = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - t0)
    return best


def in_process(keywords: list[str], org_type: str, runs: int) -> tuple[float, float]:
    """(seconds to analyze the corpus, seconds to draft from the analyzed articles), best of `runs`,
    after one warm-up of each (imports, dictionaries)."""
    sys.path.insert(0, str(ROOT))
    from nlp.api import analyze_document, iter_files
    from nlp.draft.build import draft
    from nlp.text.segment import get_segmenter

    def analyze():
        get_segmenter().clear_cache()  # as in a fresh process: no text tagged yet
        return [a for f in iter_files([CORPUS]) for a in analyze_document(f).articles]

    articles = analyze()
    draft(keywords, articles=articles, org_type=org_type, year=2027)
    best_a = best_d = float("inf")
    for _ in range(runs):
        t0 = time.perf_counter()
        articles = analyze()
        t1 = time.perf_counter()
        draft(keywords, articles=articles, org_type=org_type, year=2027)
        t2 = time.perf_counter()
        best_a, best_d = min(best_a, t1 - t0), min(best_d, t2 - t1)
    return best_a, best_d


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keywords", default="女职工,健康")
    ap.add_argument("--org-type", default="school")
    args = ap.parse_args()
    py = sys.executable
    analyze_s = best_of(args.runs, [py, "-m", "nlp", "analyze", str(CORPUS), "--format", "jsonl"])
    draft_s = best_of(args.runs, [py, "-m", "nlp", "draft", "--keywords", args.keywords, "--org-type", args.org_type,
                                  "--year", "2027", "--corpus", str(CORPUS), "--format", "md"])
    chars = sum(len(p.read_text(encoding="utf-8")) for p in CORPUS.glob("*.txt"))
    print(f"corpus: {chars} characters; best of {args.runs} fresh processes")
    print(f"analyze corpus/          {analyze_s:6.2f} s   (reference)")
    print(f"draft --corpus corpus/   {draft_s:6.2f} s   ratio {draft_s / analyze_s:4.2f} x analyze   "
          f"budget {BUDGET_S:.0f} s: {'OK' if draft_s < BUDGET_S else 'OVER'}")
    a, d = in_process(args.keywords.split(","), args.org_type, args.runs)
    print(f"in process, warm: analyze {a:5.2f} s, draft from analyzed articles {d:5.2f} s "
          f"(ratio {d / a:4.2f} x analyze)")


if __name__ == "__main__":
    main()
