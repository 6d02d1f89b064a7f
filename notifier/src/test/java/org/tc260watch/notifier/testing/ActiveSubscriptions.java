package org.tc260watch.notifier.testing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Instant;
import java.util.UUID;
import org.tc260watch.notifier.subscription.DeliveryMode;
import org.tc260watch.notifier.subscription.Filters;
import org.tc260watch.notifier.subscription.MailLanguage;
import org.tc260watch.notifier.subscription.Subscription;
import org.tc260watch.notifier.subscription.SubscriptionStatus;

/**
 * Subscriptions written straight into the running notifier's database, as if confirmed: the alert tests need
 * subscribers with chosen filters, mode and language, not the subscribe flow (double opt-in) they would otherwise
 * have to go through.
 */
public final class ActiveSubscriptions {

    private ActiveSubscriptions() {
    }

    /** An active subscriber of every change, instant, labels in both languages. @return its id */
    public static String create(String email) {
        return create(email, Filters.NONE, DeliveryMode.INSTANT, MailLanguage.BOTH);
    }

    public static String create(String email, Filters filters) {
        return create(email, filters, DeliveryMode.INSTANT, MailLanguage.BOTH);
    }

    public static String create(String email, Filters filters, DeliveryMode mode, MailLanguage language) {
        return insert(email, filters, mode, language, SubscriptionStatus.ACTIVE);
    }

    /** A subscriber who left. */
    public static String unsubscribed(String email) {
        return insert(email, Filters.NONE, DeliveryMode.INSTANT, MailLanguage.BOTH, SubscriptionStatus.UNSUBSCRIBED);
    }

    private static String insert(String email, Filters filters, DeliveryMode mode, MailLanguage language,
            SubscriptionStatus status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            Subscription s = new Subscription();
            s.id = UUID.randomUUID().toString();
            s.email = email;
            s.status = status;
            s.filters = filters;
            s.deliveryMode = mode;
            s.language = language;
            s.confirmedAt = now;
            s.createdAt = now;
            s.updatedAt = now;
            s.persist();
            return s.id;
        });
    }
}
