"""Held-out gold batches stored without text and rebuilt from the archive."""

from __future__ import annotations

import pytest

from models.gold_batches import (
    ANNOTATIONS_FILE,
    archive_articles,
    pack_article,
    unpack,
)
from models.news_entities import read_annotations

TEXT = "قال الوزير إن الوضع مستقر. وقال الوزير إن الحكومة «لن تتراجع» عن قرارها."
GOLD = {
    "id": "snn-1",
    "title": "الوزير: لن نتراجع",
    "text": TEXT,
    "url": "http://example.com/1",
    "quotes": [
        {
            "quote": "لن تتراجع",
            "kind": "direct",
            "cue": "وقال",
            "speaker_mention": "الوزير",
            "speaker": "الوزير",
            "speaker_aliases": [],
            "speaker_type": "OTHER",
        },
        {
            "quote": "الوضع مستقر",
            "kind": "indirect",
            "cue": "قال",
            "speaker_mention": None,
            "speaker": "الوزير",
            "speaker_aliases": [],
            "speaker_type": "OTHER",
        },
    ],
    "entities": [],
}


def test_a_record_keeps_offsets_not_text_and_rebuilds_the_article() -> None:
    record = pack_article(GOLD, "7", "unread")
    quote = record["quotes"][0]
    assert "text" not in record and quote["quote"] == [TEXT.find("لن تتراجع"), TEXT.find("» عن")]
    assert TEXT[slice(*quote["cue"])] == "وقال"  # the cue nearest the quote, not the first قال
    assert TEXT[slice(*quote["speaker_mention"])] == "الوزير" and quote["speaker_mention"][0] > 30
    archive = [
        {"id": "x", "url": "http://example.com/2", "text": "نص آخر"},
        {"id": "snn-1", "url": GOLD["url"], "text": TEXT, "title": GOLD["title"]},
    ]
    batches = unpack([record], archive)
    assert list(batches) == ["7"]
    (rebuilt,) = batches["7"]
    assert {k: rebuilt[k] for k in GOLD} == GOLD


def test_another_version_of_the_text_or_a_missing_article_is_an_error() -> None:
    record = pack_article(GOLD, "7", "read")
    with pytest.raises(KeyError, match="not in the archive"):
        unpack([record], [{"id": "snn-1", "url": GOLD["url"], "text": TEXT + " "}])
    with pytest.raises(ValueError, match="status"):
        pack_article(GOLD, "7", "seen")
    with pytest.raises(ValueError, match="not in the text"):
        pack_article({**GOLD, "quotes": [{**GOLD["quotes"][0], "quote": "غائب"}]}, "7", "read")


def test_shipped_batches_rebuild_from_the_archive() -> None:
    from models.corpus import default_data_dir

    data_dir = default_data_dir()
    if not (data_dir / "saudinewsnet").exists():
        pytest.skip("SaudiNewsNet is not at the configured data path")
    records = read_annotations(ANNOTATIONS_FILE)
    batches = unpack(records, archive_articles(data_dir))
    assert sum(len(b) for b in batches.values()) == len(records) >= 100
    for articles in batches.values():
        for a in articles:
            for q in a["quotes"]:
                assert a["text"].find(q["quote"]) >= 0 and q["speaker"]
    assert {r["status"] for r in records} == {"read", "unread"}
