#!/usr/bin/env bash
# The differ's throughput against raw Kafka on the same broker, machine and record size.
#
#   bench/differ-throughput.sh [standards] [changed]      (defaults 20000 and 2000)
#
# 1. Starts a broker (deploy module) and the differ once, so that it creates its topics, then stops the differ.
# 2. Writes two scraper runs to tc260.snapshots / tc260.scrape-runs (bench/SeedSnapshots.java): a baseline of
#    <standards> distinct drafts, then the same drafts with <changed> moved deadlines: 2 × standards + 2 records.
# 3. Raw Kafka: ProducerPerformance (acks=all) then ConsumerPerformance of as many records of the snapshots' mean
#    size, on a topic with the same 3 partitions. Baseline rate = 1 / (1/produce + 1/consume): records per second of
#    a pipe that consumes each record and produces it again.
# 4. Starts the differ again and watches its consumer group (bench/AwaitDrained.java) until every input record is
#    committed and its offsets (inputs and repartition topics) stay still: input records/s = input records over the
#    time from Kafka Streams reaching RUNNING (differ log) to the group's last commit.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${BENCH_DIR:-/tmp/tc260-bench-differ}
standards=${1:-20000}
changed=${2:-2000}
kafka_port=19196
differ_port=18382

. bench/lib.sh
build_if_missing differ deploy
rm -rf "$work"; mkdir -p "$work"
start_broker "$kafka_port"
start_service differ $differ_port
kill "$differ_pid"; wait "$differ_pid" 2>/dev/null || true

lib="differ/target/quarkus-app/lib/main/*"
seed=$(java -cp "$lib" bench/SeedSnapshots.java "$bootstrap" "$standards" "$changed" 2>> "$work/seed.log" | grep SEEDED)
records=$(sed 's/.*records=\([0-9]*\).*/\1/' <<< "$seed")
bytes=$(sed 's/.*bytes=\([0-9]*\).*/\1/' <<< "$seed")
size=$((bytes / records))
echo "input: $records records, $bytes bytes (mean $size bytes per record, key + value)"

echo "== raw Kafka, $records records of $size bytes; $(load)"
tools() { java -Xmx512m -cp "$(broker_cp)" "$@" 2>> "$work/tools.log"; }
tools org.apache.kafka.tools.TopicCommand --bootstrap-server "$bootstrap" --create --topic bench.raw --partitions 3 \
  --replication-factor 1 > /dev/null
tools org.apache.kafka.tools.ProducerPerformance --topic bench.raw --num-records "$records" --record-size "$size" \
  --throughput -1 --producer-props bootstrap.servers="$bootstrap" acks=all | tail -1 | tee "$work/produce.txt"
tools org.apache.kafka.tools.ConsumerPerformance --bootstrap-server "$bootstrap" --topic bench.raw \
  --messages "$records" --group bench-raw --timeout 60000 | tee "$work/consume.txt"
produce=$(sed 's/.* records sent, \([0-9.]*\) records\/sec.*/\1/' "$work/produce.txt")
# fetch.nMsg.sec: the consumer's rate without its group join (the differ's is also taken from its first commit on).
consume=$(tail -1 "$work/consume.txt" | awk -F', *' '{print $10}')

echo "== differ, $records input records; differ ${BENCH_DIFFER_ENV:-defaults}; $(load)"
# BENCH_DIFFER_ENV: extra settings for the measured differ, e.g. KAFKA_STREAMS_COMMIT_INTERVAL_MS=50 (default 200).
start_service differ $differ_port ${BENCH_DIFFER_ENV:-}
cpu0=$(cpu_of "$differ_pid")  # ready = Streams RUNNING: start-up CPU is behind, processing has begun
drained=$(java -cp "$lib" bench/AwaitDrained.java 2> /dev/null "$bootstrap" tc260-differ 600 tc260.snapshots tc260.scrape-runs)
echo "$drained"
# Start of consumption: Kafka Streams reaching RUNNING (its tasks assigned and restored) in this second start.
running=$(grep 'State transition from REBALANCING to RUNNING' "$work/differ.log" | tail -1 | cut -c1-23 | tr , .)
first=$(date -d "$running" +%s%3N)
last=$(sed 's/.*last=\([0-9]*\).*/\1/' <<< "$drained")
written=$(sed 's/.*other-topics=\([0-9]*\).*/\1/' <<< "$drained")
echo "the differ wrote $written offsets to its outputs, repartition and changelog topics:" \
  "$(awk -v w="$written" -v r="$records" 'BEGIN {printf "%.1f", w / r}') per input record"
changes=$(curl -fs "http://127.0.0.1:$differ_port/q/metrics" | awk '/^tc260_changes_emitted_total/ {s += $2} END {print s}')
echo "changes emitted by the differ: $changes; differ CPU from ready to drained: $(awk -v a="$cpu0" \
  -v b="$(cpu_of "$differ_pid")" -v n="$records" 'BEGIN {printf "%.1f s = %.2f ms per input record", b - a, 1000 * (b - a) / n}')"
echo "$records $bytes $produce $consume $first $last" | awk '{
  raw = 1 / (1 / $3 + 1 / $4); mb = $2 / $1 / 1e6
  differ = $1 / (($6 - $5) / 1000)
  printf "raw produce %.0f records/s (%.1f MB/s), raw consume %.0f records/s (%.1f MB/s)\n", $3, $3 * mb, $4, $4 * mb
  printf "raw consume-then-produce %.0f records/s (%.1f MB/s)\n", raw, raw * mb
  printf "differ %.0f input records/s (%.2f MB/s): %d records in %.2f s = %.1f%% of raw consume-then-produce\n",
    differ, differ * mb, $1, ($6 - $5) / 1000, 100 * differ / raw }'
