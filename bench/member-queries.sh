#!/usr/bin/env bash
# Member queries at city scale: starts Zugong with 30,000 organizations and MEMBERS (default 1,000,000)
# demo members in a fresh data folder, waits for the demo data, then measures statistics of random
# subtrees and member search (bench/MemberQueryBench.java) and the member list page with wrk.
# Usage: bench/member-queries.sh [members] [requests]
set -euo pipefail
cd "$(dirname "$0")/.."
members=${1:-1000000}
requests=${2:-300}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -q -DskipTests -Dspotless.check.skip=true package
jar=$(ls target/zugong-*.jar | head -1)
port=18081
dir=$(mktemp -d /tmp/zugong-bench.XXXXXX)
"$JAVA_HOME/bin/java" -Xmx4g -jar "$jar" --server.port=$port --zugong.data-dir="$dir" --zugong.demo.members="$members" > "$dir/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$dir"' EXIT
start=$(date +%s)
until curl -sf "http://127.0.0.1:$port/demo-status" | grep -q '"DONE"'; do
  sleep 2
  if curl -sf "http://127.0.0.1:$port/demo-status" | grep -q '"FAILED"'; then grep -A5 ERROR "$dir/app.log" | head -20; exit 1; fi
  if ! kill -0 $pid 2>/dev/null; then tail -40 "$dir/app.log"; exit 1; fi
done
echo "demo data with $members members loaded in $(( $(date +%s) - start )) s"
# The member tally folds the changes the load appended in the background (a line per batch of
# 50,000): wait until it has been quiet for 15 s.
folds=-1
until [ "$folds" = "$(grep -c 'Folded .* member tally changes' "$dir/app.log")" ]; do
  folds=$(grep -c 'Folded .* member tally changes' "$dir/app.log")
  sleep 15
done
echo "member tally folded $(( $(date +%s) - start )) s after the start"
grep -E "Demo data part|Demo data loaded" "$dir/app.log" | sed 's/.*DemoDataLoader *: //'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for user in city_admin haishu_admin; do
  echo "== as $user"
  out=$("$JAVA_HOME/bin/java" bench/MemberQueryBench.java "http://127.0.0.1:$port" "$user" Zugong@2022 "$requests")
  echo "$out" | grep -v JSESSIONID
  cookie=$(echo "$out" | grep JSESSIONID | head -1)
  if command -v wrk >/dev/null; then
    echo "-- wrk: member list page (20 rows), 2 threads, 16 connections, 20 s"
    wrk -t2 -c16 -d20s -H "Cookie: $cookie" -H "Accept: text/html" "http://127.0.0.1:$port/members" | grep -E "Requests/sec|Latency|requests in|Non-2xx"
  fi
done
