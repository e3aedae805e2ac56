#!/usr/bin/env bash
# The long versions of the fault suite (issue #6): every scenario with a 5-minute live phase, then the latency
# benchmark over 5 minutes. Builds nothing: the jars must exist (see docs/fault-suite.md).
#   e2e-tests/run-long.sh               # 300 s per scenario + 300 s benchmark
#   E2E_SECONDS=600 e2e-tests/run-long.sh -Dit.test='FaultSuiteIT#baseline'
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${E2E_SECONDS:-300}"
./mvnw -B -o -f e2e-tests/pom.xml verify -De2e.seconds="$seconds" "$@"
./mvnw -B -o -f e2e-tests/pom.xml verify -De2e.groups=benchmark -Dbench.seconds="$seconds"
cat e2e-tests/target/e2e-logs/latency.txt
