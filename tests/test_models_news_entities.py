"""Hand-annotated news articles become tagged NER training sentences."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from models.news_entities import annotated_sentences, mention_spans, read_annotations, tag_text

TEXT = (
    "قمة في موسكو\nوقال الرئيس فلاديمير بوتين إن روسيا تدعم سوريا."
    " وأضاف بوتين أن الموقف الروسي ثابت."
)
ENTITIES = [
    {"name": "فلاديمير بوتين", "label": "PER", "aliases": ["فلاديمير بوتين", "وأضاف بوتين"]},
    {"name": "روسيا", "label": "LOC", "aliases": ["روسيا"]},
    {"name": "سوريا", "label": "LOC", "aliases": ["سوريا"]},
    {"name": "موسكو", "label": "LOC", "aliases": ["موسكو"]},
    {"name": "معرض", "label": "MISC", "aliases": ["قمة"]},
]


def tagged(sentences: list) -> list[list[tuple[str, str]]]:
    return [[(w, t) for w, t in zip(s.tokens, s.tags, strict=True) if t != "O"] for s in sentences]


def test_aliases_are_found_as_whole_words_after_proclitics() -> None:
    text = "زار وبوتين لروسيا ثم مصري مصر"
    ents = [
        {"name": "بوتين", "label": "PER", "aliases": []},
        {"name": "روسيا", "label": "LOC", "aliases": []},
        {"name": "مصر", "label": "LOC", "aliases": []},
    ]
    found = [(text[s:e], label) for s, e, label in mention_spans(text, ents)]
    # a proclitic may precede a name; a name may not run into a longer word (مصري)
    assert found == [("بوتين", "PER"), ("روسيا", "LOC"), ("مصر", "LOC")]
    assert mention_spans("البوتين", ents) == []  # ال is no proclitic here


def test_longest_alias_wins_an_overlap() -> None:
    text = "قالت وزارة الخارجية الروسية إن"
    ents = [
        {"name": "وزارة الخارجية الروسية", "label": "ORG", "aliases": []},
        {"name": "الخارجية", "label": "ORG", "aliases": []},
    ]
    assert [text[s:e] for s, e, _ in mention_spans(text, ents)] == ["وزارة الخارجية الروسية"]


def test_tag_text_tags_bio_per_sentence_and_line() -> None:
    sentences = tag_text(TEXT, mention_spans(TEXT, ENTITIES))
    assert [s.tokens[0] for s in sentences] == ["قمة", "وقال", "وأضاف"]
    assert tagged(sentences) == [
        [("موسكو", "B-LOC")],
        [("فلاديمير", "B-PER"), ("بوتين", "I-PER"), ("روسيا", "B-LOC"), ("سوريا", "B-LOC")],
        # an alias that swallowed its verb still tags every word it covers
        [("وأضاف", "B-PER"), ("بوتين", "I-PER")],
    ]
    assert sentences[1].tokens[-1] == "."  # punctuation is a token of its own, as in ANERcorp


def test_adjacent_entities_each_start_with_b() -> None:
    text = "روسيا سوريا"
    sentences = tag_text(text, mention_spans(text, ENTITIES))
    assert sentences[0].tags == ["B-LOC", "B-LOC"]


def write_archive(directory: Path, articles: list[dict]) -> None:
    directory.mkdir()
    with zipfile.ZipFile(directory / "2015-07-21.zip", "w") as zf:
        zf.writestr("2015-07-21.json", json.dumps(articles, ensure_ascii=False))


def test_annotated_sentences_read_the_article_by_url(tmp_path: Path) -> None:
    title, content = TEXT.split("\n")
    write_archive(
        tmp_path / "snn",
        [{"url": "a", "title": "خبر", "content": "لا شيء هنا"},
         {"url": "b", "title": title, "content": content}],
    )  # fmt: skip
    path = tmp_path / "ann.jsonl"
    path.write_text(json.dumps({"url": "b", "entities": ENTITIES}, ensure_ascii=False) + "\n")
    sentences = list(annotated_sentences(read_annotations(path), tmp_path / "snn"))
    assert tagged(sentences) == tagged(tag_text(TEXT, mention_spans(TEXT, ENTITIES)))

    with pytest.raises(KeyError, match="not in the archive"):
        list(annotated_sentences([{"url": "zzz", "entities": []}], tmp_path / "snn"))


def test_shipped_annotations_are_all_in_the_archive() -> None:
    from models.corpus import default_data_dir
    from models.news_entities import ANNOTATIONS_FILE

    archive = default_data_dir() / "saudinewsnet"
    if not archive.exists():
        pytest.skip("SaudiNewsNet is not at the configured data path")
    records = read_annotations(ANNOTATIONS_FILE)
    sentences = list(annotated_sentences(records, archive))
    assert len(records) >= 100
    assert sum(t.startswith("B-") for s in sentences for t in s.tags) > 20 * len(records)
