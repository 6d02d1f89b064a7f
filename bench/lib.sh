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

# GreenMail and what it needs, from ~/.m2 (the versions the e2e module tests with).
smtp_sink_cp() {
  local m=${MAVEN_REPO:-$HOME/.m2/repository}
  echo "$m/com/icegreen/greenmail/2.1.13/greenmail-2.1.13.jar:$m/jakarta/mail/jakarta.mail-api/2.1.5/jakarta.mail-api-2.1.5.jar:$m/org/eclipse/angus/jakarta.mail/2.0.5/jakarta.mail-2.0.5.jar:$m/jakarta/activation/jakarta.activation-api/2.1.4/jakarta.activation-api-2.1.4.jar:$m/org/eclipse/angus/angus-activation/2.0.3/angus-activation-2.0.3.jar:$m/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar"
}

# Starts the SMTP server that notes when it accepted each mail (bench/SmtpSink.java); smtp_ctl talks to its control
# port (count, times, reset).
start_smtp_sink() { # smtp-port control-port
  smtp_ctl_port=$2
  java -Xmx512m -cp "$(smtp_sink_cp)" bench/SmtpSink.java "$1" "$2" > "$work/smtp.log" 2>&1 &
  pids+=($!)
  wait_for "$work/smtp.log" SMTP_READY 60
}
smtp_ctl() { curl -fs "http://127.0.0.1:$smtp_ctl_port/$1"; }

# Starts a packaged service (module name) on a port with extra environment (NAME=value …) and waits until it is
# ready; sets <module>_pid. Its data goes under $work/<module>, its log to $work/<module>.log.
start_service() { # module port [NAME=value …]
  local module=$1 port=$2; shift 2
  env KAFKA_BOOTSTRAP_SERVERS="$bootstrap" QUARKUS_HTTP_PORT="$port" TC260_DATA_DIR="$work/$module" "$@" \
    java -Xmx256m -jar "$module/target/quarkus-app/quarkus-run.jar" >> "$work/$module.log" 2>&1 &
  pids+=($!)
  printf -v "${module}_pid" %s $!
  for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$port/q/health/ready" > /dev/null 2>&1 && return 0; sleep 0.5; done
  echo "$module not ready; see $work/$module.log" >&2; exit 1
}

# Stops the running notifier (start_service notifier …), writes <count> confirmed subscribers of everything into its
# H2 file (bench/SeedSubscribers.java) and starts it again with the given environment.
seed_subscribers() { # count INSTANT|DAILY|WEEKLY [NAME=value …]
  local count=$1 mode=$2; shift 2
  kill "$notifier_pid"; wait "$notifier_pid" 2>/dev/null || true
  java -cp "$(ls notifier/target/quarkus-app/lib/main/com.h2database.h2-*.jar)" bench/SeedSubscribers.java \
    "$work/notifier/notifier" "$count" "$mode"
  start_service notifier "$notifier_port" "$@"
}

# Killed or interrupted, a script still stops what it started (the EXIT trap runs on exit, not on a signal).
trap 'exit 143' TERM INT
