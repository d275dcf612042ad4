"""Inference-time precision and runtime of a :class:`models.tagger.Tagger`.

``model.quantize`` (CPU only; CUDA models keep fp32 weights with bf16 autocast):

- ``none``: fp32 (the default).
- ``int8``: dynamic int8 quantisation of the linear layers (int8 weights, activations quantised
  per batch; VNNI kernels where the CPU has them). The activation scale is computed over the
  whole padded batch, so an article's scores (and rarely its spans) depend on the articles it
  shares a batch with: faster, but not reproducible across batchings.
- ``bf16``: bf16 weights and activations (torch runtime only); fast on CPUs with native bf16.

``model.runtime`` (CPU only): ``torch`` (eager PyTorch), or ``onnxruntime`` (the model exported
to ONNX once per worker at load time and run by ONNX Runtime's CPU provider on the same
number of threads). Measured speed and ANERcorp F1 of each are in ``docs/benchmarks.md``.
"""

from __future__ import annotations

import io
import logging
import tempfile
import warnings
from pathlib import Path
from typing import Any

import torch
from transformers.modeling_outputs import TokenClassifierOutput

from models.tagger import Tagger

QUANTIZE_MODES = ("none", "int8", "bf16")
RUNTIMES = ("torch", "onnxruntime")
LOG = logging.getLogger(__name__)


class OnnxTokenClassifier(torch.nn.Module):
    """A token classifier run by ONNX Runtime, callable like the Hugging Face model it wraps."""

    def __init__(self, model: torch.nn.Module, session: Any) -> None:
        super().__init__()
        self.torch_model = model.eval()  # kept for its config and parameter count
        self.config = model.config
        self._session = session

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor
    ) -> TokenClassifierOutput:
        """Logits for a padded batch (CPU tensors)."""
        feeds = {"input_ids": input_ids.numpy(), "attention_mask": attention_mask.numpy()}
        (logits,) = self._session.run(["logits"], feeds)
        return TokenClassifierOutput(logits=torch.from_numpy(logits))


def export_onnx(model: torch.nn.Module) -> bytes:
    """The model as ONNX (dynamic batch and sequence axes, logits output)."""
    ids = torch.ones((2, 16), dtype=torch.long)
    axes = {0: "batch", 1: "sequence"}
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            model.eval(),
            (ids, torch.ones_like(ids)),
            buffer,
            input_names=["input_ids", "attention_mask"],
            output_names=["logits"],
            dynamic_axes={"input_ids": axes, "attention_mask": axes, "logits": axes},
            opset_version=17,
            dynamo=False,
        )
    return buffer.getvalue()


def onnx_session(model: torch.nn.Module, int8: bool, threads: int) -> Any:
    """An ONNX Runtime CPU session for the model (weights dynamically quantised when ``int8``)."""
    import onnxruntime as ort

    onnx_bytes = export_onnx(model)
    if int8:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        with tempfile.TemporaryDirectory() as tmp:
            src, dst = Path(tmp) / "model.onnx", Path(tmp) / "model.int8.onnx"
            src.write_bytes(onnx_bytes)
            logging.disable(logging.WARNING)  # its advice to pre-process, on every load
            try:
                # per-channel scales: 0.27 instead of 0.49 F1 points lost on ANERcorp dev
                quantize_dynamic(src, dst, weight_type=QuantType.QInt8, per_channel=True)
            finally:
                logging.disable(logging.NOTSET)
            onnx_bytes = dst.read_bytes()
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(onnx_bytes, options, providers=["CPUExecutionProvider"])


def quantize_tagger(tagger: Tagger, mode: str, runtime: str = "torch") -> Tagger:
    """Apply ``mode`` and ``runtime`` to the tagger's model in place (CUDA models unchanged)."""
    if mode not in QUANTIZE_MODES:
        raise ValueError(f"unknown quantize mode {mode!r}; expected one of {QUANTIZE_MODES}")
    if runtime not in RUNTIMES:
        raise ValueError(f"unknown runtime {runtime!r}; expected one of {RUNTIMES}")
    if tagger.device.type != "cpu":
        return tagger
    if runtime == "onnxruntime":
        if mode == "bf16":
            raise ValueError("quantize=bf16 needs runtime=torch")
        session = onnx_session(tagger.model, mode == "int8", torch.get_num_threads())
        tagger.model = OnnxTokenClassifier(tagger.model, session)
        return tagger
    if mode == "int8":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # torch.ao's deprecation notice, once per load
            tagger.model = torch.ao.quantization.quantize_dynamic(
                tagger.model, {torch.nn.Linear}, dtype=torch.qint8
            )
    elif mode == "bf16":
        tagger.model = tagger.model.to(torch.bfloat16)
    tagger.model.eval()
    return tagger
