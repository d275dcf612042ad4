"""Names after a place noun are places (بمحافظة المخواة، في مدينة ميرلو، إقليم باداخشان).

The tagger often types an unfamiliar town, district or island PER or ORG. The noun before it
(محافظة، منطقة، مدينة، قرية، بلدة، حي، ولاية، إقليم، مديرية، مخيم، جزيرة، مقاطعة،
جمهورية) says what it is: over the SaudiNewsNet archive nearly all of the 1,273 PER or ORG
mentions right after one are places. Some of those nouns are part of the name (ولاية خوست،
قضاء تلعفر), and the place's mention takes them in. Longer mentions (رئيس إقليم كردستان مسعود
بارزاني: a place and a person the title rule joined) and names after a king's title (مدينة
الملك عبدالله) are left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from models.attribution.normalize import (
    Token,
    mention_token_ranges,
    norm,
    skip_letters,
    strip_proclitic,
    token_mentions,
    tokenize,
)
from models.attribution.organisations import NAMESAKE_TITLES
from models.spans import EntitySpan

PLACE_NOUNS = frozenset(
    "محافظه منطقه مدينه قريه بلده حي ولايه اقليم مديريه مخيم جزيره مقاطعه جمهوريه".split()
)
# Place nouns that belong to the place's name (ولاية خوست، قضاء تلعفر، حي كراتر، وادي عقان):
# the gold annotations name 43 such places with the noun and 4 without; a city, a town or a
# province (مدينة عدن، بلدة فوتوكول، منطقة الرياض) is mostly named without it.
NAMING_PLACE_NOUNS = frozenset("ولايه مقاطعه ناحيه قضاء حي اقليم جزر مديريه وادي جبل".split())
_ALL_PLACE_NOUNS = PLACE_NOUNS | NAMING_PLACE_NOUNS
MAX_WORDS = 2
_DIRECTIONS = frozenset("الشرق الغرب الشمال الجنوب".split())


def with_places_after_place_nouns(
    text: str, entities: Sequence[EntitySpan], tokens: Sequence[Token] | None = None
) -> list[EntitySpan]:
    """``entities`` with PER and ORG mentions of up to two words right after a place noun
    relabelled LOC, and places after a noun that belongs to their name extended over it."""
    spans = sorted(entities, key=lambda s: s.start)
    if not any(s.label in ("PER", "ORG", "LOC") for s in spans):
        return spans
    tokens = tokenize(text) if tokens is None else tokens
    ranges = mention_token_ranges(token_mentions(tokens, spans))
    out = []
    for k, span in enumerate(spans):
        i = ranges[k][0] if k in ranges else 0
        if (
            span.label in ("PER", "ORG")
            and i > 0
            and tokens[i].start == span.start
            and _bare(tokens[i - 1].norm) in _ALL_PLACE_NOUNS
            and tokens[i].norm not in NAMESAKE_TITLES
            and len(text[span.start : span.end].split()) <= MAX_WORDS
        ):
            span = EntitySpan(span.start, span.end, "LOC", span.score)
        if span.label == "LOC" and i > 0 and tokens[i].start == span.start:
            noun = tokens[i - 1]
            rest = _bare(noun.norm)
            direction = norm(text[span.start : span.end]) in _DIRECTIONS  # من ناحية الشرق
            verb = rest == "وادي" and "أ" in noun.text  # وأدى (led to), not وادي (valley)
            if (
                rest in NAMING_PLACE_NOUNS
                and noun.end + 1 == span.start
                and not (direction or verb)
            ):
                start = noun.start + skip_letters(noun.text, len(noun.norm) - len(rest))
                span = EntitySpan(start, span.end, "LOC", span.score)  # بولاية | خوست
        out.append(span)
    return out


def _bare(word: str) -> str:
    """The normalised ``word`` without a proclitic, unless it is a place noun as it stands
    (ولاية and وادي begin with و)."""
    return word if word in _ALL_PLACE_NOUNS else strip_proclitic(word)
