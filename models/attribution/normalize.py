"""Arabic normalisation and offset-preserving tokenisation for the attribution rules.

The normal form matches the reference scorer: NFKC, diacritics and tatweel removed, alef/hamza
forms unified, ى→ي, ة→ه, ؤ→و, ئ→ي.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from models.decoding import extend_over_marks
from models.spans import EntitySpan

_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ALEFS = re.compile("[أإآٱ]")
_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+")
_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]+|[^\s]")

QUOTE_CHARS = '“”«»"„‟″〝〞'
PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")


@lru_cache(maxsize=1 << 16)  # called for every token; news vocabulary repeats a lot
def norm(text: str) -> str:
    """Normalise a word or phrase (no punctuation removal, whitespace collapsed)."""
    text = unicodedata.normalize("NFKC", text)
    text = _DIACRITICS.sub("", text)
    text = _ALEFS.sub("ا", text)
    text = text.replace("ى", "ي").replace("ة", "ه").replace("ؤ", "و").replace("ئ", "ي")
    return " ".join(text.split())


def norm_phrase(text: str) -> str:
    """Normalise and keep only word characters (punctuation becomes a space)."""
    return " ".join(m.group() for m in _WORD.finditer(norm(text)))


def strip_article_proclitic(word: str) -> str:
    """Drop a proclitic before the definite article: بال→ال, وال→ال, لل→ال (normalised input)."""
    if word.startswith("لل") and len(word) > 4:
        return "ال" + word[2:]
    for p in PROCLITICS:
        if word.startswith(p + "ال") and len(word) - len(p) >= 4:
            return word[len(p) :]
    return word


def strip_proclitic(word: str) -> str:
    """Drop one leading proclitic (و ف ب ل ك, or two) when at least three letters remain."""
    if word.startswith("لل") and len(word) > 4:
        return "ال" + word[2:]
    for p in PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 3:
            return word[len(p) :]
    return word


def skip_letters(text: str, n: int) -> int:
    """Offset in ``text`` after its first ``n`` letters and the marks that follow them."""
    i = 0
    for _ in range(n):
        i = extend_over_marks(text, i + 1)
    return i


class Token(NamedTuple):
    """A word or a single punctuation character with its offsets and normal form."""

    i: int
    start: int
    end: int
    text: str
    norm: str
    is_word: bool  # letters or digits, not punctuation


@lru_cache(maxsize=1 << 17)  # tokens repeat a lot in news text
def _norm_token(text: str) -> str:
    return norm(text)


@lru_cache(maxsize=1 << 16)
def _is_word(text: str) -> bool:
    return bool(_WORD.fullmatch(text))


def tokenize(text: str) -> list[Token]:
    """Split into words and single punctuation characters, keeping offsets."""
    return [
        Token(i, m.start(), m.end(), m.group(), _norm_token(m.group()), _is_word(m.group()))
        for i, m in enumerate(_TOKEN.finditer(text))
    ]


def mention_token_ranges(mention_at: Sequence[int]) -> dict[int, tuple[int, int]]:
    """Per mention (an index of :func:`token_mentions`), its first and last token index."""
    ranges: dict[int, tuple[int, int]] = {}
    for i, k in enumerate(mention_at):
        if k >= 0:
            ranges[k] = (ranges[k][0], i) if k in ranges else (i, i)
    return ranges


def token_mentions(tokens: Sequence[Token], spans: Sequence[EntitySpan]) -> list[int]:
    """Per token, the index in ``spans`` (sorted by start, not overlapping) of the span that
    overlaps it, or -1."""
    out = [-1] * len(tokens)
    if not spans:
        return out
    ends = [t.end for t in tokens]
    starts = [t.start for t in tokens]
    for k, span in enumerate(spans):
        first = bisect_right(ends, span.start)  # the first token that ends after the start
        stop = bisect_left(starts, span.end)  # the first token that starts at or after the end
        out[first:stop] = [k] * (stop - first)
    return out
