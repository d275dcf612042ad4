"""Bylines and datelines at the head of an article (خالد علي- سبق- جدة:، واس - الرياض:).

Saudi news opens many articles with the reporter, the outlet and the place, joined by dashes
and closed by a colon or a line break (فايز الحسيكي – عين اليوم). The tagger, trained on
running text, reads this header badly: the outlet سبق is an everyday word (it "preceded"), the
reporter is missed and the city mistyped (تبوك/MISC). When the header names a known outlet, its
parts are typed by position: the outlet is an ORG, a name before it the reporter (PER), the
places after it LOC.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from models.attribution.normalize import norm_phrase
from models.spans import EntitySpan

# Outlets and agencies that sign datelines, in normal form.
OUTLETS = frozenset(
    """سبق|عين اليوم|واس|رويترز|ا ف ب|د ب ا|يو بي اي|الاناضول|سانا|قنا|وام|كونا""".split("|")
)
NOT_PLACES = frozenset({"وكالات", "متابعات", "خاص"})  # سبق- وكالات: a source, not a place
SCORE = 0.9
MAX_HEADER_CHARS = 80
MAX_PART_WORDS = 3
_HEADER = re.compile(rf"\s*([^\n:]{{2,{MAX_HEADER_CHARS}}}?)[ \t]*[:\n]")
_DASH = re.compile(r"\s*[-–—]\s*")
_PART = re.compile(r"([^\W\d_]+(?: [^\W\d_]+)*)(?:\s*\([^()\n]*\))?\s*$")


def dateline_mentions(text: str) -> list[EntitySpan]:
    """The outlet, reporter and places of the header at the start of ``text``; none when the
    text has no such header or it names no known outlet."""
    header = _HEADER.match(text)
    parts = _parts(text, header.start(1), header.end(1)) if header else []
    if not 2 <= len(parts) <= 4:
        return []
    words = [norm_phrase(text[a:b]) for a, b in parts]
    if any(len(w.split()) > MAX_PART_WORDS for w in words):
        return []
    outlet = next((i for i, w in enumerate(words) if w in OUTLETS), None)
    if outlet is None:
        return []
    spans = [EntitySpan(*parts[outlet], "ORG", SCORE)]
    if outlet == 1 and len(words[0].split()) >= 2:
        spans.insert(0, EntitySpan(*parts[0], "PER", SCORE))
    spans += [
        EntitySpan(*parts[i], "LOC", SCORE)
        for i in range(outlet + 1, len(parts))
        if words[i] not in NOT_PLACES
    ]
    return spans


def _parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the words of each dash-separated part of ``text[start:end]`` (a bracketed
    note after a place, بنغازي (ليبيا), left out); empty when a part is not only words."""
    out = []
    pos = start
    for dash in [*_DASH.finditer(text, start, end), None]:
        stop = end if dash is None else dash.start()
        part = _PART.match(text, pos, stop)
        if part is None:
            return []
        out.append(part.span(1))
        pos = end if dash is None else dash.end()
    return out


def with_dateline(text: str, entities: Sequence[EntitySpan]) -> list[EntitySpan]:
    """``entities`` with the tagger's mentions in an article's header replaced by the header's
    outlet, reporter and places (see :func:`dateline_mentions`)."""
    header = dateline_mentions(text)
    if not header:
        return list(entities)
    end = max(s.end for s in header)
    kept = [s for s in entities if s.start >= end]
    return sorted([*header, *kept], key=lambda s: s.start)
