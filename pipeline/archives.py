"""Reading article collections into input messages: JSON/JSONL files and SaudiNewsNet zips."""

from __future__ import annotations

import gzip
import hashlib
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def saudinewsnet_to_article(item: dict[str, Any]) -> dict[str, Any]:
    """Map a SaudiNewsNet record onto the input contract (the id is derived from the URL).

    Empty or null fields are left out; empty content gives an empty ``text`` (a dead letter
    ``empty_text`` later). Fields of the wrong type are passed on for validation to reject.
    """
    url = item.get("url") if isinstance(item.get("url"), str) else ""
    basis = url or f"{item.get('title') or ''}\x1f{item.get('content') or ''}"
    article: dict[str, Any] = {
        "id": "snn-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:20],
        "text": item.get("content") or "",
    }
    for source_key, key in (("title", "title"), ("source", "source"), ("url", "url")):
        if item.get(source_key):
            article[key] = item[source_key]
    date = item.get("date_extracted")
    if isinstance(date, str) and date.strip():
        # SaudiNewsNet writes "2015-07-21 22:01:39" (crawl time, Saudi local time, UTC+3).
        article["published_at"] = date.replace(" ", "T") + "+03:00"
    article["lang"] = "ar"
    return article


def iter_saudinewsnet(path: Path) -> Iterator[dict[str, Any]]:
    """Articles of one SaudiNewsNet day archive (a zip holding a JSON array)."""
    with zipfile.ZipFile(path) as archive:
        for name in sorted(archive.namelist()):
            if name.endswith(".json"):
                for item in json.loads(archive.read(name).decode("utf-8")):
                    yield saudinewsnet_to_article(item)


def iter_messages(path: Path) -> Iterator[bytes]:
    """Message values from a file: JSONL(.gz) lines, a JSON object or array, or SaudiNewsNet zips.

    A directory yields the messages of every supported file in it, in name order. JSONL lines
    are passed on as raw bytes, valid or not, so that invalid input can be replayed as well.
    """
    if path.is_dir():
        for child in sorted(path.iterdir()):
            if child.suffix in {".zip", ".json", ".jsonl"} or child.name.endswith(".jsonl.gz"):
                yield from iter_messages(child)
        return
    if path.suffix == ".zip":
        for article in iter_saudinewsnet(path):
            yield json.dumps(article, ensure_ascii=False).encode("utf-8")
        return
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as handle:
        if path.suffix == ".json":
            data = json.loads(handle.read().decode("utf-8"))
            for item in data if isinstance(data, list) else [data]:
                yield json.dumps(item, ensure_ascii=False).encode("utf-8")
            return
        for line in handle:
            value = line.rstrip(b"\r\n")
            if value.strip():
                yield value
