#!/usr/bin/env bash
# Poll efficiency: the packaged scraper against urlwatch 2.25, on the same simulated TC260 site on loopback.
#
#   bench/poll-vs-urlwatch.sh [cycles]     (default 5 measured cycles per case)
#
# Builds what is missing (scraper jar and test-jar, the deploy module's broker), installs urlwatch with apt when
# missing, generates a site of BENCH_ITEMS (default 60) drafts, 10 per list page (bench/gen-site.py), starts the simulator
# (bench/SimMain.java), a Kafka broker and the scraper, and gives urlwatch one job per list page and per detail
# page. Per case (site with / without ETag+Last-Modified; unchanged / one change) it prints per-cycle averages:
# requests and response-body bytes counted by the simulator, CPU seconds (user+sys) of the polling process.
# Scraper CPU: /proc/<pid>/stat utime+stime around a synchronous POST /admin/poll. urlwatch CPU: /usr/bin/time
# of one `urlwatch` run (how urlwatch is used: one process per cycle, from cron).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
cycles=${1:-5}
work=${BENCH_DIR:-/tmp/tc260-bench-poll}
sim_ctl=${SIM_CONTROL_PORT:-18999}
kafka_port=${BENCH_KAFKA_PORT:-19092}
scraper_port=${BENCH_SCRAPER_PORT:-18081}
token=bench-$$

command -v urlwatch > /dev/null || { echo "Installing urlwatch (apt)"; sudo apt-get install -y urlwatch || apt-get install -y urlwatch; }
urlwatch --version | grep -q '^urlwatch 2\.25' || echo "warning: not urlwatch 2.25: $(urlwatch --version)" >&2
. bench/lib.sh
build_if_missing scraper deploy

rm -rf "$work"; mkdir -p "$work"
items=${BENCH_ITEMS:-60}
python3 bench/gen-site.py scraper/src/test/resources/tc260-sim "$work/site" "$items" 10
start_simulator tc260-bench "$sim_ctl" "$work/site"
start_broker "$kafka_port"

# No scheduled polls (each cycle is one POST /admin/poll) and no pacing delay (wall time is not measured). The JVM
# options are those of the scraper's container image.
java_opts=$(sed -n 's/^ENV JAVA_OPTS="\(.*\)"$/\1/p' scraper/src/main/docker/Dockerfile.jvm)
[ -n "$java_opts" ] || { echo "no JAVA_OPTS in scraper/src/main/docker/Dockerfile.jvm" >&2; exit 1; }
echo "scraper JVM options (scraper/src/main/docker/Dockerfile.jvm): $java_opts -Xmx256m"
ADMIN_TOKEN=$token TC260_BASE_URL=$base TC260_POLL_INTERVAL=1000h TC260_POLL_DELAY=1000h TC260_FETCH_MIN_DELAY=0s \
  KAFKA_BOOTSTRAP_SERVERS=$bootstrap QUARKUS_HTTP_PORT=$scraper_port TC260_DATA_DIR=$work/scraper-data \
  java $java_opts -Xmx256m -jar scraper/target/quarkus-app/quarkus-run.jar > "$work/scraper.log" 2>&1 &
scraper_pid=$!
pids+=($scraper_pid)
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$scraper_port/q/health/ready" > /dev/null 2>&1 && break; sleep 1; done

ours() { # one scraper cycle; prints CPU seconds
  local before after
  before=$(cpu_of "$scraper_pid")
  curl -fs -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:$scraper_port/admin/poll" > "$work/last-poll.json"
  after=$(cpu_of "$scraper_pid")
  echo "$before $after" | awk '{printf "%.2f", $2 - $1}'
}

# Same coverage: urlwatch gets one job per URL the scraper reads. The scraper's first poll (its baseline) reads
# every list page and every detail page of the drafts, and the first page of each other page type it knows (on
# this site those answer the homepage: soft 404s). robots.txt is left out.
ctl reset > /dev/null; ours > /dev/null
ctl paths | awk '{print $2}' | grep -v '^/robots.txt$' | sort -u > "$work/urls.txt"
sed "s|^|url: $base|; 1!s|^|---\n|" "$work/urls.txt" > "$work/urls.yaml"
cat > "$work/urlwatch.yaml" <<YAML
display: {new: true, error: true, unchanged: false}
report:
  stdout: {enabled: true, color: false}
YAML
jobs=$(grep -c '^url:' "$work/urls.yaml")
theirs() { # one urlwatch cycle; prints CPU seconds
  /usr/bin/time -f '%U %S' -o "$work/time.txt" \
    urlwatch --urls "$work/urls.yaml" --config "$work/urlwatch.yaml" --cache "$work/urlwatch-cache.db" > "$work/urlwatch.out" 2>&1
  awk '{printf "%.2f", $1 + $2}' "$work/time.txt"
}
stat() { ctl stats | sed -E 's/requests=([0-9]+) bytes=([0-9]+) not-modified=([0-9]+)/\1 \2 \3/'; }
suggestion_requests() { ctl paths | grep -c ' /portal/suggestion' || true; }

# measure <who> <case> <states...>: one cycle per state given, averages printed as a table row
measure() {
  local who=$1 case=$2; shift 2
  local n=0 req=0 bytes=0 nm=0 cpu=0 sreq=0
  for s in "$@"; do
    ctl "state?n=$s" > /dev/null; ctl reset > /dev/null
    c=$($who)
    read -r r b m < <(stat)
    sreq=$((sreq + $(suggestion_requests)))
    n=$((n + 1)); req=$((req + r)); bytes=$((bytes + b)); nm=$((nm + m)); cpu=$(echo "$cpu $c" | awk '{print $1 + $2}')
  done
  printf '| %-9s | %-28s | %3d | %7.1f | %7.1f | %9.0f | %6.3f |\n' "$who" "$case" "$n" \
    "$(echo "$req $n" | awk '{print $1/$2}')" "$(echo "$sreq $n" | awk '{print $1/$2}')" \
    "$(echo "$bytes $n" | awk '{print $1/$2}')" "$(echo "$cpu $n" | awk '{print $1/$2}')"
}

unchanged=(); changes=()
for ((i=0; i<cycles; i++)); do unchanged+=(1); if ((i % 2 == 0)); then changes+=(2); else changes+=(1); fi; done

# The scraper is a long-running service (48 polls a day): BENCH_WARMUP (30) more polls first, so the JIT has compiled
# the polling path, as after its first day (urlwatch pays its interpreter start-up every cycle, as it does when run
# from cron).
for _ in $(seq 1 "${BENCH_WARMUP:-30}"); do ours > /dev/null; done
idle_before=$(cpu_of "$scraper_pid"); sleep 10; idle_after=$(cpu_of "$scraper_pid")
echo "scraper idle CPU: $(echo "$idle_before $idle_after" | awk '{printf "%.2f", $2 - $1}') s in 10 s (included in its per-cycle CPU)"
echo "site: $base, $items drafts, $jobs urlwatch jobs, $cycles cycles per case; $(load)"
echo "| client    | case                         |   n | req/cyc | of them /portal/suggestion* | body B/cyc | CPU s/cyc |"
echo "|---|---|---|---|---|---|---|"
for validators in true false; do
  ctl "conditional?on=$validators" > /dev/null
  label=$([ "$validators" = true ] && echo "validators" || echo "no validators")
  # Warm-up (not measured): both clients see state 1 once, so their caches and memories are filled.
  ctl state?n=1 > /dev/null; ours > /dev/null; ours > /dev/null; theirs > /dev/null
  measure ours "$label, unchanged" "${unchanged[@]}"
  measure theirs "$label, unchanged" "${unchanged[@]}"
  # One change per cycle: the states alternate 2, 1, 2, ... (state 2 moves one deadline: 1 list + 1 detail page).
  ctl state?n=1 > /dev/null; ours > /dev/null; theirs > /dev/null
  measure ours "$label, one change" "${changes[@]}"
  ctl state?n=1 > /dev/null; ours > /dev/null; theirs > /dev/null
  measure theirs "$label, one change" "${changes[@]}"
done
echo "(logs and the last poll report in $work)"
