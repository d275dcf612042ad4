"""Train the quote head (QUOTE / CUE / SPEAKER) on silver labels, sharing the NER encoder.

Silver data: SaudiNewsNet articles, tagged by the checkpoint's own entity model and labelled by
the rule-based annotator (``models.attribution.silver_labels``). The quote head and the encoder
are trained together (a frozen NER encoder does not carry enough about quotation structure: a
head on top of it stays at the label prior). So that the entities do not drift, the entity
classifier is distilled from a frozen copy of the starting model on the same windows (learning
without forgetting: KL divergence between the two entity distributions, token by token);
continuing supervised training on ANERcorp train instead overfits it and cost 2.7 F1 points on
dev. After each epoch the entity F1 on ANERcorp dev and the span F1 on held-out silver articles
are measured through the production ``Tagger``; the epoch with the best quote F1 among those that
keep the entity F1 (within ``--ner-tolerance``) is written into the checkpoint directory (encoder
and entity classifier in ``model.safetensors``, the head in ``quote_head.safetensors``, its
settings and figures under ``quote_head`` in ``config.json``).

Usage: ``python -m models.train_quotes --model models/arabic-news-small [--articles 4000]``.
"""

from __future__ import annotations

import argparse
import copy
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
from transformers import get_linear_schedule_with_warmup

from models.attribution import silver_labels
from models.corpus import default_data_dir, iter_saudinewsnet, read_conll
from models.evaluate import evaluate_ner
from models.quote_head import (
    HEAD_FILE,
    QUOTE_LABELS,
    QUOTE_TYPES,
    EntityAndQuoteTagger,
    QuoteHead,
    char_spans_to_token_labels,
    save_quote_head,
)
from models.tagger import Tagger
from models.train_ner import collate, make_batches
from models.training import (
    autocast,
    save_half_precision,
    start_run,
)

log = logging.getLogger(__name__)
Span = tuple[int, int, str]
Window = tuple[list[int], list[int]]


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
) -> list[Window]:
    """Token ids (with special tokens) and quote label ids for consecutive token windows."""
    tok = tagger.tokenizer
    enc = tok(list(texts), add_special_tokens=False, return_offsets_mapping=True, verbose=False)
    body = window - 2
    out: list[Window] = []
    rows = zip(enc["input_ids"], enc["offset_mapping"], spans, strict=True)
    for ids, offsets, text_spans in rows:
        labels = char_spans_to_token_labels(offsets, text_spans)
        for s in range(0, len(ids), body):
            out.append(
                (
                    [tok.cls_token_id, *ids[s : s + body], tok.sep_token_id],
                    [-100, *labels[s : s + body], -100],
                )
            )
    return out


def _jaccard(a: Span, b: Span) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union > 0 else 0.0


def span_scores(gold: Sequence[Sequence[Span]], pred: Sequence[Sequence[Span]]) -> dict[str, Any]:
    """Span precision / recall / F1 per label and micro-averaged. As in the reference quote
    scorer, a predicted span matches a gold span of the same label when their character
    Jaccard overlap is at least 0.5 (one-to-one, best overlap first)."""
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        n_gold.update(s[2] for s in g)
        n_pred.update(s[2] for s in p)
        pairs = sorted(
            ((_jaccard(a, b), i, j) for i, a in enumerate(g) for j, b in enumerate(p)
             if a[2] == b[2]),
            reverse=True,
        )  # fmt: skip
        used_g: set[int] = set()
        used_p: set[int] = set()
        for overlap, i, j in pairs:
            if overlap < 0.5:
                break
            if i not in used_g and j not in used_p:
                used_g.add(i)
                used_p.add(j)
                tp[g[i][2]] += 1

    def prf(t: int, ng: int, npred: int) -> dict[str, float]:
        p = t / npred if npred else 0.0
        r = t / ng if ng else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4), "support": ng}

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
    p.add_argument("--head-layers", type=int, default=0)
    p.add_argument("--window", type=int, default=256)
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--batch-size", type=int, default=16, help="quote windows per step")
    p.add_argument(
        "--freeze-encoder",
        action="store_true",
        help="train the head alone (entities stay exactly as they were)",
    )
    p.add_argument(
        "--distill-weight", type=float, default=1.0, help="weight of the entity distillation loss"
    )
    p.add_argument("--lr", type=float, default=1e-4, help="encoder and entity classifier")
    p.add_argument("--head-lr", type=float, default=1e-3)
    p.add_argument("--warmup-ratio", type=float, default=0.06)
    p.add_argument(
        "--ner-tolerance",
        type=float,
        default=0.01,
        help="entity dev F1 an epoch may lose and still be chosen for its quote F1",
    )
    p.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    p.add_argument("--precision", default="auto", choices=["auto", "fp32", "bf16"])
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--model-version", default=None, help="version to record (default: keep)")
    args = p.parse_args(argv)
    device, bf16 = start_run(args.threads, args.seed, args.device, args.precision)
    out = args.out or args.model
    args.work.mkdir(parents=True, exist_ok=True)

    tagger = Tagger.from_pretrained(args.model, device=str(device))
    texts = sample_articles(args.data_dir, args.articles, args.seed)
    silver = make_silver(tagger, texts)
    n_val = max(1, int(len(texts) * args.val_fraction))
    val_texts, val_silver = texts[:n_val], silver[:n_val]
    counts = Counter(s[2] for spans in silver[n_val:] for s in spans)
    log.info("%d train / %d validation articles; silver %s", len(texts) - n_val, n_val, counts)
    windows = encode_windows(tagger, texts[n_val:], silver[n_val:], args.window)
    ner_dev = list(read_conll(args.data_dir / "anercorp" / "dev.txt"))
    pad_id = tagger.tokenizer.pad_token_id or 0

    # train the tagger's own modules: the token classifier and, if it already has one, its head
    loaded = tagger.model
    has_head = isinstance(loaded, EntityAndQuoteTagger)
    model = loaded.token_classifier if has_head else loaded
    head = loaded.head if has_head else None
    if head is None or len(head.layers) != args.head_layers:
        head = QuoteHead(model.config, layers=args.head_layers)
    head.to(device)
    steps_per_epoch = -(-len(windows) // args.batch_size)
    total = steps_per_epoch * args.epochs
    frozen = args.freeze_encoder
    groups = [{"params": list(head.parameters()), "lr": args.head_lr}]
    if not frozen:
        groups.append({"params": list(model.parameters()), "lr": args.lr})
    optimizer = torch.optim.AdamW(groups, weight_decay=0.01)
    scheduler = get_linear_schedule_with_warmup(optimizer, int(args.warmup_ratio * total), total)
    teacher = None if frozen else copy.deepcopy(model).eval().requires_grad_(False)
    quote_lengths = [len(w[0]) for w in windows]

    def measure() -> dict[str, Any]:
        model.eval()
        head.eval()
        model.config.quote_head = {"labels": list(QUOTE_LABELS), "layers": args.head_layers}
        probe = Tagger(
            tagger.tokenizer,
            EntityAndQuoteTagger(model, head),
            name=tagger.name,
            version=tagger.version,
            device=device,
            lexicon=tagger.lexicon,
        )
        ner = evaluate_ner(probe, ner_dev)
        predicted = [
            [(s.start, s.end, s.label) for s in t.quote_spans]
            for i in range(0, n_val, 32)
            for t in probe.tag(val_texts[i : i + 32])
        ]
        quotes = span_scores(val_silver, predicted)
        return {"ner_dev_f1": ner["f1"], "ner_dev": ner, "silver_validation": quotes}

    baseline = measure()["ner_dev_f1"]
    log.info("entity F1 on ANERcorp dev before quote training: %.4f", baseline)
    history: list[dict[str, Any]] = []
    best_epoch = 0
    best: tuple[tuple[bool, float], dict[str, Any], dict[str, Any], dict[str, Any]] | None = None
    for epoch in range(args.epochs):
        model.train(not frozen)
        head.train()
        gen = torch.Generator().manual_seed(args.seed + epoch)
        bar = tqdm(make_batches(quote_lengths, args.batch_size, gen), desc=f"epoch {epoch + 1}")
        sums = Counter[str]()
        for n, idx in enumerate(bar, 1):
            batch = {k: v.to(device) for k, v in collate(windows, idx, pad_id).items()}
            ids, mask = batch["input_ids"], batch["attention_mask"]
            with autocast(device, bf16):
                with torch.set_grad_enabled(not frozen):
                    hidden = model.base_model(input_ids=ids, attention_mask=mask)
                hidden = hidden.last_hidden_state
                logits = head(hidden, mask)
            quote_loss = F.cross_entropy(logits.float().flatten(0, 1), batch["labels"].flatten())
            ner_loss = torch.zeros(())
            if teacher is not None:
                with autocast(device, bf16):
                    student = model.classifier(model.dropout(hidden))
                    with torch.no_grad():
                        target = teacher(input_ids=ids, attention_mask=mask).logits
                kl = F.kl_div(
                    F.log_softmax(student.float(), -1), F.log_softmax(target.float(), -1),
                    reduction="none", log_target=True,
                ).sum(-1)  # fmt: skip
                ner_loss = (kl * mask).sum() / mask.sum()
            loss = quote_loss + args.distill_weight * ner_loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_([p for g in groups for p in g["params"]], 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            sums.update({"quote": quote_loss.item(), "ner": ner_loss.item()})
            if n % 20 == 0:
                bar.set_postfix(quote=f"{sums['quote'] / n:.4f}", ner=f"{sums['ner'] / n:.4f}")
        figures = measure()
        micro = figures["silver_validation"]["micro"]["f1"]
        entry = {
            "epoch": epoch + 1,
            "quote_loss": round(sums["quote"] / n, 4),
            "distill_loss": round(sums["ner"] / n, 4),
            "ner_dev_f1": figures["ner_dev_f1"],
            "silver_f1": micro,
        }
        history.append(entry)
        log.info("epoch %s", entry)
        # the best quote epoch among those that keep the entity F1 (within --ner-tolerance)
        keeps_entities = figures["ner_dev_f1"] >= baseline - args.ner_tolerance
        score = (keeps_entities, micro if keeps_entities else figures["ner_dev_f1"])
        if best is None or score > best[0]:
            state = copy.deepcopy(model.state_dict()), copy.deepcopy(head.state_dict())
            best = (score, figures, *state)
            best_epoch = epoch + 1
    assert best is not None
    _, figures, model_state, head_state = best
    model.load_state_dict(model_state)
    head.load_state_dict(head_state)

    if out.resolve() != args.model.resolve():
        shutil.copytree(args.model, out, dirs_exist_ok=True)
    (out / HEAD_FILE).unlink(missing_ok=True)
    model.config.quote_head = None
    if args.model_version:
        model.config.model_version = args.model_version
    save_half_precision(model.cpu(), out)
    ner_dev = figures.pop("ner_dev")
    ner_dev.pop("report", None)
    metrics = {
        **figures,
        "best_epoch": best_epoch,
        "ner_dev_f1_before": baseline,
        "train_articles": len(texts) - n_val,
        "validation_articles": n_val,
        "silver_spans": dict(counts),
    }
    save_quote_head(out, head.cpu(), QUOTE_LABELS, metrics)
    summary = {
        "metrics": metrics,
        "ner_dev": ner_dev,
        "history": history,
        "args": {k: str(v) for k, v in vars(args).items()},
    }
    (args.work / "summary.json").write_text(json.dumps(summary, indent=1, ensure_ascii=False))
    log.info(
        "best epoch %d: NER dev F1 %.4f, silver quote span F1 %.4f -> %s",
        metrics["best_epoch"],
        figures["ner_dev_f1"],
        figures["silver_validation"]["micro"]["f1"],
        out,
    )


if __name__ == "__main__":
    main()
