"""Organisation names built on a generic head noun: وزارة الدفاع الروسية، وكالة الأنباء السورية.

NER corpora such as ANERcorp leave these phrases untagged (``وزارة/O الصناعة/O``) or tag only
the name after the head (``صحيفة/O القادسية/B-ORG``), while the event contract counts
ministries, agencies, armies, channels and newspapers as ORG under their full name. This module
finds a head noun followed by modifiers (definite nouns and adjectives, ``لل`` genitives, words
the tagger marked as entities) and makes the phrase one ORG mention, replacing the tagger's
mentions that overlap it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from models.attribution.gazetteer import gazetteer
from models.attribution.lexicon import ADVERBS, AFFILIATED, FUNCTION_WORDS, TITLE_HEADS
from models.attribution.normalize import (
    QUOTE_CHARS,
    Token,
    skip_letters,
    strip_article_proclitic,
    strip_proclitic,
    token_mentions,
    tokenize,
)
from models.spans import EntitySpan

# Head nouns of organisation names (normalised, without article or proclitic), in construct
# state: وزارة الدفاع، منظمة التجارة العالمية، أمانة منطقة القصيم (a municipality).
HEADS = frozenset(
    """وزاره وكاله قناه صحيفه مجله اذاعه منظمه هييه مجلس جامعه حزب جبهه جمعيه موسسه
    شركه بنك مصرف اتحاد قوات جيش لجنه مديريه محكمه معهد اكاديميه نادي استخبارات مخابرات
    حرس كتايب امانه مستشفي ديوان صندوق جريده شرطه بلديه مكتب مرصد""".split()
)
# Heads that also name a body with the article (الاتحاد الأوروبي، القوات المسلحة، الجيش السوري);
# for the others a definite head with an adjective is usually generic (الشركة الأمريكية).
DEFINITE_HEADS = frozenset(
    """هييه مجلس جامعه اتحاد قوات جيش بنك محكمه استخبارات مخابرات حرس مركز مديريه حزب وكاله
    منظمه رياسه اداره موسسه امانه لجنه شركه غرفه شرطه مكتب مرصد""".split()
)
# Definite heads that name a body only with two modifiers or more (المركز الوطني للدراسات،
# المديرية العامة للشؤون الصحية، الوكالة الدولية للطاقة الذرية), not with one (المركز الثاني:
# second place, المركز الإعلامي، الوكالة الرسمية).
TWO_MODIFIER_HEADS = frozenset(
    "مركز مديريه وكاله منظمه رياسه اداره موسسه امانه لجنه شركه غرفه مكتب".split()
)
# Every head noun of a body's name.
BODY_HEADS = HEADS | DEFINITE_HEADS | TWO_MODIFIER_HEADS
# Heads of clubs, whose coordinated names are other clubs (نادي الشباب | والفتح).
CLUB_HEADS = ("نادي",)
# Indefinite words that continue a head in construct state, right after it (وكالة أنباء الشرق
# الأوسط، إذاعة صوت إسرائيل، أمانة منطقة القصيم، لجنة مكافحة الإرهاب).
CONSTRUCT_WORDS = frozenset({"انباء", "صوت", "منطقه", "محافظه", "مكافحه"})
# Adjectives of a person's title, not of the organisation (رئيس الاستخبارات السعودية الأسبق).
TITLE_ADJECTIVES = frozenset("الاسبق السابق السابقه الحالي الحاليه المكلف المكلفه".split())
# Adjectives that follow a definite head besides relative adjectives and participles (الم…).
ADJECTIVES = frozenset("العام العامه العليا الاعلي الكبري الدولي الدوليه".split())
# Facilities named after a king or a prince (مركز الملك سلمان للإغاثة، مطار الملك عبدالعزيز
# الدولي): the head noun, normalised without article, and the type of the whole name.
FACILITY_HEADS = {
    **dict.fromkeys("مركز مستشفي مكتبه مجمع موسسه".split(), "ORG"),
    **dict.fromkeys("مطار مدينه طريق شارع ملعب استاد جسر ميناء".split(), "LOC"),
}
NAMESAKE_TITLES = frozenset({"الملك", "الامير", "الاميره"})
# Modifiers that make the phrase a place (الاتحاد السوفيتي، قناة السويس).
NOT_ORGANISATIONS = frozenset({"السوفيتي", "السوفياتي", "السوفييتي", "السويس", "بنما"})
# A head and one modifier that make a generic noun, not a body's name (مجلس الإدارة: a board
# of directors; قوات الأمن: security forces); more modifiers name one (المجلس البلدي لمحافظة جدة).
GENERIC_BODIES = frozenset(
    {
        ("مجلس", "الاداره"),
        ("هييه", "التدريس"),
        ("قوات", "الامن"),
        ("المجلس", "البلدي"),
        ("قوات", "النظام"),
        ("قوات", "الجيش"),
        ("قوات", "الاحتلال"),
        ("القوات", "المشتركه"),
        ("القوات", "الامنيه"),
        ("القوات", "البريه"),
    }
)
# Adjectives that describe forces by their side, whatever follows (القوات الموالية للحكومة،
# الجيش الموالي للشرعية، القوات الحكومية السورية): no body's name.
SIDE_ADJECTIVES = frozenset("المواليه الموالي الحكوميه المعارضه المعارض".split())
# A committee's role or make-up (اللجنة المنظمة للمهرجان، اللجنة التنفيذية للفيفا، اللجنة
# الرباعية): a body's working group, not a named body like اللجنة العامة للانتخابات.
COMMITTEE_ROLES = frozenset(
    """المنظمه التنفيذيه الاشرافيه الاعلاميه الفنيه التنظيميه التحضيريه الفرعيه العلميه
    الاجتماعيه النسائيه الاقتصاديه المشتركه التنسيقيه الاداريه الاستشاريه التحقيقيه الطبيه
    القانونيه المكونه الثلاثيه الرباعيه السداسيه السباعيه""".split()
)
# Kinds of media outlet whose name may follow in quotation marks (صحيفة "سبق").
OUTLET_NOUNS = frozenset("صحيفه جريده قناه مجله وكاله اذاعه موقع شبكه".split())
MAX_OUTLET_WORDS = 4
PROCLITICS = ("وب", "ول", "و", "ف", "ب", "ل", "")
MAX_MODIFIERS = 5
# Bodies a country has one of, named by the country's adjective (الحكومة اليمنية، المنتخب
# البرازيلي، البحرية الروسية) or, in construct, by the place (حكومة الإمارات، منتخب سويسرا).
NATIONAL_BODIES = frozenset("حكومه منتخب برلمان بحريه رياسه سفاره".split())
# Adjectives of such a body that name no country (الحكومة الشرعية، المنتخب الوطني).
NOT_COUNTRY_ADJECTIVES = frozenset(
    a + ending
    for a in """الشرعي المحلي القانوني المركزي الانتقالي الفيدرالي الاتحادي الحالي الايتلافي
    العسكري الاسلامي الديني الوطني الاولمبي الكروي""".split()
    for ending in ("", "ه")
)
SCORE = 0.9


@lru_cache(maxsize=1 << 16)  # called for every token; news vocabulary repeats a lot
def head_proclitic(word: str) -> int | None:
    """Letters of the proclitic before a head noun in the normalised ``word`` (None: no head).

    In للمجلس the ل stays in the mention (the article lost its alef), only a conjunction goes.
    """
    for conjunction in ("", "و", "ف"):
        rest = word[len(conjunction) :]
        if word.startswith(conjunction) and rest.startswith("لل") and rest[2:] in DEFINITE_HEADS:
            return len(conjunction)
    for p in PROCLITICS:
        if not word.startswith(p):
            continue
        rest = word[len(p) :]
        definite = rest.startswith("ال")
        noun = rest[2:] if definite else rest
        if noun in (DEFINITE_HEADS if definite else HEADS):
            return len(p)
    return None


def is_nisba(word: str) -> bool:
    """A definite relative adjective (السورية، اللبناني، العربي), which ends a name's nouns."""
    return (
        word.startswith("ال")
        and word.endswith(("ي", "يه"))
        and len(word) > 5
        and word not in ADJECTIVES  # الأعلى، الكبرى end in ى, not the relative ي
    )


def _proper_name(word: str) -> bool:
    """A modifier that names the body itself (سبوتنك، الله), after which a relative adjective
    only describes it; a definite common noun (الدفاع) needs the adjective to be a name."""
    word = strip_article_proclitic(word)
    return word == "الله" or not (
        word.startswith(("ال", "لل")) or word in CONSTRUCT_WORDS or word in TITLE_HEADS
    )


def _modifiers_end(
    tokens: Sequence[Token], i: int, mention_at: list[int], glued: list[bool], person: list[bool]
) -> int:
    """End (exclusive) of the modifiers of the head noun at token ``i``.

    Modifiers: definite nouns and adjectives, ``لل`` genitives (or ل and a noun in construct
    after a definite head's adjective: الرئاسة العامة لرعاية الشباب), words the tagger marked,
    a word after أنباء (وكالة أنباء سبوتنك), a title and its name right after the head (جامعة
    الملك سعود) and a coordinated definite noun after a definite one (وزارة الثقافة والإعلام). A
    definite head takes an adjective first (الجيش السوري، القوات المسلحة), not a noun or a title
    (المؤسسة | المهندس). After a relative adjective (وزارة الخارجية المصرية), in the name or in
    a mention inside it, only relative adjectives follow; a time word, a listed place after ب
    (مطار الملك عبدالعزيز | بجدة), a title later on, a former/current (الأسبق), amounting to or
    affiliated with (البالغ، التابعة), a glued proclitic word (وروسيا), a person's full name
    after a modifier that is no title (وزارة التعليم | مبارك العصيمي) or a relative adjective
    after a proper name (سبوتنك الروسية، حزب الله اللبناني) ends the name.
    """
    j = i + 1
    after_nisba = False
    definite = strip_article_proclitic(tokens[i].norm).startswith("ال")
    club = tokens[i].norm.endswith(CLUB_HEADS)  # a club is named by one word (نادي الرائد)
    while j < len(tokens):
        token, word = tokens[j], tokens[j].norm
        in_mention = mention_at[j] >= 0 and mention_at[j] == mention_at[j - 1]
        if j - i > MAX_MODIFIERS and not in_mention:  # a listed name may be longer
            break
        if in_mention:
            after_nisba = is_nisba(word)  # صندوق النقد الدولي | المتمثل
            j += 1  # the rest of a mention already taken (روسيا اليوم)
            continue
        stop = word in ADVERBS or word in TITLE_ADJECTIVES or word in FUNCTION_WORDS
        # أمانة المنطقة | البالغ عددهم (amounting to); اللجنة العليا للإغاثة | التابعة للحكومة;
        # قناة آزال الفضائية | الموالية للرئيس
        stop = stop or word.startswith(("البالغ", "التابع")) or word in AFFILIATED
        prev = tokens[j - 1].norm
        if not token.is_word or stop or glued[j] or located_place(word):
            break
        if word == "الله" and j > i + 1 and not tokens[j - 1].norm.endswith("عبد"):
            break  # لهيئة كبار العلماء | الله تعالى: God; not حزب الله or مركز الملك عبد الله
        if person[j] and j > i + 1 and prev not in TITLE_HEADS and prev != "الامام":
            break  # وزارة التعليم | مبارك العصيمي; not جامعة الملك عبدالعزيز
        if j > i + 1 and is_nisba(word) and _proper_name(prev):
            break  # وكالة أنباء سبوتنك الروسية: the adjective describes a named body
        if definite and j == i + 2 and mention_at[j] < 0 and _field_in_construct(tokens, j):
            after_nisba = True  # then only adjectives: الهيئة الوطنية لحماية الحياة الفطرية
            j += 2  # الاتحاد السعودي لكرة القدم: ل, a noun and its definite complement
            continue
        if after_nisba:  # المركز الوطني للدراسات: a definite head's adjective, then its field
            ok = is_nisba(word) or (definite and j == i + 2 and word.startswith("لل"))
        elif definite and j == i + 1:  # an adjective: الجيش السوري، القوات المسلحة
            ok = is_nisba(word) or word.startswith("الم") or word in ADJECTIVES
            ok = ok and (is_nisba(word) or word not in TITLE_HEADS)  # المؤسسة | المهندس أحمد
        elif word in TITLE_HEADS:
            ok = j == i + 1
        elif word.startswith("وال"):  # وزارة الثقافة والإعلام; not أمانة منطقة القصيم واللجنة
            ok = j > i + 1 and prev.startswith(("ال", "لل")) and not is_nisba(prev)
            ok = ok and not club  # نادي الشباب | والفتح
            ok = ok and (mention_at[j - 1] < 0 or prev.startswith("لل"))  # للعلوم والتكنولوجيا
            ok = ok and not names_a_body(word[1:])  # لرعاية الشباب | واللجنة الأولمبية
        else:
            ok = mention_at[j] >= 0 or word.startswith(("ال", "لل"))
            ok = ok or (word in CONSTRUCT_WORDS and j == i + 1)  # مجلس الأمن | صوت بالإجماع
            ok = ok or prev in CONSTRUCT_WORDS or (prev in TITLE_HEADS and j == i + 2 and not club)
        if not ok:
            break
        after_nisba = (after_nisba and not word.startswith("لل")) or is_nisba(word)
        j += 1
    return j


def _field_in_construct(tokens: Sequence[Token], j: int) -> bool:
    """Whether token ``j`` is ل and an indefinite noun in construct with the definite noun after
    it (لرعاية الشباب، لحقوق الإنسان): a body's field, like a لل genitive; not another body
    (الإدارة العامة | لهيئة الهلال الأحمر)."""
    word = tokens[j].norm
    if not word.startswith("ل") or word.startswith("لل") or len(word) < 4 or j + 1 >= len(tokens):
        return False
    if names_a_body(word[1:]):
        return False
    after = tokens[j + 1]
    return after.is_word and after.norm.startswith("ال") and not is_nisba(after.norm)


def organisation_spans(
    text: str, entities: Sequence[EntitySpan], tokens: Sequence[Token] | None = None
) -> list[EntitySpan]:
    """ORG spans of head-noun organisation names in ``text`` (not overlapping each other), and
    ORG or LOC spans of facilities named after a king or a prince.

    ``entities`` are the tagger's mentions: their words count as modifiers (قناة روسيا), except
    a word whose mention starts after a proclitic (وروسيا: a coordinated name).
    """
    tokens = tokenize(text) if tokens is None else tokens
    entities = sorted(entities, key=lambda s: s.start)
    mention_at = token_mentions(tokens, entities)
    glued = [
        k >= 0 and t.start < entities[k].start for t, k in zip(tokens, mention_at, strict=True)
    ]
    words = Counter(k for t, k in zip(tokens, mention_at, strict=True) if k >= 0 and t.is_word)
    person = [k >= 0 and entities[k].label == "PER" and words[k] >= 2 for k in mention_at]
    spans: list[EntitySpan] = []
    i = 0
    while i < len(tokens):
        if not tokens[i].is_word:
            i += 1
            continue
        body = _national_body_end(tokens, i, entities, mention_at)
        if body is not None:
            start = tokens[i].start + skip_letters(tokens[i].text, body[0])
            spans.append(EntitySpan(start, tokens[body[1] - 1].end, "ORG", SCORE))
            i = body[1]
            continue
        clitic, label = head_proclitic(tokens[i].norm), "ORG"
        if clitic is None and i + 1 < len(tokens) and tokens[i + 1].norm in NAMESAKE_TITLES:
            clitic, label = _facility(tokens, i)
        if clitic is None:
            i += 1
            continue
        j = _modifiers_end(tokens, i, mention_at, glued, person)
        modifiers = {t.norm for t in tokens[i + 1 : j]}
        head = tokens[i].norm[clitic:] if clitic else tokens[i].norm
        side = j > i + 1 and tokens[i + 1].norm in SIDE_ADJECTIVES
        role = strip_article_proclitic(head) == "اللجنه" and tokens[i + 1].norm in COMMITTEE_ROLES
        generic = (
            side
            or role
            or (
                j == i + 2
                and (
                    (head, tokens[i + 1].norm) in GENERIC_BODIES
                    or strip_article_proclitic(head)[2:] in TWO_MODIFIER_HEADS
                )
            )
        )
        if not modifiers or modifiers & NOT_ORGANISATIONS or generic:
            i += 1
            continue
        start = tokens[i].start + skip_letters(tokens[i].text, clitic)
        spans.append(EntitySpan(start, tokens[j - 1].end, label, SCORE))
        i = j
    return spans


def _national_body_end(
    tokens: Sequence[Token], i: int, entities: Sequence[EntitySpan], mention_at: list[int]
) -> tuple[int, int] | None:
    """Letters to skip and end token of a national body named at token ``i``: the body and a
    country's adjective (الحكومة اليمنية، للحكومة اليابانية، المنتخب البرازيلي) or the body
    and a place the tagger or the list marked (حكومة الإمارات، منتخب سويسرا); None otherwise
    (الحكومة الشرعية، حكومة الرئيس هادي). Only a conjunction or ب before it is skipped, as
    for other heads."""
    word = tokens[i].norm
    skip = 1 if word[:1] in ("و", "ف") and len(word) > 5 else 0
    if word[skip : skip + 1] == "ب" and strip_proclitic(word[skip:]) != word[skip:]:
        skip += 1
    rest, j = word[skip:], i + 1
    if j >= len(tokens) or not tokens[j].is_word:
        return None
    nxt = tokens[j].norm
    definite = strip_article_proclitic(rest)
    if definite.startswith("ال") and definite[2:] in NATIONAL_BODIES:
        country = is_nisba(nxt) and nxt not in NOT_COUNTRY_ADJECTIVES
        return (skip, j + 1) if country else None
    head = rest[1:] if rest.startswith("ل") and rest[1:] in NATIONAL_BODIES else rest
    k = mention_at[j]
    if head not in NATIONAL_BODIES or head == "رياسه" or k < 0 or entities[k].label != "LOC":
        return None  # برئاسة أمريكا: chaired by
    if entities[k].start != tokens[j].start:
        return None  # حكومة | وروسيا: a coordinated name
    while j < len(tokens) and mention_at[j] == k:
        j += 1
    return skip, j


@lru_cache(maxsize=1 << 14)
def located_place(word: str) -> bool:
    """A listed place after ب (بجدة، بالرياض): where the body is, not part of its name."""
    if not word.startswith("ب") or len(word) < 4:
        return False
    entry = gazetteer().get((word[1:],))
    return entry is not None and entry.label == "LOC"


@lru_cache(maxsize=1 << 14)
def names_a_body(word: str) -> bool:
    """Whether the normalised ``word`` is an organisation or facility head (وزارة، مطار)."""
    if head_proclitic(word) is not None:
        return True
    return any(word.startswith(p) and word[len(p) :] in FACILITY_HEADS for p in PROCLITICS)


def _facility(tokens: Sequence[Token], i: int) -> tuple[int | None, str]:
    """Proclitic letters and type of a facility head at token ``i`` followed by a king's or a
    prince's title (مستشفى الملك فيصل، مطار الملك عبدالعزيز); ``(None, "")`` otherwise."""
    if i + 2 >= len(tokens) or tokens[i + 1].norm not in NAMESAKE_TITLES:
        return None, ""
    word = tokens[i].norm
    for p in PROCLITICS:
        noun = word[len(p) :] if word.startswith(p) else ""
        if noun in FACILITY_HEADS:
            return len(p), FACILITY_HEADS[noun]
    return None, ""


def quoted_outlet_spans(tokens: Sequence[Token]) -> list[EntitySpan]:
    """ORG spans of outlets named in quotation marks after their kind (صحيفة "الأهرام اليوم"،
    قناة “إلي بي سي آي”، موقع «سبق»): the name inside the marks."""
    spans: list[EntitySpan] = []
    for i, token in enumerate(tokens[:-2]):
        if tokens[i + 1].text not in QUOTE_CHARS or not token.is_word:
            continue
        if strip_proclitic(token.norm) not in OUTLET_NOUNS:
            continue
        j = i + 2
        while j < len(tokens) and j - i - 2 < MAX_OUTLET_WORDS and tokens[j].is_word:
            j += 1
        if i + 2 < j < len(tokens) and tokens[j].text in QUOTE_CHARS:
            spans.append(EntitySpan(tokens[i + 2].start, tokens[j - 1].end, "ORG", SCORE))
    return spans


_WEB_SUFFIXES = frozenset("كوم نت اورج اورغ".split())  # دوت كوم، دوت نت، دوت أورغ


def web_name_spans(tokens: Sequence[Token]) -> list[EntitySpan]:
    """ORG spans of websites spelled out with their domain (حجاب دوت كوم، «أشلي ماديسون دوت
    كوم»، جوجل دوت كوم): the words inside the marks, else the word before دوت."""
    spans: list[EntitySpan] = []
    for i in range(1, len(tokens) - 1):
        if tokens[i].norm != "دوت" or tokens[i + 1].norm not in _WEB_SUFFIXES:
            continue
        if not tokens[i - 1].is_word:
            continue
        first = i - 1
        j = i - 2
        while j >= 0 and i - j <= MAX_OUTLET_WORDS and tokens[j].is_word:
            j -= 1
        if j >= 0 and tokens[j].text in QUOTE_CHARS and j < first:
            first = j + 1
        elif tokens[first].norm in FUNCTION_WORDS or tokens[first].text.endswith(("ه", "ها")):
            continue  # حسابه دوت كوم: a word with "his", no name
        spans.append(EntitySpan(tokens[first].start, tokens[i + 1].end, "ORG", SCORE))
    return spans


def with_organisation_names(
    text: str, entities: Sequence[EntitySpan], tokens: Sequence[Token] | None = None
) -> list[EntitySpan]:
    """The tagger's mentions plus head-noun organisation names, outlets named in quotation
    marks and websites named with their domain; a mention that overlaps such a name gives way
    to it."""
    tokens = tokenize(text) if tokens is None else tokens
    organisations = organisation_spans(text, entities, tokens)
    outlets = [
        o
        for o in quoted_outlet_spans(tokens) + web_name_spans(tokens)
        if not any(s.start < o.end and o.start < s.end for s in organisations)
    ]
    organisations = sorted(organisations + outlets, key=lambda s: s.start)
    if not organisations:
        return list(entities)
    kept = [
        e for e in entities if not any(o.start < e.end and e.start < o.end for o in organisations)
    ]
    return sorted(kept + organisations, key=lambda s: s.start)
