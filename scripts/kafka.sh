#!/usr/bin/env bash
# Local single-node Apache Kafka (KRaft, broker+controller) on loopback for development and CI.
#
# Usage: scripts/kafka.sh {fetch|up|down|status}
#   fetch   download the broker jars (kafka/pom.xml) into .kafka/libs once
#   up      start the broker and wait until it serves metadata; no-op if it already runs.
#           With KAFKA_BOOTSTRAP_SERVERS set, only wait for that external cluster.
#   down    stop the broker started by `up` (never touches an external cluster)
#   status  print whether the broker runs (exit 0) or not (exit 3)
#
# Environment:
#   KAFKA_BOOTSTRAP_SERVERS   external cluster to use instead of a local broker
#   KAFKA_CLIENT_CONFIG_JSON  extra kafka-python admin settings (JSON) for the readiness check
#   KAFKA_PORT                client (PLAINTEXT) port, default 9092
#   KAFKA_CONTROLLER_PORT     KRaft controller port, default 9093
#   KAFKA_SASL_PORT           SASL_PLAINTEXT (PLAIN) listener port, default 9094; 0 = none.
#                             User "pipeline"; its password is generated once into
#                             .kafka/sasl/pipeline.password (mode 600, never committed).
#                             `up` restarts a running broker whose listeners differ.
#   KAFKA_READY_TIMEOUT       seconds to wait for readiness, default 90
#   KAFKA_STOP_TIMEOUT        seconds to wait after SIGTERM before SIGKILL, default 30
#   KAFKA_HEAP_OPTS           JVM heap flags, default "-Xms256m -Xmx768m"
#   PYTHON                    interpreter with kafka-python, default .venv/bin/python
set -euo pipefail

REPO_ROOT="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
KAFKA_DIR="$REPO_ROOT/.kafka"
LIBS_DIR="$KAFKA_DIR/libs"
LIBS_MARKER="$LIBS_DIR/.fetched"
DATA_DIR="$KAFKA_DIR/data"
PROPS_FILE="$KAFKA_DIR/server.properties"
LOG4J_FILE="$KAFKA_DIR/log4j2.xml"
LOG_FILE="$KAFKA_DIR/broker.log"
PID_FILE="$KAFKA_DIR/broker.pid"
POM_FILE="$REPO_ROOT/kafka/pom.xml"

HOST=127.0.0.1
PORT="${KAFKA_PORT:-9092}"
CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
SASL_PORT="${KAFKA_SASL_PORT:-9094}"
SASL_DIR="$KAFKA_DIR/sasl"
SASL_USER=pipeline
READY_TIMEOUT="${KAFKA_READY_TIMEOUT:-90}"
STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-30}"
HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m}"
# shellcheck disable=SC2206  # HEAP_OPTS is a whitespace-separated list of JVM flags
JAVA_OPTS=($HEAP_OPTS -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true
    "-Dlog4j2.configurationFile=$KAFKA_DIR/log4j2.xml")
PYTHON="${PYTHON:-$REPO_ROOT/.venv/bin/python}"

log() { printf 'kafka.sh: %s\n' "$*"; }
die() { printf 'kafka.sh: error: %s\n' "$*" >&2; exit 1; }

# Serialise concurrent invocations (e.g. parallel CI steps) on one lock file.
acquire_lock() {
    mkdir -p "$KAFKA_DIR"
    if command -v flock >/dev/null 2>&1; then
        exec 9>"$KAFKA_DIR/.lock"
        flock -w 300 9 || die "timed out waiting for $KAFKA_DIR/.lock"
    fi
}

pom_digest() { sha256sum "$POM_FILE" | cut -d' ' -f1; }

cmd_fetch() {
    [[ -f "$POM_FILE" ]] || die "missing $POM_FILE"
    local digest
    digest="$(pom_digest)"
    if [[ -f "$LIBS_MARKER" && "$(cat "$LIBS_MARKER")" == "$digest" ]]; then
        return 0
    fi
    command -v mvn >/dev/null 2>&1 || die "mvn not found; install Maven to fetch the Kafka jars"
    command -v java >/dev/null 2>&1 || die "java not found; Kafka 4.x needs Java 17+"
    log "fetching Kafka jars into $LIBS_DIR ..."
    local tmp="$KAFKA_DIR/libs.tmp"
    rm -rf "$tmp"
    mvn -q -B -Dstyle.color=never -f "$POM_FILE" dependency:copy-dependencies \
        -DoutputDirectory="$tmp" -DincludeScope=runtime \
        || die "mvn dependency:copy-dependencies failed"
    compgen -G "$tmp/kafka_2.13-*.jar" >/dev/null || die "kafka_2.13 jar missing after fetch"
    rm -rf "$LIBS_DIR"
    mv "$tmp" "$LIBS_DIR"
    printf '%s\n' "$digest" >"$LIBS_MARKER"
    log "fetched $(find "$LIBS_DIR" -name '*.jar' | wc -l) jars"
}

port_open() { # host port
    # shellcheck disable=SC2016  # $1/$2 expand in the child shell
    timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" >/dev/null 2>&1
}

# True if $1 is a live process running kafka.Kafka with our server.properties.
is_our_broker() {
    local pid="$1" cmdline
    [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
    cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
    [[ "$cmdline" == *" kafka.Kafka $PROPS_FILE"* ]]
}

# Pid of our running broker (from the pid file, else found in /proc), or empty.
our_broker_pid() {
    local pid=""
    [[ -f "$PID_FILE" ]] && pid="$(cat "$PID_FILE" 2>/dev/null || true)"
    if is_our_broker "$pid"; then
        printf '%s\n' "$pid"
        return 0
    fi
    local entry
    for entry in /proc/[0-9]*; do
        pid="${entry#/proc/}"
        if is_our_broker "$pid"; then
            printf '%s\n' "$pid" >"$PID_FILE"
            printf '%s\n' "$pid"
            return 0
        fi
    done
    return 0
}

# Client port in the server.properties our running broker was started with.
configured_port() {
    sed -n 's|^listeners=PLAINTEXT://[^,]*:\([0-9]*\),.*|\1|p' "$PROPS_FILE" 2>/dev/null || true
}

PROBE_ERROR=""
# One metadata round trip with kafka-python; exit status 0 when the cluster answers, else the
# reason is left in PROBE_ERROR.
kafka_answers() { # bootstrap_servers timeout_s
    PROBE_ERROR="$("$PYTHON" - "$1" "$2" <<'PY' 2>/dev/null
import json
import logging
import os
import sys

logging.disable(logging.CRITICAL)
try:
    from kafka.admin import KafkaAdminClient

    timeout_ms = int(float(sys.argv[2]) * 1000)
    config = {"bootstrap_timeout_ms": timeout_ms, "request_timeout_ms": timeout_ms}
    config.update(json.loads(os.environ.get("KAFKA_CLIENT_CONFIG_JSON") or "{}"))
    admin = KafkaAdminClient(bootstrap_servers=sys.argv[1], **config)
    try:
        admin.list_topics()
    finally:
        admin.close()
except Exception as exc:  # noqa: BLE001 - reported to the shell
    name = type(exc).__name__
    print(exc if str(exc).startswith(name) else f"{name}: {exc}")
    sys.exit(1)
PY
)"
}

check_python() {
    [[ -x "$PYTHON" ]] || die "python interpreter $PYTHON not found (set PYTHON=...)"
    "$PYTHON" -c 'import kafka' 2>/dev/null || die "$PYTHON cannot import kafka (kafka-python)"
}

wait_external() {
    check_python
    local deadline=$((SECONDS + READY_TIMEOUT))
    log "KAFKA_BOOTSTRAP_SERVERS=$KAFKA_BOOTSTRAP_SERVERS: using the external cluster"
    until kafka_answers "$KAFKA_BOOTSTRAP_SERVERS" 5; do
        ((SECONDS < deadline)) || die "external Kafka at $KAFKA_BOOTSTRAP_SERVERS did not answer \
within ${READY_TIMEOUT}s (${PROBE_ERROR:-no error text}); check the address, and \
KAFKA_CLIENT_CONFIG_JSON for TLS/SASL settings"
        sleep 2
    done
    log "Kafka ready at $KAFKA_BOOTSTRAP_SERVERS (external)"
}

# The SASL user's password: generated once, readable by the owner only.
sasl_password() {
    local file="$SASL_DIR/$SASL_USER.password"
    if [[ ! -s "$file" ]]; then
        (umask 077 && mkdir -p "$SASL_DIR" \
            && head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32 >"$file")
    fi
    cat "$file"
}

# server.properties on stdout (contains the SASL password: written with mode 600).
render_config() {
    local listeners="PLAINTEXT://$HOST:$PORT" protocols="CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"
    if [[ "$SASL_PORT" != 0 ]]; then
        listeners+=",SASL_PLAINTEXT://$HOST:$SASL_PORT"
        protocols+=",SASL_PLAINTEXT:SASL_PLAINTEXT"
    fi
    cat <<EOF
# Generated by scripts/kafka.sh; edits are overwritten on every 'up'.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=$HOST:$CONTROLLER_PORT
listeners=$listeners,CONTROLLER://$HOST:$CONTROLLER_PORT
advertised.listeners=$listeners,CONTROLLER://$HOST:$CONTROLLER_PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=$protocols
log.dirs=$DATA_DIR
num.partitions=3
default.replication.factor=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=2
num.recovery.threads.per.data.dir=1
log.retention.hours=168
log.segment.bytes=134217728
log.retention.check.interval.ms=300000
EOF
    if [[ "$SASL_PORT" != 0 ]]; then
        cat <<EOF
sasl.enabled.mechanisms=PLAIN
listener.name.sasl_plaintext.plain.sasl.jaas.config=\
org.apache.kafka.common.security.plain.PlainLoginModule required user_$SASL_USER="$(sasl_password)";
EOF
    fi
}

write_config() {
    mkdir -p "$DATA_DIR"
    (umask 077 && render_config >"$PROPS_FILE.tmp")
    mv -f "$PROPS_FILE.tmp" "$PROPS_FILE"
    cat >"$LOG4J_FILE" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by scripts/kafka.sh. Console output is redirected to .kafka/broker.log. -->
<Configuration status="WARN">
  <Appenders>
    <Console name="stdout" target="SYSTEM_OUT">
      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
    </Console>
  </Appenders>
  <Loggers>
    <!-- WARN by default; INFO only for server lifecycle (startup, listeners, shutdown). -->
    <Root level="WARN"><AppenderRef ref="stdout"/></Root>
    <Logger name="kafka.server.KafkaRaftServer" level="INFO"/>
    <Logger name="kafka.server.SharedServer" level="INFO"/>
    <Logger name="kafka.server.BrokerServer" level="INFO"/>
    <Logger name="kafka.server.ControllerServer" level="INFO"/>
    <Logger name="kafka.network.SocketServer" level="INFO"/>
  </Loggers>
</Configuration>
EOF
}

java_cmd() { # main-class args...
    java "${JAVA_OPTS[@]}" -cp "$LIBS_DIR/*" "$@" 9>&-
}

format_storage() {
    [[ -f "$DATA_DIR/meta.properties" ]] && return 0
    local cluster_id
    cluster_id="$(java_cmd kafka.tools.StorageTool random-uuid 2>>"$LOG_FILE" | tail -n1)"
    [[ -n "$cluster_id" ]] || die "could not generate a cluster id (see $LOG_FILE)"
    log "formatting $DATA_DIR (cluster id $cluster_id)"
    java_cmd kafka.tools.StorageTool format -t "$cluster_id" -c "$PROPS_FILE" --standalone \
        >>"$LOG_FILE" 2>&1 || { tail -n 30 "$LOG_FILE" >&2; die "storage format failed"; }
    printf '%s\n' "$cluster_id" >"$KAFKA_DIR/cluster.id"
}

wait_ready() { # pid
    local pid="$1" deadline=$((SECONDS + READY_TIMEOUT))
    while ((SECONDS < deadline)); do
        if ! kill -0 "$pid" 2>/dev/null; then
            log "broker process $pid exited; last lines of $LOG_FILE:" >&2
            tail -n 40 "$LOG_FILE" >&2 || true
            rm -f "$PID_FILE"
            die "Kafka failed to start"
        fi
        if port_open "$HOST" "$PORT" && kafka_answers "$HOST:$PORT" 5; then
            log "Kafka ready at $HOST:$PORT"
            return 0
        fi
        sleep 1
    done
    log "last probe error: ${PROBE_ERROR:-none}; last lines of $LOG_FILE:" >&2
    tail -n 40 "$LOG_FILE" >&2 || true
    die "Kafka (pid $pid) not ready within ${READY_TIMEOUT}s; stop it with: $0 down"
}

cmd_up() {
    if [[ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ]]; then
        wait_external
        return 0
    fi
    acquire_lock
    check_python
    local pid
    pid="$(our_broker_pid)"
    if [[ -n "$pid" ]]; then
        local running_port
        running_port="$(configured_port)"
        if [[ -n "$running_port" && "$running_port" != "$PORT" ]]; then
            die "our broker (pid $pid) already runs on port $running_port, not $PORT; \
run '$0 down' first"
        fi
        if render_config | cmp -s - "$PROPS_FILE"; then
            if port_open "$HOST" "$PORT"; then
                log "Kafka already running (pid $pid) at $HOST:$PORT"
            else
                log "Kafka (pid $pid) is starting; waiting"
            fi
            wait_ready "$pid"
            return 0
        fi
        log "the broker configuration changed (listeners: KAFKA_SASL_PORT=$SASL_PORT); restarting"
        stop_broker "$pid"
    fi
    rm -f "$PID_FILE"
    local p
    for p in "$PORT" "$CONTROLLER_PORT" $([[ "$SASL_PORT" != 0 ]] && echo "$SASL_PORT"); do
        if port_open "$HOST" "$p"; then
            die "port $HOST:$p is in use by another process (not our broker); stop it, or set \
KAFKA_PORT/KAFKA_CONTROLLER_PORT, or point KAFKA_BOOTSTRAP_SERVERS at an existing cluster"
        fi
    done
    command -v java >/dev/null 2>&1 || die "java not found; Kafka 4.x needs Java 17+"
    cmd_fetch
    write_config
    [[ -f "$LOG_FILE" ]] && mv -f "$LOG_FILE" "$LOG_FILE.1"
    : >"$LOG_FILE"
    format_storage
    log "starting Kafka on $HOST:$PORT (controller $HOST:$CONTROLLER_PORT), log: $LOG_FILE"
    local launcher=()
    command -v setsid >/dev/null 2>&1 && launcher=(setsid)
    # setsid/nohup exec in place (this shell has no job control), so $! is the JVM's pid.
    # fd 9 (the lock) is closed so the long-lived broker does not keep holding it.
    "${launcher[@]}" nohup java "${JAVA_OPTS[@]}" -cp "$LIBS_DIR/*" kafka.Kafka "$PROPS_FILE" \
        >>"$LOG_FILE" 2>&1 </dev/null 9>&- &
    pid=$!
    printf '%s\n' "$pid" >"$PID_FILE"
    wait_ready "$pid"
}

cmd_down() {
    if [[ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ]]; then
        log "KAFKA_BOOTSTRAP_SERVERS is set: external cluster, nothing to stop"
        return 0
    fi
    acquire_lock
    local pid
    pid="$(our_broker_pid)"
    if [[ -z "$pid" ]]; then
        rm -f "$PID_FILE"
        log "Kafka not running"
        return 0
    fi
    stop_broker "$pid"
}

stop_broker() { # pid
    local pid="$1"
    log "stopping Kafka (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + STOP_TIMEOUT))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "Kafka did not stop within ${STOP_TIMEOUT}s; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
    fi
    rm -f "$PID_FILE"
    log "Kafka stopped"
}

cmd_status() {
    if [[ -n "${KAFKA_BOOTSTRAP_SERVERS:-}" ]]; then
        check_python
        if kafka_answers "$KAFKA_BOOTSTRAP_SERVERS" 5; then
            log "external Kafka at $KAFKA_BOOTSTRAP_SERVERS: running"
            return 0
        fi
        log "external Kafka at $KAFKA_BOOTSTRAP_SERVERS: not reachable"
        return 3
    fi
    local pid
    pid="$(our_broker_pid)"
    if [[ -n "$pid" ]]; then
        local port
        port="$(configured_port)"
        port="${port:-$PORT}"
        if port_open "$HOST" "$port"; then
            log "running (pid $pid) at $HOST:$port"
        else
            log "running (pid $pid), port $HOST:$port not answering yet"
        fi
        return 0
    fi
    log "not running"
    return 3
}

case "${1:-}" in
    fetch) acquire_lock; cmd_fetch; log "jars ready in $LIBS_DIR" ;;
    up) cmd_up ;;
    down) cmd_down ;;
    status) cmd_status ;;
    *) printf 'usage: %s {fetch|up|down|status}\n' "$0" >&2; exit 2 ;;
esac
