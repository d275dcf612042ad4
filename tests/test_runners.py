"""The same archive on other Beam runners gives the same events as the embedded DirectRunner.

Prism needs the binary built by ``make prism`` (``.beam/bin/prism``); Flink needs Beam's Flink
job server jar (``make flink-jar``, or ``FLINK_JOB_SERVER_JAR``) and runs on an embedded Flink
cluster (``--flink_master=[local]``). Both run the Python workers in this process (LOOPBACK).
A runner whose binary or jar is missing is skipped, saying what to build.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from apache_beam.options.pipeline_options import PipelineOptions, StandardOptions

from pipeline.config import REPO_ROOT, load_config
from pipeline.graph import pipeline_options
from tests.test_batch_reprocess import (
    MODEL_PATH,
    SNN_DAY,
    make_snn_zip,
    needs_model,
    read_outputs,
    without_volatile,
)

PRISM = REPO_ROOT / ".beam" / "bin" / "prism"


def flink_jar() -> Path | None:
    """``FLINK_JOB_SERVER_JAR``, else a job server jar fetched into ``.beam/jars``."""
    if os.environ.get("FLINK_JOB_SERVER_JAR"):
        return Path(os.environ["FLINK_JOB_SERVER_JAR"])
    jars = sorted((REPO_ROOT / ".beam" / "jars").glob("beam-runners-flink-*-job-server-*.jar"))
    return jars[-1] if jars else None


def runner_args(runner: str) -> list[str]:
    if runner == "PrismRunner":
        if not PRISM.exists():
            pytest.skip(f"no Prism binary at {PRISM} (make prism)")
        return [
            "--runner=PrismRunner",
            f"--prism_location={PRISM}",
            "--environment_type=LOOPBACK",
            "--prism_log_level=warn",
        ]
    jar = flink_jar()
    if jar is None or not jar.exists():
        pytest.skip("no Beam Flink job server jar (make flink-jar, or FLINK_JOB_SERVER_JAR)")
    return [
        "--runner=FlinkRunner",
        "--flink_master=[local]",
        f"--flink_job_server_jar={jar}",
        "--environment_type=LOOPBACK",
        "--parallelism=1",
    ]


@pytest.mark.parametrize("name", ["prism", "flink", "spark", "dataflow"])
def test_runner_configs_name_real_beam_options(name: str) -> None:
    config = load_config(REPO_ROOT / "configs" / f"{name}.yaml", env={})
    options = pipeline_options(config, streaming=False)
    known = PipelineOptions([]).get_all_options()
    assert set(config.runner.options) <= set(known), "unknown Beam option in the config"
    assert options.view_as(StandardOptions).runner == config.runner.name
    for key in {"prism_location", "flink_job_server_jar", "spark_job_server_jar"}:
        if key in config.runner.options:  # local files are resolved against the repository
            assert Path(options.get_all_options()[key]).is_relative_to(REPO_ROOT)


@needs_model
@pytest.mark.slow
@pytest.mark.parametrize("runner", ["PrismRunner", "FlinkRunner"])
def test_runner_gives_the_same_events_as_direct_runner(runner: str, tmp_path: Path) -> None:
    from pipeline.batch import run_reprocess

    args = runner_args(runner)
    archive = make_snn_zip(tmp_path / "2015-07-21.zip", {"2015-07-21": SNN_DAY})
    config = load_config(env={"PIPELINE_MODEL_PATH": str(MODEL_PATH), "PIPELINE_DEVICE": "cpu"})
    outputs = {}
    for name, extra in (("direct", []), (runner, args)):
        out = tmp_path / name / "events.jsonl"
        summary = run_reprocess(config, str(archive), str(out), beam_args=extra)
        outputs[name] = read_outputs(out)
        assert (summary.events, summary.articles) == (2, len(SNN_DAY))
    direct, other = outputs["direct"], outputs[runner]
    for stream in ("events", "quotes"):
        assert without_volatile(direct[stream], "processed_at") == without_volatile(
            other[stream], "processed_at"
        )
    assert sorted(d["error"]["type"] for d in other["dead_letter"]) == [
        "empty_text",
        "empty_text",
        "not_an_object",
    ]
