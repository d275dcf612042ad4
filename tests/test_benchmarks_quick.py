"""Pure parts of the benchmark suite: FLOP counts, percentiles, targets, report, plot."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from benchmarks.gpu import span_agreement
from benchmarks.metrics import (
    Check,
    EncoderShape,
    checks_table,
    percentile,
    plot_results,
    render_report,
    sequence_flops,
    spread_pct,
    total_flops,
)
from models.spans import EntitySpan

BERT_BASE = EncoderShape(layers=12, hidden=768, intermediate=3072, labels=9)


def test_flops_bert_base_matches_the_usual_estimate() -> None:
    # 12 layers × (4·768² + 2·768·3072) ≈ 84.9 M matmul weights, + the classifier
    assert BERT_BASE.linear_params == 12 * (4 * 768 * 768 + 2 * 768 * 3072) + 768 * 9
    n = 128
    expected = n * (2 * BERT_BASE.linear_params + 4 * n * 768 * 12)
    assert sequence_flops(BERT_BASE, n) == expected
    assert total_flops(BERT_BASE, [n, n]) == 2 * expected
    assert 21e9 < sequence_flops(BERT_BASE, n) < 24e9  # ≈ 2·params·tokens plus attention


def test_flops_shape_from_config_and_quadratic_attention() -> None:
    config = SimpleNamespace(
        num_hidden_layers=4, hidden_size=256, intermediate_size=1024, num_labels=9
    )
    shape = EncoderShape.from_config(config)
    assert shape == EncoderShape(4, 256, 1024, 9)
    linear = 2 * shape.linear_params
    assert sequence_flops(shape, 2) - 2 * sequence_flops(shape, 1) == 2 * 4 * 256 * 4 * 1
    assert sequence_flops(shape, 1) == linear + 4 * 256 * 4


def test_percentile_interpolates() -> None:
    assert percentile([3, 1, 2], 50) == 2
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile(list(range(101)), 99) == 99
    assert percentile([5], 95) == 5
    with pytest.raises(ValueError):
        percentile([], 50)
    with pytest.raises(ValueError):
        percentile([1], 101)


def test_checks_say_by_how_much_a_target_is_missed() -> None:
    met = Check("ratio", 12.0, 10, "×")
    assert met.ok and met.verdict() == "met"
    slow = Check("ratio", 8.0, 10, "×")
    assert not slow.ok and slow.miss_pct == pytest.approx(20.0)
    assert slow.verdict() == "missed by 20 %"
    late = Check("p99", 3000, 2000, "ms", higher_is_better=False)
    assert late.verdict() == "missed by 50 %"
    assert late.as_dict()["ok"] is False
    assert spread_pct([100, 110, 120]) == pytest.approx(20.0)
    lossy = Check("ΔF1 torch/int8", -0.67, -0.5, "points", gate=True)
    assert lossy.verdict() == "0.17 points past the limit: not used"
    assert Check("ΔF1 torch/bf16", -0.08, -0.5, "points", gate=True).verdict() == "within the limit"
    assert "| ➖ 0.17 points past the limit: not used |" in checks_table([lossy])


def test_span_agreement() -> None:
    a = [[EntitySpan(0, 3, "PER", 0.9)], []]
    assert span_agreement(a, a) == 1.0
    assert span_agreement([[]], [[]]) == 1.0
    b = [[EntitySpan(0, 3, "PER", 0.5), EntitySpan(5, 7, "LOC", 0.8)], []]
    assert span_agreement(a, b) == 0.5


def _results() -> dict:
    run = {
        "name": "small",
        "params_m": 5.0,
        "articles": 10,
        "articles_per_s": 20.0,
        "tokens_per_s": 8000,
        "gflops_per_s": 40.0,
        "utilisation_pct": 30.0,
    }
    return {
        "environment": {
            "date": "2026-11-29",
            "machine": "test, 2 cores",
            "threads": 2,
            "articles_source": "SaudiNewsNet",
            "model": "m",
            "quick": True,
        },
        "hardware": {"matmul_gflops": 130.0, "sizes": [512]},
        "model_only": {
            "articles_per_batch": 64,
            "max_tokens_per_batch": 8192,
            "runs": [run, {**run, "name": "base", "articles_per_s": 1.0}],
        },
        "variants": [
            {
                "mode": "none",
                "articles_per_s": 20.0,
                "tokens_per_s": 8000,
                "speedup": 1.0,
                "f1": 0.8,
                "f1_delta": 0.0,
            },
            {
                "mode": "int8",
                "articles_per_s": 30.0,
                "tokens_per_s": 12000,
                "speedup": 1.5,
                "f1": 0.798,
                "f1_delta": -0.002,
            },
        ],
        "end_to_end": {
            "runs": [
                {
                    "articles": n,
                    "articles_per_s": 16.0,
                    "ms_per_article": 62.5,
                    "wall_s": 9.0,
                    "rss_mb": 900,
                }
                for n in (10, 20)
            ],
            "reference": 20,
        },
        "latency": {
            "articles": 5,
            "rate_per_s": 8.0,
            "p50_ms": 300,
            "p95_ms": 500,
            "p99_ms": 600,
            "max_ms": 610,
            "rss_mb": 800,
            "samples_ms": [200, 300, 400, 500, 610],
        },
        "by_length": {
            "buckets": [
                {
                    "bucket": b,
                    "articles": 3,
                    "mean_chars": c,
                    "ms_per_article": c / 10,
                    "ms_per_kchar": 100.0,
                }
                for b, c in (("short", 500), ("medium", 1000), ("long", 2000))
            ]
        },
    }


def test_report_and_plot(tmp_path: Path) -> None:
    results = _results()
    checks = [
        Check("model speed vs BERT-base size", 20.0, 10, "×"),
        Check("p99", 600, 2000, "ms", higher_is_better=False),
    ]
    report = render_report(results, checks)
    assert "| model speed vs BERT-base size | 20.00× | ≥ 10.00× | ✅ met |" in report
    assert "p99 600 ms" in report and "quick mode" in report
    assert "| int8 | 12,000 | 1.50× | 79.80 | -0.20 |" in report
    plot_results(results, tmp_path / "plot.png")
    assert (tmp_path / "plot.png").stat().st_size > 10_000
