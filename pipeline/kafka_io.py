"""Kafka connectors built on kafka-python: a splittable-DoFn read and a producer sink.

Read: one element per topic-partition, whose restriction is an offset range. The DoFn
claims offsets as it reads, checkpoints itself (``ProcessContinuation.resume``) after each
poll so bundles stay small and outputs are flushed often, and reports a watermark from the
message timestamps. Unbounded reads never finish; bounded reads stop at the end offsets
seen at start (or at the first offset at or after a stop timestamp).

Write: one idempotent producer (acks=all) per DoFn instance, flushed before a bundle
completes. Only after the flush succeeds are the consumer-group offsets of the inputs that
those records answer committed, so a pipeline that dies loses nothing: it re-reads from the
last commit (at-least-once; duplicates carry the same event ids).
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import apache_beam as beam
from apache_beam.io.restriction_trackers import OffsetRange, OffsetRestrictionTracker
from apache_beam.io.watermark_estimators import MonotonicWatermarkEstimator
from apache_beam.metrics import Metrics
from apache_beam.transforms.core import RestrictionProvider, WatermarkEstimatorProvider
from apache_beam.utils.timestamp import MIN_TIMESTAMP, Duration, Timestamp
from kafka.errors import KafkaError
from kafka.record import util as record_util
from kafka.structs import OffsetAndMetadata

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from pipeline.contracts import Origin, RawRecord
from pipeline.events import OutputRecord
from pipeline.monitoring import StatusLog

LOG = logging.getLogger(__name__)
_RECONNECT_DELAY = Duration(seconds=1)
UNBOUNDED_END = 2**63 - 1
METRICS_NAMESPACE = "arabic_news_pipeline"
_RESTRICTION = beam.DoFn.RestrictionParam()


class _MessageTimeWatermark(WatermarkEstimatorProvider):
    """Watermark = the latest message timestamp seen, starting from the beginning of time."""

    def initial_estimator_state(self, element: object, restriction: object) -> Timestamp:
        return MIN_TIMESTAMP

    def create_watermark_estimator(self, estimator_state: Timestamp) -> MonotonicWatermarkEstimator:
        return MonotonicWatermarkEstimator(estimator_state)


_WATERMARK = beam.DoFn.WatermarkEstimatorParam(_MessageTimeWatermark())


@functools.cache  # once per process
def warn_if_pure_python_crc() -> None:
    """Warn when kafka-python computes the CRC-32C of record batches in Python.

    It checks one on every fetched batch and writes one on every produced batch; without the
    ``crc32c`` package (in ``requirements.txt``) that cost 7 % of end-to-end throughput here.
    """
    if record_util.crc32c_c is None:
        LOG.warning(
            "kafka-python has no native CRC-32C (pip install crc32c): record batches are "
            "checksummed in Python, which slows reading and writing"
        )


@dataclass(frozen=True)
class ReadSettings:
    """How to read one topic."""

    topic: str
    client_config: Mapping[str, Any]
    group_id: str | None = None
    # committed | earliest | latest | timestamp
    start_from: str = "committed"
    reset_to: str = "earliest"
    start_timestamp_ms: int | None = None
    bounded: bool = False
    # Bounded reads stop before the first offset at or after this time (else at the end offsets).
    stop_timestamp_ms: int | None = None
    # Per-partition offsets that override the start (and, bounded, the stop: exclusive);
    # the key -1 stands for every partition not listed.
    start_offsets: Mapping[int, int] = field(default_factory=dict)
    stop_offsets: Mapping[int, int] = field(default_factory=dict)
    poll_timeout_ms: int = 500
    max_records_per_poll: int = 500
    consumer_overrides: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PartitionDescriptor:
    """One topic-partition to read."""

    topic: str
    partition: int


def _consumer(settings: ReadSettings, group_id: str | None = None) -> KafkaConsumer:
    config = {
        "enable_auto_commit": False,
        "auto_offset_reset": "earliest",
        "max_poll_records": settings.max_records_per_poll,
        "max_partition_fetch_bytes": 8 * 1024 * 1024,
        **settings.client_config,
        **settings.consumer_overrides,
    }
    return KafkaConsumer(group_id=group_id, **config)


def _offset_for_time(consumer: KafkaConsumer, tp: TopicPartition, ts_ms: int, end: int) -> int:
    found = consumer.offsets_for_times({tp: ts_ms}).get(tp)
    return end if found is None else found.offset


def _partition_offset(offsets: Mapping[int, int], partition: int) -> int | None:
    return offsets.get(partition, offsets.get(-1))


def resolve_offset_range(settings: ReadSettings, tp: TopicPartition) -> OffsetRange:
    """The offsets a read of ``tp`` covers, from the settings and the broker's state now."""
    consumer = _consumer(settings, settings.group_id)
    try:
        beginning = consumer.beginning_offsets([tp])[tp]
        end = consumer.end_offsets([tp])[tp]
        start: int | None = None
        if settings.start_from == "committed" and settings.group_id:
            start = consumer.committed(tp)
        elif settings.start_from == "earliest":
            start = beginning
        elif settings.start_from == "latest":
            start = end
        elif settings.start_from == "timestamp":
            if settings.start_timestamp_ms is None:
                raise ValueError("start_from=timestamp needs start_timestamp_ms")
            start = _offset_for_time(consumer, tp, settings.start_timestamp_ms, end)
        elif settings.start_from != "committed":
            raise ValueError(f"unknown start_from {settings.start_from!r}")
        if start is None:
            start = end if settings.reset_to == "latest" else beginning
        start_offset = _partition_offset(settings.start_offsets, tp.partition)
        if start_offset is not None:
            start = min(start_offset, end)
        start = max(start, beginning)
        if not settings.bounded:
            return OffsetRange(start, UNBOUNDED_END)
        stop = end
        if settings.stop_timestamp_ms is not None:
            stop = _offset_for_time(consumer, tp, settings.stop_timestamp_ms, end)
        stop_offset = _partition_offset(settings.stop_offsets, tp.partition)
        if stop_offset is not None:
            stop = min(stop, stop_offset)
        return OffsetRange(start, max(start, stop))
    finally:
        consumer.close()


class _PartitionOffsetTracker(OffsetRestrictionTracker):
    """Offset tracker that only splits at checkpoints (the position reached so far).

    Runners that split restrictions dynamically (Prism splits at fractions of the remainder)
    would otherwise hand offsets that do not exist yet (the middle of an unbounded range) or
    a second reader of the same partition to another worker, whose commits could then run
    ahead of offsets still being processed.
    """

    def try_split(self, fraction_of_remainder: float) -> tuple[OffsetRange, OffsetRange] | None:
        if fraction_of_remainder > 0:
            return None
        return super().try_split(0)


class _UnboundedOffsetTracker(_PartitionOffsetTracker):
    def is_bounded(self) -> bool:
        return False


class _ListPartitionsFn(beam.DoFn):
    """Impulse → one descriptor per partition of the topic (waits for its metadata)."""

    def __init__(self, settings: ReadSettings, timeout_s: float = 60.0) -> None:
        self._settings = settings
        self._timeout_s = timeout_s

    def process(self, _: bytes) -> Iterator[PartitionDescriptor]:
        consumer = _consumer(self._settings)
        try:
            deadline = time.monotonic() + self._timeout_s
            partitions = consumer.partitions_for_topic(self._settings.topic)
            while not partitions and time.monotonic() < deadline:
                time.sleep(0.5)
                partitions = consumer.partitions_for_topic(self._settings.topic)
            if not partitions:
                raise RuntimeError(f"topic {self._settings.topic!r} not found on the broker")
        finally:
            consumer.close()
        for partition in sorted(partitions):
            yield PartitionDescriptor(self._settings.topic, partition)


class _ReadPartitionFn(beam.DoFn, RestrictionProvider):
    """Reads one partition's offset range, emitting :class:`RawRecord` with Kafka timestamps.

    The DoFn is its own restriction provider: the restriction of a partition is the offset
    range resolved from the settings when the partition is first seen.
    """

    def __init__(self, settings: ReadSettings) -> None:
        self._settings = settings
        self._consumers: dict[TopicPartition, KafkaConsumer] = {}
        self._read = Metrics.counter(METRICS_NAMESPACE, "records_read")

    def initial_restriction(self, element: PartitionDescriptor) -> OffsetRange:
        return resolve_offset_range(
            self._settings, TopicPartition(element.topic, element.partition)
        )

    def create_tracker(self, restriction: OffsetRange) -> OffsetRestrictionTracker:
        if self._settings.bounded:
            return _PartitionOffsetTracker(restriction)
        return _UnboundedOffsetTracker(restriction)

    def restriction_size(self, element: PartitionDescriptor, restriction: OffsetRange) -> int:
        return restriction.size()

    def split(
        self, element: PartitionDescriptor, restriction: OffsetRange
    ) -> Iterator[OffsetRange]:
        yield restriction

    def setup(self) -> None:
        warn_if_pure_python_crc()
        self._consumers = {}
        self._positions: dict[TopicPartition, int] = {}

    def _consumer_for(self, tp: TopicPartition) -> KafkaConsumer:
        consumer = self._consumers.get(tp)
        if consumer is None:
            consumer = _consumer(self._settings)
            consumer.assign([tp])
            self._consumers[tp] = consumer
        return consumer

    def process(
        self,
        element: PartitionDescriptor,
        tracker: OffsetRestrictionTracker = _RESTRICTION,
        watermark: MonotonicWatermarkEstimator = _WATERMARK,
    ) -> Iterator[Any]:
        tp = TopicPartition(element.topic, element.partition)
        restriction = tracker.current_restriction()
        try:
            consumer = self._consumer_for(tp)
        except KafkaError as err:  # broker unreachable (restart, network): retry, don't fail
            LOG.warning("cannot connect a consumer for %s (%s); retrying", tp, err)
            tracker.defer_remainder(_RECONNECT_DELAY)
            return
        if self._positions.get(tp) != restriction.start:
            consumer.seek(tp, restriction.start)  # a seek drops prefetched data: only when needed
        batches = consumer.poll(
            timeout_ms=self._settings.poll_timeout_ms,
            max_records=self._settings.max_records_per_poll,
        )
        records = batches.get(tp, [])
        for message in records:
            if not tracker.try_claim(message.offset):
                self._positions.pop(tp, None)
                return
            self._positions[tp] = message.offset + 1
            timestamp_ms = message.timestamp if message.timestamp >= 0 else int(time.time() * 1000)
            self._read.inc()
            yield beam.window.TimestampedValue(
                RawRecord(
                    key=message.key,
                    value=message.value,
                    origin=Origin(tp.topic, tp.partition, message.offset, timestamp_ms),
                ),
                Timestamp(micros=timestamp_ms * 1000),
            )
        if self._settings.bounded:
            # Offsets can have gaps (transaction markers, compaction): once the consumer's
            # position passes the stop offset, the range is done.
            if consumer.position(tp) >= restriction.stop and not tracker.try_claim(
                restriction.stop
            ):
                return
        # Self-checkpoint after every poll: the bundle ends, its output is flushed and
        # committed, and the rest of the range resumes in a new bundle. No resume delay: an
        # empty poll has already waited poll_timeout_ms, and a delay (1 s before) held back
        # records that arrived meanwhile on a partition that was briefly idle (p95 latency).
        tracker.defer_remainder()

    def teardown(self) -> None:
        for consumer in self._consumers.values():
            consumer.close()
        self._consumers = {}
        self._positions = {}


class _ReadUnboundedPartitionFn(_ReadPartitionFn):
    @beam.DoFn.unbounded_per_element()
    def process(
        self,
        element: PartitionDescriptor,
        tracker: OffsetRestrictionTracker = _RESTRICTION,
        watermark: MonotonicWatermarkEstimator = _WATERMARK,
    ) -> Iterator[Any]:
        yield from super().process(element, tracker, watermark)


class ReadFromKafka(beam.PTransform):
    """Reads a topic as a PCollection of :class:`RawRecord` (unbounded unless ``bounded``)."""

    def __init__(self, settings: ReadSettings) -> None:
        super().__init__()
        self._settings = settings

    def expand(self, pbegin: beam.pvalue.PBegin) -> beam.PCollection:
        read_fn = _ReadPartitionFn if self._settings.bounded else _ReadUnboundedPartitionFn
        return (
            pbegin
            | "Impulse" >> beam.Impulse()
            | "ListPartitions" >> beam.ParDo(_ListPartitionsFn(self._settings))
            | "ReadPartitions" >> beam.ParDo(read_fn(self._settings))
        )


def commit_with_retry(
    committer: KafkaConsumer,
    offsets: Mapping[TopicPartition, OffsetAndMetadata],
    timeout_s: float,
    backoff_s: float = 1.0,
) -> None:
    """Commits ``offsets``, retrying retriable errors (broker down, coordinator moving).

    kafka-python's ``commit`` raises a connection error at once when the broker is down
    instead of retrying, so a broker restart between a flush and its commit would fail the
    bundle. Non-retriable errors, and retriable ones still failing after ``timeout_s``, raise.
    """
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            committer.commit(dict(offsets))
            return
        except KafkaError as err:
            if not err.retriable or time.monotonic() + backoff_s > deadline:
                raise
            LOG.warning("offset commit failed (%s); retrying in %.0f s", err, backoff_s)
            time.sleep(backoff_s)


class _WriteRecordsFn(beam.DoFn):
    """Sends records with one producer and commits the inputs' offsets after each flush."""

    def __init__(
        self,
        client_config: Mapping[str, Any],
        topics: Mapping[str, str],
        commit_group_id: str | None,
        producer_overrides: Mapping[str, Any] | None = None,
        flush_timeout_s: float = 120.0,
        status_interval_s: float = 30.0,
    ) -> None:
        self._client_config = dict(client_config)
        self._topics = dict(topics)
        self._group_id = commit_group_id
        self._producer_overrides = dict(producer_overrides or {})
        self._flush_timeout_s = flush_timeout_s
        self._status_interval_s = status_interval_s
        self._written = {
            stream: Metrics.counter(METRICS_NAMESPACE, f"{stream}_written") for stream in topics
        }

    def setup(self) -> None:
        warn_if_pure_python_crc()
        self._producer = KafkaProducer(
            acks="all",
            enable_idempotence=True,
            linger_ms=5,
            max_request_size=8 * 1024 * 1024,
            **{**self._client_config, **self._producer_overrides},
        )
        self._committer: KafkaConsumer | None = None
        if self._group_id:
            self._committer = KafkaConsumer(
                group_id=self._group_id, enable_auto_commit=False, **self._client_config
            )
        self._status = StatusLog(self._status_interval_s)
        self._committed: dict[TopicPartition, int] = {}

    def start_bundle(self) -> None:
        self._pending: list[Any] = []
        self._offsets: dict[TopicPartition, int] = {}

    def process(self, record: OutputRecord) -> None:
        future = self._producer.send(
            self._topics[record.stream], key=record.key, value=record.value
        )
        self._pending.append(future)
        self._written[record.stream].inc()
        self._status.observe(record)
        origin = record.origin
        if origin.topic is not None and origin.partition is not None and origin.offset is not None:
            tp = TopicPartition(origin.topic, origin.partition)
            self._offsets[tp] = max(self._offsets.get(tp, -1), origin.offset)

    def finish_bundle(self) -> None:
        self._producer.flush(timeout=self._flush_timeout_s)
        for future in self._pending:
            future.get(timeout=self._flush_timeout_s)  # raises if a send failed: bundle retried
        self._pending = []
        if self._committer is not None and self._offsets:
            commit_with_retry(
                self._committer,
                {tp: OffsetAndMetadata(offset + 1, "", -1) for tp, offset in self._offsets.items()},
                self._flush_timeout_s,
            )
            self._committed.update({tp: offset + 1 for tp, offset in self._offsets.items()})
        self._offsets = {}
        if self._status.due():
            self._status.log(self._lag())

    def _lag(self) -> int | None:
        """Messages of the input partitions seen so far that are not committed yet."""
        if self._committer is None or not self._committed:
            return None
        try:
            ends = self._committer.end_offsets(list(self._committed), timeout_ms=2000)
        except KafkaError as exc:  # the status line must never fail a bundle
            LOG.debug("lag unavailable: %s", exc)
            return None
        return sum(max(0, ends[tp] - offset) for tp, offset in self._committed.items())

    def teardown(self) -> None:
        producer = getattr(self, "_producer", None)
        if producer is not None:
            producer.close(timeout=10)
        if getattr(self, "_committer", None) is not None:
            self._committer.close()


class WriteToKafka(beam.PTransform):
    """Writes :class:`OutputRecord`s to their topics; commits input offsets when a group is set."""

    def __init__(
        self,
        client_config: Mapping[str, Any],
        topics: Mapping[str, str],
        commit_group_id: str | None = None,
        producer_overrides: Mapping[str, Any] | None = None,
        status_interval_s: float = 30.0,
    ) -> None:
        super().__init__()
        self._fn = _WriteRecordsFn(
            client_config,
            topics,
            commit_group_id,
            producer_overrides,
            status_interval_s=status_interval_s,
        )

    def expand(self, records: beam.PCollection) -> beam.pvalue.PDone:
        records | "Produce" >> beam.ParDo(self._fn)
        return beam.pvalue.PDone(records.pipeline)
