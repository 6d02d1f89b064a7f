package org.tc260watch.notifier.delivery;

import jakarta.transaction.Transactional;
import java.time.Instant;

/** A {@link MailQueue} on a table of {@link MailRow}s: the status moves in a transaction each. */
public abstract class RowQueue implements MailQueue {

    /** The table's status moves (no constructor argument: CDI proxies want a no-argument constructor). */
    protected abstract MailRows rows();

    @Override
    @Transactional
    public void markSent(long id, Instant at) {
        if (rows().sent(id, at)) {
            afterSent(id, at);
        }
    }

    @Override
    @Transactional
    public boolean markSentBeforeCrash(long id, Instant at) {
        if (rows().sentBeforeCrash(id, at)) {
            afterSent(id, at);
            return true;
        }
        return false;
    }

    @Override
    @Transactional
    public void markFailed(long id, int attempt, String error, Instant next) {
        rows().failed(id, attempt, error, next);
    }

    @Override
    @Transactional
    public void markDead(long id, int attempt, String error) {
        if (rows().dead(id, attempt, error)) {
            afterDead(id, error);
        }
    }

    @Override
    @Transactional
    public int releaseStale(Instant claimedBefore, Instant now) {
        return rows().releaseStale(claimedBefore, now);
    }

    /** In the transaction that marked the row SENT. */
    protected void afterSent(long id, Instant at) {
    }

    /** In the transaction that marked the row DEAD. */
    protected void afterDead(long id, String error) {
    }
}
