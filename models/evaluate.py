"""Evaluation CLI. ``python -m models.evaluate ner --data PATH [--model PATH]``.

Prints a table, then as the last line one JSON object with the metrics.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import torch
from seqeval.metrics import classification_report, f1_score, precision_score, recall_score

from models.corpus import Sentence, read_conll
from models.spans import EntitySpan
from models.tagger import Tagger

DEFAULT_MODEL = Path(__file__).resolve().parent / "arabic-news-small"


def spans_to_tags(tokens: Sequence[str], spans: Sequence[EntitySpan]) -> list[str]:
    """BIO tags for ``tokens`` (joined by single spaces) from character spans over that text."""
    starts, pos = [], 0
    for tok in tokens:
        starts.append(pos)
        pos += len(tok) + 1
    tags = ["O"] * len(tokens)
    for span in sorted(spans, key=lambda s: s.start):
        first = True
        for i in range(max(0, bisect_right(starts, span.start) - 1), len(tokens)):
            if starts[i] >= span.end:
                break
            if span.start < starts[i] + len(tokens[i]) and tags[i] == "O":
                tags[i] = f"{'B' if first else 'I'}-{span.label}"
                first = False
    return tags


def tag_in_windows(
    tagger: Tagger, sentences: Sequence[Sentence], window_chars: int = 0
) -> list[list[EntitySpan]]:
    """Entity spans per sentence (over its tokens joined by spaces). With ``window_chars``,
    consecutive sentences are tagged together in windows of up to that many characters, as the
    pipeline tags articles (``model.max_window_chars``); else each sentence alone."""
    texts = [" ".join(s.tokens) for s in sentences]
    if window_chars <= 0:
        return tagger.predict(texts)
    groups: list[list[int]] = [[]]
    size = 0
    for i, text in enumerate(texts):
        if groups[-1] and size + 1 + len(text) > window_chars:
            groups.append([])
            size = -1
        groups[-1].append(i)
        size += 1 + len(text)
    windows = [" ".join(texts[i] for i in group) for group in groups]
    out: list[list[EntitySpan]] = []
    for group, spans in zip(groups, tagger.predict(windows), strict=True):
        start = 0
        for i in group:
            end = start + len(texts[i])
            out.append(
                [
                    EntitySpan(s.start - start, min(s.end, end) - start, s.label, s.score)
                    for s in spans
                    if start <= s.start < end
                ]
            )
            start = end + 1
    return out


def _bio(
    sentences: Sequence[Sentence], predicted: Sequence[Sequence[EntitySpan]]
) -> tuple[list[list[str]], list[list[str]]]:
    """Gold and predicted BIO tags per sentence."""
    pred = [spans_to_tags(s.tokens, sp) for s, sp in zip(sentences, predicted, strict=True)]
    return [s.tags for s in sentences], pred


def entity_f1(sentences: Sequence[Sentence], predicted: Sequence[Sequence[EntitySpan]]) -> float:
    """Entity-level micro F1 (seqeval) of ``predicted`` spans, one list per sentence."""
    gold, pred = _bio(sentences, predicted)
    return round(float(f1_score(gold, pred, zero_division=0)), 4)


def evaluate_ner(
    tagger: Tagger, sentences: Sequence[Sentence], window_chars: int = 0
) -> dict[str, Any]:
    """Entity-level micro P/R/F1 (seqeval, default mode) and per-label metrics."""
    t0 = time.perf_counter()
    predicted = tag_in_windows(tagger, sentences, window_chars)
    seconds = time.perf_counter() - t0
    gold, pred = _bio(sentences, predicted)
    report = classification_report(gold, pred, output_dict=True, zero_division=0)
    per_label = {
        k: {
            m: round(float(report[k][m]), 4) for m in ("precision", "recall", "f1-score", "support")
        }
        for k in sorted(report)
        if "avg" not in k
    }
    return {
        "f1": round(float(f1_score(gold, pred, zero_division=0)), 4),
        "precision": round(float(precision_score(gold, pred, zero_division=0)), 4),
        "recall": round(float(recall_score(gold, pred, zero_division=0)), 4),
        "per_label": per_label,
        "sentences": len(sentences),
        "tokens": sum(len(s.tokens) for s in sentences),
        "seconds": round(seconds, 2),
        "window_chars": window_chars,
        "model": f"{tagger.name}@{tagger.version}",
        "report": classification_report(gold, pred, digits=4, zero_division=0),
    }


def _ner(args: argparse.Namespace) -> None:
    torch.set_num_threads(args.threads)
    label_map = json.loads(args.label_map) if args.label_map else {"PERS": "PER"}
    tagger = Tagger.from_pretrained(args.model, device=args.device, label_map=label_map)
    if args.quantize != "none" or args.runtime != "torch":
        from models.quantize import quantize_tagger

        quantize_tagger(tagger, args.quantize, args.runtime)
    metrics = evaluate_ner(tagger, list(read_conll(args.data)), args.window_chars)
    print(metrics.pop("report"))
    print(json.dumps(metrics, ensure_ascii=False))


def _quotes(args: argparse.Namespace) -> None:
    from models.evaluate_quotes import evaluate_quotes

    metrics = evaluate_quotes(
        args.gold,
        model_path=args.model,
        scorer=args.scorer,
        keep_events=args.events,
        details=args.details,
        quote_head=not args.rules_only,
    )
    print(json.dumps(metrics, ensure_ascii=False))


def main(argv: list[str] | None = None) -> None:
    """CLI entry point with one subcommand per task."""
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    ner = sub.add_parser("ner", help="entity-level NER metrics on a CoNLL file")
    ner.add_argument("--data", type=Path, required=True, help="CoNLL file (token TAG)")
    ner.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    ner.add_argument("--label-map", default=None, help='JSON, e.g. {"PERS": "PER"}')
    ner.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    ner.add_argument("--threads", type=int, default=2)
    ner.add_argument(
        "--quantize", default="none", choices=["none", "int8", "bf16"], help="CPU precision"
    )
    ner.add_argument("--runtime", default="torch", choices=["torch", "onnxruntime"])
    ner.add_argument(
        "--window-chars",
        type=int,
        default=0,
        help="tag consecutive sentences together in windows of this size, like the pipeline",
    )
    ner.set_defaults(func=_ner)
    from models.evaluate_quotes import DEFAULT_GOLD, DEFAULT_SCORER

    quotes = sub.add_parser(
        "quotes", help="quote/speaker/entity metrics of the real pipeline on gold articles"
    )
    quotes.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold JSONL")
    quotes.add_argument("--model", default=None, help="checkpoint (default: the configured one)")
    quotes.add_argument("--scorer", type=Path, default=DEFAULT_SCORER, help="reference scorer")
    quotes.add_argument("--events", type=Path, default=None, help="keep the events JSONL here")
    quotes.add_argument("--details", action="store_true", help="list misses per article")
    quotes.add_argument(
        "--rules-only", action="store_true", help="ignore the checkpoint's quote head"
    )
    quotes.set_defaults(func=_quotes)
    args = parser.parse_args(argv)
    args.func(args)
    sys.stdout.flush()


if __name__ == "__main__":
    main()
