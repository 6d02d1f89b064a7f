package org.tc260watch.notifier.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.tc260watch.notifier.delivery.DeliveryOutbox;

/**
 * What happens to a subscription: double opt-in on subscribe, confirmation, settings, the end. Each method is one
 * transaction; the mails it decides on are queued in it ({@link NoticeOutbox}) and sent after it commits.
 */
@ApplicationScoped
public class SubscriptionService {

    private static final Logger LOG = Logger.getLogger(SubscriptionService.class);

    private final NoticeOutbox notices;
    private final DeliveryOutbox deliveries;
    private final Clock clock;

    public SubscriptionService(NoticeOutbox notices, DeliveryOutbox deliveries, Clock clock) {
        this.notices = notices;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /**
     * A new address becomes PENDING with a confirmation mail; a PENDING one takes the new settings and gets a fresh
     * confirmation; an UNSUBSCRIBED one is PENDING again and must confirm again; an ACTIVE one stays exactly as it is
     * and is told where its settings are. The caller answers all four alike.
     */
    @Transactional
    public void subscribe(EmailAddress email, Preferences preferences) {
        Instant now = clock.instant();
        Optional<Subscription> known = Subscription.findByEmail(email);
        if (known.isEmpty()) {
            Subscription created = new Subscription();
            created.id = UUID.randomUUID().toString();
            created.email = email.value();
            created.status = SubscriptionStatus.PENDING;
            preferences.applyTo(created);
            created.createdAt = now;
            created.updatedAt = now;
            created.persist();
            // Now, not at commit: two requests for one new address meet here, and the caller retries the loser.
            Subscription.flush();
            notices.queue(created, SubscriptionNotice.Kind.CONFIRM, now);
            LOG.infof("Subscription %s created, waiting for confirmation", created.id);
            return;
        }
        Subscription s = known.get();
        switch (s.status) {
            case ACTIVE -> {
                notices.queue(s, SubscriptionNotice.Kind.ALREADY_SUBSCRIBED, now);
                LOG.infof("Subscription %s is active; its settings link is mailed", s.id);
            }
            case PENDING, UNSUBSCRIBED -> {
                if (s.status == SubscriptionStatus.UNSUBSCRIBED) {
                    LOG.infof("Subscription %s subscribed again, waiting for confirmation", s.id);
                }
                s.status = SubscriptionStatus.PENDING;
                s.confirmedAt = null;
                preferences.applyTo(s);
                s.updatedAt = now;
                notices.queue(s, SubscriptionNotice.Kind.CONFIRM, now);
            }
        }
    }

    /**
     * Makes a PENDING subscription ACTIVE. Confirming twice is fine; an ended subscription is not revived by an old
     * confirmation link (its owner left after it was sent).
     *
     * @return the subscription as it is now, empty when there is none with this id
     */
    @Transactional
    public Optional<Subscription> confirm(String id) {
        Optional<Subscription> found = Subscription.findByIdOptional(id);
        found.filter(s -> s.status == SubscriptionStatus.PENDING).ifPresent(s -> {
            Instant now = clock.instant();
            s.status = SubscriptionStatus.ACTIVE;
            s.confirmedAt = now;
            s.updatedAt = now;
            notices.cancelPending(s);
            LOG.infof("Subscription %s confirmed", s.id);
        });
        return found;
    }

    /** @return the subscription with the new settings, empty when there is none with this id */
    @Transactional
    public Optional<Subscription> update(String id, Preferences preferences) {
        Optional<Subscription> found = Subscription.findByIdOptional(id);
        found.ifPresent(s -> {
            preferences.applyTo(s);
            s.updatedAt = clock.instant();
            LOG.infof("Subscription %s settings changed", s.id);
        });
        return found;
    }

    /**
     * Ends the subscription at once: UNSUBSCRIBED, and nothing more is sent, not even what was already queued. The row
     * stays (sent deliveries refer to it); subscribing again needs a new confirmation.
     *
     * @return the subscription, empty when there is none with this id
     */
    @Transactional
    public Optional<Subscription> end(String id) {
        Optional<Subscription> found = Subscription.findByIdOptional(id);
        found.filter(s -> s.status != SubscriptionStatus.UNSUBSCRIBED).ifPresent(s -> {
            s.status = SubscriptionStatus.UNSUBSCRIBED;
            s.updatedAt = clock.instant();
            int cancelled = deliveries.cancelPending(s);
            notices.cancelPending(s);
            LOG.infof("Subscription %s unsubscribed, %d queued deliveries cancelled", s.id, cancelled);
        });
        return found;
    }

    /** @return the subscription, empty when there is none with this id */
    @Transactional
    public Optional<Subscription> find(String id) {
        return Subscription.findByIdOptional(id);
    }
}
