"""GPU check: the CUDA path finds the same entities as the CPU, and how fast it is.

``python -m benchmarks.gpu [--model DIR] [--articles 64] [--speed-articles 1000]`` (run by
``scripts/gpu_check.sh``). Exits with status 2 when CUDA is unavailable, 1 when the CUDA
entities agree with the CPU ones on fewer than ``--min-agreement`` of the spans (bf16
autocast on CUDA may move a few borderline decisions), else 0. The last output line is JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import torch

from benchmarks.run import article_windows, load_articles
from models.corpus import default_data_dir
from models.spans import EntitySpan
from models.speed import bert_base_like
from models.tagger import Tagger
from pipeline.config import load_config


def span_agreement(a: Sequence[Sequence[EntitySpan]], b: Sequence[Sequence[EntitySpan]]) -> float:
    """Jaccard agreement of (text, start, end, label) spans between two predictions (1 if none)."""
    left = {(i, s.start, s.end, s.label) for i, spans in enumerate(a) for s in spans}
    right = {(i, s.start, s.end, s.label) for i, spans in enumerate(b) for s in spans}
    union = left | right
    return len(left & right) / len(union) if union else 1.0


def cuda_throughput(tagger: Tagger, texts: Sequence[str], budget: int) -> dict[str, float]:
    """Tokens and articles per second of ``Tagger.predict`` on CUDA (after a warm-up)."""
    tagger.predict(texts[:8], max_tokens_per_batch=budget)
    torch.cuda.synchronize()
    t0 = time.perf_counter()
    tagger.predict(texts, max_tokens_per_batch=budget)
    torch.cuda.synchronize()
    seconds = time.perf_counter() - t0
    tokens = sum(tagger.count_tokens(texts))
    return {"seconds": round(seconds, 3), "tokens_per_s": round(tokens / seconds)}


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry point."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--model", type=Path, help="checkpoint (default: the configured one)")
    p.add_argument("--config", type=Path, default=None)
    p.add_argument("--data-dir", type=Path, default=default_data_dir())
    p.add_argument("--articles", type=int, default=64, help="articles compared CPU vs CUDA")
    p.add_argument("--speed-articles", type=int, default=1000)
    p.add_argument("--min-agreement", type=float, default=0.97)
    args = p.parse_args(argv)
    if not torch.cuda.is_available():
        print(
            "gpu_check: CUDA is not available on this machine (torch.cuda.is_available() is "
            "False); run it on a machine with an NVIDIA GPU and a CUDA build of torch.",
            file=sys.stderr,
        )
        return 2
    cfg = load_config(args.config)
    model_path = args.model or Path(cfg.model.path)
    budget = cfg.model.cuda_max_tokens_per_batch
    articles = load_articles(args.data_dir, max(args.articles, args.speed_articles))
    windows = article_windows(articles, cfg.model.max_window_chars)
    sample = [w for ws in windows[: args.articles] for w in ws]
    texts = [w for ws in windows[: args.speed_articles] for w in ws]

    cpu = Tagger.from_pretrained(model_path, device="cpu")
    gpu = Tagger.from_pretrained(model_path, device="cuda")
    agreement = span_agreement(cpu.predict(sample), gpu.predict(sample, budget))
    small = cuda_throughput(gpu, texts, budget)
    base = bert_base_like(cpu)
    base.model.to("cuda")
    base.device = torch.device("cuda")
    reference = cuda_throughput(base, texts, budget)
    result = {
        "device": torch.cuda.get_device_name(0),
        "model": str(model_path),
        "agreement": round(agreement, 4),
        "sample_windows": len(sample),
        "speed_windows": len(texts),
        "token_budget": budget,
        "small": small,
        "bert_base_size": reference,
        "speed_ratio": round(small["tokens_per_s"] / reference["tokens_per_s"], 2),
    }
    print(
        f"{result['device']}: CPU/CUDA span agreement {agreement:.2%}; "
        f"{cpu.name} {small['tokens_per_s']:,} tokens/s, BERT-base size "
        f"{reference['tokens_per_s']:,} tokens/s ({result['speed_ratio']}×)"
    )
    print(json.dumps(result))
    return 0 if agreement >= args.min_agreement else 1


if __name__ == "__main__":
    sys.exit(main())
