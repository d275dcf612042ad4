"""Fixtures for tests against the real Kafka broker (started by scripts/kafka.sh when needed)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from kafka import KafkaConsumer, KafkaProducer
from pipeline.config import REPO_ROOT, PipelineConfig, load_config
from pipeline.kafka_admin import delete_topics, ensure_topics, wait_for_broker


@pytest.fixture(scope="session")
def bootstrap_servers() -> str:
    """The broker: KAFKA_BOOTSTRAP_SERVERS, or the embedded one (started if it is not running)."""
    servers = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
    try:
        wait_for_broker(servers, timeout_s=3)
    except TimeoutError:
        subprocess.run(["bash", str(REPO_ROOT / "scripts" / "kafka.sh"), "up"], check=True)
        wait_for_broker(servers, timeout_s=60)
    return servers


def _decoded(consumer: KafkaConsumer) -> list[dict]:
    """Messages available now (until the consumer's idle timeout), JSON values decoded."""
    return [
        {
            "key": m.key,
            "value": json.loads(m.value),
            "partition": m.partition,
            "offset": m.offset,
        }
        for m in consumer
    ]


def stop_process(process: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    """Send ``sig`` to a pipeline subprocess and wait; kill it if it does not exit in 30 s."""
    if process.poll() is None:
        process.send_signal(sig)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@dataclass
class KafkaEnv:
    """Unique topics and consumer group for one test, and helpers to use them."""

    config: PipelineConfig
    config_path: Path

    @property
    def servers(self) -> str:
        return self.config.kafka.bootstrap_servers

    def produce(self, values: list[bytes], keys: list[bytes | None] | None = None) -> list[int]:
        """Publish values to the input topic (partition chosen by key); returns their offsets."""
        producer = KafkaProducer(bootstrap_servers=self.servers, acks="all")
        futures = [
            producer.send(
                self.config.kafka.topics.input, key=(keys or [None] * len(values))[i], value=value
            )
            for i, value in enumerate(values)
        ]
        producer.flush()
        metadata = [f.get(timeout=30) for f in futures]
        producer.close()
        return [(m.partition, m.offset) for m in metadata]

    def consume(self, topic: str, expected: int, timeout_s: float = 120.0) -> list[dict]:
        """All messages of ``topic`` once at least ``expected`` have arrived (or the timeout)."""
        consumer = KafkaConsumer(
            topic,
            bootstrap_servers=self.servers,
            group_id=None,
            auto_offset_reset="earliest",
            consumer_timeout_ms=1000,
        )
        messages: list[dict] = []
        deadline = time.monotonic() + timeout_s
        try:
            while time.monotonic() < deadline:
                messages.extend(_decoded(consumer))
                if len(messages) >= expected:
                    messages.extend(_decoded(consumer))  # drain whatever else is already there
                    break
        finally:
            consumer.close()
        return messages


@pytest.fixture
def kafka_env(bootstrap_servers: str, tmp_path: Path) -> Iterator[KafkaEnv]:
    suffix = uuid.uuid4().hex[:10]
    data = {
        "kafka": {
            "bootstrap_servers": bootstrap_servers,
            "topics": {
                "input": f"articles-{suffix}",
                "events": f"article-events-{suffix}",
                "quotes": f"quote-events-{suffix}",
                "dead_letter": f"articles-dlq-{suffix}",
            },
            "partitions": 3,
            "consumer_group": f"test-group-{suffix}",
            "poll_timeout_ms": 300,
        },
        "model": {"device": "cpu"},
    }
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    env = {"KAFKA_BOOTSTRAP_SERVERS": bootstrap_servers}
    if os.environ.get("PIPELINE_MODEL_PATH"):  # run the suite against another checkpoint
        env["PIPELINE_MODEL_PATH"] = os.environ["PIPELINE_MODEL_PATH"]
        data["model"]["path"] = env["PIPELINE_MODEL_PATH"]
        path.write_text(yaml.safe_dump(data), encoding="utf-8")
    config = load_config(path, env=env)
    topics = list(data["kafka"]["topics"].values())
    ensure_topics(bootstrap_servers, topics, partitions=3)
    yield KafkaEnv(config, path)
    delete_topics(bootstrap_servers, topics)
