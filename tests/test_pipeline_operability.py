"""Status line, dead-letter size cap and replay decoding, security settings (issue #6)."""

from __future__ import annotations

import base64
import json
import logging
from pathlib import Path

import pytest
from kafka.admin import KafkaAdminClient

from kafka import KafkaConsumer, KafkaProducer
from pipeline.config import load_config
from pipeline.contracts import Origin, RawRecord
from pipeline.events import OutputRecord
from pipeline.monitoring import StatusLog, percentile
from pipeline.replay import decode_letter
from pipeline.transforms import MAX_DEAD_LETTER_BYTES, dead_letter_record

ORIGIN = Origin("articles", 2, 41, 1_000_000)


def test_percentile_nearest_rank() -> None:
    assert percentile([], 0.5) is None
    assert percentile([7], 0.95) == 7
    assert percentile(list(range(1, 101)), 0.5) == 50
    assert percentile(list(range(1, 101)), 0.95) == 95


def test_status_line_counts_answers_lag_and_latency(caplog: pytest.LogCaptureFixture) -> None:
    now = [0.0]
    status = StatusLog(30.0, clock=lambda: now[0], now_ms=lambda: 1_000_500)
    status.observe(OutputRecord("events", b"a", b"{}", ORIGIN))
    status.observe(OutputRecord("quotes", b"a", b"{}", ORIGIN))
    status.observe(OutputRecord("dead_letter", None, b"{}", ORIGIN, "invalid_json"))
    status.observe(OutputRecord("dead_letter", None, b"{}", ORIGIN, "invalid_json"))
    status.observe(OutputRecord("dead_letter", None, b"{}", ORIGIN, "model_error"))
    assert not status.due()
    now[0] = 31.0
    assert status.due()
    with caplog.at_level(logging.INFO, logger="pipeline.monitoring"):
        status.log(lag=12)
    line = caplog.messages[-1]
    assert line == (
        "status: articles=4 events=1 quotes=1 dead_letters=3 (invalid_json:2,model_error:1) "
        "lag=12 latency_ms_p50=500 latency_ms_p95=500"
    )
    assert not status.due()  # a new interval started; totals keep counting
    assert "latency_ms_p50=- " in status.line(lag=None) and "lag=?" in status.line(lag=None)
    assert StatusLog(0).due() is False  # 0 turns the line off


def test_oversized_dead_letter_leaves_the_input_out_but_says_where_it_is() -> None:
    big = RawRecord(b"k", b"x" * 1_000_001, ORIGIN)
    record = dead_letter_record(big, "parse", "too_large", "message is 1000001 bytes")
    letter = json.loads(record.value)
    assert len(record.value) < MAX_DEAD_LETTER_BYTES
    assert letter["input"]["value_b64"] is None and letter["input"]["key_b64"] is None
    assert "articles/2@41" in letter["error"]["message"]
    assert record.error_type == "too_large" and record.key == b"k"
    assert decode_letter(record.value) == ("too_large", None, None)

    small = RawRecord(b"k", b"{broken", ORIGIN)
    letter = json.loads(dead_letter_record(small, "parse", "invalid_json", "m").value)
    assert base64.b64decode(letter["input"]["value_b64"]) == b"{broken"
    assert decode_letter(json.dumps(letter).encode()) == ("invalid_json", b"k", b"{broken")


def test_decode_letter_rejects_what_is_not_a_dead_letter() -> None:
    for value in (b"[]", b"{bad", json.dumps({"input": {"value_b64": "!!"}}).encode()):
        with pytest.raises(ValueError):
            decode_letter(value)


def test_security_settings_from_env_and_files_are_kafka_python_parameters(tmp_path: Path) -> None:
    secret = tmp_path / "password"
    secret.write_text("s3cret\n", encoding="utf-8")
    env = {
        "KAFKA_SECURITY_PROTOCOL": "SASL_SSL",
        "KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
        "KAFKA_SASL_USERNAME": "pipeline",
        "KAFKA_SASL_PASSWORD_FILE": str(secret),
        "KAFKA_SSL_CAFILE": "/etc/ca.pem",
        "KAFKA_SSL_CERTFILE": "/etc/client.pem",
        "KAFKA_SSL_KEYFILE": "/etc/client.key",
        "KAFKA_SSL_PASSWORD": "keypass",
    }
    client = load_config(None, env=env).kafka_client_config()
    assert client["sasl_plain_password"] == "s3cret"
    assert client["sasl_mechanism"] == "SCRAM-SHA-512"
    for cls in (KafkaConsumer, KafkaProducer, KafkaAdminClient):
        unknown = set(client) - set(cls.DEFAULT_CONFIG)
        assert not unknown, (cls.__name__, unknown)


def test_kafka_clients_checksum_natively_and_warn_when_they_cannot(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from kafka.record import util

    from pipeline import kafka_io

    assert util.crc32c_c is not None  # requirements.txt installs the native CRC-32C
    monkeypatch.setattr(util, "crc32c_c", None)
    kafka_io.warn_if_pure_python_crc.cache_clear()
    with caplog.at_level(logging.WARNING, logger="pipeline.kafka_io"):
        kafka_io.warn_if_pure_python_crc()
        kafka_io.warn_if_pure_python_crc()
    assert [r.message for r in caplog.records if "CRC-32C" in r.message] != []
    assert len(caplog.records) == 1
    kafka_io.warn_if_pure_python_crc.cache_clear()
