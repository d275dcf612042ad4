"""Score the attribution rules on gold articles, with gold entity aliases standing in for NER.

Usage: python -m models.attribution.evaluate_gold [GOLD.jsonl] [--details] [--events OUT.jsonl]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from models.attribution import analyze
from models.attribution.normalize import norm_phrase
from models.spans import Analysis, EntitySpan, TextSpan

DEFAULT_GOLD = Path(__file__).resolve().parents[3] / "shared" / "gold" / "dev.jsonl"
SCORER = DEFAULT_GOLD.parent.parent / "tools" / "score_events.py"
_PROCLITICS = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")


def gold_entity_spans(text: str, entities: list[dict[str, Any]]) -> list[EntitySpan]:
    """Every occurrence of every gold alias (longest first, no overlaps, proclitic stripped)."""
    found: list[tuple[int, int, str]] = []
    for ent in entities:
        label = ent.get("label", "MISC")
        aliases = {a for a in [ent.get("name"), *(ent.get("aliases") or [])] if a}
        bare_forms = {norm_phrase(a) for a in aliases}
        for alias in aliases:
            start = text.find(alias)
            while start >= 0:
                end = start + len(alias)
                before = text[start - 1] if start > 0 else " "
                after = text[end] if end < len(text) else " "
                if not before.isalpha() and not after.isalpha():
                    s = start
                    for p in _PROCLITICS:
                        rest = alias[len(p) :]
                        if alias.startswith(p) and (
                            norm_phrase(rest) in bare_forms
                            or (len(p) == 1 and rest.startswith("ال") and len(rest) > 4)
                        ):
                            s = start + len(p)
                            break
                    found.append((s, end, label))
                start = text.find(alias, start + 1)
    found.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
    taken: list[tuple[int, int]] = []
    spans: list[EntitySpan] = []
    for s, e, label in found:
        if any(a < e and s < b for a, b in taken):
            continue
        taken.append((s, e))
        spans.append(EntitySpan(s, e, label, 1.0))
    return sorted(spans, key=lambda x: x.start)


def _span_json(span: TextSpan | None) -> dict[str, Any] | None:
    return None if span is None else {"text": span.text, "start": span.start, "end": span.end}


def analysis_event(article_id: str, analysis: Analysis) -> dict[str, Any]:
    """An ``article.analyzed``-shaped event with the fields the scorer reads."""
    return {
        "article_id": article_id,
        "event_type": "article.analyzed",
        "entities": [
            {
                "id": e.id,
                "text": e.text,
                "label": e.label,
                "start": e.start,
                "end": e.end,
                "score": e.score,
                "name": e.name,
            }
            for e in analysis.entities
        ],
        "quotes": [
            {
                "id": q.id,
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "kind": q.kind,
                "score": q.score,
                "cue": _span_json(q.cue),
                "speaker": None
                if q.speaker is None
                else {
                    "name": q.speaker.name,
                    "label": q.speaker.label,
                    "entity_id": q.speaker.entity_id,
                    "mention": _span_json(q.speaker.mention),
                },
            }
            for q in analysis.quotes
        ],
    }


def write_events(gold_path: Path, out_path: Path) -> None:
    """Run ``analyze`` on every gold article and write the events JSONL."""
    with open(gold_path, encoding="utf-8") as fh, open(out_path, "w", encoding="utf-8") as out:
        for line in fh:
            if not line.strip():
                continue
            art = json.loads(line)
            text = art["text"]
            spans = gold_entity_spans(text, art.get("entities", []))
            event = analysis_event(str(art["id"]), analyze(text, spans))
            out.write(json.dumps(event, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    """Write events for the gold file and print the reference scorer's report."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--events", help="keep the events here (default: a temporary file)")
    ap.add_argument("--scorer", default=str(SCORER))
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        events = Path(args.events) if args.events else Path(tmp) / "events.jsonl"
        write_events(Path(args.gold), events)
        cmd = [sys.executable, args.scorer, args.gold, str(events)]
        if args.details:
            cmd.append("--details")
        return subprocess.call(cmd)


if __name__ == "__main__":
    raise SystemExit(main())
