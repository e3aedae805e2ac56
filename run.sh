#!/usr/bin/env bash
# The whole pipeline on one machine: scraper + the `all` Spark job (local mode) printing the tables + the dashboard.
#   ./run.sh            against the live forum
#   ./run.sh --demo     against the bundled forum simulator (started here, live posting)
# Ctrl-C stops everything; run it again and the stream continues: the scraper's log, seq and bookmarks live in
# ./data (JVC_DATA_DIR; or Redis when REDIS_URL is set), the Spark job's state in ./checkpoints. Delete both to
# start from nothing. Logs of the background processes go to ./logs/.
set -euo pipefail
cd "$(dirname "$0")"

DEMO=false
for arg in "$@"; do
  case "$arg" in
    --demo) DEMO=true ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option '$arg' (try --demo)" >&2; exit 2 ;;
  esac
done

SCRAPER_JAR=scraper-vertx/target/scraper-vertx.jar
SPARK_JAR=spark-analytics/target/spark-analytics.jar
SIM_JAR=forum-simulator/target/forum-simulator.jar
DASH_JAR=dashboard/target/dashboard.jar
if [[ ! -f $SCRAPER_JAR || ! -f $SPARK_JAR || ! -f $SIM_JAR || ! -f $DASH_JAR ]]; then
  echo "==> building the jars (first run only; ./mvnw -DskipTests package)"
  ./mvnw -B -q -DskipTests package
fi

mkdir -p logs
PIDS=()
cleanup() {
  trap - EXIT INT TERM
  echo; echo "==> stopping"
  # last started first (the Spark job, then the dashboard it publishes to, the scraper, the forum), each waited
  # for: a job stopping gracefully publishes its last reports, so the dashboard must still be there
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    kill "${PIDS[i]}" 2>/dev/null || true
    wait "${PIDS[i]}" 2>/dev/null || true
  done
}
trap cleanup EXIT INT TERM

wait_for_port() { # host port what
  for _ in $(seq 1 120); do
    if (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "run.sh: $3 did not open $1:$2 (see logs/)" >&2; exit 1
}

FORUM_URL="${JVC_FORUM_URL:-https://www.jeuxvideo.com/forums/0-51-0-1-0-1-0-blabla-18-25-ans.htm}"
DASH_DEMO_ARGS=()
SPARK_DEMO_ARGS=()
if $DEMO; then
  SIM_PORT="${SIM_PORT:-8089}"
  echo "==> forum simulator on http://127.0.0.1:$SIM_PORT/ (logs/simulator.log)"
  java -jar "$SIM_JAR" --port "$SIM_PORT" --rate "${SIM_RATE:-8}" >logs/simulator.log 2>&1 &
  PIDS+=($!)
  wait_for_port 127.0.0.1 "$SIM_PORT" "the simulator"
  FORUM_URL="http://127.0.0.1:$SIM_PORT/forums/0-51-0-1-0-1-0-blabla-18-25-ans.htm"
  # Offline: the sticker pictures come from the simulator (its /pictures/), and only in this mode.
  DASH_DEMO_ARGS=(--picture-mirror "http://127.0.0.1:$SIM_PORT")
  # A demo runs minutes, not hours: with the default 10 min window, trending would cover the whole run.
  if [[ -z "${JVC_WINDOW:-}" ]]; then SPARK_DEMO_ARGS=(--window 1m); fi
fi

STREAM_PORT="${JVC_STREAM_PORT:-6667}"
DATA_DIR="${JVC_DATA_DIR:-./data}"
if [[ -n "${REDIS_URL:-}" ]]; then
  echo "==> scraper store: Redis (REDIS_URL is set)"
else
  echo "==> scraper store: local, in $DATA_DIR (log, seq, bookmarks; survives Ctrl-C and kill -9; delete it for a new stream)"
fi
echo "==> scraper: $FORUM_URL -> NDJSON on 127.0.0.1:$STREAM_PORT, metrics on http://127.0.0.1:${JVC_HTTP_PORT:-8080}/metrics (logs/scraper.log)"
# Exit code 3 = the store lost the stream under the scraper (Redis wiped): restart it onto a new stream.
# Any other exit ends the loop (and a second scraper on the same data dir is refused with exit 2).
run_scraper() {
  local child rc
  trap 'kill "$child" 2>/dev/null; wait "$child" 2>/dev/null; exit 0' TERM INT
  while :; do
    JVC_FORUM_URL="$FORUM_URL" JVC_DATA_DIR="$DATA_DIR" \
      scraper-vertx/bin/jvc-scraper &
    child=$!
    rc=0
    wait "$child" || rc=$?
    if [[ $rc -ne 3 ]]; then
      echo "run.sh: the scraper exited with code $rc" >&2
      exit "$rc"
    fi
    echo "run.sh: the scraper's store lost its stream (exit 3): restarting it onto a new stream" >&2
  done
}
run_scraper >logs/scraper.log 2>&1 &
PIDS+=($!)
wait_for_port 127.0.0.1 "$STREAM_PORT" "the scraper"

DASH_PORT="${JVC_DASHBOARD_PORT:-8090}"
FORUM_ORIGIN="$(echo "$FORUM_URL" | sed -E 's#^(https?://[^/]+).*#\1#')"
java -XX:MaxRAMPercentage=10 -jar "$DASH_JAR" --port "$DASH_PORT" --source "127.0.0.1:$STREAM_PORT" \
  --scraper-metrics-url "http://127.0.0.1:${JVC_HTTP_PORT:-8080}/metrics" --forum-origin "$FORUM_ORIGIN" \
  "${DASH_DEMO_ARGS[@]}" >logs/dashboard.log 2>&1 &
PIDS+=($!)
wait_for_port 127.0.0.1 "$DASH_PORT" "the dashboard"
echo "==> dashboard: http://127.0.0.1:$DASH_PORT/ (logs/dashboard.log)"

echo "==> Spark job 'all' in local mode (tables every batch; Ctrl-C to stop)"
java -jar "$SPARK_JAR" --job all --source "127.0.0.1:$STREAM_PORT" --checkpoint-dir "${JVC_CHECKPOINT_DIR:-./checkpoints/all}" \
  --publish-url "http://127.0.0.1:$DASH_PORT/api/results" "${SPARK_DEMO_ARGS[@]}" &
PIDS+=($!)
wait "${PIDS[-1]}"
