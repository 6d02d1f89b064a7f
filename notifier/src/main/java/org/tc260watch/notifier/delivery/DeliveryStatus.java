package org.tc260watch.notifier.delivery;

/** Where one email of one change to one subscriber stands. */
public enum DeliveryStatus {
    /** Not yet accepted by the mail server; retried from {@code next_attempt_at} on. */
    PENDING,
    /** Accepted by the mail server (or written to the mail directory). */
    SENT,
    /** The subscriber left before it was sent. */
    CANCELLED
}
