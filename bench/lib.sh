# Shared by the bench/*.sh scripts (sourced, from the repository root): process clean-up, the simulator, the
# broker, CPU and memory readings from /proc.

pids=()
cleanup() { for ((i=${#pids[@]}-1; i>=0; i--)); do kill "${pids[$i]}" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

wait_for() { # file pattern seconds
  for _ in $(seq 1 "$3"); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 1; done
  echo "timed out waiting for '$2' in $1" >&2; tail -20 "$1" >&2; exit 1
}

# Builds the given modules (and what they need) unless their packaged jars and the broker class path exist.
build_if_missing() { # module...
  local m missing=
  for m in "$@"; do
    case $m in
      deploy) [ -f deploy/target/classes/org/tc260watch/deploy/broker.classpath ] || missing=1 ;;
      *) [ -f "$m/target/quarkus-app/quarkus-run.jar" ] || missing=1 ;;
    esac
  done
  [ "$*" = "${*/scraper/}" ] || ls scraper/target/scraper-*-tests.jar > /dev/null 2>&1 || missing=1
  [ -z "$missing" ] || ./mvnw -B -q -pl "$(IFS=,; echo "$*")" -am package -DskipTests
}

broker_cp() { echo "deploy/target/classes:$(cat deploy/target/classes/org/tc260watch/deploy/broker.classpath)"; }

# Starts a Kafka broker (KRaft, deploy module) with its data under $work; sets bootstrap.
start_broker() { # port
  java -Xmx512m -cp "$(broker_cp)" org.tc260watch.deploy.KafkaServerMain --data-dir "$work/kafka" --port "$1" \
      --controller-port $(($1 + 1)) --parent-pid $$ > "$work/kafka.log" 2>&1 &
  pids+=($!)
  wait_for "$work/kafka.log" '^KAFKA_READY' 120
  bootstrap=127.0.0.1:$1
}

# Starts the scraper's Tc260Simulator (bench/SimMain.java); sets base (its URL). ctl talks to its control port.
start_simulator() { # fixture-root control-port [extra classpath]
  sim_ctl=$2
  java -cp "$(ls scraper/target/scraper-*-tests.jar | head -1)${3:+:$3}" bench/SimMain.java "$1" "$2" \
      > "$work/sim.log" 2>&1 &
  pids+=($!)
  wait_for "$work/sim.log" SIM_READY 60
  base=$(awk '/SIM_READY/ {print $2}' "$work/sim.log")
}
ctl() { curl -fs "http://127.0.0.1:$sim_ctl/$1"; }

ticks=$(getconf CLK_TCK)
cpu_of() { awk -v t="$ticks" '{printf "%.2f", ($14 + $15) / t}' "/proc/$1/stat"; }  # user+sys seconds
rss_mib() { awk '/^VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
load() { echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"; }
