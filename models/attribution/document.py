"""The article as the rules see it: tokens, sentences, entity mentions and quote-mark segments."""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from models.attribution.entities import Cluster, Mention, resolve
from models.attribution.normalize import QUOTE_CHARS, Token, tokenize
from models.spans import EntitySpan

_OPEN_BEFORE = set(" \t\n([{:،,؛;") | set(QUOTE_CHARS)
_CLOSE_AFTER = set(" \t\n)]}.,،:;؛!?؟") | set(QUOTE_CHARS)
_SENT_END = set(".!?؟")
_MARK_OR_NEWLINE = re.compile("[\n" + re.escape(QUOTE_CHARS) + "]")
_BREAK_CANDIDATE = re.compile("[\n.!?؟]")
_QUOTE_MARK = re.compile("[" + re.escape(QUOTE_CHARS) + "]")
_CONTINUED_QUOTE_CHARS = 1500  # how far a quote may run on over paragraph breaks
_NAME_IN_MARKS_WORDS = 3  # a name in marks closed after a stray space (لـ"الاقتصادية ")


@dataclass(slots=True)
class Segment:
    """Text between a pair of quotation marks (``start``/``end`` exclude marks and spaces)."""

    start: int
    end: int
    open_mark: int | None  # char offset of the opening mark (None: orphan closer)
    close_mark: int | None  # char offset of the closing mark (None: unclosed opener)
    name_like: bool = False


@dataclass(slots=True)
class Doc:
    """Everything the attribution rules need about one article."""

    text: str
    tokens: list[Token]
    mentions: list[Mention]
    clusters: list[Cluster]
    segments: list[Segment]
    orphan_closers: list[int]
    sentences: list[tuple[int, int]] = field(default_factory=list)
    tok_mention: list[int] = field(default_factory=list)
    tok_sent: list[int] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)

    def token_at(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        return bisect.bisect_left(self._starts, char)

    def token_containing(self, char: int) -> int:
        """Index of the token that contains ``char`` (or the one after it)."""
        i = bisect.bisect_right(self._starts, char) - 1
        if i >= 0 and self.tokens[i].end > char:
            return i
        return i + 1

    def mention_at(self, ti: int) -> Mention | None:
        """The entity mention covering token ``ti``."""
        if 0 <= ti < len(self.tokens) and self.tok_mention[ti] >= 0:
            return self.mentions[self.tok_mention[ti]]
        return None

    def sentence_of_char(self, char: int) -> int:
        """Index of the sentence containing ``char``."""
        starts = [s for s, _ in self.sentences]
        return max(0, bisect.bisect_right(starts, char) - 1)


def pair_quote_marks(text: str) -> tuple[list[Segment], list[int]]:
    """Pair quotation marks paragraph by paragraph (a quote whose closing mark comes in a later
    paragraph runs on to it); unmatched closers are returned apart.

    A mark is an opener when preceded by space/start and followed by a letter, a closer when
    preceded by a letter and followed by space/punctuation/end; otherwise the state decides, so
    mismatched pairs such as ” … ” and symmetric " … " are handled alike. A clear " opener inside
    a quote opened by " starts a quote within it (مشروع "ذا رزيدنسز" الفاخر) when it closes
    before the outer one does in the same paragraph; otherwise it starts a new quote and the
    outer one was never closed.
    """
    segments: list[Segment] = []
    orphans: list[int] = []
    open_at: int | None = None
    inner_at: int | None = None  # a clear " opener inside a quote opened by "
    inner: list[tuple[int, int]] = []  # closed quotes inside the open one, in its paragraph

    def unclosed_outer(end: int) -> None:
        """The open quote never closed: it ends at the first inner quote, which stand alone."""
        assert open_at is not None
        if not inner and inner_at is not None and _name_closed_after_space(text, open_at, inner_at):
            _add_segment(text, segments, open_at, inner_at, inner_at)
            return
        marks = [*inner, *([(inner_at, -1)] if inner_at is not None else [])]
        _add_segment(text, segments, open_at, None, marks[0][0] if marks else end)
        for a, b in inner:
            _add_segment(text, segments, a, b, b)
        if inner_at is not None:
            _add_segment(text, segments, inner_at, None, end)

    for match in _MARK_OR_NEWLINE.finditer(text):
        i, ch = match.start(), match.group()
        if ch == "\n":
            if open_at is not None and (inner or not _closed_in_a_later_paragraph(text, i)):
                unclosed_outer(i)
                open_at, inner_at, inner = None, None, []
            continue
        prev = text[i - 1] if i > 0 else " "
        nxt = text[i + 1] if i + 1 < len(text) else " "
        open_ctx = prev in _OPEN_BEFORE and not nxt.isspace()
        close_ctx = not prev.isspace() and nxt in _CLOSE_AFTER
        if open_ctx and not close_ctx:
            role = "open"
        elif close_ctx and not open_ctx:
            role = "close"
        else:
            role = "close" if open_at is not None else "open"
        if role == "open" and open_at is not None and ch in "”»" and not prev.isspace():
            role = "close"
        if role == "open" and open_at is not None and prev.isspace() and text[open_at + 1] == " ":
            role = "close"  # لفرع " واعي "بالرياض: marks set off by spaces close the same way
        if (
            role == "open"
            and open_at is not None
            and inner_at is None
            and ch == text[open_at] == '"'
        ):
            inner_at = i  # مشروع "ذا رزيدنسز" inside a quote: closed first, kept in the quote
        elif role == "open":
            if open_at is not None:
                unclosed_outer(i)
            open_at, inner_at, inner = i, None, []
        elif inner_at is not None:
            inner.append((inner_at, i))
            inner_at = None
        elif open_at is not None:
            _add_segment(text, segments, open_at, i, i)
            open_at, inner = None, []
        else:
            orphans.append(i)
    if open_at is not None:
        unclosed_outer(len(text))
    return segments, orphans


def _name_closed_after_space(text: str, open_at: int, mark: int) -> bool:
    """Whether ``mark``, a " that looked like an inner opener and never closed, closes the few
    words opened at ``open_at`` with a stray space before it (قال لـ"الاقتصادية "مصدر مسؤول)."""
    words = text[open_at + 1 : mark]
    return (
        text[mark - 1].isspace()
        and len(words.split()) <= _NAME_IN_MARKS_WORDS
        and not any(ch in _SENT_END or ch in "،,:" for ch in words)
    )


def _closed_in_a_later_paragraph(text: str, newline: int) -> bool:
    """Whether a quote still open at ``newline`` goes on: the next mark within
    ``_CONTINUED_QUOTE_CHARS`` closes a quote (وأضاف: "… الطاهرة.⏎تفجير … عليه".)."""
    match = _QUOTE_MARK.search(text, newline, newline + _CONTINUED_QUOTE_CHARS)
    if match is None:
        return False
    i = match.start()
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return not text[i - 1].isspace() and nxt in _CLOSE_AFTER


def _add_segment(
    text: str, out: list[Segment], open_at: int, close_at: int | None, end: int
) -> None:
    start = open_at + 1
    while start < end and text[start].isspace():
        start += 1
    stop = end
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    if stop > start:
        out.append(Segment(start, stop, open_at, close_at))


def split_sentences(text: str, protected: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans: break after . ! ? ؟ (not inside numbers or protected spans) and newlines."""
    inside = bytearray(len(text) + 1)
    for s, e in protected:
        for k in range(s, min(e, len(text))):
            inside[k] = 1
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    resume = 0  # characters before this were consumed by the previous cut
    for match in _BREAK_CANDIDATE.finditer(text):
        i, ch = match.start(), match.group()
        if i < resume:
            continue
        cut = None
        if ch == "\n":
            cut = i
        elif ch in _SENT_END and not inside[i]:
            nxt = _visible_after(text, i)
            decimal = (  # 2.5 (4.\u200f3 too), or a Latin dotted name (riyadhedu.org)
                ch == "."
                and 0 < i < n - 1
                and (
                    (text[i - 1].isdigit() and nxt.isdigit())
                    or (_latin(text[i - 1]) and _latin(text[i + 1]))
                )
            )
            if not decimal and not _abbreviation_dot(text, i):
                j = i + 1
                while j < n and (text[j] in _SENT_END or text[j] in QUOTE_CHARS + ")]"):
                    j += 1
                cut = j
        if cut is not None:
            if cut > start:
                spans.append((start, cut))
            start = cut if ch != "\n" else cut + 1
            resume = max(i + 1, cut)
    if start < n:
        spans.append((start, n))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _visible_after(text: str, i: int) -> str:
    """The first character after ``i`` that is not an invisible format mark (U+200F …)."""
    k = i + 1
    while k < len(text) and unicodedata.category(text[k]) == "Cf":
        k += 1
    return text[k] if k < len(text) else ""


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _abbreviation_dot(text: str, i: int) -> bool:
    """A dot inside an abbreviation written without spaces (إيه.بي.سي، د.عسيري): a short run of
    letters before it and a letter right after it; or the dot of an initial before a name
    (د. محمد، ن.ن. كول): one letter, then a space and a letter."""
    if text[i] != "." or i + 1 >= len(text):
        return False
    k = i
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    if text[i + 1].isalpha():  # د.عسيري، إيه.بي.سي; not a word run into the next (أمس.وتشهد)
        return 0 < i - k <= 2 or (i - k == 3 and "." in text[i + 2 : i + 6])
    chained = i - k == 2 and k > 0 and text[k - 1] == "."  # إي.إل. دوكتورو
    return (
        (i - k == 1 or chained)
        and text[i + 1] == " "
        and i + 2 < len(text)
        and text[i + 2].isalpha()
    )


def build_doc(text: str, entities: Sequence[EntitySpan], tokens: list[Token] | None = None) -> Doc:
    """Tokenise (unless ``tokens`` are given), resolve entities, pair quotation marks and split
    sentences."""
    tokens = tokenize(text) if tokens is None else tokens
    mentions, clusters = resolve(text, entities)
    segments, orphans = pair_quote_marks(text)
    doc = Doc(text, tokens, mentions, clusters, segments, orphans)
    doc._starts = [t.start for t in tokens]
    doc.tok_mention = [-1] * len(tokens)
    for m in mentions:
        for ti in range(doc.token_containing(m.start), len(tokens)):
            if tokens[ti].start >= m.end:
                break
            doc.tok_mention[ti] = m.index
    long_segments = [(s.start, s.end) for s in segments if len(text[s.start : s.end].split()) >= 3]
    doc.sentences = split_sentences(text, long_segments)
    # A token's sentence: the last one that starts at or before the token (the first for any
    # token before it).
    firsts = [0] + [bisect.bisect_left(doc._starts, s) for s, _ in doc.sentences[1:]]
    doc.tok_sent = []
    for k, (first, stop) in enumerate(zip(firsts, [*firsts[1:], len(tokens)], strict=True)):
        doc.tok_sent.extend([k] * (stop - first))
    return doc
