package org.tc260watch.notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

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
import org.tc260watch.notifier.testing.Health;
import org.tc260watch.notifier.testing.Mailbox;
import org.tc260watch.notifier.testing.MailParts;
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
        Subscriptions.subscribe(erin); // the confirmation goes to a file too
        String key = "GB/T " + tag + "-2026";
        String title = "数据安全技术 文件投递 " + tag;
        ChangeEvent change = SampleChanges.added(SampleChanges.id(key + "#added#1"), key, title);

        try (ChangeProducer producer = new ChangeProducer()) {
            producer.send(change);
        }
        await().atMost(Duration.ofSeconds(45)).until(() -> Mailbox.about(erin, title).size() == 1);

        MimeMessage mail = Mailbox.about(erin, title).get(0);
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
        // Confirmation mail and alert, both as files.
        assertThat(Mailbox.to(erin)).hasSize(2);
        assertThat(mailDirectory).isAbsolute().endsWith(Path.of("mail"));
        try (Stream<Path> files = Files.list(mailDirectory)) {
            assertThat(files.map(p -> p.getFileName().toString())).allMatch(n -> n.endsWith(".eml"));
        }
    }

    @Test
    void healthReportsWhetherTheMailDirectoryTakesFiles() throws Exception {
        await().atMost(Duration.ofSeconds(45)).until(() -> "UP".equals(Health.mailServer()));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body(Health.OUTBOX + "transport", is("eml"))
                .body(Health.OUTBOX + "server", is("UP"));

        // A file where the directory should be: nothing can be written (chmod would not stop root, who runs CI).
        Path aside = mailDirectory.resolveSibling("mail-aside");
        Files.move(mailDirectory, aside);
        try {
            Files.writeString(mailDirectory, "not a directory");
            await().atMost(Duration.ofSeconds(45)).until(() -> Health.mailGroupStatusCode() == 503);
            given().when().get(Health.MAIL_GROUP).then()
                    .body("checks[0].data.error", containsString(mailDirectory.toString()));
            // Not ready is not the answer: the mails wait in the outbox, and everything else works.
            given().when().get("/q/health/ready").then().statusCode(200).body(Health.OUTBOX + "server", is("DOWN"));
        } finally {
            Files.delete(mailDirectory);
            Files.move(aside, mailDirectory);
        }
        await().atMost(Duration.ofSeconds(45)).until(() -> Health.mailGroupStatusCode() == 200);
    }
}
