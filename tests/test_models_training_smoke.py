"""A few steps of tokenizer training, MLM pre-training, NER fine-tuning and quote-head training
on tiny data; the NER training data augmentation."""

from __future__ import annotations

import argparse
import json
import logging
import math
import random
import zipfile
from pathlib import Path

import numpy as np
import pytest

from models import embeddings, pretrain, train_ner, train_quotes, train_tokenizer
from models.corpus import Sentence
from models.decoding import EntityDecoding
from models.tagger import Tagger
from models.tune_decoding import write_decoding

SENTENCES = [
    [("قال", "O"), ("الرئيس", "O"), ("بوتين", "B-PERS"), ("في", "O"), ("موسكو", "B-LOC")],
    [("اعلنت", "O"), ("الامم", "B-ORG"), ("المتحدة", "I-ORG"), ("ان", "O"), ("لندن", "B-LOC")],
    [("وصل", "O"), ("محمد", "B-PERS"), ("علي", "I-PERS"), ("الى", "O"), ("الرياض", "B-LOC")],
]

# the rule annotator finds a direct and a reported quote here without any entity (silver labels)
QUOTES = (
    ' وقال المتحدث باسم الوزارة: "سنواصل العمل من أجل السلام في المنطقة".'
    " وأكد مصدر مسؤول أن الاجتماع سيعقد غدا في الرياض."
)


def write_data(root: Path) -> None:
    (root / "anercorp").mkdir(parents=True)
    (root / "saudinewsnet").mkdir()
    conll = "\n\n".join("\n".join(f"{t} {g}" for t, g in s) for s in SENTENCES * 4) + "\n"
    (root / "anercorp" / "train.txt").write_text(conll, encoding="utf-8")
    (root / "anercorp" / "dev.txt").write_text(conll, encoding="utf-8")
    articles = [
        {"source": "x", "url": None, "date_extracted": "", "title": "خبر", "author": None,
         "content": " ".join(t for s in SENTENCES for t, _ in s) * 5 + QUOTES},
        {"source": "x", "url": "u", "date_extracted": None, "title": None, "author": "",
         "content": None},
    ] * 10  # fmt: skip
    articles.append({"url": "news-1", "title": "قمة", "content": "قال الرئيس بوتين في موسكو ."})
    with zipfile.ZipFile(root / "saudinewsnet" / "2015-07-21.zip", "w") as zf:
        zf.writestr("2015-07-21.json", json.dumps(articles, ensure_ascii=False))


@pytest.mark.slow
def test_tokenizer_pretrain_and_ner_smoke(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    data = tmp_path / "data"
    write_data(data)
    tok, pre, ner = tmp_path / "tok", tmp_path / "pre", tmp_path / "ner"
    common = ["--device", "cpu", "--threads", "1", "--precision", "fp32"]
    train_tokenizer.main(["--data-dir", str(data), "--out", str(tok), "--vocab-size", "150"])
    assert (tok / "tokenizer.json").exists() and (tok / "lexicon.tsv").exists()

    pretrain.main(
        ["--data-dir", str(data), "--tokenizer", str(tok), "--out", str(pre), "--seq-len", "32",
         "--batch-size", "4", "--max-steps", "3", "--warmup-steps", "1", "--hidden", "32",
         "--layers", "1", "--heads", "2", "--intermediate", "64", *common]
    )  # fmt: skip
    summary = json.loads((pre / "pretrain_summary.json").read_text())
    assert summary["steps"] == 3 and math.isfinite(summary["final_train_loss"])
    assert (pre / "model.safetensors").exists() and (pre / "checkpoint" / "state.pt").exists()

    out = tmp_path / "model"
    argv = ["--data-dir", str(data), "--init", str(pre), "--out", str(out), "--work", str(ner),
            "--epochs", "1", "--batch-size", "4", *common]  # fmt: skip
    train_ner.main(argv)
    with caplog.at_level(logging.INFO):
        train_ner.main([*argv, "--epochs", "2", "--resume"])
    assert "resumed after epoch 1" in caplog.text and "another run" not in caplog.text
    summary = json.loads((ner / "summary.json").read_text())
    assert [h["epoch"] for h in summary["history"]] == [1, 2]
    assert all(math.isfinite(h["train_loss"]) for h in summary["history"])
    for name in ("model.safetensors", "config.json", "tokenizer.json", "lexicon.tsv"):
        assert (out / name).exists()
    assert len(summary["decoding"]) == 21  # argmax + the threshold grid, scored on dev
    config = json.loads((out / "config.json").read_text())
    assert "entity_decoding" in config
    assert config["model_name"] == "arabic-news-small" and config["model_version"] == "0.1.0"
    assert config["id2label"]["1"] == "B-PER"

    tagger = Tagger.from_pretrained(out, device="cpu")
    assert (tagger.name, tagger.version) == ("arabic-news-small", "0.1.0")
    spans = tagger.predict(["قال الرئيس بوتين في موسكو"])[0]
    assert all(0 <= s.start < s.end <= 26 for s in spans)
    assert {s.label for s in spans} <= {"PER", "ORG", "LOC", "MISC"}

    train_quotes.main(
        ["--model", str(out), "--data-dir", str(data), "--work", str(tmp_path / "quotes"),
         "--articles", "10", "--epochs", "1", "--batch-size", "4", "--window", "32", *common]
    )  # fmt: skip
    config = json.loads((out / "config.json").read_text())
    assert config["quote_head"]["labels"][1:3] == ["B-QUOTE", "I-QUOTE"]
    assert config["quote_head"]["metrics"]["silver_spans"]["QUOTE"] > 0
    history = json.loads((tmp_path / "quotes" / "summary.json").read_text())["history"]
    assert all(math.isfinite(h["distill_loss"]) for h in history)
    with_quotes = Tagger.from_pretrained(out, device="cpu")
    assert with_quotes.has_quote_head
    tagged = with_quotes.tag(["قال الرئيس بوتين في موسكو"])[0]
    # The entity classifier is distilled, not frozen: spans of a 3-step model may move a little
    # (how well distillation keeps them is measured on ANERcorp dev in the model card).
    assert all(0 <= s.start < s.end <= 26 for s in tagged.entities)
    assert {s.label for s in tagged.entities} <= {"PER", "ORG", "LOC", "MISC"}
    assert {s.label for s in tagged.quote_spans} <= {"QUOTE", "CUE", "SPEAKER"}
    train_ner.main([*argv, "--epochs", "2", "--resume"])  # a new encoder drops the stale head
    assert not (out / "quote_head.safetensors").exists()
    assert not Tagger.from_pretrained(out, device="cpu").has_quote_head
    caplog.clear()
    with caplog.at_level(logging.INFO):  # another seed: the checkpoint is not resumed
        train_ner.main([*argv, "--epochs", "2", "--resume", "--seed", "5"])
    assert "another run" in caplog.text and "resumed" not in caplog.text

    svd = tmp_path / "svd.npy"
    embeddings.main(
        ["--tokenizer", str(tok), "--data-dir", str(data), "--pretrain-dir", str(tmp_path / "none"),
         "--dim", "32", "--out", str(svd)]
    )  # fmt: skip
    vectors = np.load(svd)
    assert vectors.shape == (150, 32) and np.isfinite(vectors).all()
    scratch = tmp_path / "scratch"
    news = tmp_path / "news.jsonl"
    entities = [{"name": "بوتين", "label": "PER", "aliases": []}]
    news.write_text(json.dumps({"url": "news-1", "entities": entities}, ensure_ascii=False))
    caplog.clear()
    with caplog.at_level(logging.INFO):
        train_ner.main(
            ["--data-dir", str(data), "--init", "none", "--tokenizer", str(tok), "--arch", str(pre),
             "--init-embeddings", str(svd), "--out", str(scratch), "--work",
             str(tmp_path / "ner_scratch"), "--epochs", "1", "--batch-size", "4",
             "--mention-replacement", "0.5", "--pack-chars", "60", "--news-entities", str(news),
             *common]
        )  # fmt: skip
    assert "2 sentences of annotated news" in caplog.text
    assert (scratch / "model.safetensors").exists()
    # adapting a trained tagger in place (make adapt-ner): the last epoch and its decoding kept
    write_decoding(scratch, EntityDecoding(0.7, 0.3, True))  # not what tuning would pick
    train_ner.main(
        ["--data-dir", str(data), "--init", str(scratch), "--out", str(scratch), "--work",
         str(tmp_path / "ner_adapt"), "--epochs", "2", "--batch-size", "4", "--lr", "1e-4",
         "--news-entities", str(news), "--anercorp-fraction", "0.5", "--select", "last",
         "--decoding", "keep", *common]
    )  # fmt: skip
    summary = json.loads((tmp_path / "ner_adapt" / "summary.json").read_text())
    assert summary["best_epoch"] == 2 and summary["init"] == str(scratch)
    kept = json.loads((scratch / "config.json").read_text())["entity_decoding"]
    assert kept == EntityDecoding(0.7, 0.3, True).to_dict()
    adapted = Tagger.from_pretrained(scratch, device="cpu").predict(["قال بوتين في موسكو"])[0]
    assert all(0 <= s.start < s.end <= 18 for s in adapted)
    assert {s.label for s in adapted} <= {"PER", "ORG", "LOC", "MISC"}


def test_mention_replacement_swaps_whole_mentions_of_the_same_type() -> None:
    train = [
        Sentence(
            ["قال", "فلاديمير", "بوتين", "في", "موسكو"], ["O", "B-PER", "I-PER", "O", "B-LOC"]
        ),
        Sentence(["زار", "أوباما", "لندن"], ["O", "B-PER", "B-LOC"]),
    ]
    mentions = train_ner.entity_mentions(train)
    assert mentions == {
        "PER": [("فلاديمير", "بوتين"), ("أوباما",)],
        "LOC": [("موسكو",), ("لندن",)],
    }
    rng = random.Random(0)
    for _ in range(20):
        out = train_ner.replace_mentions(train[0], mentions, 1.0, rng)
        assert out.tokens[0] == "قال" and out.tokens[-2:-1] == ["في"]
        assert out.tokens[-1] in ("موسكو", "لندن") and out.tags[-1] == "B-LOC"
        per = out.tokens[1:-2]
        assert tuple(per) in mentions["PER"]
        assert out.tags[1:-2] == ["B-PER"] + ["I-PER"] * (len(per) - 1)
    assert train_ner.replace_mentions(train[0], mentions, 0.0, rng) == train[0]


def test_pack_sentences_keeps_order_tags_and_the_length_limit() -> None:
    sents = [Sentence([f"w{i}", "x"], ["B-PER", "O"]) for i in range(50)]
    packed = train_ner.pack_sentences(sents, 40, random.Random(3))
    assert [t for s in packed for t in s.tokens] == [t for s in sents for t in s.tokens]
    assert [t for s in packed for t in s.tags] == [t for s in sents for t in s.tags]
    assert all(len(" ".join(s.tokens)) <= 40 or len(s.tokens) == 2 for s in packed)
    assert len(packed) < len(sents) and any(len(s.tokens) == 2 for s in packed)


def test_a_new_run_does_not_inherit_the_decoding_of_the_checkpoint_it_copies() -> None:
    shipped = Path(__file__).resolve().parents[1] / "models" / "arabic-news-small"
    args = argparse.Namespace(
        init="none", tokenizer=str(shipped), arch=str(shipped), init_embeddings=None
    )
    _, model = train_ner.build_model(args)
    assert not any(hasattr(model.config, k) for k in train_ner.CHECKPOINT_SETTINGS)
    assert model.config.hidden_size == 256 and model.config.num_labels == 9
