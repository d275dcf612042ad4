"""The one place where the Beam graph is built from configuration."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import apache_beam as beam
from apache_beam.options.pipeline_options import DirectOptions, PipelineOptions, StandardOptions

from models.known_names import KNOWN_NAMES_FILE
from models.lexicon import LEXICON_FILE
from pipeline.config import REPO_ROOT, PipelineConfig
from pipeline.events import ModelInfo
from pipeline.file_io import ReadArticleFiles, WriteOutputFiles
from pipeline.kafka_io import ReadFromKafka, ReadSettings, WriteToKafka
from pipeline.progress import ProgressFn
from pipeline.transforms import AnalyzeRecords

# Beam's DirectRunner first tries to download the Prism binary from GitHub and falls back to
# its in-process engine (FnApiRunner) when that fails. Offline, and to never reach out at run
# time, "DirectRunner" here selects that in-process engine directly.
_RUNNER_ALIASES = {
    "DirectRunner": "apache_beam.runners.portability.fn_api_runner.fn_runner.FnApiRunner"
}

# Runner options naming local files, which configs give relative to the repository root.
_REPO_PATH_OPTIONS = frozenset({"prism_location", "flink_job_server_jar", "spark_job_server_jar"})


def describe_model(path: str | Path) -> ModelInfo:
    """Name and version of a checkpoint; the version includes a hash of its weights and of the
    word lists that decode them (``lexicon.tsv``, ``known_names.tsv``)."""
    path = Path(path)
    config = json.loads((path / "config.json").read_text(encoding="utf-8"))
    name = config.get("model_name") or path.name
    digest = hashlib.sha256()
    weights = sorted(path.glob("*.safetensors")) or sorted(path.glob("*.bin"))
    if not weights:
        raise FileNotFoundError(f"no weights (*.safetensors or *.bin) in {path}")
    lists = [path / name for name in (LEXICON_FILE, KNOWN_NAMES_FILE) if (path / name).exists()]
    for weight_file in [*weights, *lists]:
        with weight_file.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    declared = config.get("model_version") or "0"
    return ModelInfo(name=name, version=f"{declared}+{digest.hexdigest()[:12]}")


def pipeline_options(
    config: PipelineConfig, streaming: bool, extra: Sequence[str] = ()
) -> PipelineOptions:
    """PipelineOptions from the runner section of the configuration plus command-line flags."""
    runner = _RUNNER_ALIASES.get(config.runner.name, config.runner.name)
    flags = [f"--runner={runner}"]
    for key, value in config.runner.options.items():
        local = "://" not in str(value) and not Path(str(value)).is_absolute()
        if key in _REPO_PATH_OPTIONS and local:
            value = REPO_ROOT / str(value)  # local binaries and jars named relative to the repo
        flags.append(f"--{key}" if value is True else f"--{key}={value}")
    flags.extend(extra)
    options = PipelineOptions(flags)
    options.view_as(StandardOptions).streaming = streaming
    return options


def check_kafka_read_options(options: PipelineOptions) -> None:
    """Refuse a Kafka read on the DirectRunner's in-process engine with more than one worker.

    That engine drops the rest of a partition's offset range that a bundle defers to the next
    one (apache/beam#19842): the job would end early, without an error, having read only what
    its first polls returned.
    """
    runner = str(options.view_as(StandardOptions).runner or "DirectRunner")
    in_process = runner.rsplit(".", 1)[-1] in ("DirectRunner", "FnApiRunner")
    workers = options.view_as(DirectOptions).direct_num_workers or 1
    if in_process and workers > 1:
        raise ValueError(
            f"reading Kafka on the DirectRunner needs direct_num_workers=1 (got {workers}): its "
            "in-process engine loses the unread part of a partition with more workers; "
            "use one worker, or Prism, Flink or Spark for parallel reads"
        )


def output_topics(config: PipelineConfig) -> dict[str, str]:
    """Output stream name → Kafka topic."""
    topics = config.kafka.topics
    return {"events": topics.events, "quotes": topics.quotes, "dead_letter": topics.dead_letter}


def read_settings(
    config: PipelineConfig,
    bounded: bool,
    start_from: str | None = None,
    start_timestamp_ms: int | None = None,
    stop_timestamp_ms: int | None = None,
    use_group: bool = True,
    start_offsets: Mapping[int, int] | None = None,
    stop_offsets: Mapping[int, int] | None = None,
) -> ReadSettings:
    """How the pipeline reads its input topic (replays read without the consumer group)."""
    kafka = config.kafka
    return ReadSettings(
        topic=kafka.topics.input,
        client_config=config.kafka_client_config(),
        group_id=kafka.consumer_group if use_group else None,
        start_from=start_from or kafka.start_from,
        reset_to=kafka.reset_to,
        start_timestamp_ms=start_timestamp_ms or kafka.start_timestamp_ms,
        bounded=bounded,
        stop_timestamp_ms=stop_timestamp_ms,
        start_offsets=dict(start_offsets or {}),
        stop_offsets=dict(stop_offsets or {}),
        poll_timeout_ms=kafka.poll_timeout_ms,
        max_records_per_poll=kafka.max_records_per_poll,
    )


def build_stream_pipeline(
    pipeline: beam.Pipeline, config: PipelineConfig, settings: ReadSettings, commit: bool = True
) -> None:
    """Kafka → analysis → Kafka; input offsets are committed after their events are written."""
    check_kafka_read_options(pipeline.options)
    model = describe_model(config.model.path)
    _ = (
        pipeline
        | "ReadArticles" >> ReadFromKafka(settings)
        | "Analyze" >> AnalyzeRecords(config, model)
        | "WriteEvents"
        >> WriteToKafka(
            config.kafka_client_config(),
            output_topics(config),
            commit_group_id=settings.group_id if commit else None,
            status_interval_s=config.processing.status_log_interval_s,
        )
    )


def build_reprocess_pipeline(
    pipeline: beam.Pipeline,
    config: PipelineConfig,
    input_pattern: str | None,
    output_path: str | None,
    kafka_settings: ReadSettings | None = None,
    num_shards: int = 0,
    progress_dir: str | None = None,
    output_format: str = "jsonl",
) -> None:
    """Files (or a bounded Kafka replay) → analysis → JSONL or Parquet files (or Kafka topics).

    ``num_shards``: see :class:`WriteOutputFiles`. ``progress_dir``: where workers leave their
    running counts for :class:`pipeline.progress.ProgressMonitor` (a local directory).
    """
    model = describe_model(config.model.path)
    if kafka_settings is not None:
        check_kafka_read_options(pipeline.options)
        records = pipeline | "ReplayArticles" >> ReadFromKafka(kafka_settings)
    elif input_pattern:
        records = pipeline | "ReadArticles" >> ReadArticleFiles(input_pattern)
    else:
        raise ValueError("reprocess needs an input pattern or a Kafka replay")
    outputs = records | "Analyze" >> AnalyzeRecords(config, model)
    if progress_dir:
        outputs = outputs | "Progress" >> beam.ParDo(ProgressFn(progress_dir))
    if output_path and output_format == "parquet":
        from pipeline.parquet import WriteParquetFiles  # pyarrow only where Parquet is asked for

        _ = outputs | "WriteParquet" >> WriteParquetFiles(output_path, num_shards)
    elif output_path:
        _ = outputs | "WriteFiles" >> WriteOutputFiles(output_path, num_shards)
    else:
        _ = outputs | "WriteEvents" >> WriteToKafka(
            config.kafka_client_config(), output_topics(config)
        )
