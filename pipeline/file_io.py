"""File connectors for batch reprocessing: article archives in, event files out.

Paths may be local or any Beam filesystem URL (gs://, s3://, ... with Beam's extras); every
file is read through Beam's ``fileio``. Supported inputs, chosen by file name:

- ``*.jsonl`` / ``*.jsonl.gz``: one input message per non-blank line, kept as raw bytes so
  that invalid lines reach the dead-letter output exactly as they were;
- ``*.json``: one JSON array (or object) of input messages;
- ``*.zip``: SaudiNewsNet day archives, members ``YYYY-MM-DD.json`` holding arrays of
  ``{source, url, date_extracted, title, author, content}`` mapped onto the input contract
  by :func:`pipeline.archives.saudinewsnet_to_article` (empty content → ``empty_text``).

A record's origin names its file (``archive.zip!member.json`` inside zips) and its line, or
its 1-based position in a JSON array.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable, Iterator
from pathlib import PurePath
from typing import Any

import apache_beam as beam
from apache_beam.io import fileio
from apache_beam.io.filesystem import CompressionTypes
from apache_beam.metrics import Metrics

from pipeline.archives import saudinewsnet_to_article
from pipeline.contracts import Origin, RawRecord
from pipeline.kafka_io import METRICS_NAMESPACE


def _origin(path: str, line: int | None) -> Origin:
    return Origin(None, None, None, None, file=path, line=line)


def _read_lines(readable: fileio.ReadableFile) -> Iterator[RawRecord]:
    path = readable.metadata.path
    with readable.open() as handle:
        # Beam's CompressedFile (.gz) is not iterable; readline works for every file object.
        for number, line in enumerate(iter(handle.readline, b""), start=1):
            value = line.rstrip(b"\r\n")
            if value.strip():
                yield RawRecord(None, value, _origin(path, number))


def _encode(value: Any) -> bytes:
    try:
        return json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # unpaired surrogates stay escaped, for validation to reject
        return json.dumps(value).encode("ascii")


def _json_items(
    raw: bytes, where: str, adapt: Callable[[dict[str, Any]], Any] | None = None
) -> Iterator[RawRecord]:
    """The items of a JSON array (or a single value) as records; undecodable → one record."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        # One record with the raw bytes: it becomes an invalid_utf8/invalid_json dead letter.
        yield RawRecord(None, raw, _origin(where, None))
        return
    for index, item in enumerate(data if isinstance(data, list) else [data], start=1):
        value = adapt(item) if adapt is not None and isinstance(item, dict) else item
        yield RawRecord(None, _encode(value), _origin(where, index))


def _read_json(readable: fileio.ReadableFile) -> Iterator[RawRecord]:
    path = readable.metadata.path
    with readable.open() as handle:
        raw = handle.read()
    yield from _json_items(raw, path)


def _read_saudinewsnet(readable: fileio.ReadableFile) -> Iterator[RawRecord]:
    path = readable.metadata.path
    # Day archives are a few MB; reading them whole also works on non-seekable filesystems.
    with readable.open(compression_type=CompressionTypes.UNCOMPRESSED) as handle:
        data = handle.read()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in sorted(archive.namelist()):
            if name.endswith(".json"):
                yield from _json_items(
                    archive.read(name), f"{path}!{name}", adapt=saudinewsnet_to_article
                )


def read_records(readable: fileio.ReadableFile) -> Iterator[RawRecord]:
    """The input records of one matched file, by its format (see the module docstring)."""
    name = PurePath(readable.metadata.path).name
    if name.endswith(".zip"):
        return _read_saudinewsnet(readable)
    if name.endswith((".json", ".json.gz")):
        return _read_json(readable)
    return _read_lines(readable)


class _ReadRecordsFn(beam.DoFn):
    def __init__(self) -> None:
        self._read = Metrics.counter(METRICS_NAMESPACE, "records_read")

    def process(self, readable: fileio.ReadableFile) -> Iterator[RawRecord]:
        for record in read_records(readable):
            self._read.inc()
            yield record


class ReadArticleFiles(beam.PTransform):
    """Reads the article files matching a pattern (any supported format) as :class:`RawRecord`s.

    ``reshuffle`` redistributes the records after reading so that one big file is analysed by
    all workers (multi-process DirectRunner, Flink, ...); it materialises the records once.
    """

    def __init__(self, pattern: str, reshuffle: bool = True) -> None:
        super().__init__()
        self._pattern = pattern
        self._reshuffle = reshuffle

    def expand(self, pbegin: beam.pvalue.PBegin) -> beam.PCollection:
        records = (
            pbegin
            | "Match" >> fileio.MatchFiles(self._pattern)
            | "Open" >> fileio.ReadMatches()
            | "ReadRecords" >> beam.ParDo(_ReadRecordsFn())
        )
        if self._reshuffle:
            records = records | "Spread" >> beam.Reshuffle()
        return records


def output_paths(events_path: str) -> dict[str, str]:
    """Where each stream goes: events at ``events_path``, quotes and dead letters beside it."""
    path = PurePath(events_path)
    stem = path.name[: -len(".jsonl")] if path.name.endswith(".jsonl") else path.name
    parent = events_path[: len(events_path) - len(path.name)]
    return {
        "events": events_path,
        "quotes": f"{parent}{stem}.quotes.jsonl",
        "dead_letter": f"{parent}{stem}.dlq.jsonl",
    }


class WriteOutputFiles(beam.PTransform):
    """Writes each stream of :class:`OutputRecord`s as JSONL (one event per line).

    ``num_shards=0`` writes one file per stream at exactly the paths of :func:`output_paths`;
    ``num_shards=N`` writes N files per stream, ``events-00000-of-0000N.jsonl`` and so on
    (written in parallel, for big archives).
    """

    def __init__(self, events_path: str, num_shards: int = 0) -> None:
        super().__init__()
        if num_shards < 0:
            raise ValueError("num_shards must be 0 (one file per stream) or more")
        self._paths = output_paths(events_path)
        self._num_shards = num_shards

    def _sink(self, path: str) -> beam.PTransform:
        if not self._num_shards:
            return beam.io.WriteToText(path, shard_name_template="", coder=beam.coders.BytesCoder())
        suffix = ".jsonl" if path.endswith(".jsonl") else ""
        prefix = path[: len(path) - len(suffix)]
        return beam.io.WriteToText(
            prefix,
            file_name_suffix=suffix,
            num_shards=self._num_shards,
            coder=beam.coders.BytesCoder(),
        )

    def expand(self, records: beam.PCollection) -> beam.pvalue.PDone:
        streams = list(self._paths)
        parts = records | "ByStream" >> beam.Partition(
            lambda record, _: streams.index(record.stream), len(streams)
        )
        for stream, part in zip(streams, parts, strict=True):
            _ = (
                part
                | f"Encode{stream}" >> beam.Map(lambda record: record.value)
                | f"Write{stream}" >> self._sink(self._paths[stream])
            )
        return beam.pvalue.PDone(records.pipeline)
