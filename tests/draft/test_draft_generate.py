"""The optional generator on tiny random models built here; the default path never imports torch."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from nlp.draft.build import draft

ROOT = Path(__file__).resolve().parents[2]
# Characters of a tiny vocabulary, written for this test (no real model is needed).
CHARS = "工会职工女健康师德教代会组织开展活动加强关心服务维权学习培训提高素质安全生产劳动竞赛文体读书帮扶困难目标任务年度计划落实推进建设和谐家园"


def _vocab(folder: Path) -> None:
    tokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "，", "。", "："] + sorted(set(CHARS))
    (folder / "vocab.txt").write_text("\n".join(tokens) + "\n", encoding="utf-8")


def _tiny(folder: Path, kind: str) -> Path:
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    folder.mkdir()
    _vocab(folder)
    tok = transformers.BertTokenizer(str(folder / "vocab.txt"), tokenize_chinese_chars=True)
    tok.save_pretrained(folder)
    torch.manual_seed(0)
    n = len(tok)
    if kind == "causal":
        config = transformers.GPT2Config(vocab_size=n, n_positions=256, n_embd=16, n_layer=1, n_head=2,
                                         bos_token_id=tok.cls_token_id, eos_token_id=tok.sep_token_id)
        model = transformers.GPT2LMHeadModel(config)
    else:
        config = transformers.BartConfig(vocab_size=n, d_model=16, encoder_layers=1, decoder_layers=1,
                                         encoder_attention_heads=2, decoder_attention_heads=2,
                                         encoder_ffn_dim=32, decoder_ffn_dim=32, max_position_embeddings=256,
                                         pad_token_id=tok.pad_token_id, bos_token_id=tok.cls_token_id,
                                         eos_token_id=tok.sep_token_id, decoder_start_token_id=tok.cls_token_id,
                                         forced_eos_token_id=None)
        model = transformers.BartForConditionalGeneration(config)
    model.save_pretrained(folder, safe_serialization=True)
    assert list(folder.glob("*.safetensors"))
    return folder


@pytest.mark.parametrize("kind", ["causal", "seq2seq"])
def test_generator_writes_marked_sentences(tmp_path, corpus_articles, kind):
    model = _tiny(tmp_path / kind, kind)
    args = dict(articles=corpus_articles, org_type="school", year=2027, generator="transformers", model=model)
    d = draft(["女职工", "健康"], **args)
    generated = [(sec.role, s) for sec in d.walk() for s in sec.sentences if s.kind == "generated"]
    # a random model writes much the same for both parts: the second copy is refused as a near-duplicate
    assert generated and {role for role, _s in generated} <= {"guiding", "goals"}
    assert generated[0][0] == "guiding"
    for _role, s in generated:
        assert s.source is None and s.start is None and s.text.endswith("。")
        assert all(ch in CHARS + "，：。" for ch in s.text)
    assert d.to_dict() == draft(["女职工", "健康"], **args).to_dict()  # greedy: deterministic
    json.dumps(d.to_dict(), ensure_ascii=False)
    assert "本地模型生成" in d.to_markdown()


def test_model_folder_without_safetensors_is_refused(tmp_path, corpus_articles):
    from nlp.draft.generate import GeneratorError

    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    (tmp_path / "pytorch_model.bin").write_bytes(b"")
    with pytest.raises(GeneratorError, match="safetensors"):
        draft(["健康"], articles=corpus_articles[:3], generator="transformers", model=tmp_path)


def test_unknown_generator_and_missing_model_are_errors(corpus_articles):
    from nlp.draft.build import DraftError

    with pytest.raises(DraftError, match="unknown generator"):
        draft(["健康"], articles=corpus_articles[:3], generator="chatgpt")
    with pytest.raises(DraftError, match="--model"):
        draft(["健康"], articles=corpus_articles[:3], generator="transformers")


def test_default_path_never_imports_torch(tmp_path):
    code = (
        "import sys, nlp\n"
        "d = nlp.draft(['女职工', '健康'], corpus='corpus/001_0d86f010e203b325.txt', org_type='school', year=2027)\n"
        f"d.to_docx({str(tmp_path / 'x.docx')!r}); d.to_markdown(); d.to_dict()\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('torch', 'transformers'))\n"
        "print(len(d.sections), heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 0, out.stderr
    n, heavy = out.stdout.split(" ", 1)
    assert int(n) >= 4 and heavy.strip() == "[]"
