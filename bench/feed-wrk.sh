#!/usr/bin/env bash
# The notifier's read side under load: GET /api/changes?limit=50 and the Atom feed (200, and 304 with
# If-None-Match) under wrk on loopback, with BENCH_CHANGES (default 3000) changes stored.
#
#   bench/feed-wrk.sh [duration]      (default 30s per run; wrk -t2 -c32, the machine has few cores)
#
# Starts a Kafka broker (deploy module), the differ (it creates the topics) and the notifier (H2, fresh data under
# $BENCH_DIR), writes the changes to tc260.changes (bench/SeedChanges.java) and waits until the notifier stored
# them. wrk runs on the same machine as the notifier: they share the cores.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${BENCH_DIR:-/tmp/tc260-bench-feed}
duration=${1:-30s}
count=${BENCH_CHANGES:-3000}
kafka_port=${BENCH_KAFKA_PORT:-19096}
differ_port=18282
notifier_port=18280

command -v wrk > /dev/null || { echo "Installing wrk (apt)"; sudo apt-get install -y wrk || apt-get install -y wrk; }
. bench/lib.sh
build_if_missing differ notifier deploy
rm -rf "$work"; mkdir -p "$work/data"
start_broker "$kafka_port"
start() { # service port; sets notifier_pid for the notifier
  KAFKA_BOOTSTRAP_SERVERS=$bootstrap QUARKUS_HTTP_PORT=$2 TC260_DATA_DIR=$work/data \
    java -Xmx256m -jar "$1/target/quarkus-app/quarkus-run.jar" > "$work/$1.log" 2>&1 &
  pids+=($!)
  [ "$1" != notifier ] || notifier_pid=$!
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$2/q/health/ready" > /dev/null 2>&1 && return 0; sleep 0.5; done
  echo "$1 not ready; see $work/$1.log" >&2; exit 1
}
start differ $differ_port
start notifier $notifier_port
java -cp "$(broker_cp)" bench/SeedChanges.java "$bootstrap" "$count" > "$work/seed.log" 2>&1
# Wait until all of them are stored (the notifier reads the 3 partitions independently).
stored() {
  python3 - "http://127.0.0.1:$notifier_port/api/changes?limit=200" <<'PY'
import json, sys, urllib.parse, urllib.request
url, n, cursor = sys.argv[1], 0, None
while True:
    page = json.load(urllib.request.urlopen(url + ("&after=" + urllib.parse.quote(cursor) if cursor else "")))
    n += len(page["items"])
    cursor = page.get("nextCursor")
    if not cursor or not page["items"]:
        print(n)
        break
PY
}
for _ in $(seq 1 120); do [ "$(stored)" -ge "$count" ] && break; sleep 1; done
[ "$(stored)" -ge "$count" ] || { echo "only $(stored) of $count changes stored" >&2; exit 1; }

api="http://127.0.0.1:$notifier_port/api/changes?limit=50"
atom="http://127.0.0.1:$notifier_port/feeds/changes.atom"
etag=$(curl -fsI "$atom" | awk 'tolower($1) == "etag:" {print $2}' | tr -d '\r')
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "$atom")" = 304 ] || { echo "Atom ETag gives no 304" >&2; exit 1; }
echo "$count changes stored; $(load); wrk -t2 -c32 -d$duration --latency"
curl -fs "$api" > /dev/null; curl -fs "$atom" > /dev/null  # first requests (JIT warm-up runs below)
for run in "api $api" "atom-200 $atom" "atom-304 $atom"; do
  set -- $run
  hdr=(); [ "$1" = atom-304 ] && hdr=(-H "If-None-Match: $etag")
  wrk -t2 -c32 -d10s "${hdr[@]}" "$2" > /dev/null  # warm-up
  echo "== $1: $2 ${hdr[*]}"
  cpu0=$(cpu_of "$notifier_pid"); wrk -t2 -c32 -d"$duration" --latency "${hdr[@]}" "$2" > "$work/wrk-$1.txt"; cpu1=$(cpu_of "$notifier_pid")
  grep -E 'Requests/sec|Latency|50%|99%|requests in|Non-2xx' "$work/wrk-$1.txt"
  # The notifier's own CPU per request: a figure the other load on the machine barely changes.
  reqs=$(awk '/requests in/ {print $1}' "$work/wrk-$1.txt")
  echo "$cpu0 $cpu1 $reqs" | awk '{printf "notifier CPU: %.1f s for %d requests = %.3f ms/request\n", $2 - $1, $3, 1000 * ($2 - $1) / $3}'
  echo "after the run: $(load)"  # the other load moves a lot within a run; p99 follows it
done
