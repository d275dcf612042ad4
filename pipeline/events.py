"""Building the output events: ``article.analyzed``, ``quote.attributed`` and dead letters.

Event ids are deterministic: the same article (id and text), analysed by the same model
version under the same schema version, always gets the same ``event_id``, so downstream
consumers can deduplicate or upsert on it. ``processed_at`` is the only field that changes
between two runs over the same input.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from models.spans import Analysis, Quote, ResolvedEntity, Speaker, TextSpan
from pipeline.contracts import Article, Origin, RawRecord

SCHEMA_VERSION = 1
ARTICLE_EVENT = "article.analyzed"
QUOTE_EVENT = "quote.attributed"


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """The model that produced an event."""

    name: str
    version: str

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "version": self.version}


@dataclass(frozen=True, slots=True)
class OutputRecord:
    """One message for an output topic, with the input record it answers (for offset commits)."""

    stream: str  # events | quotes | dead_letter
    key: bytes | None
    value: bytes
    origin: Origin
    error_type: str | None = None  # dead letters: the error type (for metrics and logs)


def utc_now() -> str:
    """The current time as RFC 3339 UTC with milliseconds."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def text_sha256(text: str) -> str:
    """Hex SHA-256 of the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_event_id(article_id: str, article_sha: str, model: ModelInfo) -> str:
    """Deterministic id of an ``article.analyzed`` event."""
    material = "\x1f".join(
        [ARTICLE_EVENT, str(SCHEMA_VERSION), article_id, article_sha, model.name, model.version]
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()[:32]


def _span(span: TextSpan | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"text": span.text, "start": span.start, "end": span.end}


def _speaker(speaker: Speaker | None) -> dict[str, Any] | None:
    if speaker is None:
        return None
    return {
        "name": speaker.name,
        "label": speaker.label,
        "entity_id": speaker.entity_id,
        "mention": _span(speaker.mention),
    }


def _entity(entity: ResolvedEntity) -> dict[str, Any]:
    return {
        "id": entity.id,
        "text": entity.text,
        "label": entity.label,
        "start": entity.start,
        "end": entity.end,
        "score": round(entity.score, 4),
        "name": entity.name,
    }


def _quote(quote: Quote) -> dict[str, Any]:
    return {
        "id": quote.id,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "kind": quote.kind,
        "score": round(quote.score, 4),
        "cue": _span(quote.cue),
        "speaker": _speaker(quote.speaker),
    }


def build_article_event(
    article: Article, origin: Origin, analysis: Analysis, model: ModelInfo, processed_at: str
) -> dict[str, Any]:
    """The ``article.analyzed`` event of one article."""
    sha = text_sha256(article.text)
    return {
        "event_id": article_event_id(article.id, sha, model),
        "event_type": ARTICLE_EVENT,
        "schema_version": SCHEMA_VERSION,
        "article_id": article.id,
        "article_sha256": sha,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published_at": article.published_at,
        "lang": article.lang,
        "processed_at": processed_at,
        "model": model.to_json(),
        "origin": origin.to_json(),
        "entities": [_entity(e) for e in analysis.entities],
        "quotes": [_quote(q) for q in analysis.quotes],
    }


def build_quote_events(article_event: dict[str, Any]) -> list[dict[str, Any]]:
    """One ``quote.attributed`` event per quote of an ``article.analyzed`` event."""
    events = []
    for quote in article_event["quotes"]:
        material = f"{article_event['event_id']}\x1f{quote['id']}".encode()
        events.append(
            {
                "event_id": hashlib.sha256(material).hexdigest()[:32],
                "event_type": QUOTE_EVENT,
                "schema_version": SCHEMA_VERSION,
                "article_event_id": article_event["event_id"],
                "article_id": article_event["article_id"],
                "title": article_event["title"],
                "url": article_event["url"],
                "published_at": article_event["published_at"],
                "processed_at": article_event["processed_at"],
                "model": article_event["model"],
                "quote": quote,
            }
        )
    return events


def build_dead_letter(
    record: RawRecord, stage: str, error_type: str, message: str, failed_at: str
) -> dict[str, Any]:
    """The dead-letter message for an input that could not be processed."""
    origin = record.origin
    source: dict[str, Any] = {
        "topic": origin.topic,
        "partition": origin.partition,
        "offset": origin.offset,
        "timestamp": origin.timestamp,
        "key_b64": None if record.key is None else base64.b64encode(record.key).decode("ascii"),
        "value_b64": (
            None if record.value is None else base64.b64encode(record.value).decode("ascii")
        ),
    }
    if origin.file is not None:
        source["file"] = origin.file
        source["line"] = origin.line
    return {
        "error": {"stage": stage, "type": error_type, "message": message[:2000]},
        "input": source,
        "failed_at": failed_at,
    }


def encode_json(event: dict[str, Any]) -> bytes:
    """Compact UTF-8 JSON (Arabic stays readable, key order stable)."""
    return json.dumps(event, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
