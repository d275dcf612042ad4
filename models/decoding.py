"""Turn word-level BIO predictions into character :class:`EntitySpan` objects.

Words are the tokenizer's pre-tokenizer words with character offsets into the original text.
Spans exclude a leading Arabic proclitic (و ف ب ل ك, or و/ف + ب/ل/ك) glued to the entity when a
word-frequency lexicon says the remainder is a much more frequent word than the whole word.

Two decoders: :func:`decode_words` reads one BIO label per word (argmax decoding, any model);
:func:`decode_distributions` reads each word's whole label distribution with thresholds that a
checkpoint selects on its dev set (:class:`EntityDecoding`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from models.arabic import normalize_text
from models.lexicon import Lexicon
from models.spans import EntitySpan

ENTITY_TYPES = ("PER", "ORG", "LOC", "MISC")
OUTSIDE, BEGIN, INSIDE = 0, 1, 2
SINGLE_CLITICS = frozenset("وفبلك")
CONJUNCTIONS = frozenset("وف")
PREPOSITIONS = frozenset("بلك")
MIN_REMAINDER = 3
_DEFINITE_WITH_CLITIC = ("لل", "بال", "وال", "فال", "كال", "وبال", "ولل", "فبال", "فلل")
STRIP_RATIO = 2.0  # the remainder must be this many times as frequent as the whole word
# Combining marks and tatweel that may trail a word without being covered by token offsets.
TRAILING_MARKS = frozenset(
    [chr(c) for c in range(0x0610, 0x061B)]
    + [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640"]
)


@dataclass(frozen=True, slots=True)
class LabelScheme:
    """Per model label id: its BIO kind (O/B/I) and entity type (or ``""`` for O)."""

    kinds: tuple[int, ...]
    types: tuple[str, ...]

    def type_masses(self, probs: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per word (rows of ``probs``): P(O), and per entity type the B- and the I- mass."""
        kinds, types = np.asarray(self.kinds), np.asarray(self.types)
        begin = np.stack([(kinds == BEGIN) & (types == t) for t in ENTITY_TYPES], 1)
        inside = np.stack([(kinds == INSIDE) & (types == t) for t in ENTITY_TYPES], 1)
        return probs[:, kinds == OUTSIDE].sum(1), probs @ begin, probs @ inside

    @classmethod
    def from_labels(
        cls,
        labels: Sequence[str],
        label_map: Mapping[str, str] | None = None,
        span_types: Sequence[str] = ENTITY_TYPES,
    ) -> LabelScheme:
        """Map model labels (``B-PERS``, ``I-ORG``, ``S-LOC``, ``PER``...) to the project scheme.

        ``label_map`` may map whole labels (``{"B-PERS": "B-PER"}``) or types (``{"PERS": "PER"}``).
        BIOES ``S-``/``E-`` become ``B-``/``I-``; bare types are treated as ``I-``; anything
        outside ``span_types`` (PER/ORG/LOC/MISC by default) becomes O.
        """
        label_map = label_map or {}
        kinds: list[int] = []
        types: list[str] = []
        for raw in labels:
            label = label_map.get(raw, raw)
            prefix, sep, etype = label.partition("-")
            if not sep:
                prefix, etype = "I", label
            etype = label_map.get(etype, etype).upper()
            kind = {"B": BEGIN, "S": BEGIN, "I": INSIDE, "E": INSIDE, "M": INSIDE}.get(
                prefix.upper(), OUTSIDE
            )
            if etype not in span_types or kind == OUTSIDE:
                kind, etype = OUTSIDE, ""
            kinds.append(kind)
            types.append(etype)
        return cls(tuple(kinds), tuple(types))


def extend_over_marks(text: str, end: int) -> int:
    """Move ``end`` past diacritics/tatweel that directly follow it."""
    n = len(text)
    while end < n and text[end] in TRAILING_MARKS:
        end += 1
    return end


def _clitic_cuts(word: str) -> list[int]:
    """Character positions after a possible one- or two-letter proclitic in ``word``."""
    cuts: list[int] = []
    i = extend_over_marks(word, 1) if word and word[0] in SINGLE_CLITICS else 0
    if i:
        cuts.append(i)
        if word[0] in CONJUNCTIONS and i < len(word) and word[i] in PREPOSITIONS:
            cuts.append(extend_over_marks(word, i + 1))
    return cuts


def _remainder_allowed(clitic: str, rest: str) -> bool:
    """Shape constraints on a split (normalised strings), before looking at frequencies.

    A lone ف is rare before names (فيرون, فايرا are names), so it is only split before ال; after a
    preposition the remainder needs four letters or more, since names often start with
    بو/كو/كا/لي + a short frequent word (بولو → ولو, كوفي → وفي, كابل → ابل, وليلى → و+ل+يلي).
    """
    if clitic == "ف":
        return rest.startswith("ال")
    if clitic[-1] in PREPOSITIONS:
        return len(rest) >= MIN_REMAINDER + 1
    return len(rest) >= MIN_REMAINDER


def proclitic_length(word: str, lexicon: Lexicon | None) -> int:
    """Number of leading characters of ``word`` that are a proclitic, not part of the name.

    With a lexicon: strip when the remainder passes :func:`_remainder_allowed` and is a known
    word at least ``STRIP_RATIO`` times as frequent as the whole word, choosing the most frequent
    remainder (فيصل, كمال stay whole although يصل, مال are words). Without one: strip only و/ف
    before the article ال (a safe fallback).
    """
    cuts = _clitic_cuts(word)
    if not cuts:
        return 0
    if lexicon is None:
        rest = normalize_text(word[cuts[0] :])
        return cuts[0] if word[0] in CONJUNCTIONS and rest.startswith("ال") else 0
    whole = lexicon.count(normalize_text(word))
    best, best_count = 0, 0
    for cut in cuts:
        clitic, rest = normalize_text(word[:cut]), normalize_text(word[cut:])
        if not _remainder_allowed(clitic, rest):
            continue
        count = lexicon.count(rest)
        if count >= max(STRIP_RATIO * whole, 1) and count > best_count:
            best, best_count = cut, count
    return best


def decode_words(
    text: str,
    starts: Sequence[int],
    ends: Sequence[int],
    label_ids: Sequence[int],
    probs: Sequence[float],
    scheme: LabelScheme,
    lexicon: Lexicon | None,
    candidates: Sequence[int] | None = None,
    merge_adjacent: bool = False,
) -> list[EntitySpan]:
    """Decode word-level BIO predictions to entity spans over ``text``.

    ``starts``/``ends`` are word character offsets, ``label_ids``/``probs`` the predicted label
    and its probability per word. ``candidates`` optionally lists the word indices whose label is
    not O (a fast path; all words are scanned otherwise). An ``I-`` that does not continue an
    entity of the same type on the previous word starts a new entity. With ``merge_adjacent``,
    a ``B-`` directly after an entity of the same type continues it too unless it starts with a
    proclitic such as و (for models that tag every word of a name ``B-``; in ANERcorp train,
    adjacent same-type words continue an entity far more often than they start a new one).
    """
    kinds, types = scheme.kinds, scheme.types
    spans: list[EntitySpan] = []
    words = range(len(label_ids)) if candidates is None else candidates
    cur_type, cur_first, cur_last, cur_scores = "", -1, -2, [0.0]

    def glued(w: int) -> bool:
        return proclitic_length(text[starts[w] : ends[w]], lexicon) > 0

    def close() -> None:
        start, end = starts[cur_first], extend_over_marks(text, ends[cur_last])
        start += proclitic_length(text[start : ends[cur_first]], lexicon)
        spans.append(EntitySpan(start, end, cur_type, sum(cur_scores) / len(cur_scores)))

    for w in words:
        lid = label_ids[w]
        kind = kinds[lid]
        if kind == OUTSIDE:
            continue
        etype = types[lid]
        if (
            etype == cur_type
            and w == cur_last + 1
            and (kind == INSIDE or (merge_adjacent and not glued(w)))
        ):
            cur_last = w
            cur_scores.append(float(probs[w]))
            continue
        if cur_type:
            close()
        cur_type, cur_first, cur_last, cur_scores = etype, w, w, [float(probs[w])]
    if cur_type:
        close()
    return spans


@dataclass(frozen=True, slots=True)
class EntityDecoding:
    """Thresholds of :func:`decode_distributions`, kept in a checkpoint's ``config.json``
    (``entity_decoding``) and selected on its dev set by ``models.tune_decoding``."""

    outside_threshold: float = 0.5  # a word belongs to an entity when P(O) is below this
    min_score: float = 0.0  # entities whose mean entity probability is lower are dropped
    merge_adjacent: bool = False  # a B- word of the same type continues the entity before it
    # a rare word (pre-training count at most this) right before or after a person's name is
    # the given or family name the model left out (برايان | مايرز، حميد | كرزاي); 0: off
    rare_name_count: int = 20

    @classmethod
    def from_config(cls, config: Any) -> EntityDecoding | None:
        """The settings stored in a transformers config, or ``None`` when it has none."""
        stored = getattr(config, "entity_decoding", None)
        return cls(**stored) if stored else None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready settings for ``config.entity_decoding``."""
        return asdict(self)


def _rare_name_word(word: str, lexicon: Lexicon, limit: int, family: bool) -> bool:
    """Whether ``word`` reads as a name the model left out next to a person's name: a rare word
    of letters (pre-training count at most ``limit``; ال only in a family name, never after a
    proclitic) without a plural ات, a possessive pronoun, or a proclitic, future س or accusative
    ا that a frequent word would explain (كرزاي، الجبالي، مايرز; not للصحفي، متعهدات، حفله،
    وشتاينماير، كخطة، سيلجأ، خلوقا)."""
    if not limit or len(word) < 3 or not word.isalpha():
        return False
    norm = normalize_text(word)
    if norm.startswith(_DEFINITE_WITH_CLITIC) or (not family and norm.startswith("ال")):
        return False  # للصحفي، بالمنطقة: a preposition and the article, no name
    if word.endswith(("ه", "ها", "هم", "هما", "ات")):
        return False
    count = lexicon.count(norm)
    if count > limit or proclitic_length(word, lexicon):
        return False
    for rest in (word[1:] if word[0] in "سكبلوف" else "", word[:-1] if word[-1] == "ا" else ""):
        if rest and lexicon.count(normalize_text(rest)) > max(STRIP_RATIO * count, limit):
            return False
    return True


def decode_distributions(
    text: str,
    starts: Sequence[int],
    ends: Sequence[int],
    probs: np.ndarray,
    scheme: LabelScheme,
    lexicon: Lexicon | None,
    decoding: EntityDecoding,
) -> list[EntitySpan]:
    """Decode per-word label distributions (``probs``: words × labels) to entity spans.

    A word is inside an entity when its P(O) is below ``outside_threshold``. An entity word
    directly after another continues its entity when its I- mass exceeds its B- mass (whatever
    the types), or, with ``merge_adjacent``, when it has the same most likely type and no
    proclitic. An entity's type is the one with the most probability mass over its words (so a
    name whose words the model splits between ORG and LOC stays one entity); its score is the
    mean entity probability of its words, and entities below ``min_score`` are dropped. A rare
    word right before or after a person's name that no kept entity holds (outside, or in an
    entity too unsure to keep) joins the name (``rare_name_count``).
    """
    outside, begin, inside = scheme.type_masses(probs)
    mass = begin + inside
    word_type = mass.argmax(1)
    continues = inside.sum(1) > begin.sum(1)
    groups: list[list[int]] = []
    for w in np.flatnonzero(outside < decoding.outside_threshold).tolist():
        if groups and groups[-1][-1] == w - 1:
            same_type = word_type[w] == word_type[groups[-1][-1]]
            if continues[w] or (
                decoding.merge_adjacent
                and same_type
                and not proclitic_length(text[starts[w] : ends[w]], lexicon)
            ):
                groups[-1].append(w)
                continue
        groups.append([w])
    scored = [(g, float(1.0 - outside[g].mean())) for g in groups]
    kept = [(g, score) for g, score in scored if score >= decoding.min_score]
    # words no kept entity holds: outside ones and those of entities too unsure to keep
    free = np.ones(len(starts), dtype=bool)
    for g, _ in kept:
        free[g] = False
    spans: list[EntitySpan] = []
    for g, score in kept:
        start = starts[g[0]]
        start += proclitic_length(text[start : ends[g[0]]], lexicon)
        label = ENTITY_TYPES[int(mass[g].sum(0).argmax())]
        end = ends[g[-1]]
        if label == "PER" and lexicon is not None:  # a given or family name the model left out
            limit = decoding.rare_name_count
            before, after = g[0] - 1, g[-1] + 1
            if (
                before >= 0
                and free[before]
                and text[ends[before] : start] == " "
                and _rare_name_word(text[starts[before] : ends[before]], lexicon, limit, False)
            ):
                start = starts[before]  # برايان | مايرز
                free[before] = False
            if (
                after < len(starts)
                and free[after]
                and (after + 1 == len(starts) or free[after + 1])  # not كوستا | وسيسك فابريجاس
                and text[end : starts[after]] == " "
                and not normalize_text(text[starts[g[-1]] : end]).startswith("ال")
                and _rare_name_word(text[starts[after] : ends[after]], lexicon, limit, True)
            ):
                end = ends[after]  # حميد | كرزاي
                free[after] = False
        spans.append(EntitySpan(start, extend_over_marks(text, end), label, score))
    return spans
