#!/usr/bin/env bash
# Fan-out: one change to N confirmed INSTANT subscribers, and a weekly digest to N WEEKLY subscribers.
#
#   bench/fanout.sh [subscribers]      (default 10000)
#
# Starts a broker, the SMTP server of bench/SmtpSink.java (GreenMail; it notes when it accepted each mail), the differ
# (it creates the topics) and the notifier (H2). Then:
# 1. N INSTANT subscribers of everything are written into the stopped notifier's H2 file (bench/SeedSubscribers.java);
#    one standard.added change is written to tc260.changes (bench/SeedChanges.java); time from the end of that write
#    until the SMTP server accepted all N alerts.
# 2. N WEEKLY subscribers are added the same way; a second change (N more alerts to the INSTANT subscribers, and N
#    deliveries waiting for the digest); once those alerts are out, POST /admin/digests/run?period=WEEKLY and the
#    time until all N digests are accepted.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${BENCH_DIR:-/tmp/tc260-bench-fanout}
n=${1:-10000}
kafka_port=19396
smtp_port=18525
smtp_ctl_port=18526
differ_port=18582
notifier_port=18580
token=bench-fanout

. bench/lib.sh
build_if_missing differ notifier deploy
rm -rf "$work"; mkdir -p "$work"
start_broker "$kafka_port"
start_smtp_sink $smtp_port $smtp_ctl_port
start_service differ $differ_port
notifier_env=(MAILER_HOST=127.0.0.1 MAILER_PORT=$smtp_port MAILER_FROM=tc260-watch@example.org ADMIN_TOKEN=$token)
start_service notifier $notifier_port "${notifier_env[@]}"

now_ms() { date +%s%3N; }
# Ready is not yet consuming: waits until the notifier's consumer group is Stable again after a restart (its member
# has its partitions), so the timing does not include the group join.
await_consuming() {
  for _ in $(seq 1 60); do
    java -cp "$(broker_cp)" org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$bootstrap" \
      --describe --group tc260-notifier --state 2> /dev/null | grep -q Stable && return 0
    sleep 0.5
  done
  echo "the notifier's consumer group is not Stable; see $work/notifier.log" >&2; exit 1
}
mails() { smtp_ctl count; }
# Waits until the SMTP server accepted <count> mails in all; prints the acceptance time of the last one (epoch ms).
await_mails() { # count timeout-seconds
  local end=$(( $(date +%s) + $2 ))
  while [ "$(mails)" -lt "$1" ]; do
    [ "$(date +%s)" -lt "$end" ] || { echo "only $(mails) of $1 mails after $2 s" >&2; exit 1; }
    sleep 0.2
  done
  smtp_ctl times | sed -n "${1}p" | cut -d' ' -f1
}
report() { # what count t0 first-index last-ms
  local first_ms
  first_ms=$(smtp_ctl times | sed -n "${4}p" | cut -d' ' -f1)
  echo "$1: $2 mails, first accepted $((first_ms - $3)) ms, last accepted $(( $5 - $3 )) ms after the start" \
    "($(awk -v n="$2" -v t="$(( $5 - $3 ))" 'BEGIN {printf "%.0f", n / (t / 1000)}') mails/s); $(load)"
}

seed_subscribers "$n" INSTANT "${notifier_env[@]}"
await_consuming
echo "== one change to $n INSTANT subscribers; $(load)"
cpu0=$(cpu_of "$notifier_pid")
java -cp "$(broker_cp)" bench/SeedChanges.java "$bootstrap" 1 > "$work/seed.log" 2>&1
t0=$(now_ms)
last=$(await_mails "$n" 600)
report "alerts" "$n" "$t0" 1 "$last"
echo "notifier CPU for the alerts: $(awk -v a="$cpu0" -v b="$(cpu_of "$notifier_pid")" 'BEGIN {printf "%.1f", b - a}') s"

seed_subscribers "$n" WEEKLY "${notifier_env[@]}"
await_consuming
# Change 0 again (a replay, ignored) and change 1: N alerts, N deliveries waiting for the weekly digest.
java -cp "$(broker_cp)" bench/SeedChanges.java "$bootstrap" 2 >> "$work/seed.log" 2>&1
await_mails $((2 * n)) 600 > /dev/null
echo "== weekly digest for $n WEEKLY subscribers; $(load)"
cpu0=$(cpu_of "$notifier_pid")
t0=$(now_ms)
curl -fs -X POST -H "Authorization: Bearer $token" "http://127.0.0.1:$notifier_port/admin/digests/run?period=WEEKLY"
echo
t_made=$(now_ms)
last=$(await_mails $((3 * n)) 900)
echo "digest run answered after $((t_made - t0)) ms"
report "digests" "$n" "$t0" $((2 * n + 1)) "$last"
echo "notifier CPU for the digests: $(awk -v a="$cpu0" -v b="$(cpu_of "$notifier_pid")" 'BEGIN {printf "%.1f", b - a}') s"
