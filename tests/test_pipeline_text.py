"""Windowing keeps offsets, respects sentences and covers every character."""

import itertools

import pytest

from pipeline.text import sentence_spans, split_windows


def covers(text: str, windows) -> bool:
    joined = "".join(w.text for w in windows)
    return joined == text and all(text[w.start : w.start + len(w.text)] == w.text for w in windows)


def test_sentences_cover_text_without_gaps() -> None:
    text = "قال بوتين. وأضاف أن روسيا؟ نعم\nسطر جديد"
    spans = sentence_spans(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert text[slice(*spans[0])] == "قال بوتين. "


def test_windows_pack_whole_sentences() -> None:
    sentence = "جملة قصيرة هنا. "
    text = sentence * 10
    windows = split_windows(text, max_chars=len(sentence) * 3)
    assert covers(text, windows)
    assert all(len(w.text) <= len(sentence) * 3 for w in windows)
    assert all(w.text.endswith(". ") for w in windows)
    assert len(windows) == 4


@pytest.mark.parametrize("max_chars", [2, 7, 50, 1500])
def test_long_sentence_without_punctuation_is_cut_at_spaces(max_chars: int) -> None:
    text = " ".join(["كلمة"] * 5000)  # one 25,000-character sentence
    windows = split_windows(text, max_chars)
    assert covers(text, windows)
    assert all(len(w.text) <= max_chars for w in windows)


def test_text_without_spaces_is_cut_hard() -> None:
    text = "ب" * 1001
    windows = split_windows(text, 100)
    assert covers(text, windows)
    assert [len(w.text) for w in windows] == [100] * 10 + [1]


def test_empty_text_has_no_windows() -> None:
    assert split_windows("", 10) == []
