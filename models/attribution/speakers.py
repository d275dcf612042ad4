"""Finding the speaker noun phrase of a cue and resolving it to an entity of the article.

Speakers come from (in this order of preference) the noun phrase after the verb (VSO), the one
before it (SVO, after أن / كان / a relative pronoun), the noun right before a verbal-noun cue
(نقلت الوكالة عن بيسكوف قوله), or — when the verb only implies its subject (وأضاف) — the previous
speaker of the same sentence or the latest earlier speaker of matching gender. Titles (الرئيس
السوري), generic organisation nouns (المجلس) and unnamed sources (مصدر مسؤول) are resolved too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from models.attribution.cues import cue_form
from models.attribution.document import Doc, Segment
from models.attribution.entities import Mention
from models.attribution.gazetteer import gazetteer
from models.attribution.lexicon import (
    ADVERBS,
    AFFILIATED,
    COMPLEMENTIZERS,
    FUNCTION_WORDS,
    GIVEN_NAMES,
    HONORIFIC_PRONOUNS,
    NAMING_NOUNS,
    NON_REPORT_BEFORE_AN,
    NON_SUBJECT_STARTS,
    OFFICIALS_OF_ORG,
    ORG_HEADS,
    PREPOSITIONS,
    PREVERBAL_SOURCE_NOUNS,
    SOURCE_NOUNS,
    TIME_ADJECTIVES,
    TIME_NOUNS,
    TITLE_CONTINUATIONS,
    TITLE_HEADS,
)
from models.attribution.normalize import (
    QUOTE_CHARS,
    Token,
    norm,
    strip_article_proclitic,
    strip_proclitic,
)
from models.attribution.organisations import DEFINITE_HEADS, HEADS, OUTLET_NOUNS, names_a_body
from models.attribution.persons import LINEAGE_WORDS
from models.attribution.places import PLACE_NOUNS

_LEFT_BOUNDARIES = (
    frozenset(
        {
            "كان",
            "وكان",
            "كانت",
            "وكانت",
            "ثم",
            "فيما",
            "بينما",
            "كما",
            "وقد",
            "قد",
            "فقد",
            "لكن",
            "ولكن",
            "حيث",
            "اذ",
        }
    )
    | COMPLEMENTIZERS
)
_RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين"})
_POSSESSIVE_SUFFIXES = ("ها", "هم", "هما")  # رئيسة تحريرها: a title's possessed noun
# Unnamed sources that an attribution phrase (حسب، وفقا ل) may cite.
_REPORT_SOURCES = frozenset(
    """فريق تقرير التقرير بيان البيان دراسه الدراسه احصاييه الاحصاييه
    احصاءات احصاييات بيانات البيانات وكاله صحيفه موقع وسايل تصريحات تصريح مصادر مصدر مسوولين
    مراسل شهود سكان ناشطين مصادر خبراء محللين مسح استطلاع الاستطلاع ارقام الارقام
    توقعات التوقعات تقديرات التقديرات معلومات المعلومات نتايج النتايج تقارير التقارير
    عده شركه مواقع صحف وكالات اوساط تحليل التحليل""".split()
)
# Indefinite sources that read like an untagged name after a cue (أشارت تقارير، قال قائل).
_STATE_NOUNS = frozenset("دوله جمهوريه مملكه سلطنه اماره".split())  # دولة جنوب السودان
# issued by a body (بيان لوزارة الداخلية، تحريات لجهاز المخابرات، دراسة لجامعة …)
_REPORTS = frozenset(
    "بيان تقرير البيان التقرير تحريات التحريات تحقيق التحقيق دراسه الدراسه".split()
)
# after حسب، وفق (وفقا لبيانات هيئة السوق المالية، وفقا لتحليل وحدة التقارير)
_ATTRIBUTED_REPORTS = _REPORTS | frozenset(
    "تقارير التقارير بيانات البيانات تحليل التحليل احصاءات الاحصاءات".split()
)
_UNNAMED_SOURCES = frozenset(
    "تقرير تقارير دراسه بيان انباء معلومات اوساط وسايل صحيفه موقع كثيرون قايل".split()
)
_OUTLETS = frozenset("صحيفه الصحيفه وكاله الوكاله موقع الموقع قناه القناه مجله المجله".split())
_SOURCE_ADJECTIVES = frozenset(
    "مسوول مسوولون مسوولين مطلع مطلعه مطلعون رفيع رفيعه رسمي رسميه امني "
    "امنيه عسكري عسكريه حكومي حكوميه دبلوماسي دبلوماسيه مقرب مقربه "
    "موثوق موثوقه خاصه عيان كبير كبار بارز بارزون عرب اجانب قريب قريبه".split()
)


@dataclass(frozen=True, slots=True)
class SpeakerInfo:
    """A resolved speaker: canonical name, label, the mention used and the explicit NP span."""

    name: str
    label: str  # PER | ORG | OTHER
    mention: int | None  # index of the entity mention used
    span: tuple[int, int] | None  # char span of the explicit speaker noun phrase
    gender: str
    explicit: bool


@dataclass(frozen=True, slots=True)
class TitleEntry:
    """A title phrase that the article attaches to a person (الرئيس السوري → بشار الأسد)."""

    words: tuple[str, ...]
    mention: int
    pos: int


def _bare(word: str) -> str:
    return strip_article_proclitic(word)


def is_title_word(word: str) -> bool:
    """A title (الرئيس، وزير، المتحدث), with or without a proclitic."""
    return word in TITLE_HEADS or strip_proclitic(word) in TITLE_HEADS


def _has_preposition_clitic(word: str) -> bool:
    """True for ل/ب-prefixed words such as للرئيس، بالرئيس، لوزير (not subjects)."""
    if word.startswith(("لل", "بال")) and len(word) > 4:
        return True
    return word[:1] in ("ل", "ب") and strip_proclitic(word) in TITLE_HEADS


def _governs(word: str, first: bool) -> bool:
    """Whether ``word`` right before a name makes it the object of a preposition (مع X،
    للرئيس X، للصحفيين X right after the verb), not a genitive inside the speaker's title
    (المدعي العام للولاية | فنسنت كوهين)."""
    if word in PREPOSITIONS:
        return True
    return _has_preposition_clitic(word) and (first or is_title_word(word))


def _named_after_person(doc: Doc, a: int, k: int) -> bool:
    """Whether the person named at token ``k`` names a body or place: a body or place noun,
    then a royal or religious title, then the name (جامعة الملك عبدالعزيز، مستشفى الملك فيصل،
    مكتبة الملك عبدالعزيز); that person is not the speaker."""
    toks = doc.tokens
    j = k
    while j > a and toks[j - 1].norm in _NAMESAKE_TITLES:
        j -= 1
    if j == k and toks[k].norm not in _NAMESAKE_TITLES:  # the name may include the title
        return False
    if j == a:
        return False
    bare = strip_proclitic(toks[j - 1].norm)
    return "ال" + bare in ORG_HEADS or bare in NAMING_NOUNS or bare in _NAMESAKE_NOUNS


def entity_label(m: Mention) -> str:
    """Speaker label of an entity mention: PER stays PER, ORG/LOC act as ORG, else OTHER."""
    return {"PER": "PER", "ORG": "ORG", "LOC": "ORG"}.get(m.label, "OTHER")


def from_mention(
    doc: Doc, m: Mention, span: tuple[int, int] | None, gender: str, explicit: bool = True
) -> SpeakerInfo:
    """Speaker for an entity mention, named by its cluster."""
    c = doc.clusters[m.cluster]
    return SpeakerInfo(c.name, entity_label(m), m.index, span, gender, explicit)


def kin_of_named(doc: Doc, sp: SpeakerInfo) -> SpeakerInfo:
    """A place the tagger saw in a word right before a person's name is a relation of that
    person (جدة أوباما: his grandmother, not the city of Jeddah): the phrase speaks, unlinked."""
    if sp.mention is None or doc.mentions[sp.mention].label != "LOC":
        return sp
    m = doc.mentions[sp.mention]
    k = doc.token_at(m.end)
    name = doc.mention_at(k) if k < len(doc.tokens) else None
    if name is None or name.label != "PER" or name.start != doc.tokens[k].start:
        return sp
    span = (m.start, name.end)
    return SpeakerInfo(doc.text[span[0] : span[1]], "OTHER", None, span, sp.gender, True)


def _span(doc: Doc, a: int, b: int) -> tuple[int, int]:
    """Char span of tokens [a, b), quote marks and brackets trimmed at both ends and a dangling
    preposition at the end (مصدر مسؤول | في)."""
    while a < b and doc.tokens[a].text in QUOTE_CHARS + "()":
        a += 1
    while b > a and (
        doc.tokens[b - 1].text in QUOTE_CHARS + "()،," or doc.tokens[b - 1].norm in PREPOSITIONS
    ):
        b -= 1
    if a >= b:
        return (doc.tokens[a].start, doc.tokens[a].start)
    return (doc.tokens[a].start, doc.tokens[b - 1].end)


def build_title_map(doc: Doc) -> list[TitleEntry]:
    """Title phrases directly before PER mentions (an appositive comma is allowed)."""
    entries: list[TitleEntry] = []
    toks = doc.tokens
    for m in doc.mentions:
        if m.label != "PER":
            continue
        j = doc.token_containing(m.start) - 1
        if j >= 0 and toks[j].text in ",،":
            j -= 1
        run: list[str] = []
        while j >= 0 and len(run) < 8 and toks[j].is_word:
            w = toks[j].norm
            other = doc.mention_at(j)
            if other is not None and other.label == "PER":
                break
            genitive = _construct_genitive(toks, j)  # رئيس جهاز الأمن
            if not (
                is_title_word(w)
                or _bare(w) in TITLE_CONTINUATIONS
                or w == "باسم"
                or _bare(w).startswith("ال")
                or other is not None
                or genitive
            ):
                break
            run.append(w)
            j -= 1
        run.reverse()
        for k, w in enumerate(run):
            if is_title_word(w):
                words = tuple(
                    _bare(strip_proclitic(x)) if i == 0 else x for i, x in enumerate(run[k:])
                )
                entries.append(TitleEntry(words, m.index, m.start))
                break
    return entries


def _construct_genitive(toks: Sequence[Token], j: int) -> bool:
    """Token ``j`` is the genitive of an indefinite title noun before it (رئيس جهاز، مدير
    إدارة): a plain noun, no function word (not القاضي أن)."""
    if j == 0 or not is_title_word(toks[j - 1].norm) or _bare(toks[j - 1].norm).startswith("ال"):
        return False
    w = toks[j].norm
    return not (
        w in COMPLEMENTIZERS or w in NON_SUBJECT_STARTS or w in ADVERBS or w in PREPOSITIONS
    )


def title_run(doc: Doc, a: int, b: int) -> int:
    """End (exclusive) of the title phrase starting at token ``a`` (at most 6 words, < b)."""
    k = a + 1
    while k < b and k < a + 6 and doc.tokens[k].is_word:
        w = doc.tokens[k].norm
        if w in COMPLEMENTIZERS or w in NON_SUBJECT_STARTS or w in ADVERBS:
            break
        if not (
            _bare(w).startswith("ال")
            or w == "باسم"
            or _bare(w) in TITLE_CONTINUATIONS
            or doc.mention_at(k) is not None
        ):
            break
        if w.startswith("بال") and not _placing(doc, k):
            break  # ونصح الخبير البيئي | بالإكثار من السوائل: what he advised, not his title
        k += 1
    return k


def _placing(doc: Doc, k: int) -> bool:
    """Whether token ``k`` (ب and a definite word) places a title or source in a body or place
    (مدير الشرطة بالمنطقة، مسؤول بالجيش) rather than starting what was said (بالإكثار)."""
    w = doc.tokens[k].norm
    bare = _bare(w)
    return (
        doc.mention_at(k) is not None
        or bare in ORG_HEADS
        or names_a_body(w)
        or bare[2:] in PLACE_NOUNS
    )


def resolve_title(
    doc: Doc, titles: list[TitleEntry], words: tuple[str, ...], pos: int
) -> Mention | None:
    """The person the article gave this title, the latest before ``pos`` preferred."""
    words = (_bare(strip_proclitic(words[0])), *words[1:])
    best: tuple[tuple[int, int], TitleEntry] | None = None
    for e in titles:
        n = min(len(words), len(e.words))
        if e.words[:n] != words[:n]:
            continue
        if len(words) > len(e.words):
            continue
        key = (0, pos - e.pos) if e.pos <= pos else (1, e.pos - pos)
        if best is None or key < best[0]:
            best = (key, e)
    if best is None and len(words) == 1 and words[0].startswith("ال"):
        # المحافظ after محافظ عدن نايف البكري: the one person the article gave that title
        head = _bare(strip_proclitic(words[0][2:]))
        people = {
            doc.mentions[e.mention].cluster
            for e in titles
            if _bare(strip_proclitic(e.words[0])) == head and e.pos < pos
        }
        people |= _titled_after(doc, head, pos)  # راشد آل خليفة وزير الداخلية
        if len(people) == 1:
            cluster = people.pop()
            return next(m for m in doc.mentions if m.cluster == cluster and m.start < pos)
    return doc.mentions[best[1].mention] if best else None


def _titled_after(doc: Doc, head: str, pos: int) -> set[int]:
    """Clusters of the people named before ``pos`` with the title ``head`` right after the
    name (an appositive comma allowed)."""
    toks = doc.tokens
    out = set()
    for m in doc.mentions:
        if m.label != "PER" or m.start >= pos:
            continue
        k = doc.token_at(m.end)
        if k < len(toks) and toks[k].text in ",،":
            k += 1
        if k < len(toks) and _bare(strip_proclitic(toks[k].norm)) == head:
            out.add(m.cluster)
    return out


def resolve_org_head(doc: Doc, word: str, pos: int) -> Mention | None:
    """Latest ORG mention before ``pos`` whose name starts with the generic noun (المجلس)."""
    head = _bare(word)
    bare = head[2:] if head.startswith("ال") else head
    for m in reversed(doc.mentions):
        if m.start >= pos or m.label not in ("ORG",):
            continue
        if doc.clusters[m.cluster].words[0] in (bare, head):
            return m
    return None


def _source_adjective(noun: str, word: str) -> bool:
    """مصادر يمنية رفيعة / المصادر المطلعة: adjectives that belong to the source phrase."""
    if word in _SOURCE_ADJECTIVES or (word.startswith("ال") and word[2:] in _SOURCE_ADJECTIVES):
        return noun.startswith("ال") == word.startswith("ال")
    if noun.endswith("ان") and word.endswith("ان") and word[:-2] in _SOURCE_ADJECTIVES:
        return True  # مسؤولان كبيران: the dual
    if word[:1] == "و" and word[1:] in PREPOSITIONS:
        return False  # مصادر محلية | وفي المقاومة
    nisba = word.endswith(("ي", "يه", "يين", "يون", "يان"))
    agrees = noun.startswith("ال") == word.startswith("ال")
    proper = word not in ADVERBS and word not in _RELATIVES and word not in PREPOSITIONS  # في
    return nisba and agrees and proper


_SECTORS = frozenset("قطاع سوق مجال".split())  # a sector that places a source (في قطاع التأمين)
# Where someone spoke, not whom a source speaks for (مسؤول في تصريح صحفي، وواصل X Y في حديث).
_OCCASION_NOUNS = frozenset(
    "تصريح تصريحات حديث بيان مقابله لقاء اتصال مداخله كلمه رساله تغريده مؤتمر".split()
)


def _source_place_end(doc: Doc, j: int, b: int) -> int:
    """End of the body or place that places an unnamed source (مصدر مسؤول في | وزارة الخارجية
    الكويتية، مصادر في | الحكومة السودانية): a mention, or a definite noun and its definite
    adjectives; ``j - 1`` (the preposition left out) when there is none."""
    toks = doc.tokens
    m = doc.mention_at(j)
    if m is not None and doc.token_containing(m.start) == j:
        return doc.token_containing(m.end - 1) + 1
    first = j + 1 if j + 1 < b and toks[j].norm in _SECTORS else j  # في قطاع | التأمين
    k = _definite_run_end(doc, first, b)
    body = toks[j].is_word and toks[j].norm not in FUNCTION_WORDS | _OCCASION_NOUNS
    if k == first and j + 1 < b and body:
        m = doc.mention_at(j + 1)  # مصادر في قيادة | الجيش الوطني، قريبة من مشروع | السيارة
        if m is not None and doc.token_containing(m.start) == j + 1:
            return doc.token_containing(m.end - 1) + 1
        k = _definite_run_end(doc, j + 1, b)
        if k == j + 1 and j + 2 == b and toks[j + 1].is_word:
            k = b  # مصدر في حكومة جوبا | أن: a name the tagger missed
        if k == j + 1:
            k = _construct_chain_end(doc, j, b)  # متحدث باسم شركة فينيفست القابضة
        return k if k > j + 1 else j - 1
    return k if k > first else j - 1


def _definite_run_end(doc: Doc, j: int, b: int) -> int:
    """End of up to three definite words from token ``j`` that are no names or function words
    (التأمين السعودي), nor the affiliation that follows them (| التابع لوكالة الفضاء)."""
    toks = doc.tokens
    k = j
    while k < b and k < j + 3 and toks[k].is_word and toks[k].norm.startswith("ال"):
        if toks[k].norm in FUNCTION_WORDS | ADVERBS or doc.mention_at(k) is not None:
            break
        if toks[k].norm in AFFILIATED:
            break
        k += 1
    return k


_PREPARED = frozenset(
    "اعده اعدته اعدها اصدره اصدرته اصدرها نشره نشرته نشرها اجراه اجرته اجرتها".split()
)


def report_issuer(doc: Doc, a: int, b: int, gender: str) -> SpeakerInfo | None:
    """The body that issued the report or statement at token ``a``, named after it with ل, after
    الذي أصدرته or after صادر عن (بيان للمنسقية العامة، تقرير إحصائي سنوي لوزارة الصحة، التقرير
    الحادي والخمسون الذي أصدرته مؤسسة النقد العربي السعودي), or who prepared it (تقرير حديث
    أعده أندرو كوسغروف); None when no body follows."""
    toks = doc.tokens
    k = a + 1
    while k < min(b, a + 4) and toks[k].is_word and doc.mention_at(k) is None:
        w = toks[k].norm
        if w in _RELATIVES or w in ("صادر", "الصادر") or w in _PREPARED:
            break
        if w[:1] == "ل" and len(w) > 3 and k > a + 1:
            break  # التقرير السنوي | لمركز الأبحاث: the issuer
        if (
            w in FUNCTION_WORDS
            or w in PREPOSITIONS
            or w in COMPLEMENTIZERS
            or _has_preposition_clitic(w)
            or cue_form(w) is not None
        ):
            break
        k += 1  # إحصائي سنوي، الحادي والخمسون: the report's adjectives
    if k + 1 < b and toks[k].norm in _PREPARED:  # تقرير حديث أعده | أندرو كوسغروف
        m = doc.mention_at(k + 1)
        if m is not None and m.label in ("PER", "ORG") and doc.token_containing(m.start) == k + 1:
            return from_mention(doc, m, (toks[a].start, m.end), gender)
        return None
    if k + 1 < b and (toks[k].norm in _RELATIVES or toks[k].norm in ("صادر", "الصادر")):
        verb = toks[k + 1].norm
        if not (verb.startswith(("اصدر", "صدر")) or verb == "عن"):
            return None
        k += 2
        first = toks[k].start if k < b else None
    elif k < b and toks[k].norm[:1] == "ل" and len(toks[k].norm) > 3:
        first = toks[k].start + 1  # لوزارة الصحة → وزارة الصحة
    elif k == a + 1 and (m := doc.mention_at(k)) is not None and m.label == "ORG":
        return from_mention(doc, m, (toks[a].start, m.end), gender)  # تقارير | الأمم المتحدة
    else:
        return None
    if first is None or not toks[k].is_word:
        return None
    m = doc.mention_at(k)
    if m is not None and m.label == "ORG" and doc.token_containing(m.start) == k:
        return from_mention(doc, m, (toks[a].start, m.end), gender)
    if toks[k].norm.startswith("لل"):
        head = toks[k].norm[1:]
        end = _definite_run_end(doc, k + 1, b)  # للمنسقية | العامة
        name = "ال" + doc.text[toks[k].start + 2 : toks[end - 1].end]
    else:
        head = toks[k].norm[1:] if toks[k].start < first else toks[k].norm
        if "ال" + _bare(head) not in ORG_HEADS and not names_a_body(head):
            return None
        end = _construct_chain_end(doc, k + 1, b) if not head.startswith("ال") else k + 1
        end = _definite_run_end(doc, end, b) if end == k + 1 else end
        name = doc.text[first : toks[end - 1].end]
    named = resolve_org_head(doc, head, toks[k].start) if end == k + 1 else None
    if named is not None:  # بيان للمجلس، بيان صادر عن المجلس: the council named before
        return from_mention(doc, named, (toks[a].start, toks[k].end), gender)
    return SpeakerInfo(name, "ORG", None, (toks[a].start, toks[end - 1].end), gender, True)


_ISSUING = frozenset("اصدر اصدرت نشر نشرت اعد اعدت".split())
_ISSUED = {"التقرير": ("تقريرا", "تقرير"), "البيان": ("بيانا", "بيان")}


def _earlier_issuer(doc: Doc, a: int, noun: str, gender: str) -> SpeakerInfo | None:
    """The body that, earlier in the article, issued the report or statement that the definite
    ``noun`` at token ``a`` refers back to (أصدر مجلس بلدية عريعرة تقريراً … وأوضح التقرير أن)."""
    toks = doc.tokens
    issued = _ISSUED[noun]
    for k in range(a - 1, -1, -1):
        if strip_proclitic(toks[k].norm) not in _ISSUING:  # أصدر، ونشرت
            continue
        report = next((j for j in range(k + 2, min(a, k + 8)) if toks[j].norm in issued), None)
        if report is None:
            continue
        body = next((m for j in range(k + 1, report) if (m := doc.mention_at(j)) is not None), None)
        if body is not None and body.label == "ORG" and doc.token_at(body.end) >= report - 1:
            return from_mention(doc, body, (toks[a].start, toks[a].end), gender)
        if (
            body is None
            and names_a_body(toks[k + 1].norm)
            and all(t.is_word for t in toks[k + 1 : report])
        ):  # أصدر مجلس بلدية عريعرة تقريراً: a body the tagger left out
            name = doc.text[toks[k + 1].start : toks[report - 1].end]
            return SpeakerInfo(name, "ORG", None, (toks[a].start, toks[a].end), gender, True)
    return None


def _without_pronoun(word: str) -> str:
    """The word without a possessive pronoun suffix (ذويهما → ذوي)."""
    for suffix in ("هما", "هم", "ها", "ه"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


def body_after(doc: Doc, k: int) -> Mention | None:
    """The body named with ل in token ``k`` (لمنظمة التعاون الإسلامي) that an office or
    organ before it belongs to; None otherwise."""
    return doc.mention_at(k) if doc.tokens[k].norm[:1] == "ل" and _body_at(doc, k) else None


def _body_at(doc: Doc, k: int) -> bool:
    """Whether a body's name starts in token ``k`` (after its proclitic)."""
    m = doc.mention_at(k)
    return m is not None and m.label == "ORG" and doc.token_containing(m.start) == k


_NAMED_REGIONS = frozenset("اقليم ولايه مقاطعه جمهوريه مملكه".split())


def _construct_chain_end(doc: Doc, j: int, b: int) -> int:
    """End of the genitive chain after an indefinite title (قائد | فريق مواجهة آثار العاصفة،
    نائب | مدير قسم الشرق الأوسط): up to four indefinite nouns closed by a definite word and its
    definite adjectives, or by a name; ``j`` when no such chain follows."""
    toks = doc.tokens
    # a body or a region named by words the tagger missed (رئيس | شركة إكسون موبيل | في، رئيس
    # | إقليم كاتالونيا ارثور ماس | الاثنين): the chain ends where the clause goes on
    body = j < b and ("ال" + toks[j].norm in ORG_HEADS or toks[j].norm in _NAMED_REGIONS)
    for k in range(j, min(b, j + 5)):
        t = toks[k]
        m = doc.mention_at(k)
        if m is not None:
            return doc.token_at(m.end) if k > j or m.label == "ORG" else j
        w = t.norm
        if (
            not t.is_word
            or w in FUNCTION_WORDS
            or w in COMPLEMENTIZERS
            or w in NON_SUBJECT_STARTS
            or w in ADVERBS
            or _has_preposition_clitic(w)
            or cue_form(w) is not None
            or (body and w[:1] == "و")  # بنك بيريوس | وهو واحد من
        ):
            return k if body and k > j + 1 else j
        if w in AFFILIATED:  # فريق تلسكوب كيبلر | التابع لوكالة الفضاء
            return k if k > j else j
        if w.startswith("ال"):
            return _definite_run_end(doc, k + 1, b) if k > j else j
    return j


def _skip_addressee(doc: Doc, a: int, b: int) -> int:
    """Skip a leading «لـ"الاقتصادية"» / «لوكالة فرانس برس» (whom the statement was made to)."""
    toks = doc.tokens
    if a >= b:
        return a
    if toks[a].norm == "ل":
        k = a + 1
        if k < b and toks[k].text in QUOTE_CHARS + "(":
            k += 1
            while k < b and toks[k].text not in QUOTE_CHARS + ")":
                k += 1
            k += 1
            if k + 1 < len(toks) and k < b and toks[k].is_word and toks[k].norm not in GIVEN_NAMES:
                if k + 1 >= b or toks[k + 1].text in QUOTE_CHARS + ":":
                    return k + 1  # لـ "رويترز" هيلث "…": the outlet's name goes on past the marks
            return k
        m = doc.mention_at(k)
        if m is not None:
            return doc.token_at(m.end)
        return k + 1
    m = doc.mention_at(a)
    if (
        m is not None
        and m.label in ("ORG", "LOC")
        and toks[a].norm.startswith("ل")
        and (m.start > toks[a].start or not doc.clusters[m.cluster].words[0].startswith("ل"))
    ):
        return doc.token_at(m.end)
    if (
        m is not None
        and m.label == "PER"
        and toks[a].norm.startswith("ل")
        and m.start > toks[a].start
    ):
        return doc.token_at(m.end)  # أكدت لداود أوغلو: the person she told
    w = toks[a].norm
    if m is None and w[:1] == "ل" and w[1:] in OUTLET_NOUNS and a + 1 < b:
        return _outlet_end(doc, a + 1, b)  # لصحيفة بيلد، لصحيفة «الحياة»: spoken to
    if m is None and w[:1] == "ل" and len(w) > 4 and w.endswith(("ه", "ها", "هم")):
        return a + 1  # لصديقته إنه: whom he told
    if w in _TOLD_PRONOUNS:
        return a + 1  # قال لي: told me
    return a


_TOLD_PRONOUNS = frozenset("لي لنا له لها لهم لهما لك لكم".split())


def _outlet_end(doc: Doc, k: int, b: int) -> int:
    """End of the outlet's name from token ``k``: a name in marks, a mention, or the words up
    to a title, a name of a person or a source (لصحيفة الحياة | وزير الخارجية …)."""
    toks = doc.tokens
    if toks[k].text in QUOTE_CHARS:
        k += 1
        while k < b and toks[k].text not in QUOTE_CHARS:
            k += 1
        return min(k + 1, b)
    outlet = doc.mention_at(k)
    if outlet is not None and outlet.label != "PER":
        return doc.token_at(outlet.end)
    while k < b and toks[k].is_word:
        person = doc.mention_at(k)
        if is_title_word(toks[k].norm) or toks[k].norm in SOURCE_NOUNS:
            break
        if person is not None and person.label == "PER":
            break
        k += 1
    return k


# Unnamed sources in the plural (مصادر مطلعة، دبلوماسيون عرب): no one person's name goes on them.
_PLURAL_SOURCES = frozenset(
    w
    for w in SOURCE_NOUNS
    if w.endswith(("ون", "ين"))
    or strip_article_proclitic(w).removeprefix("ال")
    in {"مصادر", "علماء", "خبراء", "شهود", "سكان", "اطباء", "نقاد", "اهالي"}
)
_NAMING = frozenset({"تدعي", "يدعي", "المدعو", "المدعوه", "واسمه", "واسمها"})


_DAYS = frozenset(
    "اليوم امس غدا مساء صباح الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت".split()
)


def _after_subject_and_time(doc: Doc, a: int, k: int) -> bool:
    """Token ``k`` is a day after the subject's words (قيادة القوات المشتركة في بيان لها |
    أمس): the object follows, and a name in it is not the subject, which comes before the
    time (قال وزير الخارجية جون كيري أمس)."""
    toks = doc.tokens
    if toks[k].norm not in _DAYS or not toks[k - 1].is_word or toks[k - 1].norm == "ل":
        return False  # لـ«اليوم»: the newspaper spoken to
    return any(t.is_word and t.norm not in _DAYS for t in toks[a:k])


def _object_after_body(doc: Doc, k: int) -> bool:
    """Token ``k`` opens the verb's object right after a body named as its subject (استنكرت
    الأمانة العامة لمنظمة التعاون الإسلامي | تصريحات المالكي): an indefinite common word, not
    a title, a given name (one before بن), a preposition or a conjunction that would go on
    with the subject."""
    toks = doc.tokens
    body = doc.mention_at(k - 1)
    if body is None or body.label == "PER" or doc.token_at(body.end) != k:
        return False
    w = toks[k].norm
    nxt = toks[k + 1].norm if k + 1 < len(toks) else ""
    if nxt in LINEAGE_WORDS or w in _NAMING or not nxt:
        return False  # لإسطبلات الخالدية مطلق | بن مشرف، بوزارة الصحة تدعى نارونج: a name
    return (
        toks[k].is_word
        and doc.mention_at(k) is None
        and not w.startswith(("ال", "و", "ف", "ل", "ب"))
        and not is_title_word(w)
        and w not in GIVEN_NAMES
        and w not in PREPOSITIONS
        and w not in ADVERBS
    )


def np_speaker(
    doc: Doc, a: int, b: int, gender: str, titles: list[TitleEntry]
) -> SpeakerInfo | None:
    """Speaker from the noun phrase in tokens [a, b) right after a cue (VSO)."""
    toks = doc.tokens
    while a < b and toks[a].text in QUOTE_CHARS + "(":
        a += 1
    if b < len(toks) and toks[b].norm in COMPLEMENTIZERS:
        while b > a and toks[b - 1].text in "،,":
            b -= 1  # وقالت جيهان السادات، إن
    told = _skip_addressee(doc, a, b)
    while a < told < b and toks[told].text in "،,":
        told += 1  # وأوضحت لـ "الاقتصادية"، الدكتورة …: past the comma after whom she told
    a = told
    if a + 2 <= b and toks[a].norm in ("بهذا", "بهذه") and toks[a + 1].norm in _TOPIC_NOUNS:
        a += 2  # وقال بهذا الخصوص: | رئيس …
    if a + 2 <= b and toks[a].norm in TIME_NOUNS and toks[a + 1].norm in TIME_ADJECTIVES:
        a += 2  # وكان رئيس الاتحاد أعلن الصيف الماضي أنه: a time, no subject
    if a + 2 < b and toks[a].norm == "كل" and toks[a + 1].norm == "من":
        a += 2  # وقال كل من | صالح باهبري وعمر صالح إنهم: each of them, the first named
    if a >= b or not toks[a].is_word or _circumstantial(doc, a) or toks[a].norm in _NO_SUBJECT:
        return None
    titled = _titled_name_in_marks(doc, a, b, gender)
    if titled is not None:
        return titled
    w = w0 = toks[a].norm
    part = _untagged_part_of_name(doc, a)  # وقال بحاح للصحافيين → خالد بحاح, named earlier
    if part is not None:
        return from_mention(doc, part, (toks[a].start, toks[a].end), gender)
    institution = False  # a person's name seen only as the name of a body or place
    # a person named within the phrase (not as the object of a preposition: للرئيس X، مع X)
    affiliated = False  # inside «الموالية للرئيس …» up to a comma: whom the subject is tied to
    counterpart = False  # after ونظيره: the person the speaker met
    plural_source = toks[a].norm in _PLURAL_SOURCES
    # أكد تحالف القوى العراقية السنية | رفضه لتصريحات … نوري المالكي: a body named by its head
    # noun is the subject; a person named after it is not
    body_end = a
    if "ال" + w0 in ORG_HEADS:
        body_end = _construct_chain_end(doc, a + 1, b)
        body_end = _definite_run_end(doc, a + 1, b) if body_end == a + 1 else body_end
    for k in range(a, min(b, a + 16)):
        if toks[k].norm in _RELATIVES and k > a:
            break  # التصريحات التي أدلى بها … ساركوزي: a name in a relative clause is no subject
        if body_end > a + 1 and k >= body_end:
            break
        if plural_source or (k > a and _object_after_body(doc, k)):
            break  # استنكر دبلوماسيون عرب مزاعم المالكي: the sources speak, not the one named
        if k > a and _after_subject_and_time(doc, a, k):
            break  # أعلنت قيادة القوات المشتركة في بيان لها أمس | استشهاد الرقيب ماجد
        if toks[k].text in "،,":
            affiliated = False  # التابع لمحافظة الأنبار، | علي داود: the name set off after it
        affiliated = affiliated or (k > a and toks[k].norm in AFFILIATED)
        counterpart = counterpart or (k > a and _counterpart_word(toks[k].norm))
        m = doc.mention_at(k)
        if affiliated or counterpart:
            continue  # مؤتمر صحفي عقده ونظيره الألماني شتاينماير: the other side speaks not
        if m is None or m.label != "PER" or doc.token_containing(m.start) != k:
            continue
        run = max(a, _np_run_left(doc, k))
        for j in range(k - 1, run - 1, -1):
            other = doc.mention_at(j)
            if other is not None and other.label != "PER":
                run = j + 1  # في لبنان | وليد الجلال: the preposition governs the place
                break
        p = run - 1
        while p >= a and toks[p].text in QUOTE_CHARS + "(،,":
            p -= 1
        if (
            p >= a
            and _governs(toks[p].norm, p == a)
            and not (p == run - 1 and toks[p].text == "علي")
        ):
            continue  # علي الحازمي: the given name علي (the preposition is written على)
        if _named_after_person(doc, a, k):
            institution = True
            continue  # بجامعة الملك عبدالعزيز
        if run < k and _has_preposition_clitic(toks[run].norm):
            continue
        if w in NON_SUBJECT_STARTS or w in ADVERBS or _has_preposition_clitic(w):
            return from_mention(doc, m, (_span(doc, run, k + 1)[0], m.end), gender)
        return from_mention(doc, m, (_span(doc, a, k)[0], m.end), gender)
    if w in NON_SUBJECT_STARTS or w in ADVERBS or w in COMPLEMENTIZERS:
        return None
    if _has_preposition_clitic(w) and doc.mention_at(a) is None:
        return None
    m = doc.mention_at(a)
    if m is not None:
        return from_mention(doc, m, (max(m.start, toks[a].start), m.end), gender)
    if a + 2 < b and toks[a + 1].text in QUOTE_CHARS:  # صحيفة "الأهرام اليوم": the outlet
        outlet = doc.mention_at(a + 2)
        if outlet is not None and outlet.label == "ORG":
            return from_mention(doc, outlet, (toks[a].start, outlet.end), gender)
    if _bare(w) in _OUTLETS:  # الصحيفة المحلية «في إل تي»: the outlet named in marks
        for k in range(a + 1, min(b, a + 4)):
            named = _marked_name_after(doc, k, len(doc.text))
            if named is not None:
                if _nisba(norm(doc.text[named.start : named.end])):
                    break
                return _named_in_marks(doc, named, toks[a].start, gender)
            if not toks[k].is_word:
                break
    body = doc.mention_at(a + 1) if a + 1 < b else None
    if body is not None and body.label == "LOC" and w in _STATE_NOUNS:
        return from_mention(doc, body, (toks[a].start, body.end), gender)  # دولة | جنوب السودان
    if body is not None and body.label == "ORG" and "ال" + w in ORG_HEADS:
        return from_mention(doc, body, (toks[a].start, body.end), gender)  # إدارة | مكتبة …
    issuer = report_issuer(doc, a, b, gender) if _bare(w) in _REPORTS else None
    if issuer is None and w in _ISSUED:
        issuer = _earlier_issuer(doc, a, w, gender)  # أصدر مجلس بلدية عريعرة تقريرا … وأوضح التقرير
    if issuer is not None:
        return issuer
    if w in SOURCE_NOUNS:
        if w in OFFICIALS_OF_ORG:
            for k in range(a + 1, min(b, a + 4)):
                org = doc.mention_at(k)
                if org is not None and org.label == "ORG":
                    return from_mention(doc, org, (toks[a].start, org.end), gender)
        k = a + 1
        while k < b and k < a + 4 and _source_adjective(w, toks[k].norm):
            k += 1
        if k + 1 < b and toks[k].norm == "غير" and _source_adjective(w, toks[k + 1].norm):
            k += 2  # مصادر غير رسمية
        if k == a + 1 and not w.startswith("ال"):
            k = _definite_run_end(doc, k, b)  # مصادر الحكومة: the source's body
        if k + 1 < b and "ال" + toks[k].norm in ORG_HEADS:  # مسؤول مركز | الإعلام الأمني
            end = _source_place_end(doc, k + 1, b)
            k = end if end > k + 1 else k
        if k + 1 < b and toks[k + 1].norm in ("وقت", "الوقت"):
            pass  # مصادر | في وقت سابق: a time, not where the sources are
        elif k + 1 < b and toks[k].norm in ("في", "من", "باسم"):  # مصدر مسؤول في وزارة الخارجية
            k = _source_place_end(doc, k + 1, b)
        elif k < b and toks[k].norm.startswith("بال") and _placing(doc, k):  # مسؤول بالجيش
            body = doc.mention_at(k)
            k = _definite_run_end(doc, k + 1, b) if body is None else doc.token_at(body.end)
        elif k < b and toks[k].norm[:1] == "ب" and _body_at(doc, k):
            k = doc.token_at(doc.mention_at(k).end)  # مسؤول بمكتب أولوند، مصدر بوزارة الدفاع
        span = _span(doc, a, k)
        phrase = doc.text[span[0] : span[1]]
        return SpeakerInfo(phrase, "OTHER", None, span, gender, True)
    kin_end = _definite_run_end(doc, a + 1, b) if w in _KIN and a + 1 < b else a + 1
    named = (  # والد الشهيد الشيخ | عواد: the title goes on to a name
        kin_end < b
        and is_title_word(toks[kin_end - 1].norm)
        and toks[kin_end].is_word
        and toks[kin_end].norm[:1] not in ("و", "ل")
    )
    if kin_end > a + 1 and not named:
        k = kin_end  # أصدقاء الشاب وأسرته، شقيق المتوفى
        if k < b and toks[k].norm[:1] == "و" and _without_pronoun(toks[k].norm[1:]) in _KIN_OWN:
            k += 1  # وأسرته، وذويهما
        span = _span(doc, a, k)
        return SpeakerInfo(doc.text[span[0] : span[1]], "OTHER", None, span, gender, True)
    if w in _PART_OF_GROUP and a + 1 < b:
        group = _group_end(doc, a + 1, b)
        if group > a + 1:
            span = _span(doc, a, group)  # أحد أفراد القوة، عدد من الناشطين
            return SpeakerInfo(doc.text[span[0] : span[1]], "OTHER", None, span, gender, True)
    if is_title_word(w):
        k = title_run(doc, a, b)
        span = _span(doc, a, k)
        if k + 1 < b and toks[k].text == "." and toks[k - 1].norm == "د":
            k += 1  # د.القحطاني: the abbreviation's dot, then the name
            m = doc.mention_at(k)
            if m is not None and m.label == "PER":
                return from_mention(doc, m, (toks[a].start, m.end), gender)
        words = tuple(t.norm for t in toks[a:k] if t.is_word)
        person = resolve_title(doc, titles, words, toks[a].start)
        if person is None and k < b:
            person = _person_by_part_of_name(doc, toks[k].norm)
            span = _span(doc, a, k + 1) if person is not None else span
        if person is None:  # الدكتور | التركي، العميد السحيباني | الأشقاء اليمنيين
            for j in range(a + 1, k):
                if toks[j].norm.startswith("ال"):
                    person = _person_by_part_of_name(doc, toks[j].norm)
                    if person is not None:
                        span = _span(doc, a, j + 1)
                        break
        if person is not None:
            return from_mention(doc, person, span, gender)
        named = _name_after_title(doc, k, b, gender)
        if named is not None and named.span is not None:
            return SpeakerInfo(named.name, "PER", None, (span[0], named.span[1]), gender, True)
        if words == ("د",):
            return None  # د. and a name the rules cannot read: no speaker rather than "د"
        if k == a + 1 and not w.startswith("ال"):
            span = _span(doc, a, _construct_chain_end(doc, k, b))
        return SpeakerInfo(doc.text[span[0] : span[1]], "OTHER", None, span, gender, True)
    if _bare(w) in ORG_HEADS:
        org = resolve_org_head(doc, w, toks[a].start)
        k = a + 1
        if (
            k < b
            and toks[k].is_word
            and _bare(toks[k].norm).startswith("ال")
            and doc.mention_at(k) is None
        ):
            k += 1
        span = _span(doc, a, k)
        if org is not None:
            return from_mention(doc, org, span, gender)
        owner = body_after(doc, k) if k < b else None
        if owner is not None:  # الأمانة العامة | لمنظمة التعاون الإسلامي: the body's
            return from_mention(doc, owner, (toks[a].start, owner.end), gender)
        return SpeakerInfo(doc.text[span[0] : span[1]], "OTHER", None, span, gender, True)
    if "ال" + w in ORG_HEADS:  # وقالت إدارة معلومات الطاقة الأمريكية | يوم الأربعاء إن
        end = _construct_chain_end(doc, a + 1, b)
        if end == a + 1 and b - a > 3:  # وقالت إدارة الوقاية | من الحرائق إنه
            end = _definite_run_end(doc, a + 1, b)
        if end > a + 1:
            span = _span(doc, a, end)
            return SpeakerInfo(doc.text[span[0] : span[1]], "ORG", None, span, gender, True)
    named = _untagged_name(doc, a, b, gender) or _set_off_name(doc, a, b, gender)
    if named is None and institution and b - a <= 8 and all(t.is_word for t in toks[a:b]):
        span = _span(doc, a, b)  # وأوضحت إدارة مكتبة الملك عبدالعزيز العامة أن
        return SpeakerInfo(doc.text[span[0] : span[1]], "ORG", None, span, gender, True)
    return named


# Words right after a verb that say how or to whom it was said, or refer back to its subject
# (وقالوا بصوت واحد، تحدثت بكل عفوية، أعرب لجلالتكم، يوضح رأيه بأن، قال معاليه إن): no name of
# a speaker.
_NO_SUBJECT = HONORIFIC_PRONOUNS | frozenset(
    "بصوت بكل لجلالتكم لفخامتكم لسموكم رايه رايها دوما صراحه وهو وهي".split()
)  # يزعم دومًا أن، قال له صراحة بأنهم، فقال وهو يتحدث: how or while it was said
_TOPIC_NOUNS = frozenset("الخصوص الشان الصدد".split())  # قال بهذا الخصوص: in this regard
_COUNTERPARTS = frozenset("نظيره نظيرته نظيرها نظيريه نظراوه نظرايه".split())


def _counterpart_word(word: str) -> bool:
    """نظيره / ونظيره: "his counterpart", the other side of a meeting."""
    return word in _COUNTERPARTS or (word[:1] == "و" and word[1:] in _COUNTERPARTS)


def _circumstantial(doc: Doc, a: int) -> bool:
    """A participle in the accusative right before what was said, which tells how it was
    said (وأضاف مستهجناً: «…»، وقال مستشهداً بالأبيات): the verb's subject is implied."""
    t = doc.tokens[a]
    if not (t.norm.startswith("م") and t.norm.endswith("ا") and len(t.norm) >= 5):
        return False
    return "\u064b" in t.text and t.norm not in GIVEN_NAMES


# Kin and friends of someone in the news, who speak for themselves (وقال شقيق المتوفى للصحيفة)
_KIN = frozenset(
    """اصدقاء اقارب اسره عايله والد والده شقيق شقيقه اشقاء زوج زوجه ابن ابنه ابناء ذوو ذوي
    اهل جيران""".split()
)
_KIN_OWN = frozenset("اسرت عايلت اهل اقارب ذوي اصدقاء".split())  # وأسرته، وأهله
_PART_OF_GROUP = frozenset("احد احدي عدد بعض".split())  # one of, a number of, some of


def _group_end(doc: Doc, k: int, b: int) -> int:
    """End of the group that أحد / عدد / بعض take a part of (أحد | أفراد القوة، عدد من |
    الناشطين): up to four words that are no names, prepositions or function words and that
    reach a definite word; ``k`` when there is none."""
    toks = doc.tokens
    if k < b and toks[k].norm == "من":
        k += 1
    end = k
    for j in range(k, min(b, k + 4)):
        t = toks[j]
        if not t.is_word or doc.mention_at(j) is not None or _has_preposition_clitic(t.norm):
            break
        if t.norm in FUNCTION_WORDS or t.norm in PREPOSITIONS or t.norm in COMPLEMENTIZERS:
            break
        if t.norm.startswith("ال"):
            end = j + 1
        elif end > k:
            break
    return end


def _person_by_part_of_name(doc: Doc, word: str) -> Mention | None:
    """The one person of the article whose longer name starts or ends with ``word`` (الجنرال
    راحيل → راحيل شريف, named so earlier or later)."""
    people = _people_by_part_of_name(doc, word)
    return people[0] if len(people) == 1 else None


def _untagged_part_of_name(doc: Doc, a: int) -> Mention | None:
    """The one person whose longer name starts or ends with the untagged word at token ``a``
    (وقال بحاح للصحافيين، وأشار نقدي إلى), when that word is no title, preposition, adverb or
    word that cannot start a subject."""
    t = doc.tokens[a]
    w = t.norm
    if doc.mention_at(a) is not None or len(w) < 3 or is_title_word(w):
        return None
    if w in NON_SUBJECT_STARTS or w in ADVERBS or w in PREPOSITIONS or w in SOURCE_NOUNS:
        return None
    return _person_by_part_of_name(doc, w)


def _people_by_part_of_name(doc: Doc, word: str) -> list[Mention]:
    """First mentions of the people whose longer name starts or ends with ``word``."""
    return [
        doc.mentions[c.members[0]]
        for c in doc.clusters
        if c.label == "PER" and len(c.words) > 1 and word in (c.words[0], c.words[-1])
    ]


def _name_after_title(doc: Doc, k: int, b: int, gender: str) -> SpeakerInfo | None:
    """The untagged name after a title the article gives nobody else (وقالت رئيسة تحريرها
    هنا فريدل إن، قال المدير التنفيذي للموقع جينج لستاري بأن); one possessed word after the
    title (تحريرها) is skipped, and a comma or a second title ends the name (رأفت الصباغ، في
    تصريح صحفي أن)."""
    toks = doc.tokens
    comma = next((j for j in range(k + 1, b) if toks[j].text in "،,"), b)
    b = min(b, comma)
    # a second title in apposition ends the name (الدكتورة جانفيير ليتل تشايلد | الأستاذ في)
    b = next(
        (
            j
            for j in range(k + 2, b)
            if toks[j].norm.startswith("ال")
            and is_title_word(toks[j].norm)
            and toks[j - 1].norm != "ال"  # عبدالعزيز آل الشيخ: a family name
        ),
        b,
    )
    while (
        0 < k < b and doc.mention_at(k) is not None and doc.mention_at(k) is doc.mention_at(k - 1)
    ):
        k += 1  # the rest of a body's name the title ran into (للإغاثة | والأعمال الإنسانية)
    while b > k and not toks[b - 1].is_word:
        b -= 1
    if k < b and toks[k].is_word:
        w = toks[k].norm
        if w.endswith(_POSSESSIVE_SUFFIXES) and not _bare(w).startswith("ال"):
            k += 1
    return _untagged_name(doc, k, b, gender) if k < b else None


_NAMESAKE_TITLES = frozenset("الملك الامير الشيخ الامام".split())
_NAMESAKE_NOUNS = frozenset("جامعه مكتبه مستشفي مدينه مطار جايزه كليه مجمع مسجد قاعده".split())
# Prepositions of the time, place or occasion phrase that may follow a verb's subject.
_ADJUNCT_PREPOSITIONS = frozenset("في فى خلال امام لدي عبر عقب اثناء".split())
# What may follow an unnamed source before أن: a time or a place (ذكرت تقارير إخبارية اليوم
# الأربعاء أن، وذكرت تقارير صحافية في ألمانيا أن).
_SOURCE_ADJUNCTS = _ADJUNCT_PREPOSITIONS | ADVERBS
# Objects of idioms with a reporting verb (كشف النقاب عن: unveiled, أزاح الستار عن), and
# "one of" after an indefinite title (رئيس تنفيذي لإحدى الشركات).
_UNVEILED = frozenset("النقاب الستار اللثام".split())
_NOT_SUBJECTS = _UNVEILED | frozenset("احد احدي لاحد لاحدي باحد باحدي".split())
# Objects of idioms that come right after their subject (لفت آل فويز النظر إلى: drew attention).
_IDIOM_OBJECTS = _UNVEILED | frozenset({"النظر", "الانتباه"})


def _source_ends_before(word: str, outlet: bool) -> bool:
    """An unnamed source (تقارير إخبارية، دراسة) ends before a time, a place or, unless it is
    an outlet named next, a verb in the feminine past that describes it (دراسة | نشرت أمس)."""
    if word in _SOURCE_ADJUNCTS or (word[:1] == "و" and word[1:] in _ADJUNCT_PREPOSITIONS):
        return True  # مصادر محلية | وفي المقاومة: a second place the sources are in
    return not outlet and word.endswith("ت") and not word.endswith("ات")


def _untagged_name(doc: Doc, a: int, b: int, gender: str) -> SpeakerInfo | None:
    """A short untagged phrase right before أن / a quote (وقال محمد رزاح إن)."""
    toks = doc.tokens
    words = [t for t in toks[a:b] if t.text not in QUOTE_CHARS]  # وقال "كيري" إنه
    if len(words) > 3 and words[0].norm.startswith("ال"):  # ذكر السيوطي | في سياق حديثه
        cut = next((j for j in (1, 2) if words[j].norm in _ADJUNCT_PREPOSITIONS), None)
        words = words[:cut] if cut is not None else words
    elif len(words) >= 2 and words[0].norm in _UNNAMED_SOURCES:  # تقارير إخبارية | اليوم
        outlet = words[0].norm in _OUTLETS  # صحيفة حرييت: a name, whatever its ending
        cut = next(
            (j for j in range(1, min(4, len(words))) if _source_ends_before(words[j].norm, outlet)),
            None,
        )
        words = words[:cut] if cut is not None else words
    elif len(words) > 3:  # شركات الإنترنت | في الهند: a place that ends the phrase
        cut = next(
            (
                j
                for j in (1, 2)
                if words[j].norm in _ADJUNCT_PREPOSITIONS
                and (m := doc.mention_at(words[j + 1].i)) is not None
                and m.label == "LOC"
                and m.end >= words[-1].end
            ),
            None,
        )
        words = words[:cut] if cut is not None else words
    cut = next((j for j, t in enumerate(words) if j > 0 and t.norm in _IDIOM_OBJECTS), None)
    words = words[:cut] if cut is not None else words  # آل فويز | النظر
    while words and words[-1].norm in ("ب", "ل", "ك"):
        words = words[:-1]  # وأوصى ابن كيران | بـ«ضرورة …»
    if not 1 <= len(words) <= 3 or not all(t.is_word for t in words):
        return None
    for t in words:
        w = t.norm
        if (
            w in NON_SUBJECT_STARTS
            or w in _NOT_SUBJECTS
            or (w[-1:] == "ه" and w[:-1] in PREPOSITIONS)  # أعرب خلاله عن
            or (w[-2:] == "ها" and w[:-2] in PREPOSITIONS)
            or w in ADVERBS
            or w in PREPOSITIONS
            or w.isdigit()
            or _has_preposition_clitic(w)
            or w.startswith(("بال", "لل"))
            or (w[:1] == "ل" and w[1:] in OUTLET_NOUNS)  # لوكالة "فرانس برس": spoken to
        ):
            return None
    span = (words[0].start, words[-1].end)
    one = len(words) == 1
    if one and _no_name(words[0]):
        return None
    if (len(words) <= 2 and words[-1].norm.startswith("ال")) or words[0].norm == "ال" or one:
        people = _people_by_part_of_name(doc, words[-1].norm)  # وأضاف الصباغ، وأعرب مدني
        if len(words) == 2 and not words[0].norm.startswith("ال"):  # جيهان ≠ أنور السادات
            pair = (words[0].norm, words[1].norm)
            people = [
                m
                for m in people
                if doc.clusters[m.cluster].words[0] == pair[0]
                or tuple(doc.clusters[m.cluster].words[-2:]) == pair  # سيد المحدثين
            ]
        if len(people) == 1:
            return from_mention(doc, people[0], span, gender)
        if people and one:
            return None  # وأضاف اليافعي: two people of that name, the context decides
    family = words[0].norm == "ال"  # آل ثابت: a family name
    unnamed = words[0].norm.startswith("ال") and not family
    label = "OTHER" if unnamed or words[0].norm in _UNNAMED_SOURCES else "PER"
    if "ال" + words[0].norm in ORG_HEADS:  # شركة إنشاء
        label = "ORG"
    name = " ".join(t.text for t in words)
    return SpeakerInfo(name, label, None, span, gender, True)


# Words that stand alone between a verb and what was said but name nobody: adverbs and
# elatives (وأكد ثانية أن، يقول دائما إن، ثم يوضح أكثر:; not آخر, وقال آخر is someone),
# pronouns, nouns whose أن-clause is their complement (وأكد ضرورة أن), and honorifics for a
# person named before (وأضاف سماحته، وعبر جلالته).
_NO_NAMES = frozenset(
    """اكثر اكبر هو هي ماذا اولا ثانيه دايما دوما يوما ابدا ضروره اهميه
    جلالته سماحته فضيلته""".split()
)


def _no_name(t: Token) -> bool:
    """One untagged word that cannot be a speaker's name: one of ``_NO_NAMES``, a reporting
    verb (وزاد:) or an adverb in the accusative (خجلاً، متابعًا)."""
    w = t.norm
    return w in _NO_NAMES or cue_form(w) is not None or "\u064b" in t.text  # fathatan


def _family_name_as_place(doc: Doc, k: int, a: int) -> bool:
    """A family name the tagger took for a place (عيضه | الهذلي، الناطق الإعلامي): a one-word
    place that no gazetteer lists, second of two words, set off by a comma and a title."""
    toks = doc.tokens
    m = doc.mention_at(k)
    if m is None or m.label != "LOC" or k != a + 1 or len(m.words) != 1:
        return False
    if not m.words[0].startswith("ال") or gazetteer().get(m.words) is not None:
        return False
    j = k + 1
    while j < len(toks) and toks[j].text in "،,":
        j += 1
    return j > k + 1 and j < len(toks) and is_title_word(toks[j].norm)


def _set_off_name(doc: Doc, a: int, b: int, gender: str) -> SpeakerInfo | None:
    """Two untagged words right after the verb that the phrase after them sets off as a name:
    a comma, a title, whom it was said to or the occasion (وقالت جيهان السادات، إن؛ وأوضح
    وحيد سعودي مدير عام التحاليل؛ وروت مارغو باخمان لصحيفة؛ وواصل X Y في حديث)."""
    toks = doc.tokens
    if a + 3 >= b or not (toks[a].is_word and toks[a + 1].is_word):
        return None
    for t in toks[a : a + 2]:
        w = t.norm
        if (
            (doc.mention_at(t.i) is not None and not _family_name_as_place(doc, t.i, a))
            or w in NON_SUBJECT_STARTS
            or w in ADVERBS
            or w in PREPOSITIONS
            or w in SOURCE_NOUNS
            or w in _NOT_SUBJECTS
            or is_title_word(w)
            or _has_preposition_clitic(w)
            or cue_form(w) is not None
            or "ال" + w in ORG_HEADS
            or w == "باسم"
            or (len(w) > 4 and w.endswith(("ها", "هم")))  # تسريبها: a noun with its owner
        ):
            return None
    if toks[a].norm.startswith(("ال", "وال")):
        return None
    nxt = toks[a + 2]
    after = toks[a + 3].norm
    outlet = nxt.norm == "ل" or (nxt.norm[:1] == "ل" and nxt.norm[1:] in OUTLET_NOUNS)
    occasion = nxt.norm in ("في", "خلال") and after in _OCCASION_NOUNS
    if not (nxt.text in "،," or is_title_word(nxt.norm) or outlet or occasion):
        return None
    span = (toks[a].start, toks[a + 1].end)
    return SpeakerInfo(doc.text[span[0] : span[1]], "PER", None, span, gender, True)


def _np_run_left(doc: Doc, ti: int) -> int:
    """Start token of the noun-phrase run ending right before token ``ti`` (ti if none)."""
    toks = doc.tokens
    j = ti - 1
    while j >= 0 and ti - j <= 10:
        t = toks[j]
        w = t.norm
        if t.text in "()" or (t.text in ",،" and doc.mention_at(j - 1) is not None):
            j -= 1
            continue
        if not t.is_word:
            break
        if (
            doc.mention_at(j) is not None
            or w == "و"
            or is_title_word(w)
            or (w in ("عام", "عامه") and j > 0 and is_title_word(toks[j - 1].norm))  # مدير عام
            or w in SOURCE_NOUNS
            or _bare(w) in TITLE_CONTINUATIONS
            or w == "باسم"
        ):
            j -= 1
            continue
        if w.startswith("ال") and w not in ADVERBS and w not in _RELATIVES:
            j -= 1
            continue
        if j > 0 and toks[j - 1].norm in SOURCE_NOUNS and _source_adjective(toks[j - 1].norm, w):
            j -= 1  # خبراء | سياسيون قالوا: an unnamed source's adjective
            continue
        before = toks[j - 1].norm if j > 0 else ""
        if (is_title_word(before) or before in ("عام", "عامه")) and names_a_body(w):
            j -= 1  # مدير عام | مؤسسة المتقاعدين … محمود ارديسات قال: the body a title leads
            continue
        if (
            w.startswith("و")
            and len(w) > 3
            and 0 < j < ti - 1
            and toks[j + 1].norm.startswith("ال")
            and toks[j - 1].norm.startswith("ال")
        ):
            j -= 1  # وزير الاتصالات وتقنية المعلومات: a noun joined by و stays in the title
            continue
        if w.startswith("وال") and w not in ADVERBS:
            j -= 1  # وزير الاقتصاد والتخطيط
            continue
        break
    return j + 1


def _topic_start(doc: Doc, ti: int) -> int | None:
    """أما العم حمزة الحكيم، فبين أنه …: the first token of the topic that a cue with the
    answering ف speaks for; None when the cue has no أما before it."""
    toks = doc.tokens
    if not toks[ti].norm.startswith("ف"):
        return None
    for j in range(ti - 1, max(-1, ti - 12), -1):
        if doc.tok_sent[j] != doc.tok_sent[ti]:
            return None
        if toks[j].norm in ("اما", "واما") and "أ" in toks[j].text[:2]:
            return j + 1
    return None


# Reports and unnamed sources that may stand before a relative clause's cue.
_REPORTERS = SOURCE_NOUNS | frozenset(
    "التقرير التقارير الدراسه الدراسات البيان الصحيفه الوكاله".split()
)


def _report_antecedent(doc: Doc, j: int, gender: str) -> SpeakerInfo | None:
    """A report or an unnamed source that a relative clause's cue speaks for (التقرير السابق
    الذي أشار إلى أن), ending at token ``j``; None for any other noun."""
    toks = doc.tokens
    if j < 0:
        return None
    a = j - 1 if j > 0 and toks[j - 1].norm in _REPORTERS else j
    if toks[a].norm not in _REPORTERS:
        return None
    span = _span(doc, a, j + 1)
    return SpeakerInfo(doc.text[span[0] : span[1]], "OTHER", None, span, gender, True)


def preverbal_speaker(
    doc: Doc, ti: int, gender: str, titles: list[TitleEntry]
) -> tuple[SpeakerInfo | None, int]:
    """Speaker before the cue (SVO or relative clause); also returns the run's start token."""
    toks = doc.tokens
    topic = _topic_start(doc, ti)
    if topic is not None:
        end = ti - 1 if not toks[ti - 1].is_word else ti
        for k in range(topic, end):
            m = doc.mention_at(k)
            if m is not None and m.label in ("PER", "ORG"):
                return from_mention(doc, m, _span(doc, topic, end), gender), topic
    if ti > 0 and toks[ti - 1].norm in _RELATIVES:
        j = ti - 2
        while j >= 0 and toks[j].text in "()" + QUOTE_CHARS:
            j -= 1
        m = doc.mention_at(j)
        if m is not None:
            return from_mention(doc, m, None, gender, explicit=False), ti - 1
        return _report_antecedent(doc, j, gender), ti
    end = ti - 1 if ti > 0 and toks[ti - 1].norm == "قد" else ti  # وكان مارتينو قد صرح
    form = cue_form(toks[ti].norm)
    if form is not None and form.form == "verb":
        outlet = _outlet_before(doc, end, gender)
        if outlet is not None:
            return outlet
    apposed = _apposed_name_before(doc, end, gender)
    if apposed is not None:
        return apposed
    found = (
        _noun_phrase_before(doc, end, gender, titles)
        or _kana_subject(doc, end, gender)
        or _subject_before_kana(doc, end, gender)
        or _name_right_before(doc, ti, gender)
    )
    return found if found is not None else (None, ti)


def _name_right_before(doc: Doc, ti: int, gender: str) -> tuple[SpeakerInfo, int] | None:
    """A person's name ending right before a present-tense verb with no conjunction, the end
    of a longer phrase (النائب في البرلمان الأردني قصي الدميسي | يرى أن): the verb's subject."""
    toks = doc.tokens
    form = cue_form(toks[ti].norm)
    if form is None or form.form != "imperfect" or ti == 0 or not toks[ti - 1].is_word:
        return None
    m = doc.mention_at(ti - 1)
    if m is None or m.label != "PER" or m.end != toks[ti - 1].end:
        return None
    first = doc.token_containing(m.start)
    if doc.tok_sent[first] != doc.tok_sent[ti]:
        return None
    return from_mention(doc, m, (m.start, m.end), gender), first


def _noun_phrase_before(
    doc: Doc, end: int, gender: str, titles: list[TitleEntry]
) -> tuple[SpeakerInfo, int] | None:
    """The named, titled, source or body noun phrase that opens its clause and ends right
    before token ``end`` (زعيم حزب الله حسن نصر الله قال، وكان مارتينو قد صرح), with its start
    token; None otherwise."""
    toks = doc.tokens
    a = _np_run_left(doc, end)
    if a >= end:
        return None
    left = toks[a - 1] if a > 0 else None
    if left is not None and left.is_word and left.norm not in _LEFT_BOUNDARIES:
        return None
    if left is not None and not left.is_word and left.text not in ".،,:؛;!؟?\n" + QUOTE_CHARS:
        return None
    if doc.tok_sent[a] != doc.tok_sent[end]:
        return None
    span = _span(doc, a, end)
    named = _subject_mentions(doc, a, end)
    person = next((m for m in named if m.label == "PER"), None)
    titled = is_title_word(toks[a].norm)
    if named and (person is not None or not titled):
        # زعيم حزب الله حسن نصر الله: the person the title's body leads to; a title with
        # only a body (محافظ مؤسسة النقد، قال) is the office holder, as after the verb
        first = person if person is not None and titled else named[0]
        return from_mention(doc, first, span, gender), a
    w = toks[a].norm
    if is_title_word(w):
        words = tuple(t.norm for t in toks[a:end] if t.is_word)
        person = resolve_title(doc, titles, words, toks[a].start)
        if person is not None:
            return from_mention(doc, person, span, gender), a
        return SpeakerInfo(doc.text[span[0] : span[1]], "OTHER", None, span, gender, True), a
    if w in PREVERBAL_SOURCE_NOUNS:
        return SpeakerInfo(doc.text[span[0] : span[1]], "OTHER", None, span, gender, True), a
    if _bare(w) in ORG_HEADS:
        org = resolve_org_head(doc, w, toks[a].start)
        if org is not None:
            return from_mention(doc, org, span, gender), a
    return None


_KANA = frozenset({"كان", "كانت", "وكان", "وكانت", "فكان", "فكانت"})
# A number of people (وكان عدد من خطباء السنة قد أعلنوا): the subject after كان.
_QUANTITIES = frozenset("عدد عشرات مئات مجموعه كثير العديد".split())


def _subject_mentions(doc: Doc, a: int, end: int) -> list[Mention]:
    """The mentions in tokens ``[a, end)`` that may head a subject: not a body after a
    preposition inside it (النواب الجمهوريون | بالكونغرس)."""
    toks = doc.tokens
    return [
        m
        for k in range(a, end)
        if (m := doc.mention_at(k)) is not None
        and (k == a or not _has_preposition_clitic(toks[k].norm))
    ]


def _kana_subject(doc: Doc, end: int, gender: str) -> tuple[SpeakerInfo, int] | None:
    """The subject between كان and the verb at token ``end`` (وكانت السلطات العراقية أعلنت،
    وكان ذوو المتوفاة قد أكدوا، وكان السيسي؛ قد أوضح): after كان a definite noun phrase or one
    in construct before the verb is the verb's subject, named or not."""
    toks = doc.tokens
    b = end - 1 if end > 0 and toks[end - 1].text in "؛،," else end
    a = b - 1
    while a >= 0 and b - a <= 8 and toks[a].norm not in _KANA:
        if not (toks[a].is_word or toks[a].text in QUOTE_CHARS):
            break
        a -= 1
    if a < 0 or toks[a].norm not in _KANA or doc.tok_sent[a] != doc.tok_sent[end]:
        return None
    a += 1
    if a >= b or any(g.start <= toks[end].start < g.end for g in doc.segments):
        return None  # وكان قد كشف; «كان الناس يقولون»: the quoted speaker's own words
    issuer = report_issuer(doc, a, b, gender) if _bare(toks[a].norm) in _REPORTS else None
    if issuer is not None:  # وكان بيان صادر عن وزارة الخارجية التركية، أعلن: the ministry
        return issuer, a
    if b - a > 6:
        return None
    named_seg = _marked_name_after(doc, a, toks[b - 1].end)
    if named_seg is not None:  # وكانت "دنيا الرياضة" قد أشارت: the outlet named in marks
        closing = named_seg.close_mark
        if closing is not None and doc.token_at(closing) == b - 1:
            return _named_in_marks(doc, named_seg, toks[a].start, gender), a
        return None
    if not all(toks[k].is_word for k in range(a, b)):
        return None
    definite = [doc.mention_at(k) is not None or toks[k].norm.startswith("ال") for k in (a, a + 1)]
    some = a + 2 < b and toks[a].norm in _QUANTITIES and toks[a + 1].norm == "من"
    body = a + 1 < b and "ال" + toks[a].norm in ORG_HEADS  # وكانت شركة مترو جدة قد أوضحت
    if not (
        definite[0] or some or body or (a + 1 < b and definite[1] and toks[a].text[-1] not in "اً")
    ):
        return None  # كان مصيبا حين قال، كانت آخر مرة، كان ولا يزال: no noun phrase subject
    span = _span(doc, a, b)
    named = [m for m in _subject_mentions(doc, a, b) if not (body and m.label == "LOC")]
    if is_title_word(toks[a].norm) and all(m.label != "PER" for m in named):
        named = []  # وكان محافظ مؤسسة النقد قد قال: the governor, not the agency
    if named:  # not جدة in شركة مترو جدة: the company's
        return from_mention(doc, named[0], span, gender), a
    label = "ORG" if body else "OTHER"
    return SpeakerInfo(doc.text[span[0] : span[1]], label, None, span, gender, True), a


def _subject_before_kana(doc: Doc, end: int, gender: str) -> tuple[SpeakerInfo, int] | None:
    """The noun phrase between أن and كان right before the verb's قد (يذكر أن الادعاء العام
    الألماني كان قد أعلن، أن صحيفة «الحياة» كانت قد كشفت): the subject of a past report."""
    toks = doc.tokens
    k = end - 1
    if k < 2 or toks[k].norm not in ("كان", "كانت"):
        return None
    a = k - 1
    while a >= 0 and k - a <= 6 and (toks[a].is_word or toks[a].text in QUOTE_CHARS):
        if toks[a].norm in ("ان", "بان"):
            break
        a -= 1
    if a < 0 or toks[a].norm not in ("ان", "بان") or doc.tok_sent[a] != doc.tok_sent[end]:
        return None
    a += 1
    if a >= k or not (toks[a].norm.startswith("ال") or any(doc.mention_at(j) for j in (a, a + 1))):
        return None  # أن كان قد: no noun phrase; إدارة نادي النصر كانت قد: in construct
    span = _span(doc, a, k)
    named = [m for j in range(a, k) if (m := doc.mention_at(j)) is not None and m.label != "LOC"]
    if named:
        return from_mention(doc, named[0], span, gender), a
    return SpeakerInfo(doc.text[span[0] : span[1]], "OTHER", None, span, gender, True), a


def _apposed_name_before(doc: Doc, ti: int, gender: str) -> tuple[SpeakerInfo, int] | None:
    """A person's name set off by commas right before the verb at token ``ti`` (وكانت النائبة
    في الكنيست، تمار زندبيرج، صرحت)."""
    toks = doc.tokens
    if ti < 3 or toks[ti - 1].text not in "،,":
        return None
    m = doc.mention_at(ti - 2)
    if m is None or m.label != "PER" or m.end != toks[ti - 2].end:
        return None
    k = doc.token_containing(m.start) - 1
    if k < 0 or toks[k].text not in "،," or doc.tok_sent[k] != doc.tok_sent[ti]:
        return None
    return from_mention(doc, m, (m.start, m.end), gender), k + 1


def _outlet_before(doc: Doc, ti: int, gender: str) -> tuple[SpeakerInfo, int] | None:
    """An outlet named in marks right before token ``ti`` (الصحيفة المحلية «في إل تي» ذكرت)."""
    toks = doc.tokens
    if ti < 3 or toks[ti - 1].text not in QUOTE_CHARS:
        return None
    seg = next((g for g in doc.segments if g.close_mark == toks[ti - 1].start), None)
    if seg is None or seg.open_mark is None or len(doc.text[seg.start : seg.end].split()) > 3:
        return None
    k = doc.token_containing(seg.open_mark) - 1
    for j in range(k, max(-1, k - 3), -1):
        if not toks[j].is_word:
            return None
        if _bare(toks[j].norm) in _OUTLETS:
            before = toks[j - 1].norm if j > 0 else ""
            name = norm(doc.text[seg.start : seg.end])
            if toks[j].norm[:1] in "بل" or before in PREPOSITIONS or _nisba(name):
                return None  # على موقع «تويتر» تقول، الصحيفة "الأسبانية": no outlet subject
            return _named_in_marks(doc, seg, toks[j].start, gender), j
    return None


def _nisba(word: str) -> bool:
    """A definite nationality adjective alone (الإسبانية), not a name."""
    return " " not in word and word.startswith("ال") and word.endswith(("يه", "ي"))


def noun_cue_speaker(
    doc: Doc, ti: int, gender: str, titles: list[TitleEntry]
) -> SpeakerInfo | None:
    """Speaker right before a verbal-noun cue: عن بيسكوف قوله، نتنياهو تحذيره."""
    j = ti - 1
    while j >= 0 and doc.tokens[j].text in "()" + QUOTE_CHARS:
        j -= 1
    m = doc.mention_at(j)
    if m is not None and _addressed(doc, doc.token_containing(m.start)):
        return None  # وواصل حديثه لـ”عين اليوم” بقوله: the outlet is spoken to
    if m is not None:
        a = _np_run_left(doc, doc.token_containing(m.start))
        if a > 0 and doc.tokens[a - 1].norm == "عن":
            a = doc.token_containing(m.start) if a >= ti else a
        return from_mention(doc, m, (m.start, m.end) if a >= j else _span(doc, a, j + 1), gender)
    a = _np_run_left(doc, ti)
    if a < ti and is_title_word(doc.tokens[a].norm):
        words = tuple(t.norm for t in doc.tokens[a:ti] if t.is_word)
        person = resolve_title(doc, titles, words, doc.tokens[a].start)
        if person is not None:
            return from_mention(doc, person, _span(doc, a, ti), gender)
    return None


def _addressed(doc: Doc, first: int) -> bool:
    """Whether the mention starting at token ``first`` is spoken to (لـ، إلى، مع), not the
    source (عن X قوله)."""
    p = first - 1
    while p >= 0 and doc.tokens[p].text in QUOTE_CHARS:
        p -= 1
    if p > 0 and doc.tokens[p].norm in NAMING_NOUNS:
        p -= 1  # وانتقل في حديثه إلى منطقة | اليورو بقوله
    return p >= 0 and (doc.tokens[p].text in ("ل", "لـ") or doc.tokens[p].norm in ("الي", "مع"))


def attribution_source(doc: Doc, a: int, sentence_end: int) -> SpeakerInfo | None:
    """Source after an attribution phrase (حسب وكالة …، وفقا لفريق الإحصاء …)."""
    toks = doc.tokens
    named = _marked_name_after(doc, a, sentence_end)
    if named is not None and doc.mention_at(a + 1) is None:  # وحسب "بوابة الأهرام"، أثار
        return _named_in_marks(doc, named, named.start, "m")
    while a < len(toks) and (toks[a].text in "()" + QUOTE_CHARS or toks[a].norm in ADVERBS):
        a += 1  # بحسب ما أفاد | أمس الأربعاء | مسؤول محلي
    if a >= len(toks) or toks[a].start >= sentence_end:
        return None
    m = doc.mention_at(a)
    if m is not None:
        return from_mention(doc, m, (max(m.start, toks[a].start), m.end), "m")
    part = _untagged_part_of_name(doc, a)
    if part is not None:  # …، على ما أكد بيدج: the person named in full earlier
        return from_mention(doc, part, (toks[a].start, toks[a].end), "m")
    k = a
    while k < len(toks) and k < a + 4 and toks[k].is_word and toks[k].start < sentence_end:
        w = toks[k].norm
        if k > a and (w in PREPOSITIONS or w in ADVERBS or w.isdigit() or doc.mention_at(k)):
            break
        if w in ("فان", "فانه", "فانها", "فقد") or w in NON_REPORT_BEFORE_AN:
            break  # وحسب التوقعات | فإن، بحسب خبراء تحدثوا للصحيفة | رغم أن
        if w.isdigit():
            break
        k += 1
    if k == a:
        return None
    start = toks[a].start
    first = toks[a].norm
    if first[:1] == "ل" and len(first) > 3 and not first.startswith("لل"):
        start += 1
    if first.startswith("ال") and doc.mention_at(a) is None:
        # وبحسب التقرير | ارتفع الناتج: the definite source and its genitives (النتائج الرسمية
        # للانتخابات، التقرير السنوي لمركز الأبحاث), not the verb after it
        k = next((j for j in range(a + 1, k) if not continues_source(toks[j].norm)), k)
    span = (start, toks[k - 1].end)
    w0 = strip_proclitic(first)
    if is_title_word(first) or w0 in _STATED:  # حسب مديرة الحفل رانيا الياس، وفق تصريح
        # رئيسها الأمير سعود بن ثنيان: the person the title or the statement names
        for j in range(a + 1, min(a + 6, len(toks))):
            m = doc.mention_at(j)
            if m is not None and m.label == "PER" and m.start < sentence_end:
                return from_mention(doc, m, (span[0], m.end), "m")
    if w0 in _ATTRIBUTED_REPORTS or first in _ATTRIBUTED_REPORTS:  # وفقا لبيان صادر عن رئاسة
        # الجمهورية، وفق تقارير الأمم المتحدة: the body that issued it
        issuer = report_issuer(doc, a, doc.token_at(sentence_end), "m")
        if issuer is not None:
            return issuer
    body = _names_a_body(w0)
    if not body and w0 not in SOURCE_NOUNS and {w0, first}.isdisjoint(_REPORT_SOURCES):
        return None
    named = _marked_name_after(doc, k, sentence_end)
    if named is not None:  # بحسب شركة "إفكتف ميجور"، وكالة «إيسنا»: the name in marks
        return _named_in_marks(doc, named, start, "m")
    if body:  # بحسب المعهد، حسب منظمات الدفاع عن حقوق الإنسان
        org = resolve_org_head(doc, w0, toks[a].start) if w0.startswith("ال") else None
        if org is not None:
            return from_mention(doc, org, span, "m")
        return SpeakerInfo(source_name(doc.text[span[0] : span[1]]), "ORG", None, span, "m", True)
    return SpeakerInfo(source_name(doc.text[span[0] : span[1]]), "OTHER", None, span, "m", True)


def continues_source(word: str) -> bool:
    """A definite word or a genitive with ل that goes on with a definite source (not a
    relative pronoun: الإحصائية الحكومية | التي أطلعت)."""
    if word in FUNCTION_WORDS or word in _RELATIVES:
        return False
    return word.startswith("ال") or (word[:1] == "ل" and len(word) > 3)


_STATED = frozenset("تصريح تصريحات حديث كلام قول اقوال".split())


def _names_a_body(word: str) -> bool:
    """A noun that heads an organisation's name, singular or plural (معهد، المنظمة، منظمات)."""
    bare = word[2:] if word.startswith("ال") else word
    if bare.endswith("ات"):
        bare = bare[:-2] + "ه"
    return bare in HEADS or bare in DEFINITE_HEADS


_MARKED_NAME_WORDS = 3  # a name in quotation marks is at most this long


def name_before_complementizer(doc: Doc, seg: Segment) -> int | None:
    """Token of the complementizer right after the short marked phrase ``seg`` (، past a
    comma), or None: a name in marks on the way to أن, not what was said."""
    if seg.close_mark is None or len(doc.text[seg.start : seg.end].split()) > _MARKED_NAME_WORDS:
        return None
    toks = doc.tokens
    k = doc.token_at(seg.close_mark + 1)
    if k < len(toks) and toks[k].text in "،,":
        k += 1
    return k if k < len(toks) and toks[k].norm in COMPLEMENTIZERS else None


def _titled_name_in_marks(doc: Doc, a: int, b: int, gender: str) -> SpeakerInfo | None:
    """A title phrase in tokens [a, b), then a person's name of two or three words in marks
    right before أن (أوضح مدير فرع الجمعية في بيشة “سياف آل خشيل”، أن): the named person; not
    a body's name after its head noun (مدير عام شركة “المراعي”)."""
    toks = doc.tokens
    if not is_title_word(toks[a].norm) or b >= len(toks) or toks[b].text not in QUOTE_CHARS:
        return None
    if any(t.norm in _RELATIVES or cue_form(t.norm) is not None for t in toks[a:b]):
        return None  # الباحث الذي اخترع مبدأ «عيادة طبية للفئران»: what he invented
    seg = next((g for g in doc.segments if g.open_mark == toks[b].start), None)
    if seg is None or seg.close_mark is None or not toks[b - 1].is_word:
        return None
    if name_before_complementizer(doc, seg) is None:
        return None
    words = norm(doc.text[seg.start : seg.end]).split()
    bare = strip_proclitic(toks[b - 1].norm)
    if not 2 <= len(words) <= 3 or words[0].startswith("ال"):
        return None
    if bare in NAMING_NOUNS or "ال" + bare in ORG_HEADS:
        return None
    if any((m := doc.mention_at(j)) is not None and m.label == "PER" for j in range(a, b)):
        return None  # النائب عمار حوري «تيار المستقبل»: his party, the person named already
    span = (toks[a].start, seg.close_mark + 1)
    m = doc.mention_at(b + 1)
    if m is not None and m.label == "PER":
        return from_mention(doc, m, span, gender)
    return SpeakerInfo(doc.text[seg.start : seg.end], "PER", None, span, gender, True)


def _named_in_marks(doc: Doc, seg: Segment, start: int, gender: str) -> SpeakerInfo:
    """A source named by the marked segment ``seg``, its phrase running from ``start`` to the
    closing mark."""
    end = seg.close_mark + 1 if seg.close_mark is not None else seg.end
    return SpeakerInfo(doc.text[seg.start : seg.end], "ORG", None, (start, end), gender, True)


def _marked_name_after(doc: Doc, k: int, sentence_end: int) -> Segment | None:
    """The short marked segment that opens at token ``k`` (the source's name in marks)."""
    toks = doc.tokens
    if k >= len(toks) or toks[k].text not in QUOTE_CHARS or toks[k].start >= sentence_end:
        return None
    for seg in doc.segments:
        if seg.open_mark == toks[k].start and len(doc.text[seg.start : seg.end].split()) <= 3:
            return seg
    return None


def source_name(phrase: str) -> str:
    """A source phrase as a name: لل read as ال (وفقا للمصادر → المصادر)."""
    return "ال" + phrase[2:] if phrase.startswith("لل") else phrase
