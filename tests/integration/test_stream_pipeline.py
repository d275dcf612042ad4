"""End to end on the real broker: Kafka → Beam pipeline → Kafka, counts reconcile exactly."""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import apache_beam as beam
import jsonschema

from kafka import KafkaConsumer, TopicPartition
from pipeline.config import REPO_ROOT
from pipeline.graph import build_stream_pipeline, pipeline_options, read_settings
from tests.integration.conftest import KafkaEnv, stop_process
from tests.schemas import load_schema

SEED = json.loads((REPO_ROOT.parent / "shared" / "samples" / "seed_article.json").read_text())
SENTENCES = [
    "وقال وزير الخارجية السعودي عادل الجبير في الرياض إن المملكة تدعم الحل السياسي.",
    "أعلنت وزارة الصحة في جدة عن افتتاح مستشفى جديد.",
    "التقى الملك سلمان بن عبدالعزيز الرئيس الأمريكي باراك أوباما في واشنطن.",
]
INVALID = [
    b"\xff\xfe not utf-8",
    b"{broken json",
    b"[1, 2, 3]",
    json.dumps({"text": "بدون معرف"}).encode(),
    json.dumps({"id": "x", "text": "   "}).encode(),
    json.dumps({"id": 17, "text": "نص"}).encode(),
]


def valid_articles(count: int, prefix: str) -> list[bytes]:
    articles = []
    for i in range(count):
        text = SEED["text"] if i == 0 else f"{SENTENCES[i % 3]} {SENTENCES[(i + 1) % 3]} ({i})"
        articles.append(
            json.dumps(
                {"id": f"{prefix}-{i}", "text": text, "title": f"خبر {i}"}, ensure_ascii=False
            ).encode()
        )
    return articles


def committed_offsets(env: KafkaEnv) -> dict[int, int | None]:
    consumer = KafkaConsumer(
        bootstrap_servers=env.servers, group_id=env.config.kafka.consumer_group
    )
    topic = env.config.kafka.topics.input
    offsets = {p: consumer.committed(TopicPartition(topic, p)) for p in range(3)}
    consumer.close()
    return offsets


def test_bounded_stream_answers_every_input(kafka_env: KafkaEnv) -> None:
    valid = valid_articles(12, "b")
    values = valid[:6] + INVALID + valid[6:]
    keys = [json.loads(v)["id"].encode() if v in valid else None for v in values]
    positions = kafka_env.produce(values, keys)

    config = kafka_env.config
    settings = read_settings(config, bounded=True)
    with beam.Pipeline(options=pipeline_options(config, streaming=False)) as pipeline:
        build_stream_pipeline(pipeline, config, settings)

    topics = config.kafka.topics
    events = kafka_env.consume(topics.events, expected=len(valid))
    letters = kafka_env.consume(topics.dead_letter, expected=len(INVALID))
    assert len(events) == len(valid)
    assert len(letters) == len(INVALID)

    by_id = {e["value"]["article_id"]: e for e in events}
    position_of = dict(zip(values, positions, strict=True))
    for value in valid:
        article = json.loads(value)
        event = by_id[article["id"]]["value"]
        jsonschema.validate(event, load_schema("article-event"))
        assert by_id[article["id"]]["key"] == article["id"].encode()
        partition, offset = position_of[value]
        assert event["origin"]["topic"] == topics.input
        assert (event["origin"]["partition"], event["origin"]["offset"]) == (partition, offset)
        for span in event["entities"] + event["quotes"]:
            assert article["text"][span["start"] : span["end"]] == span["text"]

    rejected = {base64.b64decode(m["value"]["input"]["value_b64"]) for m in letters}
    assert rejected == set(INVALID)
    for letter in letters:
        jsonschema.validate(letter["value"], load_schema("dead-letter"))
        source = letter["value"]["input"]
        assert position_of[base64.b64decode(source["value_b64"])] == (
            source["partition"],
            source["offset"],
        )

    seed_event = by_id["b-0"]["value"]
    quotes = kafka_env.consume(topics.quotes, expected=len(seed_event["quotes"]))
    assert len(quotes) == sum(len(e["value"]["quotes"]) for e in events)
    for quote in quotes:
        jsonschema.validate(quote["value"], load_schema("quote-event"))

    # every input is answered, so the group's offsets are committed up to the end
    ends: dict[int, int] = {}
    for partition, offset in positions:
        ends[partition] = max(ends.get(partition, 0), offset + 1)
    assert {p: o for p, o in committed_offsets(kafka_env).items() if p in ends} == ends


def _start_stream(env: KafkaEnv, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", "stream", "--config", str(env.config_path)],
        cwd=REPO_ROOT,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )


def test_stream_restarted_on_same_group_loses_nothing(kafka_env: KafkaEnv, tmp_path: Path) -> None:
    log = tmp_path / "stream.log"
    topics = kafka_env.config.kafka.topics
    first = valid_articles(15, "r1")
    second = valid_articles(15, "r2")
    kafka_env.produce(first)

    process = _start_stream(kafka_env, log)
    try:
        events = kafka_env.consume(topics.events, expected=len(first), timeout_s=240)
        assert len(events) >= len(first), log.read_text()[-3000:]
    finally:
        stop_process(process, signal.SIGKILL)  # a crash: nothing is flushed or closed cleanly

    kafka_env.produce(second)  # arrives while the pipeline is down
    process = _start_stream(kafka_env, log)
    try:
        events = kafka_env.consume(topics.events, expected=len(first) + len(second), timeout_s=240)
    finally:
        stop_process(process, signal.SIGTERM)

    ids: dict[str, set[str]] = {}
    for event in events:
        ids.setdefault(event["value"]["article_id"], set()).add(event["value"]["event_id"])
    expected = {json.loads(v)["id"] for v in first + second}
    assert set(ids) == expected, log.read_text()[-3000:]
    # duplicates (re-read after the crash) carry the same event id
    assert all(len(event_ids) == 1 for event_ids in ids.values())
