"""CPU speed of the shipped tagger vs a BERT-base-sized encoder (same tokenizer, random weights).

Usage: ``python -m models.speed [--model models/arabic-news-small] [--articles 24]``. Both taggers
run the same SaudiNewsNet articles through :meth:`Tagger.predict`, interleaved, on the same
threads (best of ``--repeats``); the last output line is a JSON object with tokens/s and the
speed ratio.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from itertools import islice
from pathlib import Path

import torch
from transformers import BertConfig, BertForTokenClassification

from models.corpus import default_data_dir, iter_article_texts
from models.tagger import Tagger

DEFAULT_MODEL = Path(__file__).resolve().parent / "arabic-news-small"


def bert_base_like(small: Tagger) -> Tagger:
    """A 12-layer, hidden-768 tagger with the small tagger's tokenizer and labels."""
    cfg = small.model.config
    config = BertConfig(
        vocab_size=cfg.vocab_size,
        hidden_size=768,
        num_hidden_layers=12,
        num_attention_heads=12,
        intermediate_size=3072,
        max_position_embeddings=512,
        num_labels=cfg.num_labels,
        id2label=cfg.id2label,
        label2id=cfg.label2id,
    )
    torch.manual_seed(0)
    return Tagger(
        small.tokenizer,
        BertForTokenClassification(config),
        name="bert-base-size-random",
        version="0",
        device="cpu",
        lexicon=small.lexicon,
    )


def time_pair(a: Tagger, b: Tagger, texts: Sequence[str], repeats: int) -> tuple[float, float]:
    """Best wall time of ``repeats`` full passes over ``texts`` for each tagger, interleaved."""
    best = [float("inf"), float("inf")]
    for _ in range(repeats):
        for i, tagger in enumerate((a, b)):
            t0 = time.perf_counter()
            tagger.predict(texts)
            best[i] = min(best[i], time.perf_counter() - t0)
    return best[0], best[1]


def main(argv: list[str] | None = None) -> None:
    """CLI entry point."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    p.add_argument("--data-dir", type=Path, default=default_data_dir())
    p.add_argument("--articles", type=int, default=24)
    p.add_argument("--repeats", type=int, default=2)
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args(argv)
    torch.set_num_threads(args.threads)
    texts = list(islice(iter_article_texts(args.data_dir / "saudinewsnet"), args.articles))
    small = Tagger.from_pretrained(args.model, device="cpu")
    base = bert_base_like(small)
    tokens = sum(small.count_tokens(texts))
    small.predict(texts[:2])
    base.predict(texts[:2])
    t_small, t_base = time_pair(small, base, texts, args.repeats)
    result = {
        "articles": len(texts),
        "tokens": tokens,
        "threads": args.threads,
        "small_params_m": round(sum(t.numel() for t in small.model.parameters()) / 1e6, 2),
        "base_params_m": round(sum(t.numel() for t in base.model.parameters()) / 1e6, 2),
        "small_seconds": round(t_small, 3),
        "base_seconds": round(t_base, 3),
        "small_tokens_per_s": round(tokens / t_small),
        "base_tokens_per_s": round(tokens / t_base),
        "speedup": round(t_base / t_small, 2),
    }
    print(f"{small.name}: {t_small:.2f}s  bert-base-size: {t_base:.2f}s  ({tokens} tokens)")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
