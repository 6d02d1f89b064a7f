package org.tc260watch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tc260watch.deploy.KafkaBroker;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.EventJson;
import org.tc260watch.events.Topics;
import org.tc260watch.scraper.sim.Tc260Simulator;

/**
 * The whole pipeline as it runs in production: the three packaged services as separate processes, a real Kafka broker
 * (child JVM), the TC260 site simulated on loopback and a real SMTP server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineIT {

    private static final String ADMIN_TOKEN = "e2e-" + UUID.randomUUID();
    private static final Schema CHANGE_SCHEMA = SchemaRegistry
            .withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(PipelineIT.class.getResourceAsStream("/schemas/change.v1.json"));
    private static final String SUBSCRIBER = "compliance@example.org";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> running = new ArrayList<>();
    private KafkaBroker broker;
    private Tc260Simulator site;
    private GreenMail smtp;
    private ServiceProcess scraper;
    private ServiceProcess differ;
    private ServiceProcess notifier;
    private KafkaConsumer<String, String> changesTopic;
    private final List<ChangeEvent> onTopic = new ArrayList<>();

    @BeforeAll
    void startEverything() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "e2e-" + System.currentTimeMillis())).toAbsolutePath();
        broker = KafkaBroker.start(work.resolve("kafka"));
        running.add(broker);
        site = new Tc260Simulator();
        site.setState(1);
        running.add(site);
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        Map<String, String> common = Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        differ = start("differ", common, Map.of("TC260_DATA_DIR", work.resolve("differ").toString()), work);
        notifier = start("notifier", common, Map.of(
                "TC260_DATA_DIR", work.resolve("notifier").toString(),
                "MAILER_HOST", "127.0.0.1",
                "MAILER_PORT", Integer.toString(smtp.getSmtp().getPort()),
                "MAILER_FROM", "tc260-watch@example.org",
                "NOTIFIER_DELIVERY_INTERVAL", "1s"), work);
        scraper = start("scraper", common, Map.of(
                "TC260_BASE_URL", site.baseUrl(),
                "TC260_POLL_INTERVAL", "1h",
                "TC260_POLL_DELAY", "1h",
                "TC260_FETCH_MIN_DELAY", "0s",
                "ADMIN_TOKEN", ADMIN_TOKEN), work);
        for (ServiceProcess s : List.of(differ, notifier, scraper)) {
            s.awaitReady(Duration.ofSeconds(90));
        }

        changesTopic = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-observer",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer());
        changesTopic.subscribe(List.of(Topics.CHANGES));
    }

    private ServiceProcess start(String module, Map<String, String> common, Map<String, String> own, Path work)
            throws IOException {
        Map<String, String> env = new java.util.HashMap<>(common);
        env.putAll(own);
        ServiceProcess p = ServiceProcess.start(module, freePort(), env, work.resolve("logs"));
        running.add(0, p);
        return p;
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (changesTopic != null) {
            changesTopic.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        for (AutoCloseable c : running) {
            c.close();
        }
    }

    @Test
    void baselineThenANewDraftThenAMovedDeadline() throws Exception {
        Subscribing.subscribeAndConfirm(http, notifier, () -> smtp, SUBSCRIBER);

        // State 1: the first healthy run is the baseline; nobody hears of a standard. Each healthy source says once
        // that it has its baseline, each other one what its health is (kept in the history, mailed to nobody).
        List<String> verdicts = poll();
        awaitStandardsKnown(3);
        List<String> expected = verdicts.stream().map(v -> v.endsWith(" HEALTHY")
                ? ChangeType.SOURCE_BASELINED.wireName() + " source:" + v.substring(0, v.indexOf(' '))
                : ChangeType.SOURCE_HEALTH_CHANGED.wireName() + " source:" + v.substring(0, v.indexOf(' '))).toList();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(apiChanges(true))
                .extracting(c -> c.get("type").asText() + " " + c.get("standardKey").asText())
                .containsExactlyInAnyOrderElementsOf(expected));
        assertQuiet(0);

        // State 2: one new draft appears.
        site.setState(2);
        poll();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(apiChanges()).hasSize(1));
        JsonNode added = apiChanges().get(0);
        assertThat(added.get("type").asText()).isEqualTo(ChangeType.STANDARD_ADDED.wireName());
        // Generous: a send that times out (30 s) is retried after the back-off (30 s); it must still arrive, once.
        await().atMost(Duration.ofSeconds(150)).untilAsserted(() -> assertThat(alerts()).hasSize(1));
        MimeMessage mail = alerts().get(0);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(SUBSCRIBER);
        assertThat(mail.getSubject()).contains(added.path("state").path("title").asText().substring(0, 6));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(readTopic()).hasSize(1));
        assertThat(onTopic.get(0).id()).isEqualTo(added.get("id").asText());
        assertQuiet(1);

        // State 3: one deadline moves.
        site.setState(3);
        poll();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(apiChanges()).hasSize(2));
        JsonNode moved = apiChanges().get(0);
        assertThat(moved.get("type").asText()).isEqualTo(ChangeType.DEADLINE_CHANGED.wireName());
        assertThat(moved.path("changes").get(0).get("field").asText()).isEqualTo("commentEnd");
        await().atMost(Duration.ofSeconds(150)).untilAsserted(() -> assertThat(alerts()).hasSize(2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(readTopic()).hasSize(2));
        assertThat(onTopic).extracting(ChangeEvent::type)
                .containsExactly(ChangeType.STANDARD_ADDED, ChangeType.DEADLINE_CHANGED);
        assertQuiet(2);
    }

    /** The mails after the confirmation: the alerts. */
    private List<MimeMessage> alerts() {
        MimeMessage[] received = smtp.getReceivedMessages();
        return List.of(received).subList(Math.min(1, received.length), received.length);
    }

    /** Nothing more arrives anywhere for a few seconds: exactly {@code n} standard changes, mails and topic records. */
    private void assertQuiet(int n) throws Exception {
        Thread.sleep(3000);
        assertThat(apiChanges()).hasSize(n);
        assertThat(alerts()).hasSize(n);
        assertThat(readTopic()).hasSize(n);
    }

    /** @return the poll's verdicts, "{source} {health}" per run */
    private List<String> poll() throws Exception {
        HttpResponse<String> r = post(scraper.url("/admin/poll"), "", ADMIN_TOKEN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> verdicts = new ArrayList<>();
        for (JsonNode run : EventJson.mapper().readTree(r.body()).get("runs")) {
            verdicts.add(run.path("source").asText() + " " + run.path("health").asText());
        }
        assertThat(verdicts).as(r.body()).anyMatch(v -> v.endsWith(" HEALTHY"));
        return verdicts;
    }

    /** The differ has read the baseline: the states of {@code count} standards are on tc260.standards. */
    private void awaitStandardsKnown(int count) throws Exception {
        KafkaConsumer<String, String> standards = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-standards-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer());
        try (standards) {
            standards.subscribe(List.of(Topics.STANDARDS));
            java.util.Set<String> keys = new java.util.HashSet<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                standards.poll(Duration.ofMillis(500)).forEach(r -> keys.add(r.key()));
                return keys.size() >= count;
            });
            assertThat(keys).hasSize(count);
        }
    }

    /** Reads new records of the public topic; each must satisfy the published schema. Keeps the standard changes. */
    private List<ChangeEvent> readTopic() throws Exception {
        for (var record : changesTopic.poll(Duration.ofMillis(500))) {
            JsonNode json = EventJson.mapper().readTree(record.value());
            assertThat(CHANGE_SCHEMA.validate(json, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true))))
                    .as(record.value()).isEmpty();
            ChangeEvent change = EventJson.mapper().treeToValue(json, ChangeEvent.class);
            assertThat(record.key()).isEqualTo(change.standardKey());
            if (!change.type().aboutSource()) {
                onTopic.add(change);
            }
        }
        return onTopic;
    }

    private List<JsonNode> apiChanges() throws Exception {
        return apiChanges(false);
    }

    /** The changes the notifier serves: about standards, or ({@code sources}) about the site's sources. */
    private List<JsonNode> apiChanges(boolean sources) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(notifier.url("/api/changes"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        EventJson.mapper().readTree(r.body()).get("items").forEach(items::add);
        return items.stream().filter(c -> c.get("type").asText().startsWith("source.") == sources).toList();
    }

    private HttpResponse<String> post(String url, String json, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
