#!/usr/bin/env bash
# The long versions of the fault suite (issue #6): every scenario with a 5-minute live phase, the restart matrix
# (issue #10) with 60 s live phases, then the latency benchmark over 5 minutes. Builds nothing: the jars must exist
# (see docs/fault-suite.md).
#   e2e-tests/run-long.sh               # 300 s per scenario, 60 s per matrix phase + 300 s benchmark
#   E2E_SECONDS=600 e2e-tests/run-long.sh -Dit.test='FaultSuiteIT#baseline'
#   E2E_MATRIX_SECONDS=120 e2e-tests/run-long.sh -Dit.test=RestartMatrixIT
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${E2E_SECONDS:-300}"
matrix_seconds="${E2E_MATRIX_SECONDS:-60}"
e2e-tests/mvn-e2e.sh -De2e.groups='!benchmark' -De2e.seconds="$seconds" -De2e.matrix.seconds="$matrix_seconds" "$@"
e2e-tests/mvn-e2e.sh -De2e.groups=benchmark -Dbench.seconds="$seconds"
cat e2e-tests/target/e2e-logs/latency.txt
