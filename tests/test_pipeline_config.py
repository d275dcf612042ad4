"""Configuration: YAML, defaults, unknown keys and environment overrides."""

from pathlib import Path

import pytest

from pipeline.config import REPO_ROOT, load_config


def test_shipped_config_loads() -> None:
    config = load_config(REPO_ROOT / "configs" / "local.yaml", env={})
    assert config.kafka.topics.input == "articles"
    assert Path(config.model.path).is_absolute()


def test_unknown_key_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("kafka:\n  bootstrap: x\n")
    with pytest.raises(ValueError, match="bootstrap"):
        load_config(path, env={})


def test_environment_overrides_servers_and_secrets(tmp_path: Path) -> None:
    secret = tmp_path / "password"
    secret.write_text("s3cret\n")
    env = {
        "KAFKA_BOOTSTRAP_SERVERS": "broker:9094",
        "KAFKA_SECURITY_PROTOCOL": "SASL_SSL",
        "KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
        "KAFKA_SASL_USERNAME": "pipeline",
        "KAFKA_SASL_PASSWORD_FILE": str(secret),
    }
    config = load_config(None, env=env)
    client = config.kafka_client_config()
    assert client["bootstrap_servers"] == "broker:9094"
    assert client["sasl_plain_password"] == "s3cret"
    assert client["security_protocol"] == "SASL_SSL"
