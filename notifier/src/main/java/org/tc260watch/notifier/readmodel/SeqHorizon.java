package org.tc260watch.notifier.readmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How far a change stream may safely read. Sequence numbers are taken when a change is inserted but become visible
 * when its transaction commits, and with several notifier instances (or a retried insert) a later number can commit
 * first. A stream that moved past a missing number would never send the change that later fills it. So the stream
 * advances only over numbers without holes; a hole is waited for up to a grace period, after which it is taken as a
 * number that will never come (a rolled-back insert, numbers a sequence cache skipped on restart).
 *
 * <p>One instance per stream, used by one thread at a time.
 */
public final class SeqHorizon {

    private final Duration grace;
    private long gapAfter = -1;
    private Instant gapSeen;

    public SeqHorizon(Duration grace) {
        this.grace = grace;
    }

    /**
     * @param cursor  every number up to this one has been dealt with
     * @param arrived the numbers stored after {@code cursor}, ascending (as many as one poll reads)
     * @param now     the time of this poll
     * @return the highest number up to which everything has arrived or has been waited for long enough
     */
    public long advance(long cursor, List<Long> arrived, Instant now) {
        long horizon = cursor;
        for (long seq : arrived) {
            if (seq > horizon + 1 && !gapExpired(horizon, now)) {
                return horizon;
            }
            horizon = seq;
        }
        return horizon;
    }

    /** True when the hole after {@code horizon} has been seen for longer than the grace period. */
    private boolean gapExpired(long horizon, Instant now) {
        if (gapAfter != horizon) {
            gapAfter = horizon;
            gapSeen = now;
        }
        return !now.isBefore(gapSeen.plus(grace));
    }
}
