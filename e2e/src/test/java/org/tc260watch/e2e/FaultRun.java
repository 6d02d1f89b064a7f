package org.tc260watch.e2e;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.tc260watch.deploy.KafkaBroker;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.EventJson;
import org.tc260watch.events.Topics;
import org.tc260watch.scraper.sim.Tc260Simulator;

/**
 * One run of the fault-injection suite: the three packaged services, a real broker, a real SMTP server and the TC260
 * site simulated on loopback, taken from the site's state 300 (baseline) to state 301 (the changes) through a seeded
 * random sequence of {@link Fault}s. It records what went wrong instead of stopping at the first problem, so that one
 * run reports every broken invariant; {@link FaultInjectionIT} fails on any.
 */
final class FaultRun implements AutoCloseable {

    /** The site's state before and after the changes (the current {@code .shtml} generation, see tc260-sim/README-shtml.md). */
    static final int BEFORE = 300;
    static final int AFTER = 301;
    /**
     * The standard changes the site's move from state 300 to 301 makes, as "type key", each exactly once: project
     * 20262852-T-469's comment period moves, and the new notice is a new document of that project.
     */
    static final Set<String> EXPECTED = Set.of(
            ChangeType.DEADLINE_CHANGED.wireName() + " 20262852-T-469",
            ChangeType.DOCUMENT_UPDATED.wireName() + " 20262852-T-469");
    static final List<String> SUBSCRIBERS = List.of("ciso@example.org", "legal@example.org", "standards@example.org");
    /** Entry paths of the page types a soft 404 is injected into: each is read by one source. */
    private static final List<String> PAGE_TYPES = List.of("/tc260/tzgg/", "/tc260/xwdt1/", "/tc260/sjzn/",
            "/tc260-webapp/api/projectOpinion/");
    private static final String REDESIGNED_NOTICES =
            "../org/tc260watch/scraper/source/shtml/tzgg-list-redesigned.handmade.html";
    private static final String REDESIGNED_SITE = "core/homepage-redesigned.html";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READY = Duration.ofSeconds(150);
    /** Claims of a killed notifier are taken up after this; a mail sent twice would arrive within it. */
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);
    /** Mails the notifier has in flight at once: each can be sent again after a crash or an outage (RFC 1047). */
    private static final int SENDER_CONCURRENCY = 4;
    private static final List<String> FAST_FAILOVER = List.of(
            "-Dkafka-streams.session.timeout.ms=6000", "-Dkafka-streams.heartbeat.interval.ms=1500");
    private static final List<String> NOTIFIER_FAST_FAILOVER = List.of(
            "-Dmp.messaging.incoming.changes.session.timeout.ms=6000",
            "-Dmp.messaging.incoming.changes.heartbeat.interval.ms=1500",
            "-Dmp.messaging.incoming.standards.session.timeout.ms=6000",
            "-Dmp.messaging.incoming.standards.heartbeat.interval.ms=1500");

    /** @param smtpOutage how long an {@link Fault#SMTP_OUTAGE} lasts; the delivery back-off is scaled to it */
    record Settings(Duration smtpOutage) {
    }

    /** What one run did and found; {@link #problems()} empty means every invariant held. */
    record Outcome(long seed, List<String> steps, Set<String> standardChanges, int alerts, int resends,
            int degradationsReported, int degradationsInjected, Duration took, List<String> problems) {
    }

    private record PollAnswer(int status, Map<String, String> health, String body) {
        boolean healthy(String source) {
            return "HEALTHY".equals(health.get(source));
        }
    }

    private final long seed;
    private final Random random;
    private final Settings settings;
    private final Path work;
    private final String adminToken = "faults-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> steps = new ArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<MimeMessage> mailOfStoppedServers = new CopyOnWriteArrayList<>();
    /** Every record of tc260.changes, read committed: "id type key". */
    private final List<ChangeEvent> onTopic = new ArrayList<>();
    private final int smtpPort;
    private final int kafkaPort;
    private KafkaBroker broker;
    private Tc260Simulator site;
    private volatile GreenMail smtp;
    private CompletableFuture<Void> smtpBack = CompletableFuture.completedFuture(null);
    private ServiceProcess scraper;
    private ServiceProcess differ;
    private ServiceProcess notifier;
    private KafkaConsumer<String, String> changes;
    /** Sources that are HEALTHY on the healthy site: a fault must show on at least one of them. */
    private Set<String> healthySources = Set.of();
    private final Set<String> everDegraded = new LinkedHashSet<>();
    private int injected;
    private int reported;
    private int notifierKills;
    private int smtpOutages;

    FaultRun(long seed, Settings settings, Path work) throws Exception {
        this.seed = seed;
        this.random = random(seed);
        this.settings = settings;
        this.work = Files.createDirectories(work);
        this.smtpPort = Subscribing.freePort();
        this.kafkaPort = Subscribing.freePort();
    }

    /**
     * The random numbers of one seed. {@code new Random(seed)} is not enough: its first draws for neighbouring seeds
     * (a run of the full form has seed, seed + 1, …) are nearly the same, so every run kept the same first fault.
     */
    static Random random(long seed) {
        return new Random(new SplittableRandom(seed).nextLong());
    }

    /** A random sequence of faults: every kind at least once when {@code all}, else a random selection of them. */
    static List<Fault> draw(Random random, boolean all) {
        List<Fault> faults = new ArrayList<>(List.of(Fault.values()));
        if (!all) {
            faults.removeIf(f -> random.nextBoolean());
            while (faults.size() < 3) {
                faults.add(Fault.values()[random.nextInt(Fault.values().length)]);
            }
        }
        Collections.shuffle(faults, random);
        return faults;
    }

    Outcome execute(List<Fault> faults) throws Exception {
        Instant started = Instant.now();
        startEverything();
        for (String email : SUBSCRIBERS) {
            Subscribing.subscribeAndConfirm(http, notifier, () -> smtp, email);
        }
        PollAnswer baseline = pollUntilHealthy();
        healthySources = baseline.health().entrySet().stream().filter(e -> e.getValue().equals("HEALTHY"))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(LinkedHashSet::new));
        step("baseline poll of state " + BEFORE + ": healthy sources " + healthySources);

        // The site changes somewhere in the sequence: faults before and after it, so that the changes are first
        // seen while something is broken, or while the pipeline recovers.
        int change = random.nextInt(faults.size() + 1);
        for (int i = 0; i <= faults.size(); i++) {
            if (i == change) {
                site.setState(AFTER);
                step("site moves to state " + AFTER);
            }
            if (i < faults.size()) {
                inject(faults.get(i));
            }
        }
        recoverAndCheck();
        return new Outcome(seed, List.copyOf(steps), standardChanges().stream().map(FaultRun::typeAndKey)
                .collect(Collectors.toCollection(java.util.TreeSet::new)), alertCount(), resends(), reported, injected,
                Duration.between(started, Instant.now()), List.copyOf(problems));
    }

    private void startEverything() throws Exception {
        broker = KafkaBroker.start(work.resolve("kafka"), kafkaPort);
        site = new Tc260Simulator(Tc260Simulator.DEFAULT_FIXTURE_ROOT, BEFORE);
        smtp = startSmtp();
        Map<String, String> common = Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        // Delivery retries scaled to the outage: attempts go on well past its end, every few seconds for short ones.
        Duration maxBackoff = settings.smtpOutage().compareTo(Duration.ofMinutes(2)) > 0
                ? Duration.ofMinutes(2) : Duration.ofSeconds(10);
        Duration initialBackoff = maxBackoff.toMinutes() >= 2 ? Duration.ofSeconds(30) : Duration.ofSeconds(2);
        differ = start("differ", common, Map.of("TC260_DATA_DIR", work.resolve("differ").toString()), FAST_FAILOVER);
        notifier = start("notifier", common, Map.ofEntries(
                Map.entry("TC260_DATA_DIR", work.resolve("notifier").toString()),
                Map.entry("MAILER_HOST", "127.0.0.1"),
                Map.entry("MAILER_PORT", Integer.toString(smtpPort)),
                Map.entry("MAILER_FROM", "tc260-watch@example.org"),
                Map.entry("ADMIN_TOKEN", adminToken),
                Map.entry("NOTIFIER_DELIVERY_INTERVAL", "1s"),
                Map.entry("NOTIFIER_DELIVERY_INITIAL_BACKOFF", initialBackoff.toSeconds() + "s"),
                Map.entry("NOTIFIER_DELIVERY_MAX_BACKOFF", maxBackoff.toSeconds() + "s"),
                Map.entry("NOTIFIER_DELIVERY_CLAIM_TIMEOUT", CLAIM_TIMEOUT.toSeconds() + "s"),
                Map.entry("NOTIFIER_DELIVERY_CONCURRENCY", Integer.toString(SENDER_CONCURRENCY)),
                Map.entry("NOTIFIER_MAIL_SEND_TIMEOUT", "5s"),
                Map.entry("NOTIFIER_MONITORING_REFRESH", "1s")), NOTIFIER_FAST_FAILOVER);
        scraper = start("scraper", common, Map.of(
                "TC260_BASE_URL", site.baseUrl(),
                "TC260_POLL_INTERVAL", "off",
                "TC260_FETCH_MIN_DELAY", "0s",
                "TC260_FETCH_CONNECT_TIMEOUT", "2s",
                "TC260_FETCH_READ_TIMEOUT", READ_TIMEOUT.toSeconds() + "s",
                "TC260_FETCH_RETRY_ATTEMPTS", "2",
                "TC260_FETCH_RETRY_INITIAL_BACKOFF", "200ms",
                "TC260_PUBLISH_TIMEOUT", "5s",
                "ADMIN_TOKEN", adminToken), List.of());
        for (ServiceProcess s : List.of(differ, notifier, scraper)) {
            s.awaitReady(READY);
        }
        changes = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "faults-observer-" + seed,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer());
        changes.subscribe(List.of(Topics.CHANGES));
    }

    private ServiceProcess start(String module, Map<String, String> common, Map<String, String> own, List<String> jvm)
            throws Exception {
        Map<String, String> env = new HashMap<>(common);
        env.putAll(own);
        return ServiceProcess.start(module, module, Subscribing.freePort(), env, jvm, work.resolve("logs"));
    }

    private GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private void inject(Fault fault) throws Exception {
        switch (fault) {
            case SITE_5XX -> siteFault("site answers 503", () -> site.status(503));
            case SITE_TIMEOUT -> siteFault("site answers after the read timeout", () -> site.delay(READ_TIMEOUT.plusSeconds(1)));
            case SITE_DROPS_CONNECTIONS -> siteFault("site drops connections", () -> site.dropConnections(true));
            case SITE_DOWN -> siteFault("site refuses connections", site::down);
            case SOFT_404 -> {
                String prefix = PAGE_TYPES.get(random.nextInt(PAGE_TYPES.size()));
                siteFault("soft 404 under " + prefix, () -> site.override(prefix, null));
            }
            case TRUNCATED_HTML -> {
                double keep = 0.3 + 0.5 * random.nextDouble();
                siteFault("bodies truncated to %.0f%%".formatted(keep * 100), () -> site.truncateBodies(keep));
            }
            case PAGE_REDESIGNED -> siteFault("notices list redesigned",
                    () -> site.override("/tc260/tzgg/list", REDESIGNED_NOTICES));
            case SITE_REDESIGNED -> siteFault("whole site redesigned", () -> site.override("/", REDESIGNED_SITE));
            case BROKER_RESTART -> brokerRestart();
            case SMTP_OUTAGE -> smtpOutage();
            case KILL_SCRAPER -> scraper = killDuringPoll(scraper, 1500);
            case KILL_DIFFER -> differ = killDuringPoll(differ, 3000);
            case KILL_NOTIFIER -> {
                notifierKills++;
                notifier = killDuringPoll(notifier, 4000);
            }
        }
    }

    /** One poll while the site misbehaves: at least one source that reads the healthy site must say it no longer can. */
    private void siteFault(String what, Runnable fault) throws Exception {
        injected++;
        fault.run();
        PollAnswer answer;
        try {
            answer = poll();
        } finally {
            site.clearFaults();
        }
        List<String> degraded = healthySources.stream().filter(s -> answer.health().containsKey(s) && !answer.healthy(s))
                .map(s -> s + " " + answer.health().get(s)).toList();
        everDegraded.addAll(degraded.stream().map(d -> d.substring(0, d.indexOf(' '))).toList());
        if (answer.status() == 200 && !degraded.isEmpty()) {
            reported++;
            step(what + " → reported: " + String.join(", ", degraded));
        } else {
            problems.add(what + ": not reported (poll answered " + answer.status() + " " + answer.body() + ")");
            step(what + " → NOT reported");
        }
    }

    /** The broker goes away; a poll meanwhile must fail loudly (503), not pretend; then it comes back on its data. */
    private void brokerRestart() throws Exception {
        injected++;
        boolean hard = random.nextBoolean();
        if (hard) {
            ProcessHandle.of(broker.pid()).ifPresent(ProcessHandle::destroyForcibly);
            await().atMost(Duration.ofSeconds(20)).until(() -> !broker.isAlive());
        }
        broker.close();
        PollAnswer answer = poll();
        if (answer.status() == 503 && answer.body().contains("kafka-unavailable")) {
            reported++;
            step("broker stopped (" + (hard ? "SIGKILL" : "clean") + ") → poll reported 503 kafka-unavailable");
        } else {
            problems.add("broker down: poll answered " + answer.status() + " " + answer.body());
            step("broker stopped → NOT reported");
        }
        broker = KafkaBroker.start(work.resolve("kafka"), kafkaPort);
        for (ServiceProcess s : List.of(differ, notifier, scraper)) {
            s.awaitReady(READY);
        }
    }

    /** SMTP goes away for the outage time while the next steps go on; the notifier's mail health must go DOWN. */
    private void smtpOutage() throws Exception {
        injected++;
        smtpOutages++;
        awaitSmtpBack();
        GreenMail server = smtp;
        mailOfStoppedServers.addAll(List.of(server.getReceivedMessages()));
        server.stop();
        Duration outage = settings.smtpOutage();
        smtpBack = CompletableFuture.runAsync(() -> smtp = startSmtp(),
                CompletableFuture.delayedExecutor(outage.toMillis(), TimeUnit.MILLISECONDS));
        boolean down;
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> status(notifier.url("/q/health/group/mail")) == 503);
            down = true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            down = smtpBack.isDone(); // too short an outage to see: not a reporting failure
        }
        if (down) {
            reported++;
            step("SMTP down for " + outage.toSeconds() + " s → mail health DOWN");
        } else {
            problems.add("SMTP down: /q/health/group/mail stayed UP");
            step("SMTP down for " + outage.toSeconds() + " s → NOT reported");
        }
    }

    /** SIGKILL of one service a random time into a poll, then the same service again on its data. */
    private ServiceProcess killDuringPoll(ServiceProcess victim, int maxDelayMillis) throws Exception {
        int delay = random.nextInt(maxDelayMillis);
        CompletableFuture<PollAnswer> polling = CompletableFuture.supplyAsync(() -> {
            try {
                return poll();
            } catch (Exception e) {
                return new PollAnswer(0, Map.of(), e.toString());
            }
        });
        Thread.sleep(delay);
        victim.kill();
        ServiceProcess again = victim.restart().awaitReady(READY);
        PollAnswer answer = polling.get(3, TimeUnit.MINUTES);
        step("SIGKILL " + victim.name() + " " + delay + " ms into a poll (poll answered " + answer.status() + ")");
        return again;
    }

    /** Everything back, the site healthy in its final state; then nothing may be missing, doubled or invented. */
    private void recoverAndCheck() throws Exception {
        site.clearFaults().setState(AFTER);
        awaitSmtpBack();
        for (ServiceProcess s : List.of(differ, notifier, scraper)) {
            s.awaitReady(READY);
        }
        pollUntilHealthy();
        pollUntilHealthy();
        step("recovered: two healthy polls of state " + AFTER);

        // Every alert of every change, then a quiet time in which a mail sent twice would show.
        try {
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                readTopic();
                Set<String> expected = expectedAlerts();
                return !expected.isEmpty() && alertIds().containsAll(expected)
                        && standardChanges().stream().map(FaultRun::typeAndKey).collect(Collectors.toSet())
                                .containsAll(EXPECTED);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            problems.add("not every change and alert arrived within 4 minutes");
        }
        Thread.sleep(CLAIM_TIMEOUT.plusSeconds(5).toMillis());
        readTopic();

        // The changes: exactly the expected ones, each once, and never a withdrawal.
        Map<String, Long> counted = standardChanges().stream()
                .collect(Collectors.groupingBy(FaultRun::typeAndKey, TreeMap::new, Collectors.counting()));
        for (ChangeEvent c : onTopic) {
            if (c.type() == ChangeType.WITHDRAWN) {
                problems.add("FALSE WITHDRAWAL: " + typeAndKey(c) + " (" + c.id() + ")");
            }
        }
        counted.forEach((change, n) -> {
            if (!EXPECTED.contains(change)) {
                problems.add("unexpected change on tc260.changes: " + change + " ×" + n);
            } else if (n > 1) {
                problems.add("change on tc260.changes " + n + " times: " + change);
            }
        });
        EXPECTED.stream().filter(e -> !counted.containsKey(e)).forEach(e -> problems.add("LOST change: " + e));
        Set<String> ids = new LinkedHashSet<>();
        onTopic.stream().filter(c -> !ids.add(c.id())).forEach(c -> problems.add("change id twice on the topic: " + c.id()));

        // The feed: the same standard changes.
        Set<String> served = apiChangeIds();
        Set<String> published = standardChanges().stream().map(ChangeEvent::id).collect(Collectors.toSet());
        if (!served.equals(published)) {
            problems.add("/api/changes serves " + served + " but the topic has " + published);
        }

        // The alerts: one per subscriber and change; a Message-ID seen twice is a resend of a mail in flight.
        Set<String> expected = expectedAlerts();
        Set<String> got = alertIds();
        Set<String> lost = new LinkedHashSet<>(expected);
        lost.removeAll(got);
        Set<String> extra = new LinkedHashSet<>(got);
        extra.removeAll(expected);
        lost.forEach(a -> problems.add("LOST alert " + a));
        extra.forEach(a -> problems.add("alert for no expected change: " + a));
        if (resends() > (notifierKills + smtpOutages) * SENDER_CONCURRENCY) {
            problems.add(resends() + " mails arrived twice with the same Message-ID, more than the " + notifierKills
                    + " notifier kills and " + smtpOutages + " SMTP outages can explain with " + SENDER_CONCURRENCY
                    + " mails in flight");
        }

        // The degradations reached the readers: each degraded source has a source.health-changed in the history.
        Set<String> healthChanges = apiSourceHealthChanges();
        everDegraded.stream().filter(s -> !healthChanges.contains("source:" + s))
                .forEach(s -> problems.add("no source.health-changed published for " + s));
        if (status(notifier.url("/q/health/group/mail")) != 200) {
            problems.add("mail health not UP after the SMTP server came back");
        }
    }

    private void awaitSmtpBack() throws Exception {
        smtpBack.get(settings.smtpOutage().plusMinutes(1).toMillis(), TimeUnit.MILLISECONDS);
    }

    private PollAnswer pollUntilHealthy() throws Exception {
        PollAnswer last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            last = poll();
            if (last.status() == 200 && last.health().values().stream().anyMatch("HEALTHY"::equals)
                    && healthySources.stream().allMatch(last::healthy)) {
                return last;
            }
            Thread.sleep(3000);
        }
        throw new IllegalStateException("no healthy poll after recovery: " + last.status() + " " + last.body()
                + "\n" + ServiceProcess.tails(List.of(scraper)));
    }

    private PollAnswer poll() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(scraper.url("/admin/poll")))
                .timeout(Duration.ofMinutes(3)).header("Authorization", "Bearer " + adminToken)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> health = new LinkedHashMap<>();
        if (r.statusCode() == 200) {
            for (JsonNode run : EventJson.mapper().readTree(r.body()).get("runs")) {
                health.put(run.path("source").asText(), run.path("health").asText());
            }
        }
        return new PollAnswer(r.statusCode(), health, r.body().length() > 300 ? r.body().substring(0, 300) : r.body());
    }

    private int status(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return 0;
        }
    }

    private void readTopic() throws Exception {
        for (var record : changes.poll(Duration.ofMillis(500))) {
            onTopic.add(EventJson.mapper().readValue(record.value(), ChangeEvent.class));
        }
    }

    private List<ChangeEvent> standardChanges() {
        return onTopic.stream().filter(c -> !c.type().aboutSource()).toList();
    }

    private static String typeAndKey(ChangeEvent c) {
        return c.type().wireName() + " " + c.standardKey();
    }

    /** "email changeId" of every alert the subscribers must get: one per standard change. */
    private Set<String> expectedAlerts() {
        Set<String> alerts = new LinkedHashSet<>();
        for (String email : SUBSCRIBERS) {
            standardChanges().forEach(c -> alerts.add(email + " " + c.id()));
        }
        return alerts;
    }

    private List<MimeMessage> allMail() {
        List<MimeMessage> all = new ArrayList<>(mailOfStoppedServers);
        all.addAll(List.of(smtp.getReceivedMessages()));
        return all;
    }

    /** "email changeId" of every alert received (Message-ID {@code <alert.<change id>.<subscription id>@…>}). */
    private Set<String> alertIds() {
        return allMail().stream().filter(m -> Subscribing.messageId(m).startsWith("<alert."))
                .map(m -> Subscribing.recipient(m) + " " + Subscribing.messageId(m).substring("<alert.".length(),
                        "<alert.".length() + 36))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private int alertCount() {
        return (int) allMail().stream().filter(m -> Subscribing.messageId(m).startsWith("<alert.")).count();
    }

    /** Mails received more than once with the same recipient and Message-ID. */
    private int resends() {
        Map<String, Integer> seen = new HashMap<>();
        allMail().forEach(m -> seen.merge(Subscribing.recipient(m) + " " + Subscribing.messageId(m), 1, Integer::sum));
        return seen.values().stream().mapToInt(n -> n - 1).sum();
    }

    private Set<String> apiChangeIds() throws Exception {
        return apiChanges("").stream().filter(c -> !c.get("type").asText().startsWith("source."))
                .map(c -> c.get("id").asText()).collect(Collectors.toSet());
    }

    private Set<String> apiSourceHealthChanges() throws Exception {
        return apiChanges("&type=" + ChangeType.SOURCE_HEALTH_CHANGED.wireName()).stream()
                .map(c -> c.get("standardKey").asText()).collect(Collectors.toSet());
    }

    private List<JsonNode> apiChanges(String filter) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(notifier.url("/api/changes?limit=200" + filter)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("/api/changes answered " + r.statusCode() + ": " + r.body());
        }
        List<JsonNode> items = new ArrayList<>();
        EventJson.mapper().readTree(r.body()).get("items").forEach(items::add);
        return items;
    }

    private void step(String line) {
        steps.add(line);
        System.out.printf("FaultInjectionIT (seed %d): %s%n", seed, line);
    }

    /** The end of each service's log, for a failure message. */
    String tails() {
        return ServiceProcess.tails(List.of(scraper, differ, notifier));
    }

    @Override
    public void close() throws Exception {
        if (changes != null) {
            changes.close();
        }
        for (AutoCloseable c : new AutoCloseable[] {scraper, notifier, differ}) {
            if (c != null) {
                c.close();
            }
        }
        smtpBack.cancel(false);
        if (smtp != null) {
            smtp.stop();
        }
        if (site != null) {
            site.close();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
