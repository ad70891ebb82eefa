"""The transformers backend end to end on a tiny randomly initialised BERT built here; and the
default path never imports torch."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from theme_samples import SECTIONS, plan_text

ROOT = Path(__file__).resolve().parents[2]


def _tiny_bert(path: Path) -> Path:
    torch = pytest.importorskip("torch", reason="torch is not installed (optional extra plan-nlp[ml])")
    transformers = pytest.importorskip("transformers", reason="transformers is not installed (plan-nlp[ml])")
    chars = sorted({ch for area in SECTIONS.values() for h, b in area for ch in h + b}
                   | set("一二三四、，。（）本校公司街道工会"))
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *chars]
    path.mkdir()
    (path / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    transformers.BertTokenizer(str(path / "vocab.txt")).save_pretrained(path)
    config = transformers.BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2,
                                     num_attention_heads=2, intermediate_size=64, max_position_embeddings=256)
    torch.manual_seed(0)
    transformers.BertModel(config).save_pretrained(path, safe_serialization=True)
    assert (path / "model.safetensors").is_file()
    return path


def test_transformers_backend_end_to_end(tmp_path):
    model_dir = _tiny_bert(tmp_path / "tiny-bert")
    from nlp.api import analyze_text
    from nlp.themes import ThemeModel, theme_units
    from nlp.themes.transformer_embed import TransformersEmbedder

    units = theme_units([a for i in range(8) for a in analyze_text(plan_text(i), source=f"p{i}.txt")])
    emb = TransformersEmbedder(model_dir, batch_size=5).fit(units)
    rows = emb.transform(units)
    assert rows.shape == (len(units), 32)
    assert abs(float((rows[0] ** 2).sum()) - 1.0) < 1e-6
    # batching changes nothing: each text is pooled over its own tokens only
    single = TransformersEmbedder(model_dir, batch_size=1).fit(units).transform(units[:3])
    assert abs(single - rows[:3]).max() < 1e-5

    model = ThemeModel(embedder="transformers", model=model_dir, n_themes="auto").fit(units)
    assert len(model.labels_) == len(units) and model.themes_
    assert all(t.terms for t in model.themes_)  # terms come from the TF-IDF term scorer
    again = ThemeModel(embedder="transformers", model=model_dir).fit(units)
    assert json.dumps(model.to_dict(), ensure_ascii=False) == json.dumps(again.to_dict(), ensure_ascii=False)
    assert len(model.transform(units[:2])) == 2


def test_missing_model_directory_is_a_clear_error(tmp_path):
    from nlp.errors import PlanNLPError
    from nlp.themes.transformer_embed import TransformersEmbedder

    with pytest.raises(PlanNLPError, match="model directory not found"):
        TransformersEmbedder(tmp_path / "nowhere").fit([])


def test_default_path_never_imports_torch(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(plan_text(0) + "\n" + plan_text(1), encoding="utf-8")
    code = ("import sys, json\n"
            "from nlp.api import analyze_path\n"
            "from nlp.themes import fit_themes\n"
            f"m = fit_themes(analyze_path({str(plan)!r}))\n"
            "from nlp.themes.cli import themes\n"
            "import nlp.cli\n"
            "print(json.dumps({'themes': len(m.themes_), 'loaded': sorted(n for n in sys.modules\n"
            "    if n.split('.')[0] in ('torch', 'transformers'))}))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["themes"] >= 1 and result["loaded"] == []
