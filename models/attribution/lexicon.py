"""Word lists for quote cues, speaker noun phrases and quote-mark contexts (normalised forms)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CueForm:
    """What a normalised cue word is: its lemma, form class and grammatical gender/number."""

    lemma: str
    form: str  # verb | imperfect | participle | noun
    gender: str  # m | f | pl


# lemma: (past stem, imperfect stems without prefix, participle stems, nouns with pronoun)
_VERBS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "قال": (
        "قال",
        ("قول",),
        ("قايل",),
        ("قوله", "قولها", "قولهم", "بقوله", "بقولها", "بقولهم", "بالقول", "القول"),
    ),
    "اكد": ("اكد", ("وكد",), ("موكد",), ("تاكيده", "تاكيدها")),
    "اضاف": ("اضاف", ("ضيف",), ("مضيف",), ()),
    "اوضح": ("اوضح", ("وضح",), ("موضح",), ()),
    "اشار": ("اشار", ("شير",), ("مشير",), ("اشارته",)),
    "اعلن": ("اعلن", ("علن",), ("معلن",), ("اعلانه",)),
    "ذكر": ("ذكر", ("ذكر",), ("ذاكر",), ()),
    "شدد": ("شدد", ("شدد",), ("مشدد",), ("تشديده",)),
    "صرح": ("صرح", ("صرح",), ("مصرح",), ("تصريحه",)),
    "كشف": ("كشف", ("كشف",), ("كاشف",), ()),
    "نفي": ("نفي", ("نفي",), ("نافي",), ("نفيه",)),
    "اعتبر": ("اعتبر", ("عتبر",), ("معتبر",), ("اعتباره",)),
    "راي": ("راي", ("ري",), (), ()),
    "طالب": ("طالب", ("طالب",), ("مطالب",), ("مطالبته",)),
    "دعا": ("دعا", ("دعو",), ("داعي",), ("دعوته",)),
    "حذر": ("حذر", ("حذر",), ("محذر",), ("تحذيره", "تحذيرها")),
    "اردف": ("اردف", (), ("مردف",), ()),
    "تابع": ("تابع", (), (), ()),
    "افاد": ("افاد", ("فيد",), ("مفيد",), ()),
    "بين": ("", ("بين",), ("مبين",), ()),
    "لفت": ("لفت", ("لفت",), ("لافت",), ()),
    "نوه": ("نوه", ("نوه",), ("منوه",), ()),
    "اعرب": ("اعرب", ("عرب",), ("معرب",), ()),
    "عبر": ("عبر", (), ("معبر",), ()),
    "اعترف": ("اعترف", ("عترف",), ("معترف",), ()),
    "زعم": ("زعم", ("زعم",), ("زاعم",), ()),
    "توقع": ("توقع", ("توقع",), ("متوقع",), ()),
    "رجح": ("رجح", ("رجح",), ("مرجح",), ()),
    "ابلغ": ("ابلغ", (), (), ()),
    "نقل": ("نقل", (), (), ()),
    "اتهم": ("اتهم", ("تهم",), ("متهم",), ()),
    "ختم": ("ختم", (), ("مختتم",), ()),
    "اختتم": ("اختتم", (), (), ()),
    "استطرد": ("استطرد", (), ("مستطرد",), ()),
    "اظهر": ("اظهر", (), (), ()),
    "اجمع": ("اجمع", (), (), ()),
    "ادان": ("ادان", (), (), ()),
    "اكمل": ("اكمل", (), (), ()),
    "ابان": ("ابان", (), (), ()),
    "روي": ("روي", ("روي",), ("راوي",), ()),
    "نصح": ("نصح", ("نصح",), ("ناصح",), ()),
    "نبه": ("نبه", ("نبه",), ("منبه",), ()),
    "اقترح": ("اقترح", ("قترح",), (), ()),
    "كتب": ("كتب", (), (), ()),
    "غرد": ("غرد", ("غرد",), ("مغرد",), ()),
    "اقر": ("اقر", ("قر",), (), ()),
    "استغرب": ("استغرب", ("ستغرب",), ("مستغرب",), ()),
    "تعهد": ("تعهد", ("تعهد",), ("متعهد",), ()),
    "توعد": ("توعد", ("توعد",), ("متوعد",), ()),  # vowed (to crush, to punish): a statement
    "تساءل": ("تساءل", ("تساءل",), ("متسايل",), ()),
    "تحدث": ("تحدث", ("تحدث",), (), ()),
    "اشاد": ("اشاد", ("شيد",), ("مشيد",), ()),
    "ندد": ("ندد", ("ندد",), ("مندد",), ()),
    "اوصي": ("اوصي", ("وصي",), ("موصي",), ()),
    "استبعد": ("استبعد", ("ستبعد",), ("مستبعد",), ()),
    "استنكر": ("استنكر", ("ستنكر",), ("مستنكر",), ()),  # denounced: what it denounced
    "انتقد": ("انتقد", ("نتقد",), (), ()),  # منتقد is also "a critic"
    "ادعي": ("ادعي", (), ("مدعي",), ()),  # يدعى is "is called"
    "افصح": ("افصح", ("فصح",), ("مفصح",), ()),
    "هدد": ("هدد", (), (), ()),  # يهدد and مهدد: a danger that threatens, or is threatened
    "اصر": ("اصر", (), (), ()),  # أصر على أن (insisted); مصر is Egypt
    "اجاب": ("اجاب", (), (), ()),  # أجاب كيري: «…» (answered); يجيب also "brings"
    "تمني": ("تمني", ("تمني",), ("متمني",), ()),  # تمنت أن، متمنية أن: a wish stated
    "تناقل": ("تناقل", ("تناقل",), (), ()),  # وتناقلت وسائل الإعلام أنه: passed on
}

# Verbs that must be followed by a complementizer, a colon or a quote to count as a cue
# (their bare forms are also common nouns/other verbs: رأي، طالب، تابع، عبر، بين، توقع…).
STRICT_LEMMAS = frozenset(
    {
        "ابان",
        "تناقل",
        "روي",
        "راي",
        "طالب",
        "تابع",
        "عبر",
        "بين",
        "توقع",
        "رجح",
        "ابلغ",
        "نقل",
        "اتهم",
        "ختم",
        "اختتم",
        "استطرد",
        "اظهر",
        "اجمع",
        "اكمل",
        "لفت",
        "ذكر",
        "كشف",
        "زعم",
        "اعترف",
        "افاد",
        "اعتبر",
        "نصح",
        "نبه",
        "اقترح",
        "كتب",
        "غرد",
        "اقر",
        "تعهد",
        "توعد",
        "تحدث",
        "استبعد",
        "ادعي",
        "افصح",
        "هدد",
        "اصر",
        "اجاب",
        "زاد",
        "تمني",
    }
)
# Verbs whose content may be a prepositional object: lemma -> prepositions (normalised).
PREP_OBJECT = {
    "دعا": ("الي",),
    "اشار": ("الي",),
    "اعلن": ("عن",),
    "كشف": ("عن",),
    "حذر": ("من",),
    "طالب": ("ب",),
    "عبر": ("عن",),
    "اعرب": ("عن",),
    "لفت": ("الي",),
    "نوه": ("الي", "ب"),
    "نصح": ("ب",),
    "نبه": ("الي",),
    "تعهد": ("ب",),
    "توعد": ("ب",),
    "تحدث": ("عن",),
    "اشاد": ("ب",),
    "ندد": ("ب",),
    "اوصي": ("ب",),
    "اعترف": ("ب",),
    "افاد": ("ب", "عن"),
    "اجمع": ("علي",),
    "افصح": ("عن",),
    "هدد": ("ب",),
}
# The detached object pronoun after a participle (واصفا إياه: the one described).
DETACHED_OBJECTS = frozenset({"اياه", "اياها", "اياهم", "اياهما"})
# Verbs whose content may directly follow the subject (no complementizer): نفت روسيا أي مسؤولية.
DIRECT_OBJECT = frozenset({"نفي", "اكد", "اعلن", "شدد", "ادان", "استنكر", "انتقد"})
# Feelings after عبّر/أعرب عن: the quote starts after them (عبر عن أمله باستمرار …).
FEELING_NOUNS = frozenset(
    stem + suffix
    for stem in (
        "امل قلق ارتياح اسف تقدير شكر رفض ترحيب استنكار ادانت تضامن سعادت استياي تفاول ثقت "
        "امتنان اعتزاز غضب معارضت مخاوف فخر سرور حزن خشيت استغراب"
    ).split()
    for suffix in ("ه", "ها", "هم", "هما")
)


# Past feminine plurals of hollow verbs, whose long vowel drops (قالت → قلن، أشارت → أشرن);
# none for أبان, whose ابن is "son".
_FEMININE_PLURAL = {
    "قال": "قلن",
    "اشار": "اشرن",
    "اضاف": "اضفن",
    "افاد": "افدن",
    "ابان": "",
    "ادان": "",
}


# Past forms of verbs ending in a vowel, whose last letter drops before ت and وا (نفى → نفت).
_DEFECTIVE_PAST = {
    "نفي": {"نفي": "m", "نفت": "f", "نفيا": "pl", "نفوا": "pl"},
    "راي": {"راي": "m", "رات": "f", "راوا": "pl"},
    "دعا": {"دعا": "m", "دعت": "f", "دعوا": "pl"},
    "روي": {"روي": "m", "روت": "f", "رووا": "pl"},
    "اوصي": {"اوصي": "m", "اوصت": "f", "اوصوا": "pl"},
    "تمني": {"تمني": "m", "تمنت": "f", "تمنوا": "pl"},
}


def _build_cues() -> dict[str, CueForm]:
    forms: dict[str, CueForm] = {}
    for lemma, (past, imperf, part, nouns) in _VERBS.items():
        if past:
            if lemma in _DEFECTIVE_PAST:
                entries = _DEFECTIVE_PAST[lemma]
            else:
                entries = {
                    past: "m",
                    past + "ت": "f",
                    past + "ا": "pl",
                    past + "تا": "f",
                    past + "وا": "pl",
                }
                plural = _FEMININE_PLURAL.get(lemma, past + "ن")  # وأكدن، وأشرن: women
                if plural:
                    entries[plural] = "pl"
            for w, g in entries.items():
                forms.setdefault(w, CueForm(lemma, "verb", g))
        for stem in imperf:
            entries = {
                "ي" + stem: "m",
                "ت" + stem: "f",
                "ي" + stem + "ون": "pl",
                "ي" + stem + "ان": "pl",
                "ت" + stem + "ون": "pl",
            }
            if stem.endswith("و"):
                entries["ي" + stem[:-1] + "ون"] = "pl"
            for w, g in entries.items():
                forms.setdefault(w, CueForm(lemma, "imperfect", g))
        for stem in part:
            for w, g in ((stem + "ا", "m"), (stem + "ه", "f"), (stem + "ين", "pl")):
                forms.setdefault(w, CueForm(lemma, "participle", g))
        for w in nouns:
            g = "f" if w.endswith("ها") else "pl" if w.endswith("هم") else "m"
            forms.setdefault(w, CueForm(lemma, "noun", g))
    # forms that collide with frequent non-cue words
    for w in (
        "ذكرا",
        "بينا",
        "بينت",
        "طالبا",
        "طالبه",
        "توقعا",
        "عبرا",
        "معبرا",
        "اعلانه",
        "نقلا",
        "متهم",
        "متهمين",
        "متهما",
        "متهمه",
        "ترين",
        "يرون",
        "ذكره",
        "تذكر",
        "يدعون",
        "تدعون",
        "لفتا",
        "مفيدا",
        "مفيده",
        "شددا",
        "اقرا",
        "مغردين",
    ):
        forms.pop(w, None)
    forms["شددا"] = CueForm("شدد", "verb", "pl")
    forms["تقول"] = CueForm("قال", "imperfect", "f")
    # وزاد: «…» (and he added); زاد and زادت alone mostly mean "increased"
    forms["وزاد"] = CueForm("زاد", "verb", "m")
    return forms


CUE_FORMS: dict[str, CueForm] = _build_cues()

# Attribution phrases: the source follows, the content is the surrounding clause.
ATTRIBUTION_WORDS = frozenset(
    {"حسب", "بحسب", "حسبما", "وحسب", "وبحسب", "وفق", "وفقا", "ووفقا", "طبقا", "نقلا", "ونقلا"}
)
# Complementizers opening reported content (normalised, with pronoun suffixes).
COMPLEMENTIZERS = frozenset(
    w
    for base in ("ان", "بان", "لان")
    for w in (
        base,
        base + "ه",
        base + "ها",
        base + "هم",
        base + "هما",
        base + "نا",
        base + "ني",
        base + "هن",
        base + "ك",
    )
) - {"لان", "لانه", "لانها", "لانهم", "لانهما", "لاننا", "لانني", "لانهن", "لانك", "بانك"}
# Prepositions that can stand between a cue and its complementizer (أشار إلى أن، شدد على أن).
COMP_PREPOSITIONS = frozenset({"الي", "علي", "من"})
# Words before أن that make it a non-reporting أن (بعد أن، قبل أن، يجب أن …).
NON_REPORT_BEFORE_AN = frozenset(
    "بعد قبل يجب ينبغي يمكن يمكنه يمكنها لابد بد منذ دون حتي كي لكي ريثما مجرد بمجرد "
    "وبعد وقبل ومنذ رغم برغم ورغم".split()
)
# Words before من / عن أن that make the whole a non-reporting أن (بدلا من أن، بالرغم من أن).
NON_REPORT_BEFORE_PREPOSITION = frozenset("بدلا عوضا الرغم بالرغم وبالرغم".split())

# Heads of job titles and descriptions that precede a person's name.
TITLE_HEADS = frozenset(
    """الرييس رييس رييسه الرييسه الوزير وزير وزيره الوزيره المتحدث متحدث المتحدثه الناطق ناطق
    زعيم الزعيم السفير سفير العميد اللواء العقيد المقدم الفريق المشير الامير امير الملك الملكه
    الشيخ الشيخه الدكتور الدكتوره د المدير مدير المديره مديره المرشد الامين امين النايب نايب
    مستشار المستشار قايد القايد المحافظ محافظ المفوض المبعوث مبعوث عضو العضو الملياردير
    المدرب مدرب اللاعب لاعب الكاتب الباحث الخبير المهندس المحامي القاضي الفنان الفنانه
    الممثل الممثله المغني المطرب الاعلامي الاعلاميه الداعيه المواطن المواطنه الشاب الطالب
    الطالبه المتحدثه الناطقه مندوب المندوب السيد السيده البابا الرييس التنفيذي نظيره
    خادم ولي وكيل الوكيل مساعد المساعد سمو صاحب معالي فخامه الرقيب العريف النقيب الملازم
    الجندي الرايد الاستاذ الاستاذه الشاعره المهاجم المدافع المخرجه النجمه الزميل الزميله
    الجنرال الكابتن المستشاره المحلل البروفيسور الفارسه اللاعبه الكاتبه الباحثه الصحفي
    الصحفيه الناشط الناشطه المعلمه الطبيب الطبيبه المغنيه المطربه الروايي المصوره النجم
    الهداف عضوه العضوه نايبه النايبه السفيره السيناتور سيناتور السيناتوره القايم مشرف المشرف
    مشرفه المشرفه منسق المنسق مفتي المفتي حاكم""".split()
) | frozenset(  # family: وأشارت والدتها دوللي باكلاند، وقال عمه ضيف الله الجابري
    stem + suffix
    for stem in ("والد", "والدت", "شقيق", "شقيقت", "زوج", "زوجت", "ابن", "ابنت", "عم", "خال")
    for suffix in ("ه", "ها", "هم")
)
# Words that can continue a title phrase without being names (الرئيس التنفيذي، باسم، العريف
# أول …).
TITLE_CONTINUATIONS = frozenset(
    """باسم الرسمي الرسميه العام العامه التنفيذي الاعلي الاول الاسبق السابق السابقه الحالي
    المكلف المساعد الاقليمي الملكي الشريفين السمو الملكي ركن اول ثاني تنفيذي تنفيذيه""".split()
)
# Unnamed or collective sources (speaker label OTHER unless an organisation follows); مسيول…
# is the مسئول spelling (ئ normalises to ي, ؤ to و).
_SOURCE_NOUNS = """مصدر مصادر المصدر المصادر مسوول مسوولون مسوولين مسوولو المسوول المسوولون
    محققون المحققون محققين علماء العلماء خبراء الخبراء خبير شهود الشهود شاهد سكان السكان
    ناشطون ناشطين الناشطون مراقبون المراقبون محللون المحللون منتقدون منتقدين المنتقدون معارضون
    المعارضون مواطنون المواطنون مواطنين مراسل المراسل مراسلنا مسعفون المسعفون اطباء الاطباء
    دبلوماسيون دبلوماسي الدبلوماسيون متحدث البعض بعضهم اخرون مختصون المختصون باحثون الباحثون
    متابعون المتابعون مغردون المغردون شهود مسيول مسيولون مسيولين مسيولو المسيول المسيولون
    الاهالي اهالي متعاملون المتعاملون متعاملين اقتصاديون الاقتصاديون النقاد نقاد
    مفاوضون المفاوضون مفاوضو ممثلون ممثلو مسوولان مسيولان مصدران دبلوماسيان شاهدان""".split()
SOURCE_NOUNS = frozenset(_SOURCE_NOUNS)
# Before the verb they may take the accusative plural (إلا أن الباحثين قالوا); after it, that
# form is the object (طالب المسؤولين).
PREVERBAL_SOURCE_NOUNS = SOURCE_NOUNS | frozenset(
    w[:-2] + "ين" for w in _SOURCE_NOUNS if w.endswith("ون")
)
# Currencies: the tagger takes ريال for Real Madrid (ريال مدريد is tagged whole).
CURRENCIES = frozenset(
    """ريال ريالا ريالات دولار دولارا دولارات يورو جنيه جنيها دينار دينارا درهم درهما ليره
    روبل روبيه فرنك""".split()
)
# Words the tagger takes for names on their own: شبه (quasi-, not شبه الجزيرة), العهد (of
# ولي العهد, the crown prince), الأمن (security, not مجلس الأمن), ordinals (of عبدالله الثاني),
# and the common nouns and verbs it most often tags PER or ORG in 1,000 random SaudiNewsNet
# articles (نجاح success, الدين religion, رحمه of رحمه الله, ميليشيات militias, أحر التعازي),
# and divine attributes that are names only after عبد (صديقي العزيز: my dear friend); then
# the one-word entities most frequent across the whole archive (session 7) that are common
# words on their own: the article of الـ600, months (رمضان، رجب), verbs (احتفل، كرم، أتى،
# نزل، تشن), adjectives (نظير، ناري، السعيد of عيد الفطر السعيد, الاتحادي، المركزي), nouns
# (دين، سلامة، خطبة، ريف، تيار، شباب) and pieces of longer names (سان، الأمم، الحرام، الحمر).
NOT_NAMES = frozenset(
    """شبه العهد الامن ثاني ثالث الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع
    العاشر نجاح جيل الدين شمل التوفيق رحمه ليتم ميت موت الموجز مدارس لجان ميليشيات مليشيات
    ميليشيا مليشيا احر ادان العزيز الكريم الرحمن الرحيم
    ال دين نظير سلامه خطبه احتفل حسنا نايبه ريف اتي جوا بابا امي الرضا عليا فاي جميل فريد
    عادل كرم رمضان رجب جمعه جمال ناري هوي سيدي رود تيار نزل للطاقه للخطوط للجامعه
    للاكراد شباب كون تشن العامل السعيد الحمر راجعون ابي سان الاتحادي المركزي الامم
    الحرام الرحم فيلم فيلمه""".split()
)
# Nouns of works whose titles stand in quotation marks (بفيلم "إل كلان"): no entity there.
WORK_NOUNS = frozenset(
    "فيلم فيلمه الفيلم مسلسل المسلسل كتاب كتابه الكتاب روايه روايته الروايه اغنيه اغنيته "
    "الاغنيه البوم الالبوم مسرحيه المسرحيه قصيده قصيدته القصيده ديوان ديوانه".split()
)
# Words of religious formulas the tagger takes for a person (رحمه الله، يحفظه الله، الله عز
# وجل، رضي الله، بسم الله الرحمن الرحيم، الله العلي القدير): a mention made of these words only
# is none.
DIVINE_FORMULA_WORDS = frozenset(
    """الله رحمه رحمها رحمهم رحمهما يرحمه يرحمها يرحمهم رحم حفظه حفظها حفظهم يحفظه يحفظها
    يحفظهم رضي عز وجل جل تعالي سبحانه الرحمن الرحيم صلي عليه وسلم بسم العلي القدير العظيم
    القادر""".split()
)
# Plural official nouns that take the organisation they belong to as speaker.
OFFICIALS_OF_ORG = frozenset({"مسوولون", "مسوولين", "مسوولو", "المسوولون", "متحدث"})
# Generic organisation heads used anaphorically (المجلس → مجلس السلامة الهولندي).
ORG_HEADS = frozenset(
    """المجلس الوزاره الوكاله المنظمه الشركه الهييه الحزب الجمعيه اللجنه المركز الجامعه
    الصحيفه القناه الاتحاد البنك الصندوق المؤسسه الموسسه الاداره المديريه الامانه الجهاز
    الحركه الجبهه البرلمان الحكومه الجيش النادي الفريق الرياسه المحكمه النيابه البلديه
    الكرملين الخارجيه الداخليه الشوون الشرطه السلطات المرصد المصرف البعثه الوفد المكتب
    الايتلاف التحالف""".split()
)
# Prepositions and adverbs that cannot start a speaker noun phrase.
# Prepositions carrying a pronoun (وأشار فيها إلى أن: in it): never a subject.
PRONOUN_PREPOSITIONS = frozenset(
    {
        p + s
        for p in ("في", "من", "عن", "علي", "الي", "مع", "لدي", "عند", "ضد", "بين", "ل", "ب")
        for s in ("ه", "ها", "هم", "هما", "هن", "نا", "ك", "كم")
    }
    | {"منا", "عنا", "مني", "عني", "معي", "فيك"}
)
NON_SUBJECT_STARTS = (
    frozenset(
        """في فى من عن علي الي مع خلال امام لدي عبر بعد قبل عند حول ضد منذ اليوم امس غدا
        ايضا كذلك اثناء ل لـ لـ بين حين حيث انه انها ان ما هذا هذه ذلك الذي التي الا
        صباح مساء ظهر""".split()
    )
    | PRONOUN_PREPOSITIONS
)
# Function words that look definite (إلى، التي …).
FUNCTION_WORDS = frozenset(
    "الي الا التي الذي الذين اللذان اللتان اللذين اللتين اللاتي الان".split()
)
PREPOSITIONS = frozenset("في فى من عن علي الي مع خلال امام لدي عبر بعد قبل عند حول ضد بين".split())
ADVERBS = frozenset(
    """اليوم امس غدا ايضا كذلك مساء صباح ظهر الاحد الاثنين الثلاثاء الاربعاء
    الخميس الجمعه السبت الماضي الاول الجاري المقبل مرارا مجددا سابقا لاحقا اخيرا موخرا
    حاليا صباحا علنا رسميا""".split()
)
# Nouns that introduce a name in quotation marks: منطقة "جبل العليقة"، مجلة «لائقة».
NAMING_NOUNS = frozenset(
    """منطقه مناطق المنطقه مدينه مدن حي احياء قريه قري شارع جبل وادي محافظه مركز شركه شركات
    موقع مواقع مجله صحيفه قناه برنامج برامج كتاب كتب فيلم افلام روايه تطبيق تطبيقات حساب
    وسم هاشتاق هاشتاج عربه سياره طايره سفينه قطار نوع طراز اسم باسم بعنوان عنوان تسمي يسمي تدعي
    يدعي سمي سميت شعار مبادره حمله مشروع مسابقه جايزه مهرجان فندق مطعم نادي فريق منتج ماركه
    علامه شجر اغنيه قصيده مسلسل دوري كاس عمليه مؤسسه موسسه خدمه منصه مجموعه صفحه جمعيه لقب
    معرض مؤتمر موتمر ملتقي منتدي فعاليه مشروعا مصطلح كلمه عباره مقوله مرض فيروس تنظيم
    تحالف حركه جريده وكاله سهم اسهم متحف مسمي خيار تقدير تهمه تهم فرع فروع مكتب هييه
    مديريه""".split()
)
# Contrasts after a comma that end reported content (the speaker's words stop there).
CLAUSE_BREAKERS = frozenset({"بينما", "في حين", "وفي حين"})
# Openers after a comma that move on from reported content to the next item of the news
# (…، على صعيد متصل أكد مصدر، من جهتها أكدت مصادر، إلى ذلك أشار متحدث).
NEWS_TRANSITIONS = frozenset(
    {
        "علي صعيد",
        "من جهته",
        "من جهتها",
        "من جهتهم",
        "الي ذلك",
        "من ناحيه",
        "في غضون",
        "في سياق",
        "وفي سياق",
    }
)
# Participles of speech acts that are not reports themselves (مستعرضا، سائلا الله، مشيدا ب…):
# after a comma they open the speaker's next act, so reported content ends there.
SPEECH_ACT_PARTICIPLES = frozenset(
    w + ending
    for w in """مستعرض سايل مشيد متمني مثمن مستشهد مطمين متوعد مبدي مستنكر منتقد مناشد
    واصف مستدرك مستبعد معبر""".split()
    for ending in ("ا", "ه", "ين")
)
# Given names that are also common words (حسن good, عمر age, فهد lynx, جو weather): only
# context makes them names.
AMBIGUOUS_GIVEN_NAMES = frozenset(
    """حسن سعيد صالح عادل سالم نبيل جمال كمال صلاح بدر فارس شريف منير امين امل هدي نور منصور
    فهد سلطان ماجد رشيد راشد حامد زكي عماد فايز نجيب انور رفيق بسام حازم هاني سامي مراد عمر
    جو رايد زين رياض عبد ابو ام""".split()
)
# Given names (normal form) that start multi-word person names. Seeded from the first words of
# ANERcorp train's multi-word PER entities (those never or rarely tagged otherwise), completed
# with common Arabic and transliterated foreign given names, and with the first words that the
# shipped tagger joins to four or more family names in SaudiNewsNet, checked by hand (words that
# are also common nouns or adjectives, such as مبارك، هادي، جميل، نور، سيف، left out).
GIVEN_NAMES = frozenset(
    """محمد احمد محمود مصطفي حسن حسين عمر عثمان خالد سعد سعيد سعود سلمان سلطان فهد فيصل نايف
    تركي بندر ماجد منصور عبد عبدالله عبدالعزيز عبدالرحمن عبدالمجيد عبدالرحيم عبدالكريم
    عبداللطيف عبدالملك عبدالهادي عبدالمحسن ابو ابراهيم اسماعيل يوسف يعقوب موسي عيسي صالح
    ناصر طارق طلال وليد هشام هاني سامي سمير عادل عماد جمال كمال جلال صلاح فواد توفيق نبيل
    نزار نواف مشعل متعب ماهر مازن مروان ياسر ايمن اسامه حمد حمزه زياد رياض رشيد راشد حامد
    جعفر رامي رايد شريف عمرو مدحت اشرف بدر بسام جاسم حازم خليل زكي سالم سليمان عاطف عصام
    غازي فارس فايز فتحي مجدي مراد مهدي نجيب هيثم وايل يحيي ثامر تامر صدام حسني نوري بشار
    بهاء زين طه سهيل معاويه محسن بلال رفيق ناجي ايهاب منير انور فاطمه عايشه مريم نوره ساره
    هند ليلي منيره هدي سميه شيرين نانسي رانيا عبير امل سهير
    جورج جون جيمس جوزيف ديفيد ديفد دونالد باراك هيلاري بيل توني جاك فرانك مارك بيتر ريتشارد
    روبرت روبرتو كارلوس خوان خوسيه خوسي فرناندو ماريو ماريا ميشال ميشيل نيكولا نيكولاس
    فلاديمير ديمتري ديميتري سيرغي سيرجي الكسندر اندريه اندري يوري بوريس ايهود بنيامين شمعون
    ارييل انجيلا فرانسوا ايمانويل مانويل هنري تشارلز شارل ستيفن ستيف كريستوفر دان توم تيم كيم
    جو وين كوفي كوندوليزا خافيير توماس مايكل ميخاييل بول باول جيفري كيفن ادوارد
    البرت لويس فيليب ماركو ماركوس اليكس ادم جان شون رود فابيو كلاوس مارغريت جوزيه دينيس
    ليوناردو كريستيانو هوغو ديدييه يان ايمي اميلي اشلي نيكول سكارليت
    فواز مشاري حمود حسام ممدوح قاسم عدنان عامر حاتم مسفر عبدالاله زهير حمدان جمعان مهند
    عبدالقادر عبدالسلام عباس حيدر ياسين مرعي عبده عايض سطام جابر معتز مسعود عزام عبدالوهاب
    راكان جلوي اياد هاشم عبدالمنعم عبدالفتاح عبدالرزاق عبدالحميد سامر اسعد حنان هيفاء
    خورخي دييجو دييغو مارتن كريستيان لويز كريس ستيفان جيم جوش ادريان هاري ماتيو فيكتور
    سيرخيو سيرجيو مانويلا فنسنت فينسنت خوردي جوردي ناتاشا اندرو دانيال دانييل اليكسيس
    فرانشيسكو انطونيو انتونيو لورا جوليا جينيفر كاثرين بريان ريان مايك ويليام وليام
    جاستن ماريانو رافاييل كارلو باولو لوكا اليساندرو
    رونالد دانيال دافيد بوب اندريا ارون مارسيلو كارل""".split()
)
# Women's given names, which the tagger misses most. A feminine verb often follows them (زينب
# تعرضت، سلوى تلقت), so they start a name only with a definite family name (ياسمين الفاطمي).
WOMEN_GIVEN_NAMES = frozenset(
    """ياسمين هيا دانه ريم لمي لينا رنا رهف سلمي نجلاء زينب خديجه نوف موضي ابتسام فوزيه ثريا
    اروي رشا سوزان ماري كلير ايما ديما رزان ريما يارا داليا نوال سعاد سلوي غاده بثينه
    نسرين""".split()
)

# Adjectives that tie a body to another one or to a person named after them (| التابع لوكالة
# الفضاء، قناة آزال | الموالية للرئيس المخلوع علي عبدالله صالح): no part of the name, nor its
# subject.
AFFILIATED = frozenset(
    """التابع التابعه التابعين المنبثق المنبثقه الموالي المواليه الموالين المقرب المقربه
    المقربين""".split()
)

# A time after the verb (أعلن الصيف الماضي أن، قال الشهر الجاري): no subject.
TIME_NOUNS = frozenset("الصيف الشتاء الربيع الخريف الاسبوع الشهر العام السنه الموسم".split())
TIME_ADJECTIVES = frozenset("الماضي الماضيه الفايت الفايته المنصرم الجاري الحالي المقبل".split())

# Honorific pronouns that stand for a titled person named before (وشدد معاليه على، قال سموه).
HONORIFIC_PRONOUNS = frozenset("معاليه سموه فخامته سعادته معاليها سموها".split())
