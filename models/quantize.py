"""Inference-time precision of a :class:`models.tagger.Tagger` (``model.quantize`` option).

- ``none``: fp32 weights (bf16 autocast on CUDA inside the tagger).
- ``int8``: dynamic int8 quantisation of every ``nn.Linear`` (weights int8, activations quantised
  per batch; fbgemm/VNNI kernels), CPU only.
- ``bf16``: bf16 weights and activations, CPU only; fast on CPUs with native bf16
  (AVX512-BF16, AMX), slow elsewhere.

Measured speed and ANERcorp F1 of each are in ``docs/benchmarks.md``.
"""

from __future__ import annotations

import warnings

import torch

from models.tagger import Tagger

QUANTIZE_MODES = ("none", "int8", "bf16")


def quantize_tagger(tagger: Tagger, mode: str) -> Tagger:
    """Apply ``mode`` to the tagger's model in place (CUDA models are left as they are)."""
    if mode not in QUANTIZE_MODES:
        raise ValueError(f"unknown quantize mode {mode!r}; expected one of {QUANTIZE_MODES}")
    if mode == "none" or tagger.device.type != "cpu":
        return tagger
    if mode == "int8":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # torch.ao's deprecation notice, once per load
            tagger.model = torch.ao.quantization.quantize_dynamic(
                tagger.model, {torch.nn.Linear}, dtype=torch.qint8
            )
    else:
        tagger.model = tagger.model.to(torch.bfloat16)
    tagger.model.eval()
    return tagger
