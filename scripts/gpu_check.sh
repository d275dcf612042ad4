#!/usr/bin/env bash
# GPU check (run it on a machine with an NVIDIA GPU): the CUDA path gives the same entities as
# the CPU on a sample of SaudiNewsNet articles, and GPU throughput of the shipped model and of
# the BERT-base-sized reference. Fails clearly (exit 2) without CUDA.
#   bash scripts/gpu_check.sh [--model DIR] [--data-dir DIR] [--articles 64] [--speed-articles 1000]
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PY:-.venv/bin/python}"
[ -x "$PY" ] || PY=python3
if ! "$PY" -c 'import torch, sys; sys.exit(0 if torch.cuda.is_available() else 1)'; then
    echo "gpu_check: no CUDA device visible to torch ($("$PY" -c 'import torch; print(torch.__version__)'))" >&2
    exit 2
fi
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader || true
exec "$PY" -m benchmarks.gpu "$@"
