package org.tc260watch.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.tc260watch.notifier.readmodel.StoredChange;
import org.tc260watch.notifier.subscription.Subscription;
import org.tc260watch.notifier.subscription.SubscriptionStatus;

/** The delivery table: what is to be sent, and the outcome of each attempt. */
@ApplicationScoped
public class DeliveryOutbox {

    private static final int MAX_ERROR_LENGTH = 2000;

    /** Queues the change for every active subscriber; runs inside the transaction that stores the change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int enqueue(StoredChange change, Instant now) {
        List<Subscription> active = Subscription.list("status", SubscriptionStatus.ACTIVE);
        for (Subscription subscription : active) {
            Delivery delivery = new Delivery();
            delivery.change = change;
            delivery.subscription = subscription;
            delivery.status = DeliveryStatus.PENDING;
            delivery.attempts = 0;
            delivery.nextAttemptAt = now;
            delivery.createdAt = now;
            delivery.persist();
        }
        return active.size();
    }

    /** Pending deliveries whose time has come, oldest first. */
    @Transactional
    public List<DueDelivery> due(Instant now, int max) {
        return Delivery.getEntityManager().createQuery("""
                        select new org.tc260watch.notifier.delivery.DueDelivery(
                            d.id, d.attempts, s.id, s.email, c.payload)
                        from Delivery d join d.subscription s join d.change c
                        where d.status = :pending and d.nextAttemptAt <= :now and s.status = :active
                        order by d.nextAttemptAt, d.id""", DueDelivery.class)
                .setParameter("pending", DeliveryStatus.PENDING)
                .setParameter("active", SubscriptionStatus.ACTIVE)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
    }

    @Transactional
    public void markSent(long deliveryId, Instant at) {
        Delivery.update("status = ?1, sentAt = ?2, lastError = null where id = ?3 and status = ?4",
                DeliveryStatus.SENT, at, deliveryId, DeliveryStatus.PENDING);
    }

    /** Records a failed attempt; the delivery stays pending until {@code nextAttemptAt}. */
    @Transactional
    public void markFailed(long deliveryId, String error, Instant nextAttemptAt) {
        String shortened = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        Delivery.update("attempts = attempts + 1, lastError = ?1, nextAttemptAt = ?2 where id = ?3 and status = ?4",
                shortened, nextAttemptAt, deliveryId, DeliveryStatus.PENDING);
    }

    /** Cancels what is still queued for a subscriber who left; runs in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelPending(Subscription subscription) {
        return Delivery.update("status = ?1 where subscription = ?2 and status = ?3",
                DeliveryStatus.CANCELLED, subscription, DeliveryStatus.PENDING);
    }
}
