"""File connectors for batch reprocessing: JSONL(.gz) articles in, JSONL events out.

Paths may be local or any Beam filesystem URL (gs://, s3://, ... with Beam's extras).
Every non-blank input line is one record, kept as raw bytes so that invalid lines reach
the dead-letter output exactly as they were.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath

import apache_beam as beam
from apache_beam.io import fileio

from pipeline.contracts import Origin, RawRecord


def _read_lines(readable: fileio.ReadableFile) -> Iterator[RawRecord]:
    path = readable.metadata.path
    with readable.open() as handle:
        for number, line in enumerate(handle, start=1):
            value = line.rstrip(b"\r\n")
            if value.strip():
                yield RawRecord(None, value, Origin(None, None, None, None, file=path, line=number))


class ReadArticleFiles(beam.PTransform):
    """Reads JSONL or JSONL.gz article files matching a pattern as :class:`RawRecord`s."""

    def __init__(self, pattern: str) -> None:
        super().__init__()
        self._pattern = pattern

    def expand(self, pbegin: beam.pvalue.PBegin) -> beam.PCollection:
        return (
            pbegin
            | "Match" >> fileio.MatchFiles(self._pattern)
            | "Open" >> fileio.ReadMatches()
            | "ReadLines" >> beam.FlatMap(_read_lines)
        )


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
    """Writes each stream of :class:`OutputRecord`s as one JSONL file (one event per line)."""

    def __init__(self, events_path: str) -> None:
        super().__init__()
        self._paths = output_paths(events_path)

    def expand(self, records: beam.PCollection) -> beam.pvalue.PDone:
        streams = list(self._paths)
        parts = records | "ByStream" >> beam.Partition(
            lambda record, _: streams.index(record.stream), len(streams)
        )
        for stream, part in zip(streams, parts, strict=True):
            _ = (
                part
                | f"Encode{stream}" >> beam.Map(lambda record: record.value)
                | f"Write{stream}"
                >> beam.io.WriteToText(
                    self._paths[stream],
                    shard_name_template="",
                    coder=beam.coders.BytesCoder(),
                )
            )
        return beam.pvalue.PDone(records.pipeline)
