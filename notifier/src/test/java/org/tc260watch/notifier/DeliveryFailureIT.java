package org.tc260watch.notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tc260watch.deploy.testing.KafkaBrokerTestResource;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.notifier.delivery.DeliveryStatus;
import org.tc260watch.notifier.subscription.DeliveryMode;
import org.tc260watch.notifier.subscription.Filters;
import org.tc260watch.notifier.subscription.MailLanguage;
import org.tc260watch.notifier.testing.ActiveSubscriptions;
import org.tc260watch.notifier.testing.Admin;
import org.tc260watch.notifier.testing.ChangeTopicBase;
import org.tc260watch.notifier.testing.Deliveries;
import org.tc260watch.notifier.testing.FailureProfile;
import org.tc260watch.notifier.testing.Metrics;
import org.tc260watch.notifier.testing.GreenMailResource;
import org.tc260watch.notifier.testing.RejectingMailTransport;
import org.tc260watch.notifier.testing.SampleChanges;

/** Addresses the server refuses: given up after a few attempts, listed and resent by an admin, holding up nobody. */
@QuarkusTest
@TestProfile(FailureProfile.class)
@QuarkusTestResource(KafkaBrokerTestResource.class)
class DeliveryFailureIT extends ChangeTopicBase {


    @Test
    void aRefusedAddressDiesAfterMaxAttemptsIsListedAndCanBeResent() {
        String tag = unique();
        String bad = "gone-" + tag + "@example.org";
        RejectingMailTransport.REJECTED.add(bad);
        ActiveSubscriptions.create(bad, onlyMine(tag));
        ChangeEvent change = SampleChanges.added(SampleChanges.id(tag + "#dead"), "GB/T " + tag + "-2026",
                "数据安全技术 死信 " + tag);
        producer.send(change);

        await().atMost(PATIENCE).until(() -> Deliveries.of(change.id(), bad).stream()
                .anyMatch(d -> d.status() == DeliveryStatus.DEAD));
        Deliveries.Row dead = Deliveries.of(change.id(), bad).get(0);
        assertThat(dead.attempts()).isEqualTo(FailureProfile.MAX_ATTEMPTS);
        assertThat(dead.lastError()).contains("550 5.1.1 <" + bad + ">");
        // Counted too: the failed attempts before the last, and the death (just after the row was marked).
        await().atMost(PATIENCE).untilAsserted(() -> {
            Metrics metrics = Metrics.scrape();
            assertThat(metrics.sum("tc260_mails_dead_total", "kind", "delivery", "transport", "smtp"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(metrics.sum("tc260_mails_failed_total", "kind", "delivery", "transport", "smtp"))
                    .isGreaterThanOrEqualTo(FailureProfile.MAX_ATTEMPTS - 1);
        });

        JsonPath listed = Admin.request().queryParam("status", "DEAD").when().get("/admin/deliveries")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
        List<Map<String, Object>> mine = listed.<Map<String, Object>>getList("").stream()
                .filter(d -> bad.equals(d.get("email"))).toList();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0)).containsEntry("changeId", change.id()).containsEntry("status", "DEAD")
                .containsEntry("attempts", FailureProfile.MAX_ATTEMPTS);
        assertThat((String) mine.get(0).get("lastError")).contains("550 5.1.1");
        long id = ((Number) mine.get(0).get("id")).longValue();

        // The address is fixed (say the mailbox was restored); the admin resends.
        RejectingMailTransport.REJECTED.remove(bad);
        Admin.request().when().post("/admin/deliveries/" + id + "/resend").then().statusCode(202)
                .body("id", equalTo((int) id));
        await().atMost(PATIENCE).until(() -> GreenMailResource.mailsTo(bad).size() == 1);
        await().atMost(PATIENCE).until(() -> Deliveries.of(change.id(), bad).get(0).status() == DeliveryStatus.SENT);
        assertThat(Deliveries.of(change.id(), bad).get(0).attempts()).isEqualTo(1);

        // Sent means sent: no second copy on request, and unknown ids are 404.
        Admin.request().when().post("/admin/deliveries/" + id + "/resend").then().statusCode(409)
                .body("error", startsWith("delivery " + id + " is SENT"));
        Admin.request().when().post("/admin/deliveries/987654321/resend").then().statusCode(404);
        assertThat(GreenMailResource.mailsTo(bad)).hasSize(1);
    }

    @Test
    void oneRefusedAddressDoesNotHoldUpTheOthers() {
        String tag = unique();
        String bad = "bounce-" + tag + "@example.org";
        RejectingMailTransport.REJECTED.add(bad);
        ActiveSubscriptions.create(bad, onlyMine(tag));
        List<String> good = List.of("g1-" + tag + "@example.org", "g2-" + tag + "@example.org",
                "g3-" + tag + "@example.org");
        good.forEach(g -> ActiveSubscriptions.create(g, onlyMine(tag)));
        List<ChangeEvent> changes = List.of(
                SampleChanges.added(SampleChanges.id(tag + "#1"), "GB/T " + tag + "1-2026", "数据安全技术 退信 " + tag + " 1"),
                SampleChanges.added(SampleChanges.id(tag + "#2"), "GB/T " + tag + "2-2026", "数据安全技术 退信 " + tag + " 2"));
        changes.forEach(producer::send);

        // The good ones get theirs while the bad one is still being retried.
        await().atMost(PATIENCE).until(() -> good.stream().allMatch(g -> GreenMailResource.mailsTo(g).size() == 2));
        assertThat(changes).allSatisfy(c -> assertThat(Deliveries.of(c.id(), bad).get(0).status())
                .isIn(DeliveryStatus.PENDING, DeliveryStatus.SENDING, DeliveryStatus.DEAD));
        await().atMost(PATIENCE).until(() -> changes.stream()
                .allMatch(c -> Deliveries.of(c.id(), bad).get(0).status() == DeliveryStatus.DEAD));
        assertThat(GreenMailResource.mailsTo(bad)).isEmpty();
        assertThat(good).allSatisfy(g -> assertThat(GreenMailResource.mailsTo(g)).hasSize(2));
        RejectingMailTransport.REJECTED.remove(bad);
    }

    @Test
    void aDeadDigestTakesItsDeliveriesAlongAndIsResentWhole() throws Exception {
        String tag = unique();
        String bad = "digest-" + tag + "@example.org";
        RejectingMailTransport.REJECTED.add(bad);
        ActiveSubscriptions.create(bad, onlyMine(tag), DeliveryMode.DAILY, MailLanguage.EN);
        List<ChangeEvent> changes = List.of(
                SampleChanges.added(SampleChanges.id(tag + "#d1"), "GB/T " + tag + "1-2026", "数据安全技术 摘要死信 " + tag + " 1"),
                SampleChanges.added(SampleChanges.id(tag + "#d2"), "GB/T " + tag + "2-2026", "数据安全技术 摘要死信 " + tag + " 2"));
        changes.forEach(producer::send);
        await().atMost(PATIENCE).until(() -> changes.stream().allMatch(c -> Deliveries.of(c.id(), bad).size() == 1));
        assertThat(Admin.runDigests("DAILY")).isGreaterThanOrEqualTo(1);

        await().atMost(PATIENCE).until(() -> changes.stream()
                .allMatch(c -> Deliveries.of(c.id(), bad).get(0).status() == DeliveryStatus.DEAD));
        assertThat(Deliveries.of(changes.get(0).id(), bad).get(0).lastError()).startsWith("digest ").contains("550");
        long id = Deliveries.idsOf(bad).get(0);

        RejectingMailTransport.REJECTED.remove(bad);
        Admin.request().when().post("/admin/deliveries/" + id + "/resend").then().statusCode(202);
        await().atMost(PATIENCE).until(() -> GreenMailResource.mailsTo(bad).size() == 1);
        assertThat(GreenMailResource.mailsTo(bad).get(0).getSubject()).endsWith(": 2 changes");
        await().atMost(PATIENCE).until(() -> changes.stream()
                .allMatch(c -> Deliveries.of(c.id(), bad).get(0).status() == DeliveryStatus.SENT));
    }

    @Test
    void theDeliveryAdminApiWantsTheToken() {
        given().when().get("/admin/deliveries?status=DEAD").then().statusCode(401)
                .body("error", equalTo("send Authorization: Bearer <ADMIN_TOKEN>"));
        given().header("Authorization", "Bearer not-the-token").when().get("/admin/deliveries?status=DEAD")
                .then().statusCode(401).body("error", equalTo("wrong admin token"));
        given().when().post("/admin/deliveries/1/resend").then().statusCode(401);
        given().header("Authorization", "Bearer not-the-token").when().post("/admin/deliveries/1/resend")
                .then().statusCode(401);
        Admin.request().queryParam("status", "LOST").when().get("/admin/deliveries").then().statusCode(400)
                .body("error", startsWith("status must be one of"));
    }

    private static Filters onlyMine(String tag) {
        return new Filters(List.of(tag), null, null, null, null, null);
    }
}
