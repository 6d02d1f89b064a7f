package org.tc260watch.notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.tc260watch.deploy.testing.KafkaBrokerTestResource;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.EventJson;
import org.tc260watch.events.FieldChange;
import org.tc260watch.notifier.delivery.DeliveryStatus;
import org.tc260watch.notifier.testing.ActiveSubscriptions;
import org.tc260watch.notifier.testing.ChangeTopicBase;
import org.tc260watch.notifier.testing.Deliveries;
import org.tc260watch.notifier.testing.Mailbox;
import org.tc260watch.notifier.testing.MailParts;
import org.tc260watch.notifier.testing.SampleChanges;
import org.tc260watch.notifier.testing.SmtpProfile;

/** The notifier on a real broker, a real SMTP server and its H2 file database. */
@QuarkusTest
@TestProfile(SmtpProfile.class)
@QuarkusTestResource(KafkaBrokerTestResource.class)
class SmtpDeliveryIT extends ChangeTopicBase {

    private static final ObjectMapper JSON = EventJson.mapper();

    @Test
    void feedServesStoredChangesNewestFirstWithCursors() throws Exception {
        String key = "GB/T " + unique() + "-2026";
        List<ChangeEvent> events = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ChangeEvent event = SampleChanges.added(SampleChanges.id(key + "#added#" + i), key, "数据安全技术 分页测试 " + i);
            events.add(event);
            // Same key, same partition: arrival order is publication order.
            producer.send(event);
        }
        awaitStored(events.get(2).id());

        String body = given().when().get("/api/changes?limit=2")
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().asString();
        JsonNode page = JSON.readTree(body);
        assertThat(page.get("items")).hasSize(2);
        // Exactly the event as published.
        assertThat(page.get("items").get(0)).isEqualTo(JSON.readTree(JSON.writeValueAsString(events.get(2))));
        assertThat(page.get("items").get(1).get("id").asText()).isEqualTo(events.get(1).id());
        String next = page.get("nextCursor").asText();

        JsonNode older = JSON.readTree(given().queryParam("limit", 2).queryParam("after", next)
                .when().get("/api/changes").then().statusCode(200).extract().asString());
        assertThat(older.get("items").get(0).get("id").asText()).isEqualTo(events.get(0).id());

        // Default limit: the three are the newest of the feed.
        given().when().get("/api/changes")
                .then().statusCode(200)
                .body("items[0].id", equalTo(events.get(2).id()))
                .body("items[0].type", equalTo("standard.added"))
                .body("items[0].state.stage", equalTo("COMMENT_DRAFT"))
                .body("items[0].detectedAt", equalTo("2026-03-02T08:00:00Z"));

        // Walking the whole feed from the start, page by page, ends with next = null.
        int seen = 0;
        String cursor = null;
        do {
            var request = given().queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("after", cursor);
            }
            JsonNode p = JSON.readTree(request.when().get("/api/changes").then().statusCode(200).extract().asString());
            seen += p.get("items").size();
            cursor = p.get("nextCursor").isNull() ? null : p.get("nextCursor").asText();
        } while (cursor != null && seen < 10_000);
        assertThat(seen).isGreaterThanOrEqualTo(3);

        given().when().get("/api/changes/" + events.get(1).id())
                .then().statusCode(200).body("id", equalTo(events.get(1).id())).body("standardKey", equalTo(key));
    }

    @Test
    void feedRejectsBadInputWithAClearError() {
        for (String limit : List.of("0", "201", "-1", "ten", "1.5")) {
            given().queryParam("limit", limit).when().get("/api/changes")
                    .then().statusCode(400).contentType(ContentType.JSON)
                    .body("error", startsWith("limit must be a whole number from 1 to 200"));
        }
        given().queryParam("after", "garbage!").when().get("/api/changes")
                .then().statusCode(400).body("error", startsWith("after: cursor is not one returned"));
        given().when().get("/api/changes/no-such-change")
                .then().statusCode(404).contentType(ContentType.JSON).body("error", equalTo("no change with id no-such-change"));
        given().queryParam("limit", 200).when().get("/api/changes").then().statusCode(200);
    }

    @Test
    void eachActiveSubscriberGetsExactlyOneMailPerChange() throws Exception {
        String tag = unique();
        String alice = "alice-" + tag + "@example.org";
        String bob = "bob-" + tag + "@example.net";
        String carol = "carol-" + tag + "@example.com";
        ActiveSubscriptions.create(alice);
        ActiveSubscriptions.create(bob);
        ActiveSubscriptions.unsubscribed(carol);

        String key = "GB/T " + tag + "-2026";
        String title = "数据安全技术 邮件测试 " + tag;
        ChangeEvent change = SampleChanges.deadlineMoved(SampleChanges.id(key + "#deadline#1"), key, title);
        producer.send(change);
        await().atMost(PATIENCE).until(() -> mailsAbout(alice, title).size() == 1 && mailsAbout(bob, title).size() == 1);

        // The differ replays the change (same id); then a later change on the same partition marks the point
        // by which the replay has certainly been consumed.
        producer.send(change);
        // A source's health change is kept in the history but mailed to nobody.
        ChangeEvent sourceEvent = new ChangeEvent(SampleChanges.id(key + "#source"), ChangeType.SOURCE_HEALTH_CHANGED,
                "source:portal.suggestion", null, List.of(new FieldChange("health", "HEALTHY", "DEGRADED")),
                Instant.parse("2026-03-20T03:00:00Z"), List.of());
        producer.send(sourceEvent);
        ChangeEvent marker = SampleChanges.added(SampleChanges.id(key + "#added#2"), key, "标记 " + tag);
        producer.send(marker);
        await().atMost(PATIENCE).until(() -> mailsAbout(alice, "标记 " + tag).size() == 1
                && mailsAbout(bob, "标记 " + tag).size() == 1);

        assertThat(mailsAbout(alice, title)).hasSize(1);
        assertThat(mailsAbout(bob, title)).hasSize(1);
        // Carol had her confirmation mail, and nothing after she left.
        assertThat(mailsAbout(carol, tag)).isEmpty();
        assertThat(Deliveries.of(change.id(), carol)).isEmpty();
        given().when().get("/api/changes/" + sourceEvent.id()).then().statusCode(200)
                .body("type", equalTo("source.health-changed"));
        assertThat(Deliveries.of(sourceEvent.id(), alice)).isEmpty();
        assertThat(Deliveries.of(change.id(), alice)).extracting(Deliveries.Row::status).containsExactly(DeliveryStatus.SENT);

        MimeMessage mail = mailsAbout(alice, title).get(0);
        assertThat(mail.getSubject()).isEqualTo("[TC260] 截止日期变更 / Deadline changed: 《" + title
                + "》 — 2026-04-12 → 2026-04-30");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("tc260-watch@localhost");
        assertThat(MailParts.text(mail)).startsWith("截止日期变更 / Deadline changed\n《" + title + "》\n").contains(
                "标准号 / Identifiers: " + key,
                "阶段 / Stage: 征求意见稿 / draft for comment",
                "征求意见期 / Comment period: 2026-03-01 – 2026-04-30",
                "  - 截止日期 / Deadline: 2026-04-12 → 2026-04-30",
                "  - " + SampleChanges.SOURCE_URL,
                "管理订阅 / Manage your subscription: http://localhost:8080/subscriptions/manage?token=",
                change.id());
        assertThat(mail.getMessageID()).isEqualTo(mailsAbout(bob, title).get(0).getMessageID().replace(
                Deliveries.subscriptionId(bob), Deliveries.subscriptionId(alice)));
    }

    @Test
    void unreadableRecordsAreSkippedAndKept() throws Exception {
        String tag = unique();
        String key = "GB/T " + tag + "-2026";
        String poison = "{\"id\": \"half-" + tag + "\", \"type\": ";
        producer.sendRaw(key, poison);
        producer.sendRaw(key, "{\"type\":\"standard.added\",\"standardKey\":\"" + key + "\"}");
        ChangeEvent after = SampleChanges.added(SampleChanges.id(key + "#added#1"), key, "毒消息之后 " + tag);
        producer.send(after);

        awaitStored(after.id());
        given().when().get("/api/changes/half-" + tag).then().statusCode(404);

        List<String> parked = deadLetters(2, value -> value.contains(tag));
        assertThat(parked).contains(poison);
        assertThat(parked).anyMatch(v -> v.contains("\"standardKey\":\"" + key + "\""));
    }

    private static void awaitStored(String changeId) {
        await().atMost(PATIENCE).until(() -> given().when().get("/api/changes/" + changeId).statusCode() == 200);
    }

    private static List<MimeMessage> mailsAbout(String address, String text) {
        return Mailbox.about(address, text);
    }

    /** Values on the dead-letter topic that match, read from its beginning. */
    private static List<String> deadLetters(int wanted, java.util.function.Predicate<String> matching) {
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerTestResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()))) {
            consumer.subscribe(List.of("tc260.changes.dlq"));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (found.size() < wanted && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
                    if (matching.test(value)) {
                        found.add(value);
                    }
                }
            }
        }
        return found;
    }
}
