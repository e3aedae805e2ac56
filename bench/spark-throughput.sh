#!/usr/bin/env bash
# The Spark table of BENCHMARKS.md in one command: SparkThroughputBench for each job, one after the other, at a
# given rate on local[2] with the write-ahead log on, 3 s batches, 75 s runs of which the first 30 s are left out.
#   bench/spark-throughput.sh [rate=10000] [jobs=words stickers authors topics pseudo all]
# Prints, per job, the BENCH row (a Markdown table row) and the PROFILE line, each prefixed with the date and the
# load average at the start and the end of the run (the figures move with the machine's load: quote them with it).
# Compiles spark-analytics' test classes and writes its test classpath when missing (offline Maven).
set -euo pipefail
cd "$(dirname "$0")/.."
rate="${1:-10000}"
shift || true
jobs=("$@")
((${#jobs[@]})) || jobs=(words stickers authors topics pseudo all)
if [[ ! -d spark-analytics/target/test-classes/io/jvcstreaming/analytics || ! -f spark-analytics/target/bench.cp ]]; then
  echo "==> compiling spark-analytics and its test classes"
  # one reactor run, so the sibling modules (common-model, test-support) resolve to their target/classes
  ./mvnw -B -o -q -pl spark-analytics -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
fi
cd spark-analytics
opens=$(grep -o '<spark.java17.opens>[^<]*' ../pom.xml | sed 's/<spark.java17.opens>//')
cp="target/test-classes:target/classes:$(cat target/bench.cp)"
for job in "${jobs[@]}"; do
  before=$(cut -d' ' -f1 /proc/loadavg)
  # shellcheck disable=SC2086 # the --add-opens flags are one word each
  err=$(mktemp)
  java $opens -Xmx4g -cp "$cp" io.jvcstreaming.analytics.SparkThroughputBench "$job" "$rate" 75 3s true 30s \
    >/dev/null 2>"$err" || true
  tag="$(date -u +%FT%H:%MZ) load $before -> $(cut -d' ' -f1 /proc/loadavg)"
  if grep -qE '^(BENCH|PROFILE)' "$err"; then
    grep -E '^(BENCH|PROFILE)' "$err" | sed "s/^/[$tag] /"
  else
    echo "[$tag] $job: no result; the end of its stderr:"
    tail -15 "$err"
  fi
  rm -f "$err"
done
