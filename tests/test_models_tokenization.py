"""Arabic normalisation and offsets of the fast tokenizer (offline, tiny tokenizer)."""

from __future__ import annotations

import pytest

from models.arabic import arabic_normalizer, arabic_pre_tokenizer, normalize_text
from models.train_tokenizer import train_tokenizer

CORPUS = [
    "قال الرئيس الروسي بوتين ان روسيا مستعدة للحوار مع امريكا",
    "وصل الامير الى لندن يوم 12 مارس، في زيارة رسمية",
    "اعلن اتحاد صناعة السيارات في المانيا ان الشركات تواجه عاما صعبا",
] * 20


@pytest.fixture(scope="module")
def tokenizer():
    tok, _ = train_tokenizer(CORPUS, vocab_size=300)
    return tok


def test_normalizer_unifies_letters_and_drops_marks() -> None:
    norm = arabic_normalizer()
    assert norm.normalize_str("أإآٱ") == "اااا"
    assert norm.normalize_str("مصطفى") == "مصطفي"
    assert norm.normalize_str("بوتيـــن") == "بوتين"
    assert norm.normalize_str("قَالَ الرَّئِيسُ") == "قال الرئيس"
    assert norm.normalize_str("مدرسة") == "مدرسة"  # ta marbuta is kept
    assert normalize_text("إنَّ ألمانيا") == "ان المانيا"


def test_pre_tokenizer_splits_arabic_punctuation_and_digits() -> None:
    words = [w for w, _ in arabic_pre_tokenizer().pre_tokenize_str("«لندن»، عام2015؟ نعم؛")]
    assert words == ["«", "لندن", "»", "،", "عام", "2015", "؟", "نعم", "؛"]


def test_offsets_point_into_original_text(tokenizer) -> None:
    text = "قَالَ الرئيسُ بوتيـــن: إنّ «روسيا» مستعدة"
    enc = tokenizer(text, return_offsets_mapping=True)
    word_ids = enc.word_ids()
    pieces: dict[int, list[tuple[int, int]]] = {}
    for w, (a, b) in zip(word_ids, enc["offset_mapping"], strict=True):
        if w is not None:
            pieces.setdefault(w, []).append((a, b))
    words = [text[v[0][0] : v[-1][1]] for _, v in sorted(pieces.items())]
    # Offsets cover original characters (inner diacritics and tatweel included); a trailing
    # mark removed by normalisation is outside the last token.
    assert words == ["قَال", "الرئيس", "بوتيـــن", ":", "إن", "«", "روسيا", "»", "مستعدة"]


def test_tokenizer_roundtrip(tmp_path, tokenizer) -> None:
    from transformers import AutoTokenizer

    tokenizer.save_pretrained(tmp_path)
    loaded = AutoTokenizer.from_pretrained(tmp_path)
    text = "أعلنَ بوتين"
    assert loaded(text)["input_ids"] == tokenizer(text)["input_ids"]
    assert loaded.convert_ids_to_tokens(loaded(text)["input_ids"])[0] == "[CLS]"
    assert {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"} <= set(loaded.get_vocab())
