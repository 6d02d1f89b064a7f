package org.tc260watch.notifier.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A table of mails to send, with the life every row shares: PENDING → SENDING (claimed) → SENT, or back to PENDING
 * after a failure, or DEAD after the last attempt. Instant alerts ({@link DeliveryOutbox}) and digests are two such
 * queues; {@link DeliverySender} works them both the same way.
 */
public interface MailQueue {

    /** For log lines: {@code delivery}, {@code digest}. */
    String name();

    /** Ids of rows due for an attempt, oldest due first. */
    List<Long> due(Instant now, int max);

    /**
     * Claims a due row for one attempt (PENDING → SENDING, attempts + 1) in a transaction of its own.
     *
     * @return empty when the row is not PENDING any more (another instance, a cancellation)
     */
    Optional<Claim> claim(long id, Instant now);

    /** The server accepted it. */
    void markSent(long id, Instant at);

    /**
     * The server accepted it before the process died, says the {@link SentJournal}, but the mark was lost: PENDING or
     * SENDING → SENT. @return whether it was not marked yet
     */
    boolean markSentBeforeCrash(long id, Instant at);

    /**
     * Attempt {@code attempt} ({@link Claim#attempt()}) failed; the next one is due at {@code next}. Nothing happens when
     * the row is no longer in that claim (another instance took it up after the claim timeout).
     */
    void markFailed(long id, int attempt, String error, Instant next);

    /** The last attempt failed: given up until an admin resends it. Fenced by the attempt as {@link #markFailed} is. */
    void markDead(long id, int attempt, String error);

    /**
     * Rows claimed before {@code claimedBefore} and never marked: their process died, or hung, mid-send. They go back to
     * PENDING, due at once. Whether the server had accepted the mail is unknown: it is sent again.
     *
     * @return how many
     */
    int releaseStale(Instant claimedBefore, Instant now);

    /** The longest error text kept ({@code last_error} column). */
    int MAX_ERROR_LENGTH = 2000;

    /** An error text cut to what the {@code last_error} column holds. */
    static String shortened(String error) {
        String e = error == null ? "unknown error" : error;
        return e.length() > MAX_ERROR_LENGTH ? e.substring(0, MAX_ERROR_LENGTH) : e;
    }

    /**
     * One claimed row.
     *
     * @param attempt  the number of this attempt (1 for the first)
     * @param mail     composes the mail, outside the claim's transaction
     * @param detected when the changes the mail tells of were detected (the change-to-mail latency metric)
     */
    record Claim(long id, int attempt, Supplier<OutgoingMail> mail, List<Instant> detected) {
    }
}
