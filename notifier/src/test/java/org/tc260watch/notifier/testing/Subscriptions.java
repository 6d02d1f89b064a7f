package org.tc260watch.notifier.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.tc260watch.events.EventJson;
import org.tc260watch.notifier.delivery.DeliveryStatus;
import org.tc260watch.notifier.subscription.DeliveryMode;
import org.tc260watch.notifier.subscription.EmailAddress;
import org.tc260watch.notifier.subscription.Filters;
import org.tc260watch.notifier.subscription.MailLanguage;
import org.tc260watch.notifier.subscription.Subscription;
import org.tc260watch.notifier.subscription.SubscriptionLinks;
import org.tc260watch.notifier.subscription.SubscriptionNotice;
import org.tc260watch.notifier.subscription.SubscriptionStatus;

/**
 * Subscriptions through the real flow: the API, the confirmation mail (GreenMail or .eml files, see
 * {@link Mailbox}), the link in it. Requests come from a random client address ({@code X-Forwarded-For}, honoured
 * by the test profiles), so that tests do not share the per-IP subscribe limit.
 */
public final class Subscriptions {

    public static final String CONFIRM_PATH = "/subscriptions/confirm";
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    /** A subscription as stored, read in its own transaction. */
    public record Stored(String id, SubscriptionStatus status, Filters filters, DeliveryMode delivery,
            MailLanguage language, Instant confirmedAt) {
    }

    /** One row of the subscription's notice outbox. */
    public record Notice(SubscriptionNotice.Kind kind, DeliveryStatus status, int attempts,
            String lastError) {
    }

    private Subscriptions() {
    }

    /** An ACTIVE subscription without filters, delivered at once, in both languages. @return its id */
    public static String subscribe(String email) {
        return subscribe(email, "{}");
    }

    /**
     * Subscribes a new (or pending, or unsubscribed) address, waits for the confirmation mail and follows its link.
     *
     * @param preferences the body without the address, e.g. {@code {"filters": {"kinds": ["NOTICE"]}, "delivery": "DAILY"}}
     * @return the id of the now ACTIVE subscription
     */
    public static String subscribe(String email, String preferences) {
        int before = confirmLinks(email).size();
        request(email, preferences);
        List<String> links = await().atMost(PATIENCE).until(() -> confirmLinks(email), l -> l.size() > before);
        given().when().get(links.get(links.size() - 1)).then().statusCode(200);
        Stored stored = stored(email);
        if (stored.status() != SubscriptionStatus.ACTIVE) {
            throw new AssertionError("not active after following the confirmation link: " + stored);
        }
        return stored.id();
    }

    /** {@code POST /api/subscriptions} from a fresh client address; expects 202. */
    public static void request(String email, String preferences) {
        given().header("X-Forwarded-For", someClient()).contentType(ContentType.JSON).body(body(email, preferences))
                .when().post("/api/subscriptions")
                .then().statusCode(202);
    }

    /** One-click unsubscribe (RFC 8058) through the subscription's signed link. */
    public static void unsubscribe(String id) {
        given().contentType(ContentType.URLENC).formParam("List-Unsubscribe", "One-Click")
                .when().post(link(id, SubscriptionLinks::unsubscribe))
                .then().statusCode(200);
    }

    /** Path and query of the confirmation links mailed to the address so far, oldest first. */
    public static List<String> confirmLinks(String email) {
        return Mailbox.to(email).stream().flatMap(m -> Mailbox.link(m, CONFIRM_PATH).stream()).toList();
    }

    /**
     * Path and query of a signed link of an existing subscription, as the service puts it in mails, e.g.
     * {@code link(id, SubscriptionLinks::manage)}.
     */
    public static String link(String id, java.util.function.BiFunction<SubscriptionLinks, Subscription, URI> which) {
        SubscriptionLinks links = Arc.container().instance(SubscriptionLinks.class).get();
        URI uri = QuarkusTransaction.requiringNew().call(() -> which.apply(links, Subscription.findById(id)));
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    public static Stored stored(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Subscription.findByEmail(EmailAddress.parse(email))
                .map(s -> new Stored(s.id, s.status, s.filters, s.deliveryMode, s.language, s.confirmedAt))
                .orElseThrow(() -> new AssertionError("no subscription for " + email)));
    }

    /** The notices (confirmation, "already subscribed") queued for the address, oldest first. */
    public static List<Notice> notices(String email) {
        return QuarkusTransaction.requiringNew().call(() -> SubscriptionNotice.<SubscriptionNotice>list(
                        "subscription.email = ?1 order by id", EmailAddress.parse(email).value()).stream()
                .map(n -> new Notice(n.kind, n.status, n.attempts, n.lastError))
                .toList());
    }

    /** A client address from 198.18.0.0/15 (reserved for tests), different on each call in practice. */
    public static String someClient() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198." + (18 + r.nextInt(2)) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    private static String body(String email, String preferences) {
        try {
            ObjectNode body = (ObjectNode) EventJson.mapper().readTree(preferences);
            body.put("email", email);
            return body.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + preferences, e);
        }
    }
}
