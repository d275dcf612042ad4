"""Readers for the training corpora (ANERcorp CoNLL files and SaudiNewsNet zips)."""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
TAG_MAP = {"PERS": "PER"}


def default_data_dir() -> Path:
    """Data directory: ``$ARABIC_NEWS_DATA`` or ``../shared/data`` relative to the repo root."""
    env = os.environ.get("ARABIC_NEWS_DATA")
    return Path(env) if env else (REPO_ROOT / ".." / "shared" / "data").resolve()


@dataclass(frozen=True, slots=True)
class Sentence:
    """A tagged sentence: parallel lists of tokens and BIO tags."""

    tokens: list[str]
    tags: list[str]


def map_tag(tag: str) -> str:
    """Map an ANERcorp tag (``B-PERS``) to the project's label set (``B-PER``)."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    return f"{prefix}-{TAG_MAP.get(label, label)}"


def read_conll(path: str | Path) -> Iterator[Sentence]:
    """Yield sentences from a ``token TAG`` file with blank lines between sentences."""
    tokens: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                if tokens:
                    yield Sentence(tokens, tags)
                    tokens, tags = [], []
                continue
            tokens.append(parts[0])
            tags.append(map_tag(parts[-1]) if len(parts) > 1 else "O")
    if tokens:
        yield Sentence(tokens, tags)


def iter_saudinewsnet(directory: str | Path) -> Iterator[dict[str, str]]:
    """Yield SaudiNewsNet articles (all fields as strings, missing/null ones as ``""``)."""
    fields = ("source", "url", "date_extracted", "title", "author", "content")
    for zpath in sorted(Path(directory).glob("*.zip")):
        with zipfile.ZipFile(zpath) as zf:
            for name in sorted(zf.namelist()):
                if not name.endswith(".json"):
                    continue
                articles = json.loads(zf.read(name).decode("utf-8")) or []
                for art in articles:
                    if isinstance(art, dict):
                        yield {k: str(art.get(k) or "") for k in fields}


def iter_article_texts(directory: str | Path) -> Iterator[str]:
    """Yield ``title + newline + content`` of every non-empty SaudiNewsNet article."""
    for art in iter_saudinewsnet(directory):
        text = "\n".join(p for p in (art["title"].strip(), art["content"].strip()) if p)
        if text:
            yield text


def iter_pretraining_texts(data_dir: str | Path) -> Iterator[str]:
    """Raw text used for the tokenizer, lexicon and MLM: SaudiNewsNet plus ANERcorp train."""
    data_dir = Path(data_dir)
    yield from iter_article_texts(data_dir / "saudinewsnet")
    for sent in read_conll(data_dir / "anercorp" / "train.txt"):
        yield " ".join(sent.tokens)
