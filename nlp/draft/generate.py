"""Optional generation: a local transformers model writes the connecting sentences of 指导思想 and
工作目标 from the retrieved material. Local safetensors only, never remote code; greedy decoding,
so the same material gives the same sentence."""

from __future__ import annotations

from pathlib import Path

import regex

from ..errors import PlanNLPError
from .rewrite import close_sentence, has_inner_enumerator, strip_enumerator

MAX_NEW_TOKENS = 48
MAX_CHARS = 80
MIN_HAN = 6
# Where a generated sentence ends. Matches "。", "！", "？", "；".
_SENTENCE_END = regex.compile(r"[。！？；!?;]")
# What a generated sentence may hold: Chinese, digits, Chinese punctuation, quotes.
# Matches "加强学习，提高素质"; strips "[UNK]", "<s>", Latin debris.
_DEBRIS = regex.compile(r"[^\p{Han}0-9，、：“”《》（）]")


class GeneratorError(PlanNLPError):
    """The local model cannot be used: missing, without safetensors weights, or not loadable."""

    reason = "generator"


class TransformersGenerator:
    """A local causal or seq2seq model (transformers) that writes one sentence per part."""

    def __init__(self, model_dir: str | Path, max_new_tokens: int = MAX_NEW_TOKENS):
        self.path = Path(model_dir)
        if not self.path.is_dir():
            raise GeneratorError(self.path, "no such model folder")
        if not any(self.path.glob("*.safetensors")):
            raise GeneratorError(self.path, "no *.safetensors weights (only local safetensors are loaded)")
        try:
            from transformers import AutoConfig, AutoModelForCausalLM, AutoModelForSeq2SeqLM, AutoTokenizer
        except ImportError as exc:
            raise GeneratorError(self.path, "transformers is not installed (pip install 'plan-nlp[ml]')") from exc
        opts = {"trust_remote_code": False, "local_files_only": True}
        try:
            config = AutoConfig.from_pretrained(self.path, **opts)
            self.seq2seq = bool(getattr(config, "is_encoder_decoder", False))
            cls = AutoModelForSeq2SeqLM if self.seq2seq else AutoModelForCausalLM
            self.model = cls.from_pretrained(self.path, use_safetensors=True, **opts)
            self.tokenizer = AutoTokenizer.from_pretrained(self.path, **opts)
        except (OSError, ValueError, KeyError) as exc:
            raise GeneratorError(self.path, f"cannot load the model ({exc})") from exc
        self.model.eval()
        self.max_new_tokens = max_new_tokens
        positions = getattr(config, "n_positions", None) or getattr(config, "max_position_embeddings", None) or 512
        # the prompt and (for a causal model) the new tokens must fit the position table
        self.prompt_tokens = max(8, positions - (0 if self.seq2seq else max_new_tokens))
        self.tokenizer.truncation_side = "left"  # keep the end: the heading the sentence continues

    def prompt(self, role: str, heading: str, keywords: tuple[str, ...], material: tuple[str, ...]) -> str:
        return f"{heading}：围绕{'、'.join(keywords)}。参考：{''.join(material[:3])}\n{heading}："

    def connect(self, role: str, heading: str, keywords: tuple[str, ...], material: tuple[str, ...]) -> list[str]:
        """At most one connecting sentence for a part (none when the model writes nothing usable)."""
        import torch

        tok = self.tokenizer
        inputs = tok(self.prompt(role, heading, keywords, material), return_tensors="pt",
                     truncation=True, max_length=self.prompt_tokens)
        inputs.pop("token_type_ids", None)
        special = sorted(set(tok.all_special_ids))
        with torch.no_grad():
            out = self.model.generate(**inputs, max_new_tokens=self.max_new_tokens, do_sample=False,
                                      no_repeat_ngram_size=2, suppress_tokens=special or None,
                                      pad_token_id=tok.pad_token_id if tok.pad_token_id is not None else special[0])
        new = out[0] if self.seq2seq else out[0][inputs["input_ids"].shape[1]:]
        return [s] if (s := clean_generated(tok.decode(new, skip_special_tokens=True))) else []


def clean_generated(text: str) -> str | None:
    """One usable sentence out of a model's output, or None."""
    text = regex.sub(r"\s+", "", text)
    m = _SENTENCE_END.search(text)
    text = text[: m.start()] if m else text
    text = _DEBRIS.sub("", text)
    text = text[strip_enumerator(text):][:MAX_CHARS]
    if len(regex.findall(r"\p{Han}", text)) < MIN_HAN or has_inner_enumerator(text):
        return None
    return close_sentence(text)
