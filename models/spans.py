"""Span types shared by the tagger, quote attribution and event building.

All offsets are Python string indices into the article text, end exclusive,
so ``text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A piece of the article text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """A named-entity mention predicted by the tagger (no text copy, no identity yet)."""

    start: int
    end: int
    label: str  # PER | ORG | LOC | MISC
    score: float


@dataclass(frozen=True, slots=True)
class Tagging:
    """What one forward pass of the tagger finds in a text.

    ``entities`` are PER / ORG / LOC / MISC mentions; ``quote_spans`` are QUOTE / CUE / SPEAKER
    spans from the quote head (empty for models without one).
    """

    entities: list[EntitySpan]
    quote_spans: list[EntitySpan]


@dataclass(frozen=True, slots=True)
class ResolvedEntity:
    """An entity mention with its article-level identity and canonical name."""

    id: str
    text: str
    label: str
    start: int
    end: int
    score: float
    name: str


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quote is attributed to."""

    name: str
    label: str  # PER | ORG | OTHER
    entity_id: str | None
    mention: TextSpan | None


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct or reported statement with its cue and speaker."""

    id: str
    text: str
    start: int
    end: int
    kind: str  # direct | indirect
    score: float
    cue: TextSpan | None
    speaker: Speaker | None


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the pipeline extracts from one article."""

    entities: list[ResolvedEntity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
