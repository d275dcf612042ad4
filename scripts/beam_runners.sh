#!/usr/bin/env bash
# Beam runner artifacts, kept out of git under .beam/, at the installed Beam SDK's version.
#
# Usage: scripts/beam_runners.sh {prism|flink-jar|spark-jar}
#   prism      build Prism (Beam's portable local runner) from Beam's Go module into .beam/bin/
#              (go install github.com/apache/beam/sdks/v2/go/cmd/prism@vVERSION)
#   flink-jar  fetch org.apache.beam:beam-runners-flink-$FLINK_VERSION-job-server:VERSION
#              from Maven Central into .beam/jars/
#   spark-jar  fetch org.apache.beam:beam-runners-spark-3-job-server:VERSION into .beam/jars/
#
# Environment:
#   FLINK_VERSION  Flink minor version of the job server (default 1.20; must match a real
#                  cluster's; Beam 2.77 publishes 1.19, 1.20, 2.0, 2.1, 2.2)
#   PYTHON         interpreter with apache-beam, default .venv/bin/python
#   MAVEN_REPO     local Maven repository, default ~/.m2/repository
set -euo pipefail

REPO_ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
PYTHON="${PYTHON:-$REPO_ROOT/.venv/bin/python}"
MAVEN_REPO="${MAVEN_REPO:-$HOME/.m2/repository}"
FLINK_VERSION="${FLINK_VERSION:-1.20}"
BEAM_VERSION="$("$PYTHON" -c 'from importlib.metadata import version; print(version("apache-beam"))')"

fetch_jar() {
  local artifact="$1"
  local target="$REPO_ROOT/.beam/jars/$artifact-$BEAM_VERSION.jar"
  if [[ -s "$target" ]]; then
    echo "$target"
    return 0
  fi
  mkdir -p "$REPO_ROOT/.beam/jars"
  mvn -q dependency:get -Dtransitive=false \
    -Dartifact="org.apache.beam:$artifact:$BEAM_VERSION" -Dmaven.repo.local="$MAVEN_REPO"
  cp "$MAVEN_REPO/org/apache/beam/$artifact/$BEAM_VERSION/$artifact-$BEAM_VERSION.jar" "$target"
  echo "$target"
}

case "${1:-}" in
  prism)
    target="$REPO_ROOT/.beam/bin/prism"
    if [[ ! -x "$target" || "$(cat "$target.version" 2>/dev/null)" != "$BEAM_VERSION" ]]; then
      mkdir -p "$REPO_ROOT/.beam/bin"
      GOBIN="$REPO_ROOT/.beam/bin" go install \
        "github.com/apache/beam/sdks/v2/go/cmd/prism@v$BEAM_VERSION"
      echo "$BEAM_VERSION" > "$target.version"
    fi
    echo "$target"
    ;;
  flink-jar) fetch_jar "beam-runners-flink-$FLINK_VERSION-job-server" ;;
  spark-jar) fetch_jar "beam-runners-spark-3-job-server" ;;
  *)
    echo "usage: $0 {prism|flink-jar|spark-jar}" >&2
    exit 2
    ;;
esac
