"""`make demo`: publish the seed article and SaudiNewsNet articles, stream them, show the events.

Steps: create the topics, note where the output topics end, publish the articles, start
``python -m pipeline stream`` in the background, follow the event topics until every
published article is answered (an event or a dead letter), print the events readably with a
progress bar, then stop the pipeline and print a summary with the measured throughput.
"""

from __future__ import annotations

import argparse
import itertools
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

from tqdm import tqdm

from kafka import KafkaConsumer, KafkaProducer, TopicPartition

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from pipeline.archives import iter_messages  # noqa: E402
from pipeline.config import load_config  # noqa: E402
from pipeline.display import format_event  # noqa: E402
from pipeline.kafka_admin import ensure_topics  # noqa: E402

FALLBACK_SAMPLE = REPO_ROOT / "samples" / "articles.jsonl"


def _articles(data_dir: Path, count: int) -> list[bytes]:
    seed = REPO_ROOT.parent / "shared" / "samples" / "seed_article.json"
    values = list(iter_messages(seed)) if seed.exists() else []
    archive = data_dir / "saudinewsnet"
    source = archive if archive.is_dir() else FALLBACK_SAMPLE
    print(f"articles: seed + up to {count} from {source}")
    values.extend(itertools.islice(iter_messages(source), count))
    return values


def _end_offsets(servers: str, topics: list[str], client: dict) -> dict[TopicPartition, int]:
    consumer = KafkaConsumer(bootstrap_servers=servers, **client)
    partitions = [
        TopicPartition(t, p) for t in topics for p in sorted(consumer.partitions_for_topic(t) or [])
    ]
    ends = consumer.end_offsets(partitions)
    consumer.close()
    return ends


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--config", default=str(REPO_ROOT / "configs" / "local.yaml"))
    parser.add_argument("--data-dir", default=str(REPO_ROOT.parent / "shared" / "data"))
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--show", type=int, default=6, help="print this many events in full")
    parser.add_argument("--timeout", type=float, default=1800)
    args = parser.parse_args()

    config = load_config(args.config)
    kafka = config.kafka
    servers, client = kafka.bootstrap_servers, kafka.client
    topics = kafka.topics
    ensure_topics(
        servers,
        [topics.input, topics.events, topics.quotes, topics.dead_letter],
        partitions=kafka.partitions,
        client_config=client,
    )
    values = _articles(Path(args.data_dir), args.articles)
    outputs = [topics.events, topics.dead_letter]
    starts = _end_offsets(servers, outputs, client)

    log_path = REPO_ROOT / "runs" / "demo-stream.log"
    log_path.parent.mkdir(exist_ok=True)
    print(f"starting the streaming pipeline (log: {log_path.relative_to(REPO_ROOT)})")
    stream = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "stream", "--config", args.config],
        cwd=REPO_ROOT,
        stdout=log_path.open("wb"),
        stderr=subprocess.STDOUT,
    )
    started = time.monotonic()
    producer = KafkaProducer(bootstrap_servers=servers, acks="all", linger_ms=10, **client)
    for value in tqdm(values, desc="publish", unit=" article"):
        key = json.loads(value)["id"].encode("utf-8")
        producer.send(topics.input, key=key, value=value)
    producer.flush()
    producer.close()

    consumer = KafkaConsumer(bootstrap_servers=servers, consumer_timeout_ms=1000, **client)
    consumer.assign(list(starts))
    for tp, offset in starts.items():
        consumer.seek(tp, offset)
    pending = {json.loads(v)["id"] for v in values}
    seed_id = json.loads(values[0])["id"]  # the seed article is always shown
    counts = {"events": 0, "dead letters": 0, "entities": 0, "quotes": 0}
    first_event_at = None
    shown = 0
    progress = tqdm(total=len(pending), desc="analysed", unit=" article")
    try:
        while pending and time.monotonic() - started < args.timeout:
            if stream.poll() is not None:
                print(f"the pipeline exited with {stream.returncode}; see {log_path}")
                return 1
            for message in consumer:
                event = json.loads(message.value)
                first_event_at = first_event_at or time.monotonic()
                if message.topic == topics.events:
                    if event["article_id"] not in pending:
                        continue  # an earlier run's article, re-delivered
                    pending.discard(event["article_id"])
                    counts["events"] += 1
                    counts["entities"] += len(event["entities"])
                    counts["quotes"] += len(event["quotes"])
                else:
                    counts["dead letters"] += 1
                    continue  # valid articles never become dead letters; shown in the counts
                if shown < args.show or event["article_id"] == seed_id:
                    progress.write(format_event(event) + "\n")
                    shown += 1
                progress.update()
    finally:
        progress.close()
        consumer.close()
        stream.send_signal(signal.SIGTERM)
        try:
            stream.wait(timeout=30)
        except subprocess.TimeoutExpired:
            stream.kill()
    elapsed = time.monotonic() - started
    steady = time.monotonic() - (first_event_at or started)
    print(
        f"\n{progress.n}/{progress.total} articles analysed in {elapsed:.1f} s "
        f"({progress.n / elapsed:.1f} articles/s including model load; "
        f"{progress.n / max(steady, 1e-9):.1f} articles/s after the first event)"
    )
    print("  " + ", ".join(f"{k}: {v}" for k, v in counts.items()))
    print("follow the topics: python -m pipeline tail --topic events|quotes|dlq --from-beginning")
    return 0 if not pending else 1


if __name__ == "__main__":
    sys.exit(main())
