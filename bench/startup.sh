#!/usr/bin/env bash
# Measures what a newcomer waits for: the first start (initdb, migrations, reference and demo data)
# and a restart, each until the login page answers in Chinese, and the idle memory of both
# processes (Java and PostgreSQL). Usage: bench/startup.sh [runs]   (builds the jar first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -q -DskipTests -Dspotless.check.skip=true package
jar=$(ls target/zugong-*.jar | head -1)
port=18080

wait_for_login() {
  local start=$1
  until curl -sf "http://127.0.0.1:$port/login" | grep -q '登录组工智治'; do sleep 0.1; done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}

rss_kb() { ps -o rss= -p "$1" | tr -d ' '; }

for i in $(seq 1 "$runs"); do
  dir=$(mktemp -d /tmp/zugong-bench.XXXXXX)
  start=$(date +%s%N)
  "$JAVA_HOME/bin/java" -jar "$jar" --server.port=$port --zugong.data-dir="$dir" > "$dir/first.log" 2>&1 &
  pid=$!
  first=$(wait_for_login "$start")
  until curl -sf "http://127.0.0.1:$port/demo-status" | grep -q DONE; do
    sleep 0.2
    if curl -sf "http://127.0.0.1:$port/demo-status" | grep -q FAILED; then grep -A5 ERROR "$dir/first.log" | head; exit 1; fi
  done
  sleep 5
  java_rss=$(rss_kb $pid)
  pm=$(head -1 "$dir/pgdata/postmaster.pid")
  # RSS counts PostgreSQL's shared buffers once per process that touched them: an upper bound.
  pg_rss=$( (ps -o rss= -p "$pm"; ps -o rss= --ppid "$pm") | awk '{s+=$1} END {print s+0}')
  kill $pid; wait $pid 2>/dev/null || true
  start=$(date +%s%N)
  "$JAVA_HOME/bin/java" -jar "$jar" --server.port=$port --zugong.data-dir="$dir" > "$dir/restart.log" 2>&1 &
  pid=$!
  restart=$(wait_for_login "$start")
  kill $pid; wait $pid 2>/dev/null || true
  echo "run $i: first start ${first} ms, restart ${restart} ms, idle RSS: java $((java_rss / 1024)) MB, postgres (all processes) $((pg_rss / 1024)) MB"
  rm -rf "$dir"
done
