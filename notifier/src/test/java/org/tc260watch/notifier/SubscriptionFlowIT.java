package org.tc260watch.notifier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tc260watch.deploy.testing.KafkaBrokerTestResource;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.notifier.delivery.DeliveryStatus;
import org.tc260watch.notifier.subscription.DeliveryMode;
import org.tc260watch.notifier.subscription.Filters;
import org.tc260watch.notifier.subscription.MailLanguage;
import org.tc260watch.notifier.subscription.SubscriptionLinks;
import org.tc260watch.notifier.subscription.SubscriptionNotice;
import org.tc260watch.notifier.subscription.SubscriptionStatus;
import org.tc260watch.notifier.subscription.Tokens;
import org.tc260watch.notifier.testing.ChangeProducer;
import org.tc260watch.notifier.testing.Deliveries;
import org.tc260watch.notifier.testing.GreenMailResource;
import org.tc260watch.notifier.testing.Mailbox;
import org.tc260watch.notifier.testing.SampleChanges;
import org.tc260watch.notifier.testing.SmtpProfile;
import org.tc260watch.notifier.testing.Subscriptions;

/**
 * Consent: double opt-in, links that are signed and expire, answers that do not tell who subscribes, rate limits,
 * one-click unsubscribe and the settings page, on a real broker and a real SMTP server.
 */
@QuarkusTest
@TestProfile(SmtpProfile.class)
@QuarkusTestResource(KafkaBrokerTestResource.class)
class SubscriptionFlowIT {

    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final String ACCEPTED =
            "{\"status\":\"accepted\",\"message\":\"If this address can receive mail, a confirmation link is on its way.\"}";

    @Inject
    Tokens tokens;

    @Test
    void aPendingAddressReceivesNothingButItsConfirmationUntilItConfirms() throws Exception {
        String tag = unique();
        String pat = "Pat-" + tag + "@example.org";
        // Stored and mailed as normalised: spaces trimmed, domain in lower case, local part as typed.
        Subscriptions.request(" " + pat.replace("example.org", "Example.ORG") + "\u3000", "{}");
        await().atMost(PATIENCE).until(() -> Subscriptions.confirmLinks(pat).size() == 1);
        assertThat(Mailbox.to(pat).get(0).getAllRecipients()[0].toString()).isEqualTo(pat);
        assertThat(Subscriptions.stored(pat).status()).isEqualTo(SubscriptionStatus.PENDING);
        assertThat(Subscriptions.stored(pat).confirmedAt()).isNull();

        MimeMessage confirmation = Mailbox.to(pat).get(0);
        String link = Subscriptions.confirmLinks(pat).get(0);
        assertThat(confirmation.getSubject()).isEqualTo("[TC260] 请确认订阅 Please confirm your subscription");
        assertThat(Mailbox.text(confirmation)).contains(pat, "48 小时", "within 48 hours",
                "http://localhost:8080" + link);
        assertThat(Mailbox.html(confirmation))
                .hasValueSatisfying(html -> assertThat(html).contains("href=\"http://localhost:8080" + link + "\""));

        // A change while the address is pending is stored but queued for no one at that address.
        String key = "GB/T " + tag + "-2026";
        ChangeEvent before = SampleChanges.added(SampleChanges.id(key + "#added#1"), key, "确认之前 " + tag);
        publish(before);
        await().atMost(PATIENCE).until(() -> given().when().get("/api/changes/" + before.id()).statusCode() == 200);
        assertThat(Deliveries.of(before.id(), pat)).isEmpty();

        // The link from the mail confirms; following it again is fine.
        given().when().get(link)
                .then().statusCode(200).contentType(ContentType.HTML)
                .header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-store")
                .body(containsString("Subscription confirmed")).body(containsString(pat));
        Subscriptions.Stored confirmed = Subscriptions.stored(pat);
        assertThat(confirmed.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(confirmed.confirmedAt()).isNotNull();
        given().when().get(link).then().statusCode(200).body(containsString("Subscription confirmed"));
        assertThat(Subscriptions.stored(pat).confirmedAt()).isEqualTo(confirmed.confirmedAt());

        ChangeEvent after = SampleChanges.added(SampleChanges.id(key + "#added#2"), key, "确认之后 " + tag);
        publish(after);
        await().atMost(PATIENCE).until(() -> Mailbox.about(pat, "确认之后 " + tag).size() == 1);
        // Only the confirmation and the alert after it.
        assertThat(Mailbox.to(pat)).hasSize(2);
        assertThat(Mailbox.about(pat, "确认之前 " + tag)).isEmpty();
    }

    @Test
    void expiredForgedAndMisusedLinksChangeNothing() {
        String quinn = "quinn-" + unique() + "@example.org";
        Subscriptions.request(quinn, "{}");
        await().atMost(PATIENCE).until(() -> Subscriptions.confirmLinks(quinn).size() == 1);
        String id = Subscriptions.stored(quinn).id();
        String genuine = Subscriptions.confirmLinks(quinn).get(0).substring("/subscriptions/confirm?token=".length());

        given().queryParam("token", tokens.issue(Tokens.Purpose.CONFIRM, id, Duration.ofHours(-1)))
                .when().get("/subscriptions/confirm")
                .then().statusCode(410).contentType(ContentType.HTML)
                .body(containsString("This link has expired"))
                .body(containsString("Subscribe again with the same address"));

        String signature = genuine.substring(genuine.indexOf('.'));
        String otherBody = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("CONFIRM." + UUID.randomUUID() + ".9999999999").getBytes());
        List<String> bad = List.of(
                otherBody + signature,
                genuine.substring(0, genuine.length() - 2) + (genuine.endsWith("AA") ? "BB" : "AA"),
                tokens.issue(Tokens.Purpose.MANAGE, id, Duration.ofHours(1)),
                tokens.issue(Tokens.Purpose.CONFIRM, UUID.randomUUID().toString(), Duration.ofHours(1)),
                "garbage", "");
        for (String token : bad) {
            given().queryParam("token", token).when().get("/subscriptions/confirm")
                    .then().statusCode(400).contentType(ContentType.HTML).body(containsString("This link is not valid"));
        }
        given().when().get("/subscriptions/confirm").then().statusCode(400);
        assertThat(Subscriptions.stored(quinn).status()).isEqualTo(SubscriptionStatus.PENDING);

        // The JSON API says the same in JSON.
        given().queryParam("token", tokens.issue(Tokens.Purpose.MANAGE, id, Duration.ofSeconds(-5)))
                .when().get("/api/subscriptions/manage")
                .then().statusCode(410).contentType(ContentType.JSON).body("error", equalTo("this link has expired"));
        given().queryParam("token", genuine).when().delete("/api/subscriptions/manage")
                .then().statusCode(400).contentType(ContentType.JSON).body("error", equalTo("this link is not valid"));
        assertThat(Subscriptions.stored(quinn).status()).isEqualTo(SubscriptionStatus.PENDING);
    }

    @Test
    void everyAddressGetsTheSameAnswerAndItsOwnMail() throws Exception {
        String tag = unique();
        String active = "active-" + tag + "@example.org";
        String pending = "pending-" + tag + "@example.org";
        String gone = "gone-" + tag + "@example.org";
        String unknown = "unknown-" + tag + "@example.org";
        Subscriptions.subscribe(active);
        Subscriptions.request(pending, "{}");
        Subscriptions.unsubscribe(Subscriptions.subscribe(gone));
        await().atMost(PATIENCE).until(() -> Subscriptions.confirmLinks(pending).size() == 1);

        List<String> answers = new ArrayList<>();
        for (String address : List.of(active, pending, gone, unknown)) {
            ExtractableResponse<Response> answer = given().header("X-Forwarded-For", Subscriptions.someClient())
                    .contentType(ContentType.JSON)
                    .body("{\"email\":\"" + address + "\",\"delivery\":\"WEEKLY\"}")
                    .when().post("/api/subscriptions")
                    .then().extract();
            answers.add(answer.statusCode() + " " + answer.contentType() + " " + answer.header("Location") + " "
                    + answer.asString());
        }
        assertThat(answers.get(0)).startsWith("202 application/json").endsWith(" null " + ACCEPTED);
        assertThat(answers).containsOnly(answers.get(0));

        // Active: nothing changed; told where its settings are, with a one-click unsubscribe header.
        await().atMost(PATIENCE).until(() -> Mailbox.about(active, "You are already subscribed").size() == 1);
        Subscriptions.Stored stillActive = Subscriptions.stored(active);
        assertThat(stillActive.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(stillActive.delivery()).isEqualTo(DeliveryMode.INSTANT);
        MimeMessage already = Mailbox.about(active, "You are already subscribed").get(0);
        assertThat(already.getSubject()).isEqualTo("[TC260] 您已订阅 You are already subscribed");
        assertThat(already.getHeader("List-Unsubscribe")[0]).startsWith("<http://localhost:8080/subscriptions/unsubscribe?token=");
        assertThat(already.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(Mailbox.link(already, "/subscriptions/unsubscribe")).isPresent();
        String manage = Mailbox.link(already, "/subscriptions/manage").orElseThrow();
        given().when().get(manage).then().statusCode(200).body(containsString(active));

        // Pending: the new settings and a fresh confirmation.
        await().atMost(PATIENCE).until(() -> Subscriptions.confirmLinks(pending).size() == 2);
        assertThat(Subscriptions.stored(pending).delivery()).isEqualTo(DeliveryMode.WEEKLY);
        assertThat(Subscriptions.stored(pending).status()).isEqualTo(SubscriptionStatus.PENDING);

        // Unsubscribed: pending again, to be confirmed again.
        await().atMost(PATIENCE).until(() -> Subscriptions.confirmLinks(gone).size() == 2);
        Subscriptions.Stored again = Subscriptions.stored(gone);
        assertThat(again.status()).isEqualTo(SubscriptionStatus.PENDING);
        assertThat(again.confirmedAt()).isNull();

        await().atMost(PATIENCE).until(() -> Subscriptions.confirmLinks(unknown).size() == 1);
        assertThat(Subscriptions.stored(unknown).status()).isEqualTo(SubscriptionStatus.PENDING);
        assertThat(Subscriptions.stored(unknown).delivery()).isEqualTo(DeliveryMode.WEEKLY);
    }

    @Test
    void anAddressIsLimitedAlikeWhetherKnownOrNot() {
        String tag = unique();
        String known = "known-" + tag + "@example.org";
        String stranger = "stranger-" + tag + "@example.org";
        Subscriptions.subscribe(known);
        // Five requests an hour per address (the first for `known` was its subscription), from any client, however
        // the address is written.
        for (int i = 0; i < 4; i++) {
            Subscriptions.request(i % 2 == 0 ? known : known.replace("example.org", "EXAMPLE.org"), "{}");
        }
        for (int i = 0; i < 5; i++) {
            Subscriptions.request(stranger, "{}");
        }
        List<String> refusals = new ArrayList<>();
        for (String address : List.of(known, stranger)) {
            ExtractableResponse<Response> refused = given().header("X-Forwarded-For", Subscriptions.someClient())
                    .contentType(ContentType.JSON).body(Map.of("email", address))
                    .when().post("/api/subscriptions")
                    .then().statusCode(429).contentType(ContentType.JSON)
                    .body("error", equalTo("too many subscribe requests for this address; try again later"))
                    .extract();
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
            refusals.add(refused.asString());
        }
        assertThat(refusals.get(0)).isEqualTo(refusals.get(1));
    }

    @Test
    void aClientIsLimitedWhateverTheAddresses() {
        String tag = unique();
        String client = "203.0.113.30";
        for (int i = 0; i < 30; i++) {
            given().header("X-Forwarded-For", client).contentType(ContentType.JSON)
                    .body(Map.of("email", "many-" + i + "-" + tag + "@example.org"))
                    .when().post("/api/subscriptions")
                    .then().statusCode(202);
        }
        ExtractableResponse<Response> refused = given().header("X-Forwarded-For", client).contentType(ContentType.JSON)
                .body(Map.of("email", "one-more-" + tag + "@example.org"))
                .when().post("/api/subscriptions")
                .then().statusCode(429).contentType(ContentType.JSON)
                .body("error", equalTo("too many subscribe requests from your network; try again later"))
                .extract();
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(3500L, 3600L);
        // Another client is not affected.
        Subscriptions.request("one-more-" + tag + "@example.org", "{}");
    }

    @Test
    void oneClickUnsubscribeNeedsAPostWithTheRfc8058Body() {
        String tag = unique();
        String una = "una-" + tag + "@example.org";
        String id = Subscriptions.subscribe(una);
        String link = Subscriptions.link(id, SubscriptionLinks::unsubscribe);

        // A GET (a mail scanner, a preview) shows a button and changes nothing.
        given().when().get(link)
                .then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("<form method=\"post\" action=\"unsubscribe?token="))
                .body(containsString("<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"));
        assertThat(Subscriptions.stored(una).status()).isEqualTo(SubscriptionStatus.ACTIVE);

        given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "Yes").when().post(link)
                .then().statusCode(400).body(containsString("Not an unsubscribe request"));
        given().contentType(ContentType.URLENC).when().post(link).then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"List-Unsubscribe\":\"One-Click\"}").when().post(link)
                .then().statusCode(400);
        given().contentType(ContentType.TEXT).body("List-Unsubscribe=One-Click").when().post(link)
                .then().statusCode(400);
        given().when().post(link).then().statusCode(400);
        assertThat(Subscriptions.stored(una).status()).isEqualTo(SubscriptionStatus.ACTIVE);

        // An alert waits for the mail server; unsubscribing cancels it.
        String key = "GB/T " + tag + "-2026";
        ChangeEvent change = SampleChanges.added(SampleChanges.id(key + "#added#1"), key, "退订之前 " + tag);
        GreenMailResource.stopServer();
        try {
            publish(change);
            // Attempts are counted when a row is claimed (SENDING): wait until the failed attempt is recorded.
            await().atMost(PATIENCE).until(() -> Deliveries.of(change.id(), una).stream()
                    .anyMatch(d -> d.attempts() >= 1 && d.lastError() != null));
            given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click").when().post(link)
                    .then().statusCode(200).contentType(ContentType.HTML).body(containsString("You are unsubscribed"));
            assertThat(Subscriptions.stored(una).status()).isEqualTo(SubscriptionStatus.UNSUBSCRIBED);
            assertThat(Deliveries.of(change.id(), una)).extracting(Deliveries.Row::status)
                    .containsExactly(DeliveryStatus.CANCELLED);
        } finally {
            GreenMailResource.startServer();
        }

        // Again, as multipart/form-data (RFC 8058 allows either): still fine.
        given().multiPart("List-Unsubscribe", "One-Click").when().post(link)
                .then().statusCode(200).body(containsString("You are unsubscribed"));
        given().when().get(link).then().statusCode(200).body(containsString("You are unsubscribed"));
    }

    @Test
    void theSettingsPageShowsChangesAndDeletesTheSubscription() {
        String mia = "mia-" + unique() + "@example.org";
        String id = Subscriptions.subscribe(mia, "{\"filters\":{\"keywords\":[\"<b>数据</b>\"],\"stages\":[\"COMMENT_DRAFT\"]},"
                + "\"delivery\":\"DAILY\",\"language\":\"en\"}");
        String link = Subscriptions.link(id, SubscriptionLinks::manage);
        String token = link.substring(link.indexOf("token=") + "token=".length());

        String page = given().when().get(link)
                .then().statusCode(200).contentType(ContentType.HTML).header("Referrer-Policy", "no-referrer")
                .extract().asString();
        assertThat(page).contains(mia, "&lt;b&gt;数据&lt;/b&gt;", "value=\"COMMENT_DRAFT\" checked",
                "value=\"DAILY\" checked", "value=\"en\" checked", "action=\"manage?token=" + token + "\"",
                "action=\"manage/delete?token=" + token + "\"").doesNotContain("<b>数据</b>");

        // The form sends every field: what it does not check is no longer chosen. Browsers send the page's UTF-8.
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("keywords", "个人信息\r\n人工智能\r\n").formParam("topics", "").formParam("idPrefixes", "GB/T 35273")
                .formParam("kinds", "NOTICE").formParam("kinds", "PRACTICE_GUIDE")
                .formParam("changeTypes", "standard.published").formParam("delivery", "WEEKLY").formParam("language", "zh")
                .when().post(link)
                .then().statusCode(200).body(containsString("Saved")).body(containsString("value=\"WEEKLY\" checked"));
        Filters expected = new Filters(List.of("个人信息", "人工智能"), List.of(), List.of("NOTICE", "PRACTICE_GUIDE"),
                List.of(), List.of("GB/T 35273"), List.of("standard.published"));
        Subscriptions.Stored changed = Subscriptions.stored(mia);
        assertThat(changed.filters()).isEqualTo(expected);
        assertThat(changed.delivery()).isEqualTo(DeliveryMode.WEEKLY);
        assertThat(changed.language()).isEqualTo(MailLanguage.ZH);

        given().contentType(ContentType.URLENC).formParam("stages", "SOMEDAY").when().post(link)
                .then().statusCode(400).contentType(ContentType.HTML)
                .body(containsString("filters.stages: unknown value &#39;SOMEDAY&#39;"));
        assertThat(Subscriptions.stored(mia).filters()).isEqualTo(expected);

        // The JSON API, with the same link's token: the parts given change, the others stay.
        String api = "/api/subscriptions/manage?token=" + token;
        given().when().get(api).then().statusCode(200).contentType(ContentType.JSON)
                .body("id", equalTo(id)).body("email", equalTo(mia)).body("status", equalTo("ACTIVE"))
                .body("delivery", equalTo("WEEKLY")).body("language", equalTo("zh"))
                .body("filters.kinds", equalTo(List.of("NOTICE", "PRACTICE_GUIDE")))
                .body("confirmedAt", notNullValue());
        given().contentType(ContentType.JSON).body("{\"delivery\":\"instant\"}").when().put(api)
                .then().statusCode(200).body("delivery", equalTo("INSTANT")).body("language", equalTo("zh"))
                .body("filters.keywords", equalTo(List.of("个人信息", "人工智能")));
        given().contentType(ContentType.JSON).body("{\"delivery\":\"DAILY\",\"email\":\"other@example.org\"}")
                .when().put(api)
                .then().statusCode(400).body("error", startsWith("unknown property 'email'; known here: delivery, filters, language"));
        given().contentType(ContentType.JSON).body("{\"filters\":{\"kind\":[\"NOTICE\"]}}").when().put(api)
                .then().statusCode(400).body("error", startsWith("unknown property 'filters.kind'"));
        given().contentType(ContentType.JSON).body("{\"language\":\"fr\"}").when().put(api)
                .then().statusCode(400).body("error", equalTo("language: unknown value 'fr'; one of zh, en, both"));
        assertThat(Subscriptions.stored(mia).delivery()).isEqualTo(DeliveryMode.INSTANT);

        // The page's delete button.
        given().when().post("/subscriptions/manage/delete?token=" + token)
                .then().statusCode(200).body(containsString("You are unsubscribed"));
        assertThat(Subscriptions.stored(mia).status()).isEqualTo(SubscriptionStatus.UNSUBSCRIBED);
        given().when().get(link).then().statusCode(200).body(containsString("This subscription has ended"));
        given().contentType(ContentType.JSON).body("{\"delivery\":\"DAILY\"}").when().put(api)
                .then().statusCode(409).body("error", startsWith("this subscription has ended"));
    }

    @Test
    void theJsonApiDeletesToo() {
        String nell = "nell-" + unique() + "@example.org";
        String id = Subscriptions.subscribe(nell);
        String link = Subscriptions.link(id, SubscriptionLinks::manage);
        String api = "/api" + link;
        given().when().delete(api).then().statusCode(204);
        assertThat(Subscriptions.stored(nell).status()).isEqualTo(SubscriptionStatus.UNSUBSCRIBED);
        given().when().delete(api).then().statusCode(204);
        given().when().get(api).then().statusCode(200).body("status", equalTo("UNSUBSCRIBED"));
    }

    @Test
    void theOldUnsignedEndpointsAreGone() {
        String olga = "olga-" + unique() + "@example.org";
        String id = Subscriptions.subscribe(olga);
        assertThat(given().when().get("/api/subscriptions/" + id).statusCode()).isIn(404, 405);
        assertThat(given().when().delete("/api/subscriptions/" + id).statusCode()).isIn(404, 405);
        assertThat(Subscriptions.stored(olga).status()).isEqualTo(SubscriptionStatus.ACTIVE);
    }

    @Test
    void badRequestsAreRefusedWithAClearError() throws java.io.IOException {
        String ok = "\"email\":\"valid-" + unique() + "@example.org\"";
        String tooMany = String.join(",", Collections.nCopies(21, "\"x\""));
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("{\"email\":\"not-an-address\"}", "email must contain exactly one '@': 'not-an-address'");
        cases.put("{}", "email is required");
        cases.put("{\"email\":\"" + "a".repeat(60) + "@" + "d".repeat(200) + ".example.org\"}",
                "email is longer than 254 characters");
        cases.put("{" + ok + ",\"delivery\":\"HOURLY\"}", "delivery: unknown value 'HOURLY'; one of INSTANT, DAILY, WEEKLY");
        cases.put("{" + ok + ",\"language\":\"fr\"}", "language: unknown value 'fr'; one of zh, en, both");
        cases.put("{" + ok + ",\"filters\":{\"kinds\":[\"MEMO\"]}}", "filters.kinds: unknown value 'MEMO'; one of ");
        cases.put("{" + ok + ",\"filters\":{\"stages\":[\"SOMEDAY\"]}}", "filters.stages: unknown value 'SOMEDAY'; one of ");
        cases.put("{" + ok + ",\"filters\":{\"changeTypes\":[\"standard.renamed\"]}}",
                "filters.changeTypes: unknown value 'standard.renamed'; one of standard.added, ");
        cases.put("{" + ok + ",\"filters\":{\"keywords\":[" + tooMany + "]}}",
                "filters.keywords has 21 entries; at most 20 are allowed");
        cases.put("{" + ok + ",\"filters\":{\"idPrefixes\":[\"" + "G".repeat(101) + "\"]}}",
                "filters.idPrefixes: an entry is longer than 100 characters");
        cases.put("{" + ok + ",\"name\":\"x\"}", "unknown property 'name'; known here: delivery, email, filters, language");
        cases.put("{" + ok + ",\"filters\":{\"keyword\":[\"x\"]}}",
                "unknown property 'filters.keyword'; known here: changeTypes, idPrefixes, keywords, kinds, stages, topics");
        cases.put("{\"email\": ", "malformed JSON body");
        cases.put("[1, 2]", "malformed JSON body");
        cases.put("{" + ok + "} {}", "malformed JSON body");
        cases.put("{" + ok + ",\"filters\":\"x\"}", "malformed JSON body");
        cases.put("", "body must be a JSON object");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            given().header("X-Forwarded-For", Subscriptions.someClient()).contentType(ContentType.JSON).body(c.getKey())
                    .when().post("/api/subscriptions")
                    .then().statusCode(400).contentType(ContentType.JSON).body("error", startsWith(c.getValue()));
        }
        // Bytes Jackson takes for UTF-32 and cannot decode (a fuzzing finding: it was a 500 without a JSON body).
        byte[] notUtf32 = SubscriptionFlowIT.class.getResourceAsStream(
                "subscription/SubscriptionBodyFuzzTestInputs/subscribeBody/utf32-looking-bytes").readAllBytes();
        given().header("X-Forwarded-For", Subscriptions.someClient()).contentType(ContentType.JSON).body(notUtf32)
                .when().post("/api/subscriptions")
                .then().statusCode(400).contentType(ContentType.JSON).body("error", startsWith("malformed JSON body"));
        // Nothing was stored for the valid address of the refused requests.
        String address = ok.substring("\"email\":\"".length(), ok.length() - 1);
        assertThat(Subscriptions.notices(address)).isEmpty();
    }

    @Test
    void theConfirmationWaitsForTheMailServerAndOnlyTheNewestIsSent() {
        String rex = "rex-" + unique() + "@example.org";
        GreenMailResource.stopServer();
        try {
            Subscriptions.request(rex, "{}");
            // A failed attempt: pending again, with its error (while it is being tried it is SENDING).
            await().atMost(PATIENCE).until(() -> Subscriptions.notices(rex).stream().anyMatch(n -> n.lastError() != null));
            Subscriptions.Notice failed = Subscriptions.notices(rex).get(0);
            assertThat(failed.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(failed.lastError()).isNotBlank();
            // Asked for again while the server is down: the newer confirmation replaces the older one.
            Subscriptions.request(rex, "{\"language\":\"zh\"}");
        } finally {
            GreenMailResource.startServer();
        }
        await().atMost(PATIENCE).until(() -> Subscriptions.confirmLinks(rex).size() == 1);
        await().atMost(PATIENCE).until(() -> Subscriptions.notices(rex).stream()
                .anyMatch(n -> n.status() == DeliveryStatus.SENT));
        assertThat(Subscriptions.notices(rex)).extracting(Subscriptions.Notice::kind, Subscriptions.Notice::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(SubscriptionNotice.Kind.CONFIRM, DeliveryStatus.CANCELLED),
                        org.assertj.core.groups.Tuple.tuple(SubscriptionNotice.Kind.CONFIRM, DeliveryStatus.SENT));
        // In the language asked for last.
        MimeMessage confirmation = Mailbox.to(rex).get(0);
        assertThat(Mailbox.subject(confirmation)).isEqualTo("[TC260] 请确认订阅");
        assertThat(Mailbox.text(confirmation)).contains("48 小时").doesNotContain("within 48 hours");
        assertThat(Mailbox.to(rex)).hasSize(1);
    }

    private static void publish(ChangeEvent change) {
        try (ChangeProducer producer = new ChangeProducer()) {
            producer.send(change);
        }
    }

    private static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L);
    }
}
