"""Parquet output for batch reprocessing: one table per stream, nested like the JSON events.

``reprocess --format parquet --output out/events.parquet`` writes ``events.parquet``,
``events.quotes.parquet`` and ``events.dlq.parquet`` (or shards of each with ``--num-shards``),
snappy-compressed. Columns follow the JSON Schemas in ``schemas/`` field for field; objects
are structs and arrays are lists, so ``entities`` and ``quotes`` keep their nesting::

    span    = struct<text: string, start: int32, end: int32>
    entity  = struct<id, text, label: string, start, end: int32, score: double, name: string>
    speaker = struct<name, label, entity_id: string, mention: span>
    quote   = struct<id, text: string, start, end: int32, kind: string, score: double,
                     cue: span, speaker: speaker>
    model   = struct<name: string, version: string>

    events       event_id, event_type: string, schema_version: int32, article_id,
                 article_sha256, title, source, url, published_at, lang, processed_at: string,
                 model: model, origin: struct<topic: string, partition: int32, offset: int64,
                 timestamp: int64>, entities: list<entity>, quotes: list<quote>
    quotes       event_id, event_type: string, schema_version: int32, article_event_id,
                 article_id, title, url, published_at, processed_at: string, model: model,
                 quote: quote
    dead letters error: struct<stage, type, message: string>, input: struct<topic: string,
                 partition: int32, offset: int64, timestamp: int64, key_b64, value_b64,
                 file: string, line: int64>, failed_at: string

Timestamps stay RFC 3339 strings, as in the JSON events.
"""

from __future__ import annotations

import json
from typing import Any

import apache_beam as beam
import pyarrow as pa
from apache_beam.io.parquetio import WriteToParquet

from pipeline.file_io import output_paths

_SPAN = pa.struct([("text", pa.string()), ("start", pa.int32()), ("end", pa.int32())])
_ENTITY = pa.struct(
    [
        ("id", pa.string()),
        ("text", pa.string()),
        ("label", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("score", pa.float64()),
        ("name", pa.string()),
    ]
)
_SPEAKER = pa.struct(
    [
        ("name", pa.string()),
        ("label", pa.string()),
        ("entity_id", pa.string()),
        ("mention", _SPAN),
    ]
)
_QUOTE = pa.struct(
    [
        ("id", pa.string()),
        ("text", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("kind", pa.string()),
        ("score", pa.float64()),
        ("cue", _SPAN),
        ("speaker", _SPEAKER),
    ]
)
_MODEL = pa.struct([("name", pa.string()), ("version", pa.string())])
_ORIGIN = pa.struct(
    [
        ("topic", pa.string()),
        ("partition", pa.int32()),
        ("offset", pa.int64()),
        ("timestamp", pa.int64()),
    ]
)

EVENT_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("event_type", pa.string()),
        ("schema_version", pa.int32()),
        ("article_id", pa.string()),
        ("article_sha256", pa.string()),
        ("title", pa.string()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("published_at", pa.string()),
        ("lang", pa.string()),
        ("processed_at", pa.string()),
        ("model", _MODEL),
        ("origin", _ORIGIN),
        ("entities", pa.list_(_ENTITY)),
        ("quotes", pa.list_(_QUOTE)),
    ]
)
QUOTE_EVENT_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("event_type", pa.string()),
        ("schema_version", pa.int32()),
        ("article_event_id", pa.string()),
        ("article_id", pa.string()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("published_at", pa.string()),
        ("processed_at", pa.string()),
        ("model", _MODEL),
        ("quote", _QUOTE),
    ]
)
DEAD_LETTER_SCHEMA = pa.schema(
    [
        (
            "error",
            pa.struct([("stage", pa.string()), ("type", pa.string()), ("message", pa.string())]),
        ),
        (
            "input",
            pa.struct(
                [
                    ("topic", pa.string()),
                    ("partition", pa.int32()),
                    ("offset", pa.int64()),
                    ("timestamp", pa.int64()),
                    ("key_b64", pa.string()),
                    ("value_b64", pa.string()),
                    ("file", pa.string()),
                    ("line", pa.int64()),
                ]
            ),
        ),
        ("failed_at", pa.string()),
    ]
)
SCHEMAS = {"events": EVENT_SCHEMA, "quotes": QUOTE_EVENT_SCHEMA, "dead_letter": DEAD_LETTER_SCHEMA}


def parquet_paths(events_path: str) -> dict[str, str]:
    """Stream → path: ``X.parquet``, ``X.quotes.parquet``, ``X.dlq.parquet``."""
    base = events_path[: -len(".parquet")] if events_path.endswith(".parquet") else events_path
    return {
        stream: path[: -len(".jsonl")] + ".parquet"
        for stream, path in output_paths(base + ".jsonl").items()
    }


def _row(value: bytes, schema: pa.Schema) -> dict[str, Any]:
    event = json.loads(value)
    return {name: event.get(name) for name in schema.names}


class WriteParquetFiles(beam.PTransform):
    """Writes each stream of :class:`OutputRecord`s as Parquet (see the module docstring)."""

    def __init__(self, events_path: str, num_shards: int = 0) -> None:
        super().__init__()
        self._paths = parquet_paths(events_path)
        self._num_shards = num_shards

    def expand(self, records: beam.PCollection) -> beam.pvalue.PDone:
        streams = list(self._paths)
        parts = records | "ByStream" >> beam.Partition(
            lambda record, _: streams.index(record.stream), len(streams)
        )
        for stream, part in zip(streams, parts, strict=True):
            path = self._paths[stream]
            schema = SCHEMAS[stream]
            if self._num_shards:
                sink = WriteToParquet(
                    path[: -len(".parquet")],
                    schema,
                    codec="snappy",
                    file_name_suffix=".parquet",
                    num_shards=self._num_shards,
                )
            else:
                sink = WriteToParquet(path, schema, codec="snappy", shard_name_template="")
            _ = (
                part
                | f"Rows{stream}" >> beam.Map(lambda record, s=schema: _row(record.value, s))
                | f"Write{stream}" >> sink
            )
        return beam.pvalue.PDone(records.pipeline)
