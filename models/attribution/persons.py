"""Person names after a title: وزير الدفاع الأمريكي أشتون كارتر، رئيس وزراء إسرائيل بنيامين نتنياهو.

A small tagger trained on ANERcorp often splits a name it has not seen into pieces of different
types (بنيامين/LOC نتنياهو/ORG) or gives it the wrong type (أشتون كارتر/LOC). The title phrase
in front of it says what it is. This module reads the title phrase (a title noun, its genitive
chain and adjectives: المتحدث باسم الكرملين، وزير الخارجية السعودي) and turns the run of
adjacent mentions right after it into one PER mention when the run is a name of two words or
more. Other mentions of the same words in the article (كارتر alone) then become PER too.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from models.attribution.lexicon import (
    ADVERBS,
    COMPLEMENTIZERS,
    NON_SUBJECT_STARTS,
    PREPOSITIONS,
    TITLE_CONTINUATIONS,
    TITLE_HEADS,
)
from models.attribution.normalize import (
    Token,
    strip_article_proclitic,
    strip_proclitic,
    token_mentions,
    tokenize,
)
from models.attribution.organisations import is_nisba
from models.spans import EntitySpan

MAX_TITLE_WORDS = 7
MAX_NAME_WORDS = 6
MAX_UNTAGGED = 2
# Parts of Arabic names that do not identify anybody alone.
NAME_PARTICLES = frozenset("بن ابن بنت ابو ام عبد ال الله".split())


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
    its genitive (رئيس مصر، وزير خارجية روسيا). After a definite word the phrase goes on with
    definite words and adjectives (وزير الدفاع الأمريكي); a PER mention, or after a relative
    adjective anything but another adjective or title, ends it.
    """
    j = i + 1
    construct = not _definite(tokens[i].norm)
    after_nisba = False
    while j < len(tokens) and j - i <= MAX_TITLE_WORDS and tokens[j].is_word:
        word = tokens[j].norm
        k = mention_at[j]
        if k >= 0 and spans[k].label == "PER":
            break
        if construct:  # the genitive of an indefinite noun, a whole mention when tagged
            j = _mention_end(tokens, j, k, spans) if k >= 0 else j + 1
            construct = k < 0 and not _definite(word)
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


def _mention_end(tokens: Sequence[Token], j: int, k: int, spans: list[EntitySpan]) -> int:
    end = spans[k].end
    while j < len(tokens) and tokens[j].start < end:
        j += 1
    return j


def with_person_names(
    text: str, entities: Sequence[EntitySpan], tokens: Sequence[Token] | None = None
) -> list[EntitySpan]:
    """``entities`` with the mentions that name a person after a title made one PER mention,
    and other mentions of the same words relabelled PER."""
    spans = sorted(entities, key=lambda s: s.start)
    if not spans:
        return spans
    tokens = tokenize(text) if tokens is None else tokens
    mention_at = token_mentions(tokens, spans)
    merged: dict[int, EntitySpan] = {}  # first mention of a run → its PER span
    absorbed: set[int] = set()
    for i, t in enumerate(tokens):
        if not t.is_word or mention_at[i] >= 0 or not _title_word(t.norm):
            continue
        j = _title_end(tokens, i, mention_at, spans)
        start, end, run = _name_run(tokens, j, mention_at, spans)
        if not run or _definite(tokens[j].norm):  # للشرق الأوسط: a place, not a name
            continue
        first = tokens[start].start
        words = sum(1 for x in tokens[start:end] if x.is_word)
        tagged = first == spans[run[0]].start
        if words < 2 or (tagged and len(run) == 1 and spans[run[0]].label == "PER"):
            continue
        score = min(spans[x].score for x in run)
        merged[run[0]] = EntitySpan(first, spans[run[-1]].end, "PER", score)
        absorbed.update(run[1:])
    if not merged:
        return spans
    out = [merged.get(x, s) for x, s in enumerate(spans) if x not in absorbed]
    names = {_words(text, s) for s in merged.values()}
    return [
        EntitySpan(s.start, s.end, "PER", s.score)
        if s.label in ("LOC", "ORG") and _inside_a_name(_words(text, s), names)
        else s
        for s in out
    ]


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
    """An untagged word that can be part of a name (not a preposition, adverb, article …)."""
    word = token.norm
    return (
        token.is_word
        and mention_at[token.i] < 0
        and not _definite(word)
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
    return tuple(t.norm for t in tokenize(text[span.start : span.end]) if t.is_word)


def _inside_a_name(words: tuple[str, ...], names: set[tuple[str, ...]]) -> bool:
    """``words`` equal to, or a contiguous part of, one of the title-confirmed names."""
    n = len(words)
    if n == 0 or all(w in NAME_PARTICLES for w in words):
        return False
    return any(name[i : i + n] == words for name in names for i in range(len(name) - n + 1))
