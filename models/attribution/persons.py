"""Whole person names: after a title (وزير الدفاع الأمريكي أشتون كارتر) or around a given name
(هنري كيسنجر، بدر عبدالعاطي).

A small tagger trained on ANERcorp often splits a name it has not seen into pieces of different
types (بنيامين/LOC نتنياهو/ORG) or gives it the wrong type (أشتون كارتر/LOC). The title phrase
in front of it says what it is. This module reads the title phrase (a title noun, its genitive
chain and adjectives: المتحدث باسم الكرملين، وزير الخارجية السعودي) and turns the run of
adjacent mentions right after it into one PER mention when the run is a name of two words or
more. A given name does the same for the word after it (هنري/PER كيسنجر/LOC, دان/PER
ويرثايمر) or before a tagged name (بدر عبدالعاطي/PER). Other mentions of the same words in the
article (كارتر alone) then become PER too.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from models.attribution.cues import cue_form
from models.attribution.gazetteer import gazetteer, nationality_adjectives
from models.attribution.lexicon import (
    ADVERBS,
    AMBIGUOUS_GIVEN_NAMES,
    COMPLEMENTIZERS,
    GIVEN_NAMES,
    NON_SUBJECT_STARTS,
    PREPOSITIONS,
    SOURCE_NOUNS,
    TITLE_CONTINUATIONS,
    TITLE_HEADS,
    WOMEN_GIVEN_NAMES,
)
from models.attribution.normalize import (
    QUOTE_CHARS,
    Token,
    mention_token_ranges,
    norm_phrase,
    strip_article_proclitic,
    strip_proclitic,
    token_after,
    token_mentions,
    tokenize,
)
from models.attribution.organisations import is_nisba, located_place, names_a_body
from models.spans import EntitySpan

MAX_TITLE_WORDS = 7
MAX_NAME_WORDS = 6
MAX_UNTAGGED = 2
SCORE = 0.9  # confidence given to untagged names the rules add
# Parts of Arabic names that do not identify anybody alone.
NAME_PARTICLES = frozenset("بن ابن بنت ابو ام عبد ال الله".split())
# Particles that cannot end a name: the word after them belongs to it (سعيد بن المسيب، عبدالله
# آل الشيخ، وين دي بروين).
LINKING_PARTICLES = frozenset("بن ابن بنت ابو عبد ال دي دو دا فان فون ديل".split())
# Particles of lineage: the word after them is a forebear's or a family's name, even one that
# is also a title (بن مساعد، آل الشيخ).
LINEAGE_PARTICLES = frozenset("بن ال".split())
# Kings and princes go by their given name and lineage (الملك سلمان، الأمير بدر بن محمد), so
# the word after it is not a family name (مطار الملك عبدالعزيز الدولي).
ROYAL_TITLES = frozenset("الملك الامير الملكه الاميره ملك امير الشريفين خادم".split())
# Words of foreign place, club and company names (ليستر سيتي، أستون فيلا، سانتا ماريا).
PLACE_NAME_WORDS = frozenset(
    "سيتي يونايتد فيلا سانتا سانت سان بارك ستريت تاون فورت بورت كوم روك بيتش هيلز".split()
)
# Time words that follow a name without being part of it (الملا عمر الأسبوع الماضي).
TIME_WORDS = frozenset("الاسبوع الشهر العام اليوم الليله الصباح المساء".split())
# Nouns that make an idiom of a word that is also a given name (حسن الجوار، حسن السيرة، لصالح
# المستهلك): neither is a name there.
IDIOM_NOUNS = frozenset(
    "الجوار السيره النيه الظن الخلق التعامل الاداء التصرف الحظ الاستقبال المستهلك".split()
)
# Words that follow a name without being part of it: pronouns, pronoun-carrying prepositions,
# quantifiers, auxiliaries.
NON_NAME_WORDS = IDIOM_NOUNS | frozenset(
    """هو هي هم هما هن انا نحن انت انتم عليه عليها عليهم له لها لهم منه منها منهم فيه فيها
    انه انها غير كل بعض احد كبير كما ايضا وهو وهي كان كانت يكون تكون قد لم لن ليس ليست""".split()
)
PRONOUN_SUFFIXES = ("ها", "هم", "هما", "كم", "نا")
VERB_PREFIXES = ("سي", "ست", "سن", "ي")  # imperfect verbs: يرسل، سيقبل
# Nouns of a leader's office that come before the leader's name (وقال مكتب كاميرون).
OFFICE_NOUNS = frozenset("مكتب ديوان قصر حكومه اداره".split())
# Reporting verbs that only report speech: their subject may be an unseen name (وقال بارخا باتيل).
SPEECH_LEMMAS = frozenset("قال اضاف اوضح اكد ذكر صرح اردف افاد".split())


@lru_cache(maxsize=1 << 16)  # called for every token; news vocabulary repeats a lot
def _title_word(word: str) -> bool:
    return word in TITLE_HEADS or strip_proclitic(word) in TITLE_HEADS


def _definite(word: str) -> bool:
    return strip_article_proclitic(word).startswith("ال")


def _title_end(
    tokens: Sequence[Token], i: int, mention_at: list[int], spans: list[EntitySpan]
) -> int:
    """Token index after the title phrase that starts with the title noun at ``i``.

    An indefinite word (وزير، خارجية، باسم) is in construct state: the next word or mention is
    its genitive (رئيس مصر، وزير خارجية روسيا), unless it carries a possessive pronoun. After a
    definite word the phrase goes on with definite words and adjectives (وزير الدفاع الأمريكي);
    a PER mention, a preposition, or after a relative adjective anything but another adjective
    or title, ends it.
    """
    j = i + 1
    construct = not _definite(tokens[i].norm)
    after_nisba = False
    while j < len(tokens) and j - i <= MAX_TITLE_WORDS and tokens[j].is_word:
        word = tokens[j].norm
        k = mention_at[j]
        if (k >= 0 and spans[k].label == "PER") or word in PREPOSITIONS:  # الي (إلى) is no noun
            break
        if construct:  # the genitive of an indefinite noun, a whole mention when tagged
            construct = k < 0 and not _definite(word) and not _possessed(tokens[j].text)
            j = _mention_end(tokens, j, k, spans) if k >= 0 else j + 1
            continue
        if is_nisba(word) or word in TITLE_CONTINUATIONS:
            after_nisba = after_nisba or is_nisba(word)
            construct = word == "باسم"
        elif _title_word(word):
            construct = not _definite(word)
        elif after_nisba or not _definite(word):
            break
        j = _mention_end(tokens, j, k, spans) if k >= 0 else j + 1
    return j


def _possessed(word: str) -> bool:
    """A noun with a possessive pronoun (خارجيته، رئيسها), which takes no genitive: in وزير
    خارجيته جون كيري the name follows. Read on the original letters: ة is no pronoun."""
    return len(word) >= 4 and word.endswith(("ه", "ها", "هم", "هما", "كم")) and word != "الله"


def _mention_end(tokens: Sequence[Token], j: int, k: int, spans: list[EntitySpan]) -> int:
    end = spans[k].end
    while j < len(tokens) and tokens[j].start < end:
        j += 1
    return j


def with_person_names(
    text: str, entities: Sequence[EntitySpan], tokens: Sequence[Token] | None = None
) -> list[EntitySpan]:
    """``entities`` with the mentions that name a person after a title or around a given name
    made one PER mention, untagged names of a given and a family name after a title added, and
    other mentions of the same words relabelled PER."""
    spans = sorted(entities, key=lambda s: s.start)
    tokens = tokenize(text) if tokens is None else tokens
    mention_at = token_mentions(tokens, spans)
    merged: dict[int, EntitySpan] = {}  # first mention of a run → its PER span
    absorbed: set[int] = set()
    added = _names_after_titles(tokens, mention_at, spans, merged, absorbed)
    added += _names_after_verbs_and_nationalities(tokens, mention_at)
    added += _untagged_full_names(tokens, mention_at, {s.start for s in added})
    _names_around_given_names(tokens, mention_at, spans, merged, absorbed)
    if merged or added:
        out = [merged.get(x, s) for x, s in enumerate(spans) if x not in absorbed]
        out = sorted([*out, *added], key=lambda s: s.start)
        names = {_words(text, s) for s in [*merged.values(), *added]}
        spans = [
            EntitySpan(s.start, s.end, "PER", s.score)
            if s.label in ("LOC", "ORG") and _inside_a_name(_words(text, s), names)
            else s
            for s in out
        ]
    spans = _without_idioms(tokens, _names_through_particles(tokens, spans))
    spans = _names_split_by_type(text, tokens, spans)
    spans = _family_names_after_lineage(tokens, spans)
    spans = _trimmed_names(tokens, _names_split_at_a_conjunction(tokens, spans))
    return _family_names_of_people(text, spans)


def _names_split_at_a_conjunction(
    tokens: Sequence[Token], spans: list[EntitySpan]
) -> list[EntitySpan]:
    """PER mentions that list people joined by و split into one mention each, the و left out:
    before a given name (تركي الجلفان | وياسين حمزة، كلاوديو برافو | وخافيير ماسكيرانو), or
    between names of two words or more each (سايمون بيج | وجيريمي رينير | وريبيكا فيرجسون;
    not إسماعيل ولد الشيخ أحمد or خالد بن وليد الحربي)."""
    out: list[EntitySpan] = []
    for span in spans:
        if span.label != "PER":
            out.append(span)
            continue
        start = span.start
        first = token_after(tokens, span.start)
        j = first + 1
        while j < len(tokens) and tokens[j].start < span.end:
            t = tokens[j]
            j += 1
            rest = t.norm[1:]
            if not t.norm.startswith("و"):
                continue
            given = rest in GIVEN_NAMES and rest not in AMBIGUOUS_GIVEN_NAMES
            if given or _two_names_each(tokens, start, t, span.end):
                prev = tokens[t.i - 1]
                out.append(EntitySpan(start, prev.end, "PER", span.score))
                start = t.start + 1
        out.append(EntitySpan(start, span.end, "PER", span.score))
    return out


# Words that carry a name on to the next word (بن وليد، أبو محمد، عبد الله).
LINEAGE_WORDS = frozenset("بن بنت ابن ابو ابي ام عبد ال".split())


def _two_names_each(tokens: Sequence[Token], start: int, t: Token, end: int) -> bool:
    """Whether the words of a PER mention before the و-word ``t`` (from ``start``) and from
    ``t`` to ``end`` are two or more each, and ``t`` is no lineage word (ولد) or a name after
    one (بن وليد)."""
    before = [x for x in tokens[token_after(tokens, start) : t.i] if x.is_word]
    after = [x for x in tokens[t.i :] if x.is_word and x.start < end]
    if len(before) < 2 or len(after) < 2 or t.norm == "ولد":
        return False
    return before[-1].norm not in LINEAGE_WORDS


def _family_names_after_lineage(
    tokens: Sequence[Token], spans: list[EntitySpan]
) -> list[EntitySpan]:
    """PER mentions that start at بن take the given name before it (علي | بن موسى زعلة), and
    those that stop at the father's name (صالح بن عبدالعزيز | القاضي، يوسف بن أحمد | الغتم)
    take the family name right after it (one word, or آل and a word), untagged or tagged as a
    one-word person of its own (محمد بن علي | سليمان)."""
    mention_at = token_mentions(tokens, spans)
    ranges = mention_token_ranges(mention_at)
    out = list(spans)
    absorbed: set[int] = set()
    for k, span in enumerate(spans):
        first, last = ranges.get(k, (0, -1))
        if span.label == "PER" and 0 < first <= last and tokens[first].norm in ("بن", "ابن", "بنت"):
            given = tokens[first - 1]  # علي | بن موسى زعلة: a name does not start with بن
            bare = given.norm[1:] if given.norm.startswith("و") else given.norm
            if given.is_word and mention_at[given.i] < 0 and bare in GIVEN_NAMES:
                start = given.start + (1 if bare != given.norm else 0)
                span = out[k] = EntitySpan(start, span.end, "PER", span.score)
        if span.label != "PER" or last - first < 2 or last + 1 >= len(tokens):
            continue
        if strip_proclitic(tokens[last - 1].norm) not in ("بن", "ابن", "بنت"):
            continue
        nxt = last + 1
        if tokens[nxt].norm == "ال" and nxt + 1 < len(tokens):  # آل سعود
            nxt += 1
        words = tokens[last + 1 : nxt + 1]
        own = mention_at[nxt]  # محمد بن علي | سليمان/PER: the tagger's second piece
        if own >= 0 and (nxt > last + 1 or spans[own].label != "PER" or ranges[own] != (nxt, nxt)):
            continue
        if any(not t.is_word or mention_at[t.i] not in (-1, own) for t in words):
            continue
        if first > 0 and tokens[first - 1].norm in ROYAL_TITLES:
            continue  # الأمير محمد بن سلمان | تاريخية: princes go by given name and lineage
        if not _family_name(tokens[nxt]):
            continue
        out[k] = EntitySpan(span.start, tokens[nxt].end, "PER", span.score)
        if own >= 0:
            absorbed.add(own)
    return [s for k, s in enumerate(out) if k not in absorbed]


def _family_name(token: Token) -> bool:
    """A family name after a father's name: definite (الطريفي، القصبي) or name-like, not a
    title, an adverb or a word ending like a feminine noun, a verb or an adverbial accusative
    (رسالة، تمكنت، اتصالاً)."""
    word = token.norm
    if not _family_name_word(word) or located_place(word) or _title_word(word):
        return False
    if word in ADVERBS or token.text.endswith(("اً", "ًا", "ً")):
        return False
    return word.startswith("ال") or not word.endswith(("ه", "ت", "ا"))


def _names_split_by_type(
    text: str, tokens: Sequence[Token], spans: list[EntitySpan]
) -> list[EntitySpan]:
    """Two adjacent one-word mentions, one of them PER, that are one person's name: the tagger
    splits a name it has not seen by type (سيغمار/LOC غابريال/PER، جانيت/ORG يلين/PER).

    A given name and a definite family name are one too (محمد/PER السويكت/LOC), and so are a
    given name and the rest of the name the tagger found (محمد/PER ناجم الغرسلي/PER). Otherwise
    not when either word is definite (سكوت النصرة، النبي محمد), a listed place or body, or a
    word of place and club names (ليستر سيتي), when the second is a given name (والي طنجة
    محمد يعقوبي: a new name starts), when the pair fills quotation marks («أستون مارتن» is a
    brand) or when the second word carries a proclitic (وكينزنغتون: a second item).
    """
    out: list[EntitySpan] = []
    for span in spans:
        prev = out[-1] if out else None
        if prev is not None and _one_name(text, tokens, prev, span):
            out[-1] = EntitySpan(prev.start, span.end, "PER", min(prev.score, span.score))
        else:
            out.append(span)
    return out


def _one_name(text: str, tokens: Sequence[Token], a: EntitySpan, b: EntitySpan) -> bool:
    if "PER" not in (a.label, b.label) or not text[a.end : b.start].isspace():
        return False
    words = [norm_phrase(text[s.start : s.end]) for s in (a, b)]
    if (
        a.label == b.label == "PER"
        and words[0] in GIVEN_NAMES
        and words[0] not in AMBIGUOUS_GIVEN_NAMES
        and " " in words[1]
    ):
        return tokens[token_after(tokens, b.start)].start == b.start  # محمد | ناجم الغرسلي
    if any(" " in w or not w for w in words) or words[1] in GIVEN_NAMES:
        return False
    if (
        a.label == "PER"
        and words[0] in GIVEN_NAMES
        and words[0] not in AMBIGUOUS_GIVEN_NAMES
        and _definite_family_name(words[1])
        and (words[1],) not in gazetteer()
        and words[1] not in PLACE_NAME_WORDS
    ):
        return True  # المهندس محمد/PER السويكت/LOC: a given name and its family name
    if any(
        strip_article_proclitic(w).startswith("ال") or (w,) in gazetteer() or w in PLACE_NAME_WORDS
        for w in words
    ):
        return False
    before, after = text[: a.start].rstrip()[-1:], text[b.end :].lstrip()[:1]
    if (before and before in QUOTE_CHARS) or (after and after in QUOTE_CHARS):
        return False
    return tokens[token_after(tokens, b.start)].start == b.start  # no proclitic: وكينزنغتون


# Descriptions before a player's name that the gazetteer's nationalities do not cover.
_DESCRIPTIONS = frozenset(
    "الدولي الدوليه الاوروغوياني الاورغوياني الاوروجوياني الاورجوياني الباراغوياني "
    "الباراجوياني".split()
)


_TITLES_ALSO_SURNAMES = frozenset({"مشرف", "مفتي"})  # برويز مشرف، عدنان مفتي


def _trimmed_names(tokens: Sequence[Token], spans: list[EntitySpan]) -> list[EntitySpan]:
    """PER mentions without an indefinite title word at their end (محمد بن نايف بن عبدالعزيز |
    ولي), a definite word before a given name or a definite nationality at their start
    (المدافعين | عبدالله العبدالله، الأرجنتيني | بابلو ترابيرو; not تركي الفيصل),
    a listed place after ب at their start (مدير المطار بجدة | عبدالحميد أبا العري), a title
    with a possessive pronoun at their start (خارجيته | جون كيري) or a reporting verb at their
    start (روى | عايض عسيري)."""
    ranges = mention_token_ranges(token_mentions(tokens, spans))
    out = []
    for k, span in enumerate(spans):
        first, last = ranges.get(k, (0, -1))
        w = [t for t in tokens[first : last + 1] if t.is_word]
        if span.label != "PER" or len(w) < 2:
            out.append(span)
            continue
        while (
            len(w) > 1
            and _title_word(w[-1].norm)
            and not _definite(w[-1].norm)
            and strip_proclitic(w[-2].norm) not in LINEAGE_PARTICLES  # بن مساعد: a forebear
            and not (len(w) == 2 and w[-1].norm in _TITLES_ALSO_SURNAMES)  # برويز مشرف
        ):
            w = w[:-1]  # not محمد السيد، حمد الرقيب: a definite title may be a family name
        if len(w) > 2 and _definite(w[0].norm) and w[1].norm in GIVEN_NAMES:
            w = w[1:]
        while len(w) > 1 and (
            (_definite(w[0].norm) and w[0].norm in nationality_adjectives())
            or w[0].norm in _DESCRIPTIONS
        ):
            w = w[1:]  # الأرجنتيني الدولي | انخل دي ماريا، الأوروغوياني | مورا
        if len(w) > 2 and located_place(w[0].norm):  # بجدة | عبدالحميد أبا العري
            w = w[1:]
        if len(w) > 2 and len(w[0].text) >= 5 and w[0].text.endswith("ته"):
            w = w[1:]  # وزير خارجيته | جون كيري: a title with "his" before the name
        if len(w) > 2 and (form := cue_form(w[0].norm)) is not None and form.form == "verb":
            w = w[1:]  # روى | عايض عسيري: the reporting verb before its subject
        if len(w) > 2 and _said_then_quoted(tokens, w[-1]):
            w = w[:-1]  # عادل بن محمد فقيه | غرد: «…»: the subject's own verb
        start = max(span.start, w[0].start)
        out.append(EntitySpan(start, min(span.end, w[-1].end), "PER", span.score))
    return out


def _said_then_quoted(tokens: Sequence[Token], t: Token) -> bool:
    """A reporting verb followed by a colon, an opening quote mark or قائلا."""
    form = cue_form(t.norm)
    if form is None or form.form != "verb" or t.i + 1 >= len(tokens):
        return False
    nxt = tokens[t.i + 1]
    after = cue_form(nxt.norm)
    return nxt.text[:1] in ':«“"' or (after is not None and after.form == "participle")


def _family_names_of_people(text: str, spans: list[EntitySpan]) -> list[EntitySpan]:
    """Place and organisation mentions that are the family name of a person named in full in
    the article (نصر الله/ORG after حسن نصر الله) relabelled PER."""
    if not any(s.label in ("LOC", "ORG") for s in spans):
        return spans
    families = {
        words[-n:]
        for s in spans
        if s.label == "PER" and len(words := _words(text, s)) >= 2
        for n in (1, 2)
        if n < len(words)
        and not all(w in NAME_PARTICLES for w in words[-n:])
        and not words[-n].startswith(("لل", "بال", "وال"))  # للطاقة: no name ends in it
    }
    if not families:
        return spans
    return [
        EntitySpan(s.start, s.end, "PER", s.score)
        if s.label in ("LOC", "ORG") and _words(text, s) in families
        else s
        for s in spans
    ]


def _without_idioms(tokens: Sequence[Token], spans: list[EntitySpan]) -> list[EntitySpan]:
    """``spans`` without one-word PER mentions followed by an idiom's noun (حسن الجوار)."""
    mention_at = token_mentions(tokens, spans)
    drop: set[int] = set()
    for t in tokens[:-1]:
        k = mention_at[t.i]
        one_word = k >= 0 and t.start <= spans[k].start and spans[k].end <= t.end
        if one_word and spans[k].label == "PER" and tokens[t.i + 1].norm in IDIOM_NOUNS:
            drop.add(k)
    return [s for k, s in enumerate(spans) if k not in drop] if drop else spans


def _names_through_particles(tokens: Sequence[Token], spans: list[EntitySpan]) -> list[EntitySpan]:
    """PER mentions that end in a linking particle (سعيد بن، وين دي) extended over the name
    words after it, a mention there included (بروين/ORG), and those that start with one (بن
    فنيس) over a given name before it; a particle alone (بن، دي، الله) is dropped."""
    mention_at = token_mentions(tokens, spans)
    ranges = mention_token_ranges(mention_at)
    out: list[EntitySpan] = []
    absorbed: set[int] = set()
    for k, span in enumerate(spans):
        if k in absorbed:
            continue
        if span.label != "PER" or k not in ranges:
            out.append(span)
            continue
        first, last = ranges[k]
        start, end = span.start, span.end
        before = first - 1
        if (
            strip_proclitic(tokens[first].norm) in LINKING_PARTICLES
            and before >= 0
            and mention_at[before] < 0
            and tokens[before].norm in GIVEN_NAMES
        ):
            start = tokens[before].start
        extended = False
        while last + 1 < len(tokens) and tokens[last + 1].is_word:
            particle = strip_proclitic(tokens[last].norm)
            if particle not in LINKING_PARTICLES:
                break
            nxt = mention_at[last + 1]
            if nxt >= 0 and spans[nxt].start == tokens[last + 1].start:
                absorbed.add(nxt)
                end, last = spans[nxt].end, ranges[nxt][1]
            elif nxt < 0 and _continues_name(particle, tokens[last + 1].norm, last > first):
                end, last = tokens[last + 1].end, last + 1
            else:
                break
            extended = True
        family = last + 1
        # آل الشيخ is the family name: the definite word after it is not (المسلمين)
        after_family = strip_proclitic(tokens[last - 1].norm) == "ال" and _title_word(
            tokens[last].norm
        )
        if extended and not after_family and family < len(tokens):  # حسن بن معجب الحويزي
            nxt = mention_at[family]
            if (
                nxt >= 0
                and spans[nxt].label == "PER"
                and spans[nxt].start == tokens[family].start
                and tokens[family].norm not in GIVEN_NAMES  # أحمد عيد: the next person
            ):
                absorbed.add(nxt)
                end, last = spans[nxt].end, ranges[nxt][1]
            elif (
                nxt < 0
                and _definite_family_name(tokens[family].norm)
                and not tokens[family].norm.endswith("يه")  # الثانية، آلية: no family name
            ):
                end, last = tokens[family].end, family
        words = [t.norm for t in tokens[first : last + 1] if t.is_word]
        if len(words) == 1 and strip_proclitic(words[0]) in NAME_PARTICLES | LINKING_PARTICLES:
            continue
        out.append(EntitySpan(start, end, span.label, span.score))
    return out


@lru_cache(maxsize=1 << 14)
def _definite_family_name(word: str) -> bool:
    """A definite family name (الحويزي), not a nationality (الكولومبي)."""
    return _definite(word) and _family_name_word(word) and word not in nationality_adjectives()


@lru_cache(maxsize=1 << 14)
def _continues_name(particle: str, word: str, inside: bool = False) -> bool:
    """Whether ``word`` completes a name after ``particle``: after عبد any word (عبد الملك);
    after the others a given name (علي, not the preposition على) or a word that is not a
    function word, number or title, except after بن or آل ``inside`` a name, where a title word
    names a forebear or a family (عبدالله بن مساعد، عبداللطيف آل الشيخ; not ابن رئيس الوزراء)."""
    if any(c.isdigit() for c in word):
        return False
    if particle == "عبد" or word in GIVEN_NAMES or word == "علي":
        return True
    return (
        len(word) >= 2
        and word not in NON_NAME_WORDS
        and word not in NON_SUBJECT_STARTS
        and word not in PREPOSITIONS
        and word not in ADVERBS
        and word not in COMPLEMENTIZERS
        and ((inside and particle in LINEAGE_PARTICLES) or not _title_word(word))
    )


def _names_after_titles(
    tokens: Sequence[Token],
    mention_at: list[int],
    spans: list[EntitySpan],
    merged: dict[int, EntitySpan],
    absorbed: set[int],
) -> list[EntitySpan]:
    """Merge the run of mentions after each title phrase into one PER mention; return the
    untagged names of a given and a family name right after a title (السفير عيد الثقفي)."""
    added: dict[int, EntitySpan] = {}  # first token → name
    for i, t in enumerate(tokens):
        if not t.is_word or mention_at[i] >= 0 or not _title_word(t.norm):
            continue
        j = _title_end(tokens, i, mention_at, spans)
        start, end, run = _name_run(tokens, j, mention_at, spans)
        royal = strip_proclitic(t.norm) in ROYAL_TITLES  # الملك فهد الدولي: an airport
        if (
            not run
            and not royal
            and (
                _untagged_name_with_family(tokens, j, mention_at)
                or _unseen_name_after_described_title(tokens, i, j, mention_at)
            )
        ):
            added[j] = EntitySpan(tokens[j].start, tokens[j + 1].end, "PER", SCORE)
        if not run or _definite(tokens[j].norm) or names_a_body(tokens[j].norm):
            continue  # للشرق الأوسط، مطار الملك فهد: a place or a body, not a name
        if spans[run[-1]].label != "PER" and _titled_person_at(tokens, end, mention_at, spans):
            continue  # وكيل إمارة مكة للتنمية | الدكتور هشام الفالح: the body of the title
        first = tokens[start].start
        words = sum(1 for x in tokens[start:end] if x.is_word)
        tagged = first == spans[run[0]].start
        if words < 2 or (tagged and len(run) == 1 and spans[run[0]].label == "PER"):
            continue
        score = min(spans[x].score for x in run)
        merged[run[0]] = EntitySpan(first, spans[run[-1]].end, "PER", score)
        absorbed.update(run[1:])
    return list(added.values())


def _names_after_verbs_and_nationalities(
    tokens: Sequence[Token], mention_at: list[int]
) -> list[EntitySpan]:
    """Untagged names of a given and a family name right after a reporting verb (وقال دان
    ويرثايمر) or a nationality (الأمريكي كارل ساجان): the subject, the person described; and
    an untagged family name alone between a reporting verb and what was said (وأضاف الوايلي أن)."""
    added = []
    nationalities = nationality_adjectives()
    for t in tokens[:-2]:
        if not t.is_word or mention_at[t.i] >= 0:
            continue
        form = cue_form(t.norm)
        verb = form is not None and form.form == "verb"
        if not verb and t.norm not in nationalities:
            continue
        after = tokens[t.i + 1]
        if after.norm in GIVEN_NAMES:
            if _untagged_full_name(tokens, t.i + 1, mention_at):
                added.append(EntitySpan(after.start, tokens[t.i + 2].end, "PER", SCORE))
        elif verb and _unseen_name_before_title(tokens, t.i + 1, mention_at, form.lemma):
            added.append(EntitySpan(after.start, tokens[t.i + 2].end, "PER", SCORE))
        elif verb and mention_at[after.i] < 0 and _said_next(tokens[t.i + 2]):
            if _family_name_only(after):
                added.append(EntitySpan(after.start, after.end, "PER", SCORE))
    return added


def _untagged_full_names(
    tokens: Sequence[Token], mention_at: list[int], taken: set[int]
) -> list[EntitySpan]:
    """Untagged pairs of a given name that is no common word and a definite family name
    (مع حسين المعلاق): a person wherever they stand."""
    added = []
    for t in tokens[:-1]:
        given = t.norm in GIVEN_NAMES and t.norm not in AMBIGUOUS_GIVEN_NAMES
        if not (given or t.norm in WOMEN_GIVEN_NAMES) or t.start in taken:
            continue
        family = tokens[t.i + 1]
        if mention_at[t.i] >= 0 or mention_at[family.i] >= 0 or not family.is_word:
            continue
        if _definite_family_name(family.norm) and not family.norm.endswith("يه"):
            if family.norm not in TIME_WORDS:
                added.append(EntitySpan(t.start, family.end, "PER", SCORE))
    return added


def _family_name_only(token: Token) -> bool:
    """A definite relative noun that names a family (الوايلي، الجريسي): the original word ends in
    ي (not ى: المستشفى), and is no title, source or nationality."""
    word = token.norm
    return (
        token.text.endswith("ي")
        and is_nisba(word)
        and not _title_word(word)
        and word not in SOURCE_NOUNS
        and word not in nationality_adjectives()
    )


def _said_next(token: Token) -> bool:
    """What was said starts here: أن، إن or a colon."""
    return token.norm in ("ان", "انه", "انها") or token.text in (":", "،", ",")


def _unseen_name_before_title(
    tokens: Sequence[Token], j: int, mention_at: list[int], lemma: str
) -> bool:
    """After a verb that only reports speech, two untagged words followed by the speaker's
    definite title or a source noun (وقال بارخا باتيل الباحث، وقال علاء شمالي المسؤول): a
    name the tagger has not seen. A definite second word must be a family name in ي (not
    وأوضح عميد الكلية الدكتور)."""
    if lemma not in SPEECH_LEMMAS or j + 2 >= len(tokens) or not tokens[j + 2].is_word:
        return False
    title = tokens[j + 2].norm
    if not ((_title_word(title) and _definite(title)) or title in SOURCE_NOUNS):
        return False
    second = tokens[j + 1]
    if _definite(second.norm) and not (second.text.endswith("ي") and is_nisba(second.norm)):
        return False
    return _untagged_full_name(tokens, j, mention_at, any_given=True)


def _untagged_name_with_family(tokens: Sequence[Token], j: int, mention_at: list[int]) -> bool:
    """After a title: an untagged given and family name (السفير عيد الثقفي), or any name-like
    word before a definite family name in ي (مدرب الفتح ناصيف البياوي)."""
    if _ali(tokens, j, mention_at):
        return True
    if not _untagged_full_name(tokens, j, mention_at, any_given=True):
        return False
    if tokens[j].norm in GIVEN_NAMES:
        return True
    family = tokens[j + 1].norm
    return (
        tokens[j + 1].text.endswith("ي")
        and _family_name_only(tokens[j + 1])
        and family not in nationality_adjectives()
        and not (family.startswith("الت") and len(family) == 7 and family[4] == "ا")
    )  # التعازي، التعاطي: verbal nouns of the تفاعل pattern, no family names


def _ali(tokens: Sequence[Token], j: int, mention_at: list[int]) -> bool:
    """The given name علي (spelled with ي, not the preposition على) after a title, before an
    untagged family name in ي (اللواء علي الجائفي، الشيخ علي الجفالي), or one closed by a comma,
    a title or أن (المهندس علي شنيمر إن): not علي الدور الكبير (على written with ي)."""
    if j + 2 >= len(tokens) or tokens[j].text != "علي" or mention_at[j] >= 0:
        return False
    family, after = tokens[j + 1], tokens[j + 2]
    if mention_at[family.i] >= 0 or not family.is_word or not _family_name_word(family.norm):
        return False
    if _definite(family.norm):
        return _family_name_only(family)
    return after.text in "،,:" or _title_word(after.norm) or after.norm in COMPLEMENTIZERS


def _titled_person_at(
    tokens: Sequence[Token], k: int, mention_at: list[int], spans: list[EntitySpan]
) -> bool:
    """A title at token ``k`` whose phrase is followed by a tagged person."""
    if k >= len(tokens) or not tokens[k].is_word or mention_at[k] >= 0:
        return False
    if not _title_word(tokens[k].norm):
        return False
    j = _title_end(tokens, k, mention_at, spans)
    return j < len(tokens) and mention_at[j] >= 0 and spans[mention_at[j]].label == "PER"


def _unseen_name_after_described_title(
    tokens: Sequence[Token], i: int, j: int, mention_at: list[int]
) -> bool:
    """Two unseen name-like words after a title phrase that ends in a relative adjective
    (عضو البرلمان الأوروبي إيما نيكلسون): the phrase is complete, so a name follows; a third
    name-like word leaves it undecided."""
    if j - 1 <= i or j + 1 >= len(tokens) or not is_nisba(tokens[j - 1].norm):
        return False
    pair = tokens[j : j + 2]
    if not all(t.is_word and mention_at[t.i] < 0 for t in pair):
        return False
    if any(_definite(t.norm) or not _may_be_given_name(t) for t in pair):
        return False
    after = tokens[j + 2] if j + 2 < len(tokens) else None
    if after is None or not after.is_word or after.norm in PREPOSITIONS or after.norm[:1] == "و":
        return True  # ديمي مور | والشرطة: a conjunction ends the name
    return not (
        _may_be_given_name(after)  # a third name-like word: where the name ends is unclear
        or _definite(after.norm)  # خارج حدود | الوكالة: a noun and its genitive
        or _possessed(after.text)  # خارج حدود | سلطاته
        or after.norm.startswith(VERB_PREFIXES)  # مرتبا شهريا | يتجاوز: an object, then a verb
    )


def _may_be_given_name(token: Token) -> bool:
    """A name-like word that is no verb, pronoun-suffixed noun or source: an unseen given name
    where a title or a reporting verb expects one (بارخا، ناصيف)."""
    word = token.norm
    return (
        _name_like(word)
        and cue_form(word) is None
        and not word.startswith((*VERB_PREFIXES, "ت"))  # تقوم، يرسل
        and word not in NON_NAME_WORDS
        and not token.text.endswith("ه")  # معسكره: a pronoun, no name
        and word not in SOURCE_NOUNS
        and word != "جل"  # قال جل وعلا: God
        and not names_a_body(word)
        and word not in OFFICE_NOUNS
    )


def _untagged_full_name(
    tokens: Sequence[Token], j: int, mention_at: list[int], any_given: bool = False
) -> bool:
    """An untagged given name at token ``j`` followed by an untagged family name; with
    ``any_given`` the first word need only be name-like and no verb (بارخا، ناصيف)."""
    if j + 1 >= len(tokens) or not tokens[j].is_word:
        return False
    first = tokens[j].norm
    given = first in GIVEN_NAMES or (any_given and _may_be_given_name(tokens[j]))
    return (
        given
        and mention_at[j] < 0
        and mention_at[j + 1] < 0
        and tokens[j + 1].is_word
        and _family_name_token(tokens[j + 1])
    )


def _names_around_given_names(
    tokens: Sequence[Token],
    mention_at: list[int],
    spans: list[EntitySpan],
    merged: dict[int, EntitySpan],
    absorbed: set[int],
) -> None:
    """Complete PER mentions with an untagged given name right before them (بدر عبدالعاطي) and
    one-word PER mentions that are a given name with the word after them: a place or
    organisation mention of up to two words (هنري كيسنجر) or an untagged family name."""
    ranges = mention_token_ranges(mention_at)
    for k, span in enumerate(spans):
        if k in merged or k in absorbed or span.label != "PER" or k not in ranges:
            continue
        first, last = ranges[k]
        start, end, run = span.start, span.end, [k]
        before = tokens[first - 1] if first > 0 else None
        if (
            before is not None
            and before.is_word
            and mention_at[before.i] < 0
            and _given_name_before(tokens, before, one_word=first == last)
        ):
            start = before.start
        royal = before is not None and strip_proclitic(before.norm) in ROYAL_TITLES
        woman = (
            first == last
            and tokens[first].norm in WOMEN_GIVEN_NAMES
            and last + 1 < len(tokens)
            and tokens[last + 1].norm.startswith("ال")  # فوزية | الحريشي; not زينب | تعرضت
        )
        if first == last and (tokens[first].norm in GIVEN_NAMES or woman) and not royal:
            end, run = _family_name_end(tokens, last + 1, mention_at, spans, run)
            run = [x for x in run if x not in merged and x not in absorbed]
        if (start, end) != (span.start, span.end):
            merged[k] = EntitySpan(start, end, "PER", min(spans[x].score for x in run))
            absorbed.update(run[1:])


def _title_as_surname(tokens: Sequence[Token], j: int) -> bool:
    """A title that is also a family name (مفتي، مشرف) right after a given name, not followed
    by the genitive its title would take (عدنان مفتي | القيادي، not مفتي | مصر)."""
    if tokens[j].norm not in _TITLES_ALSO_SURNAMES:
        return False
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    return after is None or not after.is_word or _definite(after.norm)


def _given_name_before(tokens: Sequence[Token], before: Token, one_word: bool) -> bool:
    """A given name right before a PER mention: a listed one, any name-like word between a verb
    that reports speech and a one-word mention (وأوضح وسيم الخطيب), and علي (also a spelling
    of على) when spelt with ي after a title, its adjective or a reporting verb (اللواء علي
    الأحمدي، الرئيس اليمني السابق علي عبد الله صالح)."""
    if before.norm in GIVEN_NAMES:
        return True
    if before.i == 0:
        return False
    prev = tokens[before.i - 1]
    form = cue_form(prev.norm)
    speech = form is not None and form.form == "verb" and form.lemma in SPEECH_LEMMAS
    if before.text != "علي":  # وأوضح وسيم | الخطيب: an unseen given name after the verb
        return speech and one_word and _may_be_given_name(before)
    titled = _title_word(prev.norm) or prev.norm in TITLE_CONTINUATIONS or is_nisba(prev.norm)
    return titled or (form is not None and form.form == "verb")


def _family_name_end(
    tokens: Sequence[Token],
    j: int,
    mention_at: list[int],
    spans: list[EntitySpan],
    run: list[int],
) -> tuple[int, list[int]]:
    """End offset and mentions of a given name completed by the family name at token ``j``."""
    k = run[0]
    if j >= len(tokens) or not tokens[j].is_word:
        return spans[k].end, run
    if not (_family_name_token(tokens[j]) or _title_as_surname(tokens, j)):
        return spans[k].end, run
    nxt = mention_at[j]
    if nxt < 0:
        return tokens[j].end, run
    other = spans[nxt]
    words = sum(1 for x in tokens[j : _mention_end(tokens, j, nxt, spans)] if x.is_word)
    if (
        other.start == tokens[j].start
        and other.label != "PER"
        and words <= 2
        and _name_like(tokens[j].norm)  # not الولايات المتحدة
    ):
        return other.end, [k, nxt]
    return spans[k].end, run


@lru_cache(maxsize=1 << 14)
def _family_name_word(word: str) -> bool:
    """A word that can follow a given name as its family name: name-like without a proclitic, or
    definite (إبراهيم المشيقح، خالد الحربي); not a verb, pronoun, adverb or title word."""
    if (
        len(word) < 3
        or word in NON_NAME_WORDS
        or cue_form(word) is not None  # قال، أكد
        or word in NAME_PARTICLES
        or word in TITLE_CONTINUATIONS
        or word.endswith(PRONOUN_SUFFIXES)
        or (word.startswith(VERB_PREFIXES) and word not in GIVEN_NAMES)
    ):
        return False
    if word.startswith("ال") and strip_article_proclitic(word) == word:
        return not (
            word in ADVERBS
            or word in NON_SUBJECT_STARTS  # الذي، التي
            or word in PREPOSITIONS  # الى
            or _title_word(word)
        )
    return _name_like(word)


def _family_name_token(token: Token) -> bool:
    """:func:`_family_name_word`, or a family name in ي that starts like a proclitic (بيومي،
    لطفي، وهبي), not a word with one (بتقديم، فيتلقى)."""
    word = token.norm
    if _family_name_word(word):
        return True
    return (
        word[:1] in ("و", "ف", "ب", "ل")
        and token.text.endswith("ي")
        and len(word) >= 4
        and word not in nationality_adjectives()
        and _name_like(word[1:])
    )


def _name_run(
    tokens: Sequence[Token],
    j: int,
    mention_at: list[int],
    spans: list[EntitySpan],
) -> tuple[int, int, list[int]]:
    """Mentions that follow each other from token ``j`` on, without a conjunction between,
    up to and including the first PER mention; returned with the token range of the name, which
    may start with up to two untagged name-like words (ديمتري before a tagged بيسكوف)."""
    start = j
    while (
        j < len(tokens) and j - start < MAX_UNTAGGED and _untagged_name_word(tokens[j], mention_at)
    ):
        j += 1
    if j > start and (j >= len(tokens) or not _may_follow_untagged(tokens[j], mention_at, spans)):
        return start, j, []
    run: list[int] = []
    while j < len(tokens) and mention_at[j] >= 0:
        k = mention_at[j]
        span = spans[k]
        if span.start != tokens[j].start:  # وروسيا: a new name (or inside the last one)
            break
        run.append(k)
        j = _mention_end(tokens, j, k, spans)
        if span.label == "PER":  # the tagger's name ends here (زار الرئيس بشار الأسد موسكو)
            break
        if j - start > MAX_NAME_WORDS:
            return start, j, []
    return start, j, run


def _untagged_name_word(token: Token, mention_at: list[int]) -> bool:
    """An untagged word that can be part of a name."""
    return token.is_word and mention_at[token.i] < 0 and _name_like(token.norm)


@lru_cache(maxsize=1 << 14)
def _name_like(word: str) -> bool:
    """Not a preposition, adverb, complementizer, title, definite noun or proclitic word."""
    return (
        not _definite(word)
        and not any(c.isdigit() for c in word)
        and word not in NON_SUBJECT_STARTS
        and word not in PREPOSITIONS
        and word not in ADVERBS
        and word not in COMPLEMENTIZERS
        and not _title_word(word)
        and not word.startswith(("و", "ف", "ب", "ل"))  # a proclitic: وفدا، بتقديم، لتلفزيون
    )


def _may_follow_untagged(token: Token, mention_at: list[int], spans: list[EntitySpan]) -> bool:
    """A mention that completes a partly untagged name: a person, or one organisation-typed
    word that is not a definite noun (بيسكوف; not الكرملين, not حرس الحدود); places are
    objects (وفدا روسيا)."""
    k = mention_at[token.i]
    if k < 0:
        return False
    span = spans[k]
    one_word = token.start == span.start and token.end >= span.end
    return span.label == "PER" or (span.label == "ORG" and one_word and not _definite(token.norm))


def _words(text: str, span: EntitySpan) -> tuple[str, ...]:
    return tuple(norm_phrase(text[span.start : span.end]).split())


def _inside_a_name(words: tuple[str, ...], names: set[tuple[str, ...]]) -> bool:
    """``words`` equal to, or a contiguous part of, one of the title-confirmed names."""
    n = len(words)
    if n == 0 or all(w in NAME_PARTICLES for w in words):
        return False
    return any(name[i : i + n] == words for name in names for i in range(len(name) - n + 1))
