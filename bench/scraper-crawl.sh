#!/usr/bin/env bash
# End-to-end scraper benchmark: crawl a static simulated forum of ~300 topics completely and report
# pages/s, posts/s and CPU seconds of the scraper's own process (JIT and start-up included), with the
# heap capped at 512 MiB (-Xmx512m: finishing at all proves the heap stayed under it).
#   bench/scraper-crawl.sh [topics=300] [fetchers=60]
# Needs the jars: ./mvnw -B -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
TOPICS="${1:-300}"
FETCHERS="${2:-60}"
SIM_PORT=18089; HTTP_PORT=18080; STREAM_PORT=16667
TICKS=$(getconf CLK_TCK)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

java -jar forum-simulator/target/forum-simulator.jar --port $SIM_PORT --topics "$TOPICS" --rate 0 >/tmp/bench-sim.log 2>&1 &
PIDS+=($!)
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$SIM_PORT/_stats" >/dev/null && break; sleep 0.5; done
EXPECTED=$(curl -sf "http://127.0.0.1:$SIM_PORT/_truth" | grep -vc '"deleted":true' || true)
LIST_PAGES=$(( (TOPICS + 24) / 25 ))
echo "forum: $TOPICS topics on $LIST_PAGES list pages, $EXPECTED visible posts"

START=$(date +%s.%N)
java -Xmx512m ${SCRAPER_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -jar scraper-vertx/target/scraper-vertx.jar \
  --forum-url "http://127.0.0.1:$SIM_PORT/forums/0-51-0-1-0-1-0-blabla-18-25-ans.htm" \
  --http-port $HTTP_PORT --stream-port $STREAM_PORT --list-pages "$LIST_PAGES" --backfill-pages all \
  --fetchers "$FETCHERS" --rate 1000 --refresh-interval 1s >/tmp/bench-scraper.log 2>&1 &
SCRAPER=$!
PIDS+=($SCRAPER)

metric() { curl -sf "http://127.0.0.1:$HTTP_PORT/metrics" | awk -v m="$1" '$1==m {print $2}'; }
STREAMED=0
for _ in $(seq 1 1200); do
  STREAMED=$(metric jvc_posts_streamed_total 2>/dev/null || echo 0)
  [[ -n "$STREAMED" && "$STREAMED" -ge "$EXPECTED" ]] && break
  sleep 0.1
done
END=$(date +%s.%N)
if [[ -n "${THREADS:-}" ]]; then
  for t in /proc/$SCRAPER/task/*; do awk -v n="$(cat $t/comm)" '{printf "%6.2f %s\n", ($14+$15)/100, n}' $t/stat; done \
    | awk '{name=$2; for(i=3;i<=NF;i++) name=name" "$i; gsub(/[0-9]+$/,"#",name); s[name]+=$1} END {for (k in s) if (s[k]>0.02) printf "%6.2f %s\n", s[k], k}' | sort -rn
fi
read -r UTIME STIME < <(awk '{print $14, $15}' "/proc/$SCRAPER/stat")
CPU=$(echo "($UTIME + $STIME) / $TICKS" | bc -l)
WALL=$(echo "$END - $START" | bc -l)
PAGES=$(curl -sf "http://127.0.0.1:$HTTP_PORT/metrics" | awk '/^jvc_pages_fetched_total/ {s+=$2} END {print s}')
RSS=$(awk '/VmHWM/ {print $2}' "/proc/$SCRAPER/status")
printf 'streamed %s/%s posts, %s pages in %.1f s wall\n' "$STREAMED" "$EXPECTED" "$PAGES" "$WALL"
printf 'scraper CPU: %.2f s (user %.2f, system %.2f) -> %.0f posts per CPU-second, %.2f CPU-s per 1000 posts\n' "$CPU" \
  "$(echo "$UTIME / $TICKS" | bc -l)" "$(echo "$STIME / $TICKS" | bc -l)" \
  "$(echo "$STREAMED / $CPU" | bc -l)" "$(echo "$CPU * 1000 / $STREAMED" | bc -l)"
printf 'throughput: %.0f pages/s, %.0f posts/s (wall, start-up included); peak RSS %d MiB (heap capped at 512 MiB)\n' \
  "$(echo "$PAGES / $WALL" | bc -l)" "$(echo "$STREAMED / $WALL" | bc -l)" "$((RSS / 1024))"
[[ "$STREAMED" -ge "$EXPECTED" ]] || { echo "INCOMPLETE crawl" >&2; exit 1; }
