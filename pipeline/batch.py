"""Batch reprocessing runs: archives or a bounded Kafka replay in, events out, with a summary.

:func:`run_reprocess` builds the reprocess graph, runs it with progress lines (see
:mod:`pipeline.progress`) and returns a :class:`ReprocessSummary`: articles, events, quotes,
dead letters by error type and throughput, from the pipeline's Beam counters (namespace
``arabic_news_pipeline``) or, where a runner reports no metrics, from the workers' counts.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import apache_beam as beam
from apache_beam.metrics.metric import MetricsFilter

from pipeline.config import PipelineConfig
from pipeline.graph import build_reprocess_pipeline, pipeline_options
from pipeline.kafka_io import METRICS_NAMESPACE, ReadSettings
from pipeline.progress import Counts, ProgressMonitor, count_input_records, read_counts

LOG = logging.getLogger("pipeline.batch")
# Worker processes by default (each holds a copy of the model, about 1 GB with torch).
MAX_DEFAULT_WORKERS = 8
_DEAD_LETTER_PREFIX = "dead_letters_"


@dataclass
class ReprocessSummary:
    """What a reprocessing run did."""

    articles: int
    events: int
    quotes: int
    dead_letters: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    records_read: int | None = None

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds > 0 else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "events": self.events,
            "quotes": self.quotes,
            "dead_letters": dict(sorted(self.dead_letters.items())),
            "seconds": round(self.seconds, 1),
            "articles_per_s": round(self.articles_per_s, 2),
            "records_read": self.records_read,
        }

    def text(self) -> str:
        letters = ", ".join(f"{k} {v}" for k, v in sorted(self.dead_letters.items())) or "none"
        return (
            f"reprocessed {self.articles} articles in {self.seconds:.1f} s "
            f"({self.articles_per_s:.1f} articles/s): {self.events} article events, "
            f"{self.quotes} quote events, {sum(self.dead_letters.values())} dead letters "
            f"({letters})"
        )


def counters(result: beam.runners.runner.PipelineResult) -> dict[str, int]:
    """The pipeline's counters summed over steps (committed values, else attempted)."""
    totals: dict[str, int] = {}
    try:
        query = result.metrics().query(MetricsFilter().with_namespace(METRICS_NAMESPACE))
    except (NotImplementedError, AttributeError, RuntimeError) as exc:
        LOG.warning("the runner reports no metrics: %s", exc)
        return totals
    for counter in query.get("counters", []):
        value = counter.committed if counter.committed is not None else counter.attempted
        name = counter.key.metric.name
        totals[name] = totals.get(name, 0) + int(value or 0)
    return totals


def summarize(totals: dict[str, int], fallback: Counts, seconds: float) -> ReprocessSummary:
    """A summary from Beam counters, or from the workers' progress counts without them."""
    if "article_events" in totals or any(k.startswith(_DEAD_LETTER_PREFIX) for k in totals):
        letters = {
            name[len(_DEAD_LETTER_PREFIX) :]: value
            for name, value in totals.items()
            if name.startswith(_DEAD_LETTER_PREFIX) and value
        }
        events = totals.get("article_events", 0)
        return ReprocessSummary(
            articles=events + sum(letters.values()),
            events=events,
            quotes=totals.get("quote_events", 0),
            dead_letters=letters,
            seconds=seconds,
            records_read=totals.get("records_read"),
        )
    return ReprocessSummary(
        articles=fallback.articles,
        events=fallback.events,
        quotes=fallback.quotes,
        dead_letters=dict(fallback.dead_letters),
        seconds=seconds,
    )


def direct_workers_args(
    config: PipelineConfig,
    beam_args: Sequence[str],
    workers: int | None,
    kafka_replay: bool = False,
) -> list[str]:
    """Beam flags running the DirectRunner with ``workers`` processes (None: one per core, or
    one for a Kafka replay, which that runner reads with one worker only: see
    :func:`pipeline.graph.check_kafka_read_options`).

    Measured on 2 cores (README, "Batch reprocessing"): two worker processes with one torch
    thread each are 1.7x faster than one process with two threads, which leaves a core idle
    during the single-threaded Python steps (parsing, attribution, event building). Each
    worker gets ``cores // workers`` torch threads unless ``model.threads`` is set. Other
    runners, or worker flags already given, are left alone.
    """
    flags = list(beam_args)
    given = any(flag.startswith("--direct_num_workers") for flag in flags)
    if (
        given
        or config.runner.name != "DirectRunner"
        or "direct_num_workers" in config.runner.options
    ):
        return flags
    cores = os.cpu_count() or 1
    if workers is None:
        workers = 1 if kafka_replay else min(cores, MAX_DEFAULT_WORKERS)
    if workers <= 1:
        return flags
    if config.model.threads == 0:
        config.model.threads = max(1, cores // workers)
    return [*flags, f"--direct_num_workers={workers}", "--direct_running_mode=multi_processing"]


def run_reprocess(
    config: PipelineConfig,
    input_pattern: str | None,
    output_path: str | None,
    replay: ReadSettings | None = None,
    beam_args: Sequence[str] = (),
    num_shards: int = 0,
    progress_interval_s: float = 10.0,
    output_format: str = "jsonl",
) -> ReprocessSummary:
    """Run one reprocessing job to the end and return its summary (also logged)."""
    total = None
    if replay is None and input_pattern and progress_interval_s > 0:
        total = count_input_records(input_pattern)
        if total is not None:
            LOG.info("reprocess: %d input records in %s", total, input_pattern)
    options = pipeline_options(config, streaming=False, extra=beam_args)
    with tempfile.TemporaryDirectory(prefix="reprocess-progress-") as progress_dir:
        pipeline = beam.Pipeline(options=options)
        build_reprocess_pipeline(
            pipeline,
            config,
            input_pattern,
            output_path,
            replay,
            num_shards=num_shards,
            progress_dir=progress_dir,
            output_format=output_format,
        )
        started = time.monotonic()
        with ProgressMonitor(progress_dir, total, progress_interval_s):
            result = pipeline.run()
            result.wait_until_finish()
        seconds = time.monotonic() - started
        summary = summarize(counters(result), read_counts(progress_dir), seconds)
    LOG.info("%s", summary.text())
    LOG.debug("summary: %s", json.dumps(summary.to_json()))
    return summary
