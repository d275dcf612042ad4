"""Reporting cues: verbs (قال، أكد …), participles (مشيرا), nouns (قوله) and attribution phrases."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from models.attribution.document import Doc
from models.attribution.lexicon import (
    ATTRIBUTION_WORDS,
    COMPLEMENTIZERS,
    CUE_FORMS,
    DETACHED_OBJECTS,
    SOURCE_NOUNS,
    CueForm,
)
from models.attribution.normalize import QUOTE_CHARS, strip_article_proclitic

_STATEMENT_NOUNS = frozenset(
    "البيان بيان التقرير تقرير التقارير تقارير الرساله رساله نص النص التصريح تصريح القرار قرار "
    "الوثيقه وثيقه".split()
)
# بيّن (explained) only with a conjunction: bare بين is "between"
_BAYYANA = {"وبين": "m", "فبين": "m", "وبينت": "f", "فبينت": "f", "وبينوا": "pl"}
# Words before القول that make it impersonal (يمكن القول، من المبكر القول).
_IMPERSONAL = frozenset(
    """يمكن ويمكن يمكننا ويمكننا يمكنني ويمكنني نستطيع ونستطيع استطيع الممكن المبكر الصعب
    السهل المفيد الضروري يجب ويجب ينبغي يكفي ويكفي نافله خلاصه يبقي تريد ختام""".split()
)
_COPULAS = frozenset("ليس ليست يكن تكن يكون تكون كان كانت غير امرا بات باتت اصبح".split())
# Verbs whose past tense starts with a plain alif: with أ they are the first person (أعتبر).
_WASLA_VERBS = frozenset({"اقترح", "استغرب", "اعتبر", "اعترف", "استبعد", "استنكر", "انتقد"})
_OPENERS = frozenset("كما فيما بينما حيث قد وقد فقد لقد ثم".split())
_BETWEEN = frozenset("بين بينه بينها بينهم بينهما بيننا بينكم".split())
_WITHOUT = frozenset("عدم دون بدون ودون وبدون".split())  # before a verbal noun
_ATTRIB_VERBS = frozenset("نقلته نقلت اوردته اوردت ذكرته ذكرت افادت افاده اعلنته قاله".split())
# Rules, plans and schedules after وفقا / حسب (وفقا لجدول توقيتاتها، حسب القانون): the manner
# of an action, not a source.
_RULE_NOUNS = frozenset(
    """قانون نظام انظمه اتفاق اتفاقيه قرار قرارات خطه خطط معايير شروط احكام دستور ماده مبدا
    تعليمات لوايح لايحه اليه جدول ضوابط اجراءات برنامج عقد توجيهات مبادي""".split()
)


def _rule_noun(word: str) -> bool:
    """A rule or plan noun with or without ل / لل / ال (للقانون، لجدول، الخطة، للائحة)."""
    if word.startswith("لل") and "ل" + word[2:] in _RULE_NOUNS:
        return True  # لل + لائحة: the article's lam merged with the noun's
    return any(word.startswith(p) and word[len(p) :] in _RULE_NOUNS for p in ("", "ل", "لل", "ال"))


# وصف (described) and its forms with an object pronoun: a cue only before ب and a marked phrase
_DESCRIBE = {
    **{"وصف" + x: "m" for x in ("", "ه", "ها", "هم")},
    **{"وصفت" + x: "f" for x in ("", "ه", "ها", "هم")},
    **{"وصفو" + x: "pl" for x in ("ا", "ه", "ها", "هم")},
    **{"يصف" + x: "m" for x in ("", "ه", "ها", "هم")},
    **{"تصف" + x: "f" for x in ("", "ه", "ها", "هم")},
    **{"صنف" + x: "m" for x in ("ه", "ها", "هم")},
    **{"صنفت" + x: "f" for x in ("ه", "ها", "هم")},
    **{"واصفا": "m", "واصفه": "f", "واصفين": "pl"},
}
DESCRIBED_AS = frozenset({"ب", "بان", "بانه", "بانها", "بانهم"})
_RELATIVE_WORDS = frozenset("التي الذي الذين والتي والذي والذين".split())
_BEFORE_DESCRIBE = _RELATIVE_WORDS | frozenset("كما قد وقد فقد لقد".split())
# مفيدا / مفيدة are "useful" unless أن follows (، مفيدا بأن التحقيق جار).
_USEFUL = {"مفيدا": "m", "مفيده": "f"}
_CONCLUDING_REACH = 6  # words between اختتم and the colon that opens what was said
# Verbs of ending or going on (اختتم، أكمل) that report only before a colon or a mark.
_GOING_ON = frozenset({"اختتم", "اكمل"})
_AS_NOUN = frozenset({"وصف", "وصفه", "وصفها", "وصفهم"})  # also "(his) description"
# Renewing or repeating a stress (جدد التأكيد على أن، أعادت تأكيدها أن، مجددا التأكيد).
_RENEWING = {
    **dict.fromkeys(("جدد", "اعاد"), ("verb", "m")),
    **dict.fromkeys(("جددت", "اعادت"), ("verb", "f")),
    **dict.fromkeys(("جددوا", "اعادوا"), ("verb", "pl")),
    "مجددا": ("participle", "m"),
    "مجدده": ("participle", "f"),
    "معيدا": ("participle", "m"),
    "معيده": ("participle", "f"),
}
STRESSING = frozenset(
    {"التاكيد", "تاكيده", "تاكيدها", "تاكيدهم", "تاكيداته", "تاكيداتها", "تاكيداتهم"}
)
_RENEWING_REACH = 6  # words between جدد and التأكيد (its subject)


def with_object_pronoun(word: str) -> bool:
    """A form of وصف that carries its object (وصفه، وصفها، وصفهم)."""
    return word[-1:] in ("ه", "ا", "م")


def described_as(doc: Doc, i: int) -> CueForm | None:
    """وصفه بـ«الرجل الاستثنائي»، وصفته مصادر تركية بأنه «مهم جدا»: a form of وصف whose ب
    (بـ، بأنه، بأنها) comes within five words, right before a mark: the describer's words; its
    بأن outside a relative clause (ووصفها بأنها غير مسؤولة, not التي وصفتها بأنها الأخطر); or
    its participle with إياه before ب (واصفا إياه بالعمل غير المقبول)."""
    toks = doc.tokens
    w = toks[i].norm
    if w not in _DESCRIBE and w[:1] in ("و", "ف") and w[1:] in _DESCRIBE:
        w = w[1:]
    elif w in _AS_NOUN and i > 0 and toks[i - 1].is_word and doc.mention_at(i - 1) is None:
        if toks[i - 1].norm not in _BEFORE_DESCRIBE:
            return None  # استهجن المواطن وصف المقدم: the verbal noun, not the verb
    if w not in _DESCRIBE:
        return None
    form = "imperfect" if w[:1] in ("ي", "ت") else "participle" if w[:2] == "وا" else "verb"
    if form == "participle" and i + 2 < len(toks) and toks[i + 1].norm in DETACHED_OBJECTS:
        if toks[i + 2].norm.startswith("ب") and len(toks[i + 2].norm) > 3:
            return CueForm("وصف", form, _DESCRIBE[w])  # واصفا إياه بالعمل غير المقبول
    for k in range(i + 1, min(len(toks) - 1, i + 6)):
        if doc.tok_sent[k] != doc.tok_sent[i]:
            return None
        if toks[k].norm in DESCRIBED_AS:
            ok = toks[k + 1].text in QUOTE_CHARS
            if toks[k].norm != "ب" and (i == 0 or toks[i - 1].norm not in _RELATIVE_WORDS):
                # ووصف شتاينماير الأكراد بأنهم صوت سياسي: what he called them; not the passive
                # with nothing between (بحروق وصفت بأنها من الدرجة الثالثة)
                ok = ok or k > i + 1 or with_object_pronoun(w)
            return CueForm("وصف", form, _DESCRIBE[w]) if ok else None
    return None


def _second_between(doc: Doc, i: int) -> bool:
    """وبين after an earlier بين (بينه وبين النادي): the preposition again, not بيّن."""
    return any(
        doc.tokens[k].norm in _BETWEEN and doc.tok_sent[k] == doc.tok_sent[i]
        for k in range(max(0, i - 6), i)
    )


def _via(doc: Doc, i: int) -> bool:
    """Bare عبر inside a clause with no عن after it before what was said (غرد عبر حسابه،
    وقال فلان لـ(الجزيرة) عبر الهاتف ان … لا تعبر عن): the preposition, not عبّر عن (من
    جانبه عبر الوزير عن سعادته)."""
    toks = doc.tokens
    prev = toks[i - 1] if i > 0 else None
    if prev is None or prev.norm in _OPENERS:
        return False
    if not prev.is_word and prev.text not in QUOTE_CHARS + ")":  # «هشتاقاً» عبر موقع
        return False
    for k in range(i + 1, min(len(toks), i + 12)):
        if doc.tok_sent[k] != doc.tok_sent[i] or toks[k].norm in COMPLEMENTIZERS:
            return True
        if toks[k].norm == "عن":
            return False
    return True


def _named_next(doc: Doc, i: int) -> bool:
    """A name or a source right after the verb (وأعتبر الزيادي أنه: a misspelt past tense)."""
    k = i + 1
    return k < len(doc.tokens) and (
        doc.mention_at(k) is not None or doc.tokens[k].norm in SOURCE_NOUNS
    )


def _as_reported(doc: Doc, i: int) -> bool:
    """على ما + a reporting verb right after a comma: an attribution phrase (…، على ما نقلت
    وكالة إيسنا), not a preposition's object (يعتمد على ما ذكره)."""
    toks = doc.tokens
    if i == 0 or i + 2 >= len(toks) or toks[i - 1].text not in "،,":
        return False
    verb = toks[i + 2].norm
    form = cue_form(verb)
    return toks[i + 1].norm == "ما" and (
        verb in _ATTRIB_VERBS or (form is not None and form.form == "verb")
    )


def _opening_bayyana(doc: Doc, i: int) -> bool:
    """Bare بين opening a clause with أن within four words (بين تقرير حديث أن، …، بين أن):
    the verb بيّن, not the preposition."""
    toks = doc.tokens
    if i > 0 and toks[i - 1].is_word and doc.tok_sent[i - 1] == doc.tok_sent[i]:
        return False
    return any(
        toks[k].norm in COMPLEMENTIZERS and doc.tok_sent[k] == doc.tok_sent[i]
        for k in range(i + 1, min(len(toks), i + 5))
    )


@dataclass(slots=True)
class Cue:
    """One reporting cue in the text."""

    ti: int  # index of the main cue token
    start: int
    end: int
    lemma: str
    form: str  # verb | imperfect | participle | noun | attribution | statement
    gender: str  # m | f | pl


def _definite(doc: Doc, k: int) -> bool:
    """Token ``k`` is a definite noun, also after a preposition, or a name (العالم، للعالم،
    مصر)."""
    t = doc.tokens[k]
    definite = strip_article_proclitic(t.norm).startswith("ال")  # العالم، للعالم
    return t.is_word and (definite or doc.mention_at(k) is not None)


def _complementizer_next(doc: Doc, i: int) -> bool:
    """أن/إن (or بأن، إلى أن) right after token ``i``."""
    toks = doc.tokens
    k = i + 1
    if k < len(toks) and toks[k].norm == "الي":
        k += 1
    return k < len(toks) and toks[k].norm in COMPLEMENTIZERS


def _renewing_form(word: str) -> str | None:
    """The form of جدد or أعاد (renewed, repeated) that ``word`` is, past its conjunction."""
    if word not in _RENEWING and word[:1] in ("و", "ف"):
        word = word[1:]
    return word if word in _RENEWING else None


def renewing(word: str) -> bool:
    """جدد or أعاد (renewed, repeated), with or without a conjunction."""
    return _renewing_form(word) is not None


def renewed_stress(doc: Doc, i: int) -> CueForm | None:
    """جدد or أعاد at token ``i`` whose object, within a few words of the same sentence, is the
    stress itself before أن (وجدد عميد السلك الدبلوماسي العربي التأكيد على أن، مجددا التأكيد
    بأن): a report of what was stressed, not a renewal of anything else."""
    toks = doc.tokens
    w = _renewing_form(toks[i].norm)
    if w is None:
        return None
    form, gender = _RENEWING[w]
    reach = 1 if form == "participle" else _RENEWING_REACH  # مجددا alone is "again"
    for k in range(i + 1, min(len(toks), i + 1 + reach)):
        if doc.tok_sent[k] != doc.tok_sent[i] or not toks[k].is_word:
            return None
        if toks[k].norm in STRESSING:
            n = k + 1
            if n < len(toks) and toks[n].norm == "علي":
                n += 1
            ok = n < len(toks) and toks[n].norm in COMPLEMENTIZERS
            return CueForm("اكد", form, gender) if ok else None
    return None


def _concludes_speech(doc: Doc, i: int) -> bool:
    """اختتم or أكمل at token ``i`` ends or goes on with a speech: a colon follows within a few
    words, in the same sentence (واختتم الحمزة اعتذاره: "…"، وأكمل: …), or a quotation mark
    right after it (واختتم "…"); not an event ended or a task completed (اختتم الجسمي حفله
    بأغنية "بشرة خير"، المؤتمر الذي اختتم أعماله أمس، ثم أكمل جولته بتفقد الطريق)."""
    toks = doc.tokens
    if i + 1 < len(toks) and toks[i + 1].text in QUOTE_CHARS:
        return True
    for t in toks[i + 1 : i + 1 + _CONCLUDING_REACH]:
        if t.text == ":":
            return True
        if doc.tok_sent[t.i] != doc.tok_sent[i] or not t.is_word:
            return False
    return False


@lru_cache(maxsize=1 << 16)  # called for every token; news vocabulary repeats a lot
def cue_form(word: str) -> CueForm | None:
    """Look up a normalised token, allowing up to two leading conjunctions (و، ف، وو)."""
    if word in CUE_FORMS:
        return CUE_FORMS[word]
    rest = word
    for _ in range(2):
        if rest[:1] in ("و", "ف") and len(rest) > 3:
            rest = rest[1:]
            if rest in CUE_FORMS:
                return CUE_FORMS[rest]
    return None


def find_cues(doc: Doc) -> list[Cue]:
    """All cue candidates in text order (grammatical checks come later)."""
    toks = doc.tokens
    cues: list[Cue] = []
    for t in toks:
        if not t.is_word:
            continue
        w = t.norm
        start = t.start
        if w in ATTRIBUTION_WORDS:
            end = t.end
            nxt = toks[t.i + 1] if t.i + 1 < len(toks) else None
            if nxt is not None and (nxt.norm in ("ما", "عن") or nxt.norm in _ATTRIB_VERBS):
                end = nxt.end
                if nxt.norm == "ما" and t.i + 2 < len(toks) and toks[t.i + 2].norm in _ATTRIB_VERBS:
                    end = toks[t.i + 2].end
            if w in ("نقلا", "ونقلا") and (nxt is None or nxt.norm != "عن"):
                continue
            if nxt is not None and _rule_noun(nxt.norm):
                continue  # أكد … تطبيقها بالكامل وفقا لجدول توقيتاتها: no source
            cues.append(Cue(t.i, start, end, "حسب", "attribution", "m"))
            continue
        if w == "علي" and _as_reported(doc, t.i):  # …، على ما ذكرت وسائل إعلام
            cues.append(Cue(t.i, start, toks[t.i + 2].end, "حسب", "attribution", "m"))
            continue
        if w in ("جاء", "وجاء") and t.i + 2 < len(toks) and toks[t.i + 1].norm in ("في", "فى"):
            if toks[t.i + 2].norm in _STATEMENT_NOUNS:
                cues.append(Cue(t.i, start, toks[t.i + 2].end, "جاء", "statement", "m"))
            continue
        form = cue_form(w) or described_as(doc, t.i) or renewed_stress(doc, t.i)
        if form is None and w in _BAYYANA and not _second_between(doc, t.i):
            form = CueForm("بين", "verb", _BAYYANA[w])
        elif form is None and w == "بين" and _opening_bayyana(doc, t.i):
            form = CueForm("بين", "verb", "m")
        elif form is None and w in _USEFUL and _complementizer_next(doc, t.i):
            form = CueForm("افاد", "participle", _USEFUL[w])  # مفيدا بأن: stating, not useful
        if form is None or (t.i > 0 and toks[t.i - 1].norm in _WITHOUT):
            continue  # طلب عدم ذكر اسمه، دون ذكر أي تفاصيل: not mentioning is no report
        if w == "عبر" and _via(doc, t.i):
            continue  # غرد عبر حسابه: the preposition "via" inside a clause
        if form.lemma in _GOING_ON and not _concludes_speech(doc, t.i):
            continue
        if form.lemma == "اجمع" and w == "اجمع" and t.i > 0 and _definite(doc, t.i - 1):
            continue  # العالم أجمع: "all of it" after a definite noun, not the verb
        if form.lemma == "ابان" and "إ" in t.text[:2]:
            continue  # إبان: during, not أبان (he made clear)
        if form.lemma in _WASLA_VERBS and "أ" in t.text[:2] and not _named_next(doc, t.i):
            continue  # أقترح، أستغرب، أعتبر: the first person, the speaker or writer himself
        if form.form == "participle" and t.i > 0 and toks[t.i - 1].norm in _COPULAS:
            continue  # ليس مستغربا أن، لم يكن مؤكدا: an adjective, not a report
        if w == "القول" and t.i > 0 and toks[t.i - 1].norm in _IMPERSONAL:
            continue  # يمكن القول إن …: nobody is reported
        if t.i > 0 and toks[t.i - 1].norm == "كما" and form.form != "noun":
            start = toks[t.i - 1].start
        cues.append(Cue(t.i, start, t.end, form.lemma, form.form, form.gender))
    return cues
