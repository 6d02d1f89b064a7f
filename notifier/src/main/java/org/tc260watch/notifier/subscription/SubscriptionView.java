package org.tc260watch.notifier.subscription;

import java.time.Instant;

/** A subscription as the manage API shows it to the holder of its link. */
public record SubscriptionView(String id, String email, SubscriptionStatus status, Filters filters,
        DeliveryMode delivery, MailLanguage language, Instant createdAt, Instant confirmedAt) {

    static SubscriptionView of(Subscription s) {
        return new SubscriptionView(s.id, s.email, s.status, s.filters, s.deliveryMode, s.language, s.createdAt,
                s.confirmedAt);
    }
}
