"""Held-out gold batches kept without their text, rebuilt from the archive to evaluate on.

The project's hand-annotated held-out batches (quote-dense SaudiNewsNet articles annotated by
independent annotators after ``../shared/gold/GUIDELINES.md``) are derived from SaudiNewsNet,
so their text stays out of the repository. ``models/annotations/gold_batches.jsonl`` keeps, per
article, only where to find it and what was annotated: its URL, the SHA-1 of its text, the
quotes as character offsets (quote, cue and speaker mention) with their speaker names, and the
entity lists. ``unpack`` rebuilds gold JSONL files in the scorer's format from the archive,
``evaluate`` runs the real pipeline on each batch and prints one table row per batch.

Each batch has a ``status``: ``unread`` batches were only ever scored in total, nobody read
their errors or wrote a rule from them, so they measure how the system does on news it was not
tuned to; ``read`` batches led rules.

``python -m models.gold_batches pack --batch 40=unread:g40.jsonl … --out FILE`` stores batches,
``unpack --out runs/gold`` rebuilds them, ``evaluate`` scores them (``make evaluate-heldout``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from models.corpus import default_data_dir
from models.news_entities import read_annotations
from pipeline.archives import iter_saudinewsnet

ANNOTATIONS_FILE = Path(__file__).resolve().parent / "annotations" / "gold_batches.jsonl"
STATUSES = ("unread", "read")
_SPANS = ("quote", "cue", "speaker_mention")  # exact substrings, stored as offsets
_ARTICLE_FIELDS = ("id", "title", "text", "source", "url", "published_at")


def text_sha1(text: str) -> str:
    """SHA-1 of an article's text (which version of the archive the offsets refer to)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _nearest(text: str, needle: str, anchor: int) -> list[int] | None:
    """``[start, end]`` of the occurrence of ``needle`` closest to ``anchor``, or None."""
    found, i = [], text.find(needle)
    while i >= 0:
        found.append(i)
        i = text.find(needle, i + 1)
    if not found:
        return None
    best = min(found, key=lambda s: (min(abs(s + len(needle) - anchor), abs(s - anchor)), s))
    return [best, best + len(needle)]


def pack_article(article: dict[str, Any], batch: str, status: str) -> dict[str, Any]:
    """One gold article as a record without its text.

    The quote is placed where ``text.find`` puts it, as the reference scorer does; its cue and
    speaker mention at their occurrences nearest to it. Raises ``ValueError`` for an exact field
    that is not in the text.
    """
    if status not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}, not {status!r}")
    text = article["text"]
    quotes = []
    for q in article.get("quotes", []):
        start = text.find(q["quote"])
        if start < 0:
            raise ValueError(f"{article['id']}: quote not in the text: {q['quote'][:40]!r}")
        packed = {k: v for k, v in q.items() if k not in _SPANS}
        packed["quote"] = [start, start + len(q["quote"])]
        anchor = start
        for key in ("cue", "speaker_mention"):
            if q.get(key):
                span = _nearest(text, q[key], anchor)
                if span is None:
                    raise ValueError(f"{article['id']}: {key} not in the text: {q[key]!r}")
                packed[key] = span
                anchor = span[0]
            else:
                packed[key] = None
        quotes.append(packed)
    return {
        "batch": batch,
        "status": status,
        "id": article["id"],
        "url": article["url"],
        "sha1": text_sha1(text),
        "quotes": quotes,
        "entities": article.get("entities", []),
    }


def unpack_article(record: dict[str, Any], article: dict[str, Any]) -> dict[str, Any]:
    """The gold article of ``record``, its text and fields taken from the archive ``article``."""
    text = article["text"]
    if text_sha1(text) != record["sha1"]:
        raise ValueError(f"{record['id']}: the archive holds another version of the text")
    gold = {k: article[k] for k in _ARTICLE_FIELDS if article.get(k) is not None}
    gold["id"] = record["id"]
    quotes = []
    for q in record["quotes"]:
        out = dict(q)
        for key in _SPANS:
            span = q.get(key)
            out[key] = text[span[0] : span[1]] if span else None
        quotes.append(out)
    gold["quotes"] = quotes
    gold["entities"] = record["entities"]
    return gold


def unpack(
    records: Sequence[dict[str, Any]], archive: Iterable[dict[str, Any]]
) -> dict[str, list[dict[str, Any]]]:
    """Gold articles per batch, in record order, from archive articles (input-contract dicts).

    Raises ``KeyError`` when an annotated article is not in the archive.
    """
    wanted = {r["url"]: r["sha1"] for r in records}
    texts: dict[str, dict[str, Any]] = {}
    for article in archive:
        url = article.get("url")
        if url in wanted and url not in texts and text_sha1(article["text"]) == wanted[url]:
            texts[url] = article
    missing = [r["url"] for r in records if r["url"] not in texts]
    if missing:
        raise KeyError(f"{len(missing)} annotated articles not in the archive, e.g. {missing[0]}")
    batches: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        batches.setdefault(r["batch"], []).append(unpack_article(r, texts[r["url"]]))
    return batches


def archive_articles(data_dir: Path) -> Iterable[dict[str, Any]]:
    """Every SaudiNewsNet article of ``data_dir/saudinewsnet`` as an input-contract dict."""
    for path in sorted((data_dir / "saudinewsnet").glob("*.zip")):
        yield from iter_saudinewsnet(path)


def write_batches(batches: dict[str, list[dict[str, Any]]], out: Path) -> list[Path]:
    """``out/batch-N.jsonl`` per batch; returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, articles in batches.items():
        path = out / f"batch-{name}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for a in articles:
                fh.write(json.dumps(a, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


def _row(name: str, status: str, metrics: dict[str, Any]) -> str:
    q, e = metrics["quotes"], metrics["entities"]
    cells = [
        name,
        status,
        str(metrics["articles"]),
        f"{q['all']['gold']} ({q['direct']['gold']})",
        f"{q['all']['e2e_f1']:.3f}",
        f"{q['direct']['e2e_f1']:.3f}",
        f"{q['indirect']['e2e_f1']:.3f}",
        f"{q['all']['detect_f1']:.3f}",
        f"{q['all']['speaker_acc']:.3f}",
        f"{e['f1']:.3f}",
    ]
    return "| " + " | ".join(cells) + " |"


def main(argv: list[str] | None = None) -> None:
    """CLI: pack, unpack or evaluate the held-out batches."""
    p = argparse.ArgumentParser(description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    pk = sub.add_parser("pack", help="gold JSONL files (with text) -> the annotation file")
    pk.add_argument("--batch", action="append", required=True, help="NAME=STATUS:PATH")
    pk.add_argument("--out", type=Path, default=ANNOTATIONS_FILE)
    for name in ("unpack", "evaluate"):
        sp = sub.add_parser(name, help=f"{name} the batches of the annotation file")
        sp.add_argument("--annotations", type=Path, default=ANNOTATIONS_FILE)
        sp.add_argument("--data-dir", type=Path, default=default_data_dir())
        sp.add_argument("--out", type=Path, default=Path("runs/gold"))
        if name == "evaluate":
            sp.add_argument("--model", default=None, help="checkpoint (default: the configured)")
    args = p.parse_args(argv)
    if args.command == "pack":
        records = []
        for spec in args.batch:
            name, rest = spec.split("=", 1)
            status, path = rest.split(":", 1)
            with open(path, encoding="utf-8") as fh:
                records += [pack_article(json.loads(x), name, status) for x in fh if x.strip()]
        with args.out.open("w", encoding="utf-8") as fh:
            for r in records:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{len(records)} articles -> {args.out}")
        return
    records = read_annotations(args.annotations)
    status = {r["batch"]: r["status"] for r in records}
    paths = write_batches(unpack(records, archive_articles(args.data_dir)), args.out)
    if args.command == "unpack":
        for path in paths:
            print(path)
        return
    from models.evaluate_quotes import evaluate_quotes

    header = (
        "| batch | status | articles | quotes (direct) | e2e F1 | direct | indirect "
        "| detection F1 | speaker acc. | entity F1 |\n|---|---|---|---|---|---|---|---|---|---|"
    )
    rows = []
    for path in paths:
        name = path.stem.removeprefix("batch-")
        rows.append(_row(name, status[name], evaluate_quotes(path, args.model)))
    for kind in STATUSES:  # all batches of one status pooled
        pooled = args.out / f"all-{kind}.jsonl"
        parts = [p for p in paths if status[p.stem.removeprefix("batch-")] == kind]
        pooled.write_text("".join(p.read_text(encoding="utf-8") for p in parts), encoding="utf-8")
        if parts:
            rows.append(_row(f"all {kind}", kind, evaluate_quotes(pooled, args.model)))
    table = "\n".join([header, *rows])
    (args.out / "heldout.md").write_text(table + "\n", encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
