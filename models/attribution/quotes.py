"""Quote detection: direct quotes in quotation marks, reported speech after cues, attribution
phrases, and the link from each quote to its cue and speaker.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models.attribution.acronyms import AMBIGUOUS_LETTERS, LETTERS
from models.attribution.cues import (
    DESCRIBED_AS,
    STRESSING,
    Cue,
    cue_form,
    described_as,
    find_cues,
    renewing,
    with_object_pronoun,
)
from models.attribution.datelines import OUTLETS
from models.attribution.document import Doc, Segment
from models.attribution.entities import Mention
from models.attribution.gazetteer import gazetteer
from models.attribution.lexicon import (
    ADVERBS,
    AFFILIATED,
    CLAUSE_BREAKERS,
    COMP_PREPOSITIONS,
    COMPLEMENTIZERS,
    CUE_FORMS,
    DETACHED_OBJECTS,
    DIRECT_OBJECT,
    FEELING_NOUNS,
    FUNCTION_WORDS,
    HONORIFIC_PRONOUNS,
    NAMING_NOUNS,
    NEWS_TRANSITIONS,
    NON_REPORT_BEFORE_AN,
    NON_REPORT_BEFORE_PREPOSITION,
    NON_SUBJECT_STARTS,
    ORG_HEADS,
    PREP_OBJECT,
    PREPOSITIONS,
    SOURCE_NOUNS,
    SPEECH_ACT_PARTICIPLES,
    STRICT_LEMMAS,
    TIME_ADJECTIVES,
    TIME_NOUNS,
    TITLE_CONTINUATIONS,
)
from models.attribution.normalize import (
    QUOTE_CHARS,
    Token,
    norm,
    strip_article_proclitic,
    strip_proclitic,
)
from models.attribution.organisations import OUTLET_NOUNS, SIDE_ADJECTIVES, is_nisba
from models.attribution.speakers import (
    SpeakerInfo,
    TitleEntry,
    attribution_source,
    body_after,
    build_title_map,
    continues_source,
    from_mention,
    is_title_word,
    kin_of_named,
    name_before_complementizer,
    noun_cue_speaker,
    np_speaker,
    preverbal_speaker,
    report_issuer,
    source_name,
    title_run,
)

_SCAN_LIMIT = 30
# A side that describes the subject itself (المعارض), not a tie to someone named after it
_SIDE_NOT_TIED = SIDE_ADJECTIVES - AFFILIATED
_CLAUSE_WORDS = 6  # reported words before a marked phrase that make it part of a clause
_NAME_WORDS = 4  # a marked phrase this short inside a prepositional object is a name
_SUBJECT_BEFORE_PREPOSITION_WORDS = 9  # وأشارت الدراسة التي أجريت في المملكة العربية | إلى
_ADDRESSEE_WORDS = 7  # ودعا الهيئات والجهات القريبة من الشباب | إلى
# Three-letter words in ب that are no ب object (بين، بعد، بها): بغض البصر is one
_SHORT_B_WORDS = frozenset("بين بعد بعض بها بهم بكل بما بلا باي بيد بات باب بدا بقي بلغ".split())
# Present-tense cues that go on with the person just quoted (ويبين أن، ويشير إلى أن); not
# يذكر أن or يتوقع أن, which are impersonal.
_PRESENT_REPORTS = frozenset("اشار بين اوضح راي اكد قال اضاف شدد لفت".split())
# ومضى يقول، واستطردت تقول: "went on saying", the person just quoted still speaking
_WENT_ON = frozenset(
    f"{c}{v}" for c in ("", "و", "ف") for v in "مضي مضت استطرد استطردت اردف اردفت".split()
)
# bare forms that are too often something else (رأي، طالب، عبر، بين …) unless a subject is named
_NEED_SUBJECT = frozenset({"عبر", "بين", "توقع", "رجح", "نقل", "اتهم", "ختم"})
_DESCRIPTION_WORDS = 6  # words of a description between a title and the time of a statement
_AUXILIARIES = frozenset({"قد", "وقد", "لقد", "كان", "كانت", "وكان", "وكانت"})
_CONCLUDING = frozenset({"ختم", "اختتم"})  # their object is the speaker's speech (حديثه)
_SHORT_WORDS = 4
_TITLE_NOUNS = frozenset({"بعنوان", "عنوان", "عنوانه", "عنوانها"})  # the title of a work
_TITLE_WORDS = 15
_RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذان", "اللتان"})
_RESUMPTIVE = frozenset({"فيها", "فيه", "خلالها", "خلاله"})  # أكد فيها: in the statement


def _resumptive_after(doc: Doc, ti: int) -> bool:
    """Token ``ti`` (a cue) is followed by فيها / خلاله: the verb of a statement noun."""
    return ti + 1 < len(doc.tokens) and doc.tokens[ti + 1].norm in _RESUMPTIVE


# Verbs whose object may be what was stated (أكد الوزير أهمية …), or what follows على.
_DIRECT_STATEMENT = frozenset({"اكد", "اعلن", "ادان", "نفي", "استنكر", "انتقد"})
_ON_OBJECT = frozenset({"اكد", "شدد", "نفي", "اصر"})  # نافيا وجود أي تراجع: its object
_ANSWERED = frozenset("علي عن عليه عليها عنه عنها".split())  # أجاب عليه: answered it
# Nouns of the occasion a statement was made on (في بداية الاجتماع، خلال كلمته).
_OCCASIONS = frozenset("بدايه ختام نهايه كلمه".split())
_OWN_OCCASIONS = frozenset("كلمته كلمتها لقايه حديثه حديثها".split())
_MEETINGS = frozenset("اللقاء الاجتماع المؤتمر الحفل الندوه الجلسه الزياره المحاضره".split())
_STATEMENT_NOUNS = frozenset("تصريح تصريحات حديث كلمه بيان".split())  # في تصريحات له
_OWN_PRONOUNS = frozenset({"له", "لها", "لهم"})
# Words that open what was said right after قال/أضاف with no subject, and no subject opens.
_SPEECH_VERBS = frozenset({"قال", "اضاف", "تابع"})
_CLAUSE_OPENERS = frozenset("اذ اذا للاسف لا لم لن نحن اننا هناك اما ليس لقد سوف".split())
_ALA_PHRASES = frozenset({"الرغم", "حد", "ان", "انه", "انها", "هامش", "صعيد"})  # على الرغم من
# مستغربا ما يتم تداوله، مستبعدين إمكان، مستنكرا الهجوم
_OBJECT_PARTICIPLES = frozenset({"استغرب", "استبعد", "استنكر"})
_WRITING = frozenset({"كتب", "غرد"})  # need a named writer
# What may show (أظهر) that something is so: studies, data and surveys (أظهرت دراسة حديثة أن),
# not a person or a decision (أظهر اللاعب أن، قرارها أظهر بوضوح أن).
_EVIDENCE = frozenset(
    """دراسه دراسات تقرير تقارير بيانات احصاءات احصاييات احصاييه مسح استطلاع ارقام نتايج
    تحليل ابحاث بحث اختبارات فحوصات سجلات وثايق""".split()
)
_OBJECT_BEFORE_PREPOSITION = frozenset({"دعا", "طالب", "حذر", "نصح", "نبه"})
_RESULT_PARTICLES = frozenset({"فقد", "فان", "فانه", "فانها"})
# "His Excellency / Highness" standing for the person already named (وشدد معاليه على …).
# Words that end a noun phrase (a preposition, a relative, a complementizer, an adverb).
_PHRASE_ENDS = PREPOSITIONS | NON_SUBJECT_STARTS | COMPLEMENTIZERS | ADVERBS | _RELATIVES
_NAMING_VERBS = frozenset(
    "يسمي تسمي يدعي تدعي سمي سميت يعرف تعرف بعنوان بـ اسم باسم اسمته اسماه سماه سمته".split()
)
_INTERVIEW_NOUNS = frozenset("لقاء حديث مقابله تصريح تصريحات اتصال".split())
_STATEMENTS = frozenset({"البيان", "بيان"})  # a statement as the subject of a cue
# Nouns that make an adverbial of the preposition before them (إلى جانب، عن طريق، من جهة).
_ADVERBIAL_NOUNS = frozenset("جانب طريق كثب جهه جانبه ناحيه خلال قبل بين".split())
_DEMONSTRATIVES = frozenset("ذلك هذا هذه تلك هذان هاتان هؤلاء".split())
_FEELING_CUES = frozenset({"عبر", "اعرب"})  # عبر عن أمله: content after the feeling noun
# Thanks after عبّر/أعرب عن (عن شكره وتقديره): no statement follows, unlike a hope or a worry.
_THANKS = frozenset(
    stem + suffix for stem in ("شكر", "تقدير", "امتنان") for suffix in ("ه", "ها", "هم", "هما")
)
_CONTENT_FEELINGS = FEELING_NOUNS - _THANKS
_INTENSIFIERS = frozenset({"بالغ", "عميق", "شديد"})  # عن بالغ قلقها
# Congratulations and condolences after عبّر/أعرب عن (أصدق التهاني، أحر التعازي): no statement.
_WISHES = frozenset("اصدق احر خالص التهاني التعازي تهانيه تعازيه تهانيها تعازيها".split())
_GOING_ON = frozenset({"اضاف", "تابع", "اردف"})  # cues that go on with someone's words
_SIDE_NOUNS = frozenset("جهته جهتها جانبه جانبها ناحيته ناحيتها طرفه طرفها".split())
# من جانب آخر، من جهة أخرى: "on the other hand", no side of its own
_OTHER_SIDE = frozenset(
    f"{noun} {other}"
    for noun in ("جانب", "جهه", "ناحيه")
    for other in ("اخر", "اخري", "ثان", "ثاني", "ثانيه")
)
_LEADING_PARTICLES = frozenset({"كما", "وكما", "ثم", "وقد", "قد"})  # before a sentence's verb
_SUBJECT_WORDS = 3  # a quoted speaker name is at most this long
_SUBJECT_REACH = 14  # tokens from the closing mark to the complementizer


@dataclass(slots=True)
class Draft:
    """A quote before ids are assigned."""

    start: int
    end: int
    kind: str
    score: float
    cue: Cue | None
    speaker: SpeakerInfo | None


@dataclass(slots=True)
class CueInfo:
    """What the rules found out about one cue."""

    cue: Cue
    sentence: int
    speaker: SpeakerInfo | None = None
    content: tuple[int, int] | None = None
    content_kind: str = ""  # comp | colon | prep | object | postposed
    quote_attached: bool = False
    deferred: bool = False  # an inner cue (قوله) takes over
    inside_quote: bool = False
    subject_start: int = -1  # first token of a preverbal subject, for cutting earlier content
    active: bool = False  # a real reporting cue here (ends the content of an earlier one)
    raw_start: int = -1  # content start before quote marks were trimmed
    region_text: str = ""
    prep_first: bool = False  # its own preposition opens the content before a later أن


@dataclass(slots=True)
class State:
    """Speakers seen so far (for verbs that only imply their subject)."""

    history: list[tuple[SpeakerInfo, str]] = field(default_factory=list)


# ---------------------------------------------------------------- quotation-mark segments
# Heads of the names of events, programmes and prizes.
_EVENT_HEADS = frozenset(
    "ملتقي مهرجان منتدي معرض مؤتمر موتمر برنامج مسابقه جايزه مبادره حمله".split()
)


# Words that introduce a list of named things (وهي، مثل، منها، تشمل).
_LIST_INTRODUCERS = frozenset("وهي هي مثل ومثل منها ومنها تشمل وتشمل ابرزها".split())
_LIST_ITEM_WORDS = 4


def _short_items(content: str) -> bool:
    """Three or more comma-separated items of at most four words each."""
    items = [x for x in content.replace(",", "،").split("،") if x.strip()]
    return len(items) >= 3 and all(len(x.split()) <= _LIST_ITEM_WORDS for x in items)


def is_name_like(doc: Doc, seg: Segment) -> bool:
    """Marks around a name, title, number, spelled acronym or a listed place rather than around
    speech."""
    text = doc.text
    content = text[seg.start : seg.end]
    words = content.split()
    if not any(ch.isalpha() for ch in content):
        return True
    if len(words) == 2 and words[0].isdigit():
        return True  # «17 سنة»، "50 ريالا": an amount or an age
    if all(ch.isascii() for ch in content if ch.isalpha()) and len(words) <= 3:
        return True
    spelled = [norm(w) for w in words]
    if len(words) <= 3 and any(c.isdigit() for c in content) and spelled[0] in NAMING_NOUNS:
        return True  # "قطار 6": a numbered thing
    if len(words) <= 4 and strip_article_proclitic(spelled[0]).removeprefix("ال") in _EVENT_HEADS:
        return True  # “ملتقى ثقافتي الثاني”: an event's or a programme's name
    if len(words) <= 4 and any(_model_number(w) for w in words):
        return True  # "جلاكسي تاب إس2": a product and its model
    if len(words) <= 4 and any(w in LETTERS for w in spelled):  # "إف بي آي": an acronym
        if all(w in LETTERS or w in AMBIGUOUS_LETTERS or w.isdigit() for w in spelled):
            return True  # «إم إتش 370»: with a number, a flight's or a model's code
    covered = 0
    for m in doc.mentions:
        lo, hi = max(m.start, seg.start), min(m.end, seg.end)
        if hi > lo:
            covered += hi - lo
    if covered >= 0.5 * len(content.replace(" ", "")) and len(words) <= 6:
        return True
    if len(words) <= _SUBJECT_WORDS and _mention_named(doc, seg, spelled) is not None:
        return True  # وكشف «ولد الشيخ أحمد» النقاب: a name the article gives in full
    if seg.open_mark is None:
        return False
    ti = doc.token_containing(seg.open_mark) - 1
    while ti > 0 and set(doc.tokens[ti].text) <= {"ـ"}:
        ti -= 1  # لــ "سبق": past the tatweel
    prev = doc.tokens[ti] if ti >= 0 else None
    if prev is not None and prev.norm in _TITLE_NOUNS and len(words) <= _TITLE_WORDS:
        return True  # خبر بعنوان "تأخر ثلاجة الموتى يؤجل الصلاة": a title, however long
    if prev is not None and prev.norm in DESCRIBED_AS:
        if any(described_as(doc, k) for k in range(max(0, ti - 5), ti)):
            return False  # ووصفه بـ"الرجل الاستثنائي": the describer's words
    if prev is not None and prev.norm in _LIST_INTRODUCERS and _short_items(content):
        return True  # منتجات مختلفة وهي “ملابس، أشغال يدوية، أكلات شعبية”: a list of names
    if len(words) > _SHORT_WORDS:
        return False
    if prev is not None and prev.norm == "ل":
        return True  # وأكد مصدر ل "دنيا الرياضة" إن: the outlet spoken to
    if prev is not None and prev.is_word:
        w = prev.norm
        if w in NAMING_NOUNS or strip_proclitic(w) in NAMING_NOUNS or w in ("و", "او"):
            return True
        if ti > 0 and _named_by_adjective(w, doc.tokens[ti - 1].norm):
            return True  # الصحيفة المحلية «في إل تي»
        if len(words) <= 2 and _titled_or_reported(doc, ti) and _word_follows(doc, seg):
            return True  # المدير الفني «دونيس» برنامج، تقرير «ساما» عن
        form = cue_form(w)
        if form is not None and form.form in ("verb", "imperfect") and _colon_after(doc, seg):
            return True  # وقال "ولد الشيخ أحمد": نحن …: the speaker's name in marks
        verb = form or (cue_form(doc.tokens[ti - 1].norm) if ti > 0 else None)
        if verb is not None and verb.form == "verb":
            if _name_before_own_preposition(doc, seg, verb.lemma):
                return True  # وحذر بنك «سوسيتيه جنرال» من أن: the subject's name
        if w == "مع" and ti > 0 and strip_proclitic(doc.tokens[ti - 1].norm) in _INTERVIEW_NOUNS:
            return True  # في مقابلة مع "إن بي آر نيوز": whom the speaker talked to
        if w.endswith("ـ") or prev.text.endswith("ـ"):
            return True
        m = doc.mention_at(ti)
        if m is not None and m.label == "PER" and words[0].startswith(("ال", "أل", "إل")):
            return True
        if m is not None and m.label == "ORG" and len(words) <= 2:
            return True  # الهيئة الوطنية لمكافحة الفساد "نزاهة": the body's short name
    for k in range(max(0, ti - 3), ti + 1):
        if doc.tokens[k].norm in _NAMING_VERBS:
            return True
    if _quoted_subject(doc, seg, ti, len(words)):
        return True
    if seg.close_mark is not None:
        after = text[seg.close_mark + 1 : seg.close_mark + 4]
        if after.startswith(" و" + after[2:3]) and after[2:3] in QUOTE_CHARS:
            return True
        if after[:1] == "و" and after[1:2] in QUOTE_CHARS:
            return True
    if len(words) <= 2 and all(w.startswith(("ال", "أل", "إل")) for w in words):
        return True  # "القمر الأزرق": a term or a name
    return False


def _marked_subject(doc: Doc, a: int, cue: Cue) -> SpeakerInfo | None:
    """The person or body named in marks that open at token ``a`` right after a verb, when
    the article tags that name elsewhere (وكشف «ولد الشيخ أحمد» النقاب عن) or the verb's own
    preposition follows the marks (وشدد "الشقيق" على)."""
    gender = cue.gender
    toks = doc.tokens
    if a >= len(toks) or toks[a].text not in QUOTE_CHARS:
        return None
    seg = next((g for g in doc.segments if g.open_mark == toks[a].start and g.name_like), None)
    if seg is None or seg.close_mark is None:
        return None
    words = norm(doc.text[seg.start : seg.end]).split()
    m = _mention_named(doc, seg, words)
    span = (toks[a].start, seg.close_mark + 1)
    if m is None and a > 0 and _quoted_subject(doc, seg, a - 1, len(words)):
        name = doc.text[seg.start : seg.end]  # وقال «ولد الشيخ أحمد» في مؤتمر … «إن
        return SpeakerInfo(name, "PER", None, span, gender, True)
    if m is None and _name_before_own_preposition(doc, seg, cue.lemma):
        return SpeakerInfo(doc.text[seg.start : seg.end], "PER", None, span, gender, True)
    if m is None:
        return None
    return from_mention(doc, m, span, gender)


# أبلغ الوزير أن: the one told; نقل الرجل إلى المستشفى: carried; وصفه بـ: the one described
_OBJECT_FIRST = frozenset({"ابلغ", "اتهم", "حذر", "نصح", "نبه", "نقل", "وصف"})


def _definite_subject(doc: Doc, a: int, b: int, gender: str) -> SpeakerInfo | None:
    """The untagged definite noun phrase of up to six words between a verb and its أن (وتشير
    المعلومات والإحصائيات غير الرسمية إلى أن، وأشارت الدراسة التي أعدها باحثون إلى أن): the
    subject the article gives no name, up to an addressee (للسلطات) or a comma."""
    toks = doc.tokens
    if a >= b or not toks[a].norm.startswith("ال") or toks[a].norm in ADVERBS:
        return None
    if a + 1 < b and toks[a].norm in TIME_NOUNS and toks[a + 1].norm in TIME_ADJECTIVES:
        return None  # أعلن الصيف الماضي أنه
    end = a
    while end < b and end - a < 6 and toks[end].is_word:
        w = toks[end].norm
        if w in ADVERBS or w in PREPOSITIONS or w.startswith("لل"):
            break  # the subject ends at the time, a preposition or whom it was said to
        end += 1
    if end == a or (end < b and toks[end].is_word and end - a >= 6):
        return None  # no noun (إلى), or more words than a subject: an object or a clause
    span = (toks[a].start, toks[end - 1].end)
    return SpeakerInfo(doc.text[span[0] : span[1]], "OTHER", None, span, gender, True)


def _mention_named(doc: Doc, seg: Segment, words: list[str]) -> Mention | None:
    """A PER or ORG mention outside ``seg`` whose words hold the marked ``words`` in a row: the
    marks hold a name the article tags elsewhere (إسماعيل ولد الشيخ أحمد → «ولد الشيخ أحمد»)."""
    n = len(words)
    for m in doc.mentions:
        if m.label not in ("PER", "ORG") or (m.start < seg.end and seg.start < m.end):
            continue
        mw = list(m.words)
        if any(mw[i : i + n] == words for i in range(len(mw) - n + 1)):
            return m
    return None


def _model_number(word: str) -> bool:
    """Letters and digits in one word (إس2، MH370): a model or a code, never speech."""
    return any(c.isdigit() for c in word) and any(c.isalpha() for c in word)


def _names_then_object(doc: Doc, seg: Segment) -> bool:
    """The marked segment ``seg`` holds a person or body the tagger marked and a word other
    than a preposition follows it: a subject named in marks before its object (أعلنت "السعودي
    الفرنسي كابيتال" تعيين), not what was said (عبر «عكاظ» عن: whom he spoke through)."""
    if seg.close_mark is None:
        return False
    after = doc.token_containing(seg.close_mark) + 1
    toks = doc.tokens
    if after >= len(toks) or not toks[after].is_word or toks[after].norm in PREPOSITIONS:
        return False
    return any(
        m.label in ("PER", "ORG") and seg.start <= m.start and m.end <= seg.end
        for m in doc.mentions
    )


def _marked_body(doc: Doc, a: int, gender: str) -> SpeakerInfo | None:
    """The subject named in the short marks that open at token ``a`` right after a verb,
    before the verb's object (أعلنت "السعودي الفرنسي كابيتال" تعيين وليد فطاني): a body when
    the tagger marked only bodies inside, else a person."""
    toks = doc.tokens
    if a >= len(toks) or toks[a].text not in QUOTE_CHARS:
        return None
    seg = next((g for g in doc.segments if g.open_mark == toks[a].start), None)
    if seg is None or seg.close_mark is None or not _names_then_object(doc, seg):
        return None
    if len(doc.text[seg.start : seg.end].split()) > _SUBJECT_WORDS:
        return None
    inside = [m for m in doc.mentions if seg.start <= m.start and m.end <= seg.end]
    span = (toks[a].start, seg.close_mark + 1)
    if len(inside) == 1 and doc.text[seg.start : seg.end].strip() == inside[0].text:
        return from_mention(doc, inside[0], span, gender)  # يقول «القحطاني»: the person named
    label = "ORG" if all(m.label != "PER" for m in inside) else "PER"
    return SpeakerInfo(doc.text[seg.start : seg.end], label, None, span, gender, True)


def _quoted_subject(doc: Doc, seg: Segment, before: int, n_words: int) -> bool:
    """وقال "كيري" إنه …: a short quoted span right after a reporting verb and followed, in the
    same sentence, by an أن/إن clause is the speaker's name in quotation marks, not speech."""
    if n_words > _SUBJECT_WORDS or before < 0 or seg.close_mark is None:
        return False
    form = cue_form(doc.tokens[before].norm)
    if form is None or form.form not in ("verb", "imperfect"):
        return False
    after = doc.token_containing(seg.close_mark) + 1
    sentence = doc.tok_sent[before]
    toks = doc.tokens
    if _names_then_object(doc, seg):
        return True  # أعلنت "السعودي الفرنسي كابيتال" تعيين …: the body, then what it announced
    for tok in toks[after : after + _SUBJECT_REACH]:
        if doc.tok_sent[tok.i] != sentence:
            return False
        if tok.text in QUOTE_CHARS:  # وقال «ولد الشيخ أحمد» في مؤتمر … «إن هناك …»
            return tok.i + 1 < len(toks) and toks[tok.i + 1].norm in COMPLEMENTIZERS
        if tok.norm in COMPLEMENTIZERS:
            return True
    return False


# ---------------------------------------------------------------- cue analysis
def _opener_starts(doc: Doc, candidates: list[Segment]) -> set[int]:
    return {s.open_mark for s in candidates if s.open_mark is not None}


# Cues whose content is a clause or a prepositional object, never words in marks that follow
# (يفصح جون مارك بونتروي، الرئيس التنفيذي لدار «روجيه دوبوي»، بأن …).
_MARKS_NOT_CONTENT = frozenset({"استبعد", "ادعي", "افصح", "هدد"})
# Cues whose prepositional object comes right after the subject, or not at all (هدد الحزب
# بقطع الهدنة، هدد الرئيس السابق، محمود أحمدي نجاد، المحافظ، عام 2010 بمقاطعة; not كما هدد
# بوتين وبدأ ينفذ عمليات … بغرض زعزعة).
_ADJACENT_OBJECT = frozenset({"هدد"})


def _set_off(t: Token) -> bool:
    """Punctuation, a time or a definite word that may stand between a subject and its object."""
    w = t.norm
    return not t.is_word or w in ADVERBS or w.isdigit() or w == "عام" or w.startswith("ال")


def _speech_follows(doc: Doc, cue: Cue) -> bool:
    """Whether قال, أضاف or تابع with no subject is followed by the words said, opened by a
    particle or pronoun no subject starts with (وأضاف إذ نتطلع، قال للأسف الوضع سيئ، وأضاف في
    حال تم بيع)."""
    toks = doc.tokens
    k = cue.ti + 1
    if cue.lemma not in _SPEECH_VERBS or cue.form != "verb" or k >= len(toks):
        return False
    if doc.tok_sent[k] != doc.tok_sent[cue.ti] or not _opens_clause(doc, cue):
        return False
    w = toks[k].norm
    return w in _CLAUSE_OPENERS or (w == "في" and k + 1 < len(toks) and toks[k + 1].norm == "حال")


def _find_complementizer(
    doc: Doc, info: CueInfo, openers: set[int], cue_tokens: set[int]
) -> tuple[int, int, str]:
    """(region end token, content start token, how) scanning forward from the cue."""
    toks = doc.tokens
    ti = info.cue.ti
    sent = doc.tok_sent[ti]
    k = ti + 1
    if _speech_follows(doc, info.cue):
        return k, k, "colon"  # وأضاف إذ نتطلع إلى …: the words themselves, without أن or a colon
    while k < len(toks) and k <= ti + _SCAN_LIMIT and doc.tok_sent[k] == sent:
        t = toks[k]
        if t.start in openers:
            seg = next(g for g in doc.segments if g.open_mark == t.start)
            if info.cue.lemma in _MARKS_NOT_CONTENT and seg.close_mark is not None:
                k = max(k + 1, doc.token_at(seg.close_mark + 1))  # لدار «روجيه دوبوي» بأن
                continue
            after = name_before_complementizer(doc, seg)
            if after is None and _name_before_own_preposition(doc, seg, info.cue.lemma):
                k = doc.token_at(seg.close_mark + 1)  # وشدد "الشقيق" | على الإسراع
                continue
            if after is None:
                return k, k, "quote"
            return k, after + 1, "comp"  # في بيان لها على "تداول"، أن …: the content after أن
        if t.text == ":" and not toks[k - 1].norm.lower().startswith("http"):  # not a web address
            # وقال: إن أموره تسير …: the complementizer is not the content
            nxt = k + 1 if k + 1 < len(toks) and toks[k + 1].norm in ("ان", "بان") else k
            return k, nxt + 1, "colon"
        if t.norm in COMPLEMENTIZERS and toks[k - 1].norm in _BUT_THAT:
            return k - 1, -1, ""  # أعلن هدنة، إلا أن إصرار …: "but" ends what the cue took
        if t.norm in COMPLEMENTIZERS and toks[k - 1].norm in _GOD and doc.tok_mention[k - 1] < 0:
            return k - 1, -1, ""  # استنكرا الحادث، سائلين الله أن …: a prayer, not the report
        if (
            t.norm in COMPLEMENTIZERS
            and toks[k - 1].norm not in NON_REPORT_BEFORE_AN
            and not (
                toks[k - 1].norm in ("من", "عن")
                and toks[k - 2].norm in NON_REPORT_BEFORE_PREPOSITION
            )
            and not (k + 1 < len(toks) and toks[k + 1].norm == "شاء")  # إن شاء الله
            and doc.tok_mention[k] < 0
            and not _in_name_segment(doc, t.start)
        ):
            b = k - 1 if toks[k - 1].norm in COMP_PREPOSITIONS and k - 1 > ti else k
            return b, k + 1, "comp"
        if k in cue_tokens and not _statement_occasion(doc, k):
            return k, -1, "cue"
        k += 1
    return k, -1, ""


def _name_before_own_preposition(doc: Doc, seg: Segment, lemma: str) -> bool:
    """A name of one or two words in marks right before the preposition of the cue ``lemma``
    (وشدد "الشقيق" على، ودعا "التحالف" إلى، وحذر بنك «سوسيتيه جنرال» من): its subject, not
    what was said."""
    if seg.close_mark is None or len(doc.text[seg.start : seg.end].split()) > 2:
        return False
    k = doc.token_at(seg.close_mark + 1)
    if k >= len(doc.tokens):
        return False
    w = doc.tokens[k].norm
    return (w == "علي" and lemma in _ON_OBJECT) or w in PREP_OBJECT.get(lemma, ())


# A statement next to its owner's name (تصريحات المرشد الأعلى لإيران علي خامنئي الأخيرة والتي
# أكد فيها، وجّه الوزير تغريدة قال فيها): the name is the speaker of the verb with فيها.
_OWNED_STATEMENTS = frozenset(
    """تصريحات التصريحات تصريح التصريح كلمه الكلمه خطاب الخطاب تغريده التغريده تغريدات
    التغريدات مقابله المقابله حديث الحديث رساله الرساله""".split()
)
_DELIVERING = frozenset("القي والقي القت والقت القاها والقاها القاه والقاه".split())


def _statement_owner(doc: Doc, cue: Cue) -> SpeakerInfo | None:
    """The person whose statement a verb with فيها / خلالها reports (تصريحات للرئيس الأمريكي
    باراك أوباما أكد فيها أن، برقية لنظيره الجزائري عبد العزيز بوتفليقة … أكد خلالها، وألقى
    مدير الفرع علي الغامدي كلمة، أكد فيها): named after a title with ل, or as the subject of
    ألقى, before the verb in its sentence; None otherwise."""
    toks = doc.tokens
    if not _resumptive_after(doc, cue.ti):
        return None
    sent_start = doc.token_at(doc.sentences[doc.tok_sent[cue.ti]][0])
    for j in range(cue.ti - 1, max(sent_start, cue.ti - 16) - 1, -1):
        m = doc.mention_at(j)
        if m is None or m.label != "PER" or doc.token_containing(m.start) != j:
            continue
        if any(toks[q].norm in _DELIVERING for q in range(max(sent_start, j - 12), j)):
            return from_mention(doc, m, None, cue.gender)  # وألقى … علي الغامدي كلمة، أكد فيها
        around = [*range(max(sent_start, j - 8), j), *range(j + 1, cue.ti)]
        if any(strip_article_proclitic(toks[q].norm) in _OWNED_STATEMENTS for q in around):
            # تصريحات المرشد … علي خامنئي الأخيرة والتي أكد فيها; نشر الوزير تغريدة قال فيها
            return from_mention(doc, m, None, cue.gender)
        for q in range(max(sent_start, j - 3), j):
            w = toks[q].norm
            base = "ال" + w[2:] if w.startswith("لل") else w[1:] if w[:1] == "ل" else ""
            if base and is_title_word(base):
                return from_mention(doc, m, None, cue.gender)
        return None
    return None


def _statement_occasion(doc: Doc, k: int) -> bool:
    """A statement noun after في names the occasion of the verb before it (وأكد السفير في
    تصريحه لـ«المدينة» أن): the verb's content follows, not the noun's."""
    form = cue_form(doc.tokens[k].norm)
    return form is not None and form.form == "noun" and doc.tokens[k - 1].norm == "في"


# words that join the next speaker's clause: a cut before that clause goes back over them
_BUT_IT = frozenset(c + p for c in ("لكن", "ولكن") for p in ("ه", "ها", "هم", "هما"))
_GOD = frozenset({"الله", "المولي"})  # سائلا الله أن، داعيا المولى أن: a prayer follows
_BUT_THAT = frozenset({"غير", "الا"})  # غير أن، إلا أن: "but", not a complementizer's verb
_CONTRASTS = frozenset({"لكن", "ولكن", "بل", "حيث", "فيما", "وذلك"}) | _BUT_THAT | _BUT_IT


def _before_connective(doc: Doc, cut: int, floor: int) -> int:
    """Move a cut back over the word that joins the next speaker's clause (…، لكن المعارضة
    تقول، غير أن النقاد يقولون، حيث قال)."""
    toks = doc.tokens
    if cut - 1 > floor and toks[cut - 1].norm in _CONTRASTS:
        return cut - 1  # … حذفت البيانات | لكنها أكدت
    if cut - 2 > floor and toks[cut - 1].norm == "ان" and toks[cut - 2].norm in _BUT_THAT:
        return cut - 2
    return cut


# "according to" after a comma: the source of what came before (…، بحسب مصدر طبي); not وفق,
# which also means "in line with" (وفق نظام التعيين) and may sit inside the content.
_BY_SOURCE = frozenset({"بحسب", "حسب", "حسبما", "بحسبما"})


def _next_clause_after(doc: Doc, k: int) -> bool:
    """The comma at token ``k`` opens a contrast (بينما، في حين), the speaker's next act
    (مستعرضا، سائلا الله) or the next item of the news (على صعيد متصل، من جهتها، إلى ذلك):
    reported content ends there. Not حيث، فيما or وذلك: on 213 annotated articles the reported
    clause ran on over them 28 times and ended before them 11 times."""
    toks = doc.tokens
    nxt = toks[k + 1].norm
    after = toks[k + 2].norm if k + 2 < len(toks) else ""
    pair = nxt + " " + after
    return (
        nxt in CLAUSE_BREAKERS
        or pair in CLAUSE_BREAKERS
        or nxt in SPEECH_ACT_PARTICIPLES
        or pair in NEWS_TRANSITIONS
        or nxt in _BY_SOURCE
        or (nxt == "وذلك" and after in _BY_SOURCE)
    )


# Reporting verbs whose past form is no common noun or preposition (not عبر "via", نقل
# "transport", كتب "books", ذكر "male", كشف or بين).
_NEXT_REPORT_LEMMAS = frozenset(
    "قال اضاف اكد اشار اوضح اعلن شدد اتهم تعهد لفت صرح اعتبر حذر دعا نفي تابع".split()
)


def _report_verb_at(doc: Doc, k: int) -> bool:
    """Token ``k`` is a past reporting verb that is not the verb of a statement noun (دعا فيه):
    after a comma it opens the next report (…، شدد الثاني على، …، اتهم إمام), whether or not
    it has content of its own. On the dev and read gold, reported content ended at 17 such
    commas and ran on over one, «، دعا فيه», left alone here."""
    if k >= len(doc.tokens) or not doc.tokens[k].is_word or _resumptive_after(doc, k):
        return False
    form = cue_form(doc.tokens[k].norm)
    return form is not None and form.form == "verb" and form.lemma in _NEXT_REPORT_LEMMAS


def _joined_report_verb(doc: Doc, k: int) -> bool:
    """Token ``k`` is وقال / وأضاف / وتابع right after a word, with no comma (… لتلك المجالس
    وقالت تعد المرأة): the next report, not more of the content (2 of 2 on the annotated
    articles). Not other verbs, whose passive reads the same (واتهمت بالقسوة)."""
    toks = doc.tokens
    if not toks[k].norm.startswith("و") or not toks[k - 1].is_word:
        return False
    form = cue_form(toks[k].norm)
    return (
        form is not None
        and form.form == "verb"
        and form.lemma in _SPEECH_VERBS
        and toks[k - 1].norm not in _RELATIVES
        and not _resumptive_after(doc, k)
    )


def _in_name_segment(doc: Doc, char: int) -> bool:
    return any(seg.name_like and seg.start <= char < seg.end for seg in doc.segments)


def _content_end(
    doc: Doc, start_ti: int, cue_infos: dict[int, CueInfo], through_reports: bool = False
) -> int:
    """Char offset where reported content starting at token ``start_ti`` ends; with
    ``through_reports``, content that opens with another report goes on past its verb."""
    toks = doc.tokens
    if start_ti >= len(toks):
        return len(doc.text)
    sent = doc.tok_sent[start_ti]
    last = start_ti
    k = start_ti
    while k < len(toks) and doc.tok_sent[k] == sent:
        t = toks[k]
        if k in cue_infos and k > start_ti:
            other = cue_infos[k]
            prev = toks[k - 1].norm if k > 0 else ""
            # … إن الخطاب الذي ألقاه خامنئي وتوعد خلاله بتحدي …: a statement's verb with فيها /
            # خلاله describes a noun of the content, which goes on
            described = _describes_noun(doc, other)
            if other.cue.form == "attribution" or (
                prev not in _RELATIVES and not other.inside_quote and not described
            ):
                cut = other.subject_start if 0 <= other.subject_start < k else k
                if other.cue.start < t.start:
                    cut = min(cut, doc.token_at(other.cue.start))
                cut = _before_connective(doc, cut, start_ti)
                while cut > start_ti and toks[cut - 1].norm in _AUXILIARIES:
                    cut -= 1  # إنه | كان قد أعلن: the next report's auxiliaries
                if not (through_reports and _reported_report(doc, other, start_ti, cut)):
                    if cut <= start_ti:
                        return toks[start_ti].start
                    return _trim_end(doc, toks[cut - 1].end, toks[start_ti].start)
        if k > start_ti and _joined_report_verb(doc, k):
            return _trim_end(doc, toks[k - 1].end, toks[start_ti].start)
        if t.text in "،,؛" and k + 1 < len(toks):
            nxt = toks[k + 1].norm
            if _next_clause_after(doc, k) or _report_verb_at(doc, k + 1):
                return _trim_end(doc, toks[k].start, toks[start_ti].start)
            nxt_info = cue_infos.get(k + 1)
            if nxt_info is not None and nxt_info.cue.form in ("participle", "attribution"):
                return _trim_end(doc, toks[k].start, toks[start_ti].start)
            form = cue_form(nxt)
            if form is not None and form.form == "participle":  # …، مؤكدة مقتل العشرات
                return _trim_end(doc, toks[k].start, toks[start_ti].start)
        last = k
        k += 1
    return _trim_end(doc, toks[last].end, toks[start_ti].start)


_NESTED_SUBJECT_WORDS = 3  # إن الولايات المتحدة | أعلنت مرارا أنه …
_ANSWERS = frozenset({"نعم", "لا", "كلا", "بلي"})  # قال: نعم، قال: …: a dialogue's turns


def _news_outlet(sp: SpeakerInfo) -> bool:
    """A news agency, paper, channel or site (سانا، وكالة الأنباء السورية، الصحيفة)."""
    words = norm(sp.name).split()
    return (
        sp.label != "PER"
        and bool(words)
        and (
            strip_article_proclitic(words[0]).removeprefix("ال") in OUTLET_NOUNS
            or " ".join(words) in OUTLETS
        )
    )


def _reported_report(doc: Doc, other: CueInfo, start_ti: int, cut: int) -> bool:
    """Reported content that opens with another report, its verb after its own short subject
    (قال إن الهيئة أعلنت، أكد أن الولايات المتحدة أعلنت مرارا أنه، إن يسرى أكدت لها أن): when
    a person or a source passes it on, the annotators quote it whole, the inner report too.
    When an outlet does (ذكرت وكالة الأنباء السورية أن الرئيس الروسي أكد), it is only the
    intermediary, and only the inner report is quoted."""
    toks = doc.tokens
    k = other.cue.ti
    if other.cue.form != "verb" or _opens_clause(doc, other.cue):
        return False
    words = toks[start_ti:k]
    while words and words[-1].norm in _AUXILIARIES:
        words = words[:-1]  # إنه كان قد أعلن: his own earlier report, no other subject
    if not words:
        return False
    return cut <= start_ti or (
        len(words) <= _NESTED_SUBJECT_WORDS
        and all(t.is_word and t.norm not in _PHRASE_ENDS for t in words)
        and words[0].norm not in _ANSWERS
    )


def _unclosed_end(doc: Doc, seg: Segment, infos: list[CueInfo]) -> int:
    """End of a quote whose closing mark is missing: before a comma that brings in the writer's
    participle or attribution cue (كوباني، مشيراً إلى), else the paragraph's end."""
    toks = doc.tokens
    participles = {i.cue.ti for i in infos if i.cue.form in ("participle", "attribution")}
    k = doc.token_at(seg.start)
    while 0 <= k < len(toks) - 1 and toks[k + 1].start < seg.end:
        if toks[k].text in "،,؛" and k + 1 in participles:
            return _trim_end(doc, toks[k].start, seg.start)
        k += 1
    return seg.end


def _trim_end(doc: Doc, end: int, start: int) -> int:
    text = doc.text
    while end > start and (text[end - 1].isspace() or text[end - 1] in "،,.:؛;-–"):
        end -= 1
    return end


def _trim_start(doc: Doc, start: int, end: int) -> int:
    text = doc.text
    while start < end and (text[start].isspace() or text[start] in QUOTE_CHARS + ":،,"):
        start += 1
    return start


# Particles and prepositions a clause's joined و may stand on (وكان، وقد، وفي).
_AFTER_JOINED_WA = frozenset("كان كانت قد لم لن في فى من علي عن مع بعد قبل".split())


def _strip_conjunction(doc: Doc, start: int) -> int:
    """Skip a leading و on the first word of a clause (وتبلغ → تبلغ, وفي → في, وكان → كان)."""
    ti = doc.token_at(start)
    if ti >= len(doc.tokens):
        return start
    t = doc.tokens[ti]
    if t.start == start and t.norm.startswith("و") and len(t.norm) > 2:
        rest = t.norm[1:]
        future = rest.startswith(("ست", "سي", "سن"))  # وستحل → ستحل
        if future or rest.startswith(("ال", "ت", "ي", "ن", "ا")) or rest in _AFTER_JOINED_WA:
            return start + 1
    return start


def _sentence_cues(infos: list[CueInfo], sent: int, before: int) -> list[CueInfo]:
    return [
        i
        for i in infos
        if i.sentence == sent
        and i.cue.start < before
        and i.speaker is not None
        and not i.inside_quote
    ]


def _compatible(cue_gender: str, speaker_gender: str) -> bool:
    if cue_gender == "pl":
        return True
    if cue_gender == "f":
        return speaker_gender == "f"
    return speaker_gender != "f"


def _sentence_subject(
    doc: Doc, info: CueInfo, titles: list[TitleEntry], sentence: int | None = None
) -> SpeakerInfo | None:
    """The subject of the past-tense verb that opens the cue's sentence (or an earlier
    ``sentence``), when the cue only goes on with it (قام مدير الشؤون الصحية الدكتور محمد
    العبدالعالي بجولة … وأكد أن): a person, a body, a source or a title right after the verb,
    agreeing with the cue in gender (وكانت وزارة الخزانة … مشيرا: not the ministry)."""
    toks = doc.tokens
    own = sentence is None
    if sentence is None:
        sentence, bound = info.sentence, info.cue.ti
    else:
        bound = doc.token_at(doc.sentences[sentence][1])
    first = _first_word(doc, sentence, bound, _LEADING_PARTICLES)  # كما | اعتقلت الشرطة
    first = _past_side_phrase(doc, first, bound)
    if first >= bound - 1 or doc.mention_at(first) is not None:
        return None
    verb = strip_proclitic(toks[first].norm)
    if verb.startswith("ال") or verb in NON_SUBJECT_STARTS or verb in FUNCTION_WORDS:
        return None
    if info.cue.gender != "pl" and verb.endswith("ت") != (info.cue.gender == "f"):
        return None
    w = toks[first + 1].norm
    m = doc.mention_at(first + 1)
    named = is_title_word(w) or w in SOURCE_NOUNS
    if m is not None:
        # a listed country acts too (وشنت تركيا غارات … مشيرة إلى أنها), and so does a
        # country or a city (its government) before a verb right before أن in the same
        # sentence (ورفضت أنقرة … وقالت إن); a later verb with words between may have its own
        place = gazetteer().get(m.words) if m.label == "LOC" else None
        kind = place.kind if place is not None else ""
        if own and kind in ("country", "city") and _bare_verb(doc, info.cue):
            return from_mention(doc, m, (m.start, m.end), info.cue.gender)
        if m.label not in ("PER", "ORG") and not (
            kind == "country" and info.cue.form == "participle"
        ):
            return None
    outlet = m is None and w in OUTLET_NOUNS  # علقت صحيفة "لوفيجارو" …، مؤكدة أن
    if m is None and not (named or outlet or strip_proclitic(w) in ORG_HEADS):
        return None
    reach = 17
    if m is None and w in SOURCE_NOUNS:
        reach = 5  # مصادر مصرفية, not a later name
    elif m is None and not named:
        reach = 3  # اعتقلت الشرطة | رجلا يدعى ساوتي كوما: the body, not its object
    sp = np_speaker(doc, first + 1, min(bound, first + reach), info.cue.gender, titles)
    if sp is not None and sp.mention is None and sp.span is not None:
        end = doc.token_at(sp.span[1])
        owner = body_after(doc, end) if end < bound else None
        if owner is not None:  # استنكرت الأمانة العامة | لمنظمة التعاون الإسلامي
            sp = from_mention(doc, owner, (sp.span[0], owner.end), info.cue.gender)
    if outlet and sp is not None and sp.label == "ORG":
        return sp
    if sp is None or (sp.mention is None and (not named or len(sp.name.split()) < 2)):
        return None  # a bare title (مدير، سمو) names nobody
    return sp


def _bare_verb(doc: Doc, cue: Cue) -> bool:
    """A past-tense cue right before its complementizer: a verb with no subject of its own."""
    nxt = cue.ti + 1
    return cue.form == "verb" and nxt < len(doc.tokens) and doc.tokens[nxt].norm in COMPLEMENTIZERS


def _past_side_phrase(doc: Doc, k: int, bound: int) -> int:
    """The first word after an opening من جهتها، / بدوره، (whose side speaks), من جانب آخر، (on
    the other hand) or إلى ذلك، (besides), else ``k``."""
    toks = doc.tokens
    from_side = k + 1 < bound and toks[k].norm in ("من", "ومن")
    if from_side and toks[k + 1].norm in _SIDE_NOUNS:
        k += 2
    elif k + 2 < bound and toks[k].norm in ("الي", "والي") and toks[k + 1].norm == "ذلك":
        k += 2  # إلى ذلك، تبنى حزب العمال الكردستاني … مؤكدا أنه
    elif from_side and k + 2 < bound and f"{toks[k + 1].norm} {toks[k + 2].norm}" in _OTHER_SIDE:
        k += 3
    elif k < bound and toks[k].norm in ("بدوره", "بدورها"):
        k += 1
    else:
        return k
    return _next_word(doc, k, bound, _LEADING_PARTICLES)


def _implied(
    doc: Doc, info: CueInfo, infos: list[CueInfo], state: State, titles: list[TitleEntry]
) -> SpeakerInfo | None:
    if info.inside_quote:
        # a speaker quoting someone else: the person named just before (… كيسنجر، حين قال)
        sent_start = doc.sentences[info.sentence][0]
        for m in reversed(doc.mentions):
            if sent_start <= m.start < info.cue.start and m.label == "PER":
                return from_mention(doc, m, None, info.cue.gender, explicit=False)
    same = _sentence_cues(infos, info.sentence, info.cue.start)
    if same:
        sp = same[-1].speaker
        assert sp is not None
        return as_implied(sp)
    person = _person_before_but(doc, info)
    if person is not None:
        return person
    interview = _interview_partner(doc, info)
    if interview is not None:
        return interview
    subject = _sentence_subject(doc, info, titles)
    if subject is not None and (
        subject.mention is not None
        or subject.label == "ORG"
        or norm(subject.name).split()[0] in SOURCE_NOUNS
    ):
        return as_implied(subject)  # a named subject or a source; a title alone waits
    if info.cue.form == "statement":
        for sp, region in reversed(state.history):
            if "بيان" in region:
                return as_implied(sp)
    if subject is None:
        subject = _earlier_subject(doc, info, titles)
    for sp, _ in reversed(state.history):
        if _compatible(info.cue.gender, sp.gender):
            if _newer_named(subject, sp):
                break  # وكانت قوات الدفاع الشعبي دانت … . وقالت إن: the newer subject
            return as_implied(sp)
    return None if subject is None else as_implied(subject)


def _person_before_but(doc: Doc, info: CueInfo) -> SpeakerInfo | None:
    """After لكنه in a sentence that quotes no one before, the person the sentence named last
    (وكان ينظر إلى منصور … لكنه تعهد: منصور, not the previous sentence's speaker); not after
    لكنها, which is as often a body or a country."""
    ti = info.cue.ti
    toks = doc.tokens
    but_it = ti > 0 and toks[ti - 1].norm in ("لكنه", "ولكنه") and toks[ti].start == info.cue.start
    if not but_it:
        return None
    sent_start = doc.sentences[info.sentence][0]
    for m in reversed(doc.mentions):
        if sent_start <= m.start and m.end <= toks[ti - 1].start and m.label == "PER":
            return as_implied(from_mention(doc, m, None, info.cue.gender, explicit=False))
    return None


def _newer_named(subject: SpeakerInfo | None, speaker: SpeakerInfo) -> bool:
    """Whether ``subject`` is a name given after ``speaker`` was."""
    return (
        subject is not None
        and subject.mention is not None
        and subject.span is not None
        and speaker.span is not None
        and subject.span[0] > speaker.span[0]
    )


def _first_word(doc: Doc, sentence: int, bound: int, skip: frozenset[str] = frozenset()) -> int:
    """Token index of the first word of ``sentence`` that is not in ``skip`` (``bound`` at most)."""
    return _next_word(doc, doc.token_at(doc.sentences[sentence][0]), bound, skip)


def _next_word(doc: Doc, k: int, bound: int, skip: frozenset[str] = frozenset()) -> int:
    """Index of the first word token from ``k`` on that is not in ``skip`` (``bound`` at most)."""
    toks = doc.tokens
    while k < bound and (not toks[k].is_word or toks[k].norm in skip):
        k += 1
    return k


def _earlier_subject(doc: Doc, info: CueInfo, titles: list[TitleEntry]) -> SpeakerInfo | None:
    """For a cue opening its sentence with nobody quoted yet, the named subject of the verb
    opening one of the two sentences before (أرجع المتحدث … عدنان المعيبد تأخر … . وأضاف)."""
    if _first_word(doc, info.sentence, info.cue.ti) != info.cue.ti:
        return None
    for sentence in range(info.sentence - 1, max(-1, info.sentence - 3), -1):
        subject = _sentence_subject(doc, info, titles, sentence)
        if subject is not None:
            return subject
    return None


def _unnamed_title(sp: SpeakerInfo) -> bool:
    """A title phrase that the article ties to no name (المهاجم الألماني الدولي السابق)."""
    return sp.label == "OTHER" and sp.mention is None and is_title_word(norm(sp.name).split()[0])


def _titled_previous_speaker(sp: SpeakerInfo, state: State) -> SpeakerInfo | None:
    """وأضاف المهاجم الألماني السابق after كلينزمان spoke: an epithet for the person who
    spoke last, when that was a person of the same gender."""
    for prev, _ in reversed(state.history):
        if prev.label == "PER" and _compatible(sp.gender, prev.gender):
            return SpeakerInfo(prev.name, "PER", prev.mention, sp.span, sp.gender, True)
    return None


def _statement_issuer(state: State) -> SpeakerInfo | None:
    """The latest speaker who spoke in a statement (قالت الوزارة في بيان), for a statement
    that speaks on (وأضاف البيان أن)."""
    for sp, region in reversed(state.history):
        if "بيان" in region.split():
            return as_implied(sp)
    for sp, _ in reversed(state.history):
        if sp.label == "ORG":
            return as_implied(sp)  # قالت الشرطة الإيطالية إن … . وذكر البيان: the body's
    return None


def as_implied(sp: SpeakerInfo) -> SpeakerInfo:
    """The same speaker, as implied by a later cue (no mention span of its own)."""
    return SpeakerInfo(sp.name, sp.label, sp.mention, None, sp.gender, False)


def _interview_partner(doc: Doc, info: CueInfo) -> SpeakerInfo | None:
    """وفي لقاء مع حسين المعلاق، أوضح أن … → the interviewee speaks."""
    toks = doc.tokens
    sent_start = doc.token_at(doc.sentences[info.sentence][0])
    words = [t for t in toks[sent_start : info.cue.ti] if t.is_word]
    if len(words) < 3 or not any(
        strip_proclitic(t.norm) in _INTERVIEW_NOUNS or t.norm in _INTERVIEW_NOUNS for t in words[:3]
    ):
        return None
    for t in words:
        if t.norm == "مع":
            m = doc.mention_at(t.i + 1)
            if m is not None and m.label == "PER":
                return from_mention(doc, m, None, info.cue.gender, explicit=False)
    return None


def _passed_on_from(
    doc: Doc, a: int, b: int, gender: str, titles: list[TitleEntry]
) -> SpeakerInfo | None:
    """وذكرت هيئة الإذاعة الأسترالية نقلا عن غواصين أنه …: the words are the divers', the
    broadcaster only passes them on."""
    toks = doc.tokens
    for k in range(a, min(b, len(toks)) - 2):
        if toks[k].norm in ("نقلا", "ونقلا") and toks[k + 1].norm == "عن":
            sp = np_speaker(doc, k + 2, b, gender, titles)
            words = []  # else the phrase itself: نقلا عن غواصين أصدقاء | للضحية
            for t in toks[k + 2 : min(b, k + 6)]:
                if not t.is_word or t.norm in _PHRASE_ENDS or t.norm.startswith(("لل", "بال")):
                    break
                words.append(t)
            if sp is None and words:
                span = (words[0].start, words[-1].end)
                return SpeakerInfo(doc.text[span[0] : span[1]], "OTHER", None, span, gender, True)
            return sp
    return None


def _speaker_end_token(doc: Doc, sp: SpeakerInfo | None, default: int) -> int:
    if sp is None or sp.span is None:
        return default
    ti = doc.token_at(sp.span[1])
    return max(ti, default)


def _described_only(doc: Doc, cue: Cue, np: SpeakerInfo | None, end: int) -> bool:
    """وصف with no object pronoun and one noun phrase before بأن (ووصف حزب العمال الكردستاني
    بأنه، ووصف معسكر الفريق في تركيا بأنه): that phrase is the one described."""
    toks = doc.tokens
    if np is None or with_object_pronoun(toks[cue.ti].norm):
        return False
    k = _speaker_end_token(doc, np, cue.ti + 1)
    return k >= end or toks[k].norm in PREPOSITIONS or not toks[k].is_word


def analyse_cues(
    doc: Doc, cues: list[Cue], candidates: list[Segment], titles: list[TitleEntry]
) -> list[CueInfo]:
    """Speaker and reported-content extent of every cue, in text order."""
    openers = _opener_starts(doc, candidates)
    inside = [(s.start, s.end) for s in candidates if len(doc.text[s.start : s.end].split()) > 2]
    infos = [CueInfo(c, doc.tok_sent[c.ti]) for c in cues]
    for info in infos:
        info.inside_quote = any(s <= info.cue.start < e for s, e in inside)
    by_token = {i.cue.ti: i for i in infos}
    # a cue ends the region of the cue before it, but not نقل with no source (تولت نقل الرجل)
    cue_tokens = {
        i.cue.ti
        for i in infos
        if i.cue.form != "attribution" and (i.cue.lemma != "نقل" or _from_source(doc, i.cue))
    }
    state = State()
    toks = doc.tokens
    found: dict[int, tuple[int, int, str, bool]] = {}
    # pass 1: complementizers and speakers
    for info in infos:
        cue = info.cue
        prayer = cue.lemma == "دعا" and cue.ti + 1 < len(toks) and toks[cue.ti + 1].norm == "الله"
        if prayer:  # ودعا الله أن …: a prayer ends content, no quote
            info.active = True
            continue
        if cue.form == "attribution":  # وفق الشريعة: no source, so no boundary either
            info.active = _attribution_speaker(doc, info) is not None or _cites(doc, cue)
            continue
        if cue.form == "verb" and _conditional(doc, cue.ti):
            info.deferred = True  # فإن انتقد كاتب خدمة ما، إذا قال أحدهم إن: no one said it
            continue
        b, cstart, how = _find_complementizer(doc, info, openers, cue_tokens)
        if cue.lemma == "وصف" and how == "comp" and _mark_at(doc, cstart):
            b, how = cstart, "quote"  # صنفتها بأنها "بذيئة": the marks after بأنها
        if how == "quote" and _name_in_prep_object(doc, cue, b):
            how = ""  # أعلنت سامسونج عن موعد صدور “جالاكسي نوت برو”: the object, not the marks
        if (
            cue.lemma == "نقل"
            and how not in ("comp", "colon", "quote")
            and not _from_source(doc, cue)
        ):
            info.deferred = True  # أن الحوثيين نقلوا 700 أسير: carried, not passed on
            continue
        if (
            cue.form in ("participle", "noun")
            and how in ("comp", "colon", "quote")
            and b - cue.ti > 3
            and not (cue.form == "participle" and _adverbial_between(doc, cue.ti + 1, b))
        ):
            how = ""
        if (
            how == "cue"
            and b < len(toks)
            and by_token.get(b) is not None
            and by_token[b].cue.form == "noun"
            and cue.lemma in ("نقل", "قال")
        ):
            info.deferred = True
        sp: SpeakerInfo | None = None
        accusation = False  # اتهم with its object named: a report even without a subject
        after_verb: SpeakerInfo | None = None  # the subject that follows a verb cue
        if cue.form == "noun":
            sp = noun_cue_speaker(doc, cue.ti, cue.gender, titles)
        elif cue.form == "statement":  # وجاء في بيان لوزارة الداخلية: the body that issued it
            sp = report_issuer(doc, doc.token_at(cue.end - 1), b, cue.gender)
        elif cue.form in ("verb", "imperfect"):
            a = cue.ti + 1
            if cue.lemma == "نقل":
                for k in range(cue.ti + 1, b):
                    if toks[k].norm == "عن":
                        a = k + 1
                        break
            pv, pv_start = preverbal_speaker(doc, cue.ti, cue.gender, titles)
            relative = cue.ti > 0 and toks[cue.ti - 1].norm in _RELATIVES
            if relative and cue.lemma == "وصف" and toks[cue.ti].norm.endswith(("ه", "ها", "هم")):
                pv = None  # دول التحالف التي وصفتها بـ«…»: the described, not the describer
            np_end = b
            if cue.lemma == "وصف":  # ووصفه بـ"…": the subject, if any, comes before the ب
                np_end = next((k for k in range(a, b) if toks[k].norm in DESCRIBED_AS), b)
            elif renewing(toks[cue.ti].norm):  # وجدد عميد السلك التأكيد على أن: up to there
                np_end = next((k for k in range(a, b) if toks[k].norm in STRESSING), b)
            elif cue.lemma in _CONCLUDING:  # واختتم بوك تعليقه: the subject ends at the speech
                np_end = next((k for k in range(a, b) if _own_speech(doc, k)), b)
            # الذي أعرب مدربه ديتر هاكينغ عن: a noun phrase after the verb of a relative clause
            # is its subject, unless the verb takes an object first (القرار الذي يدعو الحركة
            # إلى); without one (الذي قال إن) the relative's noun is
            transitive = cue.lemma in _OBJECT_BEFORE_PREPOSITION or cue.lemma in _OBJECT_FIRST
            vso = None if relative else _marked_body(doc, a, cue.gender)
            if vso is None and not (relative and transitive):
                vso = np_speaker(doc, a, np_end, cue.gender, titles)
                if vso is not None:
                    vso = _subject_before_own_preposition(doc, cue, a, np_end, vso, titles)
            if vso is None and not relative:
                vso = _marked_subject(doc, a, cue)  # وكشف «ولد الشيخ أحمد» النقاب
            verbal_noun = cue.ti > 0 and toks[cue.ti - 1].norm in PREPOSITIONS  # في كشف الدور
            # عندما يرى المزيد من …: a present tense inside a clause reports nothing
            verbal_noun = verbal_noun or (cue.form == "imperfect" and not _opens_clause(doc, cue))
            if vso is None and not relative and how == "comp" and not (transitive or verbal_noun):
                vso = _definite_subject(doc, a, np_end, cue.gender)  # وتشير المعلومات … إلى أن
            if vso is None and not relative and how not in ("comp", "colon", "quote"):
                vso = _subject_before_preposition(doc, cue, a, b, titles)
            vso = _passed_on_from(doc, a, b, cue.gender, titles) or vso
            if vso is not None and how == "comp" and _accused(doc, cue, vso, cstart):
                vso = None  # كما اتهم حزب العمال وتنظيم داعش بأن …: the accused, not the speaker
                accusation = True
            if cue.lemma == "وصف" and how == "comp" and _described_only(doc, cue, vso, np_end):
                vso = None  # ووصف حزب العمال الكردستاني بأنه: whom he described, not who
            if cue.lemma == "اتهم" and how in ("", "cue"):
                if vso is None and _plural_accuser(doc, cue, a):
                    span = (toks[a].start, toks[a].end)  # واتهم الانفصاليون | الحكومة بإجهاض
                    vso = SpeakerInfo(toks[a].text, "OTHER", None, span, cue.gender, True)
                if (
                    _charge_at(doc, cue, _speaker_end_token(doc, vso, a))
                    if vso is not None
                    else _accused_start(doc, cue, a) is not None
                ):
                    vso = None  # واتهم المتمردين بمواصلة: the accused, the speaker implied
                    accusation = True
            if pv is not None and toks[cue.ti - 1].norm == "قد":
                vso = None  # وكان مارتينو قد صرح بعد هزيمة "التانجو": the subject came first
            if pv is not None and cue.lemma == "اتهم":
                vso = None  # وكان إردوغان اتهم بكين: the accused follows the accuser
            sp = vso if vso is not None else pv
            sp = kin_of_named(doc, sp) if sp is not None else None
            after_verb = vso
            owner = _statement_owner(doc, cue) if vso is None else None
            if owner is not None:  # تصريحات للرئيس باراك اوباما أكد فيها أن
                sp = after_verb = owner
            if sp is pv and pv is not None:
                info.subject_start = pv_start
        if cue.lemma == "اقر" and (how != "comp" or toks[cstart - 2].norm == "علي"):
            info.deferred = True  # أقر تشكيل لجنة على أن، أقرت ملكية «…»: approved, not admitted
            continue
        if cue.lemma == "اجاب" and (
            how not in ("comp", "colon")
            or (cue.ti + 1 < len(toks) and toks[cue.ti + 1].norm in _ANSWERED)
        ):  # أجاب عليه 2000 شخص: a survey; أجاب الرجل "…" after a question: an interview line
            info.deferred = True
            continue
        if cue.lemma == "استبعد" and how != "comp" and sp is None and cue.form != "participle":
            info.deferred = True  # استبعدت نحو 12 ألف حيازة من "الزكاة": excluded, not ruled out
            continue
        if cue.lemma == "تمني" and how != "comp":
            info.deferred = True  # يتمنى المشاركة، متمنيا له التوفيق: a wish for, no statement
            continue
        if cue.lemma == "توقع" and cue.form == "participle" and (how != "comp" or b > cue.ti + 1):
            info.deferred = True  # نموا متوقعا: an adjective; متوقعا أن …: a report
            continue
        before = sp if after_verb is None and how in ("colon", "quote", "cue") else None
        if cue.lemma == "ادان" and _judicial(doc, sp):
            info.deferred = True  # وأدانت محكمة الجنايات المتهم: convicted, not condemned
            continue
        if cue.lemma == "اظهر":
            evidence = _evidence(doc, sp)
            if evidence is None:
                info.deferred = True  # أظهر اللاعب مستوى: a person shows, he does not report
                continue
            if evidence == "owned":  # وأظهرت نتائجه أن: the results of whoever spoke last
                sp = after_verb = None
        if cue.lemma in _WRITING and not _named_writer(doc, cue, after_verb, before):
            info.deferred = True  # كتب عليه، كتب التراث: no one named writes
            continue
        if how == "comp" and _prep_object_first(doc, cue, after_verb, cstart):
            how = ""  # وأشار التقرير إلى اعتماد الكويت … إذ إن: the content starts after إلى
            info.prep_first = True
        info.region_text = " ".join(t.norm for t in toks[cue.ti : max(b, cue.ti + 1)])
        if sp is not None and sp.label == "OTHER" and sp.name in _STATEMENTS:
            sp = _statement_issuer(state) or sp  # وأضاف البيان: who issued the statement
        if sp is not None and cue.lemma in _GOING_ON and _unnamed_title(sp):
            sp = _titled_previous_speaker(sp, state) or sp
        explicit = sp is not None
        if sp is None:
            # impersonal يذكر أن / يتوقع أن, and ambiguous bare words, need a named subject
            bare = cue.lemma in _NEED_SUBJECT and how not in ("colon", "quote") and not accusation
            bare = bare and not (how == "comp" and b == cue.ti + 1)  # وبين أنه: the verb
            present = how == "comp" and b == cue.ti + 1 and _goes_on_in_present(doc, cue)
            if (cue.form == "imperfect" and how != "colon" and not present) or (
                bare and cue.form == "verb"
            ):
                info.deferred = True
                continue
            sp = _implied(doc, info, infos, state, titles)
        if cue.lemma == "قال" and (divine := _divine_speaker(doc, cue)) is not None:
            sp, explicit = divine, False  # قال تعالى: a verse, not a speaker to go on with
        info.speaker = sp
        if sp is not None and (explicit or _named_in_sentence(doc, info, sp)):
            state.history.append((sp, info.region_text))
        if info.deferred:
            continue
        found[info.cue.ti] = (b, cstart, how, explicit)
        info.active = (
            how in ("comp", "colon", "quote")
            or (cue.form == "verb" and explicit and _reports(doc, cue, sp))
            or (cue.lemma in PREP_OBJECT and cue.form != "imperfect")
            or _participle_object(doc, cue) is not None
            or (cue.lemma in DIRECT_OBJECT and _implied_subject_object(doc, cue) is not None)
        )
    active = {ti: i for ti, i in by_token.items() if i.active}
    # pass 2: content extents (later cues' subjects are known now)
    for info in infos:
        if info.cue.ti not in found:
            continue
        cue = info.cue
        b, cstart, how, explicit = found[cue.ti]
        if how == "quote":
            info.quote_attached = True
        elif how in ("comp", "colon"):
            start = toks[cstart].start if cstart < len(toks) else len(doc.text)
            relayed = info.speaker is None or not _news_outlet(info.speaker)
            info.content = (start, _content_end(doc, cstart, active, relayed))
            info.content_kind = how
        elif cue.lemma in STRICT_LEMMAS and not _object_without_an(cue):
            continue
        else:
            _other_content(doc, info, b, explicit, active)
        if info.content is not None:
            info.raw_start = info.content[0]
            s = _trim_start(doc, info.content[0], info.content[1])
            info.content = (s, info.content[1]) if info.content[1] > s else None
    return infos


_IF = frozenset({"اذا", "لو", "فاذا", "واذا", "ولو"})


def _conditional(doc: Doc, ti: int) -> bool:
    """A verb right after "if" (إذا، لو، or إن written with its hamza below)."""
    if ti == 0:
        return False
    before = doc.tokens[ti - 1]
    return before.norm in _IF or before.text in ("إن", "فإن", "وإن")


def _own_speech(doc: Doc, k: int) -> bool:
    """Token ``k`` is a noun with a possessive pronoun and no name (حديثه، كلمتها، تعليقهم)."""
    t = doc.tokens[k]
    return t.is_word and t.text.endswith(("ه", "ها", "هم")) and doc.tok_mention[k] < 0


def _named_in_sentence(doc: Doc, info: CueInfo, sp: SpeakerInfo) -> bool:
    """Whether an implied speaker is the subject named earlier in the cue's own sentence (قلل
    حسن نصر الله من أهمية القرار، معتبرا أنه …): a speaker the next implied cue goes on with."""
    if info.inside_quote:
        return False
    sent_start = doc.sentences[info.sentence][0]
    if sp.mention is None:  # علقت صحيفة "لوفيجارو" …، مؤكدة: a name the tagger missed
        return sp.label in ("PER", "ORG") and sp.name in doc.text[sent_start : info.cue.start]
    return sent_start <= doc.mentions[sp.mention].start < info.cue.start


_DIVINE_EPITHETS = frozenset({"تعالي", "سبحانه", "تبارك", "عز"})


def _divine_speaker(doc: Doc, cue: Cue) -> SpeakerInfo | None:
    """God as the speaker when an epithet follows the cue (قال تعالى، بقوله سبحانه، قول الله عز
    وجل، قول الحق تبارك): the verse is quoted, not the writer's or the preacher's words; the
    Prophet when the blessing on him follows it (قال صلى الله عليه وسلم، وقال عليه الصلاة
    والسلام، قال النبي صلى الله عليه وسلم) or he is named (قال رسول الله): the hadith is his,
    and no other quote goes on with him."""
    toks = doc.tokens
    k = cue.ti + 1
    named = next((p for p in _PROPHET if tuple(t.norm for t in toks[k : k + len(p)]) == p), ())
    j = k + len(named)  # قال رسول الله | صلى الله عليه وسلم
    blessing = next((n for n in (4, 3) if tuple(t.norm for t in toks[j : j + n]) in _BLESSINGS), 0)
    if blessing or named == _PROPHET[0]:  # رسول الله needs no blessing; النبي alone may be another
        end = toks[j + blessing - 1].end if blessing else toks[j - 1].end
        return SpeakerInfo("رسول الله", "PER", None, (toks[k].start, end), "m", False)
    if k < len(toks) and toks[k].norm in ("الله", "الحق", "المولي"):
        k += 1
    if k >= len(toks) or toks[k].norm not in _DIVINE_EPITHETS:
        return None
    return SpeakerInfo("الله", "OTHER", None, (toks[cue.ti + 1].start, toks[k].end), "m", True)


# The blessing on the Prophet right after a verb of saying (صلى الله عليه وسلم), and how he is
# named before it (قال رسول الله، قال النبي صلى الله عليه وسلم).
_BLESSINGS = frozenset({("صلي", "الله", "عليه", "وسلم"), ("عليه", "الصلاه", "والسلام")})
_PROPHET = (("رسول", "الله"), ("النبي",), ("الرسول",), ("المصطفي",))


def _from_source(doc: Doc, cue: Cue) -> bool:
    """عن within a few words after نقل (ونقلت الوكالة عن مصدر): passing on what someone said."""
    return any(t.norm == "عن" for t in doc.tokens[cue.ti + 1 : cue.ti + 8])


_COURTS = frozenset("محكمه المحكمه محاكم المحاكم القضاء القاضي قاضي المحلفين النيابه".split())


def _judicial(doc: Doc, sp: SpeakerInfo | None) -> bool:
    """The subject is a court, a judge or a jury, whose أدان is a conviction."""
    if sp is None:
        return False
    words = norm(doc.text[sp.span[0] : sp.span[1]] if sp.span else sp.name).split()
    return any(strip_article_proclitic(w) in _COURTS for w in words[:3])


def _evidence(doc: Doc, sp: SpeakerInfo | None) -> str | None:
    """Whether the subject is a study, data or a survey: "named" (دراسة حديثة، البيانات الصادرة
    عن الوزارة), "owned" with a possessive pronoun (نتائجه: someone's results) or None."""
    if sp is None or sp.span is None:
        return None
    first = strip_article_proclitic(norm(doc.text[sp.span[0] : sp.span[1]]).split()[0])
    first = first.removeprefix("ال")
    if first in _EVIDENCE:
        return "named"
    for suffix in ("ه", "ها", "هم"):
        if first.endswith(suffix) and first[: -len(suffix)] in _EVIDENCE:
            return "owned"
    return None


def _named_writer(
    doc: Doc, cue: Cue, subject: SpeakerInfo | None, before: SpeakerInfo | None
) -> bool:
    """كتب and غرد report only as a clause's verb with a named person or body, or a title, after
    it (وكتب ترامب على تويتر "…"), or before it when a colon or quote follows (الوزير فلان
    كتب: «…»); otherwise it is books (كتب التراث) or an inscription (كتب عليه)."""

    def named(sp: SpeakerInfo | None) -> bool:
        return (
            sp is not None
            and sp.mention is not None
            and doc.mentions[sp.mention].label in ("PER", "ORG")
        )

    if cue.form != "verb":
        return False
    titled = _titled(doc, subject)  # وكتب حاكم دبي إلى جانب الصورة، أنها
    return (_opens_clause(doc, cue) and (named(subject) or titled)) or named(before)


def _accused(doc: Doc, cue: Cue, np: SpeakerInfo, cstart: int) -> bool:
    """The noun phrase after اتهم is its object when only ب-أن follows it, or a short phrase
    joined by و (اتهم حزب العمال وتنظيم "داعش" بأن …); another noun phrase would be the object
    (اتهم الرئيس الحزب بأن)."""
    comp = cstart - 1
    if cue.lemma != "اتهم" or cue.form != "verb" or np.span is None:
        return False
    if not doc.tokens[comp].norm.startswith("ب"):
        return False
    k = _next_word(doc, doc.token_at(np.span[1]), comp)
    return k == comp or (doc.tokens[k].norm.startswith("و") and comp - k <= 5)


_CHARGE_WORDS = 6  # words of the accused before the charge: منظمة … المتمردين الحوثيين | بارتكاب


def _charge_at(doc: Doc, cue: Cue, k: int) -> bool:
    """Token ``k`` (after the verb اتهم and what follows it) is the charge: a word in ب that is
    a verbal noun or a noun with the article (بارتكاب، بمواصلة، بالتقصير), no name."""
    toks = doc.tokens
    if cue.lemma != "اتهم" or cue.form != "verb" or k >= len(toks) or not toks[k].is_word:
        return False
    w = toks[k].norm
    return (
        w.startswith("ب")
        and len(w) >= 5
        and w not in _SHORT_B_WORDS
        and w[1:] not in PREPOSITIONS
        and doc.mention_at(k) is None
        and doc.tok_sent[k] == doc.tok_sent[cue.ti]
    )


def _object_without_an(cue: Cue) -> bool:
    """A cue that needs أن as a rule but may report its object (دعا إلى، اتهم الحكومة
    بإجهاض، مستبعدين إمكان التوصل)."""
    return (
        cue.lemma in PREP_OBJECT
        or cue.lemma == "اتهم"
        or (cue.form == "participle" and cue.lemma in _OBJECT_PARTICIPLES)
    )


def _plural_accuser(doc: Doc, cue: Cue, a: int) -> bool:
    """Token ``a`` after اتهم is a definite plural in ون, the nominative (الانفصاليون), with
    the accused and the charge after it: the subject, not the accused."""
    toks = doc.tokens
    if a >= len(toks) or doc.mention_at(a) is not None:
        return False
    w = toks[a].norm
    return w.startswith("ال") and w.endswith("ون") and _accused_start(doc, cue, a + 1) is not None


def _accused_start(doc: Doc, cue: Cue, a: int) -> int | None:
    """Where the statement of اتهم starts when no أن follows: at the accused, which starts at
    token ``a`` (after the subject) and runs, unpunctuated, to the charge (اتهمت منظمة «هيومن
    رايتس ووتش» | المتمردين الحوثيين بارتكاب جرائم حرب); None when there is no accused (واتهمت
    بالقسوة، واتهم كثيراً بالضعف: a passive) or no charge. In the read gold batches 4 of 6
    such accusations are quoted."""
    toks = doc.tokens
    a = _next_word(doc, a, len(toks), ADVERBS | _RESUMPTIVE)  # اتهموا فيها | حكومة كييف
    if a >= len(toks) or _charge_at(doc, cue, a) or doc.tok_sent[a] != doc.tok_sent[cue.ti]:
        return None
    if toks[a].text.endswith(("اً", "ًا")):
        return None  # واتهم كثيراً بالضعف: a passive and its adverb
    for k in range(a + 1, min(len(toks), a + _CHARGE_WORDS + 1)):
        if _charge_at(doc, cue, k):
            return a
        if not toks[k].is_word and toks[k].text not in QUOTE_CHARS:
            return None
    return None


def _prep_object_first(doc: Doc, cue: Cue, subject: SpeakerInfo | None, cstart: int) -> bool:
    """Whether the cue's own preposition (أشار إلى، كشف عن), right after the verb or its named
    subject, opens content that the أن whose clause starts at token ``cstart`` only continues:
    then the content starts after the preposition (ولفت إلى تزامن النهج … لكن مع فارق أن).
    Not for a noun that takes the أن (إلى أهمية أن، عن أمله أن), a demonstrative (أشار إلى
    ذلك فلان) or another reporting word before the أن (إلى ما قاله يونكر … إن)."""
    preps = PREP_OBJECT.get(cue.lemma, ())
    if cue.form not in ("verb", "participle") or cue.lemma in _FEELING_CUES:
        return False
    toks = doc.tokens
    k = _next_word(doc, _speaker_end_token(doc, subject, cue.ti + 1), cstart)
    if subject is None and k + 1 < cstart and toks[k + 1].norm in preps:
        k += 1  # وأشار التقرير إلى: a one-word subject the speaker rules did not take
    elif cue.lemma in _OBJECT_BEFORE_PREPOSITION and toks[k].norm not in preps:
        # ودعت الوزارة مزودي خدمات الإنترنت إلى حجب …: the addressee, then the preposition
        k = next(
            (j for j in range(k + 1, min(k + 5, cstart)) if toks[j].norm in preps),
            k,
        )
        if not all(t.is_word for t in toks[cue.ti : k]):
            return False
    attached = "ب" in preps and toks[k].norm.startswith("ب") and len(toks[k].norm) > 3
    attached = attached and not toks[cstart - 1].norm.startswith("ب")  # not before its بأن
    if k + 2 >= cstart - 1 or (toks[k].norm not in preps and not attached):
        return False  # (تعهدت بمفاوضات سريعة … من المتوقع أن: the ب object first)
    nxt = toks[k + 1].norm
    return (
        nxt not in _ADVERBIAL_NOUNS
        and nxt not in _DEMONSTRATIVES
        and not any(cue_form(t.norm) is not None for t in toks[k + 1 : cstart - 1])
    )


_ISSUED_BY = frozenset("الصادر الصادره صادر صادره".split())


def _own_preposition(doc: Doc, cue: Cue, a: int, b: int, words: int = 4) -> int | None:
    """Token of the verb's own preposition within a subject of up to ``words`` words starting
    at token ``a`` (وقد أشار الجاحظ أيضا | إلى، أعلنت مصادر إيرانية | عن); None for verbs whose
    object comes there (ودعا الأمة الإسلامية إلى)."""
    preps = PREP_OBJECT.get(cue.lemma, ())
    if cue.form != "verb" or not preps or cue.lemma in _OBJECT_BEFORE_PREPOSITION:
        return None
    toks = doc.tokens
    return next((k for k in range(a + 1, min(b, a + 1 + words)) if toks[k].norm in preps), None)


def _subject_before_own_preposition(
    doc: Doc, cue: Cue, a: int, b: int, found: SpeakerInfo, titles: list[TitleEntry]
) -> SpeakerInfo | None:
    """The subject up to the verb's own preposition when the name ``found`` lies past it
    (أعلنت مصادر إيرانية عن هروب … أحمدي نجاد: the sources); not after "issued" (الأرقام
    الصادرة عن هيئة الإحصاءات: the issuer)."""
    if found.mention is None:
        return found
    own = _own_preposition(doc, cue, a, b)
    if own is None or doc.tokens[own - 1].norm in _ISSUED_BY:
        return found
    if doc.mentions[found.mention].start <= doc.tokens[own].start:
        return found
    return np_speaker(doc, a, own, cue.gender, titles)


def _subject_before_preposition(
    doc: Doc, cue: Cue, a: int, b: int, titles: list[TitleEntry]
) -> SpeakerInfo | None:
    """The short untagged subject between a verb and its own preposition (وقد أشار الجاحظ
    أيضا إلى، أعلنت شركة إنشاء عن), read as the noun phrase up to that preposition; not for
    verbs whose object comes there (ودعا الأمة الإسلامية إلى، حذر المواطنين من)."""
    toks = doc.tokens
    if cue.ti > 0 and toks[cue.ti].start == cue.start and toks[cue.ti - 1].norm in PREPOSITIONS:
        return None  # على كشف المستور عن، إلى لفت انتباه العالم إلى: a verbal noun
    p = _own_preposition(doc, cue, a, b)
    if p is None:
        return _definite_subject_before_preposition(doc, cue, a, b)
    while p > a and toks[p - 1].norm in ADVERBS:
        p -= 1
    return np_speaker(doc, a, p, cue.gender, titles) if p > a else None


def _definite_subject_before_preposition(doc: Doc, cue: Cue, a: int, b: int) -> SpeakerInfo | None:
    """A study, report or source named by its noun as the subject of a verb whose own
    preposition comes later, past a relative clause or a place (وأشارت الدراسة التي أجريت في
    المملكة | إلى أهمية …), as before أن."""
    head = doc.tokens[a].norm if a < len(doc.tokens) else ""
    if not head.startswith("ال") or not (head[2:] in _EVIDENCE or head in SOURCE_NOUNS):
        return None
    p = _own_preposition(doc, cue, a, b, _SUBJECT_BEFORE_PREPOSITION_WORDS)
    return None if p is None else _definite_subject(doc, a, p, cue.gender)


def _statement_object(doc: Doc, k: int, cue: Cue, sp: SpeakerInfo) -> int:
    """Where the content starts when a verb takes what was stated as its object right after a
    named subject (أكدت المؤسسة انتظام الرحلات، أعلنت الوزارة القبض على …), or after على (أكد
    الوزير على ضرورة …، شدد الأمير على …; also past an apposition: أكد الدكتور فلان أستاذ
    الدراسات على أهمية …); past an addressee (لـ"الوطن"). ``len(tokens)`` when the subject is
    not a name, title or source, or the next word cannot start a statement: a preposition or a
    word with one, a relative, a name, a title, a number, another cue."""
    toks = doc.tokens
    n = len(toks)
    head = norm(doc.text[sp.span[0] : sp.span[1]]).split()[:1] if sp.span else [""]
    named = sp.mention is not None or sp.label in ("PER", "ORG")
    named = named or is_title_word(head[0]) or head[0] in SOURCE_NOUNS
    named = named or head[0] in ORG_HEADS  # وأكدت الوزارة عدم، أعلن الائتلاف الوطني السوري
    if cue.form != "verb" or not named:
        return n
    while k < n and toks[k].text in "ـ،," + QUOTE_CHARS:
        k += 1  # استنكر الأمين العام …، | بشدة تصريحات
    if k < n and toks[k].norm in ("بشده", "وبشده"):
        k += 1  # أدانت الأمانة العامة لهيئة كبار العلماء وبشدة | العمل الإجرامي
    place = _place_at(doc, k + 1) if k + 1 < n and toks[k].norm in ("في", "فى") else None
    if place is not None:  # مصادر في الجيش | في محافظة تعز | لـ«عكاظ»: a place, then whom to
        j = doc.token_at(place.end)
        if j < n and toks[j].norm in ("ل", "لل"):
            k = j
        elif _starts_statement(doc, j):
            k = j  # أعلن المصرف المركزي في الإمارات | ارتفاع …
    if k < n and (toks[k].norm in ("ل", "لل") or (toks[k].norm[:1] == "ل" and doc.mention_at(k))):
        k += 1
        while k < n and (not toks[k].is_word or doc.mention_at(k) is not None):
            k += 1
    if k < n and toks[k].norm in AFFILIATED:  # قناة آزال | الموالية للرئيس … صالح، تعرض
        k = next((j for j in range(k + 1, min(n, k + 12)) if toks[j].text in "،,"), k)
    # أكد متعاملون في قطاع التأمين، ارتفاع …؛ أعلنت وزارة الصحة، الخميس، ارتفاع …
    k = _past_time_and_commas(doc, k)
    if k + 3 < n and toks[k].norm in ("في", "خلال"):
        if toks[k + 1].norm in _OCCASIONS and toks[k + 2].norm.startswith("ال"):
            k += 3  # أكد الحمزي في بداية الاجتماع التزام …: past the occasion
        elif toks[k + 1].norm in _OWN_OCCASIONS or toks[k + 1].norm in _MEETINGS:
            k += 2  # أكد الوزير خلال كلمته أهمية …، وأكد الصمعاني خلال اللقاء دعم …
        elif toks[k + 1].norm in _STATEMENT_NOUNS and toks[k + 2].norm in _OWN_PRONOUNS:
            k += 3  # وشدد المتحدث في تصريحات له اليوم على …
        k = _past_time_and_commas(doc, k)
    if k < n and is_title_word(toks[k].norm) and sp.mention is not None:
        # أكد رومنيجه الرئيس التنفيذي لنادي بايرن ميونيخ امس الخميس التوصل …: past the
        # apposed title and the time, when the title names a body and adverbs follow it
        j = title_run(doc, k, min(n, k + 8))
        while j < n and doc.mention_at(j) is not None:
            j += 1
        # … بايرن ميونيخ | بطل دوري ألمانيا لكرة القدم | امس الخميس: past a description
        later = next(
            (i for i in range(j, min(n, j + _DESCRIPTION_WORDS)) if toks[i].norm in ADVERBS), j
        )
        if all(_describes(doc, i) for i in range(j, later)):
            j = later
        if j > k + 1 and j < n and (toks[j].norm in ADVERBS or toks[j].text in "،,"):
            # أكد منير فخري عبد النور وزير الصناعة والتجارة المصري، | حرص الحكومة …
            k = _past_time_and_commas(doc, j)
    elif k < n and sp.mention is not None and is_nisba(toks[k].norm):
        # أعلن نادي مانشستر سيتي | الإنجليزي لكرة القدم | اليوم الجمعة تجديد …: past the
        # body's description when a time ends it
        later = next(
            (i for i in range(k, min(n, k + _DESCRIPTION_WORDS)) if toks[i].norm in ADVERBS), k
        )
        if later > k and all(_describes(doc, i) for i in range(k, later)):
            k = _past_time_and_commas(doc, later)
    if k < n and is_title_word(toks[k].norm) and cue.lemma in _ON_OBJECT:
        on = next((j for j in range(k + 1, min(n, k + 7)) if toks[j].norm == "علي"), None)
        if on is None or not all(t.is_word and doc.mention_at(t.i) is None for t in toks[k:on]):
            return n
        k = on
    if k < n and toks[k].norm == "علي" and cue.lemma in _ON_OBJECT:
        k += 1
    elif cue.lemma not in _DIRECT_STATEMENT:
        return n
    if (
        k + 1 < n
        and toks[k].norm in FEELING_NOUNS
        and _starts_statement(doc, k + 1)
        and not toks[k + 1].norm.startswith("ال")  # رفضهما القاطع لـ…: the feeling described
    ):
        k += 1  # أكد سعادته بنجاح المهرجان: the feeling's object (أعلن معارضته للاتفاق: all)
    return k if _starts_statement(doc, k) else n


_SPANS_OF_TIME = frozenset("يوم يومين ايام اسبوع اسبوعين اسابيع شهر شهرين اشهر ساعات".split())


def _past_time(doc: Doc, k: int) -> int:
    """Token after a time phrase at ``k`` (قبل يومين، منذ أسبوع، بعد ساعات), else ``k``."""
    toks = doc.tokens
    if k + 1 < len(toks) and toks[k].norm in ("قبل", "منذ", "بعد"):
        if toks[k + 1].norm in _SPANS_OF_TIME:
            return k + 2
    return k


def _mark_at(doc: Doc, k: int) -> bool:
    """Token ``k`` is a quotation mark."""
    return k < len(doc.tokens) and doc.tokens[k].text in QUOTE_CHARS


def _place_at(doc: Doc, k: int) -> Mention | None:
    """The place mention that starts at token ``k``, if any."""
    m = doc.mention_at(k)
    return m if m is not None and m.label == "LOC" and m.start == doc.tokens[k].start else None


def _describes(doc: Doc, i: int) -> bool:
    """Token ``i`` may belong to a description apposed to a title (بطل دوري ألمانيا لكرة القدم):
    a word that is no cue, complementizer, preposition or adverb."""
    t = doc.tokens[i]
    w = t.norm
    return t.is_word and not (
        cue_form(w) is not None or w in COMPLEMENTIZERS or w in PREPOSITIONS or w in ADVERBS
    )


def _implied_subject_object(doc: Doc, cue: Cue) -> int | None:
    """Content start when a past verb that opens its clause takes what was stated as its object
    with no subject of its own (ونفى وجود أي صفقة، وأكد دعم مسار …): the object is an
    indefinite noun right after the verb, not one shaped like a participle that may be the
    untagged subject (وأكدت مذيعة القناة، وأكد مختصو الأرصاد), or whatever may open a statement
    after على (وشدد على حرص المملكة); None otherwise."""
    k = cue.ti + 1
    resumptive = _resumptive_after(doc, cue.ti)
    if resumptive:
        k += 1  # أكد خلالها | ضرورة …: the statement's, not a place
    # … على خامنئي أكد فيها وقوف …: after its owner's name, the verb of a statement noun
    opens = resumptive or _opens_clause(doc, cue)
    if cue.form != "verb" or not opens:
        return None
    if cue.lemma in _ON_OBJECT and k < len(doc.tokens) and doc.tokens[k].norm == "علي":
        return k + 1 if _starts_statement(doc, k + 1) else None  # وشدد على حرص المملكة …
    if not _starts_statement(doc, k):
        return None
    w = doc.tokens[k].norm
    return None if w.startswith(("ال", "وال", "م")) or w.endswith("و") else k


def _starts_statement(doc: Doc, k: int) -> bool:
    """Whether token ``k`` can open a statement taken as an object: not a preposition or a
    word with one, a relative, a name, a title, a number or another cue."""
    toks = doc.tokens
    if k >= len(toks) or not toks[k].is_word:
        return False
    w = toks[k].norm
    return not (
        w in PREPOSITIONS
        or w in _NOT_OBJECTS
        or w.startswith(("لل", "بال"))
        or (w[:1] == "ل" and w.endswith(("ه", "ها", "هم")))  # لنظيره: an addressee
        or w in ADVERBS
        or w in COMPLEMENTIZERS
        or w in _RELATIVES
        or w in TITLE_CONTINUATIONS
        or w.isdigit()
        or doc.mention_at(k) is not None
        or is_title_word(w)
        or cue_form(w) is not None
    )


# لكنه انتقد بسبب …: passive, a cause follows; مستنكرا فيما بعد: an adjective
_NOT_OBJECTS = frozenset({"بسبب", "جراء", "لان", "لانه", "لانها", "فيما", "حيث"})
_ALSO = frozenset({"ايضا", "كذلك"})
_BECOMING = frozenset("بات اصبح صار بدا يبدو كان ليس امرا".split())


def _participle_object(doc: Doc, cue: Cue) -> int | None:
    """Content start of a participle's object: مستغربا صدورها …, or after على in مؤكدا /
    مشددا على ضرورة …; None otherwise."""
    toks = doc.tokens
    k = cue.ti + 1
    if cue.form == "participle" and cue.lemma in _OBJECT_PARTICIPLES:
        return k if _starts_statement(doc, k) else None
    if cue.form != "participle" or cue.lemma not in _ON_OBJECT:
        return None
    prev = toks[cue.ti - 1].norm if cue.ti > 0 and toks[cue.ti - 1].is_word else ""
    if prev.endswith("ا" if cue.gender == "m" else ("ه", "ات")):
        return None  # طوقا مشددا على، رقابة مشددة على: an adjective, not a report
    while k + 1 < len(toks) and toks[k].norm in _ALSO:
        k += 1  # مشددا أيضا على أهمية
    if k + 1 >= len(toks):
        return None
    if toks[k].norm != "علي":
        # مؤكدا إيمانه بقضاء الله، مؤكدة مقتل العشرات: what was stated as its object; without
        # a comma only in the masculine accusative, not after a state verb (بات مؤكدا)
        after_comma = cue.ti > 0 and toks[cue.ti - 1].text in "،,"
        after_clause = (
            toks[cue.ti].text.rstrip("ًٌٍ").endswith("ا")  # مؤكدا: a state; مؤكدة may describe
            and bool(prev)
            and prev not in _BECOMING
            and doc.mention_at(cue.ti - 1) is None
        )
        return k if (after_comma or after_clause) and _starts_statement(doc, k) else None
    k += 1
    if k + 1 < len(toks) and toks[k].norm in FEELING_NOUNS:
        k += 1
    return k if _starts_statement(doc, k) else None


def _titled(doc: Doc, sp: SpeakerInfo | None) -> bool:
    """Whether ``sp`` is named by a title (وزير الخارجية الألماني)."""
    if sp is None or sp.span is None:
        return False
    words = norm(doc.text[sp.span[0] : sp.span[1]]).split()
    return bool(words) and is_title_word(words[0])


def _after_feeling(doc: Doc, k: int, cue: Cue, subject: SpeakerInfo | None) -> int | None:
    """Where the content of عبّر/أعرب عن starts when token ``k`` follows عن: after the feeling
    noun, an adjective or a second feeling joined by و, and في or من (عن سعادته البالغة
    بتسجيل هدف، عن مخاوفه من تسببهم، عن أمله في المرونة); at ``k`` when what follows عن is
    no feeling but can start a statement and the verb has a named ``subject`` or عن comes
    within two words (عبر وزير الخارجية عن حرص الحكومة، عبّر علنا عن شكوك; not the
    preposition in عبر استجواب المسؤولين عن أسباب); else None."""
    toks = doc.tokens
    n = len(toks)
    if k >= n:
        return None
    if toks[k].norm in _WISHES:
        return None  # أعرب الملك … عن أصدق التهاني: a greeting, not a statement
    if toks[k].norm in _INTENSIFIERS:  # عن بالغ قلقها إزاء …; عن بالغ أسف المجلس: no content
        k += 1
        if k >= n or toks[k].norm not in FEELING_NOUNS:
            return None
    if toks[k].norm not in FEELING_NOUNS:
        named = subject is not None and subject.mention is not None
        named = named and doc.mentions[subject.mention].label in ("PER", "ORG")  # not وعبرت هولندا
        named = named or _titled(doc, subject)  # عبر وزير الخارجية الألماني عن حرص الحكومة
        return k if (named or k <= cue.ti + 3) and _starts_statement(doc, k) else None
    k += 1
    w = toks[k].norm if k < n else ""
    if (w.startswith("ال") and doc.mention_at(k) is None) or w[1:] in FEELING_NOUNS:
        k += 1  # سعادته البالغة، سعادتها وسرورها
    if k + 1 < n and toks[k].norm in ("في", "فى", "من"):
        k += 1
    return k


def _adverbial_between(doc: Doc, a: int, b: int) -> bool:
    """Tokens ``a``..``b`` (exclusive) are one short في phrase without a name (معتبرا في الوقت
    نفسه أن، مؤكدا في تصريح صحفي أن): a participle's أن after it is still its own."""
    words = [t for t in doc.tokens[a:b] if t.is_word]
    return (
        len(words) == b - a <= 4
        and words[0].norm in ("في", "فى")
        and all(doc.mention_at(t.i) is None for t in words)
    )


def _goes_on_in_present(doc: Doc, cue: Cue) -> bool:
    """ويبين أن، فيرى أن، كما تشير إلى أن، ومضى يقول إنه: a present-tense cue joined to the story
    goes on with the person just quoted; not تبين أن (it turned out) or a bare verb after its
    subject."""
    t = doc.tokens[cue.ti]
    joined = cue.start < t.start or (t.norm[:1] in ("و", "ف") and t.norm not in CUE_FORMS)
    joined = joined or (cue.ti > 0 and doc.tokens[cue.ti - 1].norm in _WENT_ON)
    feminine_bayyana = cue.lemma == "بين" and cue.gender == "f"
    return joined and cue.lemma in _PRESENT_REPORTS and not feminine_bayyana


def _opens_clause(doc: Doc, cue: Cue) -> bool:
    """A cue that starts its clause: after punctuation, or with a conjunction or كما (ودعا إلى،
    كما أعلنت عن); not a verb inside a clause (أعمال الإرهابيين كشفت عن نواياهم)."""
    toks = doc.tokens
    t = toks[cue.ti]
    if cue.start < t.start or t.norm not in CUE_FORMS:  # كما أعلنت، ودعا
        return True
    if cue.ti > 0 and toks[cue.ti - 1].norm in _BUT_IT:
        return True  # لكنها نفت نشرها النص
    return cue.ti == 0 or not toks[cue.ti - 1].is_word


def _reports(doc: Doc, cue: Cue, sp: SpeakerInfo | None) -> bool:
    """Whether a verb cue with a subject but no أن, colon or quote still reports (and so ends
    earlier content): always for قال-like verbs; for verbs that are often something else
    (نقل، أبلغ، بين) only with a named or unnamed source as subject (واتهم عبد السلام، وتوقعت
    مصادر), not a common noun (نقل الحالات، إذا أبلغ الشرطة، بينه وبين)."""
    if cue.lemma not in STRICT_LEMMAS:
        return True
    if sp is None or cue.lemma == "بين":
        return False
    if sp.mention is not None:
        return doc.mentions[sp.mention].label in ("PER", "ORG")
    return sp.span is not None and norm(doc.text[sp.span[0] : sp.span[1]]).split()[0] in (
        SOURCE_NOUNS
    )


_REPORT_NOUNS = frozenset("تقرير التقرير بيان البيان دراسه الدراسه".split())


def _titled_or_reported(doc: Doc, ti: int) -> bool:
    """Token ``ti`` is a title (or a title's adjective) or a report noun."""
    toks = doc.tokens
    w = toks[ti].norm
    if is_title_word(w) or strip_proclitic(w) in _REPORT_NOUNS:
        return True
    return ti > 0 and w.startswith("ال") and is_title_word(toks[ti - 1].norm)


def _colon_after(doc: Doc, seg: Segment) -> bool:
    """A colon right after the segment's closing mark."""
    if seg.close_mark is None:
        return False
    return doc.text[seg.close_mark + 1 : seg.close_mark + 3].lstrip().startswith(":")


def _word_follows(doc: Doc, seg: Segment) -> bool:
    """A word, not punctuation, right after the segment's closing mark."""
    if seg.close_mark is None:
        return False
    k = doc.token_at(seg.close_mark + 1)
    return k < len(doc.tokens) and doc.tokens[k].is_word


def _named_by_adjective(adjective: str, noun: str) -> bool:
    """A naming noun and the definite nisba adjective right after it, before a marked name
    (الصحيفة المحلية «في إل تي»)."""
    bare = noun[2:] if noun.startswith("ال") else noun
    return (
        adjective.startswith("ال")
        and adjective.endswith(("يه", "ي"))
        and (noun in NAMING_NOUNS or bare in NAMING_NOUNS or strip_proclitic(noun) in NAMING_NOUNS)
    )


def _after_title(doc: Doc, k: int) -> bool:
    """Token ``k`` right after an initial's dot (د. بخاري), or after a title with the ب object
    still to come (الدكتور بخاري بضرورة): a name that starts with ب, not the verb's object."""
    toks = doc.tokens
    prev = toks[k - 1] if k > 0 else None
    if prev is None:
        return False
    if prev.text == ".":
        return k > 1 and len(toks[k - 2].norm) == 1
    nxt = toks[k + 1].norm if k + 1 < len(toks) else ""
    return prev.is_word and is_title_word(prev.norm) and nxt.startswith("ب") and len(nxt) > 3


_THAT = frozenset({"ذلك", "هذا"})
_BACKWARD_REPORTS = frozenset({"اوضح", "اكد", "ذكر", "كشف", "اعلن", "قال", "افاد", "بين"})


def _reports_what_came_before(doc: Doc, info: CueInfo) -> bool:
    """A verb opening its sentence with ذلك / هذا as its object (…الحمولة. أوضح ذلك مدير عام
    الجمرك فلان): what it reports is the sentence before, not what follows."""
    cue = info.cue
    toks = doc.tokens
    if cue.form != "verb" or cue.lemma not in _BACKWARD_REPORTS or info.sentence == 0:
        return False
    if cue.ti + 1 >= len(toks) or toks[cue.ti + 1].norm not in _THAT:
        return False
    return _first_word(doc, info.sentence, cue.ti) == cue.ti


def _past_adverbs(doc: Doc, k: int, most: int | None = None) -> int:
    """The token after the commas and times (at most ``most`` of them) that start at ``k``
    (اليوم الأحد، الخميس،)."""
    toks = doc.tokens
    end = len(toks) if most is None else min(len(toks), k + most)
    j = k
    while j < end and (toks[j].text in "،," or toks[j].norm in ADVERBS):
        j += 1
    return j


def _past_time_and_commas(doc: Doc, k: int) -> int:
    """The token after the commas and times that start at ``k`` (، الخميس، | ارتفاع; أكد
    المدير مخايش، | على أهمية), not past a comma before a phrase of على (، على الرغم من)."""
    toks = doc.tokens
    j = _past_adverbs(doc, k)
    phrase = j + 1 < len(toks) and toks[j].norm == "علي" and toks[j + 1].norm in _ALA_PHRASES
    return k if phrase and j > k and toks[j - 1].text in "،," else j


def _addressed_to(doc: Doc, cue: Cue) -> bool:
    """Whether دعا is followed by a common noun phrase and then إلى, with no comma, name or
    title between (ودعا المنشآت إلى، ودعت الراغبين إلى): whom it called on, not its subject
    (كما دعا برازاني إلى) nor another clause (ودّعت الجمهور …، عادت الفرقة إلى)."""
    toks = doc.tokens
    k = cue.ti + 1
    if k >= len(toks) or not toks[k].norm.startswith("ال"):
        return False
    for j in range(k, min(len(toks), k + _ADDRESSEE_WORDS + 1)):
        w = toks[j].norm
        if w in ("الي", "إلى", "الى"):
            return j > k
        if not toks[j].is_word or doc.mention_at(j) is not None or is_title_word(w):
            return False
        if w.startswith("لل"):  # ودعت الكلية الطلاب للحضور إلى مقر …: a purpose, then a place
            return False
    return False


def _felt(doc: Doc, k: int) -> bool:
    """Whether token ``k`` is a feeling with content after it (أمله، ارتياحه), not thanks."""
    return k < len(doc.tokens) and doc.tokens[k].norm in _CONTENT_FEELINGS


def _attached_b(word: str, preps: tuple[str, ...] | None) -> bool:
    """Whether ``word`` carries the verb's own ب (بمقاتلي، بضرورة), not a word that begins
    with ب (بين، بعد) or باسم."""
    return (
        "ب" in (preps or ())
        and word.startswith("ب")
        and (len(word) > 3 or (len(word) == 3 and word not in _SHORT_B_WORDS))
        and word != "باسم"
    )


def _other_content(
    doc: Doc, info: CueInfo, b: int, explicit: bool, by_token: dict[int, CueInfo]
) -> None:
    """Prepositional / direct-object / post-posed content for cues without أن or a colon."""
    toks = doc.tokens
    cue = info.cue
    sp = info.speaker
    d = cue.ti + 2  # واصفا إياه | بالعمل غير المقبول: how it was described
    if cue.lemma == "وصف" and cue.form == "participle" and d < len(toks):
        if toks[d - 1].norm in DETACHED_OBJECTS:
            if not any(t.text in QUOTE_CHARS for t in toks[d : d + 3]):  # else the marks
                info.content = (toks[d].start, _content_end(doc, d, by_token))
                info.content_kind = "prep"
            return
    if _reports_what_came_before(doc, info):
        if (
            explicit
            and sp is not None
            and not any(other.sentence == info.sentence - 1 for other in by_token.values())
        ):  # a cue in the sentence before reports it already
            sent_start, sent_end = doc.sentences[info.sentence - 1]
            start = _strip_conjunction(doc, _trim_start(doc, sent_start, sent_end))
            end = _trim_end(doc, sent_end, start)
            if end > start:
                info.content = (start, end)
                info.content_kind = "postposed"
        return
    after = _speaker_end_token(doc, sp if explicit else None, cue.ti + 1)
    preps = PREP_OBJECT.get(cue.lemma)
    nxt = _past_adverbs(doc, cue.ti + 1, most=3)  # وكشف الخميس، عن حزمة من البرامج
    right_after = (  # ودعا إلى …، وأشاد بمقاتلي المقاومة: the subject is implied
        nxt < len(toks)
        and (toks[nxt].norm in (preps or ()) or _attached_b(toks[nxt].norm, preps))
        and cue.lemma != "اعترف"  # فاعترف بالجريمة: the accused, not the one quoted before
        and (cue.lemma not in _FEELING_CUES or _felt(doc, cue.ti + 2))  # not وأعرب عن شكره
        and _opens_clause(doc, cue)
    )
    # وطالب الدول الغربية بمراجعة …، ودعا المنشآت إلى المسارعة …: the addressee, then what
    # was demanded (not لقي طالب)
    demand = cue.form == "verb" and _opens_clause(doc, cue)
    demand = demand and (cue.lemma == "طالب" or (cue.lemma == "دعا" and _addressed_to(doc, cue)))
    cited = cue.ti > 0 and toks[cue.ti - 1].norm == "ما"  # بحسب ما أفادت مصادر: the source
    if (
        preps
        and not cited
        and (
            explicit
            or right_after
            or demand
            or info.prep_first
            or cue.form in ("participle", "noun")
        )
    ):
        for k in range(after, min(b + 1, len(toks), cue.ti + _SCAN_LIMIT)):
            w = toks[k].norm
            if doc.tok_sent[k] != info.sentence:
                break
            if _attached_b(w, preps) and doc.mention_at(k) is None and not _after_title(doc, k):
                info.content = (toks[k].start, _content_end(doc, k, by_token))
                info.content_kind = "prep"
                return
            if w in preps or (w in ("الى", "إلى") and "الي" in preps):
                start = k + 1
                if cue.lemma in _FEELING_CUES:
                    start = _after_feeling(doc, start, cue, sp if explicit else None)
                    if start is None:
                        return
                if start < len(toks):
                    info.content = (toks[start].start, _content_end(doc, start, by_token))
                    info.content_kind = "prep"
                return
            if cue.lemma in _ADJACENT_OBJECT and not _set_off(toks[k]):
                return
        if cue.lemma not in DIRECT_OBJECT:
            return
    if cue.lemma == "اتهم":
        k = _accused_start(doc, cue, _speaker_end_token(doc, sp if explicit else None, cue.ti + 1))
        if k is not None:  # واتهم الانفصاليون الحكومة الأوكرانية بإجهاض الاجتماع
            info.content = (toks[k].start, _content_end(doc, k, by_token))
            info.content_kind = "object"
        return
    honorific = cue.ti + 1 < len(toks) and toks[cue.ti + 1].norm in HONORIFIC_PRONOUNS
    k = _participle_object(doc, cue)  # مشددا على ضرورة …
    if k is None and cue.lemma in _ON_OBJECT and honorific and sp is not None and sp.label == "PER":
        k = _statement_object(doc, cue.ti + 2, cue, sp)  # وشدد معاليه على …
    elif k is None and cue.lemma in DIRECT_OBJECT and explicit and sp and sp.span is not None:
        k = doc.token_at(sp.span[1])
        if sp.span[1] <= cue.start:  # المركز الإعلامي كان قد أعلن | قبل يومين، اعتماد …
            k = _past_time(doc, cue.ti + 1)
        while k < len(toks) and (
            toks[k].norm.startswith("وال")
            or toks[k].norm in ADVERBS
            or toks[k].norm in _SIDE_NOT_TIED  # الائتلاف الوطني السوري | المعارض
            or toks[k].text in QUOTE_CHARS  # شركة “فيسبوك” | الخميس
        ):
            k += 1
        if cue.lemma != "نفي":
            k = _statement_object(doc, k, cue, sp)
    elif k is None and cue.lemma in DIRECT_OBJECT and sp is not None:
        k = _implied_subject_object(doc, cue)  # the subject is implied or came before
    if k is not None and k < len(toks) and doc.tok_sent[k] == info.sentence:
        info.content = (toks[k].start, _content_end(doc, k, by_token))
        info.content_kind = "object"
        return
    if cue.start < toks[cue.ti].start and explicit and sp is not None and sp.span is not None:
        # «… كما قال المدير» : the content precedes the cue
        end_ti = doc.token_at(sp.span[1])
        sent_start, sent_end = doc.sentences[info.sentence]
        rest = [t for t in toks[end_ti:] if t.start < sent_end and t.is_word]
        after_comma = cue.ti > 1 and toks[cue.ti - 2].text in "،,"  # …، كما أعلنت الشرطة اليوم
        if len(rest) <= 2 or after_comma:
            start = _strip_conjunction(doc, _trim_start(doc, sent_start, cue.start))
            end = _trim_end(doc, cue.start, start)
            if end > start:
                info.content = (start, end)
                info.content_kind = "postposed"


# ---------------------------------------------------------------- assembling quotes
def _nearest_cue(
    doc: Doc, infos: list[CueInfo], sent: int, before: int, seg: tuple[int, int]
) -> CueInfo | None:
    """The last cue of the sentence before the marks at ``seg``, not one that describes a noun
    of an earlier cue's content (قال كيري إن الخطاب الذي ألقاه خامنئي وتوعد خلاله … «مزعج»)."""
    best = None
    for info in infos:
        c = info.cue
        if info.sentence != sent or c.end > before or c.form == "attribution" or info.deferred:
            continue
        if seg[0] <= c.start < seg[1]:
            continue
        if info.inside_quote and not (c.start < seg[0]):
            continue
        if best is not None and best.content is not None and _describes_noun(doc, info):
            if best.content[0] <= c.start < best.content[1]:
                continue
        best = info
    return best


def _describes_noun(doc: Doc, info: CueInfo) -> bool:
    """A cue followed by فيها / خلاله, joined to the words before it and with no أن: the verb of
    a relative clause on a statement noun (الخطاب الذي ألقاه خامنئي وتوعد خلاله بتحدي …), not
    one after a comma that goes on with the news (أجرى اتصالات، قال فيها: «…») or one that
    reports a clause (تصريحات لأوباما أكد فيها أن الحركة «ضعفت»)."""
    k = info.cue.ti
    toks = doc.tokens
    if not (0 < k < len(toks) - 2 and _resumptive_after(doc, k) and toks[k - 1].is_word):
        return False
    return toks[k + 2].norm not in COMPLEMENTIZERS


def _postposed_cue(doc: Doc, infos: list[CueInfo], close_mark: int) -> CueInfo | None:
    """«…»، قال الوزير : a cue right after the closing mark."""
    ti = doc.token_at(close_mark + 1)
    toks = doc.tokens
    while ti < len(toks) and toks[ti].text in "،,." + QUOTE_CHARS:
        ti += 1
    if ti < len(toks) and "\n" in doc.text[close_mark : toks[ti].start]:
        return None  # the next paragraph's cue has its own words
    for info in infos:
        if (
            info.cue.ti == ti
            and info.cue.form in ("verb", "imperfect")
            and info.speaker
            and info.speaker.span is not None
            and info.content is None
        ):
            return info
    return None


_LABEL_WORDS = 4  # at most this many words name whoever speaks in «Name: "…"»
_LABEL_STARTS = ".!؟?:\n\xa0" + QUOTE_CHARS


def _labelled_speaker(doc: Doc, anchor: int) -> SpeakerInfo | None:
    """The name that labels words in marks after a colon, alone between the end of the
    previous sentence, line or quote and the colon (readers' comments, interview lines: شهد
    حسن: "يا جماعة …"، Mohamed Abd Elmonem: "…"): a mention that covers it, or up to four
    words that are no place, cue, title, preposition, pronoun or number."""
    text = doc.text
    colon = text.rfind(":", 0, anchor)
    start = max(text.rfind(ch, 0, colon) for ch in _LABEL_STARTS) + 1
    label = text[start:colon].strip()
    if not label or len(label.split()) > _LABEL_WORDS:
        return None
    a = start + text[start:colon].index(label)
    span = (a, a + len(label))
    toks = doc.tokens[doc.token_at(span[0]) : doc.token_at(span[1])]
    if not toks or not all(t.is_word for t in toks):
        return None
    named = [doc.mention_at(t.i) for t in toks]
    if any(m is not None and m.label == "LOC" for m in named):
        return None  # طهران: «الشرق الأوسط»: a dateline
    m = named[0]
    if m is not None and m.start <= span[0] and m.end >= span[1]:
        return from_mention(doc, m, span, "m")
    first = toks[0].norm
    if first[:1] in ("و", "ف") and (len(toks) > 1 or first[1:2] in ("ي", "ت", "ن")):
        return None  # ويتابع: «…»، فردوا والخوف يملأ قلوبهم: «…»: a clause, not a name
    for t in toks:
        w = t.norm
        if (
            len(w) < 2
            or w.isdigit()
            or cue_form(w) is not None
            or is_title_word(w)
            or w in PREPOSITIONS
            or w in FUNCTION_WORDS
            or w in ADVERBS
            or w.startswith("ال")
            or (w[-1:] == "ه" and w[:-1] in PREPOSITIONS)
            or (w[-2:] == "ها" and w[:-2] in PREPOSITIONS)
        ):
            return None
    return SpeakerInfo(label, "PER", None, span, "m", True)


def detect_quotes(doc: Doc) -> list[Draft]:
    """Direct and indirect quotes of the article, with cues and speakers."""
    for seg in doc.segments:
        seg.name_like = is_name_like(doc, seg)
    candidates = [s for s in doc.segments if not s.name_like]
    titles = build_title_map(doc)
    cues = find_cues(doc)
    infos = analyse_cues(doc, cues, candidates, titles)
    drafts: list[Draft] = []
    # orphan closers: the quote opens where the cue's content starts
    orphan_spans: list[tuple[int, int, CueInfo]] = []
    for p in doc.orphan_closers:
        sent = doc.sentence_of_char(p)
        best = None
        for info in infos:
            if (
                info.sentence == sent
                and info.content is not None
                and info.content[0] < p
                and not info.deferred
            ):
                best = info
        if best is None or best.content is None:
            continue
        start = _trim_start(doc, best.content[0], p)
        end = _trim_end(doc, p, start)
        if end > start and not any(
            s.start < end
            and start < s.end
            and s.open_mark is not None
            and s.open_mark < best.raw_start
            for s in candidates
        ):
            orphan_spans.append((start, end, best))
    for start, end, info in orphan_spans:
        drafts.append(
            Draft(start, end, "direct", 0.7 if info.speaker else 0.4, info.cue, info.speaker)
        )
    for seg in candidates:
        if any(s <= seg.start and seg.end <= e for s, e, _ in orphan_spans):
            continue
        words = len(doc.text[seg.start : seg.end].split())
        anchor = seg.open_mark if seg.open_mark is not None else seg.start
        sent = doc.sentence_of_char(anchor)
        info = _nearest_cue(doc, infos, sent, anchor, (seg.start, seg.end))
        score = 0.9
        if info is None and seg.close_mark is not None:
            info = _postposed_cue(doc, infos, seg.close_mark)
        if (
            info is not None
            and info.content is not None
            and info.cue.start < anchor
            and seg.end <= info.content[0]
            and name_before_complementizer(doc, seg) is not None
        ):
            continue  # على "تداول"، أن …: the name on the way to the content
        if info is None:
            prev = doc.text[:anchor].rstrip()[-1:] if anchor > 0 else ""
            if words <= _SHORT_WORDS or prev != ":":
                continue
            label = _labelled_speaker(doc, anchor)  # شهد حسن: "يا جماعة …"
            drafts.append(Draft(seg.start, seg.end, "direct", 0.4, None, label))
            continue
        if words <= 2:
            score -= 0.15
        if info.speaker is None:
            score = 0.5
        elif not info.speaker.explicit:
            score -= 0.1
        end = seg.end
        if seg.close_mark is None:
            score -= 0.2
            end = _unclosed_end(doc, seg, infos)
            if end <= seg.start:  # "، داعيا …: a stray mark, nothing quoted
                continue
        drafts.append(Draft(seg.start, end, "direct", score, info.cue, info.speaker))
    covered: list[tuple[int, int]] = [(d.start, d.end) for d in drafts]
    for info in infos:
        if info.content is None or info.deferred:
            continue
        s, e = info.content
        c0 = info.cue.start
        inner = [d for d in drafts if d.start < e and s < d.end and not d.start <= c0 < d.end]
        names = info.content_kind == "prep" and bool(inner)
        names = names and all(d.cue is info.cue and _name_inside(doc, d, s) for d in inner)
        if names or _terms_in_marks(doc, inner, (s, e)):  # أن اختلاف "الخبز" لا يفسد "لطعمه"
            terms = {(d.start, d.end) for d in inner}
            drafts = [d for d in drafts if (d.start, d.end) not in terms]
            covered = [c for c in covered if c not in terms]
        elif inner:
            first = min(inner, key=lambda d: d.start)
            cut = _clause_before_quote(doc, s, e, first)
            if cut is not None:
                e = cut
            elif first.cue is info.cue and not _marks_inside_clause(doc, (s, e), first):
                continue  # أكد الأسد أن “الإرهاب يشكل عائقا” أمام الحل: the marked part only
        elif len(doc.text[s:e].split()) < 2:
            continue
        score = {"comp": 0.8, "colon": 0.75, "prep": 0.65, "object": 0.6, "postposed": 0.7}[
            info.content_kind
        ]
        if info.speaker is None:
            score = 0.35
        elif not info.speaker.explicit:
            score -= 0.1
        drafts.append(Draft(s, e, "indirect", score, info.cue, info.speaker))
        covered.append((s, e))
    stops = {i.cue.ti: i for i in infos if i.active and i.cue.form != "attribution"}
    for info in infos:
        if info.cue.form != "attribution":
            continue
        d = _attribution_quote(doc, info, covered, stops)
        if d is not None:
            drafts.append(d)
            covered.append((d.start, d.end))
    _fill_cataphora(doc, drafts, infos)
    drafts.sort(key=lambda d: (d.start, d.end))
    return drafts


def _clause_before_quote(doc: Doc, start: int, end: int, quote: Draft) -> int | None:
    """End of a whole reported clause of three or more words that a comma closes before the
    speaker's words in marks, which then end the sentence or the reported content ``[start,
    end)`` (فأكدت للصحيفة أن مور لم تكن في منزلها، «ولم يكن أي من أفراد العائلة في المكان»)."""
    tail = doc.text[quote.end : quote.end + 3].lstrip("".join(QUOTE_CHARS) + " ")
    if tail and tail[0] not in ".!؟?\n" and _words(doc, quote.end, end) > 0:
        return None
    head = doc.text[start : quote.start].rstrip().rstrip(QUOTE_CHARS).rstrip()
    if not head.endswith(("،", ",")) or len(head.split()) < 3:
        return None
    if any(ch in QUOTE_CHARS for ch in head):
        return None
    return _trim_end(doc, start + len(head), start)


def _marks_inside_clause(doc: Doc, content: tuple[int, int], quote: Draft) -> bool:
    """The speaker's words in marks sit inside a reported clause, after six words of it or more
    and before two or more: the clause is an indirect quote as a whole (وقال إن زوجاته يتعاملن
    مع بعضهن البعض وكأنهن “أخوات من نفس الرحم”، وفي حال حدث أي شجار …)."""
    before = _words(doc, content[0], quote.start)
    return before >= _CLAUSE_WORDS and _words(doc, quote.end, content[1]) >= 2


def _words(doc: Doc, start: int, end: int) -> int:
    """Words in ``[start, end)``, not counting marks and punctuation."""
    return sum(any(ch.isalnum() for ch in w) for w in doc.text[start:end].split())


def _attribution_speaker(doc: Doc, info: CueInfo) -> SpeakerInfo | None:
    """The source an attribution phrase cites; None when it cites none (وفق الشريعة)."""
    toks = doc.tokens
    src_ti = doc.token_at(info.cue.end)
    if src_ti < len(toks) and toks[src_ti].norm == "عن":
        src_ti += 1
    elif src_ti + 2 < len(toks) and toks[src_ti].norm in ("ما", "لما"):
        src_ti += 2  # وفقا لما أعلنته وزارة الصحة: the verb's subject is the source
    elif src_ti + 1 < len(toks) and cue_form(toks[src_ti].norm) is not None:
        src_ti += 1  # حسبما ذكر تقرير: the reporting verb's subject is the source
    return attribution_source(doc, src_ti, doc.sentences[info.sentence][1])


def _name_in_prep_object(doc: Doc, cue: Cue, opener: int) -> bool:
    """The cue's own preposition (أعلن عن، كشف عن) comes two words or more before the marked
    phrase at token ``opener``, and that phrase is short: a name inside the object."""
    preps = PREP_OBJECT.get(cue.lemma, ())
    toks = doc.tokens
    p = next((k for k in range(cue.ti + 1, opener) if toks[k].norm in preps), None)
    if p is None or opener - p < 3 or not all(t.is_word for t in toks[p:opener]):
        return False
    seg = next((g for g in doc.segments if g.open_mark == toks[opener].start), None)
    return seg is not None and len(doc.text[seg.start : seg.end].split()) <= _NAME_WORDS


def _name_inside(doc: Doc, d: Draft, start: int) -> bool:
    """A short marked draft two words or more into content that starts at ``start``."""
    text = doc.text
    return (
        len(text[d.start : d.end].split()) <= _NAME_WORDS
        and len(text[start : d.start].split()) >= 2
    )


def _terms_in_marks(doc: Doc, inner: list[Draft], content: tuple[int, int]) -> bool:
    """Reported content holding two or more marked phrases, each of one or two words, sets off
    terms, not the speaker's words: the content stands as one quote."""
    marked = [g for g in doc.segments if content[0] <= g.start and g.end <= content[1]]
    return (
        bool(inner)
        and len(marked) >= 2
        and all(len(doc.text[g.start : g.end].split()) <= 2 for g in marked)
        and all(d.kind == "direct" for d in inner)
    )


_OWN_WORDS = ("قول", "تصريح", "تعبير", "روايت", "افادت", "كلام", "حديث", "بيان", "راي")


def _cites(doc: Doc, cue: Cue) -> bool:
    """وفقا لشبكة سكاي، حسبما أورد: a phrase that cites someone the source rules do not know
    (لـ and an indefinite noun, or a reporting verb); not وفقا للقانون or حسب الخطة."""
    k = doc.token_at(cue.end)
    if k >= len(doc.tokens):
        return False
    w = doc.tokens[k].norm
    if cue.end > doc.tokens[cue.ti].end:
        return True
    if doc.tokens[k].text.endswith(("ه", "ها", "هم")) and not w[1:].startswith(_OWN_WORDS):
        return False  # وفقا لتصنيفها: its own classification, nobody cited
    return w[:1] == "ل" and not w.startswith("لل")


# Words before an opening attribution phrase (إلا أنه وفقا لتحليل …، فإن): the phrase still opens.
_OPENING_CONTRASTS = frozenset("الا انه لكن ولكن غير بيد".split())


def _attribution_quote(
    doc: Doc, info: CueInfo, covered: list[tuple[int, int]], stops: dict[int, CueInfo]
) -> Draft | None:
    """حسب / وفق / نقلا عن: the clause around the phrase, unless it is already a quote; a
    clause that the phrase opens ends at the next cue in ``stops``."""
    toks = doc.tokens
    cue = info.cue
    sent_start, sent_end = doc.sentences[info.sentence]
    sp = _attribution_speaker(doc, info)
    if sp is None or sp.span is None:
        return None
    after = [t for t in toks[doc.token_at(sp.span[1]) :] if t.start < sent_end and t.is_word]
    if len(after) > 2 and after[0].norm == "نقلا" and after[1].norm == "عن":
        # ووفقا لصحيفة «لوس انجلس تايمز» نقلا عن مكتب الطبيب الشرعي فإن: the office's words
        relay = _passed_on_from(doc, after[0].i, doc.token_at(sent_end), cue.gender, [])
        if relay is not None and relay.span is not None:
            sp = relay
            after = [t for t in after if t.start >= relay.span[1]]
    fa = next((n for n, t in enumerate(after[:4]) if t.norm == "فان"), None)
    if fa is not None and fa + 1 < len(after):  # وحسب مديرة الحفل رانيا الياس فإن …
        named = [doc.mention_at(t.i) for t in after[:fa]]
        person = next((m for m in named if m is not None and m.label in ("PER", "ORG")), None)
        if person is not None:
            sp = from_mention(doc, person, (sp.span[0], person.end), cue.gender)
        start = after[fa + 1].start
        end = _content_end(doc, after[fa + 1].i, {})
        if any(a < end and start < b for a, b in covered):
            return None
        return Draft(start, end, "indirect", 0.6, cue, sp)
    if _first_word(doc, info.sentence, cue.ti, _OPENING_CONTRASTS) == cue.ti and len(after) > 2:
        # وحسب التوقعات العالمية ستشهد أوروبا …: the phrase opens, the content follows the
        # source, or the comma or فإن that ends a longer source (وفقا لمعلومات من مصادر أمنية،)
        first = after[0].i
        ends = [t.i for t in after[:10] if t.norm in ("فان", "فانه", "فانها")]
        ends += [k for k in range(first, after[min(4, len(after) - 1)].i) if toks[k].text in "،,"]
        lead = [t for t in after if t.i < (min(ends) if ends else first + 1)]
        if any(cue_form(t.norm) is not None for t in lead):
            return None  # ووفقا لصحيفة مكة شدد السناني، على: the verb's own quote
        if ends and min(ends) + 1 < len(toks) and toks[min(ends)].start < sent_end:
            first = _next_word(doc, min(ends) + 1, len(toks), _RESULT_PARTICLES)
            lead_word = toks[first].norm if first < len(toks) else ""
            if lead_word in ("احد", "احدي") or is_title_word(lead_word):
                return None  # وفقا لتقديرات فلان، أحد أبرز الاقتصاديين: the source goes on
        elif sp.mention is None and toks[first - 1].is_word:
            sp = _unpunctuated_source(doc, sp, sp.span)
            first = _next_word(doc, doc.token_at(sp.span[1]), len(toks))
        else:
            first = _next_word(doc, first, len(toks), _RESULT_PARTICLES)  # الفرنسية، فقد
            if first < len(toks) and cue_form(toks[first].norm) is not None:
                return None  # وبحسب "رويترز"، فقد ذكر نجيب أن: the verb's own quote
        if (
            first >= len(toks)
            or toks[first].start >= sent_end
            or toks[first - 1].text in QUOTE_CHARS
        ):
            return None  # وحسب موقع "روسيا اليوم" الذي: the source goes on in marks
        start = toks[first].start
        end = _content_end(doc, first, stops)
        if end - start < 10 or any(a < end and start < b for a, b in covered):
            return None
        return Draft(start, end, "indirect", 0.6, cue, sp)
    start = _strip_conjunction(doc, _trim_start(doc, sent_start, cue.start))
    marked = _marks_closed_before(doc, cue.ti, start)
    if marked is not None:  # للاطلاع «مباشرة على نتائج النزاع» وفق بيان للأمم المتحدة
        if any(a < marked.end and marked.start < b for a, b in covered):
            return None
        return Draft(marked.start, marked.end, "direct", 0.7, cue, sp)
    if len([t for t in after if t.norm not in ADVERBS and t.norm != "يوم"]) <= 2:
        end = _trim_end(doc, cue.start, start)
        if cue.ti > 0 and toks[cue.ti - 1].norm in ("وذلك", "ذلك"):
            end = _trim_end(doc, toks[cue.ti - 1].start, start)  # …، وذلك بحسب
    else:
        end = _content_end(doc, doc.token_at(start), {})
        k = doc.token_at(sp.span[1])
        while k < len(toks) and toks[k].start < end:
            t = toks[k]
            if t.text in "،,؛" and k + 1 < len(toks):
                if toks[k + 1].norm in _RELATIVES:
                    end = _trim_end(doc, cue.start, start)  # بحسب ما أكد فان جال، الذي أشارت …
                    break
                if _next_clause_after(doc, k):
                    end = _trim_end(doc, t.start, start)
                    break
            k += 1
        if any(t.is_word for t in toks[doc.token_at(end) : cue.ti - 1]):
            return None  # …، وقالت مصادر قبلية إن …، وحسب مصدر: an earlier clause, not its own
        if end <= sp.span[1]:  # … بحسب مصادر عسكرية، أكدت أن: the words before the phrase
            end = _trim_end(doc, cue.start, start)
    if end - start < 10 or any(a < end and start < b for a, b in covered):
        return None
    return Draft(start, end, "indirect", 0.6, cue, sp)


def _marks_closed_before(doc: Doc, ti: int, start: int) -> Segment | None:
    """The words in marks, not a name, that close right before token ``ti`` (a comma may
    stand between) and open at ``start`` or after, not after a colon: what a following
    phrase attributes."""
    k = ti - 1
    if k >= 0 and doc.tokens[k].text in "،,":
        k -= 1
    if k < 0 or doc.tokens[k].text not in QUOTE_CHARS:
        return None
    close = doc.tokens[k].start
    seg = next((s for s in doc.segments if s.close_mark == close), None)
    if seg is None or seg.open_mark is None or seg.open_mark < start or seg.name_like:
        return None
    if doc.text[start : seg.open_mark].rstrip().endswith(":"):
        return None  # صرخات سعد ينادي أهالي قريته: «ساعدوني»: someone in the clause speaks
    return None if _words(doc, seg.start, seg.end) < 2 else seg


def _unpunctuated_source(doc: Doc, sp: SpeakerInfo, span: tuple[int, int]) -> SpeakerInfo:
    """An unnamed source at ``span`` that no comma ends keeps its head noun and the definite
    adjectives and genitives after it (وحسب التوقعات العالمية | ستشهد أوروبا)."""
    words = doc.tokens[doc.token_containing(span[0]) : doc.token_at(span[1])]
    if not words:
        return sp
    keep = 1
    definite = words[0].norm.startswith("ال")
    while keep < len(words) and definite and continues_source(words[keep].norm):
        keep += 1
    if keep == len(words):
        return sp  # التقرير السنوي لمركز الأبحاث: the whole source, its issuer resolved
    span = (span[0], words[keep - 1].end)
    return SpeakerInfo(
        source_name(doc.text[span[0] : span[1]]), sp.label, None, span, sp.gender, True
    )


def _fill_cataphora(doc: Doc, drafts: list[Draft], infos: list[CueInfo]) -> None:
    """An article opening with an implied speaker (أكد أن …) gets the first later named one."""
    for d in drafts:
        if d.speaker is not None or (d.cue is not None and d.cue.gender == "pl"):
            continue  # وأكدن، وأشاروا: a group, not the person named later
        later = [
            i.speaker
            for i in infos
            if i.cue.start > d.start
            and i.speaker is not None
            and i.speaker.explicit
            and i.speaker.label == "PER"
            and not (d.cue is not None and {d.cue.gender, i.cue.gender} == {"m", "f"})
        ]  # وقالت …: not the man named later
        if later:
            sp = later[0]
            d.speaker = SpeakerInfo(sp.name, sp.label, sp.mention, None, sp.gender, False)
            d.score = min(d.score, 0.4)
