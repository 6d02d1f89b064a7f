package org.tc260watch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tc260watch.deploy.KafkaBroker;
import org.tc260watch.e2e.DifferDriver.Change;
import org.tc260watch.e2e.StandardsLife.Step;
import org.tc260watch.events.EventJson;
import org.tc260watch.events.Topics;

/**
 * The differ's exactly-once promise on a real broker: two instances of the packaged differ (separate processes, one
 * consumer group), one of them killed with SIGKILL at random moments and started again, while the scripted life of
 * twenty standards is published. Then {@code tc260.changes} (read_committed) must hold every change the topology
 * emits for that script in a {@code TopologyTestDriver}, each exactly once: nothing lost, nothing duplicated.
 *
 * <p>The expected changes are not written down here: the driver computes them from the very same input, so the test
 * holds whatever the topology decides to tell. Each step is published only once the previous one is fully processed
 * (its expected changes are visible and the group has committed everything), so that the real run sees the steps in
 * the same order as the driver.
 *
 * <p>{@code -Dfailover.seed=N} replays the kill schedule and the driver's alternative interleaving of a failed run
 * (the seed is printed). Logs: {@code target/differ-failover-*}: {@code failover.log} (this test's story),
 * {@code logs/differ-a.log}, {@code logs/differ-b.log} (every incarnation), {@code kafka/broker.log}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DifferFailoverIT {

    private static final int INSTANCES = 2;
    private static final int MIN_KILLS = 3;
    /** Steps the chaos kills into at least, drawn at random ({@code -Dfailover.kills=N}). */
    private static final int TARGET_KILLS = Math.max(MIN_KILLS, Integer.getInteger("failover.kills", 6));
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(90);
    /**
     * Failover within seconds: the broker's minimum session timeout. {@code -Dfailover.differ-jvm-args="…"} adds
     * options, e.g. {@code -Dkafka-streams.processing.guarantee=at_least_once} to see the test catch duplicates.
     */
    private static final List<String> DIFFER_JVM_ARGS = Stream.concat(
            Stream.of("-Dkafka-streams.session.timeout.ms=6000", "-Dkafka-streams.heartbeat.interval.ms=1500"),
            Arrays.stream(System.getProperty("failover.differ-jvm-args", "").trim().split("\\s+"))
                    .filter(a -> !a.isEmpty())).toList();

    private final long seed = Long.getLong("failover.seed", System.nanoTime());
    private final Instant started = Instant.now();
    private final ServiceProcess[] differs = new ServiceProcess[INSTANCES];
    private final AtomicInteger stepsPublished = new AtomicInteger();
    private volatile Instant stepStarted = Instant.now();
    private Path work;
    private KafkaBroker broker;
    private Admin admin;
    private DifferProgress progress;
    private String applicationId;
    private Chaos chaos;
    private final Map<String, Change> expectedById = new HashMap<>();

    @BeforeAll
    void start() throws Exception {
        work = Files.createDirectories(Path.of("target", "differ-failover-" + System.currentTimeMillis())).toAbsolutePath();
        log("seed %d (replay with -Dfailover.seed=%d); %d kills wanted; work dir %s; differ JVM options %s", seed, seed,
                TARGET_KILLS, work, DIFFER_JVM_ARGS);
        DifferDriver.requireSameEvents();
        applicationId = DifferDriver.applicationId();
        broker = KafkaBroker.start(work.resolve("kafka"));
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        progress = new DifferProgress(admin, broker.bootstrapServers(), applicationId);
        for (int i = 0; i < INSTANCES; i++) {
            String name = "differ-" + (char) ('a' + i);
            differs[i] = ServiceProcess.start("differ", name, freePort(), Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                    "TC260_DATA_DIR", work.resolve(name).toString()), DIFFER_JVM_ARGS, work.resolve("logs"));
        }
        for (ServiceProcess d : differs) {
            d.awaitReady(READY_TIMEOUT);
        }
        Map<String, Integer> partitions = new TreeMap<>();
        admin.describeTopics(List.of(Topics.SNAPSHOTS, Topics.SCRAPE_RUNS, Topics.CHANGES)).allTopicNames().get()
                .forEach((name, d) -> partitions.put(name, d.partitions().size()));
        log("both differs ready after %s; topics %s", elapsed(), partitions);
        assertThat(partitions.values()).as("the driver runs DifferTopology.build(%d)", StandardsLife.PARTITIONS)
                .containsOnly(StandardsLife.PARTITIONS);
    }

    @AfterAll
    void stop() throws Exception {
        if (chaos != null) {
            chaos.stop();
        }
        synchronized (differs) {
            for (ServiceProcess d : differs) {
                if (d != null) {
                    d.close();
                }
            }
        }
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void killedInstancesLoseNoChangeAndDuplicateNone() throws Exception {
        List<Step> script = StandardsLife.script();
        assertThat(StandardsLife.standardsIn(script)).hasSize(20);
        log("script:%n%s", StandardsLife.describe(script));
        long base = Instant.now().minus(Duration.ofHours(1)).toEpochMilli();

        // What the topology emits for the script, step by step, in one undisturbed task.
        List<List<Change>> expectedByStep = new ArrayList<>();
        try (DifferDriver driver = new DifferDriver(work.resolve("driver"))) {
            for (Step step : script) {
                expectedByStep.add(driver.pipe(step.messages(), base));
            }
        }
        List<Change> expected = expectedByStep.stream().flatMap(List::stream).toList();
        expected.forEach(c -> expectedById.put(c.id(), c));
        describeExpected(expectedByStep);
        assertThat(expected).as("the script makes the differ tell something").isNotEmpty();
        // Every change type the script can provoke (reminders come from the wall clock, which it does not move).
        assertThat(expected).extracting(Change::type).as("types told").contains(
                "standard.added", "standard.stage-changed", "standard.published", "standard.deadline-changed",
                "standard.title-changed", "standard.document-updated", "comment-period.closed", "standard.withdrawn",
                "source.health-changed", "source.baselined");
        assertThat(DifferProgress.duplicated(expected)).as("ids the driver itself told twice").isEmpty();
        // The broker interleaves the input partitions as it likes: the expectation must not depend on that.
        List<Change> interleaved = DifferDriver.replayInterleaved(script, base, new Random(seed),
                work.resolve("driver-interleaved"));
        assertThat(difference(expected, interleaved)).as("the driver's changes when the partitions interleave otherwise"
                + " (seed %d): the script or the topology depends on the arrival order across partitions", seed)
                .isEmpty();

        try (KafkaProducer<String, String> producer = StandardsLife.producer(broker.bootstrapServers());
                KafkaConsumer<String, String> reader = progress.changesReader()) {
            List<Change> seen = new ArrayList<>();
            chaos = new Chaos(new Random(seed));
            chaos.start();
            Set<String> due = new HashSet<>();
            Set<Integer> killSteps = killSteps(script.size(), new Random(seed + 1));
            log("kills into steps %s at least", killSteps);
            for (Step step : script) {
                if (killSteps.contains(step.index())) {
                    awaitArmedChaos();
                }
                Instant stepStart = Instant.now();
                stepStarted = stepStart;
                StandardsLife.publish(producer, step, base);
                stepsPublished.incrementAndGet();
                expectedByStep.get(step.index()).forEach(c -> due.add(c.id()));
                awaitProcessed(reader, seen, due, "step " + step.index());
                log("step %2d done in %5d ms: %2d expected changes, %3d seen so far, %d kills so far", step.index(),
                        Duration.between(stepStart, Instant.now()).toMillis(), expectedByStep.get(step.index()).size(),
                        seen.size(), chaos.kills.size());
            }
            chaos.stop();
            chaos.reviveAll();
            log("script published and processed after %s; %d kills: %s", elapsed(), chaos.kills.size(), chaos.kills);

            // Let it settle with both instances up, then read the whole topic afresh.
            for (ServiceProcess d : running()) {
                d.awaitReady(READY_TIMEOUT);
            }
            awaitProcessed(reader, seen, due, "the end");
        }
        List<Change> told = progress.readAllChanges();
        log("%d records on %s (read_committed)", told.size(), Topics.CHANGES);

        Set<String> toldIds = told.stream().map(Change::id).collect(Collectors.toSet());
        List<String> missing = expected.stream().filter(c -> !toldIds.contains(c.id())).map(Change::toString).toList();
        Map<String, Change> toldById = told.stream().collect(Collectors.toMap(Change::id, c -> c, (x, y) -> x));
        List<String> duplicates = DifferProgress.duplicated(told).entrySet().stream()
                .map(e -> toldById.get(e.getKey()) + " ×" + e.getValue()).toList();
        List<String> unexpected = told.stream().filter(c -> !expectedById.containsKey(c.id())).map(Change::toString)
                .toList();
        log("missing %d, duplicated %d, unexpected %d", missing.size(), duplicates.size(), unexpected.size());
        assertThat(missing).as("changes lost").isEmpty();
        assertThat(duplicates).as("changes told more than once").isEmpty();
        assertThat(unexpected).as("changes the driver does not tell").isEmpty();
        assertThat(told).hasSameSizeAs(expected);
        assertThat(chaos.kills).as("SIGKILLs while the script ran").hasSizeGreaterThanOrEqualTo(MIN_KILLS);
        log("passed after %s", elapsed());
    }

    /**
     * {@link #TARGET_KILLS} steps drawn at random (never the baseline or the last one): before each of them, waits until
     * the chaos is armed, so that it kills into that step's processing. It may kill into other steps too.
     */
    private static Set<Integer> killSteps(int steps, Random random) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 1; i < steps - 1; i++) {
            candidates.add(i);
        }
        Collections.shuffle(candidates, random);
        return new TreeSet<>(candidates.subList(0, Math.min(TARGET_KILLS, candidates.size())));
    }

    private void awaitArmedChaos() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!chaos.armed && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
    }

    // ---------------------------------------------------------------------------------------------- publishing

    // ---------------------------------------------------------------------------------------------- waiting

    private void awaitProcessed(KafkaConsumer<String, String> reader, List<Change> seen, Set<String> due, String what)
            throws Exception {
        progress.awaitProcessed(reader, seen, due, what, STEP_TIMEOUT, id -> expectedById.get(id).toString(),
                this::tails);
    }

    // ---------------------------------------------------------------------------------------------- chaos

    /**
     * @param assignment the partitions the instance was assigned when it died (the inputs of its active tasks)
     * @param intoStep   how long after the step's publication began the kill came
     */
    record Kill(String instance, long pid, int exitStatus, int step, long intoStep, String assignment) {
        @Override
        public String toString() {
            return "%s (pid %d, exit %d) %d ms into step %d, active on %s".formatted(instance, pid, exitStatus, intoStep,
                    step, assignment);
        }
    }

    /**
     * Every 3–10 s (then armed): waits for the next step to be published, 0–500 ms into its processing kills a random
     * instance with SIGKILL, starts it again 1–3 s later and waits until it is ready.
     */
    private final class Chaos {
        final List<Kill> kills = new CopyOnWriteArrayList<>();
        volatile boolean armed;
        private final Random random;
        private final Thread thread;
        private volatile boolean stopping;

        Chaos(Random random) {
            this.random = random;
            this.thread = new Thread(this::loop, "chaos");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void loop() {
            try {
                while (!stopping) {
                    Thread.sleep(3000 + random.nextInt(7000));
                    int before = stepsPublished.get();
                    armed = true;
                    while (stepsPublished.get() == before && !stopping) {
                        Thread.sleep(20);
                    }
                    armed = false;
                    if (stopping) {
                        return;
                    }
                    int step = stepsPublished.get() - 1;
                    Instant stepStart = stepStarted;
                    int victim = random.nextInt(INSTANCES);
                    ServiceProcess d;
                    synchronized (differs) {
                        d = differs[victim];
                    }
                    Thread.sleep(random.nextInt(500));
                    int exit = d.kill();
                    // The dead member keeps its assignment until its session times out.
                    String assignment = assignmentOf(d.name());
                    Kill kill = new Kill(d.name(), d.pid(), exit, step,
                            Duration.between(stepStart, Instant.now()).toMillis(), assignment);
                    kills.add(kill);
                    log("KILL -9 %s", kill);
                    Thread.sleep(1000 + random.nextInt(2000));
                    synchronized (differs) {
                        differs[victim] = d.restart();
                        d = differs[victim];
                    }
                    log("restarted %s (pid %d)", d.name(), d.pid());
                    try {
                        d.awaitReady(READY_TIMEOUT);
                        log("%s ready again", d.name());
                    } catch (IllegalStateException e) {
                        log("%s", e.getMessage());
                    }
                }
            } catch (InterruptedException e) {
                // stop() wants us gone
            } catch (Exception e) {
                log("chaos failed: %s", e);
            }
        }

        void stop() throws InterruptedException {
            stopping = true;
            thread.interrupt();
            thread.join(30_000);
        }

        /** Starts every instance the chaos left dead. */
        void reviveAll() throws IOException {
            synchronized (differs) {
                for (int i = 0; i < INSTANCES; i++) {
                    if (differs[i] != null && !differs[i].isAlive()) {
                        differs[i] = differs[i].restart();
                        log("restarted %s after the chaos (pid %d)", differs[i].name(), differs[i].pid());
                    }
                }
            }
        }
    }

    /** The partitions assigned to an instance's stream thread, from the group (members are named by process id). */
    private String assignmentOf(String instance) {
        try {
            Path metadata = work.resolve(instance).resolve("differ-state").resolve(applicationId)
                    .resolve("kafka-streams-process-metadata");
            String processId = EventJson.mapper().readTree(Files.readString(metadata)).path("processId").asText();
            Map<String, Set<Integer>> byTopic = new TreeMap<>();
            admin.describeConsumerGroups(List.of(applicationId)).describedGroups().get(applicationId)
                    .get(5, TimeUnit.SECONDS).members().stream()
                    .filter(m -> m.clientId().contains(processId))
                    .flatMap(m -> m.assignment().topicPartitions().stream())
                    .forEach(p -> byTopic.computeIfAbsent(p.topic().replace(applicationId + "-", ""),
                            t -> new TreeSet<>()).add(p.partition()));
            return byTopic.isEmpty() ? "nothing" : byTopic.toString();
        } catch (Exception e) {
            return "(unknown: " + e + ")";
        }
    }

    private List<ServiceProcess> running() {
        synchronized (differs) {
            return List.of(differs);
        }
    }

    // ---------------------------------------------------------------------------------------------- reporting

    private void describeExpected(List<List<Change>> byStep) {
        Map<String, Long> byType = byStep.stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(Change::type, TreeMap::new, Collectors.counting()));
        log("expected %d changes (driver), by type: %s", byStep.stream().mapToInt(List::size).sum(), byType);
        for (int i = 0; i < byStep.size(); i++) {
            log("  step %2d: %s", i, byStep.get(i).stream().map(c -> c.type() + " " + c.standardKey() + " v" + c.version())
                    .toList());
        }
    }

    /** What only one of two lists of changes holds (by id, counted), described; empty when they hold the same. */
    private static List<String> difference(List<Change> a, List<Change> b) {
        Map<String, Long> count = new HashMap<>();
        a.forEach(c -> count.merge(c.id(), 1L, Long::sum));
        b.forEach(c -> count.merge(c.id(), -1L, Long::sum));
        List<String> out = new ArrayList<>();
        a.stream().filter(c -> count.get(c.id()) > 0).distinct().forEach(c -> out.add("only in publishing order: " + c));
        b.stream().filter(c -> count.get(c.id()) < 0).distinct().forEach(c -> out.add("only in the other order: " + c));
        return out;
    }

    private String tails() {
        return ServiceProcess.tails(running());
    }

    private String elapsed() {
        return Duration.between(started, Instant.now()).toMillis() / 100 / 10.0 + " s";
    }

    private synchronized void log(String format, Object... args) {
        String line = "[failover +" + elapsed() + "] " + format.formatted(args);
        System.out.println(line);
        try {
            Files.writeString(work.resolve("failover.log"), line + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("(cannot write failover.log: " + e + ")");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
