"""The quote head: QUOTE / CUE / SPEAKER token classification on the NER model's encoder.

The head reads the encoder's last hidden states (one optional transformer layer, then a linear
classifier over BIO labels), so one forward pass of the encoder serves both the entity and the
quote labels. It ships inside the NER checkpoint directory as ``quote_head.safetensors`` with
its settings under ``quote_head`` in ``config.json``; checkpoints without it stay plain Hugging
Face token classifiers.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import torch
from safetensors.torch import load_file, save_file
from transformers import PreTrainedModel
from transformers.modeling_outputs import TokenClassifierOutput
from transformers.models.bert.modeling_bert import BertLayer

from models.decoding import LabelScheme, decode_words
from models.spans import EntitySpan

QUOTE_TYPES = ("QUOTE", "CUE", "SPEAKER")
SHORT_TYPES = ("CUE", "SPEAKER")
MIN_QUOTE_WORDS = 2  # shorter "quotes" are dropped
MAX_QUOTE_GAP = 2  # words outside a quote between two inside runs that are bridged
QUOTE_LABELS = ("O", *(f"{p}-{t}" for t in QUOTE_TYPES for p in ("B", "I")))
HEAD_FILE = "quote_head.safetensors"
CONFIG_KEY = "quote_head"


class QuoteHead(torch.nn.Module):
    """Optional transformer layers over the encoder states, then a linear BIO classifier."""

    def __init__(self, config: Any, layers: int = 1, num_labels: int = len(QUOTE_LABELS)) -> None:
        super().__init__()
        self.layers = torch.nn.ModuleList(BertLayer(config) for _ in range(layers))
        self.dropout = torch.nn.Dropout(config.hidden_dropout_prob)
        self.classifier = torch.nn.Linear(config.hidden_size, num_labels)

    def forward(self, hidden: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        """Quote label logits ``(batch, sequence, labels)`` from encoder states."""
        if len(self.layers):
            # additive mask: 0 where attended, a large negative number on padding
            bias = (1.0 - attention_mask[:, None, None, :].to(hidden.dtype)) * -1e4
            for layer in self.layers:
                out = layer(hidden, attention_mask=bias)
                hidden = out[0] if isinstance(out, tuple) else out
        return self.classifier(self.dropout(hidden))


class EntityAndQuoteTagger(torch.nn.Module):
    """A token classifier and a quote head sharing one encoder pass.

    ``forward`` returns the entity logits followed by the quote logits along the last axis, so
    the pair exports to ONNX and quantises like the token classifier alone.
    """

    def __init__(self, token_classifier: PreTrainedModel, head: QuoteHead) -> None:
        super().__init__()
        self.token_classifier = token_classifier
        self.head = head
        self.config = token_classifier.config

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor
    ) -> TokenClassifierOutput:
        """Concatenated entity and quote logits for a padded batch."""
        hidden = self.token_classifier.base_model(
            input_ids=input_ids, attention_mask=attention_mask
        ).last_hidden_state
        entity = self.token_classifier.classifier(hidden)
        quote = self.head(hidden, attention_mask)
        return TokenClassifierOutput(logits=torch.cat([entity, quote.to(entity.dtype)], dim=-1))


def head_settings(config: Any) -> dict[str, Any] | None:
    """The ``quote_head`` settings of a model config, or None when it has no quote head."""
    settings = getattr(config, CONFIG_KEY, None)
    return dict(settings) if settings else None


def load_quote_head(path: str | Path, config: Any) -> QuoteHead | None:
    """The quote head stored beside a checkpoint, or None when the checkpoint has none."""
    settings = head_settings(config)
    file = Path(path) / HEAD_FILE
    if settings is None or not file.exists():
        return None
    head = QuoteHead(config, layers=int(settings["layers"]), num_labels=len(settings["labels"]))
    head.load_state_dict(load_file(file))
    return head.eval()


def save_quote_head(
    path: str | Path, head: QuoteHead, labels: Sequence[str], metrics: dict[str, Any]
) -> None:
    """Write the head into a checkpoint directory and record it in its ``config.json``."""
    path = Path(path)
    state = {k: v.detach().contiguous() for k, v in head.state_dict().items()}
    save_file(state, path / HEAD_FILE)
    config_file = path / "config.json"
    config = json.loads(config_file.read_text(encoding="utf-8"))
    config[CONFIG_KEY] = {"labels": list(labels), "layers": len(head.layers), "metrics": metrics}
    config_file.write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", "utf-8")


def char_spans_to_token_labels(
    offsets: Sequence[tuple[int, int]], spans: Sequence[tuple[int, int, str]]
) -> list[int]:
    """BIO label ids (indices into ``QUOTE_LABELS``) for tokens with character ``offsets``.

    A token belongs to a span when its characters lie inside it. Where spans nest, the shorter
    span wins (a speaker or cue inside a quote keeps its own label).
    """
    ids = [0] * len(offsets)
    for start, end, label in sorted(spans, key=lambda s: s[0] - s[1]):  # longest first
        begin = QUOTE_LABELS.index(f"B-{label}")
        first = True
        for i, (a, b) in enumerate(offsets):
            if b <= a or a < start or b > end:
                continue
            ids[i] = begin if first else begin + 1
            first = False
    return ids


@lru_cache(maxsize=8)
def _quote_layout(labels: tuple[str, ...]) -> tuple[dict[str, int], LabelScheme]:
    """Label → index, and the BIO scheme of the short (CUE, SPEAKER) spans."""
    index = {label: i for i, label in enumerate(labels)}
    return index, LabelScheme.from_labels(labels, span_types=SHORT_TYPES)


def decode_quote_words(
    text: str,
    starts: Sequence[int],
    ends: Sequence[int],
    probs: np.ndarray,
    labels: Sequence[str],
) -> list[EntitySpan]:
    """Word-level quote-head probabilities ``(words, labels)`` to QUOTE / CUE / SPEAKER spans.

    Quotes are long, and word-by-word BIO argmax breaks them into fragments, so a QUOTE is a
    run of words whose inside probability (B + I) exceeds one half, with gaps of up to
    ``MAX_QUOTE_GAP`` words bridged and a ``B-QUOTE`` argmax word starting a new quote; runs
    shorter than ``MIN_QUOTE_WORDS`` are dropped. CUE and SPEAKER are decoded as BIO spans.
    """
    index, scheme = _quote_layout(tuple(labels))
    spans: list[EntitySpan] = []
    if "B-QUOTE" in index and "I-QUOTE" in index:
        b, i = probs[:, index["B-QUOTE"]], probs[:, index["I-QUOTE"]]
        inside = (b + i) > 0.5
        words = np.flatnonzero(inside)
        begins = set(np.flatnonzero(probs.argmax(axis=1) == index["B-QUOTE"]).tolist())
        run: list[int] = []

        def close() -> None:
            if len(run) >= MIN_QUOTE_WORDS:
                first, last = run[0], run[-1]
                score = float((b + i)[first : last + 1].mean())
                spans.append(EntitySpan(starts[first], ends[last], "QUOTE", score))

        for w in words.tolist():
            if run and (w - run[-1] > MAX_QUOTE_GAP + 1 or w in begins):
                close()
                run = []
            run.append(w)
        if run:
            close()
    ids = probs.argmax(axis=1)
    spans += decode_words(
        text, starts, ends, ids.tolist(), probs.max(axis=1).tolist(), scheme, None
    )
    return sorted(spans, key=lambda s: (s.start, s.end))
