"""Quotes from the quote head's spans, linked to speakers by a deterministic procedure.

The quote head (``models.quote_head``) labels QUOTE, CUE and SPEAKER spans. Here those spans
(1) rescore the rule quotes: a quote's score becomes the mean of its rule score and the share of
its characters the model also labels QUOTE; and (2) add the quotes the rules missed: a model
QUOTE span that no rule quote overlaps, held with a mean inside probability of at least
``MIN_MODEL_ONLY_SCORE``, with no quotation mark inside it, starting after أن/إن, a colon, a
quotation mark or a CUE (elsewhere, on 1,000 archive articles, 11 of its 13 additions were
pieces of the speaker's noun phrase or of the sentence around it), with a model CUE in its
sentence, becomes a quote whose cue is the nearest such CUE and whose speaker is the entity
under the SPEAKER span nearest to that cue, or else the speaker of the closest earlier quote
(the وأضاف case).
"""

from __future__ import annotations

from collections.abc import Sequence

from models.attribution.cues import Cue
from models.attribution.document import Doc
from models.attribution.lexicon import COMPLEMENTIZERS
from models.attribution.normalize import QUOTE_CHARS
from models.attribution.quotes import Draft, as_implied
from models.attribution.speakers import SpeakerInfo, from_mention
from models.spans import EntitySpan

MIN_QUOTE_WORDS = 3
# A quote the rules did not find is added only when the head is this sure of it (mean inside
# probability): on the gold dev articles every lower-confidence addition was a fragment
# (9 of them at 0.46-0.68, costing 0.06 indirect end-to-end F1).
MIN_MODEL_ONLY_SCORE = 0.75
MODEL_ONLY_WEIGHT = 0.8  # a quote found by the model alone is trusted less than one both agree on


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _support(start: int, end: int, quotes: Sequence[EntitySpan]) -> float:
    """Share of ``[start, end)`` covered by model QUOTE spans."""
    if end <= start:
        return 0.0
    return min(1.0, sum(_overlap((start, end), (q.start, q.end)) for q in quotes) / (end - start))


def _speaker_for(doc: Doc, span: EntitySpan) -> SpeakerInfo | None:
    """The entity mention inside a SPEAKER span (the last one: titles come before names)."""
    inside = [m for m in doc.mentions if span.start <= m.start and m.end <= span.end]
    if not inside:
        inside = [m for m in doc.mentions if _overlap((m.start, m.end), (span.start, span.end))]
    if not inside:
        return None
    return from_mention(doc, inside[-1], (span.start, span.end), gender="")


def _previous_speaker(drafts: Sequence[Draft], before: int) -> SpeakerInfo | None:
    earlier = [d for d in drafts if d.end <= before and d.speaker is not None]
    if not earlier:
        return None
    sp = max(earlier, key=lambda d: d.end).speaker
    assert sp is not None
    return as_implied(sp)


def _opens_content(doc: Doc, start: int, cues: Sequence[EntitySpan]) -> bool:
    """Reported content may start at ``start``: right after أن/إن, a colon, a quotation mark
    or a model CUE (وأشاد | بدور قوات التحالف)."""
    k = doc.token_containing(start) - 1
    if k < 0:
        return False
    before = doc.tokens[k]
    if before.norm in COMPLEMENTIZERS or before.text == ":" or before.text in QUOTE_CHARS:
        return True
    return any(c.start <= before.start < c.end for c in cues)


def _is_direct(doc: Doc, start: int, end: int) -> bool:
    return any(
        s.open_mark is not None and s.start <= start + 1 and end - 1 <= s.end for s in doc.segments
    )


def merge_model_quotes(doc: Doc, drafts: list[Draft], spans: Sequence[EntitySpan]) -> list[Draft]:
    """Rule quotes rescored by the model, plus the model's quotes that the rules missed."""
    quotes = [s for s in spans if s.label == "QUOTE"]
    cues = [s for s in spans if s.label == "CUE"]
    speakers = [s for s in spans if s.label == "SPEAKER"]
    for d in drafts:
        d.score = 0.5 * d.score + 0.5 * _support(d.start, d.end, quotes)
    added: list[Draft] = []
    for q in quotes:
        if q.score < MIN_MODEL_ONLY_SCORE:
            continue
        if any(_overlap((q.start, q.end), (d.start, d.end)) for d in drafts):
            continue
        if len(doc.text[q.start : q.end].split()) < MIN_QUOTE_WORDS:
            continue
        if any(c in QUOTE_CHARS for c in doc.text[q.start : q.end]):
            continue  # وأكدت "الوزارة | " عدم رصد: across a closing mark, no quote
        if not _opens_content(doc, q.start, cues):
            continue  # وأشار رئيس شركة «إكسون موبيل في»: part of the speaker, not what he said
        sent_start, sent_end = doc.sentences[doc.sentence_of_char(q.start)]
        in_sentence = [
            c for c in cues if sent_start <= c.start < sent_end and not q.start <= c.start < q.end
        ]
        if not in_sentence:
            continue
        cue = min(in_sentence, key=lambda c: min(abs(c.end - q.start), abs(q.end - c.start)))
        near = [s for s in speakers if sent_start <= s.start < sent_end]
        speaker = None
        for s in sorted(near, key=lambda s: min(abs(s.start - cue.end), abs(cue.start - s.end))):
            speaker = _speaker_for(doc, s)
            if speaker is not None:
                break
        if speaker is None:
            speaker = _previous_speaker(drafts + added, q.start)
        model_cue = Cue(
            doc.token_containing(cue.start),
            cue.start,
            cue.end,
            doc.text[cue.start : cue.end],
            "model",
            "",
        )
        kind = "direct" if _is_direct(doc, q.start, q.end) else "indirect"
        added.append(Draft(q.start, q.end, kind, MODEL_ONLY_WEIGHT * q.score, model_cue, speaker))
    return sorted(drafts + added, key=lambda d: (d.start, d.end))
