"""Input parsing and validation: every invalid input is rejected with a precise code."""

import json

import jsonschema
import pytest

from pipeline.contracts import InputError, Origin, RawRecord, parse_article
from tests.schemas import load_schema

ORIGIN = Origin("articles", 0, 7, 1_700_000_000_000)


def record(value: bytes | None) -> RawRecord:
    return RawRecord(None, value, ORIGIN)


def parse(value: bytes | None, max_bytes: int = 1_000_000):
    return parse_article(record(value), max_bytes)


def test_valid_article_keeps_all_fields() -> None:
    message = {
        "id": "a1",
        "text": "قال بوتين إن",
        "title": "t",
        "source": "s",
        "url": "https://x",
        "published_at": "2015-07-21T22:01:39+03:00",
        "lang": "ar",
    }
    article = parse(json.dumps(message, ensure_ascii=False).encode())
    assert (article.id, article.text, article.published_at) == (
        "a1",
        "قال بوتين إن",
        message["published_at"],
    )
    jsonschema.validate(message, load_schema("article"))


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (None, "empty_message"),
        (b"\xff\xfe{", "invalid_utf8"),
        (b"{not json", "invalid_json"),
        (b"[1, 2]", "not_an_object"),
        (b'"text"', "not_an_object"),
        (b'{"text": "x"}', "missing_field"),
        (b'{"id": "a"}', "missing_field"),
        (b'{"id": 5, "text": "x"}', "invalid_field"),
        (b'{"id": "a", "text": 5}', "invalid_field"),
        (b'{"id": "", "text": "x"}', "missing_field"),
        (b'{"id": "a", "text": ""}', "empty_text"),
        (b'{"id": "a", "text": " \\n\\t "}', "empty_text"),
        (b'{"id": "a", "text": "x", "title": 3}', "invalid_field"),
        (b'{"id": "a", "text": "x", "published_at": "yesterday"}', "invalid_field"),
        (b'{"id": "a", "text": "x", "published_at": "2015-13-40T00:00:00Z"}', "invalid_field"),
        (json.dumps({"id": "a" * 257, "text": "x"}).encode(), "invalid_field"),
        (b"[" * 100_000, "invalid_json"),
    ],
)
def test_invalid_inputs_are_rejected_with_their_code(value: bytes | None, code: str) -> None:
    with pytest.raises(InputError) as caught:
        parse(value)
    assert caught.value.code == code


def test_size_limit_applies_to_raw_bytes() -> None:
    value = json.dumps({"id": "a", "text": "ب" * 600}).encode()
    assert parse(value, max_bytes=len(value)).id == "a"
    with pytest.raises(InputError) as caught:
        parse(value, max_bytes=len(value) - 1)
    assert caught.value.code == "too_large"


def test_control_characters_and_bidi_marks_are_valid_text() -> None:
    text = "\u200fقال\u202b بوتين \U0001f600\x00\x07"
    article = parse(json.dumps({"id": "a", "text": text}).encode())
    assert article.text == text


@pytest.mark.parametrize(
    "stamp",
    ["2015-07-23 19:19:26", "2015-07-23", "2015-07-23T19:19:26.5+0300", "2015-07-23T19:19Z"],
)
def test_iso_8601_variants_of_published_at_are_accepted(stamp: str) -> None:
    article = parse(json.dumps({"id": "a", "text": "x", "published_at": stamp}).encode())
    assert article.published_at == stamp
