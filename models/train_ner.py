"""Fine-tune the compact encoder for NER on ANERcorp; the best dev epoch is shipped.

Usage: ``python -m models.train_ner --init runs/pretrain --out models/arabic-news-small``
(``--init none`` trains the same architecture from random weights, optionally with count-based
word embeddings: ``--init-embeddings runs/svd_embeddings.npy``). With ``--news-entities`` the
hand-annotated news articles of :mod:`models.news_entities` join the training data;
``--init`` of a trained checkpoint with ``--anercorp-fraction`` below 1 and ``--select last``
adapts that tagger to the news (``make adapt-ner``).
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import torch
from seqeval.metrics.sequence_labeling import get_entities
from tqdm import tqdm
from transformers import (
    AutoTokenizer,
    BertConfig,
    BertForTokenClassification,
    PreTrainedTokenizerBase,
    get_linear_schedule_with_warmup,
)

from models.corpus import Sentence, default_data_dir, read_conll
from models.decoding import EntityDecoding
from models.evaluate import evaluate_ner
from models.lexicon import LEXICON_FILE, Lexicon
from models.news_entities import annotated_sentences, read_annotations
from models.pretrain import tokenizer_fingerprint
from models.quote_head import HEAD_FILE
from models.tagger import Tagger
from models.training import (
    autocast,
    rng_state,
    save_half_precision,
    set_rng_state,
    start_run,
    weight_decay_groups,
)
from models.tune_decoding import tune_decoding, write_decoding

log = logging.getLogger(__name__)
LABELS = ["O"] + [f"{p}-{t}" for t in ("PER", "ORG", "LOC", "MISC") for p in ("B", "I")]
MODEL_NAME = "arabic-news-small"
MODEL_VERSION = "0.1.0"


def encode(
    tokenizer: PreTrainedTokenizerBase, sentences: Sequence[Sentence], max_length: int
) -> list[tuple[list[int], list[int]]]:
    """Input ids and labels per sentence: the first subword of a word carries its tag, -100 else."""
    label2id = {label: i for i, label in enumerate(LABELS)}
    enc = tokenizer(
        [s.tokens for s in sentences],
        is_split_into_words=True,
        truncation=True,
        max_length=max_length,
    )
    out = []
    for i, sent in enumerate(sentences):
        labels, prev = [], None
        for w in enc.word_ids(i):
            labels.append(-100 if w is None or w == prev else label2id.get(sent.tags[w], 0))
            prev = w
        out.append((enc["input_ids"][i], labels))
    return out


def entity_mentions(sentences: Sequence[Sentence]) -> dict[str, list[tuple[str, ...]]]:
    """Token sequences of every entity mention in ``sentences``, by entity type."""
    mentions: dict[str, list[tuple[str, ...]]] = {}
    for sent in sentences:
        for etype, first, last in get_entities(sent.tags):
            mentions.setdefault(etype, []).append(tuple(sent.tokens[first : last + 1]))
    return mentions


def replace_mentions(
    sent: Sentence,
    mentions: dict[str, list[tuple[str, ...]]],
    prob: float,
    rng: random.Random,
) -> Sentence:
    """``sent`` with each entity mention swapped, with probability ``prob``, for a random
    training mention of the same type (mention replacement: the tagger must use the context,
    not only the names it has memorised)."""
    bounds = get_entities(sent.tags)
    if not bounds or prob <= 0:
        return sent
    tokens: list[str] = []
    tags: list[str] = []
    pos = 0
    for etype, first, last in bounds:
        tokens += sent.tokens[pos:first]
        tags += sent.tags[pos:first]
        words = tuple(sent.tokens[first : last + 1])
        if rng.random() < prob:
            words = rng.choice(mentions[etype])
        tokens += words
        tags += [f"B-{etype}"] + [f"I-{etype}"] * (len(words) - 1)
        pos = last + 1
    return Sentence(tokens + sent.tokens[pos:], tags + sent.tags[pos:])


def pack_sentences(
    sentences: Sequence[Sentence], max_chars: int, rng: random.Random
) -> list[Sentence]:
    """Consecutive sentences joined into examples of a random length up to ``max_chars``.

    The pipeline tags windows of several sentences (``model.max_window_chars``); a model trained
    on single sentences only degrades at the later positions of such windows. Lengths drawn
    uniformly keep single sentences in the mix.
    """
    out: list[Sentence] = []
    i = 0
    while i < len(sentences):
        limit = rng.randint(1, max_chars)
        tokens, tags = list(sentences[i].tokens), list(sentences[i].tags)
        size = len(" ".join(tokens))
        i += 1
        while i < len(sentences):
            extra = len(" ".join(sentences[i].tokens)) + 1
            if size + extra > limit:
                break
            tokens += sentences[i].tokens
            tags += sentences[i].tags
            size += extra
            i += 1
        out.append(Sentence(tokens, tags))
    return out


def prefers_merging(sentences: Sequence[Sentence]) -> bool:
    """Whether adjacent same-type words continue an entity (I-) more often than they start one."""
    cont = sep = 0
    for sent in sentences:
        for a, b in zip(sent.tags, sent.tags[1:], strict=False):
            if a != "O" and b != "O" and a[2:] == b[2:]:
                cont += b.startswith("I-")
                sep += b.startswith("B-")
    return cont > sep


def make_batches(
    lengths: Sequence[int], batch_size: int, generator: torch.Generator
) -> list[list[int]]:
    """Shuffled batches of similar length (sorted within pools of 50 batches)."""
    perm = torch.randperm(len(lengths), generator=generator).tolist()
    pool = batch_size * 50
    batches = []
    for i in range(0, len(perm), pool):
        chunk = sorted(perm[i : i + pool], key=lambda j: lengths[j])
        batches += [chunk[k : k + batch_size] for k in range(0, len(chunk), batch_size)]
    order = torch.randperm(len(batches), generator=generator).tolist()
    return [batches[k] for k in order]


def collate(
    data: Sequence[tuple[list[int], list[int]]], idx: Sequence[int], pad_id: int
) -> dict[str, torch.Tensor]:
    """Pad a batch dynamically."""
    width = max(len(data[j][0]) for j in idx)
    ids = torch.full((len(idx), width), pad_id, dtype=torch.long)
    labels = torch.full((len(idx), width), -100, dtype=torch.long)
    mask = torch.zeros((len(idx), width), dtype=torch.long)
    for row, j in enumerate(idx):
        n = len(data[j][0])
        ids[row, :n] = torch.tensor(data[j][0])
        labels[row, :n] = torch.tensor(data[j][1])
        mask[row, :n] = 1
    return {"input_ids": ids, "attention_mask": mask, "labels": labels}


def build_model(
    args: argparse.Namespace,
) -> tuple[PreTrainedTokenizerBase, BertForTokenClassification]:
    """Tokenizer and token-classification model, from the pre-trained encoder or from scratch."""
    label_kw = {
        "num_labels": len(LABELS),
        "id2label": dict(enumerate(LABELS)),
        "label2id": {label: i for i, label in enumerate(LABELS)},
    }
    if args.init == "none":
        tokenizer = AutoTokenizer.from_pretrained(args.tokenizer)
        source = (
            BertConfig.from_pretrained(args.arch)
            if args.arch
            else BertConfig(
                vocab_size=len(tokenizer),
                hidden_size=256,
                num_hidden_layers=4,
                num_attention_heads=4,
                intermediate_size=1024,
                pad_token_id=0,
            )
        )
        config = BertConfig(**{**source.to_dict(), **label_kw})
        model = BertForTokenClassification(config)
        _drop_checkpoint_settings(model.config)
        if args.init_embeddings:
            vectors = torch.from_numpy(np.load(args.init_embeddings))
            model.bert.embeddings.word_embeddings.weight.data.copy_(vectors)
            log.info("word embeddings initialised from %s", args.init_embeddings)
        return tokenizer, model
    tokenizer = AutoTokenizer.from_pretrained(args.init)
    model = BertForTokenClassification.from_pretrained(args.init, dtype=torch.float32, **label_kw)
    _drop_checkpoint_settings(model.config)
    return tokenizer, model


# Settings a trained checkpoint keeps in its config that must not reach a new training run
# (an --arch or --init copied from a shipped model would otherwise evaluate every epoch with
# its decoding thresholds).
CHECKPOINT_SETTINGS = (
    "entity_decoding",
    "merge_adjacent_entities",
    "quote_head",
    "model_name",
    "model_version",
)


def _drop_checkpoint_settings(config: BertConfig) -> None:
    for key in CHECKPOINT_SETTINGS:
        if hasattr(config, key):
            delattr(config, key)


def find_lexicon(args: argparse.Namespace) -> Path | None:
    """The lexicon file travelling with the encoder or tokenizer, if any."""
    for base in (args.init, args.tokenizer):
        if base != "none" and (Path(base) / LEXICON_FILE).exists():
            return Path(base) / LEXICON_FILE
    return None


def run_signature(args: argparse.Namespace, tokenizer: PreTrainedTokenizerBase) -> dict[str, Any]:
    """What a resumable checkpoint must share with this run: tokenizer and training settings."""
    keys = ("init", "arch", "init_embeddings", "batch_size", "lr", "weight_decay",
            "warmup_ratio", "max_length", "max_sentences", "seed", "mention_replacement",
            "pack_chars", "news_entities", "anercorp_fraction", "select", "decoding")  # fmt: skip
    return {"tokenizer": tokenizer_fingerprint(tokenizer)} | {
        k: str(getattr(args, k)) for k in keys
    }


def main(argv: list[str] | None = None) -> None:
    """CLI entry point."""
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--data-dir", type=Path, default=default_data_dir())
    p.add_argument("--init", default="runs/pretrain", help="pre-trained encoder dir, or 'none'")
    p.add_argument("--tokenizer", default="runs/tokenizer", help="tokenizer dir for --init none")
    p.add_argument("--arch", default=None, help="config.json dir to copy for --init none")
    p.add_argument(
        "--init-embeddings",
        type=Path,
        default=None,
        help="vocab × hidden .npy (models.embeddings) for the word embeddings, with --init none",
    )
    p.add_argument("--out", type=Path, default=Path("models") / MODEL_NAME)
    p.add_argument("--work", type=Path, default=Path("runs/ner"))
    p.add_argument("--epochs", type=int, default=10)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--lr", type=float, default=5e-4)
    p.add_argument("--weight-decay", type=float, default=0.01)
    p.add_argument("--warmup-ratio", type=float, default=0.06)
    p.add_argument("--max-length", type=int, default=512)
    p.add_argument("--max-sentences", type=int, default=None, help="limit data (smoke tests)")
    p.add_argument("--model-name", default=MODEL_NAME)
    p.add_argument("--model-version", default=MODEL_VERSION)
    p.add_argument("--device", default="auto", choices=["auto", "cpu", "cuda"])
    p.add_argument("--precision", default="auto", choices=["auto", "fp32", "bf16"])
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument(
        "--mention-replacement",
        type=float,
        default=0.0,
        help="per-mention probability of swapping an entity for another of its type, each epoch",
    )
    p.add_argument(
        "--pack-chars",
        type=int,
        default=0,
        help="join consecutive sentences into examples of up to this many characters (0: off)",
    )
    p.add_argument(
        "--news-entities",
        type=Path,
        default=None,
        help="hand-annotated SaudiNewsNet articles (models.news_entities JSONL) to train on too",
    )
    p.add_argument(
        "--anercorp-fraction",
        type=float,
        default=1.0,
        help="share of ANERcorp train sentences drawn anew each epoch (adapting to the news)",
    )
    p.add_argument(
        "--decoding",
        default="tune",
        choices=["tune", "keep"],
        help="select the entity decoding on ANERcorp dev, or keep the --init checkpoint's",
    )
    p.add_argument(
        "--select",
        default="best-dev",
        choices=["best-dev", "last"],
        help="ship the epoch with the best ANERcorp dev F1, or the last one",
    )
    p.add_argument("--resume", action="store_true")
    args = p.parse_args(argv)
    if args.decoding == "keep" and args.init == "none":
        p.error("--decoding keep needs a trained --init checkpoint")
    # read now: with --out equal to --init (make adapt-ner) the config is overwritten below
    kept_decoding = (
        EntityDecoding.from_config(BertConfig.from_pretrained(args.init))
        if args.decoding == "keep"
        else None
    )
    device, bf16 = start_run(args.threads, args.seed, args.device, args.precision)

    anercorp = list(read_conll(args.data_dir / "anercorp" / "train.txt"))[: args.max_sentences]
    news: list[Sentence] = []
    if args.news_entities:
        records = read_annotations(args.news_entities)
        news = list(annotated_sentences(records, args.data_dir / "saudinewsnet"))
        news = news[: args.max_sentences]
        log.info("%d sentences of annotated news", len(news))
    train = anercorp + news
    dev = list(read_conll(args.data_dir / "anercorp" / "dev.txt"))[: args.max_sentences]
    tokenizer, model = build_model(args)
    model.to(device)
    merge = prefers_merging(train)
    model.config.merge_adjacent_entities = merge
    lex_path = find_lexicon(args)
    lexicon = Lexicon.load(lex_path) if lex_path else None
    mentions = entity_mentions(train)

    def epoch_data(epoch: int) -> list[tuple[list[int], list[int]]]:
        """This epoch's examples: mentions replaced, then sentences packed into windows."""
        rng = random.Random(args.seed * 1000 + epoch)
        examples = train
        if args.anercorp_fraction < 1:
            drawn = rng.sample(anercorp, round(args.anercorp_fraction * len(anercorp)))
            examples = drawn + news
        examples = [replace_mentions(s, mentions, args.mention_replacement, rng) for s in examples]
        if args.pack_chars > 0:
            examples = pack_sentences(examples, args.pack_chars, rng)
        return encode(tokenizer, examples, args.max_length)

    examples_per_epoch = len(epoch_data(0))
    steps_per_epoch = -(-examples_per_epoch // args.batch_size)
    total = steps_per_epoch * args.epochs
    optimizer = torch.optim.AdamW(weight_decay_groups(model, args.weight_decay), lr=args.lr)
    scheduler = get_linear_schedule_with_warmup(optimizer, int(args.warmup_ratio * total), total)
    start_epoch, best_f1, best_epoch, history = 0, -1.0, -1, []
    ckpt = args.work / "checkpoint"
    best_dir = args.work / "best"
    signature = run_signature(args, tokenizer)
    state = (
        torch.load(ckpt / "state.pt", weights_only=False)
        if args.resume and (ckpt / "state.pt").exists()
        else None
    )
    if state is not None and state.get("signature") != signature:
        log.warning("%s is from another run (tokenizer or settings changed): starting anew", ckpt)
        state = None
    if state is not None:
        model.load_state_dict(BertForTokenClassification.from_pretrained(ckpt).state_dict())
        optimizer.load_state_dict(state["optimizer"])
        scheduler.load_state_dict(state["scheduler"])
        set_rng_state(state["rng"])
        start_epoch, best_f1, best_epoch, history = (
            state["epoch"],
            state["best_f1"],
            state["best_epoch"],
            state["history"],
        )
        log.info("resumed after epoch %d (best dev F1 %.4f)", start_epoch, best_f1)
    log.info("%d train / %d dev examples per epoch, %d steps", examples_per_epoch, len(dev), total)

    for epoch in range(start_epoch, args.epochs):
        model.train()
        data = epoch_data(epoch)
        lengths = [len(ids) for ids, _ in data]
        gen = torch.Generator().manual_seed(args.seed * 1000 + epoch)
        bar = tqdm(
            make_batches(lengths, args.batch_size, gen),
            desc=f"epoch {epoch + 1}",
            unit="batch",
            mininterval=5,
        )
        total_loss = 0.0
        for n, idx in enumerate(bar, 1):
            batch = {k: v.to(device) for k, v in collate(data, idx, tokenizer.pad_token_id).items()}
            with autocast(device, bf16):
                loss = model(**batch).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            total_loss += loss.item()
            bar.set_postfix(loss=f"{total_loss / n:.4f}", refresh=False)
        tagger = Tagger(
            tokenizer,
            model,
            name=args.model_name,
            version=args.model_version,
            device=device,
            label_map=None,
            max_length=args.max_length,
            lexicon=lexicon,
        )
        metrics = evaluate_ner(tagger, dev)
        metrics.pop("report")
        history.append({"epoch": epoch + 1, "train_loss": total_loss / n, **metrics})
        log.info("epoch %d loss %.4f dev F1 %.4f", epoch + 1, total_loss / n, metrics["f1"])
        if metrics["f1"] > best_f1 or args.select == "last":
            best_f1, best_epoch = metrics["f1"], epoch + 1
            model.save_pretrained(best_dir)
        tmp = args.work / "checkpoint.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        model.save_pretrained(tmp)
        torch.save(
            {
                "optimizer": optimizer.state_dict(),
                "scheduler": scheduler.state_dict(),
                "rng": rng_state(),
                "signature": signature,
                "epoch": epoch + 1,
                "best_f1": best_f1,
                "best_epoch": best_epoch,
                "history": history,
            },
            tmp / "state.pt",
        )
        shutil.rmtree(ckpt, ignore_errors=True)
        tmp.rename(ckpt)

    best = BertForTokenClassification.from_pretrained(best_dir)
    best.config.model_name = args.model_name
    best.config.model_version = args.model_version
    best.config.merge_adjacent_entities = merge
    args.out.mkdir(parents=True, exist_ok=True)
    stale_head = args.out / HEAD_FILE
    if stale_head.exists():  # trained on the previous encoder: retrain with make train-quotes
        stale_head.unlink()
        log.warning("removed %s: run `make train-quotes` for the new encoder", stale_head)
    save_half_precision(best, args.out)
    tokenizer.save_pretrained(args.out)
    if lex_path and lex_path.resolve() != (args.out / LEXICON_FILE).resolve():
        shutil.copy(lex_path, args.out / LEXICON_FILE)
    tagger = Tagger.from_pretrained(args.out, device=str(device), quote_head=False)
    decoding, decoding_table = tune_decoding(tagger, dev)
    if args.decoding == "keep":
        decoding = kept_decoding
    write_decoding(args.out, decoding)
    log.info("entity decoding (%s): %s", args.decoding, decoding or "argmax")
    summary = {
        "best_epoch": best_epoch,
        "dev": next(h for h in history if h["epoch"] == best_epoch),
        "history": history,
        "decoding": decoding_table,
        "init": args.init,
        "args": {k: str(v) for k, v in vars(args).items()},
    }
    (args.work / "summary.json").write_text(json.dumps(summary, indent=1, ensure_ascii=False))
    log.info("epoch %d (dev F1 %.4f) -> %s", best_epoch, best_f1, args.out)


if __name__ == "__main__":
    main()
