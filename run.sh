#!/usr/bin/env bash
# Runs the whole tc260-watch service on this machine: a local Kafka broker (KRaft, from the deploy module), the
# differ, the notifier (H2 under data/, mails as .eml files under data/mail/ unless MAILER_HOST is set) and the
# scraper (polling TC260_BASE_URL, by default the real site). Ctrl-C stops everything.
#
#   ./run.sh            build if needed, then run
#   ./run.sh --build    rebuild first
#
# Environment: TC260_BASE_URL, TC260_POLL_INTERVAL, ADMIN_TOKEN, MAILER_HOST/MAILER_PORT/MAILER_FROM,
# KAFKA_BOOTSTRAP_SERVERS (use an existing broker instead of starting one), KAFKA_PORT (default 9092),
# NOTIFIER_PORT (8080), SCRAPER_PORT (8081), DIFFER_PORT (8082), TC260_DATA_DIR (default ./data).
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])' || { echo "Java 17 or later is required (java -version)" >&2; exit 1; }

data=${TC260_DATA_DIR:-$root/data}
mkdir -p "$data/logs"
export TC260_DATA_DIR=$data

jars=(scraper/target/quarkus-app/quarkus-run.jar differ/target/quarkus-app/quarkus-run.jar notifier/target/quarkus-app/quarkus-run.jar)
need_build=${1:-}
for j in "${jars[@]}" deploy/target/classes/org/tc260watch/deploy/broker.classpath; do [ -f "$j" ] || need_build=--build; done
if [ "$need_build" = "--build" ]; then
  echo "Building (./mvnw -B -DskipTests package)..."
  ./mvnw -B -q -DskipTests package
fi

pids=()
stop_all() {
  trap - EXIT INT TERM
  echo; echo "Stopping..."
  for ((i=${#pids[@]}-1; i>=0; i--)); do kill "${pids[$i]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  exit 0
}
trap stop_all EXIT INT TERM

if [ -z "${KAFKA_BOOTSTRAP_SERVERS:-}" ]; then
  kafka_port=${KAFKA_PORT:-9092}
  cp="deploy/target/classes:$(cat deploy/target/classes/org/tc260watch/deploy/broker.classpath)"
  : > "$data/logs/kafka.log"
  java -Xmx512m -cp "$cp" org.tc260watch.deploy.KafkaServerMain \
      --data-dir "$data/kafka" --port "$kafka_port" --controller-port "${KAFKA_CONTROLLER_PORT:-$((kafka_port + 1))}" \
      --parent-pid $$ >> "$data/logs/kafka.log" 2>&1 &
  pids+=($!)
  echo -n "Starting Kafka on 127.0.0.1:$kafka_port "
  for _ in $(seq 1 120); do
    grep -q '^KAFKA_READY' "$data/logs/kafka.log" && break
    kill -0 "${pids[0]}" 2>/dev/null || { echo; echo "Kafka failed to start:"; tail -20 "$data/logs/kafka.log"; exit 1; }
    echo -n .; sleep 1
  done
  grep -q '^KAFKA_READY' "$data/logs/kafka.log" || { echo; echo "Kafka did not start in 120 s"; exit 1; }
  echo " ready"
  export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$kafka_port
fi

start_service() { # name port
  QUARKUS_HTTP_PORT=$2 java -Xmx256m -jar "$1/target/quarkus-app/quarkus-run.jar" > "$data/logs/$1.log" 2>&1 &
  pids+=($!)
}
# The differ creates the topics, so it goes first.
start_service differ "${DIFFER_PORT:-8082}"
start_service notifier "${NOTIFIER_PORT:-8080}"
start_service scraper "${SCRAPER_PORT:-8081}"

for svc in "differ ${DIFFER_PORT:-8082}" "notifier ${NOTIFIER_PORT:-8080}" "scraper ${SCRAPER_PORT:-8081}"; do
  set -- $svc
  echo -n "Starting $1 "
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$2/q/health/ready" > /dev/null 2>&1 && break
    echo -n .; sleep 1
  done
  curl -fs "http://127.0.0.1:$2/q/health/ready" > /dev/null 2>&1 || { echo; echo "$1 did not become ready; see $data/logs/$1.log"; tail -20 "$data/logs/$1.log"; exit 1; }
  echo " ready"
done

cat <<MSG

tc260-watch is running (watching ${TC260_BASE_URL:-https://www.tc260.org.cn}).
  Changes (JSON):   http://localhost:${NOTIFIER_PORT:-8080}/api/changes
  Subscribe:        curl -X POST -H 'Content-Type: application/json' -d '{"email":"you@example.org"}' http://localhost:${NOTIFIER_PORT:-8080}/api/subscriptions
                    (then open the confirmation link mailed to that address: see Mail below)
  Poll now:         curl -X POST -H "Authorization: Bearer \$ADMIN_TOKEN" http://localhost:${SCRAPER_PORT:-8081}/admin/poll
                    (the token is ADMIN_TOKEN, or the one printed in $data/logs/scraper.log)
  Differ (debug):   http://localhost:${DIFFER_PORT:-8082}/api/standards?key=...
  Health:           http://localhost:${NOTIFIER_PORT:-8080}/q/health  :${SCRAPER_PORT:-8081}/q/health  :${DIFFER_PORT:-8082}/q/health
  Kafka:            ${KAFKA_BOOTSTRAP_SERVERS}
  Logs and data:    $data
  Mail:             ${MAILER_HOST:+SMTP $MAILER_HOST:${MAILER_PORT:-25}}${MAILER_HOST:-.eml files in $data/mail/}
Press Ctrl-C to stop.
MSG
wait -n "${pids[@]}" || true
echo "A process exited; see $data/logs/"
