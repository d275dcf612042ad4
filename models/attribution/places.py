"""Names after a place noun are places (بمحافظة المخواة، في مدينة ميرلو، إقليم باداخشان).

The tagger often types an unfamiliar town, district or island PER or ORG. The noun before it
(محافظة، منطقة، مدينة، قرية، بلدة، حي، ولاية، إقليم، مديرية، مخيم، جزيرة، مقاطعة،
جمهورية) says what it is: over the SaudiNewsNet archive nearly all of the 1,273 PER or ORG
mentions right after one are places. Longer mentions (رئيس إقليم كردستان مسعود بارزاني: a
place and a person the title rule joined) and names after a king's title (مدينة الملك
عبدالله) are left alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from models.attribution.normalize import (
    Token,
    mention_token_ranges,
    strip_proclitic,
    token_mentions,
    tokenize,
)
from models.attribution.organisations import NAMESAKE_TITLES
from models.spans import EntitySpan

PLACE_NOUNS = frozenset(
    "محافظه منطقه مدينه قريه بلده حي ولايه اقليم مديريه مخيم جزيره مقاطعه جمهوريه".split()
)
MAX_WORDS = 2


def with_places_after_place_nouns(
    text: str, entities: Sequence[EntitySpan], tokens: Sequence[Token] | None = None
) -> list[EntitySpan]:
    """``entities`` with PER and ORG mentions of up to two words right after a place noun
    relabelled LOC."""
    spans = sorted(entities, key=lambda s: s.start)
    if not any(s.label in ("PER", "ORG") for s in spans):
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
            and strip_proclitic(tokens[i - 1].norm) in PLACE_NOUNS
            and tokens[i].norm not in NAMESAKE_TITLES
            and len(text[span.start : span.end].split()) <= MAX_WORDS
        ):
            span = EntitySpan(span.start, span.end, "LOC", span.score)
        out.append(span)
    return out
