"""Pure helpers of the benchmark: FLOP counts, percentiles, targets, the table and the plot."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class EncoderShape:
    """The sizes of a BERT-style token classifier that determine its FLOPs."""

    layers: int
    hidden: int
    intermediate: int
    labels: int

    @classmethod
    def from_config(cls, config: Any) -> EncoderShape:
        """From a Hugging Face ``BertConfig``-like object."""
        return cls(
            layers=int(config.num_hidden_layers),
            hidden=int(config.hidden_size),
            intermediate=int(config.intermediate_size),
            labels=int(config.num_labels),
        )

    @property
    def linear_params(self) -> int:
        """Weights of the matmuls one token goes through (Q, K, V, O, FFN in/out, classifier)."""
        h, f = self.hidden, self.intermediate
        return self.layers * (4 * h * h + 2 * h * f) + h * self.labels


def sequence_flops(shape: EncoderShape, length: int) -> int:
    """Forward FLOPs of one unpadded sequence of ``length`` tokens.

    Linear layers: 2 FLOPs per weight per token. Attention: ``Q·Kᵀ`` and ``A·V`` are each
    ``2·length·hidden`` per token per layer, i.e. ``4·length·hidden`` per token per layer.
    Embeddings, layer norms, softmax and biases are left out (lookups and O(hidden) work).
    """
    per_token = 2 * shape.linear_params + 4 * length * shape.hidden * shape.layers
    return length * per_token


def total_flops(shape: EncoderShape, lengths: Iterable[int]) -> int:
    """Forward FLOPs of a set of sequences (one per model window)."""
    return sum(sequence_flops(shape, n) for n in lengths)


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0–100) with linear interpolation between closest ranks."""
    if not values:
        raise ValueError("percentile of an empty sequence")
    if not 0 <= q <= 100:
        raise ValueError("q must be within [0, 100]")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass(frozen=True, slots=True)
class Check:
    """One measured figure against its target, or (``gate``) against the limit that decides
    whether a variant may be used (int8 may not lose more than 0.5 F1 points)."""

    name: str
    value: float
    target: float
    unit: str
    higher_is_better: bool = True
    gate: bool = False

    @property
    def ok(self) -> bool:
        """Whether the target is met."""
        if self.higher_is_better:
            return self.value >= self.target
        return self.value <= self.target

    @property
    def miss_pct(self) -> float:
        """How far the value falls short of the target, in % of the target (0 when met)."""
        if self.ok or self.target == 0:
            return 0.0
        return abs(self.value - self.target) / abs(self.target) * 100

    def verdict(self) -> str:
        """``met`` or ``missed by N %``; for a gate, whether the variant passes it."""
        if self.gate:
            if self.ok:
                return "within the limit"
            return f"{_fmt(abs(self.value - self.target), self.unit)} past the limit: not used"
        return "met" if self.ok else f"missed by {self.miss_pct:.0f} %"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form including the verdict."""
        return {**asdict(self), "ok": self.ok, "miss_pct": round(self.miss_pct, 1)}


def spread_pct(values: Sequence[float]) -> float:
    """``(max − min) / min`` in %: how flat a set of per-unit costs is."""
    low = min(values)
    return (max(values) - low) / low * 100 if low > 0 else math.inf


def _fmt(value: float, unit: str) -> str:
    if unit == "%":
        return f"{value:.1f} %"
    if unit == "×":
        return f"{value:.2f}×"
    if abs(value) >= 100:
        return f"{value:,.0f} {unit}".strip()
    return f"{value:.3g} {unit}".strip()


def checks_table(checks: Sequence[Check]) -> str:
    """Markdown table: figure, value, target, verdict."""
    rows = ["| figure | measured | target | verdict |", "| --- | --- | --- | --- |"]
    for c in checks:
        sign = "≥" if c.higher_is_better else "≤"
        rows.append(
            f"| {c.name} | {_fmt(c.value, c.unit)} | {sign} {_fmt(c.target, c.unit)} "
            f"| {('✅ ' if c.ok else '➖ ' if c.gate else '❌ ') + c.verdict()} |"
        )
    return "\n".join(rows)


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A plain markdown table (numbers formatted with thousands separators)."""

    def cell(v: Any) -> str:
        if isinstance(v, float):
            return f"{v:,.0f}" if abs(v) >= 100 else f"{v:.3g}"
        if isinstance(v, int):
            return f"{v:,}"
        return str(v)

    lines = ["| " + " | ".join(headers) + " |", "|" + " --- |" * len(headers)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def render_report(results: Mapping[str, Any], checks: Sequence[Check]) -> str:
    """The markdown report of one benchmark run."""
    env = results["environment"]
    out = [
        f"Measured {env['date']} on {env['machine']} ({env['threads']} torch threads), "
        f"{env['articles_source']}; model `{env['model']}`"
        + (" — **quick mode, not representative**" if env.get("quick") else "")
        + ".",
        "",
        checks_table(checks),
        "",
    ]
    mo = results["model_only"]
    out += [
        "**Model only** (`Tagger.predict` on the pipeline's windows, batches of "
        f"{mo['articles_per_batch']} articles, token budget {mo['max_tokens_per_batch']}):",
        "",
        markdown_table(
            [
                "model",
                "params (M)",
                "articles",
                "articles/s",
                "tokens/s",
                "GFLOP/s",
                "of fp32 peak",
            ],
            [
                (
                    r["name"],
                    f"{r['params_m']:.1f}",
                    r["articles"],
                    r["articles_per_s"],
                    r["tokens_per_s"],
                    f"{r['gflops_per_s']:.1f}",
                    f"{r['utilisation_pct']:.1f} %",
                )
                for r in mo["runs"]
            ],
        ),
        "",
        f"Hardware ceiling: fp32 matmul {results['hardware']['matmul_gflops']:.1f} GFLOP/s "
        f"(square matrices of sizes {results['hardware']['sizes']}, best). FLOPs are counted "
        "from the config (2 per weight per token + 4·seq·hidden per layer per token for "
        "attention); int8 runtimes use integer kernels whose peak is above the fp32 one.",
        "",
    ]
    if results.get("variants"):
        out += [
            "**Runtime and precision variants** (`model.runtime`/`model.quantize`, model only, "
            "same articles; ANERcorp dev F1):",
            "",
            markdown_table(
                ["runtime/quantize", "tokens/s", "speed-up", "F1", "ΔF1 (points)"],
                [
                    (
                        v["mode"],
                        v["tokens_per_s"],
                        f"{v['speedup']:.2f}×",
                        "–" if v["f1"] is None else f"{v['f1'] * 100:.2f}",
                        "–" if v["f1_delta"] is None else f"{v['f1_delta'] * 100:+.2f}",
                    )
                    for v in results["variants"]
                ],
            ),
            "",
        ]
    e2e = results["end_to_end"]
    out += [
        "**End to end** (Kafka → `python -m pipeline stream --bounded` → Kafka, fresh topics; "
        "rate between the first and the last output event):",
        "",
        markdown_table(
            [
                "articles",
                "mean chars",
                "articles/s",
                "ms/article",
                "wall incl. start (s)",
                "peak RSS (MB)",
            ],
            [
                (
                    r["articles"],
                    r.get("mean_chars", "–"),
                    r["articles_per_s"],
                    r["ms_per_article"],
                    r["wall_s"],
                    r["rss_mb"],
                )
                for r in e2e["runs"]
            ],
        ),
        "",
    ]
    lat = results.get("latency")
    if lat:
        out += [
            f"**Latency** (unbounded `python -m pipeline stream`, {lat['articles']} articles at "
            f"{lat['rate_per_s']:.2f}/s = half the measured maximum; output broker timestamp − "
            f"input timestamp): p50 {lat['p50_ms']:,.0f} ms, p95 {lat['p95_ms']:,.0f} ms, "
            f"p99 {lat['p99_ms']:,.0f} ms, max {lat['max_ms']:,.0f} ms; peak RSS "
            f"{lat['rss_mb']:,.0f} MB.",
            "",
        ]
    lengths = results["by_length"]
    out += [
        "**By article length** (model only, articles in length terciles):",
        "",
        markdown_table(
            ["bucket", "articles", "mean chars", "ms/article", "ms per 1k chars"],
            [
                (
                    b["bucket"],
                    b["articles"],
                    b["mean_chars"],
                    b["ms_per_article"],
                    b["ms_per_kchar"],
                )
                for b in lengths["buckets"]
            ],
        ),
        "",
    ]
    return "\n".join(out)


def plot_results(results: Mapping[str, Any], path: Path) -> None:
    """Four panels: throughput, scaling, length, latency."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(2, 2, figsize=(11, 8))
    ax = axes[0][0]
    bars = [(r["name"], r["articles_per_s"]) for r in results["model_only"]["runs"]]
    bars += [(f"{v['mode']} (model)", v["articles_per_s"]) for v in results.get("variants", [])]
    e2e = results["end_to_end"]["runs"]
    if e2e:
        ref = min(e2e, key=lambda r: abs(r["articles"] - results["end_to_end"]["reference"]))
        bars.append(("end to end", ref["articles_per_s"]))
    ax.barh([b[0] for b in bars], [b[1] for b in bars], color="tab:blue")
    ax.set_xlabel("articles / s")
    ax.set_xscale("log")
    ax.set_title("Throughput")
    ax = axes[0][1]
    ax.plot([r["articles"] for r in e2e], [r["ms_per_article"] for r in e2e], "o-")
    ax.set_xlabel("articles in the run")
    ax.set_ylabel("ms / article (end to end)")
    ax.set_ylim(bottom=0)
    ax.set_title("Scaling with run size")
    ax = axes[1][0]
    buckets = results["by_length"]["buckets"]
    ax.plot([b["mean_chars"] for b in buckets], [b["ms_per_article"] for b in buckets], "o-")
    ax.set_xlabel("mean article length (chars)")
    ax.set_ylabel("ms / article (model only)")
    ax.set_xlim(left=0)
    ax.set_ylim(bottom=0)
    ax.set_title("Cost by article length")
    ax = axes[1][1]
    lat = results.get("latency")
    if lat and lat.get("samples_ms"):
        ax.hist([v / 1000 for v in lat["samples_ms"]], bins=40, color="tab:green")
        for q in ("p50", "p95", "p99"):
            ax.axvline(lat[f"{q}_ms"] / 1000, ls="--", color="k", lw=0.8)
            ax.text(lat[f"{q}_ms"] / 1000, ax.get_ylim()[1] * 0.9, q, rotation=90)
        ax.set_xlabel("produce → event latency (s)")
        ax.set_title(f"Latency at {lat['rate_per_s']:.2f} articles/s")
    else:
        ax.set_axis_off()
    env = results["environment"]
    fig.suptitle(f"{env['model']} on {env['machine']}, {env['date']}")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
