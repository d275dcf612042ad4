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
from models.attribution.entities import (
    plausible_mentions,
    reported_mentions,
    resolved_entities,
)
from models.attribution.gazetteer import nationality_adjectives, with_gazetteer_names
from models.attribution.lexicon import DIVINE_FORMULA_WORDS, GIVEN_NAMES, TITLE_CONTINUATIONS
from models.attribution.model_spans import merge_model_quotes
from models.attribution.normalize import norm, strip_article_proclitic, tokenize
from models.attribution.organisations import BODY_HEADS, with_organisation_names
from models.attribution.persons import with_person_names
from models.attribution.places import with_places_after_place_nouns
from models.attribution.quotes import Draft, detect_quotes
from models.attribution.speakers import is_title_word
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
    place noun (بمحافظة المخواة) is a place, and an untagged name that a speaker's title
    introduces (المتحدث الرسمي للمركز رأفت الصباغ) is a person.

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
    drafts = detect_quotes(doc)
    named = _titled_speaker_names(text, drafts, entities)
    if named:
        entities = sorted([*entities, *named], key=lambda s: s.start)
        doc = build_doc(text, entities, tokens)
        drafts = detect_quotes(doc)
    if quote_spans:
        drafts = merge_model_quotes(doc, drafts, quote_spans)
    speakers = {d.speaker.mention for d in drafts if d.speaker and d.speaker.mention is not None}
    reported = reported_mentions(doc.mentions, doc.clusters, speakers)
    resolved = resolved_entities(reported, doc.clusters)
    entity_ids = {m.index: e.id for m, e in zip(reported, resolved, strict=True)}
    quotes: list[Quote] = []
    for n, d in enumerate(drafts, start=1):
        speaker = None
        if d.speaker is not None:
            sp = d.speaker
            mention = _span(text, *sp.span) if sp.span and sp.span[1] > sp.span[0] else None
            speaker = Speaker(
                name=sp.name,
                label=sp.label,
                entity_id=entity_ids.get(sp.mention) if sp.mention is not None else None,
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


def _titled_speaker_names(
    text: str, drafts: Sequence[Draft], entities: Sequence[EntitySpan]
) -> list[EntitySpan]:
    """Untagged names that a speaker's title introduces (المتحدث الرسمي للمركز رأفت الصباغ):
    new PER mentions, so that the person is an entity of the article."""
    found: dict[tuple[int, int], EntitySpan] = {}
    for d in drafts:
        sp = d.speaker
        if sp is None or sp.label != "PER" or sp.mention is not None or sp.span is None:
            continue
        start, end = sp.span
        phrase = text[start:end]
        if not phrase.endswith(sp.name) or len(phrase) <= len(sp.name):
            continue
        first = norm(phrase.split()[0])
        if not is_title_word(first) or not _reads_as_a_name(norm(sp.name).split()):
            continue
        s = end - len(sp.name)
        if any(e.start < end and s < e.end for e in entities):
            continue
        found[(s, end)] = EntitySpan(s, end, "PER", 0.5)
    return list(found.values())


# Nouns that a title's genitive often starts with (مدير | فرع الجمعية، مدير | شؤون المعلمين).
_NOT_GIVEN_NAMES = frozenset("عام فرع شوون قسم مكتب جهاز فرق فريق".split())


def _reads_as_a_name(words: list[str]) -> bool:
    """Two to four words, none of them a title, a body's head noun, a nationality or an
    ordinal, the first without a preposition (not مدير | إدارة شؤون المباني، مندوب | خليجي
    آخر، المدير التنفيذي | لاحتفالات)."""
    if not 2 <= len(words) <= 4:
        return False
    first = words[0]
    if first not in GIVEN_NAMES and (
        first[:1] in "لبو" or first.endswith("ه") or first in _NOT_GIVEN_NAMES
    ):
        return False  # لاحتفالات، بجدة، وتطوير، إدارة، عام، فرع: no given name
    return not any(
        is_title_word(w)
        or w in TITLE_CONTINUATIONS
        or strip_article_proclitic(w) in BODY_HEADS
        or w in nationality_adjectives()
        or w in DIVINE_FORMULA_WORDS
        or w in ("اخر", "ثان")
        for w in words
    )


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
