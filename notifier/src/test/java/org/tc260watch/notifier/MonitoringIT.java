package org.tc260watch.notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tc260watch.deploy.testing.KafkaBrokerTestResource;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.notifier.delivery.DeliveryStatus;
import org.tc260watch.notifier.monitoring.MailHealthChecks;
import org.tc260watch.notifier.testing.ActiveSubscriptions;
import org.tc260watch.notifier.testing.ChangeTopicBase;
import org.tc260watch.notifier.testing.Deliveries;
import org.tc260watch.notifier.testing.GreenMailResource;
import org.tc260watch.notifier.testing.Health;
import org.tc260watch.notifier.testing.Mailbox;
import org.tc260watch.notifier.testing.Metrics;
import org.tc260watch.notifier.testing.SampleChanges;
import org.tc260watch.notifier.testing.SmtpProfile;

/** Health and metrics of the notifier on a real broker, GreenMail and its database (SmtpProfile: probes every 1 s). */
@QuarkusTest
@TestProfile(SmtpProfile.class)
@QuarkusTestResource(KafkaBrokerTestResource.class)
class MonitoringIT extends ChangeTopicBase {

    @Test
    void readinessReportsTheDatabaseKafkaAndMail() {
        await().atMost(PATIENCE).until(() -> "UP".equals(Health.mailServer()));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check",
                        "SmallRye Reactive Messaging - readiness check", MailHealthChecks.READINESS))
                // The Kafka consumers, one per channel.
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data",
                        allOf(hasEntry("changes", "[OK]"), hasEntry("standards", "[OK]")))
                .body(Health.OUTBOX + "transport", is("smtp"))
                .body(Health.OUTBOX + "mailsWaiting", greaterThanOrEqualTo(0))
                .body(Health.OUTBOX + "deliveriesDead", greaterThanOrEqualTo(0))
                .body(Health.OUTBOX + "countedAt", notNullValue());
        given().when().get(Health.MAIL_GROUP).then().statusCode(200)
                .body("status", is("UP")).body("checks[0].name", is(MailHealthChecks.SERVER));
        // The mail server is no part of liveness: an outage must never restart the notifier.
        given().when().get("/q/health/live").then().statusCode(200)
                .body("checks.name", not(hasItem(MailHealthChecks.SERVER)));
    }

    /** Mail waits in the outbox while the server is down, and the outage shows in health and metrics, not readiness. */
    @Test
    void mailIsRetriedUntilTheSmtpServerIsBackAndTheOutageIsVisibleMeanwhile() {
        Alert alert = Alert.forNewSubscriber("dora", "重试测试");
        String dora = alert.to();
        String title = alert.title();
        ChangeEvent change = alert.change();
        double failedBefore = Metrics.scrape().sum("tc260_mails_failed_total", "kind", "delivery");

        GreenMailResource.stopServer();
        try {
            producer.send(change);
            // Attempts are counted when a row is claimed (SENDING): wait for the failure to be recorded.
            await().atMost(PATIENCE).until(() -> Deliveries.of(change.id(), dora).stream()
                    .anyMatch(d -> d.attempts() >= 1 && d.lastError() != null));
            Deliveries.Row failed = Deliveries.of(change.id(), dora).get(0);
            assertThat(failed.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(failed.lastError()).isNotBlank();

            await().atMost(PATIENCE).until(() -> Health.mailGroupStatusCode() == 503);
            given().when().get(Health.MAIL_GROUP).then().statusCode(503)
                    .body("status", is("DOWN"))
                    .body("checks[0].data.server", is("DOWN"))
                    .body("checks[0].data.downSince", notNullValue())
                    .body("checks[0].data.error", notNullValue());
            // Still ready: feeds and pages are served and the mail waits in the outbox, which the details show.
            await().atMost(PATIENCE).until(() -> Health.ready().getInt(Health.OUTBOX + "mailsWaiting") >= 1);
            given().when().get("/q/health/ready").then().statusCode(200)
                    .body("status", is("UP"))
                    .body(Health.OUTBOX + "server", is("DOWN"))
                    .body(Health.OUTBOX + "downSince", notNullValue())
                    .body(Health.OUTBOX + "oldestWaitingSince", notNullValue());
            Metrics metrics = Metrics.scrape();
            assertThat(metrics.sum("tc260_mail_server_up", "transport", "smtp")).isZero();
            assertThat(metrics.sum("tc260_mail_backlog")).isGreaterThanOrEqualTo(1);
            assertThat(metrics.sum("tc260_mails_failed_total", "kind", "delivery", "transport", "smtp"))
                    .isGreaterThan(failedBefore);
        } finally {
            GreenMailResource.startServer();
        }

        await().atMost(PATIENCE).until(() -> Mailbox.about(dora, title).size() == 1);
        await().atMost(PATIENCE).until(() -> Deliveries.of(change.id(), dora).get(0).status() == DeliveryStatus.SENT);
        Deliveries.Row sent = Deliveries.of(change.id(), dora).get(0);
        assertThat(sent.attempts()).isGreaterThanOrEqualTo(1);
        assertThat(sent.lastError()).isNull();
        assertThat(Mailbox.about(dora, title)).hasSize(1);
        await().atMost(PATIENCE).until(() -> Health.mailGroupStatusCode() == 200);
        assertThat(Metrics.scrape().sum("tc260_mail_server_up", "transport", "smtp")).isEqualTo(1.0);
    }

    @Test
    void metricsCountChangesDeliveriesMailsRequestsAndConsumerLag() {
        Alert alert = Alert.forNewSubscriber("finn", "指标测试");
        producer.send(alert.change());
        await().atMost(PATIENCE).until(() -> Mailbox.about(alert.to(), alert.title()).size() == 1);
        given().queryParam("limit", 1).when().get("/api/changes").then().statusCode(200);
        // The gauges are refreshed in the background (every second here).
        await().atMost(PATIENCE).until(() -> Metrics.scrape().sum("tc260_deliveries", "status", "SENT") >= 1);

        Metrics metrics = Metrics.scrape();
        assertThat(metrics.sum("tc260_changes_received_total", "type", "standard.added", "result", "stored"))
                .isGreaterThanOrEqualTo(1);
        for (DeliveryStatus status : DeliveryStatus.values()) {
            assertThat(metrics.all("tc260_deliveries", "status", status.name())).as(status.name()).hasSize(1);
        }
        assertThat(metrics.sum("tc260_mails_sent_total", "kind", "delivery", "transport", "smtp")).isGreaterThan(0);
        assertThat(metrics.sum("tc260_mail_send_seconds_count", "kind", "delivery", "transport", "smtp"))
                .isGreaterThan(0);
        assertThat(metrics.sum("tc260_change_to_mail_seconds_count", "kind", "delivery")).isGreaterThan(0);
        assertThat(metrics.sum("http_server_requests_seconds_count", "uri", "/api/changes", "method", "GET"))
                .isGreaterThanOrEqualTo(1);
        // Kafka's own consumer metrics, one client per channel.
        assertThat(metrics.all("kafka_consumer_fetch_manager_records_lag_max"))
                .extracting(s -> s.labels().get("client_id"))
                .anyMatch(id -> id.contains("changes"))
                .anyMatch(id -> id.contains("standards"));
        // Low-cardinality tags only: no address, id or URL in any of the notifier's own series.
        assertThat(metrics.all("tc260_changes_received_total")).isNotEmpty();
        for (String forbidden : List.of("@", "://", alert.tag())) {
            assertThat(metrics.allStartingWith("tc260_")).as(forbidden)
                    .noneMatch(s -> s.labels().values().stream().anyMatch(v -> v.contains(forbidden)));
        }
    }

    /** An active subscriber of everything and a new standard's change, to be sent by the test. */
    private record Alert(String tag, String to, String title, ChangeEvent change) {

        static Alert forNewSubscriber(String name, String what) {
            String tag = unique();
            String to = name + "-" + tag + "@example.org";
            ActiveSubscriptions.create(to);
            String key = "GB/T " + tag + "-2026";
            String title = "数据安全技术 " + what + " " + tag;
            return new Alert(tag, to, title, SampleChanges.added(SampleChanges.id(key + "#added#1"), key, title));
        }
    }
}
