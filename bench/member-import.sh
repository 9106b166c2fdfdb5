#!/usr/bin/env bash
# Imports a generated sheet of members (100,000 rows by default) into a throw-away Zugong, measures
# wall time and heap, and compares with a plain PostgreSQL COPY of the same rows.
# Usage: bench/member-import.sh [rows]     (see bench/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -q -Dspotless.check.skip=true test-compile \
  dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
"$JAVA_HOME/bin/java" -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.zugong.bench.MemberImportBench "$rows"
