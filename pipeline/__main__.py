"""Command line: ``python -m pipeline {stream,reprocess,produce,tail,topics}``."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
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


def cmd_reprocess(args: argparse.Namespace) -> int:
    """Batch: files (or a bounded Kafka replay) → events as JSONL files (or Kafka topics)."""
    import apache_beam as beam

    from pipeline.graph import build_reprocess_pipeline, pipeline_options, read_settings

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
        )
    elif not args.input:
        raise SystemExit("reprocess needs --input or --kafka-replay")
    if not args.output:
        _ensure_topics(config)
    options = pipeline_options(config, streaming=False, extra=args.beam_args)
    started = time.monotonic()
    with beam.Pipeline(options=options) as pipeline:
        build_reprocess_pipeline(pipeline, config, args.input, args.output, replay)
    LOG.info("reprocess finished in %.1f s", time.monotonic() - started)
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
    p.add_argument("--start-timestamp-ms", type=int)
    p.add_argument("--stop-timestamp-ms", type=int)
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
