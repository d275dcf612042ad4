"""Hand-annotated SaudiNewsNet articles as NER training sentences.

The annotation file (JSONL) holds no article text, only where to find it and what it names:
``{"url": ..., "entities": [{"name": ..., "label": "PER", "aliases": [...]}, ...]}``, the
document-level entity lists of ``../shared/gold/GUIDELINES.md``. The article is read from the
SaudiNewsNet archive by its URL, every occurrence of every alias is found in its title and
text, and the words they cover are tagged BIO, so the tagger learns the guidelines' conventions
on the news it runs on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from models.attribution.normalize import PROCLITICS, token_after, tokenize
from models.corpus import Sentence, iter_saudinewsnet

SENTENCE_END = {".", "!", "؟", "?"}
LABELS = {"PER", "ORG", "LOC"}
ANNOTATIONS_FILE = Path(__file__).resolve().parent / "annotations" / "news_entities.jsonl"


def mention_spans(text: str, entities: Iterable[dict[str, Any]]) -> list[tuple[int, int, str]]:
    """Character spans ``(start, end, label)`` of every whole-word occurrence of an alias.

    An occurrence may follow a proclitic inside its word but not run into a longer word
    (مصر is not found in مصري). Overlaps keep the longest span.
    """
    tokens = tokenize(text)
    word_ends = {t.end for t in tokens}
    found = []
    for ent in entities:
        label = ent["label"]
        if label not in LABELS:
            continue
        for alias in {ent["name"], *ent.get("aliases", [])}:
            alias = alias.strip()
            start = text.find(alias) if alias else -1
            while start >= 0:
                end = start + len(alias)
                first = tokens[token_after(tokens, start)]
                prefix = text[first.start : start]
                if (not prefix or prefix in PROCLITICS) and end in word_ends:
                    found.append((start, end, label))
                start = text.find(alias, start + 1)
    kept: list[tuple[int, int, str]] = []
    for span in sorted(set(found), key=lambda s: (s[0] - s[1], s[0])):
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    return sorted(kept)


def tag_text(text: str, spans: list[tuple[int, int, str]]) -> list[Sentence]:
    """Words of ``text`` tagged BIO by ``spans``, split into sentences and lines."""
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    previous = None
    last_end = 0
    for t in tokenize(text):
        if tokens and text.count("\n", last_end, t.start):
            sentences.append(Sentence(tokens, tags))
            tokens, tags, previous = [], [], None
        last_end = t.end
        span = next((s for s in spans if s[0] < t.end and t.start < s[1]), None)
        tags.append("O" if span is None else ("I-" if span == previous else "B-") + span[2])
        previous = span
        tokens.append(t.text)
        if t.text in SENTENCE_END:
            sentences.append(Sentence(tokens, tags))
            tokens, tags, previous = [], [], None
    if tokens:
        sentences.append(Sentence(tokens, tags))
    return sentences


def read_annotations(path: str | Path) -> list[dict[str, Any]]:
    """The annotation records of ``path`` (JSONL)."""
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def annotated_sentences(
    annotations: list[dict[str, Any]], saudinewsnet_dir: str | Path
) -> Iterator[Sentence]:
    """Tagged sentences of every annotated article (title first), in annotation order.

    Raises ``KeyError`` when an annotated URL is not in the archive.
    """
    wanted = {rec["url"] for rec in annotations}
    texts: dict[str, str] = {}
    for art in iter_saudinewsnet(saudinewsnet_dir):
        if art["url"] in wanted and art["url"] not in texts:
            texts[art["url"]] = art["title"].strip() + "\n" + art["content"].strip()
    missing = wanted - texts.keys()
    if missing:
        raise KeyError(f"{len(missing)} annotated articles not in the archive, e.g. {min(missing)}")
    for rec in annotations:
        text = texts[rec["url"]]
        yield from tag_text(text, mention_spans(text, rec["entities"]))
