"""Issue #6 on the real broker: bad input, broker restart, crash, burst, SASL, DLQ replay.

Every test counts what went in and what came out; nothing may be lost. The figures (inputs,
faults, duplicates per crash, peak memory) are printed and appended to
``out/reliability-figures.jsonl``.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import apache_beam as beam
import pytest
import yaml
from kafka.admin import KafkaAdminClient
from kafka.structs import OffsetAndMetadata

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from pipeline.config import REPO_ROOT
from pipeline.graph import build_stream_pipeline, pipeline_options, read_settings
from pipeline.kafka_io import commit_with_retry
from tests.integration.conftest import KafkaEnv, stop_process
from tests.reliability_cases import ARABIC, bad_input_cases, check_answers

KAFKA_SH = REPO_ROOT / "scripts" / "kafka.sh"
FIGURES = REPO_ROOT / "out" / "reliability-figures.jsonl"
SASL_PORT = int(os.environ.get("KAFKA_SASL_PORT", "9094"))
SASL_PASSWORD_FILE = REPO_ROOT / ".kafka" / "sasl" / "pipeline.password"
LOCAL_BROKER = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092") == "127.0.0.1:9092"
SENTENCES = [
    "وقال وزير الخارجية السعودي عادل الجبير في الرياض إن المملكة تدعم الحل السياسي.",
    "أعلنت وزارة الصحة في جدة عن افتتاح مستشفى جديد.",
    "التقى الملك سلمان بن عبدالعزيز الرئيس الأمريكي باراك أوباما في واشنطن.",
]


def record_figure(test: str, **figures: object) -> None:
    FIGURES.parent.mkdir(exist_ok=True)
    line = json.dumps({"test": test, **figures}, ensure_ascii=False)
    with FIGURES.open("a", encoding="utf-8") as handle:
        handle.write(line + "\n")
    print(f"FIGURES {line}")


def articles(count: int, prefix: str) -> tuple[list[bytes], list[bytes]]:
    values, keys = [], []
    for i in range(count):
        text = f"{SENTENCES[i % 3]} {SENTENCES[(i + 1) % 3]} ({prefix} {i})"
        article_id = f"{prefix}-{i}"
        values.append(json.dumps({"id": article_id, "text": text}, ensure_ascii=False).encode())
        keys.append(article_id.encode())
    return values, keys


def write_config(env: KafkaEnv, path: Path, **processing: object) -> Path:
    data = yaml.safe_load(env.config_path.read_text(encoding="utf-8"))
    data.setdefault("processing", {}).update(processing)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def start_stream(config: Path, log: Path, extra_env: dict[str, str] | None = None, *args: str):
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", "stream", "--config", str(config), *args],
        cwd=REPO_ROOT,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1", **(extra_env or {})},
    )


def count_messages(servers: str, topic: str, client: dict | None = None) -> int:
    consumer = KafkaConsumer(bootstrap_servers=servers, **(client or {}))
    try:
        tps = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        ends = consumer.end_offsets(tps)
        starts = consumer.beginning_offsets(tps)
        return sum(ends[tp] - starts[tp] for tp in tps)
    finally:
        consumer.close()


def wait_for(predicate, timeout_s: float, every_s: float = 1.0) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(every_s)
    return predicate()


def answered(env: KafkaEnv) -> int:
    """Inputs answered so far: article events plus dead letters."""
    topics = env.config.kafka.topics
    return count_messages(env.servers, topics.events) + count_messages(
        env.servers, topics.dead_letter
    )


def event_ids_by_article(events: list[dict]) -> dict[str, set[str]]:
    ids: dict[str, set[str]] = {}
    for event in events:
        ids.setdefault(event["value"]["article_id"], set()).add(event["value"]["event_id"])
    return ids


def test_every_bad_input_is_answered_on_the_broker(kafka_env: KafkaEnv) -> None:
    cases = bad_input_cases()
    good, good_keys = articles(10, "g")
    values = [c.value for c in cases] + good
    keys = [f"case-{c.name}".encode() for c in cases] + good_keys
    positions = kafka_env.produce(values, keys)

    config = kafka_env.config
    with beam.Pipeline(options=pipeline_options(config, streaming=False)) as pipeline:
        build_stream_pipeline(pipeline, config, read_settings(config, bounded=True))

    topics = config.kafka.topics
    valid = sum(c.expect == "event" for c in cases)
    events = kafka_env.consume(topics.events, expected=len(good) + valid)
    letters = kafka_env.consume(topics.dead_letter, expected=len(cases) - valid)
    quotes = kafka_env.consume(topics.quotes, expected=0, timeout_s=5)
    expected = [(i, c.value, c.expect, c.lang) for i, c in enumerate(cases)]
    expected += [(len(cases) + i, v, "event", "ar") for i, v in enumerate(good)]
    counts = check_answers(
        expected,
        [m["value"] for m in events],
        [m["value"] for m in quotes],
        [m["value"] for m in letters],
        origin_of=dict(enumerate(positions)),
    )
    duplicated = sorted(m["value"]["event_id"] for m in events if m["key"] == b"dup")
    assert len(duplicated) == 2 and duplicated[0] != duplicated[1]
    for letter in letters:  # dead letters keep the input's key
        assert letter["key"] is None or letter["key"].startswith(b"case-")
    record_figure("bad_input", **counts, lost=0)


def test_broker_restart_mid_stream_loses_nothing(kafka_env: KafkaEnv, tmp_path: Path) -> None:
    if not LOCAL_BROKER:
        pytest.skip("restarts the local broker; KAFKA_BOOTSTRAP_SERVERS points elsewhere")
    log = tmp_path / "stream.log"
    config = write_config(kafka_env, tmp_path / "stream.yaml", status_log_interval_s=2)
    first, first_keys = articles(200, "before")
    second, second_keys = articles(100, "after")
    kafka_env.produce(first, first_keys)
    process = start_stream(config, log)
    restarted = False
    try:
        assert wait_for(lambda: answered(kafka_env) >= 20, 240), log.read_text()[-3000:]
        subprocess.run(["bash", str(KAFKA_SH), "down"], check=True)
        down_at = time.monotonic()
        time.sleep(10)  # the pipeline keeps running against a dead broker
        assert process.poll() is None, log.read_text()[-3000:]
        subprocess.run(["bash", str(KAFKA_SH), "up"], check=True)
        restarted = True
        downtime = time.monotonic() - down_at
        kafka_env.produce(second, second_keys)
        total = len(first) + len(second)
        assert wait_for(lambda: answered(kafka_env) >= total, 300), log.read_text()[-3000:]
        assert process.poll() is None, "the pipeline died instead of recovering"
    finally:
        if not restarted:
            subprocess.run(["bash", str(KAFKA_SH), "up"], check=True)
        stop_process(process)
    events = kafka_env.consume(kafka_env.config.kafka.topics.events, expected=total)
    ids = event_ids_by_article(events)
    assert set(ids) == {json.loads(v)["id"] for v in first + second}
    assert all(len(event_ids) == 1 for event_ids in ids.values())
    status_lines = [line for line in log.read_text().splitlines() if "status: articles=" in line]
    assert status_lines, "no periodic status line in the log"
    record_figure(
        "broker_restart",
        inputs=total,
        faults=1,
        broker_down_s=round(downtime, 1),
        lost=0,
        duplicates=len(events) - len(ids),
        last_status=status_lines[-1].split("status: ", 1)[1],
    )


def test_offset_commit_waits_out_a_broker_restart(kafka_env: KafkaEnv) -> None:
    """A commit issued while the broker is down succeeds once it is back (CI saw it fail)."""
    if not LOCAL_BROKER:
        pytest.skip("restarts the local broker; KAFKA_BOOTSTRAP_SERVERS points elsewhere")
    [(partition, offset)] = kafka_env.produce([b"{}"], [b"k"])
    tp = TopicPartition(kafka_env.config.kafka.topics.input, partition)
    group = kafka_env.config.kafka.consumer_group
    committer = KafkaConsumer(
        group_id=group, enable_auto_commit=False, bootstrap_servers=kafka_env.servers
    )
    errors: list[BaseException] = []

    def commit() -> None:
        try:
            commit_with_retry(committer, {tp: OffsetAndMetadata(offset + 1, "", -1)}, 120.0)
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    subprocess.run(["bash", str(KAFKA_SH), "down"], check=True)
    worker = threading.Thread(target=commit)
    try:
        worker.start()
        time.sleep(3)  # the commit meets a dead broker and keeps retrying
        assert worker.is_alive() and not errors, errors
    finally:
        subprocess.run(["bash", str(KAFKA_SH), "up"], check=True)
    worker.join(timeout=150)
    committer.close()
    assert not worker.is_alive() and not errors, errors
    reader = KafkaConsumer(group_id=group, bootstrap_servers=kafka_env.servers)
    try:
        assert reader.committed(tp) == offset + 1
    finally:
        reader.close()


def test_crash_mid_stream_duplicates_carry_the_same_ids(
    kafka_env: KafkaEnv, tmp_path: Path
) -> None:
    log = tmp_path / "stream.log"
    values, keys = articles(400, "crash")
    kafka_env.produce(values, keys)
    crashes = []
    for _ in range(2):  # kill -9 twice, each time while it is working through the backlog
        process = start_stream(kafka_env.config_path, log)
        try:
            before = answered(kafka_env)
            assert wait_for(lambda b=before: answered(kafka_env) >= b + 40, 240, 0.2), (
                log.read_text()[-3000:]
            )
        finally:
            stop_process(process, signal.SIGKILL)
        crashes.append(answered(kafka_env))
    process = start_stream(kafka_env.config_path, log)
    try:
        assert wait_for(lambda: len(_distinct_ids(kafka_env)) >= len(values), 300), log.read_text()[
            -3000:
        ]
        time.sleep(3)  # let anything still in flight land before counting duplicates
    finally:
        stop_process(process)
    events = kafka_env.consume(kafka_env.config.kafka.topics.events, expected=len(values))
    ids = event_ids_by_article(events)
    assert set(ids) == {json.loads(v)["id"] for v in values}
    assert all(len(event_ids) == 1 for event_ids in ids.values())  # duplicates: same event_id
    duplicates = len(events) - len(ids)
    record_figure(
        "crash_kill9",
        inputs=len(values),
        faults=len(crashes),
        answered_before_each_crash=crashes,
        lost=0,
        duplicates=duplicates,
        duplicates_per_crash=duplicates / len(crashes),
        max_records_per_poll=kafka_env.config.kafka.max_records_per_poll,
    )


def _distinct_ids(env: KafkaEnv) -> set[str]:
    events = env.consume(env.config.kafka.topics.events, expected=0, timeout_s=2)
    return {m["value"]["article_id"] for m in events}


def _memory_kib(pid: int) -> dict[str, int]:
    figures = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            figures[name] = int(rest.split()[0])
    return figures


@pytest.mark.slow
def test_burst_of_10000_messages_keeps_memory_bounded(kafka_env: KafkaEnv, tmp_path: Path) -> None:
    total = 10_000
    values, keys = articles(total - total // 20, "burst")
    for i in range(total // 20):  # 5 % bad input in the burst
        values.append(b"{not json " + str(i).encode())
        keys.append(None)
    kafka_env.produce(values, keys)
    log = tmp_path / "stream.log"
    config = write_config(kafka_env, tmp_path / "stream.yaml", status_log_interval_s=10)
    process = start_stream(config, log)
    samples: list[tuple[float, int, int]] = []  # (answered, rss, hwm)
    stop_sampling = threading.Event()

    def sample() -> None:
        while not stop_sampling.wait(2.0) and process.poll() is None:
            try:
                memory = _memory_kib(process.pid)
            except (FileNotFoundError, ProcessLookupError):
                return
            samples.append((time.monotonic(), memory["VmRSS"], memory["VmHWM"]))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.monotonic()
    progress: list[tuple[float, int]] = []
    try:

        def done() -> bool:
            progress.append((time.monotonic(), answered(kafka_env)))
            return progress[-1][1] >= total

        assert wait_for(done, 1800, 5), log.read_text()[-3000:]
        elapsed = time.monotonic() - started
        peak_kib = _memory_kib(process.pid)["VmHWM"]
    finally:
        stop_sampling.set()
        stop_process(process)
    topics = kafka_env.config.kafka.topics
    assert count_messages(kafka_env.servers, topics.dead_letter) == total // 20
    assert len(_distinct_ids(kafka_env)) == total - total // 20
    # Memory is bounded: after the first quarter of the burst the resident set grows by less
    # than 300 MiB, however much backlog is left (the read is paced by the bundles).
    quarter = next(t for t, n in progress if n >= total // 4)
    rss_after_quarter = max(rss for t, rss, _ in samples if t <= quarter)
    rss_max = max(rss for _, rss, _ in samples)
    assert rss_max - rss_after_quarter < 300 * 1024, (rss_after_quarter, rss_max)
    assert peak_kib < 3 * 1024 * 1024
    record_figure(
        "burst",
        inputs=total,
        lost=0,
        seconds=round(elapsed, 1),
        per_second=round(total / elapsed, 1),
        peak_rss_mib=round(peak_kib / 1024),
        rss_after_first_quarter_mib=round(rss_after_quarter / 1024),
        rss_max_sampled_mib=round(rss_max / 1024),
    )


def _sasl_client() -> dict[str, str]:
    return {
        "security_protocol": "SASL_PLAINTEXT",
        "sasl_mechanism": "PLAIN",
        "sasl_plain_username": "pipeline",
        "sasl_plain_password": SASL_PASSWORD_FILE.read_text().strip(),
    }


def _sasl_listener_ready() -> bool:
    if not SASL_PASSWORD_FILE.exists():
        return False
    try:
        admin = KafkaAdminClient(
            bootstrap_servers=f"127.0.0.1:{SASL_PORT}",
            bootstrap_timeout_ms=5000,
            request_timeout_ms=5000,
            **_sasl_client(),
        )
    except Exception:  # noqa: BLE001 - not there (yet)
        return False
    admin.close()
    return True


def test_pipeline_authenticates_with_sasl_plain(kafka_env: KafkaEnv, tmp_path: Path) -> None:
    if not LOCAL_BROKER or SASL_PORT == 0:
        pytest.skip("needs the local broker's SASL listener (scripts/kafka.sh, KAFKA_SASL_PORT)")
    if not _sasl_listener_ready():  # an older broker without the listener: `up` restarts it
        subprocess.run(["bash", str(KAFKA_SH), "up"], check=True)
        assert _sasl_listener_ready()
    servers = f"127.0.0.1:{SASL_PORT}"
    password = SASL_PASSWORD_FILE.read_text().strip()
    with pytest.raises(Exception):  # noqa: B017 - a wrong password must not get in
        KafkaAdminClient(
            bootstrap_servers=servers,
            bootstrap_timeout_ms=5000,
            request_timeout_ms=5000,
            **{**_sasl_client(), "sasl_plain_password": "not-" + password},
        )

    values, keys = articles(8, "sasl")
    producer = KafkaProducer(bootstrap_servers=servers, acks="all", **_sasl_client())
    for value, key in zip(values, keys, strict=True):
        producer.send(kafka_env.config.kafka.topics.input, key=key, value=value)
    producer.flush()
    producer.close()

    log = tmp_path / "stream.log"
    env = {  # secrets only from the environment, the password from a file
        "KAFKA_BOOTSTRAP_SERVERS": servers,
        "KAFKA_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
        "KAFKA_SASL_MECHANISM": "PLAIN",
        "KAFKA_SASL_USERNAME": "pipeline",
        "KAFKA_SASL_PASSWORD_FILE": str(SASL_PASSWORD_FILE),
    }
    process = start_stream(kafka_env.config_path, log, env, "--bounded")
    try:
        assert process.wait(timeout=300) == 0, log.read_text()[-3000:]
    finally:
        stop_process(process)
    topic = kafka_env.config.kafka.topics.events
    assert count_messages(servers, topic, _sasl_client()) == len(values)
    output = log.read_text()
    assert password not in output
    assert SENTENCES[0] not in output  # no article text in the log either
    record_figure("sasl_plain", inputs=len(values), events=len(values), lost=0)


def test_replay_dead_letters_after_a_fix(kafka_env: KafkaEnv, tmp_path: Path) -> None:
    """English articles rejected by configuration are replayed once the option is turned off."""
    english = [
        json.dumps({"id": f"en-{i}", "text": f"The minister said in Riyadh ({i})."}).encode()
        for i in range(3)
    ]
    broken = [b'{"id": "b", "text": ']
    arabic, arabic_keys = articles(2, "ar")
    kafka_env.produce(english + broken + arabic, [b"en"] * 3 + [None] + arabic_keys)
    config = kafka_env.config
    topics = config.kafka.topics

    def run(reject_non_arabic: bool) -> None:
        config.processing.reject_non_arabic = reject_non_arabic
        with beam.Pipeline(options=pipeline_options(config, streaming=False)) as pipeline:
            build_stream_pipeline(pipeline, config, read_settings(config, bounded=True))

    run(reject_non_arabic=True)
    letters = kafka_env.consume(topics.dead_letter, expected=4)
    assert (
        sorted(m["value"]["error"]["type"] for m in letters)
        == ["invalid_json"] + ["unsupported_language"] * 3
    )

    def replay(*flags: str) -> str:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pipeline",
                "replay-dlq",
                "--config",
                str(kafka_env.config_path),
                *flags,
            ],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        return result.stdout

    assert "would replay 3 of 4" in replay("--error-type", "unsupported_language", "--dry-run")
    assert "replayed 3 of 4" in replay("--error-type", "unsupported_language")
    assert "replayed 0 of 0" in replay("--error-type", "unsupported_language")  # remembered
    assert count_messages(kafka_env.servers, topics.input) == len(english + broken + arabic) + 3

    run(reject_non_arabic=False)  # the fix; the pipeline resumes from its committed offsets
    events = kafka_env.consume(topics.events, expected=len(arabic) + 3)
    by_id = {m["value"]["article_id"]: m["value"] for m in events}
    assert set(by_id) == {"en-0", "en-1", "en-2", "ar-0", "ar-1"}
    assert {by_id[f"en-{i}"]["lang"] for i in range(3)} == {"und-Latn"}
    consumer = KafkaConsumer(
        topics.input,
        bootstrap_servers=kafka_env.servers,
        auto_offset_reset="earliest",
        consumer_timeout_ms=3000,
    )
    keys = [m.key for m in consumer]
    consumer.close()
    assert keys.count(b"en") == 6  # the replayed copies keep the original key
    assert len(kafka_env.consume(topics.dead_letter, expected=4, timeout_s=5)) == 4
    record_figure("replay_dlq", dead_letters=4, replayed=3, events_after_fix=3, lost=0)


def test_article_text_never_reaches_the_log_at_info(kafka_env: KafkaEnv, tmp_path: Path) -> None:
    secret_text = f"{ARABIC} سر-لا-يطبع-{os.getpid()}"
    values = [
        json.dumps({"id": "p1", "text": secret_text}, ensure_ascii=False).encode(),
        json.dumps({"id": "p2", "text": secret_text, "published_at": "never"}).encode(),
        b"\xff" + secret_text.encode(),
    ]
    kafka_env.produce(values)
    log = tmp_path / "stream.log"
    process = start_stream(kafka_env.config_path, log, None, "--bounded")
    assert process.wait(timeout=300) == 0, log.read_text()[-3000:]
    assert answered(kafka_env) == 3
    assert "سر-لا-يطبع" not in log.read_text(encoding="utf-8", errors="replace")
