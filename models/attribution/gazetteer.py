"""Well-known places and organisations the tagger misses or mistypes (أستراليا، كوالالمبور,
سانا tagged as a place, الولايات المتحدة as an organisation).

A tagger fine-tuned on ANERcorp has seen few of the world's places and bodies: more than half of
the entities in its dev set never occur in its training data. Countries, capitals, Saudi cities
and provinces, international bodies, news agencies and platforms form a short closed list that
news repeats, so ``gazetteer.tsv`` names them. A match over untagged words becomes a mention; a
mention that covers exactly a match takes the list's label. Matches that overlap a mention only
in part are left to the tagger (منتخب أستراليا، جامعة الملك سعود).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from models.attribution.lexicon import FUNCTION_WORDS
from models.attribution.normalize import (
    PROCLITICS,
    QUOTE_CHARS,
    Token,
    norm,
    skip_letters,
    strip_article_proclitic,
    strip_proclitic,
    token_mentions,
    tokenize,
)
from models.spans import EntitySpan

GAZETTEER_FILE = Path(__file__).with_name("gazetteer.tsv")
SCORE = 0.9  # confidence given to the mentions the list adds
# Words after which a common word is a club's name (مدرب الفتح، جماهير أحد، سيواجه الوحدة).
SPORTS_WORDS = frozenset(
    """فريق لاعب لاعبي لاعبو مهاجم حارس مدافع جماهير صفوف مدرب يواجه سيواجه تواجه ستواجه
    لقاء مباراه""".split()
)


class Entry(NamedTuple):
    """One gazetteer name: its label, kind (country, region, city, org) and options."""

    label: str
    kind: str
    proclitic: bool  # may carry a proclitic (not جدة: وجده is a verb)
    not_before: frozenset[str]  # next words that make it a common word (مسقط رأسه)
    quoted: str | None  # label when the name fills a pair of quotation marks (a newspaper)
    only_quoted: bool  # a name only in quotation marks (لـ«المدينة»: the newspaper, not a city)
    club: bool  # a club named by a common word, only after a sports word (مدرب الفتح، فريق النصر)


@cache
def gazetteer() -> dict[tuple[str, ...], Entry]:
    """Names in normal form (word tuples) → entry."""
    names: dict[tuple[str, ...], Entry] = {}
    with open(GAZETTEER_FILE, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            label, kind, name, *options = line.rstrip("\n").split("\t")
            not_before = next((o.partition(":")[2] for o in options if o.startswith("not-")), "")
            quoted = next((o.partition(":")[2] for o in options if o.startswith("quoted:")), None)
            names[tuple(norm(name).split())] = Entry(
                label,
                kind,
                "no-proclitic" not in options,
                frozenset(norm(w) for w in not_before.split(",") if w),
                quoted,
                "quoted-only" in options,
                "club" in options,
            )
    return names


@cache
def nationality_adjectives() -> frozenset[str]:
    """Relative adjectives of the listed countries in normal form, masculine and feminine, with
    and without the article (سوريا → السوري، السوريه; مصر → مصري), other than listed names
    (سوريه is also Syria)."""
    forms: set[str] = set()
    for name, entry in gazetteer().items():
        if entry.kind != "country" or len(name) != 1:
            continue
        stem = name[0].removeprefix("ال")
        stem = stem[:-1] if stem.endswith(("ا", "ه")) else stem
        stem = stem if stem.endswith("ي") else stem + "ي"
        forms.update((stem, stem + "ه", "ال" + stem, "ال" + stem + "ه"))
    return frozenset(forms - {name[0] for name in gazetteer() if len(name) == 1})


@cache
def _name_lengths() -> dict[str, tuple[int, ...]]:
    """First word of the names → their lengths in words, longest first."""
    lengths: dict[str, set[int]] = {}
    for name in gazetteer():
        lengths.setdefault(name[0], set()).add(len(name))
    return {w: tuple(sorted(n, reverse=True)) for w, n in lengths.items()}


@lru_cache(maxsize=1 << 16)  # called for every token; news vocabulary repeats a lot
def _first_word_forms(word: str) -> tuple[tuple[str, int], ...]:
    """Forms of ``word`` that start a name: itself or without a proclitic, with the letters the
    mention leaves out (in للسعودية the ل stays in the mention: the article lost its alef)."""
    forms = [(word, 0)]
    article = strip_article_proclitic(word)
    if article != word and word.startswith("لل"):
        forms.append((article, 0))
    for p in PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 3:
            forms.append((word[len(p) :], len(p)))
    starts = _name_lengths()
    return tuple(f for f in forms if f[0] in starts)


def _lookup(tokens: Sequence[Token], i: int) -> tuple[Entry, int, int] | None:
    """The longest entry named from token ``i``: entry, words and proclitic letters to skip."""
    names = gazetteer()
    best = None
    for first, clitic in _first_word_forms(tokens[i].norm):
        for n in _name_lengths()[first]:
            if best is not None and n <= best[1]:
                break
            if i + n > len(tokens) or not all(t.is_word for t in tokens[i + 1 : i + n]):
                continue
            entry = names.get((first, *(t.norm for t in tokens[i + 1 : i + n])))
            after = tokens[i + n].norm if i + n < len(tokens) else ""
            if entry is None or (clitic and not entry.proclitic) or after in entry.not_before:
                continue
            if entry.only_quoted and not _in_quotes(tokens, i, n):
                continue
            if entry.club and not (i > 0 and strip_proclitic(tokens[i - 1].norm) in SPORTS_WORDS):
                continue
            best = entry, n, clitic
    return best


def _in_quotes(tokens: Sequence[Token], i: int, n: int) -> bool:
    """Whether the ``n`` tokens from ``i`` fill a pair of quotation marks."""
    if i == 0 or i + n >= len(tokens):
        return False
    return tokens[i - 1].text in QUOTE_CHARS and tokens[i + n].text in QUOTE_CHARS


class Match(NamedTuple):
    """A gazetteer name found in the text: its span, entry and token range."""

    span: EntitySpan
    entry: Entry
    first: int  # index of its first token
    stop: int  # index after its last token
    adjective: bool  # السعودية in الأسهم السعودية: Saudi, no entity


def gazetteer_matches(tokens: Sequence[Token]) -> list[Match]:
    """Longest non-overlapping gazetteer names in ``tokens``, proclitics left out of the span."""
    found: list[Match] = []
    i = 0
    while i < len(tokens):
        word = tokens[i]
        hit = _lookup(tokens, i) if word.is_word and _first_word_forms(word.norm) else None
        if hit is None:
            i += 1
            continue
        entry, n, clitic = hit
        start = tokens[i].start + skip_letters(tokens[i].text, clitic)
        label = entry.label
        if entry.quoted and _in_quotes(tokens, i, n):
            label = entry.quoted  # لـ«الشرق الأوسط»: the newspaper
        span = EntitySpan(start, tokens[i + n - 1].end, label, SCORE)
        found.append(Match(span, entry, i, i + n, n == 1 and not clitic and _adjectival(tokens, i)))
        i += n
    return found


def after_definite_noun(before: str) -> bool:
    """Whether the normalised word ``before`` is a definite noun that an adjective after it
    describes (الأسهم السعودية; not إلى السعودية)."""
    word = strip_article_proclitic(before)
    return word.startswith("ال") and word not in FUNCTION_WORDS


def _adjectival(tokens: Sequence[Token], i: int) -> bool:
    """A one-word name shaped like a relative adjective (السعودية) right after a definite word:
    the adjective of that word."""
    word = tokens[i].norm
    if not (word.startswith("ال") and word.endswith("يه")) or i == 0 or not tokens[i - 1].is_word:
        return False
    return after_definite_noun(tokens[i - 1].norm)


def _retype(label: str, entry: Entry) -> bool:
    """Whether a mention the tagger typed ``label`` takes the entry's label: a person or MISC
    always, an organisation only for a country (a city may name its club), a place for an
    organisation (سانا)."""
    if label == entry.label:
        return False
    return (
        label in ("PER", "MISC")
        or (label == "ORG" and entry.kind == "country")
        or (label == "LOC" and entry.label == "ORG")
    )


def with_gazetteer_names(
    text: str, entities: Sequence[EntitySpan], tokens: Sequence[Token] | None = None
) -> list[EntitySpan]:
    """``entities`` with gazetteer names added over untagged words, mentions that are exactly a
    gazetteer name retyped (see :func:`_retype`), mentions inside a longer gazetteer name
    replaced by it (روسيا → روسيا اليوم), and a listed name split off the start of a person's
    name (الكرملين | ديمتري بيسكوف)."""
    tokens = tokenize(text) if tokens is None else tokens
    spans = sorted(entities, key=lambda s: s.start)
    matches = gazetteer_matches(tokens)
    if not matches:
        return spans
    spans = _split_name_lists(text, spans, matches, tokens)
    mention_at = token_mentions(tokens, spans)
    out: dict[int, EntitySpan] = dict(enumerate(spans))
    added: list[EntitySpan] = []
    for m in matches:  # in text order; a mention split by one match is seen as split by the next
        inside = sorted({mention_at[j] for j in range(m.first, m.stop)} - {-1})
        inside = [k for k in inside if k in out and out[k].start < m.span.end]
        same = [k for k in inside if (out[k].start, out[k].end) == (m.span.start, m.span.end)]
        if not inside:
            if not m.adjective:
                added.append(m.span)
        elif same:
            if m.adjective:
                del out[same[0]]
            elif m.span.label != m.entry.label or _retype(out[same[0]].label, m.entry):
                out[same[0]] = replace(out[same[0]], label=m.span.label)
        elif all(m.span.start <= out[k].start and out[k].end <= m.span.end for k in inside):
            for k in inside:
                del out[k]
            if not m.adjective:
                added.append(m.span)
        elif _name_after_a_body(out[inside[0]], m, tokens):
            out[inside[0]] = replace(out[inside[0]], start=tokens[m.stop].start)
            if not m.adjective:
                added.append(m.span)
    return sorted([*out.values(), *added], key=lambda s: s.start)


def _split_name_lists(
    text: str, spans: list[EntitySpan], matches: list[Match], tokens: Sequence[Token]
) -> list[EntitySpan]:
    """A place or organisation mention that is listed names of its kind joined by و (اليونان
    وإيطاليا، الأمم المتحدة والصليب الأحمر) split into one mention per name; a listed name with
    و inside (البوسنة والهرسك) is one match and stays whole."""
    out: list[EntitySpan] = []
    for span in spans:
        if span.label not in ("LOC", "ORG") or len(text[span.start : span.end].split()) < 2:
            out.append(span)
            continue
        inside = [m for m in matches if span.start <= m.span.start and m.span.end <= span.end]
        if len(inside) < 2 or any(m.span.label != span.label or m.adjective for m in inside):
            out.append(span)
            continue
        covered = {j for m in inside for j in range(m.first, m.stop)}
        first, stop = inside[0].first, inside[-1].stop
        while first > 0 and tokens[first - 1].start >= span.start:
            first -= 1
        while stop < len(tokens) and tokens[stop].start < span.end:
            stop += 1
        if all(j in covered for j in range(first, stop) if tokens[j].is_word):
            out.extend(m.span for m in inside)
        else:
            out.append(span)
    return out


def _name_after_a_body(mention: EntitySpan, m: Match, tokens: Sequence[Token]) -> bool:
    """A PER mention that starts with a listed place or organisation and goes on with more words
    (الكرملين ديمتري بيسكوف): the tagger joined the body to the person's name."""
    return (
        mention.label == "PER"
        and m.entry.label != "PER"
        and mention.start == m.span.start
        and m.stop < len(tokens)
        and tokens[m.stop].is_word
        and tokens[m.stop].end <= mention.end
    )
