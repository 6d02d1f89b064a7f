package org.tc260watch.notifier.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.tc260watch.notifier.delivery.DeliveryStatus;
import org.tc260watch.notifier.delivery.MailRows;

/**
 * The subscription_notice table: mails about subscriptions still to be sent, and each attempt's outcome. A notice is
 * claimed before it is sent, like a delivery ({@link MailRows}): several notifier instances share the table, and only
 * the one whose claim wins sends it.
 */
@ApplicationScoped
public class NoticeOutbox {

    private final MailRows rows = new MailRows(SubscriptionNotice.class);

    /**
     * Queues a notice, cancelling what is still queued for the subscription: only the newest says what is true now,
     * and an address asked for five times while the mail server was down gets one mail, not five.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(Subscription subscription, SubscriptionNotice.Kind kind, Instant now) {
        cancelPending(subscription);
        SubscriptionNotice notice = new SubscriptionNotice();
        notice.subscription = subscription;
        notice.kind = kind;
        notice.status = DeliveryStatus.PENDING;
        notice.attempts = 0;
        notice.nextAttemptAt = now;
        notice.createdAt = now;
        notice.persist();
    }

    /**
     * Runs in the caller's transaction (the subscription ended, or a newer notice replaces these). A notice being sent
     * (SENDING) is cancelled too: should its attempt fail, it must not come back as PENDING beside the newer one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelPending(Subscription subscription) {
        return SubscriptionNotice.update("status = ?1 where subscription = ?2 and status in (?3, ?4)",
                DeliveryStatus.CANCELLED, subscription, DeliveryStatus.PENDING, DeliveryStatus.SENDING);
    }

    /** Pending notices whose time has come, oldest first, with their subscription loaded. */
    @Transactional
    public List<SubscriptionNotice> due(Instant now, int max) {
        return SubscriptionNotice.getEntityManager().createQuery("""
                        select n from SubscriptionNotice n join fetch n.subscription
                        where n.status = :pending and n.nextAttemptAt <= :now
                        order by n.nextAttemptAt, n.id""", SubscriptionNotice.class)
                .setParameter("pending", DeliveryStatus.PENDING)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
    }

    /** PENDING → SENDING for one attempt. @return whether this caller got it (not another instance) */
    @Transactional
    public boolean claim(long noticeId, Instant now) {
        return rows.claim(noticeId, now);
    }

    @Transactional
    public void markSent(long noticeId, Instant at) {
        rows.sent(noticeId, at);
    }

    /** A pending notice that no longer fits its subscription: never sent. */
    @Transactional
    public void markCancelled(long noticeId) {
        SubscriptionNotice.update("status = ?1 where id = ?2 and status = ?3", DeliveryStatus.CANCELLED, noticeId,
                DeliveryStatus.PENDING);
    }

    /**
     * Attempt {@code attempt} failed; the notice is pending again from {@code nextAttemptAt} on, unless another
     * instance has claimed it since ({@link org.tc260watch.notifier.delivery.MailRows#failed}).
     */
    @Transactional
    public void markFailed(long noticeId, int attempt, String error, Instant nextAttemptAt) {
        rows.failed(noticeId, attempt, error, nextAttemptAt);
    }

    /** Claims older than {@code claimedBefore}: their instance died mid-send; pending again, due now. */
    @Transactional
    public int releaseStale(Instant claimedBefore, Instant now) {
        return rows.releaseStale(claimedBefore, now);
    }
}
