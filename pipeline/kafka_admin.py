"""Kafka topic administration helpers built on kafka-python's ``KafkaAdminClient``.

Every function opens a short-lived admin client and closes it before returning. ``client_config``
carries extra kafka-python settings (``security_protocol``, ``sasl_mechanism``, ``ssl_cafile``,
...) and is passed through unchanged.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from kafka.admin import KafkaAdminClient
from kafka.errors import (
    KafkaConfigurationError,
    KafkaError,
    KafkaTimeoutError,
    TopicAlreadyExistsError,
    UnknownTopicOrPartitionError,
    for_code,
)

__all__ = ["delete_topics", "ensure_topics", "wait_for_broker"]

log = logging.getLogger(__name__)

_POLL_INTERVAL_S = 0.2
_MAX_REQUEST_TIMEOUT_MS = 30_000


class _Deadline:
    """Monotonic deadline shared by the steps of one operation."""

    def __init__(self, timeout_s: float) -> None:
        if timeout_s <= 0:
            raise ValueError(f"timeout_s must be positive, got {timeout_s}")
        self.timeout_s = timeout_s
        self._end = time.monotonic() + timeout_s

    def remaining_s(self) -> float:
        return max(0.0, self._end - time.monotonic())

    def remaining_ms(self) -> int:
        """Milliseconds left, at least 1 so kafka-python never gets a zero timeout."""
        return max(1, int(self.remaining_s() * 1000))

    def expired(self) -> bool:
        return self.remaining_s() <= 0.0


def _new_admin_client(config: dict[str, Any]) -> KafkaAdminClient:
    """Construct a ``KafkaAdminClient``, releasing its IO thread if bootstrapping fails.

    kafka-python 3.0 starts a background IO thread before bootstrapping and leaves it running
    when the constructor raises, so the network client is captured here and closed on failure.
    """
    make_net_client = config.get("kafka_client", KafkaAdminClient.DEFAULT_CONFIG["kafka_client"])
    created: list[Any] = []

    def capture(**kwargs: Any) -> Any:
        net_client = make_net_client(**kwargs)
        created.append(net_client)
        return net_client

    try:
        return KafkaAdminClient(**{**config, "kafka_client": capture})
    except BaseException:
        for net_client in created:
            net_client.close()
            net_client._net.stop(timeout_ms=5000)
        raise


@contextmanager
def _admin_client(
    bootstrap_servers: str,
    client_config: Mapping[str, Any] | None,
    deadline: _Deadline,
) -> Iterator[KafkaAdminClient]:
    """Open an admin client whose bootstrap and request timeouts fit inside ``deadline``."""
    budget_ms = deadline.remaining_ms()
    config: dict[str, Any] = {
        "bootstrap_timeout_ms": budget_ms,
        "request_timeout_ms": min(budget_ms, _MAX_REQUEST_TIMEOUT_MS),
        "client_id": "pipeline-kafka-admin",
    }
    config.update(client_config or {})
    config["bootstrap_servers"] = bootstrap_servers
    client = _new_admin_client(config)
    try:
        yield client
    finally:
        client.close()


def wait_for_broker(
    bootstrap_servers: str,
    timeout_s: float = 60.0,
    client_config: Mapping[str, Any] | None = None,
) -> None:
    """Block until the cluster answers a metadata request (``list_topics``).

    Raises:
        TimeoutError: if no broker answered within ``timeout_s`` seconds.
    """
    deadline = _Deadline(timeout_s)
    last_error: BaseException | None = None
    while True:
        try:
            with _admin_client(bootstrap_servers, client_config, deadline) as admin:
                admin.list_topics()
            return
        except KafkaConfigurationError:
            raise
        except (KafkaError, OSError) as exc:
            last_error = exc
        if deadline.expired():
            raise TimeoutError(
                f"Kafka at {bootstrap_servers} did not answer within {timeout_s:g}s "
                f"(last error: {last_error!r})"
            ) from last_error
        time.sleep(min(_POLL_INTERVAL_S * 5, deadline.remaining_s()))


def _normalise_topics(topics: Mapping[str, int] | Sequence[str], partitions: int) -> dict[str, int]:
    if isinstance(topics, str):
        raise TypeError("topics must be a sequence or mapping of names, not a single string")
    wanted = dict(topics) if isinstance(topics, Mapping) else dict.fromkeys(topics, partitions)
    for name, count in wanted.items():
        if not name:
            raise ValueError("topic names must be non-empty")
        if count < 1:
            raise ValueError(f"topic {name!r}: partitions must be >= 1, got {count}")
    return wanted


def _wait_for_topics(admin: KafkaAdminClient, names: Sequence[str], deadline: _Deadline) -> None:
    try:
        admin.wait_for_topics(list(names), timeout_ms=deadline.remaining_ms())
    except KafkaError as exc:
        if deadline.expired():
            raise TimeoutError(f"topics not ready within {deadline.timeout_s:g}s: {exc}") from exc
        raise


def ensure_topics(
    bootstrap_servers: str,
    topics: Mapping[str, int] | Sequence[str],
    partitions: int = 3,
    replication_factor: int = 1,
    client_config: Mapping[str, Any] | None = None,
    timeout_s: float = 30.0,
) -> None:
    """Create the topics that do not exist yet and wait until all of them are usable.

    Args:
        bootstrap_servers: Comma-separated ``host:port`` list.
        topics: Topic names (each gets ``partitions`` partitions) or a name -> partitions map.
        partitions: Partition count for topics given as a plain sequence.
        replication_factor: Replication factor for newly created topics.
        client_config: Extra kafka-python admin client settings.
        timeout_s: Overall budget for connecting, creating and waiting for leaders.

    Existing topics are left unchanged (a warning is logged when they have fewer partitions than
    requested). Returns once every topic is in the metadata with a leader for each partition.

    Raises:
        TimeoutError: if the broker or the topics' metadata are not ready in time.
        KafkaError: if the broker rejects a topic for a reason other than it already existing.
    """
    wanted = _normalise_topics(topics, partitions)
    if not wanted:
        return
    deadline = _Deadline(timeout_s)
    try:
        with _admin_client(bootstrap_servers, client_config, deadline) as admin:
            existing = {
                t["name"]: t
                for t in admin.describe_topics(list(wanted))
                if t.get("error_code", 0) == 0
            }
            for name, info in existing.items():
                have = len(info.get("partitions") or [])
                if have and have < wanted[name]:
                    log.warning(
                        "topic %s exists with %d partitions (< %d requested); leaving it unchanged",
                        name,
                        have,
                        wanted[name],
                    )
            missing = {name: count for name, count in wanted.items() if name not in existing}
            if missing:
                _create(admin, missing, replication_factor, deadline)
            _wait_for_topics(admin, list(wanted), deadline)
    except KafkaError as exc:
        if deadline.expired() or isinstance(exc, KafkaTimeoutError):
            raise TimeoutError(
                f"ensure_topics on {bootstrap_servers} timed out after {timeout_s:g}s: {exc!r}"
            ) from exc
        raise


def _create(
    admin: KafkaAdminClient,
    missing: Mapping[str, int],
    replication_factor: int,
    deadline: _Deadline,
) -> None:
    request = {
        name: {"num_partitions": count, "replication_factor": replication_factor}
        for name, count in missing.items()
    }
    response = admin.create_topics(
        request,
        timeout_ms=min(deadline.remaining_ms(), _MAX_REQUEST_TIMEOUT_MS),
        raise_errors=False,
    )
    for topic in response["topics"]:
        error = for_code(topic["error_code"])
        if topic["error_code"] == 0 or error is TopicAlreadyExistsError:
            if topic["error_code"] == 0:
                log.info("created topic %s (%d partitions)", topic["name"], missing[topic["name"]])
            continue
        raise error(f"cannot create topic {topic['name']!r}: {topic.get('error_message')}")


def delete_topics(
    bootstrap_servers: str,
    topics: Sequence[str],
    client_config: Mapping[str, Any] | None = None,
    timeout_s: float = 30.0,
) -> None:
    """Delete the given topics (missing ones are ignored) and wait until they are gone.

    Raises:
        TimeoutError: if the topics are still listed after ``timeout_s`` seconds.
        KafkaError: if the broker refuses a deletion for another reason.
    """
    if isinstance(topics, str):
        raise TypeError("topics must be a sequence of names, not a single string")
    names = set(topics)
    if not names:
        return
    deadline = _Deadline(timeout_s)
    with _admin_client(bootstrap_servers, client_config, deadline) as admin:
        present = names.intersection(admin.list_topics())
        if present:
            response = admin.delete_topics(
                sorted(present),
                timeout_ms=min(deadline.remaining_ms(), _MAX_REQUEST_TIMEOUT_MS),
                raise_errors=False,
            )
            for topic in response["topics"]:
                error = for_code(topic["error_code"])
                if topic["error_code"] != 0 and error is not UnknownTopicOrPartitionError:
                    raise error(f"cannot delete topic {topic['name']!r}")
        while present:
            present = names.intersection(admin.list_topics())
            if not present:
                break
            if deadline.expired():
                raise TimeoutError(f"topics still present after {timeout_s:g}s: {sorted(present)}")
            time.sleep(min(_POLL_INTERVAL_S, deadline.remaining_s()))
