"""Quote, speaker and entity metrics of the real pipeline on gold-annotated articles.

The gold articles (``shared/gold/*.jsonl``: ``id``, ``text``, ``title``, ``quotes``,
``entities``) are turned into input messages, run through the same Beam graph as
``python -m pipeline reprocess`` and the resulting ``article.analyzed`` events are scored by
the reference scorer (``shared/tools/score_events.py``), so the figures are the scorer's own.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import apache_beam as beam

from pipeline.config import REPO_ROOT, load_config
from pipeline.file_io import output_paths
from pipeline.graph import build_reprocess_pipeline, pipeline_options

SHARED = REPO_ROOT.parent / "shared"
DEFAULT_GOLD = SHARED / "gold" / "dev.jsonl"
DEFAULT_SCORER = SHARED / "tools" / "score_events.py"
INPUT_FIELDS = ("id", "text", "title", "source", "url", "published_at", "lang")


def gold_to_inputs(gold_path: Path, inputs_path: Path) -> int:
    """Write the gold articles as input messages (JSONL); returns how many."""
    count = 0
    with gold_path.open(encoding="utf-8") as src, inputs_path.open("w", encoding="utf-8") as dst:
        for line in src:
            if line.strip():
                gold = json.loads(line)
                message = {k: gold[k] for k in INPUT_FIELDS if gold.get(k) is not None}
                dst.write(json.dumps(message, ensure_ascii=False) + "\n")
                count += 1
    return count


def run_pipeline(
    inputs_path: Path, events_path: Path, model_path: str | None, quote_head: bool = True
) -> None:
    """Reprocess the input file with the real pipeline, events to ``events_path``."""
    config = load_config(REPO_ROOT / "configs" / "local.yaml")
    if model_path:
        config.model.path = model_path
    config.model.quote_head = quote_head
    options = pipeline_options(config, streaming=False)
    with beam.Pipeline(options=options) as pipeline:
        build_reprocess_pipeline(pipeline, config, str(inputs_path), str(events_path))


def score(
    gold_path: Path, events_path: Path, scorer: Path, details: bool = False
) -> dict[str, Any]:
    """Run the reference scorer; print its table and return its final JSON line."""
    command = [sys.executable, str(scorer), str(gold_path), str(events_path)]
    if details:
        command.append("--details")
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    lines = result.stdout.rstrip().splitlines()
    print("\n".join(lines[:-1]))
    return json.loads(lines[-1])


def evaluate_quotes(
    gold_path: Path = DEFAULT_GOLD,
    model_path: str | None = None,
    scorer: Path = DEFAULT_SCORER,
    keep_events: Path | None = None,
    details: bool = False,
    quote_head: bool = True,
) -> dict[str, Any]:
    """Pipeline on the gold articles → reference scorer metrics."""
    if not scorer.exists():
        raise FileNotFoundError(f"reference scorer not found at {scorer} (use --scorer)")
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "gold-inputs.jsonl"
        gold_to_inputs(gold_path, inputs)
        events = keep_events or Path(tmp) / "events.jsonl"
        run_pipeline(inputs, events, model_path, quote_head)
        dead = Path(output_paths(str(events))["dead_letter"])
        if dead.exists() and dead.stat().st_size:
            print(f"warning: dead letters in {dead}", file=sys.stderr)
        return score(gold_path, events, scorer, details)
