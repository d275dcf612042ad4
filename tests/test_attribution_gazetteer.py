"""Gazetteer places and organisations added to or retyping the tagger's mentions."""

from __future__ import annotations

import pytest

from models.attribution import analyze
from models.attribution.gazetteer import GAZETTEER_FILE, gazetteer, with_gazetteer_names
from models.attribution.normalize import norm
from tests.mentions import tagged


def result(text: str, *mentions: tuple[str, str]) -> list[tuple[str, str]]:
    spans = with_gazetteer_names(text, tagged(text, *mentions))
    return [(text[s.start : s.end], s.label) for s in spans]


def test_every_line_is_a_known_label_and_kind() -> None:
    names = gazetteer()
    rows = [
        line.split("\t")
        for line in GAZETTEER_FILE.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert len(names) > 400 and max(len(name) for name in names) >= 4
    for label, kind, name, *options in rows:
        assert (label, kind) in {("LOC", "country"), ("LOC", "region"), ("LOC", "city")} | {
            ("ORG", "org")
        }, name
        assert norm(name) == " ".join(norm(name).split()) and name.strip() == name
        assert all(
            o in ("no-proclitic", "quoted:ORG", "quoted-only", "club")
            or o.startswith("not-before:")
            for o in options
        )


def test_untagged_names_become_mentions_without_their_proclitic() -> None:
    text = "ووصل الوفد إلى أستراليا ثم لكوالالمبور، حسب وكالة واس"
    assert result(text) == [("أستراليا", "LOC"), ("كوالالمبور", "LOC"), ("واس", "ORG")]


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        (
            "وتحصل اليونان وإيطاليا على الحصة الأكبر",
            "اليونان وإيطاليا",
            [("اليونان", "LOC"), ("إيطاليا", "LOC")],
        ),
        (
            "التي تستضيفها الولايات المتحدة وكندا هذا العام",
            "الولايات المتحدة وكندا",
            [("الولايات المتحدة", "LOC"), ("كندا", "LOC")],
        ),
        ("وصل إلى البوسنة والهرسك أمس", "البوسنة والهرسك", [("البوسنة والهرسك", "LOC")]),
    ],
)
def test_a_place_mention_that_lists_places_is_split(
    text: str, mention: str, expected: list[tuple[str, str]]
) -> None:
    assert result(text, (mention, "LOC")) == expected


def test_an_organisation_mention_that_lists_listed_bodies_is_split() -> None:
    text = "وطالب الأمم المتحدة والصليب الأحمر بالتحرك"
    assert result(text, ("الأمم المتحدة والصليب الأحمر", "ORG")) == [
        ("الأمم المتحدة", "ORG"),
        ("الصليب الأحمر", "ORG"),
    ]


def test_forces_of_the_yemen_and_syria_wars_and_civil_defence_are_bodies() -> None:
    text = "وسيطرت المقاومة الشعبية بدعم من التحالف العربي على المعسكر، وباشر الدفاع المدني"
    assert result(text) == [
        ("المقاومة الشعبية", "ORG"),
        ("التحالف العربي", "ORG"),
        ("الدفاع المدني", "ORG"),
    ]
    text = "وتقدمت اللجان الشعبية في تعز، ورد الحوثيون بقصف مواقع للحوثيين السابقة"
    assert result(text) == [
        ("اللجان الشعبية", "ORG"),
        ("تعز", "LOC"),
        ("الحوثيون", "ORG"),
        ("للحوثيين", "ORG"),  # لل: ل and ال in one, kept in the span
    ]


def test_a_club_named_by_a_common_word_needs_a_sports_word_before_it() -> None:
    assert result("وأشرك مدرب الهلال 15 لاعبا، وانضم لصفوف النصر") == [
        ("الهلال", "ORG"),
        ("النصر", "ORG"),
    ]
    assert result("حقق الجيش النصر بعد ظهور الهلال، وتم الاتفاق على التعاون") == []


def test_the_districts_of_aden_are_places() -> None:
    text = "قصف الحوثيون أحياء كريتر والتواهي وخور مكسر ودار سعد قرب قاعدة العند"
    assert [t for t, label in result(text) if label == "LOC"] == [
        "كريتر",
        "التواهي",
        "خور مكسر",
        "دار سعد",
        "العند",
    ]


def test_the_holy_mosques_are_places() -> None:
    text = "أدى المصلون الصلاة في المسجد الحرام والمسجد النبوي وباحات المسجد الأقصى"
    assert [label for _, label in result(text)] == ["LOC", "LOC", "LOC"]


def test_the_longest_name_wins_and_a_lost_alef_stays_in_the_mention() -> None:
    text = "زار الإمارات العربية المتحدة ثم عاد للسعودية"
    assert result(text) == [("الإمارات العربية المتحدة", "LOC"), ("للسعودية", "LOC")]


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("وصل إلى أبها أمس", ("أبها", "PER"), "LOC"),
        ("ونقلت سانا عن الرئيس", ("سانا", "LOC"), "ORG"),
        ("قالت الولايات المتحدة إن", ("الولايات المتحدة", "ORG"), "LOC"),
        # a city typed ORG may be its club
        ("خسر أمام برشلونة الإسباني", ("برشلونة", "ORG"), "ORG"),
    ],
)
def test_exact_mentions_take_the_gazetteer_label(
    text: str, mention: tuple[str, str], expected: str
) -> None:
    assert result(text, mention) == [(mention[0], expected)]


@pytest.mark.parametrize(
    "text",
    [
        "عاد إلى مسقط رأسه في الشمال",  # birthplace, not Muscat
        "فيما وجده وما كان يظنه",  # a verb, not و + جدة
        "عبر عن حماس كبير",  # zeal, not the movement (left out of the list)
    ],
)
def test_common_words_are_not_names(text: str) -> None:
    assert result(text) == []


def test_a_name_inside_a_longer_mention_is_left_to_the_tagger() -> None:
    text = "فاز منتخب أستراليا على اليابان"
    assert result(text, ("منتخب أستراليا", "ORG")) == [
        ("منتخب أستراليا", "ORG"),
        ("اليابان", "LOC"),
    ]


def test_a_gazetteer_name_completes_an_organisation_name() -> None:
    text = "وقال لقناة روسيا اليوم إن"
    names = {(e.text, e.label) for e in analyze(text, tagged(text, ("روسيا", "LOC"))).entities}
    assert names == {("قناة روسيا اليوم", "ORG")}


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        # untagged names of the archive's frequent bodies
        ("أفاد المرصد السوري لحقوق الإنسان بأن", (), "المرصد السوري لحقوق الإنسان"),
        ("استهدف مسجد قوات الطوارئ الخاصة أمس", (("قوات الطوارئ", "ORG"),), "قوات الطوارئ الخاصة"),
        # a mention inside a longer listed name gives way to it
        ("أعلنت حركة طالبان أمس", (("طالبان", "ORG"),), "حركة طالبان"),
        ("رئيس هيئة قناة السويس", (("قناة السويس", "LOC"),), "هيئة قناة السويس"),
    ],
)
def test_listed_bodies_replace_the_mentions_inside_them(
    text: str, mentions: tuple[tuple[str, str], ...], expected: str
) -> None:
    spans = with_gazetteer_names(text, tagged(text, *mentions))
    assert [(text[s.start : s.end], s.label) for s in spans] == [(expected, "ORG")]


def test_a_listed_body_is_split_off_the_start_of_a_person_name() -> None:
    text = "وأعلن المتحدث باسم الكرملين ديمتري بيسكوف أن"
    assert result(text, ("الكرملين ديمتري بيسكوف", "PER")) == [
        ("الكرملين", "ORG"),
        ("ديمتري بيسكوف", "PER"),
    ]


def test_a_place_named_newspaper_in_quotation_marks_is_an_organisation() -> None:
    text = "وقال مسؤولون تحدثوا لـ«الشرق الأوسط» إن الوضع في الشرق الأوسط صعب"
    spans = with_gazetteer_names(text, tagged(text, ("الشرق الأوسط", "LOC")))
    assert [(text[s.start : s.end], s.label) for s in spans] == [
        ("الشرق الأوسط", "ORG"),
        ("الشرق الأوسط", "LOC"),
    ]


def test_the_suez_canal_is_one_place() -> None:
    text = "وافتتحت مصر قناة السويس الجديدة في محافظة شمال سيناء"
    spans = with_gazetteer_names(text, tagged(text, ("مصر", "LOC"), ("سيناء", "LOC")))
    assert [(text[s.start : s.end], s.label) for s in spans] == [
        ("مصر", "LOC"),
        ("قناة السويس", "LOC"),
        ("شمال سيناء", "LOC"),
    ]


def test_a_country_name_used_as_an_adjective_is_no_place() -> None:
    text = "وارتفعت الأسهم السعودية اليوم، وسافر الوفد إلى السعودية أمس"
    spans = with_gazetteer_names(text, tagged(text, ("السعودية", "LOC")))
    assert [(text[s.start : s.end], s.label, s.start) for s in spans] == [
        ("السعودية", "LOC", text.rindex("السعودية"))
    ]


def test_a_newspaper_named_by_a_common_word_only_in_quotation_marks() -> None:
    text = "وقال لـ«المدينة» إن المدينة تحتاج إلى حدائق، وأكد لـ«عكاظ» ذلك"
    assert result(text) == [("المدينة", "ORG"), ("عكاظ", "ORG")]


def test_a_listed_town_that_starts_with_a_title_word_is_one_place() -> None:
    text = "استهداف عربة متحركة في اتجاه جنوب الشيخ زويد مما أسفر عن تدميرها"
    assert result(text, ("زويد", "LOC")) == [("الشيخ زويد", "LOC")]


def test_messaging_apps_the_azhar_and_the_atlantic_alliance_are_bodies() -> None:
    text = "وانتشرت الشائعة عبر الواتساب وسناب شات، وأدانها الأزهر الشريف والحلف الأطلسي"
    assert result(text) == [
        ("الواتساب", "ORG"),
        ("سناب شات", "ORG"),
        ("الأزهر الشريف", "ORG"),
        ("الحلف الأطلسي", "ORG"),
    ]


def test_armed_groups_named_by_common_words_are_bodies() -> None:
    text = "وأعلنت حركة الشباب مسؤوليتها، فيما هاجمت بوكو حرام قرية وقاتلت أحرار الشام في إدلب"
    assert result(text, ("إدلب", "LOC")) == [
        ("حركة الشباب", "ORG"),
        ("بوكو حرام", "ORG"),
        ("أحرار الشام", "ORG"),
        ("إدلب", "LOC"),
    ]


def test_the_islamic_cooperation_organisation_and_the_world_league_are_bodies() -> None:
    text = "ورحبت منظمة التعاون الإسلامي ورابطة العالم الإسلامي بالقرار"
    assert result(text) == [("منظمة التعاون الإسلامي", "ORG"), ("رابطة العالم الإسلامي", "ORG")]


def test_a_share_line_of_listed_platforms_is_one_mention_per_platform() -> None:
    text = "شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك"
    assert result(text, ("تويتر فيسبوك جوجل بلس", "ORG")) == [
        ("تويتر", "ORG"),
        ("فيسبوك", "ORG"),
        ("جوجل بلس", "ORG"),
    ]
