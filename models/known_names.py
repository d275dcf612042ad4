"""Names the entity model tags consistently across the archive, found again where it misses them.

A tagger trained on ANERcorp tags a name in one article and leaves it untagged in the next
(برنامج الأغذية العالمي، دار الإفتاء المصرية): which occurrence it catches depends on the words
around it. Bootstrapping from its own output over the whole archive fixes part of that. Over
the events of a reprocessing run made without this list, every mention form (its words in
normal form) is counted: the articles it is tagged in, its labels, and how many of its
occurrences in the archive are tagged as exactly that mention. A form tagged in at least
``min_articles`` articles, with one label for at least ``min_purity`` of its mentions and tagged
at ``min_rate`` or more of its free occurrences (those not inside a longer mention), is a known
name; the list ships with the checkpoint (``known_names.tsv``) and :meth:`KnownNames.add_to`
turns its untagged occurrences into mentions.

Build it (``make known-names``)::

    python -m pipeline reprocess --config configs/known-names-build.yaml \\
        --input '../shared/data/saudinewsnet/*.zip' --output out/known-names/events.jsonl
    python -m models.known_names --events out/known-names/events.jsonl \\
        --archive '../shared/data/saudinewsnet/*.zip' \\
        --output models/arabic-news-small/known_names.tsv
"""

from __future__ import annotations

import argparse
import glob
import json
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path

from models.attribution.normalize import (
    Token,
    mention_token_ranges,
    norm,
    strip_article_proclitic,
    token_mentions,
    tokenize,
)
from models.decoding import proclitic_length
from models.lexicon import LEXICON_FILE, Lexicon
from models.spans import EntitySpan

LOG = logging.getLogger(__name__)

KNOWN_NAMES_FILE = "known_names.tsv"
LABELS = ("PER", "ORG", "LOC")
MAX_WORDS = 6
SCORE = 0.8  # confidence given to the mentions the list adds
DEFAULT_MODEL = Path(__file__).with_name("arabic-news-small")
# Chosen on the read gold batches 14-35 and dev (session 21): 4 articles, 90 % one label and
# tagged at 60 % of its free occurrences (2-6 articles, 40-80 % gave the same or less).
MIN_ARTICLES = 4
MIN_PURITY = 0.9
MIN_RATE = 0.6


def _first_forms(word: str, lexicon: Lexicon | None) -> list[tuple[str, int]]:
    """Normal forms of a first word that may start a name, with the characters the mention leaves
    out: the word itself, and the word without the proclitic the tagger's decoding would strip
    (والعراق → العراق; not بريدة → ب + ريدة); للسعودية keeps its ل (the article lost its alef)."""
    whole = norm(word)
    forms = [(whole, 0)]
    if whole.startswith("لل") and len(whole) > 4:
        forms.append(("ال" + whole[2:], 0))
    cut = proclitic_length(word, lexicon)
    if cut:
        forms.append((norm(word[cut:]), cut))
    return forms


def mention_key(tokens: Sequence[Token], lexicon: Lexicon | None = None) -> tuple[str, ...]:
    """Normal-form words of a mention (its word tokens), without a proclitic the tagger's
    decoding would strip from the first word (والعراق، لمنظمة التعاون الإسلامي, as the tagger
    sometimes spans them) or و/ف/ب/ك before the article (والهيئة العامة للشباب)."""
    words = [t for t in tokens if t.is_word]
    if not words:
        return ()
    first = words[0].text
    cut = proclitic_length(first, lexicon)
    head = norm(first[cut:]) if cut else norm(first)
    if not head.startswith("لل"):
        head = strip_article_proclitic(head)
    return (head, *(t.norm for t in words[1:]))


@dataclass(frozen=True)
class Occurrence:
    """A listed name found in a text: token range, label and the span it would get."""

    first: int
    stop: int
    key: tuple[str, ...]
    span: EntitySpan


class KnownNames:
    """Known names (normal-form word tuples → label) and their matcher."""

    def __init__(self, names: dict[tuple[str, ...], str], lexicon: Lexicon | None = None) -> None:
        self.names = names
        # first-word forms per word (called for every token; news vocabulary repeats a lot)
        self._forms = lru_cache(maxsize=1 << 16)(partial(_first_forms, lexicon=lexicon))
        by_first: dict[str, set[int]] = defaultdict(set)
        for key in names:
            by_first[key[0]].add(len(key))
        self._lengths = {w: tuple(sorted(n, reverse=True)) for w, n in by_first.items()}

    def __len__(self) -> int:
        return len(self.names)

    @classmethod
    def load(cls, path: str | Path, lexicon: Lexicon | None = None) -> KnownNames:
        """Read ``label<TAB>name`` lines (``#`` comments skipped); ``lexicon`` decides which
        proclitics a name's first word may carry, as in the tagger's decoding."""
        names: dict[tuple[str, ...], str] = {}
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip() or line.startswith("#"):
                    continue
                label, name = line.rstrip("\n").split("\t")[:2]
                names[tuple(norm(name).split())] = label
        return cls(names, lexicon)

    def occurrences(self, tokens: Sequence[Token]) -> list[Occurrence]:
        """Longest non-overlapping listed names in a tokenised text, a proclitic left out of
        the span."""
        found: list[Occurrence] = []
        i = 0
        while i < len(tokens):
            best = None
            if tokens[i].is_word:
                for first, cut in self._forms(tokens[i].text):
                    for n in self._lengths.get(first, ()):
                        if best is not None and n <= best[1]:
                            break
                        words = tokens[i + 1 : i + n]
                        if i + n > len(tokens) or not all(t.is_word for t in words):
                            continue
                        key = (first, *(t.norm for t in words))
                        if key in self.names:
                            best = key, n, cut
            if best is None:
                i += 1
                continue
            key, n, cut = best
            start = tokens[i].start + cut
            span = EntitySpan(start, tokens[i + n - 1].end, self.names[key], SCORE)
            found.append(Occurrence(i, i + n, key, span))
            i += n
        return found

    def add_to(self, text: str, entities: Sequence[EntitySpan]) -> list[EntitySpan]:
        """``entities`` with the listed names added where they overlap no mention, and in place
        of the shorter mentions they contain (دار الإفتاء → دار الإفتاء المصرية); a name that
        crosses a mention's edge is left to the tagger."""
        spans = sorted(entities, key=lambda s: s.start)
        for o in self.occurrences(tokenize(text)):
            a, b = o.span.start, o.span.end
            overlapping = [s for s in spans if s.start < b and a < s.end]
            if not all(a <= s.start and s.end <= b for s in overlapping):
                continue
            if any((s.start, s.end) == (a, b) for s in overlapping):
                continue
            kept = [s for s in spans if s not in overlapping]
            spans = sorted([*kept, o.span], key=lambda s: s.start)
        return spans


# ---------------------------------------------------------------- building the list
@dataclass
class FormStats:
    """What the archive says about one mention form."""

    labels: Counter[str]
    articles: set[int] = field(default_factory=set)  # indices of the articles tagging it
    exact: int = 0  # occurrences tagged as exactly this mention
    free: int = 0  # occurrences inside no longer mention (exact ones included)


def _events(path: str) -> Iterator[dict]:
    for file in sorted(glob.glob(path)) or [path]:
        with open(file, encoding="utf-8") as fh:
            for line in fh:
                event = json.loads(line)
                if event.get("event_type") == "article.analyzed":
                    yield event


def _archive_texts(pattern: str) -> dict[str, str]:
    """Article id → text, as the pipeline reads the archive (zips, JSON or JSONL files)."""
    from pipeline.archives import iter_messages

    texts: dict[str, str] = {}
    for file in sorted(glob.glob(pattern)):
        for value in iter_messages(Path(file)):
            try:
                article = json.loads(value)
            except ValueError:
                continue
            if isinstance(article, dict) and isinstance(article.get("text"), str):
                texts[str(article.get("id"))] = article["text"]
    return texts


def _mentions(event: dict, tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
    """Token ranges (first, stop) and labels of an event's PER/ORG/LOC mentions."""
    spans = sorted(
        (
            EntitySpan(e["start"], e["end"], e["label"], 0.0)
            for e in event.get("entities", [])
            if e.get("label") in LABELS
        ),
        key=lambda s: s.start,
    )
    ranges = mention_token_ranges(token_mentions(tokens, spans))
    return [(a, last + 1, spans[k].label) for k, (a, last) in sorted(ranges.items())]


def collect(
    events: Iterable[dict], texts: dict[str, str], lexicon: Lexicon | None = None
) -> dict[tuple[str, ...], FormStats]:
    """Per mention form: labels, articles, and exact and free occurrences in the archive."""
    stats: dict[tuple[str, ...], FormStats] = {}
    docs: list[tuple[list[Token], list[tuple[int, int, str]]]] = []
    for event in events:
        text = texts.get(event["article_id"])
        if text is None:
            continue
        tokens = tokenize(text)
        mentions = _mentions(event, tokens)
        docs.append((tokens, mentions))
        for a, b, label in mentions:
            key = mention_key(tokens[a:b], lexicon)
            if not key or len(key) > MAX_WORDS:
                continue
            form = stats.setdefault(key, FormStats(Counter()))
            form.labels[label] += 1
            form.articles.add(len(docs))
    matcher = KnownNames({k: s.labels.most_common(1)[0][0] for k, s in stats.items()}, lexicon)
    for tokens, mentions in docs:
        exact = {(a, b) for a, b, _ in mentions}
        for o in matcher.occurrences(tokens):
            span = (o.first, o.stop)
            if any(a <= o.first and o.stop <= b and (a, b) != span for a, b, _ in mentions):
                continue  # part of a longer name
            stats[o.key].free += 1
            stats[o.key].exact += (o.first, o.stop) in exact
    return stats


def select(
    stats: dict[tuple[str, ...], FormStats],
    min_articles: int,
    min_purity: float,
    min_rate: float,
) -> dict[tuple[str, ...], str]:
    """The forms that count as known names, with their label. A person is never known by one
    word: a given name alone (أحمد، فهد) names no one in particular, and the article that names
    a person in full is tagged there already."""
    names = {}
    for key, s in stats.items():
        label, n = s.labels.most_common(1)[0]
        if len(s.articles) < min_articles or n < min_purity * sum(s.labels.values()):
            continue
        if label == "PER" and len(key) == 1:
            continue
        if s.free and s.exact >= min_rate * s.free:
            names[key] = label
    return names


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", required=True, help="article.analyzed JSONL (glob allowed)")
    parser.add_argument("--archive", required=True, help="the articles those events are of")
    parser.add_argument("--output", required=True)
    parser.add_argument("--model", default=str(DEFAULT_MODEL), help="checkpoint (its lexicon)")
    parser.add_argument("--min-articles", type=int, default=MIN_ARTICLES)
    parser.add_argument("--min-purity", type=float, default=MIN_PURITY)
    parser.add_argument("--min-rate", type=float, default=MIN_RATE)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    texts = _archive_texts(args.archive)
    lex_path = Path(args.model) / LEXICON_FILE
    lexicon = Lexicon.load(lex_path) if lex_path.exists() else None
    stats = collect(_events(args.events), texts, lexicon)
    names = select(stats, args.min_articles, args.min_purity, args.min_rate)
    with open(args.output, "w", encoding="utf-8") as fh:
        fh.write(
            f"# known names: {len(names)} forms; min_articles={args.min_articles} "
            f"min_purity={args.min_purity} min_rate={args.min_rate}\n"
        )
        for key, label in sorted(names.items(), key=lambda kv: (kv[1], kv[0])):
            fh.write(f"{label}\t{' '.join(key)}\n")
    LOG.info("%d known names out of %d mention forms → %s", len(names), len(stats), args.output)


if __name__ == "__main__":
    main()
