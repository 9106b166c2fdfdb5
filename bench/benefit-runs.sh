#!/usr/bin/env bash
# 免申即享 and 码上秒享 at the demo's scale: starts a throw-away Zugong with TALENTS demo talents
# (default 60,000, the demo's own), times whole runs (grants and decisions stored) beside a bare
# sequential scan of the talent table, then the 码上秒享 page over HTTP beside a trivial authenticated
# JSON endpoint. Usage: bench/benefit-runs.sh [talents] [requests] [runs]    (see bench/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
talents=${1:-60000}
requests=${2:-2000}
runs=${3:-3}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -q -Dspotless.check.skip=true test-compile \
  dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.zugong.bench.BenefitRunBench "$talents" "$requests" "$runs"
