#!/usr/bin/env bash
# The fault-injection suite, full form: randomized runs of e2e/FaultInjectionIT (each a random selection of the
# faults in a random order, with random timings), then one run with a 10-minute SMTP outage. The CI form is the one
# run `./mvnw -B verify` makes (every fault once, seed 260).
#
#   e2e/faults.sh [runs] [first-seed]      (default 20 runs, first seed = the current time)
#
# One line per run lands in e2e/target/fault-runs/results.md; each run's logs in e2e/target/fault-runs/seed-*.
# Replay a run with its seed: e2e/faults.sh 1 <seed> (same selection, order and timings; the machine's timing
# still varies).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
seed=${2:-$(date +%s)}
suite=(-B verify -pl e2e -am -Dtest=none -Dit.test=FaultInjectionIT
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false)

echo "== $runs randomized runs, seeds $seed..$((seed + runs - 1))"
./mvnw "${suite[@]}" -Dfaults.runs="$runs" -Dfaults.seed="$seed" -Dfaults.all=false
echo "== one run with the SMTP server down for 10 minutes (delivery back-off 30 s doubling to 2 min)"
./mvnw "${suite[@]}" -Dfaults.runs=1 -Dfaults.seed="$((seed + runs))" \
  -Dfaults.kinds=SMTP_OUTAGE,KILL_NOTIFIER,SITE_5XX,KILL_DIFFER -Dfaults.smtp-outage=PT10M
echo "== results: e2e/target/fault-runs/results.md"
cat e2e/target/fault-runs/results.md
