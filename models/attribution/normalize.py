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
from operator import attrgetter
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


@lru_cache(maxsize=1 << 16)
def norm_phrase(text: str) -> str:
    """Normalise and keep only word characters (punctuation becomes a space)."""
    return " ".join(m.group() for m in _WORD.finditer(norm(text)))


@lru_cache(maxsize=1 << 16)  # called for most words of an article
def strip_article_proclitic(word: str) -> str:
    """Drop a proclitic before the definite article: بال→ال, وال→ال, لل→ال (normalised input)."""
    if word.startswith("لل") and len(word) > 4:
        return "ال" + word[2:]
    for p in PROCLITICS:
        if word.startswith(p + "ال") and len(word) - len(p) >= 4:
            return word[len(p) :]
    return word


@lru_cache(maxsize=1 << 16)
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
def _token_forms(text: str) -> tuple[str, bool]:
    """Normal form of a token and whether it is a word."""
    return norm(text), bool(_WORD.fullmatch(text))


def tokenize(text: str) -> list[Token]:
    """Split into words and single punctuation characters, keeping offsets."""
    tokens: list[Token] = []
    append = tokens.append
    new = tuple.__new__  # a NamedTuple without its keyword-handling constructor: the hot path
    for i, m in enumerate(_TOKEN.finditer(text)):
        token = m.group()
        normal, is_word = _token_forms(token)
        start, end = m.span()
        append(new(Token, (i, start, end, token, normal, is_word)))
    return tokens


_START = attrgetter("start")
_END = attrgetter("end")


def mention_token_ranges(mention_at: Sequence[int]) -> dict[int, tuple[int, int]]:
    """Per mention (an index of :func:`token_mentions`), its first and last token index."""
    ranges: dict[int, tuple[int, int]] = {}
    for i, k in enumerate(mention_at):
        if k >= 0:
            ranges[k] = (ranges[k][0], i) if k in ranges else (i, i)
    return ranges


def token_after(tokens: Sequence[Token], offset: int) -> int:
    """Index of the first token that ends after character ``offset`` (the token containing it,
    or the next one)."""
    return bisect_right(tokens, offset, key=_END)


def token_mentions(tokens: Sequence[Token], spans: Sequence[EntitySpan]) -> list[int]:
    """Per token, the index in ``spans`` (sorted by start, not overlapping) of the span that
    overlaps it, or -1."""
    out = [-1] * len(tokens)
    for k, span in enumerate(spans):
        first = token_after(tokens, span.start)
        stop = bisect_left(tokens, span.end, lo=first, key=_START)  # first at or after the end
        out[first:stop] = [k] * (stop - first)
    return out
