#!/usr/bin/env bash
# The year-in-review and the cockpit of the demo year: starts Zugong with MEMBERS demo members
# (default 300,000, the demo's own size) in a fresh data folder, waits for the demo data, then times
# the review (JSON, page, PDF, workbook) and the cockpit as the city and a district administrator
# (bench/ReviewBench.java). Usage: bench/review.sh [members] [requests]
set -euo pipefail
cd "$(dirname "$0")/.."
members=${1:-300000}
requests=${2:-20}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -q -DskipTests -Dspotless.check.skip=true package
jar=$(ls target/zugong-*.jar | head -1)
port=18082
dir=$(mktemp -d /tmp/zugong-bench.XXXXXX)
"$JAVA_HOME/bin/java" -Xmx2g -jar "$jar" --server.port=$port --zugong.data-dir="$dir" --zugong.demo.members="$members" > "$dir/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
until curl -sf "http://127.0.0.1:$port/demo-status" | grep -q '"DONE"'; do
  sleep 2
  if curl -sf "http://127.0.0.1:$port/demo-status" | grep -q '"FAILED"'; then grep -A5 ERROR "$dir/app.log" | head -20; exit 1; fi
  if ! kill -0 $pid 2>/dev/null; then tail -40 "$dir/app.log"; exit 1; fi
done
echo "demo data with $members members loaded; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for user in city_admin haishu_admin; do
  echo "== as $user"
  "$JAVA_HOME/bin/java" bench/ReviewBench.java "http://127.0.0.1:$port" "$user" Zugong@2022 "$requests"
done
