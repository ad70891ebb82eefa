"""`batch` throughput on synthetic archives: files/s, characters/s, ratio to bare jieba.lcut,
1-vs-2-worker speedup and peak RSS (writer process and largest worker), for one or more sizes.

Each batch runs in a fresh subprocess on a fresh database, so peak RSS is per run.
Run: .venv/bin/python benchmarks/batch.py [--mb 5 --mb 20] [--workdir /tmp/plan-nlp-bench]
The largest size is run with 1 and 2 workers (speedup); the others with 2 workers only.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def _own_peak_kb() -> int:
    """Peak RSS of this process image (VmHWM); ru_maxrss would include the forking parent's pages."""
    try:
        for row in Path("/proc/self/status").read_text().splitlines():
            if row.startswith("VmHWM:"):
                return int(row.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def one_run(archive: str, db: str, workers: int, engine: str) -> None:
    """Child mode: run one batch, print its report and peak RSS (KiB) as JSON."""
    from nlp.batch import run_batch

    report = run_batch(archive, db, workers=workers, engine=engine)
    out = report.as_dict()
    out["rss_writer_kb"] = _own_peak_kb()
    # Largest waited-for descendant (the workers): Linux reports the maximum, not a sum.
    out["rss_worker_kb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU seconds: on a shared machine wall-clock speedups mislead; CPU time shows the work itself.
    out["cpu_writer_s"] = me.ru_utime + me.ru_stime
    out["cpu_workers_s"] = kids.ru_utime + kids.ru_stime
    print(json.dumps(out))


def run(archive: Path, db: Path, workers: int, engine: str = "local") -> dict:
    """One batch in a subprocess; its report plus RSS figures and the load average before it."""
    if db.exists():
        db.unlink()
    load = os.getloadavg()[0]
    proc = subprocess.run([sys.executable, __file__, "--one", str(archive), str(db), str(workers), engine],
                          capture_output=True, text=True, check=True)
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["load_before"] = load
    return out


def jieba_rate(archive: Path) -> tuple[int, float]:
    """Characters and seconds of a fresh jieba.Tokenizer's lcut over the archive's decoded texts."""
    import jieba

    from nlp.batch.discover import discover
    from nlp.errors import PlanNLPError
    from nlp.ingest.read import read_document

    texts = []
    for entry in discover(archive):
        if entry.supported:
            try:
                texts.append(read_document(entry.path).text)
            except PlanNLPError:
                pass
    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    t0 = time.perf_counter()
    for t in texts:
        tok.lcut(t)
    return sum(map(len, texts)), time.perf_counter() - t0


def line(label: str, r: dict, jieba_cps: float) -> str:
    """One result row."""
    files = r["analyzed"] + r["failed"]
    return (f"{label:<18} {r['seconds']:8.1f} s {files / r['seconds']:7.1f} files/s {r['chars_per_second']:10,.0f} chars/s"
            f"  per worker {r['chars_per_second'] / r['workers'] / jieba_cps:5.2f}× jieba"
            f"  CPU writer {r['cpu_writer_s']:5.1f} s, workers {r['cpu_workers_s']:6.1f} s"
            f" ({r['chars'] / r['cpu_workers_s'] / jieba_cps:4.2f}× jieba per worker CPU-second)"
            f"  RSS writer {r['rss_writer_kb'] / 1024:5.0f} MB, worker {r['rss_worker_kb'] / 1024:5.0f} MB"
            f"  (load before {r['load_before']:.1f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, action="append", help="archive size(s) in MB (default 5 and 20)")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/plan-nlp-bench"))
    parser.add_argument("--engine", default="local", choices=("local", "dask"))
    parser.add_argument("--keep", action="store_true", help="keep the archives and databases")
    args = parser.parse_args()
    import make_archive

    sizes = sorted(args.mb or [5.0, 20.0])
    args.workdir.mkdir(parents=True, exist_ok=True)
    for mb in sizes:
        archive = args.workdir / f"archive_{mb:g}mb"
        if not archive.exists():
            counts = make_archive.build(archive, mb)
            print(f"archive {archive}: {counts['files']} files, {counts['bytes'] / 1e6:.1f} MB")
        chars, secs = jieba_rate(archive)
        jieba_cps = chars / secs
        print(f"[{mb:g} MB] bare jieba.lcut: {chars:,} characters in {secs:.1f} s = {jieba_cps:,.0f} chars/s")
        r2 = run(archive, args.workdir / f"w2_{mb:g}.db", 2, args.engine)
        print(f"  {r2['total']} files: {r2['analyzed']} analyzed, {r2['failed']} failed {r2['failed_by_reason']}, "
              f"{r2['articles']} articles, {r2['chars']:,} characters")
        print("  " + line("2 workers", r2, jieba_cps))
        if mb == sizes[-1]:
            r1 = run(archive, args.workdir / f"w1_{mb:g}.db", 1, args.engine)
            print("  " + line("1 worker", r1, jieba_cps))
            print(f"  speedup 2 vs 1 workers: {r1['seconds'] / r2['seconds']:.2f}× wall-clock")
        if not args.keep:
            shutil.rmtree(archive)
            for db in args.workdir.glob(f"w*_{mb:g}.db*"):
                db.unlink()


if __name__ == "__main__":
    if len(sys.argv) == 6 and sys.argv[1] == "--one":
        one_run(sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5])
    else:
        main()
