"""Bounded Kafka replays on the real broker: exactly the messages between two times or offsets."""

from __future__ import annotations

import json
import time
from pathlib import Path

import yaml

from kafka import KafkaProducer
from pipeline.__main__ import main
from pipeline.batch import run_reprocess
from pipeline.file_io import output_paths
from pipeline.graph import read_settings
from tests.integration.conftest import KafkaEnv

SENTENCES = [
    "وقال وزير الخارجية السعودي عادل الجبير في الرياض إن المملكة تدعم الحل السياسي.",
    "أعلنت وزارة الصحة في جدة عن افتتاح مستشفى جديد.",
]


def article(article_id: str) -> bytes:
    text = f"{SENTENCES[len(article_id) % 2]} ({article_id})"
    return json.dumps({"id": article_id, "text": text}, ensure_ascii=False).encode()


def publish(env: KafkaEnv, messages: list[tuple[str, int]], partition: int | None = None) -> None:
    """Publish ``(article id, timestamp ms)`` pairs in order, keyed by id."""
    producer = KafkaProducer(bootstrap_servers=env.servers, acks="all")
    for article_id, timestamp_ms in messages:
        producer.send(
            env.config.kafka.topics.input,
            key=article_id.encode(),
            value=article(article_id),
            timestamp_ms=timestamp_ms,
            partition=partition,
        )
    producer.flush()
    producer.close()


def events_of(events_path: Path) -> list[dict]:
    path = Path(output_paths(str(events_path))["events"])
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_replay_between_two_timestamps_reads_exactly_that_window(
    kafka_env: KafkaEnv, tmp_path: Path
) -> None:
    base = int(time.time() * 1000) - 3_600_000
    before = [(f"before-{i}", base + i) for i in range(5)]
    inside = [(f"inside-{i}", base + 10_000 + i * 100) for i in range(9)]
    after = [(f"after-{i}", base + 20_000 + i) for i in range(5)]
    publish(kafka_env, before + inside + after)

    config = kafka_env.config
    replay = read_settings(
        config,
        bounded=True,
        start_from="timestamp",
        start_timestamp_ms=base + 10_000,
        stop_timestamp_ms=base + 20_000,
        use_group=False,
    )
    out = tmp_path / "replay.jsonl"
    summary = run_reprocess(config, None, str(out), replay, progress_interval_s=0)

    events = events_of(out)
    assert sorted(e["article_id"] for e in events) == sorted(i for i, _ in inside)
    assert all(base + 10_000 <= e["origin"]["timestamp"] < base + 20_000 for e in events)
    assert (summary.articles, summary.events, summary.dead_letters) == (9, 9, {})
    assert summary.records_read == 9


def test_replay_between_two_offsets_from_the_command_line(
    kafka_env: KafkaEnv, tmp_path: Path
) -> None:
    now = int(time.time() * 1000)
    publish(kafka_env, [(f"p0-{i}", now + i) for i in range(8)], partition=0)
    publish(kafka_env, [(f"p1-{i}", now + i) for i in range(4)], partition=1)
    out = tmp_path / "offsets.jsonl"
    summary_path = tmp_path / "summary.json"
    code = main(
        [
            "reprocess",
            "--config",
            str(kafka_env.config_path),
            "--kafka-replay",
            "--start-offsets",
            "0:2,1:3",
            "--stop-offsets",
            "0:5",
            "--output",
            str(out),
            "--summary-json",
            str(summary_path),
        ]
    )
    assert code == 0
    ids = sorted(e["article_id"] for e in events_of(out))
    assert ids == ["p0-2", "p0-3", "p0-4", "p1-3"]
    assert json.loads(summary_path.read_text())["articles"] == 4


def test_replay_longer_than_one_poll_reads_every_message(
    kafka_env: KafkaEnv, tmp_path: Path
) -> None:
    """The range resumes over several bundles (residuals), which the in-process engine loses
    with more than one worker: the command line must keep every message anyway."""
    data = yaml.safe_load(kafka_env.config_path.read_text(encoding="utf-8"))
    data["kafka"]["max_records_per_poll"] = 3
    config_path = tmp_path / "small-polls.yaml"
    config_path.write_text(yaml.safe_dump(data), encoding="utf-8")
    now = int(time.time() * 1000)
    publish(kafka_env, [(f"m-{i}", now + i) for i in range(10)], partition=0)
    out = tmp_path / "all.jsonl"
    assert (
        main(["reprocess", "--config", str(config_path), "--kafka-replay", "--output", str(out)])
        == 0
    )
    assert sorted(e["article_id"] for e in events_of(out)) == sorted(f"m-{i}" for i in range(10))
