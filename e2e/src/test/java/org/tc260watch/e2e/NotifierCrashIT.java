package org.tc260watch.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tc260watch.deploy.KafkaBroker;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.EventJson;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.events.StandardState;
import org.tc260watch.events.Topics;

/**
 * The packaged notifier is killed with SIGKILL while it is sending a batch of alerts, and started again: every alert
 * must arrive, and none twice, except the mails SMTP cannot account for: those whose last line the server had
 * received when the process died, before the server's answer could be read (RFC 1047). The notifier has at most
 * {@code notifier.delivery.concurrency} (default {@value #CONCURRENCY}) mails in flight, so at most that many may come
 * twice, with the same Message-ID, so that mail clients show each once. A real broker, a real SMTP server (GreenMail), the
 * notifier's own H2 file.
 * <p>
 * The subscribers are written into the notifier's H2 file while it is stopped (after a first start has created the
 * schema), as confirmed subscriptions: the public API only makes pending ones (double opt-in by mail), and adding an
 * admin shortcut that skips the confirmation only for this test would be a back door in the product.
 * <p>
 * Seed {@code -Dcrash.seed=N} replays the kill moment; logs are in {@code e2e/target/notifier-crash-*}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotifierCrashIT {

    private static final int SUBSCRIBERS = 80;
    private static final int CHANGES = 5;
    private static final int EXPECTED = SUBSCRIBERS * CHANGES;
    /** The kill comes after this many mails have arrived, plus a random pause. */
    private static final int KILL_AFTER = 40;
    /** Mails the notifier has in flight at once (its default, set here so the bound below holds). */
    private static final int CONCURRENCY = 4;

    private final List<AutoCloseable> running = new ArrayList<>();
    private Path work;
    private KafkaBroker broker;
    private GreenMail smtp;
    private ServiceProcess notifier;

    @BeforeAll
    void start() throws Exception {
        work = Files.createDirectories(Path.of("target", "notifier-crash-" + System.currentTimeMillis()))
                .toAbsolutePath();
        broker = KafkaBroker.start(work.resolve("kafka"));
        running.add(broker);
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        notifier = ServiceProcess.start("notifier", "notifier", freePort(), Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "TC260_DATA_DIR", work.resolve("notifier").toString(),
                "MAILER_HOST", "127.0.0.1",
                "MAILER_PORT", Integer.toString(smtp.getSmtp().getPort()),
                "MAILER_FROM", "tc260-watch@example.org",
                "ADMIN_TOKEN", "crash-" + UUID.randomUUID(),
                "NOTIFIER_DELIVERY_INTERVAL", "1s",
                "NOTIFIER_DELIVERY_CONCURRENCY", Integer.toString(CONCURRENCY),
                // A claim left by the killed process is taken up again soon after the restart.
                "NOTIFIER_DELIVERY_CLAIM_TIMEOUT", "3s"), List.of(), work.resolve("logs"));
        running.add(0, () -> notifier.close());
        // First start: Flyway makes the schema. Then stopped cleanly, so the H2 file can be opened here.
        notifier.awaitReady(Duration.ofSeconds(90));
        notifier.close();
    }

    @AfterAll
    void stop() throws Exception {
        if (smtp != null) {
            smtp.stop();
        }
        for (AutoCloseable c : running) {
            c.close();
        }
    }

    @Test
    void everyAlertArrivesOnceThoughTheNotifierIsKilledMidBatch() throws Exception {
        List<String> subscribers = seedSubscribers();
        notifier = notifier.restart().awaitReady(Duration.ofSeconds(90));

        List<ChangeEvent> changes = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (int i = 1; i <= CHANGES; i++) {
                ChangeEvent change = draft(i);
                changes.add(change);
                producer.send(new ProducerRecord<>(Topics.CHANGES, change.standardKey(),
                        EventJson.mapper().writeValueAsString(change))).get();
            }
        }

        long seed = Long.getLong("crash.seed", System.nanoTime());
        long pause = new Random(seed).nextInt(250);
        assertThat(smtp.waitForIncomingEmail(60_000, KILL_AFTER)).as("the first mails arrive").isTrue();
        Thread.sleep(pause);
        notifier.kill();
        // A message whose last line reached the server before the kill is delivered all the same: let it land.
        Thread.sleep(500);
        Set<String> beforeKill = new HashSet<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            beforeKill.add(mail.getAllRecipients()[0] + " " + mail.getMessageID());
        }
        System.out.printf("NotifierCrashIT (seed %d): killed %d ms after mail %d, with %d of %d mails sent%n", seed,
                pause, KILL_AFTER, beforeKill.size(), EXPECTED);
        assertThat(beforeKill.size()).as("killed mid-batch (seed " + seed + ")").isLessThan(EXPECTED);

        notifier = notifier.restart().awaitReady(Duration.ofSeconds(90));
        Set<String> expected = new HashSet<>();
        for (String subscriber : subscribers) {
            for (ChangeEvent change : changes) {
                expected.add(subscriber + " [TC260] 征求意见 / Open for comment: 《" + change.state().title()
                        + "》 — until 2027-03-31");
            }
        }
        // Every alert, not a count: a mail that came twice must not stand in for one still being retried.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> recipientsAndSubjects().containsAll(expected));
        // Anything sent twice would come now: a claim of the killed process is taken up after 3 s.
        Thread.sleep(8_000);

        Map<String, Integer> byMessageId = new HashMap<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            byMessageId.merge(mail.getAllRecipients()[0] + " " + mail.getMessageID(), 1, Integer::sum);
        }
        Set<String> recipientAndSubject = recipientsAndSubjects();
        assertThat(recipientAndSubject).as("every alert arrived").isEqualTo(expected);
        assertThat(byMessageId).as("one Message-ID per alert").hasSize(EXPECTED);

        // None twice, but for the mails the SMTP protocol itself cannot tell about (RFC 1047): the server had their
        // last line when the process died, before their "250" could be read and noted. Those are sent again, with
        // the same Message-ID; they can only be mails in flight at the kill, one per sender worker at most.
        List<String> doubled = byMessageId.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .toList();
        System.out.printf("NotifierCrashIT (seed %d): %s%n", seed, doubled.isEmpty() ? "no mail arrived twice"
                : "mails in flight at the kill arrived twice (same Message-ID): " + doubled);
        assertThat(doubled).as("mails that arrived twice (seed %d; log: %s)", seed, work.resolve("logs"))
                .hasSizeLessThanOrEqualTo(CONCURRENCY);
        assertThat(byMessageId.values()).allMatch(n -> n <= 2);
        assertThat(beforeKill).as("a mail sent twice was first sent before the kill").containsAll(doubled);
        assertThat(smtp.getReceivedMessages()).hasSize(EXPECTED + doubled.size());
    }

    private Set<String> recipientsAndSubjects() throws MessagingException {
        Set<String> received = new HashSet<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            received.add(mail.getAllRecipients()[0] + " " + mail.getSubject());
        }
        return received;
    }

    /** Confirmed, instant subscribers of everything, written into the stopped notifier's database. */
    private List<String> seedSubscribers() throws Exception {
        List<String> emails = new ArrayList<>();
        String url = "jdbc:h2:file:" + work.resolve("notifier").resolve("notifier");
        try (Connection db = DriverManager.getConnection(url, "sa", "");
                PreparedStatement insert = db.prepareStatement("""
                        INSERT INTO subscription (id, email, status, filters, delivery_mode, language, confirmed_at,
                            created_at, updated_at)
                        VALUES (?, ?, 'ACTIVE', '{}', 'INSTANT', 'BOTH', ?, ?, ?)""")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 1; i <= SUBSCRIBERS; i++) {
                String email = "reader-" + i + "@example.org";
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, email);
                insert.setTimestamp(3, now);
                insert.setTimestamp(4, now);
                insert.setTimestamp(5, now);
                insert.addBatch();
                emails.add(email);
            }
            insert.executeBatch();
        }
        return emails;
    }

    private static ChangeEvent draft(int i) {
        String key = "TC260-PG-2027" + i;
        String title = "网络安全技术 崩溃测试 第" + i + "号";
        Instant seen = Instant.parse("2027-02-01T02:00:00Z");
        StandardState state = new StandardState(key, List.of(key), title, ItemKind.COMMENT_DRAFT_NOTICE,
                Stage.COMMENT_DRAFT, LocalDate.of(2027, 2, 1), LocalDate.of(2027, 3, 31), null, null, List.of(),
                List.of("https://www.tc260.org.cn/portal/suggestion/detail/crash" + i), List.of(), seen, seen, 1);
        return new ChangeEvent(UUID.nameUUIDFromBytes(("crash#" + i).getBytes()).toString(),
                ChangeType.STANDARD_ADDED, key, state, List.of(), seen, state.sourceUrls());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
