#!/usr/bin/env bash
# The benefit rules at city scale: N synthetic talents (default 2,000,000) against every demo policy,
# timed for the product engine, (a) bitsets written in the harness, row-at-a-time predicates and
# (b) a DMN decision table run by KIE on a sample (default 50,000), extrapolated.
# Usage: bench/talent-rules.sh [talents] [kie-sample] [runs]     (see bench/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -q -Dspotless.check.skip=true test-compile \
  dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" -Xmx3g -XX:+UseParallelGC -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.zugong.bench.TalentRulesBench "${1:-2000000}" "${2:-50000}" "${3:-5}"
