"""Head-noun organisation names added to the tagger's entities."""

from __future__ import annotations

import pytest

from models.attribution import analyze
from models.attribution.organisations import organisation_spans, with_organisation_names
from models.spans import EntitySpan
from tests.mentions import tagged


def names(text: str, entities: list[EntitySpan] | None = None) -> list[str]:
    return [text[s.start : s.end] for s in organisation_spans(text, entities or [])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أعلنت وزارة الدفاع الروسية أمس أن", ["وزارة الدفاع الروسية"]),
        ("ونقلت وكالة الأنباء السورية عن", ["وكالة الأنباء السورية"]),
        ("وذكرت وكالة أنباء سبوتنك أن", ["وكالة أنباء سبوتنك"]),
        # after a proper name a relative adjective describes the body, it is not its name
        ("وذكرت وكالة أنباء سبوتنك الروسية أن", ["وكالة أنباء سبوتنك"]),
        ("وقال حزب الله اللبناني إن", ["حزب الله"]),
        ("أصدر مجلس السلامة الهولندي تقريره", ["مجلس السلامة الهولندي"]),
        ("أكدت القوات المسلحة السورية", ["القوات المسلحة السورية"]),
        ("قالت الهيئة العامة للسياحة والتراث الوطني إن", ["الهيئة العامة للسياحة والتراث الوطني"]),
        ("في جامعة الملك سعود بالرياض", ["جامعة الملك سعود"]),
        ("طالبت وزارة الخارجية المصرية السلطات الإيرانية", ["وزارة الخارجية المصرية"]),
        ("ورئيس الاستخبارات السعودية الأسبق", ["الاستخبارات السعودية"]),
        ("وأكدت الوزارة أن", []),  # a generic noun alone
        ("قالت الشركة الأمريكية إن", []),  # a definite head with an adjective: generic
        ("وعبرت السفن قناة السويس الجديدة", []),  # a canal, not a channel
        ("حل الاتحاد السوفيتي عام 1991", []),
        ("وطلبت الهيئة القيام بالإجراءات", []),  # a definite head takes an adjective, not a noun
        ("ودعت الجامعة إلى الحوار", []),
        ("أفادت إذاعة صوت إسرائيل بأن", ["إذاعة صوت إسرائيل"]),
        ("أكد المكتب الثقافي المصري بالرياض أن", ["المكتب الثقافي المصري"]),
        ("وقال المكتب الإعلامي إن", []),  # one modifier: generic
        # a definite مركز or مديرية with its adjective and its field is a body; with one
        # modifier it is generic (second place)
        (
            "بدأ المركز الوطني للدراسات والبحوث الاجتماعية تأسيس شراكات",
            ["المركز الوطني للدراسات والبحوث الاجتماعية"],
        ),
        ("أكدت المديرية العامة للجوازات أن", ["المديرية العامة للجوازات"]),
        ("وحل الفريق في المركز الثاني في البطولة", []),
        ("ترشح باسم الحزب الجمهوري في الانتخابات", ["الحزب الجمهوري"]),
        ("ونقل إلى مستشفى القطيف المركزي أمس", ["مستشفى القطيف المركزي"]),
        # forces by their side are no body; the government they side with is
        ("سيطرة القوات الموالية للحكومة اليمنية على زنجبار", ["للحكومة اليمنية"]),
        ("وقرر مجلس الإدارة توزيع الأرباح", []),  # a board of directors
        ("أعلنت لجنة مكافحة الإرهاب الروسية أن", ["لجنة مكافحة الإرهاب الروسية"]),
        ("إذا أكدت الوكالة الدولية للطاقة الذرية التزام", ["الوكالة الدولية للطاقة الذرية"]),
        ("نقلت الوكالة الرسمية عن مصدر", []),
        ("بمشاركة ديوان المراقبة العامة وبعض الجهات", ["ديوان المراقبة العامة"]),
        ("تدرس عرضين من نادي الشباب والفتح لكسب", ["نادي الشباب"]),  # two clubs
        # administrations, agencies, companies, chambers and funds: two modifiers name one
        ("وأوضحت الإدارة العامة للمرور أن", ["الإدارة العامة للمرور"]),
        ("وأعلنت الرئاسة العامة لرعاية الشباب أن", ["الرئاسة العامة لرعاية الشباب"]),
        # a coordinated body starts another name
        (
            "بين الرئاسة العامة لرعاية الشباب والاتحاد السعودي لكرة القدم",
            ["الرئاسة العامة لرعاية الشباب", "الاتحاد السعودي لكرة القدم"],
        ),
        ("وأعلنت الشركة السعودية للكهرباء عن", ["الشركة السعودية للكهرباء"]),
        ("بحسب الغرفة التجارية الصناعية بجدة", ["الغرفة التجارية الصناعية"]),
        ("وقال صندوق التنمية العقارية إن", ["صندوق التنمية العقارية"]),
        ("وذكرت اللجنة العامة للانتخابات أن", ["اللجنة العامة للانتخابات"]),
        ("وانتقدت الإدارة الأمريكية القرار", []),  # one modifier: the US administration
        # police forces and municipalities by their place (a rank after the place ends it)
        ("وأوضح الناطق الإعلامي بشرطة منطقة القصيم الرائد فهد الهبدان", ["شرطة منطقة القصيم"]),
        ("قتل اثنين من رجال الشرطة التركية في سروج", ["الشرطة التركية"]),
        ("شكر رئيس نادي الرائد وأعضاء المجلس", ["نادي الرائد"]),  # a club named by a rank
        ("وأوضح رئيس بلدية الجنوب الفرعية أن", ["بلدية الجنوب الفرعية"]),
        # a committee's role makes a working group, not a named body
        ("أعلنت اللجنة المنظمة للمهرجان عن", []),
        ("وكتب في جريدة الرياض أن", ["جريدة الرياض"]),
        # a title after a definite head starts a person's name
        ("وقال مدير عام المؤسسة المهندس أحمد الفارس إن", []),
        # affiliated with (التابعة) ends the name
        (
            "بالتنسيق مع اللجنة العليا للإغاثة التابعة للحكومة الشرعية",
            ["اللجنة العليا للإغاثة"],
        ),
    ],
)
def test_organisation_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (
            "بالشراكة مع مركز الملك سلمان للإغاثة والأعمال الإنسانية في اليمن",
            [("سلمان", "PER"), ("اليمن", "LOC")],
            [("مركز الملك سلمان للإغاثة والأعمال الإنسانية", "ORG"), ("اليمن", "LOC")],
        ),
        (
            "أحبط جمرك مطار الملك عبدالعزيز الدولي بجدة محاولة تهريب",
            [("عبدالعزيز", "PER"), ("بجدة", "LOC")],
            [("مطار الملك عبدالعزيز الدولي", "LOC"), ("بجدة", "LOC")],
        ),
    ],
)
def test_a_facility_named_after_a_king_is_one_body_or_place(
    text: str, mentions: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    spans = with_organisation_names(text, tagged(text, *mentions))
    assert [(text[x.start : x.end], x.label) for x in spans] == expected


def test_a_municipality_takes_its_region() -> None:
    text = "وطالبوا أمانة منطقة القصيم بإعادة"
    i = text.index("منطقة")
    region = EntitySpan(i, i + len("منطقة القصيم"), "LOC", 0.9)
    assert names(text, [region]) == ["أمانة منطقة القصيم"]
    # an untagged region noun continues the name; a body after the place is another one
    text = "أن أمانة منطقة القصيم واللجنة المنظمة للمهرجان"
    j = text.index("القصيم")
    place = EntitySpan(j, j + len("القصيم"), "LOC", 0.9)
    assert names(text, [place]) == ["أمانة منطقة القصيم"]
    text = "وقالت منظمة الأمم المتحدة للأغذية والزراعة إن"  # coordination inside لل
    assert names(text) == ["منظمة الأمم المتحدة للأغذية والزراعة"]


def test_a_full_name_after_the_name_of_a_body_is_a_person() -> None:
    text = "قال المتحدث الرسمي لوزارة التعليم مبارك العصيمي إن"
    i = text.index("مبارك")
    person = EntitySpan(i, i + len("مبارك العصيمي"), "PER", 0.9)
    assert names(text, [person]) == ["وزارة التعليم"]
    text = "في جامعة الملك عبدالعزيز بجدة"  # after a title the person names the body
    k = text.index("عبدالعزيز")
    king = EntitySpan(k, k + len("عبدالعزيز"), "PER", 0.9)
    assert names(text, [king]) == ["جامعة الملك عبدالعزيز"]


def test_tagged_words_continue_the_name_and_proclitics_are_excluded() -> None:
    text = "وقالت قناة روسيا اليوم وللمجلس الأعلى للقضاء"
    i = text.index("روسيا")
    # للمجلس keeps its ل (the article lost its alef); the entity name becomes المجلس …
    assert names(text, [EntitySpan(i, i + 5, "LOC", 0.9)]) == ["قناة روسيا", "للمجلس الأعلى للقضاء"]
    assert names(text) == ["للمجلس الأعلى للقضاء"]  # روسيا untagged: قناة has no modifier
    # a name glued to و after the head starts a coordinated name
    text = "بين وزارة الخارجية وروسيا"
    j = text.index("روسيا")
    assert names(text, [EntitySpan(j, j + 5, "LOC", 0.9)]) == ["وزارة الخارجية"]


def test_a_relative_adjective_inside_a_mention_ends_the_name() -> None:
    text = "واستنكرت منظمة التعاون الإسلامي التصريحات"
    body = tagged(text, ("منظمة التعاون الإسلامي", "ORG"))
    assert names(text, body) == ["منظمة التعاون الإسلامي"]


def test_an_outlet_named_in_quotation_marks_is_an_organisation() -> None:
    text = 'وقالت صحيفة "الأهرام اليوم" السودانية إن الكاتب توفي، ونقلت عن "مصادر" أخرى ذلك.'
    merged = with_organisation_names(text, tagged(text, ("الأهرام", "ORG")))
    assert [(text[s.start : s.end], s.label) for s in merged] == [("الأهرام اليوم", "ORG")]
    a = analyze(text, tagged(text, ("الأهرام", "ORG")))
    assert a.quotes and a.quotes[0].speaker is not None
    assert a.quotes[0].speaker.name == "الأهرام اليوم"


def test_overlapping_mentions_give_way_and_the_speaker_is_the_organisation() -> None:
    text = "وقالت وزارة الدفاع الروسية في بيان إن الطائرات عادت إلى قواعدها."
    i = text.index("الروسية")
    tagged = [EntitySpan(i, i + 7, "LOC", 0.8)]
    merged = with_organisation_names(text, tagged)
    assert [(text[s.start : s.end], s.label) for s in merged] == [("وزارة الدفاع الروسية", "ORG")]
    analysis = analyze(text, tagged)
    assert [(e.name, e.label) for e in analysis.entities] == [("وزارة الدفاع الروسية", "ORG")]
    speaker = analysis.quotes[0].speaker
    assert speaker is not None and (speaker.name, speaker.label) == ("وزارة الدفاع الروسية", "ORG")


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (
            "ويزود متجر متخصص «حجاب دوت كوم» على الإنترنت المحجبات بالملابس",
            [("دوت", "ORG"), ("كوم", "PER")],
            [("حجاب دوت كوم", "ORG")],
        ),
        ("ذلك موقع جوجل دوت كوم الشهير", [("جوجل", "ORG")], [("جوجل دوت كوم", "ORG")]),
        ("وكتب على حسابه دوت كوم", [], []),  # no name before the domain
    ],
)
def test_a_website_named_with_its_domain_is_one_organisation(
    text: str, mentions: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    spans = with_organisation_names(text, tagged(text, *mentions))
    assert [(text[x.start : x.end], x.label) for x in spans] == expected


def test_a_government_is_named_by_its_countrys_adjective_or_a_marked_place() -> None:
    text = (
        "وقالت الحكومة اليمنية إن القرار صائب، وأكدت للحكومة اليابانية دعمها. وطلبت حكومة "
        "نيوزيلندا الحوار، ورحبت الحكومة الشرعية وحكومة الرئيس هادي بذلك."
    )
    assert names(text, tagged(text, ("نيوزيلندا", "LOC"))) == [
        "الحكومة اليمنية",
        "للحكومة اليابانية",
        "حكومة نيوزيلندا",
    ]


def test_a_team_parliament_navy_or_embassy_is_named_like_a_government() -> None:
    text = (
        "فاز المنتخب البرازيلي على منتخب سويسرا، وصوت البرلمان الإيراني، وأكدت البحرية "
        "الروسية ذلك برئاسة أمريكا، ولعب المنتخب الوطني والمنتخب الكروي."
    )
    spans = tagged(text, ("سويسرا", "LOC"), ("أمريكا", "LOC"))
    assert names(text, spans) == [
        "المنتخب البرازيلي",
        "منتخب سويسرا",
        "البرلمان الإيراني",
        "البحرية الروسية",
    ]


def test_god_after_a_body_is_not_part_of_its_name() -> None:
    text = "وسألت الأمانة العامة لهيئة كبار العلماء الله تعالى أن يحفظ البلاد"
    spans = with_organisation_names(text, tagged(text, ("هيئة كبار العلماء", "ORG")))
    assert [text[s.start : s.end] for s in spans] == ["هيئة كبار العلماء"]
    assert names("افتتح مركز الملك عبد الله للدراسات") == ["مركز الملك عبد الله للدراسات"]


def test_a_construct_word_continues_only_the_head() -> None:
    text = "وكان مجلس الأمن الدولي صوت بالإجماع على القرار، وأفادت إذاعة صوت إسرائيل بأن"
    a = analyze(text, tagged(text, ("مجلس الأمن الدولي", "ORG")))
    assert [e.name for e in a.entities] == ["مجلس الأمن الدولي", "إذاعة صوت إسرائيل"]
