"""Evaluation: each matching rule on small hand-made pairs, and agreement with the reference scorer."""

from __future__ import annotations

import copy
import functools
import importlib.util
import json
import math
import random
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp.errors import PlanNLPError
from nlp.evaluate import evaluate, evaluate_records, format_report, precision_recall_f1, score_source
from nlp.evaluate.gold import load_gold, parse_prediction_lines
from nlp.evaluate.matching import (
    align,
    article_similarity,
    as_months,
    date_fields,
    date_similarity,
    heading_fields,
    heading_similarity,
    norm_marker,
    norm_title,
    share_numeral_run,
    strip_punct,
    target_fields,
    target_similarity,
)

GOLD_DIR = Path(__file__).resolve().parents[1] / "gold"
REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "score.py"
needs_reference = pytest.mark.skipif(
    not REFERENCE.is_file(),
    reason=f"reference scorer not found at {REFERENCE} (clone shared/ beside the repo to run agreement tests)",
)


# ----------------------------------------------------------------------------- helpers

def heading(marker: str, text: str, level: int = 1, **extra) -> dict:
    return {"marker": marker, "text": text, "level": level, **extra}


def target(text: str, value=None, low=None, high=None, unit="家", comparator="=", status="goal") -> dict:
    return {"text": text, "value": value, "low": low, "high": high, "unit": unit,
            "comparator": comparator, "status": status}


def gold_article(title: str, first_chars: str, **parts) -> dict:
    base = {"title": title, "first_chars": first_chars, "genre": "plan", "org_type": "school",
            "headings": [], "dates": [], "targets": []}
    base.update(parts)
    return base


def pred_article(title: str, text: str, **parts) -> dict:
    base = {"title": title, "text": text, "genre": "plan", "org_type": "school",
            "headings": [], "dates": [], "targets": []}
    base.update(parts)
    return base


# ----------------------------------------------------------------------------- normalisation

@pytest.mark.parametrize("a, b", [
    ("（三）", "(三)"),
    ("（三）、", "(三)"),
    ("(三)、", "（三）"),
    ("2．", "2."),
    ("## 4.", "4."),
    ("- ５、", "5、"),
    ("[2],", "[2]"),
])
def test_marker_normalisation_equal(a, b):
    assert norm_marker(a) == norm_marker(b)


@pytest.mark.parametrize("a, b", [
    ("1、", "1."),  # different enumerator styles stay different
    ("(1)", "(一)"),
    ("三、", "(三)"),
    ("2.", "2"),  # the trailing dot is only dropped after a bracket
])
def test_marker_normalisation_different(a, b):
    assert norm_marker(a) != norm_marker(b)


def test_strip_punct_keeps_percent_and_drops_symbols():
    assert strip_punct("参会率达到 ９５％！") == "参会率达到95%"
    assert strip_punct("“职工之家”·建设—★") == "职工之家建设"


def test_title_normalisation_ignores_markdown_and_width():
    assert norm_title("## 第２篇") == norm_title("第2篇") == "第2篇"


@pytest.mark.parametrize("value, expected", [
    ([5, 7], (5, 7)), ([9], (9, 9)), (4, (4, 4)), (None, None), ((2, 3), (2, 3)),
])
def test_months_normalisation(value, expected):
    assert as_months(value) == expected


def test_unreadable_months_equal_only_to_same_text():
    assert as_months(["x", 1]) == as_months(["x", 1])
    assert as_months(["x", 1]) != as_months([1, 1])


# ----------------------------------------------------------------------------- headings

def test_heading_matches_across_marker_widths():
    gold = heading("（二）", "加强女职工权益保护")
    assert heading_similarity(gold, heading("(二)", "加强女职工权益保护")) == 100.0
    assert heading_similarity(gold, heading("（二）、", "加强女职工权益保护。")) == 100.0


def test_heading_needs_equal_marker():
    assert heading_similarity(heading("二、", "加强女职工权益保护"), heading("2、", "加强女职工权益保护")) is None


def test_heading_fuzzy_text_threshold():
    gold = heading("1、", "开展职工读书月活动")
    assert heading_similarity(gold, heading("1、", "开展职工读书节活动")) >= 80  # one char differs
    assert heading_similarity(gold, heading("1、", "组织秋季登山比赛")) is None


def test_heading_prefix_extension():
    gold = heading("三、", "推进厂务公开")
    long = heading("三、", "推进厂务公开，健全职工代表大会制度和民主评议机制")
    sim = heading_similarity(gold, long)
    assert sim is not None and sim < 80  # accepted, but ranked below every fuzzy match
    assert heading_similarity(long, gold) == sim  # symmetric


def test_heading_prefix_extension_needs_four_chars():
    short = heading("", "安排")
    assert heading_similarity(short, heading("", "安排部署全年各项重点工作任务")) is None


def test_heading_texts_compared_on_first_40_chars():
    stem = "围绕企业中心工作广泛开展劳动竞赛和技术创新活动不断提升职工队伍整体素质" * 2
    assert len(stem) > 40
    assert heading_similarity(heading("一、", stem + "甲"), heading("一、", stem[:40])) == 100.0


def test_heading_level_and_theme_checks():
    gold = heading("一、", "指导思想", level=1, theme="指导思想")
    assert heading_fields(gold, heading("一、", "指导思想", level=2)) == {"level": False}  # no theme key
    assert heading_fields(gold, heading("一、", "指导思想", level=1, theme="其他")) == {"level": True, "theme": False}
    sub = heading("1、", "学习", level=3, theme=None)
    assert heading_fields(sub, heading("1、", "学习", level=3, theme="素质提升")) == {"level": True}


# ----------------------------------------------------------------------------- dates

@pytest.mark.parametrize("gold, pred", [
    ("三八节", "“三八”节"),  # quotes ignored
    ("“五一”", "五一劳动节"),  # containment after quote stripping
    ("十月份", "十月"),
    ("20\\_\\_年", "20__年"),  # markdown escapes
    ("２０２３年９月", "2023年 9月"),  # width and whitespace
])
def test_date_containment(gold, pred):
    assert date_similarity({"text": gold}, {"text": pred}) is not None


@pytest.mark.parametrize("gold, pred", [("三月", "四月"), ("上半年", "下半年"), ("", "五月")])
def test_date_no_match(gold, pred):
    assert date_similarity({"text": gold}, {"text": pred}) is None


def test_date_prefers_closer_text():
    gold = {"text": "九月"}
    assert date_similarity(gold, {"text": "九月"}) > date_similarity(gold, {"text": "九月至十月底"})


def test_date_field_checks():
    gold = {"text": "每两周", "kind": "recurring", "year": None, "months": None, "day": None, "every": "2W"}
    pred = {"text": "每两周", "kind": "recurring", "every": "2w"}  # missing scalars are None
    assert date_fields(gold, pred) == {"kind": True, "year": True, "months": True, "day": True,
                                       "every": True, "all": True}
    gold = {"text": "6月", "kind": "month", "year": 2024, "months": [6, 6]}
    checks = date_fields(gold, {"text": "6月", "kind": "month", "year": None, "months": [6]})
    assert checks["months"] and not checks["year"] and not checks["all"]


# ----------------------------------------------------------------------------- targets

def test_target_numbers_must_agree():
    gold = target("新建基层工会8家", value=8)
    assert target_similarity(gold, target("新建基层工会8家", value=8)) is not None
    assert target_similarity(gold, target("新建基层工会8家", value=9)) is None


def test_target_range_with_both_ends_equal_counts_as_value():
    gold = target("慰问困难职工20户", value=20, unit="户")
    assert target_similarity(gold, target("慰问困难职工20户", low=20, high=20, comparator="range")) is not None
    assert target_similarity(gold, target("慰问困难职工20户", low=20, high=25, comparator="range")) is None
    assert target_similarity(gold, target("慰问困难职工20户", low=20)) is None


def test_target_gold_range_needs_both_ends():
    gold = target("举办2至3期培训班", low=2, high=3, unit="期", comparator="range")
    assert target_similarity(gold, target("举办2至3期培训班", low=2, high=3)) is not None
    assert target_similarity(gold, target("举办2至3期培训班", low=2, high=4)) is None
    assert target_similarity(gold, target("举办2至3期培训班", value=2)) is None


def test_target_without_numbers_needs_pred_without_numbers():
    gold = target("若干名")
    assert target_similarity(gold, target("若干名")) is not None
    assert target_similarity(gold, target("若干名", value=1)) is None


def test_target_numbers_read_from_strings():
    gold = target("募集资金1,200元", value=1200, unit="元")
    assert target_similarity(gold, target("募集资金1,200元", value="1,200")) is not None


def test_target_text_containment_ranks_above_shared_run():
    gold = target("新建企业工会3家", value=3)
    contained = target_similarity(gold, target("年内新建企业工会3家以上", value=3))
    shared = target_similarity(gold, target("企业工会3家已新建", value=3))
    assert contained > 100 > shared


def test_target_shared_run_must_hold_a_numeral():
    assert share_numeral_run("培训职工500人次", "共培训职工500人")
    assert share_numeral_run("走访会员一百户", "一百户会员家庭")
    # "技能竞赛" is shared but has no numeral; "5场" is too short
    assert not share_numeral_run("开展技能竞赛5场", "技能竞赛活动共5场")
    gold = target("开展技能竞赛5场", value=5, unit="场")
    assert target_similarity(gold, target("技能竞赛活动共5场", value=5, unit="场")) is None


def test_target_field_checks():
    gold = target("参保率达到95%以上", value=95, unit="%", comparator=">=", status="goal")
    assert target_fields(gold, target("参保率达到95%以上", value=95, unit="％", comparator="≥", status="GOAL")) == {
        "unit": True, "comparator": True, "status": True, "all": True}
    checks = target_fields(gold, target("参保率达到95%以上", value=95, unit="%", comparator="=", status="goal"))
    assert checks == {"unit": True, "comparator": False, "status": True, "all": False}


# ----------------------------------------------------------------------------- articles

def test_article_found_by_first_chars_within_window():
    gold = gold_article("学校工会计划", "本学期工会将紧紧围绕学校中心工作")
    preface = "（内容摘自网络）" * 3
    assert article_similarity(gold, pred_article("", preface + "本学期工会将紧紧围绕学校中心工作，开展活动")) is not None


def test_article_first_chars_beyond_window_not_found():
    gold = gold_article("学校工会计划", "本学期工会将紧紧围绕学校中心工作")
    far = "与本文无关的文字" * 20 + "本学期工会将紧紧围绕学校中心工作"
    assert article_similarity(gold, pred_article("", far)) is None
    assert article_similarity(gold, pred_article("", far), slack=200) is not None


def test_article_window_covers_a_title_left_in_the_text():
    gold = gold_article("城关镇总工会年度计划", "本学期工会将紧紧围绕中心")
    text = "城关镇总工会年度计划本学期工会将紧紧围绕中心工作"
    assert article_similarity(gold, pred_article("", text), slack=0) is not None
    assert article_similarity(gold, pred_article("", "多出来的字" + text), slack=0) is None


def test_article_found_by_equal_titles():
    gold = gold_article("第3篇", "今年街道工会的工作思路是")
    assert article_similarity(gold, pred_article("## 第3篇", "完全不同的正文开头")) is not None
    # empty titles are never "equal"
    assert article_similarity(gold_article("", "今年街道工会的工作思路是"), pred_article("", "完全不同的正文")) is None


def test_unmatched_gold_articles_pooled_as_misses():
    gold = [
        gold_article("计划一", "一年来我镇工会围绕中心", targets=[target("发展会员300名", value=300, unit="名")]),
        gold_article("计划二", "新学期学校工会将继续", targets=[target("培训骨干2期", value=2, unit="期"),
                                                           target("表彰先进10人", value=10, unit="人")]),
    ]
    pred = [pred_article("计划一", "一年来我镇工会围绕中心工作",
                         targets=[target("发展会员300名", value=300, unit="名")]),
            pred_article("无关", "网站推荐阅读", targets=[target("阅读量5000次", value=5000, unit="次")])]
    score = score_source(gold, pred).parts["targets"].to_dict()
    assert (score["tp"], score["fp"], score["fn"], score["fn_unmatched"], score["fp_unmatched"]) == (1, 0, 0, 2, 1)
    assert score["p"] == 1.0 and score["r"] == pytest.approx(1 / 3)
    assert score["p_strict"] == 0.5 and score["r_matched"] == 1.0


def test_null_parts_skipped():
    gold = [gold_article("甲", "全年工作安排如下", targets=None, dates=[{"text": "三月", "kind": "month"}]),
            gold_article("乙", "没有被找到的文章", targets=None, headings=None)]
    pred = [pred_article("甲", "全年工作安排如下", targets=[target("组织活动3次", value=3, unit="次")],
                         dates=[{"text": "三月", "kind": "month"}])]
    score = score_source(gold, pred).to_dict()
    assert score["targets"]["gold"] == score["targets"]["pred"] == score["targets"]["fn_unmatched"] == 0
    assert score["headings"]["fn_unmatched"] == 0
    assert score["dates"]["tp"] == 1


def test_article_genre_and_org_type_accuracy():
    gold = [gold_article("甲", "全年工作安排如下", genre="summary", org_type="federation")]
    score = score_source(gold, [pred_article("甲", "全年工作安排如下", genre="summary", org_type="school")])
    assert score.articles.to_dict()["genre_acc"] == 1.0 and score.articles.to_dict()["org_type_acc"] == 0.0
    # a pred without the keys is not counted
    bare = {"title": "甲", "text": "全年工作安排如下"}
    assert score_source(gold, [bare]).articles.to_dict()["org_type_n"] == 0


# ----------------------------------------------------------------------------- alignment and P/R/F1

def test_alignment_is_monotone_and_maximises_pairs():
    table = {(0, 1): 100.0, (1, 0): 100.0}  # crossing pairs: only one can be kept
    assert len(align(2, 2, lambda i, j: table.get((i, j)))) == 1
    table = {(0, 0): 50.0, (0, 1): 99.0, (1, 1): 60.0}  # two weaker pairs beat one strong one
    assert align(2, 2, lambda i, j: table.get((i, j))) == [(0, 0), (1, 1)]


def test_alignment_ties_pair_earlier_items():
    assert align(2, 1, lambda i, j: 100.0) == [(0, 0)]
    assert align(1, 3, lambda i, j: 100.0) == [(0, 0)]


def test_heading_duplicates_paired_in_order():
    gold = [heading("", "活动主题", level=1), heading("", "活动主题", level=2)]
    articles = [gold_article("", "春季活动方案如下", headings=gold)]
    preds = [pred_article("", "春季活动方案如下", headings=[heading("", "活动主题", level=1)])]
    part = score_source(articles, preds).parts["headings"].to_dict()
    assert part["tp"] == 1 and part["acc"]["level"] == 1.0


def test_prf_edge_cases():
    assert precision_recall_f1(0, 0, 0) == (1.0, 1.0, 1.0)
    assert precision_recall_f1(0, 0, 3) == (None, 0.0, 0.0)
    assert precision_recall_f1(0, 2, 0) == (0.0, None, 0.0)
    p, r, f = precision_recall_f1(3, 1, 2)
    assert (p, r) == (0.75, 0.6) and f == pytest.approx(2 * 0.75 * 0.6 / 1.35)


# ----------------------------------------------------------------------------- loading and report

def test_gold_parts_concatenated_in_natural_order(tmp_path):
    for name, title in (("doc.part10.json", "丙"), ("doc.part2.json", "乙"), ("doc.part1.json", "甲")):
        (tmp_path / name).write_text(json.dumps({"articles": [gold_article(title, "正文开头")]}), encoding="utf-8")
    warnings: list[str] = []
    gold = load_gold([tmp_path], warnings.append)
    assert list(gold) == ["doc.txt"] and [a["title"] for a in gold["doc.txt"].articles] == ["甲", "乙", "丙"]
    assert warnings  # the missing "source" is reported


def test_predictions_grouped_and_ordered():
    lines = [json.dumps({"source": "x/a.txt", "article": 1, "title": "二"}),
             "not json",
             "",
             json.dumps({"source": "y/a.txt", "article": 0, "title": "一"}),
             json.dumps([1, 2])]
    warnings: list[str] = []
    pred = parse_prediction_lines(lines, warnings.append)
    assert [a["title"] for a in pred["a.txt"]] == ["一", "二"]
    assert len(warnings) == 2


def test_missing_prediction_file_raises(tmp_path):
    with pytest.raises(PlanNLPError, match="not found"):
        evaluate([GOLD_DIR], tmp_path / "none.jsonl")


def test_report_lists_every_part(tmp_path):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    article = gold_article("方案", "为丰富职工文化生活", headings=[heading("一、", "活动时间")],
                           dates=[{"text": "五月", "kind": "month", "months": [5, 5]}])
    (gold_dir / "s.json").write_text(json.dumps({"source": "s.txt", "articles": [article]}), encoding="utf-8")
    result = evaluate_records([gold_dir], [{"source": "s.txt", "article": 0, **pred_article(
        "方案", "为丰富职工文化生活", headings=[heading("一、", "活动时间")])}])
    text = format_report(result, verbose=True)
    for word in ("ARTICLES", "HEADINGS", "DATES", "TARGETS", "TOTAL", "MISS"):
        assert word in text
    assert result.to_dict()["dates"]["fn"] == 1 and result.to_dict()["headings"]["tp"] == 1


# ----------------------------------------------------------------------------- agreement with the reference

def gold_as_predictions() -> list[dict]:
    """The gold itself as analyze output: text = first_chars + filler, every part copied."""
    records = []
    for path in sorted(GOLD_DIR.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for article in data["articles"]:
            index = sum(1 for r in records if r["source"].endswith(data["source"]))
            record = {"source": "corpus/" + data["source"], "article": index}
            record.update({k: copy.deepcopy(v) for k, v in article.items() if k != "first_chars"})
            record["text"] = article["first_chars"] + "，其余正文从略。"
            for part in ("headings", "dates", "targets"):
                record[part] = record.get(part) or []
            records.append(record)
    return records


MARKER_SWAPS = {"（": "(", "）": ")", "、": ".", "1": "１", "(": "（"}


def perturb(records: list[dict], seed: int, rate: float) -> list[dict]:
    """Deterministic damage of every kind the scorer must tell apart."""
    rng = random.Random(seed)
    out = []
    for record in copy.deepcopy(records):
        roll = rng.random()
        if roll < rate / 4:
            continue  # article missed
        if roll < rate / 2:
            record["title"] = ""
            record["text"] = "下面是小编整理的范文，欢迎阅读。" + record["text"]
        elif roll < rate * 0.6:
            record["title"] = "《" + record["title"] + "》"
            record["text"] = "完全不同的开头" + record["text"][5:]
        for h in record["headings"]:
            r = rng.random()
            if r < rate / 3:
                h["level"] = (h.get("level") or 1) + 1
            elif r < rate * 2 / 3:
                h["marker"] = "".join(MARKER_SWAPS.get(c, c) for c in h.get("marker") or "")
            elif r < rate:
                h["text"] = (h.get("text") or "")[: rng.randint(0, 12)]
            if rng.random() < rate / 2:
                h.pop("theme", None)
            elif h.get("theme") and rng.random() < rate / 2:
                h["theme"] = "其他"
        for d in record["dates"]:
            r = rng.random()
            if r < rate / 3:
                d["text"] = "“" + d["text"] + "”底"
            elif r < rate * 2 / 3:
                d["months"] = None if d.get("months") else [3]
            elif r < rate * 5 / 6:
                d["kind"] = "season"
                d["every"] = (d.get("every") or "").lower() or None
            elif r < rate:
                d["year"] = 2030 if d.get("year") is None else None
                d["day"] = 1
        for t in record["targets"]:
            r = rng.random()
            if r < rate / 4 and t.get("value") is not None:
                t["low"] = t["high"] = t["value"]
                t["value"] = None
            elif r < rate / 2:
                t["value"] = (t.get("value") or 0) + 1
            elif r < rate * 3 / 4:
                t["text"] = "共" + t["text"][1:]
                aliases = {">=": "≥", "=": "==", "~": "约"}  # same comparator, other spelling
                wrong = {"=": "~", "~": ">=", ">=": "<="}
                t["comparator"] = (aliases if rng.random() < 0.5 else wrong).get(t.get("comparator"), "range")
            elif r < rate:
                t["unit"] = "个"
                t["status"] = "achieved"
        for part in ("headings", "dates", "targets"):
            items = [x for x in record[part] if rng.random() >= rate / 3]
            if items and rng.random() < rate:
                items.insert(rng.randrange(len(items) + 1), copy.deepcopy(rng.choice(items)))  # duplicate
            record[part] = items
        if rng.random() < rate / 2:
            record.pop("genre", None)
        out.append(record)
        if rng.random() < rate / 4:  # a spurious article from the site
            out.append({"source": record["source"], "article": record["article"], "title": "相关范文推荐",
                        "text": "推荐阅读", "headings": [heading("1、", "工会工作总结")], "dates": [], "targets": []})
    rng.shuffle(out)  # the scorer orders by the "article" index, then the line
    return out


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def reference_scores(pred: Path, gold_dir: Path = GOLD_DIR) -> dict:
    run = subprocess.run([sys.executable, str(REFERENCE), "--pred", str(pred), "--gold-dir", str(gold_dir), "--json"],
                         capture_output=True, text=True, encoding="utf-8", check=True)
    return json.loads(run.stdout)


def assert_same_figures(ours: dict, ref: dict, where: str = "") -> None:
    """Every figure the reference reports agrees with ours within 1e-9 (None with None)."""
    for key, value in ref.items():
        if key == "warnings":
            continue
        assert key in ours, f"{where}{key} missing"
        mine = ours[key]
        if isinstance(value, dict):
            assert_same_figures(mine, value, f"{where}{key}.")
        elif isinstance(value, float) and isinstance(mine, float):
            assert math.isclose(mine, value, rel_tol=0, abs_tol=1e-9), f"{where}{key}: {mine} != {value}"
        else:
            assert mine == value, f"{where}{key}: {mine!r} != {value!r}"


@needs_reference
@pytest.mark.parametrize("seed, rate", [(None, 0.0), (1, 0.15), (2, 0.35), (3, 0.7)])
def test_agrees_with_reference_scorer(tmp_path, seed, rate):
    records = gold_as_predictions()
    if seed is not None:
        records = perturb(records, seed, rate)
    pred = write_jsonl(tmp_path / "pred.jsonl", records)
    ours = evaluate([GOLD_DIR], pred).to_dict()
    ref = reference_scores(pred)
    assert_same_figures(ours, ref)
    if seed is None:
        assert ours["headings"]["f1"] == ours["dates"]["f1"] == ours["targets"]["f1"] == 1.0
        assert ours["articles"]["org_type_acc"] == 1.0
    else:
        assert ours["headings"]["f1"] < 1.0  # the damage is visible


@needs_reference
def test_agrees_with_reference_on_missing_and_extra_sources(tmp_path):
    records = [r for r in gold_as_predictions() if not r["source"].endswith("003_15364ccff48bad3a.txt")]
    records.append({"source": "other.txt", "article": 0, "title": "x", "text": "y"})
    pred = write_jsonl(tmp_path / "pred.jsonl", records)
    result = evaluate([GOLD_DIR], pred)
    assert_same_figures(result.to_dict(), reference_scores(pred))
    assert any("no predictions" in w for w in result.warnings)


@functools.lru_cache(maxsize=1)
def reference_module():
    """The reference scorer imported in-process, to compare its rule functions with ours."""
    spec = importlib.util.spec_from_file_location("reference_score", REFERENCE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# small alphabets that hit every normalisation: widths, brackets, quotes, escapes, numerals
MARKERS = st.sampled_from(["一、", "（一）", "(一)", "（一）、", "(一)、", "1.", "1．", "１、", "1、", "## 2.",
                           "- 3、", "①", "", "(1)", "1)", "第一，"])
TEXT_CHARS = st.sampled_from(list("工会职工建设活动加强开展一二三十百万12３%％，。“”\"《》 　\\_#-·"))
TEXTS = st.text(TEXT_CHARS, max_size=24)
NUMBERS = st.one_of(st.none(), st.integers(0, 30), st.sampled_from([1.5, "3", "1,000", "x"]))


@needs_reference
@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.data())
def test_rules_agree_with_reference_functions(data):
    ref = reference_module()
    g_marker, p_marker = data.draw(MARKERS), data.draw(MARKERS)
    assert norm_marker(g_marker) == ref.norm_marker(g_marker)
    base = data.draw(TEXTS)
    g_text, p_text = base + data.draw(TEXTS), data.draw(st.sampled_from([base, ""])) + data.draw(TEXTS)
    g = {"marker": g_marker, "text": g_text, "value": data.draw(NUMBERS), "low": data.draw(NUMBERS),
         "high": data.draw(NUMBERS), "title": data.draw(TEXTS), "first_chars": g_text}
    p = {"marker": p_marker, "text": p_text, "value": data.draw(NUMBERS), "low": data.draw(NUMBERS),
         "high": data.draw(NUMBERS), "title": data.draw(st.sampled_from([g["title"], ""])) + data.draw(TEXTS)}
    assert heading_similarity(g, p) == ref.heading_sim(g, p)
    assert date_similarity(g, p) == ref.date_sim(g, p)
    assert target_similarity(g, p) == ref.target_sim(g, p)
    assert article_similarity(g, p, 5) == ref.article_sim(g, p, 5)
