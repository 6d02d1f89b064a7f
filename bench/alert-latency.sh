#!/usr/bin/env bash
# Change → alert latency through the whole packaged pipeline: from the start of the scraper poll that sees a change
# (POST /admin/poll) to (a) the alert mail accepted by the SMTP server and (b) the change listed first by the
# notifier's GET /api/changes.
#
#   bench/alert-latency.sh [changes]      (default 60 measured changes, after 4 unmeasured ones)
#
# Starts a broker, the SMTP server of bench/SmtpSink.java (GreenMail; it notes when it accepted each mail), a simulated
# site of 20 drafts (bench/gen-site.py: state 2 = state 1 with one moved comment deadline), the differ, the notifier
# (one confirmed INSTANT subscriber of everything, written into its H2 file) and the scraper. Each change alternates
# the site between its states 1 and 2 and polls once: one standard.deadline-changed, one alert.
# bench/WatchTopic.java notes when each change becomes readable (read_committed) on tc260.changes, which splits the
# latency into its stages: the poll, the differ (poll end → change committed on tc260.changes) and the notifier
# (→ mail accepted, → listed). Per change it prints each; then p50/p90/p99/max of each.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${BENCH_DIR:-/tmp/tc260-bench-latency}
changes=${1:-60}
kafka_port=19296
smtp_port=18425
smtp_ctl_port=18426
sim_ctl=18498
differ_port=18482
notifier_port=18480
scraper_port=18481
token=bench-latency

. bench/lib.sh
build_if_missing scraper differ notifier deploy
rm -rf "$work"; mkdir -p "$work"
python3 bench/gen-site.py scraper/src/test/resources/tc260-sim "$work/site" 20 10
start_broker "$kafka_port"
start_smtp_sink $smtp_port $smtp_ctl_port
start_simulator tc260-bench "$sim_ctl" "$work/site"
ctl state?n=1 > /dev/null
# BENCH_DIFFER_ENV: extra settings for the differ, e.g. KAFKA_STREAMS_COMMIT_INTERVAL_MS=50 (default 200).
start_service differ $differ_port ${BENCH_DIFFER_ENV:-}
notifier_env=(MAILER_HOST=127.0.0.1 MAILER_PORT=$smtp_port MAILER_FROM=tc260-watch@example.org ADMIN_TOKEN=$token
  NOTIFIER_DELIVERY_INTERVAL=${BENCH_DELIVERY_INTERVAL:-1s})
start_service notifier $notifier_port "${notifier_env[@]}"
seed_subscribers 1 INSTANT "${notifier_env[@]}"
start_service scraper $scraper_port TC260_BASE_URL="$base" TC260_POLL_INTERVAL=off TC260_FETCH_MIN_DELAY=0s \
  ADMIN_TOKEN=$token

java -cp "differ/target/quarkus-app/lib/main/*" bench/WatchTopic.java "$bootstrap" tc260.changes > "$work/topic.txt" \
  2> "$work/watch.log" &
pids+=($!)
wait_for "$work/topic.txt" WATCHING 60
echo "$changes changes; delivery interval ${BENCH_DELIVERY_INTERVAL:-1s}; differ ${BENCH_DIFFER_ENV:-defaults}; $(load)"
python3 - "$changes" "$sim_ctl" "$scraper_port" "$notifier_port" "$smtp_ctl_port" "$token" "$work/topic.txt" <<'PY' | tee "$work/latency.txt"
import json, sys, time, urllib.request
n, sim, scraper, notifier, smtp, token, topic_file = int(sys.argv[1]), *sys.argv[2:]
get = lambda url: urllib.request.urlopen(url, timeout=30).read().decode()
now = lambda: time.time() * 1000

def top():
    items = json.loads(get(f"http://127.0.0.1:{notifier}/api/changes?limit=1"))["items"]
    return items[0]["id"] if items else None

def poll():
    req = urllib.request.Request(f"http://127.0.0.1:{scraper}/admin/poll", data=b"", method="POST",
                                 headers={"Authorization": "Bearer " + token})
    urllib.request.urlopen(req, timeout=120).read()

def on_topic():
    return [l for l in open(topic_file, encoding="utf-8").read().splitlines() if l and l[0].isdigit()]

def mails():
    return [l for l in get(f"http://127.0.0.1:{smtp}/times").splitlines() if l.strip()]

poll()  # baseline (told silently: one source.baselined, mailed to nobody)
deadline = time.time() + 60
while top() is None and time.time() < deadline:
    time.sleep(0.1)
rows = []
for i in range(4 + n):
    get(f"http://127.0.0.1:{sim}/state?n={2 if i % 2 == 0 else 1}")
    before_top, before_mails, before_topic = top(), len(mails()), len(on_topic())
    t0 = now(); poll(); t_poll = now()
    api = None
    while api is None or len(mails()) <= before_mails:
        if api is None and top() != before_top:
            api = now()
        if now() - t0 > 120000:
            sys.exit(f"change {i}: no mail or no API entry within 120 s")
        time.sleep(0.01)
    mail = int(mails()[before_mails].split()[0])
    topic = int(on_topic()[before_topic].split()[0])
    if i >= 4:
        rows.append((t_poll - t0, mail - t0, api - t0, topic - t_poll, mail - topic, api - topic))
        print(f"change {i - 3}: poll {t_poll - t0:.0f} ms, on tc260.changes +{topic - t_poll:.0f} ms, mail accepted "
              f"{mail - t0:.0f} ms, on /api/changes {api - t0:.0f} ms (from the poll's start)", flush=True)

def pct(values, p):
    s = sorted(values)
    return s[min(len(s) - 1, max(0, int(round(p / 100 * len(s) + 0.5)) - 1))]  # nearest rank

for name, col in (("poll duration", 0), ("poll start → mail accepted", 1), ("poll start → on /api/changes", 2),
                  ("differ: poll end → committed on tc260.changes", 3), ("notifier: on tc260.changes → mail accepted", 4),
                  ("notifier: on tc260.changes → on /api/changes", 5)):
    v = [r[col] for r in rows]
    print(f"{name}: p50 {pct(v, 50):.0f} ms, p90 {pct(v, 90):.0f} ms, p99 {pct(v, 99):.0f} ms, max {max(v):.0f} ms (n={len(v)})")
PY
