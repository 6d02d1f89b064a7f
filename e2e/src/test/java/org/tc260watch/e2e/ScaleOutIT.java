package org.tc260watch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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

/**
 * Scale-out as docs/operations.md describes it: two differ instances (one Kafka Streams application, exactly-once) and
 * two notifier instances (one consumer group, one PostgreSQL database, the notifier built for PostgreSQL:
 * {@code notifier/target/quarkus-app-postgresql}), all packaged services in processes of their own, on one broker.
 * <ul>
 * <li>each change is emitted once: {@code tc260.changes} (read_committed) holds every change the topology emits for
 * the {@link StandardsLife} script in a {@link DifferDriver}, each exactly once;</li>
 * <li>each mail is sent once: every confirmation, every alert (each standard change to each instant subscriber) and
 * the daily digest, asked of both instances at the same moment, arrive exactly once.</li>
 * </ul>
 * Subscribers subscribe at one instance and confirm at the other (one database, one token secret). Logs:
 * {@code target/scale-out-*}/logs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutIT {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
    private static final int INSTANT_SUBSCRIBERS = 3;
    private static final String DIGEST_SUBSCRIBER = "daily@example.org";
    private static final String ADMIN_TOKEN = "scale-" + UUID.randomUUID();
    /** The notifier's {@code Message-ID} of an alert: {@code <alert.{change id}.{subscription id}@…>}. */
    private static final Pattern ALERT_ID = Pattern.compile("<alert\\.(.+)\\.[0-9a-f-]{36}@[^>]+>");

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AutoCloseable> running = new ArrayList<>();
    private final List<ServiceProcess> differs = new ArrayList<>();
    private final List<ServiceProcess> notifiers = new ArrayList<>();
    private Path work;
    private KafkaBroker broker;
    private Admin admin;
    private GreenMail smtp;
    private DifferProgress progress;

    @BeforeAll
    void start() throws Exception {
        work = Files.createDirectories(Path.of("target", "scale-out-" + System.currentTimeMillis())).toAbsolutePath();
        DifferDriver.requireSameEvents();
        broker = KafkaBroker.start(work.resolve("kafka"));
        running.add(broker);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
        running.add(admin);
        progress = new DifferProgress(admin, broker.bootstrapServers(), DifferDriver.applicationId());
        String jdbcUrl = postgresql();
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        running.add(smtp::stop);

        for (String name : List.of("differ-a", "differ-b")) {
            differs.add(started(ServiceProcess.start("differ", name, freePort(), Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                    "TC260_DATA_DIR", work.resolve(name).toString()), List.of(), work.resolve("logs"))));
        }
        // Replicas share the database and must share the token secret: a link signed by one is followed at the other.
        String tokenSecret = UUID.randomUUID().toString();
        for (String name : List.of("notifier-a", "notifier-b")) {
            Map<String, String> env = new HashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
            env.put("TC260_DATA_DIR", work.resolve(name).toString());
            env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl);
            env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            env.put("NOTIFIER_TOKEN_SECRET", tokenSecret);
            env.put("ADMIN_TOKEN", ADMIN_TOKEN);
            env.put("MAILER_HOST", "127.0.0.1");
            env.put("MAILER_PORT", Integer.toString(smtp.getSmtp().getPort()));
            env.put("MAILER_FROM", "tc260-watch@example.org");
            env.put("NOTIFIER_DELIVERY_INTERVAL", "1s");
            notifiers.add(started(ServiceProcess.startApp("notifier/target/quarkus-app-postgresql", name, freePort(),
                    env, List.of(), work.resolve("logs"))));
        }
        // All four started together: both notifiers migrate the empty database at once (Flyway locks it).
        for (ServiceProcess s : running()) {
            s.awaitReady(READY_TIMEOUT);
        }
    }

    private ServiceProcess started(ServiceProcess p) {
        running.add(0, p);
        return p;
    }

    /** An embedded PostgreSQL (zonky, as the notifier's own tests use) with an empty database. @return its JDBC URL */
    private String postgresql() throws Exception {
        Path home = Files.createDirectories(work.resolve("postgresql"));
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(home.resolve("data"))
                .setCleanDataDirectory(true)
                .setOutputRedirector(Redirect.appendTo(home.resolve("postgres.log").toFile()))
                .setErrorRedirector(Redirect.appendTo(home.resolve("postgres.log").toFile()))
                .start();
        running.add(server);
        try (Connection db = server.getPostgresDatabase().getConnection(); Statement sql = db.createStatement()) {
            sql.execute("CREATE DATABASE notifier");
        }
        return "jdbc:postgresql://localhost:" + server.getPort() + "/notifier";
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : running) {
            c.close();
        }
    }

    @Test
    void twoDiffersAndTwoNotifiersTellEachChangeOnceAndSendEachMailOnce() throws Exception {
        // Subscribed at one instance, confirmed at the other.
        List<String> instant = new ArrayList<>();
        for (int i = 0; i < INSTANT_SUBSCRIBERS; i++) {
            instant.add("reader-" + i + "@example.org");
        }
        List<String> everyone = new ArrayList<>(instant);
        everyone.add(DIGEST_SUBSCRIBER);
        for (int i = 0; i < everyone.size(); i++) {
            String email = everyone.get(i);
            String delivery = email.equals(DIGEST_SUBSCRIBER) ? ",\"delivery\":\"DAILY\"" : "";
            HttpResponse<String> r = post(notifiers.get(i % 2).url("/api/subscriptions"),
                    "{\"email\":\"" + email + "\"" + delivery + "}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> smtp.getReceivedMessages().length >= everyone.size());
        Thread.sleep(3000);
        MimeMessage[] confirmations = smtp.getReceivedMessages();
        assertThat(recipients(confirmations)).as("one confirmation per subscriber (sent by one instance only)")
                .containsExactlyInAnyOrderElementsOf(everyone);
        for (int i = 0; i < confirmations.length; i++) {
            ServiceProcess other = notifiers.get((everyone.indexOf(recipient(confirmations[i])) + 1) % 2);
            HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(URI.create(other.url(confirmLink(
                    confirmations[i])))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        }

        // What the differ must tell for the script, computed by its topology in one undisturbed task.
        List<Step> script = StandardsLife.script();
        long base = Instant.now().minus(Duration.ofHours(1)).toEpochMilli();
        List<List<Change>> expectedByStep = new ArrayList<>();
        try (DifferDriver driver = new DifferDriver(work.resolve("driver"))) {
            for (Step step : script) {
                expectedByStep.add(driver.pipe(step.messages(), base));
            }
        }
        Map<String, Change> expected = expectedByStep.stream().flatMap(List::stream)
                .collect(Collectors.toMap(Change::id, c -> c));

        // Published step by step: the next once the previous is processed (as DifferFailoverIT does).
        try (KafkaProducer<String, String> producer = StandardsLife.producer(broker.bootstrapServers());
                KafkaConsumer<String, String> reader = progress.changesReader()) {
            List<Change> seen = new ArrayList<>();
            Set<String> due = new HashSet<>();
            for (Step step : script) {
                StandardsLife.publish(producer, step, base);
                expectedByStep.get(step.index()).forEach(c -> due.add(c.id()));
                progress.awaitProcessed(reader, seen, due, "step " + step.index(), STEP_TIMEOUT,
                        id -> expected.get(id).toString(), this::tails);
            }
        }
        // Both differs were members of the Streams application throughout, sharing its tasks.
        assertThat(admin.describeConsumerGroups(List.of(DifferDriver.applicationId())).all().get()
                .get(DifferDriver.applicationId()).members()).as("members of the differ's group").hasSize(2)
                .allSatisfy(m -> assertThat(m.assignment().topicPartitions()).as("its tasks' partitions").isNotEmpty());

        List<Change> told = progress.readAllChanges();
        Map<String, Long> count = told.stream().collect(Collectors.groupingBy(Change::id, TreeMap::new,
                Collectors.counting()));
        assertThat(count.keySet()).as("changes on tc260.changes").isEqualTo(new java.util.TreeSet<>(expected.keySet()));
        assertThat(DifferProgress.duplicated(told)).as("changes told more than once").isEmpty();

        // Each standard change (source changes are mailed to nobody) to each instant subscriber, once.
        Set<String> standardChanges = expected.values().stream().filter(c -> !c.type().startsWith("source."))
                .map(c -> messageIdPart(c.id())).collect(Collectors.toSet());
        int alertsExpected = standardChanges.size() * INSTANT_SUBSCRIBERS;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> alerts().size() >= alertsExpected);

        // The daily digest, asked of both instances at once: one is made (the unique key), and sent once.
        List<CompletableFuture<HttpResponse<String>>> runs = notifiers.stream()
                .map(n -> http.sendAsync(HttpRequest.newBuilder(URI.create(n.url("/admin/digests/run?period=DAILY")))
                        .header("Authorization", "Bearer " + ADMIN_TOKEN).POST(HttpRequest.BodyPublishers.noBody())
                        .build(), HttpResponse.BodyHandlers.ofString()))
                .toList();
        int digests = 0;
        for (CompletableFuture<HttpResponse<String>> run : runs) {
            HttpResponse<String> r = run.get();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            digests += EventJson.mapper().readTree(r.body()).get("digests").asInt();
        }
        assertThat(digests).as("digests made by the two instances together").isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(DIGEST_SUBSCRIBER).size() >= 2);
        // Anything sent twice would come now (both senders pass every second).
        Thread.sleep(5000);

        Map<String, Integer> alertCount = new HashMap<>();
        for (MimeMessage mail : alerts()) {
            Matcher m = ALERT_ID.matcher(mail.getMessageID());
            assertThat(m.matches()).as(mail.getMessageID()).isTrue();
            alertCount.merge(recipient(mail) + " " + m.group(1), 1, Integer::sum);
        }
        Set<String> alertsWanted = new HashSet<>();
        for (String subscriber : instant) {
            standardChanges.forEach(c -> alertsWanted.add(subscriber + " " + c));
        }
        assertThat(alertCount.keySet()).as("every alert arrived").isEqualTo(alertsWanted);
        assertThat(alertCount.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("alerts that arrived more than once").isEmpty();
        assertThat(mailsTo(DIGEST_SUBSCRIBER)).as("the confirmation and one digest").hasSize(2);
        assertThat(mailsTo(DIGEST_SUBSCRIBER).get(1).getMessageID()).startsWith("<digest.daily.");
        for (String subscriber : instant) {
            assertThat(mailsTo(subscriber)).as(subscriber).hasSize(1 + standardChanges.size());
        }
        // Both notifiers took part: each consumed a share of tc260.changes' partitions.
        for (ServiceProcess n : notifiers) {
            assertThat(Files.readString(work.resolve("logs").resolve(n.name() + ".log"))).as(n.name())
                    .contains("Stored change");
        }
    }

    /** A change id as the notifier writes it into a Message-ID. */
    private static String messageIdPart(String changeId) {
        return changeId.replaceAll("[^A-Za-z0-9._-]", "-");
    }

    private List<MimeMessage> alerts() {
        return List.of(smtp.getReceivedMessages()).stream()
                .filter(m -> messageId(m).startsWith("<alert.")).toList();
    }

    private List<MimeMessage> mailsTo(String email) {
        return List.of(smtp.getReceivedMessages()).stream().filter(m -> recipient(m).equals(email)).toList();
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(MimeMessage[] mails) {
        return List.of(mails).stream().map(ScaleOutIT::recipient).toList();
    }

    /** The path and query of the confirmation link in the mail's text part. */
    private static String confirmLink(MimeMessage mail) throws Exception {
        Object content = mail.getContent();
        String text = content instanceof MimeMultipart parts ? (String) parts.getBodyPart(0).getContent() : (String) content;
        Matcher link = Pattern.compile("https?://[^/\\s]+(/subscriptions/confirm\\?token=\\S+)").matcher(text);
        assertThat(link.find()).as(text).isTrue();
        return link.group(1);
    }

    private HttpResponse<String> post(String url, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<ServiceProcess> running() {
        List<ServiceProcess> all = new ArrayList<>(differs);
        all.addAll(notifiers);
        return all;
    }

    private String tails() {
        return ServiceProcess.tails(running());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
