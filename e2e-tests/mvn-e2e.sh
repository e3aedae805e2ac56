#!/usr/bin/env bash
# The e2e module's tests, in the reactor: `./mvnw -f e2e-tests/pom.xml` alone cannot resolve the shared
# test-support module, which is never installed. The modules it depends on are built, their own tests are not run.
#   e2e-tests/mvn-e2e.sh [maven args, e.g. -De2e.groups=benchmark -Dbench.seconds=60 or -Dit.test='FaultSuiteIT#redisOutage']
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -B -o -pl e2e-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  "-Dit.test=io/jvcstreaming/e2e/**/*IT" -Dfailsafe.failIfNoSpecifiedTests=false "$@"
