"""The quote head: labels from character spans, one forward pass for both heads, checkpoint
round trip, ONNX export, and how attribution uses the head's spans."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from models.attribution import analyze
from models.quantize import quantize_tagger
from models.quote_head import (
    QUOTE_LABELS,
    EntityAndQuoteTagger,
    QuoteHead,
    char_spans_to_token_labels,
    save_quote_head,
)
from models.spans import EntitySpan
from models.tagger import Tagger
from models.train_tokenizer import train_tokenizer

ENTITY_LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
TEXT = "قال بوتين ان روسيا مستعدة للحوار مع امريكا في لندن"


def test_char_spans_to_token_labels_nested_spans() -> None:
    offsets = [(0, 3), (4, 9), (10, 12), (12, 15), (16, 20), (20, 20)]
    spans = [(0, 3, "CUE"), (4, 20, "QUOTE"), (10, 15, "SPEAKER")]
    labels = [QUOTE_LABELS[i] for i in char_spans_to_token_labels(offsets, spans)]
    assert labels == ["B-CUE", "B-QUOTE", "B-SPEAKER", "I-SPEAKER", "I-QUOTE", "O"]


@pytest.fixture(scope="module")
def tiny_parts():
    from transformers import BertConfig, BertForTokenClassification

    tok, _ = train_tokenizer([TEXT] * 10, vocab_size=120)
    config = BertConfig(
        vocab_size=len(tok), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
        intermediate_size=32, max_position_embeddings=64, num_labels=len(ENTITY_LABELS),
        id2label=dict(enumerate(ENTITY_LABELS)),
        label2id={v: k for k, v in enumerate(ENTITY_LABELS)},
    )  # fmt: skip
    torch.manual_seed(0)
    model = BertForTokenClassification(config).eval()
    head = QuoteHead(config, layers=1).eval()
    with torch.no_grad():  # the head calls every word after the first a quote
        head.classifier.weight.zero_()
        head.classifier.bias.zero_()
        head.classifier.bias[QUOTE_LABELS.index("I-QUOTE")] = 10.0
    return tok, model, head


def _tagger(tok, model, head) -> Tagger:
    model.config.quote_head = {"labels": list(QUOTE_LABELS), "layers": len(head.layers)}
    return Tagger(tok, EntityAndQuoteTagger(model, head), name="t", version="0", device="cpu")


def test_one_forward_pass_serves_entities_and_quotes(tiny_parts) -> None:
    tok, model, head = tiny_parts
    plain = Tagger(tok, model, name="t", version="0", device="cpu")
    both = _tagger(tok, model, head)
    assert both.has_quote_head and not plain.has_quote_head
    calls = []
    hook = model.base_model.register_forward_hook(lambda *_: calls.append(1))
    try:
        tagged = both.tag([TEXT, ""])
    finally:
        hook.remove()
    assert len(calls) == 1  # one encoder pass for both heads
    assert tagged[0].entities == plain.predict([TEXT])[0]
    assert [(s.start, s.end, s.label) for s in tagged[0].quote_spans] == [
        (0, len(TEXT), "QUOTE")  # a leading I- starts the span
    ]
    assert tagged[1].entities == [] and tagged[1].quote_spans == []


def test_checkpoint_round_trip_and_onnx(tiny_parts, tmp_path: Path) -> None:
    tok, model, head = tiny_parts
    reference = _tagger(tok, model, head).tag([TEXT])[0]
    model.save_pretrained(tmp_path)
    tok.save_pretrained(tmp_path)
    save_quote_head(tmp_path, head, QUOTE_LABELS, {"note": "test"})
    loaded = Tagger.from_pretrained(tmp_path, device="cpu")
    assert loaded.has_quote_head
    assert loaded.tag([TEXT])[0] == reference
    onnx = quantize_tagger(Tagger.from_pretrained(tmp_path, device="cpu"), "none", "onnxruntime")
    assert onnx.tag([TEXT])[0].quote_spans == reference.quote_spans
    (tmp_path / "quote_head.safetensors").unlink()  # config entry without weights: no head
    assert not Tagger.from_pretrained(tmp_path, device="cpu").has_quote_head


def _span(text: str, fragment: str, label: str, score: float = 0.9) -> EntitySpan:
    i = text.index(fragment)
    return EntitySpan(i, i + len(fragment), label, score)


MISSED = "وفي سياق آخر، يعتقد الوزير خالد الفالح خلال المؤتمر أن الأسعار سترتفع العام المقبل."


def test_model_quote_missed_by_rules_is_added_with_its_speaker() -> None:
    entities = [_span(MISSED, "خالد الفالح", "PER")]
    assert analyze(MISSED, entities).quotes == []
    spans = [
        _span(MISSED, "يعتقد", "CUE"),
        _span(MISSED, "الوزير خالد الفالح", "SPEAKER"),
        _span(MISSED, "الأسعار سترتفع العام المقبل", "QUOTE", 0.8),
    ]
    (quote,) = analyze(MISSED, entities, spans).quotes
    assert quote.text == "الأسعار سترتفع العام المقبل" and quote.kind == "indirect"
    assert quote.cue is not None and quote.cue.text == "يعتقد"
    assert quote.speaker is not None and quote.speaker.name == "خالد الفالح"
    assert quote.speaker.entity_id == "e1" and quote.speaker.label == "PER"
    assert quote.score == pytest.approx(0.64)


def test_model_quote_needs_a_cue_and_rule_quotes_are_rescored() -> None:
    entities = [_span(MISSED, "خالد الفالح", "PER")]
    no_cue = [_span(MISSED, "الأسعار سترتفع العام المقبل", "QUOTE")]
    assert analyze(MISSED, entities, no_cue).quotes == []
    unsure = [
        _span(MISSED, "يعتقد", "CUE"),
        _span(MISSED, "الأسعار سترتفع العام المقبل", "QUOTE", 0.6),
    ]
    assert analyze(MISSED, entities, unsure).quotes == []
    # a span that starts inside the speaker's noun phrase is no quote (وأشار رئيس شركة | إكسون)
    text = "وأشار رئيس شركة إكسون موبيل في كلمته إلى أن الطاقة ضرورية للنمو."
    spans = [
        _span(text, "وأشار", "CUE"),
        _span(text, "رئيس", "SPEAKER"),
        _span(text, "إكسون موبيل في", "QUOTE"),
    ]
    assert [q.text for q in analyze(text, [], spans).quotes] == ["الطاقة ضرورية للنمو"]
    # nor one that runs across a closing mark (وأكدت "الوزارة | " عدم رصد)
    text = 'وأكدت "الوزارة" عدم رصد أي حالات جديدة.'
    spans = [_span(text, "وأكدت", "CUE"), _span(text, 'الوزارة" عدم رصد أي حالات جديدة', "QUOTE")]
    assert all("الوزارة" not in q.text for q in analyze(text, [], spans).quotes)

    text = "ولفت خالد الفالح إلى أن الأسعار سترتفع العام المقبل."
    entities = [_span(text, "خالد الفالح", "PER")]
    (rule,) = analyze(text, entities).quotes
    agreeing = [_span(text, rule.text, "QUOTE")]
    (both,) = analyze(text, entities, agreeing).quotes
    (rules_only,) = analyze(text, entities, [_span(text, "خالد", "SPEAKER")]).quotes
    assert (both.start, both.end, both.speaker) == (rule.start, rule.end, rule.speaker)
    assert both.score == pytest.approx(0.5 * rule.score + 0.5)
    assert rules_only.score == pytest.approx(0.5 * rule.score)


def test_model_quote_without_speaker_span_takes_the_previous_speaker() -> None:
    text = (
        "ولفت خالد الفالح إلى أن الأسعار سترتفع العام المقبل. "
        "ويعتقد كذلك خلال المؤتمر أن الطلب سيبقى قويا في آسيا."
    )
    entities = [_span(text, "خالد الفالح", "PER")]
    spans = [_span(text, "ويعتقد", "CUE"), _span(text, "الطلب سيبقى قويا في آسيا", "QUOTE")]
    quotes = analyze(text, entities, spans).quotes
    added = next(q for q in quotes if q.text == "الطلب سيبقى قويا في آسيا")
    assert added.speaker is not None and added.speaker.name == "خالد الفالح"
    assert added.speaker.mention is None  # implied, as after وأضاف


def test_quote_decoding_bridges_gaps_and_splits_at_begin() -> None:
    from models.quote_head import decode_quote_words

    words = "قال الوزير إن الوضع مستقر تماما و لا خوف منه ثم قال لهم شيئا".split()
    text = " ".join(words)
    starts, pos = [], 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    ends = [s + len(w) for s, w in zip(starts, words, strict=True)]
    tags = ["B-CUE", "B-SPEAKER", "O", "B-QUOTE", "I-QUOTE", "O", "O", "I-QUOTE", "I-QUOTE",
            "I-QUOTE", "O", "O", "O", "I-QUOTE"]  # fmt: skip
    probs = np.full((len(words), len(QUOTE_LABELS)), 0.01)
    for w, tag in enumerate(tags):
        probs[w, QUOTE_LABELS.index(tag)] = 0.9
    spans = decode_quote_words(text, starts, ends, probs, QUOTE_LABELS)
    got = [(text[s.start : s.end], s.label) for s in spans]
    # a two-word gap is bridged, a lone trailing quote word is dropped
    assert got == [
        ("قال", "CUE"),
        ("الوزير", "SPEAKER"),
        ("الوضع مستقر تماما و لا خوف منه", "QUOTE"),
    ]
    probs[7, QUOTE_LABELS.index("B-QUOTE")] = 0.95  # a B- starts a new quote
    spans = decode_quote_words(text, starts, ends, probs, QUOTE_LABELS)
    assert [text[s.start : s.end] for s in spans if s.label == "QUOTE"] == [
        "الوضع مستقر",
        "لا خوف منه",
    ]
