"""Command line: ``python -m pipeline {stream,reprocess,produce,tail,replay-dlq,topics}``."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from pipeline.config import PipelineConfig, load_config

LOG = logging.getLogger("pipeline")


def _config(args: argparse.Namespace) -> PipelineConfig:
    config = load_config(args.config)
    if getattr(args, "bootstrap_servers", None):
        config.kafka.bootstrap_servers = args.bootstrap_servers
    if getattr(args, "model", None):
        config.model.path = args.model
    if getattr(args, "device", None):
        config.model.device = args.device
    return config


def _ensure_topics(config: PipelineConfig) -> None:
    from pipeline.kafka_admin import ensure_topics

    topics = config.kafka.topics
    ensure_topics(
        config.kafka.bootstrap_servers,
        [topics.input, topics.events, topics.quotes, topics.dead_letter],
        partitions=config.kafka.partitions,
        replication_factor=config.kafka.replication_factor,
        client_config=config.kafka.client,
    )


def cmd_topics(args: argparse.Namespace) -> int:
    """Create the input and output topics if they are missing."""
    config = _config(args)
    _ensure_topics(config)
    print(f"topics ready on {config.kafka.bootstrap_servers}")
    return 0


def cmd_stream(args: argparse.Namespace) -> int:
    """Run the Kafka → Kafka pipeline (unbounded unless --bounded)."""
    import apache_beam as beam

    from pipeline.graph import build_stream_pipeline, pipeline_options, read_settings

    config = _config(args)
    _ensure_topics(config)
    settings = read_settings(config, bounded=args.bounded, start_from=args.start_from)
    options = pipeline_options(config, streaming=not args.bounded, extra=args.beam_args)
    LOG.info(
        "stream: %s → %s (group %s, start %s, %s)",
        settings.topic,
        config.kafka.topics.events,
        settings.group_id,
        settings.start_from,
        "bounded" if args.bounded else "unbounded",
    )
    with beam.Pipeline(options=options) as pipeline:
        build_stream_pipeline(pipeline, config, settings, commit=not args.no_commit)
    return 0


def _partition_offsets(text: str | None) -> dict[int, int]:
    """``"0:120,2:80"`` → {0: 120, 2: 80}; a bare ``"120"`` → {-1: 120}, every partition."""
    if not text:
        return {}
    if ":" not in text:
        return {-1: int(text)}  # every partition
    offsets = {}
    for part in text.split(","):
        partition, _, offset = part.partition(":")
        offsets[int(partition)] = int(offset)
    return offsets


def cmd_reprocess(args: argparse.Namespace) -> int:
    """Batch: archives (or a bounded Kafka replay) → events as files (or Kafka topics)."""
    from pipeline.batch import direct_workers_args, run_reprocess
    from pipeline.graph import read_settings

    config = _config(args)
    replay = None
    if args.kafka_replay:
        replay = read_settings(
            config,
            bounded=True,
            start_from="timestamp" if args.start_timestamp_ms is not None else "earliest",
            start_timestamp_ms=args.start_timestamp_ms,
            stop_timestamp_ms=args.stop_timestamp_ms,
            use_group=False,
            start_offsets=_partition_offsets(args.start_offsets),
            stop_offsets=_partition_offsets(args.stop_offsets),
        )
    elif not args.input:
        raise SystemExit("reprocess needs --input or --kafka-replay")
    if not args.output:
        _ensure_topics(config)
    beam_args = direct_workers_args(config, args.beam_args, args.workers, replay is not None)
    summary = run_reprocess(
        config,
        args.input,
        args.output,
        replay,
        beam_args=beam_args,
        num_shards=args.num_shards,
        progress_interval_s=args.progress_interval,
        output_format=args.format,
    )
    print(summary.text(), file=sys.stderr)
    if args.summary_json:
        Path(args.summary_json).write_text(json.dumps(summary.to_json(), indent=2) + "\n")
    return 0


def cmd_produce(args: argparse.Namespace) -> int:
    """Publish articles from files to the input topic."""
    from tqdm import tqdm

    from kafka import KafkaProducer
    from pipeline.archives import iter_messages

    config = _config(args)
    _ensure_topics(config)
    topic = args.topic or config.kafka.topics.input
    producer = KafkaProducer(acks="all", linger_ms=10, **config.kafka_client_config())
    sent = 0
    with tqdm(desc=f"produce → {topic}", unit=" msg", disable=args.quiet) as progress:
        for path in args.input:
            for value in iter_messages(Path(path)):
                key = None
                try:
                    key = str(json.loads(value)["id"]).encode("utf-8")
                except (ValueError, KeyError, TypeError):
                    pass  # invalid messages are published as they are, without a key
                producer.send(topic, key=key, value=value)
                sent += 1
                progress.update()
                if args.limit and sent >= args.limit:
                    break
            if args.limit and sent >= args.limit:
                break
    producer.flush()
    producer.close()
    print(f"published {sent} messages to {topic}")
    return 0


def cmd_tail(args: argparse.Namespace) -> int:
    """Print the events of an output topic readably (or as JSON with --json)."""
    from kafka import KafkaConsumer
    from pipeline.display import format_event

    config = _config(args)
    topics = config.kafka.topics
    topic = {"events": topics.events, "quotes": topics.quotes, "dlq": topics.dead_letter}.get(
        args.topic, args.topic
    )
    consumer = KafkaConsumer(
        topic,
        group_id=None,
        auto_offset_reset="earliest" if args.from_beginning else "latest",
        consumer_timeout_ms=int(args.idle_timeout * 1000) if args.idle_timeout else float("inf"),
        **config.kafka_client_config(),
    )
    seen = 0
    try:
        for message in consumer:
            event = json.loads(message.value)
            print(json.dumps(event, ensure_ascii=False) if args.json else format_event(event))
            seen += 1
            if args.max and seen >= args.max:
                break
    finally:
        consumer.close()
    if not args.json:
        print(f"— {seen} messages from {topic}", file=sys.stderr)
    return 0


def cmd_replay_dlq(args: argparse.Namespace) -> int:
    """Republish the inputs of dead letters to the input topic (after a fix)."""
    from pipeline.replay import replay_dead_letters

    config = _config(args)
    topics = config.kafka.topics
    report = replay_dead_letters(
        config.kafka_client_config(),
        topics.dead_letter,
        topics.input,
        group_id=None if args.all else args.group or f"{config.kafka.consumer_group}-dlq-replay",
        error_types=args.error_type or (),
        limit=args.limit,
        dry_run=args.dry_run,
    )
    verb = "would replay" if args.dry_run else "replayed"
    print(
        f"{verb} {sum(report.replayed.values())} of {report.read} dead letters "
        f"{dict(report.replayed)} to {topics.input}; skipped {dict(report.skipped)}"
    )
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m pipeline", description=__doc__)
    parser.add_argument("--log-level", default="INFO")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--config", help="YAML configuration (default: built-in defaults)")
        p.add_argument("--bootstrap-servers", help="Kafka servers (overrides config and env)")

    p = sub.add_parser("stream", help=cmd_stream.__doc__)
    common(p)
    p.add_argument("--model", help="checkpoint directory (overrides config)")
    p.add_argument("--device", choices=["auto", "cpu", "cuda"])
    p.add_argument("--bounded", action="store_true", help="stop at the end offsets seen at start")
    p.add_argument("--start-from", choices=["committed", "earliest", "latest"])
    p.add_argument("--no-commit", action="store_true", help="do not commit consumer offsets")
    p.add_argument("beam_args", nargs="*", help="extra Beam PipelineOptions after --")
    p.set_defaults(func=cmd_stream)

    p = sub.add_parser("reprocess", help=cmd_reprocess.__doc__)
    common(p)
    p.add_argument("--model", help="checkpoint directory (overrides config)")
    p.add_argument("--device", choices=["auto", "cpu", "cuda"])
    p.add_argument("--input", help="JSONL(.gz) path or glob, local or any Beam filesystem URL")
    p.add_argument(
        "--output",
        help="events JSONL path (quotes and dead letters beside it); "
        "without it, events go to the Kafka topics",
    )
    p.add_argument("--kafka-replay", action="store_true", help="read the input topic, bounded")
    p.add_argument("--start-timestamp-ms", type=int, help="replay from this message time")
    p.add_argument("--stop-timestamp-ms", type=int, help="replay up to this time (exclusive)")
    p.add_argument(
        "--start-offsets", help="replay from these offsets: 'PARTITION:OFFSET,...' or 'OFFSET'"
    )
    p.add_argument("--stop-offsets", help="replay up to these offsets (exclusive), same forms")
    p.add_argument(
        "--num-shards",
        type=int,
        default=0,
        help="files per output stream (0: one file each, at exactly --output and beside it)",
    )
    p.add_argument(
        "--workers",
        type=int,
        help="DirectRunner worker processes (default: one per core, at most 8, but one for "
        "--kafka-replay; 1: in-process)",
    )
    p.add_argument(
        "--format",
        choices=["jsonl", "parquet"],
        default="jsonl",
        help="output file format (parquet: see pipeline/parquet.py for the schema)",
    )
    p.add_argument(
        "--progress-interval", type=float, default=10.0, help="seconds between progress lines"
    )
    p.add_argument("--summary-json", help="also write the final summary as JSON to this path")
    p.add_argument("beam_args", nargs="*", help="extra Beam PipelineOptions after --")
    p.set_defaults(func=cmd_reprocess)

    p = sub.add_parser("produce", help=cmd_produce.__doc__)
    common(p)
    p.add_argument(
        "--input",
        nargs="+",
        required=True,
        help="JSONL(.gz), JSON or SaudiNewsNet .zip files or directories",
    )
    p.add_argument("--topic", help="default: the configured input topic")
    p.add_argument("--limit", type=int, default=0, help="publish at most this many messages")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_produce)

    p = sub.add_parser("tail", help=cmd_tail.__doc__)
    common(p)
    p.add_argument("--topic", default="events", help="events | quotes | dlq | a topic name")
    p.add_argument("--from-beginning", action="store_true")
    p.add_argument("--max", type=int, default=0, help="stop after this many messages")
    p.add_argument(
        "--idle-timeout", type=float, default=0, help="stop after this many idle seconds"
    )
    p.add_argument("--json", action="store_true", help="print raw JSON, one event per line")
    p.set_defaults(func=cmd_tail)

    p = sub.add_parser("replay-dlq", help=cmd_replay_dlq.__doc__)
    common(p)
    p.add_argument(
        "--error-type",
        action="append",
        help="replay only this error type (repeatable), e.g. model_error; default: all",
    )
    p.add_argument("--group", help="replay consumer group (default: <consumer_group>-dlq-replay)")
    p.add_argument(
        "--all", action="store_true", help="read the whole topic, ignoring the replay group"
    )
    p.add_argument("--limit", type=int, default=0, help="replay at most this many messages")
    p.add_argument("--dry-run", action="store_true", help="count, publish nothing")
    p.set_defaults(func=cmd_replay_dlq)

    p = sub.add_parser("topics", help=cmd_topics.__doc__)
    common(p)
    p.set_defaults(func=cmd_topics)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point."""
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("kafka").setLevel(logging.WARNING)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
