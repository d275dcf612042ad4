"""Acronyms spelled out in Latin letter names (بي بي سي، إيه.بي.سي، يو إس إيه آي دي).

The tagger reads each letter name as a word and tags a few of them, often with different types
(بي/ORG يو/LOC كاي/ORG), so one acronym becomes several one-letter entities. A mention inside a
run of letter names is widened to the whole run and typed ORG (news acronyms name channels,
agencies and companies); when the run is followed by a number or comes after a noun such as
صاروخ it is a designation (ام اتش 17، إكس 3، صاروخ بي يو كاي) and the mention is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

from models.attribution.normalize import (
    Token,
    mention_token_ranges,
    strip_article_proclitic,
    token_mentions,
    tokenize,
)
from models.spans import EntitySpan

# Latin letter names in normal form. The ambiguous ones are also Arabic words (إن، أو، في، أم،
# أي، كي، زي، ال): they continue a run, but start one only inside a tagged mention.
LETTERS = frozenset(
    "ايه بي سي دي اف جي اتش ايتش جيه جاي كاي ايل كيو ار اس تي يو دبليو اكس واي زد".split()
)
AMBIGUOUS_LETTERS = frozenset("اي ال ام ان او في كي زي".split())
_ANY_LETTER = LETTERS | AMBIGUOUS_LETTERS
# Nouns before an acronym that make it a model or a system, not an organisation (صاروخ بي يو
# كاي، نظام جي بي إس), in normal form without the article.
DESIGNATION_NOUNS = frozenset(
    """صاروخ صواريخ طايره طايرات مقاتله مقاتلات دبابه دبابات منظومه طراز نوع سياره سيارات
    فيروس نظام جهاز اجهزه هاتف""".split()
)


def with_spelled_acronyms(
    text: str, entities: Sequence[EntitySpan], tokens: Sequence[Token] | None = None
) -> list[EntitySpan]:
    """``entities`` with the mentions inside a spelled acronym of two letters or more replaced
    by one ORG mention of the whole acronym; mentions of letter names followed by a number
    (اتش 17، بي 52) or after a designation noun (صاروخ بي يو كاي), and lone letters other than
    PER ones (دي of دي ماريا is the persons pass's), dropped."""
    spans = sorted(entities, key=lambda s: s.start)
    tokens = tokenize(text) if tokens is None else tokens
    if not any(t.norm in LETTERS for t in tokens):
        return spans
    ranges = mention_token_ranges(token_mentions(tokens, spans))
    out: list[EntitySpan] = []
    k = 0
    while k < len(spans):
        span = spans[k]
        if k not in ranges:
            out.append(span)
            k += 1
            continue
        m_first, m_last = ranges[k]
        first, last = _run(tokens, m_first, m_last)
        letters = sum(1 for t in tokens[first : last + 1] if t.norm in _ANY_LETTER)
        spelled = _all_letters(tokens, first, last, m_first, m_last)
        designation = spelled and letters >= 1 and _designation(tokens, first, last)
        if not designation and (letters < 2 or not spelled):
            if not (spelled and span.label != "PER"):  # a lone letter (بي/ORG) names nothing
                out.append(span)
            k += 1
            continue
        inside = k
        while inside + 1 < len(spans) and spans[inside + 1].start < tokens[last].end:
            inside += 1
        if not designation:
            end = max(tokens[last].end, spans[inside].end)
            out.append(EntitySpan(min(span.start, tokens[first].start), end, "ORG", span.score))
        k = inside + 1
    return out


def _run(tokens: Sequence[Token], first: int, last: int) -> tuple[int, int]:
    """Token range of the letter names around the mention's tokens ``first``..``last``: left
    over unambiguous letters, right over any, dots between letters included."""
    while first >= 2 and _dot(tokens[first - 1]) and tokens[first - 2].norm in LETTERS:
        first -= 2
    while first >= 1 and tokens[first - 1].norm in LETTERS:
        first -= 1
        while first >= 2 and _dot(tokens[first - 1]) and tokens[first - 2].norm in LETTERS:
            first -= 2
    while last + 1 < len(tokens):
        if tokens[last + 1].norm in _ANY_LETTER:
            last += 1
        elif (
            last + 2 < len(tokens)
            and _dot(tokens[last + 1])
            and tokens[last + 2].norm in _ANY_LETTER
        ):
            last += 2
        else:
            break
    return first, last


def _all_letters(tokens: Sequence[Token], first: int, last: int, m_first: int, m_last: int) -> bool:
    """The mention has no word outside the letter run (not بي جي جروب, not شركة بي)."""
    lo, hi = min(first, m_first), max(last, m_last)
    return all(not t.is_word or t.norm in _ANY_LETTER for t in tokens[lo : hi + 1])


def _dot(token: Token) -> bool:
    return token.text == "."


def _designation(tokens: Sequence[Token], first: int, last: int) -> bool:
    """A model or system name: a number after the run (ام اتش 17, a hyphen or a dot allowed
    between) or a designation noun before it (صاروخ بي يو كاي)."""
    j = last + 1
    if j < len(tokens) and tokens[j].text in "-.":
        j += 1
    if j < len(tokens) and tokens[j].norm[:1].isdigit():
        return True
    return (
        first > 0
        and strip_article_proclitic(tokens[first - 1].norm).removeprefix("ال") in DESIGNATION_NOUNS
    )
