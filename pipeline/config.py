"""Pipeline configuration: YAML files under ``configs/`` plus environment overrides.

Every option has a default here, so an empty YAML file is a valid configuration.
Secrets never live in YAML: they come from environment variables (or files named by
``*_FILE`` variables), see :func:`apply_environment`.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL_PATH = REPO_ROOT / "models" / "arabic-news-small"


@dataclass
class TopicsConfig:
    """Kafka topic names."""

    input: str = "articles"
    events: str = "article-events"
    quotes: str = "quote-events"
    dead_letter: str = "articles-dlq"


@dataclass
class KafkaConfig:
    """Where the broker is and how the pipeline reads from it."""

    bootstrap_servers: str = "127.0.0.1:9092"
    topics: TopicsConfig = field(default_factory=TopicsConfig)
    partitions: int = 3
    replication_factor: int = 1
    consumer_group: str = "arabic-news-pipeline"
    # committed | earliest | latest | timestamp (then ``start_timestamp_ms`` is used)
    start_from: str = "committed"
    # Where a partition without a committed offset starts: earliest | latest.
    reset_to: str = "earliest"
    start_timestamp_ms: int | None = None
    # Short polls: the single-threaded runner waits this long on an idle partition while other
    # partitions' records queue up (500 → 100 ms cut p50 latency ~3× in docs/benchmarks.md).
    poll_timeout_ms: int = 100
    max_records_per_poll: int = 500
    # Extra kafka-python client settings shared by consumers, producers and admin
    # (security_protocol, sasl_mechanism, ssl_cafile, ...). Secrets come from the environment.
    client: dict[str, Any] = field(default_factory=dict)


@dataclass
class ModelConfig:
    """Which checkpoint runs and how inference is batched."""

    path: str = str(DEFAULT_MODEL_PATH)
    device: str = "auto"  # auto | cpu | cuda
    # Maps a foreign checkpoint's labels onto PER/ORG/LOC/MISC, e.g. {"PERS": "PER"}.
    label_map: dict[str, str] = field(default_factory=dict)
    max_tokens_per_batch: int = 8192
    # Token budget of one forward pass on CUDA (GPUs want far larger batches than CPUs).
    cuda_max_tokens_per_batch: int = 65536
    max_articles_per_batch: int = 64
    # CPU precision: none (fp32) | int8 (dynamic quantisation of Linear layers) | bf16.
    # int8 is about 1.4x faster but quantises activations per batch, so scores (and rarely
    # spans) depend on which articles share a batch: not the default, reprocessing must
    # give the same events whatever the batching.
    quantize: str = "none"
    # CPU runtime: torch | onnxruntime (exported to ONNX at load; see models/quantize.py).
    runtime: str = "onnxruntime"
    # torch intra-op threads per worker process; 0 = torch's default (all cores).
    threads: int = 0
    # Articles are cut into windows of whole sentences no longer than this many characters.
    max_window_chars: int = 1500
    # Let the checkpoint's quote head (if it has one) rescore and extend the rule quotes.
    quote_head: bool = True
    # Let the checkpoint's list of known names (if it has one: models/known_names.py) add the
    # names its entity model tags across the archive but misses in an article.
    known_names: bool = True


@dataclass
class ProcessingConfig:
    """Input validation limits."""

    max_article_bytes: int = 1_000_000
    max_id_chars: int = 256
    # Reject (dead letter `unsupported_language`) articles whose declared or detected
    # language is not Arabic; by default they are processed and the event carries `lang`.
    reject_non_arabic: bool = False
    # Seconds between the sink's status log lines (counts, lag, latency); 0 turns them off.
    status_log_interval_s: float = 30.0


@dataclass
class RunnerConfig:
    """The Beam runner and any extra PipelineOptions flags (``--key=value`` without dashes)."""

    name: str = "DirectRunner"
    options: dict[str, Any] = field(default_factory=dict)


@dataclass
class PipelineConfig:
    """The whole configuration."""

    kafka: KafkaConfig = field(default_factory=KafkaConfig)
    model: ModelConfig = field(default_factory=ModelConfig)
    processing: ProcessingConfig = field(default_factory=ProcessingConfig)
    runner: RunnerConfig = field(default_factory=RunnerConfig)

    def kafka_client_config(self) -> dict[str, Any]:
        """kafka-python keyword arguments common to every client."""
        return {"bootstrap_servers": self.kafka.bootstrap_servers, **self.kafka.client}


def _build(cls: type, data: Mapping[str, Any] | None, where: str) -> Any:
    data = dict(data or {})
    known = {f.name: f for f in dataclasses.fields(cls)}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise ValueError(f"unknown configuration key(s) in {where}: {', '.join(unknown)}")
    kwargs: dict[str, Any] = {}
    for name, value in data.items():
        default = known[name].default_factory  # type: ignore[misc]
        nested = default() if callable(default) else None
        if dataclasses.is_dataclass(nested) and isinstance(value, Mapping):
            kwargs[name] = _build(type(nested), value, f"{where}.{name}")
        else:
            kwargs[name] = value
    return cls(**kwargs)


_SECRET_ENV = {
    "KAFKA_SECURITY_PROTOCOL": "security_protocol",
    "KAFKA_SASL_MECHANISM": "sasl_mechanism",
    "KAFKA_SASL_USERNAME": "sasl_plain_username",
    "KAFKA_SASL_PASSWORD": "sasl_plain_password",
    "KAFKA_SSL_CAFILE": "ssl_cafile",
    "KAFKA_SSL_CERTFILE": "ssl_certfile",
    "KAFKA_SSL_KEYFILE": "ssl_keyfile",
    "KAFKA_SSL_PASSWORD": "ssl_password",
}


def _env_value(env: Mapping[str, str], name: str) -> str | None:
    """``NAME`` from the environment, or the contents of the file named by ``NAME_FILE``."""
    if env.get(name):
        return env[name]
    path = env.get(f"{name}_FILE")
    if path:
        return Path(path).read_text(encoding="utf-8").strip()
    return None


def apply_environment(config: PipelineConfig, env: Mapping[str, str] | None = None) -> None:
    """Override servers, security settings and the model path from the environment."""
    env = os.environ if env is None else env
    servers = env.get("KAFKA_BOOTSTRAP_SERVERS")
    if servers:
        config.kafka.bootstrap_servers = servers
    for var, key in _SECRET_ENV.items():
        value = _env_value(env, var)
        if value is not None:
            config.kafka.client[key] = value
    if env.get("PIPELINE_MODEL_PATH"):
        config.model.path = env["PIPELINE_MODEL_PATH"]
    if env.get("PIPELINE_DEVICE"):
        config.model.device = env["PIPELINE_DEVICE"]


def load_config(
    path: str | Path | None = None, env: Mapping[str, str] | None = None
) -> PipelineConfig:
    """Read a YAML configuration (defaults when ``path`` is None), then apply the environment."""
    data: Mapping[str, Any] = {}
    if path is not None:
        loaded = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        if loaded is not None and not isinstance(loaded, Mapping):
            raise ValueError(f"{path}: the configuration must be a mapping")
        data = loaded or {}
    config = _build(PipelineConfig, data, str(path or "defaults"))
    model_path = Path(config.model.path)
    if not model_path.is_absolute():
        # relative to the working directory when it exists there, else to the repository
        config.model.path = str(
            model_path.resolve() if model_path.exists() else REPO_ROOT / model_path
        )
    apply_environment(config, env)
    return config
