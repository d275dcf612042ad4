"""MLM pre-training of a compact BERT on SaudiNewsNet + ANERcorp train text.

Usage: ``python -m models.pretrain --tokenizer runs/tokenizer --out runs/pretrain
[--time-budget-min 120] [--resume]``. The final encoder (with tokenizer and lexicon) is written to
``--out``; resumable state goes to ``--out/checkpoint``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import math
import shutil
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from tqdm import tqdm
from transformers import AutoTokenizer, BertConfig, BertForMaskedLM, PreTrainedTokenizerBase

from models.corpus import default_data_dir, iter_pretraining_texts
from models.lexicon import LEXICON_FILE
from models.training import (
    Clock,
    autocast,
    batches,
    lr_factor,
    rng_state,
    set_lr,
    set_rng_state,
    start_run,
    weight_decay_groups,
)

log = logging.getLogger(__name__)


def compact_config(vocab_size: int, args: argparse.Namespace) -> BertConfig:
    """The compact BERT configuration."""
    return BertConfig(
        vocab_size=vocab_size,
        hidden_size=args.hidden,
        num_hidden_layers=args.layers,
        num_attention_heads=args.heads,
        intermediate_size=args.intermediate,
        max_position_embeddings=512,
        pad_token_id=0,
    )


def tokenizer_fingerprint(tokenizer: PreTrainedTokenizerBase) -> str:
    """Short hash of the vocabulary, so token caches of another tokenizer are not reused."""
    vocab = json.dumps(sorted(tokenizer.get_vocab().items()), ensure_ascii=False)
    return hashlib.sha1(vocab.encode("utf-8")).hexdigest()[:10]


def pack_blocks(
    tokenizer: PreTrainedTokenizerBase, texts: Iterable[str], seq_len: int, chunk: int = 512
) -> torch.Tensor:
    """Tokenise ``texts`` and pack them into ``[CLS] ... [SEP]`` blocks of ``seq_len`` ids."""
    backend = tokenizer.backend_tokenizer
    sep, cls = tokenizer.sep_token_id, tokenizer.cls_token_id
    body = seq_len - 2
    stream: list[int] = []
    buf: list[str] = []

    def flush() -> None:
        for enc in backend.encode_batch(buf, add_special_tokens=False):
            stream.extend(enc.ids)
            stream.append(sep)
        buf.clear()

    for text in texts:
        buf.append(text)
        if len(buf) >= chunk:
            flush()
    flush()
    n = len(stream) // body
    ids = torch.tensor(stream[: n * body], dtype=torch.int32).view(n, body)
    cls_col = torch.full((n, 1), cls, dtype=torch.int32)
    sep_col = torch.full((n, 1), sep, dtype=torch.int32)
    return torch.cat([cls_col, ids, sep_col], dim=1)


def mask_tokens(
    ids: torch.Tensor, tokenizer: PreTrainedTokenizerBase, prob: float
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """BERT masking (80% [MASK], 10% random, 10% kept); returns inputs, mask and target ids."""
    special = (ids == tokenizer.cls_token_id) | (ids == tokenizer.sep_token_id)
    chosen = (torch.rand(ids.shape) < prob) & ~special
    targets = ids[chosen]
    inputs = ids.clone()
    roll = torch.rand(ids.shape)
    inputs[chosen & (roll < 0.8)] = tokenizer.mask_token_id
    rand_pos = chosen & (roll >= 0.8) & (roll < 0.9)
    inputs[rand_pos] = torch.randint(5, len(tokenizer), (int(rand_pos.sum()),), dtype=ids.dtype)
    return inputs, chosen, targets


def mlm_loss(
    model: BertForMaskedLM, inputs: torch.Tensor, chosen: torch.Tensor, targets: torch.Tensor
) -> torch.Tensor:
    """Cross-entropy computed only on the masked positions (saves the vocab projection)."""
    hidden = model.bert(input_ids=inputs).last_hidden_state
    logits = model.cls(hidden[chosen])
    return F.cross_entropy(logits.float(), targets)


@torch.no_grad()
def eval_loss(
    model: BertForMaskedLM,
    blocks: torch.Tensor,
    tokenizer: PreTrainedTokenizerBase,
    args: argparse.Namespace,
    device: torch.device,
) -> float:
    """Mean masked-LM loss on held-out blocks (fixed masking seed)."""
    model.eval()
    state = torch.get_rng_state()
    torch.manual_seed(12345)
    losses = []
    for i in range(0, len(blocks), args.batch_size):
        inputs, chosen, targets = mask_tokens(
            blocks[i : i + args.batch_size].long(), tokenizer, args.mask_prob
        )
        with autocast(device, args.bf16):
            loss = mlm_loss(model, inputs.to(device), chosen.to(device), targets.to(device))
        losses.append(loss.item())
    torch.set_rng_state(state)
    model.train()
    return sum(losses) / max(1, len(losses))


def save_checkpoint(
    ckpt: Path, model: BertForMaskedLM, optimizer: torch.optim.Optimizer, state: dict
) -> None:
    """Write model weights and the resumable training state (atomically replaced)."""
    tmp = ckpt.with_name(ckpt.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    model.save_pretrained(tmp)
    torch.save({**state, "optimizer": optimizer.state_dict(), "rng": rng_state()}, tmp / "state.pt")
    shutil.rmtree(ckpt, ignore_errors=True)
    tmp.rename(ckpt)


def main(argv: list[str] | None = None) -> None:
    """CLI entry point."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--data-dir", type=Path, default=default_data_dir())
    p.add_argument("--tokenizer", type=Path, default=Path("runs/tokenizer"))
    p.add_argument("--out", type=Path, default=Path("runs/pretrain"))
    p.add_argument("--seq-len", type=int, default=128)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--lr", type=float, default=7e-4)
    p.add_argument("--weight-decay", type=float, default=0.01)
    p.add_argument("--warmup-steps", type=int, default=200)
    p.add_argument("--max-steps", type=int, default=4800)
    p.add_argument("--time-budget-min", type=float, default=120.0)
    p.add_argument("--checkpoint-every-min", type=float, default=10.0)
    p.add_argument("--mask-prob", type=float, default=0.15)
    p.add_argument("--hidden", type=int, default=256)
    p.add_argument("--layers", type=int, default=4)
    p.add_argument("--heads", type=int, default=4)
    p.add_argument("--intermediate", type=int, default=1024)
    p.add_argument("--eval-blocks", type=int, default=256)
    p.add_argument("--max-docs", type=int, default=None, help="limit documents (smoke tests)")
    p.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    p.add_argument("--precision", default="auto", choices=["auto", "fp32", "bf16"])
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--resume", action="store_true")
    p.add_argument(
        "--init-embeddings",
        type=Path,
        default=None,
        help="vocab × hidden .npy to start the word embeddings from (models.embeddings)",
    )
    args = p.parse_args(argv)
    device, args.bf16 = start_run(args.threads, args.seed, args.device, args.precision)
    args.out.mkdir(parents=True, exist_ok=True)
    ckpt = args.out / "checkpoint"
    tokenizer = AutoTokenizer.from_pretrained(args.tokenizer)

    cache = args.out / f"blocks_{args.seq_len}_{tokenizer_fingerprint(tokenizer)}.pt"
    if cache.exists():
        blocks = torch.load(cache)
    else:
        texts: Iterable[str] = iter_pretraining_texts(args.data_dir)
        if args.max_docs:
            texts = (t for i, t in zip(range(args.max_docs), texts, strict=False))
        blocks = pack_blocks(tokenizer, tqdm(texts, desc="tokenise", unit=" docs"), args.seq_len)
        blocks = blocks[torch.randperm(len(blocks), generator=torch.Generator().manual_seed(0))]
        torch.save(blocks, cache)
    n_eval = min(args.eval_blocks, len(blocks) // 10)
    eval_blocks, train_blocks = blocks[:n_eval], blocks[n_eval:]
    log.info(
        "%d train blocks, %d eval blocks of %d tokens", len(train_blocks), n_eval, args.seq_len
    )

    resume = args.resume and (ckpt / "state.pt").exists()
    if resume:
        model = BertForMaskedLM.from_pretrained(ckpt)
    else:
        model = BertForMaskedLM(compact_config(len(tokenizer), args))
        if args.init_embeddings:
            vectors = torch.from_numpy(np.load(args.init_embeddings))
            model.bert.embeddings.word_embeddings.weight.data.copy_(vectors)
            log.info("word embeddings initialised from %s", args.init_embeddings)
    model.to(device).train()
    log.info("parameters: %.2fM", sum(t.numel() for t in model.parameters()) / 1e6)
    optimizer = torch.optim.AdamW(
        weight_decay_groups(model, args.weight_decay), lr=args.lr, betas=(0.9, 0.98), eps=1e-6
    )
    step, epoch, offset, elapsed = 0, 0, 0, 0.0
    if resume:
        state = torch.load(ckpt / "state.pt", weights_only=False)
        optimizer.load_state_dict(state["optimizer"])
        set_rng_state(state["rng"])
        step, epoch, offset, elapsed = (
            state["step"],
            state["epoch"],
            state["offset"],
            state["elapsed"],
        )
        log.info("resumed at step %d (%.1f min used)", step, elapsed / 60)
    clock = Clock(elapsed, args.time_budget_min, args.checkpoint_every_min)
    history: list[dict[str, float]] = []

    def snapshot() -> dict:
        return {"step": step, "epoch": epoch, "offset": offset, "elapsed": clock.elapsed}

    bar = tqdm(total=args.max_steps, initial=step, desc="pretrain", unit="step", mininterval=5)
    running = math.nan
    done = step >= args.max_steps or clock.out_of_time()
    while not done:
        gen = torch.Generator().manual_seed(args.seed * 1000 + epoch)
        for i, idx in enumerate(batches(len(train_blocks), args.batch_size, gen)):
            if i < offset:
                continue
            set_lr(optimizer, args.lr * lr_factor(step, args.max_steps, args.warmup_steps, clock))
            inputs, chosen, targets = mask_tokens(
                train_blocks[idx].long(), tokenizer, args.mask_prob
            )
            with autocast(device, args.bf16):
                loss = mlm_loss(model, inputs.to(device), chosen.to(device), targets.to(device))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            optimizer.zero_grad(set_to_none=True)
            step, offset = step + 1, i + 1
            value = loss.item()
            running = value if math.isnan(running) else 0.98 * running + 0.02 * value
            bar.update(1)
            bar.set_postfix(
                loss=f"{running:.3f}", lr=f"{optimizer.param_groups[0]['lr']:.2e}", refresh=False
            )
            if step % 100 == 0:
                log.info("step %d loss %.4f (%.1f min)", step, running, clock.elapsed / 60)
            done = step >= args.max_steps or clock.out_of_time()
            if clock.checkpoint_due() and not done:
                ev = eval_loss(model, eval_blocks, tokenizer, args, device)
                history.append({"step": step, "train_loss": running, "eval_loss": ev})
                log.info("checkpoint step %d eval loss %.4f", step, ev)
                save_checkpoint(ckpt, model, optimizer, snapshot())
            if done:
                break
        else:
            epoch, offset = epoch + 1, 0
    bar.close()
    ev = eval_loss(model, eval_blocks, tokenizer, args, device)
    history.append({"step": step, "train_loss": running, "eval_loss": ev})
    save_checkpoint(ckpt, model, optimizer, snapshot())
    model.save_pretrained(args.out)
    tokenizer.save_pretrained(args.out)
    if (args.tokenizer / LEXICON_FILE).exists():
        shutil.copy(args.tokenizer / LEXICON_FILE, args.out / LEXICON_FILE)
    summary = {
        "steps": step,
        "epochs": step * args.batch_size / max(1, len(train_blocks)),
        "tokens_seen": step * args.batch_size * args.seq_len,
        "minutes": clock.elapsed / 60,
        "final_train_loss": running,
        "final_eval_loss": ev,
        "history": history,
        "args": {k: str(v) for k, v in vars(args).items()},
    }
    (args.out / "pretrain_summary.json").write_text(json.dumps(summary, indent=1))
    log.info("done: step %d, eval loss %.4f, %.1f min", step, ev, clock.elapsed / 60)


if __name__ == "__main__":
    main()
