"""Input contract: raw Kafka/file records, parsed articles, and the errors that reject them.

The input message is UTF-8 JSON (``schemas/article.schema.json``)::

    {"id": str (required, <= 256 chars), "text": str (required), "title": str?,
     "source": str?, "url": str?, "published_at": RFC 3339 str?, "lang": str?}

``published_at`` also accepts the ISO 8601 variants archives use (``2015-07-23 19:19:26``,
a date alone) and is passed on unchanged.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime

OPTIONAL_STRING_FIELDS = ("title", "source", "url", "published_at", "lang")
# RFC 3339, and the ISO 8601 forms archives often use instead (no zone, a space, date only).
_TIMESTAMP = re.compile(
    r"^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:?\d{2})?)?$"
)
# JSON "\ud800" escapes decode to unpaired surrogates: valid JSON, but not encodable text.
_SURROGATE = re.compile("[\ud800-\udfff]")
_ARABIC_LETTER = re.compile(
    "[\u0620-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06ee-\u06ef\u06fa-\u06fc"
    "\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdfb\ufe70-\ufefc]"
)
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
_LANG_SAMPLE_CHARS = 20_000


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record came from: a Kafka position, or a file line (topic is None then)."""

    topic: str | None
    partition: int | None
    offset: int | None
    timestamp: int | None  # Kafka timestamp in epoch milliseconds
    file: str | None = None
    line: int | None = None

    def to_json(self) -> dict[str, object] | None:
        """The ``origin`` field of events: null for records not read from Kafka."""
        if self.topic is None:
            return None
        return {
            "topic": self.topic,
            "partition": self.partition,
            "offset": self.offset,
            "timestamp": self.timestamp,
        }


@dataclass(frozen=True, slots=True)
class RawRecord:
    """An input message exactly as received."""

    key: bytes | None
    value: bytes | None
    origin: Origin


@dataclass(frozen=True, slots=True)
class Article:
    """A validated input article."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published_at: str | None = None
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """A valid article travelling with the record it came from (for dead letters later on)."""

    article: Article
    record: RawRecord


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that a stage rejected; it travels on to become a dead letter."""

    record: RawRecord
    stage: str
    error_type: str
    message: str


class InputError(ValueError):
    """An input that cannot be processed; ``code`` is the dead-letter error type."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def detect_language(text: str) -> str:
    """A cheap script-based language tag for articles that declare none.

    ``ar`` when at least half of the letters (in the first 20,000 characters) are Arabic,
    ``und-Latn`` when at least half are Latin, else ``und`` (BCP 47 "undetermined").
    """
    sample = text[:_LANG_SAMPLE_CHARS]
    letters = sum(1 for ch in sample if ch.isalpha())
    if not letters:
        return "und"
    if 2 * len(_ARABIC_LETTER.findall(sample)) >= letters:
        return "ar"
    if 2 * len(_LATIN_LETTER.findall(sample)) >= letters:
        return "und-Latn"
    return "und"


def parse_article(
    record: RawRecord, max_bytes: int, max_id_chars: int = 256, reject_non_arabic: bool = False
) -> Article:
    """Decode and validate one input message, raising :class:`InputError` when it is invalid.

    ``lang`` is the declared language, else :func:`detect_language` of the text. With
    ``reject_non_arabic``, articles whose language is not ``ar`` (or ``ar-*``) are rejected.
    """
    value = record.value
    if value is None:
        raise InputError("empty_message", "message has no value (tombstone)")
    if len(value) > max_bytes:
        raise InputError("too_large", f"message is {len(value)} bytes, limit is {max_bytes}")
    try:
        decoded = value.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            "invalid_utf8", f"value is not UTF-8: {exc.reason} at byte {exc.start}"
        ) from None
    try:
        data = json.loads(decoded)
    except json.JSONDecodeError as exc:
        raise InputError(
            "invalid_json", f"value is not JSON: {exc.msg} at char {exc.pos}"
        ) from None
    except ValueError as exc:  # e.g. an integer literal over Python's 4,300-digit limit
        raise InputError("invalid_json", f"value is not usable JSON: {str(exc)[:200]}") from None
    except RecursionError:
        raise InputError("invalid_json", "value is nested too deeply") from None
    if not isinstance(data, dict):
        raise InputError("not_an_object", f"JSON value is {type(data).__name__}, not an object")
    article_id = _required_string(data, "id")
    if len(article_id) > max_id_chars:
        raise InputError(
            "invalid_field", f"id is {len(article_id)} characters, limit is {max_id_chars}"
        )
    text = _required_string(data, "text")
    if not text.strip():
        raise InputError("empty_text", "text is empty or whitespace only")
    optional: dict[str, str | None] = {}
    for name in OPTIONAL_STRING_FIELDS:
        field_value = data.get(name)
        if field_value is not None and not isinstance(field_value, str):
            raise InputError(
                "invalid_field", f"{name} must be a string, got {type(field_value).__name__}"
            )
        optional[name] = field_value
    for name, string in (("id", article_id), ("text", text), *optional.items()):
        surrogate = None if string is None else _SURROGATE.search(string)
        if surrogate is not None:
            raise InputError(
                "invalid_unicode",
                f"{name} contains an unpaired surrogate U+{ord(surrogate.group()):04X} "
                f"at character {surrogate.start()}",
            )
    published_at = optional["published_at"]
    if published_at is not None and not _is_timestamp(published_at):
        raise InputError("invalid_field", "published_at is not an RFC 3339 / ISO 8601 timestamp")
    lang = optional["lang"] or detect_language(text)
    optional["lang"] = lang
    if reject_non_arabic and lang.split("-")[0].lower() != "ar":
        raise InputError(
            "unsupported_language",
            f"language is {lang[:20]!r}, not Arabic (processing.reject_non_arabic)",
        )
    return Article(id=article_id, text=text, **optional)


def _required_string(data: dict[str, object], name: str) -> str:
    if name not in data or data[name] is None:
        raise InputError("missing_field", f"required field {name!r} is missing")
    value = data[name]
    if not isinstance(value, str):
        raise InputError("invalid_field", f"{name} must be a string, got {type(value).__name__}")
    if not value:
        raise InputError("missing_field" if name == "id" else "empty_text", f"{name} is empty")
    return value


def _is_timestamp(value: str) -> bool:
    if not _TIMESTAMP.match(value):
        return False
    try:
        datetime.fromisoformat(value.replace("z", "Z").replace("Z", "+00:00"))
    except ValueError:
        return False
    return True
