package org.tc260watch.notifier.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.tc260watch.events.ChangeEvent;
import org.tc260watch.events.EventJson;
import org.tc260watch.notifier.mail.MailComposer;
import org.tc260watch.notifier.mail.Recipient;
import org.tc260watch.notifier.matching.FilterMatcher;
import org.tc260watch.notifier.readmodel.StoredChange;
import org.tc260watch.notifier.subscription.DeliveryMode;
import org.tc260watch.notifier.subscription.Subscription;
import org.tc260watch.notifier.subscription.SubscriptionStatus;

/**
 * The delivery table: one row per change and subscriber whose filters it matches. Instant subscribers' rows are sent
 * here one by one; digest subscribers' rows wait for their digest ({@code digest} package).
 */
@ApplicationScoped
public class DeliveryOutbox extends RowQueue {

    private final FilterMatcher matcher;
    private final MailComposer composer;
    private final MailRows rows = new MailRows(Delivery.class);

    public DeliveryOutbox(FilterMatcher matcher, MailComposer composer) {
        this.matcher = matcher;
        this.composer = composer;
    }

    /**
     * Queues the change for every active subscriber whose filters match it; runs inside the transaction that stores
     * the change, so a change is stored with all its deliveries or not at all.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int enqueue(StoredChange change, ChangeEvent event, Instant now) {
        int queued = 0;
        for (Subscription subscription : Subscription.<Subscription>list("status", SubscriptionStatus.ACTIVE)) {
            if (!matcher.matches(subscription.filters, event)) {
                continue;
            }
            Delivery delivery = new Delivery();
            delivery.change = change;
            delivery.subscription = subscription;
            delivery.status = DeliveryStatus.PENDING;
            delivery.attempts = 0;
            delivery.nextAttemptAt = now;
            delivery.createdAt = now;
            delivery.persist();
            queued++;
        }
        return queued;
    }

    @Override
    protected MailRows rows() {
        return rows;
    }

    @Override
    public String name() {
        return "delivery";
    }

    /** Pending deliveries of instant subscribers whose time has come, oldest due first. */
    @Override
    @Transactional
    public List<Long> due(Instant now, int max) {
        return Delivery.getEntityManager().createQuery("""
                        select d.id from Delivery d join d.subscription s
                        where d.status = :pending and d.nextAttemptAt <= :now
                          and s.status = :active and s.deliveryMode = :instant
                        order by d.nextAttemptAt, d.id""", Long.class)
                .setParameter("pending", DeliveryStatus.PENDING)
                .setParameter("active", SubscriptionStatus.ACTIVE)
                .setParameter("instant", DeliveryMode.INSTANT)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
    }

    @Override
    @Transactional
    public Optional<Claim> claim(long id, Instant now) {
        if (!rows.claim(id, now)) {
            return Optional.empty();
        }
        Delivery delivery = Delivery.findById(id);
        // Read now: the mail is composed after this transaction.
        Recipient to = composer.recipient(delivery.subscription);
        String payload = delivery.change.payload;
        String reference = "delivery-" + id;
        return Optional.of(new Claim(id, delivery.attempts, () -> composer.alert(reference, read(payload), to),
                Collections.singletonList(delivery.change.detectedAt)));
    }

    /** A DEAD delivery (not in a digest) queued again with a fresh count of attempts; caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean revive(long id, Instant now) {
        return rows.revive(id, now);
    }

    /** Cancels what is still queued for a subscriber who left; runs in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelPending(Subscription subscription) {
        return Delivery.update("status = ?1 where subscription = ?2 and status = ?3",
                DeliveryStatus.CANCELLED, subscription, DeliveryStatus.PENDING);
    }


    /** A stored payload as the event it is. */
    public static ChangeEvent read(String payload) {
        try {
            return EventJson.mapper().readValue(payload, ChangeEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored change is not a readable ChangeEvent: " + e.getOriginalMessage(), e);
        }
    }
}
