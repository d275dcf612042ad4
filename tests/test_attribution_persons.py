"""Whole person names after a title or around a given name (persons.with_person_names)."""

from __future__ import annotations

import pytest

from models.attribution import analyze
from models.attribution.persons import with_person_names
from models.spans import EntitySpan
from tests.mentions import tagged


def result(text: str, spans: list[EntitySpan]) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in with_person_names(text, spans)]


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (  # a name does not start with بن: the given name before it belongs to it
            "وفاز بالمنصب ومرعي بن بركة الدرباس على وظيفة",
            [("بن بركة الدرباس", "PER")],
            [("مرعي بن بركة الدرباس", "PER")],
        ),
        (  # a name that stops at the father's name takes the family name after it
            "وأوضح وزير الثقافة الدكتور عادل بن زيد الطريفي في بيانه أن",
            [("عادل بن زيد", "PER")],
            [("عادل بن زيد الطريفي", "PER")],
        ),
        (  # …or the family name the tagger took for a person of its own
            "وأوضح مدير إدارة العلاقات محمد بن علي سليمان بأنه تم استكمال الشبكات",
            [("محمد بن علي", "PER"), ("سليمان", "PER")],
            [("محمد بن علي سليمان", "PER")],
        ),
        (  # princes go by given name and lineage: the next word is not their family name
            "وقد وصل الأمير محمد بن سلمان تاريخية الزيارة",
            [("محمد بن سلمان", "PER")],
            [("محمد بن سلمان", "PER")],
        ),
        (  # a reporting verb the tagger joined to the name it introduces
            "روى عايض عسيري شقيق الشهيد اللحظات الأخيرة",
            [("روى عايض عسيري", "PER")],
            [("عايض عسيري", "PER")],
        ),
        (  # a title with "his" that the tagger joined to the name after it
            "وقال الرئيس باراك أوباما ووزير خارجيته جون كيري مرارا إن",
            [("باراك أوباما", "PER"), ("خارجيته جون كيري", "PER")],
            [("باراك أوباما", "PER"), ("جون كيري", "PER")],
        ),
        (  # …or the verb after the name that brings in its quote
            "وزير الاقتصاد المهندس عادل بن محمد فقيه غرد: «اللهم احفظ لنا وطننا»",
            [("عادل بن محمد فقيه غرد", "PER")],
            [("عادل بن محمد فقيه", "PER")],
        ),
        (
            "وزير الاتصالات الدكتور محمد السويل غرد قائلا: «اللهم احفظ وطننا»",
            [("محمد السويل غرد", "PER")],
            [("محمد السويل", "PER")],
        ),
        (  # wrong type after a title with adjectives
            "وقال وزير الدفاع الأمريكي أشتون كارتر إن",
            [("أشتون كارتر", "LOC")],
            [("أشتون كارتر", "PER")],
        ),
        (  # a name split into pieces of two types
            "وقال رئيس الوزراء الإسرائيلي بنيامين نتنياهو إن",
            [("بنيامين", "LOC"), ("نتنياهو", "ORG")],
            [("بنيامين نتنياهو", "PER")],
        ),
        (  # construct state: the country is the title's genitive, the name follows
            "وقال وزير خارجية روسيا سيرغي لافروف إن",
            [("روسيا", "LOC"), ("سيرغي", "LOC"), ("لافروف", "ORG")],
            [("روسيا", "LOC"), ("سيرغي لافروف", "PER")],
        ),
        (  # the body after باسم stays an organisation
            "وقال المتحدث باسم الكرملين ديمتري بيسكوف إن",
            [("الكرملين", "ORG"), ("ديمتري بيسكوف", "ORG")],
            [("الكرملين", "ORG"), ("ديمتري بيسكوف", "PER")],
        ),
        (  # an untagged first name before the tagged rest of the name
            "وقال المتحدث باسم الكرملين ديمتري بيسكوف إن",
            [("الكرملين", "ORG"), ("بيسكوف", "ORG")],
            [("الكرملين", "ORG"), ("ديمتري بيسكوف", "PER")],
        ),
        (
            "وقال المتحدث باسم الخارجية المصرية أحمد أبو زيد إن",
            [("أبو زيد", "PER")],
            [("أحمد أبو زيد", "PER")],
        ),
    ],
)
def test_names_after_titles(
    text: str, mentions: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    assert result(text, tagged(text, *mentions)) == expected


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        # the object after a tagged name is not part of it
        (
            "وفي أول زيارة له زار الرئيس السوري بشار الأسد موسكو",
            [("بشار الأسد", "PER"), ("موسكو", "LOC")],
        ),
        # a one-word object after a title is not taken for a name
        ("وزار الرئيس الفرنسي لبنان أمس", [("لبنان", "LOC")]),
        # a place after a genitive title (المبعوث الخاص للرئيس الروسي للشرق الأوسط)
        ("المبعوث الخاص للرئيس الروسي للشرق الأوسط والبلدان", [("للشرق الأوسط", "LOC")]),
        # a coordinated name (وروسيا) starts a new mention
        ("التقى الرئيس السوري وروسيا البيضاء", [("روسيا البيضاء", "LOC")]),
        # untagged words with a proclitic are not names (بقيادة, لتلفزيون)
        (
            "صرح الناطق الإعلامي بقيادة حرس الحدود بمنطقة جازان",
            [("حرس الحدود", "ORG"), ("جازان", "LOC")],
        ),
        ("وقال نائب رئيس المجلس لتلفزيون بلومبيرغ إن", [("بلومبيرغ", "ORG")]),
        # an untagged noun before a place is its object (وفدا روسيا)
        ("استقبل الرئيس السوري وفدا روسيا", [("روسيا", "LOC")]),
        # no title
        ("وصل إلى كوريا الجنوبية أمس", [("كوريا الجنوبية", "LOC")]),
    ],
)
def test_other_mentions_are_left_alone(text: str, mentions: list[tuple[str, str]]) -> None:
    spans = tagged(text, *mentions)
    assert with_person_names(text, spans) == spans


def test_other_mentions_of_the_name_become_per_and_share_its_entity() -> None:
    text = "وقال رئيس الوزراء الإسرائيلي بنيامين نتنياهو إن بلاده مستعدة. وأضاف نتنياهو أن"
    spans = tagged(text, ("بنيامين", "LOC"), ("نتنياهو", "ORG"), ("نتنياهو", "ORG"))
    assert result(text, spans) == [("بنيامين نتنياهو", "PER"), ("نتنياهو", "PER")]
    names = {(e.text, e.label, e.name) for e in analyze(text, spans).entities}
    assert names == {
        ("بنيامين نتنياهو", "PER", "بنيامين نتنياهو"),
        ("نتنياهو", "PER", "بنيامين نتنياهو"),
    }


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (  # the family name tagged as a place
            "وقال هنري كيسنجر إن",
            [("هنري", "PER"), ("كيسنجر", "LOC")],
            [("هنري كيسنجر", "PER")],
        ),
        (  # an untagged foreign family name
            "وقال روبرتو ازيفيدو إن",
            [("روبرتو", "PER")],
            [("روبرتو ازيفيدو", "PER")],
        ),
        (  # an untagged definite family name, also a relative adjective
            "وأكد إبراهيم المشيقح أن العمل مستمر، وأكد خالد الحربي ذلك",
            [("إبراهيم", "PER"), ("خالد", "PER")],
            [("إبراهيم المشيقح", "PER"), ("خالد الحربي", "PER")],
        ),
        (  # an untagged given name before the tagged family name
            "وقال بدر عبدالعاطي إن",
            [("عبدالعاطي", "PER")],
            [("بدر عبدالعاطي", "PER")],
        ),
        (  # foreign given names: Spanish, Greek, Italian
            "وأكد سيرخيو راموس بقاءه، فيما قال أليكسيس تسيبراس، وقال باولو جينتيلوني إن",
            [("راموس", "PER"), ("أليكسيس", "PER"), ("جينتيلوني", "PER")],
            [("سيرخيو راموس", "PER"), ("أليكسيس تسيبراس", "PER"), ("باولو جينتيلوني", "PER")],
        ),
    ],
)
def test_names_around_given_names(
    text: str, mentions: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    assert result(text, tagged(text, *mentions)) == expected


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        # a king goes by his given name: what follows is not a family name
        ("وصل إلى مطار الملك عبدالعزيز الدولي", [("عبدالعزيز", "PER")]),
        # a verb, a pronoun and a pronoun-carrying noun after a name
        ("اعتقد أن صلاح سيقبل العرض", [("صلاح", "PER")]),
        ("وبأن مريم هي من تقف وراءه", [("مريم", "PER")]),
        ("المخلوع صالح استهدافها للشريط", [("صالح", "PER")]),
        # a place after a given name is an object when it is definite
        ("أن يزور جورج الولايات المتحدة", [("جورج", "PER"), ("الولايات المتحدة", "LOC")]),
        # a coordinated word is not a family name (وأحمد)
        ("وقال محمد وأحمد إنهما", [("محمد", "PER"), ("أحمد", "PER")]),
        # the name is already whole, or the first word is not a given name
        ("وقال محمد بن سلمان إن", [("محمد بن سلمان", "PER")]),
        ("وزار لافروف موسكو", [("لافروف", "PER"), ("موسكو", "LOC")]),
    ],
)
def test_given_names_leave_other_words_alone(text: str, mentions: list[tuple[str, str]]) -> None:
    spans = tagged(text, *mentions)
    assert with_person_names(text, spans) == spans


def test_a_family_name_confirmed_by_a_given_name_is_per_elsewhere() -> None:
    text = "وقال هنري كيسنجر إن الحرب طويلة. وأضاف كيسنجر أن"
    spans = tagged(text, ("هنري", "PER"), ("كيسنجر", "LOC"), ("كيسنجر", "LOC"))
    assert result(text, spans) == [("هنري كيسنجر", "PER"), ("كيسنجر", "PER")]


def test_an_untagged_given_and_family_name_after_a_title_is_added() -> None:
    text = "وأشاد بالسفير السعودي عيد الثقفي، وقال الدكتور خالد الفالح إن"
    assert result(text, []) == [("عيد الثقفي", "PER"), ("خالد الفالح", "PER")]
    text = "وصل إلى مطار الملك فهد الدولي، وقال العقيد زياد الرقيطي إن"
    assert result(text, []) == [("زياد الرقيطي", "PER")]  # a king's name is not followed


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (  # the word after بن belongs to the name
            "فقال سعيد بن المسيب إن هذا الأمر",
            [("سعيد بن", "PER")],
            [("سعيد بن المسيب", "PER")],
        ),
        (  # after بن or آل a title word is a forebear's or a family's name
            "وقال الأمير عبدالله بن مساعد الرئيس العام لرعاية الشباب",
            [("عبدالله بن", "PER")],
            [("عبدالله بن مساعد", "PER")],
        ),
        (  # and آل الشيخ is the family name: no definite word after it joins
            "وأوصى الشيخ عبدالعزيز بن عبدالله آل الشيخ المسلمين بتقوى الله",
            [("عبدالعزيز بن عبدالله آل", "PER")],
            [("عبدالعزيز بن عبدالله آل الشيخ", "PER")],
        ),
        (  # a given name after the lineage starts the next person
            "وشكر الاتحاديون عبدالله بن مساعد أحمد عيد على ذلك",
            [("عبدالله بن", "PER"), ("أحمد عيد", "PER")],
            [("عبدالله بن مساعد", "PER"), ("أحمد عيد", "PER")],
        ),
        (  # a chain of particles, then a tagged family name
            "وقال المتهم ساير بن لافي بن ساير الرشيدي أقدم",
            [("ساير بن لافي بن", "PER"), ("الرشيدي", "PER")],
            [("ساير بن لافي بن ساير الرشيدي", "PER")],
        ),
        (  # an untagged definite family name after the completed name
            "ورجل الأعمال حسن بن معجب الحويزي. جاء ذلك",
            [("حسن بن", "PER")],
            [("حسن بن معجب الحويزي", "PER")],
        ),
        (  # a foreign particle joins the pieces the tagger typed apart
            "قال المتحدث وين دي بروين لوكالة فرانس برس",
            [("وين دي", "PER"), ("بروين", "ORG")],
            [("وين دي بروين", "PER")],
        ),
        (  # علي after بن is the name, not the preposition على (مدة is a given name)
            "والمدير التنفيذي للحملة مدة بن علي الثعلبي قائلا",
            [("بن", "PER")],
            [("مدة بن علي الثعلبي", "PER")],
        ),
        (  # after عبد even a title word is part of the name
            "زعيم الحوثيين عبد الملك الحوثي في خطابه",
            [("عبد", "PER")],
            [("عبد الملك الحوثي", "PER")],
        ),
        (  # a given name before a name that starts with بن
            "على كريمة الشيخ محمد بن فنيس الكيرعاني؛ بإحدى",
            [("بن", "PER")],
            [("محمد بن فنيس الكيرعاني", "PER")],
        ),
        (  # a nationality is not a family name
            "حين تغلب على أميركا دي كالي الكولومبي، أنهى",
            [("دي", "PER")],
            [("دي كالي", "PER")],
        ),
    ],
)
def test_linking_particles_continue_the_name(
    text: str, mentions: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    assert result(text, tagged(text, *mentions)) == expected


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("في بيت من بيوت الله وفي ميدان الشرف", [("الله", "PER")]),
        ('متزوج وله ابن "ياسر".', [("ابن", "PER")]),
        ("يمكنه إشعال ضوء “إل إي دي” بسرعة", [("دي", "PER")]),
    ],
)
def test_a_particle_alone_is_not_a_person(text: str, mentions: list[tuple[str, str]]) -> None:
    assert result(text, tagged(text, *mentions)) == []


def test_a_name_ending_in_a_given_name_is_not_extended() -> None:
    text = "وقال عبد الله البراك المستثمر في القطاع"
    assert result(text, tagged(text, ("عبد الله البراك", "PER"))) == [("عبد الله البراك", "PER")]


def test_a_title_with_a_possessive_pronoun_takes_no_genitive() -> None:
    text = "وقال الرئيس الأمريكي باراك أوباما ووزير خارجيته جون كيري مرارا إن"
    spans = tagged(text, ("باراك أوباما", "PER"))
    assert result(text, spans) == [("باراك أوباما", "PER"), ("جون كيري", "PER")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("عشقهم للرقص. وقال سامر قرعان (46 عاما)، الذي", ("سامر قرعان", "PER")),
        ("كتاب عالم الفيزياء الأمريكي كارل ساجان عن الكون", ("كارل ساجان", "PER")),
    ],
)
def test_an_untagged_full_name_after_a_reporting_verb_or_a_nationality(
    text: str, expected: tuple[str, str]
) -> None:
    assert result(text, []) == [expected]


def test_a_verb_after_a_given_name_is_no_family_name() -> None:
    text = "أعتقد أن ماتيو كان الأفضل"
    assert result(text, tagged(text, ("ماتيو", "PER"))) == [("ماتيو", "PER")]


@pytest.mark.parametrize(
    ("text", "mentions"),
    [
        ("دعت إلى احترام مبادئ حسن الجوار وعدم التدخل", [("حسن", "PER")]),
        ("المنافسة التي تصب في صالح المستهلك في نهاية", [("صالح", "PER")]),
    ],
)
def test_idioms_with_a_given_name_are_no_person(text: str, mentions: list[tuple[str, str]]) -> None:
    assert result(text, tagged(text, *mentions)) == []


def test_a_family_name_of_a_person_named_in_full_is_that_person() -> None:
    text = "قال حسن نصر الله إن الحزب قوي، وأضاف نصر الله أن"
    spans = tagged(text, ("حسن نصر الله", "PER"), ("نصر الله", "ORG"))
    assert result(text, spans) == [("حسن نصر الله", "PER"), ("نصر الله", "PER")]


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("مع الأمير محمد بن نايف ولي العهد", "محمد بن نايف ولي", "محمد بن نايف"),
        (
            "باستثناء المدافعين عبدالله العبدالله وأمين",
            "المدافعين عبدالله العبدالله",
            "عبدالله العبدالله",
        ),
        ("محمد السيد - سبق : يُنتظر", "محمد السيد", "محمد السيد"),  # السيد: a family name here
        (
            "يعود المخرج الأرجنتيني بابلو ترابيرو للمنافسة",
            "الأرجنتيني بابلو ترابيرو",
            "بابلو ترابيرو",
        ),
        ("بحضور الأمير تركي الفيصل رئيس المركز", "تركي الفيصل", "تركي الفيصل"),  # تركي: a name
    ],
)
def test_a_persons_name_leaves_out_titles_and_nouns_around_it(
    text: str, mention: str, expected: str
) -> None:
    assert result(text, tagged(text, (mention, "PER"))) == [(expected, "PER")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وأضاف الوايلي أن المزارع يواصل عنايته", [("الوايلي", "PER")]),
        ("وأضاف الجريسي: إننا كمواطنين", [("الجريسي", "PER")]),
        ("ثم أعلن المستشفى أن الطفل في تحسن", []),  # ى: a noun, not a family name
        ("وطالب الأهالي، عبر سبق، الجهات المعنية", []),  # residents: a collective source
        ("وقال المتحدث إن الاجتماع انتهى", []),  # a title
    ],
)
def test_a_family_name_alone_after_a_reporting_verb_is_a_person(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert result(text, []) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وفي لقاء آخر مع حسين المعلاق, وهو صاحب محل", [("حسين المعلاق", "PER")]),
        ("قبل بلوغهم عمر الرابعة يمكن", []),  # عمر: age
        ("زعيمها الملا عمر الأسبوع الماضي", []),
        ("وذلك بجامعة نايف العربية للعلوم الأمنية", []),  # a feminine adjective: no family
    ],
)
def test_an_untagged_given_and_family_name_is_a_person(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert result(text, []) == expected


def test_a_person_mention_that_lists_people_is_split_at_wa_and_a_given_name() -> None:
    text = "وشارك كلاوديو برافو وخافيير ماسكيرانو ووليد سليمان في التدريب"
    spans = tagged(text, ("كلاوديو برافو وخافيير ماسكيرانو", "PER"), ("ووليد سليمان", "PER"))
    assert result(text, spans) == [
        ("كلاوديو برافو", "PER"),
        ("خافيير ماسكيرانو", "PER"),
        ("ووليد سليمان", "PER"),
    ]


def test_a_person_mention_that_lists_two_word_names_is_split_at_wa() -> None:
    text = "ويشارك سايمون بيج وجيريمي رينير وريبيكا فيرجسون، ويلعب سيدي محمد ولد بوبكر دورا"
    spans = tagged(
        text,
        ("سايمون بيج وجيريمي رينير وريبيكا فيرجسون", "PER"),
        ("سيدي محمد ولد بوبكر", "PER"),
    )
    assert result(text, spans) == [
        ("سايمون بيج", "PER"),
        ("جيريمي رينير", "PER"),
        ("ريبيكا فيرجسون", "PER"),
        ("سيدي محمد ولد بوبكر", "PER"),
    ]


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (  # an unseen given name before a family name in ي, after a title
            "أشاد مدرب الفتح ناصيف البياوي بالمستوى الفني",
            [("الفتح", "ORG")],
            [("الفتح", "ORG"), ("ناصيف البياوي", "PER")],
        ),
        (  # two unseen words between a verb of speech and the speaker's title
            "وقال دومينيك كاتيل الباحث في علوم النفس",
            [],
            [("دومينيك كاتيل", "PER")],
        ),
        (  # an unseen given name between a verb of speech and a tagged family name
            "وأوضح رامز الخطيب رئيس الاستثمارات أن",
            [("الخطيب", "PER")],
            [("رامز الخطيب", "PER")],
        ),
        (  # علي, also a spelling of على, after a title's adjective
            "والقوات الموالية للرئيس اليمني السابق علي عبد الله صالح في عدن",
            [("عبد الله صالح", "PER")],
            [("علي عبد الله صالح", "PER")],
        ),
        ("وأوضح عميد الكلية الدكتور أن", [], []),  # a title and its genitive
        ("وقال مكتب كاميرون إن بريطانيا", [("كاميرون", "PER")], [("كاميرون", "PER")]),
        ("رفع نائب خادم الحرمين الشريفين خالص التعازي", [], []),  # a royal title, a condolence
    ],
)
def test_an_unseen_name_in_a_speakers_slot_is_a_person(
    text: str, mentions: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    assert result(text, tagged(text, *mentions)) == expected


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (  # a foreign name the tagger split by type, after a verb and no title
            "وتوجه سيغمار غابريال إلى طهران",
            [("سيغمار", "LOC"), ("غابريال", "PER")],
            [("سيغمار غابريال", "PER")],
        ),
        ("بعد أن قالت جانيت يلين إن", [("جانيت", "ORG"), ("يلين", "PER")], [("جانيت يلين", "PER")]),
        (  # a brand in quotation marks
            "المتحمسين لـ«أستون مارتن» أنها",
            [("أستون", "ORG"), ("مارتن", "PER")],
            [("أستون", "ORG"), ("مارتن", "PER")],
        ),
        (  # a given name starts a new name after a place
            "ووالي طنجة محمد يعقوبي",
            [("طنجة", "LOC"), ("محمد", "PER")],
            [("طنجة", "LOC"), ("محمد", "PER")],
        ),
        (  # a definite word is no part of a foreign name
            "يعترضون على سكوت النصرة عن",
            [("سكوت", "PER"), ("النصرة", "ORG")],
            [("سكوت", "PER"), ("النصرة", "ORG")],
        ),
        (  # a club's name
            "فوز ليستر سيتي على سندرلاند",
            [("ليستر", "PER"), ("سيتي", "ORG"), ("سندرلاند", "ORG")],
            [("ليستر", "PER"), ("سيتي", "ORG"), ("سندرلاند", "ORG")],
        ),
        (  # a given name and a definite family name the tagger took for a place
            "وتابع الرئيس العام للمؤسسة المهندس محمد السويكت الموقف",
            [("محمد", "PER"), ("السويكت", "LOC")],
            [("محمد السويكت", "PER")],
        ),
        (  # a given name and the rest of the name, tagged apart
            "أكد محمد ناجم الغرسلي وزير الداخلية التونسية قرار تشكيل لجنة",
            [("محمد", "PER"), ("ناجم الغرسلي", "PER")],
            [("محمد ناجم الغرسلي", "PER")],
        ),
        (  # not before a second item
            "التقى محمد وعمر خالد بالوفد",
            [("محمد", "PER"), ("عمر خالد", "PER")],
            [("محمد", "PER"), ("عمر خالد", "PER")],
        ),
        (  # not before a listed place or a nationality
            "ووصل محمد الرياض أمس ثم قابل أحمد المصري",
            [("محمد", "PER"), ("الرياض", "LOC"), ("أحمد", "PER"), ("المصري", "LOC")],
            [("محمد", "PER"), ("الرياض", "LOC"), ("أحمد", "PER"), ("المصري", "LOC")],
        ),
        (  # a listed place before a person
            "وقال وزير خارجية النمسا سباستيان كورتس",
            [("النمسا", "LOC"), ("سباستيان", "PER")],
            [("النمسا", "LOC"), ("سباستيان", "PER")],
        ),
    ],
)
def test_a_name_split_by_type_is_one_person(
    text: str, mentions: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    assert result(text, tagged(text, *mentions)) == expected


def test_a_listed_place_after_bi_does_not_start_a_persons_name() -> None:
    text = "وحضر الحفل بجدة عبدالحميد أبا العري وعدد من المسؤولين"
    spans = tagged(text, ("بجدة عبدالحميد أبا العري", "PER"))
    assert result(text, spans) == [("عبدالحميد أبا العري", "PER")]


def test_a_players_description_is_no_part_of_his_name() -> None:
    text = "وسجل الأوروغوياني مورا هدفين، وانتقل الأرجنتيني الدولي انخل دي ماريا إلى باريس."
    spans = tagged(text, ("الأوروغوياني مورا", "PER"), ("الدولي انخل دي ماريا", "PER"))
    assert result(text, spans) == [("مورا", "PER"), ("انخل دي ماريا", "PER")]


def test_an_unseen_name_after_a_described_title() -> None:
    found = {
        text: [text[s.start : s.end] for s in with_person_names(text, []) if s.label == "PER"]
        for text in (
            "بجولة نظمتها عضو البرلمان الأوروبي إيما نيكلسون ومؤسسة «عمار الخيرية».",
            "جهود الرئيس التنفيذي ساتيا ناديلا لاستعادة مكانة الشركة.",
            "وسيتقاضى الخبير الإنجليزي مرتبا شهريا يتجاوز الـ25 ألف دولار.",
            "تصرفات الوكيل التجاري خارج حدود سلطاته.",
        )
    }
    assert list(found.values()) == [["إيما نيكلسون"], ["ساتيا ناديلا"], [], []]


def test_a_body_between_two_titles_is_no_person() -> None:
    text = "وقال وكيل إمارة مكة للتنمية الدكتور هشام الفالح خلال كلمته في الحفل، إن الملتقى مهم."
    a = analyze(
        text, tagged(text, ("إمارة", "ORG"), ("مكة للتنمية", "ORG"), ("هشام الفالح", "PER"))
    )
    assert [(e.name, e.label) for e in a.entities][1:] == [
        ("مكة للتنمية", "ORG"),
        ("هشام الفالح", "PER"),
    ]
    assert a.quotes[0].speaker is not None and a.quotes[0].speaker.name == "هشام الفالح"
