"""Inference API: named-entity spans for whole articles from any HF token-classification model.

When the checkpoint carries a quote head (``models.quote_head``), the same forward pass also
gives QUOTE / CUE / SPEAKER spans.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import torch
from tokenizers import Encoding, Tokenizer
from transformers import (
    AutoModelForTokenClassification,
    AutoTokenizer,
    PreTrainedModel,
    PreTrainedTokenizerBase,
)

from models.decoding import (
    OUTSIDE,
    EntityDecoding,
    LabelScheme,
    decode_distributions,
    decode_words,
)
from models.known_names import KNOWN_NAMES_FILE, KnownNames
from models.lexicon import LEXICON_FILE, Lexicon
from models.quote_head import (
    EntityAndQuoteTagger,
    decode_quote_words,
    head_settings,
    load_quote_head,
)
from models.spans import EntitySpan, Tagging
from models.training import autocast, resolve_device


class Tagger:
    """Entity (and quote) tagger over original text offsets; long texts are covered with windows.

    ``model`` is a Hugging Face token classifier, or an :class:`EntityAndQuoteTagger` whose
    logits are the entity labels followed by the quote labels.
    """

    def __init__(
        self,
        tokenizer: PreTrainedTokenizerBase,
        model: PreTrainedModel | EntityAndQuoteTagger,
        *,
        name: str,
        version: str,
        device: str | torch.device = "auto",
        label_map: Mapping[str, str] | None = None,
        max_length: int = 512,
        lexicon: Lexicon | None = None,
        known_names: KnownNames | None = None,
    ) -> None:
        if not tokenizer.is_fast:
            raise ValueError("Tagger needs a fast (tokenizers-backed) tokenizer")
        self.tokenizer = tokenizer
        self.device = resolve_device(device) if isinstance(device, str) else device
        self.model = model.to(self.device).eval()
        self.name = name
        self.version = version
        self.lexicon = lexicon
        self.known_names = known_names
        labels = [model.config.id2label[i] for i in range(model.config.num_labels)]
        self.scheme = LabelScheme.from_labels(labels, label_map)
        self._outside = np.array([k == OUTSIDE for k in self.scheme.kinds])
        self.num_entity_labels = len(labels)
        quote = head_settings(model.config) if isinstance(model, EntityAndQuoteTagger) else None
        self.quote_labels: list[str] = list(quote["labels"]) if quote else []
        self._width = len(labels) + len(self.quote_labels)
        self.merge_adjacent = bool(getattr(model.config, "merge_adjacent_entities", False))
        # thresholds the checkpoint selected on its dev set; None: argmax BIO decoding
        self.entity_decoding: EntityDecoding | None = EntityDecoding.from_config(model.config)
        limit = getattr(model.config, "max_position_embeddings", max_length) or max_length
        if getattr(model.config, "model_type", "") in ("roberta", "xlm-roberta", "camembert"):
            limit -= 2  # RoBERTa-style position ids start after the padding index
        self.max_length = min(max_length, limit)
        self._backend = Tokenizer.from_str(tokenizer.backend_tokenizer.to_str())
        self._backend.no_truncation()
        self._backend.no_padding()
        cls_id = tokenizer.cls_token_id
        cls_id = tokenizer.bos_token_id if cls_id is None else cls_id
        sep_id = tokenizer.sep_token_id
        sep_id = tokenizer.eos_token_id if sep_id is None else sep_id
        self._prefix = [cls_id] if cls_id is not None else []
        self._suffix = [sep_id] if sep_id is not None else []
        self._pad_id = tokenizer.pad_token_id or 0
        self._body = self.max_length - len(self._prefix) - len(self._suffix)
        self._stride = self._body // 4

    @classmethod
    def from_pretrained(
        cls,
        path: str | Path,
        device: str = "auto",
        label_map: Mapping[str, str] | None = None,
        max_length: int = 512,
        quote_head: bool = True,
        known_names: bool = False,
    ) -> Tagger:
        """Load a local token-classification checkpoint (tokenizer, model, optional lexicon and,
        unless ``quote_head`` is false, its quote head; with ``known_names``, its list of names
        found again where the model misses them, when it has one)."""
        path = Path(path)
        tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
        model = AutoModelForTokenClassification.from_pretrained(
            path, local_files_only=True, dtype=torch.float32
        )
        head = load_quote_head(path, model.config) if quote_head else None
        lex_path = path / LEXICON_FILE
        names_path = path / KNOWN_NAMES_FILE
        lexicon = Lexicon.load(lex_path) if lex_path.exists() else None
        return cls(
            tokenizer,
            model if head is None else EntityAndQuoteTagger(model, head),
            name=getattr(model.config, "model_name", None) or path.resolve().name,
            version=getattr(model.config, "model_version", None) or "unversioned",
            device=device,
            label_map=label_map,
            max_length=max_length,
            lexicon=lexicon,
            known_names=KnownNames.load(names_path, lexicon)
            if known_names and names_path.exists()
            else None,
        )

    def _encode(self, texts: Sequence[str]) -> list[Encoding]:
        return self._backend.encode_batch(list(texts), add_special_tokens=False)

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        """Model tokens per text (special tokens included; may exceed ``max_length``)."""
        extra = len(self._prefix) + len(self._suffix)
        return [len(enc.ids) + extra for enc in self._encode(texts)]

    def _windows(self, n: int) -> list[tuple[int, int, int, int]]:
        """``(start, end, own_start, own_end)`` token windows covering ``n`` tokens."""
        body, step = self._body, self._body - self._stride
        if n <= body:
            return [(0, n, 0, n)]
        starts = [*range(0, n - body, step), n - body]
        out = []
        for k, s in enumerate(starts):
            e = s + body
            own_s = 0 if k == 0 else (s + starts[k - 1] + body) // 2
            own_e = n if k == len(starts) - 1 else (starts[k + 1] + e) // 2
            out.append((s, e, own_s, own_e))
        return out

    @property
    def has_quote_head(self) -> bool:
        """Whether the model also predicts QUOTE / CUE / SPEAKER spans."""
        return bool(self.quote_labels)

    def predict(
        self, texts: Sequence[str], max_tokens_per_batch: int = 8192
    ) -> list[list[EntitySpan]]:
        """Entity spans for each text (character offsets into that text, end exclusive)."""
        return [t.entities for t in self.tag(texts, max_tokens_per_batch)]

    def tag(self, texts: Sequence[str], max_tokens_per_batch: int = 8192) -> list[Tagging]:
        """Entity spans and, with a quote head, quote spans for each text, in one forward pass."""
        outputs = self.logits(texts, max_tokens_per_batch)
        return [self.decode(text, enc, lg) for text, (enc, lg) in zip(texts, outputs, strict=True)]

    @torch.inference_mode()
    def logits(
        self, texts: Sequence[str], max_tokens_per_batch: int = 8192
    ) -> list[tuple[Encoding, np.ndarray]]:
        """Per text: its encoding and the model's token logits (:meth:`decode` turns them into
        spans, so other decoding settings can be tried without running the model again)."""
        encodings = self._encode(texts)
        ids = [np.asarray(enc.ids, dtype=np.int64) for enc in encodings]
        logits = [np.empty((len(a), self._width), np.float32) for a in ids]
        items = [(t, w) for t, a in enumerate(ids) if len(a) for w in self._windows(len(a))]
        items.sort(key=lambda it: it[1][1] - it[1][0])
        extra = len(self._prefix) + len(self._suffix)
        batch: list[tuple[int, tuple[int, int, int, int]]] = []
        for item in items:
            width = item[1][1] - item[1][0] + extra
            if batch and width * (len(batch) + 1) > max_tokens_per_batch:
                self._run(batch, ids, logits)
                batch = []
            batch.append(item)
        if batch:
            self._run(batch, ids, logits)
        return list(zip(encodings, logits, strict=True))

    def _run(
        self,
        batch: list[tuple[int, tuple[int, int, int, int]]],
        ids: list[np.ndarray],
        logits: list[np.ndarray],
    ) -> None:
        pre, suf = len(self._prefix), len(self._suffix)
        width = max(e - s for _, (s, e, _, _) in batch) + pre + suf
        input_ids = np.full((len(batch), width), self._pad_id, dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.int64)
        for row, (t, (s, e, _, _)) in enumerate(batch):
            n = e - s + pre + suf
            input_ids[row, :n] = np.concatenate([self._prefix, ids[t][s:e], self._suffix])
            mask[row, :n] = 1
        device = self.device
        ids_t, mask_t = torch.from_numpy(input_ids), torch.from_numpy(mask)
        if device.type == "cuda":  # pinned host memory: asynchronous host-to-device copies
            ids_t, mask_t = ids_t.pin_memory(), mask_t.pin_memory()
        with autocast(device, bf16=device.type == "cuda"):
            out = self.model(
                input_ids=ids_t.to(device, non_blocking=True),
                attention_mask=mask_t.to(device, non_blocking=True),
            ).logits
        out = out.float().cpu().numpy()
        for row, (t, (s, _, own_s, own_e)) in enumerate(batch):
            logits[t][own_s:own_e] = out[row, pre + own_s - s : pre + own_e - s]

    def decode(self, text: str, enc: Encoding, logits: np.ndarray) -> Tagging:
        """Spans of ``text`` from its :meth:`logits` output, with the current decoding settings."""
        if not len(enc.ids):
            return Tagging([], [])
        word_ids = np.array([-1 if w is None else w for w in enc.word_ids], dtype=np.int64)
        offsets = np.asarray(enc.offsets, dtype=np.int64)
        valid = word_ids >= 0
        first = np.flatnonzero(valid & np.r_[True, word_ids[1:] != word_ids[:-1]])
        last = np.flatnonzero(valid & np.r_[word_ids[:-1] != word_ids[1:], True])
        starts, ends = offsets[first, 0].tolist(), offsets[last, 1].tolist()
        n = self.num_entity_labels
        entities = self._decode_entities(text, starts, ends, logits[first, :n])
        if self.known_names is not None:
            entities = self.known_names.add_to(text, entities)
        quotes: list[EntitySpan] = []
        if self.quote_labels:
            probs = _softmax(logits[first, n:])
            quotes = decode_quote_words(text, starts, ends, probs, self.quote_labels)
        return Tagging(entities, quotes)

    def _decode_entities(
        self, text: str, starts: list[int], ends: list[int], word_logits: np.ndarray
    ) -> list[EntitySpan]:
        if self.entity_decoding is not None:
            return decode_distributions(
                text,
                starts,
                ends,
                _softmax(word_logits),
                self.scheme,
                self.lexicon,
                self.entity_decoding,
            )
        label_ids = word_logits.argmax(axis=1)
        candidates = np.flatnonzero(~self._outside[label_ids])
        if not len(candidates):
            return []
        shifted = word_logits - word_logits.max(axis=1, keepdims=True)
        probs = 1.0 / np.exp(shifted).sum(axis=1)
        return decode_words(
            text,
            starts,
            ends,
            label_ids.tolist(),
            probs.tolist(),
            self.scheme,
            self.lexicon,
            candidates.tolist(),
            self.merge_adjacent,
        )


def _softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise softmax."""
    shifted = np.exp(logits - logits.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)
