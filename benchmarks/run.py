"""Benchmark suite: model speed, hardware ceiling, end to end on Kafka, latency, scaling, memory.

``python -m benchmarks.run [--quick] [--model DIR] [--out runs/bench] [--docs]``

Every figure comes from one run on the same SaudiNewsNet articles (in archive order, empty
texts skipped): model-only speed of the shipped tagger and of a BERT-base-sized reference
(random weights, same tokenizer), the fp32 matmul ceiling and the achieved FLOP/s, the
``model.runtime``/``model.quantize`` variants with their ANERcorp dev F1, the bounded
streaming pipeline (``python -m pipeline stream --bounded`` on fresh topics) at several input
sizes, the latency of the unbounded pipeline at half the measured maximum rate, and the peak
resident memory of the pipeline processes. Results go to ``OUT/results.{json,md,png}``;
``--docs`` also copies the table and plot to ``docs/benchmarks.{md,png}``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
import yaml
from tqdm import tqdm

from benchmarks.metrics import (
    Check,
    EncoderShape,
    percentile,
    plot_results,
    render_report,
    spread_pct,
    total_flops,
)
from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from models.corpus import default_data_dir, read_conll
from models.evaluate import evaluate_ner
from models.quantize import QUANTIZE_MODES, RUNTIMES, quantize_tagger
from models.speed import bert_base_like
from models.tagger import Tagger
from pipeline.archives import iter_messages
from pipeline.config import REPO_ROOT, load_config
from pipeline.kafka_admin import delete_topics, ensure_topics
from pipeline.text import split_windows

DOCS = REPO_ROOT / "docs"


@dataclass(frozen=True)
class Sizes:
    """How much work each part of the benchmark does."""

    model_articles: int
    reference_articles: int
    variant_articles: int
    length_articles: int
    e2e_sizes: tuple[int, ...]
    e2e_reference: int
    latency_seconds: float
    f1_sentences: int | None

    @classmethod
    def for_mode(cls, quick: bool) -> Sizes:
        """Full sizes, or tiny ones for CI smoke runs."""
        if quick:
            return cls(40, 6, 24, 24, (20, 40), 40, 12.0, 60)
        return cls(2000, 48, 200, 300, (1000, 2000, 4000), 2000, 90.0, None)


@dataclass(frozen=True, slots=True)
class Article:
    """One input message and its text."""

    value: bytes
    id: str
    text: str


def load_articles(data_dir: Path, count: int, seed: int = 0) -> list[Article]:
    """``count`` SaudiNewsNet articles with a non-blank text, as input messages, in a seeded
    random order over the whole archive: every prefix has the same length distribution (the
    archive order is by crawl day and source, and its first 1,000 articles are 60 % longer on
    average than its first 4,000), so costs at different sizes compare like with like."""
    out = []
    for value in iter_messages(data_dir / "saudinewsnet"):
        item = json.loads(value)
        if item["text"].strip():
            out.append(Article(value, item["id"], item["text"]))
    if len(out) < count:
        raise SystemExit(f"only {len(out)} articles in {data_dir / 'saudinewsnet'}")
    random.Random(seed).shuffle(out)
    return out[:count]


# --- model only -----------------------------------------------------------------------------


def article_windows(articles: Sequence[Article], max_chars: int) -> list[list[str]]:
    """The window texts the pipeline gives the model, per article."""
    return [[w.text for w in split_windows(a.text, max_chars) if w.text.strip()] for a in articles]


def params_m(tagger: Tagger) -> float:
    """Parameters of the model in millions (quantised weights counted as before)."""
    return sum(p.numel() for p in tagger.model.parameters()) / 1e6


def time_model(
    tagger: Tagger,
    windows: Sequence[Sequence[str]],
    per_batch: int,
    budget: int,
    desc: str,
    repeats: int = 1,
) -> float:
    """Best wall time of ``Tagger.predict`` over all articles in pipeline-sized batches."""
    tagger.predict([w for ws in windows[:2] for w in ws], max_tokens_per_batch=budget)  # warm
    best = float("inf")
    for r in range(repeats):
        elapsed = 0.0
        total = len(windows)
        with tqdm(total=total, desc=f"{desc} {r + 1}/{repeats}", unit=" art", leave=False) as bar:
            for i in range(0, total, per_batch):
                chunk = [w for ws in windows[i : i + per_batch] for w in ws]
                t0 = time.perf_counter()
                tagger.predict(chunk, max_tokens_per_batch=budget)
                elapsed += time.perf_counter() - t0
                bar.update(min(per_batch, total - i))
        best = min(best, elapsed)
    return best


def model_figures(
    tagger: Tagger,
    windows: Sequence[Sequence[str]],
    seconds: float,
    peak_gflops: float,
    name: str,
) -> dict[str, Any]:
    """Throughput and FLOP figures of one timed model run."""
    lengths = tagger.count_tokens([w for ws in windows for w in ws])
    flops = total_flops(EncoderShape.from_config(tagger.model.config), lengths)
    gflops = flops / seconds / 1e9
    return {
        "name": name,
        "params_m": round(params_m(tagger), 2),
        "articles": len(windows),
        "tokens": sum(lengths),
        "seconds": round(seconds, 3),
        "articles_per_s": round(len(windows) / seconds, 2),
        "tokens_per_s": round(sum(lengths) / seconds),
        "gflop": round(flops / 1e9, 1),
        "gflops_per_s": round(gflops, 2),
        "utilisation_pct": round(gflops / peak_gflops * 100, 1),
    }


def matmul_ceiling(sizes: Sequence[int], seconds: float = 1.5) -> dict[str, Any]:
    """Best fp32 matmul rate (GFLOP/s) over square sizes, on the current torch threads."""
    best: dict[str, float] = {}
    for n in sizes:
        a, b = torch.randn(n, n), torch.randn(n, n)
        torch.mm(a, b)
        rate, end = 0.0, time.perf_counter() + seconds
        while time.perf_counter() < end:
            t0 = time.perf_counter()
            torch.mm(a, b)
            rate = max(rate, 2 * n**3 / (time.perf_counter() - t0) / 1e9)
        best[str(n)] = round(rate, 1)
    return {"matmul_gflops": max(best.values()), "by_size": best, "sizes": list(sizes)}


# --- Kafka helpers -------------------------------------------------------------------------


@dataclass(frozen=True)
class BenchTopics:
    """Fresh topics, group and config file for one pipeline run."""

    config_path: Path
    input: str
    events: str
    quotes: str
    dead_letter: str
    group: str

    @property
    def all(self) -> list[str]:
        """Every topic of the run."""
        return [self.input, self.events, self.quotes, self.dead_letter]


def make_run_config(base: Path, out_dir: Path, tag: str, overrides: dict[str, Any]) -> BenchTopics:
    """A copy of the base YAML with unique topics and consumer group, plus ``overrides``.

    ``overrides`` maps dotted keys (``model.quantize``, ``kafka.poll_timeout_ms``) to values.
    """
    data = yaml.safe_load(base.read_text(encoding="utf-8")) or {}
    suffix = f"{tag}-{uuid.uuid4().hex[:8]}"
    kafka = data.setdefault("kafka", {})
    names = {
        "input": f"bench-articles-{suffix}",
        "events": f"bench-events-{suffix}",
        "quotes": f"bench-quotes-{suffix}",
        "dead_letter": f"bench-dlq-{suffix}",
    }
    kafka["topics"] = names
    kafka["consumer_group"] = f"bench-{suffix}"
    kafka["start_from"] = "committed"
    kafka["reset_to"] = "earliest"
    for dotted, value in overrides.items():
        *parents, key = dotted.split(".")
        node = data
        for name in parents:
            node = node.setdefault(name, {})
        node[key] = value
    path = out_dir / f"config-{suffix}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return BenchTopics(path, *names.values(), kafka["consumer_group"])


def produce(servers: str, topic: str, values: Sequence[bytes], client: dict[str, Any]) -> None:
    """Publish all values (keyed by article id) and wait for the acks."""
    producer = KafkaProducer(bootstrap_servers=servers, acks="all", linger_ms=20, **client)
    for value in tqdm(values, desc=f"produce {len(values)}", unit=" msg", leave=False):
        producer.send(topic, key=json.loads(value)["id"].encode("utf-8"), value=value)
    producer.flush()
    producer.close()


def consume_all(
    servers: str,
    topics: Sequence[str],
    expected: int,
    client: dict[str, Any],
    timeout_s: float,
    count_topics: Sequence[str] | None = None,
) -> list[Any]:
    """Messages of ``topics`` from the beginning until ``expected`` arrived on ``count_topics``."""
    consumer = KafkaConsumer(bootstrap_servers=servers, consumer_timeout_ms=1000, **client)
    parts = []
    for topic in topics:
        deadline = time.monotonic() + 30
        while not consumer.partitions_for_topic(topic) and time.monotonic() < deadline:
            time.sleep(0.2)
        parts += [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or []]
    consumer.assign(parts)
    consumer.seek_to_beginning()
    counted = set(count_topics or topics)
    messages: list[Any] = []
    seen = 0
    deadline = time.monotonic() + timeout_s
    while seen < expected and time.monotonic() < deadline:
        for message in consumer:
            messages.append(message)
            seen += message.topic in counted
            if seen >= expected:
                break
    consumer.close()
    return messages


def _wait_peak_rss(proc: subprocess.Popen, timeout_s: float) -> tuple[int, int]:
    """Wait for the child (killed after ``timeout_s``); (return code, last VmHWM seen, KB).

    VmHWM is sampled from /proc while the child lives: the ``ru_maxrss`` of a waited child is
    no use here, as Linux carries the parent's peak over fork and exec into it.
    """
    deadline = time.monotonic() + timeout_s
    peak = 0
    while proc.poll() is None:
        try:
            peak = max(peak, vm_hwm_kb(proc.pid))
        except (OSError, RuntimeError):
            pass  # exiting: /proc entry gone or already without memory
        if time.monotonic() > deadline:
            proc.kill()
            proc.wait()
            break
        time.sleep(0.1)
    return proc.returncode, peak


def vm_hwm_kb(pid: int) -> int:
    """Peak resident set size (VmHWM) of a live process, in KB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmHWM for pid {pid}")


def _pipeline_cmd(config_path: Path, bounded: bool) -> list[str]:
    cmd = [sys.executable, "-m", "pipeline", "--log-level", "WARNING", "stream"]
    cmd += ["--config", str(config_path)]
    return cmd + (["--bounded"] if bounded else [])


def run_bounded(
    articles: Sequence[Article],
    base_config: Path,
    out_dir: Path,
    overrides: dict[str, Any],
    timeout_s: float,
) -> dict[str, Any]:
    """Produce the articles to fresh topics, run the bounded pipeline, measure its output."""
    cfg = load_config(base_config)
    servers, client = cfg.kafka.bootstrap_servers, cfg.kafka.client
    run = make_run_config(base_config, out_dir, f"e2e{len(articles)}", overrides)
    ensure_topics(servers, run.all, partitions=cfg.kafka.partitions, client_config=client)
    try:
        produce(servers, run.input, [a.value for a in articles], client)
        log = out_dir / f"stream-e2e-{len(articles)}.log"
        t0 = time.time()
        with log.open("wb") as handle:
            proc = subprocess.Popen(
                _pipeline_cmd(run.config_path, bounded=True),
                cwd=REPO_ROOT,
                stdout=handle,
                stderr=subprocess.STDOUT,
            )
            code, rss_kb = _wait_peak_rss(proc, timeout_s)
        wall = time.time() - t0
        if code != 0:
            raise RuntimeError(f"pipeline exited with {code}; see {log}")
        messages = consume_all(
            servers,
            [run.events, run.dead_letter],
            len(articles),
            client,
            timeout_s=60,
        )
    finally:
        delete_topics(servers, run.all, client_config=client)
    events = [m for m in messages if m.topic == run.events]
    stamps = sorted(m.timestamp for m in events)
    span_s = max((stamps[-1] - stamps[0]) / 1000, 1e-3) if stamps else float("nan")
    rate = (len(stamps) - 1) / span_s if len(stamps) > 1 else float("nan")
    return {
        "articles": len(articles),
        "events": len(events),
        "dead_letters": len(messages) - len(events),
        "articles_per_s": round(rate, 2),
        "ms_per_article": round(1000 / rate, 1),
        "mean_chars": round(sum(len(a.text) for a in articles) / len(articles)),
        "wall_s": round(wall, 1),
        "rss_mb": round(rss_kb / 1024),
    }


def run_latency(
    articles: Sequence[Article],
    rate: float,
    seconds: float,
    base_config: Path,
    out_dir: Path,
    overrides: dict[str, Any],
) -> dict[str, Any]:
    """Unbounded pipeline fed at a steady ``rate``: produce → output event latency, memory."""
    cfg = load_config(base_config)
    servers, client = cfg.kafka.bootstrap_servers, cfg.kafka.client
    run = make_run_config(base_config, out_dir, "latency", overrides)
    ensure_topics(servers, run.all, partitions=cfg.kafka.partitions, client_config=client)
    count = max(20, int(rate * seconds))
    pool = [articles[i % len(articles)] for i in range(count + 8)]
    values = []
    for i, article in enumerate(pool):
        item = json.loads(article.value)
        item["id"] = f"{'warm' if i < 8 else 'lat'}-{i}-{item['id']}"
        values.append(json.dumps(item, ensure_ascii=False).encode("utf-8"))
    warm, timed = values[:8], values[8:]
    log = out_dir / "stream-latency.log"
    handle = log.open("wb")
    proc = subprocess.Popen(
        _pipeline_cmd(run.config_path, bounded=False),
        cwd=REPO_ROOT,
        stdout=handle,
        stderr=subprocess.STDOUT,
    )
    try:
        produce(servers, run.input, warm, client)
        got = consume_all(servers, [run.events], len(warm), client, timeout_s=300)
        if len(got) < len(warm) or proc.poll() is not None:
            raise RuntimeError(f"the streaming pipeline did not warm up; see {log}")
        producer = KafkaProducer(bootstrap_servers=servers, acks="all", linger_ms=0, **client)
        start = time.monotonic()
        for i, value in enumerate(tqdm(timed, desc=f"steady {rate:.2f}/s", unit=" msg")):
            delay = start + i / rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            producer.send(run.input, key=json.loads(value)["id"].encode("utf-8"), value=value)
        producer.flush()
        producer.close()
        messages = consume_all(
            servers,
            [run.events, run.dead_letter],
            len(values),
            client,
            timeout_s=max(120.0, seconds),
        )
        rss_kb = vm_hwm_kb(proc.pid)
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        handle.close()
        delete_topics(servers, run.all, client_config=client)
    samples = []
    for m in messages:
        if m.topic != run.events:
            continue
        event = json.loads(m.value)
        if event["article_id"].startswith("lat-"):
            samples.append(m.timestamp - event["origin"]["timestamp"])
    if len(samples) < len(timed):
        raise RuntimeError(f"only {len(samples)} of {len(timed)} latency events; see {log}")
    return {
        "articles": len(timed),
        "rate_per_s": round(rate, 3),
        "p50_ms": round(percentile(samples, 50)),
        "p95_ms": round(percentile(samples, 95)),
        "p99_ms": round(percentile(samples, 99)),
        "max_ms": max(samples),
        "rss_mb": round(rss_kb / 1024),
        "samples_ms": sorted(samples),
    }


# --- the run -------------------------------------------------------------------------------


VARIANTS = (
    ("torch", "none"),
    ("torch", "int8"),
    ("torch", "bf16"),
    ("onnxruntime", "none"),
    ("onnxruntime", "int8"),
)


def _load(path: Path, quantize: str = "none", runtime: str = "torch") -> Tagger:
    return quantize_tagger(Tagger.from_pretrained(path, device="cpu"), quantize, runtime)


def run(args: argparse.Namespace) -> dict[str, Any]:
    """All measurements; returns the results document."""
    sizes = Sizes.for_mode(args.quick)
    torch.set_num_threads(args.threads)
    cfg = load_config(args.config)
    model_path = Path(args.model or cfg.model.path)
    overrides: dict[str, Any] = {"model.path": str(model_path.resolve()), "model.device": "cpu"}
    if args.quantize:
        overrides["model.quantize"] = args.quantize
    if args.runtime:
        overrides["model.runtime"] = args.runtime
    for item in args.set:
        key, _, value = item.partition("=")
        overrides[key] = yaml.safe_load(value)
    per_batch, budget = cfg.model.max_articles_per_batch, cfg.model.max_tokens_per_batch
    need = max(sizes.model_articles, *sizes.e2e_sizes, sizes.length_articles)
    articles = load_articles(args.data_dir, need)
    print(f"{len(articles)} articles loaded; model {model_path}", file=sys.stderr)

    hardware = matmul_ceiling([512, 1024, 2048] if not args.quick else [512])
    peak = hardware["matmul_gflops"]
    print(f"fp32 matmul ceiling {peak:.1f} GFLOP/s", file=sys.stderr)

    quantize = args.quantize or cfg.model.quantize
    runtime = args.runtime or cfg.model.runtime
    small = _load(model_path, quantize, runtime)
    windows = article_windows(articles[: sizes.model_articles], cfg.model.max_window_chars)
    runs = []
    seconds = time_model(small, windows, per_batch, budget, "model")
    runs.append(
        model_figures(small, windows, seconds, peak, f"{small.name} ({runtime}/{quantize})")
    )
    ref_windows = windows[: sizes.reference_articles]
    # The size ratio compares like with like: both models in eager torch fp32.
    plain = Tagger.from_pretrained(model_path, device="cpu")
    base = bert_base_like(plain)
    t_shipped = time_model(small, ref_windows, per_batch, budget, "shipped (ref set)", repeats=2)
    t_plain = time_model(plain, ref_windows, per_batch, budget, "torch fp32 (ref set)", repeats=2)
    t_base = time_model(base, ref_windows, per_batch, budget, "bert-base (ref set)")
    runs.append(
        model_figures(
            small, ref_windows, t_shipped, peak, f"{small.name} {runtime}/{quantize} (ref)"
        )
    )
    runs.append(model_figures(plain, ref_windows, t_plain, peak, f"{plain.name} torch/fp32 (ref)"))
    runs.append(model_figures(base, ref_windows, t_base, peak, "BERT-base size torch/fp32 (ref)"))
    del base, plain
    model_only = {
        "articles_per_batch": per_batch,
        "max_tokens_per_batch": budget,
        "runs": runs,
        "speed_ratio": round(t_base / t_plain, 2),
        "speed_ratio_shipped_config": round(t_base / t_shipped, 2),
    }

    variants = []
    if not args.skip_variants:
        var_windows = windows[: sizes.variant_articles]
        sentences = list(read_conll(args.data_dir / "anercorp" / "dev.txt"))
        sentences = sentences[: sizes.f1_sentences] if sizes.f1_sentences else sentences
        for var_runtime, mode in VARIANTS:
            label = f"{var_runtime}/{mode}"
            tagger = _load(model_path, mode, var_runtime)
            t = time_model(tagger, var_windows, per_batch, budget, label, repeats=2)
            fig = model_figures(tagger, var_windows, t, peak, label)
            f1 = evaluate_ner(tagger, sentences)["f1"]
            variants.append({"mode": label, **fig, "f1": f1})
            del tagger
        ref = variants[0]
        for v in variants:
            v["speedup"] = round(ref["seconds"] / v["seconds"], 2)
            v["f1_delta"] = round(v["f1"] - ref["f1"], 4)

    by_len = sorted(articles[: sizes.length_articles], key=lambda a: len(a.text))
    third = len(by_len) // 3
    buckets = []
    for name, group in (
        ("short", by_len[:third]),
        ("medium", by_len[third : 2 * third]),
        ("long", by_len[2 * third :]),
    ):
        group_windows = article_windows(group, cfg.model.max_window_chars)
        t = time_model(small, group_windows, per_batch, budget, f"length {name}", repeats=2)
        chars = sum(len(a.text) for a in group)
        buckets.append(
            {
                "bucket": name,
                "articles": len(group),
                "mean_chars": round(chars / len(group)),
                "ms_per_article": round(t / len(group) * 1000, 2),
                "ms_per_kchar": round(t / chars * 1e6, 2),
            }
        )
    del small

    e2e_runs = []
    for n in sizes.e2e_sizes:
        print(f"end to end: {n} articles", file=sys.stderr)
        e2e_runs.append(run_bounded(articles[:n], args.config, args.out, overrides, 3600))
        print(f"  {e2e_runs[-1]}", file=sys.stderr)
    reference = min(e2e_runs, key=lambda r: abs(r["articles"] - sizes.e2e_reference))

    latency = None
    if not args.skip_latency:
        rate = reference["articles_per_s"] / 2
        print(f"latency at {rate:.2f} articles/s", file=sys.stderr)
        latency = run_latency(
            articles, rate, sizes.latency_seconds, args.config, args.out, overrides
        )

    return {
        "environment": {
            "date": dt.date.today().isoformat(),
            "machine": args.machine or f"{_cpu_name()}, {os.cpu_count()} cores",
            "cpu": _cpu_name(),
            "threads": args.threads,
            "torch": torch.__version__,
            "model": model_path.name,
            "model_path": str(model_path),
            "quantize": quantize,
            "runtime": runtime,
            "articles_source": f"SaudiNewsNet ({need} non-empty articles, seeded sample)",
            "quick": args.quick,
        },
        "hardware": hardware,
        "model_only": model_only,
        "variants": variants,
        "by_length": {
            "buckets": buckets,
            "kchar_spread_pct": round(spread_pct([b["ms_per_kchar"] for b in buckets]), 1),
        },
        "end_to_end": {
            "runs": e2e_runs,
            "reference": reference["articles"],
            "ratio_to_model": round(reference["articles_per_s"] / runs[0]["articles_per_s"], 3),
            "scaling_spread_pct": round(spread_pct([r["ms_per_article"] for r in e2e_runs]), 1),
        },
        "latency": latency,
        "memory": {
            "peak_rss_mb": max(
                [r["rss_mb"] for r in e2e_runs] + ([latency["rss_mb"]] if latency else [])
            )
        },
    }


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def checks(results: dict[str, Any]) -> list[Check]:
    """The issue's targets against the measured figures."""
    mo, e2e = results["model_only"], results["end_to_end"]
    out = [
        Check("model speed vs BERT-base size (both torch fp32)", mo["speed_ratio"], 10, "×"),
        Check(
            "shipped config speed vs BERT-base size",
            mo["speed_ratio_shipped_config"],
            10,
            "×",
        ),
        Check("end to end / model only", e2e["ratio_to_model"], 0.8, "×"),
        Check(
            "cost per article spread over run sizes "
            + "/".join(str(r["articles"]) for r in e2e["runs"]),
            e2e["scaling_spread_pct"],
            20,
            "%",
            higher_is_better=False,
        ),
        Check(
            "ms per 1k chars spread (short–long)",
            results["by_length"]["kchar_spread_pct"],
            20,
            "%",
            higher_is_better=False,
        ),
        Check(
            "peak RSS of the pipeline",
            results["memory"]["peak_rss_mb"],
            2048,
            "MB",
            higher_is_better=False,
        ),
    ]
    if results["latency"]:
        out.insert(
            2,
            Check(
                "p99 latency at half max rate",
                results["latency"]["p99_ms"],
                2000,
                "ms",
                higher_is_better=False,
            ),
        )
    for v in results["variants"]:
        if v["mode"] != "none":
            out.append(Check(f"ΔF1 {v['mode']}", v["f1_delta"] * 100, -0.5, "points", gate=True))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry point."""
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--config", type=Path, default=REPO_ROOT / "configs" / "local.yaml")
    p.add_argument("--model", type=Path, help="checkpoint (default: the configured one)")
    p.add_argument("--data-dir", type=Path, default=default_data_dir())
    p.add_argument("--out", type=Path, default=REPO_ROOT / "runs" / "bench")
    p.add_argument("--threads", type=int, default=torch.get_num_threads())
    p.add_argument("--quantize", choices=QUANTIZE_MODES, help="default: the configured one")
    p.add_argument("--runtime", choices=RUNTIMES, help="default: the configured one")
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="pipeline config override for the pipeline runs, e.g. kafka.poll_timeout_ms=100",
    )
    p.add_argument("--quick", action="store_true", help="tiny sizes for a smoke run")
    p.add_argument("--skip-variants", action="store_true")
    p.add_argument("--skip-latency", action="store_true")
    p.add_argument("--machine", help="how to describe the machine in the report")
    p.add_argument("--docs", action="store_true", help="copy table and plot to docs/")
    args = p.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    results = run(args)
    results["environment"]["bench_seconds"] = round(time.monotonic() - started)
    found = checks(results)
    results["checks"] = [c.as_dict() for c in found]
    (args.out / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False))
    report = render_report(results, found)
    (args.out / "results.md").write_text(report + "\n", encoding="utf-8")
    plot_results(results, args.out / "results.png")
    if args.docs:
        DOCS.mkdir(exist_ok=True)
        header = "# Benchmarks\n\n`make bench` (`python -m benchmarks.run --docs`).\n\n"
        (DOCS / "benchmarks.md").write_text(
            header + report + "\n\n![benchmarks](benchmarks.png)\n", encoding="utf-8"
        )
        shutil.copyfile(args.out / "results.png", DOCS / "benchmarks.png")
    print(report)
    for c in found:
        print(f"{c.name}: {c.value:g} {c.unit} (target {c.target:g}) — {c.verdict()}")
    print(json.dumps({c.name: c.as_dict() for c in found}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
