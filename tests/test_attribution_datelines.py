"""Bylines and datelines at the head of an article (datelines.with_dateline)."""

from __future__ import annotations

import pytest

from models.attribution import analyze
from models.attribution.datelines import with_dateline
from tests.mentions import tagged


def header(text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in with_dateline(text, [])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "خالد علي– سبق– جدة: ردّ وزير الخارجية الأمريكي",
            [("خالد علي", "PER"), ("سبق", "ORG"), ("جدة", "LOC")],
        ),
        (
            " سعود الدعجاني- سبق- بيشة : أكدت",
            [("سعود الدعجاني", "PER"), ("سبق", "ORG"), ("بيشة", "LOC")],
        ),
        ("واس - الرياض: قال", [("واس", "ORG"), ("الرياض", "LOC")]),
        ("رويترز- بنغازي (ليبيا): قال", [("رويترز", "ORG"), ("بنغازي", "LOC")]),
        ("سبق- وكالات: أعلن", [("سبق", "ORG")]),  # agencies: not a place
        ("أيمن حسن- سبق: قال", [("أيمن حسن", "PER"), ("سبق", "ORG")]),
        ("فايز الحسيكي – عين اليوم\nيبدو أن", [("فايز الحسيكي", "PER"), ("عين اليوم", "ORG")]),
        ("عين اليوم – جدة\nقتل 28 مدنيا", [("عين اليوم", "ORG"), ("جدة", "LOC")]),
    ],
)
def test_header_parts_are_typed_by_position(text: str, expected: list[tuple[str, str]]) -> None:
    assert header(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "الرياض: قال المتحدث",  # no outlet
        "قال نبينا محمد -صلى الله عليه وسلم-: لا تقوم الساعة",  # not a header
        "وقال إنه سبق - في العام الماضي - أن أعلن: لا",  # too long a first part, no outlet part
        "أعلن المتحدث\nسبق- جدة: قال",  # not at the start
    ],
)
def test_other_openings_are_left_alone(text: str) -> None:
    assert header(text) == []


def test_the_taggers_mentions_in_the_header_are_replaced() -> None:
    text = "عوض الفهمي- سبق- أضم: تمكنت فرقة من الدفاع المدني في أضم من إنقاذ"
    spans = tagged(text, ("أضم", "PER"), ("أضم", "LOC"))
    entities = analyze(text, spans).entities
    assert [(e.text, e.label) for e in entities] == [
        ("عوض الفهمي", "PER"),
        ("سبق", "ORG"),
        ("أضم", "LOC"),
        ("الدفاع المدني", "ORG"),
        ("أضم", "LOC"),
    ]
