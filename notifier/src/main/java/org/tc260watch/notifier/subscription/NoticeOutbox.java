package org.tc260watch.notifier.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** The subscription_notice table: mails about subscriptions still to be sent, and each attempt's outcome. */
@ApplicationScoped
public class NoticeOutbox {

    private static final int MAX_ERROR_LENGTH = 2000;

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
        notice.status = SubscriptionNotice.Status.PENDING;
        notice.attempts = 0;
        notice.nextAttemptAt = now;
        notice.createdAt = now;
        notice.persist();
    }

    /** Runs in the caller's transaction (the subscription ended, or a newer notice replaces these). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelPending(Subscription subscription) {
        return SubscriptionNotice.update("status = ?1 where subscription = ?2 and status = ?3",
                SubscriptionNotice.Status.CANCELLED, subscription, SubscriptionNotice.Status.PENDING);
    }

    /** Pending notices whose time has come, oldest first, with their subscription loaded. */
    @Transactional
    public List<SubscriptionNotice> due(Instant now, int max) {
        return SubscriptionNotice.getEntityManager().createQuery("""
                        select n from SubscriptionNotice n join fetch n.subscription
                        where n.status = :pending and n.nextAttemptAt <= :now
                        order by n.nextAttemptAt, n.id""", SubscriptionNotice.class)
                .setParameter("pending", SubscriptionNotice.Status.PENDING)
                .setParameter("now", now)
                .setMaxResults(max)
                .getResultList();
    }

    @Transactional
    public void markSent(long noticeId, Instant at) {
        finish(noticeId, SubscriptionNotice.Status.SENT, at);
    }

    @Transactional
    public void markCancelled(long noticeId) {
        finish(noticeId, SubscriptionNotice.Status.CANCELLED, null);
    }

    /** Records a failed attempt; the notice stays pending until {@code nextAttemptAt}. */
    @Transactional
    public void markFailed(long noticeId, String error, Instant nextAttemptAt) {
        String shortened = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        SubscriptionNotice.update("attempts = attempts + 1, lastError = ?1, nextAttemptAt = ?2 where id = ?3 and status = ?4",
                shortened, nextAttemptAt, noticeId, SubscriptionNotice.Status.PENDING);
    }

    private static void finish(long noticeId, SubscriptionNotice.Status status, Instant sentAt) {
        SubscriptionNotice.update("status = ?1, sentAt = ?2, lastError = null where id = ?3 and status = ?4",
                status, sentAt, noticeId, SubscriptionNotice.Status.PENDING);
    }
}
