"""Select a checkpoint's entity-decoding thresholds on its dev set.

Usage: ``python -m models.tune_decoding --model models/arabic-news-small [--write]``.
Scores argmax BIO decoding and every :class:`EntityDecoding` of a small grid with the same
entity F1 as ``models.evaluate ner`` (the model runs once; only the decoding changes); with
``--write`` the best setting goes into the checkpoint's ``config.json`` (``entity_decoding``;
removed when argmax decoding wins).
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
from collections.abc import Sequence
from pathlib import Path

import torch
from transformers import AutoConfig

from models.corpus import Sentence, default_data_dir, read_conll
from models.decoding import EntityDecoding
from models.evaluate import DEFAULT_MODEL, entity_f1
from models.tagger import Tagger

log = logging.getLogger(__name__)
OUTSIDE_THRESHOLDS = (0.5, 0.6, 0.7, 0.8)
MIN_SCORES = (0.0, 0.5, 0.6, 0.7, 0.8)


def tune_decoding(
    tagger: Tagger, dev: Sequence[Sentence]
) -> tuple[EntityDecoding | None, list[dict[str, object]]]:
    """The best decoding on ``dev`` (``None``: argmax BIO) and the F1 of every candidate."""
    candidates: list[EntityDecoding | None] = [None] + [
        EntityDecoding(threshold, min_score, tagger.merge_adjacent)
        for threshold, min_score in itertools.product(OUTSIDE_THRESHOLDS, MIN_SCORES)
    ]
    texts = [" ".join(s.tokens) for s in dev]
    outputs = tagger.logits(texts)  # one forward pass; each candidate only decodes
    saved = tagger.entity_decoding
    table: list[dict[str, object]] = []
    best, best_f1 = None, -1.0
    try:
        for decoding in candidates:
            tagger.entity_decoding = decoding
            predicted = [
                tagger.decode(text, enc, lg).entities
                for text, (enc, lg) in zip(texts, outputs, strict=True)
            ]
            f1 = entity_f1(dev, predicted)
            table.append({"decoding": decoding.to_dict() if decoding else "argmax", "f1": f1})
            if f1 > best_f1:
                best, best_f1 = decoding, f1
    finally:
        tagger.entity_decoding = saved
    return best, table


def write_decoding(model_dir: Path, decoding: EntityDecoding | None) -> None:
    """Store ``decoding`` in the checkpoint's config (or remove it for argmax decoding)."""
    config = AutoConfig.from_pretrained(model_dir, local_files_only=True)
    config.entity_decoding = decoding.to_dict() if decoding else None
    config.save_pretrained(model_dir)


def main(argv: list[str] | None = None) -> None:
    """CLI entry point: print the grid, the winner and, with ``--write``, store it."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--data", type=Path, default=None, help="dev CoNLL (default: ANERcorp)")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--write", action="store_true", help="store the best in config.json")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    torch.set_num_threads(args.threads)
    data = args.data or default_data_dir() / "anercorp" / "dev.txt"
    tagger = Tagger.from_pretrained(
        args.model, device="cpu", label_map={"PERS": "PER"}, quote_head=False
    )
    best, table = tune_decoding(tagger, list(read_conll(data)))
    for row in table:
        print(f"{row['f1']:.4f}  {json.dumps(row['decoding'])}")
    print(json.dumps({"best": best.to_dict() if best else "argmax", "table": table}))
    if args.write:
        write_decoding(args.model, best)
        log.info("wrote entity_decoding to %s/config.json", args.model)


if __name__ == "__main__":
    main()
