"""A periodic status line from the sink: what came in, what went out, lag and latency.

Beam metrics (``arabic_news_pipeline`` counters) are only visible to a runner's monitoring;
this line makes the same figures readable in the worker's log. It never contains article
text or client settings, only counts, error types, offsets and milliseconds.
"""

from __future__ import annotations

import logging
import math
import random
import time
from collections import Counter
from collections.abc import Callable

from pipeline.events import OutputRecord

LOG = logging.getLogger(__name__)
_MAX_SAMPLES = 10_000


def percentile(samples: list[int], fraction: float) -> int | None:
    """Nearest-rank percentile of ``samples`` (None when there are none)."""
    if not samples:
        return None
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), math.ceil(fraction * len(ordered))))
    return ordered[rank - 1]


class StatusLog:
    """Counts output records and reports them every ``interval_s`` seconds.

    ``articles`` counts answered inputs: one ``article.analyzed`` event or one dead letter
    each. Latency is Kafka message timestamp → written, over article events of the interval.
    """

    def __init__(
        self,
        interval_s: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
        now_ms: Callable[[], int] = lambda: int(time.time() * 1000),
    ) -> None:
        self.interval_s = interval_s
        self._clock = clock
        self._now_ms = now_ms
        self._last = clock()
        self.events = 0
        self.quotes = 0
        self.dead_letters: Counter[str] = Counter()
        self._latencies: list[int] = []
        self._latency_seen = 0

    @property
    def articles(self) -> int:
        return self.events + sum(self.dead_letters.values())

    def observe(self, record: OutputRecord) -> None:
        """Count one record handed to the producer."""
        if record.stream == "events":
            self.events += 1
            if record.origin.timestamp is not None:
                self._sample(max(0, self._now_ms() - record.origin.timestamp))
        elif record.stream == "quotes":
            self.quotes += 1
        else:
            self.dead_letters[record.error_type or "unknown"] += 1

    def _sample(self, latency_ms: int) -> None:
        # Reservoir sampling keeps the memory of a busy interval bounded.
        self._latency_seen += 1
        if len(self._latencies) < _MAX_SAMPLES:
            self._latencies.append(latency_ms)
        else:
            slot = random.randrange(self._latency_seen)
            if slot < _MAX_SAMPLES:
                self._latencies[slot] = latency_ms

    def due(self) -> bool:
        return self.interval_s > 0 and self._clock() - self._last >= self.interval_s

    def line(self, lag: int | None) -> str:
        """The status line (totals since start, latency of the interval); starts a new interval."""
        letters = ",".join(f"{k}:{v}" for k, v in sorted(self.dead_letters.items())) or "-"
        p50 = percentile(self._latencies, 0.50)
        p95 = percentile(self._latencies, 0.95)
        text = (
            f"status: articles={self.articles} events={self.events} quotes={self.quotes} "
            f"dead_letters={sum(self.dead_letters.values())} ({letters}) "
            f"lag={'?' if lag is None else lag} "
            f"latency_ms_p50={'-' if p50 is None else p50} "
            f"latency_ms_p95={'-' if p95 is None else p95}"
        )
        self._last = self._clock()
        self._latencies = []
        self._latency_seen = 0
        return text

    def log(self, lag: int | None) -> None:
        LOG.info("%s", self.line(lag))
