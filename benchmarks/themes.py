"""Themes: quality against the gold theme labels, duplicates, determinism, speed and scale.

Run: .venv/bin/python benchmarks/themes.py [quality] [speed] [scale --sections 20000]
  quality  the seed corpus's level-1 sections against the gold `theme` of level-1 headings
           (../shared/eval/gold), and the same for the second dev set (../shared/eval/other): F (harmonic mean of purity and inverse purity), NMI, ARI for
           the default model (k auto), `taxonomy=None` (k auto), and in the same run plain
           TF-IDF + NMF and TF-IDF + KMeans with k given (the number of gold labels); the
           duplicate groups found; two runs compared byte for byte.
  speed    `python -m nlp themes corpus` wall and CPU seconds beside `python -m nlp analyze corpus`.
  scale    a synthetic archive of N sections (corpus sections recombined into new plans, their
           sentences shuffled): seconds to fit themes as a ratio of seconds to analyze the same
           text, and peak memory (RSS) of each step, each in a fresh process.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "corpus"
GOLD = ROOT.parent / "shared" / "eval" / "gold"
OTHER_DOCS = ROOT.parent / "shared" / "eval" / "other" / "docs"
OTHER_GOLD = ROOT.parent / "shared" / "eval" / "other" / "gold"
NUMERALS = "一二三四五六七八九十"


def _corpus(folder: Path = CORPUS):
    from nlp.api import analyze_path, iter_files
    from nlp.errors import PlanNLPError
    from nlp.themes import theme_units

    articles = []
    for f in iter_files([folder]):
        try:
            articles.extend(analyze_path(f))
        except PlanNLPError:
            pass  # a file the reader refuses has no sections to score
    return articles, theme_units(articles)


def baseline_labels(units, k: int, method: str) -> list[int]:
    """Plain TF-IDF (segmenter words, stopwords out, no weighting) + NMF or KMeans, k given."""
    from sklearn.cluster import KMeans
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    from nlp.themes.embed import content_words

    x = TfidfVectorizer(analyzer=content_words, min_df=2, sublinear_tf=True).fit_transform([u.text for u in units])
    if method == "nmf":
        return NMF(n_components=k, init="nndsvda", random_state=0, max_iter=500).fit_transform(x).argmax(1).tolist()
    return KMeans(n_clusters=k, n_init=10, random_state=0).fit(x).labels_.tolist()


def quality(docs: Path = CORPUS, gold_dir: Path = GOLD) -> dict:
    from nlp.themes import ThemeModel
    from nlp.themes.evaluate import gold_unit_labels, score_labels

    if not gold_dir.is_dir() or not docs.is_dir():
        return {"skipped": f"{gold_dir} not present"}
    articles, units = _corpus(docs)
    gold = gold_unit_labels(articles, units, [gold_dir])
    k_gold = len({g for g in gold if g})
    rows = {}
    t0 = time.perf_counter()
    model = ThemeModel().fit(units)
    rows["default (taxonomy, k auto)"] = {**score_labels(gold, model.labels_), "k": model.k_selection_.chosen,
                                          "seconds": round(time.perf_counter() - t0, 2)}
    none = ThemeModel(taxonomy=None).fit(units)
    rows["taxonomy=None (k auto)"] = {**score_labels(gold, none.labels_), "k": none.k_selection_.chosen}
    fixed = ThemeModel(taxonomy=None, n_themes=k_gold).fit(units)
    rows[f"taxonomy=None (k={k_gold} given)"] = {**score_labels(gold, fixed.labels_), "k": k_gold}
    for method in ("nmf", "kmeans"):
        rows[f"plain TF-IDF + {method.upper()} (k={k_gold} given)"] = {
            **score_labels(gold, baseline_labels(units, k_gold, method)), "k": k_gold}
    # what else the clusters follow: organisation type and source article (lower is better)
    from sklearn.metrics import normalized_mutual_info_score as nmi

    labelled = [i for i, g in enumerate(gold) if g is not None]
    org = [str(units[i].org_type) for i in labelled]
    art = [f"{units[i].source}#{units[i].article}" for i in labelled]
    runs = {"default (taxonomy, k auto)": model.labels_.tolist(), "taxonomy=None (k auto)": none.labels_.tolist(),
            f"plain TF-IDF + NMF (k={k_gold} given)": baseline_labels(units, k_gold, "nmf")}
    for name, labels in runs.items():
        picked = [labels[i] for i in labelled]
        rows[name]["NMI_org_type"] = round(float(nmi(org, picked)), 4)
        rows[name]["NMI_article"] = round(float(nmi(art, picked)), 4)
    rows["gold labels themselves"] = {"NMI_org_type": round(float(nmi(org, [gold[i] for i in labelled])), 4),
                                      "NMI_article": round(float(nmi(art, [gold[i] for i in labelled])), 4)}
    same = json.dumps(model.to_dict(), ensure_ascii=False) == json.dumps(ThemeModel().fit(units).to_dict(),
                                                                          ensure_ascii=False)
    titles = {(a.source, a.index): a.title for a in articles}
    return {"units": len(units), "gold_units": sum(g is not None for g in gold), "gold_labels": k_gold,
            "scores": rows, "identical_runs": same,
            "duplicates": [[f"{Path(s).name}#{a} {titles[(s, a)]}" for s, a in g] for g in model.duplicates_],
            "k_curve": model.k_selection_.to_dict()["curve"]}


def _timed(cmd: list[str]) -> dict:
    t0 = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if out.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed: {out.stderr[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": round(time.perf_counter() - t0, 2), "cpu_s": round(cpu, 2), "stdout": out.stdout}


def speed() -> dict:
    py = sys.executable
    analyze = _timed([py, "-m", "nlp", "analyze", str(CORPUS), "--format", "jsonl"])
    themes = _timed([py, "-m", "nlp", "themes", str(CORPUS), "--format", "json"])
    return {"analyze": {k: v for k, v in analyze.items() if k != "stdout"},
            "themes": {k: v for k, v in themes.items() if k != "stdout"},
            "themes_over_analyze_wall": round(themes["wall_s"] / analyze["wall_s"], 2)}


def synthetic_archive(n_sections: int, folder: Path, per_plan: int = 5, seed: int = 0) -> int:
    """Plans of `per_plan` corpus sections each (headings renumbered, sentences shuffled), one
    plan a text file; returns the characters written."""
    _, units = _corpus()
    sections = [u for u in units if u.heading]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    chars = 0
    for p in range(n_sections // per_plan):
        parts = ["工会工作计划"]
        for n, u in enumerate(rng.sample(sections, per_plan)):
            sentences = [s for s in u.body.replace("\n", "").split("。") if s.strip("。 ")]
            rng.shuffle(sentences)
            parts.append(f"{NUMERALS[n]}、{u.heading}\n" + "。".join(sentences) + "。")
        text = "\n\n".join(parts) + "\n"
        chars += len(text)
        (folder / f"plan_{p:05d}.txt").write_text(text, encoding="utf-8")
    return chars


_STEP = r"""
import json, pickle, resource, sys, time
sys.path.insert(0, {root!r})
step, folder, cache = sys.argv[1], sys.argv[2], sys.argv[3]
t0 = time.perf_counter(); c0 = time.process_time()
if step == "analyze":
    from nlp.api import analyze_path, iter_files
    from nlp.themes import theme_units
    articles = [a for f in iter_files([folder]) for a in analyze_path(f)]
    units = theme_units(articles)
    pickle.dump(units, open(cache, "wb"))
    extra = {{"articles": len(articles), "sections": len(units)}}
else:
    units = pickle.load(open(cache, "rb"))
    t0 = time.perf_counter(); c0 = time.process_time()
    from nlp.themes import ThemeModel
    m = ThemeModel().fit(units)
    extra = {{"k": m.k_selection_.chosen, "duplicates": len(m.duplicates_), "sections": len(units)}}
print(json.dumps({{"wall_s": round(time.perf_counter() - t0, 2), "cpu_s": round(time.process_time() - c0, 2),
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1), **extra}}))
"""


def scale(n_sections: int, workdir: Path) -> dict:
    folder = workdir / "archive"
    chars = synthetic_archive(n_sections, folder)
    cache = workdir / "units.pickle"
    code = _STEP.format(root=str(ROOT))
    out = {}
    for step in ("analyze", "themes"):
        run = subprocess.run([sys.executable, "-c", code, step, str(folder), str(cache)], capture_output=True, text=True)
        if run.returncode:
            raise SystemExit(f"{step} failed: {run.stderr[-800:]}")
        out[step] = json.loads(run.stdout.strip().splitlines()[-1])
    return {"chars": chars, **out, "themes_over_analyze_cpu": round(out["themes"]["cpu_s"] / out["analyze"]["cpu_s"], 3),
            "themes_over_analyze_wall": round(out["themes"]["wall_s"] / out["analyze"]["wall_s"], 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("parts", nargs="*", default=["quality", "speed"], choices=["quality", "speed", "scale"])
    parser.add_argument("--sections", type=int, default=20000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/plan-nlp-themes-bench"))
    args = parser.parse_args()
    report = {}
    if "quality" in args.parts:
        report["quality"] = quality()
        # the second dev set: never looked at while building; fewer sections carry a gold label
        # because the outline finds fewer of its level-1 headings
        report["quality_other"] = quality(OTHER_DOCS, OTHER_GOLD)
    if "speed" in args.parts:
        report["speed"] = speed()
    if "scale" in args.parts:
        report["scale"] = scale(args.sections, args.workdir)
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
