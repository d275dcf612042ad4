"""The unbounded Kafka → Kafka stream on Prism: every message answered and committed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from kafka import KafkaConsumer, TopicPartition
from pipeline.config import REPO_ROOT
from tests.integration.conftest import KafkaEnv, stop_process
from tests.integration.test_stream_pipeline import valid_articles

PRISM = REPO_ROOT / ".beam" / "bin" / "prism"


def committed_total(env: KafkaEnv) -> int:
    consumer = KafkaConsumer(
        bootstrap_servers=env.servers, group_id=env.config.kafka.consumer_group
    )
    topic = env.config.kafka.topics.input
    total = sum(consumer.committed(TopicPartition(topic, p)) or 0 for p in range(3))
    consumer.close()
    return total


@pytest.mark.slow
@pytest.mark.skipif(not PRISM.exists(), reason=f"no Prism binary at {PRISM} (make prism)")
def test_unbounded_stream_on_prism(kafka_env: KafkaEnv, tmp_path: Path) -> None:
    data = yaml.safe_load(kafka_env.config_path.read_text(encoding="utf-8"))
    data["runner"] = yaml.safe_load((REPO_ROOT / "configs" / "prism.yaml").read_text())["runner"]
    config_path = tmp_path / "prism.yaml"
    config_path.write_text(yaml.safe_dump(data), encoding="utf-8")
    topics = kafka_env.config.kafka.topics
    first, second = valid_articles(8, "p1"), valid_articles(4, "p2")
    kafka_env.produce(first, [None] * len(first))

    log = tmp_path / "stream.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "stream", "--config", str(config_path)],
        cwd=REPO_ROOT,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        events = kafka_env.consume(topics.events, expected=len(first), timeout_s=180)
        assert len(events) == len(first), log.read_text()[-3000:]
        kafka_env.produce(second, [None] * len(second))  # while the job runs
        events = kafka_env.consume(topics.events, expected=len(first) + len(second))
        assert sorted(e["value"]["article_id"] for e in events) == sorted(
            [f"p1-{i}" for i in range(8)] + [f"p2-{i}" for i in range(4)]
        )
        deadline = time.monotonic() + 60
        while committed_total(kafka_env) < 12 and time.monotonic() < deadline:
            time.sleep(1)
        assert committed_total(kafka_env) == 12
        assert process.poll() is None, "the unbounded stream stopped by itself"
    finally:
        stop_process(process, signal.SIGINT)
