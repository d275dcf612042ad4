"""Acronyms spelled in Latin letter names (acronyms.with_spelled_acronyms)."""

from __future__ import annotations

import pytest

from models.attribution import analyze
from models.attribution.acronyms import with_spelled_acronyms
from tests.mentions import tagged


def result(text: str, mentions: list[tuple[str, str]]) -> list[tuple[str, str]]:
    spans = with_spelled_acronyms(text, tagged(text, *mentions))
    return [(text[s.start : s.end], s.label) for s in spans]


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (  # letters tagged one by one, with different types
            "وذكرت شبكة سي بي إس الأمريكية أن",
            [("سي", "ORG"), ("بي", "LOC")],
            [("سي بي إس", "ORG")],
        ),
        (  # dotted, the first letters untagged
            "وذكرت هيئة الإذاعة الأسترالية، (إيه.بي.سي) نقلا عن غواصين",
            [("بي", "ORG")],
            [("إيه.بي.سي", "ORG")],
        ),
        (  # a person's type on a letter of an agency's acronym
            "يشير وفد وكالة «يو إس إي إي دي» إلى دور",
            [("يو", "PER"), ("إس", "ORG")],
            [("يو إس إي إي دي", "ORG")],
        ),
        (  # a word of the name after the letters stays in the mention
            "وقال المحلل في بي.في.ام أويل في لندن",
            [("بي", "ORG"), ("ام أويل", "ORG")],
            [("بي.في.ام أويل", "ORG")],
        ),
    ],
)
def test_letters_of_one_acronym_become_one_organisation(
    text: str, mentions: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    assert result(text, mentions) == expected


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("حادث إسقاط الطائرة الماليزية ام اتش 17 فوق شرق أوكرانيا", [("ام اتش", "ORG")]),
        ("وهي من نوع ايه تي آر 72 كانت تقل 49 راكبا", [("ايه تي", "ORG"), ("آر", "PER")]),
        ("الطائرة الماليزية ام اتش 17 فوق شرق أوكرانيا", [("اتش", "ORG")]),  # one letter tagged
        ("عثروا على قطع من صاروخ بي يو كاي الروسي", [("بي", "ORG"), ("يو", "LOC"), ("كاي", "ORG")]),
    ],
)
def test_letters_before_a_number_or_after_a_designation_noun_are_no_entity(
    text: str, mentions: list[tuple[str, str]]
) -> None:
    assert result(text, mentions) == []


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("وبمساعدة دي ماريا سيحرص المهاجم", [("دي ماريا", "PER")]),  # one letter: a name
        ('الاستحواذ على "بي جي جروب"، ثالث أكبر', [("بي جي جروب", "ORG")]),  # already whole
        ("وقال إن بي بي سي ذكرت", [("بي بي سي", "ORG")]),  # إن starts no acronym outside one
    ],
)
def test_other_mentions_are_left_alone(text: str, mentions: list[tuple[str, str]]) -> None:
    assert result(text, mentions) == mentions


def test_analyze_reports_one_entity_for_a_spelled_acronym() -> None:
    text = "وقال مسؤول لقناة (سي.بي.سي) التلفزيونية المصرية إن المفاوضات مستمرة."
    entities = analyze(text, tagged(text, ("سي", "ORG"), ("بي", "ORG"), ("سي", "ORG"))).entities
    assert [(e.text, e.label) for e in entities] == [("سي.بي.سي", "ORG")]


def test_a_lone_letter_is_not_an_organisation() -> None:
    text = "وتحتوي الحبوب على فيتامين بي وعناصر أخرى"
    assert result(text, [("بي", "ORG")]) == []
