package org.tc260watch.notifier.admin;

import java.time.Instant;
import org.tc260watch.notifier.delivery.DeliveryStatus;

/**
 * One delivery as {@code GET /admin/deliveries} shows it.
 *
 * @param digestId the digest it travels in, for a digest subscriber
 */
public record DeliveryInfo(long id, String changeId, String email, String subscriptionId, DeliveryStatus status,
        int attempts, String lastError, Instant createdAt, Instant nextAttemptAt, Long digestId) {
}
