"""Deterministic quote detection, speaker attribution and in-article entity resolution.

``analyze`` turns an article, the tagger's entity mentions and (when the model has a quote
head) its QUOTE / CUE / SPEAKER spans into an :class:`Analysis`;
``silver_labels`` gives the same result as character spans (QUOTE / CUE / SPEAKER) for training
a quote head. Modules: ``document`` (tokens, sentences, quotation marks), ``entities``
(implausible mentions, clustering and canonical names), ``datelines`` (an article's byline
and dateline), ``acronyms`` (acronyms spelled in letter names), ``gazetteer`` (listed places
and organisations), ``organisations`` (head-noun organisation names the tagger's training data
leaves untagged), ``persons`` (whole person names), ``places`` (names after a place noun),
``cues`` (reporting words), ``speakers`` (speaker noun phrases, titles, implied subjects),
``quotes`` (assembling direct and indirect quotes) and ``model_spans`` (rescoring and extending
them with the quote head's spans).
"""

from __future__ import annotations

from collections.abc import Sequence

from models.attribution.acronyms import with_spelled_acronyms
from models.attribution.datelines import with_dateline
from models.attribution.document import build_doc
from models.attribution.entities import plausible_mentions, resolved_entities
from models.attribution.gazetteer import with_gazetteer_names
from models.attribution.model_spans import merge_model_quotes
from models.attribution.normalize import tokenize
from models.attribution.organisations import with_organisation_names
from models.attribution.persons import with_person_names
from models.attribution.places import with_places_after_place_nouns
from models.attribution.quotes import detect_quotes
from models.spans import Analysis, EntitySpan, Quote, Speaker, TextSpan

__all__ = ["analyze", "silver_labels"]


def _span(text: str, start: int, end: int) -> TextSpan:
    return TextSpan(text[start:end], start, end)


def analyze(
    text: str, entities: Sequence[EntitySpan], quote_spans: Sequence[EntitySpan] = ()
) -> Analysis:
    """Resolve entity mentions and find attributed quotes in one article.

    Before resolution the tagger's mentions are cleaned (generic nouns, currencies,
    nationalities and pronoun-suffixed words dropped), replaced by the byline's and dateline's
    parts in an article's header, joined into spelled acronyms, completed from the gazetteer,
    joined into head-noun organisation names and whole person names (after a title, a reporting
    verb or a nationality, around a given name, through a linking particle); a name after a
    place noun (بمحافظة المخواة) is a place.

    ``quote_spans`` are the quote head's QUOTE / CUE / SPEAKER spans; without them the quotes
    come from the rules alone.
    """
    tokens = tokenize(text)
    entities = with_dateline(text, plausible_mentions(text, entities))
    entities = with_spelled_acronyms(text, entities, tokens)
    entities = with_gazetteer_names(text, entities, tokens)
    entities = with_person_names(text, with_organisation_names(text, entities, tokens), tokens)
    entities = with_places_after_place_nouns(text, entities, tokens)
    doc = build_doc(text, entities, tokens)
    resolved = resolved_entities(doc.mentions, doc.clusters)
    drafts = detect_quotes(doc)
    if quote_spans:
        drafts = merge_model_quotes(doc, drafts, quote_spans)
    quotes: list[Quote] = []
    for n, d in enumerate(drafts, start=1):
        speaker = None
        if d.speaker is not None:
            sp = d.speaker
            mention = _span(text, *sp.span) if sp.span and sp.span[1] > sp.span[0] else None
            speaker = Speaker(
                name=sp.name,
                label=sp.label,
                entity_id=f"e{sp.mention + 1}" if sp.mention is not None else None,
                mention=mention,
            )
        cue = _span(text, d.cue.start, d.cue.end) if d.cue is not None else None
        quotes.append(
            Quote(
                id=f"q{n}",
                text=text[d.start : d.end],
                start=d.start,
                end=d.end,
                kind=d.kind,
                score=round(max(0.0, min(1.0, d.score)), 4),
                cue=cue,
                speaker=speaker,
            )
        )
    return Analysis(entities=resolved, quotes=quotes)


def silver_labels(text: str, entities: Sequence[EntitySpan]) -> list[tuple[int, int, str]]:
    """Character spans labelled QUOTE, CUE and SPEAKER (sorted, de-duplicated) for training."""
    labels: set[tuple[int, int, str]] = set()
    for q in analyze(text, entities).quotes:
        labels.add((q.start, q.end, "QUOTE"))
        if q.cue is not None:
            labels.add((q.cue.start, q.cue.end, "CUE"))
        if q.speaker is not None and q.speaker.mention is not None:
            labels.add((q.speaker.mention.start, q.speaker.mention.end, "SPEAKER"))
    return sorted(labels)
