"""Replaying dead letters after a fix: decode their input and publish it again.

A dead letter keeps the rejected message byte for byte (``input.key_b64``/``value_b64``).
``replay_dead_letters`` reads the dead-letter topic up to the end offsets seen when it starts,
keeps the letters whose error type was asked for, and republishes key and value to the input
topic, where the pipeline answers them like any new message (a fixed article gets its events,
one that is still bad gets a new dead letter). The replay consumer group remembers how far it
got: its offsets are committed only after the republished messages are flushed, so running
it again replays only letters that arrived since (at least once, like the pipeline).
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import time
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from kafka.structs import OffsetAndMetadata

from kafka import KafkaConsumer, KafkaProducer, TopicPartition

LOG = logging.getLogger(__name__)


@dataclass
class ReplayReport:
    """What a replay did: letters read, republished (by error type) and skipped (by reason)."""

    read: int = 0
    replayed: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)


def decode_letter(value: bytes) -> tuple[str, bytes | None, bytes | None]:
    """``(error type, input key, input value)`` of a dead-letter message; ValueError if not one."""
    letter = json.loads(value)
    if not isinstance(letter, dict):
        raise ValueError("dead letter is not a JSON object")
    error = letter.get("error") or {}
    source = letter.get("input") or {}
    key_b64, value_b64 = source.get("key_b64"), source.get("value_b64")
    try:
        key = None if key_b64 is None else base64.b64decode(key_b64, validate=True)
        original = None if value_b64 is None else base64.b64decode(value_b64, validate=True)
    except (binascii.Error, TypeError) as exc:
        raise ValueError(f"bad base64 in dead letter: {exc}") from None
    return str(error.get("type") or "unknown"), key, original


def replay_dead_letters(
    client_config: Mapping[str, Any],
    dead_letter_topic: str,
    input_topic: str,
    group_id: str | None,
    error_types: Collection[str] = (),
    limit: int = 0,
    dry_run: bool = False,
    timeout_s: float = 60.0,
) -> ReplayReport:
    """Republish the inputs of dead letters (of ``error_types``, or all) to ``input_topic``.

    With ``group_id``, starts from the group's committed offsets (else from the beginning) and
    commits after the flush; without it, always reads the whole topic. Stops at the end
    offsets seen at start, after ``limit`` republished messages, or after ``timeout_s``.
    """
    report = ReplayReport()
    consumer = KafkaConsumer(
        group_id=group_id,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        **client_config,
    )
    producer = None if dry_run else KafkaProducer(acks="all", **client_config)
    try:
        partitions = consumer.partitions_for_topic(dead_letter_topic) or set()
        tps = [TopicPartition(dead_letter_topic, p) for p in sorted(partitions)]
        if not tps:
            raise RuntimeError(f"topic {dead_letter_topic!r} not found")
        consumer.assign(tps)
        if group_id is None:
            consumer.seek_to_beginning(*tps)
        ends = consumer.end_offsets(tps)
        done: dict[TopicPartition, int] = {}
        futures: list[Any] = []
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline and any(consumer.position(tp) < ends[tp] for tp in tps):
            if limit and sum(report.replayed.values()) >= limit:
                break
            for tp, messages in consumer.poll(timeout_ms=500).items():
                for message in messages:
                    if message.offset >= ends[tp]:
                        continue
                    if limit and sum(report.replayed.values()) >= limit:
                        break
                    report.read += 1
                    done[tp] = message.offset + 1
                    future = _replay_one(message.value, producer, input_topic, error_types, report)
                    if future is not None:
                        futures.append(future)
        if producer is not None:
            producer.flush(timeout=60)
            for future in futures:
                future.get(timeout=60)  # raises if a send failed: nothing is committed then
        if group_id is not None and done and not dry_run:
            consumer.commit({tp: OffsetAndMetadata(o, "", -1) for tp, o in done.items()})
    finally:
        if producer is not None:
            producer.close(timeout=10)
        consumer.close()
    LOG.info(
        "replayed %d of %d dead letters (%s); skipped %s",
        sum(report.replayed.values()),
        report.read,
        dict(report.replayed),
        dict(report.skipped),
    )
    return report


def _replay_one(
    value: bytes | None,
    producer: KafkaProducer | None,
    input_topic: str,
    error_types: Collection[str],
    report: ReplayReport,
) -> Any:
    """Republishes one letter's input; returns the send future (None when nothing was sent)."""
    if value is None:
        report.skipped["not_a_dead_letter"] += 1
        return None
    try:
        error_type, key, original = decode_letter(value)
    except ValueError:
        report.skipped["not_a_dead_letter"] += 1
        return None
    if error_types and error_type not in error_types:
        report.skipped[f"type_{error_type}"] += 1
        return None
    if original is None:
        # a tombstone input, or one too large to carry (it stays at the letter's origin)
        report.skipped["no_value" if error_type != "empty_message" else "tombstone"] += 1
        return None
    report.replayed[error_type] += 1
    if producer is None:
        return None
    return producer.send(input_topic, key=key, value=original)
