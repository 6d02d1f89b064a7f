#!/usr/bin/env bash
# Footprint of each packaged service: start time (launch until /q/health/ready answers UP) and resident memory
# (VmRSS from /proc) once ready, and again after two scraper polls of the simulated site (state 1, the baseline,
# then state 3, which holds a new draft and a moved deadline, so changes flow through the differ to the notifier).
#
#   bench/footprint.sh
#
# Each service is started alone (one after the other, differ first as in run.sh) with run.sh's heap limit
# (-Xmx256m), against a local Kafka broker from the deploy module, with fresh data under $BENCH_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${BENCH_DIR:-/tmp/tc260-bench-footprint}
sim_ctl=${SIM_CONTROL_PORT:-18998}
kafka_port=${BENCH_KAFKA_PORT:-19094}
token=bench-$$
declare -A port=([differ]=18182 [notifier]=18180 [scraper]=18181)

. bench/lib.sh
build_if_missing scraper differ notifier deploy
rm -rf "$work"; mkdir -p "$work/data"
start_simulator tc260-sim "$sim_ctl"
start_broker "$kafka_port"

declare -A pid start_ms rss_ready
for svc in differ notifier scraper; do
  t0=$(date +%s%N)
  ADMIN_TOKEN=$token TC260_BASE_URL=$base TC260_POLL_INTERVAL=1000h TC260_POLL_DELAY=1000h TC260_FETCH_MIN_DELAY=0s \
    KAFKA_BOOTSTRAP_SERVERS=$bootstrap QUARKUS_HTTP_PORT=${port[$svc]} TC260_DATA_DIR=$work/data \
    java -Xmx256m -jar "$svc/target/quarkus-app/quarkus-run.jar" > "$work/$svc.log" 2>&1 &
  pid[$svc]=$!
  pids+=($!)
  until curl -fs "http://127.0.0.1:${port[$svc]}/q/health/ready" 2>/dev/null | grep -q '"status": *"UP"'; do
    kill -0 "${pid[$svc]}" 2>/dev/null || { echo "$svc died; see $work/$svc.log" >&2; exit 1; }
    (( $(date +%s%N) - t0 < 120000000000 )) || { echo "$svc not ready in 120 s" >&2; exit 1; }
    sleep 0.05
  done
  start_ms[$svc]=$(( ($(date +%s%N) - t0) / 1000000 ))
  rss_ready[$svc]=$(rss_mib "${pid[$svc]}")
done

poll() { curl -fs -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:${port[scraper]}/admin/poll" > /dev/null; }
ctl "state?n=1" > /dev/null; poll
ctl "state?n=3" > /dev/null; poll
# Wait until the changes of state 3 are in the notifier's store (or 60 s).
stored() { curl -fs "http://127.0.0.1:${port[notifier]}/api/changes" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["items"]))'; }
for _ in $(seq 1 120); do [ "$(stored)" -gt 0 ] && break; sleep 0.5; done
sleep 5
changes=$(stored)

echo "$(load); java $(java -version 2>&1 | head -1); -Xmx256m; $changes changes on /api/changes after the polls"
echo "| service | start to ready (ms) | Quarkus 'started in' | RSS when ready (MiB) | RSS after 2 polls (MiB) |"
echo "|---|---|---|---|---|"
for svc in differ notifier scraper; do
  started=$(grep -o 'started in [0-9.]*s' "$work/$svc.log" | head -1 | awk '{print $3}')
  echo "| $svc | ${start_ms[$svc]} | $started | ${rss_ready[$svc]} | $(rss_mib "${pid[$svc]}") |"
done
