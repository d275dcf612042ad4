"""Progress of long batch runs: running counts from the workers, rate and ETA, final summary.

Workers count the output records they see (:class:`ProgressFn`, placed before the sink) and
leave their running totals in small JSON files in a local directory, at most once a second.
:class:`ProgressMonitor`, a thread beside the pipeline, sums them every few seconds and logs
``done/total, rate, ETA``. This works for every runner whose workers share this machine
(DirectRunner in-process or multi-process, Prism and Flink with ``LOOPBACK``); elsewhere the
runner's own metrics show the Beam counters. :func:`count_input_records` gives the total
cheaply for local files so that an ETA can be shown.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import threading
import time
import uuid
import zipfile
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

import apache_beam as beam
from apache_beam.io.filesystems import FileSystems

from pipeline.events import OutputRecord

LOG = logging.getLogger("pipeline.progress")


@dataclass
class Counts:
    """Output records seen: one event or one dead letter per input article."""

    events: int = 0
    quotes: int = 0
    dead_letters: Counter[str] = field(default_factory=Counter)

    @property
    def articles(self) -> int:
        return self.events + sum(self.dead_letters.values())

    def add(self, other: Counts) -> None:
        self.events += other.events
        self.quotes += other.quotes
        self.dead_letters.update(other.dead_letters)

    def to_json(self) -> dict[str, Any]:
        return {
            "events": self.events,
            "quotes": self.quotes,
            "dead_letters": dict(sorted(self.dead_letters.items())),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Counts:
        return cls(
            int(data.get("events", 0)),
            int(data.get("quotes", 0)),
            Counter({str(k): int(v) for k, v in (data.get("dead_letters") or {}).items()}),
        )


class ProgressFn(beam.DoFn):
    """Passes output records through, keeping this worker's running counts in ``directory``."""

    def __init__(self, directory: str, write_interval_s: float = 1.0) -> None:
        self._directory = directory
        self._interval_s = write_interval_s

    def setup(self) -> None:
        self._counts = Counts()
        self._path = Path(self._directory) / f"{os.getpid()}-{uuid.uuid4().hex[:8]}.json"
        self._last = 0.0

    def _write(self) -> None:
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self._path.with_suffix(".tmp")
            tmp.write_text(json.dumps(self._counts.to_json()), encoding="utf-8")
            tmp.replace(self._path)
        except OSError as exc:  # progress must never fail the pipeline
            LOG.debug("progress file not written: %s", exc)
        self._last = time.monotonic()

    def process(self, record: OutputRecord) -> Iterator[OutputRecord]:
        if record.stream == "events":
            self._counts.events += 1
        elif record.stream == "quotes":
            self._counts.quotes += 1
        else:
            self._counts.dead_letters[record.error_type or "unknown"] += 1
        if time.monotonic() - self._last >= self._interval_s:
            self._write()
        yield record

    def finish_bundle(self) -> None:
        self._write()


def read_counts(directory: str | Path) -> Counts:
    """The sum of the counts the workers left in ``directory``."""
    total = Counts()
    for path in Path(directory).glob("*.json"):
        try:
            total.add(Counts.from_json(json.loads(path.read_text(encoding="utf-8"))))
        except (OSError, ValueError):
            continue  # being replaced right now; the next poll sees it
    return total


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}h{rest // 60:02d}m" if hours else f"{rest // 60}m{rest % 60:02d}s"


def progress_line(done: int, total: int | None, elapsed_s: float) -> str:
    """``done[/total (pct)] articles, rate[, ETA]``."""
    rate = done / elapsed_s if elapsed_s > 0 else 0.0
    text = f"progress: {done}"
    if total:
        text += f"/{total} articles ({100.0 * done / total:.1f}%)"
    else:
        text += " articles"
    text += f", {rate:.1f} articles/s, elapsed {_duration(elapsed_s)}"
    if total and rate > 0 and done < total:
        text += f", ETA {_duration((total - done) / rate)}"
    return text


class ProgressMonitor:
    """Logs a progress line every ``interval_s`` seconds while the pipeline runs."""

    def __init__(self, directory: str | Path, total: int | None, interval_s: float = 10.0) -> None:
        self.directory = Path(directory)
        self.total = total
        self.interval_s = interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="progress", daemon=True)
        self._started = time.monotonic()

    def __enter__(self) -> ProgressMonitor:
        self._started = time.monotonic()
        if self.interval_s > 0:
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            done = read_counts(self.directory).articles
            LOG.info("%s", progress_line(done, self.total, time.monotonic() - self._started))


def _count_json(raw: bytes) -> int:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return 1  # one dead letter
    return len(data) if isinstance(data, list) else 1


def _count_file(path: str) -> int:
    name = PurePath(path).name
    if name.endswith(".zip"):
        with zipfile.ZipFile(path) as archive:
            return sum(
                _count_json(archive.read(member))
                for member in archive.namelist()
                if member.endswith(".json")
            )
    opener = gzip.open if name.endswith(".gz") else open
    with opener(path, "rb") as handle:
        if name.endswith((".json", ".json.gz")):
            return _count_json(handle.read())
        return sum(1 for line in handle if line.strip())


def count_input_records(pattern: str) -> int | None:
    """How many records ``ReadArticleFiles(pattern)`` will read; None for non-local files."""
    if "://" in pattern:
        return None  # counting would read remote archives twice
    total = 0
    for metadata in FileSystems.match([pattern])[0].metadata_list:
        if os.path.isfile(metadata.path):
            total += _count_file(metadata.path)
    return total
