"""Mean-pooled sentence embeddings from a local Hugging Face model directory (optional backend).

torch and transformers are imported when this backend is built, never by the default path.
Only local files are read (no download), weights only from safetensors, no remote code.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..errors import PlanNLPError

if TYPE_CHECKING:
    from .units import ThemeUnit


class TransformersEmbedder:
    """Unit text (heading, then body) → mean of the last hidden states over real tokens, L2-normalised."""

    def __init__(self, model_dir: str | Path, batch_size: int = 16, max_length: int = 512, device: str = "cpu"):
        self.model_dir = model_dir
        self.batch_size = batch_size
        self.max_length = max_length
        self.device = device

    def _load(self) -> None:
        path = Path(self.model_dir)
        if not path.is_dir():
            raise PlanNLPError(path, "model directory not found (the transformers backend reads a local model)")
        try:
            import torch
            from transformers import AutoModel, AutoTokenizer
        except ImportError as exc:
            raise PlanNLPError(path, f"the transformers backend needs torch and transformers "
                                     f"(pip install 'plan-nlp[ml]'): {exc}") from exc
        self._torch = torch
        try:
            self.tokenizer_ = AutoTokenizer.from_pretrained(path, local_files_only=True, trust_remote_code=False)
            self.model_ = AutoModel.from_pretrained(path, local_files_only=True, trust_remote_code=False,
                                                    use_safetensors=True).to(self.device).eval()
        except (OSError, ValueError) as exc:
            raise PlanNLPError(path, f"cannot load the model: {exc}") from exc

    def fit(self, units: Sequence["ThemeUnit"]) -> "TransformersEmbedder":
        """Load the model (nothing is learnt from the archive)."""
        if not hasattr(self, "model_"):
            self._load()
        return self

    def transform(self, units: Sequence["ThemeUnit"]) -> np.ndarray:
        return self.embed_texts([f"{u.heading}。{u.body}" if u.heading else u.text for u in units])

    def embed_texts(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised row per text, computed in batches without gradients."""
        if not hasattr(self, "model_"):
            self._load()
        torch = self._torch
        rows = []
        with torch.inference_mode():
            for i in range(0, len(texts), self.batch_size):
                batch = self.tokenizer_([t.replace("\n", " ") for t in texts[i:i + self.batch_size]],
                                        padding=True, truncation=True, max_length=self.max_length,
                                        return_tensors="pt").to(self.device)
                hidden = self.model_(**batch).last_hidden_state
                mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
                pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1.0)
                rows.append(torch.nn.functional.normalize(pooled, dim=-1).cpu().numpy())
        width = self.model_.config.hidden_size
        return np.vstack(rows).astype(np.float64) if rows else np.zeros((0, width))
