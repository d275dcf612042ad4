"""Events follow the committed JSON Schemas and their ids are deterministic."""

import base64
import json

import jsonschema

from models.spans import Analysis, Quote, ResolvedEntity, Speaker, TextSpan
from pipeline.contracts import Article, Origin, RawRecord
from pipeline.events import (
    ModelInfo,
    build_article_event,
    build_dead_letter,
    build_quote_events,
    encode_json,
)
from tests.schemas import load_schema

TEXT = "وقال بوتين إن روسيا ستساعد."
MODEL = ModelInfo("arabic-news-small", "0.1.0+abc")
ARTICLE = Article(id="a1", text=TEXT, title="عنوان", url="https://x/1")
ORIGIN = Origin("articles", 2, 41, 1_700_000_000_000)


def analysis() -> Analysis:
    putin = ResolvedEntity("e1", "بوتين", "PER", 5, 10, 0.98, "فلاديمير بوتين")
    russia = ResolvedEntity("e2", "روسيا", "LOC", 14, 19, 0.95, "روسيا")
    quote = Quote(
        "q1",
        "روسيا ستساعد",
        14,
        26,
        "indirect",
        0.9,
        cue=TextSpan("وقال", 0, 4),
        speaker=Speaker("فلاديمير بوتين", "PER", "e1", TextSpan("بوتين", 5, 10)),
    )
    return Analysis(entities=[putin, russia], quotes=[quote])


def test_article_event_matches_schema_and_offsets() -> None:
    event = build_article_event(ARTICLE, ORIGIN, analysis(), MODEL, "2026-11-29T10:00:00.000Z")
    jsonschema.validate(event, load_schema("article-event"))
    for span in event["entities"] + event["quotes"]:
        assert TEXT[span["start"] : span["end"]] == span["text"]
    assert event["origin"] == {
        "topic": "articles",
        "partition": 2,
        "offset": 41,
        "timestamp": 1_700_000_000_000,
    }
    assert json.loads(encode_json(event)) == event


def test_event_id_depends_on_text_and_model_not_on_time_or_origin() -> None:
    first = build_article_event(ARTICLE, ORIGIN, analysis(), MODEL, "2026-01-01T00:00:00.000Z")
    again = build_article_event(
        ARTICLE, Origin(None, None, None, None), analysis(), MODEL, "2026-06-01T00:00:00.000Z"
    )
    assert first["event_id"] == again["event_id"]
    edited = Article(id="a1", text=TEXT + " ")
    assert (
        build_article_event(edited, ORIGIN, analysis(), MODEL, "x")["event_id"] != first["event_id"]
    )
    new_model = ModelInfo(MODEL.name, "0.2.0+def")
    assert (
        build_article_event(ARTICLE, ORIGIN, analysis(), new_model, "x")["event_id"]
        != first["event_id"]
    )


def test_quote_events_one_per_quote() -> None:
    event = build_article_event(ARTICLE, ORIGIN, analysis(), MODEL, "2026-11-29T10:00:00.000Z")
    quote_events = build_quote_events(event)
    assert len(quote_events) == 1
    jsonschema.validate(quote_events[0], load_schema("quote-event"))
    assert quote_events[0]["quote"]["speaker"]["name"] == "فلاديمير بوتين"
    assert quote_events[0]["article_event_id"] == event["event_id"]


def test_dead_letter_keeps_original_bytes() -> None:
    raw = RawRecord(b"k", b"\xff{broken", ORIGIN)
    letter = build_dead_letter(raw, "parse", "invalid_utf8", "bad", "2026-11-29T10:00:00.000Z")
    jsonschema.validate(letter, load_schema("dead-letter"))
    assert base64.b64decode(letter["input"]["value_b64"]) == b"\xff{broken"
    assert base64.b64decode(letter["input"]["key_b64"]) == b"k"
