"""Bad, odd and hostile inputs with the answer each must get, and the accounting check.

Shared by the in-process tests (tests/test_reliability_inputs.py) and the ones on the real
broker (tests/integration/test_reliability.py): every case is answered by exactly one
``article.analyzed`` event or exactly one dead letter with the expected error type.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable
from dataclasses import dataclass

import jsonschema

from tests.schemas import load_schema

ARABIC = "وقال وزير الخارجية السعودي عادل الجبير في الرياض إن المملكة تدعم الحل السياسي."
MAX_BYTES = 1_000_000


def _json(obj: object) -> bytes:
    return json.dumps(obj, ensure_ascii=False).encode("utf-8")


@dataclass(frozen=True)
class Case:
    """One input message and its expected answer: ``event`` or a dead-letter error type."""

    name: str
    value: bytes | None
    expect: str  # "event" or the dead-letter error type
    lang: str | None = None  # for events: the expected ``lang``


def bad_input_cases() -> list[Case]:
    """Every kind of bad input named in issue #6, plus valid-but-odd articles."""
    long_sentence = " ".join(["الوزير"] * 2900)[:20_000]  # one 20,000-char sentence, no stop
    return [
        Case("tombstone", None, "empty_message"),
        Case("empty_bytes", b"", "invalid_json"),
        Case("invalid_json", b'{"id": "j1", "text": ', "invalid_json"),
        Case("invalid_json_single_quotes", b"{'id': 'j2'}", "invalid_json"),
        Case(
            "huge_integer", b'{"id": "j3", "text": "x", "n": ' + b"9" * 5000 + b"}", "invalid_json"
        ),
        Case("deep_nesting", b"[" * 100_000 + b"]" * 100_000, "invalid_json"),
        Case("invalid_utf8", b'{"id": "u1", "text": "\xff\xfe"}', "invalid_utf8"),
        Case(
            "utf16", _json({"id": "u2", "text": ARABIC}).decode().encode("utf-16"), "invalid_utf8"
        ),
        Case("binary_garbage", bytes(range(256)) * 4, "invalid_utf8"),
        Case("json_array", b"[1, 2, 3]", "not_an_object"),
        Case("json_string", b'"just a string"', "not_an_object"),
        Case("json_null", b"null", "not_an_object"),
        Case("json_number", b"42", "not_an_object"),
        Case("missing_id", _json({"text": ARABIC}), "missing_field"),
        Case("empty_id", _json({"id": "", "text": ARABIC}), "missing_field"),
        Case("null_id", _json({"id": None, "text": ARABIC}), "missing_field"),
        Case("numeric_id", _json({"id": 17, "text": ARABIC}), "invalid_field"),
        Case("object_id", _json({"id": {"a": 1}, "text": ARABIC}), "invalid_field"),
        Case("long_id", _json({"id": "i" * 300, "text": ARABIC}), "invalid_field"),
        Case("missing_text", _json({"id": "t1"}), "missing_field"),
        Case("empty_text", _json({"id": "t2", "text": ""}), "empty_text"),
        Case("whitespace_text", _json({"id": "t3", "text": " \t\n\u00a0\u3000 "}), "empty_text"),
        Case("list_text", _json({"id": "t4", "text": ["a"]}), "invalid_field"),
        Case("numeric_title", _json({"id": "o1", "text": ARABIC, "title": 5}), "invalid_field"),
        Case("bool_source", _json({"id": "o2", "text": ARABIC, "source": True}), "invalid_field"),
        Case("list_url", _json({"id": "o3", "text": ARABIC, "url": []}), "invalid_field"),
        Case(
            "bad_published_at",
            _json({"id": "o4", "text": ARABIC, "published_at": "yesterday"}),
            "invalid_field",
        ),
        Case("numeric_lang", _json({"id": "o5", "text": ARABIC, "lang": 1}), "invalid_field"),
        Case(
            "too_large",
            _json({"id": "big", "text": "ا" * (MAX_BYTES // 2 + 10)}),
            "too_large",
        ),
        Case(
            "lone_surrogate_text",
            json.dumps({"id": "s1", "text": ARABIC + "\ud800"}).encode("ascii"),
            "invalid_unicode",
        ),
        Case(
            "lone_surrogate_title",
            json.dumps({"id": "s2", "text": ARABIC, "title": "\udfff"}).encode("ascii"),
            "invalid_unicode",
        ),
        # Valid, if odd: each gets its event.
        Case(
            "nul_and_controls",
            _json({"id": "c1", "text": "قال\x00 الملك\x01\x1b[31m سلمان\x7f"}),
            "event",
            "ar",
        ),
        Case(
            "bidi_and_emoji",
            _json(
                {"id": "c2", "text": "\u202bقال الملك 👑 سلمان\u202c \u200fفي الرياض 🇸🇦 إن\u200e…"}
            ),
            "event",
            "ar",
        ),
        Case(
            "english",
            _json({"id": "l1", "text": "The minister said in Riyadh."}),
            "event",
            "und-Latn",
        ),
        Case("digits_only", _json({"id": "l2", "text": "2015 - 1436 ١٤٣٦"}), "event", "und"),
        Case(
            "declared_lang", _json({"id": "l3", "text": ARABIC, "lang": "ar-SA"}), "event", "ar-SA"
        ),
        Case("long_sentence", _json({"id": "w1", "text": long_sentence}), "event", "ar"),
        Case("no_spaces", _json({"id": "w2", "text": "ب" * 5000}), "event", "ar"),
        Case(
            "extra_fields", _json({"id": "x1", "text": ARABIC, "extra": {"n": [1]}}), "event", "ar"
        ),
        Case("dup_id_a", _json({"id": "dup", "text": ARABIC}), "event", "ar"),
        Case("dup_id_b", _json({"id": "dup", "text": ARABIC + " (محدث)"}), "event", "ar"),
    ]


def check_answers(
    inputs: Iterable[tuple[object, bytes | None, str, str | None]],
    events: list[dict],
    quotes: list[dict],
    letters: list[dict],
    origin_of: dict[object, tuple[int, int]] | None = None,
) -> dict[str, int]:
    """Asserts every input has exactly its expected answer; returns counts.

    ``inputs``: ``(token, value, expect, lang)``. Events are matched to inputs by origin
    ``(partition, offset)`` when ``origin_of`` maps tokens to positions, else by article id
    and text hash; dead letters by origin or by their decoded value.
    """
    inputs = list(inputs)
    events_by_pos: dict[tuple[int, int], list[dict]] = {}
    letters_by_pos: dict[tuple[int, int], list[dict]] = {}
    for event in events:
        jsonschema.validate(event, load_schema("article-event"))
        origin = event["origin"]
        events_by_pos.setdefault((origin["partition"], origin["offset"]), []).append(event)
    for letter in letters:
        jsonschema.validate(letter, load_schema("dead-letter"))
        source = letter["input"]
        letters_by_pos.setdefault((source["partition"], source["offset"]), []).append(letter)
    for quote in quotes:
        jsonschema.validate(quote, load_schema("quote-event"))
    event_ids = {e["event_id"] for e in events}
    assert all(q["article_event_id"] in event_ids for q in quotes)
    assert len(events) + len(letters) == len(inputs), (len(events), len(letters), len(inputs))
    counts = {"inputs": len(inputs), "events": len(events), "dead_letters": len(letters)}
    for token, value, expect, lang in inputs:
        pos = origin_of[token] if origin_of is not None else token
        answered_events = events_by_pos.get(pos, [])
        answered_letters = letters_by_pos.get(pos, [])
        assert len(answered_events) + len(answered_letters) == 1, (token, expect)
        if expect == "event":
            assert answered_events, (token, answered_letters[0]["error"])
            event = answered_events[0]
            article = json.loads(value)
            assert event["article_id"] == article["id"]
            if lang is not None:
                assert event["lang"] == lang, (token, event["lang"])
            for span in event["entities"] + event["quotes"]:
                assert article["text"][span["start"] : span["end"]] == span["text"]
        else:
            assert answered_letters, (token, expect)
            letter = answered_letters[0]
            assert letter["error"]["type"] == expect, (token, letter["error"])
            encoded = letter["input"]["value_b64"]
            if encoded is None and value is not None:  # too big to carry: says where it is
                assert "left out of this dead letter" in letter["error"]["message"]
                assert len(value) > 600_000
            else:
                assert (None if encoded is None else base64.b64decode(encoded)) == value
    return counts
