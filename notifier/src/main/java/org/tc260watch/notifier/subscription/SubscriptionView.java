package org.tc260watch.notifier.subscription;

import java.time.Instant;

/** A subscription as the API shows it. */
public record SubscriptionView(String id, String email, SubscriptionStatus status, Instant createdAt) {

    static SubscriptionView of(Subscription s) {
        return new SubscriptionView(s.id, s.email, s.status, s.createdAt);
    }
}
