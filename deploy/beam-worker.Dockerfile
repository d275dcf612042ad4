# Worker image for running the pipeline on a Flink or Spark cluster or on Dataflow: Beam's
# Python SDK container at the pipeline's Beam and Python versions, plus this project's
# requirements, code and model under /opt/arabic-news (the path configs/flink.yaml,
# configs/spark.yaml and configs/dataflow.yaml name). Not built on the development machine.
#
# Build from the repository root once the model exists in models/arabic-news-small/:
#   docker build -f deploy/beam-worker.Dockerfile -t REGISTRY/arabic-news-beam-worker:0.1.0 .
#   docker push REGISTRY/arabic-news-beam-worker:0.1.0
#
# The launcher (`python -m pipeline ...`) hashes the model weights into the model version, so
# it needs the same model at the same path: run it from this image too, e.g.
#   docker run --rm --entrypoint python REGISTRY/arabic-news-beam-worker:0.1.0 \
#     -m pipeline reprocess --config configs/dataflow.yaml --input 'gs://…/*.zip' --output gs://…
FROM apache/beam_python3.11_sdk:2.77.0

WORKDIR /opt/arabic-news
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY pipeline/ pipeline/
COPY models/ models/
COPY schemas/ schemas/
COPY configs/ configs/
ENV PYTHONPATH=/opt/arabic-news
# The SDK harness entrypoint (/opt/apache/beam/boot) of the base image stays as it is.
