"""Batch reprocessing: archive formats, sharded output, progress, summary and idempotency.

The end-to-end tests run the real tagger (``PIPELINE_MODEL_PATH``, else the shipped
checkpoint) on the embedded DirectRunner; the archives are tiny files made in ``tmp_path``.
"""

from __future__ import annotations

import gzip
import json
import os
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import apache_beam as beam
import jsonschema
import pytest
from apache_beam.io import fileio
from apache_beam.io.filesystem import FileMetadata

from pipeline.__main__ import _partition_offsets
from pipeline.config import DEFAULT_MODEL_PATH, load_config
from pipeline.contracts import InputError, Origin, parse_article
from pipeline.events import OutputRecord
from pipeline.file_io import WriteOutputFiles, output_paths, read_records
from pipeline.progress import Counts, count_input_records, progress_line
from tests.schemas import load_schema

MODEL_PATH = Path(os.environ.get("PIPELINE_MODEL_PATH") or DEFAULT_MODEL_PATH)
needs_model = pytest.mark.skipif(
    not (MODEL_PATH / "config.json").exists(), reason=f"no checkpoint at {MODEL_PATH}"
)

SNN_DAY = [
    {
        "source": "aawsat",
        "url": "http://aawsat.com/home/article/1",
        "date_extracted": "2015-07-21 02:51:32",
        "title": "الجبير في الرياض",
        "author": "الرياض: الشرق الأوسط",
        "content": "وقال وزير الخارجية السعودي عادل الجبير في الرياض إن المملكة تدعم الحل السياسي.",
    },
    {  # empty content: must become an empty_text dead letter, not vanish
        "source": "okaz",
        "url": "http://okaz.com.sa/2",
        "date_extracted": "2015-07-21 03:00:00",
        "title": "عنوان بلا نص",
        "author": "",
        "content": "",
    },
    {  # null fields: left out of the article
        "source": None,
        "url": "http://sabq.org/3",
        "date_extracted": None,
        "title": None,
        "author": None,
        "content": "أعلنت وزارة الصحة في جدة عن افتتاح مستشفى جديد.",
    },
    {  # null content
        "source": "sabq",
        "url": "http://sabq.org/4",
        "date_extracted": "2015-07-21 04:00:00",
        "title": "t",
        "author": None,
        "content": None,
    },
    None,  # not an object
]


def make_snn_zip(path: Path, days: dict[str, Any]) -> Path:
    """A SaudiNewsNet-style zip: one ``YYYY-MM-DD.json`` member per day (str = raw member)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for day, items in days.items():
            data = items if isinstance(items, str) else json.dumps(items, ensure_ascii=False)
            archive.writestr(f"{day}.json", data)
    return path


def readable(path: Path) -> fileio.ReadableFile:
    return fileio.ReadableFile(FileMetadata(str(path), path.stat().st_size))


def test_saudinewsnet_zip_is_read_with_empty_and_null_fields(tmp_path: Path) -> None:
    archive = make_snn_zip(
        tmp_path / "2015-07-21.zip", {"2015-07-21": SNN_DAY, "2015-07-22": "[broken"}
    )
    records = list(read_records(readable(archive)))
    assert len(records) == len(SNN_DAY) + 1  # every item, plus one record for the bad member
    assert [r.origin.line for r in records[: len(SNN_DAY)]] == [1, 2, 3, 4, 5]
    assert records[0].origin.file == f"{archive}!2015-07-21.json"
    assert records[0].origin.to_json() is None  # file records carry no Kafka origin

    first = json.loads(records[0].value)
    assert first == {
        "id": first["id"],
        "text": SNN_DAY[0]["content"],
        "title": "الجبير في الرياض",
        "source": "aawsat",
        "url": "http://aawsat.com/home/article/1",
        "published_at": "2015-07-21T02:51:32+03:00",
        "lang": "ar",
    }
    assert first["id"].startswith("snn-")
    nulls = json.loads(records[2].value)
    assert set(nulls) == {"id", "text", "url", "lang"}

    outcomes = []
    for record in records:
        try:
            parse_article(record, 1_000_000)
            outcomes.append("ok")
        except InputError as exc:
            outcomes.append(exc.code)
    assert outcomes == ["ok", "empty_text", "ok", "empty_text", "not_an_object", "invalid_json"]


def test_ids_are_stable_across_reads(tmp_path: Path) -> None:
    archive = make_snn_zip(tmp_path / "a.zip", {"2015-07-21": SNN_DAY[:3]})
    first = [json.loads(r.value)["id"] for r in read_records(readable(archive))]
    again = [json.loads(r.value)["id"] for r in read_records(readable(archive))]
    assert first == again and len(set(first)) == 3


def test_jsonl_gz_and_json_array_are_read(tmp_path: Path) -> None:
    lines = [b'{"id": "a", "text": "x"}', b"", b"{broken", b'{"id": "b", "text": "y"}']
    gz = tmp_path / "part.jsonl.gz"
    gz.write_bytes(gzip.compress(b"\n".join(lines) + b"\n"))
    records = list(read_records(readable(gz)))
    assert [r.value for r in records] == [lines[0], lines[2], lines[3]]
    assert [r.origin.line for r in records] == [1, 3, 4]

    array = tmp_path / "some.json"
    array.write_text(json.dumps([{"id": "c", "text": "z"}, 7]), encoding="utf-8")
    values = [json.loads(r.value) for r in read_records(readable(array))]
    assert values == [{"id": "c", "text": "z"}, 7]

    surrogate = tmp_path / "surrogate.json"
    surrogate.write_text('[{"id": "s", "text": "\\ud800 x"}]', encoding="utf-8")
    (record,) = read_records(readable(surrogate))
    with pytest.raises(InputError, match="surrogate"):
        parse_article(record, 1_000_000)


def test_input_records_are_counted_up_front(tmp_path: Path) -> None:
    make_snn_zip(tmp_path / "d1.zip", {"2015-07-21": SNN_DAY, "2015-07-22": "[broken"})
    (tmp_path / "d2.jsonl").write_text('{"id": "a", "text": "x"}\n\n{"id": "b"}\n')
    assert count_input_records(str(tmp_path / "d1.zip")) == len(SNN_DAY) + 1
    assert count_input_records(str(tmp_path / "d*")) == len(SNN_DAY) + 1 + 2
    assert count_input_records("gs://bucket/archive/*.zip") is None


def test_progress_line_shows_rate_and_eta() -> None:
    assert progress_line(50, 200, 10.0) == (
        "progress: 50/200 articles (25.0%), 5.0 articles/s, elapsed 0m10s, ETA 0m30s"
    )
    assert progress_line(7, None, 2.0) == "progress: 7 articles, 3.5 articles/s, elapsed 0m02s"
    counts = Counts(3, 5, Counter({"empty_text": 2}))
    assert counts.articles == 5
    assert Counts.from_json(counts.to_json()) == counts


def test_replay_offsets_are_parsed() -> None:
    assert _partition_offsets(None) == {}
    assert _partition_offsets("0:120,2:80") == {0: 120, 2: 80}
    assert _partition_offsets("15") == {-1: 15}


def test_sharded_output_names(tmp_path: Path) -> None:
    origin = Origin(None, None, None, None)
    records = [OutputRecord("events", None, f'{{"n":{i}}}'.encode(), origin) for i in range(10)]
    records.append(OutputRecord("dead_letter", None, b'{"d":1}', origin, "invalid_json"))
    out = tmp_path / "out" / "events.jsonl"
    options = beam.options.pipeline_options.PipelineOptions(
        ["--runner=apache_beam.runners.portability.fn_api_runner.fn_runner.FnApiRunner"]
    )
    with beam.Pipeline(options=options) as pipeline:
        _ = pipeline | beam.Create(records) | WriteOutputFiles(str(out), num_shards=2)
    names = sorted(p.name for p in out.parent.iterdir())
    assert names == [
        "events-00000-of-00002.jsonl",
        "events-00001-of-00002.jsonl",
        "events.dlq-00000-of-00002.jsonl",
        "events.dlq-00001-of-00002.jsonl",
        "events.quotes-00000-of-00002.jsonl",
        "events.quotes-00001-of-00002.jsonl",
    ]
    lines = [
        line for p in out.parent.glob("events-0*.jsonl") for line in p.read_text().splitlines()
    ]
    assert sorted(json.loads(line)["n"] for line in lines) == list(range(10))


def read_outputs(events_path: Path) -> dict[str, list[dict[str, Any]]]:
    paths = output_paths(str(events_path))
    return {
        stream: [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
        for stream, path in paths.items()
    }


def without_volatile(events: list[dict[str, Any]], *keys: str) -> dict[str, dict[str, Any]]:
    """Events by id with the fields that may differ between runs removed."""
    return {e["event_id"]: {k: v for k, v in e.items() if k not in keys} for e in events}


@needs_model
@pytest.mark.slow
def test_reprocessing_an_archive_twice_gives_identical_events(tmp_path: Path) -> None:
    from pipeline.batch import run_reprocess

    archive_dir = tmp_path / "archive"
    archive_dir.mkdir()
    make_snn_zip(archive_dir / "2015-07-21.zip", {"2015-07-21": SNN_DAY})
    (archive_dir / "extra.jsonl").write_text(
        json.dumps({"id": "x-1", "text": "التقى الملك سلمان الرئيس باراك أوباما في واشنطن."})
        + "\n{broken\n",
        encoding="utf-8",
    )
    config = load_config(env={"PIPELINE_MODEL_PATH": str(MODEL_PATH), "PIPELINE_DEVICE": "cpu"})
    runs = []
    # The second run uses two worker processes: the events must not depend on that either.
    two_workers = ["--direct_num_workers=2", "--direct_running_mode=multi_processing"]
    for run, beam_args in (("first", []), ("second", two_workers)):
        out = tmp_path / run / "events.jsonl"
        summary = run_reprocess(
            config, str(archive_dir / "*"), str(out), beam_args=beam_args, progress_interval_s=1
        )
        runs.append(read_outputs(out))
        assert summary.articles == len(SNN_DAY) + 2
        assert summary.events == 3
        assert summary.dead_letters == {"empty_text": 2, "not_an_object": 1, "invalid_json": 1}
        assert summary.quotes == len(runs[-1]["quotes"])
    first, second = runs
    assert len(first["events"]) == 3
    for stream, schema in (("events", "article-event"), ("quotes", "quote-event")):
        for event in first[stream]:
            jsonschema.validate(event, load_schema(schema))
        assert without_volatile(first[stream], "processed_at") == without_volatile(
            second[stream], "processed_at"
        )

    def letters(run: dict[str, list[dict[str, Any]]]) -> list[str]:
        # Dead letters have no id: compare them as sorted JSON, without the failure time.
        return sorted(
            json.dumps({k: v for k, v in d.items() if k != "failed_at"}, sort_keys=True)
            for d in run["dead_letter"]
        )

    assert letters(first) == letters(second)
    assert sorted(d["error"]["type"] for d in first["dead_letter"]) == [
        "empty_text",
        "empty_text",
        "invalid_json",
        "not_an_object",
    ]


@pytest.mark.parametrize(
    ("stream", "schema"),
    [("events", "article-event"), ("quotes", "quote-event"), ("dead_letter", "dead-letter")],
)
def test_parquet_schema_covers_the_json_schema(stream: str, schema: str) -> None:
    from pipeline.parquet import SCHEMAS

    json_schema = load_schema(schema)
    arrow = SCHEMAS[stream]
    assert arrow.names == list(json_schema["properties"])
    for name, spec in json_schema["properties"].items():
        if "properties" in spec:  # objects are structs with the same fields
            struct = arrow.field(name).type
            assert [struct.field(i).name for i in range(struct.num_fields)] == list(
                spec["properties"]
            )


def test_parquet_output_round_trips(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from pipeline.contracts import Article, RawRecord
    from pipeline.events import (
        ModelInfo,
        build_article_event,
        build_dead_letter,
        build_quote_events,
        encode_json,
    )
    from pipeline.parquet import WriteParquetFiles
    from tests.test_pipeline_events import analysis

    text = "وقال بوتين إن روسيا ستساعد."
    kafka = Origin("articles", 2, 41, 1_700_000_000_000)
    event = build_article_event(
        Article(id="a1", text=text), kafka, analysis(), ModelInfo("m", "1"), "2026-11-29T10:00Z"
    )
    quotes = build_quote_events(event)
    file_origin = Origin(None, None, None, None, file="a.zip!d.json", line=3)
    letter = build_dead_letter(
        RawRecord(None, b"{", file_origin), "parse", "invalid_json", "bad", "2026-11-29T10:00Z"
    )
    records = [
        OutputRecord("events", b"a1", encode_json(event), kafka),
        *(OutputRecord("quotes", b"a1", encode_json(q), kafka) for q in quotes),
        OutputRecord("dead_letter", None, encode_json(letter), file_origin, "invalid_json"),
    ]
    out = tmp_path / "events.parquet"
    options = beam.options.pipeline_options.PipelineOptions(
        ["--runner=apache_beam.runners.portability.fn_api_runner.fn_runner.FnApiRunner"]
    )
    with beam.Pipeline(options=options) as pipeline:
        _ = pipeline | beam.Create(records) | WriteParquetFiles(str(out))
    assert pq.read_table(out).to_pylist() == [event]
    assert pq.read_table(tmp_path / "events.quotes.parquet").to_pylist() == quotes
    assert pq.read_table(tmp_path / "events.dlq.parquet").to_pylist() == [letter]


def test_reprocess_defaults_to_one_direct_worker_process_per_core(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pipeline.batch import direct_workers_args

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    config = load_config(env={})
    assert direct_workers_args(config, [], None) == [
        "--direct_num_workers=2",
        "--direct_running_mode=multi_processing",
    ]
    assert config.model.threads == 1
    assert direct_workers_args(load_config(env={}), ["--direct_num_workers=3"], None) == [
        "--direct_num_workers=3"
    ]
    assert direct_workers_args(load_config(env={}), [], 1) == []
    prism = load_config(Path(__file__).parent.parent / "configs" / "prism.yaml", env={})
    assert direct_workers_args(prism, [], None) == []


def test_kafka_reads_run_on_one_direct_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """The in-process engine with several workers drops deferred Kafka ranges: a replay
    defaults to one worker, and several workers are refused before anything runs."""
    import apache_beam as beam

    from pipeline.batch import direct_workers_args
    from pipeline.graph import build_reprocess_pipeline, pipeline_options, read_settings

    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    config = load_config(env={})
    assert direct_workers_args(config, [], None, kafka_replay=True) == []
    assert config.model.threads == 0
    replay = read_settings(config, bounded=True, use_group=False)
    workers = pipeline_options(config, streaming=False, extra=["--direct_num_workers=2"])
    with pytest.raises(ValueError, match="direct_num_workers=1"):
        build_reprocess_pipeline(beam.Pipeline(options=workers), config, None, "out", replay)
    prism = load_config(Path(__file__).parent.parent / "configs" / "prism.yaml", env={})
    options = pipeline_options(prism, streaming=False, extra=["--direct_num_workers=2"])
    build_reprocess_pipeline(beam.Pipeline(options=options), prism, None, "out", replay)
