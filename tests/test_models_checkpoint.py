"""The shipped checkpoint's size and its half-precision storage."""

from __future__ import annotations

from pathlib import Path

import torch
from transformers import BertConfig, BertForTokenClassification

from models.training import save_half_precision

SHIPPED = Path(__file__).resolve().parents[1] / "models" / "arabic-news-small"


def test_shipped_checkpoint_is_under_50_mb() -> None:
    size = sum(f.stat().st_size for f in SHIPPED.iterdir() if f.is_file())
    assert 1_000_000 < size < 50 * 2**20


def test_half_precision_checkpoint_loads_as_float32_with_the_same_outputs(tmp_path: Path) -> None:
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=500, hidden_size=64, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=128, num_labels=9,
    )  # fmt: skip
    model = BertForTokenClassification(config).eval()
    model.save_pretrained(tmp_path / "fp32")
    save_half_precision(model, tmp_path / "fp16")
    assert next(model.parameters()).dtype == torch.float32  # the model itself is untouched
    sizes = [(tmp_path / d / "model.safetensors").stat().st_size for d in ("fp32", "fp16")]
    assert sizes[1] < 0.6 * sizes[0]

    loaded = BertForTokenClassification.from_pretrained(tmp_path / "fp16", dtype=torch.float32)
    assert {p.dtype for p in loaded.parameters()} == {torch.float32}
    ids = torch.randint(0, 500, (2, 16))
    with torch.no_grad():
        expected = model(input_ids=ids).logits
        got = loaded.eval()(input_ids=ids).logits
    assert torch.allclose(expected, got, atol=1e-2)
    assert torch.equal(expected.argmax(-1), got.argmax(-1))
