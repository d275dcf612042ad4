"""Known names: the archive's consistently tagged names found again where the tagger misses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.known_names import KNOWN_NAMES_FILE, KnownNames, collect, main, select
from models.lexicon import Lexicon
from models.spans import EntitySpan
from models.tagger import Tagger
from pipeline.config import ModelConfig

SHIPPED = Path(__file__).resolve().parents[1] / "models" / "arabic-news-small"


def _span(text: str, part: str, label: str) -> EntitySpan:
    start = text.index(part)
    return EntitySpan(start, start + len(part), label, 0.9)


def _texts(spans: list[EntitySpan], text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in spans]


def test_an_untagged_known_name_becomes_a_mention() -> None:
    names = KnownNames({("برنامج", "الاغذيه", "العالمي"): "ORG"})
    text = "وقالت المتحدثة باسم برنامج الأغذية العالمي إن المساعدات وصلت."
    assert _texts(names.add_to(text, []), text) == [("برنامج الأغذية العالمي", "ORG")]


def test_a_proclitic_is_left_out_only_where_the_tagger_would_strip_it() -> None:
    lexicon = Lexicon({"العراق": 5000, "والعراق": 300, "بريده": 900, "ريده": 20})
    names = KnownNames({("العراق",): "LOC", ("ريده",): "LOC"}, lexicon)
    text = "زار الوفد سوريا والعراق ثم عاد إلى بريدة."
    assert _texts(names.add_to(text, []), text) == [("العراق", "LOC")]  # not ب + ريدة


def test_a_mention_inside_a_known_name_is_widened_and_one_across_its_edge_is_kept() -> None:
    names = KnownNames({("دار", "الافتاء", "المصريه"): "ORG", ("البنك", "الاهلي"): "ORG"})
    text = "وأعلنت دار الإفتاء المصرية أن البنك الأهلي التجاري لم يرد."
    inside = _span(text, "دار الإفتاء", "ORG")
    across = _span(text, "الأهلي التجاري", "ORG")
    out = _texts(names.add_to(text, [inside, across]), text)
    assert out == [("دار الإفتاء المصرية", "ORG"), ("الأهلي التجاري", "ORG")]


def test_a_name_already_tagged_is_not_added_again() -> None:
    names = KnownNames({("موسكو",): "LOC"})
    text = "وصل الرئيس إلى موسكو."
    tagged = [_span(text, "موسكو", "LOC")]
    assert names.add_to(text, tagged) == tagged


def _archive() -> tuple[list[dict], dict[str, str]]:
    """Six articles: names tagged in some and left untagged in others."""
    texts = {
        "a1": "قال مختار الرحبي إن الوضع تحسن في سوريا والعراق.",
        "a2": "وأكد مختار الرحبي أن المقاومة تقدمت في العراق وأن الفتح فاز.",
        "a3": "وأضاف مختار الرحبي أن عدن آمنة وأن الفتح بخير.",
        "a4": "وأوضح مختار الرحبي أن الفتح يتقدم وأن أحمد عاد.",
        "a5": "ورأى مختار الرحبي أن الوضع مستقر وأن الفتح قريب وأن أحمد غادر.",
        "a6": "قال أحمد إن الفتح قريب وإن أحمد هنا.",
    }
    tagged = {
        "a1": [("مختار الرحبي", "PER"), ("سوريا", "LOC"), ("والعراق", "LOC")],
        "a2": [("مختار الرحبي", "PER"), ("العراق", "LOC")],
        "a3": [("مختار الرحبي", "PER"), ("عدن", "LOC"), ("الفتح", "ORG")],
        "a4": [("الفتح", "ORG"), ("أحمد", "PER")],
        "a5": [("مختار الرحبي", "PER"), ("الفتح", "ORG"), ("أحمد", "PER")],
        "a6": [("أحمد", "PER"), ("الفتح", "LOC")],
    }
    events = []
    for aid, mentions in tagged.items():
        text = texts[aid]
        entities = []
        for part, label in mentions:
            start = text.index(part)
            entities.append(
                {"text": part, "label": label, "start": start, "end": start + len(part)}
            )
        events.append({"event_type": "article.analyzed", "article_id": aid, "entities": entities})
    return events, texts


def test_collect_counts_articles_labels_and_tagged_share_of_free_occurrences() -> None:
    events, texts = _archive()
    stats = collect(events, texts, Lexicon({"العراق": 100, "والعراق": 5}))
    rahbi = stats[("مختار", "الرحبي")]
    assert (len(rahbi.articles), rahbi.exact, rahbi.free) == (4, 4, 5)  # untagged in a4
    assert stats[("العراق",)].labels == {"LOC": 2}  # والعراق counted as العراق
    assert ("والعراق",) not in stats
    fath = stats[("الفتح",)]
    assert fath.labels == {"ORG": 3, "LOC": 1} and (fath.exact, fath.free) == (4, 5)


def test_select_needs_articles_one_label_a_tagged_majority_and_two_words_for_a_person() -> None:
    events, texts = _archive()
    stats = collect(events, texts)
    assert select(stats, 4, 0.9, 0.6) == {("مختار", "الرحبي"): "PER"}
    assert ("الفتح",) not in select(stats, 4, 0.9, 0.0)  # ORG 3 times, LOC once
    assert ("الفتح",) not in select(stats, 4, 0.7, 0.9)  # tagged at 4 of its 5 occurrences
    assert select(stats, 4, 0.7, 0.8)[("الفتح",)] == "ORG"
    assert ("احمد",) not in select(stats, 1, 0.5, 0.0)  # a given name alone names no one
    assert ("سوريا",) not in select(stats, 2, 0.9, 0.6)  # tagged in one article only


def test_build_writes_a_list_the_loader_reads(tmp_path: Path) -> None:
    events, texts = _archive()
    events_path, archive_path = tmp_path / "events.jsonl", tmp_path / "articles.jsonl"
    events_path.write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    archive_path.write_text(
        "".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in texts.items()),
        encoding="utf-8",
    )
    out = tmp_path / KNOWN_NAMES_FILE
    main(["--events", str(events_path), "--archive", str(archive_path), "--output", str(out)])
    assert KnownNames.load(out).names == {("مختار", "الرحبي"): "PER"}


@pytest.fixture(scope="module")
def taggers() -> tuple[Tagger, Tagger]:
    return tuple(  # type: ignore[return-value]
        Tagger.from_pretrained(SHIPPED, device="cpu", known_names=on) for on in (False, True)
    )


def test_the_shipped_list_finds_names_the_entity_model_misses(
    taggers: tuple[Tagger, Tagger],
) -> None:
    bare, with_names = taggers
    assert bare.known_names is None and with_names.known_names is not None
    assert len(with_names.known_names) > 1000
    text = "وقال مختار الرحبي إن الوضع في عدن في تحسن كبير."
    assert ("مختار الرحبي", "PER") not in _texts(bare.tag([text])[0].entities, text)
    assert ("مختار الرحبي", "PER") in _texts(with_names.tag([text])[0].entities, text)


def test_the_pipeline_uses_the_list_unless_configured_off() -> None:
    assert ModelConfig().known_names is True
