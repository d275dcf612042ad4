"""Train the quote head (QUOTE / CUE / SPEAKER) on silver labels, on the NER model's encoder.

Silver data: SaudiNewsNet articles, tagged by the checkpoint's own entity model and labelled
by the rule-based annotator (``models.attribution.silver_labels``). The encoder stays frozen,
so the entity predictions are unchanged and one forward pass serves both heads; its states are
computed once and cached. The head is written into the checkpoint directory
(``quote_head.safetensors`` and ``quote_head`` in ``config.json``).

Usage: ``python -m models.train_quotes --model models/arabic-news-small [--articles 4000]``.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import shutil
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import torch
import torch.nn.functional as F
from tqdm import tqdm

from models.attribution import silver_labels
from models.corpus import default_data_dir, iter_saudinewsnet
from models.quote_head import (
    QUOTE_LABELS,
    QUOTE_TYPES,
    EntityAndQuoteTagger,
    QuoteHead,
    char_spans_to_token_labels,
    save_quote_head,
)
from models.tagger import Tagger
from models.training import autocast, resolve_device, seed_everything, use_bf16

log = logging.getLogger(__name__)
Span = tuple[int, int, str]


def sample_articles(data_dir: Path, n: int, seed: int) -> list[str]:
    """``n`` non-empty SaudiNewsNet article bodies drawn evenly over the archive (seeded)."""
    texts = [a["content"].strip() for a in iter_saudinewsnet(data_dir / "saudinewsnet")]
    texts = [t for t in texts if t]
    random.Random(seed).shuffle(texts)
    return texts[:n]


def make_silver(tagger: Tagger, texts: Sequence[str], batch: int = 32) -> list[list[Span]]:
    """Silver QUOTE / CUE / SPEAKER character spans per text, from the tagger's entities."""
    out: list[list[Span]] = []
    for i in tqdm(range(0, len(texts), batch), desc="silver labels", unit="batch", mininterval=5):
        chunk = texts[i : i + batch]
        for text, entities in zip(chunk, tagger.predict(chunk), strict=True):
            out.append(silver_labels(text, entities))
    return out


def encode_windows(
    tagger: Tagger, texts: Sequence[str], spans: Sequence[Sequence[Span]], window: int
) -> list[tuple[torch.Tensor, torch.Tensor]]:
    """Token ids (with special tokens) and quote label ids for consecutive token windows."""
    tok = tagger.tokenizer
    enc = tok(list(texts), add_special_tokens=False, return_offsets_mapping=True, verbose=False)
    body = window - 2
    out = []
    for ids, offsets, text_spans in zip(
        enc["input_ids"], enc["offset_mapping"], spans, strict=True
    ):
        labels = char_spans_to_token_labels(offsets, text_spans)
        for s in range(0, len(ids), body):
            out.append(
                (
                    torch.tensor([tok.cls_token_id, *ids[s : s + body], tok.sep_token_id]),
                    torch.tensor([-100, *labels[s : s + body], -100]),
                )
            )
    return out


def token_classifier(tagger: Tagger) -> torch.nn.Module:
    """The tagger's Hugging Face token classifier (without any quote head)."""
    model = tagger.model
    return model.token_classifier if isinstance(model, EntityAndQuoteTagger) else model


def pad(rows: Sequence[torch.Tensor], value: int) -> torch.Tensor:
    """Right-pad 1-D tensors into one 2-D tensor."""
    return torch.nn.utils.rnn.pad_sequence(list(rows), batch_first=True, padding_value=value)


@torch.inference_mode()
def encoder_states(
    tagger: Tagger, windows: Sequence[tuple[torch.Tensor, torch.Tensor]], batch: int
) -> list[torch.Tensor]:
    """Frozen last hidden states per window (bf16 to halve the cache)."""
    base = token_classifier(tagger).base_model
    states: list[torch.Tensor] = []
    for i in tqdm(
        range(0, len(windows), batch), desc="encoder states", unit="batch", mininterval=5
    ):
        ids = [w[0] for w in windows[i : i + batch]]
        input_ids = pad(ids, tagger.tokenizer.pad_token_id or 0).to(tagger.device)
        mask = (pad([torch.ones_like(x) for x in ids], 0)).to(tagger.device)
        hidden = base(input_ids=input_ids, attention_mask=mask).last_hidden_state
        states.extend(
            h[: len(x)].to(torch.bfloat16).cpu() for h, x in zip(hidden, ids, strict=True)
        )
    return states


def span_scores(gold: Sequence[Sequence[Span]], pred: Sequence[Sequence[Span]]) -> dict[str, Any]:
    """Exact-match span precision / recall / F1 per label and micro-averaged."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(g), set(p)
        for s in gs:
            n_gold[s[2]] += 1
        for s in ps:
            n_pred[s[2]] += 1
        for s in gs & ps:
            tp[s[2]] += 1

    def prf(t: int, ng: int, np_: int) -> dict[str, float]:
        p = t / np_ if np_ else 0.0
        r = t / ng if ng else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "support": ng,
        }

    out: dict[str, Any] = {t: prf(tp[t], n_gold[t], n_pred[t]) for t in QUOTE_TYPES}
    out["micro"] = prf(sum(tp.values()), sum(n_gold.values()), sum(n_pred.values()))
    return out


def main(argv: list[str] | None = None) -> None:
    """CLI entry point."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--model", type=Path, default=Path("models/arabic-news-small"))
    p.add_argument("--out", type=Path, default=None, help="checkpoint to write (default: --model)")
    p.add_argument("--data-dir", type=Path, default=default_data_dir())
    p.add_argument("--work", type=Path, default=Path("runs/quotes"))
    p.add_argument("--articles", type=int, default=4000)
    p.add_argument("--val-fraction", type=float, default=0.1)
    p.add_argument("--head-layers", type=int, default=1)
    p.add_argument("--window", type=int, default=256)
    p.add_argument("--epochs", type=int, default=4)
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    p.add_argument("--precision", default="auto", choices=["auto", "fp32", "bf16"])
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=13)
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    torch.set_num_threads(args.threads)
    seed_everything(args.seed)
    device = resolve_device(args.device)
    bf16 = use_bf16(device, args.precision)
    out = args.out or args.model
    if out.resolve() != args.model.resolve():
        shutil.copytree(args.model, out, dirs_exist_ok=True)
    args.work.mkdir(parents=True, exist_ok=True)

    tagger = Tagger.from_pretrained(args.model, device=str(device))
    texts = sample_articles(args.data_dir, args.articles, args.seed)
    silver = make_silver(tagger, texts)
    n_val = max(1, int(len(texts) * args.val_fraction))
    val_texts, val_silver = texts[:n_val], silver[:n_val]
    counts = Counter(s[2] for spans in silver[n_val:] for s in spans)
    log.info(
        "%d train / %d validation articles; silver spans %s",
        len(texts) - n_val,
        n_val,
        dict(counts),
    )

    windows = encode_windows(tagger, texts[n_val:], silver[n_val:], args.window)
    states = encoder_states(tagger, windows, args.batch_size)
    classifier = token_classifier(tagger)
    head = QuoteHead(classifier.config, layers=args.head_layers).to(device)
    optimizer = torch.optim.AdamW(head.parameters(), lr=args.lr, weight_decay=0.01)
    steps = args.epochs * -(-len(windows) // args.batch_size)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=args.lr, total_steps=steps, pct_start=0.1, anneal_strategy="linear"
    )
    history = []
    for epoch in range(args.epochs):
        head.train()
        order = torch.randperm(
            len(windows), generator=torch.Generator().manual_seed(args.seed + epoch)
        )
        bar = tqdm(
            range(0, len(order), args.batch_size),
            desc=f"epoch {epoch + 1}",
            unit="batch",
            mininterval=5,
        )
        total = 0.0
        for n, i in enumerate(bar, 1):
            idx = order[i : i + args.batch_size].tolist()
            hidden = pad([states[j] for j in idx], 0).to(device).float()
            labels = pad([windows[j][1] for j in idx], -100).to(device)
            mask = pad([torch.ones(len(windows[j][1]), dtype=torch.long) for j in idx], 0).to(
                device
            )
            with autocast(device, bf16):
                logits = head(hidden, mask)
            loss = F.cross_entropy(
                logits.float().flatten(0, 1), labels.flatten(), ignore_index=-100
            )
            loss.backward()
            torch.nn.utils.clip_grad_norm_(head.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            total += loss.item()
            bar.set_postfix(loss=f"{total / n:.4f}", refresh=False)
        history.append({"epoch": epoch + 1, "train_loss": round(total / n, 4)})
        log.info("epoch %d loss %.4f", epoch + 1, total / n)

    classifier.config.quote_head = {"labels": list(QUOTE_LABELS), "layers": args.head_layers}
    tagger = Tagger(
        tagger.tokenizer,
        EntityAndQuoteTagger(classifier, head.eval()),
        name=tagger.name,
        version=tagger.version,
        device=device,
        lexicon=tagger.lexicon,
    )
    predicted = [
        [(s.start, s.end, s.label) for s in t.quote_spans]
        for i in tqdm(range(0, n_val, 32), desc="validate", unit="batch", mininterval=5)
        for t in tagger.tag(val_texts[i : i + 32])
    ]
    metrics = {
        "silver_validation": span_scores(val_silver, predicted),
        "train_articles": len(texts) - n_val,
        "validation_articles": n_val,
        "silver_spans": dict(counts),
    }
    log.info("silver validation micro F1 %.4f", metrics["silver_validation"]["micro"]["f1"])
    save_quote_head(out, head.cpu(), QUOTE_LABELS, metrics)
    summary = {
        "metrics": metrics,
        "history": history,
        "args": {k: str(v) for k, v in vars(args).items()},
    }
    (args.work / "summary.json").write_text(json.dumps(summary, indent=1, ensure_ascii=False))
    log.info("quote head -> %s", out)


if __name__ == "__main__":
    main()
