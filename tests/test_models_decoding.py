"""BIO decoding to character spans, proclitic stripping and long-text coverage of the Tagger."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from models.decoding import (
    EntityDecoding,
    LabelScheme,
    decode_distributions,
    decode_words,
    proclitic_length,
)
from models.lexicon import Lexicon
from models.spans import EntitySpan
from models.train_tokenizer import train_tokenizer

LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"]
SCHEME = LabelScheme.from_labels(LABELS)
# Counts as observed in the pre-training corpus.
LEXICON = Lexicon(
    {
        "بوتين": 312, "وبوتين": 11, "وتين": 3, "روسيا": 1330, "لروسيا": 122, "لندن": 1943,
        "لبنان": 1076, "بنان": 10, "ولبنان": 188, "كوك": 29, "بغداد": 693, "الرياض": 5000,
        "والرياض": 189, "تين": 40, "فيصل": 2295, "يصل": 1260, "كمال": 153, "مال": 130,
        "قال": 96514, "وقال": 61233, "زار": 2210, "الرئيس": 75321, "امس": 31842,
    }
)  # fmt: skip


def words_of(text: str) -> tuple[list[int], list[int]]:
    starts, ends, pos = [], [], 0
    for w in text.split(" "):
        starts.append(pos)
        ends.append(pos + len(w))
        pos += len(w) + 1
    return starts, ends


def decode(text: str, tags: list[str], lexicon: Lexicon | None = LEXICON) -> list[EntitySpan]:
    starts, ends = words_of(text)
    ids = [LABELS.index(t) for t in tags]
    return decode_words(text, starts, ends, ids, [0.9] * len(ids), SCHEME, lexicon)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("وبوتين", "بوتين"),
        ("لروسيا", "روسيا"),
        ("ولبنان", "لبنان"),
        ("وَبوتين", "بوتين"),
        ("بوتين", "بوتين"),
        ("لندن", "لندن"),
        ("لبنان", "لبنان"),
        ("كوك", "كوك"),
        ("بغداد", "بغداد"),
        ("فيصل", "فيصل"),
        ("كمال", "كمال"),
    ],
)
def test_proclitic_with_lexicon(word: str, expected: str) -> None:
    assert word[proclitic_length(word, LEXICON) :] == expected


def test_proclitic_fallback_without_lexicon() -> None:
    assert proclitic_length("والرياض", None) == 1
    assert proclitic_length("وبوتين", None) == 0
    assert proclitic_length("لروسيا", None) == 0


def test_bio_decoding_spans_and_scores() -> None:
    text = "التقى وبوتين مع وزير خارجية لروسيا في لندن"
    tags = ["O", "B-PER", "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-LOC"]
    spans = decode(text, tags)
    got = [(text[s.start : s.end], s.label) for s in spans]
    assert got == [("بوتين", "PER"), ("وزير خارجية لروسيا", "ORG"), ("لندن", "LOC")]
    assert all(abs(s.score - 0.9) < 1e-6 for s in spans)


def test_inside_without_begin_starts_entity_and_type_change_splits() -> None:
    text = "a b c d e"
    spans = decode(text, ["I-PER", "I-PER", "I-LOC", "O", "I-MISC"])
    assert [(text[s.start : s.end], s.label) for s in spans] == [
        ("a b", "PER"),
        ("c", "LOC"),
        ("e", "MISC"),
    ]


def test_trailing_diacritic_is_included() -> None:
    text = "زار بوتينُ"
    spans = decode_words(text, [0, 4], [3, 9], [0, 1], [0.5, 0.5], SCHEME, None)
    assert text[spans[0].start : spans[0].end] == "بوتينُ"


def test_label_map_for_foreign_schemes() -> None:
    scheme = LabelScheme.from_labels(
        ["O", "B-PERS", "I-PERS", "S-LOC", "B-DATE", "ORG"], {"PERS": "PER"}
    )
    assert scheme.types == ("", "PER", "PER", "LOC", "", "ORG")
    assert scheme.kinds == (0, 1, 2, 1, 0, 2)


@pytest.fixture(scope="module")
def tiny_tagger_parts():
    from transformers import BertConfig, BertForTokenClassification

    corpus = ["قال بوتين ان روسيا مستعدة للحوار مع امريكا في لندن"] * 10
    tok, _ = train_tokenizer(corpus, vocab_size=120)
    config = BertConfig(
        vocab_size=len(tok), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
        intermediate_size=32, max_position_embeddings=64, num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)), label2id={v: k for k, v in enumerate(LABELS)},
    )  # fmt: skip
    torch.manual_seed(0)
    return tok, BertForTokenClassification(config)


@pytest.mark.parametrize(("forced", "n_spans"), [("B-PER", 300), ("I-LOC", 1)])
def test_tagger_covers_long_text(tiny_tagger_parts, forced: str, n_spans: int) -> None:
    from models.tagger import Tagger

    tok, model = tiny_tagger_parts
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.zero_()
        model.classifier.bias[LABELS.index(forced)] = 10.0
    tagger = Tagger(tok, model, name="tiny", version="0", device="cpu", max_length=16)
    text = " ".join(["بوتين", "لندن", "روسيا"] * 100)
    short = "قال بوتين"
    spans, short_spans, empty = tagger.predict([text, short, ""], max_tokens_per_batch=64)
    assert tagger.count_tokens([short]) == [len(tok(short)["input_ids"])]
    assert len(spans) == n_spans
    assert spans[0].start == 0 and spans[-1].end == len(text)
    assert all(text[s.start : s.end].strip() == text[s.start : s.end] for s in spans)
    assert short_spans and short_spans[-1].end == len(short)
    assert empty == []


def test_merge_adjacent_same_type() -> None:
    text = "قال عمر كوناري في باريس لندن ولبنان"
    starts, ends = words_of(text)
    ids = [LABELS.index(t) for t in ["O", "B-PER", "B-PER", "O", "B-LOC", "B-LOC", "B-LOC"]]
    args = (text, starts, ends, ids, [0.8] * len(ids), SCHEME, LEXICON)
    assert len(decode_words(*args)) == 5
    merged = decode_words(*args, merge_adjacent=True)
    assert [text[s.start : s.end] for s in merged] == ["عمر كوناري", "باريس لندن", "لبنان"]


def distributions(rows: list[dict[str, float]]) -> np.ndarray:
    """Word × label probabilities; unspecified mass goes to O."""
    out = np.zeros((len(rows), len(LABELS)))
    for i, row in enumerate(rows):
        for label, p in row.items():
            out[i, LABELS.index(label)] = p
        out[i, 0] = 1.0 - sum(row.values())
    return out


def decode_dist(text: str, rows: list[dict[str, float]], **kw: float) -> list[tuple[str, str]]:
    starts, ends = words_of(text)
    spans = decode_distributions(
        text, starts, ends, distributions(rows), SCHEME, LEXICON, EntityDecoding(**kw)
    )
    return [(text[s.start : s.end], s.label) for s in spans]


def test_distribution_decoding_keeps_a_name_split_between_types_whole() -> None:
    # argmax reads LOC ORG: two entities; the I- mass says the second word continues the first
    rows = [{}, {"B-LOC": 0.6, "B-ORG": 0.3}, {"I-LOC": 0.35, "B-ORG": 0.1, "I-ORG": 0.45}, {}]
    text = "زار الولايات المتحدة امس"
    assert decode_dist(text, rows) == [("الولايات المتحدة", "LOC")]
    starts, ends = words_of(text)
    ids = distributions(rows).argmax(1).tolist()
    assert len(decode_words(text, starts, ends, ids, [0.5] * 4, SCHEME, LEXICON)) == 2


def test_distribution_decoding_thresholds() -> None:
    text = "قال بوتين في لندن"
    rows = [{}, {"B-PER": 0.45, "I-PER": 0.1}, {}, {"B-LOC": 0.3}]
    # P(O) of بوتين is 0.45, of لندن 0.7
    assert decode_dist(text, rows) == [("بوتين", "PER")]
    assert decode_dist(text, rows, outside_threshold=0.8) == [("بوتين", "PER"), ("لندن", "LOC")]
    assert decode_dist(text, rows, outside_threshold=0.8, min_score=0.5) == [("بوتين", "PER")]
    assert decode_dist(text, rows, min_score=0.6) == []


def test_distribution_decoding_merges_same_type_begins_but_not_proclitic_words() -> None:
    text = "في باريس لندن ولبنان"
    rows = [{}, {"B-LOC": 0.9}, {"B-LOC": 0.9}, {"B-LOC": 0.9}]
    assert decode_dist(text, rows) == [("باريس", "LOC"), ("لندن", "LOC"), ("لبنان", "LOC")]
    assert decode_dist(text, rows, merge_adjacent=True) == [("باريس لندن", "LOC"), ("لبنان", "LOC")]


def test_tagger_reads_the_checkpoint_decoding(tiny_tagger_parts) -> None:
    from models.tagger import Tagger

    tok, model = tiny_tagger_parts
    model.config.entity_decoding = {"outside_threshold": 0.7, "min_score": 0.0}
    try:
        tagger = Tagger(tok, model, name="tiny", version="0", device="cpu")
        assert tagger.entity_decoding == EntityDecoding(0.7, 0.0, False)
    finally:
        del model.config.entity_decoding
    assert Tagger(tok, model, name="tiny", version="0", device="cpu").entity_decoding is None


def test_windowed_evaluation_maps_spans_back_to_each_sentence(tiny_tagger_parts) -> None:
    from models.corpus import Sentence
    from models.evaluate import evaluate_ner, tag_in_windows
    from models.tagger import Tagger

    tok, model = tiny_tagger_parts
    with torch.no_grad():
        model.classifier.weight.zero_()
        model.classifier.bias.zero_()
        model.classifier.bias[LABELS.index("B-LOC")] = 10.0
    tagger = Tagger(tok, model, name="tiny", version="0", device="cpu")
    sentences = [
        Sentence(["قال", "بوتين"], ["O", "B-PER"]),
        Sentence(["في", "لندن"], ["O", "B-LOC"]),
        Sentence(["روسيا"], ["B-LOC"]),
    ]
    alone = tag_in_windows(tagger, sentences)
    windowed = tag_in_windows(tagger, sentences, window_chars=20)  # the first two together
    for sent, spans in zip(sentences, windowed, strict=True):
        text = " ".join(sent.tokens)
        assert [text[s.start : s.end] for s in spans] == sent.tokens
    assert [[(s.start, s.end) for s in x] for x in windowed] == [
        [(s.start, s.end) for s in x] for x in alone
    ]
    metrics = evaluate_ner(tagger, sentences, window_chars=20)
    assert metrics["window_chars"] == 20 and metrics["per_label"]["LOC"]["f1-score"] > 0


def test_a_rare_word_next_to_a_name_is_the_given_or_family_name_the_model_left_out() -> None:
    person = {"B-PER": 0.9}
    assert decode_dist("وقال برايان مايرز امس", [{}, {}, person, {}]) == [("برايان مايرز", "PER")]
    assert decode_dist("كتاب للصحفي كين", [{}, {}, person]) == [("كين", "PER")]
    # كرزاي is rare; يصل is a frequent word; الرئيس الأسد starts with ال; ولندن has a proclitic
    assert decode_dist("الرئيس حميد كرزاي امس", [{}, person, {}, {}]) == [("حميد كرزاي", "PER")]
    assert decode_dist("وقال فيصل يصل غدا", [{}, person, {}, {}]) == [("فيصل", "PER")]
    assert decode_dist("قال الأسد كرزاي", [{}, person, {}]) == [("الأسد", "PER")]
    assert decode_dist("زار فيصل ولندن", [{}, person, {}]) == [("فيصل", "PER")]
    assert decode_dist("زار فيصل حفله", [{}, person, {}]) == [("فيصل", "PER")]
    assert decode_dist("الرئيس حميد كرزاي امس", [{}, person, {}, {}], rare_name_count=0) == [
        ("حميد", "PER")
    ]


def test_a_rare_word_the_model_half_tags_next_to_a_name_joins_it_but_not_the_next_name() -> None:
    person = {"B-PER": 0.9}
    unsure = {"B-ORG": 0.12, "B-PER": 0.04}  # P(O) 0.84: inside at 0.85, too unsure to keep
    kept = {"outside_threshold": 0.85, "min_score": 0.8}
    assert decode_dist("الإسباني سيزار اسبيلكويتا في", [{}, person, unsure, {}], **kept) == [
        ("سيزار اسبيلكويتا", "PER")
    ]
    # وسيسك starts the next name: it is no family name of كوستا دييجو
    rows = [{}, person, {"I-PER": 0.9}, unsure, person, {}]
    assert decode_dist("وقال كوستا دييجو وسيسك فابريجاس امس", rows, **kept) == [
        ("كوستا دييجو", "PER"),
        ("وسيسك فابريجاس", "PER"),
    ]
