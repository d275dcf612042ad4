"""Helpers shared by the training scripts: devices, seeding, RNG state, LR schedule, timing,
half-precision checkpoints."""

from __future__ import annotations

import contextlib
import copy
import logging
import random
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import torch
from transformers import PreTrainedModel


def resolve_device(device: str) -> torch.device:
    """``auto`` → cuda when available, else cpu."""
    if device == "auto":
        device = "cuda" if torch.cuda.is_available() else "cpu"
    return torch.device(device)


def cpu_bf16_supported() -> bool:
    """Whether oneDNN has native bf16 kernels on this CPU (e.g. AVX512-BF16, AMX)."""
    return torch.backends.mkldnn.is_available() and torch.ops.mkldnn._is_mkldnn_bf16_supported()


def use_bf16(device: torch.device, precision: str) -> bool:
    """``auto``: bf16 on CUDA and on CPUs with native bf16, else fp32."""
    if precision == "auto":
        return device.type == "cuda" or cpu_bf16_supported()
    return precision == "bf16"


def autocast(device: torch.device, bf16: bool = True) -> contextlib.AbstractContextManager[Any]:
    """bf16 autocast when ``bf16`` (CUDA by default), otherwise a no-op."""
    if bf16 and (device.type == "cuda" or device.type == "cpu"):
        return torch.autocast(device.type, dtype=torch.bfloat16)
    return contextlib.nullcontext()


def save_half_precision(model: PreTrainedModel, out: str | Path) -> None:
    """``save_pretrained`` with float16 weights: half the size, and loaders that pass
    ``dtype=torch.float32`` (as :class:`models.tagger.Tagger` does) get the same predictions."""
    copy.deepcopy(model).to(torch.float16).save_pretrained(out)


def seed_everything(seed: int) -> None:
    """Seed Python and torch RNGs."""
    random.seed(seed)
    torch.manual_seed(seed)


def rng_state() -> dict[str, Any]:
    """Snapshot of the Python and torch RNG states (for resumable checkpoints)."""
    state: dict[str, Any] = {"python": random.getstate(), "torch": torch.get_rng_state()}
    if torch.cuda.is_available():
        state["cuda"] = torch.cuda.get_rng_state_all()
    return state


def set_rng_state(state: dict[str, Any]) -> None:
    """Restore a snapshot taken by :func:`rng_state`."""
    random.setstate(state["python"])
    torch.set_rng_state(state["torch"])
    if "cuda" in state and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(state["cuda"])


class Clock:
    """Wall-clock time accumulated over resumed runs, with a budget and a checkpoint interval."""

    def __init__(self, elapsed: float, budget_min: float | None, every_min: float) -> None:
        self.start = time.monotonic() - elapsed
        self.budget = budget_min * 60 if budget_min else None
        self.every = every_min * 60
        self.last_save = time.monotonic()

    @property
    def elapsed(self) -> float:
        """Seconds used so far, including earlier runs."""
        return time.monotonic() - self.start

    def progress(self) -> float:
        """Fraction of the time budget used (0 without a budget)."""
        return self.elapsed / self.budget if self.budget else 0.0

    def out_of_time(self) -> bool:
        """Whether the budget is used up."""
        return self.budget is not None and self.elapsed >= self.budget

    def checkpoint_due(self) -> bool:
        """True once every ``every_min`` minutes (resets the timer)."""
        if time.monotonic() - self.last_save >= self.every:
            self.last_save = time.monotonic()
            return True
        return False


def lr_factor(step: int, max_steps: int, warmup_steps: int, clock: Clock) -> float:
    """Linear warmup, then linear decay to 0 over whichever ends first: steps or time budget."""
    warm = min(1.0, (step + 1) / max(1, warmup_steps))
    progress = max(step / max(1, max_steps), clock.progress())
    return warm * max(0.0, 1.0 - progress)


def weight_decay_groups(model: torch.nn.Module, weight_decay: float) -> list[dict[str, Any]]:
    """AdamW parameter groups: no weight decay on biases and LayerNorm weights."""
    no_decay = ("bias", "LayerNorm.weight")
    named = list(model.named_parameters())
    return [
        {"params": [t for n, t in named if not n.endswith(no_decay)], "weight_decay": weight_decay},
        {"params": [t for n, t in named if n.endswith(no_decay)], "weight_decay": 0.0},
    ]


def set_lr(optimizer: torch.optim.Optimizer, lr: float) -> None:
    """Set the learning rate of every parameter group."""
    for group in optimizer.param_groups:
        group["lr"] = lr


def batches(n: int, batch_size: int, generator: torch.Generator) -> Iterator[torch.Tensor]:
    """Shuffled index batches over ``range(n)``."""
    perm = torch.randperm(n, generator=generator)
    for i in range(0, n, batch_size):
        yield perm[i : i + batch_size]


def start_run(threads: int, seed: int, device: str, precision: str) -> tuple[torch.device, bool]:
    """What every training script does first: logging, threads, seeds; returns the device and
    whether to use bf16 autocast."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    torch.set_num_threads(threads)
    seed_everything(seed)
    resolved = resolve_device(device)
    return resolved, use_bf16(resolved, precision)
