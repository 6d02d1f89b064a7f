package org.tc260watch.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tc260watch.deploy.testing.KafkaBrokerTestResource;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.notifier.delivery.DeliveryStatus;
import org.tc260watch.notifier.testing.ActiveSubscriptions;
import org.tc260watch.notifier.testing.ChangeProducer;
import org.tc260watch.notifier.testing.Deliveries;
import org.tc260watch.notifier.testing.EmlFileProfile;
import org.tc260watch.notifier.testing.SampleChanges;
import org.tc260watch.notifier.testing.MailParts;

/** Without MAILER_HOST every alert is written as an .eml file that any mail reader parses. */
@QuarkusTest
@TestProfile(EmlFileProfile.class)
@QuarkusTestResource(KafkaBrokerTestResource.class)
class EmlFileDeliveryIT {

    @ConfigProperty(name = "notifier.mail.directory")
    Path mailDirectory;

    @Test
    void alertIsWrittenAsAnEmlFile() throws Exception {
        String tag = Long.toString(System.nanoTime() % 1_000_000_000L);
        String erin = "erin-" + tag + "@example.org";
        ActiveSubscriptions.create(erin);
        String key = "GB/T " + tag + "-2026";
        String title = "数据安全技术 文件投递 " + tag;
        ChangeEvent change = SampleChanges.added(SampleChanges.id(key + "#added#1"), key, title);

        try (ChangeProducer producer = new ChangeProducer()) {
            producer.send(change);
        }
        await().atMost(Duration.ofSeconds(45)).until(() -> mailsTo(erin).size() == 1);

        MimeMessage mail = mailsTo(erin).get(0);
        assertThat(mail.getSubject()).isEqualTo("[TC260] 征求意见 / Open for comment: 《" + title + "》 — until 2026-04-30");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("tc260-watch@localhost");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(erin);
        assertThat(mail.getSentDate()).isNotNull();
        assertThat(mail.getMessageID()).isEqualTo("<alert." + change.id() + "." + Deliveries.subscriptionId(erin)
                + "@localhost>");
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        assertThat(MailParts.header(mail, "List-Unsubscribe")).startsWith("<http://localhost:8080/subscriptions/unsubscribe?token=");
        assertThat(MailParts.text(mail)).startsWith("征求意见 / Open for comment\n《" + title + "》\n").contains(
                "标准号 / Identifiers: " + key,
                "征求意见期 / Comment period: 2026-03-01 – 2026-04-30",
                "  - " + SampleChanges.SOURCE_URL,
                change.id());
        assertThat(MailParts.html(mail)).contains("<h1 style=\"font-size: 1.3em; margin: 0.2em 0 0.8em;\">《" + title
                + "》</h1>");
        assertThat(Deliveries.of(change.id(), erin)).extracting(Deliveries.Row::status)
                .containsExactly(DeliveryStatus.SENT);
        assertThat(mailDirectory).isAbsolute().endsWith(Path.of("mail"));
        try (Stream<Path> files = Files.list(mailDirectory)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.endsWith(".eml"));
        }
    }

    private List<MimeMessage> mailsTo(String address) throws IOException {
        if (!Files.isDirectory(mailDirectory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(mailDirectory)) {
            return files.filter(p -> p.toString().endsWith(".eml"))
                    .map(EmlFileDeliveryIT::read)
                    .filter(m -> recipient(m).equals(address))
                    .toList();
        }
    }

    private static MimeMessage read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + file, e);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
