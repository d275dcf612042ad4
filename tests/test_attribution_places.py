"""Names after a place noun are places (places.with_places_after_place_nouns)."""

from __future__ import annotations

import pytest

from models.attribution.places import with_places_after_place_nouns
from tests.mentions import tagged


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (  # a governorate the tagger took for a person
            "تسلمت إدارة التعليم بمحافظة المخواة خمسة مشاريع",
            [("المخواة", "PER")],
            [("المخواة", "LOC")],
        ),
        ("في معسكره بمدينة ميرلو الهولندية", [("ميرلو", "ORG")], [("ميرلو", "LOC")]),
        (
            "في جمهورية قبردين بلقار جنوب روسيا",
            [("قبردين بلقار", "PER")],
            [("قبردين بلقار", "LOC")],
        ),
        (  # a place and a person the title rule joined stay as they are
            "لقاء رئيس إقليم كردستان مسعود بارزاني",
            [("كردستان مسعود بارزاني", "PER")],
            [("كردستان مسعود بارزاني", "PER")],
        ),
        (  # named after a king
            "في مدينة الملك عبدالله الاقتصادية",
            [("الملك عبدالله", "PER")],
            [("الملك عبدالله", "PER")],
        ),
        (  # not right after the noun
            "وقال أمير المنطقة فيصل بن خالد",
            [("فيصل بن خالد", "PER")],
            [("فيصل بن خالد", "PER")],
        ),
        (  # a noun that belongs to the name comes in, without its proclitic
            "قتل جنديان في ولاية خوست وفي قضاء تلعفر وبولاية فرياب قرب مدينة كابل",
            [("خوست", "LOC"), ("تلعفر", "PER"), ("فرياب", "LOC"), ("كابل", "LOC")],
            [
                ("ولاية خوست", "LOC"),
                ("قضاء تلعفر", "LOC"),
                ("ولاية فرياب", "LOC"),
                ("كابل", "LOC"),
            ],
        ),
        (  # a side, and a verb that normalises like وادي
            "منتقد لروسيا من ناحية الشرق، وأدى حضرموت دورا",
            [("الشرق", "LOC"), ("حضرموت", "LOC")],
            [("الشرق", "LOC"), ("حضرموت", "LOC")],
        ),
    ],
)
def test_a_name_after_a_place_noun_is_a_place(
    text: str, mentions: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    spans = with_places_after_place_nouns(text, tagged(text, *mentions))
    assert [(text[s.start : s.end], s.label) for s in spans] == expected


def test_a_naming_noun_joins_a_place_also_when_the_article_tags_only_places() -> None:
    text = "قتل جنديان في ولاية خوست شرق أفغانستان"
    spans = with_places_after_place_nouns(text, tagged(text, ("خوست", "LOC"), ("أفغانستان", "LOC")))
    assert [text[s.start : s.end] for s in spans] == ["ولاية خوست", "أفغانستان"]
