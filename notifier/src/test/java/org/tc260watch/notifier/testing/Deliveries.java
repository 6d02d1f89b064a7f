package org.tc260watch.notifier.testing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import org.tc260watch.notifier.delivery.Delivery;
import org.tc260watch.notifier.delivery.DeliveryStatus;
import org.tc260watch.notifier.subscription.Subscription;

/** Reads the outbox table of the running notifier. */
public final class Deliveries {

    /** Status, attempts and last error of one delivery, read in its own transaction. */
    public record Row(DeliveryStatus status, int attempts, String lastError) {
    }

    private Deliveries() {
    }

    /** The id of the subscription of an address. */
    public static String subscriptionId(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Subscription.<Subscription>find("email", email)
                .firstResult().id);
    }

    /** The delivery rows of one subscriber, oldest first. */
    public static List<Long> idsOf(String email) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list(
                "subscription.email = ?1 order by id", email).stream().map(d -> d.id).toList());
    }

    public static List<Row> of(String changeId, String email) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list(
                        "change.id = ?1 and subscription.email = ?2", changeId, email).stream()
                .map(d -> new Row(d.status, d.attempts, d.lastError))
                .toList());
    }
}
