package org.tc260watch.notifier.delivery;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * The status moves every {@link MailQueue} makes on its {@link MailRow}s, written once for both tables. Each is one
 * conditional UPDATE, so two senders (or a sender and an admin) never both move a row; runs in the caller's
 * transaction.
 */
public final class MailRows {

    private final Class<? extends MailRow> entity;
    private final String name;

    public MailRows(Class<? extends MailRow> entity) {
        this.entity = entity;
        this.name = entity.getSimpleName();
    }

    /** PENDING → SENDING, attempts + 1. @return whether this caller got it */
    public boolean claim(long id, Instant now) {
        return em().createQuery("update " + name + " r set r.status = :sending, r.claimedAt = :now,"
                        + " r.attempts = r.attempts + 1 where r.id = :id and r.status = :pending")
                .setParameter("sending", DeliveryStatus.SENDING).setParameter("now", now).setParameter("id", id)
                .setParameter("pending", DeliveryStatus.PENDING).executeUpdate() > 0;
    }

    /** SENDING → SENT. @return whether the row was SENDING */
    public boolean sent(long id, Instant at) {
        return em().createQuery("update " + name + " r set r.status = :sent, r.sentAt = :at, r.claimedAt = null,"
                        + " r.lastError = null where r.id = :id and r.status = :sending")
                .setParameter("sent", DeliveryStatus.SENT).setParameter("at", at).setParameter("id", id)
                .setParameter("sending", DeliveryStatus.SENDING).executeUpdate() > 0;
    }

    /**
     * PENDING or SENDING → SENT, for a mail the journal says the server accepted before the process died (the claim,
     * and the mark, may have been lost with it). @return whether the row was not marked yet
     */
    public boolean sentBeforeCrash(long id, Instant at) {
        return em().createQuery("update " + name + " r set r.status = :sent, r.sentAt = :at, r.claimedAt = null,"
                        + " r.lastError = null where r.id = :id and r.status in (:pending, :sending)")
                .setParameter("sent", DeliveryStatus.SENT).setParameter("at", at).setParameter("id", id)
                .setParameter("pending", DeliveryStatus.PENDING).setParameter("sending", DeliveryStatus.SENDING)
                .executeUpdate() > 0;
    }

    /**
     * SENDING → PENDING, due again at {@code next}, if the row is still in the claim of attempt {@code attempt}. The
     * attempt number fences a stale instance: one that hung past the claim timeout while another released the row and
     * claimed it again (attempt + 1) must not undo that newer claim with its late failure.
     */
    public void failed(long id, int attempt, String error, Instant next) {
        em().createQuery("update " + name + " r set r.status = :pending, r.lastError = :error, r.nextAttemptAt = :next,"
                        + " r.claimedAt = null where r.id = :id and r.status = :sending and r.attempts = :attempt")
                .setParameter("pending", DeliveryStatus.PENDING).setParameter("error", MailQueue.shortened(error))
                .setParameter("next", next).setParameter("id", id).setParameter("sending", DeliveryStatus.SENDING)
                .setParameter("attempt", attempt).executeUpdate();
    }

    /** SENDING → DEAD, fenced by the attempt as {@link #failed} is. @return whether the row was in that claim */
    public boolean dead(long id, int attempt, String error) {
        return em().createQuery("update " + name + " r set r.status = :dead, r.lastError = :error, r.claimedAt = null"
                        + " where r.id = :id and r.status = :sending and r.attempts = :attempt")
                .setParameter("dead", DeliveryStatus.DEAD).setParameter("error", MailQueue.shortened(error))
                .setParameter("id", id).setParameter("sending", DeliveryStatus.SENDING)
                .setParameter("attempt", attempt).executeUpdate() > 0;
    }

    /** DEAD → PENDING with a fresh count of attempts, due now. @return whether the row was DEAD */
    public boolean revive(long id, Instant now) {
        return em().createQuery("update " + name + " r set r.status = :pending, r.attempts = 0, r.nextAttemptAt = :now"
                        + " where r.id = :id and r.status = :dead")
                .setParameter("pending", DeliveryStatus.PENDING).setParameter("now", now).setParameter("id", id)
                .setParameter("dead", DeliveryStatus.DEAD).executeUpdate() > 0;
    }

    /** SENDING since before {@code claimedBefore} → PENDING, due now. */
    public int releaseStale(Instant claimedBefore, Instant now) {
        return em().createQuery("update " + name + " r set r.status = :pending, r.claimedAt = null,"
                        + " r.nextAttemptAt = :now where r.status = :sending and r.claimedAt < :before")
                .setParameter("pending", DeliveryStatus.PENDING).setParameter("now", now)
                .setParameter("sending", DeliveryStatus.SENDING).setParameter("before", claimedBefore)
                .executeUpdate();
    }

    private EntityManager em() {
        return Panache.getEntityManager(entity);
    }
}
