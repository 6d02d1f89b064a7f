package org.tc260watch.notifier.testing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import org.tc260watch.notifier.delivery.Delivery;
import org.tc260watch.notifier.delivery.DeliveryStatus;

/** Reads the outbox table of the running notifier. */
public final class Deliveries {

    /** Status, attempts and last error of one delivery, read in its own transaction. */
    public record Row(DeliveryStatus status, int attempts, String lastError) {
    }

    private Deliveries() {
    }

    public static List<Row> of(String changeId, String email) {
        return QuarkusTransaction.requiringNew().call(() -> Delivery.<Delivery>list(
                        "change.id = ?1 and subscription.email = ?2", changeId, email).stream()
                .map(d -> new Row(d.status, d.attempts, d.lastError))
                .toList());
    }
}
