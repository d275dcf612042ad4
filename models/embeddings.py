"""Count-based subword embeddings (SVD of a PPMI co-occurrence matrix) to initialise the encoder.

Masked-language-model pre-training of a small BERT from scratch spends its first thousands of
steps near the unigram plateau, which a 2-core CPU cannot afford to leave. A truncated SVD of
the corpus' positive pointwise mutual information matrix (Levy & Goldberg, 2014) gives
embeddings that already place similar subwords together, in minutes; NER fine-tuning
(``python -m models.train_ner --init none --init-embeddings``) or the MLM
(``python -m models.pretrain --init-embeddings``) starts from them.

Usage: ``python -m models.embeddings --tokenizer runs/tokenizer --out runs/svd_embeddings.npy``
"""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp
import torch
from scipy.sparse.linalg import svds
from tqdm import tqdm
from transformers import AutoTokenizer

from models.corpus import default_data_dir, iter_pretraining_texts
from models.pretrain import pack_blocks, tokenizer_fingerprint

log = logging.getLogger(__name__)


def cooccurrence(blocks: np.ndarray, vocab_size: int, window: int) -> sp.csr_matrix:
    """Symmetric co-occurrence counts within ``window`` tokens, weighted 1/distance."""
    total = sp.csr_matrix((vocab_size, vocab_size), dtype=np.float32)
    for distance in range(1, window + 1):
        left = blocks[:, :-distance].ravel()
        right = blocks[:, distance:].ravel()
        weights = np.full(left.shape, 1.0 / distance, dtype=np.float32)
        pairs = sp.coo_matrix((weights, (left, right)), shape=(vocab_size, vocab_size)).tocsr()
        total = total + pairs + pairs.T
    return total


def ppmi(counts: sp.csr_matrix, alpha: float = 0.75) -> sp.csr_matrix:
    """Positive PMI with context-distribution smoothing ``alpha``."""
    counts = counts.tocoo()
    rows = np.asarray(counts.sum(axis=1)).ravel()
    cols = np.asarray(counts.sum(axis=0)).ravel() ** alpha
    # PMI = log P(w,c) / (P(w) P_alpha(c)) = log n_wc * sum(n_c^alpha) / (n_w * n_c^alpha)
    pmi = np.log(counts.data * cols.sum() / (rows[counts.row] * cols[counts.col] + 1e-12))
    keep = pmi > 0
    return sp.csr_matrix(
        (pmi[keep].astype(np.float32), (counts.row[keep], counts.col[keep])), shape=counts.shape
    )


def svd_embeddings(
    blocks: np.ndarray, vocab_size: int, dim: int, window: int = 4, target_std: float = 0.05
) -> np.ndarray:
    """``vocab_size × dim`` embeddings; rows of unseen ids get small random values."""
    matrix = ppmi(cooccurrence(blocks, vocab_size, window))
    u, s, _ = svds(matrix, k=dim, random_state=0)
    vectors = u * np.sqrt(s)
    seen = np.asarray(matrix.getnnz(axis=1)).ravel() > 0
    rng = np.random.default_rng(0)
    vectors[~seen] = rng.normal(0.0, vectors[seen].std(), size=(int((~seen).sum()), dim))
    vectors -= vectors.mean(axis=0)
    return (vectors * (target_std / vectors.std())).astype(np.float32)


def main(argv: list[str] | None = None) -> None:
    """CLI entry point."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument(
        "--pretrain-dir",
        type=Path,
        default=Path("runs/pretrain"),
        help="where models.pretrain caches token blocks (reused when made by this tokenizer)",
    )
    p.add_argument("--tokenizer", type=Path, default=Path("runs/tokenizer"))
    p.add_argument("--data-dir", type=Path, default=default_data_dir())
    p.add_argument("--dim", type=int, default=256)
    p.add_argument("--window", type=int, default=4)
    p.add_argument("--out", type=Path, default=Path("runs/svd_embeddings.npy"))
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    started = time.monotonic()
    tokenizer = AutoTokenizer.from_pretrained(args.tokenizer)
    cache = args.pretrain_dir / f"blocks_128_{tokenizer_fingerprint(tokenizer)}.pt"
    if cache.exists():
        blocks = torch.load(cache).numpy()
    else:
        texts = tqdm(iter_pretraining_texts(args.data_dir), desc="tokenise", unit=" docs")
        blocks = pack_blocks(tokenizer, texts, 128).numpy()
    log.info("%d blocks of %d tokens", *blocks.shape)
    vectors = svd_embeddings(blocks, len(tokenizer), args.dim, args.window)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.save(args.out, vectors)
    log.info("wrote %s %s in %.0f s", args.out, vectors.shape, time.monotonic() - started)


if __name__ == "__main__":
    main()
