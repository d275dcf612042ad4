"""The pipeline's processing steps as PTransforms: raw records in, output records out.

``AnalyzeRecords`` = parse and validate → cut into windows → RunInference (tagger) →
quote attribution and entity resolution → events. Every input leaves as at least one
:class:`OutputRecord`: its events, or one dead letter saying which stage rejected it and why.

Rejected inputs travel down the same PCollection as valid articles instead of a side output:
a Flatten would make runners materialise the data between stages, and then output records
could no longer be written in the same bundle that read their input, which is what lets the
sink commit input offsets only after their answers are flushed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator

import apache_beam as beam
from apache_beam.metrics import Metrics
from apache_beam.ml.inference.base import PredictionResult, RunInference

from models.attribution import analyze
from pipeline.config import PipelineConfig
from pipeline.contracts import InputError, ParsedArticle, RawRecord, Rejected, parse_article
from pipeline.events import (
    ModelInfo,
    OutputRecord,
    build_article_event,
    build_dead_letter,
    build_quote_events,
    encode_json,
    utc_now,
)
from pipeline.inference import InferenceFailure, TaggerModelHandler, WindowedArticle
from pipeline.kafka_io import METRICS_NAMESPACE
from pipeline.text import split_windows

LOG = logging.getLogger(__name__)
DEAD_LETTER = "dead_letter"
# A dead letter must fit a broker's default message limit (1,048,588 bytes), or the sink
# could never deliver it and the stream would stall on it.
MAX_DEAD_LETTER_BYTES = 900_000


def dead_letter_record(
    record: RawRecord, stage: str, error_type: str, message: str
) -> OutputRecord:
    """An output record for the dead-letter topic, keyed like its input.

    The letter carries the input's key and value in base64, except when that would make it
    larger than ``MAX_DEAD_LETTER_BYTES`` (a ``too_large`` input, say): then they are left out
    (null) and the message says where the input still is (topic, partition, offset).
    """
    letter = build_dead_letter(record, stage, error_type, message, utc_now())
    value = encode_json(letter)
    key = record.key
    if len(value) > MAX_DEAD_LETTER_BYTES or (key is not None and len(key) > 1024):
        origin = record.origin
        letter["input"]["key_b64"] = letter["input"]["value_b64"] = None
        letter["error"]["message"] = (
            f"{letter['error']['message'][:1000]} [input of "
            f"{len(record.value or b'') + len(key or b'')} bytes left out of this dead letter; "
            f"it is at {origin.topic}/{origin.partition}@{origin.offset}]"
        )
        value = encode_json(letter)
        key = None if key is None else key[:1024]
    return OutputRecord(DEAD_LETTER, key, value, record.origin, error_type)


class _ParseFn(beam.DoFn):
    """Validates raw records into :class:`ParsedArticle` or :class:`Rejected`."""

    def __init__(self, max_bytes: int, max_id_chars: int, reject_non_arabic: bool = False) -> None:
        self._max_bytes = max_bytes
        self._max_id_chars = max_id_chars
        self._reject_non_arabic = reject_non_arabic
        self._valid = Metrics.counter(METRICS_NAMESPACE, "articles_valid")

    def process(self, record: RawRecord) -> Iterator[object]:
        try:
            article = parse_article(
                record, self._max_bytes, self._max_id_chars, self._reject_non_arabic
            )
        except InputError as exc:
            Metrics.counter(METRICS_NAMESPACE, f"dead_letters_{exc.code}").inc()
            yield Rejected(record, "parse", exc.code, str(exc))
            return
        self._valid.inc()
        yield ParsedArticle(article, record)


class _BuildEventsFn(beam.DoFn):
    """Prediction → attribution → ``article.analyzed`` and ``quote.attributed`` records."""

    def __init__(self, model: ModelInfo) -> None:
        self._model = model
        self._events = Metrics.counter(METRICS_NAMESPACE, "article_events")
        self._quotes = Metrics.counter(METRICS_NAMESPACE, "quote_events")
        self._latency = Metrics.distribution(METRICS_NAMESPACE, "processing_latency_ms")

    def process(self, result: PredictionResult) -> Iterator[OutputRecord]:
        item: WindowedArticle | Rejected = result.example
        if isinstance(item, Rejected):
            yield dead_letter_record(item.record, item.stage, item.error_type, item.message)
            return
        parsed = item.parsed
        record = parsed.record
        if isinstance(result.inference, InferenceFailure):
            Metrics.counter(METRICS_NAMESPACE, "dead_letters_model_error").inc()
            yield dead_letter_record(
                record,
                "inference",
                "model_error",
                f"{result.inference.error_type}: {result.inference.message}",
            )
            return
        try:
            tagging = result.inference
            analysis = analyze(parsed.article.text, tagging.entities, tagging.quote_spans)
            event = build_article_event(
                parsed.article, record.origin, analysis, self._model, utc_now()
            )
            quote_events = build_quote_events(event)
        except Exception as exc:  # noqa: BLE001 - one article's failure must not stop the stream
            LOG.warning("attribution failed for article %r: %s", parsed.article.id, exc)
            Metrics.counter(METRICS_NAMESPACE, "dead_letters_attribution_error").inc()
            yield dead_letter_record(
                record, "attribution", "attribution_error", f"{type(exc).__name__}: {exc}"
            )
            return
        key = parsed.article.id.encode("utf-8")
        yield OutputRecord("events", key, encode_json(event), record.origin)
        self._events.inc()
        for quote_event in quote_events:
            yield OutputRecord("quotes", key, encode_json(quote_event), record.origin)
        self._quotes.inc(len(quote_events))
        if record.origin.timestamp is not None:
            self._latency.update(max(0, int(time.time() * 1000) - record.origin.timestamp))


def _windowed(parsed: ParsedArticle | Rejected, max_chars: int) -> WindowedArticle | Rejected:
    if isinstance(parsed, Rejected):
        return parsed
    windows = tuple(w for w in split_windows(parsed.article.text, max_chars) if w.text.strip())
    return WindowedArticle(parsed, windows)


class AnalyzeRecords(beam.PTransform):
    """Raw input records → output records (events, quote events and dead letters)."""

    def __init__(self, config: PipelineConfig, model: ModelInfo) -> None:
        super().__init__()
        self._config = config
        self._model = model

    def expand(self, records: beam.PCollection) -> beam.PCollection:
        cfg = self._config
        parsed = records | "Parse" >> beam.ParDo(
            _ParseFn(
                cfg.processing.max_article_bytes,
                cfg.processing.max_id_chars,
                cfg.processing.reject_non_arabic,
            )
        )
        handler = TaggerModelHandler(
            cfg.model.path,
            device=cfg.model.device,
            label_map=cfg.model.label_map,
            max_tokens_per_batch=cfg.model.max_tokens_per_batch,
            max_articles_per_batch=cfg.model.max_articles_per_batch,
            cuda_max_tokens_per_batch=cfg.model.cuda_max_tokens_per_batch,
            quantize=cfg.model.quantize,
            runtime=cfg.model.runtime,
            threads=cfg.model.threads,
            use_quote_head=cfg.model.quote_head,
            use_known_names=cfg.model.known_names,
        )
        return (
            parsed
            | "SplitWindows" >> beam.Map(_windowed, cfg.model.max_window_chars)
            | "Tag" >> RunInference(handler)
            | "BuildEvents" >> beam.ParDo(_BuildEventsFn(self._model))
        )
