package org.tc260watch.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tc260watch.deploy.testing.KafkaBrokerTestResource;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.notifier.delivery.DeliveryStatus;
import org.tc260watch.notifier.testing.ChangeProducer;
import org.tc260watch.notifier.testing.Deliveries;
import org.tc260watch.notifier.testing.EmlFileProfile;
import org.tc260watch.notifier.testing.Mailbox;
import org.tc260watch.notifier.testing.SampleChanges;
import org.tc260watch.notifier.testing.Subscriptions;

/**
 * Without MAILER_HOST every mail (the confirmation of the subscription, then the alert) is written as an .eml file
 * that any mail reader parses.
 */
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
        Subscriptions.subscribe(erin);
        String key = "GB/T " + tag + "-2026";
        String title = "数据安全技术 文件投递 " + tag;
        ChangeEvent change = SampleChanges.added(SampleChanges.id(key + "#added#1"), key, title);

        try (ChangeProducer producer = new ChangeProducer()) {
            producer.send(change);
        }
        await().atMost(Duration.ofSeconds(45)).until(() -> Mailbox.about(erin, title).size() == 1);

        MimeMessage mail = Mailbox.about(erin, title).get(0);
        assertThat(mail.getSubject()).isEqualTo("[tc260-watch] 新增 New: 《" + title
                + "》 · 征求意见稿 draft for comment · 截止 deadline 2026-04-30");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("tc260-watch@localhost");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(erin);
        assertThat(mail.getSentDate()).isNotNull();
        assertThat(mail.getMessageID()).isNotBlank();
        assertThat(mail.getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        String body = ((String) mail.getContent()).replace("\r\n", "\n");
        assertThat(body).startsWith("新增 New: 《" + title + "》\n").contains(
                "Standard:   " + key,
                "Comments:   2026-03-01 – 2026-04-30",
                "  - " + SampleChanges.SOURCE_URL,
                "change " + change.id());
        assertThat(Deliveries.of(change.id(), erin)).extracting(Deliveries.Row::status)
                .containsExactly(DeliveryStatus.SENT);
        // Confirmation mail and alert, both as files.
        assertThat(Mailbox.to(erin)).hasSize(2);
        assertThat(mailDirectory).isAbsolute().endsWith(Path.of("mail"));
        try (Stream<Path> files = Files.list(mailDirectory)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.endsWith(".eml"));
        }
    }
}
