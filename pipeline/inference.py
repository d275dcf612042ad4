"""Model inference for Beam's RunInference: a ModelHandler around :class:`models.tagger.Tagger`.

One element is one article already cut into windows, or an input that an earlier stage
rejected: rejected inputs pass through untouched (the graph has no Flatten, so that the whole
pipeline stays one fused stage and offsets are committed only after the writes). The handler
flattens the windows of a whole batch of articles, lets the tagger sort them by length and
pack them by token budget (dynamic padding), and maps the entity spans (and the quote head's
QUOTE / CUE / SPEAKER spans, from the same forward pass) back to article offsets. When a
batch fails, its articles are retried one by one so that a single bad article becomes a dead
letter without taking its neighbours with it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import torch
from apache_beam.ml.inference.base import ModelHandler, PredictionResult

from models.quantize import quantize_tagger
from models.spans import EntitySpan, Tagging
from models.tagger import Tagger
from pipeline.contracts import ParsedArticle, Rejected
from pipeline.text import Window

LOG = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class WindowedArticle:
    """A parsed article and the windows the model reads."""

    parsed: ParsedArticle
    windows: tuple[Window, ...]


@dataclass(frozen=True, slots=True)
class InferenceFailure:
    """The inference result of an article whose model step raised."""

    error_type: str
    message: str


Prediction = Tagging | InferenceFailure | None


def _shift(span: EntitySpan, offset: int) -> EntitySpan:
    return EntitySpan(span.start + offset, span.end + offset, span.label, span.score)


class TaggerModelHandler(ModelHandler[WindowedArticle | Rejected, Prediction, Tagger]):
    """Loads the tagger once per worker process and runs it on batches of articles."""

    def __init__(
        self,
        model_path: str,
        device: str = "auto",
        label_map: Mapping[str, str] | None = None,
        max_tokens_per_batch: int = 8192,
        max_articles_per_batch: int = 64,
        cuda_max_tokens_per_batch: int = 65536,
        quantize: str = "none",
        threads: int = 0,
        runtime: str = "torch",
        use_quote_head: bool = True,
        use_known_names: bool = True,
    ) -> None:
        # Beam batches whole articles; the tagger packs their windows into forward passes
        # bounded by the token budget (a larger one on CUDA). A fixed batch size: Beam's
        # adaptive sizing starts at one article and, since a forward pass has little fixed
        # cost, settles on a few, which leaves the token budget mostly unused. A bundle's last
        # batch is flushed at the bundle's end, so small streaming bundles are not held back.
        super().__init__(
            min_batch_size=max_articles_per_batch, max_batch_size=max_articles_per_batch
        )
        self._model_path = model_path
        self._device = device
        self._label_map = dict(label_map or {})
        self._max_tokens_per_batch = max_tokens_per_batch
        self._cuda_max_tokens_per_batch = cuda_max_tokens_per_batch
        self._quantize = quantize
        self._runtime = runtime
        self._threads = threads
        self._use_quote_head = use_quote_head
        self._use_known_names = use_known_names

    def load_model(self) -> Tagger:
        if self._threads > 0:
            torch.set_num_threads(self._threads)
        tagger = Tagger.from_pretrained(
            self._model_path,
            device=self._device,
            label_map=self._label_map,
            quote_head=self._use_quote_head,
            known_names=self._use_known_names,
        )
        quantize_tagger(tagger, self._quantize, self._runtime)
        cpu = tagger.device.type == "cpu"
        LOG.info(
            "loaded model %s %s on %s (runtime=%s, quantize=%s, %d threads)",
            tagger.name,
            tagger.version,
            tagger.device,
            self._runtime if cpu else "torch",
            self._quantize if cpu else "none",
            torch.get_num_threads(),
        )
        return tagger

    def run_inference(
        self,
        batch: Sequence[WindowedArticle | Rejected],
        model: Tagger,
        inference_args: dict[str, Any] | None = None,
    ) -> Iterable[PredictionResult]:
        articles = [item for item in batch if isinstance(item, WindowedArticle)]
        spans: list[Prediction]
        try:
            spans = list(self._predict(articles, model))
        except Exception:  # noqa: BLE001 - retry one by one to isolate the failing article
            spans = [self._predict_one(item, model) for item in articles]
        by_article = iter(spans)
        return [
            PredictionResult(
                example=item,
                inference=next(by_article) if isinstance(item, WindowedArticle) else None,
                model_id=model.version,
            )
            for item in batch
        ]

    def _predict(self, batch: Sequence[WindowedArticle], model: Tagger) -> list[Tagging]:
        texts = [w.text for item in batch for w in item.windows]
        budget = self._max_tokens_per_batch
        if model.device.type == "cuda":
            budget = self._cuda_max_tokens_per_batch
        predicted = model.tag(texts, max_tokens_per_batch=budget)
        results: list[Tagging] = []
        position = 0
        for item in batch:
            entities: list[EntitySpan] = []
            quote_spans: list[EntitySpan] = []
            for window in item.windows:
                tagged = predicted[position]
                entities.extend(_shift(s, window.start) for s in tagged.entities)
                quote_spans.extend(_shift(s, window.start) for s in tagged.quote_spans)
                position += 1
            results.append(Tagging(entities, quote_spans))
        return results

    def _predict_one(self, item: WindowedArticle, model: Tagger) -> Tagging | InferenceFailure:
        try:
            return self._predict([item], model)[0]
        except Exception as exc:  # noqa: BLE001 - reported as a dead letter downstream
            LOG.warning("inference failed for article %r: %s", item.parsed.article.id, exc)
            return InferenceFailure(type(exc).__name__, str(exc))

    def get_metrics_namespace(self) -> str:
        return "arabic_news_tagger"

    def share_model_across_processes(self) -> bool:
        return False
